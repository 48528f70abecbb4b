"""Arabic clean-up and tokenization."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translit.arabic import has_arabic, normalize, reads_as_arabic, tokenize, words


def test_tashkeel_tatweel_and_bidi_marks_are_dropped() -> None:
    assert normalize("نُجُـــوين\u200f\u200e") == "نجوين"


def test_presentation_forms_fold_to_plain_letters() -> None:
    # ﻧﺠﻮﻳﻦ: the same word in Arabic presentation forms, as PDFs extract it.
    assert normalize("\ufee7\ufea0\ufeee\ufef3\ufee6") == "نجوين"


def test_alef_hamza_and_yeh_forms_are_unified() -> None:
    assert normalize("أإٱ ى ئ ؤ") == "ااا ي ي و"


def test_madda_alef_and_persian_letters_are_kept() -> None:
    assert normalize("آنه پ گ ڤ چ") == "آنه پ گ ڤ چ"
    assert normalize("ڭ ڨ") == "گ ڤ"  # (the Maghrebi forms of g and v)


def test_final_teh_marbuta_reads_as_heh() -> None:
    assert normalize("فينة") == "فينه"


def test_arabic_indic_digits_become_ascii() -> None:
    assert normalize("٢٠٢٥") == "2025"


def test_tokens_keep_offsets_into_the_original() -> None:
    text = "والرفيق «تـران كام تو»، سكرتير"
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["والرفيق", "تران", "كام", "تو", "سكرتير"]
    assert [text[t.start:t.end] for t in tokens][1] == "تـران"


def test_has_arabic() -> None:
    assert has_arabic("Hà Nội هانوي")
    assert not has_arabic("Hà Nội")


@given(st.text())
def test_token_offsets_always_point_into_the_input(text: str) -> None:
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
        assert normalize(text[token.start:token.end]) == token.text


INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2066", "\ufeff"])


@given(st.sampled_from(["نجوين ثي ثوي نجان", "تران كام تو", "هانوي"]), INVISIBLE, st.data())
def test_invisible_marks_anywhere_in_a_word_leave_the_tokens_unchanged(
    text: str, mark: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    if text[at - 1] == " " or text[at] == " ":
        return
    marked = text[:at] + mark + text[at:]
    assert [t.text for t in tokenize(marked)] == [t.text for t in tokenize(text)]


_LETTERS = [chr(code) for code in range(0x0600, 0x0700) if has_arabic(chr(code))]
_MARKS = [chr(code) for code in (*range(0x0300, 0x0370), *range(0x0610, 0x0700), 0x200F, 0xFEFF)]


@given(st.lists(st.sampled_from(_LETTERS + _MARKS + [" ", "a", "\ufee7", "\u0640"]), max_size=6))
def test_reads_as_arabic_is_has_arabic_of_the_normalised_text(chars: list[str]) -> None:
    text = "".join(chars)
    assert reads_as_arabic(text) == has_arabic(normalize(text))


def test_every_letter_but_tatweel_survives_normalisation_beside_any_mark() -> None:
    for letter in _LETTERS:
        for mark in _MARKS:
            for text in (letter, letter + mark, mark + letter):
                assert reads_as_arabic(text) == has_arabic(normalize(text)), repr(text)


@given(st.text())
def test_words_are_the_texts_of_the_tokens(text: str) -> None:
    assert words(text) == [token.text for token in tokenize(text)]
