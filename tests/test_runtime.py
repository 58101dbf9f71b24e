"""The runtime scorer must agree with the scikit-learn pipeline (DESIGN §3, §5)."""
from __future__ import annotations

import numpy as np

from tweetmix.runtime import RuntimeModel, char_wb_ngrams, word_ngrams


def test_runtime_equals_pipeline_on_thousands_of_posts(trained, starter):
    texts = starter.data  # 6,000+ posts, train and test splits
    expected = trained.estimator.predict_proba(texts)[:, 0]
    got = trained.score(texts)
    assert len(texts) > 5000
    assert np.max(np.abs(got - expected)) < 1e-6


def test_runtime_equals_pipeline_on_odd_posts(trained):
    texts = ["🙂", "@a @b @c", "https://x.co", "SOOOOO GOOOOD!!!!", "a" * 3000, "0 1 2 3",
             "#OneHashtagOnly", "mañana en la oficina 👋", "x\ty\nz", "..."]
    expected = trained.estimator.predict_proba(texts)[:, 0]
    assert np.max(np.abs(trained.score(texts) - expected)) < 1e-6


def test_bytes_round_trip(trained):
    again = RuntimeModel.from_bytes(trained.runtime.to_bytes())
    post = "third night in A&E with my dad"
    assert again.p_first_class(post) == trained.runtime.p_first_class(post)


def test_ngram_helpers_match_scikit_learn():
    from sklearn.feature_extraction.text import TfidfVectorizer

    text = "ab  cde f ghijkl"
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False)
    assert sorted(char.build_analyzer()(text)) == sorted(char_wb_ngrams(text, (2, 5)))
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 3), lowercase=False,
                           tokenizer=str.split, token_pattern=None)
    tokens = text.split()
    assert word.build_analyzer()(text) == word_ngrams(tokens, (1, 3))


def test_runtime_categories_equal_the_disclosure_estimator(trained, starter):
    from tweetmix.tokenize import tokenize_with_spans

    if trained.disclosure_estimator is None:
        import pytest

        pytest.skip("the fixture model was trained without categories")
    texts = starter.data[:2000]
    expected = trained.disclosure_estimator.predict_proba(texts)
    got = np.array([trained.runtime.category_scores(tokenize_with_spans(t))[0] for t in texts])
    assert np.max(np.abs(got - expected)) < 1e-6
