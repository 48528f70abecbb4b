"""Names in running Arabic text: offsets, clitics, cues, stop words, links, slugs, bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import translit
from translit.cues import cue_table, fold_word, is_stopword, strip_clitics
from translit.text import find_names

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "articles"


def found(text: str, **options: object) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.match.text) for s in find_names(text, **options)]  # type: ignore[arg-type]


def test_find_names_is_public() -> None:
    assert translit.find_names is find_names
    assert "find_names" in translit.__all__


def test_clitic_and_title_are_left_out_of_the_span() -> None:
    text = "وأكدت الرفيقة نجوين ثي كيم نجان، ووصل الرفيق تران كام تو إلى هانوي"
    spans = find_names(text)
    assert [(text[s.start:s.end], s.match.text) for s in spans] == [
        ("نجوين ثي كيم نجان", "Nguyễn Thị Kim Ngân"),
        ("تران كام تو", "Trần Cẩm Tú"),
        ("هانوي", "Hà Nội"),
    ]
    assert all(s.source == text[s.start:s.end] for s in spans)


@pytest.mark.parametrize("prefix", ["و", "ب", "ل", "وب", "ول", "ف"])
def test_clitic_glued_to_a_place_is_split_off(prefix: str) -> None:
    text = f"سافر الوفد {prefix}هانوي أمس"
    (span,) = find_names(text)
    assert span.match.text == "Hà Nội"
    assert text[span.start:span.end] == "هانوي"
    assert span.start == text.index(prefix + "هانوي") + len(prefix)


def test_clitic_with_tashkeel_keeps_offsets_into_the_original() -> None:
    text = "زار الوفد وَهانوي"
    (span,) = find_names(text)
    assert text[span.start:span.end] == "هانوي"


def test_feminine_cue_is_reported_and_shifts_gender() -> None:
    (span,) = find_names("قالت الرفيقة نجوين ثي ثانه إن")
    assert span.cue == "الرفيقة"
    assert span.match.gender == "F"


def test_place_word_is_a_cue_for_places() -> None:
    text = "في مدينة هوي القديمة"
    (span,) = find_names(text)
    assert (span.source, span.match.text, span.match.kind) == ("هوي", "Huế", "place")
    assert span.cue == "مدينة"


def test_a_landmark_named_with_the_word_its_place_word_translates() -> None:
    # The village is Làng Chuông; Chuông alone is no place the gazetteer lists.
    (span,) = find_names("زار السياح قرية تشوونغ لصناعة القبعات")
    assert (span.source, span.match.text, span.cue) == ("تشوونغ", "Làng Chuông", "قرية")


def test_a_lone_word_the_place_word_names_is_found() -> None:
    # Hàn (a river) is also called Sông Hàn: نهر says so. Without the place word, هان is a lone
    # word too common to be taken for the river.
    (span,) = find_names("أقيم المهرجان على نهر هان مساء أمس")
    assert (span.source, span.match.text, span.cue) == ("هان", "Hàn", "نهر")
    assert find_names("أقيم المهرجان على هان مساء أمس") == []


def test_foreign_nationality_word_blocks_a_name() -> None:
    assert found("وقال المدرب الكوري كيم سانغ سيك إن الفريق لعب جيدا") == []


@pytest.mark.parametrize(
    "text",
    [
        "أكد أن عام 2025 هو عام مهم للغاية",
        "قال لي إن الأمر من في تو ثم انتهى",
        "كان بين الوفود من دون أي تأخير",
        "هو في البيت، ثم لي صديق",
    ],
)
def test_common_arabic_words_are_not_names(text: str) -> None:
    assert found(text) == []


def test_stop_word_inside_a_whole_name_is_a_syllable() -> None:
    assert found("استقبل الرفيق لي مينه هونغ الوفد") == [("لي مينه هونغ", "Lê Minh Hưng")]
    assert found("زار الوفد ضريح هو تشي منه") == [("هو تشي منه", "Hồ Chí Minh")]


def test_given_name_alone_links_back_to_the_full_name() -> None:
    text = "ترأس الرفيق تران كام تو الاجتماع. وقال تو إن المهام كثيرة."
    spans = find_names(text)
    assert [(s.source, s.match.text) for s in spans] == [
        ("تران كام تو", "Trần Cẩm Tú"), ("تو", "Trần Cẩm Tú"),
    ]
    assert spans[1].cue is not None and "تران كام تو" in spans[1].cue


def test_a_name_said_again_is_read_whole_not_split_into_a_short_name_and_a_link() -> None:
    # تران كام is also a known name (Trần Khâm, a king's birth name): the second mention must
    # not become Trần Khâm + تو linked back to Trần Cẩm Tú.
    seed = (ARTICLES / "seed_000.txt").read_text(encoding="utf-8")
    text = seed[:seed.index("\n", seed.index("وفي كلمته في المؤتمر"))]
    assert [(s.source, s.match.text) for s in find_names(text)] == [
        ("هانوي", "Hà Nội"), ("تران كام تو", "Trần Cẩm Tú"), ("تران كام تو", "Trần Cẩm Tú"),
    ]


def test_given_name_is_not_linked_before_the_full_name_or_when_ambiguous() -> None:
    assert found("وقال تو إن المهام كثيرة.") == []
    text = ("التقى الرفيق نجوين فان هونغ بالرفيق تران كووك هونغ. "
            "وقال الرفيق هونغ إن العمل مستمر.")
    lone = [s for s in find_names(text) if s.source == "هونغ"]
    assert all("antecedent" not in (s.cue or "") for s in lone)
    assert all(s.match.text not in ("Nguyễn Văn Hùng", "Trần Quốc Hùng") for s in lone)


def test_place_word_beats_a_given_name_link() -> None:
    text = "قال الرفيق لي هونغ فينه إن فرق الإنقاذ وصلت من مدينة فينه."
    assert found(text)[-1] == ("فينه", "Vinh")


def test_url_slug_picks_the_reading_and_says_so() -> None:
    text = "وقالت السيدة نجوين ثي ثوي نجان إن العمل مستمر"
    (plain,) = find_names(text)
    url = "https://daibieunhandan.vn/pho-chu-nhiem-nguyen-thi-thuy-ngan-phat-bieu-10398076.html"
    slug_readings = {"nguyen thi thuy ngan"}
    (with_url,) = find_names(text, url=url)
    assert with_url.match.toneless in slug_readings
    assert with_url.cue is not None and "url:nguyen-thi-thuy-ngan" in with_url.cue
    assert plain.source == with_url.source


def test_address_cited_in_the_text_is_evidence_too() -> None:
    text = ("وقالت السيدة نجوين ثي ثوي نجان إن العمل مستمر\n"
            "المصدر: https://daibieunhandan.vn/nguyen-thi-thuy-ngan-du-hop-123.html")
    (span,) = find_names(text)
    assert span.cue is not None and span.cue.endswith("url:nguyen-thi-thuy-ngan")


def test_html_remnants_numbers_and_codes_pass_through() -> None:
    text = (".jpg) ![](https://x.vn/a.png) القرار رقم 242-QD/TW و1891-QDNS/TW "
            "<p>2020-2025</p> تعليق (0) Hanoi Nguyen Van A ٢٠٢٦")
    assert find_names(text) == []


def test_mixed_text_keeps_offsets() -> None:
    text = "Le sommet (VNA) – في هانوي، 12/3: ![](x.jpg) الرفيق تو لام"
    spans = find_names(text)
    assert [(text[s.start:s.end], s.match.text) for s in spans] == [
        ("هانوي", "Hà Nội"), ("تو لام", "Tô Lâm"),
    ]


def test_large_document_streams_in_order() -> None:
    article = (ARTICLES / "seed_000.txt").read_text(encoding="utf-8")
    text = ""
    while len(text) < 10_000_000:
        text += article + "\nسطر بلا أسماء 12345 ![](x.jpg)\n"
    spans = find_names(text)
    per_article = len(find_names(article))
    copies = text.count(article[:200])
    assert len(spans) >= per_article * copies
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    assert all(text[s.start:s.end] == s.source for s in spans[-20:])


def test_long_line_without_breaks_is_windowed() -> None:
    text = ("الرفيق تران كام تو " + "كلمة " * 50) * 400
    spans = find_names(text)
    assert len(spans) == 400
    assert all(s.match.text == "Trần Cẩm Tú" for s in spans)


def test_lexicon_tables_load() -> None:
    table = cue_table()
    assert table.phrases[(fold_word("نائبة"),)].gender == "F"
    assert table.phrases[(fold_word("مقاطعة"),)].kind == "place"
    assert is_stopword("هو") and not is_stopword("هانوي")
    assert ("وال", "رفيق") in strip_clitics("والرفيق")


def test_non_str_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        find_names(b"\xd9\x87\xd9\x88")  # type: ignore[arg-type]


_ALPHABET = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئ ،.؛:«»()-\n0123456789aZ")
                            + ["هانوي ", "تران كام تو ", "نجوين ", "ثي ", "و", "ال", "ّ", "ـ"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_spans_are_valid_sorted_and_disjoint(text: str) -> None:
    spans = find_names(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.source
        assert span.source == span.source.strip()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


# ------------------------------------------------------------------------------- gold articles

def test_gold_files_agree_with_their_articles() -> None:
    from benchmarks.text_eval import articles

    count = 0
    for name, text, gold in articles(ARTICLES):
        for row in gold:
            assert text[row.start:row.end] == row.surface, (name, row)
            assert row.kind in ("person", "place")
        count += 1
    assert count >= 12


def test_gold_files_are_regenerated_from_the_marked_sources() -> None:
    sys.path.insert(0, str(ARTICLES))
    from make_gold import convert  # type: ignore[import-not-found]

    for marked in sorted(ARTICLES.glob("*.marked")):
        text, _ = convert(marked.read_text(encoding="utf-8"))
        assert text == marked.with_suffix(".txt").read_text(encoding="utf-8"), marked.name


def test_gold_precision_recall_and_exact_resolution() -> None:
    from benchmarks.text_eval import evaluate_find_names

    result = evaluate_find_names(ARTICLES)
    assert result["precision"] >= 0.96, result["errors"]
    assert result["recall"] >= 0.92, result["errors"]
    assert result["exact"] >= 0.92, result["errors"]
    seeds = result["seeds"]
    assert isinstance(seeds, dict)
    assert seeds["precision"] == 1.0 and seeds["recall"] == 1.0


def test_place_word_before_a_list_covers_every_name() -> None:
    text = "اجتماع مع قادة مقاطعات آن جيانغ ودونغ ثاب وكا ماو لبحث الجفاف"
    spans = find_names(text)
    assert [(s.source, s.match.text) for s in spans] == [
        ("آن جيانغ", "An Giang"), ("دونغ ثاب", "Đồng Tháp"), ("كا ماو", "Cà Mau"),
    ]
    assert all(s.cue == "مقاطعات" for s in spans)


def test_hamza_function_word_does_not_extend_a_name() -> None:
    text = "وأضاف زميلها هوانغ مينه دوك أنه سيواصل دراسته"
    assert [s for s, _ in found(text)] == ["هوانغ مينه دوك"]


def test_two_last_words_link_back_even_when_they_are_a_known_name() -> None:
    text = ("وسجل لاعب الوسط نجوين كوانغ هاي الهدف الأول.\n"
            "وأشاد المدرب بأداء كوانغ هاي الذي قدم مباراة كاملة.")
    assert [m for _, m in found(text)] == ["Nguyễn Quang Hải", "Nguyễn Quang Hải"]


def test_an_invisible_mark_between_words_keeps_the_name_whole() -> None:
    text = "ترأس المؤتمر تران\u200f كام تو في هانوي"
    assert [m for _, m in found(text)] == ["Trần Cẩm Tú", "Hà Nội"]


def test_a_leaders_given_name_alone_in_running_text_needs_a_title_or_a_full_mention() -> None:
    # دونغ is Dũng (Nguyễn Tấn Dũng) to the decoder, and also the currency đồng.
    assert found("بلغ السعر 25 ألف دونغ في هانوي") == [("هانوي", "Hà Nội")]
    text = "التقى الرفيق نغوين تان دونغ بالوفد. وقال دونغ إن المهام كثيرة."
    assert [m for _, m in found(text)] == ["Nguyễn Tấn Dũng", "Nguyễn Tấn Dũng"]


def test_a_name_arabic_translates_is_found_with_its_clitic_left_out() -> None:
    text = "زار الوفد معبد الأدب في هانوي، ثم توجه وبحر الشرق. وقال العم هو إن"
    assert found(text) == [
        ("معبد الأدب", "Văn Miếu"), ("هانوي", "Hà Nội"), ("بحر الشرق", "Biển Đông"),
        ("العم هو", "Bác Hồ"),
    ]


def test_a_translated_name_is_found_on_a_line_with_no_other_name() -> None:
    assert found("وقعت معركة تل الهمبرغر عام 1969") == [("تل الهمبرغر", "Đồi A Bia")]
