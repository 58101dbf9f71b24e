"""One module per CLI command; :mod:`tweetmix.cli` assembles them into ``tweetmix COMMAND``.

Each module defines ``add_parser(subparsers)`` (which sets ``func`` on its parser) and keeps its
heavy imports inside the function that runs the command, so ``tweetmix check`` starts fast.
"""
from __future__ import annotations

#: Command modules in the order ``tweetmix --help`` lists them.
COMMANDS = ("check", "explain", "score", "info", "train", "rebuild_default", "serve", "evaluate")
