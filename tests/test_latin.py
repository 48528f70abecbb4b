"""Latin-script input through normalize/candidates: ASCII, accented, NFD, odd tone placement."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import translit
from benchmarks.data import load_pairs
from benchmarks.directions import latin_accuracy
from translit.latin import exonym_key, latin_paths, latin_words
from translit.syllable import canonical_text

DEV = Path(__file__).parent / "fixtures" / "dev.tsv"


def top(name: str) -> str | None:
    match = translit.normalize(name)
    return None if match is None else match.text


@pytest.mark.parametrize("written", [
    "Nguyen Phu Trong", "nguyen-phu-trong", "NGUYEN_PHU_TRONG", "Nguyễn Phú Trọng",
])
def test_ascii_and_separators_read_as_the_accented_name(written: str) -> None:
    assert top(written) == "Nguyễn Phú Trọng"


def test_all_caps_ascii_name_gets_its_tones() -> None:
    assert top("TRAN CAM TU") == "Trần Cẩm Tú"


def test_unaccented_female_name_reads_with_thi() -> None:
    readings = [m.text for m in translit.candidates("Nguyen Thi Thuy Ngan", k=3)]
    assert {"Nguyễn Thị Thúy Ngân", "Nguyễn Thị Thủy Ngân"} <= set(readings)
    assert translit.normalize("Nguyen Thi Thuy Ngan").gender == "F"  # type: ignore[union-attr]


def test_accented_words_keep_their_vowel_letters() -> None:
    # "Nguyên" (no tone) and "Nguyen" differ only by the tone; "Vân" is not "Văn".
    chunks = latin_paths("Vân Thuý")[0].chunks
    assert [[bare for bare, _ in c.candidates] for c in chunks] == [["vân"], ["thuy"]]


def test_an_unmarked_word_beside_marked_ones_is_first_the_syllable_it_spells() -> None:
    # Tones stripped, vowel letters kept: "Phang" is phang (not phăng), "Dong" dong (not đông).
    chunks = latin_paths("Đông Phang Dong")[0].chunks
    assert [c.candidates[0][0] for c in chunks] == ["đông", "phang", "dong"]
    assert all(logp < 0 for c in chunks[1:] for _, logp in c.candidates[1:])
    # In a name written all in ASCII, every syllable of the skeleton is as likely.
    assert {logp for c in latin_paths("Dong Phang")[0].chunks for _, logp in c.candidates} == {0}
    # A name typed half marked still reads as the common name its skeleton spells.
    assert top("Nguyễn Van An") == "Nguyễn Văn An"
    assert top("Lê Van Lương") == "Lê Văn Lương"


@pytest.mark.parametrize("written", ["Hoà Bình", "Hòa Bình", "HOÀ BÌNH"])
def test_either_tone_placement_reads_the_same_and_comes_out_traditional(written: str) -> None:
    assert top(written) == "Hòa Bình"
    nfd = unicodedata.normalize("NFD", written)
    assert top(nfd) == "Hòa Bình"


def test_modern_placement_is_available_on_request() -> None:
    assert canonical_text("Hòa Bình Thủy", style="modern") == "Hoà Bình Thuỷ"


@pytest.mark.parametrize(("written", "place"), [
    ("Hanoi", "Hà Nội"), ("Haiphong", "Hải Phòng"), ("Ba Na Hills", "Bà Nà"),
    ("Thua Thien-Hue", "Thừa Thiên Huế"),
])
def test_exonyms_and_fused_words_find_the_place(written: str, place: str) -> None:
    match = translit.normalize(written)
    assert match is not None and match.kind == "place"
    # The gazetteer lists Thừa Thiên Huế both with and without its hyphen: either is right.
    assert match.text.replace(" - ", " ") == place


def test_saigon_reads_as_sai_gon_with_ho_chi_minh_as_an_alternative() -> None:
    readings = [m.text for m in translit.candidates("Saigon", k=3)]
    assert readings[0] == "Sài Gòn" and "Hồ Chí Minh" in readings


def test_words_and_exonym_keys_ignore_separators_and_case() -> None:
    assert latin_words("nguyen-phu_trong  THUÝ") == ["nguyen", "phu", "trong", "THUÝ"]
    assert exonym_key("Ba Ria-Vung Tau") == exonym_key("BA RIA - VUNG TAU") == "bariavungtau"


def test_non_vietnamese_latin_is_not_a_name() -> None:
    assert translit.normalize("hello world") is None
    assert translit.candidates("Smith", k=3) == []


def test_mixed_list_reads_each_name_in_its_script() -> None:
    names = ["تران كام تو", "Tran Cam Tu", "Trần Cẩm Tú", "هانوي", "Hanoi"]
    assert [top(name) for name in names] == ["Trần Cẩm Tú"] * 3 + ["Hà Nội"] * 2


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Nguyễn Thị Thủy Ngân", "Trần Cẩm Tú", "Võ Nguyên Giáp", "Hà Nội"]),
       st.sampled_from(["NFC", "NFD"]), st.sampled_from([str.lower, str.upper, str.title]),
       st.sampled_from([" ", "-", "_", "  "]))
def test_case_normal_form_and_separators_do_not_change_the_reading(
    name: str, form: str, case: object, separator: str
) -> None:
    assert callable(case)
    written = unicodedata.normalize(form, separator.join(case(name).split()))  # type: ignore[arg-type]
    assert top(written) == top(name) == name


def test_dev_set_tone_stripped_gold_reads_exactly() -> None:
    # Measured on tests/fixtures/dev.tsv by benchmarks/directions.py (gold with tones removed,
    # vowel letters kept / folded to ASCII): persons 0.948 / 0.922, places 0.947 / 0.938 at
    # rank 1. The misses are tone choices of the name model (Hiếu for Hiệu) and small places
    # no lexicon lists, not the front-end. Asserted about two points lower.
    floors = {("person", "tones stripped"): 0.92, ("place", "tones stripped"): 0.92,
              ("person", "ASCII"): 0.90, ("place", "ASCII"): 0.91}
    measured = latin_accuracy(load_pairs(DEV))
    for group, floor in floors.items():
        assert measured[group] >= floor, group


def test_a_written_tone_is_kept_whatever_its_placement() -> None:
    assert top("Nguyễn Thị Thuý Ngân") == "Nguyễn Thị Thúy Ngân"
    assert top("Nguyễn Thị Thùy Ngân") == "Nguyễn Thị Thùy Ngân"
    assert top("Hoà Bình") == "Hòa Bình"


def test_vowel_letters_without_any_tone_mark_leave_the_tones_to_the_model() -> None:
    assert top("Trân Câm Tu") == "Trần Cẩm Tú"


def test_foreign_latin_letters_fold_like_unmarked_vietnamese() -> None:
    assert top("Saïgon") == "Sài Gòn"
    assert top("Ðà Nẵng") == "Đà Nẵng"  # Icelandic eth, as some PDFs write Đ


def test_a_place_exonym_reads_as_the_place_not_a_namesake() -> None:
    for exonym in ("Ho Chi Minh City", "HCMC", "TP.HCM", "TPHCM", "HCM"):
        match = translit.normalize(exonym)
        assert match is not None and (match.text, match.kind) == ("Hồ Chí Minh", "place")
    person = translit.normalize("Ho Chi Minh")
    assert person is not None and person.kind == "person"


@pytest.mark.parametrize(("written", "name", "gender"), [
    ("Mr. Nguyen Van An", "Nguyễn Văn An", "M"),
    ("Mrs Nguyen Thi Thuy Ngan", "Nguyễn Thị Thủy Ngân", "F"),
    ("Prime Minister Pham Minh Chinh", "Phạm Minh Chính", "M"),
    ("Da Lat City", "Đà Lạt", None),
    ("Phu Quoc Island", "Phú Quốc", None),
    ("Quang Ninh Province", "Quảng Ninh", None),
    ("Hanoi Capital", "Hà Nội", None),
    ("Thủ đô Hà Nội", "Hà Nội", None),  # ("the capital Hà Nội": it had read Nội Thủ Đô Hà)
    # (addresses abbreviate the unit: H. for huyện, Q. quận, P. phường, X. xã, TX. thị xã)
    ("H. Gia Lâm", "Gia Lâm", None),
    ("P. Bến Nghé, Q.1, TP. HCM", "Bến Nghé", None),
    ("TX. Sơn Tây", "Sơn Tây", None),
    ("Tổng giám đốc Trần Thị Lan", "Trần Thị Lan", "F"),  # (a job title; Thị says F)
    # Vietnamese lists: ranks, roles and degrees, one after another, abbreviated or not
    ("Thượng tướng Phan Văn Giang", "Phan Văn Giang", "M"),
    ("cố Tổng Bí thư Nguyễn Phú Trọng", "Nguyễn Phú Trọng", "M"),
    ("GS.TS. Nguyễn Văn An", "Nguyễn Văn An", "M"),
    ("Đ/c Nguyễn Văn An", "Nguyễn Văn An", "M"),
    ("Bà mẹ Việt Nam Anh hùng Phạm Thị Mơn", "Phạm Thị Mơn", "F"),
    ("Đại tướng Võ Nguyên Giáp", "Võ Nguyên Giáp", "M"),
])
def test_a_title_or_place_word_in_a_latin_list_is_a_hint(
    written: str, name: str, gender: str | None
) -> None:
    found = translit.normalize(written)
    assert found is not None and (found.text, found.gender) == (name, gender)


def test_a_known_name_that_starts_like_a_title_keeps_it() -> None:
    found = translit.normalize("Ba Trieu")  # Bà Triệu, not a Mrs. Triệu
    assert found is not None and found.text == "Bà Triệu"
    assert translit.normalize("Mr") is None
