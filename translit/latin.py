"""The Latin front-end: a name written in Latin script → syllable paths for the decoder.

Each word (split on spaces, hyphens, underscores and punctuation; any case; NFC or NFD) becomes a
chunk of candidate bare syllables:

- a word written with Vietnamese letters (``Thủy``, ``Thuý``, ``Nguyên``) is read as exactly the
  bare syllable it spells: its vowel letters are kept, wherever the tone mark was placed;
- an ASCII word (``Tran``, ``NGUYEN``) may be any bare syllable of the inventory with that
  skeleton (``tran``, ``trân``, ``trăn``), all equally likely: the name model chooses vowels
  and tones; in a name that writes Vietnamese letters elsewhere (``Đông Phang``), the
  syllable it spells comes first (``phang``; ``phăng`` at a cost);
- a fused ASCII word that is no syllable (``Haiphong``) is cut into syllables by dynamic
  programming over the same index, each extra syllable at a cost, as the Arabic channel does;
- a whole input equal to a place's exonym (``Hanoi``, ``Saigon``, ``Ho Chi Minh City``, from the
  ``exonyms`` column of ``places.tsv``) also reads as that place.

When the name carries tone marks, each word with Vietnamese letters passes on the tone it wrote
(``Chunk.tone``, level tone included): the decoder keeps it, and a gazetteer entry with another
tone pays a penalty. Names without any tone mark leave the tones to the name model. The output
uses the traditional tone placement (``hòa``, ``thủy``) whatever the input used; for the other
placement, ``translit.syllable.canonical_text(text, style="modern")``.

>>> [[bare for bare, _ in chunk.candidates] for chunk in latin_paths("Tran Cẩm-tu")[0].chunks]
[['tran', 'trân', 'trăn'], ['câm'], ['tu', 'tư']]
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import regex
from unidecode import unidecode

from translit.cache import CompiledTables, cached
from translit.channel import Channel, Chunk, cut, default_channel
from translit.decoder import Path
from translit.lexicon import shipped_rows
from translit.syllable import (
    NAME_WORD,
    fold,
    remove_tones,
    split_bare,
    strip_tone,
    word_key,
)

Reading = tuple[str, float]

# A fused word (Haiphong) holds at most this many syllables and each beyond the first costs
# EXTRA_SYLLABLE_LOGP, as in the Arabic channel: fused words exist but are rare.
MAX_SYLLABLES_PER_WORD = 4
MAX_SYLLABLE_LENGTH = 7
EXTRA_SYLLABLE_LOGP = -1.5
SEGMENTATIONS_PER_WORD = 3
PATHS = 6
# Every bare syllable folds to exactly one ASCII word, so P(word | bare) = 1 for each syllable
# sharing the fold: the channel does not tell them apart and the name model decides. (A uniform
# 1/n instead changes no ranking within a chunk, but makes short ambiguous names such as
# "Co Bo" fail the decoder's is-it-a-name test; measured on the dev set, 0 reads slightly better.)
FOLDED_LOGP = 0.0
# An input equal to an exonym (Saigon, Hue, Thua Thien-Hue) also reads as that place; when it
# reads as syllables too (Sài Gòn, Thừa Thiên Huế) that direct reading should win, so the exonym
# path costs this much; when it does not (HCMC, Bà Nà Hills) the exonym path is the only one.
EXONYM_LOGP = -3.0
# A name that writes Vietnamese letters somewhere (Đông Phang, Trân Câm Tu) writes its vowels and
# its đ: an unmarked word in it (Phang) is most likely the syllable it spells (phang, not phăng).
# Other syllables of its skeleton stay possible at this cost: some type a name half marked.
UNMARKED_LOGP = -3.0
_LOOKUP_SEPARATORS = regex.compile(r"[^a-z0-9]+")


def latin_words(name: str) -> list[str]:
    """The words of a Latin-script name, NFC, in order (separators dropped).

    >>> latin_words("nguyen-phu_trong  THUÝ M'Drắk")
    ['nguyen', 'phu', 'trong', 'THUÝ', "M'Drắk"]
    """
    return NAME_WORD.findall(unicodedata.normalize("NFC", name).replace("_", " "))


def ascii_fold(text: str) -> str:
    """Vietnamese folding, then unidecode for the Latin letters other languages add.

    French and English sources write Saïgon, Hué, Ðà Nẵng (with an Icelandic eth): the same
    skeleton as Vietnamese written without marks.

    >>> ascii_fold("Saïgon"), ascii_fold("Ðà Nẵng")
    ('saigon', 'da nang')
    """
    return str(unidecode(fold(unicodedata.normalize("NFC", text)))).lower()


def exonym_key(text: str) -> str:
    """How exonyms are looked up: ASCII skeleton without separators (``Hanoi`` = ``Ha-Noi``)."""
    return _LOOKUP_SEPARATORS.sub("", ascii_fold(text))


class LatinReader(CompiledTables):
    """Reads Latin words as bare syllables; built once per inventory, immutable."""

    _caches = ("read", "segment")

    def __init__(
        self, inventory: Iterable[str], exonyms: Iterable[tuple[str, str]] = ()
    ) -> None:
        by_fold: dict[str, list[str]] = defaultdict(list)
        self._inventory = frozenset(inventory)
        for bare in sorted(self._inventory):
            by_fold[fold(bare)].append(bare)
        self._by_fold = {
            key: tuple((bare, FOLDED_LOGP) for bare in bares)
            for key, bares in by_fold.items()
        }
        places: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for exonym, place in exonyms:
            syllables = tuple(remove_tones(word_key(w)) for w in NAME_WORD.findall(place))
            if syllables and all(
                split_bare(s) is not None or s in self._inventory for s in syllables
            ):
                found = places[exonym_key(exonym)]
                if syllables not in found:
                    found.append(syllables)
        self._exonyms = {key: tuple(found) for key, found in places.items()}
        self._add_caches()

    def _add_caches(self) -> None:
        self.read = lru_cache(maxsize=100_000)(self._read)
        self.segment = lru_cache(maxsize=100_000)(self._segment)

    def _read(self, word: str) -> tuple[Reading, ...]:
        """Candidate bare syllables of one written word, as ``(bare, channel log p)``."""
        lower = word_key(word)
        if not lower.isascii():
            bare = remove_tones(lower)
            if split_bare(bare) is not None or bare in self._inventory:  # (or Krông, Pleiku)
                return ((bare, 0.0),)
        return self._by_fold.get(ascii_fold(lower), ())

    def _segment(
        self, word: str, tones_written: bool = False, marked: bool = False
    ) -> tuple[tuple[tuple[Chunk, ...], float], ...]:
        """Ways to read one word as syllable chunks, best first, with the cost of the cuts.

        With ``tones_written`` (the name carries tone marks somewhere), a word's tone is kept,
        level tone included; otherwise the name model chooses it. With ``marked`` (the name
        writes Vietnamese letters somewhere), an ASCII word that spells a syllable is read as
        that syllable first (:data:`UNMARKED_LOGP`).
        """
        whole = self.read(word)
        if whole and marked and word.isascii():
            literal = word_key(word)
            if any(bare == literal for bare, _ in whole):
                whole = tuple(sorted(
                    ((bare, logp if bare == literal else logp + UNMARKED_LOGP)
                     for bare, logp in whole),
                    key=lambda reading: -reading[1],
                ))
        if whole:
            tone = strip_tone(word)[1] if tones_written and not word.isascii() else None
            return (((Chunk(word, whole, tone),), 0.0),)
        if len(word) > MAX_SYLLABLES_PER_WORD * MAX_SYLLABLE_LENGTH:
            return ()
        return tuple(cut(
            word, self.read, max_chunk=MAX_SYLLABLE_LENGTH, keep=SEGMENTATIONS_PER_WORD,
            max_chunks=MAX_SYLLABLES_PER_WORD, extra_logp=EXTRA_SYLLABLE_LOGP,
        ))

    def exonym_places(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The bare syllables of the places whose exonym the whole name is (``Saigon``)."""
        return self._exonyms.get(exonym_key(name), ())

    def paths(self, name: str) -> list[Path]:
        """Decoder paths for a Latin-script name, best first; empty when a word cannot be read."""
        partial: list[tuple[float, tuple[Chunk, ...]]] = [(0.0, ())]
        words = latin_words(name)
        # "Trân Câm Tu" has vowel letters but no tone marks: the tones were stripped, not level.
        tones_written = any(strip_tone(word)[1] for word in words)
        marked = not all(map(str.isascii, words))
        for word in words:
            cuts = self.segment(word, tones_written, marked)
            partial = sorted(
                (
                    (logp + cut_logp, chunks + cut)
                    for logp, chunks in partial
                    for cut, cut_logp in cuts
                ),
                key=lambda item: -item[0],
            )[:PATHS]
            if not partial:
                break
        found = [Path(chunks, logp) for logp, chunks in partial if chunks]
        written = latin_words(name)
        for syllables in self.exonym_places(name):
            # The exonym as a whole (Saigon) does not cut into the place's syllables: unless the
            # words match the syllables one to one, the first chunk holds all of it.
            if len(written) == len(syllables):
                sources = written
            else:
                sources = [" ".join(written)] + [""] * (len(syllables) - 1)
            chunks = tuple(
                Chunk(source, ((bare, 0.0),)) for source, bare in zip(sources, syllables)
            )
            found.append(Path(chunks, EXONYM_LOGP if found else 0.0, kind="place"))
        return found


def _exonym_rows() -> list[tuple[str, str]]:
    rows = shipped_rows("places.tsv", required=("name",))
    return [
        (exonym.strip(), row["name"])
        for _, row in rows
        for exonym in row.get("exonyms", "").split("|")
        if exonym.strip()
    ]


@lru_cache(maxsize=4)
def reader_for(channel: Channel) -> LatinReader:
    """The reader over a channel's inventory and the shipped exonyms, built once per channel
    (the default channel's is disk-cached: reading the exonyms of places.tsv took 0.15 s at
    the first Latin name). The default channel is not built here for a channel of one's own.
    """
    if default_channel.cache_info().currsize and channel is default_channel():
        return cached(
            "latin-reader", lambda: LatinReader(channel.inventory, _exonym_rows()), LatinReader
        )
    return LatinReader(channel.inventory, _exonym_rows())


def latin_paths(name: str, channel: Channel | None = None) -> list[Path]:
    """Decoder paths for a Latin-script name (see the module docstring)."""
    return reader_for(channel or default_channel()).paths(name)
