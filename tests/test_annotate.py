"""``translit annotate``: the four formats, the command line, and the html page in a browser."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest

from translit.annotate import Document, write

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "a02.txt"
TEXT = "والرفيق تران كام تو في هانوي. وقال تو <b>&</b> إن 242-QD/TW"


def render(format: str, documents: list[Document] | None = None) -> str:
    out = io.StringIO()
    write(out, documents or [Document("doc.txt", TEXT)], format=format)
    return out.getvalue()


def test_jsonl_has_one_span_a_line_with_file_and_offsets() -> None:
    records = [json.loads(line) for line in render("jsonl").splitlines()]
    assert [(r["arabic"], r["vietnamese"], r["kind"]) for r in records] == [
        ("تران كام تو", "Trần Cẩm Tú", "person"),
        ("هانوي", "Hà Nội", "place"),
        ("تو", "Trần Cẩm Tú", "person"),
    ]
    for record in records:
        assert record["file"] == "doc.txt"
        assert TEXT[record["start"]:record["end"]] == record["arabic"]
    assert records[0]["cue"] == "الرفيق"


def test_markdown_puts_the_vietnamese_after_each_name() -> None:
    assert render("markdown") == (
        "والرفيق تران كام تو (Trần Cẩm Tú) في هانوي (Hà Nội). وقال تو (Trần Cẩm Tú) "
        "<b>&</b> إن 242-QD/TW\n"
    )


def test_markdown_heads_each_file_when_there_are_several() -> None:
    text = render("markdown", [Document("a.txt", "في هانوي"), Document("b.txt", "تو لام")])
    assert text == "## a.txt\n\nفي هانوي (Hà Nội)\n## b.txt\n\nتو لام (Tô Lâm)\n"


def test_html_is_right_to_left_escaped_and_marks_names() -> None:
    page = render("html")
    assert page.startswith('<!DOCTYPE html>\n<html dir="rtl" lang="ar">')
    assert '<meta charset="utf-8">' in page
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in page and "<b>" not in page
    assert page.count("<mark") == 3
    assert '<span class="vi person" dir="ltr">(Trần Cẩm Tú)</span>' in page
    assert '<span class="vi place" dir="ltr">(Hà Nội)</span>' in page


def test_tsv_lists_distinct_names_with_counts() -> None:
    lines = render("tsv").splitlines()
    assert lines[0] == "vietnamese\tkind\tcount\tknown\tarabic"
    assert lines[1] == "Trần Cẩm Tú\tperson\t2\tyes\tتران كام تو|تو"
    assert lines[2] == "Hà Nội\tplace\t1\tyes\tهانوي"


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        render("xml")


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "translit", "annotate", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT,
                          timeout=300)


def test_cli_reads_stdin_and_files() -> None:
    done = _cli(stdin="زار تو لام هانوي")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["file"] for line in done.stdout.splitlines()] == ["<stdin>"] * 2
    done = _cli("--format", "tsv", str(ARTICLE))
    assert done.returncode == 0, done.stderr
    assert "Phạm Minh Chính\tperson\t3\tyes\tفام مينه تشينه|تشينه" in done.stdout.splitlines()


def test_cli_missing_file_exits_1() -> None:
    done = _cli("no/such/file.txt")
    assert done.returncode == 1
    assert "cannot read input" in done.stderr


def test_cli_url_option_is_slug_evidence() -> None:
    url = "https://daibieunhandan.vn/nguyen-thi-thuy-ngan-phat-bieu-1.html"
    done = _cli("--url", url, stdin="وقالت السيدة نجوين ثي ثوي نجان إن")
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["cue"].endswith("url:nguyen-thi-thuy-ngan")


def test_cli_output_into_a_missing_directory_exits_1_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "names.jsonl"
    done = _cli("-o", str(target), stdin="زار تو لام هانوي")
    assert done.returncode == 1
    assert done.stderr == f"translit: {target}: cannot write output: No such file or directory\n"
    assert not (tmp_path / "missing").exists()


def test_cli_output_replaces_the_file_atomically_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "names.jsonl"
    target.write_text("previous content\n")
    target.chmod(0o640)
    before = target.stat().st_ino
    done = _cli("-o", str(target), stdin="زار تو لام هانوي")
    assert done.returncode == 0, done.stderr
    # A new file renamed over the old one (never the old one truncated and half-written).
    assert target.stat().st_ino != before
    assert target.stat().st_mode & 0o7777 == 0o640
    assert [json.loads(line)["vietnamese"] for line in target.read_text().splitlines()] == [
        "Tô Lâm", "Hà Nội"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["names.jsonl"]


def test_cli_bad_lexicon_exits_2_naming_file_and_line(tmp_path: Path) -> None:
    lexicon = tmp_path / "extra.tsv"
    lexicon.write_text("name\tkind\nHà Nội\tanimal\n", encoding="utf-8")
    done = _cli("--lexicon", str(lexicon), stdin="زار تو لام هانوي")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"translit: error: {lexicon}:2: kind must be person or place, got 'animal'\n")


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and raw rows of an 8-bit RGB/RGBA non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6)
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                pa, pb, pc = abs(guess - left), abs(guess - up), abs(guess - corner)
                pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[x] = (line[x] + pred) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, rows


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_html_page_renders_right_to_left_in_a_browser(tmp_path: Path) -> None:
    page = tmp_path / "names.html"
    done = _cli("--format", "html", str(ARTICLE), "-o", str(page))
    assert done.returncode == 0, done.stderr
    shot = tmp_path / "shot.png"
    profile = tempfile.mkdtemp(dir=tmp_path)
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", f"--screenshot={shot}",
         "--window-size=1000,800", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert shot.is_file(), "chromium wrote no screenshot"
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 800)
    channels = len(rows[0]) // width

    def ink(x_from: int, x_to: int) -> int:
        count = 0
        for row in rows[: height // 2]:
            for x in range(x_from, x_to):
                if sum(row[x * channels:x * channels + 3]) < 600:
                    count += 1
        return count

    right, far_left = ink(width // 2, width), ink(0, width // 10)
    assert right > 5000, "the right half holds the text of a right-to-left page"
    assert right > 3 * far_left
    # the highlighted names: yellow pixels (red and green high, blue low)
    yellow = sum(
        1 for row in rows for x in range(width)
        if row[x * channels] > 200 and row[x * channels + 1] > 200
        and row[x * channels + 2] < 170
    )
    assert yellow > 2000
