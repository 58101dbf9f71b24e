"""Training entry point: validate, cross-validate, fit, export, describe.

:func:`train` returns a :class:`~tweetmix.trained.TweetmixModel` whose manifest records what a
reader of the model file needs to trust it: versions, labels, data size and hash, and
cross-validated metrics (grouped by author when groups are given, because posts by the same
author leak style across folds and flatter the numbers).
"""
from __future__ import annotations

import sys
import time
import warnings
from typing import Any, Callable, Sequence

import numpy as np

from .evaluate import _cut_points, binary_metrics
from .exceptions import LabelError
from .model import PERSONAL, PersonalClassifier, validate_labels, validate_texts
from .persistence import data_fingerprint, environment_versions
from .policy import Policy
from .runtime import CategoryWeights, RuntimeModel
from .stacking import CategoryStack, fit_category_stack
from .trained import TweetmixModel

__all__ = ["train", "deduplicate", "cross_validated_scores"]

Progress = Callable[[str], None]


def _stderr_progress(message: str) -> None:
    print(f"[tweetmix] {message}", file=sys.stderr, flush=True)


def deduplicate(texts: list[str], labels: np.ndarray) -> list[int]:
    """Positions to keep: repeated posts are dropped (with a warning giving the count), and the
    same post with two labels is refused."""
    first: dict[str, int] = {}
    keep: list[int] = []
    conflicts: list[str] = []
    for i, text in enumerate(texts):
        j = first.setdefault(text.strip(), i)
        if j == i:
            keep.append(i)
        elif labels[j] != labels[i]:
            conflicts.append(f"rows {j} and {i} ({text[:40]!r}: {labels[j]} vs {labels[i]})")
    if conflicts:
        raise LabelError(
            f"{len(conflicts)} post(s) appear twice with different labels: "
            + "; ".join(conflicts[:5]) + ". Fix the labels so each post has one."
        )
    if len(keep) < len(texts):
        warnings.warn(f"dropped {len(texts) - len(keep)} duplicate post(s) before training",
                      UserWarning, stacklevel=3)
    return keep


def cross_validated_scores(estimator: PersonalClassifier, texts: list[str], labels: np.ndarray,
                           groups: list[Any] | None, cv: int, progress: Progress | None = None
                           ) -> np.ndarray:
    """Out-of-fold ``p_personal`` for every post (grouped folds when ``groups`` is given)."""
    from sklearn.base import clone

    from .evaluate import cv_splits

    splits = cv_splits(labels, groups, cv, estimator.random_state)
    scores = np.full(len(texts), np.nan)
    for k, (train_idx, test_idx) in enumerate(splits, 1):
        if progress:
            progress(f"cross-validation fold {k}/{len(splits)}")
        fold = clone(estimator)
        fold.fit([texts[i] for i in train_idx], labels[train_idx],
                 None if groups is None else [groups[i] for i in train_idx])
        column = list(fold.classes_).index(PERSONAL)
        scores[test_idx] = fold.predict_proba([texts[i] for i in test_idx])[:, column]
    return scores


def choose_threshold(y: np.ndarray, p: np.ndarray, min_precision: float = 0.8
                     ) -> tuple[float, float, float]:
    """Threshold with the best recall at precision >= ``min_precision`` (else the best F1).

    Returns ``(threshold, precision, recall)`` measured on ``y``/``p``.

    >>> choose_threshold(np.array([0, 0, 1, 1]), np.array([0.1, 0.6, 0.7, 0.9]))
    (0.7, 1.0, 1.0)
    """
    cuts = _cut_points(y, p)
    precision, recall = cuts["precision"], cuts["recall"]
    ok = precision >= min_precision
    if ok.any():
        k = int(np.flatnonzero(ok)[np.argmax(recall[ok])])
    else:
        k = int(np.argmax(2 * precision * recall / np.maximum(precision + recall, 1e-12)))
    return float(cuts["threshold"][k]), round(float(precision[k]), 4), round(float(recall[k]), 4)


def cue_counts(texts: Sequence[str], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Framed and unframed evidence cues per post and category (what the stack combines)."""
    from .evidence import find_evidence

    column = {name: k for k, name in enumerate(names)}
    framed = np.zeros((len(texts), len(names)), dtype=np.int64)
    unframed = np.zeros_like(framed)
    for i, text in enumerate(texts):
        for cue in find_evidence(text):
            k = column.get(cue.category)
            if k is not None:
                (framed if cue.framed else unframed)[i, k] += 1
    return framed, unframed


def fit_disclosure(texts: list[str], categories: list[Any], groups: list[Any] | None,
                   vectorizer: Any, cv: int, progress: Progress | None = None
                   ) -> tuple[Any, CategoryStack, list[float], dict[str, Any]]:
    """Fit the category model on ``vectorizer``'s terms and its combination with evidence cues.

    The combination (:mod:`tweetmix.stacking`) is fitted on out-of-fold scores, and each
    category's threshold is chosen on the combination's scores for precision >= 0.8.
    """
    from sklearn.base import clone
    from sklearn.model_selection import GroupKFold, KFold

    from .model import MODELLED_CATEGORIES, DisclosureClassifier

    model = DisclosureClassifier(vectorizer=vectorizer)
    targets = model._encode(categories, len(texts))
    if groups is not None and len(set(groups)) >= cv:
        splits = list(GroupKFold(cv).split(texts, groups=groups))
    else:
        splits = list(KFold(cv, shuffle=True, random_state=0).split(texts))
    matrix = vectorizer.transform(texts)  # once: every fold reuses these rows
    oof = np.zeros(targets.shape, dtype=np.float64)
    for k, (train_idx, test_idx) in enumerate(splits, 1):
        if progress:
            progress(f"disclosure categories fold {k}/{len(splits)}")
        fold = clone(model).set_params(vectorizer=vectorizer)
        fold.fit([texts[i] for i in train_idx], [categories[i] for i in train_idx],
                 features=matrix[train_idx])
        oof[test_idx] = fold.predict_proba_features(matrix[test_idx])
    if progress:
        progress("combining category scores with evidence cues")
    framed, unframed = cue_counts(texts, MODELLED_CATEGORIES)
    stack = fit_category_stack(MODELLED_CATEGORIES, oof, targets, framed, unframed)
    thresholds, report = [], {}
    for j, name in enumerate(MODELLED_CATEGORIES):
        combined = np.asarray([stack.probability(j, p, f, u) for p, f, u in zip(
            oof[:, j], framed[:, j], unframed[:, j])])
        threshold, precision, recall = choose_threshold(targets[:, j], combined)
        thresholds.append(threshold)
        report[name] = {"threshold": round(threshold, 4), "precision": precision,
                        "recall": recall, "support": int(targets[:, j].sum())}
    if progress:
        progress("fitting the disclosure model on all posts")
    model.fit(texts, categories, features=matrix)
    return model, stack, thresholds, report


def train(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    categories: Sequence[Any] | None = None,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    name: str = "custom",
    policy: Policy | None = None,
    progress: bool | Progress = False,
    **params: Any,
) -> TweetmixModel:
    """Train a personal-vs-professional model on your own posts.

    Parameters
    ----------
    texts, labels : sequences
        Posts and their labels (``personal``/``professional``, case-insensitive).
    categories : sequence, optional
        For each post, the sensitive categories it discloses (a list, or a ``;``-separated
        string; see DESIGN §2). Given, the model also learns to name categories, with
        thresholds chosen on out-of-fold scores (combined with evidence cues, see
        :mod:`tweetmix.stacking`) for precision >= 0.8.
    groups : sequence, optional
        Author (or thread) of each post; cross-validation then never splits an author.
    cv : int
        Folds for the reported metrics; 0 skips cross-validation (faster, no metrics).
    name : str
        Recorded in the manifest and in every result.
    policy : Policy, optional
        Defaults stored with the model (threshold, length limit).
    progress : bool or callable
        ``True`` prints stages to stderr; a callable receives each message.
    **params
        Passed to :class:`~tweetmix.model.PersonalClassifier`.

    Examples
    --------
    >>> model = train(["my cat is poorly", "we are hiring!", "date night <3", "Q3 results out",
    ...                "so hungover lol", "new blog post on APIs"] * 3,
    ...               ["personal", "professional"] * 9, cv=0, min_df=1, use_char=False)
    ... # doctest: +SKIP
    """
    report: Progress | None = _stderr_progress if progress is True else (progress or None)
    started = time.perf_counter()
    text_list = validate_texts(texts, what="texts")
    label_array = validate_labels(labels, len(text_list))
    group_list = None if groups is None else list(groups)
    if group_list is not None and len(group_list) != len(text_list):
        raise LabelError(f"got {len(text_list)} posts but {len(group_list)} groups")
    category_list = None if categories is None else list(categories)
    if category_list is not None and len(category_list) != len(text_list):
        raise LabelError(f"got {len(text_list)} posts but {len(category_list)} category lists")
    keep = deduplicate(text_list, label_array)
    text_list, label_array = [text_list[i] for i in keep], label_array[keep]
    if group_list is not None:
        group_list = [group_list[i] for i in keep]
    if category_list is not None:
        category_list = [category_list[i] for i in keep]
    estimator = PersonalClassifier(**params)
    metrics: dict[str, Any] = {}
    if cv:
        oof = cross_validated_scores(estimator, text_list, label_array, group_list, cv, report)
        metrics = binary_metrics(label_array == PERSONAL, oof)
        metrics["cv"] = {"folds": cv, "grouped": group_list is not None}
    if report:
        report(f"fitting the final model on {len(text_list)} posts")
    estimator.fit(text_list, label_array, group_list)
    runtime = RuntimeModel.from_classifier(estimator)
    disclosure = None
    category_report: dict[str, Any] = {}
    if category_list is not None:
        word = dict(estimator.features_.transformer_list)["word"]
        disclosure, stack, thresholds, category_report = fit_disclosure(
            text_list, category_list, group_list, word, max(cv, 3), report)
        runtime.attach_categories(
            CategoryWeights.from_classifier(disclosure, runtime.word, thresholds, stack))
    counts = {str(k): int(v) for k, v in zip(*np.unique(label_array, return_counts=True))}
    manifest = {
        "name": name,
        "labels": [str(c) for c in estimator.classes_],
        "policy": (policy or Policy()).to_dict(),
        "params": {k: list(v) if isinstance(v, tuple) else v
                   for k, v in estimator.get_params().items()},
        "training_data": {
            "n_posts": len(text_list),
            "label_counts": counts,
            "n_groups": None if group_list is None else len(set(map(str, group_list))),
            "sha256": data_fingerprint(text_list, [str(v) for v in label_array]),
        },
        "metrics": metrics,
        "categories": category_report,
        "versions": environment_versions(),
        "training_seconds": round(time.perf_counter() - started, 2),
    }
    if report:
        report(f"done in {manifest['training_seconds']} s")
    return TweetmixModel(runtime, manifest, estimator, disclosure=disclosure)
