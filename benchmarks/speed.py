"""Speed of tokenize, batch score and warm single check, with baselines from the same run.

Machines here are noisy, so every figure is a median of repeats and is also given as a ratio
to a baseline measured in the same process: nltk's ``TweetTokenizer`` for tokenisation, and the
scikit-learn pipeline's ``predict_proba`` for scoring. Usage::

    python benchmarks/speed.py [--posts N] [--repeats R]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def median_rate(fn, items, repeats: int) -> float:
    """Median items per second over ``repeats`` runs."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(items)
        rates.append(len(items) / (time.perf_counter() - start))
    return statistics.median(rates)


def latencies_ms(fn, items) -> list[float]:
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - start) * 1000)
    return sorted(out)


def cold_start_seconds(args: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    import tweetmix
    from tweetmix.datasets import load_starter
    from tweetmix.tokenize import tokenize_with_spans

    posts = load_starter().data[: args.posts]
    model = tweetmix.default_model(estimator=True)

    from nltk.tokenize import TweetTokenizer

    nltk_tok = TweetTokenizer(preserve_case=False, reduce_len=True, match_phone_numbers=False)
    ours = median_rate(lambda xs: [tokenize_with_spans(x) for x in xs], posts, args.repeats)
    theirs = median_rate(lambda xs: [nltk_tok.tokenize(x) for x in xs], posts, args.repeats)

    runtime_rate = median_rate(model.score, posts, args.repeats)
    sklearn_rate = median_rate(lambda xs: model.estimator.predict_proba(xs), posts, args.repeats)

    model.check(posts[0])
    single = latencies_ms(model.check, posts[:2000])
    sk_single = latencies_ms(lambda x: model.estimator.predict_proba([x]), posts[:300])

    text = "third night in A&E with my dad, no sleep"
    cli = cold_start_seconds([sys.executable, "-m", "tweetmix", "check", text], args.repeats)
    sklearn_import = cold_start_seconds([sys.executable, "-c", "import sklearn"], args.repeats)

    start = time.perf_counter()
    tweetmix.load(tweetmix.default.default_model_path(), estimator=False)
    load_ms = (time.perf_counter() - start) * 1000

    def pct(values: list[float], q: float) -> float:
        return values[min(len(values) - 1, int(q * len(values)))]

    print(f"posts: {len(posts)}, repeats: {args.repeats}, python {sys.version.split()[0]}\n")
    print("| what | tweetmix | baseline (same run) | ratio | DESIGN §5 target |")
    print("|---|---|---|---|---|")
    print(f"| tokenize (posts/s) | {ours:,.0f} | nltk TweetTokenizer {theirs:,.0f} | "
          f"{ours / theirs:.2f}× | not the bottleneck |")
    print(f"| batch score (posts/s, 1 core) | {runtime_rate:,.0f} | scikit-learn pipeline "
          f"{sklearn_rate:,.0f} | {runtime_rate / sklearn_rate:.2f}× | ≥ 20,000 |")
    print(f"| warm single check p50 (ms) | {pct(single, .5):.3f} | scikit-learn single "
          f"{pct(sk_single, .5):.3f} | {pct(single, .5) / pct(sk_single, .5):.2f}× | ≤ 0.5 |")
    print(f"| warm single check p99 (ms) | {pct(single, .99):.3f} | scikit-learn single "
          f"{pct(sk_single, .99):.3f} | {pct(single, .99) / pct(sk_single, .99):.2f}× | ≤ 2 |")
    print(f"| CLI `tweetmix check TEXT`, fresh process (s) | {cli:.3f} | `python -c 'import "
          f"sklearn'` {sklearn_import:.3f} | {cli / sklearn_import:.2f}× | ≤ 0.3× |")
    print(f"| default model load, runtime section (ms) | {load_ms:.0f} | | | ≤ 200 |")
    size = tweetmix.default.default_model_path().stat().st_size / 1e6
    print(f"| default model file (MB) | {size:.1f} | | | ≤ 10 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
