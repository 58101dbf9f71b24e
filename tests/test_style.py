"""Style features: the packed, cached counting must give what counting token by token gives."""
from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetmix.style import STYLE_FEATURES, style_from_tokens, style_vector
from tweetmix.tokenize import tokenize_with_spans

_SINGULAR = set("i me my mine myself i'm im i've ive i'll ill i'd id imma".split())
_PLURAL = set("we us our ours ourselves we're we've we'll".split())
_SECOND = set("you your yours u ur you're youre y'all yall".split())


def _plain_style(text, tokens):
    """The features counted the straightforward way, one token at a time."""
    kinds: dict[str, int] = {}
    singular = plural = second = elongated = caps = numbers = n_words = 0
    for t in tokens:
        if t.kind == "hashtag_word":
            continue
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
        if t.kind != "word":
            continue
        if t.text == "<num>":
            numbers += 1
            continue
        if not t.text[:1].isalpha():
            continue
        n_words += 1
        singular += t.text in _SINGULAR
        plural += t.text in _PLURAL and t.text not in _SINGULAR
        second += t.text in _SECOND and t.text not in _SINGULAR | _PLURAL
        surface = text[t.start:t.end]
        elongated += bool(len(surface) > 2 and re.search(r"(.)\1\1", surface, re.I | re.S))
        caps += len(surface) >= 2 and surface.isupper()
    n = max(n_words, 1)
    log = math.log1p
    return [singular / n, plural / n, second / n, log(kinds.get("emoji", 0)),
            log(kinds.get("emoticon", 0)), log(kinds.get("handle", 0)), log(kinds.get("url", 0)),
            log(kinds.get("hashtag", 0)), log(numbers + kinds.get("phone", 0)),
            log(text.count("!")), log(text.count("?")), log(elongated), caps / n,
            log(len(text)) / 6.0]


POSTS = [
    "I am SOOO tired :( #nightshift",
    "We are hiring! Apply at https://x.co or call 020 7946 0958 #jobs",
    "you ur YOU'RE y'all, my my my 😀😀 @anna @bob",
    "Q3 revenue up 12% vs 2019-2020 ... LOL!!!",
    "İstanbul İİİ ıı AAAA aaaa",
    "",
    "!!! ??? 123 4.5",
]


@pytest.mark.parametrize("text", POSTS)
def test_features_equal_counting_token_by_token(text):
    for split_hashtags in (True, False):
        tokens = tokenize_with_spans(text, split_hashtags=split_hashtags)
        for _ in range(2):  # the second time from the per-surface cache
            assert style_from_tokens(text, tokens) == _plain_style(text, tokens)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["I", "me", "MY", "we", "you", "sooo", "NOOO", "ok", "OK", "3",
                                 "4.5", "#TagLine", "@x", ":)", "😀", "https://a.co", "!", "?",
                                 "020 7946 0958", "İİİ", "a", "Zz"]), max_size=30).map(" ".join))
def test_features_equal_counting_token_by_token_on_generated_posts(text):
    tokens = tokenize_with_spans(text)
    assert style_from_tokens(text, tokens) == _plain_style(text, tokens)


def test_counts_of_a_long_post_do_not_spill_into_other_features():
    text = "I " * 40_000 + "we"
    features = dict(zip(STYLE_FEATURES, style_vector(text)))
    assert features["first_person_singular_rate"] == 40_000 / 40_001
    assert features["first_person_plural_rate"] == 1 / 40_001
    assert features["second_person_rate"] == 0.0
