"""Figures on spellings the channel did not learn from: the evaluation pairs split in two.

The shipped channel weights (``lexicons/correspondences.tsv``) are fitted by
``lexicons/fit_channel.py`` to the development sample, so figures measured on that sample are in
sample. Here its rows are split by parity; the channel is fitted on one half (same hand-written
prior, same strength) and the other half is read with it, then the halves swap, and the figures
of both held-out halves are pooled beside the shipped channel's figures on the same rows. What
stays in sample: the lexicons (compiled without sight of the pairs), the initial-alef forms of
``to_arabic`` and the decoder's few weights (``benchmarks/tune.py``).

Run alone with ``python -m benchmarks.heldout [TSV]``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import translit
from benchmarks.data import REPO, default_files, load_pairs
from benchmarks.metrics import Pair, exact
from translit.channel import Channel, Correspondences, default_channel
from translit.names import default_inventory
from translit.normalizer import Normalizer

FOLDS = 2
TOP = 5
MIN_PAIRS = 50  # fewer pairs than this fit no channel worth measuring


@dataclass(slots=True)
class HeldOut:
    """Share of pairs right, per figure, with the shipped channel and held out."""

    name: str
    pairs: int
    shipped: dict[str, float] = field(default_factory=dict)
    held_out: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _fit_channel() -> ModuleType:
    """``lexicons/fit_channel.py`` (a script, not a package module)."""
    path = REPO / "lexicons" / "fit_channel.py"
    spec = importlib.util.spec_from_file_location("fit_channel", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fitted_channel(training: Sequence[Pair]) -> Channel:
    """The channel with its weights fitted to ``training`` as the shipped one is to dev.tsv."""
    fit = _fit_channel()
    _, _, rows = fit.read_table(fit.DEFAULT_PRIOR)
    seen = [found for pair in training
            for found in fit.observe(pair.arabic, "|".join(pair.references))]
    fitted, _ = fit.fit(fit.probabilities(rows), seen)
    table = Correspondences(enumerate(fit.fitted_rows(rows, fitted), start=1), name="held out")
    return Channel(table, default_inventory())


def figures(pairs: Sequence[Pair], channel: Channel) -> dict[str, list[bool]]:
    """Per pair: exact at rank 1 and within the top five, by kind; the observed spelling among
    ``to_arabic(gold, k=5)``."""
    normalizer = Normalizer(channel=channel)
    found: dict[str, list[bool]] = {}
    for pair in pairs:
        answers = [match.text for match in normalizer.candidates(pair.arabic, k=TOP)]
        found.setdefault(f"{pair.kind} exact@1", []).append(
            bool(answers) and exact(answers[0], pair.references))
        found.setdefault(f"{pair.kind} exact@{TOP}", []).append(
            any(exact(answer, pair.references) for answer in answers))
        spellings: list[str] = []
        for gold in pair.references:
            with contextlib.suppress(ValueError):  # a foreign word (Bà Nà Hills): a miss
                spellings += translit.to_arabic(gold, k=TOP, channel=channel)
        found.setdefault(f"to_arabic top {TOP}", []).append(
            " ".join(pair.arabic.replace("-", " ").split()) in spellings)
    return found


def measure(name: str, pairs: Sequence[Pair], *, folds: int = FOLDS,
            progress: Callable[[str], None] = lambda _: None) -> HeldOut | None:
    """The figures of ``pairs`` with the shipped channel and with channels fitted on the other
    folds; ``None`` when there are too few pairs to fit on."""
    if len(pairs) < MIN_PAIRS:
        return None
    result = HeldOut(name, len(pairs))
    shipped = figures(pairs, default_channel())
    held: dict[str, list[bool]] = {}
    for fold in range(folds):
        progress(f"held out: fitting the channel without fold {fold + 1} of {folds} …")
        training = [pair for i, pair in enumerate(pairs) if i % folds != fold]
        tested = [pair for i, pair in enumerate(pairs) if i % folds == fold]
        for figure, hits in figures(tested, fitted_channel(training)).items():
            held.setdefault(figure, []).extend(hits)
    for figure in sorted(shipped):
        result.shipped[figure] = sum(shipped[figure]) / len(shipped[figure])
        result.held_out[figure] = sum(held[figure]) / len(held[figure])
    return result


def section(results: Sequence[HeldOut]) -> list[str]:
    """The report's markdown for these figures."""
    if not results:
        return []
    lines = ["## Held out", "",
             f"The channel's weights are fitted to dev.tsv, so the figures above are in sample. "
             f"Here each file's rows are split in {FOLDS} by parity: the channel is fitted on "
             f"the other rows (lexicons/fit_channel.py, same prior and strength) and measured on "
             f"these; the held-out column pools the folds. The lexicons, the initial-alef forms "
             f"and the decoder's weights stay as shipped.", ""]
    lines += ["| data | figure | shipped channel | held out | difference |",
              "|---|---|---|---|---|"]
    for result in results:
        for figure, value in result.shipped.items():
            held = result.held_out[figure]
            lines.append(f"| {result.name} | {figure} | {100 * value:.1f} | {100 * held:.1f} | "
                         f"{100 * (held - value):+.1f} |")
    return lines + [""]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.heldout", description=__doc__)
    parser.add_argument("data", type=Path, nargs="*", metavar="TSV",
                        help="evaluation TSVs (default: ../shared/eval/dev.tsv, tests/fixtures)")
    args = parser.parse_args(argv)
    results = []
    for path in args.data or default_files():
        found = measure(path.name, load_pairs(path),
                        progress=lambda text: print(text, file=sys.stderr))
        if found is not None:
            results.append(found)
    print("\n".join(section(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
