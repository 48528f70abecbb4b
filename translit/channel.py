"""The spelling channel: Arabic token ⇄ toneless Vietnamese syllables.

Everything it knows is in ``lexicons/correspondences.tsv`` (how Arabic text spells each onset,
vowel cluster and coda) and the syllable inventory. :class:`Channel` compiles them once into an
index ``Arabic spelling → [(bare syllable, log p)]`` and reads both ways: :meth:`Channel.read`
gives the syllables an Arabic chunk may spell, :meth:`Channel.spellings` the Arabic spellings of a
syllable (the forward direction uses the same table, so the two cannot drift apart).

A *bare* syllable is a Vietnamese syllable without its tone mark but with its vowel letters
(``nguyên`` for Nguyễn): Arabic writes no tones, so the channel stops there and the name model
chooses the tone.

>>> channel = default_channel()
>>> "nguyên" in [bare for bare, _ in channel.read("نجوين")][:3]
True
>>> [chunk.text for chunk in channel.segment("هانوي")[0].chunks]
['ها', 'نوي']
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from translit import arabic
from translit.cache import CompiledTables, cached
from translit.lexicon import LexiconError, parse_float, shipped_rows
from translit.syllable import VOWELS, split_bare

Reading = tuple[str, float]  # (bare syllable, channel log-probability)

# A spelling that matches only after merging the letters real Arabic text confuses for one
# another (lexicons/letters.tsv) costs SKELETON_PENALTY, an edit beyond that FUZZY_EDIT_PENALTY.
SKELETON_PENALTY = 1.5
# A lone consonant letter is no syllable (its vowel dropped), however the table would spell it.
_VOWEL_LETTERS = frozenset("اوي")
FUZZY_EDIT_PENALTY = 3.0
NEAR_SPELLINGS = 8  # the near spellings a fuzzy look-up reads: the nearest, best reading first
# Letters of Persian and Maghrebi writing (ڤ for v, پ for p, چ for ch, گ for g): few sources use
# them, so their exact spellings are rare in the table, but a writer who has them uses them
# throughout. A chunk with one also reads as its skeleton (ڤ as ف) at this cost, whichever reading
# is better.
_VARIANT_LETTERS = frozenset("ڤپچگ")
VARIANT_PENALTY = 0.5
# A spelling far below a syllable's best one is noise; these bound the index size.
MAX_SPELLINGS = 32
MIN_RELATIVE_LOGP = -7.0
MAX_CHUNK = 10
READINGS_PER_CHUNK = 24
# Each syllable beyond the first inside one token costs this much: fused tokens (هانوي) exist,
# but a token is usually one syllable.
EXTRA_SYLLABLE_LOGP = -1.5
SEGMENTATIONS_PER_TOKEN = 3


def key(text: str) -> str:
    """The form of an Arabic spelling that the index uses (queries and lexicon keys alike).

    >>> key("آنه")
    'انه'
    """
    text = arabic.normalize(text).replace("آ", "ا")
    while "اا" in text:
        text = text.replace("اا", "ا")
    return text


@lru_cache(maxsize=1)
def letter_classes() -> tuple[dict[int, str], dict[int, str]]:
    """The translation tables of ``lexicons/letters.tsv``: (skeleton, sound class)."""
    skeleton_table: dict[int, str] = {}
    sound_table: dict[int, str] = {}
    for number, row in shipped_rows("letters.tsv", required=("letter", "skeleton", "sound")):
        letter = row["letter"]
        if len(letter) != 1:
            raise LexiconError(f"lexicons/letters.tsv:{number}: one letter per row, got {letter!r}")
        if row["skeleton"] != "-":
            skeleton_table[ord(letter)] = row["skeleton"]
        if row["sound"] != "-":
            sound_table[ord(letter)] = row["sound"]
    return skeleton_table, sound_table


def skeleton(text: str) -> str:
    """``key`` with confusable letters merged (ت/ط, س/ص/ث, د/ض, ك/ق, ه/ح, ج/غ …)."""
    return key(text).translate(letter_classes()[0])


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the input that spells one syllable, and the bare syllables it may read as.

    ``tone`` is the tone the input wrote (Latin input with marks: ``Thuý`` → 2); ``None`` when
    the script writes none (Arabic, ASCII), so the name model chooses.
    """

    text: str
    candidates: tuple[Reading, ...]
    tone: int | None = None

    def __hash__(self) -> int:
        """Hash the text and tone only: the decoder keys its caches by chunk many times a name,
        and hashing two dozen candidate readings each time cost more than the look-up saved
        (equal chunks still compare every field)."""
        return hash((self.text, self.tone))


@dataclass(frozen=True, slots=True)
class Segmentation:
    """One way to cut a token into syllable chunks; ``logp`` adds the cut's own cost."""

    chunks: tuple[Chunk, ...]
    logp: float

    @property
    def best_logp(self) -> float:
        """The cut's cost plus the best reading of each chunk: how well it can read at best."""
        return best_logp(self.chunks, self.logp)


def best_logp(chunks: Iterable[Chunk], cut_logp: float = 0.0) -> float:
    """``cut_logp`` plus each chunk's best channel log-probability."""
    return cut_logp + sum([chunk.candidates[0][1] for chunk in chunks])


class Correspondences:
    """The table of ``lexicons/correspondences.tsv``: unit → Vietnamese → [(Arabic, log p)]."""

    UNITS = ("onset", "nucleus", "coda", "rhyme", "letter")

    def __init__(self, rows: Iterable[tuple[int, dict[str, str]]], *, name: str) -> None:
        weights: dict[str, dict[str, dict[str, float]]] = {u: defaultdict(dict) for u in self.UNITS}
        for number, row in rows:
            unit = row["unit"]
            if unit not in weights:
                raise LexiconError(f"{name}:{number}: unknown unit {unit!r}")
            viet = "" if row["vietnamese"] == "-" else row["vietnamese"]
            spelled = "" if row["arabic"] == "-" else key(row["arabic"])
            weight = parse_float(row["weight"], where=f"{name}:{number}")
            table = weights[unit][viet]
            table[spelled] = table.get(spelled, 0.0) + weight
        self.table: dict[str, dict[str, list[tuple[str, float]]]] = {}
        for unit, by_viet in weights.items():
            self.table[unit] = {}
            for viet, spellings in by_viet.items():
                total = sum(spellings.values()) if unit != "rhyme" else 1.0
                self.table[unit][viet] = sorted(
                    ((spelled, math.log(w / total)) for spelled, w in spellings.items() if w > 0),
                    key=lambda item: (-item[1], item[0]),
                )

    def options(self, unit: str, viet: str) -> list[tuple[str, float]]:
        """Spellings of one unit; an unknown unit value is an error in the table, not the input."""
        try:
            return self.table[unit][viet]
        except KeyError:
            raise LexiconError(f"correspondences.tsv has no {unit} {viet!r}") from None


def units(bare: str) -> tuple[str, str, str, str]:
    """The table's units of a bare syllable: (onset, nucleus, coda, rhyme), context rules applied.

    >>> units("giêng"), units("yên")
    (('gi_', 'iê', 'ng', 'iêng'), ('-y', 'yê', 'n', 'yên'))
    """
    parts = split_bare(bare)
    if parts is None:
        raise ValueError(f"not a Vietnamese syllable: {bare!r}")
    onset, rhyme = parts
    if onset == "g" and rhyme.startswith("i"):
        onset = "gi_"
    elif not onset and rhyme.startswith(("i", "y")):
        onset = "-y"
    end = 0
    while end < len(rhyme) and rhyme[end] in VOWELS:
        end += 1
    return onset, rhyme[:end], rhyme[end:], rhyme


def syllable_spellings(table: Correspondences, bare: str) -> dict[str, float]:
    """All Arabic spellings of a bare syllable with their log-probabilities (pruned)."""
    onset, nucleus, coda, rhyme = units(bare)
    override = table.table["rhyme"].get(rhyme, [])
    composed_mass = math.log(max(1e-9, 1.0 - sum(math.exp(lp) for _, lp in override)))
    rhymes: dict[str, float] = {}
    for n_spelled, n_logp in table.options("nucleus", nucleus):
        for c_spelled, c_logp in table.options("coda", coda):
            add_mass(rhymes, n_spelled + c_spelled, n_logp + c_logp + composed_mass)
    for spelled, logp in override:
        add_mass(rhymes, spelled, logp)
    result: dict[str, float] = {}
    for o_spelled, o_logp in table.options("onset", onset):
        for r_spelled, r_logp in rhymes.items():
            spelled = key(o_spelled + r_spelled)
            if spelled:
                add_mass(result, spelled, o_logp + r_logp)
    best = max(result.values())
    kept = sorted(
        ((s, lp) for s, lp in result.items() if lp - best >= MIN_RELATIVE_LOGP),
        key=lambda item: (-item[1], item[0]),
    )[:MAX_SPELLINGS]
    return dict(kept)


# An ethnic-minority place word (Krông, Pleiku) is cut into the fewest pieces, a piece being a
# syllable or, at this cost, one letter (k + rông; p + le + i + ku) ...
LETTER_PIECE_COST = 1.5
SPELLINGS_PER_PIECE = 4  # ... and spelled as the product of its pieces' best spellings.
# A place word is read from spellings of three letters or more (ال, يا, انا are Arabic words) and
# costs this much beside the syllables an Arabic word may spell: it only ever names a place. A
# shorter spelling counts only where a syllable reads it better (ني: ni before Niê), so that it
# never makes letters read as a name that would not otherwise (ال is no syllable: no Al).
MIN_WORD_SPELLING = 3
PLACE_WORD_LOGP = -1.0


def word_pieces(word: str) -> tuple[str, ...] | None:
    """A bare word cut into the fewest syllables and lone letters (see LETTER_PIECE_COST).

    >>> word_pieces("krông"), word_pieces("pleiku")
    (('k', 'rông'), ('p', 'le', 'i', 'ku'))
    """
    best: list[tuple[float, tuple[str, ...]] | None] = [None] * (len(word) + 1)
    best[0] = (0.0, ())
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - MAX_CHUNK), end):
            before = best[start]
            if before is None:
                continue
            piece = word[start:end]
            if split_bare(piece) is not None:
                cost = 1.0
            elif len(piece) == 1:
                cost = LETTER_PIECE_COST
            else:
                continue
            found = best[end]
            if found is None or before[0] + cost < found[0]:
                best[end] = (before[0] + cost, (*before[1], piece))
    whole = best[len(word)]
    return whole[1] if whole is not None else None


def word_spellings(table: Correspondences, word: str) -> dict[str, float]:
    """The Arabic spellings of a bare place word that is no syllable, from its pieces
    (:func:`word_pieces`): a syllable as the channel spells it, a letter as the onset it would
    be (or its ``letter`` row: j, w, f, z). A vowel-initial piece after the first is written
    without its alef seat (Ayun: آيون), and a vowel letter that ends one piece and starts the
    next is written once (p + le + i + ku: بليكو); each piece writes at least one letter.
    Empty when a letter has no spelling.

    >>> list(word_spellings(default_table(), "krông"))[:2]
    ['كرونغ', 'كرونج']
    """
    pieces = word_pieces(word)
    if pieces is None:
        return {}
    options: list[list[tuple[str, float]]] = []
    for position, piece in enumerate(pieces):
        if split_bare(piece) is not None:
            found = list(syllable_spellings(table, piece).items())
            if position and not units(piece)[0].strip("-y"):
                seated: dict[str, float] = {}
                for spelled, logp in found:
                    if len(spelled) > 1 and spelled[0] == "ا" and spelled[1] in "وي":
                        spelled = spelled[1:]
                    add_mass(seated, spelled, logp)
                found = sorted(seated.items(), key=lambda item: (-item[1], item[0]))
        else:
            found = table.table["onset"].get(piece) or table.table["letter"].get(piece, [])
        if not found:
            return {}
        options.append(found[:SPELLINGS_PER_PIECE])
    spelled_word: dict[str, float] = {}
    for choice in itertools.product(*options):
        text = ""
        for spelled, _ in choice:
            if text and spelled and text[-1] == spelled[0] and spelled[0] in "وي":
                spelled = spelled[1:]
            text += spelled
        text = key(text)
        if len(text) >= len(pieces):  # (each piece writes a letter: ea is no lone ا)
            add_mass(spelled_word, text, sum(logp for _, logp in choice))
    if not spelled_word:
        return {}
    best = max(spelled_word.values())
    kept = sorted(
        ((s, lp) for s, lp in spelled_word.items() if s and lp - best >= MIN_RELATIVE_LOGP),
        key=lambda item: (-item[1], item[0]),
    )[:MAX_SPELLINGS]
    return dict(kept)


def add_mass(table: dict[str, float], spelled: str, logp: float) -> None:
    """Accumulate the probability of two paths to the same spelling (log-sum-exp)."""
    old = table.get(spelled)
    if old is None:
        table[spelled] = logp
    else:
        high, low = max(old, logp), min(old, logp)
        table[spelled] = high + math.log1p(math.exp(low - high))


class Channel(CompiledTables):
    """The compiled spelling index over an inventory of bare syllables; immutable once built."""

    _caches = ("read", "segment")

    def __init__(
        self, table: Correspondences, inventory: Iterable[str], words: Iterable[str] = ()
    ) -> None:
        """``inventory``: the bare syllables; ``words``: bare place words that are no syllable
        (Krông, Pleiku), spelled from their pieces (:func:`word_spellings`)."""
        self._table = table
        exact: dict[str, list[Reading]] = defaultdict(list)
        forward: dict[str, tuple[tuple[str, float], ...]] = {}
        syllables = set(inventory)
        short: list[tuple[str, Reading]] = []  # (spelling, reading): shorter than MIN_WORD_SPELLING
        for bare in sorted(syllables | set(words)):
            if bare in syllables:
                spellings = syllable_spellings(table, bare)
            else:
                spellings = word_spellings(table, bare)
                if not spellings:
                    continue
            forward[bare] = tuple(spellings.items())
            for spelled, logp in spellings.items():
                if bare in syllables:
                    if len(spelled) > 1 or spelled in _VOWEL_LETTERS:
                        exact[spelled].append((bare, logp))
                elif len(spelled) >= MIN_WORD_SPELLING:
                    exact[spelled].append((bare, logp + PLACE_WORD_LOGP))
                else:
                    short.append((spelled, (bare, logp + PLACE_WORD_LOGP)))
        for spelled, reading in short:
            if any(logp >= reading[1] for _, logp in exact.get(spelled, ())):
                exact[spelled].append(reading)
        self._forward = forward
        self._words = frozenset(forward) - syllables
        self._exact = {k: _best(v) for k, v in exact.items()}
        by_skeleton: dict[str, list[Reading]] = defaultdict(list)
        for spelled, readings in self._exact.items():
            by_skeleton[spelled.translate(letter_classes()[0])].extend(readings)
        self._skeleton = {k: _best(v) for k, v in by_skeleton.items()}
        # (place words are read from their spellings only, never as near spellings)
        self._skeleton_keys = sorted(
            spelled for spelled, readings in self._skeleton.items()
            if any(bare in syllables for bare, _ in readings)
        )
        self._add_caches()

    def _add_caches(self) -> None:
        self.read = lru_cache(maxsize=200_000)(self._read)
        self.segment = lru_cache(maxsize=200_000)(self._segment)

    @property
    def inventory(self) -> frozenset[str]:
        """The bare syllables the channel can read."""
        return frozenset(self._forward)

    def spellings(self, bare: str) -> tuple[tuple[str, float], ...]:
        """Arabic spellings of a bare syllable, most likely first (empty if unknown)."""
        found = self._forward.get(bare)
        if found is None:
            if split_bare(bare) is None:
                return ()
            found = tuple(syllable_spellings(self._table, bare).items())
        return found

    def lookup(self, chunk: str) -> tuple[Reading, ...]:
        """Readings of a chunk by exact or confusable-letter match only (no edit distance)."""
        found = self._exact.get(chunk)
        if found is not None and _VARIANT_LETTERS.isdisjoint(chunk):
            return found
        merged = self._skeleton.get(skeleton(chunk))
        if merged is None:
            return found or ()
        if found is None:
            return tuple((bare, logp - SKELETON_PENALTY) for bare, logp in merged)
        return _best((*found, *((bare, logp - VARIANT_PENALTY) for bare, logp in merged)))

    def _read(self, chunk: str) -> tuple[Reading, ...]:
        """Readings of one chunk, with edit-distance retrieval when nothing matches exactly."""
        chunk = key(chunk)
        found = self.lookup(chunk)
        if found or not chunk:
            return found
        return self._fuzzy(chunk)

    def _fuzzy(self, chunk: str) -> tuple[Reading, ...]:
        if len(chunk) > MAX_CHUNK + 2 or len(chunk) < 2 or not arabic.has_arabic(chunk):
            return ()  # one edit turns any lone letter or digit into some syllable
        query = skeleton(chunk)
        max_edits = 1 if len(query) <= 4 else 2
        near = process.extract(
            query, self._skeleton_keys, scorer=Levenshtein.distance,
            score_cutoff=max_edits, limit=None,
        )
        # The nearest spellings that read best, not the first in the index: many tie (سويب is
        # one edit from 21 spellings).
        skeletons = self._skeleton
        near.sort(key=lambda found: (found[1], -skeletons[found[0]][0][1]))
        readings: list[Reading] = []
        for spelled, edits, _ in near[:NEAR_SPELLINGS]:
            penalty = SKELETON_PENALTY + FUZZY_EDIT_PENALTY * edits
            readings.extend(
                (bare, logp - penalty) for bare, logp in self._skeleton[spelled]
                if bare not in self._words
            )
        return _best(readings)

    def _segment(self, token: str) -> tuple[Segmentation, ...]:
        """The best ways to cut a token into syllable chunks, best first.

        Dynamic programming over cut points with exact/confusable look-ups; a token that cannot be
        cut that way is read whole with edit-distance retrieval; one that cannot be read at all
        gives an empty tuple.
        """
        text = key(token)
        found = [
            Segmentation(chunks, logp)
            for chunks, logp in cut(text, self.lookup, max_chunk=MAX_CHUNK,
                                    keep=SEGMENTATIONS_PER_TOKEN)
        ]
        if not found or len(found[0].chunks) > 1:
            # Cut into several syllables, a token may rather be one misspelt syllable (تشرونغ
            # is Trương with a stray ش, not Chí Rồng): its near spellings compete.
            fuzzy = self._fuzzy(text) if text else ()
            if fuzzy:
                found.append(Segmentation((Chunk(text, fuzzy),), 0.0))
                found.sort(key=lambda s: -s.best_logp)
        return tuple(found[:SEGMENTATIONS_PER_TOKEN])


def cut(
    text: str,
    lookup: Callable[[str], tuple[Reading, ...]],
    *,
    max_chunk: int,
    keep: int,
    max_chunks: int | None = None,
    extra_logp: float = EXTRA_SYLLABLE_LOGP,
) -> list[tuple[tuple[Chunk, ...], float]]:
    """The best ways to cut ``text`` into chunks that ``lookup`` reads, best first.

    Dynamic programming over cut points; a cutting scores the best reading of each chunk plus
    ``extra_logp`` per chunk beyond the first, and is returned with that cost of the cuts alone
    (the readings are the decoder's to weigh). Shared by the Arabic and Latin front-ends.
    """
    size = len(text)
    # best[i]: the best cuttings of text[:i], as (score, cut points).
    best: list[list[tuple[float, tuple[int, ...]]]] = [[] for _ in range(size + 1)]
    best[0] = [(0.0, (0,))]
    for end in range(1, size + 1):
        options: list[tuple[float, tuple[int, ...]]] = []
        for start in range(max(0, end - max_chunk), end):
            readings = lookup(text[start:end]) if best[start] else ()
            if not readings:
                continue
            step = readings[0][1] + (extra_logp if start else 0.0)
            options.extend(
                (score + step, cuts + (end,))
                for score, cuts in best[start]
                if max_chunks is None or len(cuts) <= max_chunks
            )
        options.sort(key=lambda item: -item[0])
        best[end] = options[:keep]
    return [
        (
            tuple(Chunk(text[a:b], lookup(text[a:b])) for a, b in zip(cuts, cuts[1:])),
            extra_logp * (len(cuts) - 2),
        )
        for _, cuts in best[size]
    ]


def _best(readings: Iterable[Reading]) -> tuple[Reading, ...]:
    """Keep each syllable once (its best reading), best first, at most READINGS_PER_CHUNK."""
    best: dict[str, float] = {}
    for bare, logp in readings:
        if logp > best.get(bare, -math.inf):
            best[bare] = logp
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return tuple(ranked[:READINGS_PER_CHUNK])


@lru_cache(maxsize=1)
def default_table() -> Correspondences:
    """The shipped correspondence table, loaded once."""
    rows = shipped_rows("correspondences.tsv", required=("unit", "vietnamese", "arabic", "weight"))
    return Correspondences(rows, name="lexicons/correspondences.tsv")


@lru_cache(maxsize=1)
def default_channel() -> Channel:
    """The channel over the shipped syllable inventory, built once on first use (disk-cached)."""
    from translit.names import default_inventory, default_place_words

    return cached(
        "channel",
        lambda: Channel(default_table(), default_inventory(), default_place_words()),
        Channel,
    )
