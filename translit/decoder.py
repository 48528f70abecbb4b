"""The decoder: from syllable lattices to ranked, scored, explained names.

Input is a list of *paths*: ways to read the input as a sequence of syllable chunks, each chunk
with its candidate bare syllables and channel log-probabilities (the Arabic and Latin front-ends
build them). For each path the decoder proposes

- persons from the generic name model: the chunks get the roles surname / middle / given in the
  usual orders, each chunk takes its likeliest toned forms in that role, a beam keeps the best;
- whole names from the gazetteer (notable people, places, user entries), matched through a trie.

Scores are log-probabilities: channel + prior + a handful of weights (:class:`Weights`, tuned on
the development set by ``benchmarks/tune.py``). Readings of the same text are merged, and the
probabilities are a softmax over what the beam kept.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import add, attrgetter, itemgetter
from types import MappingProxyType

from translit.beam import (
    EMPTY_BEAM,
    Hypothesis,
    Option,
    PartFields,
    best_cells,
    best_sequences,
    joined,
    k_best_sums,
)
from translit.channel import Chunk, best_logp
from translit.names import GENDERS, PROMINENCE_WEIGHT, SLOTS, Entry, EntryRow, NameModel, Role
from translit.syllable import strip_tone, toned_forms
from translit.types import Gender, Kind, Match, Part

BEAM = 6
OPTIONS_PER_CHUNK = 10
OPTION_CACHE_SIZE = 10_000  # chunks (~20 kB each with their option lists)
FRONTIER_CACHE_SIZE = 50_000
# Beams over the first two chunks of a path (six sequences of two syllables, ~2 kB each).
PAIR_BEAM_CACHE_SIZE = 8_192
PART_CACHE_SIZE = 50_000  # Parts of the answers returned, shared by value
BRANCH_CACHE_SIZE = 100_000  # gazetteer prefixes (a fraction of them is ever walked through)
_score = itemgetter(0)  # the score of a (score, …) tuple
_candidates = attrgetter("candidates")  # a chunk's readings
# A chunk's best options in one (role, gender), and the first step of a beam over them.
_ChunkOptions = tuple[tuple[Option, ...], tuple[Hypothesis, ...]]
# A chunk's options in each (role, gender), by slot number (SLOTS), filled as asked for: a
# list item is set atomically, and two threads filling one slot compute the same value.
_OptionTable = list[_ChunkOptions | None]
# A chunk's best option score in the slot of each plan of a set (:meth:`Decoder._plan_priors`),
# -inf where it has none, by (size, gender hint, the chunk's position): a path's plans are
# bounded by adding these rows up, with built-ins.
_BoundRows = dict[tuple[int, Gender | None, int], tuple[float, ...]]
PLACE_SLOT = SLOTS.index(("place", "M"))
# A role pattern under a gender: (prior, roles, gender, slots, whether the pair bonus applies,
# whether the surname comes last)
_Plan = tuple[float, tuple[Role, ...], Gender, tuple[int, ...], bool, bool]
_Taken = tuple[tuple[str, float], ...]  # (chunk text, channel log-probability) per syllable
_ROOT: tuple[tuple[tuple[str, ...], _Taken], ...] = (((), ()),)
_NOTHING: Mapping[str, None] = MappingProxyType({})
# Below a gazetteer prefix: the syllables that continue it to a longer prefix, and those that end
# an entry there, with the entries (as the gazetteer stores them).
_Branches = tuple[Mapping[str, None], Mapping[str, tuple[EntryRow, ...]]]
# A path, or a role pattern, whose best possible score is this far below the best reading found
# cannot win; a reading this far below the best would have a probability below 2e-5 (at the
# temperature of 0.9), so it is not made: together such readings move the others' probabilities
# by less than 0.3% of their value (on 6,000 distinct names).
PATH_MARGIN = 5.0
RANK_MARGIN = 10.0
# A gazetteer entry at least this heavy (a province, a household name) of two syllables or more
# is read even from letters that fail the is-a-name test ...
FAMOUS_WEIGHT = PROMINENCE_WEIGHT[3]
FAMOUS_CHANNEL_LOGP = -4.0  # ... if its letters spell it this well, per syllable, at least
# A known name whose tone differs from the one the input wrote (a typo, or a variant spelling).
WRONG_TONE_LOGP = -4.0


@dataclass(frozen=True, slots=True)
class Path:
    """One reading of the whole input as syllable chunks; ``logp`` is the cost of the cuts.

    ``kind`` says what the front-end already knows the input is: a path from a place's exonym
    (``Ho Chi Minh City``) reads only as gazetteer places and needs no is-it-a-name test.
    """

    chunks: tuple[Chunk, ...]
    logp: float
    kind: Kind | None = None


def _patterns() -> dict[int, tuple[tuple[tuple[Role, ...], float], ...]]:
    """Role orders by name length, with their prior probabilities."""
    table: dict[int, tuple[tuple[tuple[Role, ...], float], ...]] = {
        1: ((("given",), 0.8), (("surname",), 0.2)),
        # Two syllables in Western order (Bằng Trịnh) are too rare to outweigh a surname first.
        2: ((("surname", "given"), 0.55), (("middle", "given"), 0.45)),
    }
    for size in range(3, 9):
        middles: tuple[Role, ...] = ("middle",) + ("inner",) * (size - 3)
        table[size] = (
            (("surname", *middles, "given"), 0.9),
            ((*middles, "given", "surname"), 0.05),
            (("middle", "inner", *middles[1:], "given"), 0.05),
        )
    return table


PATTERNS = _patterns()
# How much rarer a name written surname last is than one written surname first; the last word
# must read as a common surname this close to its best reading.
SURNAME_LAST_LOGP = math.log(PATTERNS[3][1][1] / PATTERNS[3][0][1])
SURNAME_LAST_SPREAD = 1.0


@dataclass(frozen=True, slots=True)
class Weights:
    """The decoder's few free parameters (log-domain unless said otherwise)."""

    person_logp: float = math.log(0.5)
    place_logp: float = math.log(0.65)
    # Share of person mentions that are gazetteer entries (notable people) rather than anyone.
    known_person_share: float = 0.7
    # Softmax temperature that turns scores into calibrated probabilities, and the mass of the
    # readings a beam does not list, as a share of its generic (non-gazetteer) readings' mass: a
    # name no lexicon lists has many rare readings beside the few decoded, so without it generic
    # answers came with 0.64 on average and were right 43% of the time (dev set). Both fitted by
    # benchmarks/tune.py to the calibration error within known and within generic answers
    # (weighted by their counts): 0.085 at 1.1 / 0 (overall ECE 0.033: the over-confident generic
    # and under-confident known answers cancelled out in the bins), 0.057 at 0.9 / 0.6 (overall
    # 0.049; generic answers 0.44 on average, right 43%); the grid's minimum, 0.055 at 0.8 / 1.0,
    # is within noise and leaves generic answers under-confident.
    temperature: float = 0.9
    unlisted_share: float = 0.6
    # Below this mean channel log-probability per syllable the input is not read as a name.
    min_channel_logp: float = -5.0
    # Is the input a name at all? A linear test on its best spelling reading: channel log-p plus
    # a cost per syllable must beat a cost per letter plus a bias (ordinary Arabic words need
    # many cut or guessed syllables for few letters). Fitted on the development names against the
    # other words of the seed articles: 98% of names pass, 1% of words.
    any_syllable_logp: float = -2.0
    not_a_name_logp: float = 1.0
    not_a_name_letter_logp: float = -1.5
    # Share of place mentions that name a place no lexicon lists (a hamlet, a village, a new
    # commune), read only when the caller says the name is a place.
    unlisted_place_share: float = 0.1
    # Share of women among the persons named (without a gender hint).
    female_share: float = 0.5


# A reading: (score, text, kind, known, gender, parts, channel log-probability, the main name of
# the gazetteer entry read or None). A plain tuple: a name gets a few dozen, made and compared in
# the hottest loops.
_Reading = tuple[
    float, str, Kind, bool, Gender | None, tuple[PartFields, ...], float, str | None
]


class Decoder:
    """Ranks readings of lattices with a :class:`NameModel`; immutable, thread-safe."""

    def __init__(self, model: NameModel, weights: Weights | None = None) -> None:
        self.model = model
        self.weights = weights or Weights()
        # Plain dicts: reads and writes of one key are atomic, and a lost race only recomputes.
        # Each chunk seen gets a number (never reused: itertools.count is atomic) and a table of
        # its options; the gazetteer walk cache is keyed by chunk numbers, so its keys
        # hash fast and are tuples the garbage collector stops tracking. A chunk is found by
        # identity first (the front-ends cache their cuttings, so a token's chunks are the same
        # objects each time): an int key hashes and compares in C, a Chunk's __hash__ and
        # __eq__ run Python code. The entry holds its chunk, so no other object gets its id
        # while it is there. A chunk object seen for the first time is looked up by value, so
        # equal chunks (a syllable cut from different tokens) share one number and table.
        self._chunk_cache: dict[int, tuple[Chunk, int, _OptionTable, _BoundRows]] = {}
        self._chunk_values: dict[Chunk, tuple[int, _OptionTable, _BoundRows]] = {}
        self._chunk_numbers = itertools.count()
        self._frontier_cache: dict[tuple[int, ...], tuple[tuple[tuple[str, ...], _Taken], ...]] = {}
        self._plan_cache: dict[tuple[int, Gender | None], tuple[_Plan, ...]] = {}
        self._ends_in_surname: dict[int, bool] = {}  # by chunk number
        self._pair_beams: dict[int, tuple[Hypothesis, ...]] = {}
        self._branch_cache: dict[tuple[str, ...], _Branches] = {}
        # The Parts of answers, made from their fields once: a name's Parts are mostly those of
        # names before it, and the cache of answers then holds fewer objects the collector walks.
        self._parts: dict[PartFields, Part] = {}

    def decode(
        self, paths: Sequence[Path], *, k: int = 5, gender: Gender | None = None,
        kind: Kind | None = None,
    ) -> list[Match]:
        """The ``k`` best distinct names over all paths, best first, probabilities summing ≤ 1."""
        ranked = [
            (_best_reading(path), path) for path in paths
            if path.chunks and all(map(_candidates, path.chunks))
        ]
        # Letters that fail the is-a-name test may still spell a household name (بنه دنه: Bình
        # Định written letter by letter): only those are read then, nothing generic.
        generic = self._is_name([(best, path) for best, path in ranked if path.kind is None])
        if not ranked:
            return []
        ranked.sort(key=_score, reverse=True)
        top = ranked[0][0]
        readings: list[_Reading] = []
        floor = -math.inf
        for best, path in ranked:
            if best < top - PATH_MARGIN:
                break
            numbers, tables, rows = self._chunk_tables(path.chunks)
            famous_only = not generic and path.kind is None
            known = self._known(path, numbers, gender, kind or path.kind, famous_only=famous_only)
            if kind != "place" and path.kind is None:
                known += self._known_surname_last(path, numbers, gender, famous_only)
            readings += known
            if known:
                floor = max(floor, max(map(_score, known)))
            if path.kind is None and generic:
                if kind == "place":
                    found = self._places(path, tables)
                else:
                    found = self._persons(path, numbers, tables, rows, gender, floor)
                readings += found
                if found:
                    floor = max(floor, max(map(_score, found)))
        threshold = floor - RANK_MARGIN
        return self._rank([r for r in readings if r[0] >= threshold], k)

    def _is_name(self, paths: Sequence[tuple[float, Path]]) -> bool:
        """Whether the best spelling reading beats "these letters are not a Vietnamese name".

        ``paths`` come with their best reading (:func:`_best_reading`).
        """
        if not paths:
            return False
        weights = self.weights
        best = max(
            reading + weights.any_syllable_logp * len(path.chunks) for reading, path in paths
        )
        letters = sum(len(chunk.text) for chunk in paths[0][1].chunks)
        return best > weights.not_a_name_logp + weights.not_a_name_letter_logp * letters

    def _gender_logp(self, gender: Gender, hint: Gender | None) -> float:
        if hint is not None:
            return 0.0 if gender == hint else math.log(0.02)
        share = self.weights.female_share
        return math.log(share if gender == "F" else 1.0 - share)

    def _persons(
        self, path: Path, numbers: tuple[int, ...], tables: Sequence[_OptionTable],
        rows: Sequence[_BoundRows], hint: Gender | None, top: float,
    ) -> list[_Reading]:
        """Generic person readings; a role pattern whose best case is more than ``PATH_MARGIN``
        below the best score so far (``top``) is skipped, and a reading more than ``RANK_MARGIN``
        below it is not made (:meth:`decode` would drop it: its best score only grows)."""
        chunks = path.chunks
        floor = top - PATH_MARGIN
        size = len(chunks)
        every_plan = self._plan_priors(size, hint)
        # Each plan's best case: the sum of each chunk's best option, added in chunk order from
        # 0.0 (-inf where a chunk has none: that plan cannot read the path).
        bests = [0.0] * len(every_plan)
        for position, (chunk, table, chunk_rows) in enumerate(zip(chunks, tables, rows)):
            row = chunk_rows.get((size, hint, position))
            if row is None:
                row = self._bound_row(chunk, table, chunk_rows, every_plan, (size, hint, position))
            bests = list(map(add, bests, row))
        plans: list[tuple[float, float, _Plan]] = []  # (bound, base score, plan)
        for plan, best in zip(every_plan, bests):
            if best != -math.inf:
                base = plan[0] + path.logp
                plans.append((base + best, base, plan))
        plans.sort(key=_score, reverse=True)  # (stable: equal bounds keep the plans' order)
        readings: list[_Reading] = []
        ran = False
        cut = top - RANK_MARGIN
        pair_bonuses = self.model.pair_bonuses
        pair_beams = self._pair_beams
        for bound, base, (_, _, gender, slots, paired, surname_last) in plans:
            if (bound < floor and ran) or bound < cut:
                # (the best plan always runs, the alternatives it gives are worth showing, but
                # not when even its best case would be cut)
                break
            ran = True
            # (each slot was filled when the bound was summed)
            options = [
                table[slot] or self._options(chunk, table, slot)
                for chunk, table, slot in zip(chunks, tables, slots)
            ]
            if len(options) >= 3:
                # Names share their first two words (Nguyễn Văn, Trần Thị): the beam over the
                # first two chunks, in their slots, is kept. (A key of one int: chunk numbers
                # stay far below 2**40, slot numbers below 8.)
                key = (numbers[0] << 40 | numbers[1]) << 6 | slots[0] << 3 | slots[1]
                start = pair_beams.get(key)
                if start is None:
                    start = self._pair_beam(key, options[0][1], options[1][0])
                beam: Sequence[Hypothesis] = start
                if len(options) > 3:
                    beam = best_sequences(start, [found for found, _ in options[2:-1]], BEAM)
            elif len(options) == 2:
                beam = options[0][1]
            else:
                beam = EMPTY_BEAM
            # The last step of the beam makes the readings (k_best_sums, without its tuples);
            # the text and parts only of those that can be ranked.
            last = options[-1][0]
            for score, i, j in best_cells(beam, last, BEAM):
                _, parts, channel, text = beam[i]
                _, part, syllable = last[j]
                if paired:  # (the pair is the beam's last syllable and this one)
                    pair = (parts[-1][1], part[1], gender)
                    score += base + pair_bonuses.get(pair, 0.0)
                else:
                    score += base  # (+ a bonus of 0.0, as the sum always was: the same float)
                if score < cut:
                    continue
                text = joined(text, syllable, surname_last)
                readings.append(
                    (score, text, "person", False, gender, (*parts, part), channel + part[3],
                     None)
                )
                if score - PATH_MARGIN > floor:
                    floor = score - PATH_MARGIN
                    if score > top:
                        top = score
                        cut = top - RANK_MARGIN
        return readings

    def _places(self, path: Path, tables: Sequence[_OptionTable]) -> list[_Reading]:
        """Generic readings of a place no lexicon lists, from the syllables place names use.

        Read only when the caller says the name is a place (``kind="place"``): without that
        hint an unlisted name is read as a person, as most unlisted names in news are.
        """
        beam: Sequence[Hypothesis] = EMPTY_BEAM
        for chunk, table in zip(path.chunks, tables):
            found = table[PLACE_SLOT] or self._options(chunk, table, PLACE_SLOT)
            beam = k_best_sums(beam, found[0], BEAM)
        lengths = self.model.place_length_logp
        base = (
            self.weights.place_logp + math.log(self.weights.unlisted_place_share)
            + lengths[min(len(path.chunks), len(lengths) - 1)] + path.logp
        )
        return [(base + score, text, "place", False, None, parts, channel, None)
                for score, parts, channel, text in beam]

    def _bound_row(
        self, chunk: Chunk, table: _OptionTable, rows: _BoundRows, plans: Sequence[_Plan],
        key: tuple[int, Gender | None, int],
    ) -> tuple[float, ...]:
        """A chunk's best option score in its slot of each plan, kept in ``rows`` (-inf where
        it has no option)."""
        position = key[2]
        row = []
        for plan in plans:
            slot = plan[3][position]
            found = (table[slot] or self._options(chunk, table, slot))[0]
            row.append(found[0][0] if found else -math.inf)
        rows[key] = made = tuple(row)
        return made

    def _pair_beam(
        self, key: int, first: Sequence[Hypothesis], second: Sequence[Option],
    ) -> tuple[Hypothesis, ...]:
        """The beam over a path's first two chunks in their slots, kept in the pair cache."""
        found = tuple(k_best_sums(first, second, BEAM))
        beams = self._pair_beams
        if len(beams) >= PAIR_BEAM_CACHE_SIZE:
            # The older half goes (dicts keep insertion order): the beams of the common first
            # words, asked for again and again, stay. (list() copies the int keys without
            # running Python code, so no thread sees the dict change while it is copied.)
            for old in list(beams)[: PAIR_BEAM_CACHE_SIZE // 2]:
                beams.pop(old, None)
        beams[key] = found
        return found

    def _plan_priors(self, size: int, hint: Gender | None) -> tuple[_Plan, ...]:
        """Each (role pattern, gender) for a name of ``size`` chunks, with its prior (cached).

        The prior is summed in the order the score always was (person, pattern, gender), so
        adding the path's cost to it gives the same float as before it was cached.
        """
        found = self._plan_cache.get((size, hint))
        if found is None:
            generic = self.weights.person_logp + math.log1p(-self.weights.known_person_share)
            found = tuple(
                (
                    generic + math.log(pattern_p) + self._gender_logp(gender, hint),
                    roles, gender, tuple(SLOTS.index((role, gender)) for role in roles),
                    _is_paired(roles), roles[-1] == "surname",
                )
                for roles, pattern_p in PATTERNS.get(size, ())
                for gender in GENDERS
            )
            self._plan_cache[(size, hint)] = found
        return found

    def _chunk_tables(
        self, chunks: Sequence[Chunk]
    ) -> tuple[tuple[int, ...], list[_OptionTable], list[_BoundRows]]:
        """Each chunk's number, table of options by slot and rows of plan bounds, filled as
        asked for."""
        cache = self._chunk_cache
        numbers = []
        tables = []
        rows = []
        for chunk in chunks:
            found = cache.get(id(chunk)) or self._chunk_entry(chunk)
            numbers.append(found[1])
            tables.append(found[2])
            rows.append(found[3])
        return tuple(numbers), tables, rows

    def _chunk_entry(self, chunk: Chunk) -> tuple[Chunk, int, _OptionTable, _BoundRows]:
        """The number, table and bound rows of a chunk object not seen before: those of an
        equal chunk when there is one."""
        values = self._chunk_values
        shared = values.get(chunk)
        if shared is None:
            shared = (next(self._chunk_numbers), [None] * len(SLOTS), {})
            if len(values) >= OPTION_CACHE_SIZE:
                values.clear()
            shared = values.setdefault(chunk, shared)
        cache = self._chunk_cache
        if len(cache) >= 2 * OPTION_CACHE_SIZE:  # (equal chunks are a few objects each)
            cache.clear()
        return cache.setdefault(id(chunk), (chunk, *shared))

    def _options(
        self, chunk: Chunk, table: _OptionTable, slot: int,
    ) -> _ChunkOptions:
        """The best toned syllables for a chunk in a role, with their scores, kept in ``table``
        with the beam they start (a beam's first step is its first chunk's best options).

        (A slot of the chunk's table is set at once: concurrent threads may both compute it, never
        see half of it.)
        """
        role, gender = SLOTS[slot]
        source = chunk.text
        shown = "middle" if role == "inner" else role
        scored = [
            (channel + prior, toned, channel, prior)
            for bare, channel in chunk.candidates
            for toned, prior in self._toned(bare, role, gender, chunk.tone)
        ]
        # Parts only for the few kept (a chunk has up to 24 candidates × 3 toned forms); a stable
        # sort keeps what heapq.nlargest would, ties in order, without its Python-level heap.
        scored.sort(key=_score, reverse=True)
        best = tuple(
            (score, (source, toned, shown, channel, prior), _capitalized(toned))
            for score, toned, channel, prior in scored[:OPTIONS_PER_CHUNK]
        )
        # (the first step of a beam is the best options themselves: k_best_sums(EMPTY_BEAM,
        # best, BEAM) gives these tuples, 0 + channel being the same float)
        found = (best, tuple(
            (score, (part,), 0 + part[3], syllable) for score, part, syllable in best[:BEAM]
        ))
        table[slot] = found
        return found

    def _toned(
        self, bare: str, role: Role, gender: Gender, tone: int | None
    ) -> Sequence[tuple[str, float]]:
        """Toned forms of a bare syllable: the likeliest few, or the one the input wrote."""
        if tone is None:
            return self.model.toned(bare, role, gender)
        return [(form, self.model.logp(form, role, gender)) for form in _forms_of_tone(bare, tone)]

    def _known(
        self, path: Path, numbers: tuple[int, ...], hint: Gender | None, kind: Kind | None,
        *, famous_only: bool = False,
    ) -> list[_Reading]:
        gazetteer = self.model.gazetteer
        readings: list[_Reading] = []
        for entry, channel_parts in self._walk(path.chunks, numbers):
            if kind is not None and entry.kind != kind:
                continue
            channel = sum(channel_logp for _, channel_logp in channel_parts)
            if famous_only and (entry.weight < FAMOUS_WEIGHT or len(entry.syllables) < 2
                                or channel < FAMOUS_CHANNEL_LOGP * len(entry.syllables)):
                continue
            entry_logp = gazetteer.logp[(entry.text, entry.kind)]
            if entry.kind == "person":
                prior = self.weights.person_logp + math.log(self.weights.known_person_share)
                if entry.gender is not None:
                    prior += self._gender_logp(entry.gender, hint) - math.log(0.5)
            else:
                prior = self.weights.place_logp
            share = entry_logp / len(entry.syllables)
            parts = tuple(
                (text, syllable, "entry", channel_logp, share)
                for (text, channel_logp), syllable in zip(channel_parts, entry.syllables)
            )
            score = prior + entry_logp + channel + path.logp
            readings.append(
                (score, entry.text, entry.kind, True, entry.gender, parts, channel, entry.main)
            )
        return readings

    def _known_surname_last(
        self, path: Path, numbers: tuple[int, ...], hint: Gender | None, famous_only: bool,
    ) -> list[_Reading]:
        """Known persons written surname last, as English and sports pages do (كونغ فيونغ
        نغوين: Công Phượng Nguyễn), at the odds of that role order in :data:`PATTERNS`."""
        chunks = path.chunks
        if len(chunks) < 3:
            return []
        surname = self._ends_in_surname.get(numbers[-1])
        if surname is None:
            last = chunks[-1].candidates
            floor = last[0][1] - SURNAME_LAST_SPREAD
            surnames = self.model.common_surnames
            surname = any(bare in surnames for bare, logp in last if logp >= floor)
            if len(self._ends_in_surname) >= OPTION_CACHE_SIZE:
                self._ends_in_surname.clear()
            self._ends_in_surname[numbers[-1]] = surname
        if not surname:
            return []  # (the last word reads as no common surname: the usual case)
        turned = Path((chunks[-1], *chunks[:-1]), path.logp)
        found = self._known(turned, (numbers[-1], *numbers[:-1]), hint, "person",
                            famous_only=famous_only)
        # (their parts in the order of the input, as generic readings written so give them)
        return [
            (score + SURNAME_LAST_LOGP, text, kind, known, gender, (*parts[1:], parts[0]), channel,
             main)
            for score, text, kind, known, gender, parts, channel, main in found
        ]

    def _walk(
        self, chunks: Sequence[Chunk], numbers: tuple[int, ...]
    ) -> list[tuple[Entry, _Taken]]:
        """Gazetteer entries that spell the whole chunk sequence, with the channel score per chunk.

        Found in the order of a depth-first search that visits a node's children last candidate
        first (the order the probabilities were always summed in).
        """
        branches = self._branch_cache
        last = len(chunks) - 1
        chunk = chunks[last]
        found: list[tuple[Entry, _Taken]] = []
        for prefix, taken in self._frontier(chunks[:last], numbers[:last]):
            ends = (branches.get(prefix) or self._branches(prefix))[1]
            if not ends:
                continue
            for bare, channel_logp in chunk.candidates:
                rows = ends.get(bare)
                if rows:
                    step = (*taken, (chunk.text, channel_logp))
                    found.extend((entry, step) for entry in map(Entry._make, rows))
        if found and any(chunk.tone is not None for chunk in chunks):
            found = [(entry, _tone_checked(entry, chunks, taken)) for entry, taken in found]
        return found

    def _frontier(
        self, chunks: Sequence[Chunk], numbers: tuple[int, ...]
    ) -> tuple[tuple[tuple[str, ...], _Taken], ...]:
        """The gazetteer prefixes that ``chunks`` can spell, in depth-first visiting order (cached).

        Names share their first words, so the walk down to the last chunk is mostly looked up.
        """
        if not chunks:
            return _ROOT
        found = self._frontier_cache.get(numbers)
        if found is None:
            branches = self._branch_cache
            chunk = chunks[-1]
            nodes: list[tuple[tuple[str, ...], _Taken]] = []
            for prefix, taken in self._frontier(chunks[:-1], numbers[:-1]):
                inner = (branches.get(prefix) or self._branches(prefix))[0]
                if not inner:
                    continue
                below = [
                    ((*prefix, bare), (*taken, (chunk.text, channel_logp)))
                    for bare, channel_logp in chunk.candidates
                    if bare in inner
                ]
                nodes.extend(reversed(below))  # (a stack visits the last pushed first)
            found = tuple(nodes)
            if len(self._frontier_cache) >= FRONTIER_CACHE_SIZE:
                self._frontier_cache.clear()
            self._frontier_cache[numbers] = found
        return found

    def _branches(self, prefix: tuple[str, ...]) -> _Branches:
        """What follows a gazetteer prefix (cached): a walk tests a chunk's candidates against
        these, one string each, instead of building a tuple for each to look up."""
        gazetteer = self.model.gazetteer
        children, entries = gazetteer.children, gazetteer.entries
        inner: dict[str, None] = {}
        ends: dict[str, tuple[EntryRow, ...]] = {}
        for bare in children.get(prefix, _NOTHING):
            key = (*prefix, bare)
            if key in children:
                inner[bare] = None
            rows = entries.get(key)
            if rows:
                ends[bare] = rows
        found: _Branches = (inner, ends)
        if len(self._branch_cache) >= BRANCH_CACHE_SIZE:
            self._branch_cache.clear()
        self._branch_cache[prefix] = found
        return found

    def _rank(self, readings: list[_Reading], k: int) -> list[Match]:
        if not readings:
            return []
        # Each text's first reading, and the readings of the texts read more than once (a list
        # only for those: most texts are read once).
        first: dict[str, _Reading] = {}
        repeated: dict[str, list[_Reading]] = {}
        for reading in readings:
            text = reading[1].lower()  # (an alias in its own case, Thành phố …, is one text)
            found = first.setdefault(text, reading)
            if found is not reading:
                same_text = repeated.get(text)
                if same_text is None:
                    repeated[text] = [found, reading]
                else:
                    same_text.append(reading)
        # (negated score, text, reading): sorted as plain tuples, best first, ties by text
        ranked = []
        for text, best in first.items():
            if text in repeated:
                total, best = _merged(repeated[text])
            else:
                total = best[0]
            ranked.append((-total, text, best))
        ranked.sort()
        top_best = ranked[0][2]
        if top_best[6] / max(1, len(top_best[5])) < self.weights.min_channel_logp:
            return []
        temperature = self.weights.temperature
        top = -ranked[0][0]
        weights = [math.exp((-negated - top) / temperature) for negated, _, _ in ranked]
        norm = sum(weights) + self.weights.unlisted_share * sum(
            [weight for weight, (_, _, reading) in zip(weights, ranked) if not reading[3]]
        )
        return [
            Match(
                text=text, probability=weight / norm, kind=kind, score=-negated,
                parts=self._made_parts(parts),
                gender=gender if kind == "person" else None, known=known, entry=main,
            )
            for (negated, _, (_, text, kind, known, gender, parts, _, main)), weight
            in zip(ranked[:k], weights[:k])
        ]

    def _made_parts(self, fields: Sequence[PartFields]) -> tuple[Part, ...]:
        """The Parts with these fields (cached: equal Parts are one object)."""
        made = self._parts
        return tuple([made.get(one) or self._new_part(one) for one in fields])

    def _new_part(self, fields: PartFields) -> Part:
        part = Part(*fields)
        if len(self._parts) >= PART_CACHE_SIZE:
            self._parts.clear()
        self._parts[fields] = part
        return part


def _merged(same_text: Sequence[_Reading]) -> tuple[float, _Reading]:
    """Readings of one text as one: their summed probability, and the reading that explains it
    (a known one first, of the kind that holds most of the probability).

    (A text read once is its own merge: the log-sum-exp of one score is that score.)
    """
    if len(same_text) == 2 and same_text[0][2] == same_text[1][2]:
        # Most merges: one person read under both genders. (The same operations as the general
        # case below, in the same order: max keeps the first of equals, the sum starts at 0.)
        first, second = same_text
        best = second if (second[3], second[0]) > (first[3], first[0]) else first
        top = second[0] if second[0] > first[0] else first[0]
        return top + math.log(math.exp(first[0] - top) + math.exp(second[0] - top)), best
    best = max(same_text, key=_known_score)
    total = _logsumexp([r[0] for r in same_text])
    if all(r[2] == best[2] for r in same_text):
        return total, best  # (most often one person read under both genders)
    by_kind: dict[Kind, list[float]] = {}
    for r in same_text:
        by_kind.setdefault(r[2], []).append(r[0])
    kind = max(by_kind, key=lambda key: _logsumexp(by_kind[key]))
    if best[2] != kind:
        best = max((r for r in same_text if r[2] == kind), key=_score)
    return total, best


def _known_score(reading: _Reading) -> tuple[bool, float]:
    return reading[3], reading[0]


def _is_paired(roles: tuple[Role, ...]) -> bool:
    """Whether a role pattern ends in (middle, given): the name model's pair bonus applies."""
    return len(roles) >= 2 and roles[-1] == "given" and roles[-2] in ("middle", "inner")


def _best_reading(path: Path) -> float:
    return best_logp(path.chunks, path.logp)


@lru_cache(maxsize=20_000)
def _forms_of_tone(bare: str, tone: int) -> tuple[str, ...]:
    """The toned forms of a bare syllable that carry ``tone`` (Latin input writes its tones)."""
    return tuple(form for form in toned_forms(bare) if strip_tone(form)[1] == tone)


def _capitalized(syllable: str) -> str:
    """A lower-case syllable with its first letter in upper case (names are title case)."""
    return syllable[0].upper() + syllable[1:]


def _tone_checked(
    entry: Entry, chunks: Sequence[Chunk], taken: tuple[tuple[str, float], ...]
) -> tuple[tuple[str, float], ...]:
    """Charge a gazetteer entry for each syllable whose tone differs from the one written."""
    return tuple(
        (text, logp if chunk.tone is None or strip_tone(syllable)[1] == chunk.tone
         else logp + WRONG_TONE_LOGP)
        for (text, logp), chunk, syllable in zip(taken, chunks, entry.syllables)
    )


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))
