"""Per-category precision and recall of the check, and what it flags on ordinary tweets.

Trains on the starter corpus's train split, checks the test split (new authors) and prints
per-category precision/recall/F1; then, when ../shared/data is present, the TweetEval warning
rate and 20 random warned tweets for a person to judge. Usage::

    python benchmarks/categories.py [--shared ../shared/data] [--seed 0]
"""
from __future__ import annotations

import argparse
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import tweetmix
    from tweetmix.datasets import load_starter
    from tweetmix.evaluate import category_metrics

    corpus = load_starter()
    train_idx = [i for i, s in enumerate(corpus.split) if s == "train"]
    test_idx = [i for i, s in enumerate(corpus.split) if s == "test"]
    model = tweetmix.train([corpus.data[i] for i in train_idx],
                           [corpus.target[i] for i in train_idx],
                           categories=[corpus.categories[i] for i in train_idx],
                           groups=[corpus.groups[i] for i in train_idx], cv=0, progress=True)
    report = category_metrics(model, [corpus.data[i] for i in test_idx],
                              [corpus.categories[i] for i in test_idx])
    print(f"starter test split: {len(test_idx)} posts by authors the model never saw\n")
    print("| category | precision | recall | F1 | posts |\n|---|---|---|---|---|")
    for name, row in report.items():
        if isinstance(row, dict):
            print(f"| {name} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} | "
                  f"{row['support']} |")
    print(f"| **macro** | {report['macro_precision']:.2f} | {report['macro_recall']:.2f} | "
          f"{report['macro_f1']:.2f} | |")
    shared = pathlib.Path(args.shared)
    if not shared.is_dir():
        print(f"\nskipped TweetEval: {shared} not found")
        return 0
    pool = [line for path in sorted((shared / "tweeteval").glob("*/*_text.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    default = tweetmix.default_model()
    results = default.check(pool)
    warned = [r for r in results if r.verdict == "warning"]
    print(f"\nTweetEval pool: {len(pool)} tweets, warning rate {len(warned) / len(pool):.3f} "
          "(default model)\n\n20 random warnings:")
    for r in random.Random(args.seed).sample(warned, min(20, len(warned))):
        print(f"- [{', '.join(r.categories)}] {pool[r.index][:140]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
