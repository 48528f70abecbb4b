"""The ``translit`` command line, driven as users drive it: ``python -m translit``, a subprocess."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import translit
from translit.explain import explain
from translit.normalizer import MAX_NAME_LENGTH
from translit.pipeline import DecodeSettings, annotate
from translit.rows import ReadSettings, read_inputs
from translit.writers import JsonlWriter, atomic_output

ROOT = Path(translit.__file__).resolve().parent.parent
TRAN = "تران كام تو"
HANOI = "هانوي"
NOT_A_NAME = "المؤتمر"
VI = ["vi_name", "vi_probability", "vi_kind", "vi_entry", "vi_status", "vi_error"]


def run(
    cwd: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "translit", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True, cwd=cwd, env=env, timeout=120, check=False,
    )


def tsv(result: subprocess.CompletedProcess[bytes]) -> list[list[str]]:
    return [line.split("\t") for line in result.stdout.decode("utf-8").splitlines()]


def column(table: list[list[str]], name: str) -> list[str]:
    index = table[0].index(name)
    return [row[index] for row in table[1:]]


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_txt_input_gets_a_row_per_line_in_order_under_a_header(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n{NOT_A_NAME}\n\n{HANOI}\n")
    result = run(tmp_path, "normalize", "names.txt")
    table = tsv(result)
    assert result.returncode == 0, result.stderr
    assert table[0] == ["name", *VI]
    assert column(table, "name") == [TRAN, NOT_A_NAME, "", HANOI]
    assert column(table, "vi_name") == ["Trần Cẩm Tú", "", "", "Hà Nội"]
    assert column(table, "vi_status") == ["ok", "not_a_name", "not_a_name", "ok"]
    assert column(table, "vi_kind") == ["person", "", "", "place"]
    assert column(table, "vi_entry") == ["Trần Cẩm Tú", "", "", "Hà Nội"]
    assert 0.5 <= float(column(table, "vi_probability")[0]) <= 1.0


def test_every_spelling_of_one_person_gets_one_entry(tmp_path: Path) -> None:
    # (a list to deduplicate: the full name, the name news call him by, another spelling, and a
    # name no lexicon lists, which has none)
    names = ["فو نغوين جياب", "جياب", "فو نجوين زياب", "تران ثي لان"]
    write(tmp_path / "names.txt", "".join(f"{name}\n" for name in names))
    table = tsv(run(tmp_path, "normalize", "names.txt"))
    assert column(table, "vi_name")[:2] == ["Võ Nguyên Giáp", "Giáp"]
    assert column(table, "vi_entry") == ["Võ Nguyên Giáp"] * 3 + [""]


def test_stdin_is_read_when_no_file_is_given(tmp_path: Path) -> None:
    result = run(tmp_path, "normalize", stdin=f"{HANOI}\n".encode())
    assert column(tsv(result), "vi_name") == ["Hà Nội"]


def test_csv_column_by_name_keeps_every_input_cell_and_writes_csv(tmp_path: Path) -> None:
    write(tmp_path / "people.csv", f'id,name,note\n7,{TRAN},"a, quoted note"\n8,{HANOI},\n')
    result = run(tmp_path, "normalize", "people.csv", "--column", "name")
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0, result.stderr
    assert lines[0] == "id,name,note," + ",".join(VI)
    assert lines[1].endswith(",person,Trần Cẩm Tú,ok,")
    assert lines[1].startswith(f'7,{TRAN},"a, quoted note",Trần Cẩm Tú,')
    assert lines[2].startswith(f"8,{HANOI},,Hà Nội,")


def test_tsv_column_by_one_based_index(tmp_path: Path) -> None:
    write(tmp_path / "export.tsv", f"id\tarabic\n1\t{HANOI}\n2\t{TRAN}\n")
    table = tsv(run(tmp_path, "normalize", "export.tsv", "--column", "2"))
    assert table[0] == ["id", "arabic", *VI]
    assert column(table, "id") == ["1", "2"]
    assert column(table, "vi_name") == ["Hà Nội", "Trần Cẩm Tú"]


def test_jsonl_field_keeps_the_object_and_adds_vi_keys(tmp_path: Path) -> None:
    rows = [{"id": 1, "author": TRAN, "tags": ["x"]}, {"id": 2, "author": HANOI}]
    write(tmp_path / "scraped.jsonl", "".join(json.dumps(row) + "\n" for row in rows))
    result = run(tmp_path, "normalize", "scraped.jsonl", "--field", "author")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [record["id"] for record in records] == [1, 2]
    assert records[0]["tags"] == ["x"]
    assert [record["vi_name"] for record in records] == ["Trần Cẩm Tú", "Hà Nội"]
    assert isinstance(records[0]["vi_probability"], float)


def test_jsonl_line_that_is_not_an_object_is_an_error_row(tmp_path: Path) -> None:
    write(tmp_path / "bad.jsonl", f'{{"name": "{HANOI}"}}\n[1, 2]\n{{broken\n{{"other": 1}}\n')
    result = run(tmp_path, "normalize", "bad.jsonl")
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [record["vi_status"] for record in records] == ["ok", "error", "error", "error"]
    assert records[1]["vi_error"].startswith("bad.jsonl:2: ")
    assert records[2]["json"] == "{broken"
    assert "no field 'name'" in records[3]["vi_error"]


def test_top_adds_that_many_alternative_columns(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n")
    table = tsv(run(tmp_path, "normalize", "names.txt", "--top", "2"))
    assert table[0][-2:] == ["vi_alt1", "vi_alt2"]
    alternatives = table[1][-2:]
    assert all(alternatives) and "Trần Cẩm Tú" not in alternatives


def test_kind_and_gender_hints_apply_to_every_row(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", "تان جيونغ\nنجوين هونغ\n")
    table = tsv(run(tmp_path, "normalize", "names.txt"))
    assert column(table, "vi_kind") == ["person", "person"]
    table = tsv(run(tmp_path, "normalize", "names.txt", "--kind", "place"))
    assert column(table, "vi_kind") == ["place", "place"]
    assert column(table, "vi_name")[0] == "Tân Giồng"
    table = tsv(run(tmp_path, "normalize", "names.txt", "--gender", "M"))
    assert column(table, "vi_name")[1] == "Nguyễn Hùng"  # (Nguyễn Hương without the hint)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_row_may_give_its_own_gender_and_kind(tmp_path: Path, jobs: str) -> None:
    # One name read under two genders is decoded once for each; a row's own hint beats the
    # list's; an empty cell gives none; a value that is no gender flags the row.
    write(tmp_path / "names.csv", "name,sex,type\nنجوين هونغ,Nam ,\nنجوين هونغ,,\n"
          "تان جيونغ,,place\nتان جيونغ,,\nنجوين هونغ,?,\n")
    table = tsv(run(tmp_path, "normalize", "names.csv", "--gender-column", "sex",
                    "--kind-column", "3", "--output-format", "tsv", "-j", jobs))
    assert column(table, "vi_name")[:3] == ["Nguyễn Hùng", "Nguyễn Hương", "Tân Giồng"]
    assert column(table, "vi_kind")[:4] == ["person", "person", "place", "person"]
    assert column(table, "vi_status")[4] == "error"
    assert "names.csv:6: gender '?' is none of" in column(table, "vi_error")[4]
    table = tsv(run(tmp_path, "normalize", "names.csv", "--gender-column", "sex",
                    "--gender", "F", "--output-format", "tsv"))
    assert column(table, "vi_name")[:2] == ["Nguyễn Hùng", "Nguyễn Hương"]


def test_a_jsonl_key_gives_the_kind_and_a_txt_input_has_no_such_column(tmp_path: Path) -> None:
    write(tmp_path / "names.jsonl", '{"n": "تان جيونغ", "k": "place"}\n{"n": "تان جيونغ"}\n')
    table = tsv(run(tmp_path, "normalize", "names.jsonl", "--field", "n", "--kind-column", "k",
                    "--output-format", "tsv"))
    assert column(table, "vi_kind") == ["place", "person"]
    write(tmp_path / "names.txt", "تان جيونغ\n")
    result = run(tmp_path, "normalize", "names.txt", "--kind-column", "2")
    assert result.returncode == 2 and b"no gender or kind column" in result.stderr


def test_min_probability_of_one_turns_best_guesses_uncertain(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n")
    table = tsv(run(tmp_path, "normalize", "names.txt", "--min-probability", "1"))
    assert column(table, "vi_status") == ["uncertain"]
    assert column(table, "vi_name") == ["Trần Cẩm Tú"]


def test_missing_column_is_a_usage_error_naming_column_and_file(tmp_path: Path) -> None:
    write(tmp_path / "people.csv", f"id,name\n1,{TRAN}\n")
    result = run(tmp_path, "normalize", "people.csv", "--column", "nom")
    assert result.returncode == 2
    assert "people.csv:1: no column 'nom'" in result.stderr.decode()
    assert "'name'" in result.stderr.decode()
    assert result.stdout == b""


def test_ragged_csv_rows_are_error_rows_that_keep_their_cells(tmp_path: Path) -> None:
    write(tmp_path / "r.csv", f"id,name\n1,{HANOI},surplus\n2\n3,{TRAN}\n")
    result = run(tmp_path, "normalize", "r.csv", "--column", "name", "--output-format", "tsv")
    table = tsv(result)
    assert column(table, "vi_status") == ["error", "error", "ok"]
    assert column(table, "vi_error")[:2] == [
        "r.csv:2: 3 cells, but the header has 2", "r.csv:3: 1 cell, but the header has 2"]
    assert table[1][-1] == "surplus"  # after the vi_* columns, not lost
    assert "r.csv:2:" in result.stderr.decode()
    assert result.returncode == 0


def test_nul_byte_makes_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "n.csv", f"name\n{HANOI}\nab\0c\n{TRAN}\n".encode())
    table = tsv(run(tmp_path, "normalize", "n.csv", "--output-format", "tsv"))
    assert column(table, "vi_status") == ["ok", "error", "ok"]
    assert column(table, "vi_error")[1] == "n.csv:3: NUL byte at column 3"


def test_undecodable_bytes_make_an_error_row_naming_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / "u.txt", HANOI.encode() + b"\n\xff\xfe name\n" + TRAN.encode() + b"\n")
    result = run(tmp_path, "normalize", "u.txt")
    table = tsv(result)
    assert column(table, "vi_status") == ["ok", "error", "ok"]
    assert column(table, "vi_error")[1] == "u.txt:2: invalid UTF-8 byte 0xff at byte 1"
    assert "u.txt:2: invalid UTF-8" in result.stderr.decode()


def test_megabyte_line_is_an_error_row_not_a_crash(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", f"{HANOI}\n{'ب' * 1_000_000}\n{TRAN}\n")
    result = run(tmp_path, "normalize", "big.txt")
    table = tsv(result)
    assert column(table, "vi_status") == ["ok", "error", "ok"]
    assert "big.txt:2: the name is 1000000 characters long" in column(table, "vi_error")[1]
    assert len(column(table, "name")[1]) == 1_000_000


def test_empty_file_gives_header_only_and_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    result = run(tmp_path, "normalize", "empty.txt")
    assert result.returncode == 0
    assert tsv(result) == [["name", *VI]]
    assert "empty.txt: empty input, no rows" in result.stderr.decode()


def test_nonexistent_file_exits_1_naming_it_before_any_output(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{HANOI}\n")
    result = run(tmp_path, "normalize", "names.txt", "missing.txt")
    assert result.returncode == 1
    assert "missing.txt: cannot read input: no such file" in result.stderr.decode()
    assert result.stdout == b""


def test_strict_exits_1_after_writing_every_row_when_a_row_failed(tmp_path: Path) -> None:
    write(tmp_path / "u.txt", b"\xff\n" + HANOI.encode() + b"\n")
    lenient = run(tmp_path, "normalize", "u.txt")
    strict = run(tmp_path, "normalize", "u.txt", "--strict")
    assert lenient.returncode == 0
    assert strict.returncode == 1
    assert strict.stdout == lenient.stdout
    assert column(tsv(strict), "vi_status") == ["error", "ok"]


@pytest.mark.parametrize("args", [
    ["normalize", "--top", "-1"],
    ["normalize", "--min-probability", "2"],
    ["normalize", "--jobs", "0"],
    ["normalize", "--format", "xlsx"],
    ["frobnicate"],
    [],
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    assert run(tmp_path, *args).returncode == 2


def test_output_file_is_written_with_the_format_of_its_extension(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{HANOI}\n")
    result = run(tmp_path, "normalize", "names.txt", "-o", "out.jsonl")
    assert result.stdout == b""
    assert json.loads((tmp_path / "out.jsonl").read_text())["vi_name"] == "Hà Nội"
    assert [path.name for path in tmp_path.iterdir()] != []
    assert not list(tmp_path.glob(".out.jsonl.*"))


def test_failed_run_leaves_the_old_output_and_no_temp_file(tmp_path: Path) -> None:
    write(tmp_path / "a.csv", f"name\n{HANOI}\n")
    write(tmp_path / "b.csv", f"other\n{TRAN}\n")  # its header lacks the column
    write(tmp_path / "out.csv", "previous content\n")
    result = run(tmp_path, "normalize", "a.csv", "b.csv", "--column", "name", "-o", "out.csv")
    assert result.returncode == 2
    assert "b.csv:1: no column 'name'" in result.stderr.decode()
    assert (tmp_path / "out.csv").read_text() == "previous content\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.csv", "b.csv", "out.csv"]


def test_interrupted_run_leaves_no_output_file(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "translit", "normalize", "-o", "out.tsv"],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
    )
    assert process.stdin is not None
    process.stdin.write(f"{HANOI}\n".encode() * 1000)
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.tsv.*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    started = bool(list(tmp_path.glob(".out.tsv.*")))
    if not started:
        process.kill()
        process.communicate(timeout=60)
    assert started, "the run never created its temporary file"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert list(tmp_path.iterdir()) == []


def test_two_jobs_write_the_same_output_as_one(tmp_path: Path) -> None:
    names = [TRAN, HANOI, NOT_A_NAME, "نجوين ثي ثوي نجان", "فام مينه تشينه", "", "هو تشي مينه"]
    write(tmp_path / "many.txt", "".join(f"{names[i * 7 % len(names)]}\n" for i in range(700)))
    one = run(tmp_path, "normalize", "many.txt", "--jobs", "1", "--top", "1")
    two = run(tmp_path, "normalize", "many.txt", "--jobs", "2", "--top", "1")
    assert one.returncode == two.returncode == 0
    assert two.stdout == one.stdout
    assert len(tsv(two)) == 701


def test_summary_line_counts_rows_by_status(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n{NOT_A_NAME}\n".encode() + b"\xff\n")
    stderr = run(tmp_path, "normalize", "names.txt").stderr.decode().splitlines()
    assert stderr[-1].startswith(
        "translit: 3 rows: 1 ok, 0 uncertain, 1 not_a_name, 1 errors in ")
    assert stderr[-1].endswith(" rows/s)")


def test_quiet_prints_no_summary_and_no_progress(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n")
    result = run(tmp_path, "normalize", "names.txt", "--quiet")
    assert result.stderr == b""
    assert column(tsv(result), "vi_name") == ["Trần Cẩm Tú"]


def test_explain_shows_tokens_readings_and_syllables(tmp_path: Path) -> None:
    result = run(tmp_path, "explain", TRAN)
    text = result.stdout.decode()
    assert result.returncode == 0
    assert "tokens    تران | كام | تو" in text
    assert "Trần Cẩm Tú" in text
    for syllable in ("trần", "cẩm", "tú"):
        assert syllable in text
    assert "channel_logp" in text and "prior_logp" in text


def test_explain_names_the_words_left_out_of_the_reading() -> None:
    assert "left out  السيد" in explain("السيد تران كام تو")
    assert "left out  former | PM" in explain("Phan Văn Khải (former PM)")
    assert "left out" not in explain(TRAN)
    assert "left out" not in explain("فان آن")  # (آن is read from ان)
    assert "left out  السيد | هانوي" in explain("السيد نغوين فان آن، هانوي")  # (not ها+ان)


def test_explain_says_when_input_is_not_a_name(tmp_path: Path) -> None:
    assert "not a Vietnamese name" in run(tmp_path, "explain", NOT_A_NAME).stdout.decode()


def test_version_and_help_with_examples_on_every_command(tmp_path: Path) -> None:
    assert run(tmp_path, "--version").stdout.decode().strip() == f"translit {translit.__version__}"
    for command in ([], ["normalize"], ["explain"]):
        text = run(tmp_path, *command, "--help").stdout.decode()
        assert "examples:" in text


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")


@pytest.mark.parametrize(("args", "lines"), [
    (["normalize"], f"{HANOI}\n" * 20_000),
    (["normalize", "--jobs", "2"], f"{HANOI}\n" * 20_000),
    (["to-arabic"], "Hà Nội\n" * 20_000),
    (["annotate"], f"زار {HANOI}.\n" * 20_000),
], ids=["normalize", "normalize-jobs", "to-arabic", "annotate"])
def test_closed_pipe_stops_quietly_like_head(
    tmp_path: Path, args: list[str], lines: str
) -> None:
    source = write(tmp_path / "in.txt", lines)
    with open(source, "rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "translit", *args], stdin=stdin, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=tmp_path, env=_env(),
        )
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()  # what `| head -1` reads before it exits
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=120)
    assert first
    assert stderr == b""
    assert process.returncode == 141  # 128 + SIGPIPE, what a shell reports for such a tool


BAD_LEXICON = "name\tkind\nTrần Cẩm Tú\tperson\nHà Nội\tanimal\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_lexicon_row_exits_2_naming_file_and_line_before_any_output(
    tmp_path: Path, jobs: str
) -> None:
    write(tmp_path / "extra.tsv", BAD_LEXICON)
    write(tmp_path / "names.txt", f"{TRAN}\n")
    result = run(tmp_path, "normalize", "names.txt", "--lexicon", "extra.tsv", "--jobs", jobs)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        "translit: error: extra.tsv:3: kind must be person or place, got 'animal'\n")


@pytest.mark.parametrize("command", [
    ["normalize", "names.txt"], ["normalize", "names.txt", "-j", "2"], ["explain", TRAN],
    ["annotate", "names.txt"],
])
def test_missing_lexicon_exits_2_naming_it(tmp_path: Path, command: list[str]) -> None:
    write(tmp_path / "names.txt", f"{TRAN}\n")
    result = run(tmp_path, *command, "--lexicon", "nowhere.tsv")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == "translit: error: nowhere.tsv: file not found\n"


def test_lexicon_that_is_a_directory_exits_2_naming_it(tmp_path: Path) -> None:
    (tmp_path / "lexicons").mkdir()
    result = run(tmp_path, "explain", TRAN, "--lexicon", "lexicons")
    assert result.returncode == 2
    assert result.stderr.decode().startswith("translit: error: lexicons: cannot read: ")


def test_output_over_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{HANOI}\n")
    write(tmp_path / "out.tsv", "previous content\n").chmod(0o640)
    result = run(tmp_path, "normalize", "names.txt", "-o", "out.tsv")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.tsv").stat().st_mode & 0o7777 == 0o640
    assert "Hà Nội" in (tmp_path / "out.tsv").read_text()


def test_new_output_file_gets_the_mode_the_umask_allows(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{HANOI}\n")
    subprocess.run(
        [sys.executable, "-m", "translit", "normalize", "names.txt", "-o", "out.tsv"],
        cwd=tmp_path, env=_env(), capture_output=True, timeout=120, check=True,
        preexec_fn=lambda: os.umask(0o027),  # the child's own umask
    )
    assert (tmp_path / "out.tsv").stat().st_mode & 0o7777 == 0o640


def test_atomic_output_never_changes_the_process_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def umask(mask: int) -> int:
        raise AssertionError("the umask is process-wide: other threads would see it change")

    monkeypatch.setattr(os, "umask", umask)
    with atomic_output(tmp_path / "out.txt") as stream:
        stream.write("text\n")
    assert (tmp_path / "out.txt").read_text() == "text\n"


def test_output_into_a_missing_directory_exits_1_naming_the_path(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", f"{HANOI}\n")
    result = run(tmp_path, "normalize", "names.txt", "-o", "missing/out.tsv")
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "translit: missing/out.tsv: cannot write output: No such file or directory\n")


def test_cell_over_the_library_limit_is_an_error_row_naming_the_limit(tmp_path: Path) -> None:
    long_name = " ".join([TRAN] * 30)  # about 330 characters: the library reads no name in it
    assert len(long_name) > MAX_NAME_LENGTH
    write(tmp_path / "names.csv", f"id,name\n1,{long_name}\n2,{TRAN}\n")
    table = tsv(run(tmp_path, "normalize", "names.csv", "--column", "name",
                    "--output-format", "tsv"))
    assert column(table, "vi_status") == ["error", "ok"]
    assert column(table, "vi_error")[0] == (
        f"names.csv:2: the name is {len(long_name)} characters long, "
        f"over the limit of {MAX_NAME_LENGTH}")


def test_megabyte_csv_cell_is_an_error_row_not_a_csv_error(tmp_path: Path) -> None:
    write(tmp_path / "big.csv", f"id,name\n1,{'ب' * 1_000_000}\n2,{HANOI}\n")
    table = tsv(run(tmp_path, "normalize", "big.csv", "--output-format", "tsv", "--column", "2"))
    assert column(table, "vi_status") == ["error", "ok"]
    assert column(table, "vi_error")[0].startswith("big.csv:2: the name is 1000000 characters")


def test_reading_rows_leaves_the_csv_field_limit_as_it_was() -> None:
    code = ("import csv, io\n"
            "from translit.rows import ReadSettings, read_inputs\n"
            "before = csv.field_size_limit()\n"
            "data = ('name\\n' + 'x' * 200_000 + '\\n').encode()\n"
            "inputs = read_inputs([('a.csv', io.BytesIO(data))], settings=ReadSettings())\n"
            "rows = list(inputs.rows)\n"
            "print(before, csv.field_size_limit(), len(rows[0].name))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120, check=True)
    assert done.stdout.split() == ["131072", "131072", "200000"]


def test_explain_takes_the_normalizer_by_keyword_and_defaults_to_the_shared_one() -> None:
    assert "Trần Cẩm Tú" in explain(TRAN, k=1)
    assert "Trần Cẩm Tú" in explain(TRAN, normalizer=translit.Normalizer(), k=1)
    with pytest.raises(TypeError):
        explain(TRAN, translit.Normalizer())  # type: ignore[misc]


def test_library_modules_hold_no_command_line_code() -> None:
    code = ("import sys, translit.forward, translit.annotate\n"
            "print('argparse' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), timeout=120, check=True)
    assert done.stdout.strip() == "False"


# Lines of any characters but the line feed (which ends a line) and lone surrogates (not text).
LINES = st.lists(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\n\r"),
            max_size=12)
    | st.sampled_from([TRAN, HANOI, NOT_A_NAME, "", " ", "\u2028", "a\x00b", "\x85"]),
    max_size=30,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_every_input_line_comes_out_once_in_order(lines: list[str]) -> None:
    data = "".join(f"{line}\n" for line in lines).encode()
    inputs = read_inputs([("lines.txt", io.BytesIO(data))], settings=ReadSettings())
    out = io.StringIO()
    writer = JsonlWriter(out, top=0)
    writer.header(inputs.columns)
    for row, annotation in annotate(inputs.rows, settings=DecodeSettings(), chunk_size=7):
        writer.row(row, annotation)
    records = [json.loads(line) for line in out.getvalue().split("\n")[:-1]]
    assert [record["name"] for record in records] == [line.replace("\0", "\ufffd")
                                                       for line in lines]
    assert all(record["vi_status"] in {"ok", "uncertain", "not_a_name", "error"}
               for record in records)
