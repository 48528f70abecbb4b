"""The shipped lexicons (lexicons/*.tsv) are well-formed, canonical and reproducible.

All tests but the last run on a fresh clone; the last one re-runs lexicons/build.py on the raw
data in ../shared/data and is skipped when that folder is absent.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from translit.syllable import canonical, is_place_word, split, title

REPO = Path(__file__).resolve().parent.parent
LEXICONS = REPO / "lexicons"
DATA = REPO.parent / "shared" / "data"

# file -> (header, number of leading columns that form the unique key)
TABLES = {
    "syllables.tsv": (["syllable", "count"], 1),
    "surnames.tsv": (["surname", "weight", "count"], 1),
    "name_syllables.tsv": (["syllable", "role", "gender", "count"], 3),
    "name_pairs.tsv": (["pair", "gender", "count"], 2),
    "places.tsv": (["name", "kind", "level", "parent", "prominence", "aliases", "exonyms"], 4),
}
OPTIONAL_TABLES = {
    "people.tsv": (["name", "gender", "born", "prominence", "role", "aliases"], 1),
}
PLACE_KINDS = {
    1: {"province", "city"},
    2: {"district", "urban_district", "town", "city"},
    3: {"ward", "commune", "township", "special_zone"},
}
NUMERIC_PLACE = re.compile(r"(?:(?:Phường|Xã|Thị trấn) )*\d+")


def shipped_tables() -> dict[str, tuple[list[str], int]]:
    present = {n: spec for n, spec in OPTIONAL_TABLES.items() if (LEXICONS / n).exists()}
    return TABLES | present


def read_table(name: str) -> tuple[list[str], list[str], list[list[str]]]:
    """(comment lines, header, rows) of a lexicon file."""
    text = (LEXICONS / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[-1] == "", f"{name} must end with a newline"
    lines = lines[:-1]
    comments = [line for line in lines if line.startswith("#")]
    body = lines[len(comments):]
    assert all(not line.startswith("#") for line in body), "comments only at the top"
    return comments, body[0].split("\t"), [line.split("\t") for line in body[1:]]


def column(name: str, header_name: str) -> list[str]:
    _, header, rows = read_table(name)
    index = header.index(header_name)
    return [row[index] for row in rows]


def is_canonical_lower(syllable: str) -> bool:
    return split(syllable) is not None and canonical(syllable) == syllable


def is_canonical_title(name: str) -> bool:
    parts = name.split(" ")
    return all(split(p) is not None and title(canonical(p) or "") == p for p in parts)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_lexicon_file_is_shipped(name: str) -> None:
    assert (LEXICONS / name).is_file()


@pytest.mark.parametrize("name", sorted(shipped_tables()))
def test_lexicon_starts_with_provenance_comments_then_the_header(name: str) -> None:
    comments, header, rows = read_table(name)
    assert any("Source:" in line for line in comments), "names its sources"
    assert any("MIT" in line or "project's own" in line for line in comments), "and licences"
    assert header == shipped_tables()[name][0]
    assert rows, "has data rows"


@pytest.mark.parametrize("name", sorted(shipped_tables()))
def test_lexicon_is_nfc_lf_without_carriage_returns(name: str) -> None:
    text = (LEXICONS / name).read_text(encoding="utf-8")
    assert "\r" not in text
    assert unicodedata.normalize("NFC", text) == text


@pytest.mark.parametrize("name", sorted(shipped_tables()))
def test_every_row_has_as_many_columns_as_the_header(name: str) -> None:
    _, header, rows = read_table(name)
    bad = [row for row in rows if len(row) != len(header)]
    assert not bad[:5]


@pytest.mark.parametrize("name", sorted(shipped_tables()))
def test_lexicon_keys_are_unique(name: str) -> None:
    _, _, rows = read_table(name)
    width = shipped_tables()[name][1]
    keys = [tuple(row[:width]) for row in rows]
    counts = Counter(keys)
    assert [k for k, n in counts.items() if n > 1][:5] == []


@pytest.mark.parametrize(("name", "count_column"), [
    ("syllables.tsv", "count"), ("name_syllables.tsv", "count"), ("name_pairs.tsv", "count"),
])
def test_counts_are_positive_integers(name: str, count_column: str) -> None:
    values = column(name, count_column)
    assert all(v.isdigit() and int(v) > 0 for v in values)


def test_syllable_inventory_holds_only_valid_canonical_lower_case_syllables() -> None:
    syllables = column("syllables.tsv", "syllable")
    assert [s for s in syllables if not is_canonical_lower(s)][:5] == []
    assert 5000 < len(syllables) < 10000
    assert {"nguyễn", "thủy", "hòa", "tú"} <= set(syllables)
    assert "hoà" not in syllables


def test_name_syllables_are_canonical_title_case_with_known_role_and_gender() -> None:
    _, _, rows = read_table("name_syllables.tsv")
    assert [r for r in rows if not is_canonical_title(r[0]) or " " in r[0]][:5] == []
    assert {r[1] for r in rows} == {"middle", "given"}
    assert {r[2] for r in rows} <= {"M", "F", "U"}


def test_name_syllables_rank_thi_as_the_top_female_middle_name() -> None:
    _, _, rows = read_table("name_syllables.tsv")
    female_middle = [r for r in rows if r[1] == "middle" and r[2] == "F"]
    assert max(female_middle, key=lambda r: int(r[3]))[0] == "Thị"


def test_name_pairs_are_two_canonical_syllables_in_title_case() -> None:
    _, _, rows = read_table("name_pairs.tsv")
    assert [r for r in rows if len(r[0].split(" ")) != 2 or not is_canonical_title(r[0])][:5] == []
    assert {r[1] for r in rows} <= {"M", "F", "U"}


def test_surnames_are_canonical_with_positive_weights_summing_to_about_100() -> None:
    _, _, rows = read_table("surnames.tsv")
    assert [r[0] for r in rows if not is_canonical_title(r[0])] == []
    weights = {r[0]: float(r[1]) for r in rows}
    assert all(w > 0 for w in weights.values())
    assert all(r[2].isdigit() for r in rows), "counts are non-negative integers"
    assert 99.9 < sum(weights.values()) < 100.1
    assert max(weights, key=weights.__getitem__) == "Nguyễn"
    assert {"Tôn Thất", "Âu Dương", "Huỳnh", "Võ"} <= set(weights)


def test_place_names_use_canonical_tone_placement_where_parts_are_syllables() -> None:
    for name in column("places.tsv", "name"):
        for part in name.split(" "):
            form = canonical(part) if part.isalpha() else None
            assert form is None or title(form) == part or form == part, name


def test_places_have_valid_levels_kinds_parents_and_prominence() -> None:
    _, _, rows = read_table("places.tsv")
    provinces = {r[0] for r in rows if r[2] == "1"}
    for name, kind, level, parent, prominence, _, _ in rows:
        assert name and not NUMERIC_PLACE.fullmatch(name), name
        assert prominence.isdigit() and int(prominence) > 0
        if int(level) in PLACE_KINDS:
            assert kind in PLACE_KINDS[int(level)], (name, kind, level)
        if level in ("1", "2", "3"):
            assert (parent == "") == (level == "1"), name
        assert level not in ("2", "3") or parent in provinces, (name, parent)
    assert {"Hà Nội", "Hồ Chí Minh", "Huế"} <= provinces
    assert len(provinces) >= 63


def test_places_give_exonyms_for_big_cities() -> None:
    _, _, rows = read_table("places.tsv")
    exonyms = {r[0]: r[6].split("|") for r in rows if r[2] == "1"}
    assert "Hanoi" in exonyms["Hà Nội"]
    assert "Saigon" in exonyms["Hồ Chí Minh"]


@pytest.mark.skipif(not (LEXICONS / "people.tsv").exists(), reason="people.tsv not shipped")
def test_people_names_are_valid_canonical_title_case() -> None:
    # (but for the words of the ethnic-minority names of sources/people_minority.tsv: Niê, Kđăm)
    source = (LEXICONS / "sources" / "people_minority.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in source.splitlines() if line[:1] != "#"][1:]
    minority = {row[0] for row in rows}
    names = column("people.tsv", "name")
    assert [n for n in names if not is_canonical_title(n) and not (
        n in minority
        and all(is_canonical_title(w) or (split(w) is None and is_place_word(w))
                for w in n.split(" "))
    )] == []
    assert minority <= set(names)


def test_build_script_reproduces_the_committed_lexicons_byte_for_byte(tmp_path: Path) -> None:
    if not DATA.is_dir():
        pytest.skip(f"raw data not available at {DATA}")
    result = subprocess.run(
        [sys.executable, str(LEXICONS / "build.py"), "--data", str(DATA), "--out", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    built = sorted(p.name for p in tmp_path.glob("*.tsv"))
    assert built == sorted(shipped_tables())
    for name in built:
        assert (tmp_path / name).read_bytes() == (LEXICONS / name).read_bytes(), name


def test_build_script_exits_2_when_the_data_folder_is_missing(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(LEXICONS / "build.py"), "--data", str(tmp_path / "missing"),
         "--out", str(tmp_path / "out")],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "not found" in result.stderr


def test_fitted_channel_is_reproducible_from_its_prior_and_pairs(tmp_path: Path) -> None:
    out = tmp_path / "correspondences.tsv"
    subprocess.run([sys.executable, str(LEXICONS / "fit_channel.py"), "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (LEXICONS / "correspondences.tsv").read_bytes()


def test_fitting_moves_weights_toward_what_is_observed_and_keeps_every_row() -> None:
    sys.path.insert(0, str(LEXICONS))
    try:
        import fit_channel
    finally:
        sys.path.remove(str(LEXICONS))
    _, _, rows = fit_channel.read_table(LEXICONS / "sources" / "correspondences.tsv")
    prior = fit_channel.probabilities(rows)
    # Twenty names written with ج for the final ng (ترونج) and none with غ.
    fitted, used = fit_channel.fit(prior, [("trong", "ترونج")] * 20)
    assert used == 20
    coda = fitted[("coda", "ng")]
    assert coda["نج"] > prior[("coda", "ng")]["نج"] and coda["نغ"] < prior[("coda", "ng")]["نغ"]
    assert set(coda) == set(prior[("coda", "ng")])
    assert fitted[("onset", "b")] == pytest.approx(prior[("onset", "b")])  # no b was seen
    assert all(sum(p.values()) == pytest.approx(1.0) for cell, p in fitted.items()
               if cell[0] != "rhyme")


def test_a_landmark_named_after_two_places_knows_each_half() -> None:
    sys.path.insert(0, str(LEXICONS))
    try:
        import build
    finally:
        sys.path.remove(str(LEXICONS))
    assert build._halves("Phong Nha - Kẻ Bàng", "national_park") == ["Phong Nha", "Kẻ Bàng"]
    assert build._halves("Văn Miếu - Quốc Tử Giám", "historic_site") == ["Văn Miếu", "Quốc Tử Giám"]
    # Roads are named after their termini; one-word halves and three parts are no names.
    assert build._halves("Cao Tốc Hà Nội - Hải Phòng", "street") == []
    assert build._halves("Đường Sắt Bắc - Nam", "other") == []
    assert build._halves("Châu Đốc - Cần Thơ - Sóc Trăng", "other") == []
    names, aliases = column("places.tsv", "name"), column("places.tsv", "aliases")
    park = aliases[names.index("Phong Nha-Kẻ Bàng")].split("|")
    assert "Kẻ Bàng" in park and "Phong Nha" in park


def test_a_landmark_is_known_without_the_generic_word_arabic_translates() -> None:
    sys.path.insert(0, str(LEXICONS))
    try:
        import build
    finally:
        sys.path.remove(str(LEXICONS))
    generics = build.generic_words()
    assert build._without_generic("Điện Kính Thiên", generics) == "Kính Thiên"
    assert build._without_generic("Vườn Quốc Gia Cúc Phương", generics) == "Cúc Phương"
    assert build._without_generic("Đền Hùng", generics) is None  # one word left: too ambiguous
    assert build._without_generic("Đường Lê Lợi", generics) is None  # streets: a person's name
    assert build._without_generic("Lăng Gia Long", generics) is None  # honours a person
    assert build._without_generic("Nghĩa Trang Liệt Sĩ Trường Sơn", generics) == "Trường Sơn"
    # (a description, not a name)
    assert build._without_generic("Bảo Tàng Văn Hóa Các Dân Tộc", generics) is None
    names, aliases = column("places.tsv", "name"), column("places.tsv", "aliases")
    assert "Kính Thiên" in aliases[names.index("Điện Kính Thiên")].split("|")


def test_every_translated_name_reads_as_the_entry_it_stands_for() -> None:
    import translit
    from translit.cues import arabic_exonyms

    comments, header, rows = read_table("arabic_exonyms.tsv")
    assert header == ["arabic", "name", "kind"] and any("Source:" in c for c in comments)
    assert len(arabic_exonyms()) == len(rows), "no two rows fold to one key"
    for arabic, name, kind in rows:
        found = translit.candidates(arabic, k=1)
        assert found, arabic
        assert (found[0].text, found[0].kind, found[0].known) == (name, kind, True), arabic
