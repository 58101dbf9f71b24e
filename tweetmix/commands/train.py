"""``tweetmix train``: a model from a labelled CSV, with cross-validated metrics."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from .common import EXIT_OK


def add_parser(sub: Any) -> None:
    train = sub.add_parser("train", help="train a model on your own labelled CSV",
                           description="Train on a CSV of posts labelled personal/professional, "
                           "print cross-validated metrics and save the model.")
    train.add_argument("file", help="CSV file with a header row")
    train.add_argument("--text-col", default="text")
    train.add_argument("--label-col", default="label")
    train.add_argument("--group-col", help="author column: folds never split an author")
    train.add_argument("-o", "--output", required=True, help="where to save the model")
    train.add_argument("--cv", type=int, default=5, help="cross-validation folds (0: skip)")
    train.add_argument("--name", default="custom", help="name recorded in the model")
    train.add_argument("--encoding", default="utf-8-sig", help="CSV encoding (default UTF-8)")
    train.add_argument("--quiet", action="store_true", help="no progress messages")
    train.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..datasets import load_csv
    from ..training import train

    data = load_csv(args.file, args.text_col, args.label_col, group_col=args.group_col,
                    encoding=args.encoding)
    print(f"read {len(data['texts'])} posts from {args.file}", file=sys.stderr)
    model = train(data["texts"], data["labels"], groups=data["groups"], cv=args.cv,
                  name=args.name, progress=not args.quiet)
    metrics = model.manifest["metrics"]
    if metrics:
        grouped = " (grouped by author)" if metrics["cv"]["grouped"] else ""
        print(f"{metrics['cv']['folds']}-fold cross-validation{grouped} on {metrics['n']} posts:")
        for key in ("accuracy", "macro_f1", "roc_auc", "pr_auc", "brier", "ece"):
            print(f"  {key:<9} {metrics[key]:.3f}")
    path = model.save(args.output)
    print(f"saved {path}")
    return EXIT_OK
