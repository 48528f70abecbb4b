"""Throughput and memory of ``translit normalize`` against the library in a plain Python loop.

    python benchmarks/cli_throughput.py --rows 100000          # rows/s, 1 and 2 jobs
    python benchmarks/cli_throughput.py --rows 2000000 --jobs 1  # memory stays flat

Rows are drawn (with repetition, seeded) from the Arabic spellings of the development set, as in a
real export where the same names recur. Peak memory is the child process's maximum RSS.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.data import load_pairs

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev.tsv"


def dev_names() -> list[str]:
    return [pair.arabic for pair in load_pairs(DEV)]


def make_input(path: Path, rows: int, *, seed: int = 1) -> None:
    names = dev_names()
    pick = random.Random(seed).choice
    with path.open("w", encoding="utf-8") as stream:
        for _ in range(rows):
            stream.write(pick(names) + "\n")


def plain_loop(path: Path) -> float:
    """Rows/s of ``translit.normalize`` called on each line (load time excluded)."""
    code = (
        "import sys, time, translit\n"
        "translit.normalize('x')\n"
        "start = time.perf_counter(); rows = 0\n"
        "for line in open(sys.argv[1], encoding='utf-8'):\n"
        "    translit.normalize(line.rstrip('\\n')); rows += 1\n"
        "print(rows / (time.perf_counter() - start))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, check=True, env=_env())
    return float(result.stdout)


def cli(path: Path, jobs: int) -> tuple[float, float]:
    """Rows/s of the whole command (start-up included) and the peak RSS in MiB."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK_REPORTING_CLI, "normalize", str(path), "--quiet",
         "--jobs", str(jobs), "-o", f"{path}.out.tsv"],
        env=_env(), capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"translit normalize failed ({done.returncode}): {done.stderr[-500:]}")
    rows = sum(1 for _ in path.open("rb"))
    return rows / seconds, float(done.stderr.strip().splitlines()[-1])


# The CLI's main, then its own peak RSS (VmHWM, in MiB) on stderr. Not ru_maxrss from wait4: a
# forked child carries the peak of its parent from before the fork, and the benchmark driver holds
# every baseline in memory.
_PEAK_REPORTING_CLI = """
import sys
from translit.cli import main
status = main(sys.argv[1:])
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(int(line.split()[1]) / 1024, file=sys.stderr)
sys.exit(status)
"""


def measure(rows: int, jobs: tuple[int, ...] = (1, 2)) -> list[tuple[str, float, float | None]]:
    """(label, rows/s, peak RSS MiB) for the plain loop and the CLI with each number of jobs."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "names.txt"
        make_input(path, rows)
        found: list[tuple[str, float, float | None]] = [
            ("library, plain Python loop", plain_loop(path), None)
        ]
        for count in jobs:
            rate, peak = cli(path, count)
            found.append((f"translit normalize --jobs {count}", rate, peak))
    return found


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-loop", action="store_true", help="skip the plain-loop baseline")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "names.txt"
        make_input(path, args.rows)
        print(f"{args.rows} rows, {len(set(dev_names()))} distinct names, {os.cpu_count()} cores")
        if not args.no_loop:
            print(f"library, plain loop     {plain_loop(path):>10,.0f} rows/s")
        for jobs in args.jobs:
            rate, peak = cli(path, jobs)
            print(f"translit normalize -j{jobs}  {rate:>10,.0f} rows/s  (peak RSS of the "
                  f"main process {peak:,.0f} MiB)")


if __name__ == "__main__":
    main()
