"""What a user would pick instead: fastText (word 1-2-grams) against tweetmix, in one process.

Trains fastText's supervised classifier on the starter corpus's train split (timed), then
measures, on the same posts and in the same process as tweetmix's default model: batch
prediction throughput, warm single-prediction latency, ROC-AUC/ECE on the starter test split,
and, when the real-post datasets are available (``--data-home``, default ../shared/data),
ROC-AUC on TweetTopicXL and Spearman on MINT. fastText gives a probability and nothing else: no
categories, reasons or spans, so tweetmix's single figure is its full ``check``. Both sides use
one thread. Skips cleanly when ``fasttext`` is not installed. Usage::

    python benchmarks/baselines.py [--quick] [--json PATH] [--data-home DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, installed or not
SHARED = ROOT.parent / "shared" / "data"

#: fastText settings a practitioner would start from for short texts: word 1-2-grams, the
#: tutorial's 25 epochs at lr 0.5, and a hash table small enough to keep the model ~40 MB.
FASTTEXT_PARAMS = {"wordNgrams": 2, "epoch": 25, "lr": 0.5, "dim": 50, "bucket": 200_000,
                   "minCount": 1, "loss": "softmax", "thread": 1, "verbose": 0}

_PUNCTUATION = re.compile(r"([^\w\s#@'])")


def fasttext_line(text: str) -> str:
    """The light clean-up fastText users do: lower case, punctuation split off, one line."""
    return " ".join(_PUNCTUATION.sub(r" \1 ", text.lower()).split())


class FastTextScorer:
    """fastText's P(personal), batch and single, without its numpy-2-incompatible wrapper."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def score(self, texts: Sequence[str]) -> np.ndarray:
        labels, probs = self.model.f.multilinePredict(
            [fasttext_line(t) + "\n" for t in texts], 2, 0.0, "strict")
        personal = [dict(zip(ls, ps)).get("__label__personal", 0.0)
                    for ls, ps in zip(labels, probs)]
        return np.clip(personal, 0.0, 1.0)  # fastText's softmax can round to 1.00001

    def score_one(self, text: str) -> float:
        for prob, label in self.model.f.predict(fasttext_line(text) + "\n", 2, 0.0, "strict"):
            if label == "__label__personal":
                return prob
        return 0.0


def train_fasttext(texts: Sequence[str], kinds: Sequence[str], seed: int
                   ) -> tuple[FastTextScorer, float, int]:
    """A fitted fastText scorer, its training wall time (s) and saved size (bytes)."""
    import fasttext

    with tempfile.TemporaryDirectory() as folder:
        train_file = pathlib.Path(folder) / "train.txt"
        train_file.write_text("".join(f"__label__{k} {fasttext_line(t)}\n"
                                      for t, k in zip(texts, kinds)), encoding="utf-8")
        start = time.perf_counter()
        try:
            model = fasttext.train_supervised(str(train_file), seed=seed, **FASTTEXT_PARAMS)
        except TypeError:  # fastText builds without the seed option
            model = fasttext.train_supervised(str(train_file), **FASTTEXT_PARAMS)
        seconds = time.perf_counter() - start
        saved = pathlib.Path(folder) / "model.bin"
        model.save_model(str(saved))
        size = saved.stat().st_size
    return FastTextScorer(model), seconds, size


def median_rates(fn: Callable[[Sequence[str]], Any], items: Sequence[str], repeats: int
                 ) -> tuple[float, float]:
    """Median items per wall-clock second and per CPU-second of this process."""
    walls, cpus = [], []
    for _ in range(repeats):
        start, cpu_start = time.perf_counter(), time.process_time()
        fn(items)
        walls.append(len(items) / (time.perf_counter() - start))
        cpus.append(len(items) / max(time.process_time() - cpu_start, 1e-9))
    return statistics.median(walls), statistics.median(cpus)


def latency_percentiles_ms(fn: Callable[[str], Any], items: Sequence[str]) -> tuple[float, float]:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return (times[min(len(times) - 1, int(0.5 * len(times)))],
            times[min(len(times) - 1, int(0.99 * len(times)))])


def measure(args: argparse.Namespace) -> dict[str, Any]:
    from scipy.stats import spearmanr
    from sklearn.metrics import roc_auc_score

    import tweetmix
    from tweetmix.datasets import DownloadError, fetch_mint, fetch_tweettopic, load_starter
    from tweetmix.evaluate import binary_metrics

    metrics: dict[str, float] = {}
    notes: dict[str, str] = {}
    train = load_starter(split="train")
    test = load_starter(split="test")
    fast, train_seconds, size = train_fasttext(train.data, train.target, args.seed)
    metrics["fasttext_train_seconds"] = train_seconds
    metrics["fasttext_train_posts"] = len(train.data)
    metrics["fasttext_model_mb"] = size / 1e6
    ours = tweetmix.default_model()

    truth = [t == "personal" for t in test.target]
    held_out = binary_metrics(truth, fast.score(test.data))
    for key in ("roc_auc", "ece", "macro_f1"):
        metrics[f"fasttext_starter_test_{key}"] = float(held_out[key])
    notes["fasttext_starter_test_roc_auc"] = "fastText trained on the train split only"

    posts = test.data
    repeats = 3 if args.quick else 7
    ours.score(posts[:50])  # warm caches on both sides before timing
    fast.score(posts[:50])
    (metrics["fasttext_batch_posts_per_s"],
     metrics["fasttext_batch_posts_per_cpu_s"]) = median_rates(fast.score, posts, repeats)
    (metrics["tweetmix_batch_score_posts_per_s"],
     metrics["tweetmix_batch_score_posts_per_cpu_s"]) = median_rates(ours.score, posts, repeats)
    singles = posts[: 300 if args.quick else 2000]
    ours.check(singles[0])
    p50, p99 = latency_percentiles_ms(fast.score_one, singles)
    metrics["fasttext_single_p50_ms"], metrics["fasttext_single_p99_ms"] = p50, p99
    p50, p99 = latency_percentiles_ms(ours.check, singles)
    metrics["tweetmix_single_check_p50_ms"], metrics["tweetmix_single_check_p99_ms"] = p50, p99
    notes["speed"] = (f"{len(posts)} starter test posts, median of {repeats} batch runs; "
                      f"{len(singles)} single calls; one process, one thread")

    where = {"data_home": args.data_home, "download_if_missing": args.download}
    try:
        texts, kinds = fetch_tweettopic(return_X_y=True, **where)
        mint_texts, intimacy = fetch_mint(return_X_y=True, **where)
    except DownloadError as exc:
        notes["real_posts"] = f"not run: {exc}"
    else:
        personal = [k == "personal" for k in kinds]
        metrics["fasttext_tweettopic_roc_auc"] = roc_auc_score(personal, fast.score(texts))
        metrics["tweetmix_tweettopic_roc_auc"] = roc_auc_score(personal, ours.score(texts))
        metrics["fasttext_mint_spearman"] = spearmanr(fast.score(mint_texts), intimacy)[0]
        metrics["tweetmix_mint_spearman"] = spearmanr(ours.score(mint_texts), intimacy)[0]
    return {"metrics": {k: float(v) for k, v in metrics.items()}, "notes": notes,
            "fasttext_params": FASTTEXT_PARAMS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and single calls")
    parser.add_argument("--json", metavar="PATH", help="also write the metrics as JSON")
    parser.add_argument("--data-home", default=str(SHARED) if SHARED.is_dir() else None,
                        help="folder with the real-post datasets (see tweetmix.datasets)")
    parser.add_argument("--download", action="store_true", help="download missing datasets")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    report: dict[str, Any] = {"script": "baselines", "quick": args.quick,
                              "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        import fasttext  # noqa: F401
    except ImportError as exc:
        report["skipped"] = f"fasttext is not importable ({exc}); pip install fasttext-wheel"
        print(f"skipped: {report['skipped']}")
    else:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        report.update(measure(args))
        m = report["metrics"]
        print(f"fastText {FASTTEXT_PARAMS} vs tweetmix default model"
              f"{' (--quick)' if args.quick else ''}\n")
        print("| what | tweetmix | fastText | tweetmix / fastText |\n|---|---|---|---|")
        for label, ours, theirs in [
            ("batch (posts/s)", "tweetmix_batch_score_posts_per_s", "fasttext_batch_posts_per_s"),
            ("batch (posts per CPU-s)", "tweetmix_batch_score_posts_per_cpu_s",
             "fasttext_batch_posts_per_cpu_s"),
            ("single p50 (ms; tweetmix: full check)", "tweetmix_single_check_p50_ms",
             "fasttext_single_p50_ms"),
            ("single p99 (ms)", "tweetmix_single_check_p99_ms", "fasttext_single_p99_ms"),
            ("TweetTopicXL ROC-AUC", "tweetmix_tweettopic_roc_auc",
             "fasttext_tweettopic_roc_auc"),
            ("MINT English Spearman", "tweetmix_mint_spearman", "fasttext_mint_spearman"),
        ]:
            if ours in m and theirs in m:
                print(f"| {label} | {m[ours]:.4g} | {m[theirs]:.4g} | {m[ours] / m[theirs]:.2f}× |")
        print(f"\nfastText: trained on {m['fasttext_train_posts']:.0f} posts in "
              f"{m['fasttext_train_seconds']:.2f} s, {m['fasttext_model_mb']:.1f} MB; starter "
              f"test ROC-AUC {m['fasttext_starter_test_roc_auc']:.3f}, ECE "
              f"{m['fasttext_starter_test_ece']:.3f}")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
