"""The beam: the k best sums over sorted option lists, against brute force."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translit.beam import EMPTY_BEAM, Option, best_sequences, grid_cells, k_best_sums

# Few distinct scores, so that ties (and their order) are tested too.
SCORES = st.lists(st.sampled_from([-1.0, -1.5, -2.0, -2.5, -4.0]), min_size=1, max_size=10)


def _options(scores: list[float], syllable: str) -> list[Option]:
    return [
        (score, (f"{syllable}{index}", syllable, "given", score, 0.0), syllable.title())
        for index, score in enumerate(sorted(scores, reverse=True))
    ]


def _brute_force(
    beam_scores: list[float], option_scores: list[float], k: int
) -> list[tuple[float, int, int]]:
    """Every cell, best first, ties in (beam index, option index) order: what a best-first search
    of the grid pops."""
    cells = [(b + o, i, j) for i, b in enumerate(beam_scores) for j, o in enumerate(option_scores)]
    return sorted(cells, key=lambda cell: (-cell[0], cell[1], cell[2]))[:k]


@given(SCORES, SCORES, st.integers(min_value=1, max_value=8))
def test_k_best_sums_are_the_k_best_cells_of_the_whole_grid(
    first: list[float], second: list[float], k: int
) -> None:
    beam = k_best_sums(EMPTY_BEAM, _options(first, "an"), 10)
    options = _options(second, "binh")
    found = k_best_sums(beam, options, k)
    expected = _brute_force([h[0] for h in beam], [o[0] for o in options], k)
    assert [(h[0], h[1]) for h in found] == [
        (total, (*beam[i][1], options[j][1])) for total, i, j in expected
    ]


def test_grid_cells_hold_every_cell_that_can_be_among_the_k_best() -> None:
    assert len(grid_cells(6, 10, 6)) == 14
    assert grid_cells(1, 10, 6) == tuple((0, j) for j in range(6))


def test_a_sequence_carries_its_text_channel_and_parts_in_order() -> None:
    surname, given_name = _options([-1.0], "nguyễn"), _options([-2.0], "tú")
    (score, parts, channel, text), = best_sequences(
        k_best_sums(EMPTY_BEAM, given_name, 6), [surname], 6, surname_last=True
    )
    assert (score, text, channel) == (-3.0, "Nguyễn Tú", -3.0)
    assert [syllable for _, syllable, _, _, _ in parts] == ["tú", "nguyễn"]
