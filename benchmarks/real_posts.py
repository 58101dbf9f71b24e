"""Quality of the default (or a given) model on real posts nobody here wrote.

Reads TweetTopicXL, MINT and TweetEval through ``tweetmix.datasets.fetch_*`` from ``--data-home``
(default: ../shared/data when it exists, else $TWEETMIX_DATA or the user data folder); with
``--download`` it fetches missing files first. Without the data it prints a note and exits 0.
Targets are DESIGN §5. Usage::

    python benchmarks/real_posts.py [--model PATH] [--data-home DIR] [--download]
                                    [--quick] [--json PATH]

``--quick`` checks a 3,000-tweet sample of the TweetEval pool instead of all ~19k tweets (the
warning rate is then a sample estimate); TweetTopicXL and MINT are small and always used whole.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import random
import subprocess
import sys
import time
from datetime import datetime, timezone

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, installed or not
SHARED = ROOT.parent / "shared" / "data"
QUICK_POOL = 3000


def measure(model, data_home: str | None, download: bool, quick: bool
            ) -> tuple[dict[str, float], dict[str, str]]:
    """Every metric as a number, plus notes that say how each was obtained."""
    from scipy.stats import pearsonr, spearmanr
    from sklearn.metrics import f1_score, roc_auc_score

    from tweetmix.datasets import fetch_mint, fetch_tweeteval, fetch_tweettopic, load_starter
    from tweetmix.evaluate import binary_metrics

    where = {"data_home": data_home, "download_if_missing": download}
    metrics: dict[str, float] = {}
    notes: dict[str, str] = {}

    texts, kinds = fetch_tweettopic(return_X_y=True, **where)
    personal = np.array([k == "personal" for k in kinds])
    p = np.asarray(model.score(texts), dtype=float)
    metrics["tweettopic_roc_auc"] = roc_auc_score(personal, p)
    metrics["tweettopic_macro_f1"] = f1_score(personal, p >= 0.5, average="macro")
    metrics["tweettopic_n"] = len(texts)
    notes["tweettopic_roc_auc"] = f"n={len(texts)}, {personal.sum()} personal"

    texts, intimacy = fetch_mint(return_X_y=True, **where)
    intimacy = np.asarray(intimacy)
    p = np.asarray(model.score(texts), dtype=float)
    ok = ~np.isnan(p)
    metrics["mint_spearman"] = spearmanr(p[ok], intimacy[ok])[0]
    metrics["mint_pearson"] = pearsonr(p[ok], intimacy[ok])[0]
    metrics["mint_n"] = int(ok.sum())
    notes["mint_spearman"] = f"n={int(ok.sum())} English tweets"
    results = model.check(texts)
    disclosure = np.array([1 - np.prod([1 - v for v in r.category_scores.values()])
                           for r in results])
    if disclosure.any():
        metrics["mint_spearman_disclosure"] = spearmanr(disclosure, intimacy)[0]
        metrics["mint_spearman_p_x_disclosure"] = spearmanr(p * disclosure, intimacy)[0]
        notes["mint_spearman_disclosure"] = "disclosure = P(any sensitive category)"

    pool = fetch_tweeteval(**where).data
    if quick:
        pool = random.Random(0).sample(pool, min(QUICK_POOL, len(pool)))
    start, cpu_start = time.perf_counter(), time.process_time()
    verdicts = [r.verdict for r in model.check(pool)]
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    metrics["tweeteval_warning_rate"] = verdicts.count("warning") / len(pool)
    metrics["tweeteval_notice_rate"] = verdicts.count("notice") / len(pool)
    metrics["tweeteval_n"] = len(pool)
    metrics["tweeteval_check_posts_per_s"] = len(pool) / seconds
    metrics["tweeteval_check_posts_per_cpu_s"] = len(pool) / cpu_seconds
    notes["tweeteval_warning_rate"] = f"{'random sample, ' if quick else ''}n={len(pool)}"
    notes["tweeteval_check_posts_per_s"] = "wall clock, one batch check of the pool"
    notes["tweeteval_check_posts_per_cpu_s"] = "CPU time of this process (robust to a busy machine)"

    held_out = model.manifest.get("evaluation", {}).get("starter_test")
    if held_out is None:  # a model that never saw the test split can be measured directly
        test = load_starter(split="test")
        held_out = binary_metrics([t == "personal" for t in test.target], model.score(test.data))
        notes["starter_test_accuracy"] = "measured now on the starter test split"
    else:
        notes["starter_test_accuracy"] = ("train-split model on the test split's new authors "
                                 "(from the model manifest)")
    for key in ("accuracy", "macro_f1", "roc_auc", "ece"):
        metrics[f"starter_test_{key}"] = float(held_out[key])
    return {k: float(v) for k, v in metrics.items()}, notes


ROWS = [  # (metric, label, target)
    ("tweettopic_roc_auc", "TweetTopicXL ROC-AUC (p_personal)", "≥ 0.93"),
    ("tweettopic_macro_f1", "TweetTopicXL macro-F1 @0.5", ""),
    ("mint_spearman", "MINT English Spearman (p_personal)", "≥ 0.55"),
    ("mint_pearson", "MINT English Pearson (p_personal)", ""),
    ("mint_spearman_disclosure", "MINT English Spearman, disclosure score", "≥ 0.55"),
    ("mint_spearman_p_x_disclosure", "MINT English Spearman, p_personal × disclosure", ""),
    ("tweeteval_warning_rate", "TweetEval warning rate", "≤ 0.05"),
    ("tweeteval_notice_rate", "TweetEval notice rate", ""),
    ("tweeteval_check_posts_per_s", "batch check of real tweets (posts/s)", ""),
    ("tweeteval_check_posts_per_cpu_s", "batch check of real tweets (posts per CPU-s)", ""),
    ("starter_test_accuracy", "starter test split accuracy", ""),
    ("starter_test_macro_f1", "starter test split macro-F1", ""),
    ("starter_test_roc_auc", "starter test split ROC-AUC", ""),
    ("starter_test_ece", "starter test split ECE", "≤ 0.05"),
]


def write_json(path: str, data: dict) -> None:
    pathlib.Path(path).write_text(json.dumps(data, indent=2, default=float), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--data-home", default=str(SHARED) if SHARED.is_dir() else None,
                        help="folder with the datasets (default: ../shared/data if present, "
                             "else $TWEETMIX_DATA or the user data folder)")
    parser.add_argument("--shared", dest="data_home", help=argparse.SUPPRESS)  # old name
    parser.add_argument("--download", action="store_true",
                        help="download datasets that are not in --data-home yet")
    parser.add_argument("--quick", action="store_true", help="sample the TweetEval pool")
    parser.add_argument("--json", metavar="PATH", help="also write the metrics as JSON")
    args = parser.parse_args()

    import tweetmix
    from tweetmix.datasets import DownloadError

    report: dict = {"script": "real_posts", "quick": args.quick,
                    "date": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    model = tweetmix.load(args.model, estimator=False) if args.model else tweetmix.default_model()
    try:
        metrics, notes = measure(model, args.data_home, args.download, args.quick)
    except DownloadError as exc:
        print(f"skipped: the real-post datasets are not available; add --download to fetch "
              f"them ({exc})")
        report["skipped"] = f"datasets not available: {exc}"
        if args.json:
            write_json(args.json, report)
        return 0
    report.update(model=model.name, metrics=metrics, notes=notes)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=False,
                            capture_output=True, text=True).stdout.strip() or "uncommitted"
    print(f"Measured {report['date']} at commit {commit}, model {model.name!r}"
          f"{' (--quick)' if args.quick else ''}\n")
    print("| metric | value | target | note |\n|---|---|---|---|")
    for key, label, target in ROWS:
        if key in metrics:
            note = notes.get(key, "")
            value = metrics[key]
            shown = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3f}"
            print(f"| {label} | {shown} | {target} | {note} |")
    if args.json:
        write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
