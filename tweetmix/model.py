"""The personal-vs-professional classifier (scikit-learn side).

One estimator, :class:`PersonalClassifier`, wraps a feature union (word n-gram TF-IDF over our
tweet tokens, character n-gram TF-IDF over the normalised text, style counts) and a logistic
regression whose scores are calibrated with a sigmoid fitted on cross-validated predictions
(``CalibratedClassifierCV(ensemble=False)``): one linear model plus one sigmoid, which is what
lets the check path export it to plain numbers (:mod:`tweetmix.runtime`).
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from sklearn.pipeline import FeatureUnion
from sklearn.utils.validation import check_is_fitted

from .exceptions import DataError, LabelError
from .features import StyleFeatures
from .tokenize import PostTokenizer, normalize

__all__ = ["LABELS", "PERSONAL", "PROFESSIONAL", "MODELLED_CATEGORIES", "PersonalClassifier",
           "DisclosureClassifier", "CharNormalizer", "word_vectorizer", "validate_texts",
           "validate_labels"]

PERSONAL = "personal"
PROFESSIONAL = "professional"
LABELS = (PERSONAL, PROFESSIONAL)


class CharNormalizer:
    """Preprocessor for the character n-gram vectorizer: :func:`tweetmix.tokenize.normalize`.

    A top-level class (not a lambda) so fitted pipelines pickle and reload.
    """

    def __init__(self, patterns: Mapping[str, str] | None = None):
        self.patterns = patterns

    def __call__(self, text: str) -> str:
        return normalize(text, patterns=self.patterns)

    def __repr__(self) -> str:
        return "CharNormalizer()"


def validate_texts(X: Any, *, what: str = "X") -> list[str]:
    """Return ``X`` as a list of non-empty strings, or raise naming the bad positions."""
    if isinstance(X, str):
        raise DataError(f"{what} must be a sequence of posts, not a single string; wrap it in a list")
    try:
        texts = list(X)
    except TypeError:
        raise DataError(f"{what} must be an iterable of strings, got {type(X).__name__}") from None
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str) or not t.strip()]
    if bad:
        shown = ", ".join(f"{i} ({texts[i]!r})" for i in bad[:10])
        more = f" and {len(bad) - 10} more" if len(bad) > 10 else ""
        raise DataError(
            f"{what} has {len(bad)} empty or non-string item(s) at position(s) {shown}{more}; "
            "drop or fill them before training"
        )
    return texts


def validate_labels(y: Any, n: int) -> np.ndarray:
    """Map labels to ``personal``/``professional`` (case and spaces ignored) or raise listing the rest."""
    labels = [str(v).strip().lower() if isinstance(v, str) else v for v in y]
    if len(labels) != n:
        raise LabelError(f"got {n} posts but {len(labels)} labels; they must be the same length")
    unknown = sorted({repr(v) for v in labels if v not in LABELS})
    if unknown:
        raise LabelError(
            f"unknown label value(s) {', '.join(unknown[:10])}; labels must be one of {list(LABELS)}"
        )
    present = set(labels)
    if len(present) < 2:
        raise LabelError(
            f"all {n} labels are {next(iter(present))!r}; training needs examples of both "
            f"{PERSONAL!r} and {PROFESSIONAL!r}"
        )
    return np.asarray(labels, dtype=object)


class PersonalClassifier(ClassifierMixin, BaseEstimator):
    """Calibrated linear classifier of posts as ``personal`` or ``professional``.

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression.
    word_ngram_range, char_ngram_range : tuple of int
        n-gram ranges for word tokens (:class:`~tweetmix.tokenize.PostTokenizer`) and for
        characters within word boundaries of the normalised text.
    max_word_features, max_char_features : int
        Vocabulary caps; they bound model size and load time with little loss of accuracy.
    min_df : int
        Minimum number of posts a term must occur in.
    use_char, use_style : bool
        Switch the character n-grams and style features off (smaller, faster, less accurate).
    cv : int
        Folds for the calibration's out-of-fold predictions.
    class_weight : "balanced" or None
        Passed to the logistic regression.
    random_state : int
        Seeds the fold shuffling, so refits are identical.

    Attributes
    ----------
    classes_ : ndarray of str
        ``['personal', 'professional']``.
    features_ : FeatureUnion
        The fitted feature extractor.
    calibrated_ : CalibratedClassifierCV
        The fitted, calibrated logistic regression.

    Examples
    --------
    >>> clf = PersonalClassifier(use_char=False, cv=2, min_df=1).fit(
    ...     ["my cat is sick again", "we are hiring engineers", "date night with my wife",
    ...      "our Q3 report is out"], ["personal", "professional", "personal", "professional"])
    >>> list(clf.classes_)
    ['personal', 'professional']
    """

    def __init__(
        self,
        C: float = 1.0,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] = (3, 5),
        max_word_features: int = 30_000,
        max_char_features: int = 50_000,
        min_df: int = 2,
        use_char: bool = True,
        use_style: bool = True,
        cv: int = 5,
        class_weight: str | None = "balanced",
        random_state: int = 0,
    ):
        self.C = C
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.max_word_features = max_word_features
        self.max_char_features = max_char_features
        self.min_df = min_df
        self.use_char = use_char
        self.use_style = use_style
        self.cv = cv
        self.class_weight = class_weight
        self.random_state = random_state

    def _make_features(self) -> FeatureUnion:
        parts: list[tuple[str, Any]] = [(
            "word",
            word_vectorizer(tuple(self.word_ngram_range), self.min_df, self.max_word_features),
        )]
        if self.use_char:
            parts.append((
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", preprocessor=CharNormalizer(), lowercase=False,
                    ngram_range=tuple(self.char_ngram_range), min_df=self.min_df + 1,
                    max_features=self.max_char_features, sublinear_tf=True, dtype=np.float64,
                ),
            ))
        if self.use_style:
            parts.append(("style", StyleFeatures()))
        return FeatureUnion(parts)

    def _folds(self, y: np.ndarray, groups: Any) -> Any:
        """Calibration folds: grouped by author when known; never more folds than posts allow."""
        if groups is None:
            n_folds = max(2, min(self.cv, int(np.unique(y, return_counts=True)[1].min())))
            return StratifiedKFold(n_folds, shuffle=True, random_state=self.random_state)
        groups = np.asarray(list(groups), dtype=object)
        if len(groups) != len(y):
            raise DataError(f"got {len(y)} posts but {len(groups)} groups")
        n_groups = len(set(groups.tolist()))
        if n_groups >= 2:
            splitter = StratifiedGroupKFold(min(self.cv, n_groups), shuffle=True,
                                            random_state=self.random_state)
            splits = list(splitter.split(np.zeros(len(y)), y, groups))
            if all(len(set(y[train].tolist())) == 2 for train, _ in splits):
                return splits
        # Too few authors per label to hold whole authors out: fall back to ordinary folds.
        return self._folds(y, None)

    def fit(self, X: Sequence[str], y: Sequence[str], groups: Sequence[Any] | None = None
            ) -> "PersonalClassifier":
        """Fit on posts ``X`` and labels ``y``; ``groups`` (e.g. authors) keep calibration folds honest."""
        texts = validate_texts(X)
        labels = validate_labels(y, len(texts))
        names, counts = np.unique(labels, return_counts=True)
        if counts.min() < 2:
            raise LabelError(
                "each label needs at least 2 posts (calibration is fitted on held-out folds); "
                f"got {dict(zip(names.tolist(), counts.tolist()))}"
            )
        self.features_ = self._make_features()
        matrix = self.features_.fit_transform(texts)
        base = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear",
            random_state=self.random_state,
        )
        self.calibrated_ = CalibratedClassifierCV(
            base, method="sigmoid", cv=self._folds(labels, groups), ensemble=False
        )
        self.calibrated_.fit(matrix, labels)
        self.classes_ = self.calibrated_.classes_
        return self

    def _matrix(self, X: Sequence[str]) -> Any:
        check_is_fitted(self, "calibrated_")
        return self.features_.transform(validate_texts(X))

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, columns in the order of ``classes_``."""
        matrix = self._matrix(X)
        return self.calibrated_.predict_proba(matrix)

    def predict(self, X: Sequence[str]) -> np.ndarray:
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

    def decision_function(self, X: Sequence[str]) -> np.ndarray:
        """Uncalibrated logit; positive means ``classes_[1]`` (professional), as scikit-learn does."""
        matrix = self._matrix(X)
        return self.linear_model_.decision_function(matrix)

    @property
    def linear_model_(self) -> LogisticRegression:
        """The single logistic regression fitted on all training data."""
        check_is_fitted(self, "calibrated_")
        return self.calibrated_.calibrated_classifiers_[0].estimator

    @property
    def sigmoid_(self) -> tuple[float, float]:
        """Platt parameters ``(a, b)``: P(classes_[1]) = 1 / (1 + exp(a * logit + b))."""
        check_is_fitted(self, "calibrated_")
        calibrator = self.calibrated_.calibrated_classifiers_[0].calibrators[0]
        return float(calibrator.a_), float(calibrator.b_)

    def feature_names(self) -> np.ndarray:
        check_is_fitted(self, "features_")
        return self.features_.get_feature_names_out()

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


#: Categories the statistical model scores (contact details are found by rules, not learned).
MODELLED_CATEGORIES = ("health", "sexuality", "relationships", "family", "substances",
                       "emotional_distress", "whereabouts", "finances", "work_grievance", "beliefs")


def word_vectorizer(ngram_range: tuple[int, int] = (1, 2), min_df: int = 2,
                    max_features: int | None = 30_000) -> TfidfVectorizer:
    """The word n-gram TF-IDF over :class:`~tweetmix.tokenize.PostTokenizer` tokens."""
    return TfidfVectorizer(
        tokenizer=PostTokenizer(), token_pattern=None, lowercase=False, ngram_range=ngram_range,
        min_df=min_df, max_features=max_features, sublinear_tf=True, dtype=np.float64,
    )


class DisclosureClassifier(ClassifierMixin, BaseEstimator):
    """Multi-label classifier: which sensitive categories a post discloses.

    One logistic regression per category over word n-gram TF-IDF. ``vectorizer`` may be a
    vectorizer already fitted (the personal classifier's word block), so the check path scores
    kind and categories from one vocabulary; an unfitted one is fitted here.

    Parameters
    ----------
    vectorizer : TfidfVectorizer or None
        ``None`` builds :func:`word_vectorizer`.
    C : float
        Inverse regularisation strength of each regression. Category words are many and each
        is rare, so weak regularisation pays: mean average precision over grouped folds of the
        starter train split was 0.615 at C=2, 0.633 at C=8 and 0.638 at C=32.
    class_weight : "balanced" or None
        Categories are rare, so balanced weights keep recall up.
    random_state : int
        For the solver.

    Attributes
    ----------
    classes_ : ndarray of str
        The category names, in column order of ``predict_proba``.
    """

    def __init__(self, vectorizer: Any = None, C: float = 8.0,
                 class_weight: str | None = "balanced", random_state: int = 0):
        self.vectorizer = vectorizer
        self.C = C
        self.class_weight = class_weight
        self.random_state = random_state

    def _encode(self, Y: Any, n: int) -> np.ndarray:
        rows = list(Y)
        if len(rows) != n:
            raise LabelError(f"got {n} posts but {len(rows)} category lists")
        matrix = np.zeros((n, len(MODELLED_CATEGORIES)), dtype=int)
        unknown: set[str] = set()
        for i, cats in enumerate(rows):
            if isinstance(cats, str):
                cats = [c for c in cats.split(";") if c]
            for cat in cats:
                if cat in MODELLED_CATEGORIES:
                    matrix[i, MODELLED_CATEGORIES.index(cat)] = 1
                elif cat != "contact_details":
                    unknown.add(str(cat))
        if unknown:
            raise LabelError(f"unknown categor(ies) {sorted(unknown)}; known: "
                             f"{list(MODELLED_CATEGORIES) + ['contact_details']}")
        return matrix

    def fit(self, X: Sequence[str], Y: Sequence[Any], *, features: Any = None
            ) -> "DisclosureClassifier":
        """Fit on posts and, per post, a list (or ``;``-string) of category names.

        ``features`` may hold ``X`` already transformed by the (fitted) ``vectorizer``: training
        fits this model once per fold on the same rows, and tokenising them again each time
        would cost more than the regressions.
        """
        texts = validate_texts(X)
        targets = self._encode(Y, len(texts))
        empty = [c for c, n in zip(MODELLED_CATEGORIES, targets.sum(axis=0)) if n < 2]
        if empty:
            raise LabelError(f"categories {empty} have fewer than 2 example posts; add examples")
        vectorizer = self.vectorizer if self.vectorizer is not None else word_vectorizer()
        if not hasattr(vectorizer, "vocabulary_"):
            if features is not None:
                raise DataError("features were given but the vectorizer is not fitted")
            vectorizer.fit(texts)
        self.vectorizer_ = vectorizer
        if features is None:
            matrix = vectorizer.transform(texts)
        elif features.shape != (len(texts), len(vectorizer.vocabulary_)):
            raise DataError(f"features have shape {features.shape}; expected "
                            f"({len(texts)}, {len(vectorizer.vocabulary_)}), one row per post "
                            "and one column per vectorizer term")
        else:
            matrix = features
        self.estimators_ = [
            LogisticRegression(C=self.C, class_weight=self.class_weight, solver="liblinear",
                               max_iter=2000, random_state=self.random_state
                               ).fit(matrix, targets[:, k])
            for k in range(targets.shape[1])
        ]
        self.classes_ = np.asarray(MODELLED_CATEGORIES, dtype=object)
        return self

    def predict_proba_features(self, features: Any) -> np.ndarray:
        """:meth:`predict_proba` of rows already transformed by ``vectorizer_``."""
        check_is_fitted(self, "estimators_")
        return np.column_stack([est.predict_proba(features)[:, 1] for est in self.estimators_])

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Probability of each category (columns as ``classes_``); rows need not sum to 1."""
        check_is_fitted(self, "estimators_")
        return self.predict_proba_features(self.vectorizer_.transform(validate_texts(X)))

    def decision_function(self, X: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "estimators_")
        matrix = self.vectorizer_.transform(validate_texts(X))
        return np.column_stack([est.decision_function(matrix) for est in self.estimators_])

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """0/1 indicator matrix at probability 0.5."""
        return (self.predict_proba(X) >= 0.5).astype(int)

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.target_tags.multi_output = True
        return tags
