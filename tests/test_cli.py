"""The command line, run as users run it: in a subprocess."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

PERSONAL = "third night in A&E with my dad, no sleep. house empty till sunday"
PROFESSIONAL = "We're hiring two data engineers in Leeds, apply by Friday"


def tweetmix(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tweetmix", *args], input=stdin,
                          capture_output=True, cwd=ROOT)


def test_installed_entry_point_runs():
    exe = shutil.which("tweetmix")
    if exe is None:
        pytest.skip("tweetmix is not installed as a command (pip install . first)")
    result = subprocess.run([exe, "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "check" in result.stdout


def test_exit_codes_for_the_readme_examples():
    flagged = tweetmix("check", PERSONAL)
    assert flagged.returncode == 1, flagged.stderr
    assert flagged.stdout.decode().startswith("warning: ")
    assert "mentions your health" in flagged.stdout.decode()
    fine = tweetmix("check", PROFESSIONAL)
    assert fine.returncode == 0, fine.stderr
    assert fine.stdout.decode().startswith("ok")


def test_json_output_parses():
    result = tweetmix("check", "--format", "json", PERSONAL)
    data = json.loads(result.stdout)
    assert 0.5 <= data["p_personal"] <= 1 and data["verdict"] == "warning"
    assert "health" in data["categories"] and data["findings"]
    several = json.loads(tweetmix("check", "--format", "json", PERSONAL, PROFESSIONAL).stdout)
    assert [r["index"] for r in several] == [0, 1]


def test_threshold_flag_changes_the_exit_code():
    assert tweetmix("check", "--threshold", "1.0", PERSONAL).returncode in (0, 1)
    assert tweetmix("check", "--threshold", "0.0", PROFESSIONAL).returncode == 1


def test_stdin_lines_with_bad_bytes_are_reported_and_the_rest_checked():
    stdin = PROFESSIONAL.encode() + b"\n\nbad \xff byte\n" + PERSONAL.encode() + b"\n"
    result = tweetmix("check", "-", "--format", "jsonl", stdin=stdin)
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["line"] for r in rows] == [1, 3, 4]
    assert rows[1]["verdict"] == "error" and "not valid UTF-8" in rows[1]["error"]
    assert rows[0]["verdict"] == "ok" and rows[2]["verdict"] == "warning"
    assert result.returncode == 2  # an input error outranks a flag


def test_stdin_jsonl():
    stdin = "\n".join([json.dumps({"text": PROFESSIONAL}), json.dumps(PERSONAL),
                       json.dumps({"body": "x"}), "{not json"]).encode()
    result = tweetmix("check", "--jsonl", "--format", "jsonl", stdin=stdin)
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["verdict"] for r in rows] == ["ok", "warning", "error", "error"]
    assert "no 'text' field" in rows[2]["error"] and "not valid JSON" in rows[3]["error"]


def test_empty_and_too_long_posts_exit_2():
    assert tweetmix("check", "   ").returncode == 2
    result = tweetmix("check", "--max-chars", "20", "this post is longer than twenty characters")
    assert result.returncode == 2 and b"over the limit" in result.stderr


def test_usage_error_exits_2():
    assert tweetmix("check", "--format", "yaml", "hi").returncode == 2
    assert tweetmix("frobnicate").returncode == 2


def test_train_and_info(tmp_path):
    from .conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS

    csv_path = tmp_path / "posts.csv"
    rows = [f'"{t}",personal,a{i % 3}' for i, t in enumerate(PERSONAL_POSTS)]
    rows += [f'"{t}",professional,b{i % 3}' for i, t in enumerate(PROFESSIONAL_POSTS)]
    csv_path.write_text("\n".join(["text,label,author"] + rows * 3) + "\n")
    model = tmp_path / "m.tweetmix"
    result = tweetmix("train", str(csv_path), "--group-col", "author", "--cv", "3", "-o",
                      str(model), "--quiet")
    assert result.returncode == 0, result.stderr
    assert b"roc_auc" in result.stdout and model.exists()
    assert b"duplicate" in result.stderr  # rows * 3 repeats every post
    info = tweetmix("info", str(model), "--format", "json")
    manifest = json.loads(info.stdout)
    assert manifest["training_data"]["n_posts"] == 16
    checked = tweetmix("check", "--model", str(model), "--format", "json", PROFESSIONAL)
    assert json.loads(checked.stdout)["model"] == "custom"


def test_train_names_the_wrong_column(tmp_path):
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text("body,kind\nhello,personal\n")
    result = tweetmix("train", str(csv_path), "--text-col", "bdy", "-o", str(tmp_path / "m"))
    assert result.returncode == 2
    assert b"the columns are ['body', 'kind']" in result.stderr and b"'body'" in result.stderr


def test_info_on_the_default_model():
    result = tweetmix("info")
    assert result.returncode == 0 and b"default" in result.stdout


def test_missing_model_file_exits_2(tmp_path):
    result = tweetmix("check", "--model", str(tmp_path / "nope.tweetmix"), "hi")
    assert result.returncode == 2 and b"no model file" in result.stderr
