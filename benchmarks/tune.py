"""Tune the decoder's few weights on the development set: ``python -m benchmarks.tune``.

Coordinate search over a handful of parameters (person/place balance, the share of known people,
the gazetteer prominence weights), maximising exact match at rank 1 averaged over the person and
place rows; then the softmax temperature and the share of unlisted readings are fitted to
minimise the expected calibration error of the rank-1 answers (ten equal-width bins) within
gazetteer answers and within generic ones, weighted by their counts (overall, the two groups'
opposite errors cancel out in the bins). Prints the best setting; copy it into
``translit/decoder.py`` (``Weights``) and ``translit/names.py`` (``PROMINENCE_WEIGHT``) by hand,
so that every change of the shipped weights is a reviewed diff.

Few parameters, each with a meaning, on a few hundred rows: the same figures hold on unseen data
only if the search stays this small.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
from collections.abc import Sequence
from pathlib import Path

from benchmarks.data import load_pairs
from benchmarks.metrics import Pair, answer_key, expected_calibration_error
from translit import names
from translit.decoder import Weights
from translit.normalizer import Normalizer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = (
    ROOT.parent / "shared" / "eval" / "dev.tsv",
    ROOT / "tests" / "fixtures" / "dev.tsv",
)

def evaluate(normalizer: Normalizer, pairs: Sequence[Pair]) -> dict[str, float]:
    """Exact@1 per kind, their mean, and the expected calibration error of rank-1 answers.

    Exactness and calibration are the report's own (:mod:`benchmarks.metrics`), so tuning
    optimises what the report and the accuracy test measure.
    """
    hits: dict[str, list[bool]] = {"person": [], "place": []}
    # rank-1 (probability, right) of all answers, of gazetteer answers, of generic ones
    answered: dict[str, list[tuple[float, bool]]] = {"all": [], "known": [], "generic": []}
    for pair in pairs:
        found = normalizer.candidates(pair.arabic, k=10)
        right = bool(found) and answer_key(found[0].text) in {
            answer_key(reference) for reference in pair.references
        }
        hits.setdefault(pair.kind, []).append(right)
        if found:
            for group in ("all", "known" if found[0].known else "generic"):
                answered[group].append((found[0].probability, right))
    scores = {kind: sum(v) / len(v) for kind, v in hits.items() if v}
    scores["mean"] = sum(scores.values()) / len(scores)
    eces = {
        group: expected_calibration_error([p for p, _ in rows], [r for _, r in rows])
        for group, rows in answered.items() if rows
    }
    scores["ece"] = eces.get("all", 0.0)
    scores["grouped_ece"] = sum(
        eces[group] * len(answered[group]) for group in ("known", "generic") if group in eces
    ) / max(1, len(answered["all"]))
    return scores


def _normalizer(weights: Weights, prominence: dict[int, float]) -> Normalizer:
    return Normalizer(weights=weights, model=names.load_model(prominence_weight=prominence))


def search(rows: Sequence[Pair]) -> tuple[Weights, dict[int, float]]:
    """Coordinate search over the weights; returns the best setting found."""
    weights = Weights()
    prominence = dict(names.PROMINENCE_WEIGHT)
    best = evaluate(_normalizer(weights, prominence), rows)["mean"]
    print(f"start: {best:.3f}")
    grid = {
        "place_logp": [math.log(p) for p in (0.2, 0.35, 0.5, 0.65, 0.8)],
        "known_person_share": [0.1, 0.2, 0.3, 0.5, 0.7],
        "prominence_2": [2.0, 4.0, 8.0, 16.0, 32.0],
        "prominence_3": [20.0, 60.0, 150.0, 400.0, 1000.0],
    }
    for _ in range(2):
        for name, values in grid.items():
            for value in values:
                trial_weights, trial_prominence = weights, dict(prominence)
                if name.startswith("prominence_"):
                    trial_prominence[int(name[-1])] = value
                elif name == "place_logp":
                    trial_weights = dataclasses.replace(weights, place_logp=value)
                else:
                    trial_weights = dataclasses.replace(weights, known_person_share=value)
                score = evaluate(_normalizer(trial_weights, trial_prominence), rows)["mean"]
                if score > best + 1e-9:
                    best, weights, prominence = score, trial_weights, trial_prominence
                    print(f"{name}={value:.3f}: {best:.3f}")
    return weights, prominence


def fit_calibration(
    weights: Weights, prominence: dict[int, float], rows: Sequence[Pair]
) -> Weights:
    """The softmax temperature and unlisted share whose rank-1 probabilities are best calibrated
    within gazetteer and within generic answers (lowest count-weighted ECE)."""
    best, best_ece = weights, math.inf
    for step in range(9):
        for share in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
            trial = dataclasses.replace(
                weights, temperature=round(0.7 + 0.1 * step, 2), unlisted_share=share
            )
            ece = evaluate(_normalizer(trial, prominence), rows)["grouped_ece"]
            if ece < best_ece:
                best, best_ece = trial, ece
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="eval TSV (default: the dev set)")
    args = parser.parse_args(argv)
    path = args.data or next((p for p in DEFAULT_DATA if p.is_file()), None)
    if path is None:
        parser.error("no dev set found; pass --data")
    rows = load_pairs(path)
    weights, prominence = search(rows)
    weights = fit_calibration(weights, prominence, rows)
    final = evaluate(_normalizer(weights, prominence), rows)
    print("best weights:", weights)
    print("best prominence:", prominence)
    print("figures:", {k: round(v, 3) for k, v in final.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
