"""The prediction API on the bundled default model."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest

import tweetmix
from tweetmix.exceptions import InvalidTextError, TextTooLongError

from .conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS, run_python


def test_default_model_separates_the_readme_examples():
    assert tweetmix.check("third night in A&E with my dad, no sleep. house empty till sunday").flagged
    assert tweetmix.check("We're hiring two data engineers in Leeds, apply by Friday").verdict == "ok"


def test_default_model_ranks_personal_above_professional():
    p = tweetmix.score(PERSONAL_POSTS + PROFESSIONAL_POSTS)
    personal, professional = p[:len(PERSONAL_POSTS)], p[len(PERSONAL_POSTS):]
    assert np.median(personal) > 0.5 > np.median(professional)


@pytest.mark.parametrize("container", [list, tuple, np.array, "series"])
def test_batches_of_any_container(container):
    posts = ["my cat is ill", "we are hiring"]
    if container == "series":
        import pandas as pd

        batch = pd.Series(posts, index=[10, 20])
    else:
        batch = container(posts)
    scores = tweetmix.score(batch)
    assert isinstance(scores, np.ndarray) and scores.shape == (2,)
    results = tweetmix.check(batch)
    assert [r.index for r in results] == [0, 1]
    assert scores.tolist() == [r.p_personal for r in results]


def test_single_string_gives_float_and_result():
    assert isinstance(tweetmix.score("hello there"), float)
    assert isinstance(tweetmix.check("hello there"), tweetmix.CheckResult)


def test_bad_rows_never_abort_a_batch():
    batch = ["fine post about my weekend", "", None, float("nan"), 42, "  ", "x" * 20_000,
             "we are hiring"]
    results = tweetmix.check(batch)
    assert [r.verdict == "error" for r in results] == [False, True, True, True, True, True, True,
                                                        False]
    assert "empty" in results[1].error and "missing" in results[2].error
    assert "missing" in results[3].error and "int" in results[4].error
    assert "over the limit" in results[6].error and results[6].index == 6
    scores = tweetmix.score(batch)
    assert np.isnan(scores[1:7]).all() and not np.isnan(scores[[0, 7]]).any()


@pytest.mark.parametrize("post, error, message", [
    ("", InvalidTextError, "empty"), ("   \n", InvalidTextError, "empty"),
    ("x" * 10_001, TextTooLongError, "10,001 characters"),
])
def test_single_bad_post_raises(post, error, message):
    with pytest.raises(error, match=message) as info:
        tweetmix.check(post)
    assert isinstance(info.value, ValueError)
    with pytest.raises(error):
        tweetmix.score(post)


def test_overrides_change_the_verdict():
    post = "long week, glad it's friday"
    p = tweetmix.score(post)
    assert tweetmix.check(post, threshold=min(1.0, p + 0.01)).verdict == "ok"
    assert tweetmix.check(post, threshold=max(0.0, p - 0.01)).verdict == "notice"
    with pytest.raises(TextTooLongError):
        tweetmix.check("x" * 50, max_chars=10)


def test_result_is_json_serialisable():
    result = tweetmix.check("third night in A&E with my dad")
    data = json.loads(json.dumps(result.to_dict()))
    assert data["verdict"] == result.verdict
    assert math.isclose(data["p_personal"], result.p_personal, abs_tol=1e-6)
    assert data["model"] == "default"


def test_import_is_cheap_and_checking_needs_no_heavy_imports():
    code = ("import sys, tweetmix; heavy = ('sklearn', 'nltk', 'pandas', 'scipy'); "
            "before = [m for m in heavy if m in sys.modules]; tweetmix.check('hello world'); "
            "after = [m for m in heavy if m in sys.modules]; print(before, after)")
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"


def test_repr_and_manifest_of_default():
    model = tweetmix.default_model()
    assert model.name == "default"
    assert model.manifest["training_data"]["n_posts"] >= 6000
    assert "default" in repr(model)


@pytest.mark.parametrize("post", [
    "9" * 20_000,                                   # quadratic for nltk's phone pattern
    "a" * 100_000,                                  # one huge repeated run
    "👩\u200d" * 4_000 + "👩",                       # a deeply nested ZWJ sequence
])
def test_adversarial_posts_are_answered_when_the_limit_allows(post):
    result = tweetmix.check(post, max_chars=len(post))
    assert result.verdict in {"ok", "notice"} and 0 <= result.p_personal <= 1
    if len(post) > 10_000:  # refused by default: over the 10,000-character limit
        with pytest.raises(TextTooLongError):
            tweetmix.check(post)
