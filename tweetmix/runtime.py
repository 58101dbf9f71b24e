"""The compact form of a fitted model that the check path runs.

Importing scikit-learn, nltk and pandas costs well over a second (DESIGN §5), longer than a
pre-send hook can wait. A fitted :class:`~tweetmix.model.PersonalClassifier` is one linear
function of TF-IDF and style features followed by one sigmoid, so it can be exported to plain
numbers: for every vocabulary term its idf and weight, the style weights, the intercept and the
sigmoid, plus the tokenizer's pattern strings; the disclosure model adds one weight row per
category. :class:`RuntimeModel` recomputes the same probabilities with the standard library
(and numpy for the category rows); tests hold it to the scikit-learn pipeline within 1e-6 on
thousands of posts.
"""
from __future__ import annotations

import base64
import json
import math
import re
import zlib
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import chain, compress
from typing import Any, Iterable, Mapping

from .stacking import CategoryStack
from .style import STYLE_FEATURES, style_from_tokens
from .tokenize import TOKENIZER_VERSION, Token, join_normalised, tokenize_with_spans

__all__ = ["RuntimeModel", "TermWeights", "CategoryWeights", "WordTerms", "RUNTIME_FORMAT"]

#: Written by :meth:`RuntimeModel.to_bytes`. Format 2 stores each term block as one string and
#: two base64 float arrays (format 1: JSON lists), which parses several times faster. Format 3
#: adds the categories' combination with evidence cues (:mod:`tweetmix.stacking`); its
#: thresholds apply to the combined score, so readers of format 2 must not load it.
RUNTIME_FORMAT = 3
_READABLE_FORMATS = (1, 2, 3)
_WHITE_SPACES = re.compile(r"\s\s+")
#: ``count > 1`` as a C-level callable, for :func:`itertools.compress` over counts.
_MORE_THAN_ONCE = (1).__lt__


class _IndexedTerms:
    """A :class:`TermWeights` table numbered for fast scoring.

    ``ids`` maps each term to its number; ``rows[4 * number:4 * number + 4]`` holds its idf,
    weight, ``weight * idf`` and ``idf * idf`` (what the term adds to the dot product and the
    squared norm when it occurs once), side by side in one flat array, so a term costs one
    dictionary look-up and one memory line rather than several scattered float objects.
    """

    __slots__ = ("ids", "rows", "weight")

    def __init__(self, table: Mapping[str, tuple[float, float]]):
        import numpy as np  # the check path has it already (category rows)

        self.ids: dict[str, int] = dict(zip(table, range(len(table))))
        pairs = list(table.values())
        idf = np.array([idf for idf, _ in pairs], dtype=np.float64)
        weight = np.array([weight for _, weight in pairs], dtype=np.float64)
        self.rows = array("d", np.column_stack([idf, weight, weight * idf, idf * idf]).tobytes())
        self.weight = array("d", np.ascontiguousarray(weight).tobytes())


@dataclass(frozen=True)
class TermWeights:
    """One TF-IDF block: term -> (idf, weight), with its n-gram range."""

    table: dict[str, tuple[float, float]]
    ngram_range: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        """Terms as one newline-joined string, idf and weights as base64 little-endian float64.

        Parsing 80,000 JSON floats costs more than the rest of loading a model together.
        """
        import numpy as np

        terms = list(self.table)
        if any("\n" in term for term in terms):
            raise ValueError("a vocabulary term contains a line break; terms are single lines")
        pairs = np.array([self.table[t] for t in terms], dtype="<f8").reshape(len(terms), 2)
        return {
            "ngram_range": list(self.ngram_range),
            "terms": "\n".join(terms),
            "idf": base64.b64encode(np.ascontiguousarray(pairs[:, 0]).tobytes()).decode("ascii"),
            "weight": base64.b64encode(np.ascontiguousarray(pairs[:, 1]).tobytes()
                                       ).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "TermWeights":
        """Read format 2 (see :meth:`to_json`) or format 1 (plain JSON lists)."""
        terms, idf, weight = data["terms"], data["idf"], data["weight"]
        if isinstance(terms, str):
            import numpy as np

            terms = terms.split("\n") if terms else []
            idf = np.frombuffer(base64.b64decode(idf), dtype="<f8").tolist()
            weight = np.frombuffer(base64.b64decode(weight), dtype="<f8").tolist()
        if not len(terms) == len(idf) == len(weight):
            raise ValueError(f"term block has {len(terms)} terms but {len(idf)} idf values and "
                             f"{len(weight)} weights")
        table = dict(zip(terms, zip(idf, weight)))
        low, high = data["ngram_range"]
        return cls(table, (int(low), int(high)))

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the table, not the numbered copy (rebuilt on first use)."""
        return {k: v for k, v in self.__dict__.items() if k != "_indexed"}

    @property
    def indexed(self) -> _IndexedTerms:
        """The table numbered for scoring, built on first use and kept (it never changes)."""
        indexed = self.__dict__.get("_indexed")
        if indexed is None:
            indexed = _IndexedTerms(self.table)
            object.__setattr__(self, "_indexed", indexed)
        return indexed

    def logit_part(self, counts: Mapping[str, int]) -> float:
        """Sum of weight * sublinear-tf * idf over the grams counted, divided by the l2 norm."""
        indexed = self.indexed
        ids = indexed.ids
        return _normalised_dot(indexed, [(i, count) for term, count in counts.items()
                                         if (i := ids.get(term)) is not None])


def _normalised_dot(indexed: _IndexedTerms, counted: Any) -> float:
    """``dot / sqrt(squared)`` over ``(term number, count)`` pairs, summed in their order."""
    rows = indexed.rows
    dot = 0.0
    squared = 0.0
    for i, count in counted:
        k = 4 * i
        if count == 1:
            dot += rows[k + 2]
            squared += rows[k + 3]
        else:
            value = (1.0 + math.log(count)) * rows[k]
            dot += rows[k + 1] * value
            squared += value * value
    return dot / math.sqrt(squared) if squared else 0.0


class WordTerms:
    """The vocabulary terms of one post's word n-grams, counted once per post.

    The kind score, the category scores and both explanations (reasons and category spans) read
    the same terms, so a check counts them once. ``terms`` are in the order scikit-learn's
    analyzer first produces them (which fixes the summation order, so results do not move),
    ``columns`` their numbers in the word block, ``values`` their sublinear tf * idf,
    ``squared`` the sum of the squared values and ``dot`` the kind model's weighted sum.
    Where a term stands in the post (:meth:`spans_of`) is looked up only for the few terms an
    explanation shows.
    """

    __slots__ = ("terms", "columns", "values", "squared", "dot", "_tokens", "_grams", "_located")

    def __init__(self, terms: list[str], columns: list[int], values: list[float],
                 squared: float, dot: float, tokens: list[Token] | None = None,
                 grams: dict[int, list[str]] | None = None):
        self.terms = terms
        self.columns = columns
        self.values = values
        self.squared = squared
        self.dot = dot
        self._tokens = tokens if tokens is not None else []
        self._grams = grams if grams is not None else {}
        self._located: dict[str, list[tuple[int, int]]] | None = None

    @property
    def logit_part(self) -> float:
        """What :meth:`TermWeights.logit_part` gives for these terms."""
        return self.dot / math.sqrt(self.squared) if self.squared else 0.0

    def spans_of(self, term: str) -> tuple[tuple[int, int], ...]:
        """The character spans of every occurrence of ``term``, shortest n-grams first, as
        :func:`tweetmix.explain.term_spans` lists them.

        Every n-gram is placed on first use (cheaper than scanning for each term shown); the
        spans become tuples only for the terms asked for.
        """
        located = self._located
        if located is None:
            tokens = self._tokens
            starts = [t[1] for t in tokens]
            ends = [t[2] for t in tokens]
            located = self._located = {}
            for n, grams in self._grams.items():
                for gram, start, end in zip(grams, starts, ends[n - 1:]):
                    where = located.get(gram)
                    if where is None:
                        located[gram] = [(start, end)]
                    else:
                        where.append((start, end))
        where = located.get(term)
        return () if where is None else tuple(where)

    @property
    def spans(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """:meth:`spans_of` for every term."""
        return {term: self.spans_of(term) for term in self.terms}


def word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """The same n-grams scikit-learn's word analyzer produces from ``tokens``."""
    low, high = ngram_range
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """The same n-grams scikit-learn's ``char_wb`` analyzer produces from ``text``."""
    low, high = ngram_range
    grams: list[str] = []
    append = grams.append
    for word in _WHITE_SPACES.sub(" ", text).split():
        padded = f" {word} "
        length = len(padded)
        for n in range(low, high + 1):
            if length <= n:
                append(padded)
                break
            for i in range(length - n + 1):
                append(padded[i:i + n])
    return grams


class CategoryWeights:
    """The disclosure model: one logistic regression per category over the word block's terms.

    ``weights`` is a ``(n_categories, n_terms)`` array whose columns follow the word block's term
    order; ``thresholds`` are the probabilities at which each category is reported. ``stack``
    combines each category's probability with its evidence cues; the thresholds then apply to
    the combination. Models saved before it existed have none (see
    :func:`tweetmix.disclosure.disclose`).
    """

    def __init__(self, names: list[str], intercepts: list[float], thresholds: list[float],
                 weights: Any, stack: CategoryStack | None = None):
        import numpy as np

        if stack is not None and stack.names != list(names):
            raise ValueError(f"the stack's categories {stack.names} differ from {list(names)}")
        self.stack = stack
        self.names = list(names)
        self.intercepts = np.asarray(intercepts, dtype=np.float64)
        self.thresholds = list(thresholds)
        self.weights = np.asarray(weights, dtype=np.float64)
        self._by_term: Any = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the weights once, not also their transposed copy (rebuilt on first use)."""
        return {**self.__dict__, "_by_term": None}

    @property
    def by_term(self) -> Any:
        """``weights`` transposed and contiguous, ``(n_terms, n_categories)``: a post's few
        terms are then a few rows next to each other in memory instead of scattered columns."""
        if self._by_term is None:
            import numpy as np

            self._by_term = np.ascontiguousarray(self.weights.T)
        return self._by_term

    @classmethod
    def from_classifier(cls, disclosure: Any, word: TermWeights, thresholds: list[float],
                        stack: CategoryStack | None = None) -> "CategoryWeights":
        import numpy as np

        vocabulary = disclosure.vectorizer_.vocabulary_
        if set(vocabulary) != set(word.table):
            raise ValueError("the disclosure model must share the personal model's word vocabulary")
        columns = np.asarray([vocabulary[term] for term in word.table])
        coef = np.vstack([est.coef_.ravel() for est in disclosure.estimators_])
        return cls([str(c) for c in disclosure.classes_],
                   [float(est.intercept_[0]) for est in disclosure.estimators_],
                   thresholds, coef[:, columns], stack)

    def to_json(self) -> dict[str, Any]:
        import numpy as np

        return {
            "names": self.names,
            "intercepts": self.intercepts.tolist(),
            "thresholds": self.thresholds,
            "shape": list(self.weights.shape),
            "weights": base64.b64encode(np.ascontiguousarray(self.weights, "<f8").tobytes()
                                        ).decode("ascii"),
            "stack": self.stack.to_json() if self.stack else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "CategoryWeights":
        import numpy as np

        weights = np.frombuffer(base64.b64decode(data["weights"]), dtype="<f8")
        stack = data.get("stack")
        return cls(data["names"], data["intercepts"], data["thresholds"],
                   weights.reshape(data["shape"]),
                   CategoryStack.from_json(stack) if stack else None)


class RuntimeModel:
    """Scores posts like the fitted pipeline, with the standard library only."""

    def __init__(
        self,
        *,
        classes: tuple[str, str],
        patterns: dict[str, str],
        word: TermWeights,
        char: TermWeights | None,
        style_weights: list[float] | None,
        intercept: float,
        sigmoid: tuple[float, float],
        categories: CategoryWeights | None = None,
    ):
        self.classes = tuple(classes)
        self.patterns = dict(patterns)
        self.word = word
        self.char = char
        self.style_weights = list(style_weights) if style_weights is not None else None
        self.intercept = float(intercept)
        self.sigmoid = (float(sigmoid[0]), float(sigmoid[1]))
        self.categories = categories
        self._word_grams: dict[str, tuple[list[str], float, float]] = {}
        self._repeat_deltas: dict[tuple[str, int], tuple[float, float]] = {}
        self.category_terms: list[str] = []
        if categories is not None:
            self.attach_categories(categories)

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the model, not its caches (refilled as posts are scored)."""
        return {**self.__dict__, "_word_grams": {}, "_repeat_deltas": {}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Also accept pickles from before a cache existed."""
        self.__dict__.update({"_word_grams": {}, "_repeat_deltas": {}, **state})

    def attach_categories(self, categories: CategoryWeights) -> None:
        """Add the disclosure model (its columns follow this model's word terms)."""
        self.categories = categories
        self.category_terms = list(self.word.table)

    # -- export / serialisation -------------------------------------------------------------
    @classmethod
    def from_classifier(cls, classifier: Any) -> "RuntimeModel":
        """Export a fitted :class:`~tweetmix.model.PersonalClassifier`."""
        from .tokenize import pattern_sources

        linear = classifier.linear_model_
        coef = linear.coef_.ravel()
        offset = 0
        blocks: dict[str, Any] = {}
        for name, transformer in classifier.features_.transformer_list:
            if name == "style":
                width = len(STYLE_FEATURES)
                blocks[name] = [float(w) for w in coef[offset:offset + width]]
            else:
                vocabulary = transformer.vocabulary_
                width = len(vocabulary)
                idf = transformer.idf_
                table = {
                    term: (float(idf[index]), float(coef[offset + index]))
                    for term, index in vocabulary.items()
                }
                blocks[name] = TermWeights(table, tuple(transformer.ngram_range))
            offset += width
        if offset != coef.size:
            raise ValueError(f"exported {offset} weights but the model has {coef.size}")
        return cls(
            classes=tuple(str(c) for c in classifier.classes_),
            patterns=pattern_sources(),
            word=blocks["word"],
            char=blocks.get("char"),
            style_weights=blocks.get("style"),
            intercept=float(linear.intercept_[0]),
            sigmoid=classifier.sigmoid_,
        )

    def to_bytes(self) -> bytes:
        data = {
            "runtime_format": RUNTIME_FORMAT,
            "tokenizer_version": TOKENIZER_VERSION,
            "classes": list(self.classes),
            "patterns": self.patterns,
            "word": self.word.to_json(),
            "char": self.char.to_json() if self.char else None,
            "style_weights": self.style_weights,
            "intercept": self.intercept,
            "sigmoid": list(self.sigmoid),
            "categories": self.categories.to_json() if self.categories else None,
        }
        return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)

    @classmethod
    def from_bytes(cls, blob: bytes) -> "RuntimeModel":
        data = json.loads(zlib.decompress(blob).decode("utf-8"))
        if data.get("runtime_format") not in _READABLE_FORMATS:
            raise ValueError(f"runtime format {data.get('runtime_format')!r}, this tweetmix reads "
                             f"{', '.join(map(str, _READABLE_FORMATS))}")
        if data.get("tokenizer_version") != TOKENIZER_VERSION:
            raise ValueError(f"tokenizer version {data.get('tokenizer_version')!r}, this tweetmix "
                             f"tokenizes as version {TOKENIZER_VERSION}")
        return cls(
            classes=tuple(data["classes"]),
            patterns=data["patterns"],
            word=TermWeights.from_json(data["word"]),
            char=TermWeights.from_json(data["char"]) if data["char"] else None,
            style_weights=data["style_weights"],
            intercept=data["intercept"],
            sigmoid=tuple(data["sigmoid"]),
            categories=(CategoryWeights.from_json(data["categories"])
                        if data.get("categories") else None),
        )

    # -- scoring ----------------------------------------------------------------------------
    def word_counts(self, tokens: list[Token]) -> Counter[str]:
        """Counts of the word n-grams of ``tokens`` (all of them, known to the model or not)."""
        return Counter(word_ngrams([t.text for t in tokens], self.word.ngram_range))

    def word_terms(self, tokens: list[Token]) -> WordTerms:
        """The post's known word terms with their counts and values (see :class:`WordTerms`).

        One count serves the kind score, the category scores and the explanations; terms the
        model does not know are dropped on the way.
        """
        indexed = self.word.indexed
        get = indexed.ids.get
        low, high = self.word.ngram_range
        texts = [t[0] for t in tokens]
        grams: dict[int, list[str]] = {}
        for n in range(low, min(high, len(texts)) + 1):
            if n == 1:
                grams[n] = texts
            elif n == 2:
                grams[n] = list(map(" ".join, zip(texts, texts[1:])))
            else:
                grams[n] = [" ".join(texts[i:i + n]) for i in range(len(texts) - n + 1)]
        # One Counter over all n-grams, shortest first: the same counts and first-seen order
        # as updating n by n.
        counts = Counter(chain.from_iterable(grams.values()))
        rows = indexed.rows
        terms: list[str] = []
        columns: list[int] = []
        values: list[float] = []
        dot = 0.0
        squared = 0.0
        for term, count in counts.items():
            column = get(term)
            if column is None:
                continue
            terms.append(term)
            columns.append(column)
            k = 4 * column
            if count == 1:
                values.append(rows[k])
                dot += rows[k + 2]
                squared += rows[k + 3]
            else:
                value = (1.0 + math.log(count)) * rows[k]
                values.append(value)
                dot += rows[k + 1] * value
                squared += value * value
        return WordTerms(terms, columns, values, squared, dot, tokens, grams)

    def logit(self, text: str, tokens: list[Token] | None = None,
              word_counts: Mapping[str, int] | None = None,
              words: WordTerms | None = None, word_part: float | None = None,
              normalised_words: list[str] | None = None) -> float:
        """Linear score towards ``classes[1]`` (professional), before calibration.

        Pass the post's ``tokens`` and ``words`` (:meth:`word_terms`), ``word_counts`` or the
        word block's ``word_part`` of the score when the caller already has them, and
        ``normalised_words`` (from :func:`~tweetmix.tokenize.tokens_and_words`) with the tokens
        they came with.
        """
        if tokens is None:
            tokens = tokenize_with_spans(text, patterns=self.patterns)
        if word_part is not None:
            value = self.intercept + word_part
        elif words is not None:
            value = self.intercept + words.logit_part
        elif word_counts is not None:
            value = self.intercept + self.word.logit_part(word_counts)
        else:
            value = self.intercept + self.word_terms(tokens).logit_part
        if self.char is not None:
            value += self._char_part_of_words(
                join_normalised(text, tokens).split() if normalised_words is None
                else normalised_words)
        if self.style_weights is not None:
            value += sum(w * v for w, v in zip(self.style_weights, style_from_tokens(text, tokens)))
        return value

    def _char_part(self, normalised: str) -> float:
        """The character block's share of the logit for the normalised post.

        char_wb n-grams never cross a word, so each distinct word's known grams, and what they
        add to the dot product and the squared norm when each occurs once, are computed once
        and cached. A post adds up its words' sums and then corrects the grams that occur more
        than once, whose tf is sublinear (``1 + log(count)``): same result, to rounding
        (about 1e-15), as the loop over every gram.
        """
        return self._char_part_of_words(normalised.split())

    def _char_part_of_words(self, words: list[str]) -> float:
        """:meth:`_char_part` of the normalised post split at whitespace."""
        assert self.char is not None
        cache = self._word_grams
        if len(cache) > 200_000:
            cache.clear()
        grams: list[str] = []
        dot = 0.0
        squared = 0.0
        for word in words:
            known = cache.get(word)
            if known is None:
                known = cache[word] = self._word_char_grams(word)
            grams += known[0]
            dot += known[1]
            squared += known[2]
        counts = Counter(grams)
        if len(counts) != len(grams):
            # The repeated grams, picked out at C speed (most grams of a post occur once); the
            # same few (" t", "e ", "th" ...) repeat in post after post, so each (gram, count)
            # correction is computed once and cached.
            deltas = self._repeat_deltas
            if len(deltas) > 200_000:
                deltas.clear()
            for repeat in compress(counts.items(), map(_MORE_THAN_ONCE, counts.values())):
                delta = deltas.get(repeat)
                if delta is None:
                    delta = deltas[repeat] = self._repeat_delta(*repeat)
                dot += delta[0]
                squared += delta[1]
        return dot / math.sqrt(squared) if squared > 0.0 else 0.0

    def _repeat_delta(self, gram: str, count: int) -> tuple[float, float]:
        """What a gram occurring ``count`` times changes in the dot product and the squared
        norm, against counting it once per occurrence (sublinear tf: ``1 + log(count)``)."""
        assert self.char is not None
        idf, weight = self.char.table[gram]
        value = (1.0 + math.log(count)) * idf
        return (weight * value - count * (weight * idf), value * value - count * (idf * idf))

    def _word_char_grams(self, word: str) -> tuple[list[str], float, float]:
        """The known char_wb grams of one word, and what they add once each."""
        assert self.char is not None
        table = self.char.table
        known = [g for g in char_wb_ngrams(word, self.char.ngram_range) if g in table]
        entries = [table[g] for g in known]
        return (known, math.fsum(weight * idf for idf, weight in entries),
                math.fsum(idf * idf for idf, _ in entries))

    def probability(self, logit: float) -> float:
        """Calibrated probability of ``classes[0]`` (personal) from the linear score."""
        a, b = self.sigmoid
        z = a * logit + b
        # P(classes[1]) = 1 / (1 + exp(z)), so P(classes[0]) = 1 / (1 + exp(-z)).
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def category_scores(self, tokens: list[Token], word_counts: Mapping[str, int] | None = None,
                        words: WordTerms | None = None) -> tuple[Any, list[int], Any]:
        """Per-category probabilities, plus the word-term positions and scaled values behind them.

        The positions and values (``value / norm``) let explanations attribute each
        category's score to terms without recomputing anything.
        """
        import numpy as np

        assert self.categories is not None
        if words is None:
            if word_counts is None:
                words = self.word_terms(tokens)
            else:
                ids, rows = self.word.indexed.ids, self.word.indexed.rows
                columns = []
                values = []
                for term, count in word_counts.items():
                    column = ids.get(term)
                    if column is not None:
                        columns.append(column)
                        values.append(rows[4 * column] if count == 1
                                      else (1.0 + math.log(count)) * rows[4 * column])
                words = WordTerms([], columns, values, 0.0, 0.0)
        columns = words.columns
        scaled = np.asarray(words.values, dtype=np.float64)
        if scaled.size:
            scaled /= math.sqrt(float(scaled @ scaled))
        logits = self.categories.intercepts + scaled @ self.categories.by_term[columns]
        return 1.0 / (1.0 + np.exp(-logits)), columns, scaled

    def p_first_class(self, text: str) -> float:
        """Calibrated probability of ``classes[0]`` for one post."""
        return self.probability(self.logit(text))

    def p_first_class_many(self, texts: Iterable[str]) -> list[float]:
        """:meth:`p_first_class` for many posts (the batch ``score`` path).

        Only the kind score is computed (no explanation terms are kept), and a post repeated
        in the batch (retweets, templates) is scored once.
        """
        done: dict[str, float] = {}
        out: list[float] = []
        patterns = self.patterns
        indexed = self.word.indexed
        get = indexed.ids.get
        low, high = self.word.ngram_range
        for text in texts:
            p = done.get(text)
            if p is None:
                tokens = tokenize_with_spans(text, patterns=patterns)
                words = [t.text for t in tokens]
                if low == 1 and high == 2:
                    counts = Counter(words)
                    counts.update([f"{a} {b}" for a, b in zip(words, words[1:])])
                else:
                    counts = Counter(word_ngrams(words, (low, high)))
                word_part = _normalised_dot(indexed, [(i, count) for term, count in counts.items()
                                                      if (i := get(term)) is not None])
                p = done[text] = self.probability(self.logit(text, tokens, word_part=word_part))
            out.append(p)
        return out
