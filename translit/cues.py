"""Context words around names in Arabic text: clitics, title/role cues and stop words.

All word lists are data (``lexicons/cues.tsv``, ``lexicons/stopwords.tsv``), loaded once on first
use and folded with :func:`translit.arabic.normalize`, as the tokens are.

>>> [(clitic, stem) for clitic, stem in strip_clitics("والرفيق")][:3]
[('', 'والرفيق'), ('و', 'الرفيق'), ('وال', 'رفيق')]
>>> cue_table().phrases[("الرفيقه",)].gender
'F'
>>> is_stopword("هو"), is_stopword("هانوي")
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from translit import arabic
from translit.lexicon import LexiconError, parse_float, shipped_rows
from translit.syllable import canonical_text, fold
from translit.types import Gender, Kind

CueKind = Literal["person", "place", "foreign"]

# Proclitics glued to an Arabic word, alone and in the combinations news text uses; the longest
# are tried too, so والرفيق gives و + الرفيق and وال + رفيق.
CLITICS = (
    "و", "ف", "ب", "ل", "ك", "ال", "لل",
    "وال", "فال", "بال", "كال", "ولل", "فلل", "وب", "فب", "ول", "فل", "وك", "فك", "وبال", "فبال",
)
# "At, to" between an ambassador's title and the country (السفير لدى مصر), folded.
POSTED_TO = "لدي"
# What is left after a clitic must still be a word, not one letter.
MIN_STEM = 2
# A cue this strong at the start of a name is a title or place word, not part of the name.
FIRM_CUE = 2.0
# The longest title of a Latin-script name (chủ tịch quốc hội; việt nam anh hùng, of a mother).
MAX_TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Cue:
    """A title, role or place word: the phrase as written, the gender and kind it suggests.

    ``kind`` is ``foreign`` for a nationality word (الكوري): the name after it is not Vietnamese.
    ``generics`` are the Vietnamese words a place word translates (قرية: Làng, Bản).
    """

    text: str
    gender: Gender | None
    kind: CueKind
    strength: float
    generics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CueTable:
    """Cue phrases keyed by their folded words; ``longest`` bounds the phrase look-back."""

    phrases: dict[tuple[str, ...], Cue]
    longest: int
    last_words: frozenset[str]
    first_words: frozenset[str]


@lru_cache(maxsize=200_000)
def strip_clitics(word: str) -> tuple[tuple[str, str], ...]:
    """``(clitic, stem)`` readings of a folded word, the word itself first."""
    readings = [("", word)]
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            readings.append((clitic, word[len(clitic):]))
    return tuple(readings)


@lru_cache(maxsize=100_000)
def fold_word(text: str) -> str:
    """A word as the cue and stop-word tables key it (Arabic clean-up, آ → ا)."""
    return arabic.normalize(text).replace("آ", "ا")


def _cue_gender(value: str, where: str) -> Gender | None:
    if value in ("M", "F"):
        return "M" if value == "M" else "F"
    if value:
        raise LexiconError(f"{where}: gender must be M, F or empty, got {value!r}")
    return None


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    """The shipped cue phrases, loaded once."""
    phrases: dict[tuple[str, ...], Cue] = {}
    for number, row in shipped_rows("cues.tsv", required=("cue", "gender", "kind", "strength")):
        where = f"lexicons/cues.tsv:{number}"
        words = tuple(fold_word(word) for word in row["cue"].split())
        if not words:
            raise LexiconError(f"{where}: empty cue")
        gender = _cue_gender(row["gender"], where)
        kind: CueKind
        if row["kind"] == "person":
            kind = "person"
        elif row["kind"] == "place":
            kind = "place"
        elif row["kind"] == "foreign":
            kind = "foreign"
        else:
            raise LexiconError(
                f"{where}: kind must be person, place or foreign, got {row['kind']!r}"
            )
        strength = parse_float(row["strength"], where=where)
        generics = tuple(
            word.strip() for word in (row.get("vietnamese") or "").split("|") if word.strip()
        )
        if any(canonical_text(word) is None for word in generics):
            raise LexiconError(f"{where}: not Vietnamese words: {row['vietnamese']!r}")
        phrases[words] = Cue(row["cue"], gender, kind, strength, generics)
    return CueTable(
        phrases, max((len(words) for words in phrases), default=0),
        frozenset(words[-1] for words in phrases), frozenset(words[0] for words in phrases),
    )


def leading_cue(words: Sequence[str]) -> tuple[Cue, int] | None:
    """The title or place word that ``words`` (folded: :func:`fold_word`) start with (السيد,
    مقاطعة, والرفيق), and how many words it takes; ``None`` when there is none or nothing would
    be left after it.

    Only cues that announce a name firmly (strength ≥ 2) count; a nationality word is no cue here.

    >>> cue, size = leading_cue(["مقاطعه", "كوانغ", "نينه"])
    >>> cue.kind, size
    ('place', 1)
    """
    table = cue_table()
    if len(words) < 2 or not any(
        stem in table.first_words for _, stem in strip_clitics(words[0])
    ):
        return None  # (the common case, in one look-up)
    folded = words[: table.longest]
    for size in range(min(table.longest, len(words) - 1), 0, -1):
        first, *rest = folded[:size]
        for _, stem in strip_clitics(first):
            cue = table.phrases.get((stem, *rest))
            if cue is not None and cue.kind != "foreign" and cue.strength >= FIRM_CUE:
                return cue, size
    return None


def leading_titles(words: Sequence[str]) -> tuple[Cue | None, int] | None:
    """The words before a name that are no part of it (its words folded): titles (السيد,
    الأستاذ المشارك الدكتور: :func:`leading_cue`) and words with the article (وزير الخارجية,
    البطل: no Vietnamese syllable is spelled with ال), with the cue among them that gives a
    gender, else the first (``None`` when none is a cue); at least one word is left after them.
    ``None`` too when a nationality word is among them (الرئيس الصيني): what follows is no
    Vietnamese name.
    """
    cue: Cue | None = None
    size = 0
    while size < len(words) - 1:
        more = leading_cue(words[size:])
        stems = [stem for _, stem in strip_clitics(words[size])]
        if more is not None:
            if cue is None or (cue.gender is None and more[0].gender is not None):
                cue = more[0]
            size += more[1]
        elif _is_nationality(stems):
            return None
        elif any(arabic.has_article(stem) for stem in stems):
            size += 1
        elif size and words[size] == POSTED_TO and size + 2 < len(words):
            size += 2  # (السفير لدى مصر: the ambassador to Egypt, a country without the article)
        elif size and _heads_article_words(words, size):
            size += 1  # (رئيس مجلس الإدارة, سكرتير لجنة الحزب, في المقاطعة: of the title)
        else:
            break
    return (cue, size) if size else None


def _heads_article_words(words: Sequence[str], at: int) -> bool:
    """Whether the word at ``at`` is followed by words with the article, and a word at least after
    them: inside a title, a noun of its phrase (مجلس in رئيس مجلس الإدارة, the chairman of the
    board) or في before one (سكرتير لجنة الحزب في المقاطعة); a syllable of a name is followed by
    one."""
    end = at + 1
    while end < len(words) and any(
        arabic.has_article(stem) for _, stem in strip_clitics(words[end])
    ):
        end += 1
    return end > at + 1 and end < len(words)


def trailing_words(words: Sequence[str]) -> int | None:
    """How many words at the end of a name are no part of it (its words folded): words with the
    article (هانوي العاصمة, نغوين فو ترونغ الراحل: no syllable is spelled with ال), and a title
    before them (فام مينه تشينه رئيس الوزراء), at least one word left before them. ``None`` when
    a nationality word is among the words with the article (شي جين بينغ الصيني: the name is no
    Vietnamese one); 0 when there are none.
    """
    size = 0
    while size < len(words) - 1:
        stems = [stem for _, stem in strip_clitics(words[-1 - size])]
        if not any(arabic.has_article(stem) for stem in stems):
            break
        if _is_nationality(stems):
            return None
        size += 1
    # (a title before them is no part of the name either, with the words of its phrase: فام
    # مينه تشينه رئيس الوزراء, نغوين فان آن رئيس مجلس الإدارة; the longest such title)
    first_words = cue_table().first_words
    for start in range(1, len(words) - size):
        if not any(stem in first_words for _, stem in strip_clitics(words[start])):
            continue
        lead = leading_titles([*words[start:], ""])
        if lead is not None and lead[0] is not None and lead[1] == len(words) - start:
            return len(words) - start
    return size


def _is_nationality(stems: Sequence[str]) -> bool:
    """Whether one reading of a word (its stems, clitics stripped) is a nationality cue
    (الصيني): the name beside it is no Vietnamese one."""
    phrases = cue_table().phrases
    return any(phrases[(stem,)].kind == "foreign" for stem in stems if (stem,) in phrases)


@lru_cache(maxsize=1)
def designators() -> frozenset[str]:
    """English place words written after a name (``designators.tsv``): as Arabic transliterates
    them (باي: Bay, folded) and as Latin lists write them (bay, lower case)."""
    words: set[str] = set()
    for _, row in shipped_rows("designators.tsv", required=("arabic", "english")):
        if row["arabic"] != "-":
            words.add(fold_word(row["arabic"]))
        words.add(row["english"].lower())
    return frozenset(words)


def exonym_key(words: Sequence[str]) -> str:
    """How :func:`arabic_exonyms` keys a name: its Arabic words, folded, one space apart."""
    return " ".join(fold_word(word) for word in words)


@lru_cache(maxsize=1)
def _exonym_rows() -> tuple[tuple[str, Kind, str], ...]:
    """The rows of ``arabic_exonyms.tsv``: (Arabic as written, kind, Vietnamese name)."""
    rows = []
    required = ("arabic", "name", "kind")
    for number, row in shipped_rows("arabic_exonyms.tsv", required=required):
        where = f"lexicons/arabic_exonyms.tsv:{number}"
        if row["kind"] not in ("person", "place"):
            raise LexiconError(f"{where}: kind must be person or place, got {row['kind']!r}")
        kind: Kind = "person" if row["kind"] == "person" else "place"
        name = canonical_text(row["name"])
        if name is None or not arabic.words(row["arabic"]):
            raise LexiconError(f"{where}: needs Arabic words and a Vietnamese name, got {row!r}")
        rows.append((row["arabic"].strip(), kind, name))
    return tuple(rows)


@lru_cache(maxsize=1)
def arabic_exonyms() -> dict[str, tuple[Kind, str]]:
    """Names Arabic translates rather than transliterates (``arabic_exonyms.tsv``: معبد الأدب,
    العم هو): :func:`exonym_key` → (kind, the Vietnamese name they stand for)."""
    return {exonym_key(arabic.words(written)): (kind, name)
            for written, kind, name in _exonym_rows()}


@lru_cache(maxsize=1)
def arabic_translations() -> dict[str, tuple[str, str]]:
    """The other way: a Vietnamese name folded to ASCII (``van mieu``) → (the name, its Arabic
    translation as the lexicon writes it first: معبد الأدب; later rows are spelling variants)."""
    found: dict[str, tuple[str, str]] = {}
    for written, _, name in _exonym_rows():
        found.setdefault(fold(name), (name, written))
    return found


@lru_cache(maxsize=1)
def exonym_first_words() -> tuple[frozenset[str], int]:
    """The first words of the names :func:`arabic_exonyms` holds (a text without one holds none),
    and the most words one has."""
    keys = arabic_exonyms()
    return (frozenset(key.split(" ", 1)[0] for key in keys),
            max((key.count(" ") + 1 for key in keys), default=0))


@lru_cache(maxsize=1)
def _latin_titles() -> dict[tuple[str, ...], Cue]:
    titles: dict[tuple[str, ...], Cue] = {}
    for number, row in shipped_rows("latin_titles.tsv", required=("title", "gender", "kind")):
        where = f"lexicons/latin_titles.tsv:{number}"
        gender = _cue_gender(row["gender"], where)
        if row["kind"] not in ("person", "place"):
            raise LexiconError(f"{where}: kind must be person or place, got {row['kind']!r}")
        kind: CueKind = "person" if row["kind"] == "person" else "place"
        titles[tuple(row["title"].lower().split())] = Cue(row["title"], gender, kind, FIRM_CUE)
    return titles


def leading_title(words: Sequence[str]) -> tuple[Cue, int] | None:
    """Like :func:`leading_titles` for the words of a Latin-script name (Mr., Gen., Tỉnh,
    Thượng tướng; one after another: GS. TS.): the cue that gives a gender, else the first,
    and how many words the titles take. They may be all the words (Quận, of Quận 1).

    >>> cue, size = leading_title(["Prime", "Minister", "Pham", "Minh", "Chinh"])
    >>> cue.kind, size
    ('person', 2)
    >>> leading_title(["GS", "TS", "Nguyen", "Van", "An"])[1]
    2
    """
    titles = _latin_titles()
    lowered = [word.lower().rstrip(".") for word in words]
    cue: Cue | None = None
    size = 0
    while size < len(words):
        for more in range(min(MAX_TITLE_WORDS, len(words) - size), 0, -1):
            found = titles.get(tuple(lowered[size:size + more]))
            if found is not None:
                break
        else:
            break
        if cue is None or (cue.gender is None and found.gender is not None):
            cue = found
        size += more
    return (cue, size) if cue is not None else None


@dataclass(frozen=True, slots=True)
class Stopword:
    """A common Arabic word: may it stand alone for a given name, what it costs inside a name."""

    link: bool
    cost: float


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, Stopword]:
    table: dict[str, Stopword] = {}
    for number, row in shipped_rows("stopwords.tsv", required=("word", "link", "cost")):
        where = f"lexicons/stopwords.tsv:{number}"
        if row["link"] not in ("yes", "no"):
            raise LexiconError(f"{where}: link must be yes or no, got {row['link']!r}")
        table[fold_word(row["word"])] = Stopword(
            row["link"] == "yes", parse_float(row["cost"], where=where)
        )
    return table


def is_stopword(word: str) -> bool:
    """Whether a word is a common Arabic word that is never a name on its own."""
    return fold_word(word) in _stopwords()


LONG_STEM = 4


def stopword_cost(word: str) -> float:
    """What a word costs inside a run read as a name: 0 unless it is a stop word, also behind a
    clitic when what is left is a long word (لأمانة is ل + أمانة «secretariat», not Lâm Anh;
    كام stays Cẩm, not ك + ام)."""
    table = _stopwords()
    costs = [
        table[stem].cost
        for clitic, stem in strip_clitics(fold_word(word))
        if stem in table and (not clitic or len(stem) >= LONG_STEM)
    ]
    return max(costs, default=0.0)


def may_link(word: str) -> bool:
    """Whether a lone word may be a given name mentioned before: any non-stop word, and the few
    stop words that are rare as Arabic words (``link`` = yes)."""
    found = _stopwords().get(fold_word(word))
    return found is None or found.link


def is_cue_word(word: str) -> bool:
    """Whether a word (clitics aside) is a one-word cue: a title or place word is no name part."""
    phrases = cue_table().phrases
    return any((stem,) in phrases for _, stem in strip_clitics(fold_word(word)))


def cue_ending_at(words: Sequence[str], end: int) -> tuple[Cue, int] | None:
    """The longest cue phrase whose last word is ``words[end - 1]`` (clitics stripped from its
    first word), with the index of its first word; ``None`` when no cue ends there."""
    table = cue_table()
    if end < 1 or not any(stem in table.last_words for _, stem in strip_clitics(words[end - 1])):
        return None
    for size in range(min(table.longest, end), 0, -1):
        start = end - size
        rest = tuple(words[start + 1:end])
        for _, stem in strip_clitics(words[start]):
            cue = table.phrases.get((stem, *rest))
            if cue is not None:
                return cue, start
    return None
