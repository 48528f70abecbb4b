"""Accuracy and calibration metrics: pure functions over answers and reference spellings.

Every comparison goes through :func:`answer_key`, so that case, tone-mark placement (``hoà`` /
``hòa``), hyphens and spacing never count as errors; what is left is what a reader would call a
different name. A pair may have several references (``Phan|Văn``): an answer is right when it
matches any of them.

>>> exact("trần cẩm tú", ("Trần Cẩm Tú",))
True
>>> categorize_error("Trân Câm Tu", ("Trần Cẩm Tú",))
'tone'
>>> round(news_f_score("Ha Noi", ("Hà Nội",)), 3)
0.667
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from translit.syllable import canonical_text, fold, remove_tones

ErrorKind = Literal["false_abstention", "tone", "vowel", "segmentation", "unknown_name"]
ERROR_KINDS: tuple[ErrorKind, ...] = (
    "false_abstention", "tone", "vowel", "segmentation", "unknown_name",
)

Candidate = tuple[str, float]


def answer_key(text: str) -> str:
    """The form two answers are compared in: NFC, canonical tone placement, lower case, spaces.

    >>> answer_key("Bà Rịa-Vũng  Tàu")
    'bà rịa vũng tàu'
    >>> answer_key("Thanh Hoá")
    'thanh hóa'
    """
    text = " ".join(unicodedata.normalize("NFC", text).replace("-", " ").split())
    return (canonical_text(text) or text).lower()


def _matches(answer: str, references: Sequence[str], view: str = "exact") -> bool:
    if not answer.strip():
        return False
    if view == "exact":
        key = answer_key(answer)
        return any(key == answer_key(ref) for ref in references)
    if view == "toneless":
        key = remove_tones(answer_key(answer))
        return any(key == remove_tones(answer_key(ref)) for ref in references)
    if view == "folded":
        key = fold(answer_key(answer))
        return any(key == fold(answer_key(ref)) for ref in references)
    if view == "letters":
        key = fold(answer_key(answer)).replace(" ", "")
        return any(key == fold(answer_key(ref)).replace(" ", "") for ref in references)
    raise ValueError(f"unknown view {view!r}")


def exact(answer: str, references: Sequence[str]) -> bool:
    """Right with every tone and vowel mark (up to case and tone placement).

    >>> exact("Hà Nội", ("Hà Nội",)), exact("Ha Noi", ("Hà Nội",))
    (True, False)
    """
    return _matches(answer, references, "exact")


def toneless(answer: str, references: Sequence[str]) -> bool:
    """Right once tone marks are ignored (vowel letters ă â ê ô ơ ư đ still count).

    >>> toneless("Hà Nọi", ("Hà Nội",)), toneless("Hà Nổi", ("Hà Nội",))
    (False, True)
    """
    return _matches(answer, references, "toneless")


def first_correct_rank(answers: Sequence[str], references: Sequence[str]) -> int | None:
    """1-based rank of the first exactly right answer, or ``None``.

    >>> first_correct_rank(["Văn", "Phan"], ("Phan",))
    2
    """
    for rank, answer in enumerate(answers, start=1):
        if exact(answer, references):
            return rank
    return None


def exact_at_k(answers: Sequence[str], references: Sequence[str], k: int = 5) -> bool:
    """Some answer among the first ``k`` is exactly right.

    >>> exact_at_k(["Văn", "Phan"], ("Phan",), k=1)
    False
    """
    rank = first_correct_rank(answers[:k], references)
    return rank is not None


def reciprocal_rank(answers: Sequence[str], references: Sequence[str]) -> float:
    """``1 / rank`` of the first right answer, 0 when none is right (NEWS MRR term).

    >>> reciprocal_rank(["Văn", "Vân", "Phan"], ("Phan",))
    0.3333333333333333
    """
    rank = first_correct_rank(answers, references)
    return 0.0 if rank is None else 1.0 / rank


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of two strings.

    >>> lcs_length("hanoi", "ha noi")
    5
    """
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0]
        for j, char_b in enumerate(b, start=1):
            if char_a == char_b:
                current.append(previous[j - 1] + 1)
            else:
                current.append(max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def news_f_score(answer: str, references: Sequence[str]) -> float:
    """Fuzziness in top-1 of the NEWS shared tasks: LCS-based F-score against the closest reference.

    NEWS defines ``LCS(c, r) = (|c| + |r| - ED(c, r)) / 2`` with ED the edit distance counting
    insertions and deletions, which is the longest common subsequence; precision is ``LCS / |c|``,
    recall ``LCS / |r|``, and the reference taken is the one that gives the best F. Strings are
    compared as :func:`answer_key` forms, so a missing tone mark costs one character.

    >>> news_f_score("Hà Nội", ("Hà Nội",))
    1.0
    >>> news_f_score("", ("Hà Nội",))
    0.0
    """
    candidate = answer_key(answer)
    best = 0.0
    for reference in references:
        ref = answer_key(reference)
        common = lcs_length(candidate, ref)
        if common == 0:
            continue
        precision, recall = common / len(candidate), common / len(ref)
        best = max(best, 2 * precision * recall / (precision + recall))
    return best


def categorize_error(answer: str | None, references: Sequence[str]) -> ErrorKind | None:
    """What went wrong with a rank-1 answer; ``None`` when it is right.

    The first category that explains the difference wins: no answer at all, then only tone marks,
    then vowel marks (the full ASCII fold agrees), then syllable boundaries (same letters), else
    an unknown name.

    >>> categorize_error(None, ("Hà Nội",))
    'false_abstention'
    >>> categorize_error("Hà Nối", ("Hà Nội",))
    'tone'
    >>> categorize_error("Hà Nôi", ("Hà Nội",)), categorize_error("Ha Nơi", ("Hà Nội",))
    ('tone', 'vowel')
    >>> categorize_error("Hàn Ội", ("Hà Nội",)), categorize_error("Huế", ("Hà Nội",))
    ('segmentation', 'unknown_name')
    """
    if answer is None or not answer.strip():
        return "false_abstention"
    if exact(answer, references):
        return None
    if _matches(answer, references, "toneless"):
        return "tone"
    if _matches(answer, references, "folded"):
        return "vowel"
    if _matches(answer, references, "letters"):
        return "segmentation"
    return "unknown_name"


@dataclass(frozen=True, slots=True)
class Bin:
    """One bar of a reliability diagram: answers whose confidence fell in ``[low, high)``."""

    low: float
    high: float
    count: int
    confidence: float
    accuracy: float


def reliability(
    confidences: Sequence[float], outcomes: Sequence[bool], bins: int = 10
) -> list[Bin]:
    """Equal-width confidence bins with the mean confidence and the accuracy in each (empty bins
    are left out). A confidence of exactly 1.0 goes into the last bin.

    >>> [(b.count, b.accuracy) for b in reliability([0.95, 0.92, 0.15], [True, False, False])]
    [(1, 0.0), (2, 0.5)]
    """
    if len(confidences) != len(outcomes):
        raise ValueError("confidences and outcomes differ in length")
    groups: dict[int, list[tuple[float, bool]]] = {}
    for confidence, outcome in zip(confidences, outcomes):
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"confidence {confidence} is not a probability")
        index = min(int(confidence * bins), bins - 1)
        groups.setdefault(index, []).append((confidence, outcome))
    result = []
    for index in sorted(groups):
        members = groups[index]
        result.append(Bin(
            low=index / bins,
            high=(index + 1) / bins,
            count=len(members),
            confidence=sum(c for c, _ in members) / len(members),
            accuracy=sum(1 for _, ok in members if ok) / len(members),
        ))
    return result


def expected_calibration_error(
    confidences: Sequence[float], outcomes: Sequence[bool], bins: int = 10
) -> float:
    """ECE: the bin-size-weighted mean gap between confidence and accuracy (equal-width bins).

    >>> expected_calibration_error([0.9, 0.9, 0.9, 0.9], [True, True, True, False])
    0.15000000000000002
    """
    total = len(confidences)
    if total == 0:
        return 0.0
    return sum(
        b.count / total * abs(b.accuracy - b.confidence)
        for b in reliability(confidences, outcomes, bins)
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """One evaluation item: an Arabic spelling, its accepted Vietnamese forms, person or place."""

    arabic: str
    references: tuple[str, ...]
    kind: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one system did on one pair."""

    pair: Pair
    candidates: tuple[Candidate, ...]
    rank: int | None
    f_score: float
    error: ErrorKind | None

    @property
    def answer(self) -> str | None:
        return self.candidates[0][0] if self.candidates else None

    @property
    def confidence(self) -> float | None:
        return self.candidates[0][1] if self.candidates else None


def score_pair(pair: Pair, candidates: Sequence[Candidate]) -> Outcome:
    """Score one system's ranked candidates (best first, ``[]`` = abstained) on one pair."""
    kept = tuple((text, score) for text, score in candidates if text.strip())
    answers = [text for text, _ in kept]
    return Outcome(
        pair=pair,
        candidates=kept,
        rank=first_correct_rank(answers, pair.references),
        f_score=news_f_score(answers[0], pair.references) if answers else 0.0,
        error=categorize_error(answers[0] if answers else None, pair.references),
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures of one system on a set of pairs. ``ece`` is ``None`` when the scores of the
    system are not probabilities or when it answered nothing."""

    count: int
    exact_at_1: float
    toneless_at_1: float
    exact_at_k: float
    mrr: float
    mean_f: float
    abstention: float
    ece: float | None
    bins: tuple[Bin, ...] = ()
    errors: Counter[str] = field(default_factory=Counter)


def summarize(outcomes: Sequence[Outcome], *, k: int = 5, probabilistic: bool = True) -> Summary:
    """Aggregate per-pair outcomes. Rates are fractions of all pairs (abstentions count as wrong).

    >>> pair = Pair("هانوي", ("Hà Nội",), "place")
    >>> s = summarize([score_pair(pair, [("Hà Nội", 0.8)]), score_pair(pair, [])])
    >>> s.exact_at_1, s.abstention, s.mrr
    (0.5, 0.5, 0.5)
    """
    count = len(outcomes)
    if count == 0:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None)
    answered = [o for o in outcomes if o.candidates]
    confidences = [o.candidates[0][1] for o in answered]
    correct = [o.rank == 1 for o in answered]
    calibrated = probabilistic and bool(answered)
    return Summary(
        count=count,
        exact_at_1=sum(1 for o in outcomes if o.rank == 1) / count,
        toneless_at_1=sum(
            1 for o in answered if toneless(o.candidates[0][0], o.pair.references)
        ) / count,
        exact_at_k=sum(1 for o in outcomes if o.rank is not None and o.rank <= k) / count,
        mrr=sum(1.0 / o.rank for o in outcomes if o.rank is not None and o.rank <= k) / count,
        mean_f=sum(o.f_score for o in outcomes) / count,
        abstention=(count - len(answered)) / count,
        ece=expected_calibration_error(confidences, correct) if calibrated else None,
        bins=tuple(reliability(confidences, correct)) if calibrated else (),
        errors=Counter(o.error for o in outcomes if o.error is not None),
    )
