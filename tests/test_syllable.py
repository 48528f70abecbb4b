"""The syllable algebra: split, compose, tones, canonical placement."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translit.lexicon import shipped_rows
from translit.syllable import (
    canonical,
    canonical_text,
    compose,
    fold,
    is_place_word,
    is_syllable,
    remove_tones,
    split,
    strip_tone,
    title,
    toned_forms,
    word_key,
)

INVENTORY = sorted({row["syllable"].lower() for _, row in shipped_rows("syllables.tsv")})


def test_every_inventory_syllable_round_trips_through_split_and_compose() -> None:
    assert len(INVENTORY) > 5000
    for syllable in INVENTORY:
        parts = split(syllable)
        assert parts is not None, syllable
        assert compose(*parts) == syllable


@pytest.mark.parametrize(
    ("written", "expected"),
    [("hoà", "hòa"), ("Thuý", "thúy"), ("khoẻ", "khỏe"), ("thủy", "thủy"), ("quý", "quý")],
)
def test_traditional_tone_placement_is_canonical(written: str, expected: str) -> None:
    assert canonical(written) == expected


def test_modern_style_is_available_as_an_option() -> None:
    assert compose("h", "oa", 1, style="modern") == "hoà"
    assert canonical("thủy", style="modern") == "thuỷ"


def test_decomposed_input_reads_like_composed() -> None:
    assert canonical(unicodedata.normalize("NFD", "Nguyễn")) == "nguyễn"


@pytest.mark.parametrize(
    ("syllable", "parts"),
    [
        ("Nguyễn", ("ng", "uyên", 4)),
        ("quốc", ("qu", "ôc", 2)),
        ("giếng", ("g", "iêng", 2)),
        ("gì", ("g", "i", 1)),
        ("gia", ("gi", "a", 0)),
        ("người", ("ng", "ươi", 1)),
        ("Đoòng", ("đ", "oong", 1)),
    ],
)
def test_split_finds_onset_rhyme_and_tone(syllable: str, parts: tuple[str, str, int]) -> None:
    assert split(syllable) == parts


@pytest.mark.parametrize("word", ["hello", "nguyenx", "tràc", "kh", "", "ngh"])
def test_non_syllables_are_rejected(word: str) -> None:
    assert not is_syllable(word)


def test_stop_codas_take_only_sac_or_nang() -> None:
    assert toned_forms("tiêt") == ("tiết", "tiệt")
    assert len(toned_forms("hoa")) == 6


def test_strip_remove_and_fold() -> None:
    assert strip_tone("Nguyễn") == ("Nguyên", 4)
    assert remove_tones("Trần Cẩm Tú") == "Trân Câm Tu"
    assert fold("Đặng Thị Ngọc Thịnh") == "dang thi ngoc thinh"


def test_title_and_canonical_text_keep_separators() -> None:
    assert title("bà rịa - vũng tàu") == "Bà Rịa - Vũng Tàu"
    assert canonical_text("Phú  Hoà - Thuý") == "Phú Hòa - Thúy"
    assert canonical_text("Hello") is None


@given(st.sampled_from(INVENTORY), st.integers(min_value=0, max_value=5))
def test_toned_forms_are_valid_and_share_the_bare_syllable(syllable: str, _: int) -> None:
    bare = remove_tones(syllable)
    forms = toned_forms(bare)
    assert syllable in forms
    assert all(remove_tones(form) == bare and is_syllable(form) for form in forms)


@given(st.text())
def test_split_never_raises(text: str) -> None:
    split(text)


def test_place_words_that_are_no_syllable_are_kept_as_written_on_request() -> None:
    # Central Highlands names: Krông, M'Drắk; Đăk writes no tone on its stop coda.
    assert canonical_text("Ea H'leo") is None
    assert canonical_text("Ea H'leo", place_words=True) == "Ea H'leo"
    assert canonical_text("Đăk Hoà", place_words=True) == "Đăk Hòa"
    assert canonical_text("Châu Phú B", place_words=True) is None  # (a letter is no word)
    assert [is_place_word(w) for w in ("Pleiku", "M'Drắk", "IV", "B", "5D")] == [
        True, True, False, False, False]
    assert word_key("M’Drắk") == word_key("m'drắk") == "mdrắk"
