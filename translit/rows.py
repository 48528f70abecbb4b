"""Reading rows of names from txt, csv, tsv and jsonl files, one row per record, nothing dropped.

A bad record (undecodable bytes, a NUL byte, a ragged row, invalid JSON, an over-long name) is
not skipped: it becomes an :class:`InputRow` whose ``error`` names the file and line, so the writer
still emits exactly one output row for it. Only a problem that spoils a whole file (a
``--column`` the header lacks) raises :class:`InputError`.

>>> import io
>>> data = "id,name\\n1,تران كام تو\\n".encode()
>>> inputs = read_inputs([("names.csv", io.BytesIO(data))], settings=ReadSettings(column="name"))
>>> inputs.columns, [(row.where, row.name) for row in inputs.rows]
(('id', 'name'), [('names.csv:2', 'تران كام تو')])
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO, Literal, TypeVar

from translit.normalizer import MAX_NAME_LENGTH
from translit.types import Gender, Kind

Format = Literal["txt", "csv", "tsv", "jsonl"]
FORMATS: tuple[Format, ...] = ("txt", "csv", "tsv", "jsonl")
_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# The single column of a txt input and of a jsonl input written as csv/tsv (the line unchanged).
TXT_COLUMN = "name"
JSONL_COLUMN = "json"
# A csv field can be as large as a line: a 1 MB cell must be read and reported, not stop the
# reader. (The csv module's limit is process-wide, so it is raised only while a record is read.)
CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
# The values a gender or kind column may hold, as exports write them (English, Vietnamese,
# Arabic; case, normal form and surrounding spaces ignored); an empty cell gives no hint.
GENDER_VALUES: dict[str, Gender] = {
    "m": "M", "male": "M", "man": "M", "nam": "M", "ذكر": "M",
    "f": "F", "female": "F", "woman": "F", "nữ": "F", "nu": "F", "أنثى": "F", "انثى": "F",
}
KIND_VALUES: dict[str, Kind] = {"person": "person", "place": "place"}
_Hint = TypeVar("_Hint")


class InputError(ValueError):
    """A problem that spoils a whole input (e.g. a missing column); the message names file:line."""


@dataclass(frozen=True, slots=True)
class ReadSettings:
    """How to read the inputs: ``column`` is a header name or a 1-based index (csv/tsv),
    ``field`` a key of each JSON object (jsonl); ``None`` means the first one."""

    format: Format | None = None
    column: str | None = None
    field: str | None = None
    header: bool = True
    # The library reads no name in a longer input: such a cell is an error row, not not_a_name.
    max_name_length: int = MAX_NAME_LENGTH
    # Columns (csv/tsv: header name or 1-based index; jsonl: key) that give each row's gender
    # and kind (GENDER_VALUES, KIND_VALUES).
    gender_column: str | None = None
    kind_column: str | None = None


@dataclass(frozen=True, slots=True)
class InputRow:
    """One input record: ``cells`` line up with the header, ``extra`` holds the cells of a ragged
    row beyond the header's width, ``record`` is the parsed object of a jsonl line; ``gender``
    and ``kind`` are the row's own hints (from its gender and kind columns)."""

    where: str
    cells: tuple[str, ...]
    name: str
    error: str = ""
    extra: tuple[str, ...] = ()
    record: dict[str, object] | None = None
    gender: Gender | None = None
    kind: Kind | None = None


@dataclass(frozen=True, slots=True)
class Inputs:
    """The header shared by all inputs (``None`` when they have none) and their rows, lazily."""

    format: Format
    columns: tuple[str, ...] | None
    rows: Iterator[InputRow]


def format_of(path: str, *, default: Format = "txt") -> Format:
    """The format named by a file extension (``names.csv`` → ``csv``), else ``default``."""
    dot = path.rfind(".")
    return _EXTENSIONS.get(path[dot:].lower(), default) if dot > 0 else default


def read_inputs(
    sources: Iterable[tuple[str, BinaryIO]],
    *,
    settings: ReadSettings,
    warn: Callable[[str], None] = lambda message: None,
) -> Inputs:
    """Chain the rows of several ``(label, binary stream)`` sources under the first one's header.

    The first sources are read up to their header at once (so a missing column is reported before
    any output); later ones are opened as the rows are consumed. A later header that differs from
    the first is reported through ``warn`` and its rows are written by position.
    """
    pending = iter(sources)
    opened: list[_Table] = []
    for label, stream in pending:
        opened.append(_open_table(label, stream, settings))
        if opened[-1].columns is not None:
            break
    fmt = opened[0].format if opened else settings.format or "txt"
    columns = next((table.columns for table in opened if table.columns is not None), None)
    if not settings.header and columns is not None:
        columns = None

    def tables() -> Iterator[_Table]:
        yield from opened
        for label, stream in pending:
            table = _open_table(label, stream, settings)
            if settings.header and table.columns is not None and table.columns != columns:
                warn(f"{label}:{table.header_line}: header differs from the first input's; "
                     "its rows are written by position")
            yield table

    def rows() -> Iterator[InputRow]:
        for table in tables():
            count = 0
            for count, row in enumerate(table.rows, start=1):  # noqa: B007
                yield row
            if count == 0:
                warn(f"{table.label}: empty input, no rows")

    return Inputs(fmt, columns, rows())


@dataclass(frozen=True, slots=True)
class _Table:
    label: str
    format: Format
    columns: tuple[str, ...] | None
    header_line: int
    rows: Iterator[InputRow]


def _open_table(label: str, stream: BinaryIO, settings: ReadSettings) -> _Table:
    fmt = settings.format or format_of(label)
    lines = _Lines(stream, label)
    if fmt == "txt":
        if settings.gender_column is not None or settings.kind_column is not None:
            raise InputError(f"{label}: a txt input has one name a line and no gender or kind "
                             "column (use csv, tsv or jsonl)")
        return _Table(label, fmt, (TXT_COLUMN,), 0, _txt_rows(lines, settings))
    if fmt == "jsonl":
        return _Table(label, fmt, (JSONL_COLUMN,), 0, _jsonl_rows(lines, settings))
    records = _delimited_records(lines, "," if fmt == "csv" else "\t")
    first = next(records, None)
    if first is None:
        return _Table(label, fmt, None, 0, iter(()))
    number, cells, _ = first
    where = f"{label}:{number}"
    if settings.header:
        columns = tuple(cells)
        indexes = _indexes(columns, settings, where=where)
        return _Table(label, fmt, columns, number, _delimited_rows(records, label, columns,
                                                                   indexes, settings))
    width = tuple(str(position) for position in range(1, len(cells) + 1))
    indexes = _indexes(width, settings, where=where, by_name=False)
    rows = _delimited_rows(_prepend(first, records), label, width, indexes, settings)
    return _Table(label, fmt, width, number, rows)


def _indexes(
    columns: tuple[str, ...], settings: ReadSettings, *, where: str, by_name: bool = True
) -> tuple[int, int | None, int | None]:
    """The name's column, and the gender's and the kind's (``None`` when not asked for)."""
    hints = [
        None if wanted is None else _column_index(columns, wanted, where=where, by_name=by_name)
        for wanted in (settings.gender_column, settings.kind_column)
    ]
    name = _column_index(columns, settings.column, where=where, by_name=by_name)
    return name, hints[0], hints[1]


def _column_index(
    columns: tuple[str, ...], wanted: str | None, *, where: str, by_name: bool = True
) -> int:
    """Where the name is: a header name first, else a 1-based index (as csvkit and xsv count)."""
    if wanted is None:
        return 0
    if by_name and wanted in columns:
        return columns.index(wanted)
    if wanted.isdigit() and 1 <= int(wanted) <= len(columns):
        return int(wanted) - 1
    listed = ", ".join(repr(column) for column in columns)
    raise InputError(f"{where}: no column {wanted!r} (the header has {listed})")


class _Lines:
    """Physical lines of a byte stream, decoded one by one so a bad byte spoils one line only.

    Iterating yields the text with its line ending; ``number`` is the number of the last line
    yielded and ``problems`` collects what was wrong with the lines since the last ``take()``.
    """

    def __init__(self, stream: BinaryIO, label: str) -> None:
        self._stream = stream
        self.label = label
        self.number = 0
        self.problems: list[str] = []

    def __iter__(self) -> Iterator[str]:
        for raw in self._stream:
            self.number += 1
            if self.number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]  # Excel's UTF-8 byte-order mark is not part of the first cell
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                self.problems.append(f"{self.label}:{self.number}: invalid UTF-8 byte "
                                     f"0x{raw[error.start]:02x} at byte {error.start + 1}")
                text = raw.decode("utf-8", errors="replace")
            if "\0" in text:
                self.problems.append(f"{self.label}:{self.number}: NUL byte at column "
                                     f"{text.index(chr(0)) + 1}")
                text = text.replace("\0", "\ufffd")
            yield text

    def take(self) -> str:
        """The problems seen since the last call, joined (empty when there were none)."""
        found, self.problems = "; ".join(self.problems), []
        return found


def _strip_ending(text: str) -> str:
    return text[:-1].removesuffix("\r") if text.endswith("\n") else text


def _hint(
    value: object, values: Mapping[str, _Hint], what: str, where: str
) -> tuple[_Hint | None, str]:
    """A row's gender or kind from its cell (``None`` when empty or absent), and the error when
    the cell holds something else."""
    if value is None:
        return None, ""
    text = unicodedata.normalize("NFC", value).strip().lower() if isinstance(value, str) else None
    if text == "":
        return None, ""
    found = values.get(text) if text is not None else None
    if found is None:
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:40] + "…"
        return None, f"{where}: {what} {shown} is none of {', '.join(values)} (or empty)"
    return found, ""


def _hints(
    gender_cell: object, kind_cell: object, where: str
) -> tuple[Gender | None, Kind | None, str]:
    gender, gender_error = _hint(gender_cell, GENDER_VALUES, "gender", where)
    kind, kind_error = _hint(kind_cell, KIND_VALUES, "kind", where)
    return gender, kind, gender_error or kind_error


def _check_name(name: str, where: str, settings: ReadSettings) -> str:
    if len(name) > settings.max_name_length:
        return (f"{where}: the name is {len(name)} characters long, over the limit of "
                f"{settings.max_name_length}")
    return ""


def _txt_rows(lines: _Lines, settings: ReadSettings) -> Iterator[InputRow]:
    for text in lines:
        where = f"{lines.label}:{lines.number}"
        name = _strip_ending(text)
        error = lines.take() or _check_name(name, where, settings)
        yield InputRow(where, (name,), name, error)


def _jsonl_rows(lines: _Lines, settings: ReadSettings) -> Iterator[InputRow]:
    field = settings.field
    for text in lines:
        where = f"{lines.label}:{lines.number}"
        raw = _strip_ending(text)
        if not raw.strip():
            lines.take()
            continue  # blank lines separate nothing in JSON lines (jq skips them too)
        error = lines.take()
        record: dict[str, object] | None = None
        name = ""
        try:
            parsed = json.loads(raw)
        except json.JSONDecodeError as problem:
            error = error or f"{where}: invalid JSON ({problem.msg} at column {problem.colno})"
        else:
            if not isinstance(parsed, dict):
                error = error or f"{where}: a JSON {type(parsed).__name__}, not an object"
            else:
                record = parsed
                if field is None and parsed:
                    field = next(iter(parsed))
                value = parsed.get(field) if field is not None else None
                if isinstance(value, str):
                    name = value
                    error = error or _check_name(name, where, settings)
                elif field is None or field not in parsed:
                    error = error or f"{where}: no field {field!r}"
                else:
                    error = error or f"{where}: field {field!r} is not a string"
        gender, kind, hint_error = _hints(
            record.get(settings.gender_column) if record and settings.gender_column else None,
            record.get(settings.kind_column) if record and settings.kind_column else None, where,
        )
        yield InputRow(where, (raw,), name, error or hint_error, record=record, gender=gender,
                       kind=kind)


def _delimited_records(lines: _Lines, delimiter: str) -> Iterator[tuple[int, list[str], str]]:
    """``(first line number, cells, problems)`` of each non-blank record."""
    if delimiter == "\t":
        # TSV is read as IANA TSV: no quoting, a record is a line.
        for text in lines:
            stripped = _strip_ending(text)
            problems = lines.take()
            if stripped or problems:
                yield lines.number, stripped.split("\t"), problems
        return
    feed = iter(lines)
    reader = csv.reader(feed, delimiter=delimiter)
    while True:
        start = lines.number + 1
        problem: csv.Error | None = None
        previous_limit = csv.field_size_limit(CSV_FIELD_LIMIT)
        try:
            cells = next(reader, None)
        except csv.Error as error:
            cells, problem = [], error
        finally:
            csv.field_size_limit(previous_limit)
        if cells is None:
            return
        if problem is not None:
            yield start, [], f"{lines.label}:{start}: {problem}"
            continue
        problems = lines.take()
        if cells or problems:
            yield start, cells, problems


def _cells(count: int) -> str:
    return "1 cell" if count == 1 else f"{count} cells"


def _prepend(
    first: tuple[int, list[str], str], rest: Iterator[tuple[int, list[str], str]]
) -> Iterator[tuple[int, list[str], str]]:
    yield first
    yield from rest


def _delimited_rows(
    records: Iterator[tuple[int, list[str], str]],
    label: str,
    columns: tuple[str, ...],
    indexes: tuple[int, int | None, int | None],
    settings: ReadSettings,
) -> Iterator[InputRow]:
    """The rows of a csv/tsv table; ``indexes``: the name's column, the gender's and the
    kind's (``None``: no such column)."""
    width = len(columns)
    index, gender_index, kind_index = indexes
    for number, cells, problems in records:
        where = f"{label}:{number}"
        error = problems
        if not error and len(cells) != width:
            error = f"{where}: {_cells(len(cells))}, but the header has {width}"
        padded = tuple(cells[:width]) + ("",) * (width - len(cells))
        name = padded[index]
        if not error and "\n" in name:
            error = f"{where}: the name spans several lines (an unbalanced quote?)"
        error = error or _check_name(name, where, settings)
        gender, kind, hint_error = _hints(
            None if gender_index is None else padded[gender_index],
            None if kind_index is None else padded[kind_index], where,
        )
        yield InputRow(where, padded, name, error or hint_error, extra=tuple(cells[width:]),
                       gender=gender, kind=kind)
