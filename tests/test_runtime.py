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


# -- the fast paths must give what the plain computations give ----------------------------------
# These use the shipped default model (loads in well under a second), not the trained fixture.

import math
from collections import Counter

import pytest

from tweetmix.explain import term_spans, top_spans, word_contributions
from tweetmix.tokenize import join_normalised, tokenize_with_spans


def _plain_logit_part(table, counts):
    """The textbook loop: every counted gram looked up in the (idf, weight) table."""
    dot = squared = 0.0
    for term, count in counts.items():
        if term in table:
            idf, weight = table[term]
            value = (1.0 + math.log(count)) * idf
            dot += weight * value
            squared += value * value
    return dot / math.sqrt(squared) if squared else 0.0


def _char_counts(runtime, text, tokens):
    from tweetmix.runtime import char_wb_ngrams

    return Counter(char_wb_ngrams(join_normalised(text, tokens), runtime.char.ngram_range))


def test_word_terms_agree_with_counting_every_ngram(default_runtime, sample_posts):
    word = default_runtime.word
    for text in sample_posts:
        tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
        counts = default_runtime.word_counts(tokens)
        words = default_runtime.word_terms(tokens)
        assert words.terms == [t for t in counts if t in word.table]
        assert [word.indexed.ids[t] for t in words.terms] == words.columns
        for term, value in zip(words.terms, words.values):
            assert value == pytest.approx((1 + math.log(counts[term])) * word.table[term][0])
        assert words.logit_part == word.logit_part(counts)
        assert words.logit_part == pytest.approx(_plain_logit_part(word.table, counts), abs=1e-12)


def test_cached_char_block_equals_the_plain_loop(default_runtime, sample_posts):
    """Per-word cached sums, corrected for repeated grams, match the gram-by-gram loop; the
    second pass reads the cache."""
    for _ in range(2):
        for text in sample_posts:
            tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
            expected = _plain_logit_part(default_runtime.char.table,
                                         _char_counts(default_runtime, text, tokens))
            got = default_runtime._char_part(join_normalised(text, tokens))
            assert got == pytest.approx(expected, abs=1e-12)


def test_batch_scoring_equals_one_by_one(default_runtime, sample_posts):
    texts = sample_posts + sample_posts[:20]  # repeats are scored once and reused
    many = default_runtime.p_first_class_many(texts)
    assert many == [default_runtime.p_first_class(t) for t in texts]


def test_lazy_spans_equal_term_spans(default_runtime, sample_posts):
    for text in sample_posts:
        tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
        words = default_runtime.word_terms(tokens)
        located = term_spans(tokens, default_runtime.word.ngram_range[1])
        for term in words.terms:
            assert words.spans_of(term) == tuple(located[term])
        assert words.spans_of("not a term of this post at all") == ()


def test_reasons_from_shared_terms_equal_the_eager_computation(default_runtime, sample_posts):
    from tweetmix.explain import contributions_of

    word = default_runtime.word
    for text in sample_posts:
        tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
        eager = top_spans(word_contributions(tokens, word.table, word.ngram_range, sign=-1.0))
        words = default_runtime.word_terms(tokens)
        lazy = top_spans(contributions_of(words, word.indexed.weight, sign=-1.0),
                         spans_of=words.spans_of)
        assert lazy == eager


def test_category_scores_from_shared_terms_equal_counting_again(default_runtime, sample_posts):
    if default_runtime.categories is None:
        pytest.skip("the default model has no category model")
    for text in sample_posts[:100]:
        tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
        counted = default_runtime.category_scores(tokens, default_runtime.word_counts(tokens))
        shared = default_runtime.category_scores(tokens, words=default_runtime.word_terms(tokens))
        assert counted[1] == shared[1]
        assert np.allclose(counted[0], shared[0], rtol=0, atol=1e-12)
        reference = default_runtime.categories.weights[:, counted[1]] @ counted[2]
        logits = np.log(shared[0] / (1 - shared[0])) - default_runtime.categories.intercepts
        assert np.allclose(logits, reference, rtol=0, atol=1e-9)


def test_pickles_without_its_caches_and_scores_the_same(default_runtime, sample_posts):
    """Workers (dask, multiprocessing) get the model, not the caches a check fills."""
    import pickle

    for text in sample_posts[:50]:
        default_runtime.p_first_class(text)
    default_runtime.category_scores(tokenize_with_spans(sample_posts[0]))
    assert default_runtime._word_grams and "_indexed" in default_runtime.word.__dict__
    again = pickle.loads(pickle.dumps(default_runtime))
    assert not again._word_grams and "_indexed" not in again.word.__dict__
    if again.categories is not None:
        assert again.categories._by_term is None
    assert again.word == default_runtime.word
    assert again.p_first_class_many(sample_posts[:50]) == \
        default_runtime.p_first_class_many(sample_posts[:50])


def _as_format_1(blob: bytes) -> bytes:
    """The same runtime section as tweetmix 0.1 wrote it: term blocks as JSON lists."""
    import base64
    import json
    import zlib

    data = json.loads(zlib.decompress(blob))
    assert data["runtime_format"] in (2, 3)
    data["runtime_format"] = 1
    if data["categories"]:
        data["categories"].pop("stack", None)
    for block in ("word", "char"):
        terms = data[block]["terms"].split("\n")
        for key in ("idf", "weight"):
            data[block][key] = np.frombuffer(base64.b64decode(data[block][key]), "<f8").tolist()
        data[block]["terms"] = terms
    return zlib.compress(json.dumps(data).encode())


def test_format_1_sections_still_load_and_score_the_same(default_runtime, sample_posts):
    blob = default_runtime.to_bytes()
    old = RuntimeModel.from_bytes(_as_format_1(blob))
    new = RuntimeModel.from_bytes(blob)
    assert old.word.table == new.word.table == default_runtime.word.table
    assert old.char.table == default_runtime.char.table
    assert [old.p_first_class(t) for t in sample_posts] == \
        [default_runtime.p_first_class(t) for t in sample_posts]


@pytest.mark.parametrize("runtime_format", [0, 4, None])
def test_unknown_runtime_format_is_refused(default_runtime, runtime_format):
    import json
    import zlib

    data = json.loads(zlib.decompress(default_runtime.to_bytes()))
    data["runtime_format"] = runtime_format
    with pytest.raises(ValueError, match=r"this tweetmix reads 1, 2, 3"):
        RuntimeModel.from_bytes(zlib.compress(json.dumps(data).encode()))


def test_term_blocks_refuse_terms_with_line_breaks():
    from tweetmix.runtime import TermWeights

    with pytest.raises(ValueError, match="line break"):
        TermWeights({"a\nb": (1.0, 0.5)}, (1, 1)).to_json()
    round_trip = TermWeights.from_json(TermWeights({"a b": (1.5, -0.25)}, (1, 2)).to_json())
    assert round_trip.table == {"a b": (1.5, -0.25)} and round_trip.ngram_range == (1, 2)


def test_char_part_from_one_pass_words_equals_joining_and_splitting(default_runtime, sample_posts):
    """The check path's words (from tokens_and_words) and cached repeat corrections give the
    very same float as the plain join-and-split path, first time and from the caches."""
    from tweetmix.tokenize import tokens_and_words

    default_runtime._repeat_deltas.clear()
    for _ in range(2):
        for text in sample_posts:
            tokens, words = tokens_and_words(text, patterns=default_runtime.patterns)
            expected = default_runtime._char_part(join_normalised(text, tokens))
            assert default_runtime._char_part_of_words(words) == expected
            assert default_runtime.logit(text, tokens, normalised_words=words) == \
                default_runtime.logit(text)
    assert default_runtime._repeat_deltas  # repeated grams were corrected through the cache


def test_unpickling_an_older_runtime_without_caches_still_scores(default_runtime):
    import pickle

    state = default_runtime.__getstate__()
    del state["_repeat_deltas"]
    old = RuntimeModel.__new__(RuntimeModel)
    old.__setstate__(state)
    post = "so so so tired tired tired, my mum's got the keys"
    assert old.p_first_class(post) == default_runtime.p_first_class(post)
    again = pickle.loads(pickle.dumps(default_runtime))
    assert again._repeat_deltas == {} and again._word_grams == {}


def test_category_stack_round_trips_with_the_runtime(trained):
    runtime = trained.runtime
    assert runtime.categories.stack is not None  # training fits one
    again = RuntimeModel.from_bytes(runtime.to_bytes())
    assert again.categories.stack == runtime.categories.stack
    assert again.categories.thresholds == runtime.categories.thresholds


def test_category_stack_must_name_the_same_categories(trained):
    from tweetmix.runtime import CategoryWeights
    from tweetmix.stacking import CategoryStack

    categories = trained.runtime.categories
    wrong = CategoryStack(list(reversed(categories.names)), categories.stack.coefficients,
                          categories.stack.intercepts)
    with pytest.raises(ValueError, match="stack's categories"):
        CategoryWeights(categories.names, categories.intercepts, categories.thresholds,
                        categories.weights, wrong)
