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
    """:func:`style_vector` from tokens already computed (hashtag words are ignored).

    Every count is kept in one packed integer (:data:`_FIELD_BITS` bits a count), so a token
    costs one addition; what a word token adds depends only on its surface and is cached.
    """
    packed = 0
    cache = _WORD_INCREMENTS
    if len(cache) > _WORD_INCREMENTS_LIMIT:
        cache.clear()
    by_kind = _KIND_INCREMENTS
    for t in tokens:
        kind = t[3]
        if kind == "word":
            surface = text[t[1]:t[2]]
            increment = cache.get(surface)
            if increment is None:
                increment = cache[surface] = _word_increment(t[0], surface)
            packed += increment
        else:
            packed += by_kind.get(kind, 0)
    mask = _FIELD_MASK
    (n_words, singular, plural, second, elongated, caps, numbers, emoji, emoticon, handle, url,
     hashtag, phone) = [(packed >> (_FIELD_BITS * i)) & mask for i in range(len(_FIELDS))]
    n = max(n_words, 1)
    return [
        singular / n,
        plural / n,
        second / n,
        math.log1p(emoji),
        math.log1p(emoticon),
        math.log1p(handle),
        math.log1p(url),
        math.log1p(hashtag),
        math.log1p(numbers + phone),
        math.log1p(text.count("!")),
        math.log1p(text.count("?")),
        math.log1p(elongated),
        caps / n,
        math.log1p(len(text)) / 6.0,
    ]


# The counts style_from_tokens packs into one integer, in bit-field order. A post has fewer
# tokens than characters, so 40 bits a field cannot overflow into the next.
_FIELDS = ("n_words", "singular", "plural", "second", "elongated", "caps", "numbers",
           "emoji", "emoticon", "handle", "url", "hashtag", "phone")
_FIELD_BITS = 40
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_ONE = {name: 1 << (_FIELD_BITS * i) for i, name in enumerate(_FIELDS)}
#: What a token of each non-word kind adds (hashtag words and other kinds add nothing).
_KIND_INCREMENTS = {kind: _ONE[kind] for kind in ("emoji", "emoticon", "handle", "url", "hashtag",
                                                  "phone")}
#: Word-token surface -> what it adds. A word token's text is the surface normalised, so the
#: surface alone decides. Bounded: cleared when it grows past the limit.
_WORD_INCREMENTS: dict[str, int] = {}
_WORD_INCREMENTS_LIMIT = 200_000


def _word_increment(word: str, surface: str) -> int:
    """What one word token (normalised ``word``, original ``surface``) adds to the counts."""
    if word == "<num>":
        return _ONE["numbers"]
    if not word[:1].isalpha():
        return 0
    increment = _ONE["n_words"]
    if word in _FIRST_SINGULAR:
        increment += _ONE["singular"]
    elif word in _FIRST_PLURAL:
        increment += _ONE["plural"]
    elif word in _SECOND:
        increment += _ONE["second"]
    if len(surface) > 2 and _TRIPLE.search(surface):
        increment += _ONE["elongated"]
    if len(surface) >= 2 and surface.isupper():
        increment += _ONE["caps"]
    return increment
