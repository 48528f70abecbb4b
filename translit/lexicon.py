"""Reading the TSV lexicons: ``#`` comment lines on top, one header row, tab-separated rows.

Errors name the file and the line (:class:`LexiconError`). The packaged lexicons are found both in
an installed wheel (``translit/lexicons``) and in a source checkout (top-level ``lexicons/``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


class LexiconError(ValueError):
    """A lexicon file is missing, malformed, or holds a value that cannot be used."""


Row = dict[str, str]


def lexicon_dir() -> Traversable:
    """The folder of the shipped lexicons, installed or in a checkout."""
    packaged = resources.files("translit") / "lexicons"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "lexicons"
    if checkout.is_dir():
        return checkout
    raise LexiconError(f"lexicon folder not found (looked in {packaged} and {checkout})")


def read_rows(
    source: Traversable | Path | str, *, required: Sequence[str] = (), name: str | None = None
) -> Iterator[tuple[int, Row]]:
    """Yield ``(line number, row)`` for each data row; values are NFC-normalised and stripped.

    ``required`` columns must be in the header; a row with more cells than the header is an error,
    a row with fewer gets empty strings for the missing trailing cells.
    """
    path = Path(source) if isinstance(source, str) else source
    label = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise LexiconError(f"{label}: file not found") from error
    except UnicodeDecodeError as error:
        raise LexiconError(f"{label}: not UTF-8 ({error.reason})") from error
    except OSError as error:  # a folder, no permission
        raise LexiconError(f"{label}: cannot read: {error.strerror or error}") from error
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [unicodedata.normalize("NFC", cell.strip()) for cell in line.split("\t")]
        if header is None:
            header = cells
            missing = [column for column in required if column not in header]
            if missing:
                raise LexiconError(f"{label}:{number}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{label}:{number}: {len(cells)} cells but the header has {len(header)}"
            )
        cells += [""] * (len(header) - len(cells))
        yield number, dict(zip(header, cells))
    if header is None:
        raise LexiconError(f"{label}: no header row")


def shipped_rows(filename: str, *, required: Sequence[str] = ()) -> Iterator[tuple[int, Row]]:
    """Rows of a lexicon shipped with the package; an absent optional file yields nothing."""
    path = lexicon_dir() / filename
    if not path.is_file():
        return iter(())
    return read_rows(path, required=required, name=f"lexicons/{filename}")


def parse_float(value: str, *, where: str, default: float | None = None) -> float:
    """A float cell; empty gives ``default`` (an error when there is none)."""
    if not value and default is not None:
        return default
    try:
        number = float(value)
    except ValueError as error:
        raise LexiconError(f"{where}: {value!r} is not a number") from error
    if number != number or number < 0:
        raise LexiconError(f"{where}: {value!r} must be a non-negative number")
    return number
