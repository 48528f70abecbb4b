"""Vietnamese names in running Arabic text: find them, read them, link later mentions.

The text is read line by line (bounded windows, so time is linear in its length). In each window
every run of 1..``MAX_RUN`` consecutive Arabic words, the first one with or without its clitics
(و ف ب ل ك ال لل …), is decoded by the core :class:`~translit.Normalizer`; a run's *gain* is how
much better it reads as a name than as ordinary letters, plus support from a title or place word
before it (``lexicons/cues.tsv``) and from the Vietnamese slug of the page's address. Dynamic
programming then picks the non-overlapping runs with the largest total gain. A lone word is a name
only when it is a gazetteer entry (هانوي) or the given name of a person named in full earlier (تو
after تران كام تو); common Arabic words (``lexicons/stopwords.tsv``: هو، لي، من …) never are.

>>> text = "والرفيق تران كام تو في هانوي."
>>> [(text[s.start:s.end], s.match.text, s.cue) for s in find_names(text)]
[('تران كام تو', 'Trần Cẩm Tú', 'الرفيق'), ('هانوي', 'Hà Nội', 'في')]
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from translit import arabic
from translit.context import NO_CONTEXT, Context, Word, context_at
from translit.cues import (
    Cue,
    arabic_exonyms,
    exonym_first_words,
    fold_word,
    is_cue_word,
    may_link,
    stopword_cost,
    strip_clitics,
)
from translit.names import place_tree
from translit.normalizer import Normalizer, default_normalizer
from translit.slugs import Slugs
from translit.types import Gender, Kind, Match, Span

MAX_RUN = 6
CANDIDATES = 5
# A line longer than this is cut at a space: it bounds the work held in memory at once.
WINDOW_CHARS = 20_000

# "Not a name": the letters of the run drawn from Arabic at random. The run's match score (channel
# and prior) must beat it; the values are this layer's own, fitted on the gold articles.
NOT_A_NAME_LOGP = math.log(0.1)
LETTER_LOGP = -3.0
# Each span costs this much, so one long name beats the same words cut into two.
SPAN_COST = 5.0
CLITIC_COST = 1.0
ARTICLE_COST = 3.0
# A word inside a name that starts with و is more likely "and …": the next name, or no name.
CONJUNCTION_COST = 4.0
# Vietnamese names have 2-4 syllables; each word beyond TYPICAL_WORDS costs this much.
TYPICAL_WORDS = 4
LONG_COST = 4.0
# A lone word (a gazetteer entry) carries less evidence than a whole name.
LONE_COST = 3.0
KNOWN_BONUS = 2.0
# A given name (or the last words of a name) that points back to the one person named so before.
LINK_GAIN = 6.0
# Per word of a name Arabic translates (معبد الأدب: lexicons/arabic_exonyms.tsv), written whole.
TRANSLATED_GAIN = 6.0
CUE_BONUS = 1.5
# A known place that is also called by the Vietnamese word the cue before it translates (نهر هان:
# Hàn, also called Sông Hàn) is confirmed by the cue: a lone word so named is a name.
NAMED_BY_CUE_BONUS = 3.0
# Per word the page's slug confirms: a name the slug spells whole beats the same words cut in two.
SLUG_BONUS_PER_WORD = 3.0
# A lone word read as a gazetteer entry that is not the decoder's first choice must still hold
# this share of the probability.
MIN_KNOWN_SHARE = 0.15
# A word is a possible name part only when the channel spells it well: at most this many syllables,
# each at least this likely on average (names score above -2.5; most Arabic words do not read).
MAX_SYLLABLES_PER_WORD = 3
MIN_WORD_LOGP = -3.5

# Between two words of one name there may be spaces, hyphens (فونغ نها - كي بانغ) and the invisible
# marks Arabic text carries (bidi, zero-width), nothing else.
_HAMZA_ALEFS = ("أ", "إ")
_JOINABLE_GAP = regex.compile(r"[\s\-‐-―\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]*")
_LINE = regex.compile(r"[^\n]*\n?")
_NOT_ARABIC_LETTER = regex.compile(r"[^\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A run of words read as a name, with its gain over "not a name"."""

    first: int
    stems: tuple[str, ...]
    start: int
    match: Match
    gain: float
    cue: str | None
    linked: bool = False

    @property
    def size(self) -> int:
        return len(self.stems)


@dataclass(slots=True)
class _Document:
    """What the reader has learnt so far in one text: slugs, and persons by their last words."""

    slugs: Slugs
    persons: dict[tuple[str, ...], dict[str, tuple[Match, str]]] = field(default_factory=dict)

    def remember(self, stems: tuple[str, ...], match: Match, source: str) -> None:
        """A person named in full: its given name (and last words) may stand for it later."""
        for size in range(1, len(stems)):
            self.persons.setdefault(stems[-size:], {})[match.text] = (match, source)

    def antecedent(self, stems: tuple[str, ...]) -> tuple[Match, str] | None:
        """The one person named before whose name ends with ``stems``, if unambiguous."""
        found = self.persons.get(stems, {})
        return next(iter(found.values())) if len(found) == 1 else None


class NameFinder:
    """Finds Vietnamese names in Arabic text with a :class:`~translit.Normalizer`; thread-safe.

    >>> finder = NameFinder()
    >>> [s.match.text for s in finder.find("زار رئيس الوزراء فام مينه تشينه مقاطعة كوانغ نينه")]
    ['Phạm Minh Chính', 'Quảng Ninh']
    """

    def __init__(self, normalizer: Normalizer | None = None) -> None:
        self.normalizer = normalizer or default_normalizer()
        self._readings = lru_cache(maxsize=200_000)(self._word_readings)

    def find(self, text: str, *, url: str | Sequence[str] | None = None) -> list[Span]:
        """All names in ``text``, in order; see :func:`find_names`."""
        return list(self.iter_spans(text, url=url))

    def iter_spans(self, text: str, *, url: str | Sequence[str] | None = None) -> Iterator[Span]:
        """Names in ``text`` window by window, in order: for long documents."""
        if not isinstance(text, str):
            raise TypeError(f"expected a str text, got {type(text).__name__}")
        urls = [url] if isinstance(url, str) else list(url or ())
        document = _Document(Slugs.from_text(text, urls))
        for offset, window in _windows(text):
            yield from self._window(window, offset, document)

    def _window(self, text: str, offset: int, document: _Document) -> Iterator[Span]:
        words = [self._word(token) for token in arabic.tokenize(text)]
        if not any(word.readings for word in words) and not _may_hold_translated(words):
            return
        folded = [word.folded for word in words]
        contexts = [
            context_at(text, words, folded, index) if word.readings else NO_CONTEXT
            for index, word in enumerate(words)
        ]
        chosen = _best_cover(len(words), self._candidates(text, words, contexts, document))
        by_first = {candidate.first: candidate for candidate in chosen}
        index = 0
        while index < len(words):
            candidate = by_first.get(index)
            if candidate is None:
                candidate = self._link(text, words[index], index, contexts[index], document)
            elif not candidate.linked:
                candidate = self._relink(candidate, contexts[index], document)
            if candidate is None:
                index += 1
                continue
            end = words[index + candidate.size - 1].token.end
            source = text[candidate.start:end]
            match = candidate.match
            if match.kind == "person" and candidate.size >= 2 and not candidate.linked:
                document.remember(candidate.stems, match, source)
            yield Span(offset + candidate.start, offset + end, source, match, candidate.cue)
            index += candidate.size

    def _word(self, token: arabic.Token) -> Word:
        folded, readings = self._readings(token.text)
        return Word(token, folded, readings)

    def _word_readings(self, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        folded = fold_word(text)
        if _NOT_ARABIC_LETTER.search(folded) or is_cue_word(folded):
            return folded, ()
        return folded, tuple(
            (clitic, stem) for clitic, stem in strip_clitics(folded) if self._spellable(stem)
        )

    def _spellable(self, stem: str) -> bool:
        """Whether the channel spells ``stem`` as a few likely syllables."""
        cuts = self.normalizer.channel.segment(stem)
        if not cuts or len(cuts[0].chunks) > MAX_SYLLABLES_PER_WORD:
            return False
        return cuts[0].best_logp / len(cuts[0].chunks) >= MIN_WORD_LOGP

    def _candidates(
        self, text: str, words: Sequence[Word], contexts: Sequence[Context],
        document: _Document,
    ) -> list[_Candidate]:
        found: list[_Candidate] = []
        for first, word in enumerate(words):
            context = contexts[first]
            if context.adjacent and context.cue is not None and context.cue.kind == "foreign":
                continue
            # A word right after a name word (a space between) is the end of that name, not a
            # mention of someone named before: تران كام تو is not Trần Khâm + Tú.
            inside_name = first > 0 and _inside_name(text, words[first - 1], word)
            for clitic, stem in word.readings:
                if arabic.has_article(stem):
                    continue  # (no name starts with a word with the article)
                stems = [stem]
                hamzas = 0
                for size in range(1, MAX_RUN + 1):
                    if size > 1:
                        last = first + size - 1
                        if last >= len(words) or not words[last].whole:
                            break
                        if arabic.has_article(words[last].folded):
                            break  # (nor goes on through one: names Arabic translates, نهر
                            # الميكونغ, are read whole by _translated)
                        gap = text[words[last - 1].token.end:words[last].token.start]
                        if not _JOINABLE_GAP.fullmatch(gap):
                            break
                        stems.append(words[last].folded)
                        hamzas += text[words[last].token.start] in _HAMZA_ALEFS
                    start = word.token.start + _clitic_length(text, word.token, clitic)
                    run = tuple(stems)
                    linked = None if inside_name and size == 1 else _link_candidate(
                        first, start, run, context, document)
                    for candidate in (
                        self._read_run(first, start, clitic, run, context, document, hamzas),
                        linked,
                    ):
                        if candidate is not None:
                            found.append(candidate)
        return found + self._translated(text, words)

    def _translated(self, text: str, words: Sequence[Word]) -> list[_Candidate]:
        """Names Arabic translates rather than transliterates (بحر الشرق, العم هو), written whole
        (only spaces and invisible marks between their words), the first word with or without
        its clitics (وبحر الشرق)."""
        table = arabic_exonyms()
        first_words, longest = exonym_first_words()
        found: list[_Candidate] = []
        for first, word in enumerate(words):
            for clitic, stem in strip_clitics(word.folded):
                if stem not in first_words:
                    continue
                stems = [stem]
                for last in range(first + 1, min(len(words), first + longest)):
                    gap = text[words[last - 1].token.end:words[last].token.start]
                    if not _JOINABLE_GAP.fullmatch(gap):
                        break
                    stems.append(words[last].folded)
                    phrase = " ".join(stems)
                    matches = self.normalizer.candidates(phrase, 1) if phrase in table else []
                    if matches:
                        start = word.token.start + _clitic_length(text, word.token, clitic)
                        found.append(_Candidate(first, tuple(stems), start, matches[0],
                                                TRANSLATED_GAIN * len(stems), None))
        return found

    def _read_run(
        self, first: int, start: int, clitic: str, stems: tuple[str, ...], context: Context,
        document: _Document, hamzas: int = 0,
    ) -> _Candidate | None:
        costs = [stopword_cost(stem) for stem in stems]
        if all(costs):
            return None
        if hamzas and any(costs[1:]):
            # أنه، إن، أن are function words: the channel spells a vowel-initial syllable with ا/آ.
            costs = [cost * 2 for cost in costs]
        cue = context.cue if context.adjacent or context.listed or not clitic else None
        matches = self._decode(" ".join(stems), cue)
        if not matches:
            return None
        match, slug = document.slugs.choose(matches)
        if len(stems) == 1 and slug is None:
            lone = _lone_word(matches, context)
            if lone is None:
                return None
            match = lone
        letters = sum(len(stem) for stem in stems)
        gain = match.score - (NOT_A_NAME_LOGP + LETTER_LOGP * letters) - SPAN_COST - sum(costs)
        gain -= CONJUNCTION_COST * sum(1 for stem in stems[1:] if stem.startswith("و"))
        gain -= LONG_COST * max(0, len(stems) - TYPICAL_WORDS)
        if len(stems) == 1:
            gain -= LONE_COST
        if clitic:
            gain -= ARTICLE_COST if "ال" in clitic else CLITIC_COST
        elif stems[0].startswith("و") and len(self._readings(stems[0])[1]) > 1:
            gain -= CONJUNCTION_COST  # وان is more likely و + آن than Văn (spelled فان)
        if match.known:
            gain += KNOWN_BONUS
        supported = cue is not None and cue.kind == match.kind
        if supported and cue is not None:
            gain += CUE_BONUS * cue.strength * (1.0 if context.adjacent else 0.5)
            if context.adjacent and match.known and _named_with(match, cue):
                gain += NAMED_BY_CUE_BONUS
        if slug is not None:
            gain += SLUG_BONUS_PER_WORD * len(stems)
        if gain <= 0:
            return None
        notes = [cue.text] if supported and cue is not None else []
        if slug is not None:
            notes.append(f"url:{slug}")
        return _Candidate(first, stems, start, match, gain, "; ".join(notes) or None)

    def _decode(self, run: str, cue: Cue | None) -> list[Match]:
        gender: Gender | None = None
        kind: Kind | None = None
        if cue is not None:
            if cue.kind == "place":
                kind = "place"
            elif cue.kind == "person":
                gender = cue.gender
        matches = self.normalizer._candidates(run, CANDIDATES, gender, kind, clitics=False)
        if kind == "place":
            # A place word is support for a place the gazetteer knows; before any other words
            # (مدينة + a person's name) the run is read as if it had none.
            matches = [match for match in matches if match.known]
            if not matches and cue is not None and cue.generics:
                # (a landmark the gazetteer lists with the word the cue translates: the run
                # تشوونغ after قرية is Làng Chuông)
                matches = [match for match in self.normalizer._candidates(
                    f"{cue.text} {run}", CANDIDATES, None, None, clitics=False) if match.known]
        if not matches and (gender or kind):
            matches = self.normalizer._candidates(run, CANDIDATES, None, None, clitics=False)
        return matches

    def _link(
        self, text: str, word: Word, index: int, context: Context, document: _Document
    ) -> _Candidate | None:
        """A lone word not read as a name that is the given name of a person named before."""
        for clitic, stem in word.readings:
            start = word.token.start + _clitic_length(text, word.token, clitic)
            candidate = _link_candidate(index, start, (stem,), context, document)
            if candidate is not None:
                return candidate
        return None

    def _relink(
        self, candidate: _Candidate, context: Context, document: _Document
    ) -> _Candidate:
        """A short unknown person that is the tail of a person named before becomes that person."""
        # Two words that end a name given in full before point back to it even when they are a
        # gazetteer name of their own (Quang Hải after Nguyễn Quang Hải); one word must be unknown.
        if candidate.match.kind != "person" or candidate.size > 2:
            return candidate
        if candidate.match.known and candidate.size == 1 and not _given_alone(candidate.match):
            return candidate
        linked = _link_candidate(
            candidate.first, candidate.start, candidate.stems, context, document
        )
        return candidate if linked is None else linked


def _inside_name(text: str, before: Word, word: Word) -> bool:
    """Whether ``word`` continues a run of name words: ``before`` is a whole word that is no
    stop word, and only a joinable gap (spaces, hyphens, invisible marks) lies between them."""
    gap = text[before.token.end:word.token.start]
    return before.whole and bool(_JOINABLE_GAP.fullmatch(gap)) and not stopword_cost(before.folded)


def _link_candidate(
    first: int, start: int, stems: tuple[str, ...], context: Context, document: _Document
) -> _Candidate | None:
    """The run as the last words of the one person named so before, if the context allows it."""
    if len(stems) > 2 or not (len(stems) > 1 or context.titled or may_link(stems[0])):
        return None
    if (context.adjacent or context.listed) and context.cue is not None and (
        context.cue.kind != "person"
    ):
        return None  # مدينة فينه is the city of Vinh, whoever was called Vinh before
    found = document.antecedent(stems)
    if found is None:
        return None
    match, antecedent = found
    gain = LINK_GAIN * len(stems)
    note = f"antecedent: {antecedent}"
    if context.titled and context.cue is not None:
        gain += CUE_BONUS * context.cue.strength
        note = f"{context.cue.text}; {note}"
    return _Candidate(first, stems, start, match, gain, note, linked=True)


def _named_with(match: Match, cue: Cue) -> bool:
    """Whether the known place ``match`` is also called by the Vietnamese word that ``cue``
    translates and its name (Hàn is also Sông Hàn, after نهر)."""
    if not cue.generics or match.kind != "place":
        return False
    tree = place_tree()
    return any(tree.same_place(f"{generic} {match.text}", match.text) for generic in cue.generics)


def _lone_word(matches: Sequence[Match], context: Context) -> Match | None:
    """The reading of a single word, which must be a gazetteer entry or stand after a title."""
    for match in matches:
        if match.known and match.probability >= MIN_KNOWN_SHARE and not _given_alone(match):
            return match
    cue = context.cue
    if context.titled and cue is not None and cue.strength >= 3:
        return matches[0]
    return None


def _may_hold_translated(words: Sequence[Word]) -> bool:
    """Whether a word (clitics aside) starts a name Arabic translates (a line of ordinary words
    and such a name: وقعت معركة تل الهمبرغر عام 1969)."""
    first_words, _ = exonym_first_words()
    return any(stem in first_words for word in words for _, stem in strip_clitics(word.folded))


def _given_alone(match: Match) -> bool:
    """A leader's given name alone (Giáp, Thưởng): known to the decoder, but in running text a
    word so common (دونغ is also the đồng) that it is a name only after a title or a full mention.
    """
    return match.kind == "person" and " " not in match.text


def _best_cover(size: int, candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """The non-overlapping candidates with the largest total gain (dynamic programming)."""
    starting: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        starting.setdefault(candidate.first, []).append(candidate)
    best = [0.0] * (size + 1)
    choice: list[_Candidate | None] = [None] * (size + 1)
    for first in range(size - 1, -1, -1):
        best[first] = best[first + 1]
        for candidate in starting.get(first, ()):
            total = candidate.gain + best[first + candidate.size]
            if total > best[first]:
                best[first] = total
                choice[first] = candidate
    chosen = []
    index = 0
    while index < size:
        picked = choice[index]
        if picked is None:
            index += 1
        else:
            chosen.append(picked)
            index += picked.size
    return chosen


def _clitic_length(text: str, token: arabic.Token, clitic: str) -> int:
    """How many characters of the original token the (folded) clitic takes, with its marks."""
    if not clitic:
        return 0
    original = text[token.start:token.end]
    taken = 0
    while taken < len(original) and len(fold_word(original[:taken])) < len(clitic):
        taken += 1
    while taken < len(original) and not fold_word(original[taken]):
        taken += 1  # tashkeel or tatweel after the clitic belongs to it
    return taken


def _windows(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)``: lines of the text, long ones cut at a space."""
    for line in _LINE.finditer(text):
        start, piece = line.start(), line.group()
        while len(piece) > WINDOW_CHARS:
            cut = piece.rfind(" ", 0, WINDOW_CHARS)
            cut = cut + 1 if cut > 0 else WINDOW_CHARS
            yield start, piece[:cut]
            start, piece = start + cut, piece[cut:]
        if piece:
            yield start, piece


def find_names(
    text: str, *, url: str | Sequence[str] | None = None, normalizer: Normalizer | None = None
) -> list[Span]:
    """Vietnamese names (persons and places) in Arabic running text, in order, not overlapping.

    ``text[span.start:span.end]`` is the name as written, without its clitic (و، ب، لل …);
    ``span.match`` is its reading; ``span.cue`` says what supported it: a title or place word
    (``الرفيقة``، ``مقاطعة``), ``url:…`` when the Vietnamese slug of ``url`` (or of an address
    cited in the text) chose the reading, ``antecedent: …`` for a given name that points back to a
    person named in full before.

    >>> [s.match.text for s in find_names("وصلت الرفيقة نجوين ثي كيم نجان إلى هانوي")]
    ['Nguyễn Thị Kim Ngân', 'Hà Nội']
    """
    finder = NameFinder(normalizer) if normalizer is not None else default_finder()
    return finder.find(text, url=url)


@lru_cache(maxsize=1)
def default_finder() -> NameFinder:
    """The shared finder behind :func:`find_names`, whose caches outlive one call."""
    return NameFinder()
