"""``tweetmix evaluate``: how good a model is on a labelled CSV, with plots if asked.

Without ``--model`` the command cross-validates training on the file (what ``tweetmix train``
would produce, measured on posts each fold did not see); with ``--model`` it measures that
trained model on the file as held-out data.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import EXIT_ERROR, EXIT_OK


def add_parser(sub: Any) -> None:
    parser = sub.add_parser(
        "evaluate", help="measure a model on a labelled CSV (cross-validated, or a given model)",
        description="Cross-validate training on a CSV of labelled posts (or, with --model, "
        "measure a trained model on it): accuracy, macro-F1, ROC-AUC, PR-AUC, Brier score, "
        "calibration error, per-category precision/recall, a threshold sweep and the words "
        "that weigh most. --plots DIR also writes four PNG plots.")
    parser.add_argument("file", help="CSV file with a header row")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--label-col", help="column of personal/professional labels (default: "
                        "'label', or 'kind' when the file has no 'label' column)")
    parser.add_argument("--group-col", help="author column: folds never split an author")
    parser.add_argument("--categories-col", help="column of ';'-separated disclosure "
                        "categories: adds per-category precision and recall (slower)")
    parser.add_argument("--cv", type=int, help="cross-validation folds (default 5)")
    parser.add_argument("--threshold", type=float, help="p_personal at which a post counts as "
                        "personal (default 0.5, or the model's)")
    parser.add_argument("--model", help="evaluate this trained model file ('default' for the "
                        "bundled model) instead of cross-validating")
    parser.add_argument("--plots", metavar="DIR", help="write confusion_matrix.png, "
                        "precision_recall.png, calibration.png and top_features.png here "
                        '(needs pip install "tweetmix[plots]")')
    parser.add_argument("--predictions", metavar="CSV", help="write each post's score, fold "
                        "and label here, for error analysis")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--encoding", default="utf-8-sig", help="CSV encoding (default UTF-8)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.set_defaults(func=run)


def _read(args: argparse.Namespace) -> dict[str, Any]:
    """Posts, labels, groups and (optionally) categories, with file/line/column errors."""
    import pathlib

    from ..datasets import _read_rows, load_csv

    path = pathlib.Path(args.file)
    label_col = args.label_col
    if label_col is None:
        columns, _ = _read_rows(path, args.encoding)
        label_col = "kind" if "label" not in columns and "kind" in columns else "label"
    data = load_csv(path, args.text_col, label_col, group_col=args.group_col,
                    categories_col=args.categories_col, encoding=args.encoding)
    data["label_col"] = label_col
    return data


def run(args: argparse.Namespace) -> int:
    from ..exceptions import DataError

    if args.model is not None and args.cv is not None:
        raise DataError("--cv cross-validates training; --model evaluates a trained model "
                        "as it is. Give one of them.")
    if args.plots:  # fail before a long evaluation, not after it
        from ..plots import _pyplot

        try:
            _pyplot(backend="Agg")  # files only: no window, no display needed
        except ImportError as exc:
            print(f"tweetmix evaluate: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
    data = _read(args)
    if not args.quiet:
        print(f"read {len(data['texts']):,} posts from {args.file}", file=sys.stderr)
    from ..evaluate import evaluate, evaluate_model

    if args.model is not None:
        model: Any = None
        if args.model != "default":
            from ..api import load

            model = load(args.model, estimator=False)
        report = evaluate_model(model, data["texts"], data["labels"],
                                categories=data["categories"], groups=data["groups"],
                                threshold=args.threshold)
    else:
        report = evaluate(data["texts"], data["labels"], categories=data["categories"],
                          groups=data["groups"], cv=5 if args.cv is None else args.cv,
                          threshold=0.5 if args.threshold is None else args.threshold,
                          group_name=args.group_col, progress=not args.quiet)
    written = []
    if args.plots:
        from ..plots import save_plots

        written = [str(p) for p in save_plots(report, args.plots)]
    if args.predictions:
        report.predictions.to_csv(args.predictions, index=False)
        written.append(args.predictions)
    if args.format == "json":
        print(json.dumps(dict(report.to_dict(), files=written), indent=2, ensure_ascii=False))
    else:
        print(report.to_text())
        for path in written:
            print(f"wrote {path}")
    return EXIT_OK
