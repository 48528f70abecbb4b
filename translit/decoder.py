"""The decoder: from syllable lattices to ranked, scored, explained names.

Input is a list of *paths*: ways to read the input as a sequence of syllable chunks, each chunk
with its candidate bare syllables and channel log-probabilities (the Arabic and Latin front-ends
build them). For each path the decoder proposes

- persons from the generic name model: the chunks get the roles surname / middle / given in the
  usual orders, each chunk takes its likeliest toned forms in that role, a beam keeps the best;
- whole names from the gazetteer (notable people, places, user entries), matched through a trie.

Scores are log-probabilities: channel + prior + a handful of weights (:class:`Weights`, tuned on
the development set by ``benchmarks/tune.py``). Readings of the same text are merged, and the
probabilities are a softmax over what the beam kept.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from translit.channel import Chunk
from translit.names import GENDERS, Entry, Gazetteer, NameModel, Role
from translit.syllable import title
from translit.types import Gender, Kind, Match, Part

BEAM = 12
OPTIONS_PER_CHUNK = 10


@dataclass(frozen=True, slots=True)
class Path:
    """One reading of the whole input as syllable chunks; ``logp`` is the cost of the cuts."""

    chunks: tuple[Chunk, ...]
    logp: float


def _patterns() -> dict[int, tuple[tuple[tuple[Role, ...], float], ...]]:
    """Role orders by name length, with their prior probabilities."""
    table: dict[int, tuple[tuple[tuple[Role, ...], float], ...]] = {
        1: ((("given",), 0.8), (("surname",), 0.2)),
        2: ((("surname", "given"), 0.55), (("middle", "given"), 0.4), (("given", "surname"), 0.05)),
    }
    for size in range(3, 9):
        middles: tuple[Role, ...] = ("middle",) + ("inner",) * (size - 3)
        table[size] = (
            (("surname", *middles, "given"), 0.9),
            ((*middles, "given", "surname"), 0.05),
            (("middle", "inner", *middles[1:], "given"), 0.05),
        )
    return table


PATTERNS = _patterns()


@dataclass(frozen=True, slots=True)
class Weights:
    """The decoder's few free parameters (log-domain unless said otherwise)."""

    person_logp: float = math.log(0.5)
    place_logp: float = math.log(0.5)
    # Share of person mentions that are gazetteer entries (notable people) rather than anyone.
    known_person_share: float = 0.3
    # Softmax temperature that turns scores into calibrated probabilities.
    temperature: float = 1.0
    # Below this mean channel log-probability per syllable the input is not read as a name.
    min_channel_logp: float = -5.0
    # Is the input a name at all? A linear test on its best spelling reading: channel log-p plus
    # a cost per syllable must beat a cost per letter plus a bias (ordinary Arabic words need
    # many cut or guessed syllables for few letters). Fitted on the development names against the
    # other words of the seed articles: 98% of names pass, 1% of words.
    any_syllable_logp: float = -2.0
    not_a_name_logp: float = 1.0
    not_a_name_letter_logp: float = -1.5
    gender_prior: dict[str, float] = field(default_factory=lambda: {"M": 0.5, "F": 0.5})


@dataclass(slots=True)
class _Reading:
    text: str
    kind: Kind
    score: float
    parts: tuple[Part, ...]
    gender: Gender | None
    known: bool
    channel: float


class Decoder:
    """Ranks readings of lattices with a :class:`NameModel`; immutable, thread-safe."""

    def __init__(self, model: NameModel, weights: Weights | None = None) -> None:
        self.model = model
        self.weights = weights or Weights()

    def decode(
        self, paths: Sequence[Path], *, k: int = 5, gender: Gender | None = None,
        kind: Kind | None = None,
    ) -> list[Match]:
        """The ``k`` best distinct names over all paths, best first, probabilities summing ≤ 1."""
        paths = [p for p in paths if p.chunks and all(chunk.candidates for chunk in p.chunks)]
        if not paths or not self._is_name(paths):
            return []
        readings: list[_Reading] = []
        for path in paths:
            if kind != "place":
                readings += self._persons(path, gender)
            readings += self._known(path, gender, kind)
        return self._rank(readings, k)

    def _is_name(self, paths: Sequence[Path]) -> bool:
        """Whether the best spelling reading beats "these letters are not a Vietnamese name"."""
        weights = self.weights
        best = max(
            path.logp
            + sum(chunk.candidates[0][1] + weights.any_syllable_logp for chunk in path.chunks)
            for path in paths
        )
        letters = sum(len(chunk.text) for chunk in paths[0].chunks)
        return best > weights.not_a_name_logp + weights.not_a_name_letter_logp * letters

    def _gender_logp(self, gender: Gender, hint: Gender | None) -> float:
        if hint is not None:
            return 0.0 if gender == hint else math.log(0.02)
        return math.log(self.weights.gender_prior.get(gender, 0.5))

    def _persons(self, path: Path, hint: Gender | None) -> list[_Reading]:
        size = len(path.chunks)
        patterns = PATTERNS.get(size, ())
        generic = self.weights.person_logp + math.log1p(-self.weights.known_person_share)
        readings = []
        for roles, pattern_p in patterns:
            for gender in GENDERS:
                base = generic + math.log(pattern_p) + self._gender_logp(gender, hint) + path.logp
                for score, parts in self._beam(path.chunks, roles, gender):
                    score += base + self._pair_bonus(parts, roles, gender)
                    channel = sum(part.channel_logp for part in parts)
                    text = title(" ".join(part.syllable for part in _vietnamese_order(parts)))
                    readings.append(_Reading(text, "person", score, parts, gender, False, channel))
        return readings

    def _beam(
        self, chunks: Sequence[Chunk], roles: Sequence[Role], gender: Gender
    ) -> list[tuple[float, tuple[Part, ...]]]:
        beam: list[tuple[float, tuple[Part, ...]]] = [(0.0, ())]
        for chunk, role in zip(chunks, roles):
            options = []
            for bare, channel_logp in chunk.candidates:
                for toned, prior_logp in self.model.toned(bare, role, gender):
                    part = Part(chunk.text, toned, role, channel_logp, prior_logp)
                    options.append((channel_logp + prior_logp, part))
            options.sort(key=lambda item: -item[0])
            options = options[:OPTIONS_PER_CHUNK]
            beam = sorted(
                (
                    (score + step, parts + (part,))
                    for score, parts in beam
                    for step, part in options
                ),
                key=lambda item: -item[0],
            )[:BEAM]
        return beam

    def _pair_bonus(self, parts: Sequence[Part], roles: Sequence[Role], gender: Gender) -> float:
        if len(parts) >= 2 and roles[-1] == "given" and roles[-2] in ("middle", "inner"):
            return self.model.pair_bonus(parts[-2].syllable, parts[-1].syllable, gender)
        return 0.0

    def _known(self, path: Path, hint: Gender | None, kind: Kind | None) -> list[_Reading]:
        gazetteer = self.model.gazetteer
        readings = []
        for entry, channel_parts in _walk(gazetteer, path.chunks):
            if kind is not None and entry.kind != kind:
                continue
            entry_logp = gazetteer.logp[(entry.text, entry.kind)]
            if entry.kind == "person":
                prior = self.weights.person_logp + math.log(self.weights.known_person_share)
                if entry.gender is not None:
                    prior += self._gender_logp(entry.gender, hint) - math.log(0.5)
            else:
                prior = self.weights.place_logp
            share = entry_logp / len(entry.syllables)
            parts = tuple(
                Part(text, syllable, "entry", channel_logp, share)
                for (text, channel_logp), syllable in zip(channel_parts, entry.syllables)
            )
            channel = sum(channel_logp for _, channel_logp in channel_parts)
            score = prior + entry_logp + channel + path.logp
            readings.append(
                _Reading(entry.text, entry.kind, score, parts, entry.gender, True, channel)
            )
        return readings

    def _rank(self, readings: list[_Reading], k: int) -> list[Match]:
        if not readings:
            return []
        merged: dict[str, list[_Reading]] = {}
        for reading in readings:
            merged.setdefault(reading.text, []).append(reading)
        ranked = []
        for same_text in merged.values():
            best = max(same_text, key=lambda r: (r.known, r.score))
            total = _logsumexp([r.score for r in same_text])
            by_kind: dict[Kind, list[float]] = {}
            for r in same_text:
                by_kind.setdefault(r.kind, []).append(r.score)
            kind = max(by_kind, key=lambda key: _logsumexp(by_kind[key]))
            if best.kind != kind:
                best = max((r for r in same_text if r.kind == kind), key=lambda r: r.score)
            ranked.append((total, best))
        ranked.sort(key=lambda item: (-item[0], item[1].text))
        top_best = ranked[0][1]
        mean_channel = top_best.channel / max(1, len(top_best.parts))
        if mean_channel < self.weights.min_channel_logp:
            return []
        temperature = self.weights.temperature
        top = ranked[0][0]
        weights = [math.exp((score - top) / temperature) for score, _ in ranked]
        norm = sum(weights)
        return [
            Match(
                text=reading.text, probability=weight / norm, kind=reading.kind, score=score,
                parts=reading.parts, gender=reading.gender if reading.kind == "person" else None,
                known=reading.known,
            )
            for (score, reading), weight in zip(ranked[:k], weights[:k])
        ]


def _vietnamese_order(parts: Sequence[Part]) -> Sequence[Part]:
    """Surname first, as Vietnamese writes it, whatever order the input had (Công Phượng Nguyễn)."""
    if len(parts) > 1 and parts[-1].role == "surname":
        return [parts[-1], *parts[:-1]]
    return parts


def _walk(
    gazetteer: Gazetteer, chunks: Sequence[Chunk]
) -> list[tuple[Entry, tuple[tuple[str, float], ...]]]:
    """Gazetteer entries that spell the whole chunk sequence, with the channel score per chunk."""
    found: list[tuple[Entry, tuple[tuple[str, float], ...]]] = []
    stack: list[tuple[dict[str, object], int, tuple[tuple[str, float], ...]]] = [
        (gazetteer.root, 0, ())
    ]
    while stack:
        node, index, taken = stack.pop()
        if index == len(chunks):
            ends = node.get(Gazetteer.END)
            if isinstance(ends, list):
                found.extend((entry, taken) for entry in ends)
            continue
        chunk = chunks[index]
        for bare, channel_logp in chunk.candidates:
            child = node.get(bare)
            if isinstance(child, dict):
                stack.append((child, index + 1, taken + ((chunk.text, channel_logp),)))
    return found


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))
