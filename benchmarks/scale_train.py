"""Training at scale: out-of-core vs in-memory, time, peak memory and quality.

Generates N labelled posts by sampling the starter corpus's *train* split with light random
variation (prefixes, suffixes, emoji, numbers, a dropped or swapped word), writes them to a CSV,
and trains on it in a child process with ``tweetmix train --out-of-core`` and, up to
``--in-memory-max`` posts, with the in-memory ``tweetmix train --cv 0``. For each run it
reports wall time, CPU time (less sensitive to a busy machine), peak memory (the child's own
``ru_maxrss`` from ``wait4``, and the peak PSS summed over its process tree, sampled with
psutil: the tokenising workers are forked processes), model size, and quality of the saved
model on posts it never saw: the starter *test* split and, when ``../shared/data`` is present,
TweetTopicXL (real tweets). DESIGN §5 target: 1 M posts out-of-core in ≤ 3 min and ≤ 2 GB RSS.

The generated posts are variations of ~7,000 originals, so a model's own holdout (or
cross-validation) contains near-copies of its training posts: its recorded metrics are
flattering and its calibration too steep. Only the starter test split and TweetTopicXL columns
measure generalisation.

Usage::

    python benchmarks/scale_train.py [--sizes 10000,100000,1000000] [--quick] [--json PATH]
                                     [--in-memory-max 100000] [--jobs -1] [--epochs 5]
                                     [--chunk-size 10000] [--workdir DIR]

``--quick`` runs 2,000 and 10,000 posts (both trainers) to try the benchmark out.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import pathlib
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, installed or not
TWEETTOPIC = ROOT.parent / "shared" / "data" / "tweettopic_xl_en" / "en_1000.jsonl"
TARGET_SECONDS, TARGET_RSS_MB = 180.0, 2048.0

PREFIXES = ["", "", "", "ok so ", "honestly ", "update: ", "fyi ", "psa: ", "lol ", "so "]
SUFFIXES = ["", "", "", " 😂", " 🙂", " 🙏", " !!", " lol", " #tbt", " #mondaymotivation",
            " (via @someone)", " https://t.co/abc", " x", " ...", " 🔥🔥"]


def vary(text: str, rng: random.Random) -> str:
    """A light, label-preserving variation of a post."""
    words = text.split()
    roll = rng.random()
    if roll < 0.2 and len(words) >= 6:
        del words[rng.randrange(len(words))]
    elif roll < 0.4 and len(words) >= 4:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text[:1].swapcase() + text[1:]
    suffix = rng.choice(SUFFIXES)
    if rng.random() < 0.15:
        suffix += f" {rng.randint(2, 2000)}"
    return rng.choice(PREFIXES) + text + suffix


def generate(path: pathlib.Path, n: int, seed: int = 0) -> None:
    from tweetmix.datasets import load_starter

    train = load_starter(split="train")
    base = list(zip(train.data, train.target))
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "kind"])
        for i in range(n):
            text, kind = base[rng.randrange(len(base))]
            writer.writerow([i, vary(text, rng), kind])


def run_child(command: list[str]) -> dict[str, Any]:
    """Run ``command``; wall time, CPU time, its own peak RSS (wait4) and the sampled peak of its
    process tree's memory (PSS where the system reports it, so pages that forked workers share
    are counted once; else RSS, which counts them in every process)."""
    import psutil

    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        try:
            parent = psutil.Process(child.pid)
            while not stop.is_set():
                total = 0
                for process in [parent, *parent.children(recursive=True)]:
                    try:
                        info = process.memory_full_info()
                        total += getattr(info, "pss", info.rss)
                    except psutil.Error:
                        pass
                peak_tree = max(peak_tree, total)
                stop.wait(0.2)
        except psutil.Error:
            return

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(child.stdout.read())),
               threading.Thread(target=lambda: err_chunks.append(child.stderr.read()))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    for reader in readers + [sampler]:
        reader.join()
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({child.returncode}):\n"
                           f"{''.join(err_chunks)[-3000:]}")
    return {"seconds": round(seconds, 2),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
            "peak_tree_rss_mb": round(peak_tree / 2**20, 1),
            "stdout": "".join(out_chunks)}


def quality(model_path: pathlib.Path) -> dict[str, Any]:
    """Starter test split (and TweetTopicXL) metrics of a saved model, via the runtime."""
    from tweetmix.datasets import load_starter, load_tweettopic
    from tweetmix.evaluate import binary_metrics
    from tweetmix.trained import TweetmixModel

    model = TweetmixModel.load(model_path)
    test = load_starter(split="test")
    starter = binary_metrics([k == "personal" for k in test.target], model.score(test.data))
    result = {"starter_test_roc_auc": starter["roc_auc"], "starter_test_ece": starter["ece"],
              "starter_test_accuracy": starter["accuracy"],
              "model_mb": round(model_path.stat().st_size / 2**20, 2)}
    if TWEETTOPIC.exists():
        texts, kinds = load_tweettopic(TWEETTOPIC)
        topic = binary_metrics([k == "personal" for k in kinds], model.score(texts))
        result["tweettopic_roc_auc"] = topic["roc_auc"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated numbers of posts")
    parser.add_argument("--quick", action="store_true", help="2,000 and 10,000 posts only")
    parser.add_argument("--in-memory-max", type=int, default=100_000,
                        help="also train in memory up to this many posts (default 100000)")
    parser.add_argument("--jobs", type=int, default=-1,
                        help="out-of-core tokenising workers (default -1: all cores)")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--chunk-size", type=int, default=10_000)
    parser.add_argument("--workdir", help="keep generated data and models here")
    parser.add_argument("--json", help="write the results as JSON to this path")
    args = parser.parse_args(argv)
    sizes = [2000, 10_000] if args.quick else [int(s.replace("_", "")) for s in
                                                 args.sizes.split(",")]
    workdir = pathlib.Path(args.workdir or tempfile.mkdtemp(prefix="tweetmix-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    try:
        rows = measure_sizes(sizes, workdir, args)
    finally:
        if not args.workdir:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    report(rows, args, started)
    return 0


def measure_sizes(sizes: list[int], workdir: pathlib.Path, args: argparse.Namespace
                  ) -> list[dict[str, Any]]:
    """Generate the data and train on it, once per size and trainer."""
    rows: list[dict[str, Any]] = []
    for n in sizes:
        data = workdir / f"posts_{n}.csv"
        if not data.exists():
            print(f"generating {n:,} posts -> {data}", file=sys.stderr, flush=True)
            generate(data, n)
        trainers = [("out-of-core", [
            "--out-of-core", "--jobs", str(args.jobs), "--epochs", str(args.epochs),
            "--chunk-size", str(args.chunk_size)])]
        if n <= args.in_memory_max:
            trainers.append(("in-memory", ["--cv", "0"]))
        for trainer, flags in trainers:
            model = workdir / f"model_{trainer}_{n}.tweetmix"
            print(f"training {trainer} on {n:,} posts", file=sys.stderr, flush=True)
            run = run_child([sys.executable, "-m", "tweetmix", "train", str(data),
                             "--label-col", "kind", "-o", str(model), "--quiet", *flags])
            row = {"posts": n, "trainer": trainer, "seconds": run["seconds"],
                   "cpu_seconds": run["cpu_seconds"],
                   "posts_per_s": round(n / run["seconds"]), "peak_rss_mb": run["peak_rss_mb"],
                   "peak_tree_rss_mb": run["peak_tree_rss_mb"], **quality(model)}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    return rows


def report(rows: list[dict[str, Any]], args: argparse.Namespace, started: datetime) -> None:
    """The markdown table, the DESIGN target verdict and the JSON record."""
    header = ("posts", "trainer", "seconds", "CPU s", "posts/s", "peak RSS MB (tree PSS)",
              "starter AUC", "starter ECE", "TweetTopic AUC", "model MB")
    print(f"\nTraining at scale ({platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; jobs={args.jobs}, "
          f"epochs={args.epochs}, chunk={args.chunk_size})\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        topic = row.get("tweettopic_roc_auc")
        print(f"| {row['posts']:,} | {row['trainer']} | {row['seconds']:.1f} | "
              f"{row['cpu_seconds']:.0f} | {row['posts_per_s']:,} | {row['peak_rss_mb']:.0f} "
              f"({row['peak_tree_rss_mb']:.0f}) | {row['starter_test_roc_auc']:.3f} | "
              f"{row['starter_test_ece']:.3f} | "
              f"{'n/a' if topic is None else f'{topic:.3f}'} | {row['model_mb']:.1f} |")
    for row in rows:
        if row["trainer"] == "out-of-core" and row["posts"] >= 1_000_000:
            ok = row["seconds"] <= TARGET_SECONDS and row["peak_tree_rss_mb"] <= TARGET_RSS_MB
            print(f"\nDESIGN target (1 M posts ≤ {TARGET_SECONDS:.0f} s, "
                  f"≤ {TARGET_RSS_MB:.0f} MB): {'met' if ok else 'NOT met'} at "
                  f"{row['posts']:,} posts")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({
            "benchmark": "scale_train", "started": started.isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "load_1min": os.getloadavg()[0],
                        "python": platform.python_version()},
            "settings": {"jobs": args.jobs, "epochs": args.epochs,
                         "chunk_size": args.chunk_size, "in_memory_max": args.in_memory_max},
            "targets": {"seconds_1m": TARGET_SECONDS, "rss_mb_1m": TARGET_RSS_MB},
            "results": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
