"""The name model: how likely a Vietnamese name is, before looking at how it was spelled.

Priors come from real frequencies in the lexicons: surnames with population shares, middle and
given syllables by gender, given-name pairs, a syllable unigram as back-off. The gazetteer of
notable people and places (``people.tsv``, ``places.tsv`` and user lexicons) adds whole-name
entries, so that a known name wins over a merely plausible one.

>>> model = default_model()
>>> model.toned("nguyên", "surname", "M")[0][0]
'nguyễn'
"""

from __future__ import annotations

import itertools
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from translit.cache import CompiledTables, cached
from translit.lexicon import LexiconError, Row, parse_float, read_rows, shipped_rows
from translit.syllable import (
    NAME_WORD,
    SYLLABLE_WORD,
    canonical_text,
    is_place_word,
    remove_tones,
    split_bare,
    strip_tone,
    title,
    toned_forms,
    word_key,
)
from translit.types import Gender, Kind

# "surname" | "middle" | "inner" (a middle after the first) | "given" | "place" (a syllable of a
# place name)
Role = str
GENDERS: tuple[Gender, Gender] = ("M", "F")
# Dirichlet smoothing toward the syllable unigram: how many pseudo-counts the back-off is worth.
ROLE_SMOOTHING = 40.0
SURNAME_SMOOTHING = 0.02
TONED_PER_SYLLABLE = 3
# Weight of each prominence level in the gazetteer prior (a household name is mentioned far more
# often than a ward).
PROMINENCE_WEIGHT: Mapping[int, float] = MappingProxyType({1: 1.0, 2: 2.0, 3: 60.0})
# How often a known person appears by the last two syllables of the name alone, relative to
# the full name.
GIVEN_NAME_SHARE = 0.3
# A surname this common (share of people) may end a name written surname last (the decoder's
# turned gazetteer walk).
COMMON_SURNAME = 0.01
# ... and how often a modern household name (prominence 3, born since GIVEN_ALONE_SINCE: Diệm,
# Giáp, Thưởng) appears by the last syllable alone, as Western and Arabic news call leaders.
# (Kings and classical figures go by their full or reign names: Lý Công Uẩn is never "Uẩn".)
GIVEN_ALONE_SHARE = 0.15
GIVEN_ALONE_SINCE = 1850


class Entry(NamedTuple):
    """A whole name the gazetteer knows: a notable person, a place, a user lexicon entry.

    (A named tuple: 30k of them unpickle from the disk cache twice as fast as dataclasses.)
    """

    text: str
    kind: Kind
    syllables: tuple[str, ...]
    weight: float
    gender: Gender | None = None
    # The first name of its lexicon row, the one the person or place goes by (the text itself
    # for a main name; Võ Nguyên Giáp for Giáp, Lăng Chủ Tịch Hồ Chí Minh for Lăng Hồ Chí Minh).
    main: str = ""


# An Entry as the gazetteer stores it: a plain tuple of its fields.
EntryRow = tuple[str, Kind, tuple[str, ...], float, Gender | None, str]


class Gazetteer:
    """Whole-name entries keyed by their bare syllables, with log-priors per kind.

    ``entries`` maps a tuple of bare syllables to the entries spelled so, as plain tuples in the
    field order of :class:`Entry` (:meth:`lookup` gives them as entries); ``children`` maps every
    proper prefix of those keys (the empty one too) to the syllables that can follow it, so a
    search can stop as soon as no name continues, and test a chunk's candidates one string at a
    time instead of building a tuple for each. (Flat tables of plain tuples, strings and dicts
    of strings: they load from the disk cache fastest, and the garbage collector, which stops
    tracking such tuples and dicts, then never traverses them again; it traversed the 23k named
    tuples and 7k frozensets these were at every full collection, exit included.)
    """

    def __init__(self, entries: Iterable[Entry], other_names: Iterable[Entry] = ()) -> None:
        # A name's prior is its weight over the weight of all the people (places) listed: each
        # person or place counts once, by the first name of its row, so that listing more names
        # of one (aliases, a given name alone) does not make every other name rarer.
        entries = list(entries)
        totals: dict[str, float] = defaultdict(float)
        for entry in entries:
            totals[entry.kind] += entry.weight
        # The same name listed twice (a ward name in several provinces) adds up its weight. It
        # goes by its own text when that is the main name of one of them, or when they go by
        # different names (Hải alone: which Hải is not known).
        merged: dict[tuple[str, Kind], Entry] = {}
        for entry in itertools.chain(entries, other_names):
            entry = entry._replace(main=entry.main or entry.text)
            found = merged.get((entry.text, entry.kind))
            if found is not None:
                entry = Entry(
                    found.text, found.kind, found.syllables, found.weight + entry.weight,
                    found.gender or entry.gender,
                    found.main if found.main == entry.main else found.text,
                )
            merged[(entry.text, entry.kind)] = entry
        self.logp: dict[tuple[str, Kind], float] = {}
        by_key: dict[tuple[str, ...], list[EntryRow]] = defaultdict(list)
        # (Strings interned: the disk cache then holds each syllable once, and loads in half
        # the time; the tables are the same.)
        intern = sys.intern
        for (text, kind), entry in sorted(merged.items()):
            text = intern(text)
            self.logp[(text, kind)] = math.log(entry.weight / totals[kind])
            syllables = tuple(map(intern, entry.syllables))
            by_key[tuple(intern(remove_tones(syllable)) for syllable in syllables)].append(
                (text, kind, syllables, entry.weight, entry.gender, intern(entry.main))
            )
        self.entries = {key: tuple(found) for key, found in by_key.items()}
        children: dict[tuple[str, ...], dict[str, None]] = defaultdict(dict)
        for key in by_key:
            for end in range(len(key)):
                children[key[:end]][key[end]] = None
        self.children = dict(children)

    def lookup(self, key: tuple[str, ...]) -> tuple[Entry, ...]:
        """The entries spelled by a tuple of bare syllables (none when it spells no entry)."""
        return tuple(map(Entry._make, self.entries.get(key, ())))


class NameModel(CompiledTables):
    """Priors over Vietnamese names; immutable once built, safe to share between threads."""

    _caches = ("_toned_elsewhere",)

    def __init__(
        self,
        *,
        unigram: dict[str, float],
        surnames: dict[str, float],
        parts: dict[tuple[Role, Gender], dict[str, float]],
        pairs: dict[Gender, dict[tuple[str, str], float]],
        gazetteer: Gazetteer,
        places: dict[str, float] | None = None,
        place_lengths: dict[int, float] | None = None,
    ) -> None:
        total = sum(unigram.values()) or 1.0
        vocabulary = max(1, len(unigram))
        self._unigram_total = total + vocabulary
        self._unigram = {s: (c + 1.0) / self._unigram_total for s, c in unigram.items()}
        surname_total = sum(surnames.values()) or 1.0
        self._surnames = {s: w / surname_total for s, w in surnames.items()}
        # The bare forms of the surnames one person in a hundred has (Nguyễn … Trịnh).
        self.common_surnames = frozenset(
            strip_tone(s)[0] for s, share in self._surnames.items() if share >= COMMON_SURNAME
        )
        self._parts = parts
        self._part_totals = {k: sum(v.values()) for k, v in parts.items()}
        self._pairs = pairs
        self._pair_totals = {g: sum(v.values()) for g, v in pairs.items()}
        self._places = places or {}
        self._places_total = sum(self._places.values())
        lengths = place_lengths or {}
        lengths_total = sum(lengths.values()) + len(lengths) + 1
        # log P(an unlisted place has n syllables): the listed places' lengths, add-one smoothed
        # (one unseen length's share for all longer ones)
        self.place_length_logp = tuple(
            math.log((lengths.get(n, 0.0) + 1.0) / lengths_total)
            for n in range(max(lengths, default=0) + 2)
        )
        self.gazetteer = gazetteer
        # Made once here, so they are in the disk cache: a process filled them name by name
        # before, and the first few thousand names of a list took half their time doing so.
        # The likeliest toned forms of every bare syllable of the inventory in every slot the
        # decoder reads (a syllable outside it is scored when asked for) ...
        self._toned_table = {
            (role, gender): {bare: self._toned(bare, role, gender) for bare in bares}
            for bares in [sorted({strip_tone(syllable)[0] for syllable in unigram})]
            for role, gender in SLOTS
        }
        # ... and the bonus of every pair of middle and given syllables the lists hold (0.0 for
        # the others).
        self.pair_bonuses: Mapping[tuple[str, str, Gender], float] = {
            (middle, given, gender): bonus
            for gender, counts in sorted(pairs.items())
            for middle, given in counts
            if (bonus := self._pair_bonus(middle, given, gender))
        }
        self._add_caches()

    def _add_caches(self) -> None:
        self._toned_elsewhere = lru_cache(maxsize=10_000)(self._toned)

    def unigram(self, syllable: str) -> float:
        """P(syllable) in running Vietnamese, with add-one smoothing."""
        return self._unigram.get(syllable, 1.0 / self._unigram_total)

    def logp(self, syllable: str, role: Role, gender: Gender) -> float:
        """log P(syllable | role, gender), smoothed toward the unigram."""
        if role == "inner":
            # A second middle syllable (Thị *Thủy* Ngân) is often a given name in its own right.
            return math.log(
                0.5 * math.exp(self.logp(syllable, "middle", gender))
                + 0.5 * math.exp(self.logp(syllable, "given", gender))
            )
        back_off = self.unigram(syllable)
        if role == "place":
            return math.log((self._places.get(syllable, 0.0) + ROLE_SMOOTHING * back_off)
                            / (self._places_total + ROLE_SMOOTHING))
        if role == "surname":
            share = self._surnames.get(syllable, 0.0)
            return math.log((share + SURNAME_SMOOTHING * back_off) / (1 + SURNAME_SMOOTHING))
        counts = self._parts.get((role, gender), {})
        total = self._part_totals.get((role, gender), 0.0)
        return math.log(
            (counts.get(syllable, 0.0) + ROLE_SMOOTHING * back_off) / (total + ROLE_SMOOTHING)
        )

    def pair_bonus(self, middle: str, given: str, gender: Gender) -> float:
        """log of how much likelier the pair is than its two parts drawn independently (≥ 0)."""
        return self.pair_bonuses.get((middle, given, gender), 0.0)

    def toned(self, bare: str, role: Role, gender: Gender) -> tuple[tuple[str, float], ...]:
        """The likeliest toned forms of a bare syllable in a role, best first, with their
        log-probabilities."""
        found = self._toned_table.get((role, gender), _NO_FORMS).get(bare)
        return self._toned_elsewhere(bare, role, gender) if found is None else found

    def _pair_bonus(self, middle: str, given: str, gender: Gender) -> float:
        total = self._pair_totals.get(gender, 0.0)
        count = self._pairs.get(gender, {}).get((middle, given), 0.0)
        if not count or not total:
            return 0.0
        joint = count / total
        independent = math.exp(
            self.logp(middle, "middle", gender) + self.logp(given, "given", gender)
        )
        return max(0.0, math.log(joint / independent))

    def _toned(self, bare: str, role: Role, gender: Gender) -> tuple[tuple[str, float], ...]:
        """The likeliest toned forms of a bare syllable in a role, best first."""
        scored = [(form, self.logp(form, role, gender)) for form in toned_forms(bare)]
        scored.sort(key=lambda item: (-item[1], item[0]))
        return tuple(scored[:TONED_PER_SYLLABLE])


# The (role, gender) slots the decoder reads toned forms in (a place syllable has no gender: one
# slot).
SLOTS: tuple[tuple[Role, Gender], ...] = (
    *((role, gender) for role in ("surname", "middle", "inner", "given") for gender in GENDERS),
    ("place", "M"),
)
_NO_FORMS: Mapping[str, tuple[tuple[str, float], ...]] = MappingProxyType({})


def _gender(value: str, where: str) -> Gender | None:
    if value in ("", "U"):
        return None
    if value == "M":
        return "M"
    if value == "F":
        return "F"
    raise LexiconError(f"{where}: gender must be M, F or empty, got {value!r}")


def entries_from_rows(
    rows: Iterable[tuple[int, Row]], *, name: str, default_kind: Kind | None = None,
    strict: bool = True, prominence_weight: Mapping[int, float] = PROMINENCE_WEIGHT,
    place_words: Callable[[Row], bool] = lambda row: False,
) -> tuple[list[Entry], list[Entry]]:
    """Gazetteer entries of a people/places/user lexicon: each row's first name, and its other
    names (aliases, a person's given name alone), entries of their own that the
    :class:`Gazetteer` does not count twice.

    A name with a word that is no Vietnamese syllable is kept, as written, for the rows that
    ``place_words`` says may have them (administrative units: Krông Pa, M'Drắk; the channel
    spells those words, :func:`default_place_words`); otherwise ``strict`` makes it an error
    (user lexicons), or it is skipped (Bà Nà Hills, an English word).
    """
    entries: list[Entry] = []
    other_names: list[Entry] = []
    for number, row in rows:
        where = f"{name}:{number}"
        kind_value = row.get("kind", "") if default_kind is None else default_kind
        kind: Kind = "person" if kind_value == "person" else "place"
        if default_kind is None and kind_value not in ("person", "place"):
            raise LexiconError(f"{where}: kind must be person or place, got {kind_value!r}")
        prominence = int(parse_float(row.get("prominence", ""), where=where, default=1.0))
        weight = parse_float(row.get("weight", ""), where=where, default=0.0) or (
            prominence_weight.get(prominence, 1.0)
        )
        gender = _gender(row.get("gender", ""), where) if kind == "person" else None
        names = [row["name"], *(a for a in row.get("aliases", "").split("|") if a.strip())]
        forms: dict[tuple[str, ...], str] = {}
        keep_words = place_words(row)
        for text in names:
            # Numbered wards (Mỹ Đình 1, Phường 12) are known and written by their name alone.
            form = canonical_text(
                " ".join(w for w in text.split() if not w.isdigit()), place_words=keep_words
            )
            if form is None or any(char.isdigit() for char in form):
                if not strict:
                    continue
                raise LexiconError(f"{where}: {text!r} is not a Vietnamese name")
            syllables = tuple(map(word_key, NAME_WORD.findall(form)))
            # Two ways of punctuating one name (Thừa Thiên - Huế, Thừa Thiên Huế) are one
            # answer, not two that split its probability: the plainest is kept.
            kept = forms.get(syllables)
            if kept is None or _punctuation(form) < _punctuation(kept):
                forms[syllables] = form
        main = next(iter(forms.values()), "")
        for position, (syllables, form) in enumerate(forms.items()):
            found = Entry(form, kind, syllables, weight, gender, main)
            (other_names if position else entries).append(found)
            if kind == "person" and len(syllables) >= 3 and " " in form:
                # News calls people by their given name (Công Phượng, Quang Hải): the last two
                # syllables are a known name too, though less often than the full name.
                given = title(" ".join(syllables[-2:]))  # (Minh-Khai: the syllables decide)
                share = weight * GIVEN_NAME_SHARE
                other_names.append(Entry(given, kind, syllables[-2:], share, gender, main))
                born = int(parse_float(row.get("born", ""), where=where, default=0.0))
                if prominence >= 3 and born >= GIVEN_ALONE_SINCE:
                    alone = title(syllables[-1])
                    other_names.append(Entry(
                        alone, kind, syllables[-1:], weight * GIVEN_ALONE_SHARE, gender, main
                    ))
    return entries, other_names


def _punctuation(text: str) -> int:
    return sum(1 for char in text if not (char.isalpha() or char == " "))


def _count_rows(filename: str, columns: Sequence[str]) -> Iterable[tuple[str, Row, float]]:
    """``(where, row, count)`` for each row of a shipped count table (last column = count)."""
    for number, row in shipped_rows(filename, required=columns):
        where = f"lexicons/{filename}:{number}"
        yield where, row, parse_float(row[columns[-1]], where=where)


def _genders(value: str, where: str) -> tuple[Gender, ...]:
    """The genders a count row speaks for: both, split evenly, when it gives none."""
    gender = _gender(value, where)
    return GENDERS if gender is None else (gender,)


def _part_counts() -> dict[tuple[Role, Gender], dict[str, float]]:
    counts: dict[tuple[Role, Gender], dict[str, float]] = defaultdict(dict)
    columns = ("syllable", "role", "gender", "count")
    for where, row, count in _count_rows("name_syllables.tsv", columns):
        if row["role"] not in ("middle", "given"):
            raise LexiconError(f"{where}: role must be middle or given, got {row['role']!r}")
        genders = _genders(row["gender"], where)
        syllable = row["syllable"].lower()
        for gender in genders:
            table = counts[(row["role"], gender)]
            table[syllable] = table.get(syllable, 0.0) + count / len(genders)
    return dict(counts)


def _pair_counts() -> dict[Gender, dict[tuple[str, str], float]]:
    pairs: dict[Gender, dict[tuple[str, str], float]] = {"M": {}, "F": {}}
    for where, row, count in _count_rows("name_pairs.tsv", ("pair", "gender", "count")):
        words = row["pair"].lower().split()
        if len(words) != 2:
            raise LexiconError(f"{where}: a pair has two syllables, got {row['pair']!r}")
        genders = _genders(row["gender"], where)
        for gender in genders:
            pair = (sys.intern(words[0]), sys.intern(words[1]))
            pairs[gender][pair] = pairs[gender].get(pair, 0.0) + count / len(genders)
    return pairs


def load_model(
    extra_lexicons: Sequence[str | Path] = (), *,
    prominence_weight: Mapping[int, float] = PROMINENCE_WEIGHT,
) -> NameModel:
    """Build the name model from the shipped lexicons plus user lexicons (same columns).

    ``prominence_weight`` maps a gazetteer entry's prominence (1-3) to its weight.
    """
    unigram: dict[str, float] = defaultdict(float)
    for _, row, count in _count_rows("syllables.tsv", ("syllable", "count")):
        unigram[row["syllable"].lower()] += count
    surnames = {
        row["surname"].lower(): weight
        for _, row, weight in _count_rows("surnames.tsv", ("surname", "weight"))
        if " " not in row["surname"]
    }
    entries: list[Entry] = []
    other_names: list[Entry] = []
    shipped: tuple[tuple[Kind, str], ...] = (("person", "people.tsv"), ("place", "places.tsv"))
    for kind, filename in shipped:
        main, other = entries_from_rows(
            shipped_rows(filename, required=("name",)), name=f"lexicons/{filename}",
            default_kind=kind, strict=False, prominence_weight=prominence_weight,
            place_words=_may_hold_name_words,
        )
        entries += main
        other_names += other
    for path in extra_lexicons:
        main, other = entries_from_rows(
            read_rows(Path(path), required=("name", "kind")), name=str(path),
            prominence_weight=prominence_weight,
        )
        entries += main
        other_names += other
    places, place_lengths = _place_counts(entries)
    return NameModel(
        unigram=dict(unigram), surnames=surnames, parts=_part_counts(), pairs=_pair_counts(),
        gazetteer=Gazetteer(entries, other_names), places=places, place_lengths=place_lengths,
    )


def _place_counts(entries: Iterable[Entry]) -> tuple[dict[str, float], dict[int, float]]:
    """How many places (each counted once, by its main name) have each toned syllable, and each
    number of syllables: Vietnamese place names draw on their own stock (Tân, Phú, Giồng, Đồng),
    unlike given names, and most have two (a place of one syllable, Huế or Vinh, is rare)."""
    counts: dict[str, float] = defaultdict(float)
    lengths: dict[int, float] = defaultdict(float)
    for entry in entries:
        if entry.kind == "place":
            words = SYLLABLE_WORD.findall(entry.text)
            for word in words:
                counts[word.lower()] += 1.0
            lengths[len(words)] += 1.0
    return dict(counts), dict(lengths)


@lru_cache(maxsize=1)
def default_model() -> NameModel:
    """The model over the shipped lexicons, built once on first use (disk-cached)."""
    return cached("model", load_model, NameModel)


@dataclass(frozen=True)
class PlaceTree:
    """Which shipped place lies in which: to tell an address (Ba Đình, Hà Nội) from a list of
    places (Hà Nội, Huế). Names are matched in lower case, main names and aliases alike."""

    mains: Mapping[str, frozenset[str]]  # a place's name or alias → the main names it may be
    parents: Mapping[str, frozenset[str]]  # a main name → the places it lies in (the country too)
    countries: frozenset[str]

    def lies_in(self, place: str, other: str) -> bool:
        """Whether ``other`` holds ``place`` (Hà Nội holds Ba Đình; the country holds any), or
        lies in the same province (Ba Đình after Phúc Xá)."""
        around = self._parents_of(place)
        others = self.mains.get(other.lower(), frozenset())
        return bool(around & others) or bool(around & self._parents_of(other) - self.countries)

    def is_name_of(self, name: str, place: str) -> bool:
        """Whether ``name`` is a name or alias of the place whose main name is ``place`` (Hàn
        of Sông Hàn; Đảo Phú Quốc of Phú Quốc)."""
        return place.lower() in self.mains.get(name.lower(), ())

    def same_place(self, name: str, other: str) -> bool:
        """Whether two names are names of one place (Sông Hàn and Hàn)."""
        return not self.mains.get(name.lower(), frozenset()).isdisjoint(
            self.mains.get(other.lower(), ())
        )

    def _parents_of(self, name: str) -> frozenset[str]:
        return frozenset().union(
            *(self.parents.get(main, frozenset()) for main in self.mains.get(name.lower(), ()))
        )

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as plain dicts (a mapping proxy does not pickle), for the disk cache."""
        return _place_tree, (dict(self.mains), dict(self.parents), self.countries)


def _place_tree(
    mains: dict[str, frozenset[str]], parents: dict[str, frozenset[str]],
    countries: frozenset[str],
) -> PlaceTree:
    return PlaceTree(MappingProxyType(mains), MappingProxyType(parents), countries)


@lru_cache(maxsize=1)
def place_tree() -> PlaceTree:
    """The :class:`PlaceTree` of ``places.tsv``, read on first use (disk-cached)."""
    return cached("place-tree", _read_place_tree, PlaceTree)


def _read_place_tree() -> PlaceTree:
    rows = [row for _, row in shipped_rows("places.tsv", required=("name", "kind"))]
    countries = frozenset(row["name"].lower() for row in rows if row["kind"] == "country")
    mains: dict[str, set[str]] = defaultdict(set)
    parents: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        main = row["name"].lower()
        for name in (row["name"], *(row.get("aliases") or "").split("|")):
            if name:
                mains[name.lower()].add(main)
        if row.get("parent"):
            parents[main].add(row["parent"].lower())
        if row["kind"] != "country":
            parents[main].update(countries)
    return _place_tree(
        {name: frozenset(found) for name, found in mains.items()},
        {name: frozenset(found) for name, found in parents.items()},
        countries,
    )


def _is_administrative(row: Row) -> bool:
    """Whether a places.tsv row is an administrative unit (levels 1-3; 4 is a landmark)."""
    return row.get("level", "") in ("1", "2", "3")


def _may_hold_name_words(row: Row) -> bool:
    """Whether a shipped row's names may hold words that are no syllable: an administrative unit
    (Krông Pa), or a person, since the build keeps such words only in the names of
    people_minority.tsv (Y Thanh Hà Niê Kđăm) and drops aliases with them."""
    return "level" not in row or _is_administrative(row)


@lru_cache(maxsize=1)
def default_place_words() -> frozenset[str]:
    """The words of administrative units' and people's names that are no Vietnamese syllable,
    bare (Krông, Pleiku, M'Drắk, Kđăm: ``krông``, ``pleiku``, ``mdrăk``, ``kđăm``): the channel
    spells them from their pieces (:func:`translit.channel.word_spellings`), so the gazetteer's
    names with them can be read.

    Landmarks' names are left out: their odd words are mostly English or French ones (Crazy
    House, Pasteur) that Arabic text spells its own way.
    """
    words: set[str] = set()
    rows = [
        *shipped_rows("people.tsv", required=("name",)),
        *shipped_rows("places.tsv", required=("name",)),
    ]
    for _, row in rows:
        if not _may_hold_name_words(row):
            continue
        for name in (row["name"], *(row.get("aliases") or "").split("|")):
            for word in NAME_WORD.findall(name):
                bare = remove_tones(word_key(word))
                if split_bare(bare) is None and is_place_word(word):
                    words.add(bare)
    return frozenset(words)


@lru_cache(maxsize=1)
def default_inventory() -> frozenset[str]:
    """Every bare syllable the shipped lexicons know (the channel's inventory)."""
    rows = _count_rows("syllables.tsv", ("syllable", "count"))
    bare = {remove_tones(row["syllable"]).lower() for _, row, _ in rows}
    for _, row in shipped_rows("places.tsv", required=("name",)):
        bare.update(remove_tones(w).lower() for w in SYLLABLE_WORD.findall(row["name"]))
    return frozenset(b for b in bare if split_bare(b) is not None)
