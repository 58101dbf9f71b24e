"""Per-category precision and recall of the check, and what it flags on ordinary tweets.

Trains on the starter corpus's train split (timing it: DESIGN §5 asks ≤ 10 s), checks the test
split (new authors) and prints per-category precision/recall/F1; then, when the TweetEval pool is
available (``--data-home``, default ../shared/data, see ``tweetmix.datasets.fetch_tweeteval``),
the default model's warning rate on it and 20 random warned tweets for a person to judge. Usage::

    python benchmarks/categories.py [--data-home DIR] [--seed 0] [--quick] [--json PATH]

``--quick`` trains on the posts of half the train split's authors and checks a 3,000-tweet
sample of the pool: a smoke run, not numbers to quote.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
import time
from datetime import datetime, timezone

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, installed or not
SHARED = ROOT.parent / "shared" / "data"
QUICK_POOL = 3000


def write_json(path: str, data: dict) -> None:
    pathlib.Path(path).write_text(json.dumps(data, indent=2, default=float), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-home", default=str(SHARED) if SHARED.is_dir() else None,
                        help="folder with the TweetEval files (default: ../shared/data if "
                             "present, else $TWEETMIX_DATA or the user data folder)")
    parser.add_argument("--shared", dest="data_home", help=argparse.SUPPRESS)  # old name
    parser.add_argument("--download", action="store_true",
                        help="download TweetEval if it is not in --data-home yet")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="smaller training set and pool")
    parser.add_argument("--json", metavar="PATH", help="also write the metrics as JSON")
    args = parser.parse_args()

    import tweetmix
    from tweetmix.datasets import DownloadError, fetch_tweeteval, load_starter
    from tweetmix.evaluate import category_metrics

    corpus = load_starter()
    train_idx = [i for i, s in enumerate(corpus.split) if s == "train"]
    test_idx = [i for i, s in enumerate(corpus.split) if s == "test"]
    if args.quick:  # keep whole authors, as the real split does
        authors = sorted({corpus.groups[i] for i in train_idx})
        kept = set(random.Random(args.seed).sample(authors, len(authors) // 2))
        train_idx = [i for i in train_idx if corpus.groups[i] in kept]
    start, cpu_start = time.perf_counter(), time.process_time()
    model = tweetmix.train([corpus.data[i] for i in train_idx],
                           [corpus.target[i] for i in train_idx],
                           categories=[corpus.categories[i] for i in train_idx],
                           groups=[corpus.groups[i] for i in train_idx], cv=0, progress=True)
    train_seconds, train_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    report = category_metrics(model, [corpus.data[i] for i in test_idx],
                              [corpus.categories[i] for i in test_idx])
    metrics: dict[str, float] = {
        "train_seconds": train_seconds, "train_cpu_seconds": train_cpu,
        "train_posts": len(train_idx), "test_posts": len(test_idx),
        "macro_precision": report["macro_precision"], "macro_recall": report["macro_recall"],
        "macro_f1": report["macro_f1"],
    }
    per_category = {name: row for name, row in report.items() if isinstance(row, dict)}
    print(f"trained on {len(train_idx)} posts in {train_seconds:.1f} s "
          f"({train_cpu:.1f} s CPU, cv=0){' [--quick: half the authors]' if args.quick else ''}")
    print(f"starter test split: {len(test_idx)} posts by authors the model never saw\n")
    print("| category | precision | recall | F1 | posts |\n|---|---|---|---|---|")
    for name, row in per_category.items():
        print(f"| {name} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} | "
              f"{row['support']} |")
    print(f"| **macro** | {report['macro_precision']:.2f} | {report['macro_recall']:.2f} | "
          f"{report['macro_f1']:.2f} | |")

    result: dict = {"script": "categories", "quick": args.quick,
                    "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "metrics": metrics, "per_category": per_category}
    try:
        pool = fetch_tweeteval(data_home=args.data_home, download_if_missing=args.download).data
    except DownloadError as exc:
        print(f"\nskipped TweetEval (add --download to fetch it): {exc}")
        result["notes"] = {"tweeteval": f"not run: {exc}"}
    else:
        if args.quick:
            pool = random.Random(args.seed).sample(pool, min(QUICK_POOL, len(pool)))
        results = tweetmix.default_model().check(pool)
        warned = [r for r in results if r.verdict == "warning"]
        metrics["tweeteval_warning_rate"] = len(warned) / len(pool)
        metrics["tweeteval_n"] = len(pool)
        print(f"\nTweetEval pool: {len(pool)} tweets, warning rate {len(warned) / len(pool):.3f} "
              "(default model)\n\n20 random warnings:")
        for r in random.Random(args.seed).sample(warned, min(20, len(warned))):
            print(f"- [{', '.join(r.categories)}] {pool[r.index][:140]!r}")
    if args.json:
        result["metrics"] = {k: float(v) for k, v in metrics.items()}
        write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
