"""``tweetmix rebuild-default``: retrain the shipped model from the bundled starter corpus."""
from __future__ import annotations

import argparse
from typing import Any

from .common import EXIT_OK


def add_parser(sub: Any) -> None:
    rebuild = sub.add_parser("rebuild-default",
                             help="retrain the default model from the bundled starter corpus")
    rebuild.add_argument("-o", "--output", help="where to write it (default: inside the package)")
    rebuild.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..default import build_default

    path = build_default(args.output)
    print(f"saved {path}")
    return EXIT_OK
