"""translit.to_arabic: Vietnamese → Arabic spellings from the decoder's correspondence table."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import translit
from benchmarks.data import load_pairs
from benchmarks.directions import to_arabic_coverage
from translit.channel import default_channel
from translit.forward import k_best, syllable_options, to_arabic_scored
from translit.lexicon import shipped_rows
from translit.syllable import canonical_text, fold

DEV = Path(__file__).parent / "fixtures" / "dev.tsv"


def test_nguyen_is_spelled_with_jim_first_then_ghain() -> None:
    assert translit.to_arabic("Nguyễn", k=2) == ["نجوين", "نغوين"]


def test_seed_names_have_their_conventional_spelling_first() -> None:
    assert translit.to_arabic("Trần Cẩm Tú")[0] == "تران كام تو"
    spellings = translit.to_arabic("Nguyễn Phú Trọng", k=3)
    assert spellings[0] == "نغوين فو ترونغ"
    assert {"نجوين فو ترونغ", "نجوين فو ترونج"} <= set(spellings)
    assert translit.to_arabic("Hồ Chí Minh")[0] == "هو تشي مينه"


def test_spellings_are_distinct_word_separated_and_k_long() -> None:
    spellings = translit.to_arabic("Nguyễn Thị Thủy Ngân", k=7)
    assert len(spellings) == len(set(spellings)) == 7
    assert all(len(s.split(" ")) == 4 for s in spellings)


def test_scores_are_sorted_and_match_the_channel() -> None:
    scored = to_arabic_scored("Lê Văn Lương", k=10)
    logps = [logp for _, logp in scored]
    assert logps == sorted(logps, reverse=True)
    channel = default_channel()
    # Lê Văn Lương has one ng: its best spelling is the channel's best, drawn both syllable by
    # syllable (0.4) and in the غ style (0.3), where lương is spelled only with غ, renormalised.
    expected = sum(channel.spellings(bare)[0][1] for bare in ("lê", "văn", "lương"))
    ghain = sum(math.exp(lp) for s, lp in channel.spellings("lương") if "نج" not in s)
    assert logps[0] == pytest.approx(expected + math.log(0.4 + 0.3 / ghain))


def test_a_word_initial_vowel_is_carried_as_arabic_writes_it() -> None:
    # Madda before an a-sound, hamza before an o/u-sound; the decoder reads every form back.
    assert translit.to_arabic("An Giang")[0] == "آن جيانغ"
    assert translit.to_arabic("Đức Ông")[0] == "دوك أونغ"
    assert translit.to_arabic("Yên Bái")[0] == "ين باي"  # (i/y-sounds: no alef to carry)
    for spelled in translit.to_arabic("An Giang", k=10):
        found = translit.normalize(spelled)
        assert found is not None and found.text == "An Giang", spelled


def test_names_spelled_in_one_ng_style_come_first() -> None:
    first_two = translit.to_arabic("Nguyễn Phú Trọng", k=2)
    assert all(("نج" in s) != ("نغ" in s) for s in first_two), first_two


def test_tones_case_separators_and_ascii_folding_do_not_change_the_spelling() -> None:
    reference = translit.to_arabic("Nguyễn Phú Trọng")
    for variant in ["NGUYỄN PHÚ TRỌNG", "nguyen-phu-trong", "Nguyen Phu Trong", "Nguyên Phu Trong"]:
        assert translit.to_arabic(variant) == reference


def test_errors_name_the_offending_word() -> None:
    with pytest.raises(TypeError):
        translit.to_arabic(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'Smith'"):
        translit.to_arabic("Nguyễn Smith")
    with pytest.raises(ValueError, match="no Vietnamese syllable"):
        translit.to_arabic("  - ")
    with pytest.raises(ValueError, match="k must be"):
        translit.to_arabic("Lê", k=0)


@given(st.lists(st.lists(st.floats(-20, 0), min_size=1, max_size=4), min_size=1, max_size=4),
       st.integers(1, 12))
def test_k_best_equals_brute_force(scores: list[list[float]], k: int) -> None:
    options = [[(str(i), s) for i, s in enumerate(sorted(row, reverse=True))] for row in scores]
    found = [logp for logp, _ in k_best(options, k)]
    every = sorted(
        (sum(t) for t in _product([[s for _, s in row] for row in options])), reverse=True
    )
    assert found == pytest.approx(every[:k])


def _product(rows: list[list[float]]) -> list[tuple[float, ...]]:
    result: list[tuple[float, ...]] = [()]
    for row in rows:
        result = [done + (value,) for done in result for value in row]
    return result


@lru_cache(maxsize=1)
def _people() -> list[str]:
    names = (canonical_text(row["name"]) for _, row in shipped_rows("people.tsv"))
    return sorted({n for n in names if n})


def test_round_trip_of_gazetteer_people() -> None:
    # Not a universal law: Arabic writes neither tones nor most vowel qualities (Vân Dung and
    # Văn Dũng are both فان دونغ), so the rates are pinned instead. Over all 941 people the
    # name is within the top 3 for 99.5% and toneless-equal at rank 1 for 95%; this sample of
    # every fourth name is asserted a couple of points lower.
    top3, toneless = _round_trip_rates(_people()[::4])
    assert top3 >= 0.97
    assert toneless >= 0.92


def _built_names(count: int, seed: int) -> list[str]:
    """Surname + middle + given drawn by frequency from the lexicons (the common names)."""
    rng = random.Random(seed)
    surnames = [(r["surname"], float(r["weight"])) for _, r in shipped_rows("surnames.tsv")
                if " " not in r["surname"]]
    parts = [(r["syllable"], r["role"], r["gender"], float(r["count"]))
             for _, r in shipped_rows("name_syllables.tsv")]
    names = []
    for _ in range(count):
        gender = rng.choice("MF")
        chosen = [rng.choices([s for s, _ in surnames], [w for _, w in surnames])[0]]
        for role in ("middle", "given"):
            pool = [p for p in parts if p[1] == role and p[2] in (gender, "")]
            chosen.append(rng.choices([p[0] for p in pool], [p[3] for p in pool])[0])
        names.append(" ".join(chosen))
    return names


def test_round_trip_of_built_names() -> None:
    # Arabic writes neither tones nor most vowel qualities (Phong/Phương → فونغ, Võ/Vũ → فو),
    # so a round trip cannot always come back to the same name: this pins the rates reached,
    # measured at 0.88 (within top 3) and 0.725 (toneless rank 1) on this sample; asserted a
    # few points lower.
    top3, toneless = _round_trip_rates(_built_names(120, seed=6))
    assert top3 >= 0.85
    assert toneless >= 0.70


def _round_trip_rates(names: list[str]) -> tuple[float, float]:
    """Share of names read back from their first Arabic spelling within the top 3, and
    toneless-equal at rank 1."""
    top3 = toneless = 0
    for name in names:
        readings = [m.text for m in translit.candidates(translit.to_arabic(name)[0], k=3)]
        top3 += name in readings
        toneless += bool(readings) and fold(readings[0]) == fold(name)
    return top3 / len(names), toneless / len(names)


def test_dev_set_observed_spelling_is_among_the_top_five() -> None:
    # Measured on tests/fixtures/dev.tsv: 0.906 with the exact string, 0.91 after the Arabic
    # clean-up that lexicon keys get (آ = ا). In sample: the channel's weights are fitted to
    # these rows (lexicons/README.md; 0.82-0.85 held out before the initial alef forms) and the
    # alef forms counted on them. Asserted two points lower. (benchmarks/directions.py reports it.)
    written, cleaned = to_arabic_coverage(load_pairs(DEV))
    assert written >= 0.88
    assert cleaned >= 0.89


def test_cli_to_arabic_prints_one_line_per_name() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit", "to-arabic", "--top", "2", "Nguyễn", "Smith"],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == ["Nguyễn\tنجوين\tنغوين", "Smith"]
    assert "'Smith'" in done.stderr


def test_cli_keeps_blank_lines_and_can_leave_translations_out() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "translit", "to-arabic", "--top", "2", "--no-translations"],
        input="Văn Miếu\n\nNguyễn\n", capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 0
    assert done.stdout.splitlines() == ["Văn Miếu\tفان ميو\tفانميو", "", "Nguyễn\tنجوين\tنغوين"]


def test_a_name_arabic_translates_has_its_translation_second() -> None:
    # Arabic news writes the Temple of Literature both ways: فان ميو and معبد الأدب.
    assert translit.to_arabic("Văn Miếu", k=2) == ["فان ميو", "معبد الأدب"]
    assert translit.to_arabic("Van Mieu", k=2)[1] == "معبد الأدب"  # (ASCII: any tones)
    assert translit.to_arabic("Biển Đông", k=1) == ["بين دونغ"]
    assert "بحر الشرق" not in translit.to_arabic("Biên Đông")  # (written tones must agree)
    assert "معبد الأدب" not in translit.to_arabic("Văn Miếu", translated=False)
    # Read back, the translation is the name again.
    assert translit.normalize("معبد الأدب").text == "Văn Miếu"  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["Nguyễn " * 9, "a" * 201])
def test_overlong_names_are_refused_not_spelled(name: str) -> None:
    with pytest.raises(ValueError, match="at most"):
        translit.to_arabic(name)


def test_well_known_places_are_also_spelled_as_one_word() -> None:
    assert "هانوي" in translit.to_arabic("Hà Nội", k=4)
    assert all(" " in spelled for spelled in translit.to_arabic("Nguyễn Phú Trọng", k=5))


def test_ethnic_minority_place_words_are_spelled_from_their_pieces() -> None:
    assert translit.to_arabic("Pleiku", k=1) == ["بليكو"]
    assert translit.to_arabic("Krông Pắc", k=1) == ["كرونغ باك"]
    assert translit.to_arabic("Cư Jút", k=1) == ["كو جوت"]


def test_an_ascii_word_is_spelled_as_the_syllables_it_folds_from_not_as_place_words() -> None:
    # Long folds from long and from the place word Lơng (Kông Lơng Khơng), whose pieces give
    # لونق: the syllable decides.
    channel = default_channel()
    syllables = {spelled for bare in ("long", "lông") for spelled, _ in channel.spellings(bare)}
    assert {spelled for spelled, _ in syllable_options("Long", channel)} == syllables
