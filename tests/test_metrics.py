"""The benchmark's metric functions on hand-made cases with values worked out by hand."""

from __future__ import annotations

import pytest

from benchmarks.metrics import (
    Pair,
    answer_key,
    categorize_error,
    exact,
    exact_at_k,
    expected_calibration_error,
    first_correct_rank,
    lcs_length,
    news_f_score,
    reciprocal_rank,
    reliability,
    score_pair,
    summarize,
    toneless,
)

HANOI = ("Hà Nội",)


def test_answer_key_ignores_case_hyphens_spacing_and_tone_placement() -> None:
    assert answer_key("  BÀ RỊA-Vũng   Tàu ") == "bà rịa vũng tàu"
    assert answer_key("Thanh Hoà") == answer_key("Thanh Hòa") == "thanh hòa"


def test_exact_needs_every_mark_and_accepts_any_alternative() -> None:
    assert exact("hà nội", HANOI)
    assert not exact("Hà Nôi", HANOI)
    assert exact("Văn", ("Phan", "Văn"))
    assert not exact("", HANOI)


def test_toneless_ignores_tones_but_not_vowel_letters() -> None:
    assert toneless("Hả Nối", HANOI)
    assert not toneless("Ha Noi", HANOI)


def test_rank_metrics_on_a_ranked_list() -> None:
    answers = ["Vân", "Văn", "Phan", "Phạn"]
    assert first_correct_rank(answers, ("Phan",)) == 3
    assert reciprocal_rank(answers, ("Phan",)) == pytest.approx(1 / 3)
    assert exact_at_k(answers, ("Phan",), k=3)
    assert not exact_at_k(answers, ("Phan",), k=2)
    assert reciprocal_rank(answers, ("Huế",)) == 0.0


def test_lcs_length() -> None:
    assert lcs_length("abcbdab", "bdcaba") == 4
    assert lcs_length("", "abc") == 0
    assert lcs_length("nguyen", "nguyen") == 6


def test_news_f_score_uses_the_closest_reference() -> None:
    # "ha noi" against "hà nội": LCS 4 (h, space, n, i) of 6 and 6 characters: P = R = F = 2/3.
    assert news_f_score("Ha Noi", HANOI) == pytest.approx(2 / 3)
    # "hue" against "huế" (LCS 2, P = R = 2/3) and against "hu" (LCS 2, P = 2/3, R = 1, F = 0.8)
    assert news_f_score("Hue", ("Huế", "Hu")) == pytest.approx(0.8)
    assert news_f_score("Hà Nội", HANOI) == 1.0
    assert news_f_score("", HANOI) == 0.0


def test_error_categories_in_order_of_severity() -> None:
    assert categorize_error(None, HANOI) == "false_abstention"
    assert categorize_error("  ", HANOI) == "false_abstention"
    assert categorize_error("Hà Nội", HANOI) is None
    assert categorize_error("Hà Nổi", HANOI) == "tone"
    assert categorize_error("Hà Noi", HANOI) == "vowel"
    assert categorize_error("Hàn Ội", HANOI) == "segmentation"
    assert categorize_error("Hanoi", HANOI) == "segmentation"
    assert categorize_error("Huế", HANOI) == "unknown_name"


def test_reliability_bins_are_equal_width_and_one_goes_in_the_last() -> None:
    bins = reliability([0.05, 0.15, 0.18, 1.0, 0.95], [False, True, False, True, True], bins=10)
    assert [(b.low, b.count) for b in bins] == [(0.0, 1), (0.1, 2), (0.9, 2)]
    assert bins[1].confidence == pytest.approx(0.165)
    assert bins[1].accuracy == 0.5
    assert bins[2].confidence == pytest.approx(0.975)


def test_reliability_rejects_non_probabilities() -> None:
    with pytest.raises(ValueError):
        reliability([1.5], [True])


def test_expected_calibration_error_by_hand() -> None:
    # bin 0.9: conf 0.9, acc 0.75, weight 4/6; bin 0.2: conf 0.2, acc 0.5, weight 2/6
    confidences = [0.9, 0.9, 0.9, 0.9, 0.2, 0.2]
    outcomes = [True, True, True, False, True, False]
    expected = 4 / 6 * 0.15 + 2 / 6 * 0.3
    assert expected_calibration_error(confidences, outcomes) == pytest.approx(expected)
    assert expected_calibration_error([], []) == 0.0
    assert expected_calibration_error([1.0, 0.0], [True, False]) == 0.0


def test_summarize_counts_abstentions_as_wrong() -> None:
    hanoi = Pair("هانوي", HANOI, "place")
    hue = Pair("هوي", ("Huế",), "place")
    outcomes = [
        score_pair(hanoi, [("Hà Nội", 0.9), ("Hà Nổi", 0.1)]),
        score_pair(hanoi, [("Hà Nổi", 0.6), ("Hà Nội", 0.4)]),
        score_pair(hue, []),
        score_pair(hue, [("Huệ", 0.5)]),
    ]
    summary = summarize(outcomes, k=5)
    assert summary.count == 4
    assert summary.exact_at_1 == 0.25
    assert summary.toneless_at_1 == 0.75
    assert summary.exact_at_k == 0.5
    assert summary.mrr == pytest.approx((1 + 0.5) / 4)
    assert summary.abstention == 0.25
    # answered: (0.9, right), (0.6, wrong), (0.5, wrong) in three bins
    assert summary.ece == pytest.approx((0.1 + 0.6 + 0.5) / 3)
    assert dict(summary.errors) == {"tone": 2, "false_abstention": 1}


def test_summarize_without_probabilities_has_no_ece() -> None:
    pair = Pair("هانوي", HANOI, "place")
    assert summarize([score_pair(pair, [("Hà Nội", 1.0)])], probabilistic=False).ece is None


def test_held_out_figures_fit_the_channel_on_the_other_rows() -> None:
    from pathlib import Path

    from benchmarks.data import load_pairs
    from benchmarks.heldout import MIN_PAIRS, fitted_channel, measure, section
    from translit.channel import default_channel

    pairs = load_pairs(Path(__file__).parent / "fixtures" / "dev.tsv")
    assert measure("few", pairs[: MIN_PAIRS - 1]) is None
    # Fitted on a handful of names, the weights move away from the shipped ones.
    few = fitted_channel(pairs[:20])
    assert few.spellings("nguyên") != default_channel().spellings("nguyên") != ()
    result = measure("dev.tsv", pairs)
    assert result is not None and result.pairs == len(pairs)
    assert set(result.shipped) == set(result.held_out) >= {"person exact@1", "to_arabic top 5"}
    for figure, value in result.held_out.items():
        # Held out is a little worse than in sample, never wildly so (the prior holds).
        assert 0.0 < value <= 1.0 and abs(value - result.shipped[figure]) < 0.1
    assert "| dev.tsv | person exact@1 |" in "\n".join(section([result]))
