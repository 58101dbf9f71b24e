"""Streaming file scoring (tweetmix.scoring, ``tweetmix score``): formats, order, bad rows,
parallel workers, progress, and resuming after SIGKILL / SIGINT."""
from __future__ import annotations

import csv
import gzip
import json
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from tweetmix.cli import main
from tweetmix.exceptions import DataError
from tweetmix.scoring import ResumeError, file_format, progress_path, score_file
from tweetmix.trained import TweetmixModel

from .conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS, ROOT

POSTS = [p for pair in zip(PERSONAL_POSTS, PROFESSIONAL_POSTS) for p in pair]


@pytest.fixture(scope="module")
def model():
    import tweetmix

    return tweetmix.default_model()


@pytest.fixture(scope="module")
def corpus_texts():
    with open(ROOT / "data" / "starter.csv", newline="", encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle)]


def _open(path: pathlib.Path, mode: str):
    opener = gzip.open if path.name.endswith(".gz") else open
    return opener(path, mode + "t", encoding="utf-8", newline="")


def write_posts(path: pathlib.Path, posts: list[str], ids: list[object] | None = None) -> None:
    ids = ids if ids is not None else [f"p{i}" for i in range(len(posts))]
    kind, _ = file_format(path)
    with _open(path, "w") as handle:
        if kind == "csv":
            writer = csv.writer(handle)
            writer.writerow(["id", "text", "extra"])
            writer.writerows([ident, text, "x"] for ident, text in zip(ids, posts))
        else:
            for ident, text in zip(ids, posts):
                handle.write(json.dumps({"id": ident, "text": text}) + "\n")


def read_results(path: pathlib.Path) -> list[dict]:
    """Rows of an output file, parsed to the same types whatever the format."""
    kind, _ = file_format(path)
    with _open(path, "r") as handle:
        if kind == "jsonl":
            return [json.loads(line) for line in handle]
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["row"], row["line"] = int(row["row"]), int(row["line"])
        row["p_personal"] = float(row["p_personal"]) if row["p_personal"] else None
        row["categories"] = [c for c in row["categories"].split(";") if c]
        for key in ("label", "error"):
            row[key] = row[key] or None
    return rows


@pytest.mark.parametrize("source, target", [
    ("in.csv", "out.csv"), ("in.jsonl", "out.jsonl"), ("in.csv.gz", "out.jsonl.gz"),
    ("in.jsonl.gz", "out.csv.gz"), ("in.ndjson", "out.csv"),
])
def test_round_trip_keeps_order_and_ids_and_matches_check(tmp_path, model, source, target):
    ids = list(range(100, 100 + len(POSTS)))[::-1]  # not sorted: order must follow the input
    write_posts(tmp_path / source, POSTS, [str(i) for i in ids])
    summary = score_file(tmp_path / source, tmp_path / target, progress=False, chunk_size=3)
    rows = read_results(tmp_path / target)
    expected = model.check(POSTS)
    assert [r["id"] for r in rows] == [str(i) for i in ids]
    assert [r["row"] for r in rows] == list(range(1, len(POSTS) + 1))
    first_line = 2 if source.startswith("in.csv") else 1
    assert [r["line"] for r in rows] == list(range(first_line, first_line + len(POSTS)))
    assert [r["p_personal"] for r in rows] == [round(e.p_personal, 6) for e in expected]
    assert [r["verdict"] for r in rows] == [e.verdict for e in expected]
    assert [r["label"] for r in rows] == [e.label for e in expected]
    assert [r["categories"] for r in rows] == [list(e.categories) for e in expected]
    assert (summary.rows, summary.scored, summary.errors) == (len(POSTS), len(POSTS), 0)
    assert summary.flagged == sum(e.verdict in ("notice", "warning") for e in expected)
    assert not progress_path(tmp_path / target).exists()  # finished runs leave no sidecar
    if target.endswith(".gz"):
        with open(tmp_path / target, "rb") as handle:
            assert handle.read(2) == b"\x1f\x8b"


def test_gzip_output_is_one_valid_gzip_stream_of_members(tmp_path):
    write_posts(tmp_path / "in.jsonl", POSTS)
    score_file(tmp_path / "in.jsonl", tmp_path / "out.jsonl.gz", progress=False, chunk_size=4)
    unpacked = subprocess.run(["gzip", "-dc", str(tmp_path / "out.jsonl.gz")],
                              capture_output=True, check=True).stdout
    assert len(unpacked.splitlines()) == len(POSTS)


def test_keep_text_and_explicit_id_column(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"tweet_id": i, "id": "ignored", "body": t}) + "\n"
                            for i, t in enumerate(POSTS[:4])), encoding="utf-8")
    score_file(path, tmp_path / "out.jsonl", text_col="body", id_col="tweet_id",
               keep_text=True, progress=False)
    rows = read_results(tmp_path / "out.jsonl")
    assert [r["tweet_id"] for r in rows] == [0, 1, 2, 3]
    assert [r["body"] for r in rows] == POSTS[:4]
    assert "id" not in rows[0]


BAD_JSONL = (
    b'{"id": 1, "text": "third night in A&E with my dad"}\n'
    b'{"id": 2, "text": ""}\n'
    b'{"id": 3, "text": null}\n'
    b'{"id": 4, "text": NaN}\n'
    b'{"id": 5, "text": "' + b"a" * 10_001 + b'"}\n'
    b'{"id": 6, "text": "caf\xff"}\n'
    b'{"id": 7, "text": "unfinished\n'
    b'\n'
    b'{"id": 8}\n'
    b'[1, 2]\n'
    b'"a bare JSON string is a post too"\n'
    b'{"id": 9, "text": "lone \\udc80 surrogate"}\n'
)


def test_bad_jsonl_rows_are_written_with_their_error_and_counted(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(BAD_JSONL)
    summary = score_file(path, tmp_path / "out.jsonl", progress=False, chunk_size=4)
    rows = read_results(tmp_path / "out.jsonl")
    assert len(rows) == 11  # the blank line is not a record; nothing else is dropped
    errors = {r["line"]: r["error"] for r in rows if r["verdict"] == "error"}
    assert set(errors) == {2, 3, 4, 5, 6, 7, 9, 10, 12}
    expected_words = {2: "empty", 3: "missing", 4: "missing", 5: "10,001 characters",
                      6: "not valid UTF-8", 7: "not valid JSON", 9: "no 'text' field",
                      10: "JSON list", 12: "surrogate"}
    for line, word in expected_words.items():
        assert word in errors[line], errors[line]
        assert f"bad.jsonl, line {line}" in errors[line]
    assert all(r["p_personal"] is None and r["categories"] == [] for r in rows
               if r["verdict"] == "error")
    assert [r["id"] for r in rows][:4] == [1, 2, 3, 4]
    assert (summary.rows, summary.scored, summary.errors) == (11, 2, 9)


def test_bad_csv_rows_and_rejects_file(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,text\n1,we are hiring in Leeds\n2,\n3\n4,caf\xff au lait\n"
                     b'5,"a post\nover two lines about my mum"\n6,so hungover\n')
    summary = score_file(path, tmp_path / "out.csv", rejects=tmp_path / "rejects.jsonl",
                         progress=False)
    good, bad = read_results(tmp_path / "out.csv"), read_results(tmp_path / "rejects.jsonl")
    assert [r["id"] for r in good] == ["1", "5", "6"]
    assert [r["line"] for r in good] == [2, 6, 8]  # the record's first line in the file
    assert [r["id"] for r in bad] == ["2", "3", "4"]
    assert "empty" in bad[0]["error"] and "1 field" in bad[1]["error"]
    assert "not valid UTF-8 (byte 0xff)" in bad[2]["error"]
    assert summary.errors == 3 and summary.scored == 3


def test_missing_text_column_names_file_and_columns(tmp_path, capsys):
    path = tmp_path / "posts.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"posts\.csv: no column 'text' \(columns: \['id', "
                       r"'body'\]\)"):
        score_file(path, tmp_path / "out.csv", progress=False)
    assert main(["score", str(path), "-o", str(tmp_path / "out2.csv")]) == 2
    err = capsys.readouterr().err
    assert "no column 'text'" in err and "--text-col" in err
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out2.csv").exists()
    jsonl = tmp_path / "posts.jsonl"
    jsonl.write_text('{"body": "hello"}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"posts\.jsonl, line 1: no 'text' field"):
        score_file(jsonl, tmp_path / "out.jsonl", progress=False)


@pytest.mark.parametrize("name, message", [
    ("posts.txt", "unsupported file type"), ("missing.csv", "no such file"),
])
def test_unreadable_inputs_are_clear_errors(tmp_path, name, message):
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("hello\n")
    with pytest.raises(DataError, match=message):
        score_file(path, tmp_path / "out.csv", progress=False)


def test_damaged_gzip_input_is_a_clear_error(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    write_posts(path, POSTS * 20)
    path.write_bytes(path.read_bytes()[:-30])
    with pytest.raises(DataError, match="damaged or ends early"):
        score_file(path, tmp_path / "out.jsonl", progress=False)


def test_existing_output_is_not_overwritten_without_force(tmp_path):
    write_posts(tmp_path / "in.csv", POSTS[:3])
    out = tmp_path / "out.csv"
    out.write_text("precious\n")
    with pytest.raises(ResumeError, match="already exists.*--force"):
        score_file(tmp_path / "in.csv", out, progress=False)
    assert out.read_text() == "precious\n"
    with pytest.raises(ResumeError, match="nothing to resume"):
        score_file(tmp_path / "in.csv", out, resume=True, progress=False)
    score_file(tmp_path / "in.csv", out, force=True, progress=False)
    assert len(read_results(out)) == 3
    fresh = tmp_path / "fresh.csv"  # --resume with nothing to resume starts afresh
    assert score_file(tmp_path / "in.csv", fresh, resume=True, progress=False).rows == 3


@pytest.mark.parametrize("start_method", ["fork", "forkserver"])
def test_two_jobs_give_the_same_bytes_as_one(tmp_path, corpus_texts, monkeypatch, start_method):
    import multiprocessing

    import tweetmix.scoring

    if start_method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start_method} start method on this platform")
    monkeypatch.setattr(tweetmix.scoring, "_start_method", lambda: start_method)
    write_posts(tmp_path / "in.jsonl", corpus_texts[:120] + ["", "x" * 20_000])
    one = score_file(tmp_path / "in.jsonl", tmp_path / "one.jsonl", progress=False,
                     chunk_size=10)
    two = score_file(tmp_path / "in.jsonl", tmp_path / "two.jsonl", progress=False,
                     chunk_size=10, jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (one.rows, one.errors, one.flagged) == (two.rows, two.errors, two.flagged)
    assert two.errors == 2 and two.jobs == 2


def test_progress_bar_only_when_asked_or_on_a_terminal(tmp_path, capsys):
    write_posts(tmp_path / "in.csv", POSTS)
    score_file(tmp_path / "in.csv", tmp_path / "a.csv", progress=True, chunk_size=4)
    shown = capsys.readouterr().err
    assert "posts/s" in shown and "scoring in.csv" in shown
    score_file(tmp_path / "in.csv", tmp_path / "b.csv", chunk_size=4)  # stderr is not a tty
    assert capsys.readouterr().err == ""
    result = subprocess.run([sys.executable, "-m", "tweetmix", "score", str(tmp_path / "in.csv"),
                             "-o", str(tmp_path / "c.csv")], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "\r" not in result.stderr  # the summary, no bar
    assert f"{len(POSTS)} rows read" in lines[0] and "posts/s" in lines[0]
    quiet = subprocess.run([sys.executable, "-m", "tweetmix", "score", str(tmp_path / "in.csv"),
                            "-o", str(tmp_path / "d.csv"), "--quiet"], capture_output=True,
                           text=True, cwd=ROOT, check=False)
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_strict_exit_code_and_summary_counts(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "we are hiring"}\n{"text": ""}\n', encoding="utf-8")
    assert main(["score", str(path), "-o", str(tmp_path / "a.csv")]) == 0
    assert "2 rows read, 1 scored" in capsys.readouterr().err
    assert main(["score", str(path), "-o", str(tmp_path / "b.csv"), "--strict"]) == 2
    assert "1 errors" in capsys.readouterr().err


# -- resuming -----------------------------------------------------------------------------------
class InterruptingModel(TweetmixModel):
    """The default model, interrupted (as by Ctrl-C) on its ``fail_at``-th batch."""

    def __init__(self, base: TweetmixModel, fail_at: int):
        super().__init__(base.runtime, base.manifest, source="in memory")
        self.calls, self.fail_at = 0, fail_at

    def check(self, texts, **kwargs):
        self.calls += 1
        if self.calls == self.fail_at:
            raise KeyboardInterrupt
        return super().check(texts, **kwargs)


def _interrupted(tmp_path, model, posts, output="out.csv.gz", fail_at=3, chunk_size=5):
    source = tmp_path / "in.jsonl"
    write_posts(source, posts)
    with pytest.raises(KeyboardInterrupt):
        score_file(source, tmp_path / output, model=InterruptingModel(model, fail_at),
                   chunk_size=chunk_size, progress=False)
    return source, tmp_path / output


@pytest.mark.parametrize("output", ["out.csv.gz", "out.jsonl"])
def test_resume_after_a_torn_chunk_equals_an_uninterrupted_run(tmp_path, model, output):
    posts = POSTS * 2
    source, out = _interrupted(tmp_path, model, posts, output)
    state = json.loads(progress_path(out).read_text())
    assert state["rows_done"] == 10  # two chunks of 5 done before the interruption
    with open(out, "ab") as handle:  # a kill in the middle of writing the next chunk
        handle.write(b"half a chunk, no newline")
    summary = score_file(source, out, resume=True, model=model, chunk_size=7, progress=False)
    score_file(source, tmp_path / ("whole" + output[3:]), model=model, progress=False)
    assert read_results(out) == read_results(tmp_path / ("whole" + output[3:]))
    assert summary.resumed_rows == 10 and summary.rows == len(posts)
    assert not progress_path(out).exists()


def test_resume_with_a_rejects_file_keeps_both_files_in_step(tmp_path, model):
    posts = (POSTS[:4] + [""]) * 5
    source = tmp_path / "in.jsonl"
    write_posts(source, posts)
    with pytest.raises(KeyboardInterrupt):
        score_file(source, tmp_path / "out.jsonl", rejects=tmp_path / "bad.csv",
                   model=InterruptingModel(model, 3), chunk_size=4, progress=False)
    with open(tmp_path / "bad.csv", "ab") as handle:
        handle.write(b"torn,row")
    score_file(source, tmp_path / "out.jsonl", rejects=tmp_path / "bad.csv", resume=True,
               model=model, progress=False)
    score_file(source, tmp_path / "whole.jsonl", rejects=tmp_path / "whole-bad.csv",
               model=model, progress=False)
    assert (tmp_path / "out.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert (tmp_path / "bad.csv").read_bytes() == (tmp_path / "whole-bad.csv").read_bytes()
    assert len(read_results(tmp_path / "bad.csv")) == 5


def test_resume_refuses_a_changed_input_or_other_settings(tmp_path, model):
    source, out = _interrupted(tmp_path, model, POSTS)
    with pytest.raises(ResumeError, match="keep_text was False, now True"):
        score_file(source, out, resume=True, keep_text=True, progress=False)
    with pytest.raises(ResumeError, match="already exists.*--resume"):
        score_file(source, out, progress=False)
    write_posts(source, POSTS[::-1])
    with pytest.raises(ResumeError, match="input .*in.jsonl changed"):
        score_file(source, out, resume=True, progress=False)
    summary = score_file(source, out, force=True, progress=False)
    assert summary.resumed_rows == 0 and summary.rows == len(POSTS)


def _posts_for_seconds(model, corpus_texts, seconds: float) -> list[str]:
    """Enough posts for a run of about ``seconds`` on this machine (they vary in speed a lot)."""
    sample = corpus_texts[:200]
    start = time.perf_counter()
    model.check(sample)
    rate = len(sample) / (time.perf_counter() - start)
    n = int(min(max(rate * seconds, 600), 50_000))
    return [corpus_texts[i % len(corpus_texts)] for i in range(n)]


def _descendants(pid: int) -> list:
    psutil = pytest.importorskip("psutil")
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _assert_gone(processes: list, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    alive = processes
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if p.is_running() and p.status() != "zombie"]
        time.sleep(0.1)
    assert not alive, f"processes left behind: {alive}"


@pytest.fixture(scope="module")
def long_input(tmp_path_factory, model, corpus_texts):
    """A file that takes a few seconds to score, and its uninterrupted results."""
    folder = tmp_path_factory.mktemp("long")
    posts = _posts_for_seconds(model, corpus_texts, 2.0)
    write_posts(folder / "in.jsonl", posts)
    score_file(folder / "in.jsonl", folder / "expected.jsonl", model=model, progress=False)
    return folder / "in.jsonl", folder / "expected.jsonl", len(posts)


@pytest.mark.parametrize("sig, output, jobs, resume_jobs", [
    (signal.SIGKILL, "out.csv.gz", "2", "1"), (signal.SIGINT, "out.jsonl", "1", "2")])
def test_cli_resumes_after_sigkill_or_sigint_without_duplicates(tmp_path, long_input, sig,
                                                                output, jobs, resume_jobs):
    source, expected, n_posts = long_input
    out = tmp_path / output
    command = [sys.executable, "-m", "tweetmix", "score", str(source), "-o", str(out),
               "--chunk-size", str(max(n_posts // 25, 20)), "--quiet"]
    process = subprocess.Popen([*command, "--jobs", jobs], cwd=ROOT, stderr=subprocess.PIPE,
                               text=True)
    sidecar, deadline = progress_path(out), time.monotonic() + 120
    done = 0
    while done == 0 and process.poll() is None and time.monotonic() < deadline:
        try:
            done = json.loads(sidecar.read_text())["rows_done"]
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.01)
    assert process.poll() is None, "the run finished before it could be interrupted"
    workers = _descendants(process.pid)
    process.send_signal(sig)
    stderr = process.communicate(timeout=60)[1]
    if sig == signal.SIGINT:
        assert process.returncode == 130 and "--resume" in stderr
    else:
        assert process.returncode == -signal.SIGKILL
    _assert_gone(workers)  # workers of a killed run exit instead of lingering
    state = json.loads(sidecar.read_text())
    assert 0 < state["rows_done"] < n_posts
    resumed = subprocess.run([*command, "--resume", "--jobs", resume_jobs], cwd=ROOT,
                             capture_output=True, text=True, check=False)
    assert resumed.returncode == 0, resumed.stderr
    assert read_results(out) == read_results(expected)  # one row per input row, same results
    if output.endswith(".jsonl"):
        assert out.read_bytes() == expected.read_bytes()
    assert not sidecar.exists()
