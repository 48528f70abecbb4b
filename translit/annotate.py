"""Vietnamese names found in Arabic documents, written as spans, marked-up text or a list.

Formats: ``jsonl`` (one span a line, with file and offsets), ``markdown`` (the text with each name
followed by its Vietnamese form: «تران كام تو (Trần Cẩm Tú)»), ``html`` (a right-to-left page with
names in ``<mark>`` and their Vietnamese form after them) and ``tsv`` (distinct names with counts).
:func:`write` writes to the stream it is given; ``translit annotate`` (:mod:`translit.cli`) reads
the files and opens the output.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from translit.text import NameFinder
from translit.types import Span

FORMATS = ("jsonl", "markdown", "html", "tsv")

_STYLE = """\
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif;
       max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.9; font-size: 1.1rem; }
mark { background: #ffe58a; padding: 0 .15em; border-radius: .2em; }
.vi { font-family: "Noto Sans", "DejaVu Sans", sans-serif; color: #1a4f8b; font-size: .9em;
      margin-inline-start: .3em; }
.vi.place { color: #1d6b35; }
h1 { font-size: 1.2rem; color: #555; }
"""


@dataclass(frozen=True, slots=True)
class Document:
    """One input: its name (a path or ``<stdin>``) and its text."""

    name: str
    text: str


def write(
    stream: TextIO, documents: Iterable[Document], finder: NameFinder | None = None, *,
    format: str = "jsonl", url: str | None = None,
) -> None:
    """Write the names of ``documents`` to ``stream`` in one of :data:`FORMATS`.

    >>> import io
    >>> out = io.StringIO()
    >>> write(out, [Document("a", "زار تو لام هانوي")], format="markdown")
    >>> out.getvalue()
    'زار تو لام (Tô Lâm) هانوي (Hà Nội)\\n'
    """
    finder = finder or NameFinder()
    documents = list(documents)
    if format == "jsonl":
        for document in documents:
            for span in finder.iter_spans(document.text, url=url):
                stream.write(json.dumps(_record(document.name, span), ensure_ascii=False) + "\n")
    elif format == "markdown":
        for document in documents:
            if len(documents) > 1:
                stream.write(f"## {document.name}\n\n")
            stream.write(_marked(document.text, finder.iter_spans(document.text, url=url)))
            if not document.text.endswith("\n"):
                stream.write("\n")
    elif format == "html":
        _write_html(stream, documents, finder, url)
    elif format == "tsv":
        _write_tsv(stream, documents, finder, url)
    else:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {format!r}")


def _record(name: str, span: Span) -> dict[str, object]:
    return {
        "file": name, "start": span.start, "end": span.end, "arabic": span.source,
        "vietnamese": span.match.text, "kind": span.match.kind,
        "probability": round(span.match.probability, 4), "known": span.match.known,
        "gender": span.match.gender, "cue": span.cue,
    }


def _marked(text: str, spans: Iterable[Span]) -> str:
    pieces = []
    cursor = 0
    for span in spans:
        pieces.append(text[cursor:span.end])
        pieces.append(f" ({span.match.text})")
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _write_html(
    stream: TextIO, documents: list[Document], finder: NameFinder, url: str | None
) -> None:
    title = html.escape(documents[0].name if len(documents) == 1 else "translit annotate")
    stream.write('<!DOCTYPE html>\n<html dir="rtl" lang="ar">\n<head>\n<meta charset="utf-8">\n'
                 f"<title>{title}</title>\n<style>\n{_STYLE}</style>\n</head>\n<body>\n")
    for document in documents:
        stream.write(f"<article>\n<h1>{html.escape(document.name)}</h1>\n<p>")
        text = document.text
        cursor = 0
        for span in finder.iter_spans(text, url=url):
            stream.write(_html_text(text[cursor:span.start]))
            tip = f"{span.match.kind}, p={span.match.probability:.2f}"
            if span.cue:
                tip += f", {span.cue}"
            stream.write(
                f'<mark title="{html.escape(tip)}">{html.escape(span.source)}</mark> '
                f'<span class="vi {span.match.kind}" dir="ltr">'
                f"({html.escape(span.match.text)})</span>"
            )
            cursor = span.end
        stream.write(_html_text(text[cursor:]))
        stream.write("</p>\n</article>\n")
    stream.write("</body>\n</html>\n")


def _html_text(text: str) -> str:
    """Escaped text whose blank lines start new paragraphs and other newlines break lines."""
    escaped = html.escape(text)
    return escaped.replace("\n\n", "</p>\n<p>").replace("\n", "<br>\n")


@dataclass(slots=True)
class _Tally:
    kind: str
    known: bool
    count: int = 0
    spellings: Counter[str] = field(default_factory=Counter)


def _write_tsv(
    stream: TextIO, documents: list[Document], finder: NameFinder, url: str | None
) -> None:
    names: dict[tuple[str, str], _Tally] = {}
    for document in documents:
        for span in finder.iter_spans(document.text, url=url):
            key = (span.match.text, span.match.kind)
            tally = names.setdefault(key, _Tally(span.match.kind, span.match.known))
            tally.count += 1
            tally.spellings[span.source] += 1
    stream.write("vietnamese\tkind\tcount\tknown\tarabic\n")
    for (text, _), tally in sorted(names.items(), key=lambda item: (-item[1].count, item[0])):
        spellings = "|".join(spelling for spelling, _ in tally.spellings.most_common())
        known = "yes" if tally.known else "no"
        stream.write(f"{text}\t{tally.kind}\t{tally.count}\t{known}\t{spellings}\n")

