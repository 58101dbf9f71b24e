"""``tweetmix train``: a model from a labelled file, with cross-validated (or holdout) metrics.

In memory by default; ``--out-of-core`` streams a CSV/JSONL file (optionally gzipped) in chunks
with bounded memory, for corpora bigger than memory (:mod:`tweetmix.outofcore`).
"""
from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_ERROR, EXIT_OK


def _positive_int(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.01 <= number <= 0.5:
        raise argparse.ArgumentTypeError(f"must be between 0.01 and 0.5, got {number}")
    return number


def add_parser(sub: Any) -> None:
    train = sub.add_parser(
        "train", help="train a model on your own labelled CSV",
        description="Train on a CSV of posts labelled personal/professional, print "
        "cross-validated metrics and save the model. With --out-of-core, stream a CSV or "
        "JSONL file (optionally .gz) too big for memory and report holdout metrics.")
    train.add_argument("file", help="CSV file with a header row (--out-of-core: also .jsonl, "
                       ".csv.gz, .jsonl.gz)")
    train.add_argument("--text-col", default="text")
    train.add_argument("--label-col", default="label")
    train.add_argument("--group-col", help="author column: folds never split an author "
                       "(in-memory training only)")
    train.add_argument("-o", "--output", required=True, help="where to save the model")
    train.add_argument("--cv", type=int, help="cross-validation folds (default 5; 0: skip; "
                       "in-memory training only)")
    train.add_argument("--name", default="custom", help="name recorded in the model")
    train.add_argument("--encoding", default="utf-8-sig", help="file encoding (default UTF-8)")
    train.add_argument("--quiet", action="store_true", help="no progress messages")
    big = train.add_argument_group(
        "out-of-core training", "for files bigger than memory: chunks, bounded memory, metrics "
        "on a stratified holdout")
    big.add_argument("--out-of-core", action="store_true",
                     help="stream the file in chunks instead of loading it")
    big.add_argument("--chunk-size", type=_positive_int, default=10_000,
                     help="posts in memory at once (default 10000)")
    big.add_argument("--epochs", type=_positive_int, default=5,
                     help="passes of SGD over the posts (default 5)")
    big.add_argument("--max-word-features", type=_positive_int, default=30_000,
                     help="word 1-2-gram vocabulary size (default 30000)")
    big.add_argument("--max-char-features", type=_positive_int, default=50_000,
                     help="character 3-5-gram vocabulary size (default 50000)")
    big.add_argument("--holdout", type=_fraction, default=0.1,
                     help="fraction of each label held out for calibration and metrics "
                     "(default 0.1)")
    big.add_argument("--jobs", type=int, default=1,
                     help="worker processes for tokenising (-1: all cores; default 1)")
    train.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.out_of_core:
        return _run_out_of_core(args)
    from ..datasets import load_csv
    from ..training import train

    data = load_csv(args.file, args.text_col, args.label_col, group_col=args.group_col,
                    encoding=args.encoding)
    print(f"read {len(data['texts'])} posts from {args.file}", file=sys.stderr)
    model = train(data["texts"], data["labels"], groups=data["groups"],
                  cv=5 if args.cv is None else args.cv, name=args.name, progress=not args.quiet)
    metrics = model.manifest["metrics"]
    if metrics:
        grouped = " (grouped by author)" if metrics["cv"]["grouped"] else ""
        print(f"{metrics['cv']['folds']}-fold cross-validation{grouped} on {metrics['n']} posts:")
        _print_metrics(metrics)
    path = model.save(args.output)
    print(f"saved {path}")
    return EXIT_OK


def _print_metrics(metrics: dict[str, Any]) -> None:
    for key in ("accuracy", "macro_f1", "roc_auc", "pr_auc", "brier", "ece"):
        print(f"  {key:<9} {metrics[key]:.3f}")


def _run_out_of_core(args: argparse.Namespace) -> int:
    from ..outofcore import train_out_of_core

    ignored = [flag for flag, value in (("--group-col", args.group_col), ("--cv", args.cv))
               if value is not None]
    if ignored:
        print(f"tweetmix train: error: {' and '.join(ignored)} work only in memory; "
              "--out-of-core measures on a stratified holdout (--holdout) instead",
              file=sys.stderr)
        return EXIT_ERROR
    model = train_out_of_core(
        args.file, text_col=args.text_col, label_col=args.label_col, chunk_size=args.chunk_size,
        max_word_features=args.max_word_features, max_char_features=args.max_char_features,
        epochs=args.epochs, holdout=args.holdout, name=args.name, progress=not args.quiet,
        encoding=args.encoding, n_jobs=args.jobs)
    data = model.manifest["training_data"]
    skipped = data["skipped"]
    print(f"trained on {data['n_train']} posts from {args.file}"
          + (f"; skipped {skipped['n']} row(s) {skipped['reasons']}, e.g. "
             f"{skipped['examples'][0]}" if skipped["n"] else ""))
    metrics = model.manifest["metrics"]
    print(f"holdout of {metrics['n']} posts (1 in {metrics['holdout']['every']} of each label, "
          "never trained on):")
    _print_metrics(metrics)
    path = model.save(args.output)
    print(f"saved {path}")
    return EXIT_OK
