"""``python -m benchmarks``: accuracy, calibration and speed of translit next to its baselines.

Prints the markdown report and writes it, with its plots, to ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import translit
from benchmarks import cli_throughput, directions, heldout, plots, speed
from benchmarks.accuracy import evaluate, groups, summaries
from benchmarks.baselines import ACCURACY_ONLY, BASELINES, SYSTEMS, Romanizer, Translit
from benchmarks.data import REPO, default_files, distinct_names, load_pairs, repeated_names
from benchmarks.report import DataResult, Run, markdown


@dataclass(frozen=True, slots=True)
class Plan:
    """How much to measure: the full run, or ``--quick`` for a look in a minute or two."""

    distinct: int
    repeated: int
    translit_seconds: float
    baseline_seconds: float
    cold_runs: int
    scaling_sizes: tuple[int, ...]
    scaling_budget_s: float
    jobs_rows: int


# Scaling starts below 10k rows so that a slow CLI still draws a line within the budget.
FULL = Plan(20_000, 200_000, 60.0, 20.0, 7, (1_000, 3_000, 10_000, 30_000, 100_000, 1_000_000),
            240.0, 200_000)
NO_CACHE = "translit-no-cache"
QUICK = Plan(5_000, 20_000, 5.0, 3.0, 3, (300, 1_000, 3_000), 30.0, 10_000)


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _meta(files: Sequence[Path], quick: bool) -> dict[str, str]:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "translit", "lexicons"],
                           cwd=REPO, capture_output=True, text=True).stdout.strip()
    if dirty:
        count = len(dirty.splitlines())
        commit += f" + uncommitted changes to {count} files in translit/, lexicons/"
    packages = ("pyvi", "uroman", "unidecode", "rapidfuzz", "arabic-name-romanizer")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit or "unknown",
        "mode": "quick" if quick else "full",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
        "load average at start": " ".join(f"{v:.2f}" for v in os.getloadavg()),
        "python": platform.python_version(),
        "translit": translit.__version__,
        "packages": ", ".join(f"{p} {_version(p)}" for p in packages),
        "data": ", ".join(os.path.relpath(p, REPO) for p in files),
    }


def accuracy(run: Run, files: Sequence[Path], names: Sequence[str]) -> None:
    for path in files:
        pairs = load_pairs(path)
        splits = groups(pairs)
        result = DataResult(path.name, len(pairs), [])
        for name in names:
            print(f"accuracy: {name} on {path.name} …", file=sys.stderr)
            evaluation = evaluate({**SYSTEMS, **ACCURACY_ONLY}[name](), pairs, k=run.k)
            run.labels[name] = evaluation.label
            result.evaluations.append((evaluation, summaries(evaluation, splits, k=run.k)))
        run.data.append(result)


def timing(run: Run, plan: Plan, systems: Sequence[str]) -> None:
    pairs = [pair for path in default_files() for pair in load_pairs(path)]
    lists = {
        "distinct": distinct_names(pairs, plan.distinct),
        "repeated": repeated_names(pairs, plan.repeated),
    }
    for list_name, names in lists.items():
        results = []
        for system in (speed.FLOOR, *systems):
            print(f"speed: {system} on {list_name} names …", file=sys.stderr)
            budget = plan.translit_seconds if system in ("translit", speed.FLOOR) \
                else plan.baseline_seconds
            results.append(speed.measure(system, names, seconds=budget))
        run.throughput[list_name] = results
    run.labels[speed.FLOOR] = speed.FLOOR_LABEL
    for system in systems:
        print(f"cold start: {system} …", file=sys.stderr)
        run.cold.append(speed.cold_start(system, SYSTEMS[system].cold_start, runs=plan.cold_runs))
    # translit caches its compiled tables on disk; the first run after an install pays for them
    print("cold start: translit without its disk cache …", file=sys.stderr)
    run.cold.append(speed.cold_start(NO_CACHE, Translit.cold_start, runs=plan.cold_runs,
                                     env={"TRANSLIT_CACHE_DIR": "off"}))
    run.labels[NO_CACHE] = "translit, disk cache off (first run after install)"
    run.scaling_note = speed.cli_available()
    if not run.scaling_note:
        print("scaling: translit normalize …", file=sys.stderr)
        run.scaling = speed.scaling(lists["repeated"], plan.scaling_sizes,
                                    budget_s=plan.scaling_budget_s)
        print("CLI jobs: plain loop, -j1, -j2 …", file=sys.stderr)
        run.cli_jobs_rows = plan.jobs_rows
        run.cli_jobs = cli_throughput.measure(plan.jobs_rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="short speed runs and no 100k/1M-row scaling")
    parser.add_argument("--data", type=Path, nargs="+", metavar="TSV",
                        help="evaluation TSVs (default: ../shared/eval/dev.tsv, tests/fixtures)")
    parser.add_argument("--no-baselines", action="store_true", help="measure translit only")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results",
                        help="where report.md and the plots go (default: %(default)s)")
    args = parser.parse_args(argv)

    files = args.data or default_files()
    systems = [Translit.name] if args.no_baselines else [*BASELINES, Translit.name]
    run = Run(meta=_meta(files, args.quick))
    if not args.no_baselines:
        run.meta["romanizer"] = Romanizer.available()
    accuracy(run, files, [*systems, *ACCURACY_ONLY])
    for path in files:
        print(f"both directions: {path.name} …", file=sys.stderr)
        run.directions.append(directions.measure(path.name, load_pairs(path),
                                                 latency=not args.no_speed))
        held_out = heldout.measure(path.name, load_pairs(path),
                                   progress=lambda text: print(text, file=sys.stderr))
        if held_out is not None:
            run.held_out.append(held_out)
    if not args.no_speed:
        timing(run, QUICK if args.quick else FULL, systems)
    args.out.mkdir(parents=True, exist_ok=True)
    plots.write_all(run, args.out)
    report = markdown(run)
    (args.out / "report.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
