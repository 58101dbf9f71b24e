"""Saving, loading and refusing bad model files."""
from __future__ import annotations

import json

import numpy as np
import pytest

import tweetmix
from tweetmix.exceptions import (CorruptModelError, IncompatibleModelError, ModelNotFoundError,
                                 NotAModelError, TweetmixError)
from tweetmix.persistence import MAGIC, read_header

from .conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS, run_python

POSTS = PERSONAL_POSTS + PROFESSIONAL_POSTS


def _rewrite_header(path, edit):
    raw = path.read_bytes()
    header_end = raw.index(b"\n", len(MAGIC)) + 1
    header = json.loads(raw[len(MAGIC):header_end])
    edit(header)
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + raw[header_end:])


def test_manifest_records_what_a_reader_needs(saved_model):
    header, _ = read_header(saved_model)
    manifest = header["manifest"]
    assert manifest["labels"] == ["personal", "professional"]
    assert {"python", "scikit-learn", "nltk", "tweetmix"} <= set(manifest["versions"])
    assert manifest["training_data"]["n_posts"] > 4000
    assert len(manifest["training_data"]["sha256"]) == 64
    assert manifest["policy"]["threshold"] == 0.5
    assert header["created"] and header["sections"]["runtime"]["sha256"]


def test_identical_probabilities_in_another_process(saved_model, trained):
    code = ("import sys, json, tweetmix; m = tweetmix.load(sys.argv[1]); "
            "print(json.dumps([m.score(json.loads(sys.argv[2])).tolist(), "
            "m.estimator.predict_proba(json.loads(sys.argv[2]))[:, 0].tolist()]))")
    result = run_python(code, str(saved_model), json.dumps(POSTS))
    assert result.returncode == 0, result.stderr
    runtime_scores, estimator_scores = json.loads(result.stdout)
    assert runtime_scores == trained.score(POSTS).tolist()
    assert np.allclose(estimator_scores, trained.estimator.predict_proba(POSTS)[:, 0], atol=0)


def test_tampered_file_is_refused(saved_model, tmp_path):
    bad = tmp_path / "tampered.tweetmix"
    raw = bytearray(saved_model.read_bytes())
    raw[-100] ^= 0xFF  # flip a byte inside the estimator section
    bad.write_bytes(bytes(raw))
    with pytest.raises(CorruptModelError, match="sha256 does not match"):
        tweetmix.load(bad)


def test_truncated_file_is_refused(saved_model, tmp_path):
    bad = tmp_path / "truncated.tweetmix"
    bad.write_bytes(saved_model.read_bytes()[:-5000])
    with pytest.raises(CorruptModelError, match="truncated"):
        tweetmix.load(bad)


def test_not_a_model(tmp_path):
    import joblib

    pickle_file = tmp_path / "plain.joblib"
    joblib.dump({"a": 1}, pickle_file)
    with pytest.raises(NotAModelError, match="bare joblib/pickle"):
        tweetmix.load(pickle_file)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("hello")
    with pytest.raises(NotAModelError):
        tweetmix.load(text_file)
    with pytest.raises(NotAModelError, match="folder"):
        tweetmix.load(tmp_path)


def test_missing_path(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no model file") as info:
        tweetmix.load(tmp_path / "nope.tweetmix")
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, TweetmixError)


def test_other_scikit_learn_version_is_refused_but_checking_still_works(saved_model, tmp_path):
    other = tmp_path / "old.tweetmix"
    other.write_bytes(saved_model.read_bytes())
    _rewrite_header(other, lambda h: h["manifest"]["versions"].update({"scikit-learn": "0.24.2"}))
    with pytest.raises(IncompatibleModelError, match="scikit-learn 0.24.2"):
        tweetmix.load(other)
    assert tweetmix.load(other, estimator=False).check("we are hiring").verdict in {"ok", "notice"}


def test_newer_format_is_refused(saved_model, tmp_path):
    newer = tmp_path / "newer.tweetmix"
    newer.write_bytes(saved_model.read_bytes())
    _rewrite_header(newer, lambda h: h.update(format_version=99))
    with pytest.raises(IncompatibleModelError, match="upgrade tweetmix"):
        tweetmix.load(newer, estimator=False)


def test_default_model_is_rebuilt_for_another_scikit_learn(monkeypatch, tmp_path, capsys):
    """A shipped model from another scikit-learn is rebuilt from the bundled corpus, once."""
    from tweetmix import default, persistence, training

    real = persistence.environment_versions
    pretend = lambda: dict(real(), **{"scikit-learn": "9.9.9"})  # noqa: E731
    monkeypatch.setattr(persistence, "environment_versions", pretend)
    monkeypatch.setattr(training, "environment_versions", pretend)
    monkeypatch.setenv("TWEETMIX_CACHE", str(tmp_path))
    monkeypatch.setattr(default, "_DEFAULT", None)
    model = default.default_model(estimator=True)
    assert "rebuilding" in capsys.readouterr().err
    cached = tmp_path / "default-sklearn-9.9.9.tweetmix"
    assert cached.exists() and model.estimator is not None
    monkeypatch.setattr(default, "_DEFAULT", None)
    again = default.default_model(estimator=True)  # served from the cache, no rebuild
    assert "rebuilding" not in capsys.readouterr().err
    assert again.score("house empty till sunday") == model.score("house empty till sunday")
    monkeypatch.setattr(default, "_DEFAULT", None)
