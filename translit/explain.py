"""A readable account of how a name was read: tokens, readings, each reading syllable by syllable.

>>> print(explain("تران كام تو", k=1))  # doctest: +ELLIPSIS
input     تران كام تو
tokens    تران | كام | تو
<BLANKLINE>
#  reading      probability  score ...
"""

from __future__ import annotations

from collections.abc import Sequence

from translit import arabic
from translit.channel import key
from translit.normalizer import Normalizer, default_normalizer
from translit.types import Match


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
        for line in (header, *rows)
    ]


def _readings(found: Sequence[Match]) -> list[str]:
    return _table(
        ("#", "reading", "probability", "score", "kind", "gender", "known entry"),
        [
            (str(rank), match.text, f"{match.probability:.3f}", f"{match.score:.2f}", match.kind,
             match.gender or "-", match.entry or "-")
            for rank, match in enumerate(found, start=1)
        ],
    )


def _syllables(match: Match) -> list[str]:
    return _table(
        ("source", "syllable", "role", "channel_logp", "prior_logp"),
        [
            (part.source, part.syllable, part.role, f"{part.channel_logp:.2f}",
             f"{part.prior_logp:.2f}")
            for part in match.parts
        ],
    )


def _read(token: str, sources: Sequence[str]) -> bool:
    """Whether a token is the source of a syllable, part of one (two tokens read as one, an
    exonym read whole), or the sources of consecutive syllables (هانوي: ها + نوي)."""
    if any(token in source for source in sources):
        return True
    for start in range(len(sources)):
        joined = ""
        for source in sources[start:]:
            joined += source
            if not token.startswith(joined):
                break
            if joined == token:
                return True
    return False


def explain(name: str, *, normalizer: Normalizer | None = None, k: int = 3) -> str:
    """The explanation of ``name`` as a plain-text table (best ``k`` readings).

    ``normalizer`` reads the name; by default the shared one
    (:func:`translit.normalizer.default_normalizer`).

    >>> explain("هانوي", k=1).splitlines()[4].split()[:3]
    ['1', 'Hà', 'Nội']
    """
    if normalizer is None:
        normalizer = default_normalizer()
    tokens = " | ".join(token.text for token in arabic.tokenize(name)) or "(none)"
    lines = [f"input     {name}", f"tokens    {tokens}", ""]
    found = normalizer.candidates(name, k)
    if not found:
        lines.append("not a Vietnamese name: no reading scored above the decoder's threshold")
        return "\n".join(lines)
    lines += _readings(found)
    # (a token is read when a syllable came from a piece of it, or from a phrase that holds it:
    # an exonym read whole, Ho Chi Minh City)
    # (compared as the channel keys them: آن is read from the source ان)
    sources = [key(part.source) for part in found[0].parts if part.source]
    left_out = [
        token.text for token in arabic.tokenize(name) if not _read(key(token.text), sources)
    ]
    if left_out:
        # (titles, place words, notes in brackets, other parts of the field: hints, not name)
        lines += ["", f"left out  {' | '.join(left_out)}"]
    for rank, match in enumerate(found, start=1):
        lines += ["", f"reading {rank}: {match.text}", *_syllables(match)]
    return "\n".join(lines)
