"""TweetmixModel's check path against the runtime's plain scoring."""
from __future__ import annotations

import pytest

import tweetmix

TRICKY = [
    "wait. . . what",
    "so wait. ok, tired, TIRED, tired!!!",
    "#NightShift again @Anna https://t.co/x 020 7946 0958",
    "fish &amp; chips\u00a0tonight\x1cok",
    "I'm off to Ibiza till the 14th, house empty, my mum's got the keys",
]


@pytest.fixture(scope="module")
def posts(starter):
    return [t for t in starter.data[:500]] + TRICKY


def test_check_p_personal_is_exactly_the_plain_score(posts):
    """check() tokenises once and reuses every part; score() recomputes each the plain way."""
    model = tweetmix.default_model()
    for _ in range(2):  # first with cold per-word caches for the tricky posts, then warm
        for text in posts:
            assert model.check(text).p_personal == model.runtime.p_first_class(text), text


def test_check_categories_follow_the_findings_in_the_policy_order(posts):
    from tweetmix.policy import ALL_CATEGORIES

    model = tweetmix.default_model()
    for text in posts[:200]:
        result = model.check(text)
        found = {f.category for f in result.findings}
        assert result.categories == tuple(c for c in ALL_CATEGORIES if c in found)
        warned = any(c in model.default_policy.warn_categories for c in result.categories)
        assert (result.verdict == "warning") == warned
