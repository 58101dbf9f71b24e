"""The command line, run as users run it: in a subprocess."""
from __future__ import annotations

import json
import pathlib
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


# -- draft files, as pre-send hooks give them ---------------------------------------------------
@pytest.fixture
def draft_files(tmp_path):
    """Files that are clean, flagged and broken, to check how exit codes aggregate."""
    files = {
        "clean.txt": f"{PROFESSIONAL}\nOur Q3 report is out: revenue up 12% year on year\n",
        "flagged.md": f"# Week\n\n{PROFESSIONAL}\n\n{PERSONAL}\n",
        "broken.csv": "id,body\n1,x\n",
        "posts.jsonl": json.dumps({"text": PROFESSIONAL}) + "\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    return tmp_path


@pytest.mark.parametrize("names, code", [
    (["clean.txt"], 0),
    (["clean.txt", "posts.jsonl"], 0),
    (["clean.txt", "flagged.md"], 1),
    (["flagged.md", "clean.txt"], 1),
    (["clean.txt", "broken.csv"], 2),
    (["flagged.md", "broken.csv", "clean.txt"], 2),
    (["clean.txt", "missing.txt"], 2),
])
def test_exit_code_aggregates_across_files(draft_files, names, code):
    result = tweetmix("check", "--files", *[str(draft_files / n) for n in names])
    assert result.returncode == code, (result.stdout, result.stderr)


def test_file_results_say_file_and_line(draft_files):
    result = tweetmix("check", "--files", "--format", "jsonl", str(draft_files / "flagged.md"),
                      str(draft_files / "clean.txt"), str(draft_files / "broken.csv"))
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    where = [(pathlib.Path(r["file"]).name, r.get("line"), r["verdict"]) for r in rows]
    assert where == [("flagged.md", 3, "ok"), ("flagged.md", 5, "warning"),
                     ("clean.txt", 1, "ok"), ("clean.txt", 2, "ok"),
                     ("broken.csv", 1, "error")]
    assert "no column 'text'" in rows[-1]["error"]
    assert [r["index"] for r in rows] == list(range(5))
    text = tweetmix("check", "--files", str(draft_files / "flagged.md")).stdout.decode()
    assert f"{draft_files / 'flagged.md'}:5: warning:" in text


def test_fail_on_warning_ignores_notices(tmp_path):
    notice_only = "ugh, monday again. coffee number three and it's not even ten"
    path = tmp_path / "p.txt"
    path.write_text(notice_only + "\n")
    first = json.loads(tweetmix("check", "--format", "json", notice_only).stdout)
    assert first["verdict"] == "notice", first  # the premise of this test
    assert tweetmix("check", "--files", str(path)).returncode == 1
    assert tweetmix("check", "--files", "--fail-on", "warning", str(path)).returncode == 0


def test_empty_post_in_a_file_is_reported_with_its_line(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(f'text\n"{PROFESSIONAL}"\n"  "\n')
    result = tweetmix("check", "--files", "--format", "json", str(path))
    rows = json.loads(result.stdout)
    assert result.returncode == 2
    assert rows[1]["verdict"] == "error" and rows[1]["line"] == 3
    assert rows[1]["error"].startswith(f"{path}, line 3: the post is empty")


def test_github_annotations(draft_files):
    result = tweetmix("check", "--files", "--format", "github", str(draft_files / "flagged.md"),
                      str(draft_files / "broken.csv"), str(draft_files / "clean.txt"))
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2, lines  # ok posts get no annotation
    assert lines[0].startswith(f"::warning file={draft_files / 'flagged.md'},line=5,"
                               "title=tweetmix warning::warning: ")
    assert "%25 personal" in lines[0]  # '%' is escaped as GitHub requires
    assert lines[1].startswith(f"::error file={draft_files / 'broken.csv'},line=1,title=tweetmix::")
    assert result.returncode == 2


def test_text_column_flag_for_files(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(f'body\n"{PERSONAL}"\n')
    result = tweetmix("check", "--files", "--text-col", "body", str(path))
    assert result.returncode == 1 and b":2: warning" in result.stdout


def test_files_flag_without_files_is_a_usage_error():
    result = tweetmix("check", "--files")
    assert result.returncode == 2 and b"give draft files" in result.stderr


# -- explain ------------------------------------------------------------------------------------
def test_explain_marks_the_spans_under_the_post():
    result = tweetmix("explain", PERSONAL)
    out = result.stdout.decode().splitlines()
    assert result.returncode == 1
    assert out[0].startswith("warning: ") and out[1] == "  " + PERSONAL
    column = 2 + PERSONAL.index("A&E")  # the post is indented by two spaces
    marker_rows = [line for line in out[2:] if set(line.strip()) <= {"^", "~", " "}]
    assert any(row[column:column + 4] in ("^^^", "^^^ ") for row in marker_rows), out
    legend = [line for line in out if line.startswith("  ") and line.strip()[:1].isdigit()]
    assert any("health: 'A&E'" in line for line in legend)
    assert any("reads as personal:" in line for line in legend)


def test_explain_json_and_ok_exit():
    result = tweetmix("explain", "--format", "json", PROFESSIONAL)
    assert result.returncode == 0 and json.loads(result.stdout)["verdict"] == "ok"


def test_explain_reads_one_multiline_post_from_stdin():
    result = tweetmix("explain", "-", stdin=f"{PROFESSIONAL}\n{PERSONAL}\n".encode())
    out = result.stdout.decode().splitlines()
    assert out[1] == "  " + PROFESSIONAL and "  " + PERSONAL in out
    assert result.returncode == 1
