"""Which words drove a score: linear contributions mapped back to character spans.

For a linear model over TF-IDF, a word term's share of the score is ``weight * tfidf / norm``,
exact, not an approximation. We attribute word unigrams and bigrams (character n-grams and style
counts have no single span a person could be shown) and place each term on the tokens it was
built from, so a UI can underline them.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from .tokenize import Token

__all__ = ["Contribution", "term_spans", "word_contributions", "contributions_of", "top_spans",
           "top_terms", "top_contributions"]


class Contribution(NamedTuple):
    """One term's share of a score, and where it stands in the post."""

    term: str
    weight: float
    spans: tuple[tuple[int, int], ...]


def term_spans(tokens: Sequence[Token], max_n: int = 2) -> dict[str, list[tuple[int, int]]]:
    """Every word n-gram (n <= ``max_n``) of ``tokens`` and the character spans it covers."""
    texts = [t.text for t in tokens]
    spans: dict[str, list[tuple[int, int]]] = {}
    for n in range(1, max_n + 1):
        for i in range(len(tokens) - n + 1):
            term = " ".join(texts[i:i + n])
            spans.setdefault(term, []).append((tokens[i].start, tokens[i + n - 1].end))
    return spans


def word_contributions(tokens: Sequence[Token], table: dict[str, tuple[float, float]],
                       ngram_range: tuple[int, int], sign: float = 1.0) -> list[Contribution]:
    """Contribution of each word term present: ``sign * weight * tfidf / norm``.

    ``table`` maps term -> (idf, weight), as :class:`~tweetmix.runtime.TermWeights` holds it.
    """
    located = term_spans(tokens, ngram_range[1])
    counts = Counter({term: len(where) for term, where in located.items()
                      if ngram_range[0] <= term.count(" ") + 1})
    values = {}
    for term, count in counts.items():
        entry = table.get(term)
        if entry is not None:
            values[term] = ((1.0 + math.log(count)) * entry[0], entry[1])
    norm = math.sqrt(sum(v * v for v, _ in values.values()))
    if not norm:
        return []
    return [Contribution(term, sign * w * v / norm, tuple(located[term]))
            for term, (v, w) in values.items()]


def contributions_of(words: Any, weights: Sequence[float], sign: float = 1.0
                     ) -> list[Contribution]:
    """:func:`word_contributions` from a post's :class:`~tweetmix.runtime.WordTerms`, without
    counting again; ``weights`` are the block's weights by term number.

    The spans are left empty: pass ``spans_of=words.spans_of`` to :func:`top_spans`, which then
    places only the terms it shows.
    """
    if not words.squared:
        return []
    norm = math.sqrt(words.squared)
    return [Contribution(term, sign * weights[column] * value / norm, ())
            for term, column, value in zip(words.terms, words.columns, words.values)]


_READABLE: dict[str, bool] = {}
_PLAIN_PUNCTUATION = frozenset(".,!?…-–—_*'\"/\\|~")
_READABLE_LIMIT = 200_000


def readable(term: str) -> bool:
    """Whether a term means something to a person when it is quoted as a reason.

    Words of two letters or more, "I", emoji and emoticons do; a lone letter (the "A" of "A&E"
    is a token of its own), punctuation or a placeholder (``<num>``) does not, however much
    weight the model gives it.

    >>> [readable(t) for t in ("tired", "i", "😭", ":)", "a", ", .", "...", "& e", "my !", ". <num>")]
    [True, True, True, True, False, False, False, False, True, False]
    """
    known = _READABLE.get(term)
    if known is None:
        known = any(_readable_word(word) for word in term.split(" "))
        if len(_READABLE) >= _READABLE_LIMIT:
            _READABLE.clear()
        _READABLE[term] = known
    return known


def _readable_word(word: str) -> bool:
    if word.startswith("<") and word.endswith(">"):
        return False  # a placeholder: the number, link or handle it stands for says nothing
    letters = sum(ch.isalpha() for ch in word)
    if letters >= 2 or word == "i":
        return True
    if letters == 0 and not word.isascii():
        return True  # emoji and other symbols
    # emoticons (":)", ":d", "<3"), but not runs of plain punctuation ("...", "?!")
    return letters <= 1 and len(word) >= 2 and not word.isalnum() and \
        not set(word) <= _PLAIN_PUNCTUATION


def top_spans(contributions: Iterable[Contribution], k: int = 5, minimum: float = 0.0,
              spans_of: Callable[[str], Sequence[tuple[int, int]]] | None = None
              ) -> list[Contribution]:
    """The ``k`` largest positive contributions, longest terms first on ties, no overlaps;
    only :func:`readable` terms.

    ``spans_of(term)``, if given, replaces each contribution's own spans; it is called only for
    the terms considered, so callers can locate terms lazily.
    """
    chosen: list[Contribution] = []
    taken: list[tuple[int, int]] = []
    ranked = sorted((c for c in contributions if c.weight > minimum and readable(c.term)),
                    key=lambda c: (-c.weight, -len(c.term)))
    for c in ranked:
        if len(chosen) >= k:
            break
        spans = tuple(s for s in (c.spans if spans_of is None else spans_of(c.term))
                      if not any(s[0] < e and b < s[1] for b, e in taken))
        if spans:
            chosen.append(Contribution(c.term, c.weight, spans))
            taken.extend(spans)
    return chosen


def top_terms(ranked: Iterable[tuple[float, str]], k: int,
              spans_of: Callable[[str], Sequence[tuple[int, int]]]) -> list[Contribution]:
    """:func:`top_spans` over ``(weight, term)`` pairs already filtered to ``weight > minimum``.

    The check path ranks a post's terms this way so that it builds a :class:`Contribution`
    only for the few terms it shows, not for every term of the post. Ties keep the pairs' order,
    as in :func:`top_spans`.

    >>> spans = {"tired": [(0, 5)], "so tired": [(3, 12)], "so": [(0, 2)]}
    >>> [c.term for c in top_terms([(0.5, "tired"), (0.5, "so tired"), (0.2, "so")], 2,
    ...                            lambda t: spans[t])]
    ['so tired', 'so']
    """
    order = sorted(ranked, key=_rank)
    chosen: list[Contribution] = []
    taken: list[tuple[int, int]] = []
    for weight, term in order:
        if len(chosen) >= k:
            break
        where = spans_of(term)
        if taken:
            where = [span for span in where if _free(span, taken)]
        if where:
            spans = tuple(where)
            chosen.append(Contribution(term, weight, spans))
            taken.extend(spans)
    return chosen


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """True if ``span`` overlaps none of the ``taken`` spans."""
    start, end = span
    for taken_start, taken_end in taken:
        if start < taken_end and taken_start < end:
            return False
    return True


def _rank(pair: tuple[float, str]) -> tuple[float, int]:
    """Largest weight first, longer term first on ties (the key :func:`top_spans` sorts by)."""
    return (-pair[0], -len(pair[1]))


def top_contributions(words: Any, weights: Sequence[float], sign: float = 1.0, k: int = 5,
                      minimum: float = 0.0) -> list[Contribution]:
    """``top_spans(contributions_of(words, weights, sign), k, minimum, words.spans_of)``, the
    same list, without a :class:`Contribution` for every term of the post."""
    if not words.squared:
        return []
    norm = math.sqrt(words.squared)
    ranked = []
    for term, column, value in zip(words.terms, words.columns, words.values):
        weight = sign * weights[column] * value / norm
        if weight > minimum and readable(term):
            ranked.append((weight, term))
    return top_terms(ranked, k, words.spans_of)
