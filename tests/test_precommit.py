"""The pre-commit hook, installed the way README says, on a temporary repository of drafts.

pre-commit builds the hook's own environment from this repository's committed HEAD (as it
would from a tag on GitHub), so this test checks what is committed, not the working tree.
Building that environment installs tweetmix and its dependencies once per session.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

pytest.importorskip("pre_commit")

PERSONAL = "third night in A&E with my dad, no sleep. house empty till sunday"
PROFESSIONAL = "We're hiring two data engineers in Leeds, apply by Friday"


def _head() -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


@pytest.fixture(scope="module")
def drafts_repo(tmp_path_factory):
    head = _head()
    if head is None:
        pytest.skip("needs tweetmix as a git checkout to install the hook from")
    shown = subprocess.run(["git", "show", f"{head}:.pre-commit-hooks.yaml"], cwd=ROOT,
                           capture_output=True)
    if shown.returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    repo = tmp_path_factory.mktemp("drafts")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    env.pop("GIT_DIR", None)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n      - id: tweetmix\n")
    (repo / "clean.txt").write_text(PROFESSIONAL + "\n")
    (repo / "week.md").write_text(f"# This week\n\n{PROFESSIONAL}\n\n{PERSONAL}\n")
    (repo / "notes.py").write_text("print('not a draft')\n")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), cwd=repo, env=env, capture_output=True, text=True,
                              timeout=900)

    assert run("git", "init", "-q").returncode == 0
    run("git", "add", ".")
    return run


def test_hook_flags_the_personal_draft(drafts_repo):
    result = drafts_repo(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "week.md:5: warning:" in result.stdout
    assert "clean.txt:1: ok" in result.stdout
    assert "notes.py" not in result.stdout  # only draft files are checked


def test_hook_blocks_the_commit_and_lets_a_clean_one_through(drafts_repo):
    assert drafts_repo(sys.executable, "-m", "pre_commit", "install").returncode == 0
    drafts_repo("git", "reset", "-q")
    drafts_repo("git", "add", "clean.txt", ".pre-commit-config.yaml")
    clean = drafts_repo("git", "commit", "-q", "-m", "clean drafts")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    drafts_repo("git", "add", "week.md")
    blocked = drafts_repo("git", "commit", "-q", "-m", "personal draft")
    assert blocked.returncode != 0 and "week.md:5: warning:" in blocked.stdout + blocked.stderr
    allowed = drafts_repo("git", "commit", "-q", "--no-verify", "-m", "on purpose")
    assert allowed.returncode == 0
