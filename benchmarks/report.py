"""The benchmark report: one markdown file and a few small PNG plots."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.accuracy import Evaluation
from benchmarks.directions import Directions
from benchmarks.directions import section as directions_section
from benchmarks.heldout import HeldOut
from benchmarks.heldout import section as held_out_section
from benchmarks.metrics import ERROR_KINDS, Summary
from benchmarks.speed import ColdStart, ScalingPoint, Throughput

TARGETS = {
    "distinct names/s": 20_000.0,
    "repeated names/s": 200_000.0,
    "× fuzzy baseline (distinct)": 100.0,
    "cold start s": 0.3,
    "peak memory MB": 150.0,
}


@dataclass(slots=True)
class DataResult:
    """Accuracy of every system on one evaluation file."""

    name: str
    pairs: int
    evaluations: list[tuple[Evaluation, dict[str, Summary]]]


@dataclass(slots=True)
class Run:
    meta: dict[str, str]
    data: list[DataResult] = field(default_factory=list)
    throughput: dict[str, list[Throughput]] = field(default_factory=dict)
    cold: list[ColdStart] = field(default_factory=list)
    scaling: list[ScalingPoint] = field(default_factory=list)
    scaling_note: str = ""
    # (label, rows/s, peak RSS MiB or None): the library in a plain loop, the CLI with 1 and 2 jobs
    cli_jobs: list[tuple[str, float, float | None]] = field(default_factory=list)
    cli_jobs_rows: int = 0
    labels: dict[str, str] = field(default_factory=dict)
    k: int = 5
    directions: list[Directions] = field(default_factory=list)
    held_out: list[HeldOut] = field(default_factory=list)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _accuracy_section(result: DataResult, k: int) -> list[str]:
    lines = [f"### {result.name} ({result.pairs} pairs)", ""]
    header = ["system", "group", "n", "exact@1 (ACC)", "toneless@1", f"exact@{k}", "MRR",
              "mean F", "abstained", "ECE"]
    rows = []
    for evaluation, summaries in result.evaluations:
        if not evaluation.outcomes:
            rows.append([evaluation.label, "–", "–", f"unavailable: {evaluation.unavailable}"]
                        + [""] * 6)
            continue
        for group, s in summaries.items():
            rows.append([evaluation.label, group, str(s.count), _pct(s.exact_at_1),
                         _pct(s.toneless_at_1), _pct(s.exact_at_k), _pct(s.mrr), _pct(s.mean_f),
                         _pct(s.abstention), _pct(s.ece)])
    lines += _table(header, rows)
    notes = [f"- {e.label}: {e.unavailable}" for e, _ in result.evaluations
             if e.outcomes and e.unavailable]
    return lines + notes + ([""] if notes else [])


def _errors_section(result: DataResult) -> list[str]:
    lines = [f"### Errors on {result.name}", "", "Rank-1 answers that were wrong, by the first "
             "category that explains them (a tone-only difference before a vowel one, and so on).",
             ""]
    rows = []
    for evaluation, summaries in result.evaluations:
        if evaluation.outcomes:
            errors = summaries["all"].errors
            rows.append([evaluation.label] + [str(errors.get(kind, 0)) for kind in ERROR_KINDS])
    lines += _table(["system", *ERROR_KINDS], rows)
    for evaluation, _ in result.evaluations:
        if evaluation.system != "translit" or not evaluation.outcomes:
            continue
        for kind in ERROR_KINDS:
            wrong = [o for o in evaluation.outcomes if o.error == kind]
            if not wrong:
                continue
            lines += [f"<details><summary>translit, {kind}: {len(wrong)}</summary>", ""]
            lines += _table(["arabic", "expected", "answer (p)", "kind"], [
                [o.pair.arabic, " \\| ".join(o.pair.references),
                 "–" if o.answer is None else f"{o.answer} ({o.confidence:.2f})", o.pair.kind]
                for o in wrong
            ])
            lines += ["</details>", ""]
    return lines


def _calibration_section(result: DataResult) -> list[str]:
    lines = [f"### Calibration on {result.name}", "",
             "Rank-1 answers binned by the probability they came with (equal-width bins): a "
             "calibrated system is right in a bin as often as the bin's mean probability says. "
             "Baseline scores that are not probabilities are read as if they were.", ""]
    for evaluation, summaries in result.evaluations:
        if evaluation.system != "translit" or not summaries["all"].bins:
            continue
        lines += _table(["bin", "answers", "mean probability", "right"], [
            [f"{b.low:.1f}–{b.high:.1f}", str(b.count), f"{b.confidence:.3f}", f"{b.accuracy:.3f}"]
            for b in summaries["all"].bins
        ])
    return lines + ["![reliability](reliability.png)", ""]


def _speed_section(run: Run) -> list[str]:
    lines = ["## Speed and size", "",
             "Each figure comes from a fresh interpreter on one core; a run stops at its time "
             "budget and counts the names it finished. Ratios are translit ÷ the other system.", ""]
    ours = {name: next((t for t in ts if t.system == "translit"), None)
            for name, ts in run.throughput.items()}
    header = ["system"]
    for name in run.throughput:
        header += [f"{name}: names/s", "translit ÷ it"]
    header += ["load s", "peak RSS MB"]
    systems = list(dict.fromkeys(t.system for ts in run.throughput.values() for t in ts))
    rows = []
    for system in systems:
        row = [run.labels.get(system, system)]
        last: Throughput | None = None
        for name, ts in run.throughput.items():
            t = next((t for t in ts if t.system == system), None)
            if t is None or t.error or not t.names:
                row += [f"failed: {t.error}" if t else "–", "–"]
                continue
            last = t
            mine = ours[name]
            ratio = mine.per_second / t.per_second if mine and t.per_second else 0.0
            row += [f"{t.per_second:,.0f} ({t.names:,} names)", f"{ratio:.3g}"]
        row += [f"{last.load_s:.2f}", f"{last.max_rss_mb:.0f}"] if last else ["–", "–"]
        rows.append(row)
    lines += _table(header, rows) + ["![speed](speed.png)", ""]
    lines += ["### Cold start", "", "`python -c \"<import + first answer>\"`, median wall time, "
              "next to `python -c pass`, after one unrecorded start: bytecode and disk caches "
              "are written, as at any start after the first (the bytecode as pip writes it for "
              "an installed package, whatever PYTHONDONTWRITEBYTECODE says).", ""]
    lines += _table(["system", "median s", "python -c pass s", "net s"], [
        [run.labels.get(c.system, c.system),
         f"failed: {c.error}" if c.error else f"{c.median_s:.3f}",
         f"{c.empty_s:.3f}", "–" if c.error else f"{c.net_s:.3f}"] for c in run.cold
    ])
    return lines + _targets(run, ours)


def _targets(run: Run, ours: dict[str, Throughput | None]) -> list[str]:
    lines = ["### Targets (translit)", ""]
    measured: dict[str, float | None] = dict.fromkeys(TARGETS)
    distinct, repeated = ours.get("distinct"), ours.get("repeated")
    if distinct and distinct.names:
        measured["distinct names/s"] = distinct.per_second
        measured["peak memory MB"] = distinct.max_rss_mb
        fuzzy = next((t for t in run.throughput["distinct"]
                      if t.system == "romanizer+rapidfuzz" and t.names), None)
        if fuzzy:
            measured["× fuzzy baseline (distinct)"] = distinct.per_second / fuzzy.per_second
    if repeated and repeated.names:
        measured["repeated names/s"] = repeated.per_second
        memory = measured["peak memory MB"] or 0.0
        measured["peak memory MB"] = max(memory, repeated.max_rss_mb)
    cold = next((c for c in run.cold if c.system == "translit" and not c.error), None)
    if cold:
        measured["cold start s"] = cold.median_s
    rows = []
    for name, target in TARGETS.items():
        value = measured[name]
        lower_is_better = name in ("cold start s", "peak memory MB")
        met = value is not None and (value <= target if lower_is_better else value >= target)
        rows.append([name, f"{'≤' if lower_is_better else '≥'} {target:,g}",
                     "not measured" if value is None else f"{value:,.3g}",
                     "met" if met else "**not met**"])
    return lines + _table(["figure", "target", "measured", ""], rows)


def _scaling_section(run: Run) -> list[str]:
    lines = ["## Scaling through the CLI", ""]
    if run.scaling_note:
        return lines + [run.scaling_note, ""]
    lines += ["`translit normalize FILE --jobs 1` on a txt file of names repeating as in an "
              "export (the first rows of the repeated list, cycled); wall time including "
              "start-up. Time grows with the distinct names a file holds more than with its rows "
              "when the CLI reuses answers, so both are shown.", ""]
    lines += _table(["rows", "distinct names", "seconds", "rows/s"], [
        [f"{p.rows:,}", f"{p.distinct:,}" if p.distinct else "–", p.error or f"{p.elapsed_s:.2f}",
         "–" if p.error else f"{p.rows / p.elapsed_s:,.0f}"] for p in run.scaling
    ])
    return lines + ["![scaling](scaling.png)", "", *_jobs_section(run)]


def _jobs_section(run: Run) -> list[str]:
    if not run.cli_jobs:
        return []
    lines = ["### CLI jobs", "",
             f"{run.cli_jobs_rows:,} rows drawn with repetition from the development names; the "
             "library in a plain Python loop (load excluded) against the whole `translit "
             "normalize` command (start-up included).", ""]
    rows = [[label, f"{rate:,.0f}", "–" if peak is None else f"{peak:,.0f}"]
            for label, rate, peak in run.cli_jobs]
    return lines + _table(["how", "rows/s", "peak RSS MiB (main process)"], rows)


def _summary_section(run: Run) -> list[str]:
    """One row per system: the figures a user choosing a tool looks at first."""
    if not run.data:
        return []
    result = run.data[0]
    lines = [f"## Summary ({result.name}, {result.pairs} pairs)", ""]
    rows = []
    for evaluation, summaries in result.evaluations:
        row = [evaluation.label]
        if evaluation.outcomes:
            every = summaries["all"]
            row += [_pct(summaries[g].exact_at_1) if g in summaries else "–"
                    for g in ("person", "place")]
            row += [_pct(every.toneless_at_1), _pct(every.exact_at_k), _pct(every.mrr),
                    _pct(every.mean_f)]
        else:
            row += [f"unavailable: {evaluation.unavailable}"] + [""] * 5
        for name in ("distinct", "repeated"):
            t = next((t for t in run.throughput.get(name, []) if t.system == evaluation.system),
                     None)
            row.append(f"{t.per_second:,.0f}" if t and t.names else "–")
        cold = next((c for c in run.cold if c.system == evaluation.system and not c.error), None)
        row.append(f"{cold.median_s:.2f}" if cold else "–")
        rows.append(row)
    header = ["system", "exact@1 person", "exact@1 place", "toneless@1", f"exact@{run.k}",
              "MRR", "mean F", "distinct names/s", "repeated names/s", "cold start s"]
    return lines + _table(header, rows)


def markdown(run: Run) -> str:
    """The whole report."""
    lines = ["# translit benchmark", ""]
    lines += [f"- {key}: {value}" for key, value in run.meta.items()] + [""]
    lines += _summary_section(run)
    lines += ["## Accuracy", "",
              f"Exact = every tone and vowel mark right (case, hyphens and tone-mark placement "
              f"ignored); toneless = right once tone marks are dropped. NEWS shared-task "
              f"metrics: ACC = exact@1, mean F = LCS-based F-score of the top answer against the "
              f"closest reference, MRR over the top {run.k}. All figures in percent of the pairs. "
              f"'in gazetteer' pairs have an answer that is a whole entry of lexicons/people.tsv "
              f"or places.tsv (look-up); the others need the channel and the name model. The "
              f"decoder's few weights are tuned on dev.tsv (benchmarks/tune.py) and the channel's "
              f"weights fitted to it, so dev.tsv figures are in sample (held-out figures "
              f"below).",
              "", "![accuracy](accuracy.png)", ""]
    for result in run.data:
        lines += _accuracy_section(result, run.k)
    for result in run.data:
        lines += _calibration_section(result)
        lines += _errors_section(result)
    lines += directions_section(run.directions)
    lines += held_out_section(run.held_out)
    lines += _speed_section(run) + _scaling_section(run)
    return "\n".join(lines).rstrip() + "\n"
