"""The default model on real tweets from ../shared/data (skipped where that folder is absent).

Thresholds here are regression guards just under what the current model measures; the DESIGN
targets and the latest numbers are in data/README.md and benchmarks/real_posts.py.
"""
from __future__ import annotations

import numpy as np
import pytest

import tweetmix
from tweetmix.datasets import load_mint, load_tweettopic

from .conftest import SHARED_DATA

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data is not on this machine"),
]


def test_tweettopic_ranking():
    from sklearn.metrics import roc_auc_score

    texts, kinds = load_tweettopic(SHARED_DATA / "tweettopic_xl_en" / "en_1000.jsonl")
    assert 500 < len(texts) < 700 and set(kinds) == {"personal", "professional"}
    auc = roc_auc_score([k == "personal" for k in kinds], tweetmix.score(texts))
    assert auc >= 0.84


def test_mint_intimacy_correlation():
    from scipy.stats import spearmanr

    texts, intimacy = load_mint(SHARED_DATA / "mint_intimacy" / "train.csv")
    assert len(texts) == 1587 and min(intimacy) >= 1 and max(intimacy) <= 5
    scores = tweetmix.score(texts)
    assert not np.isnan(scores).any()
    assert spearmanr(scores, intimacy)[0] >= 0.25


def test_tweeteval_posts_are_all_checkable():
    texts = (SHARED_DATA / "tweeteval" / "emotion" / "test_text.txt").read_text(
        encoding="utf-8").splitlines()
    results = tweetmix.check([t for t in texts if t.strip()])
    assert results and all(r.verdict in {"ok", "notice"} for r in results)
