"""Result types of the public API: frozen, slotted, comparable by value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["person", "place"]
Gender = Literal["M", "F"]


@dataclass(frozen=True, slots=True)
class Part:
    """How one syllable of the answer was read.

    ``source`` is the piece of (cleaned) input it came from: an Arabic chunk of a token (a token may
    hold several syllables, ``هانوي`` → ``ها`` + ``نوي``) or a Latin word. ``role`` is the slot the
    name model gave it: ``surname``, ``middle``, ``given``, ``place`` (a syllable of a place no
    lexicon lists, read when the caller says the name is a place), or ``entry`` (a syllable of a
    gazetteer entry, a known person or place, matched whole). ``channel_logp`` says how well the
    spelling fits the syllable, ``prior_logp`` how likely the syllable is in that role.
    """

    source: str
    syllable: str
    role: str
    channel_logp: float
    prior_logp: float


@dataclass(frozen=True, slots=True)
class Match:
    """One reading of a name.

    ``text`` is canonical Vietnamese (NFC, title case, one tone-mark placement); ``probability`` is
    normalised over the candidates the decoder kept, so it is low when several readings compete;
    ``kind`` is ``"person"`` or ``"place"``; ``gender`` is the gender the name model settled on for
    persons (``None`` when unknown or for places); ``known`` is true when the whole name is a
    gazetteer entry (a notable person, a place, or a user lexicon entry); ``score`` is the raw
    log-score behind ``probability``; ``parts`` explain the choice syllable by syllable.
    ``entry`` is, for a known name, the name the entry goes by, the first of its lexicon row:
    ``text`` is the name as read, which may be another name of it (Giáp, Lăng Hồ Chí Minh give
    Võ Nguyên Giáp, Lăng Chủ Tịch Hồ Chí Minh), so two spellings of one person or place share
    their ``entry``. It is ``text`` itself where a name is several entries' other name (Hải alone),
    and ``None`` for a name no lexicon lists.
    """

    text: str
    probability: float
    kind: Kind
    score: float
    parts: tuple[Part, ...]
    gender: Gender | None = None
    known: bool = False
    entry: str | None = None

    @property
    def toneless(self) -> str:
        """The answer without tone marks or vowel diacritics, ASCII, lower case."""
        from translit.syllable import fold

        return fold(self.text)


@dataclass(frozen=True, slots=True)
class Span:
    """A Vietnamese name found in running text: ``text[start:end]`` is the name as written."""

    start: int
    end: int
    source: str
    match: Match
    cue: str | None = None
