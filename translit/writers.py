"""Writing annotated rows as tsv, csv or jsonl, and writing an output file atomically.

Each input row comes out unchanged with the ``vi_*`` columns appended. TSV is written without
quoting (as ``cut`` and ``awk`` expect): a tab or line break inside a cell, possible only in cells
read from csv or jsonl, is written as the two characters ``\\t``, ``\\n`` or ``\\r``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import secrets
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TextIO

from translit.rows import InputRow

OutputFormat = Literal["tsv", "csv", "jsonl"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("tsv", "csv", "jsonl")
VI_COLUMNS = ("vi_name", "vi_probability", "vi_kind", "vi_entry", "vi_status", "vi_error")
_TSV_ESCAPES = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True, slots=True)
class Annotation:
    """What the CLI adds to a row: ``status`` is ok, uncertain, not_a_name or error."""

    status: str
    text: str = ""
    probability: float | None = None
    kind: str = ""
    alternatives: tuple[str, ...] = ()
    entry: str = ""
    error: str = ""


def vi_columns(top: int) -> tuple[str, ...]:
    """The appended column names; ``top`` alternatives add ``vi_alt1`` … ``vi_alt<top>``.

    >>> vi_columns(2)[-2:]
    ('vi_alt1', 'vi_alt2')
    """
    return VI_COLUMNS + tuple(f"vi_alt{rank}" for rank in range(1, top + 1))


def _vi_values(annotation: Annotation, top: int) -> list[str]:
    probability = "" if annotation.probability is None else f"{annotation.probability:.4f}"
    alternatives = list(annotation.alternatives[:top])
    alternatives += [""] * (top - len(alternatives))
    return [annotation.text, probability, annotation.kind, annotation.entry, annotation.status,
            annotation.error, *alternatives]


class RowWriter(Protocol):
    """Writes a header (when the input had one) then one line per row."""

    def header(self, columns: tuple[str, ...] | None) -> None: ...

    def row(self, row: InputRow, annotation: Annotation) -> None: ...


class DelimitedWriter:
    """TSV or CSV: the input cells, then the ``vi_*`` cells, then a ragged row's extra cells
    (so the ``vi_*`` columns stay under their headers and no cell is dropped)."""

    def __init__(self, stream: TextIO, *, format: OutputFormat, top: int) -> None:
        self._stream = stream
        self._top = top
        self._csv = csv.writer(stream, lineterminator="\n") if format == "csv" else None

    def _write(self, cells: list[str]) -> None:
        if self._csv is not None:
            self._csv.writerow(cells)
        else:
            self._stream.write("\t".join(cell.translate(_TSV_ESCAPES) for cell in cells) + "\n")

    def header(self, columns: tuple[str, ...] | None) -> None:
        if columns is not None:
            self._write([*columns, *vi_columns(self._top)])

    def row(self, row: InputRow, annotation: Annotation) -> None:
        self._write([*row.cells, *_vi_values(annotation, self._top), *row.extra])


class JsonlWriter:
    """JSON lines: the input object (or the row's cells keyed by the header) plus ``vi_*`` keys;
    a line that was not a JSON object is kept as a string under ``json``."""

    def __init__(self, stream: TextIO, *, top: int) -> None:
        self._stream = stream
        self._top = top
        self._columns: tuple[str, ...] | None = None

    def header(self, columns: tuple[str, ...] | None) -> None:
        self._columns = columns

    def row(self, row: InputRow, annotation: Annotation) -> None:
        if row.record is not None:
            record = dict(row.record)
        else:
            keys = self._columns or tuple(str(n) for n in range(1, len(row.cells) + 1))
            record = dict(zip(keys, row.cells))
        values: list[object] = list(_vi_values(annotation, self._top))
        values[1] = None if annotation.probability is None else round(annotation.probability, 4)
        record.update(zip(vi_columns(self._top), values))
        if row.extra:
            record["vi_extra"] = list(row.extra)
        self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def make_writer(stream: TextIO, *, format: OutputFormat, top: int) -> RowWriter:
    """The writer for ``format`` (tsv, csv or jsonl)."""
    if format == "jsonl":
        return JsonlWriter(stream, top=top)
    return DelimitedWriter(stream, format=format, top=top)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[TextIO]:
    """A text stream whose content appears at ``path`` only if the block completes.

    It writes to a temporary file beside ``path`` and renames it over ``path`` at the end, so an
    interrupted or failed run leaves the old file (or none), never a half-written one; the
    temporary file is removed on failure. A file replaced keeps its permission bits; a new one
    gets those a plain ``open()`` would give it. An ``OSError`` of its own (a missing folder, a
    full disk) names ``path``, not the temporary file.
    """
    target = Path(path)
    try:
        kept_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        kept_mode = None
    except OSError as error:
        raise _naming(error, path) from error
    try:
        handle, temporary = _create_beside(target)
    except OSError as error:
        raise _naming(error, path) from error
    try:
        with open(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as error:
                raise _naming(error, path) from error
        try:
            if kept_mode is not None:
                os.chmod(temporary, kept_mode)
            os.replace(temporary, target)
        except OSError as error:
            raise _naming(error, path) from error
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _create_beside(target: Path) -> tuple[int, Path]:
    """A new, empty temporary file in ``target``'s folder, opened for writing.

    Created with mode 0o666 as a plain ``open()`` would be, so the kernel applies the umask:
    the umask is never read or changed (it is process-wide, other threads would see it change).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target))


def _naming(error: OSError, path: str | Path) -> OSError:
    """The same error, naming the output path the user gave."""
    return type(error)(error.errno, error.strerror, str(path))
