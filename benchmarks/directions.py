"""The other directions (issue #6): Vietnamese → Arabic, Latin input, cross-script matching.

On the same evaluation pairs as the accuracy section:

- ``to_arabic`` coverage: how often the Arabic spelling observed in real text is among
  ``to_arabic(gold, k=5)``, as written and after the clean-up lexicon keys get (alef forms);
- Latin input: the gold name with its tones stripped (vowel letters kept) and folded to ASCII,
  read back by ``normalize``; exact at rank 1 per kind;
- ``similarity``: ROC AUC of same-name pairs (an Arabic spelling and its gold) against
  different-name pairs;
- ``Matcher``: query latency over 100,000 choices (the figure a user deduplicating a list needs).

Run alone with ``python -m benchmarks.directions``.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import translit
from benchmarks.data import default_files, load_pairs
from benchmarks.metrics import Pair, exact
from translit.similarity import key
from translit.syllable import fold, remove_tones

TARGETS = {
    "to_arabic: observed spelling in top 5": 0.90,
    "Latin, tones stripped: person exact@1": 0.90,
    "Latin, tones stripped: place exact@1": 0.97,
    "similarity ROC AUC": 0.98,
}
MATCH_CHOICES = 100_000
MATCH_QUERIES = 200


@dataclass(slots=True)
class Directions:
    """The figures of one evaluation file."""

    name: str
    pairs: int
    to_arabic: float = 0.0
    to_arabic_cleaned: float = 0.0
    latin: dict[tuple[str, str], float] = field(default_factory=dict)  # (kind, form) -> exact@1
    auc: float = 0.0
    match_ms: tuple[float, float] | None = None  # median, 95th percentile; None: not timed
    match_found: float = 0.0  # share of timed queries whose gold came first

    def figures(self) -> dict[str, float]:
        """The measured value of each target."""
        return {
            "to_arabic: observed spelling in top 5": self.to_arabic,
            "Latin, tones stripped: person exact@1": self.latin.get(("person", "tones stripped"),
                                                                   0.0),
            "Latin, tones stripped: place exact@1": self.latin.get(("place", "tones stripped"),
                                                                  0.0),
            "similarity ROC AUC": self.auc,
        }


def _words(spelled: str, clean: bool) -> str:
    words = spelled.replace("-", " ").split()
    return " ".join(key(word) if clean else word for word in words)


def to_arabic_coverage(pairs: Sequence[Pair], k: int = 5) -> tuple[float, float]:
    """Share of pairs whose Arabic is among the gold's ``k`` spellings: as written, cleaned."""
    written = cleaned = 0
    for pair in pairs:
        spellings: list[str] = []
        for gold in pair.references:
            with contextlib.suppress(ValueError):  # a foreign word (Bà Nà Hills): a miss
                spellings += translit.to_arabic(gold, k=k)
        written += _words(pair.arabic, False) in spellings
        cleaned += _words(pair.arabic, True) in {_words(s, True) for s in spellings}
    return written / len(pairs), cleaned / len(pairs)


LATIN_FORMS: dict[str, Callable[[str], str]] = {"tones stripped": remove_tones, "ASCII": fold}


def latin_accuracy(pairs: Sequence[Pair]) -> dict[tuple[str, str], float]:
    """Exact@1 of ``normalize`` on the first gold written without tones / in ASCII, per kind."""
    hits: dict[tuple[str, str], list[bool]] = {}
    for pair in pairs:
        for form, strip in LATIN_FORMS.items():
            found = translit.normalize(strip(pair.references[0]))
            right = found is not None and exact(found.text, pair.references)
            hits.setdefault((pair.kind, form), []).append(right)
    return {group: sum(values) / len(values) for group, values in hits.items()}


def similarity_auc(pairs: Sequence[Pair], stride: int = 7) -> float:
    """ROC AUC of ``similarity(arabic, gold)`` for each pair against other pairs' golds.

    Negatives pair each Arabic spelling with the gold of every ``stride``-th other row whose gold
    is a different name (two rows of one name are the same entity, not a negative).
    """
    rows = [(pair.arabic, pair.references[0]) for pair in pairs]
    positives = [translit.similarity(arabic, gold) for arabic, gold in rows]
    negatives = [
        translit.similarity(arabic, other)
        for i, (arabic, gold) in enumerate(rows)
        for j, (_, other) in enumerate(rows)
        if j % stride == i % stride and translit.similarity(gold, other) < 1.0
    ]
    ordered = sorted(negatives)
    wins = 0.0
    for score in positives:  # Mann-Whitney: negatives below count one, ties half
        below, up_to = bisect.bisect_left(ordered, score), bisect.bisect_right(ordered, score)
        wins += below + 0.5 * (up_to - below)
    return wins / (len(positives) * len(negatives))


def match_latency(pairs: Sequence[Pair], *, choices: int = MATCH_CHOICES,
                  queries: int = MATCH_QUERIES, seed: int = 0) -> tuple[float, float, float]:
    """Median and 95th-percentile milliseconds of ``Matcher.match`` over ``choices`` names, and
    the share of queries whose gold came first.

    The choices are the golds plus names recombined from their words (a list as big as a
    user's); the queries are the Arabic spellings.
    """
    rng = random.Random(seed)
    golds = [pair.references[0] for pair in pairs]
    words = [gold.split() for gold in golds if len(gold.split()) >= 2]
    pool = list(golds)
    while len(pool) < choices:
        first, second, third = rng.choice(words), rng.choice(words), rng.choice(words)
        pool.append(" ".join([first[0], second[len(second) // 2], third[-1]]))
    matcher = translit.Matcher(pool)
    timings, found = [], 0
    for pair in rng.sample(list(pairs), min(queries, len(pairs))):
        start = time.perf_counter()
        best = matcher.match(pair.arabic, limit=5)
        timings.append(1000 * (time.perf_counter() - start))
        found += bool(best) and exact(best[0].choice, pair.references)
    timings.sort()
    return (statistics.median(timings), timings[int(0.95 * (len(timings) - 1))],
            found / len(timings))


def measure(name: str, pairs: Sequence[Pair], *, latency: bool = True) -> Directions:
    result = Directions(name, len(pairs))
    result.to_arabic, result.to_arabic_cleaned = to_arabic_coverage(pairs)
    result.latin = latin_accuracy(pairs)
    result.auc = similarity_auc(pairs)
    if latency:
        *result.match_ms, result.match_found = match_latency(pairs)
    return result


def section(results: Sequence[Directions]) -> list[str]:
    """The report's markdown for these figures."""
    if not results:
        return []
    lines = ["## Both directions", "",
             "Vietnamese → Arabic: the observed Arabic spelling among `to_arabic(gold, k=5)` "
             "(as written / after the alef clean-up of lexicon keys). Latin input: "
             "`normalize` on the first gold with tones stripped (vowel letters kept) and "
             "folded to ASCII, exact at rank 1. Cross-script: ROC AUC of `similarity` for "
             "same-name against different-name pairs, and `Matcher.match` over "
             f"{MATCH_CHOICES:,} choices (the golds and names recombined from their words; "
             "queries: the Arabic spellings): latency and how often the gold comes first. "
             "The channel's weights are fitted to dev.tsv "
             "(lexicons/fit_channel.py) and the initial-alef forms counted on it: its to_arabic "
             "figure is in sample (held out: next section).", ""]
    header = ["data", "to_arabic top 5", "cleaned", "Latin person", "Latin place",
              "ASCII person", "ASCII place", "AUC", "match ms (median / p95)",
              "match: gold first"]
    rows = []
    for r in results:
        latin = [f"{100 * r.latin.get((kind, form), 0.0):.1f}"
                 for form in LATIN_FORMS for kind in ("person", "place")]
        rows.append([r.name, f"{100 * r.to_arabic:.1f}", f"{100 * r.to_arabic_cleaned:.1f}",
                     *latin, f"{r.auc:.4f}",
                     f"{r.match_ms[0]:.2f} / {r.match_ms[1]:.2f}" if r.match_ms else "–",
                     f"{100 * r.match_found:.1f}" if r.match_ms else "–"])
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows] + [""]
    first = results[0]
    lines += [f"Targets on {first.name}:", "", "| figure | target | measured |  |",
              "|---|---|---|---|"]
    for figure, value in first.figures().items():
        target = TARGETS[figure]
        shown = f"{value:.4f}" if "AUC" in figure else f"{100 * value:.1f}%"
        wanted = f"{target:.2f}" if "AUC" in figure else f"≥ {100 * target:.0f}%"
        lines.append(f"| {figure} | {wanted} | {shown} | "
                     f"{'met' if value >= target else '**not met**'} |")
    return lines + [""]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.directions", description=__doc__)
    parser.add_argument("data", nargs="*", help="evaluation TSVs (default: as the full run)")
    args = parser.parse_args(argv)
    files = [Path(p) for p in args.data] or default_files()
    results = [measure(path.name, load_pairs(path)) for path in files]
    print("\n".join(section(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
