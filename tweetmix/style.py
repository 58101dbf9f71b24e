"""Style features: how a post is written, beyond which words it uses.

Personal posts lean on "I", "my", emoji, elongations and exclamation marks; professional posts
on "we", links, hashtags and numbers. These counts are dense, few and cheap, and they help most
on short posts where n-grams have little to go on. Every feature is a rate in [0, 1] or a
``log1p`` count, so no scaler is needed and the check path can compute them by hand.
"""
from __future__ import annotations

import math
import re
from typing import Mapping, Sequence

from .tokenize import Token, tokenize_with_spans

__all__ = ["STYLE_FEATURES", "style_vector", "style_from_tokens"]

_FIRST_SINGULAR = frozenset(
    "i me my mine myself i'm im i've ive i'll ill i'd id imma".split()
)
_FIRST_PLURAL = frozenset("we us our ours ourselves we're we've we'll".split())
_SECOND = frozenset("you your yours u ur you're youre y'all yall".split())

_TRIPLE = re.compile(r"(.)\1\1", re.IGNORECASE | re.DOTALL)

STYLE_FEATURES: tuple[str, ...] = (
    "first_person_singular_rate",
    "first_person_plural_rate",
    "second_person_rate",
    "emoji_count",
    "emoticon_count",
    "handle_count",
    "url_count",
    "hashtag_count",
    "number_count",
    "exclamation_count",
    "question_count",
    "elongated_word_count",
    "all_caps_word_rate",
    "length_chars",
)


def style_vector(text: str, patterns: Mapping[str, str] | None = None) -> list[float]:
    """The :data:`STYLE_FEATURES` of one post, in order.

    >>> dict(zip(STYLE_FEATURES, style_vector("I am SOOO tired :( #nightshift")))["elongated_word_count"]
    0.6931471805599453
    """
    return style_from_tokens(text, tokenize_with_spans(text, split_hashtags=False, patterns=patterns))


def style_from_tokens(text: str, tokens: Sequence[Token]) -> list[float]:
    """:func:`style_vector` from tokens already computed (hashtag words are ignored)."""
    kinds: dict[str, int] = {}
    singular = plural = second = elongated = caps = numbers = n_words = 0
    for t in tokens:
        kind = t.kind
        if kind == "hashtag_word":
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        word = t.text
        if kind != "word":
            continue
        if word == "<num>":
            numbers += 1
            continue
        if not word[:1].isalpha():
            continue
        n_words += 1
        if word in _FIRST_SINGULAR:
            singular += 1
        elif word in _FIRST_PLURAL:
            plural += 1
        elif word in _SECOND:
            second += 1
        surface = text[t.start:t.end]
        if len(surface) > 2 and _TRIPLE.search(surface):
            elongated += 1
        if len(surface) >= 2 and surface.isupper():
            caps += 1
    n = max(n_words, 1)
    return [
        singular / n,
        plural / n,
        second / n,
        math.log1p(kinds.get("emoji", 0)),
        math.log1p(kinds.get("emoticon", 0)),
        math.log1p(kinds.get("handle", 0)),
        math.log1p(kinds.get("url", 0)),
        math.log1p(kinds.get("hashtag", 0)),
        math.log1p(numbers + kinds.get("phone", 0)),
        math.log1p(text.count("!")),
        math.log1p(text.count("?")),
        math.log1p(elongated),
        caps / n,
        math.log1p(len(text)) / 6.0,
    ]
