"""Names in running text: precision, recall and exact resolution of ``translit.find_names``.

The gold set is ``tests/fixtures/articles/*.gold.tsv`` beside each ``*.txt`` article. A found span
is right when its offsets equal a gold span's; it is *resolved exactly* when its reading is the gold
Vietnamese too (tone placement and case aside). Run ``python -m benchmarks.text_eval`` for a table.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import translit
from translit.syllable import canonical_text

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    surface: str
    vietnamese: str
    kind: str


@dataclass(slots=True)
class Tally:
    """Counts over a set of articles."""

    gold: int = 0
    found: int = 0
    correct: int = 0
    exact: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.correct += other.correct
        self.exact += other.exact
        self.errors += other.errors

    def scores(self) -> dict[str, float]:
        precision = self.correct / self.found if self.found else 1.0
        recall = self.correct / self.gold if self.gold else 1.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "exact": self.exact / self.correct if self.correct else 0.0,
            "gold": float(self.gold),
            "found": float(self.found),
        }


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("-", " ")
    return (canonical_text(text) or text).lower().split().__str__()


def read_gold(path: Path) -> list[Gold]:
    """The gold spans of one article."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Gold(int(row["start"]), int(row["end"]), row["surface"], row["vietnamese"],
                 row["kind"])
            for row in rows
        ]


def articles(fixtures_dir: Path) -> Iterable[tuple[str, str, list[Gold]]]:
    """``(name, text, gold)`` for each article that has a gold file."""
    for gold_path in sorted(fixtures_dir.glob("*.gold.tsv")):
        name = gold_path.name[: -len(".gold.tsv")]
        text = (fixtures_dir / f"{name}.txt").read_text(encoding="utf-8")
        yield name, text, read_gold(gold_path)


def score_article(name: str, text: str, gold: list[Gold]) -> Tally:
    """Compare ``find_names`` on one article with its gold spans."""
    tally = Tally(gold=len(gold))
    by_offsets = {(g.start, g.end): g for g in gold}
    spans = translit.find_names(text)
    tally.found = len(spans)
    matched: set[tuple[int, int]] = set()
    for span in spans:
        wanted = by_offsets.get((span.start, span.end))
        if wanted is None:
            tally.errors.append(f"{name}: extra {span.source!r} -> {span.match.text}")
            continue
        matched.add((span.start, span.end))
        tally.correct += 1
        if _key(span.match.text) == _key(wanted.vietnamese):
            tally.exact += 1
        else:
            tally.errors.append(
                f"{name}: wrong {span.source!r} -> {span.match.text} (gold {wanted.vietnamese})"
            )
    for g in gold:
        if (g.start, g.end) not in matched:
            tally.errors.append(f"{name}: missed {g.surface!r} ({g.vietnamese})")
    return tally


def evaluate_find_names(fixtures_dir: Path | str = FIXTURES) -> dict[str, object]:
    """Precision, recall, F1 and exact-resolution rate of ``find_names`` on a gold folder.

    Returns the overall scores, the same for the real seed articles (``seed_*``) and for the
    written ones, the error list and the time taken.
    """
    total, seeds, written = Tally(), Tally(), Tally()
    started = time.perf_counter()
    characters = 0
    for name, text, gold in articles(Path(fixtures_dir)):
        tally = score_article(name, text, gold)
        characters += len(text)
        total.add(tally)
        (seeds if name.startswith("seed_") else written).add(tally)
    seconds = time.perf_counter() - started
    return {
        **total.scores(),
        "seeds": seeds.scores(),
        "written": written.scores(),
        "errors": total.errors,
        "seconds": seconds,
        "characters": characters,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.text_eval", description=__doc__)
    parser.add_argument("fixtures", nargs="?", default=str(FIXTURES))
    args = parser.parse_args(argv)
    result = evaluate_find_names(args.fixtures)
    print("| set | gold | found | precision | recall | F1 | exact |")
    print("|---|---|---|---|---|---|---|")
    for label, scores in (("all", result), ("seeds", result["seeds"]),
                          ("written", result["written"])):
        assert isinstance(scores, dict)
        print(f"| {label} | {scores['gold']:.0f} | {scores['found']:.0f} | "
              f"{scores['precision']:.3f} | {scores['recall']:.3f} | {scores['f1']:.3f} | "
              f"{scores['exact']:.3f} |")
    print(f"\n{result['characters']} characters in {result['seconds']:.1f} s")
    errors = result["errors"]
    assert isinstance(errors, list)
    if errors:
        print("\nerrors:")
        for error in errors:
            print(f"- {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
