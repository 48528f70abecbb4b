"""Small PNG plots for the report (matplotlib, Agg backend, low dpi so they stay small)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.report import Run

DPI = 72


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def accuracy(run: Run, path: Path) -> None:
    """Exact and toneless accuracy at rank 1, by system and kind, on the first data set."""
    plt = _pyplot()
    result = run.data[0]
    shown = [(e, s) for e, s in result.evaluations if e.outcomes]
    groups = [g for g in ("person", "place") if all(g in s for _, s in shown)] or ["all"]
    figure, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharey=True)
    width = 0.8 / max(len(shown), 1)
    for axis, metric, title in zip(axes, ("exact_at_1", "toneless_at_1"),
                                   ("exact@1", "toneless@1")):
        for index, (evaluation, summaries) in enumerate(shown):
            values = [100 * getattr(summaries[g], metric) for g in groups]
            positions = [g + index * width for g in range(len(groups))]
            axis.bar(positions, values, width, label=evaluation.system)
        axis.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))], groups)
        axis.set_title(f"{title}, {result.name}")
        axis.set_ylim(0, 100)
    axes[0].set_ylabel("% of pairs")
    handles, labels = axes[0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize=7)
    figure.tight_layout(rect=(0, 0.08, 1, 1))
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def reliability(run: Run, path: Path) -> None:
    """Reliability diagram: accuracy against mean probability per bin, one line per system."""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(4.2, 4))
    axis.plot([0, 1], [0, 1], color="grey", linestyle=":", label="calibrated")
    for evaluation, summaries in run.data[0].evaluations:
        bins = summaries["all"].bins
        if bins:
            axis.plot([b.confidence for b in bins], [b.accuracy for b in bins], marker="o",
                      label=f"{evaluation.system} (ECE {summaries['all'].ece:.3f})")
    axis.set_xlabel("probability of the rank-1 answer")
    axis.set_ylabel("fraction right")
    axis.set_xlim(0, 1)
    axis.set_ylim(0, 1)
    axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def speed(run: Run, path: Path) -> None:
    """Names per second per system and name list, log scale."""
    plt = _pyplot()
    figure, axis = plt.subplots(figsize=(7, 3))
    lists = list(run.throughput)
    systems = list(dict.fromkeys(t.system for ts in run.throughput.values() for t in ts))
    height = 0.8 / max(len(lists), 1)
    for index, name in enumerate(lists):
        rates = {t.system: t.per_second for t in run.throughput[name] if t.names}
        axis.barh([s + index * height for s in range(len(systems))],
                  [rates.get(system, 0.0) for system in systems], height, label=name)
    axis.set_yticks([s + 0.4 - height / 2 for s in range(len(systems))], systems, fontsize=8)
    axis.set_xscale("log")
    axis.set_xlabel("names per second (one core)")
    axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def _linear_fit(xs: list[int], ys: list[float]) -> tuple[float, float]:
    """Least-squares ``y = a + b x``."""
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread if spread else 0.0
    return mean_y - slope * mean_x, slope


def scaling(run: Run, path: Path) -> None:
    """CLI wall time against rows, log-log, with the line of proportional growth."""
    plt = _pyplot()
    points = [p for p in run.scaling if not p.error]
    figure, axis = plt.subplots(figsize=(4.2, 3.4))
    axis.plot([p.rows for p in points], [p.elapsed_s for p in points], marker="o", label="CLI")
    if len(points) >= 2:
        start, per_row = _linear_fit([p.rows for p in points], [p.elapsed_s for p in points])
        axis.plot([p.rows for p in points], [start + per_row * p.rows for p in points],
                  linestyle=":", color="grey", label=f"{start:.2f} s + {per_row * 1e6:.1f} µs/row")
    axis.set_xscale("log")
    axis.set_yscale("log")
    axis.set_xlabel("rows")
    axis.set_ylabel("seconds")
    axis.legend(fontsize=7)
    figure.tight_layout()
    figure.savefig(path, dpi=DPI)
    plt.close(figure)


def write_all(run: Run, out: Path) -> list[Path]:
    """Every plot the run has data for; returns the files written."""
    written = []
    if run.data:
        for name, draw in (("accuracy.png", accuracy), ("reliability.png", reliability)):
            draw(run, out / name)
            written.append(out / name)
    if run.throughput:
        speed(run, out / "speed.png")
        written.append(out / "speed.png")
    if any(not p.error for p in run.scaling):
        scaling(run, out / "scaling.png")
        written.append(out / "scaling.png")
    return written
