"""Evidence from web addresses: the unaccented Vietnamese slug of an article's source page.

Arabic editions of Vietnamese news often cite their source (``المصدر: https://…/tong-thu-ky-quoc-
hoi-…-le-quang-manh-…``): the slug spells the Vietnamese names without tones, which settles what
Arabic cannot write (Thúy or Thủy, Văn or Vân).

>>> slugs = Slugs.from_text("", ["https://example.vn/chu-tich-le-quang-manh-tham-10398076.html"])
>>> slugs.contains(("le", "quang", "manh")), slugs.contains(("quang", "le"))
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import regex

from translit.syllable import fold
from translit.types import Match

_URL = regex.compile(r"https?://[^\s()<>\"'\[\]«»،]+", regex.IGNORECASE)
_WORD = regex.compile(r"[a-z]+")
# Slug evidence only for names of at least this many syllables: one syllable (tu, ha) is too
# common in slugs to tell readings apart.
MIN_WORDS = 2
MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Slugs:
    """Word n-grams of the slugs of some addresses."""

    ngrams: frozenset[tuple[str, ...]]

    @classmethod
    def from_text(cls, text: str, urls: Iterable[str] = ()) -> Slugs:
        """The slugs of ``urls`` and of every address written in ``text``."""
        ngrams: set[tuple[str, ...]] = set()
        for url in [*urls, *(found.group() for found in _URL.finditer(text))]:
            for words in _slug_words(url):
                for size in range(MIN_WORDS, MAX_WORDS + 1):
                    ngrams.update(
                        tuple(words[i:i + size]) for i in range(len(words) - size + 1)
                    )
        return cls(frozenset(ngrams))

    def contains(self, words: Sequence[str]) -> bool:
        """Whether the toneless words appear in that order, adjacent, in a slug."""
        return tuple(words) in self.ngrams

    def choose(self, matches: Sequence[Match]) -> tuple[Match, str | None]:
        """The first reading that a slug spells, with the slug words; else the first reading."""
        if self.ngrams:
            for match in matches:
                words = _WORD.findall(fold(match.text))
                if len(words) >= MIN_WORDS and self.contains(words):
                    return match, "-".join(words)
        return matches[0], None


def _slug_words(url: str) -> list[list[str]]:
    """Lower-case ASCII words of each path segment (``.html`` and numeric ids dropped)."""
    path = unquote(urlsplit(url.strip()).path)
    segments = []
    for segment in path.split("/"):
        segment = regex.sub(r"\.[a-z0-9]{2,5}$", "", segment.lower())
        words = [word for word in _WORD.findall(fold(segment)) if word]
        if words:
            segments.append(words)
    return segments
