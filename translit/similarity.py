"""Are two written names the same name? Across scripts: Arabic, Vietnamese, ASCII-folded.

Both sides go to a shared phonetic key: an Arabic name is its own letters with the letters that
real Arabic text confuses merged (ت ط ث, س ص ش, ج غ, ك ق خ …), written in ASCII, and doubled
letters written once;
a Vietnamese or ASCII name is first spelled in Arabic by the channel (each syllable's most likely
spelling, :meth:`translit.channel.Channel.spellings`, the same table the decoder reads), then
keyed the same way. No decoding is needed, so keys are cheap and 100k Arabic choices are fine.
Two Latin-script names are compared on their ASCII skeletons instead (more precise: ``Phan`` and
``Văn`` both spell ``فان`` but are different names).

Scores are in [0, 1]: the better of rapidfuzz's token-sort ratio on the keys (word order does not
matter: ``Nguyễn Phú Trọng`` = ``Trong Nguyen Phu``) and the plain ratio on the keys with the
word breaks removed (Arabic fuses well-known names: ``هانوي`` = ``Hà Nội``). A name Arabic
translates (``معبد الأدب``, the Temple of Literature) is keyed as the name it stands for (Văn Miếu).

>>> round(similarity("نغوين فو ترونج", "Nguyen Phu Trong"), 2)
1.0
>>> similarity("تران كام تو", "Lê Văn Lương") < 0.5
True
>>> [(m.choice, m.index) for m in match("Tran Cam Tu", ["هانوي", "تران كام تو"], limit=1)]
[('تران كام تو', 1)]
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from translit import arabic
from translit.channel import Channel, default_channel, key, letter_classes
from translit.cues import arabic_exonyms, exonym_key
from translit.latin import latin_words, reader_for
from translit.syllable import fold


@dataclass(frozen=True, slots=True)
class MatchResult:
    """One choice of :func:`match`: the choice as given, its score in [0, 1], its position."""

    choice: str
    score: float
    index: int


@dataclass(frozen=True, slots=True)
class Keys:
    """The comparable forms of one name: ``phonetic`` always, ``folded`` for Latin script.

    Each is a pair: the words sorted and space-joined (so plain ratio = token-sort ratio), and
    the words joined in written order without breaks; empty strings when nothing can be keyed.
    """

    phonetic: tuple[str, str]
    folded: tuple[str, str] | None


def _single_letters(letters: str) -> str:
    """Doubled letters written once: كووك = كوك, هيين = هين (vowel length is not written)."""
    return "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])


def _arabic_word_key(token: str) -> str:
    # Letters of one class sound alike to Arabic writers of Vietnamese names (lexicons/letters.tsv:
    # th → ث or ت, kh → خ or ك …): one ASCII letter per class keeps keys short for rapidfuzz's
    # fast 8-bit path and lets a Latin word the channel cannot spell (Hills) keep its letters.
    return _single_letters(key(token).translate(letter_classes()[1]))


def _latin_word_key(word: str, channel: Channel) -> str:
    """The Arabic key of a Latin word: its syllables spelled by the channel, or its skeleton."""
    cuts = reader_for(channel).segment(word)
    if not cuts:
        return _single_letters(fold(word))
    spelled = []
    for chunk in cuts[0][0]:
        bare = chunk.candidates[0][0]
        spellings = channel.spellings(bare)
        spelled.append(spellings[0][0] if spellings else fold(bare))
    return _arabic_word_key("".join(spelled))


def _pair(words: Iterable[str]) -> tuple[str, str]:
    kept = [w for w in words if w]
    return " ".join(sorted(kept)), "".join(kept)


@lru_cache(maxsize=262_144)
def _keys(text: str, channel: Channel) -> Keys:
    if arabic.has_arabic(text):
        words = arabic.words(text)
        translated = arabic_exonyms().get(exonym_key(words)) if len(words) > 1 else None
        if translated is not None:
            # A name Arabic translates (معبد الأدب) is keyed as the name it stands for (Văn Miếu):
            # its letters share nothing with the name's.
            return _keys(translated[1], channel)
        tokens = [p for t in arabic.tokenize(text) for p in t.text.split("-")]
        # (a Latin word among Arabic ones, نغوين Văn آن, is spelled in Arabic first)
        return Keys(_pair(
            _arabic_word_key(t) if arabic.has_arabic(t) else _latin_word_key(t, channel)
            for t in tokens
        ), None)
    written = latin_words(text)
    phonetic = _pair(_latin_word_key(w, channel) for w in written)
    return Keys(phonetic, _pair(fold(w) for w in written))


def keys(text: str, *, channel: Channel | None = None) -> Keys:
    """The keys :func:`similarity` compares (cached).

    >>> keys("Trọng, Nguyễn Phú").folded
    ('nguyen phu trong', 'trongnguyenphu')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected a str name, got {type(text).__name__}")
    return _keys(text, channel or default_channel())


def _score(left: Keys, right: Keys) -> float:
    if left.folded is not None and right.folded is not None:
        a, b = left.folded, right.folded
    else:
        a, b = left.phonetic, right.phonetic
    if not a[0] or not b[0]:
        return 0.0
    return max(fuzz.ratio(a[0], b[0]), fuzz.ratio(a[1], b[1])) / 100.0


def similarity(a: str, b: str, *, channel: Channel | None = None) -> float:
    """How alike two names are, in [0, 1], whatever script each is written in.

    Symmetric; 1.0 for the same name written differently (tones, case, separators, Arabic
    spelling variants); 0.0 when a side holds nothing that reads as a name.

    >>> similarity("Nguyễn Thị Thủy Ngân", "NGUYEN THI THUY NGAN")
    1.0
    >>> round(similarity("نجوين ثي ثوي نجان", "Nguyễn Thị Thúy Ngân"), 2)
    1.0
    """
    return _score(keys(a, channel=channel), keys(b, channel=channel))


class Matcher:
    """Choices keyed once, for many queries: ``Matcher(names).match(query)``.

    Immutable once built and safe to share between threads.

    >>> matcher = Matcher(["Nguyễn Phú Trọng", "Võ Nguyên Giáp", "هو تشي مينه"])
    >>> [(m.choice, m.score) for m in matcher.match("نجوين فو ترونغ", limit=1)]
    [('Nguyễn Phú Trọng', 1.0)]
    """

    def __init__(self, choices: Iterable[str], *, channel: Channel | None = None) -> None:
        self.channel = channel or default_channel()
        self.choices: tuple[str, ...] = tuple(choices)
        # Three groups of (positions in choices, sorted keys, joined keys): every choice by its
        # phonetic key (for Arabic queries), Latin choices by their ASCII skeleton and Arabic
        # choices by their phonetic key (for Latin queries).
        every: _Group = ([], [], [])
        latin: _Group = ([], [], [])
        arabic_script: _Group = ([], [], [])
        for index, choice in enumerate(self.choices):
            found = keys(choice, channel=self.channel)
            _append(every, index, found.phonetic)
            if found.folded is None:
                _append(arabic_script, index, found.phonetic)
            else:
                _append(latin, index, found.folded)
        self._every = every
        self._latin = latin
        self._arabic = arabic_script
        self._postings = {id(group): _postings(group) for group in (every, latin, arabic_script)}

    def __len__(self) -> int:
        return len(self.choices)

    def match(
        self, query: str, *, limit: int | None = 5, score_cutoff: float | None = None
    ) -> list[MatchResult]:
        """The ``limit`` choices most like ``query``, best first (ties: earlier choice first).

        ``score_cutoff`` in [0, 1] drops choices scoring below it (choices scoring 0 are always
        dropped); ``limit=None`` keeps all.
        """
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise ValueError(f"limit must be a positive int or None, got {limit!r}")
        if score_cutoff is not None and not 0.0 <= score_cutoff <= 1.0:
            raise ValueError(f"score_cutoff must be in [0, 1], got {score_cutoff!r}")
        found = keys(query, channel=self.channel)
        if found.folded is None:
            searches = [(self._every, found.phonetic)]
        else:
            searches = [(self._latin, found.folded), (self._arabic, found.phonetic)]
        # A choice with nothing in common (score 0) is never a match.
        floor = score_cutoff or 0.0
        cutoff = max(100.0 * floor - TIE_MARGIN, 1e-9)
        best: dict[int, float] = {}
        # The top `limit` by either key contain the top `limit` by the better of the two; once
        # `limit` choices are found, the weakest of them is a cutoff for the remaining passes.
        for kind in (0, 1):
            for group, query_keys in searches:
                if not query_keys[0]:
                    continue
                positions, *group_keys = group
                rows = self._block(group, query_keys[0]) if len(positions) > BLOCKING_MIN else None
                choices = group_keys[kind] if rows is None else {
                    row: group_keys[kind][row] for row in rows
                }
                for _, score, at in process.extract(
                    query_keys[kind], choices, scorer=fuzz.ratio, limit=limit,
                    score_cutoff=cutoff,
                ):
                    index = positions[at]
                    best[index] = max(score, best.get(index, 0.0))
                if limit is not None and len(best) >= limit:
                    # (a hair below the weakest kept: a later choice that ties it may still
                    # rank first by its index, and rapidfuzz may drop a score equal to the cutoff)
                    weakest = heapq.nlargest(limit, best.values())[-1]
                    cutoff = max(cutoff, weakest - TIE_MARGIN)
        ranked = sorted(
            (-score / 100.0, index) for index, score in best.items() if score / 100.0 >= floor
        )[:limit]
        return [MatchResult(self.choices[index], -negated, index) for negated, index in ranked]


    def _block(self, group: _Group, query_key: str) -> list[int] | None:
        """Rows of a large group sharing a rare word with the query; ``None``: scan them all.

        Names share common words (nguyen), so a word held by more than BLOCK_MAX_POSTINGS
        choices does not block alone; when no word of the query is rare, the rows holding all
        its words do, topped up from the smallest postings to BLOCK_MIN_ROWS rows (so that a
        limit of a few still finds near misses). A query word no choice holds (a misspelling)
        does not block; when no word of the query is held at all, every row is scanned.
        """
        postings = self._postings[id(group)]
        found = sorted((postings[word] for word in query_key.split() if word in postings), key=len)
        rows = {row for rare in found if len(rare) <= BLOCK_MAX_POSTINGS for row in rare}
        if not rows and found:
            rows = set.intersection(*(set(common) for common in found))
            for common in found:
                if len(rows) >= BLOCK_MIN_ROWS:
                    break
                rows.update(common[:BLOCK_MIN_ROWS])
        return sorted(rows) if rows else None


_Group = tuple[list[int], list[str | None], list[str | None]]
# Above this many choices, match() scores only the choices that share a rare word (by the
# phonetic or ASCII key) with the query: approximate, but milliseconds for 100k choices.
BLOCKING_MIN = 5_000
BLOCK_MAX_POSTINGS = 2_000
BLOCK_MIN_ROWS = 200
TIE_MARGIN = 1e-3  # (0-100 scale; rapidfuzz drops a score within ~1e-12 of its cutoff)


def _postings(group: _Group) -> dict[str, list[int]]:
    """Word → rows of the group whose sorted key holds it."""
    postings: dict[str, list[int]] = {}
    for row, words in enumerate(group[1]):
        for word in set((words or "").split()):
            postings.setdefault(word, []).append(row)
    return postings


def _append(group: _Group, index: int, pair: tuple[str, str]) -> None:
    positions, sorted_keys, joined_keys = group
    positions.append(index)
    sorted_keys.append(pair[0] or None)
    joined_keys.append(pair[1] or None)


def match(
    query: str, choices: Iterable[str], *, limit: int | None = 5,
    score_cutoff: float | None = None, channel: Channel | None = None,
) -> list[MatchResult]:
    """The choices most like ``query`` across scripts, best first, as :class:`MatchResult`.

    Each score equals ``similarity(query, choice)``. For many queries over the same choices,
    build a :class:`Matcher` once.

    >>> match("Hồ Chí Minh", ["Hồ Chí Minh", "هو تشي مينه", "Hà Nội"], limit=2)[1].choice
    'هو تشي مينه'
    """
    return Matcher(choices, channel=channel).match(query, limit=limit, score_cutoff=score_cutoff)
