"""Run every benchmark and write ONE markdown table against the DESIGN §5 targets.

Each script in this folder runs in its own subprocess with ``--json`` (and ``--quick`` when
given), under a timeout; a missing, failing or skipped script becomes "not run: <reason>" in its
rows instead of stopping the suite. The table starts with the machine (CPU, cores, RAM, load,
versions, commit, date), then one row per §5 target — what, target, measured, baseline measured
in the same run, ratio, met? — then "what a user would pick instead" (fastText, from
``baselines.py``), then the other measured rows; every number each script reported is listed
at the end. Usage::

    python benchmarks/run_all.py [--quick] [--out benchmarks/RESULTS.md] [--only NAME ...]
                                 [--keep DIR] [--reuse DIR] [--timeout S]

``--keep DIR`` keeps each script's JSON and log; ``--reuse DIR`` rebuilds the table from such a
folder without running anything. Run the full suite on a quiet machine: figures here are
medians, and ratios to a baseline from the same run are what survive a noisy one.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: Known scripts, in the order they run; any other ``*.py`` here (except this file and names
#: starting with ``_``) runs after them.
ORDER = ("speed", "real_posts", "categories", "baselines", "http_load", "scale_score",
         "scale_train")
CLI_TEXT = "third night in A&E with my dad, no sleep"
LIST_ITEM_IDS = ("name", "key", "what", "metric", "id", "posts", "trainer", "jobs", "mode")


# --- running ------------------------------------------------------------------------------------

@dataclass
class Outcome:
    """What one script gave: its JSON (``data``) or why there is none (``problem``)."""

    name: str
    data: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.problem is None

    def flat(self) -> dict[str, float]:
        return flatten(self.data) if self.ok else {}


def flatten(data: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves of nested JSON as ``{"a.b.c": value}`` (booleans left out); list items
    are named by their identifying fields (``name``, ``posts``, ``jobs``, …), else by position."""
    out: dict[str, float] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}{key}."))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            ids = [f"{k}={item[k]}" for k in LIST_ITEM_IDS
                   if isinstance(item, dict) and isinstance(item.get(k), (str, int))]
            out.update(flatten(item, f"{prefix}{','.join(ids) or index}."))
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        out[prefix[:-1]] = float(data)
    return out


def discover() -> list[str]:
    present = {p.stem for p in HERE.glob("*.py")
               if p.stem != "run_all" and not p.stem.startswith("_")}
    return list(ORDER) + sorted(present - set(ORDER))


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


def run_script(name: str, quick: bool, timeout: float, keep: Path) -> Outcome:
    script = HERE / f"{name}.py"
    if not script.exists():
        return Outcome(name, problem="does not exist yet")
    json_path, log_path = keep / f"{name}.json", keep / f"{name}.log"
    json_path.unlink(missing_ok=True)
    command = [sys.executable, str(script), "--json", str(json_path)] + (["--quick"] * quick)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    print(f"[run_all] {' '.join(shlex.quote(c) for c in command[1:])}", file=sys.stderr,
          flush=True)
    start = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        # a session of its own, so a timeout also ends the servers and workers it started
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Outcome(name, problem=f"timed out after {timeout:.0f} s",
                           seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    output = log_path.read_text(encoding="utf-8", errors="replace")
    if code != 0:
        return Outcome(name, problem=f"exit code {code}: {last_line(output)}", seconds=seconds)
    return read_outcome(name, json_path, seconds)


def read_outcome(name: str, json_path: Path, seconds: float = 0.0) -> Outcome:
    if not (HERE / f"{name}.py").exists():
        return Outcome(name, problem="does not exist yet")
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Outcome(name, problem="wrote no JSON (does it support --json?)",
                       seconds=seconds)
    except ValueError as exc:
        return Outcome(name, problem=f"wrote unreadable JSON ({exc})", seconds=seconds)
    if not isinstance(data, dict):
        return Outcome(name, problem="wrote JSON that is not an object", seconds=seconds)
    if data.get("skipped"):
        return Outcome(name, data=data, problem=f"skipped: {data['skipped']}", seconds=seconds)
    return Outcome(name, data=data, seconds=seconds)


def reuse_outcome(name: str, keep: Path) -> Outcome:
    """An earlier run's outcome from a ``--keep`` folder (its status file says how it went)."""
    try:
        status = json.loads((keep / f"{name}.status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        status = {}
    if status.get("problem"):
        return Outcome(name, problem=status["problem"], seconds=status.get("seconds", 0.0))
    if not (keep / f"{name}.json").exists() and not status:
        return Outcome(name, problem=f"not in {keep}")
    return read_outcome(name, keep / f"{name}.json", status.get("seconds", 0.0))


# --- direct measurements (cheap, always possible) ---------------------------------------------

def median_seconds(command: list[str], repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of fresh processes (CPU time survives a busy machine)."""
    import resource

    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


#: Loads the model once (paying for lazy imports), then times further loads, as speed.py does.
LOAD_SNIPPET = """
import sys, time, tweetmix
path = sys.argv[1]
tweetmix.load(path, estimator=False)
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    tweetmix.load(path, estimator=False)
    print(time.perf_counter() - start)
"""


def direct_measurements(quick: bool) -> dict[str, float]:
    """Artifact size, load time and the pre-send CLI against ``import sklearn``, measured here
    so the §5 rows have a value even when speed.py is missing or failed."""
    out: dict[str, float] = {}
    sys.path.insert(0, str(ROOT))
    from tweetmix.default import default_model_path

    path = default_model_path()
    out["model_file_mb"] = path.stat().st_size / 1e6
    done = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(path), "3" if quick else "7"],
                          cwd=ROOT, capture_output=True, text=True, check=False,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    loads = [float(x) * 1000 for x in done.stdout.split()] if done.returncode == 0 else []
    if loads:
        out["model_load_ms"] = statistics.median(loads)
    repeats = 3 if quick else 9
    out["cli_check_s"], out["cli_check_cpu_s"] = median_seconds(
        [sys.executable, "-m", "tweetmix", "check", CLI_TEXT], repeats)
    out["import_sklearn_s"], out["import_sklearn_cpu_s"] = median_seconds(
        [sys.executable, "-c", "import sklearn"], repeats)
    return out


# --- reading figures out of the scripts' JSON --------------------------------------------------

@dataclass
class Figure:
    value: float
    source: str  # "script: key", shown in the list of every number

    def in_ms(self) -> Figure:
        """The value in milliseconds, judging the unit by the key's suffix (default ms)."""
        if re.search(r"(_s|seconds|_sec)$", self.source):
            return Figure(self.value * 1000, self.source)
        if re.search(r"(_us|micros\w*)$", self.source):
            return Figure(self.value / 1000, self.source)
        return self

    def in_s(self) -> Figure:
        return Figure(self.in_ms().value / 1000, self.source) if re.search(
            r"(_ms|_us|millis\w*|micros\w*)$", self.source) else self


def pick(outcome: Outcome, include: str, exclude: str | None = None) -> Figure | None:
    """The first numeric key (shortest first) matching ``include`` and not ``exclude``."""
    flat = outcome.flat()
    keys = sorted((k for k in flat if re.search(include, k, re.I)
                   and not (exclude and re.search(exclude, k, re.I))), key=lambda k: (len(k), k))
    return Figure(flat[keys[0]], f"{outcome.name}: {keys[0]}") if keys else None


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{100 * value:.1f} %"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    elif abs(value) >= 0.1:
        text = f"{value:.3f}".rstrip("0").rstrip(".") if unit else f"{value:.3f}"
    else:
        text = f"{value:.4f}"
    return f"{text} {unit}".strip() if unit not in ("", "%") else text


@dataclass
class Row:
    what: str
    target: str = ""
    measured: str = ""
    baseline: str = ""
    ratio: str = ""
    met: str = ""
    note: str = ""

    def cells(self) -> list[str]:
        return [self.what, self.target, self.measured, self.baseline, self.ratio, self.met,
                self.note]


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a is not None and b else ""


def verdict(ok: bool | None, quick_only: bool = False) -> str:
    if ok is None:
        return ""
    if quick_only:
        return "n/a (quick)"
    return "yes" if ok else "**no**"


class Suite:
    """The collected outcomes and the rules that turn them into rows."""

    def __init__(self, outcomes: dict[str, Outcome], direct: dict[str, float], quick: bool):
        self.out = outcomes
        self.direct = direct
        self.quick = quick

    def get(self, name: str, include: str, exclude: str | None = None) -> Figure | None:
        outcome = self.out.get(name)
        return pick(outcome, include, exclude) if outcome else None

    def why_not(self, *names: str) -> str:
        reasons = [f"{n}.py {self.out[n].problem}" if n in self.out and self.out[n].problem
                   else f"{n}.py was not run" if n not in self.out
                   else f"{n}.py reported no such figure" for n in names]
        return "not measurable here: " + "; ".join(reasons)

    def quick_note(self, name: str) -> str:
        outcome = self.out.get(name)
        return "--quick run" if outcome and outcome.data.get("quick") else ""

    # -- DESIGN §5 --------------------------------------------------------------------------

    def design_rows(self) -> list[Row]:
        return [self.auc(), self.mint(), self.warning_rate(), self.ece(),
                *self.single_check(), self.batch(), self.cli(), self.train_starter(),
                *self.train_million(), self.model_size(), self.model_load()]

    def auc(self) -> Row:
        row = Row("`p_personal` ROC-AUC, TweetTopicXL (personal vs professional)", "≥ 0.93")
        ours = self.get("real_posts", r"tweettopic_roc_auc$", r"fasttext")
        theirs = self.get("baselines", r"fasttext_tweettopic_roc_auc")
        if ours is None:
            row.measured = self.why_not("real_posts")
            return row
        row.measured, row.met = fmt(ours.value), verdict(ours.value >= 0.93)
        if theirs:
            row.baseline, row.ratio = f"fastText {fmt(theirs.value)}", ratio(ours.value,
                                                                              theirs.value)
        return row

    def mint(self) -> Row:
        row = Row("Spearman of `p_personal` (or a disclosure score) vs MINT English intimacy",
                  "≥ 0.55")
        p = self.get("real_posts", r"mint_spearman$")
        disclosure = self.get("real_posts", r"mint_spearman_disclosure$")
        if p is None:
            row.measured = self.why_not("real_posts")
            return row
        best = max([p] + ([disclosure] if disclosure else []), key=lambda f: f.value)
        row.measured = f"{fmt(p.value)} (p_personal)" + (
            f"; {fmt(disclosure.value)} (disclosure)" if disclosure else "")
        row.met = verdict(best.value >= 0.55)
        theirs = self.get("baselines", r"fasttext_mint_spearman")
        if theirs:
            row.baseline = f"fastText {fmt(theirs.value)}"
            row.ratio = ratio(best.value, theirs.value)
        return row

    def warning_rate(self) -> Row:
        row = Row("`warning` rate on ordinary real tweets (TweetEval pool)", "≤ 5 %")
        rate = self.get("real_posts", r"tweeteval_warning_rate$")
        n = self.get("real_posts", r"tweeteval_n$")
        if rate is None:
            row.measured = self.why_not("real_posts")
            return row
        row.measured, row.met = fmt(rate.value, "%"), verdict(rate.value <= 0.05)
        notice = self.get("real_posts", r"tweeteval_notice_rate$")
        row.baseline = f"notice rate {fmt(notice.value, '%')}" if notice else ""
        row.note = (f"n={n.value:,.0f}" if n else "") + (
            ", random sample (--quick)" if self.quick_note("real_posts") else "")
        return row

    def ece(self) -> Row:
        row = Row("calibration of `p_personal`, starter test split (ECE)", "≤ 0.05")
        ours = self.get("real_posts", r"starter_test_ece$", r"fasttext")
        if ours is None:
            row.measured = self.why_not("real_posts")
            return row
        row.measured, row.met = fmt(ours.value), verdict(ours.value <= 0.05)
        theirs = self.get("baselines", r"fasttext_starter_test_ece")
        if theirs:
            row.baseline = f"fastText {fmt(theirs.value)}"
            row.ratio = ratio(ours.value, theirs.value)
        row.note = "model trained on the train split (manifest)"
        return row

    def single_check(self) -> list[Row]:
        rows = []
        for q, target, limit in (("p50", "≤ 0.5 ms", 0.5), ("p99", "≤ 2 ms", 2.0)):
            row = Row(f"warm single `check`, in process, {q}", target)
            ours = self.get("speed", rf"^check_{q}_ms$") or self.get(
                "speed", rf"(single|check).*{q}|{q}.*(single|check)",
                r"sklearn|pipeline|baseline|nltk|fasttext|http|ratio|score")
            base = self.get("speed", rf"^score_{q}_ms$")
            base_name = "`score` of one post"
            if base is None:
                base = self.get("speed", rf"(sklearn|pipeline|baseline).*{q}", r"ratio")
                base_name = "scikit-learn pipeline single"
            ours, base = ours and ours.in_ms(), base and base.in_ms()
            if ours is None:  # fall back on the same-process figures of baselines.py
                ours = self.get("baselines", rf"tweetmix_single_check_{q}_ms")
                base = self.get("baselines", rf"fasttext_single_{q}_ms")
                base_name = "fastText single"
            if ours is None:
                row.measured = self.why_not("speed", "baselines")
            else:
                row.measured, row.met = fmt(ours.value, "ms"), verdict(ours.value <= limit)
                row.note = ours.source
                if base:
                    row.baseline = f"{base_name} {fmt(base.value, 'ms')}"
                    row.ratio = ratio(ours.value, base.value)
                fast = self.get("baselines", rf"fasttext_single_{q}_ms$")
                if fast and not row.baseline.startswith("fastText"):
                    row.note += f"; fastText single {fmt(fast.value, 'ms')}"
            rows.append(row)
        return rows

    def batch(self) -> Row:
        row = Row("batch `score`, one core", "≥ 20,000 posts/s")
        ours = self.get("speed", r"(batch|score|runtime).*(per_s|posts_s|rate)",
                        r"sklearn|pipeline|baseline|nltk|token|fasttext|http|cli|ratio|cpu")
        base = self.get("speed", r"(sklearn|pipeline|baseline).*(per_s|posts_s|rate)",
                        r"token|nltk|ratio|cpu")
        base_name = "scikit-learn pipeline"
        if ours is None:
            ours = self.get("baselines", r"tweetmix_batch_score_posts_per_s")
            base = self.get("baselines", r"fasttext_batch_posts_per_s")
            base_name = "fastText"
        if ours is None:
            row.measured = self.why_not("speed", "baselines")
            return row
        row.measured, row.met = f"{fmt(ours.value)} posts/s", verdict(ours.value >= 20_000)
        row.note = ours.source
        if base:
            row.baseline = f"{base_name} {fmt(base.value)} posts/s"
            row.ratio = ratio(ours.value, base.value)
        return row

    def cli(self) -> Row:
        row = Row("pre-send CLI `tweetmix check TEXT`, fresh process", "≤ 0.3 × `import sklearn`")
        ours = self.get("speed", r"cli.*(_s|seconds|_ms)$", r"sklearn|baseline|ratio|cpu")
        base = self.get("speed", r"(import.*sklearn|sklearn.*import).*(_s|seconds|_ms)$",
                        r"ratio|cpu")
        ours, base = ours and ours.in_s(), base and base.in_s()
        source = ours.source if ours and base else ""
        if not (ours and base):
            ours = Figure(self.direct["cli_check_s"], "run_all: cli_check_s")
            base = Figure(self.direct["import_sklearn_s"], "run_all: import_sklearn_s")
            source = (f"measured by run_all, median of fresh processes; in CPU time "
                      f"{fmt(self.direct['cli_check_cpu_s'], 's')} vs "
                      f"{fmt(self.direct['import_sklearn_cpu_s'], 's')} = "
                      + ratio(self.direct["cli_check_cpu_s"], self.direct["import_sklearn_cpu_s"]))
        row.measured = fmt(ours.value, "s")
        row.baseline = f"`python -c 'import sklearn'` {fmt(base.value, 's')}"
        row.ratio = ratio(ours.value, base.value)
        row.met = verdict(ours.value / base.value <= 0.3)
        row.note = source
        return row

    def train_starter(self) -> Row:
        row = Row("training on the starter corpus", "≤ 10 s")
        ours = self.get("categories", r"^metrics\.train_seconds$")
        posts = self.get("categories", r"train_posts$")
        cpu = self.get("categories", r"train_cpu_seconds$")
        if ours is None:
            row.measured = self.why_not("categories")
            return row
        quick = bool(self.quick_note("categories"))
        row.measured = fmt(ours.value, "s") + (f" ({fmt(cpu.value, 's')} CPU)" if cpu else "")
        row.met = verdict(ours.value <= 10, quick_only=quick)
        theirs = self.get("baselines", r"fasttext_train_seconds")
        their_posts = self.get("baselines", r"fasttext_train_posts")
        if theirs:
            row.baseline = f"fastText {fmt(theirs.value, 's')}" + (
                f" ({their_posts.value:,.0f} posts)" if their_posts else "")
            if not quick:  # the quick run trains tweetmix on fewer posts than fastText
                row.ratio = ratio(ours.value, theirs.value)
        n = f"{posts.value:,.0f} posts" if posts else "the train split"
        row.note = (f"{n}, cv=0" + (": --quick trains on half the train split's authors"
                                     if quick else " (the train split)"))
        return row

    def runs(self, name: str, key: str) -> list[dict[str, Any]]:
        """The list of run records a scale script wrote under ``key`` (empty if none)."""
        outcome = self.out.get(name)
        records = outcome.data.get(key) if outcome and outcome.ok else None
        return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []

    def train_million(self) -> list[Row]:
        time_row = Row("training on 1 M posts, out-of-core", "≤ 3 min")
        rss_row = Row("training on 1 M posts, out-of-core: peak memory", "≤ 2 GB RSS")
        runs = [r for r in self.runs("scale_train", "results")
                if r.get("trainer") == "out-of-core" and isinstance(r.get("seconds"), (int, float))]
        if runs:  # scale_train.py's own record: the largest out-of-core run
            run = max(runs, key=lambda r: r.get("posts", 0))
            full = run.get("posts", 0) >= 1_000_000
            time_row.measured = fmt(run["seconds"], "s")
            time_row.met = verdict(run["seconds"] <= 180, quick_only=not full)
            time_row.note = f"{run.get('posts', 0):,} posts" + ("" if full else
                                                                 ", not 1 M: smaller run")
            memory = run.get("peak_tree_rss_mb", run.get("peak_rss_mb"))
            if isinstance(memory, (int, float)):
                rss_row.measured = f"{fmt(memory)} MB"
                rss_row.met = verdict(memory <= 2048, quick_only=not full)
                rss_row.note = (f"{run.get('posts', 0):,} posts; process tree (the child alone: "
                                f"{fmt(run.get('peak_rss_mb'))} MB)")
            else:
                rss_row.measured = "not measurable here: scale_train.py reported no peak RSS"
            in_memory = [r for r in self.runs("scale_train", "results")
                         if r.get("trainer") == "in-memory" and r.get("posts") == run.get("posts")]
            if in_memory and in_memory[0].get("seconds"):
                time_row.baseline = f"in-memory training {fmt(in_memory[0]['seconds'], 's')}"
                time_row.ratio = ratio(run["seconds"], in_memory[0]["seconds"])
                their_memory = in_memory[0].get("peak_tree_rss_mb")
                if isinstance(memory, (int, float)) and their_memory:
                    rss_row.baseline = f"in-memory {fmt(their_memory)} MB"
                    rss_row.ratio = ratio(memory, their_memory)
            return [time_row, rss_row]
        outcome = self.out.get("scale_train")
        seconds = self.get("scale_train", r"(train|fit|wall|elapsed|total).*(seconds|_s)$",
                           r"per_s|startup|import|baseline")
        rss = self.get("scale_train", r"rss|memory|mem_", r"baseline")
        posts = self.get("scale_train", r"(^|\.)(n_)?(posts|rows|n)$")
        if outcome is None or not outcome.ok or seconds is None:
            time_row.measured = self.why_not("scale_train")
        else:
            full = posts is None or posts.value >= 1_000_000
            time_row.measured = fmt(seconds.value, "s")
            time_row.met = verdict(seconds.value <= 180, quick_only=not full)
            time_row.note = (f"{posts.value:,.0f} posts; " if posts else "") + seconds.source
        if outcome is None or not outcome.ok or rss is None:
            rss_row.measured = self.why_not("scale_train")
        else:
            mb = rss.value / 1e6 if rss.value > 1e5 else rss.value * (
                1024 if re.search(r"gb", rss.source, re.I) else 1)
            full = posts is None or posts.value >= 1_000_000
            rss_row.measured = f"{fmt(mb)} MB"
            rss_row.met = verdict(mb <= 2048, quick_only=not full)
            rss_row.note = rss.source
        return [time_row, rss_row]

    def model_size(self) -> Row:
        size = self.direct["model_file_mb"]
        return Row("default model artifact", "≤ 10 MB", fmt(size, "MB"), met=verdict(size <= 10),
                   note="tweetmix/models/default.tweetmix")

    def model_load(self) -> Row:
        row = Row("default model load (runtime form)", "≤ 200 ms")
        ours = self.get("speed", r"load.*(_ms|_s|seconds)$", r"baseline|ratio|cli|import")
        ours = ours and ours.in_ms()
        if ours is None and "model_load_ms" in self.direct:
            ours = Figure(self.direct["model_load_ms"], "measured by run_all: median of loads "
                                                        "after a first one paid for imports")
        if ours is None:
            row.measured = self.why_not("speed")
            return row
        row.measured, row.met, row.note = fmt(ours.value, "ms"), verdict(ours.value <= 200), \
            ours.source
        return row

    # -- what a user would pick instead -------------------------------------------------------

    def anchor_rows(self) -> list[Row]:
        outcome = self.out.get("baselines")
        if outcome is None or not outcome.ok:
            return [Row("fastText (word 1-2-grams) anchor", measured=self.why_not("baselines"))]
        rows = []
        specs = [
            ("batch prediction, same posts, same process", "tweetmix_batch_score_posts_per_s",
             "fasttext_batch_posts_per_s", "posts/s"),
            ("batch prediction, per CPU-second", "tweetmix_batch_score_posts_per_cpu_s",
             "fasttext_batch_posts_per_cpu_s", "posts/s"),
            ("warm single prediction p50 (tweetmix: full check)", "tweetmix_single_check_p50_ms",
             "fasttext_single_p50_ms", "ms"),
            ("warm single prediction p99", "tweetmix_single_check_p99_ms",
             "fasttext_single_p99_ms", "ms"),
            ("ROC-AUC on TweetTopicXL", "tweetmix_tweettopic_roc_auc",
             "fasttext_tweettopic_roc_auc", ""),
            ("Spearman vs MINT English intimacy (p_personal)", "tweetmix_mint_spearman",
             "fasttext_mint_spearman", ""),
        ]
        for what, ours_key, theirs_key, unit in specs:
            ours = self.get("baselines", rf"{ours_key}$")
            theirs = self.get("baselines", rf"{theirs_key}$")
            if ours and theirs:
                rows.append(Row(f"vs fastText: {what}", "", fmt(ours.value, unit),
                                f"fastText {fmt(theirs.value, unit)}",
                                ratio(ours.value, theirs.value)))
        train = self.get("baselines", r"fasttext_train_seconds$")
        size = self.get("baselines", r"fasttext_model_mb$")
        auc = self.get("baselines", r"fasttext_starter_test_roc_auc$")
        if train:
            rows.append(Row("fastText: training on the starter train split", "",
                            fmt(train.value, "s"),
                            note=(f"{fmt(size.value, 'MB')} model; " if size else "")
                            + (f"starter test ROC-AUC {fmt(auc.value)}" if auc else "")))
        return rows

    # -- everything else -----------------------------------------------------------------------

    def other_rows(self) -> list[Row]:
        rows: list[Row] = []

        def add(what: str, name: str, include: str, unit: str = "",
                base: tuple[str, str] | None = None, exclude: str | None = None) -> None:
            ours = self.get(name, include, exclude)
            if ours is None:
                return
            row = Row(what, measured=fmt(ours.value, unit), note=ours.source)
            if base:
                theirs = self.get(name, base[1])
                if theirs:
                    row.baseline = f"{base[0]} {fmt(theirs.value, unit)}"
                    row.ratio = ratio(ours.value, theirs.value)
            rows.append(row)

        add("TweetTopicXL macro-F1 at 0.5", "real_posts", r"tweettopic_macro_f1$")
        add("MINT English Spearman, p_personal × disclosure", "real_posts",
            r"mint_spearman_p_x_disclosure$")
        add("batch `check` of real tweets (TweetEval), wall clock", "real_posts",
            r"tweeteval_check_posts_per_s$", "posts/s")
        add("batch `check` of real tweets, per CPU-second", "real_posts",
            r"tweeteval_check_posts_per_cpu_s$", "posts/s")
        add("starter test split ROC-AUC", "real_posts", r"starter_test_roc_auc$")
        add("categories: macro precision, starter test split", "categories",
            r"macro_precision$")
        add("categories: macro recall, starter test split", "categories", r"macro_recall$")
        add("categories: macro F1, starter test split", "categories", r"macro_f1$")
        add("tokenize", "speed", r"tokeni[sz]e.*(per_s|rate)", "posts/s",
            ("nltk TweetTokenizer", r"nltk.*(per_s|rate)"), exclude=r"nltk|ratio|cpu")
        add("HTTP `POST /v1/check`, one post a request", "http_load",
            r"^http_single\.posts_per_s$", "posts/s",
            ("in-process check", r"^in_process_single\.posts_per_s$"))
        add("HTTP single p50", "http_load", r"^http_single\.p50_ms$", "ms",
            ("in-process", r"^in_process_single\.p50_ms$"))
        add("HTTP batch requests", "http_load", r"^http_batch\.posts_per_s$", "posts/s",
            ("in-process check(list)", r"^in_process_batch\.posts_per_s$"))
        add("HTTP server start to ready", "http_load", r"server_startup_s$", "s")
        score_runs = self.runs("scale_score", "runs")
        for run in score_runs:
            if not isinstance(run.get("posts_per_s"), (int, float)):
                continue
            single = next((r for r in score_runs if r.get("posts") == run.get("posts")
                           and r.get("jobs") == 1), None)
            row = Row(f"`tweetmix score` on {run.get('posts', 0):,} posts, jobs={run.get('jobs')}",
                      measured=fmt(run["posts_per_s"], "posts/s"),
                      note=f"whole command incl. start-up; peak RSS "
                           f"{fmt(run.get('peak_rss_mb'))} MB"
                           + ("" if run.get("same_output", True) else "; OUTPUT DIFFERS"))
            if single is not None and single is not run and single.get("posts_per_s"):
                row.baseline = f"jobs=1 {fmt(single['posts_per_s'], 'posts/s')}"
                row.ratio = ratio(run["posts_per_s"], single["posts_per_s"])
            rows.append(row)
        for run in self.runs("scale_train", "results"):
            if isinstance(run.get("seconds"), (int, float)):
                rows.append(Row(f"`tweetmix train` on {run.get('posts', 0):,} posts, "
                                f"{run.get('trainer')}", measured=fmt(run["seconds"], "s"),
                                note=f"peak RSS {fmt(run.get('peak_tree_rss_mb'))} MB; starter "
                                     f"test ROC-AUC {fmt(run.get('starter_test_roc_auc'))}"))
        for name, outcome in self.out.items():  # scripts without rules of their own
            if name in ("speed", "real_posts", "categories", "baselines", "http_load",
                        "scale_train") or (name == "scale_score" and score_runs):
                continue
            if not outcome.ok:
                rows.append(Row(f"{name}.py", measured=f"not run: {outcome.problem}"))
                continue
            for key, value in outcome.flat().items():
                if re.search(r"per_s|_ms$|_s$|seconds|rss|_mb$|ratio|rate", key, re.I):
                    rows.append(Row(f"{name}: {key}", measured=fmt(value)))
        for name in ("http_load", "scale_train"):
            outcome = self.out.get(name)
            if outcome and not outcome.ok:
                rows.append(Row(f"{name}.py", measured=f"not run: {outcome.problem}"))
        return rows


# --- the report -------------------------------------------------------------------------------

def machine_info() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    try:
        import psutil

        ram = f"{psutil.virtual_memory().total / 2**30:.1f} GiB"
    except ImportError:
        ram = "unknown"

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    git = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                         text=True, check=False).stdout.strip() or "not a git checkout"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True, check=False).stdout.strip()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("CPU", f"{cpu}; {os.cpu_count()} logical cores, {usable} usable"),
        ("RAM", ram),
        ("load average (1/5/15 min) at start", load),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("numpy / scikit-learn / nltk / scipy", " / ".join(
            version(p) for p in ("numpy", "scikit-learn", "nltk", "scipy"))),
        ("fasttext", version("fasttext")),
        ("git commit", git + (" + uncommitted changes" if dirty else "")),
        ("date (UTC)", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")),
    ]


def table(rows: list[Row]) -> list[str]:
    lines = ["| what | target | measured | baseline (same run) | ratio | met? | note |",
             "|---|---|---|---|---|---|---|"]
    for row in rows:
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ")
                                        for c in row.cells()) + " |")
    return lines


def render(suite: Suite, machine: list[tuple[str, str]], command: str, reused: bool) -> str:
    lines = [f"# tweetmix benchmarks{' (--quick)' if suite.quick else ''}", "",
             f"`{command}` — medians; every ratio is to a baseline measured in the same run.",
             "", "| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in machine]
    if reused:
        lines += ["", ("The scripts' figures come from an earlier run (`--reuse`); the machine "
                       "rows above describe the moment this table was built.")]
    if suite.quick:
        lines += ["", ("**--quick**: smaller samples and training sets, for trying the suite "
                       "out; not numbers to quote against the targets.")]
    lines += ["", "## DESIGN §5 targets", ""] + table(suite.design_rows())
    lines += ["", "## What a user would pick instead: fastText (word 1-2-grams)", "",
              "tweetmix / fastText, same posts, same process (`baselines.py`).", ""]
    lines += table(suite.anchor_rows())
    lines += ["", "## Other measurements", ""] + table(suite.other_rows())
    lines += ["", "## Scripts", "", "| script | status | wall time |", "|---|---|---|"]
    for name, outcome in suite.out.items():
        status = "ok" if outcome.ok else f"not run: {outcome.problem}"
        lines.append(f"| {name}.py | {status} | {outcome.seconds:.0f} s |")
    lines += ["", "<details><summary>Every number the scripts reported</summary>", "",
              "| script: key | value |", "|---|---|"]
    for name, outcome in suite.out.items():
        for key, value in outcome.flat().items():
            lines.append(f"| {name}: {key} | {value:.6g} |")
    for key, value in suite.direct.items():
        lines.append(f"| run_all: {key} | {value:.6g} |")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="pass --quick to every script")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"), help="markdown to write")
    parser.add_argument("--json", metavar="PATH", help="also write every outcome as JSON")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these scripts")
    parser.add_argument("--skip", nargs="+", metavar="NAME", default=[], help="do not run these")
    parser.add_argument("--timeout", type=float, help="seconds per script (default 900 with "
                        "--quick, else 3600)")
    parser.add_argument("--keep", metavar="DIR", help="keep each script's JSON and log here")
    parser.add_argument("--reuse", metavar="DIR", help="build the table from a --keep folder "
                        "without running the scripts")
    args = parser.parse_args(argv)
    timeout = args.timeout or (900 if args.quick else 3600)
    names = [n.removesuffix(".py") for n in (args.only or discover())
             if n.removesuffix(".py") not in {s.removesuffix(".py") for s in args.skip}]
    command = "python benchmarks/run_all.py" + " ".join(
        [""] + [shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])])
    machine = machine_info()

    outcomes: dict[str, Outcome] = {}
    with tempfile.TemporaryDirectory() as scratch:
        keep = Path(args.reuse or args.keep or scratch)
        keep.mkdir(parents=True, exist_ok=True)
        for name in names:
            if args.reuse:
                outcome = reuse_outcome(name, keep)
            else:
                outcome = run_script(name, args.quick, timeout, keep)
                (keep / f"{name}.status.json").write_text(json.dumps(
                    {"problem": outcome.problem, "seconds": outcome.seconds}), encoding="utf-8")
            outcomes[name] = outcome
            print(f"[run_all] {name}: {'ok' if outcome.ok else outcome.problem} "
                  f"({outcome.seconds:.0f} s)", file=sys.stderr, flush=True)
    direct = direct_measurements(args.quick)
    suite = Suite(outcomes, direct, args.quick)
    report = render(suite, machine, command, bool(args.reuse))
    Path(args.out).write_text(report, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": dict(machine), "direct": direct,
            "scripts": {n: {"problem": o.problem, "seconds": o.seconds, "data": o.data}
                        for n, o in outcomes.items()}}, indent=2), encoding="utf-8")
    print(report)
    print(f"[run_all] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
