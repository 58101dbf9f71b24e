"""Style features: how a post is written, beyond which words it uses.

Personal posts lean on "I", "my", emoji, elongations and exclamation marks; professional posts
on "we", links, hashtags and numbers. These counts are dense, few and cheap, and they help most
on short posts where n-grams have little to go on. Every feature is a rate in [0, 1] or a
``log1p`` count, so no scaler is needed and the check path can compute them by hand.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from .tokenize import Token, tokenize_with_spans

__all__ = ["STYLE_FEATURES", "style_vector", "style_from_tokens"]

_FIRST_SINGULAR = frozenset(
    "i me my mine myself i'm im i've ive i'll ill i'd id imma".split()
)
_FIRST_PLURAL = frozenset("we us our ours ourselves we're we've we'll".split())
_SECOND = frozenset("you your yours u ur you're youre y'all yall".split())

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
    tokens = [t for t in tokens if t.kind != "hashtag_word"]
    words = [t for t in tokens if t.kind == "word" and t.text[:1].isalpha()]
    n_words = max(len(words), 1)
    kinds: dict[str, int] = {}
    for t in tokens:
        kinds[t.kind] = kinds.get(t.kind, 0) + 1
    lowered = [t.text for t in words]
    surfaces = [text[t.start:t.end] for t in words]
    elongated = sum(
        1 for s in surfaces if any(s[i].lower() == s[i + 1].lower() == s[i + 2].lower()
                                   for i in range(len(s) - 2))
    )
    caps = sum(1 for s in surfaces if len(s) >= 2 and s.isupper())
    return [
        sum(w in _FIRST_SINGULAR for w in lowered) / n_words,
        sum(w in _FIRST_PLURAL for w in lowered) / n_words,
        sum(w in _SECOND for w in lowered) / n_words,
        math.log1p(kinds.get("emoji", 0)),
        math.log1p(kinds.get("emoticon", 0)),
        math.log1p(kinds.get("handle", 0)),
        math.log1p(kinds.get("url", 0)),
        math.log1p(kinds.get("hashtag", 0)),
        math.log1p(sum(1 for t in tokens if t.text == "<num>") + kinds.get("phone", 0)),
        math.log1p(text.count("!")),
        math.log1p(text.count("?")),
        math.log1p(elongated),
        caps / n_words,
        math.log1p(len(text)) / 6.0,
    ]
