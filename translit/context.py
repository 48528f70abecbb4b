"""The words of a text window and what stands before them: the title or place word (cue).

A name's cue is the cue phrase right before it (``الرفيقة نجوين …``, ``مدينة هوي``); failing
that, the head of the role phrase within the clause (in ``نائبة رئيس مكتب الجمعية الوطنية،
نجوين …`` its leftmost title sets the grammatical gender), or a place word before a list of
names (``مقاطعات آن جيانغ ودونغ ثاب``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from translit import arabic
from translit.cues import Cue, cue_ending_at

# How far back (in words, within the clause) a title may stand before the name it introduces.
CUE_WINDOW = 8
# A title stops counting across the end of a clause.
_CLAUSE_BREAK = regex.compile(r"[.!?؟؛;:()\[\]{}\n]")


@dataclass(frozen=True, slots=True)
class Word:
    """A token of the text and the (clitic, stem) readings whose stem may be a name part."""

    token: arabic.Token
    folded: str
    readings: tuple[tuple[str, str], ...]

    @property
    def whole(self) -> bool:
        """Whether the word can be read as it stands, without a clitic."""
        return bool(self.readings) and not self.readings[0][0]


@dataclass(frozen=True, slots=True)
class Context:
    """The title or place word before a position: the cue and whether it stands right there."""

    cue: Cue | None = None
    adjacent: bool = False
    # A place word before a list of names (مقاطعات آن جيانغ ودونغ ثاب وكا ماو) covers each of them.
    listed: bool = False

    @property
    def titled(self) -> bool:
        """Whether a person's title stands right before the position (الرفيق تو)."""
        return self.adjacent and self.cue is not None and self.cue.kind == "person"


NO_CONTEXT = Context()


def context_at(text: str, words: Sequence[Word], folded: Sequence[str], index: int) -> Context:
    """The title before word ``index``: the one right before it, else the head of the role
    phrase (its leftmost cue) within the clause, which sets the grammatical gender."""
    found = cue_ending_at(folded, index)
    if found is not None and not _CLAUSE_BREAK.search(gap(text, words, index - 1, index)):
        return Context(found[0], adjacent=True)
    leftmost: Cue | None = None
    names_only = True
    end = index
    while end > 0 and index - end < CUE_WINDOW:
        if _CLAUSE_BREAK.search(gap(text, words, end - 1, end)):
            break
        found = cue_ending_at(folded, end)
        if found is not None:
            cue, end = found
            if cue.kind == "person":
                leftmost = cue
            elif leftmost is None and names_only:
                # a place word names what stands right after it, or a list of such names
                return Context(cue, listed=True)
            names_only = False
        else:
            end -= 1
            names_only = names_only and bool(words[end].readings)
    return Context(leftmost, adjacent=False)


def gap(text: str, words: Sequence[Word], left: int, right: int) -> str:
    """The text between two words (empty before the first)."""
    if left < 0:
        return ""
    return text[words[left].token.end:words[right].token.start]
