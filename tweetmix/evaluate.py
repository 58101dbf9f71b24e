"""Metrics for personal-vs-professional scores: discrimination and calibration."""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

__all__ = ["expected_calibration_error", "binary_metrics", "category_metrics"]


def expected_calibration_error(y_true: Sequence[int], p: Sequence[float], n_bins: int = 10) -> float:
    """Mean |observed rate - mean predicted probability| over equal-width bins, weighted by size.

    >>> expected_calibration_error([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.2])
    0.15
    """
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(p, dtype=float)
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    total = 0.0
    for b in range(n_bins):
        mask = bins == b
        if mask.any():
            total += mask.sum() * abs(y[mask].mean() - p[mask].mean())
    return round(float(total / len(y)), 6)


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


def category_metrics(model: Any, texts: Sequence[str], categories: Sequence[Sequence[str]]
                     ) -> dict[str, Any]:
    """Per-category precision, recall and F1 of ``model.check`` against labelled categories,
    plus their macro averages (contact details included: they are found by rules)."""
    from .policy import ALL_CATEGORIES, Policy

    results = model.check(list(texts), policy=Policy(warn_categories=ALL_CATEGORIES))
    report: dict[str, Any] = {}
    for name in ALL_CATEGORIES:
        truth = np.array([name in cats for cats in categories])
        found = np.array([name in r.categories for r in results])
        tp = int((truth & found).sum())
        precision = tp / found.sum() if found.sum() else 0.0
        recall = tp / truth.sum() if truth.sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[name] = {"precision": round(float(precision), 4), "recall": round(float(recall), 4),
                        "f1": round(float(f1), 4), "support": int(truth.sum())}
    for key in ("precision", "recall", "f1"):
        report[f"macro_{key}"] = round(float(np.mean([report[c][key] for c in ALL_CATEGORIES])), 4)
    return report
