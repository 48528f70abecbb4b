"""Clean-up and tokenization of Arabic-script text, keeping offsets into the original string.

Lexicon keys and user input go through the same :func:`normalize`, so a spelling written with
tashkeel, tatweel, presentation forms (from PDFs) or bidi marks reads like the plain one.

>>> normalize("نُجُوين\u200f")
'نجوين'
>>> [t.text for t in tokenize("والرفيق «تران كام تو»، سكرتير")]
['والرفيق', 'تران', 'كام', 'تو', 'سكرتير']
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

# Tashkeel and Quranic marks, superscript alef, tatweel, zero-width and bidi controls, BOM.
_DROP = regex.compile(
    r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640"
    r"\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]"
)
_UNIFY = str.maketrans({
    "أ": "ا", "إ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي",
    "ک": "ك", "ڪ": "ك", "ە": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    "ڨ": "ڤ", "ڭ": "گ",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
})
# ة at the end of a word is read as ه; آ keeps its own letter (Anh → آنه) until the channel
# folds it.
_FINAL_TEH_MARBUTA = regex.compile(r"ة(?!\p{L})")
_ARABIC_LETTER = regex.compile(r"[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]")
# Every Arabic letter but tatweel (which normalize drops) is still an Arabic letter after
# normalize, with whatever marks surround it.
_KEPT_LETTER = regex.compile(r"[\u0620-\u063F\u0641-\u064A\u0671-\u06D3\u06FA-\u06FF]")
# A token: a run of letters and digits, joined by hyphens or apostrophes inside a word; the marks
# normalize() drops (bidi, zero-width, BOM) may sit inside it (نجو\u200fين is one word).
_WORD = r"[\p{L}\p{N}\p{M}\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]+"
_TOKEN = regex.compile(rf"{_WORD}(?:[-'’]{_WORD})*")


def normalize(text: str) -> str:
    """Fold an Arabic-script string to the form lexicon keys use (length may change).

    NFKC, drop tashkeel/tatweel/zero-width/bidi marks, unify alef, hamza and yeh forms, final
    teh marbuta → heh, Arabic-Indic digits → ASCII. Persian letters that carry Vietnamese sounds
    (پ گ ڤ چ) are kept.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _DROP.sub("", text)
    text = text.translate(_UNIFY)
    return str(_FINAL_TEH_MARBUTA.sub("ه", text))


def has_article(word: str) -> bool:
    """Whether a cleaned Arabic word (alef forms merged) starts with the article ال, or with
    لل (ل "of, for" + ال: للحزب): then it is no part of a Vietnamese name, since no syllable
    starts with a vowel and l, or with two l."""
    return len(word) > 3 and word.startswith(("ال", "لل"))


def has_arabic(text: str) -> bool:
    """True when ``text`` holds at least one Arabic letter."""
    return _ARABIC_LETTER.search(text) is not None


def reads_as_arabic(text: str) -> bool:
    """``has_arabic(normalize(text))``, normalising only text that holds no plain Arabic letter.

    (Most names hold one: they skip the NFKC pass that only presentation forms need.)
    """
    return _KEPT_LETTER.search(text) is not None or has_arabic(normalize(text))


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the input: ``original[start:end]`` as written, ``text`` normalised."""

    text: str
    start: int
    end: int


def tokenize(original: str) -> list[Token]:
    """Split text into normalised word tokens with offsets into ``original``.

    Punctuation (Latin and Arabic: ، ؛ ؟ « » and the rest) separates tokens and is dropped;
    hyphens inside a word are kept (the decoder treats them as word boundaries).
    """
    tokens = []
    for found in _TOKEN.finditer(original):
        text = normalize(found.group())
        if text:
            tokens.append(Token(text, found.start(), found.end()))
    return tokens


def words(original: str) -> list[str]:
    """The normalised texts of :func:`tokenize`'s tokens, without offsets.

    Each word is normalised once per process (a bounded cache): names share their words.
    """
    return [text for text in map(_normalized_word, _TOKEN.findall(original)) if text]


@lru_cache(maxsize=20_000)
def _normalized_word(word: str) -> str:
    return normalize(word)
