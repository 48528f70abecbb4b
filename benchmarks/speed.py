"""Speed and size: names per second, cold start, peak memory, CLI scaling.

Every measurement runs in a fresh interpreter (``python -m benchmarks.speed worker …``), so that
one system's caches, imports and memory never count for another. Long runs stop at a time budget
and report the names they got through: a slow system is measured on fewer names, never guessed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.data import REPO

FLOOR = "floor"
FLOOR_LABEL = "floor: split + dict look-up per token + join"


@dataclass(frozen=True, slots=True)
class Throughput:
    """One system over one name list in its own process."""

    system: str
    names: int
    elapsed_s: float
    load_s: float
    max_rss_mb: float
    error: str = ""

    @property
    def per_second(self) -> float:
        return self.names / self.elapsed_s if self.elapsed_s > 0 else 0.0


def _floor_function(names: Sequence[str]) -> Callable[[str], str]:
    """The least any normalizer must do: split, one dict look-up per token, join."""
    table = {token: token[::-1] for name in names for token in name.split()}

    def look_up(name: str) -> str:
        return " ".join([table.get(token, token) for token in name.split()])

    return look_up


def _system_function(system: str, names: Sequence[str]) -> Callable[[str], object]:
    if system == FLOOR:
        return _floor_function(names)
    if system == "translit":
        import translit

        translit.normalize("تران كام تو")
        return translit.normalize
    from benchmarks.baselines import SYSTEMS

    instance = SYSTEMS[system]()
    instance.load()
    instance.candidates("تران كام تو", 1)
    return lambda name: instance.candidates(name, 1)


def run_worker(system: str, names: Sequence[str], seconds: float) -> Throughput:
    """Load ``system``, answer ``names`` one by one until done or ``seconds`` are spent."""
    started = time.perf_counter()
    answer = _system_function(system, names)
    load_s = time.perf_counter() - started
    done = 0
    started = time.perf_counter()
    deadline = started + seconds
    for done, name in enumerate(names, start=1):
        answer(name)
        if done % 64 == 0 and time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - started
    return Throughput(system, done, elapsed, load_s, peak_memory_mb())


def peak_memory_mb() -> float:
    """Peak resident memory of this process in MB.

    ``VmHWM`` belongs to the address space, which ``exec`` replaces; ``ru_maxrss`` would carry
    over the parent's peak from before the fork (the benchmark driver holds every baseline).
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(system: str, names: Sequence[str], *, seconds: float) -> Throughput:
    """:func:`run_worker` in a fresh interpreter; the error is kept when it fails."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(names))
        path = handle.name
    command = [sys.executable, "-m", "benchmarks.speed", "worker", system, path, str(seconds)]
    try:
        done = subprocess.run(
            command, cwd=REPO, capture_output=True, text=True, timeout=seconds * 3 + 120
        )
    except subprocess.TimeoutExpired:
        return Throughput(system, 0, 0.0, 0.0, 0.0, "timed out")
    finally:
        Path(path).unlink()
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return Throughput(system, 0, 0.0, 0.0, 0.0, reason)
    return Throughput(**json.loads(done.stdout.strip().splitlines()[-1]))


@dataclass(frozen=True, slots=True)
class ColdStart:
    """Median wall time of a fresh interpreter running ``snippet``, and of an empty one."""

    system: str
    median_s: float
    empty_s: float
    error: str = ""

    @property
    def net_s(self) -> float:
        return self.median_s - self.empty_s


def _time_snippet(
    snippet: str, runs: int, env: dict[str, str] | None = None
) -> tuple[float, str]:
    """Median wall time of ``runs`` fresh interpreters running ``snippet``, after one unrecorded
    run. Python caches bytecode as it does for an installed package (a PYTHONDONTWRITEBYTECODE in
    this environment is left out: pip compiles an installed package's bytecode), so the runs
    measure any start after the first, for every system alike."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment.update(env or {})
    times = []
    for run in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", snippet], cwd=REPO, capture_output=True, text=True,
            timeout=300, env=environment,
        )
        if run:
            times.append(time.perf_counter() - started)
        if done.returncode != 0:
            return 0.0, (done.stderr.strip().splitlines() or ["failed"])[-1]
    return statistics.median(times), ""


def cold_start(
    system: str, snippet: str, *, runs: int = 7, env: dict[str, str] | None = None
) -> ColdStart:
    """Import + first answer in a fresh interpreter, median of ``runs``, and ``python -c pass``;
    ``env`` adds environment variables for the snippet."""
    empty, _ = _time_snippet("pass", runs)
    median, error = _time_snippet(snippet, runs, env)
    return ColdStart(system, median, empty, error)


@dataclass(frozen=True, slots=True)
class ScalingPoint:
    rows: int
    elapsed_s: float
    error: str = ""
    distinct: int = 0


CLI = "import sys; from translit.cli import main; sys.exit(main())"


def cli_available() -> str:
    """Empty when ``translit.cli`` can run ``normalize``; otherwise why not."""
    if importlib.util.find_spec("translit.cli") is None:
        return "translit/cli.py does not exist yet"
    done = subprocess.run(
        [sys.executable, "-c", CLI, "normalize", "--help"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [""])[-1]
        return f"`translit normalize --help` failed: {last}"
    return ""


def scaling(names: Sequence[str], sizes: Sequence[int], *, budget_s: float) -> list[ScalingPoint]:
    """Time ``translit normalize FILE`` (a txt file, one name a line) at each size.

    A size is skipped (with the reason) when the rate seen so far says it would not finish within
    ``budget_s``: the plot then shows the sizes that were actually run.
    """
    points: list[ScalingPoint] = []
    rate = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            if rate and size / rate > budget_s:
                reason = (f"skipped: ~{size / rate:,.0f} s at {rate:,.0f} rows/s is over the "
                          f"{budget_s:.0f} s budget")
                points.append(ScalingPoint(size, 0.0, reason))
                continue
            source = Path(folder) / f"names_{size}.txt"
            rows = [names[i % len(names)] for i in range(size)]
            source.write_text("\n".join(rows) + "\n", encoding="utf-8")
            distinct = len(set(rows))
            del rows
            started = time.perf_counter()
            with (Path(folder) / "out.tsv").open("w", encoding="utf-8") as out:
                done = subprocess.run(
                    [sys.executable, "-c", CLI, "normalize", "--jobs", "1", "--quiet", str(source)],
                    cwd=REPO, stdout=out, stderr=subprocess.PIPE, text=True,
                    timeout=budget_s * 2 + 60,
                )
            elapsed = time.perf_counter() - started
            if done.returncode != 0:
                reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
                points.append(ScalingPoint(size, 0.0, reason, distinct))
                break
            points.append(ScalingPoint(size, elapsed, distinct=distinct))
            rate = size / elapsed
    return points


def _main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed")
    commands = parser.add_subparsers(dest="command", required=True)
    worker = commands.add_parser("worker", help="time one system over a name file (internal)")
    worker.add_argument("system")
    worker.add_argument("names", type=Path)
    worker.add_argument("seconds", type=float)
    args = parser.parse_args(argv)
    names = args.names.read_text(encoding="utf-8").splitlines()
    print(json.dumps(asdict(run_worker(args.system, names, args.seconds))))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
