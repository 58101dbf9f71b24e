"""Throughput and latency of the HTTP API, against in-process ``check`` in the same run.

Starts a real ``python -m tweetmix serve`` process on a free local port, then N client threads
(each with its own keep-alive connection) send posts from the starter corpus's test split:
first one post per request (``{"text": ...}``), then batches (``{"texts": [...]}``). Every
answer is checked for status 200. The baseline is ``TweetmixModel.check`` on the same posts in
this process (one at a time, and in batches of the same size), so the ratio says what HTTP,
JSON and the server cost on top of the checking itself. Client and server share the machine:
on a 2-core box the clients' own CPU use lowers the server's figures. Usage::

    python benchmarks/http_load.py [--quick] [--clients N] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any, Callable, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent


def percentile(sorted_values: Sequence[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def summarise(latencies_s: list[float], wall_s: float, posts_per_request: int) -> dict[str, Any]:
    ordered = sorted(latencies_s)
    return {
        "requests": len(ordered),
        "posts": len(ordered) * posts_per_request,
        "wall_s": round(wall_s, 4),
        "requests_per_s": round(len(ordered) / wall_s, 1),
        "posts_per_s": round(len(ordered) * posts_per_request / wall_s, 1),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 3),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 3),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(log_path: pathlib.Path, extra: list[str]) -> tuple[subprocess.Popen, str, float]:
    """Start ``tweetmix serve``; return the process, its base URL and seconds until healthy."""
    import httpx

    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tweetmix", "serve", "--port", str(port), *extra],
            cwd=log_path.parent, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"tweetmix serve exited with {process.returncode}:\n"
                               + log_path.read_text(errors="replace"))
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return process, base, time.perf_counter() - started
        except httpx.TransportError:
            pass
        if time.perf_counter() - started > 60:
            process.terminate()
            raise RuntimeError("tweetmix serve did not become healthy within 60 s")
        time.sleep(0.05)


def load_over_http(base: str, payloads: list[dict[str, Any]], clients: int
                   ) -> tuple[list[float], float]:
    """Send every payload once, from ``clients`` threads; return per-request latencies, wall."""
    import httpx

    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    next_index = iter(range(len(payloads)))

    def worker() -> None:
        mine: list[float] = []
        with httpx.Client(base_url=base, timeout=120) as http:
            http.get("/v1/health")  # open the keep-alive connection outside the timing
            while True:
                with lock:
                    i = next(next_index, None)
                if i is None:
                    break
                start = time.perf_counter()
                response = http.post("/v1/check", json=payloads[i])
                mine.append(time.perf_counter() - start)
                if response.status_code != 200:
                    failures.append(f"payload {i}: {response.status_code} {response.text[:200]}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"{len(failures)} request(s) failed, first: {failures[0]}")
    return latencies, wall


def in_process(fn: Callable[[Any], Any], items: list[Any]) -> tuple[list[float], float]:
    latencies = []
    start = time.perf_counter()
    for item in items:
        t = time.perf_counter()
        fn(item)
        latencies.append(time.perf_counter() - t)
    return latencies, time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="a short run to try the benchmark (fewer requests)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--requests", type=int, help="single-post requests (default 2000; "
                        "--quick 200)")
    parser.add_argument("--batches", type=int, help="batch requests (default 200; --quick 20)")
    parser.add_argument("--batch-size", type=int, default=50, help="posts per batch (default 50)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    args = parser.parse_args(argv)
    n_single = args.requests or (200 if args.quick else 2000)
    n_batches = args.batches or (20 if args.quick else 200)
    size = args.batch_size

    if str(ROOT) not in sys.path:  # run from a source checkout without installing
        sys.path.insert(0, str(ROOT))
    import tweetmix
    from tweetmix.datasets import load_starter

    posts = load_starter(split="test").data
    singles = [posts[i % len(posts)] for i in range(n_single)]
    batches = [[posts[(b * size + j) % len(posts)] for j in range(size)] for b in range(n_batches)]

    model = tweetmix.default_model()
    model.check(posts[:50])  # warm the caches, as the server does at startup
    base_single = summarise(*in_process(model.check, singles), 1)
    base_batch = summarise(*in_process(model.check, batches), size)

    with tempfile.TemporaryDirectory() as folder:
        log_path = pathlib.Path(folder) / "server.log"
        process, base, startup_s = start_server(log_path, [])
        try:
            load_over_http(base, [{"text": t} for t in singles[:50]], args.clients)  # warm-up
            http_single = summarise(*load_over_http(base, [{"text": t} for t in singles],
                                                    args.clients), 1)
            http_batch = summarise(*load_over_http(base, [{"texts": b} for b in batches],
                                                   args.clients), size)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    results = {
        "clients": args.clients, "batch_size": size, "quick": args.quick,
        "python": sys.version.split()[0], "cpus": os.cpu_count(),
        "server_startup_s": round(startup_s, 3),
        "http_single": http_single, "http_batch": http_batch,
        "in_process_single": base_single, "in_process_batch": base_batch,
        "ratio_single_posts_per_s": round(http_single["posts_per_s"]
                                          / base_single["posts_per_s"], 3),
        "ratio_batch_posts_per_s": round(http_batch["posts_per_s"] / base_batch["posts_per_s"], 3),
        "median_post_chars": statistics.median(len(p) for p in posts),
    }

    print(f"{len(posts)} starter test posts (median {results['median_post_chars']:.0f} chars), "
          f"{args.clients} clients, python {results['python']}, {results['cpus']} CPUs; "
          f"server ready {startup_s:.2f} s after start\n")
    print("| mode | requests | posts/request | requests/s | posts/s | p50 ms | p99 ms | "
          "posts/s vs in-process |")
    print("|---|---|---|---|---|---|---|---|")
    rows = [("HTTP single", http_single, 1, results["ratio_single_posts_per_s"]),
            ("in-process `check(text)`", base_single, 1, None),
            (f"HTTP batch of {size}", http_batch, size, results["ratio_batch_posts_per_s"]),
            (f"in-process `check(list of {size})`", base_batch, size, None)]
    for name, row, per, ratio in rows:
        shown = f"{ratio:.2f}×" if ratio is not None else "baseline"
        print(f"| {name} | {row['requests']:,} | {per} | {row['requests_per_s']:,.0f} | "
              f"{row['posts_per_s']:,.0f} | {row['p50_ms']:.2f} | {row['p99_ms']:.2f} | {shown} |")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
