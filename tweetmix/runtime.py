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
from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping

from .style import STYLE_FEATURES, style_from_tokens
from .tokenize import TOKENIZER_VERSION, Token, join_normalised, tokenize_with_spans

__all__ = ["RuntimeModel", "TermWeights", "CategoryWeights", "RUNTIME_FORMAT"]

RUNTIME_FORMAT = 1
_WHITE_SPACES = re.compile(r"\s\s+")


@dataclass(frozen=True)
class TermWeights:
    """One TF-IDF block: term -> (idf, weight), with its n-gram range."""

    table: dict[str, tuple[float, float]]
    ngram_range: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        terms = list(self.table)
        return {
            "ngram_range": list(self.ngram_range),
            "terms": terms,
            "idf": [self.table[t][0] for t in terms],
            "weight": [self.table[t][1] for t in terms],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "TermWeights":
        table = dict(zip(data["terms"], zip(data["idf"], data["weight"])))
        low, high = data["ngram_range"]
        return cls(table, (int(low), int(high)))

    def logit_part(self, counts: Mapping[str, int]) -> float:
        """Sum of weight * sublinear-tf * idf over the grams counted, divided by the l2 norm."""
        table = self.table
        dot = 0.0
        squared = 0.0
        for term, count in counts.items():
            entry = table.get(term)
            if entry is None:
                continue
            idf, weight = entry
            value = idf if count == 1 else (1.0 + math.log(count)) * idf
            dot += weight * value
            squared += value * value
        return dot / math.sqrt(squared) if squared else 0.0


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
    order; ``thresholds`` are the probabilities at which each category is reported.
    """

    def __init__(self, names: list[str], intercepts: list[float], thresholds: list[float],
                 weights: Any):
        import numpy as np

        self.names = list(names)
        self.intercepts = np.asarray(intercepts, dtype=np.float64)
        self.thresholds = list(thresholds)
        self.weights = np.asarray(weights, dtype=np.float64)

    @classmethod
    def from_classifier(cls, disclosure: Any, word: TermWeights, thresholds: list[float]
                        ) -> "CategoryWeights":
        import numpy as np

        vocabulary = disclosure.vectorizer_.vocabulary_
        if set(vocabulary) != set(word.table):
            raise ValueError("the disclosure model must share the personal model's word vocabulary")
        columns = np.asarray([vocabulary[term] for term in word.table])
        coef = np.vstack([est.coef_.ravel() for est in disclosure.estimators_])
        return cls([str(c) for c in disclosure.classes_],
                   [float(est.intercept_[0]) for est in disclosure.estimators_],
                   thresholds, coef[:, columns])

    def to_json(self) -> dict[str, Any]:
        import numpy as np

        return {
            "names": self.names,
            "intercepts": self.intercepts.tolist(),
            "thresholds": self.thresholds,
            "shape": list(self.weights.shape),
            "weights": base64.b64encode(np.ascontiguousarray(self.weights, "<f8").tobytes()
                                        ).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "CategoryWeights":
        import numpy as np

        weights = np.frombuffer(base64.b64decode(data["weights"]), dtype="<f8")
        return cls(data["names"], data["intercepts"], data["thresholds"],
                   weights.reshape(data["shape"]))


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
        self._word_grams: dict[str, list[str]] = {}
        self._position: dict[str, int] = {}
        self.category_terms: list[str] = []
        if categories is not None:
            self.attach_categories(categories)

    def attach_categories(self, categories: CategoryWeights) -> None:
        """Add the disclosure model (its columns follow this model's word terms)."""
        self.categories = categories
        self.category_terms = list(self.word.table)
        self._position = {term: i for i, term in enumerate(self.category_terms)}

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
        if data.get("runtime_format") != RUNTIME_FORMAT:
            raise ValueError(f"runtime format {data.get('runtime_format')!r}, this tweetmix reads "
                             f"{RUNTIME_FORMAT}")
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
        """Counts of the word n-grams of ``tokens``: computed once per post, used by the kind
        score and the category scores alike."""
        return Counter(word_ngrams([t.text for t in tokens], self.word.ngram_range))

    def logit(self, text: str, tokens: list[Token] | None = None,
              word_counts: Mapping[str, int] | None = None) -> float:
        """Linear score towards ``classes[1]`` (professional), before calibration."""
        if tokens is None:
            tokens = tokenize_with_spans(text, patterns=self.patterns)
        if word_counts is None:
            word_counts = self.word_counts(tokens)
        value = self.intercept + self.word.logit_part(word_counts)
        if self.char is not None:
            value += self.char.logit_part(Counter(self._char_grams(join_normalised(text, tokens))))
        if self.style_weights is not None:
            value += sum(w * v for w, v in zip(self.style_weights, style_from_tokens(text, tokens)))
        return value

    def _char_grams(self, normalised: str) -> list[str]:
        """Character n-grams of the vocabulary only, cached per word (words repeat a lot)."""
        assert self.char is not None
        cache = self._word_grams
        if len(cache) > 200_000:
            cache.clear()
        grams: list[str] = []
        for word in normalised.split():
            known = cache.get(word)
            if known is None:
                table = self.char.table
                known = [g for g in char_wb_ngrams(word, self.char.ngram_range) if g in table]
                cache[word] = known
            grams.extend(known)
        return grams

    def probability(self, logit: float) -> float:
        """Calibrated probability of ``classes[0]`` (personal) from the linear score."""
        a, b = self.sigmoid
        z = a * logit + b
        # P(classes[1]) = 1 / (1 + exp(z)), so P(classes[0]) = 1 / (1 + exp(-z)).
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def category_scores(self, tokens: list[Token], word_counts: Mapping[str, int] | None = None
                        ) -> tuple[Any, list[int], Any]:
        """Per-category probabilities, plus the word-term positions and scaled values behind them.

        The positions and values (``value / norm``) let explanations attribute each
        category's score to terms without recomputing anything.
        """
        import numpy as np

        assert self.categories is not None
        counts = self.word_counts(tokens) if word_counts is None else word_counts
        table, position = self.word.table, self._position
        columns: list[int] = []
        values: list[float] = []
        for term, count in counts.items():
            entry = table.get(term)
            if entry is None:
                continue
            columns.append(position[term])
            values.append(entry[0] if count == 1 else (1.0 + math.log(count)) * entry[0])
        scaled = np.asarray(values, dtype=np.float64)
        if scaled.size:
            scaled /= math.sqrt(float(scaled @ scaled))
        logits = self.categories.intercepts + self.categories.weights[:, columns] @ scaled
        return 1.0 / (1.0 + np.exp(-logits)), columns, scaled

    def p_first_class(self, text: str) -> float:
        """Calibrated probability of ``classes[0]`` for one post."""
        return self.probability(self.logit(text))
