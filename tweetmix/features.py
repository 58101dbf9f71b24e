"""scikit-learn transformers beyond TF-IDF.

The style counts themselves live in :mod:`tweetmix.style`, which imports no scikit-learn, so the
check path can compute them too.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .style import STYLE_FEATURES, style_vector

__all__ = ["StyleFeatures"]


class StyleFeatures(TransformerMixin, BaseEstimator):
    """Texts -> dense matrix of :data:`tweetmix.style.STYLE_FEATURES`.

    Stateless apart from recording its output width, so it is safe anywhere in a pipeline.

    >>> StyleFeatures().fit_transform(["we are hiring!", "i am soooo tired"]).shape
    (2, 14)
    """

    def __init__(self, patterns: Mapping[str, str] | None = None):
        self.patterns = patterns

    def fit(self, X: Iterable[str], y: Any = None) -> "StyleFeatures":
        self.n_features_out_ = len(STYLE_FEATURES)
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        rows = [style_vector(text, self.patterns) for text in X]
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(STYLE_FEATURES))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray([f"style:{name}" for name in STYLE_FEATURES], dtype=object)
