"""Evaluation pairs and the name lists the speed benchmark runs over.

An evaluation file is a TSV with a header naming at least ``arabic``, ``vietnamese`` and ``kind``
(more columns are ignored), ``#`` comment lines on top, and ``|`` between alternative readings.
"""

from __future__ import annotations

import csv
import hashlib
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

from benchmarks.metrics import Pair

REPO = Path(__file__).resolve().parents[1]
SHARED_DEV = REPO.parent / "shared" / "eval" / "dev.tsv"
FIXTURES = REPO / "tests" / "fixtures"
REQUIRED = ("arabic", "vietnamese", "kind")


def load_pairs(path: Path) -> list[Pair]:
    """Read one evaluation TSV; ``ValueError`` naming file and line when a row is malformed."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        raise ValueError(f"{path}: no column {', '.join(missing)}")
    pairs = []
    for number, row in enumerate(reader, start=2):
        arabic, vietnamese = (row["arabic"] or "").strip(), (row["vietnamese"] or "").strip()
        if not arabic or not vietnamese:
            raise ValueError(f"{path}:{number}: empty arabic or vietnamese field")
        references = tuple(v.strip() for v in vietnamese.split("|") if v.strip())
        pairs.append(Pair(arabic, references, (row["kind"] or "").strip(), path.name))
    return pairs


def is_eval_file(path: Path) -> bool:
    """A TSV whose header has the evaluation columns."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                return all(c in line.rstrip("\n").split("\t") for c in REQUIRED)
    return False


def default_files() -> list[Path]:
    """The shared development set when it is there, then the project's own test sets.

    Files with identical content (the fixture is a copy of the shared set) are measured once.
    """
    found = [SHARED_DEV] if SHARED_DEV.is_file() else []
    if FIXTURES.is_dir():
        found += sorted(p for p in FIXTURES.glob("*.tsv") if is_eval_file(p))
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
    return list(unique.values())


def person_tokens(pairs: Iterable[Pair]) -> list[list[str]]:
    """Arabic tokens of three-part person names by position (surname, middle, given)."""
    slots: list[set[str]] = [set(), set(), set()]
    for pair in pairs:
        tokens = pair.arabic.split()
        if pair.kind == "person" and len(tokens) == 3:
            for slot, token in zip(slots, tokens):
                slot.add(token)
    return [sorted(slot) for slot in slots]


def distinct_names(pairs: Sequence[Pair], count: int, *, seed: int = 0) -> list[str]:
    """``count`` different full names recombined from real Arabic spellings of surnames, middle
    and given names, so that every token is one a real text used, but no full name repeats."""
    slots = person_tokens(pairs)
    if not all(slots):
        raise ValueError("no three-part person names to recombine")
    possible = len(slots[0]) * len(slots[1]) * len(slots[2])
    if count > possible:
        raise ValueError(f"only {possible} distinct recombinations, {count} asked")
    rng = random.Random(seed)
    names: dict[str, None] = {}
    while len(names) < count:
        names.setdefault(" ".join(rng.choice(slot) for slot in slots), None)
    return list(names)


def repeated_names(
    pairs: Sequence[Pair], count: int, *, pool: int = 5_000, seed: int = 1
) -> list[str]:
    """``count`` rows drawn from ``pool`` names with Zipf-like frequencies (weight ``1/rank``), the
    way names repeat in real exports: a few appear thousands of times, most a handful."""
    rng = random.Random(seed)
    names = [p.arabic for p in pairs] + distinct_names(pairs, pool, seed=seed)
    rng.shuffle(names)
    weights = [1.0 / rank for rank in range(1, len(names) + 1)]
    return rng.choices(names, weights=weights, k=count)
