"""The combination of category scores with evidence cues (tweetmix.stacking)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from tweetmix.stacking import STACK_FEATURES, CategoryStack, fit_category_stack, stack_features


def test_features_are_logit_and_cue_counts():
    logit = math.log(0.8 / 0.2)
    assert stack_features(0.8, 0, 0) == pytest.approx([logit, 0.0, 0.0, 0.0])
    assert stack_features(0.8, 2, 1) == pytest.approx([logit, math.log(3), math.log(2), logit])
    # probabilities of exactly 0 and 1 are clipped, not infinite
    assert all(math.isfinite(v) for v in stack_features(0.0, 1, 0) + stack_features(1.0, 1, 0))


def test_probability_is_the_logistic_of_the_weighted_features():
    stack = CategoryStack(["health", "family"], [[1.0, 0.0, 0.0, 0.0], [0.5, 2.0, -1.0, 0.25]],
                          [0.0, -0.3])
    assert stack.probability(0, 0.37, 3, 4) == pytest.approx(0.37)  # the model alone
    z = -0.3 + 0.5 * math.log(0.6 / 0.4) + 2.0 * math.log(2) - 1.0 * math.log(3) \
        + 0.25 * math.log(0.6 / 0.4)
    assert stack.probability(1, 0.6, 1, 2) == pytest.approx(1 / (1 + math.exp(-z)))
    # extreme scores neither overflow nor leave [0, 1]
    big = CategoryStack(["x"], [[1e4, 0, 0, 0]], [0.0])
    assert big.probability(0, 1 - 1e-9, 0, 0) == pytest.approx(1.0)
    assert big.probability(0, 1e-9, 0, 0) == pytest.approx(0.0)


def test_json_round_trip_and_validation():
    stack = CategoryStack(["health"], [[0.9, 1.1, 0.2, -0.1]], [-0.5])
    again = CategoryStack.from_json(stack.to_json())
    assert again == stack and again.probability(0, 0.3, 1, 0) == stack.probability(0, 0.3, 1, 0)
    data = stack.to_json() | {"features": ["model_logit"]}
    with pytest.raises(ValueError, match="stack features"):
        CategoryStack.from_json(data)
    with pytest.raises(ValueError, match=f"needs {len(STACK_FEATURES)} coefficients"):
        CategoryStack(["health"], [[1.0, 2.0]], [0.0])
    with pytest.raises(ValueError, match="2 categories but 1 coefficient rows"):
        CategoryStack(["health", "family"], [[1.0, 0, 0, 0]], [0.0, 0.0])


def test_fit_learns_to_trust_framed_cues():
    rng = np.random.default_rng(0)
    n = 2000
    truth = rng.random(n) < 0.3
    # a noisy model score, and framed cues that appear mostly on true disclosures
    scores = np.clip(np.where(truth, 0.6, 0.4) + rng.normal(0, 0.2, n), 0.01, 0.99)
    framed = ((truth & (rng.random(n) < 0.7)) | (rng.random(n) < 0.05)).astype(int)
    unframed = (rng.random(n) < 0.2).astype(int)  # unrelated to the truth
    stack = fit_category_stack(["health", "never"], np.column_stack([scores, scores]),
                               np.column_stack([truth, np.zeros(n, dtype=int)]),
                               np.column_stack([framed, framed]),
                               np.column_stack([unframed, unframed]))
    coefficients = dict(zip(STACK_FEATURES, stack.coefficients[0]))
    assert coefficients["log1p_framed_cues"] > 1.0
    assert abs(coefficients["log1p_unframed_cues"]) < 0.5
    combined = [stack.probability(0, p, f, u) for p, f, u in zip(scores, framed, unframed)]
    assert roc_auc_score(truth, combined) > roc_auc_score(truth, scores) + 0.05
    # a category with no positive examples keeps the model's own score
    assert stack.probability(1, 0.42, 1, 1) == pytest.approx(0.42)
