"""Vietnamese syllable algebra: split, compose, strip tones, canonical tone placement.

A syllable is ``onset + rhyme`` with one of six tones. Tones are numbered as in linguistics
textbooks: 0 ngang (no mark), 1 huyền (`), 2 sắc (´), 3 hỏi (̉), 4 ngã (~), 5 nặng (dot below).

The canonical tone placement is the traditional one that Vietnamese news and official documents use
(``hòa``, ``thủy``, ``khỏe``); pass ``style="modern"`` for the other one (``hoà``, ``thuỷ``,
``khoẻ``). Inputs in either style, decomposed (NFD) or composed, read the same.

>>> split("Nguyễn")
('ng', 'uyên', 4)
>>> compose("th", "uy", 3)
'thủy'
>>> toned_forms("hoa")[:3]
('hoa', 'hòa', 'hóa')
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Literal

import regex

Style = Literal["traditional", "modern"]

TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_TONE_OF_MARK = {mark: tone for tone, mark in enumerate(TONE_MARKS) if mark}

# Longest first, so that "ngh" wins over "ng" and "ng" over "n".
ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
STOP_CODAS = ("c", "ch", "p", "t", "k")

# Every rhyme (vowel cluster + coda) of standard Vietnamese orthography, and the -k rhymes of
# Central Highlands place names (Đắk Lắk, Đắk Nông).
RHYMES = frozenset("""
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oc oe oen oeo oet oi om on ong ooc oong op ot
ak ăk ôk ơk uk ok ek êk ik
ô ôc ôi ôm ôn ông ôp ôt
ơ ơc ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung uôc uôi uôm uôn uông uôt up ut
uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ
ư ưa ưc ưi ưm ưn ưng ươc ươi ươm ươn ương ươp ươt ươu ưt ưu
y ych ynh yt yêm yên yêt yêu
""".split())

VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")

_FOLD = str.maketrans("ăâđêôơư", "aadeoou")


def strip_tone(text: str) -> tuple[str, int]:
    """Remove the tone mark of one syllable; return the bare syllable (NFC) and the tone.

    >>> strip_tone("Nguyễn")
    ('Nguyên', 4)
    """
    tone = 0
    kept = []
    for char in unicodedata.normalize("NFD", text):
        mark_tone = _TONE_OF_MARK.get(char)
        if mark_tone is None:
            kept.append(char)
        else:
            tone = mark_tone
    return unicodedata.normalize("NFC", "".join(kept)), tone


def remove_tones(text: str) -> str:
    """Remove every tone mark from a text but keep vowel letters (ă â ê ô ơ ư đ).

    >>> remove_tones("Trần Cẩm Tú")
    'Trân Câm Tu'
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_OF_MARK))


def fold(text: str) -> str:
    """Lower-case ASCII skeleton: no tones, no vowel marks, đ → d.

    >>> fold("Nguyễn Thị Thủy Ngân")
    'nguyen thi thuy ngan'
    """
    return remove_tones(text).lower().translate(_FOLD)


_FRONT = ("i", "e", "ê", "y")


def _spelling_rule_holds(onset: str, rhyme: str) -> bool:
    """c/k, g/gh and ng/ngh: Vietnamese spells the same sound by the vowel that follows.

    k before a back vowel is left alone: place names write it (Bắc Kạn, Kon Tum).
    """
    front = rhyme.startswith(_FRONT)
    if onset in ("gh", "ngh"):
        return front
    if onset == "g" and rhyme.startswith("i"):
        return True  # gì, giếng: the i belongs to the gi- onset, see split_bare
    if onset in ("c", "ng", "g"):
        return not front
    if onset == "qu":
        return not rhyme.startswith(("o", "u"))
    if not onset:
        return not rhyme.startswith("y") or rhyme.startswith("yê") or rhyme == "y"
    return True


def split_bare(bare: str) -> tuple[str, str] | None:
    """Split a toneless, lower-case syllable into ``(onset, rhyme)``; ``None`` if invalid."""
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        if onset == "gi" and (not rhyme or rhyme[0] not in VOWELS or rhyme in {"n", "m"}):
            # "gì", "gìn", "giếng": the i belongs to the rhyme when nothing else is a vowel.
            onset, rhyme = "g", bare[1:]
        if onset == "qu" and not rhyme:
            continue
        if rhyme in RHYMES and _spelling_rule_holds(onset, rhyme):
            return onset, rhyme
        if onset == "gi" and "i" + rhyme in RHYMES and rhyme.startswith("ê"):
            return "g", "i" + rhyme
    return None


@lru_cache(maxsize=65536)
def split(syllable: str) -> tuple[str, str, int] | None:
    """Split a syllable into ``(onset, rhyme, tone)``, lower case; ``None`` if it is not Vietnamese.

    A stop coda (-c, -ch, -p, -t) only takes the sắc or nặng tone.

    >>> split("trần")
    ('tr', 'ân', 1)
    >>> split("quá")
    ('qu', 'a', 2)
    >>> split("hello") is None
    True
    """
    bare, tone = strip_tone(syllable.lower())
    parts = split_bare(bare)
    if parts is None:
        return None
    onset, rhyme = parts
    if rhyme.endswith(STOP_CODAS) and tone not in (2, 5):
        return None
    return onset, rhyme, tone


def is_syllable(text: str) -> bool:
    """True when ``text`` is one valid Vietnamese syllable (any case, any tone placement)."""
    return split(text) is not None


def _tone_index(rhyme: str, style: Style) -> int:
    """Index in ``rhyme`` of the vowel that carries the tone mark."""
    nucleus_end = 0
    while nucleus_end < len(rhyme) and rhyme[nucleus_end] in VOWELS:
        nucleus_end += 1
    nucleus = rhyme[:nucleus_end]
    has_coda = nucleus_end < len(rhyme)
    if "ươ" in nucleus:
        return nucleus.index("ơ")
    marked = [i for i, char in enumerate(nucleus) if char in _MARKED_VOWELS]
    if marked:
        return marked[-1]
    if len(nucleus) == 1:
        return 0
    if has_coda:
        return len(nucleus) - 1
    if len(nucleus) == 3:
        return 1
    if style == "modern" and nucleus in {"oa", "oe", "uy"}:
        return 1
    return 0


def compose(onset: str, rhyme: str, tone: int, *, style: Style = "traditional") -> str:
    """Build a syllable (lower case, NFC) with the tone mark on the vowel the style puts it on.

    >>> compose("h", "oa", 1), compose("h", "oa", 1, style="modern")
    ('hòa', 'hoà')
    """
    if not 0 <= tone <= 5:
        raise ValueError(f"tone must be 0..5, got {tone}")
    if not rhyme:
        raise ValueError("a syllable needs a rhyme")
    index = _tone_index(rhyme, style)
    marked = rhyme[:index + 1] + TONE_MARKS[tone] + rhyme[index + 1:]
    return unicodedata.normalize("NFC", onset + marked)


@lru_cache(maxsize=65536)
def canonical(syllable: str, *, style: Style = "traditional") -> str | None:
    """The syllable in lower case with its tone mark placed canonically, or ``None``.

    >>> canonical("THUÝ")
    'thúy'
    """
    parts = split(syllable)
    if parts is None:
        return None
    return compose(*parts, style=style)


@lru_cache(maxsize=20_000)  # (the name model asks for each syllable's forms in every role)
def toned_forms(bare: str) -> tuple[str, ...]:
    """The valid toned syllables of a bare (toneless) syllable, tone 0 to 5.

    >>> toned_forms("tiêt")
    ('tiết', 'tiệt')
    """
    parts = split_bare(bare.lower())
    if parts is None:
        return ()
    onset, rhyme = parts
    tones = (2, 5) if rhyme.endswith(STOP_CODAS) else range(6)
    return tuple(compose(onset, rhyme, tone) for tone in tones)


SYLLABLE_WORD = regex.compile(r"[\p{L}\p{M}]+")
# A word of a name, with the apostrophes ethnic-minority place words write inside (M'Drắk).
NAME_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
_APOSTROPHES = str.maketrans("", "", "'’")
_ROMAN_NUMERAL = regex.compile(r"[IVX]+")


def word_key(word: str) -> str:
    """A name word as lexicons and the channel key it: lower case, NFC, no apostrophes.

    >>> word_key("M'Drắk")
    'mdrắk'
    """
    return unicodedata.normalize("NFC", word).lower().translate(_APOSTROPHES)


def is_place_word(word: str) -> bool:
    """Whether ``word`` may be a word of an official place name that is no Vietnamese syllable:
    the ethnic-minority words of the Central Highlands and the north (Krông, Pleiku, M'Drắk,
    and Đăk, which writes no tone on a stop coda). Letters with a vowel, no roman numeral.

    >>> is_place_word("Krông"), is_place_word("II"), is_place_word("B")
    (True, False, False)
    """
    return (
        NAME_WORD.fullmatch(word) is not None and len(word) > 1
        and any(char in VOWELS for char in remove_tones(word_key(word)))
        and _ROMAN_NUMERAL.fullmatch(word) is None
    )


def canonical_text(
    text: str, *, style: Style = "traditional", place_words: bool = False
) -> str | None:
    """A name with each syllable's tone mark placed canonically, case and separators kept.

    ``None`` when a word of it is not a Vietnamese syllable; with ``place_words``, words that
    :func:`is_place_word` admits are kept as written (Krông Pắc, M'Drắk).

    >>> canonical_text("Phú  Hoà - Thuý")
    'Phú Hòa - Thúy'
    >>> canonical_text("Krông Păc"), canonical_text("Krông Păc", place_words=True)
    (None, 'Krông Păc')
    """
    failed = False

    def fix(found: regex.Match[str]) -> str:
        nonlocal failed
        word = found.group()
        form = canonical(word, style=style)
        if form is None:
            failed = failed or not (place_words and is_place_word(word))
            return word
        if word[0].isupper():
            form = form[0].upper() + form[1:]
        return str(form)

    words = NAME_WORD if place_words else SYLLABLE_WORD
    fixed = str(words.sub(fix, " ".join(unicodedata.normalize("NFC", text).split())))
    return None if failed or not fixed else fixed


_CAPITAL_AFTER = regex.compile(r"(^|[\s\-])(\p{Ll})")


def title(text: str) -> str:
    """Title-case a Vietnamese name: first letter of each syllable upper case.

    >>> title("nguyễn thị thủy ngân")
    'Nguyễn Thị Thủy Ngân'
    """
    return str(_CAPITAL_AFTER.sub(lambda m: m.group(1) + m.group(2).upper(), text))
