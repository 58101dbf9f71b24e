"""How ``tweetmix score`` scales: posts/s, jobs=2 speed-up, and peak memory as files grow.

For each size, writes that many synthetic posts (starter-corpus posts with light random edits:
case, emoji, hashtags, handles, numbers, so no two are alike) to a JSONL file, then scores it
with ``python -m tweetmix score`` once per ``--jobs`` value, each run a separate process. Wall
time covers the whole command (start-up and model loading included); peak RSS is the largest
sum over the process tree (parent plus workers), polled with psutil. Bounded memory shows as a
peak RSS that stays flat from 10k to 1M posts; the outputs of the jobs settings are compared
byte for byte. Usage::

    python benchmarks/scale_score.py --quick               # 2k and 10k posts, a few minutes
    python benchmarks/scale_score.py                       # 10k, 100k, 1M (long: hours at ~1k/s)
    python benchmarks/scale_score.py --sizes 50000 --jobs 1,2 --json scale.json
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

EMOJI = ["😂", "🙏", "❤️", "🎉", "😭", "👍", "🔥", "👩‍💻"]
TAGS = ["#mondaymotivation", "#nhs", "#hiring", "#tbt", "#coffee", "#leeds", "#devops", "#mood"]
HANDLES = ["@sam_k", "@acme_support", "@jo", "@the_guardian", "@mum", "@dev_team"]


def starter_texts() -> list[str]:
    with open(ROOT / "data" / "starter.csv", newline="", encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def vary(text: str, rng: random.Random) -> str:
    """A light edit of ``text``, the kind real posts differ by."""
    words = text.split()
    roll = rng.random()
    if roll < 0.2 and words:
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.5 else words[i].lower()
    elif roll < 0.35 and len(words) > 4:
        del words[rng.randrange(len(words))]
    elif roll < 0.5:
        words.insert(rng.randrange(len(words) + 1), str(rng.randint(2, 99)))
    if rng.random() < 0.3:
        words.append(rng.choice(EMOJI))
    if rng.random() < 0.2:
        words.append(rng.choice(TAGS))
    if rng.random() < 0.15:
        words.insert(0, rng.choice(HANDLES))
    return " ".join(words) or text


def write_posts(path: pathlib.Path, n: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    texts = starter_texts()
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(n):
            post = vary(rng.choice(texts), rng)
            handle.write(json.dumps({"id": i, "text": post}, ensure_ascii=False) + "\n")


def run_scored(input_path: pathlib.Path, output: pathlib.Path, jobs: int, chunk_size: int
               ) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MB, process tree) of one ``tweetmix score`` run."""
    import psutil

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    command = [sys.executable, "-m", "tweetmix", "score", str(input_path), "-o", str(output),
               "--jobs", str(jobs), "--chunk-size", str(chunk_size), "--force", "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    parent = psutil.Process(process.pid)
    peak = 0
    cpu_by_pid: dict[int, float] = {}  # last CPU seconds seen per process of the tree
    while process.poll() is None:
        try:
            tree = [parent, *parent.children(recursive=True)]
        except psutil.Error:
            break
        rss = 0
        for member in tree:
            try:
                with member.oneshot():
                    rss += member.memory_info().rss
                    times = member.cpu_times()
                    cpu_by_pid[member.pid] = times.user + times.system
            except psutil.Error:
                pass
        peak = max(peak, rss)
        time.sleep(0.05)
    process.wait()
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"tweetmix score failed ({process.returncode}): {stderr}")
    # CPU of the whole tree, as last polled: cpu_s / seconds near the number of jobs means
    # the workers ran in parallel; far below it, other load on the machine starved them.
    cpu = sum(cpu_by_pid.values())
    return {"seconds": seconds, "cpu_s": cpu, "peak_rss_mb": peak / 2**20}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="comma-separated numbers of posts (default 10k,100k,1M)")
    parser.add_argument("--quick", action="store_true", help="sizes 2000,10000")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    parser.add_argument("--chunk-size", type=int, default=1000,
                        help="rows per chunk (default 1000: enough chunks to keep two workers "
                        "busy at the small sizes too)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--workdir", help="where to write the files (default: a temp folder)")
    args = parser.parse_args()
    sizes = [2000, 10000] if args.quick else [int(s) for s in args.sizes.split(",")]
    jobs_list = [int(j) for j in args.jobs.split(",")]

    folder = pathlib.Path(args.workdir or tempfile.mkdtemp(prefix="tweetmix-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in sizes:
        source = folder / f"posts-{n}.jsonl"
        write_posts(source, n)
        outputs = []
        for jobs in jobs_list:
            output = folder / f"scored-{n}-j{jobs}.jsonl"
            measured = run_scored(source, output, jobs, args.chunk_size)
            outputs.append(output)
            rows.append({"posts": n, "jobs": jobs, **measured,
                         "posts_per_s": n / measured["seconds"],
                         "input_mb": source.stat().st_size / 2**20})
            print(f"{n:>9,} posts  jobs={jobs}  {measured['seconds']:8.1f} s  "
                  f"{n / measured['seconds']:8,.0f} posts/s  "
                  f"peak {measured['peak_rss_mb']:6.0f} MB", file=sys.stderr)
        same = all(filecmp.cmp(outputs[0], o, shallow=False) for o in outputs[1:])
        for row in rows[-len(jobs_list):]:
            row["same_output"] = same  # byte for byte, across the --jobs values
        for path in outputs:
            path.unlink()
        source.unlink()

    if not args.workdir:
        folder.rmdir()  # every file in it was removed above
    base = {j: next(r for r in rows if r["jobs"] == j) for j in jobs_list}
    print(f"| posts | jobs | wall s | CPU s | posts/s | speed-up vs jobs={jobs_list[0]} | "
          "s per 1k posts (× smallest) | peak RSS MB | same output |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|:---:|")
    for row in rows:
        reference = next(r for r in rows if r["posts"] == row["posts"]
                         and r["jobs"] == jobs_list[0])
        per_k = row["seconds"] / row["posts"] * 1000
        first = base[row["jobs"]]
        growth = per_k / (first["seconds"] / first["posts"] * 1000)
        row["speedup"] = reference["seconds"] / row["seconds"]
        row["cost_growth"] = growth
        print(f"| {row['posts']:,} | {row['jobs']} | {row['seconds']:.1f} | {row['cpu_s']:.1f} | "
              f"{row['posts_per_s']:,.0f} | {row['speedup']:.2f} | {per_k:.2f} ({growth:.2f}×) | "
              f"{row['peak_rss_mb']:.0f} | {'yes' if row['same_output'] else 'NO'} |")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(
            {"quick": args.quick, "sizes": sizes, "cpu_count": os.cpu_count(),
             "load_average": os.getloadavg(), "chunk_size": args.chunk_size, "runs": rows},
            indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
