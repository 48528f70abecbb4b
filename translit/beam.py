"""The k best syllable sequences of a name: one option per chunk, their scores summed.

Each chunk offers its options (a toned syllable in a role, with its score), sorted best first;
a beam keeps the k best sequences so far and extends them chunk by chunk. With sorted inputs the
k best extensions lie in a small corner of the grid (beam entry × option), so a step sums a dozen
cells instead of all of them. Entries carry what a reading needs (parts, channel
log-probability, text), so the decoder makes readings without a second pass over the parts.
(The decoder keeps the beams over a path's first two chunks, which names share, in a bounded
cache; keeping longer prefixes saved no time: those repeat far less, and their beams took
~45 MB after 20k names.) A syllable read is carried as the plain tuple of its :class:`Part`'s
fields: the garbage collector stops tracking tuples of str and float, so the cached options and
beams cost its full collections nothing; the decoder makes Parts only for the answers it returns.

>>> options = [(-1.0, ("تو", "tú", "given", -0.5, -0.5), "Tú")]
>>> [text for _, _, _, text in k_best_sums(EMPTY_BEAM, options, 6)]
['Tú']
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

# A Part's fields: (source, syllable, role, channel_logp, prior_logp).
PartFields = tuple[str, str, str, float, float]
# (channel + prior log-probability, the syllable read, that syllable as a name writes it)
Option = tuple[float, PartFields, str]
# A beam entry: (score, parts, channel log-probability, text in Vietnamese order). The channel
# log-probability starts at int 0, as sum() over the parts did: the same float either way.
Hypothesis = tuple[float, tuple[PartFields, ...], float, str]
EMPTY_BEAM: tuple[Hypothesis, ...] = ((0.0, (), 0, ""),)
_score = itemgetter(0)


def best_sequences(
    first: Sequence[Hypothesis], rest: Sequence[Sequence[Option]], k: int, *,
    surname_last: bool = False,
) -> Sequence[Hypothesis]:
    """The ``k`` best sequences: ``first`` (a beam over the first chunk) extended by one option
    of each chunk of ``rest`` in turn, best first; ``surname_last`` writes the last chunk first.
    """
    beam = first
    last = len(rest) - 1
    for index, options in enumerate(rest):
        beam = k_best_sums(beam, options, k, surname_last=surname_last and index == last)
    return beam


@lru_cache(maxsize=256)  # (rows ≤ the beam width, columns ≤ the options per chunk)
def grid_cells(rows: int, columns: int, k: int) -> tuple[tuple[int, int], ...]:
    """The cells (i, j) of a rows × columns grid that can hold one of its ``k`` best sums.

    With both lists sorted best first, every cell above or left of (i, j) is at least as good,
    so (i, j) can only be among the k best when (i + 1)(j + 1) ≤ k: 14 cells of 60 for k = 6.

    >>> grid_cells(2, 3, 3)
    ((0, 0), (0, 1), (0, 2), (1, 0))
    """
    return tuple((i, j) for i in range(rows) for j in range(columns) if (i + 1) * (j + 1) <= k)


def best_cells(
    beam: Sequence[Hypothesis], options: Sequence[Option], k: int
) -> list[tuple[float, int, int]]:
    """The ``k`` best (sum, beam index, option index) of a beam and options sorted best first.

    Only the cells of :func:`grid_cells` are summed; a stable sort keeps equal sums in
    (beam index, option index) order, the order a best-first search of the grid pops them in.
    (The decoder makes its readings from the last step's cells directly.)
    """
    if not beam or not options:
        return []
    sums = [(beam[i][0] + options[j][0], i, j) for i, j in grid_cells(len(beam), len(options), k)]
    sums.sort(key=_score, reverse=True)
    return sums[:k]


def k_best_sums(
    beam: Sequence[Hypothesis], options: Sequence[Option], k: int, *,
    surname_last: bool = False,
) -> list[Hypothesis]:
    """The ``k`` best extensions of a beam by one option (:func:`best_cells`).

    The text puts the new syllable first with ``surname_last`` (Công Phượng Nguyễn is written
    Nguyễn Công Phượng), last otherwise.
    """
    extended = []
    for total, i, j in best_cells(beam, options, k):
        _, parts, channel, text = beam[i]
        _, part, syllable = options[j]
        text = joined(text, syllable, surname_last)
        extended.append((total, (*parts, part), channel + part[3], text))
    return extended


def joined(text: str, syllable: str, surname_last: bool) -> str:
    """A name's text so far with one more syllable: first with ``surname_last``, else last."""
    if not text:
        return syllable
    return syllable + " " + text if surname_last else text + " " + syllable
