"""Speed of the check path against DESIGN §5, with baselines measured in the same run.

Machines here are noisy, so every figure is a median of repeats, and each is also given as a
ratio to a baseline measured in the same process or with the same command:

* tokenize: nltk's ``TweetTokenizer`` on the same posts;
* batch ``score``: the scikit-learn pipeline's ``predict_proba`` on the same posts;
* warm single ``check`` (score + categories + reasons): ``score`` of one post (p_personal only);
* CLI ``tweetmix check TEXT`` in a fresh process: ``python -c "import sklearn"``;
* default model load (runtime section only) and file size: absolute, against the targets.

Usage::

    python benchmarks/speed.py [--quick] [--posts N] [--repeats R] [--json PATH]

``--quick`` uses a few hundred posts and three repeats (a minute or so): use it to try things
out; the full run is for a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Sequence

ROOT = pathlib.Path(__file__).resolve().parents[1]
try:
    import tweetmix  # noqa: F401  (installed, or run from the checkout's root)
except ImportError:  # run as a script from a checkout that is not installed
    sys.path.insert(0, str(ROOT))


def median_rate(fn: Callable[[Sequence[str]], Any], items: Sequence[str], repeats: int) -> float:
    """Median items per second over ``repeats`` runs of ``fn(items)``."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(items)
        rates.append(len(items) / (time.perf_counter() - start))
    return statistics.median(rates)


def latencies_ms(fn: Callable[[str], Any], items: Sequence[str]) -> list[float]:
    """Sorted wall-clock milliseconds of ``fn(item)`` for each item."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q`` quantile of already sorted values (nearest rank)."""
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def cold_start_seconds(args: list[str], repeats: int, ok: tuple[int, ...] = (0,)) -> float:
    """Median wall-clock seconds of running ``args`` as a fresh process (from the checkout's
    root, so ``python -m tweetmix`` runs this checkout); exit codes outside ``ok`` raise."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, check=False, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if done.returncode not in ok:
            raise RuntimeError(f"{' '.join(args)} exited with {done.returncode}: "
                               f"{done.stderr.decode(errors='replace')[-500:]}")
    return statistics.median(times)


def median_load_ms(path: pathlib.Path, repeats: int) -> float:
    """Median milliseconds to load the model's runtime section (what the check path reads)."""
    from tweetmix.trained import TweetmixModel

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        TweetmixModel.load(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(posts: Sequence[str], repeats: int, latency_posts: int) -> dict[str, Any]:
    """Every figure of the table, as a dict (see :func:`table` for what each one is)."""
    import tweetmix
    from tweetmix.default import default_model_path
    from tweetmix.exceptions import IncompatibleModelError
    from tweetmix.tokenize import tokenize_with_spans
    from tweetmix.trained import TweetmixModel

    path = default_model_path()
    results: dict[str, Any] = {"posts": len(posts), "repeats": repeats,
                               "python": sys.version.split()[0]}
    results["load_ms"] = median_load_ms(path, repeats)
    results["model_mb"] = path.stat().st_size / 1e6
    model = tweetmix.default_model()
    patterns = model.runtime.patterns

    from nltk.tokenize import TweetTokenizer  # the baseline only: slow to import

    nltk_tokenizer = TweetTokenizer(preserve_case=False, reduce_len=True,
                                    match_phone_numbers=False)
    results["tokenize_rate"] = median_rate(
        lambda xs: [tokenize_with_spans(x, patterns=patterns) for x in xs], posts, repeats)
    results["nltk_tokenize_rate"] = median_rate(
        lambda xs: [nltk_tokenizer.tokenize(x) for x in xs], posts, repeats)

    model.score(posts)  # warm: per-word caches filled as in a long-running process
    results["score_rate"] = median_rate(model.score, posts, repeats)
    try:  # the pickled estimator, only if it loads as shipped (never rebuild here)
        estimator = TweetmixModel.load(path, estimator=True).estimator
    except IncompatibleModelError:
        estimator = None
    results["sklearn_score_rate"] = (
        median_rate(estimator.predict_proba, posts, repeats) if estimator is not None else None)

    sample = list(posts[:latency_posts])
    for text in sample:  # warm: lexicon patterns compiled and words cached, as in a server
        model.check(text)
    check = latencies_ms(model.check, sample)
    bare = latencies_ms(model.score, sample)
    results.update(check_p50_ms=percentile(check, 0.5), check_p99_ms=percentile(check, 0.99),
                   score_p50_ms=percentile(bare, 0.5), score_p99_ms=percentile(bare, 0.99),
                   latency_posts=len(sample))

    text = "third night in A&E with my dad, no sleep"
    results["cli_s"] = cold_start_seconds([sys.executable, "-m", "tweetmix", "check", text],
                                          repeats, ok=(0, 1))  # 1: flagged, as this post is
    results["import_sklearn_s"] = cold_start_seconds([sys.executable, "-c", "import sklearn"],
                                                     repeats)
    return results


def _ratio(ours: float | None, theirs: float | None) -> str:
    return f"{ours / theirs:.2f}×" if ours and theirs else "n/a"


def table(r: dict[str, Any]) -> str:
    """The results as a markdown table, with DESIGN §5's targets and whether each is met."""
    def met(ok: bool) -> str:
        return "yes" if ok else "no"

    sk = r["sklearn_score_rate"]
    rows = [
        ("tokenize (posts/s)", f"{r['tokenize_rate']:,.0f}",
         f"nltk TweetTokenizer {r['nltk_tokenize_rate']:,.0f}",
         _ratio(r["tokenize_rate"], r["nltk_tokenize_rate"]), "not the bottleneck", ""),
        ("batch score (posts/s, one core)", f"{r['score_rate']:,.0f}",
         f"scikit-learn pipeline {sk:,.0f}" if sk else "scikit-learn pipeline n/a",
         _ratio(r["score_rate"], sk), "≥ 20,000", met(r["score_rate"] >= 20_000)),
        ("warm single check p50 (ms)", f"{r['check_p50_ms']:.3f}",
         f"score only {r['score_p50_ms']:.3f}", _ratio(r["check_p50_ms"], r["score_p50_ms"]),
         "≤ 0.5", met(r["check_p50_ms"] <= 0.5)),
        ("warm single check p99 (ms)", f"{r['check_p99_ms']:.3f}",
         f"score only {r['score_p99_ms']:.3f}", _ratio(r["check_p99_ms"], r["score_p99_ms"]),
         "≤ 2", met(r["check_p99_ms"] <= 2)),
        ("CLI `tweetmix check TEXT`, fresh process (s)", f"{r['cli_s']:.3f}",
         f"`python -c 'import sklearn'` {r['import_sklearn_s']:.3f}",
         _ratio(r["cli_s"], r["import_sklearn_s"]), "≤ 0.3×",
         met(r["cli_s"] <= 0.3 * r["import_sklearn_s"])),
        ("default model load, runtime section (ms)", f"{r['load_ms']:.0f}", "", "", "≤ 200",
         met(r["load_ms"] <= 200)),
        ("default model file (MB)", f"{r['model_mb']:.1f}", "", "", "≤ 10",
         met(r["model_mb"] <= 10)),
    ]
    lines = [f"posts: {r['posts']} (latency: {r['latency_posts']}), repeats: {r['repeats']}, "
             f"python {r['python']}; medians, wall clock", "",
             "| what | tweetmix | baseline (same run) | ratio | DESIGN §5 target | met |",
             "|---|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="500 posts, 300 latency posts, 3 repeats: for trying things out")
    parser.add_argument("--posts", type=int, help="posts for the throughput figures (3000)")
    parser.add_argument("--repeats", type=int, help="repeats per figure (5)")
    parser.add_argument("--latency-posts", type=int, help="posts timed one by one (2000)")
    parser.add_argument("--json", type=pathlib.Path, metavar="PATH",
                        help="also write the figures to PATH as JSON")
    args = parser.parse_args(argv)
    posts_n = args.posts or (500 if args.quick else 3000)
    repeats = args.repeats or (3 if args.quick else 5)
    latency_n = args.latency_posts or (300 if args.quick else 2000)
    if min(posts_n, repeats, latency_n) < 1:
        parser.error("--posts, --repeats and --latency-posts must be at least 1")

    from tweetmix.datasets import load_starter

    posts = list(load_starter().data[:posts_n])
    results = measure(posts, repeats, latency_n)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
