"""The ``translit`` command line: the parser and the exit statuses.

Subcommands live in :data:`translit.commands.COMMANDS`; a new one is a
:class:`~translit.commands.Command` with a function that adds its arguments and one that runs it,
appended to that tuple.

Exit status: 0 on success; 1 when an input file cannot be read or the output cannot be written, or
with ``--strict`` when a row had an error; 2 for usage errors (bad options, a ``--column`` the
header lacks, a ``--lexicon`` that is missing or malformed); 141 when the reader of stdout went
away (``| head``), as for other Unix tools.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

import translit
from translit.commands import COMMANDS, PROG, Command


def build_parser(commands: Sequence[Command] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser with one subparser per command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Vietnamese names written in Arabic script, back to canonical Vietnamese.",
        epilog='examples:\n  translit normalize names.csv --column name -o names.vi.csv\n'
               '  translit explain "تران كام تو"\n\n'
               "run 'translit COMMAND --help' for each command's options",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {translit.__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help,
                                    epilog=command.examples,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds like Ctrl-C: -o's temp file is removed


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    with contextlib.suppress(ValueError):  # only the main thread may set handlers
        signal.signal(signal.SIGTERM, _terminate)
    try:
        status: int = args.run(args)
        sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught below
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as other Unix tools do. What is still
        # buffered for stdout goes to /dev/null, or flushing it at exit would fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 128 + signal.SIGPIPE
    return status
