"""How good is a model, and where should its threshold sit?

Two ways to measure:

* :func:`evaluate` cross-validates training on your labelled posts (grouped by author when
  authors are given, because an author's style leaks across folds and flatters the numbers)
  and scores every post with a model that never saw it;
* :func:`evaluate_model` measures a model you already have (the default one, say) on posts it
  was not trained on.

Both return an :class:`EvaluationReport`: discrimination (accuracy, macro-F1, ROC-AUC, PR-AUC),
calibration (Brier score, expected calibration error and the reliability table), per-category
precision and recall of the disclosure side, a threshold sweep, the words that weigh most
towards each class, and every post's score for error analysis. :func:`threshold_sweep` and
:func:`pick_threshold` turn "I want 90 % of flags to be right" into a threshold.

Plots live in :mod:`tweetmix.plots` (optional extra ``tweetmix[plots]``). scikit-learn and
pandas are imported inside the functions that need them.
"""
from __future__ import annotations

import json
import math
import os
import pathlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

import numpy as np

from .exceptions import DataError, LabelError, UnreachableTargetError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["expected_calibration_error", "binary_metrics", "category_metrics",
           "calibration_table", "confusion_counts", "threshold_sweep", "pick_threshold",
           "cv_splits", "top_features", "evaluate", "evaluate_model", "EvaluationReport",
           "UnreachableTargetError"]

Progress = Callable[[str], None]

#: Metrics of ``p_personal`` in the order reports list them.
SCORE_METRICS = ("accuracy", "macro_f1", "roc_auc", "pr_auc", "brier", "ece")


# -- checking inputs ---------------------------------------------------------------------------
def _binary_truth(y_true: Any, name: str = "y_true") -> np.ndarray:
    """0/1 array from booleans, 0/1 numbers or ``personal``/``professional`` labels."""
    values = list(y_true.tolist() if hasattr(y_true, "tolist") else y_true)
    if values and all(isinstance(v, str) for v in values):
        from .model import PERSONAL, PROFESSIONAL

        cleaned = [v.strip().lower() for v in values]
        unknown = sorted({v for v in cleaned if v not in (PERSONAL, PROFESSIONAL)})
        if unknown:
            raise LabelError(f"{name} has unknown label(s) {unknown[:5]}; use 'personal' or "
                             "'professional' (or 1/0, True/False for personal)")
        return np.array([v == PERSONAL for v in cleaned], dtype=int)
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise LabelError(f"{name} must be 0/1, True/False or 'personal'/'professional'") from None
    if array.ndim != 1 or not np.isin(array, (0.0, 1.0)).all():
        raise LabelError(f"{name} must be a flat sequence of 0/1, True/False or "
                         "'personal'/'professional' values")
    return array.astype(int)


def _probabilities(p: Any, n: int, name: str = "p_personal") -> np.ndarray:
    """Float array of length ``n`` with values in [0, 1]; NaNs are refused with positions."""
    try:
        array = np.asarray(p.tolist() if hasattr(p, "tolist") else list(p), dtype=float)
    except (TypeError, ValueError):
        raise DataError(f"{name} must be numbers between 0 and 1") from None
    if array.shape != (n,):
        raise DataError(f"got {n} labels but {array.size} values of {name}; they must match")
    missing = np.flatnonzero(np.isnan(array))
    if missing.size:
        raise DataError(f"{name} is missing (NaN) at position(s) {missing[:10].tolist()}; drop "
                        "the posts that could not be scored (empty, too long) first")
    if (array < 0).any() or (array > 1).any():
        raise DataError(f"{name} must lie between 0 and 1; got values from {array.min():.3g} "
                        f"to {array.max():.3g}")
    return array


def _paired(y_true: Any, p: Any) -> tuple[np.ndarray, np.ndarray]:
    y = _binary_truth(y_true)
    if y.size == 0:
        raise DataError("no posts to measure: y_true is empty")
    return y, _probabilities(p, y.size)


# -- calibration -------------------------------------------------------------------------------
def _calibration_bins(y: np.ndarray, p: np.ndarray, n_bins: int
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per equal-width bin: post count, mean predicted probability, observed rate (NaN if empty)."""
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    count = np.bincount(bins, minlength=n_bins).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_p = np.bincount(bins, weights=p, minlength=n_bins) / count
        rate = np.bincount(bins, weights=y, minlength=n_bins) / count
    return count, mean_p, rate


def expected_calibration_error(y_true: Sequence[int], p: Sequence[float], n_bins: int = 10
                               ) -> float:
    """Mean |observed rate - mean predicted probability| over equal-width bins, weighted by size.

    >>> expected_calibration_error([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.2])
    0.15
    """
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(p, dtype=float)
    count, mean_p, rate = _calibration_bins(y, p, n_bins)
    filled = count > 0
    total = float(np.sum(count[filled] * np.abs(rate[filled] - mean_p[filled])))
    return round(total / len(y), 6)


def calibration_table(y_true: Any, p: Any, n_bins: int = 10) -> "pd.DataFrame":
    """The reliability table behind :func:`expected_calibration_error`, one row per bin.

    A calibrated model's ``observed_rate`` is close to ``mean_predicted`` in every bin: of the
    posts scored about 0.8, about 80 % are personal. Empty bins have NaN rates.

    >>> calibration_table([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.2], n_bins=2)
       lower  upper  count  mean_predicted  observed_rate
    0    0.0    0.5      2            0.15            0.0
    1    0.5    1.0      2            0.85            1.0
    """
    import pandas as pd

    y, p = _paired(y_true, p)
    count, mean_p, rate = _calibration_bins(y.astype(float), p, n_bins)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    return pd.DataFrame({"lower": edges[:-1].round(6), "upper": edges[1:].round(6),
                         "count": count.astype(int), "mean_predicted": mean_p.round(6),
                         "observed_rate": rate.round(6)})


# -- discrimination ----------------------------------------------------------------------------
def binary_metrics(is_personal: Sequence[bool], p_personal: Sequence[float],
                   threshold: float = 0.5) -> dict[str, Any]:
    """Accuracy, macro-F1, ROC-AUC, PR-AUC, Brier score and ECE of ``p_personal``."""
    from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss,
                                 f1_score, roc_auc_score)

    y = np.asarray(is_personal, dtype=int)
    p = np.asarray(p_personal, dtype=float)
    predicted = (p >= threshold).astype(int)
    return {
        "n": int(len(y)),
        "accuracy": round(float(accuracy_score(y, predicted)), 6),
        "macro_f1": round(float(f1_score(y, predicted, average="macro")), 6),
        "roc_auc": round(float(roc_auc_score(y, p)), 6),
        "pr_auc": round(float(average_precision_score(y, p)), 6),
        "brier": round(float(brier_score_loss(y, p)), 6),
        "ece": expected_calibration_error(y, p),
    }


def confusion_counts(y: np.ndarray, p: np.ndarray, threshold: float) -> np.ndarray:
    """2x2 counts: rows actual personal / professional, columns flagged (``p >= threshold``)
    / not flagged."""
    actual = np.asarray(y).astype(bool)
    predicted = np.asarray(p) >= threshold
    return np.array([[(actual & predicted).sum(), (actual & ~predicted).sum()],
                     [(~actual & predicted).sum(), (~actual & ~predicted).sum()]], dtype=int)


def _cut_points(y: np.ndarray, p: np.ndarray) -> dict[str, np.ndarray]:
    """Every distinct way to flag posts by score: flag ``p >= threshold`` for each distinct score.

    Arrays run from the highest threshold (fewest flags) to the lowest.
    """
    order = np.argsort(-p, kind="stable")
    ranked = p[order]
    hits = np.cumsum(y[order])
    flagged = np.arange(1, len(y) + 1)
    last_of_run = np.r_[ranked[1:] != ranked[:-1], True]
    tp, k = hits[last_of_run], flagged[last_of_run]
    positives = max(int(y.sum()), 1)
    return {"threshold": ranked[last_of_run], "flagged": k, "precision": tp / k,
            "recall": tp / positives, "flag_rate": k / len(y)}


def threshold_sweep(y_true: Any, p: Any, thresholds: Sequence[float] | None = None
                    ) -> "pd.DataFrame":
    """What flagging ``p_personal >= threshold`` would do, for a range of thresholds.

    Columns: ``threshold``, ``flagged`` (posts), ``flag_rate`` (share of posts flagged),
    ``precision`` (share of flagged posts that are personal; NaN when nothing is flagged),
    ``recall`` (share of personal posts flagged) and ``f1``. Raising the threshold never flags
    more posts, so ``flag_rate`` and ``recall`` never increase down the table.

    Parameters
    ----------
    y_true : sequence
        1/True/``"personal"`` for personal posts.
    p : sequence of float
        The model's ``p_personal``.
    thresholds : sequence of float, optional
        Defaults to 0.01, 0.02, ..., 0.99.

    >>> threshold_sweep([0, 0, 1, 1], [0.1, 0.6, 0.7, 0.9], thresholds=[0.5, 0.65, 0.95])
       threshold  flagged  flag_rate  precision  recall   f1
    0       0.50        3       0.75   0.666667     1.0  0.8
    1       0.65        2       0.50   1.000000     1.0  1.0
    2       0.95        0       0.00        NaN     0.0  NaN
    """
    import pandas as pd

    y, p = _paired(y_true, p)
    grid = (np.round(np.arange(1, 100) / 100, 2) if thresholds is None
            else np.asarray(list(thresholds), dtype=float))
    order = np.argsort(p, kind="stable")
    ascending = p[order]
    # personal posts among the i highest-scored, for i = 0..n
    personal_from_top = np.r_[0, np.cumsum(y[order][::-1])]
    below = np.searchsorted(ascending, grid, side="left")
    flagged = len(p) - below
    tp = personal_from_top[flagged]
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(flagged > 0, tp / np.maximum(flagged, 1), np.nan)
        recall = tp / max(int(y.sum()), 1)
        f1 = np.where(flagged > 0, 2 * precision * recall / (precision + recall), np.nan)
    f1 = np.where(np.isfinite(f1), f1, np.where(flagged > 0, 0.0, np.nan))
    return pd.DataFrame({"threshold": grid, "flagged": flagged.astype(int),
                         "flag_rate": flagged / len(p), "precision": precision,
                         "recall": recall, "f1": f1})


def pick_threshold(y_true: Any, p: Any, *, precision: float | None = None,
                   flag_rate: float | None = None) -> float:
    """The threshold on ``p_personal`` that meets a target, measured on labelled posts.

    Give exactly one target:

    * ``precision``: of the posts flagged, at least this share are personal; among the
      thresholds that manage it, the one that flags the most personal posts (best recall);
    * ``flag_rate``: flag at most this share of all posts (as many as allowed).

    The result is one of the scores in ``p``, so flagging ``p >= threshold`` on these posts
    reproduces the target. Measure it on posts the model did not train on (out-of-fold scores
    from :func:`evaluate`, or a held-out set), or it will be optimistic.

    Raises
    ------
    UnreachableTargetError
        When no threshold meets the target; the message gives the best that can be done.

    >>> pick_threshold([0, 0, 1, 1], [0.1, 0.6, 0.7, 0.9], precision=0.8)
    0.7
    >>> pick_threshold([0, 0, 1, 1], [0.1, 0.6, 0.7, 0.9], flag_rate=0.25)
    0.9
    """
    if (precision is None) == (flag_rate is None):
        raise TypeError("give exactly one target: precision=... or flag_rate=...")
    target = precision if precision is not None else flag_rate
    what = "precision" if precision is not None else "flag_rate"
    if isinstance(target, bool) or not isinstance(target, (int, float)) or not 0 < target <= 1:
        raise ValueError(f"{what} must be a number in (0, 1], got {target!r}")
    y, p = _paired(y_true, p)
    cuts = _cut_points(y, p)
    if precision is not None:
        if not y.any():
            raise UnreachableTargetError("there are no personal posts among y_true, so no "
                                         "threshold has any precision; add labelled personal posts")
        ok = cuts["precision"] >= precision - 1e-12
        if not ok.any():
            best = int(np.argmax(cuts["precision"]))
            raise UnreachableTargetError(
                f"no threshold reaches precision {precision:g} on these {len(y)} posts; the best "
                f"is {cuts['precision'][best]:.3f} (threshold {cuts['threshold'][best]:.4g}, "
                f"recall {cuts['recall'][best]:.3f}). Lower the target, or improve the model "
                "with more or cleaner training posts."
            )
        chosen = int(np.flatnonzero(ok)[np.argmax(cuts["recall"][ok])])
    else:
        ok = cuts["flag_rate"] <= flag_rate + 1e-12
        if not ok.any():
            raise UnreachableTargetError(
                f"no threshold flags at most {flag_rate:g} of these {len(y)} posts: "
                f"{cuts['flagged'][0]} posts share the top score {cuts['threshold'][0]:.4g}, a "
                f"flag rate of {cuts['flag_rate'][0]:.3f}. Raise the target or use more posts."
            )
        chosen = int(np.flatnonzero(ok)[-1])
    return float(cuts["threshold"][chosen])


# -- categories --------------------------------------------------------------------------------
def _category_report(truth: Sequence[Any], found: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Per-category precision/recall/F1/support of ``found`` against ``truth``, plus macro means."""
    from .policy import ALL_CATEGORIES

    truth_sets = [set(c.split(";")) if isinstance(c, str) else set(c) for c in truth]
    report: dict[str, Any] = {}
    for name in ALL_CATEGORIES:
        labelled = np.array([name in cats for cats in truth_sets], dtype=bool)
        flagged = np.array([name in cats for cats in found], dtype=bool)
        tp = int((labelled & flagged).sum())
        precision = tp / flagged.sum() if flagged.sum() else 0.0
        recall = tp / labelled.sum() if labelled.sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[name] = {"precision": round(float(precision), 4), "recall": round(float(recall), 4),
                        "f1": round(float(f1), 4), "support": int(labelled.sum()),
                        "flagged": int(flagged.sum())}
    for key in ("precision", "recall", "f1"):
        report[f"macro_{key}"] = round(float(np.mean([report[c][key] for c in ALL_CATEGORIES])), 4)
    return report


def _categories_found(model: Any, texts: Sequence[str]) -> list[tuple[str, ...]]:
    """The categories ``model.check`` reports for each post when every category counts."""
    from .policy import ALL_CATEGORIES, Policy

    results = model.check(list(texts), policy=Policy(warn_categories=ALL_CATEGORIES))
    return [r.categories for r in results]


def category_metrics(model: Any, texts: Sequence[str], categories: Sequence[Sequence[str]]
                     ) -> dict[str, Any]:
    """Per-category precision, recall and F1 of ``model.check`` against labelled categories,
    plus their macro averages (contact details included: they are found by rules)."""
    report = _category_report(categories, _categories_found(model, texts))
    for name, row in report.items():
        if isinstance(row, dict):
            row.pop("flagged")
    return report


# -- what the model learned --------------------------------------------------------------------
def _word_tables(model: Any) -> tuple[tuple[str, str], dict[str, tuple[float, float]]]:
    """Classes and word-term table (term -> (idf, weight towards classes[1])) of a model."""
    runtime = getattr(model, "runtime", None)
    if runtime is None:
        if not hasattr(model, "features_"):
            raise TypeError("top_features needs a TweetmixModel or a fitted PersonalClassifier, "
                            f"got {type(model).__name__}")
        from .runtime import RuntimeModel

        runtime = RuntimeModel.from_classifier(model)
    return tuple(runtime.classes), runtime.word.table


def _top_from_weights(classes: Sequence[str], weights: Mapping[str, float], n: int
                      ) -> "pd.DataFrame":
    import pandas as pd

    terms = np.array(list(weights), dtype=object)
    values = np.array([weights[t] for t in terms], dtype=float)
    rows = []
    # A negative weight pushes towards classes[0], a positive one towards classes[1].
    for label, sign in ((classes[0], -1.0), (classes[1], 1.0)):
        toward = sign * values
        order = np.argsort(-toward, kind="stable")[:n]
        rows += [{"class": label, "rank": rank, "term": str(terms[i]),
                  "weight": round(float(toward[i]), 6)}
                 for rank, i in enumerate(order, 1) if toward[i] > 0]
    return pd.DataFrame(rows, columns=["class", "rank", "term", "weight"])


def top_features(model: Any, n: int = 15) -> "pd.DataFrame":
    """The word terms that weigh most towards each class in a trained model.

    Columns ``class``, ``rank``, ``term``, ``weight``: the weight is the term's coefficient
    in the linear model, signed towards ``class`` (larger = stronger pull). Character n-grams
    and style counts also contribute to scores but are not listed: words are what a person can
    read and argue with.

    Parameters
    ----------
    model : TweetmixModel or PersonalClassifier
        A trained model; only its runtime weights are read, so no pickle is needed.
    n : int
        Terms per class.
    """
    classes, table = _word_tables(model)
    return _top_from_weights(classes, {t: w for t, (_, w) in table.items()}, n)


# -- cross-validation --------------------------------------------------------------------------
def cv_splits(labels: Sequence[Any], groups: Sequence[Any] | None, cv: int,
              random_state: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(train, test)`` position arrays for ``cv`` folds, stratified by label.

    With ``groups`` (authors), no group is ever split across folds (``StratifiedGroupKFold``),
    and at most one fold per group is made; without, ``StratifiedKFold``. Shuffled with
    ``random_state``, so repeated runs split alike.
    """
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    y = np.asarray(list(labels), dtype=object)
    if isinstance(cv, bool) or not isinstance(cv, int) or cv < 2:
        raise DataError(f"cv must be an integer of at least 2 folds, got {cv!r}")
    names, counts = np.unique(y, return_counts=True)
    if groups is not None:
        group_list = list(groups)
        if len(group_list) != len(y):
            raise LabelError(f"got {len(y)} posts but {len(group_list)} groups")
        n_groups = len(set(map(str, group_list)))
        if n_groups < 2:
            raise DataError(f"all posts are in one group ({group_list[0]!r}); grouped "
                            "cross-validation needs at least 2 groups; drop the group column")
        splitter = StratifiedGroupKFold(min(cv, n_groups), shuffle=True,
                                        random_state=random_state)
        splits = list(splitter.split(np.zeros(len(y)), y, [str(g) for g in group_list]))
        if any(len(set(y[train].tolist())) < 2 for train, _ in splits):
            raise DataError(
                f"with {n_groups} groups, some cross-validation folds would train on one "
                "label only; add posts from more authors, lower cv, or leave groups out"
            )
        return splits
    if counts.min() < cv:
        raise DataError(
            f"{cv}-fold cross-validation needs at least {cv} posts of each label; "
            f"{dict(zip(names.tolist(), counts.tolist()))}. Lower cv or add posts."
        )
    splitter = StratifiedKFold(cv, shuffle=True, random_state=random_state)
    return list(splitter.split(np.zeros(len(y)), y))


# -- the report --------------------------------------------------------------------------------
def _clean(value: Any) -> Any:
    """JSON-safe copies: numpy scalars to Python, NaN to None."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass
class EvaluationReport:
    """Everything an evaluation measured, as tables you can sort, plot or save.

    Attributes
    ----------
    metrics : DataFrame
        ``metric``, ``value``: post counts, accuracy, macro-F1, ROC-AUC, PR-AUC, Brier score,
        expected calibration error, precision / recall / flag rate at ``threshold``, and the
        macro precision / recall / F1 over categories when categories were labelled.
    per_category : DataFrame
        ``category``, ``precision``, ``recall``, ``f1``, ``support`` (labelled posts),
        ``flagged`` (posts the model reported); empty without category labels.
    sweep : DataFrame
        :func:`threshold_sweep` of the scores.
    calibration : DataFrame
        :func:`calibration_table` of the scores.
    predictions : DataFrame
        One row per post: ``text``, ``label``, ``p_personal``, ``fold`` (``<NA>`` without
        cross-validation), ``group``; with categories also ``categories`` and ``found``
        (``;``-joined).
    top_features : DataFrame
        :func:`top_features` of the model (averaged over the fold models in cross-validation).
    threshold : float
        The ``p_personal`` at which posts count as flagged for accuracy, F1 and the confusion
        matrix.
    setup : dict
        How the numbers were made: ``method`` (``cross-validation`` or ``held-out``), folds,
        grouping, model name and parameters.
    """

    metrics: "pd.DataFrame"
    per_category: "pd.DataFrame"
    sweep: "pd.DataFrame"
    calibration: "pd.DataFrame"
    predictions: "pd.DataFrame"
    top_features: "pd.DataFrame"
    threshold: float
    setup: dict[str, Any] = field(default_factory=dict)

    def metric(self, name: str) -> float:
        """One value of :attr:`metrics` by name, e.g. ``report.metric("roc_auc")``."""
        rows = self.metrics.loc[self.metrics["metric"] == name, "value"]
        if rows.empty:
            raise KeyError(f"no metric {name!r}; the metrics are {self.metrics['metric'].tolist()}")
        return float(rows.iloc[0])

    @property
    def y_true(self) -> np.ndarray:
        """1 for personal posts, 0 for professional, in the order of :attr:`predictions`."""
        from .model import PERSONAL

        return (self.predictions["label"] == PERSONAL).to_numpy(dtype=int)

    @property
    def p_personal(self) -> np.ndarray:
        """The scores, in the order of :attr:`predictions`."""
        return self.predictions["p_personal"].to_numpy(dtype=float)

    def confusion_matrix(self, threshold: float | None = None) -> "pd.DataFrame":
        """Post counts by actual label (rows) and predicted label (columns) at ``threshold``."""
        import pandas as pd

        from .model import PERSONAL, PROFESSIONAL

        cut = self.threshold if threshold is None else threshold
        counts = confusion_counts(self.y_true, self.p_personal, cut)
        labels = [PERSONAL, PROFESSIONAL]
        return pd.DataFrame(counts, index=pd.Index(labels, name="actual"),
                            columns=pd.Index(labels, name="predicted"))

    def errors(self, n: int = 10) -> "pd.DataFrame":
        """The most confident mistakes: up to ``n`` false positives (professional posts scored
        highest) and ``n`` false negatives (personal posts scored lowest), for reading."""
        import pandas as pd

        table = self.predictions.assign(y=self.y_true)
        flagged = table["p_personal"] >= self.threshold
        false_pos = table[flagged & (table["y"] == 0)].sort_values("p_personal", ascending=False)
        false_neg = table[~flagged & (table["y"] == 1)].sort_values("p_personal")
        parts = [false_pos.head(n).assign(error="false positive"),
                 false_neg.head(n).assign(error="false negative")]
        columns = ["error", "p_personal", "label", "text", "group"] + [
            c for c in ("categories", "found") if c in table.columns]
        return pd.concat(parts)[columns].reset_index(drop=True)

    def to_dict(self, *, predictions: bool = False) -> dict[str, Any]:
        """JSON-ready dict of the report; ``predictions=True`` adds every post's score."""
        data: dict[str, Any] = {
            "setup": self.setup,
            "threshold": self.threshold,
            "metrics": dict(zip(self.metrics["metric"], self.metrics["value"])),
            "per_category": self.per_category.to_dict(orient="records"),
            "sweep": self.sweep.to_dict(orient="records"),
            "calibration": self.calibration.to_dict(orient="records"),
            "top_features": self.top_features.to_dict(orient="records"),
            "confusion_matrix": self.confusion_matrix().to_dict(orient="index"),
        }
        if predictions:
            table = self.predictions.astype(object).where(self.predictions.notna(), None)
            data["predictions"] = table.to_dict(orient="records")
        return _clean(data)

    def to_json(self, path: str | os.PathLike[str] | None = None, *, predictions: bool = False,
                indent: int = 2) -> str:
        """The report as JSON text; written to ``path`` too when given."""
        text = json.dumps(self.to_dict(predictions=predictions), indent=indent,
                          ensure_ascii=False)
        if path is not None:
            pathlib.Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    def to_text(self, n_terms: int = 8) -> str:
        """A short report for a terminal: how measured, the metrics, categories and top words."""
        setup = self.setup
        counts = self.predictions["label"].value_counts()
        how = (f"{setup.get('folds')}-fold cross-validation"
               + (f", grouped by {setup.get('group_name') or 'group'}" if setup.get("grouped")
                  else "")
               if setup.get("method") == "cross-validation"
               else f"model {setup.get('model')!r} on held-out posts")
        lines = [f"{how}: {len(self.predictions):,} posts "
                 f"({', '.join(f'{int(v):,} {k}' for k, v in counts.items())})",
                 f"threshold {self.threshold:g} (p_personal at or above it counts as personal)"]
        names = {"accuracy": "accuracy", "macro_f1": "macro-F1", "roc_auc": "ROC-AUC",
                 "pr_auc": "PR-AUC", "brier": "Brier", "ece": "ECE", "precision": "precision",
                 "recall": "recall", "flag_rate": "flag rate"}
        lines += [f"  {label:<10} {self.metric(key):.3f}" for key, label in names.items()]
        if not self.per_category.empty:
            lines.append("categories   precision recall  F1     support")
            lines += [f"  {row.category:<18} {row.precision:.2f}    {row.recall:.2f}    "
                      f"{row.f1:.2f}   {row.support}"
                      for row in self.per_category.itertuples() if row.support or row.flagged]
            lines.append(f"  {'macro':<18} {self.metric('category_macro_precision'):.2f}    "
                         f"{self.metric('category_macro_recall'):.2f}    "
                         f"{self.metric('category_macro_f1'):.2f}")
        for label, terms in self.top_features.groupby("class", sort=False):
            words = " | ".join(terms["term"].head(n_terms))
            lines.append(f"words towards {label}: {words}")
        return "\n".join(lines)


def _valid_threshold(threshold: Any) -> float:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) \
            or not 0 <= threshold <= 1:
        raise DataError(f"threshold must be a number between 0 and 1, got {threshold!r}")
    return float(threshold)


def _build_report(texts: list[str], y: np.ndarray, p: np.ndarray, *, threshold: float,
                  folds: Any, groups: list[Any] | None, truth: list[Any] | None,
                  found: list[Sequence[str]] | None, top: "pd.DataFrame",
                  setup: dict[str, Any]) -> EvaluationReport:
    import pandas as pd

    from .model import PERSONAL, PROFESSIONAL

    metrics = binary_metrics(y, p, threshold)
    at_cut = threshold_sweep(y, p, thresholds=[threshold]).iloc[0]
    rows: list[tuple[str, float]] = [("n", metrics["n"]), ("n_personal", int(y.sum()))]
    rows += [(key, metrics[key]) for key in SCORE_METRICS]
    rows += [(key, round(float(at_cut[key]), 6)) for key in ("precision", "recall", "flag_rate")]
    per_category = pd.DataFrame(columns=["category", "precision", "recall", "f1", "support",
                                         "flagged"])
    predictions = pd.DataFrame({
        "text": texts,
        "label": np.where(y == 1, PERSONAL, PROFESSIONAL),
        "p_personal": p,
        "fold": pd.array(folds, dtype="Int64"),
        "group": groups if groups is not None else [None] * len(texts),
    })
    if truth is not None and found is not None:
        report = _category_report(truth, found)
        per_category = pd.DataFrame([{"category": name, **values} for name, values in
                                     report.items() if isinstance(values, dict)])
        rows += [(f"category_{key}", report[key])
                 for key in ("macro_precision", "macro_recall", "macro_f1")]
        predictions["categories"] = [c if isinstance(c, str) else ";".join(c) for c in truth]
        predictions["found"] = [";".join(c) for c in found]
    return EvaluationReport(
        metrics=pd.DataFrame(rows, columns=["metric", "value"]),
        per_category=per_category,
        sweep=threshold_sweep(y, p),
        calibration=calibration_table(y, p),
        predictions=predictions,
        top_features=top,
        threshold=float(threshold),
        setup=setup,
    )


def _progress_function(progress: bool | Progress) -> Progress | None:
    if progress is True:
        from .training import _stderr_progress

        return _stderr_progress
    return progress or None


def _check_lengths(n: int, **columns: Sequence[Any] | None) -> dict[str, list[Any] | None]:
    """Each column as a list (or None), refusing one whose length differs from the posts'."""
    out: dict[str, list[Any] | None] = {}
    for name, values in columns.items():
        listed = None if values is None else list(values)
        if listed is not None and len(listed) != n:
            raise LabelError(f"got {n} posts but {len(listed)} {name}")
        out[name] = listed
    return out


def evaluate(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    categories: Sequence[Any] | None = None,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    threshold: float = 0.5,
    group_name: str | None = None,
    progress: bool | Progress = False,
    **params: Any,
) -> EvaluationReport:
    """Cross-validate training on labelled posts: how well would a model trained on them do on
    posts it has not seen?

    Each fold trains exactly what :func:`tweetmix.train` trains (with ``params``) on the other
    folds and scores its own posts, so every post gets an out-of-fold ``p_personal`` (and, with
    ``categories``, out-of-fold category findings from ``check``). Repeated posts are dropped
    first, so no copy of a test post sits in its training folds.

    Parameters
    ----------
    texts, labels : sequences
        Posts and ``personal``/``professional`` labels.
    categories : sequence, optional
        Labelled categories of each post (list or ``;``-string); adds per-category precision,
        recall and F1 of the disclosure side. Makes each fold slower (the category model is
        trained too).
    groups : sequence, optional
        Author of each post: folds never split an author (``StratifiedGroupKFold``).
    cv : int
        Number of folds (at least 2; at most one per group).
    threshold : float
        ``p_personal`` at which a post counts as personal for accuracy, F1 and precision.
    group_name : str, optional
        What the groups are (e.g. ``"persona"``), for the report's wording.
    progress : bool or callable
        ``True`` prints each stage to stderr; a callable receives each message.
    **params
        Passed to :class:`~tweetmix.model.PersonalClassifier`, as in :func:`tweetmix.train`.

    Returns
    -------
    EvaluationReport
    """
    from .model import PERSONAL, validate_labels, validate_texts
    from .training import deduplicate, train

    report = _progress_function(progress)
    threshold = _valid_threshold(threshold)
    text_list = validate_texts(texts, what="texts")
    label_array = validate_labels(labels, len(text_list))
    extra = _check_lengths(len(text_list), groups=groups, categories=categories)
    n_given = len(text_list)
    keep = deduplicate(text_list, label_array)
    text_list, label_array = [text_list[i] for i in keep], label_array[keep]
    group_list = None if extra["groups"] is None else [extra["groups"][i] for i in keep]
    truth = None if extra["categories"] is None else [extra["categories"][i] for i in keep]
    splits = cv_splits(label_array, group_list, cv, params.get("random_state", 0))
    p = np.full(len(text_list), np.nan)
    fold_of = np.zeros(len(text_list), dtype=int)
    found: list[Sequence[str]] = [()] * len(text_list)
    weight_sums: dict[str, float] = {}
    classes: tuple[str, ...] = ()
    for k, (train_idx, test_idx) in enumerate(splits, 1):
        def fold_progress(message: str, k: int = k) -> None:
            if report:
                report(f"fold {k}/{len(splits)}: {message}")

        fold_progress(f"training on {len(train_idx):,} posts, testing on {len(test_idx):,}")
        try:
            model = train(
                [text_list[i] for i in train_idx], label_array[train_idx],
                categories=None if truth is None else [truth[i] for i in train_idx],
                groups=None if group_list is None else [group_list[i] for i in train_idx],
                cv=0, name=f"fold-{k}", progress=fold_progress if report else False, **params)
        except LabelError as exc:
            raise LabelError(
                f"cross-validation fold {k}/{len(splits)} (training on {len(train_idx):,} "
                f"posts) cannot be trained: {exc}. Label more posts of the rare categories, "
                "lower cv, or evaluate without categories."
            ) from None
        test_texts = [text_list[i] for i in test_idx]
        column = list(model.estimator.classes_).index(PERSONAL)
        p[test_idx] = model.estimator.predict_proba(test_texts)[:, column]
        fold_of[test_idx] = k
        if truth is not None:
            fold_progress("checking categories of the held-out posts")
            for i, cats in zip(test_idx, _categories_found(model, test_texts)):
                found[i] = cats
        classes, table = _word_tables(model)
        for term, (_, weight) in table.items():
            weight_sums[term] = weight_sums.get(term, 0.0) + weight
    mean_weights = {t: w / len(splits) for t, w in weight_sums.items()}
    setup = {"method": "cross-validation", "folds": len(splits), "grouped": group_list is not None,
             "group_name": group_name, "n_groups": (None if group_list is None
                                                    else len(set(map(str, group_list)))),
             "dropped_duplicates": n_given - len(keep),
             "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}}
    return _build_report(
        text_list, (label_array == PERSONAL).astype(int), p, threshold=threshold, folds=fold_of,
        groups=group_list, truth=truth, found=found if truth is not None else None,
        top=_top_from_weights(classes, mean_weights, 15), setup=setup)


def evaluate_model(
    model: Any,
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    categories: Sequence[Any] | None = None,
    groups: Sequence[Any] | None = None,
    threshold: float | None = None,
) -> EvaluationReport:
    """Measure a trained model on labelled posts it did not train on (no cross-validation).

    Parameters
    ----------
    model : TweetmixModel, path or None
        The model (``None``: the bundled default model). Only its runtime form is used, the
        same one ``check`` and ``score`` run.
    texts, labels : sequences
        Posts and ``personal``/``professional`` labels.
    categories : sequence, optional
        Labelled categories per post, for per-category precision and recall.
    groups : sequence, optional
        Kept in :attr:`EvaluationReport.predictions` for error analysis.
    threshold : float, optional
        Defaults to the model's policy threshold.

    Examples
    --------
    >>> report = evaluate_model(None, ["We are hiring engineers in Leeds", "my cat is so ill"],
    ...                         ["professional", "personal"])
    >>> report.metric("accuracy")
    1.0
    """
    from .api import _resolve
    from .model import PERSONAL, validate_labels, validate_texts

    resolved = _resolve(model)
    text_list = validate_texts(texts, what="texts")
    label_array = validate_labels(labels, len(text_list))
    extra = _check_lengths(len(text_list), groups=groups, categories=categories)
    cut = _valid_threshold(resolved.default_policy.threshold if threshold is None else threshold)
    p = resolved.score(text_list)
    unscored = np.flatnonzero(np.isnan(p))
    if unscored.size:
        raise DataError(f"{unscored.size} post(s) could not be scored (e.g. position "
                        f"{int(unscored[0])}: longer than the model's limit of "
                        f"{resolved.default_policy.max_chars:,} characters); drop or split them")
    found = None if extra["categories"] is None else _categories_found(resolved, text_list)
    setup = {"method": "held-out", "model": resolved.name, "source": resolved.source,
             "folds": None, "grouped": False}
    return _build_report(
        text_list, (label_array == PERSONAL).astype(int), p, threshold=cut,
        folds=[None] * len(text_list), groups=extra["groups"], truth=extra["categories"],
        found=found, top=top_features(resolved), setup=setup)
