"""``tweetmix score INPUT -o OUTPUT``: score a CSV or JSONL file of any size, resumably.

The work is done by :func:`tweetmix.scoring.score_file`; this module only maps flags to it and
prints the summary. Exit codes: 0 the output is complete (rows that could not be scored are in it
with an ``error``, and counted in the summary; with ``--strict`` they make the exit code 2);
2 usage or file error; 130 interrupted (the progress is kept: add ``--resume``).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .common import EXIT_ERROR, EXIT_OK, add_policy_arguments, policy_from_args


def add_parser(sub: Any) -> None:
    score = sub.add_parser(
        "score", help="score a CSV or JSONL file of any size into another one",
        description="Score every post of a CSV or JSONL file (optionally .gz) into OUTPUT, in "
        "input order, a chunk at a time (memory stays flat whatever the size). OUTPUT's format "
        "follows its suffix. Interrupted runs continue with --resume.")
    score.add_argument("input", help="file of posts: .csv, .jsonl or .ndjson, optionally .gz")
    score.add_argument("-o", "--output", required=True,
                       help="results file: .csv or .jsonl, optionally .gz")
    score.add_argument("--text-col", default="text",
                       help="column (CSV) or field (JSONL) that holds the post (default: text)")
    score.add_argument("--id-col", help="column copied to the output to join results back "
                       "(default: 'id' when the input has one)")
    score.add_argument("--keep-text", action="store_true", help="also write the post text")
    score.add_argument("--jobs", "-j", type=int, default=1,
                       help="worker processes (default 1; 0 for one per CPU)")
    score.add_argument("--chunk-size", type=int, default=None,
                       help="rows per chunk (default 2000): the unit of work and of what an "
                       "interruption can lose")
    score.add_argument("--resume", action="store_true",
                       help="continue an interrupted run from OUTPUT.tweetmix-progress")
    score.add_argument("--force", action="store_true",
                       help="overwrite an existing OUTPUT (and any saved progress)")
    score.add_argument("--rejects", metavar="FILE",
                       help="write rows that could not be scored here instead of into OUTPUT")
    score.add_argument("--strict", action="store_true",
                       help="exit 2 if any row could not be scored")
    score.add_argument("--quiet", "-q", action="store_true",
                       help="no progress bar and no summary (the bar only shows on a terminal)")
    add_policy_arguments(score)
    score.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import _resolve
    from ..scoring import DEFAULT_CHUNK_SIZE, progress_path, score_file

    if args.resume and args.force:
        print("tweetmix score: give --resume or --force, not both", file=sys.stderr)
        return EXIT_ERROR
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    chunk_size = args.chunk_size or DEFAULT_CHUNK_SIZE
    if chunk_size < 1:
        print("tweetmix score: --chunk-size must be at least 1", file=sys.stderr)
        return EXIT_ERROR
    model = _resolve(args.model)
    policy = policy_from_args(args, model)
    try:
        summary = score_file(args.input, args.output, text_col=args.text_col,
                             id_col=args.id_col, model=model, policy=policy, jobs=jobs,
                             chunk_size=chunk_size, resume=args.resume, force=args.force,
                             keep_text=args.keep_text, rejects=args.rejects,
                             progress=False if args.quiet else None)
    except OSError as exc:  # disk full, permissions: say which file, no traceback
        where = f" {exc.filename}" if exc.filename else ""
        print(f"tweetmix score: error: cannot read or write{where}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"tweetmix score: interrupted; progress is saved in {progress_path(args.output)}. "
              "Run the same command with --resume to continue", file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"tweetmix score: {summary.describe()}", file=sys.stderr)
    return EXIT_ERROR if args.strict and summary.errors else EXIT_OK
