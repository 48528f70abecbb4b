"""Run the systems over evaluation pairs and summarise them per group (all, person, place, …)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from benchmarks.baselines import System, Unavailable, known_names
from benchmarks.metrics import Outcome, Pair, Summary, score_pair, summarize
from translit.syllable import fold


@dataclass(slots=True)
class Evaluation:
    """One system on one set of pairs: the outcomes, or why the system could not run."""

    system: str
    label: str
    probabilistic: bool
    outcomes: list[Outcome] = field(default_factory=list)
    unavailable: str = ""
    seconds: float = 0.0


def evaluate(system: System, pairs: Sequence[Pair], *, k: int = 5) -> Evaluation:
    """Ask ``system`` for the top ``k`` readings of every pair."""
    result = Evaluation(system.name, system.label, system.probabilistic)
    try:
        system.load()
    except Unavailable as reason:
        result.unavailable = str(reason)
        return result
    result.label = system.label
    started = time.perf_counter()
    for pair in pairs:
        try:
            found = system.candidates(pair.arabic, k, kind=pair.kind)
        except Exception as error:  # a baseline crashing on one input is a wrong answer there
            found = []
            failure = f"raised {type(error).__name__} on some inputs"
            result.unavailable = result.unavailable or failure
        result.outcomes.append(score_pair(pair, found))
    result.seconds = time.perf_counter() - started
    return result


def gazetteer_test() -> Callable[[Pair], bool]:
    """Whether a pair's reference is a whole name in the project's gazetteers (people, places):
    those pairs measure look-up, the others measure the channel and the name model."""
    whole, _, _ = known_names()
    return lambda pair: any(fold(reference) in whole for reference in pair.references)


def groups(pairs: Sequence[Pair]) -> dict[str, Callable[[Pair], bool]]:
    """The splits every figure is given for."""
    in_gazetteer = gazetteer_test()
    splits: dict[str, Callable[[Pair], bool]] = {"all": lambda pair: True}
    for kind in sorted({pair.kind for pair in pairs}):
        splits[kind] = lambda pair, kind=kind: pair.kind == kind  # type: ignore[misc]
    splits["in gazetteer"] = in_gazetteer
    splits["not in gazetteer"] = lambda pair: not in_gazetteer(pair)
    return splits


def summaries(
    evaluation: Evaluation, splits: dict[str, Callable[[Pair], bool]], *, k: int = 5
) -> dict[str, Summary]:
    """The evaluation's figures for each group of ``splits`` (see :func:`groups`)."""
    result = {}
    for name, member in splits.items():
        chosen = [o for o in evaluation.outcomes if member(o.pair)]
        result[name] = summarize(chosen, k=k, probabilistic=evaluation.probabilistic)
    return result
