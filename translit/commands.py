"""The subcommands of ``translit``: each a :class:`Command` with a function that adds its
arguments and one that runs it, over :mod:`translit.rows`, :mod:`translit.pipeline`,
:mod:`translit.writers`, :mod:`translit.explain`, :mod:`translit.annotate` and
:mod:`translit.forward`. :mod:`translit.cli` builds the parser from :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, TextIO

import translit
from translit import annotate as text_annotate
from translit.explain import explain
from translit.forward import to_arabic
from translit.normalizer import Normalizer, default_normalizer
from translit.pipeline import STATUSES, DecodeSettings, NameDecoder, annotate
from translit.rows import FORMATS, InputError, ReadSettings, format_of, read_inputs
from translit.text import NameFinder
from translit.writers import OUTPUT_FORMATS, OutputFormat, atomic_output, make_writer

PROG = "translit"
# Row errors are all in the vi_error column; the terminal shows the first few.
MAX_ROW_MESSAGES = 20


@dataclass(frozen=True, slots=True)
class Command:
    """A subcommand: its name, one-line help, examples for ``--help``, and its two halves."""

    name: str
    help: str
    examples: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


class _Messages:
    """Messages on stderr, prefixed with the program name; row errors are capped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.row_errors = 0

    def say(self, message: str) -> None:
        self.stream.write(f"{PROG}: {message}\n")
        self.stream.flush()

    def row_error(self, message: str) -> None:
        self.row_errors += 1
        if self.row_errors <= MAX_ROW_MESSAGES:
            self.say(message)

    def close(self) -> None:
        hidden = self.row_errors - MAX_ROW_MESSAGES
        if hidden > 0:
            self.say(f"... and {hidden} more row errors (see the vi_error column)")


def _count(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
        return value

    return parse


def _normalizer(lexicons: Sequence[str]) -> Normalizer:
    """The normalizer with the user's lexicons; a bad one raises ``translit.LexiconError``."""
    return Normalizer(extra_lexicons=tuple(lexicons)) if lexicons else default_normalizer()


def _add_lexicon_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lexicon", action="append", default=[], metavar="TSV",
                        help="extra lexicon of names (repeatable)")


def _write_failed(messages: _Messages, path: str | None, error: OSError) -> int:
    messages.say(f"{path or '<stdout>'}: cannot write output: {error.strerror or error}")
    return 1


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return value


# ---------------------------------------------------------------------------------- normalize

NORMALIZE_EXAMPLES = """\
examples:
  translit normalize names.txt                       one name a line -> tsv on stdout
  translit normalize people.csv --column name -o out.csv
  translit normalize export.tsv --column 3 --top 2 --min-probability 0.8
  jq -c . scraped.json | translit normalize --format jsonl --field author
  translit normalize big.csv --jobs 2 -o big.vi.csv  # progress on stderr, file written atomically

Each input row is written unchanged, in order, with vi_name, vi_probability, vi_kind,
vi_status (ok | uncertain | not_a_name | error), vi_error and, with --top N, vi_alt1..N
appended. A bad row (undecodable bytes, NUL byte, ragged row, invalid JSON, over-long
name) still gets its output row, with vi_status=error and vi_error naming file:line.

exit status: 0 done; 1 an input file cannot be read or the output cannot be written, or
--strict and a row had an error; 2 usage error (bad option, a --column the header lacks, a
bad --lexicon)."""


def _add_normalize_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="input files; stdin when none or '-'")
    parser.add_argument("--format", choices=FORMATS,
                        help="input format (default: from the extension, txt for stdin)")
    parser.add_argument("--column", metavar="NAME|INDEX",
                        help="csv/tsv column holding the names: header name or 1-based index "
                             "(default: the first)")
    parser.add_argument("--field", metavar="KEY",
                        help="jsonl key holding the names (default: the first key)")
    parser.add_argument("--no-header", dest="header", action="store_false",
                        help="csv/tsv inputs have no header row")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here instead of stdout (atomically: temp file, then rename)")
    parser.add_argument("--output-format", choices=OUTPUT_FORMATS,
                        help="output format (default: from -o's extension, else the input's "
                             "format when csv/tsv/jsonl, else tsv)")
    parser.add_argument("--top", type=_count(0), default=0, metavar="N",
                        help="also write the next N readings as vi_alt1..N")
    parser.add_argument("--min-probability", type=_probability, default=0.5, metavar="P",
                        help="below P the status is 'uncertain' (default: 0.5)")
    parser.add_argument("--jobs", "-j", type=_count(1), default=1, metavar="N",
                        help="decode in N processes; output order is kept (default: 1)")
    parser.add_argument("--kind", choices=("person", "place"),
                        help="every name is of this kind: only such readings, and a place no "
                             "lexicon lists is read as a place (default: either)")
    parser.add_argument("--gender", choices=("M", "F"),
                        help="the names are of people of this gender: readings of it are "
                             "preferred, as with normalize(gender=...) (default: either)")
    parser.add_argument("--gender-column", metavar="NAME|INDEX",
                        help="csv/tsv column (jsonl: key) giving each row's gender: M/F, "
                             "male/female, nam/nữ, ذكر/أنثى; empty cells give no hint and "
                             "other values make the row an error (overrides --gender)")
    parser.add_argument("--kind-column", metavar="NAME|INDEX",
                        help="csv/tsv column (jsonl: key) giving each row's kind: person or "
                             "place; empty gives no hint (overrides --kind)")
    _add_lexicon_argument(parser)
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 at the end if any row had an error")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar and no summary line")


def _output_format(args: argparse.Namespace, input_format: str) -> OutputFormat:
    if args.output_format:
        chosen: OutputFormat = args.output_format
        return chosen
    for name in (format_of(args.output or "", default="txt"), input_format):
        for known in OUTPUT_FORMATS:
            if name == known:
                return known
    return "tsv"


def _open_sources(paths: Sequence[str]) -> Iterator[tuple[str, BinaryIO]]:
    for path in paths:
        if path == "-":
            yield "<stdin>", sys.stdin.buffer
        else:
            with open(path, "rb") as stream:
                yield path, stream


def _stdout() -> TextIO:
    """Standard output, writing UTF-8 and ``\\n`` whatever the locale."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", newline="")
    return sys.stdout


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """``path`` written atomically, or stdout when it is ``None``."""
    if path is not None:
        with atomic_output(path) as stream:
            yield stream
        return
    yield _stdout()
    sys.stdout.flush()


def _progress(args: argparse.Namespace) -> object:
    from tqdm import tqdm  # type: ignore[import-untyped]  # no stubs shipped

    return tqdm(unit=" rows", file=sys.stderr, mininterval=0.5,
                disable=args.quiet or not sys.stderr.isatty())


def _run_normalize(args: argparse.Namespace) -> int:
    messages = _Messages(sys.stderr)
    paths = args.files or ["-"]
    unreadable = [path for path in paths if path != "-" and not os.path.isfile(path)]
    for path in unreadable:
        reason = "is a directory" if os.path.isdir(path) else "no such file"
        messages.say(f"{path}: cannot read input: {reason}")
    if unreadable:
        return 1
    read_settings = ReadSettings(format=args.format, column=args.column, field=args.field,
                                 header=args.header, gender_column=args.gender_column,
                                 kind_column=args.kind_column)
    decode_settings = DecodeSettings(top=args.top, min_probability=args.min_probability,
                                     jobs=args.jobs, extra_lexicons=tuple(args.lexicon),
                                     kind=args.kind, gender=args.gender)
    tally: Counter[str] = Counter()
    started = time.perf_counter()
    try:
        # Built before any output and before the worker pool, so a bad lexicon is one message.
        decoder = NameDecoder(decode_settings)
    except translit.LexiconError as error:
        messages.say(f"error: {error}")
        return 2
    try:
        inputs = read_inputs(_open_sources(paths), settings=read_settings, warn=messages.say)
        output_format = _output_format(args, inputs.format)
        with _output(args.output) as stream:
            writer = make_writer(stream, format=output_format, top=args.top)
            writer.header(inputs.columns)
            bar = _progress(args)
            for row, annotation in annotate(inputs.rows, settings=decode_settings,
                                            decoder=decoder):
                writer.row(row, annotation)
                tally[annotation.status] += 1
                if annotation.error:
                    messages.row_error(annotation.error)
                bar.update()  # type: ignore[attr-defined]
            bar.close()  # type: ignore[attr-defined]
    except InputError as error:
        messages.say(f"error: {error}")
        return 2
    except BrokenPipeError:
        raise  # the reader of stdout went away: main() stops quietly
    except OSError as error:
        if error.filename is not None and error.filename != args.output:
            messages.say(f"{error.filename}: cannot read input: {error.strerror or error}")
            return 1
        return _write_failed(messages, args.output, error)
    messages.close()
    if not args.quiet:
        sys.stdout.flush()  # the rows first, then the summary: a terminal shows both interleaved
        rows = sum(tally.values())
        seconds = time.perf_counter() - started
        counts = ", ".join(f"{tally[status]} {_LABELS.get(status, status)}" for status in STATUSES)
        messages.say(f"{rows} rows: {counts} in {seconds:.1f} s "
                     f"({rows / max(seconds, 1e-9):,.0f} rows/s)")
    return 1 if args.strict and tally["error"] else 0


_LABELS = {"error": "errors"}


# ------------------------------------------------------------------------------------ explain

EXPLAIN_EXAMPLES = """\
examples:
  translit explain "تران كام تو"
  translit explain --top 5 "نجوين ثي ثوي نجان" "هانوي"

Shows the tokens, the best readings with probability and log-score, and for each reading
the syllable chosen for each piece of Arabic with its channel and prior log-probabilities."""


def _add_explain_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="+", metavar="NAME", help="a name in Arabic script")
    parser.add_argument("--top", type=_count(1), default=3, metavar="K",
                        help="how many readings to show (default: 3)")
    _add_lexicon_argument(parser)


def _run_explain(args: argparse.Namespace) -> int:
    try:
        normalizer = _normalizer(args.lexicon)
    except translit.LexiconError as error:
        _Messages(sys.stderr).say(f"error: {error}")
        return 2
    stdout = _stdout()
    stdout.write("\n\n".join(explain(name, normalizer=normalizer, k=args.top)
                              for name in args.names))
    stdout.write("\n")
    return 0


# ---------------------------------------------------------------------------------- to-arabic

TO_ARABIC_EXAMPLES = """\
examples:
  translit to-arabic "Nguyễn Phú Trọng"
  translit to-arabic --top 3 "Hà Nội" "Tran Cam Tu"
  translit to-arabic < names.txt                     one name a line
  translit to-arabic --no-translations "Văn Miếu"    spellings only, not معبد الأدب

One output line per input name or line, in order: the name, then its spellings, tab-separated
(a blank input line gives a blank line). A name that is not Vietnamese is reported on stderr and
gets no spellings; the exit status is then 1. A name Arabic also translates (Văn Miếu: معبد
الأدب) has the translation second, after the best spelling."""


def _add_to_arabic_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="Vietnamese names (with or without tone marks); stdin when none")
    parser.add_argument("--top", type=_count(1), default=5, metavar="K",
                        help="how many spellings per name (default: 5)")
    parser.add_argument("--no-translations", action="store_true",
                        help="leave out the Arabic translations of names (معبد الأدب)")


def _run_to_arabic(args: argparse.Namespace) -> int:
    messages = _Messages(sys.stderr)
    names = args.names or [
        line.strip()
        for line in sys.stdin.buffer.read().decode("utf-8", errors="replace").splitlines()
    ]
    stdout = _stdout()
    status = 0
    for name in names:
        if not name:
            stdout.write("\n")  # (a blank line keeps its place: rows stay aligned with input)
            continue
        try:
            spellings = to_arabic(name, k=args.top, translated=not args.no_translations)
        except ValueError as error:
            messages.say(str(error))
            spellings, status = [], 1
        stdout.write("\t".join([name, *spellings]) + "\n")
    return status


# ----------------------------------------------------------------------------------- annotate

ANNOTATE_EXAMPLES = """\
examples:
  translit annotate article.txt                       spans as jsonl, one a line
  translit annotate --format markdown article.txt     the text, names followed by (Vietnamese)
  translit annotate --format html a.txt b.txt -o names.html
  translit annotate --format tsv news/*.txt           distinct names with their counts
  curl -s URL | translit annotate --url URL --format markdown

--url gives the page's address: its unaccented Vietnamese slug picks between readings
(addresses written in the text are used too).

exit status: 0 done; 1 an input file cannot be read or the output cannot be written;
2 usage error (bad option, a bad --lexicon)."""


def _add_annotate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="Arabic text files; stdin when none or '-'")
    parser.add_argument("--format", choices=text_annotate.FORMATS, default="jsonl",
                        help="output format (default: jsonl)")
    parser.add_argument("--url", metavar="URL",
                        help="the page's address: its Vietnamese slug helps choose readings")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here instead of stdout (atomically: temp file, then rename)")
    _add_lexicon_argument(parser)


def _read_documents(paths: Sequence[str]) -> Iterator[text_annotate.Document]:
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            yield text_annotate.Document("<stdin>", data.decode("utf-8", errors="replace"))
        else:
            with open(path, "rb") as stream:
                text = stream.read().decode("utf-8", errors="replace")
            yield text_annotate.Document(path, text)


def _run_annotate(args: argparse.Namespace) -> int:
    messages = _Messages(sys.stderr)
    try:
        documents = list(_read_documents(args.files or ["-"]))
    except OSError as error:
        messages.say(f"{error.filename}: cannot read input: {error.strerror or error}")
        return 1
    try:
        finder = NameFinder(_normalizer(args.lexicon))
    except translit.LexiconError as error:
        messages.say(f"error: {error}")
        return 2
    try:
        with _output(args.output) as stream:
            text_annotate.write(stream, documents, finder, format=args.format, url=args.url)
    except BrokenPipeError:
        raise  # the reader of stdout went away: main() stops quietly
    except OSError as error:
        return _write_failed(messages, args.output, error)
    return 0


COMMANDS: tuple[Command, ...] = (
    Command("normalize", "read Arabic-script names in txt/csv/tsv/jsonl, append Vietnamese",
            NORMALIZE_EXAMPLES, _add_normalize_arguments, _run_normalize),
    Command("explain", "show how a name was read: tokens, syllables, alternatives, scores",
            EXPLAIN_EXAMPLES, _add_explain_arguments, _run_explain),
    Command("to-arabic", "Arabic spellings of Vietnamese names, most conventional first",
            TO_ARABIC_EXAMPLES, _add_to_arabic_arguments, _run_to_arabic),
    Command("annotate", "find Vietnamese names in Arabic running text: spans, marked text, list",
            ANNOTATE_EXAMPLES, _add_annotate_arguments, _run_annotate),
)
