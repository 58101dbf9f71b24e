"""Command line: ``tweetmix COMMAND``, a thin layer over the library.

The commands live one per module in :mod:`tweetmix.commands`. Exit codes: 0 nothing flagged,
1 a post was flagged at or above ``--fail-on``, 2 usage or input error.
"""
from __future__ import annotations

import argparse
import sys
from importlib import import_module
from typing import Sequence

from .commands import COMMANDS
from .commands.common import EXIT_ERROR, EXIT_OK
from .exceptions import TweetmixError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tweetmix",
        description="Catch overly personal posts before they are sent.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"tweetmix.commands.{name}").add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.version:
        from . import __version__

        print(f"tweetmix {__version__}")
        return EXIT_OK
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.func(args))
    except TweetmixError as exc:
        print(f"tweetmix {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
