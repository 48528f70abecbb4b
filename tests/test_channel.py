"""The spelling channel: Arabic chunks ⇄ bare Vietnamese syllables."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

import translit
from translit.channel import (
    FUZZY_EDIT_PENALTY,
    MAX_CHUNK,
    SKELETON_PENALTY,
    Correspondences,
    default_channel,
    default_table,
    key,
    skeleton,
    syllable_spellings,
    word_pieces,
    word_spellings,
)
from translit.lexicon import LexiconError

CHANNEL = default_channel()


@pytest.mark.parametrize("spelled", ["نجوين", "نغوين", "نغويين", "انغوين"])
def test_nguyen_spelling_variants_read_as_nguyen(spelled: str) -> None:
    assert "nguyên" in [bare for bare, _ in CHANNEL.read(spelled)[:3]]


@pytest.mark.parametrize(
    ("spelled", "bare"),
    [("تران", "trân"), ("ثي", "thi"), ("كوانج", "quang"), ("كوانغ", "quang"), ("ترونج", "trong")],
)
def test_common_spellings_read_among_the_first(spelled: str, bare: str) -> None:
    # a/ă/â and tones are not written: the channel ranks trân beside tran, the name model decides.
    assert bare in [reading for reading, _ in CHANNEL.read(spelled)[:4]]


def test_final_heh_reads_as_nh() -> None:
    # i and ê are both written ي: the channel ties minh with mênh, the name model decides.
    first = [bare for bare, _ in CHANNEL.read("مينه")[:2]]
    assert "minh" in first and all(bare.endswith("nh") for bare in first)


def test_th_is_spelled_with_theh_or_teh() -> None:
    readings = [bare for bare, _ in CHANNEL.read("تي")]
    assert "thi" in readings and "ti" in readings


def test_a_fused_token_is_cut_into_syllables() -> None:
    best = CHANNEL.segment("هانوي")[0]
    assert [chunk.text for chunk in best.chunks] == ["ها", "نوي"]


def test_a_misspelt_syllable_competes_whole_with_its_cuttings() -> None:
    # تشرونغ cuts exactly as تش + رونغ, but it is Trương with a stray ش: the token read whole
    # by its near spellings is among its segmentations.
    whole = [s for s in CHANNEL.segment("تشرونغ") if len(s.chunks) == 1]
    assert whole and "trương" in [bare for bare, _ in whole[0].chunks[0].candidates]
    assert translit.normalize("نغوين فو تشرونغ").text == "Nguyễn Phú Trọng"  # type: ignore[union-attr]


def test_an_unreadable_token_gives_no_segmentation() -> None:
    assert CHANNEL.segment("عبدالله") == ()


def test_spellings_are_the_forward_direction_of_the_same_table() -> None:
    spelled = [text for text, _ in CHANNEL.spellings("nguyên")]
    assert {"نجوين", "نغوين"} <= set(spelled[:4])
    for text, logp in CHANNEL.spellings("nguyên")[:6]:
        assert ("nguyên", logp) in CHANNEL.read(text)


def test_key_folds_madda_and_doubled_alef() -> None:
    assert key("آنه") == key("انه") == "انه"
    assert skeleton("طاو") == skeleton("تاو")


def test_unknown_unit_in_the_table_is_a_lexicon_error() -> None:
    rows = [(5, {"unit": "tone", "vietnamese": "a", "arabic": "ا", "weight": "1"})]
    with pytest.raises(LexiconError, match=r"test\.tsv:5"):
        Correspondences(rows, name="test.tsv")


def test_spelling_probabilities_are_normalised() -> None:
    spellings = syllable_spellings(default_table(), "ha")
    total = sum(math.exp(logp) for logp in spellings.values())
    assert 0.5 < total <= 1.0 + 1e-9


KEYS = CHANNEL._skeleton_keys  # (the spellings of syllables: place words are never near)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(KEYS),
    st.integers(min_value=0, max_value=3),
    st.sampled_from("ابتدرسكلمنهوي"),
)
def test_fuzzy_retrieval_equals_brute_force(base: str, position: int, letter: str) -> None:
    query = base[:position] + letter + base[position + 1:]
    if not 2 <= len(query) <= MAX_CHUNK or CHANNEL.lookup(query):
        return  # (one edit turns any lone letter into some syllable: none are read fuzzily)
    spelled = skeleton(query)  # (what the index compares)
    limit = 1 if len(spelled) <= 4 else 2
    found = dict(CHANNEL._fuzzy(query))
    # Brute force: every indexed spelling within the edit limit, each reading at the score the
    # fuzzy look-up gives it (the near spelling's, less the penalties).
    brute = {
        k: distance for k in KEYS
        if (distance := Levenshtein.distance(spelled, k)) <= limit
    }
    if not brute:
        assert not found
        return
    nearest = min(brute.values())
    best_nearest = max(
        (logp - SKELETON_PENALTY - FUZZY_EDIT_PENALTY * nearest
         for k, distance in brute.items() if distance == nearest
         for bare, logp in CHANNEL._skeleton[k] if bare not in CHANNEL._words),
        default=-math.inf,
    )
    # The nearest spellings' best reading is kept, or one that scores better (a spelling one
    # edit further that reads its syllable far more often: ووواج is no vuông first) ...
    assert max(found.values(), default=-math.inf) >= best_nearest - 1e-9
    # ... and every reading comes from a spelling within the edit limit, none from a place word.
    assert set(found) <= {bare for k in brute for bare, _ in CHANNEL._skeleton[k]}
    assert not set(found) & CHANNEL._words


@pytest.mark.parametrize(("word", "pieces", "spelled"), [
    ("krông", ("k", "rông"), "كرونغ"),
    ("pleiku", ("p", "le", "i", "ku"), "بليكو"),  # (the i of le and of i written once)
    ("ayun", ("ay", "un"), "ايون"),  # (no alef seat inside the word)
    ("jut", ("j", "ut"), "جوت"),  # (j is no Vietnamese onset: its letter row)
])
def test_a_place_word_that_is_no_syllable_is_spelled_from_its_pieces(
    word: str, pieces: tuple[str, ...], spelled: str
) -> None:
    assert word_pieces(word) == pieces
    assert next(iter(word_spellings(default_table(), word))) == spelled
    assert (word, CHANNEL.spellings(word)[0][0]) == (word, spelled)
    assert word in [bare for bare, _ in CHANNEL.read(spelled)]


def test_a_place_word_is_read_from_three_letters_and_never_as_a_near_spelling() -> None:
    # Shorter spellings only where a syllable reads them better, so that they never make an
    # Arabic word read as a name: ني is ni before Niê (Y Thanh Hà Niê Kđăm), يا ia before Ea;
    # ال and وا (Arabic words that no syllable spells well) are no Al, no Wa.
    assert {"ea", "niê"} <= {bare for spelled in ("يا", "ني") for bare, _ in CHANNEL.read(spelled)}
    assert all(bare not in CHANNEL._words for bare, _ in CHANNEL.read("ال"))
    for spelled in ("يا", "ني", "وا"):
        assert CHANNEL.read(spelled)[0][0] not in CHANNEL._words, spelled
    assert "krông" not in [bare for bare, _ in CHANNEL.read("كرونك")]  # (one letter from كرونغ)
