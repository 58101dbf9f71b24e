"""Explanations: the check path's ranking must choose what the plain ranking chooses."""
from __future__ import annotations

import pytest

from tweetmix.explain import (Contribution, contributions_of, top_contributions, top_spans,
                              top_terms, word_contributions)
from tweetmix.tokenize import tokenize_with_spans


@pytest.mark.parametrize("k, sign", [(5, -1.0), (2, 1.0), (1, -1.0), (50, 1.0)])
def test_top_contributions_equal_ranking_every_contribution(default_runtime, sample_posts, k,
                                                            sign):
    word = default_runtime.word
    for text in sample_posts:
        tokens = tokenize_with_spans(text, patterns=default_runtime.patterns)
        expected = top_spans(word_contributions(tokens, word.table, word.ngram_range, sign=sign),
                             k=k)
        words = default_runtime.word_terms(tokens)
        assert top_contributions(words, word.indexed.weight, sign=sign, k=k) == expected, text
        assert top_spans(contributions_of(words, word.indexed.weight, sign=sign), k=k,
                         spans_of=default_runtime.word_terms(tokens).spans_of) == expected, text


def test_ties_keep_their_order_and_longer_terms_win():
    spans = {"aa": [(0, 2)], "bb": [(3, 5)], "aa bb": [(0, 5)], "cc": [(6, 8)]}
    ranked = [(0.5, "aa"), (0.5, "bb"), (0.5, "aa bb"), (0.5, "cc")]
    chosen = top_terms(ranked, 3, lambda term: spans[term])
    assert [c.term for c in chosen] == ["aa bb", "cc"]  # "aa" and "bb" overlap "aa bb"
    as_contributions = [Contribution(t, w, tuple(spans[t])) for w, t in ranked]
    assert top_spans(as_contributions, k=3) == chosen


def test_only_the_free_spans_of_a_term_are_kept():
    spans = {"x y": [(0, 3)], "y": [(2, 3), (6, 7)]}
    chosen = top_terms([(0.9, "x y"), (0.4, "y")], 5, lambda term: spans[term])
    assert chosen == [Contribution("x y", 0.9, ((0, 3),)), Contribution("y", 0.4, ((6, 7),))]


def test_a_post_without_known_words_has_no_reasons(default_runtime):
    tokens = tokenize_with_spans("zzzqqqxxx qqqzzzyyy", patterns=default_runtime.patterns)
    words = default_runtime.word_terms(tokens)
    assert words.terms == []
    assert top_contributions(words, default_runtime.word.indexed.weight, sign=-1.0) == []


def test_reasons_quote_no_lone_letters_or_punctuation(starter):
    import tweetmix
    from tweetmix.explain import readable

    results = tweetmix.default_model().check(starter.data[:600])
    shown = [r for result in results for r in result.reasons]
    assert shown  # the check still gives reasons
    assert all(readable(r.text.lower()) or not r.text.isascii() for r in shown)
    a_and_e = tweetmix.check("third night in A&E with my dad, no sleep")
    assert "A" not in [r.text for r in a_and_e.reasons]
    assert "my" in [r.text for r in a_and_e.reasons]
