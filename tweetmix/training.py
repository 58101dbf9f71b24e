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

from .evaluate import binary_metrics
from .exceptions import DataError, LabelError
from .model import PERSONAL, PersonalClassifier, validate_labels, validate_texts
from .persistence import data_fingerprint, environment_versions
from .policy import Policy
from .runtime import RuntimeModel
from .trained import TweetmixModel

__all__ = ["train", "deduplicate", "cross_validated_scores"]

Progress = Callable[[str], None]


def _stderr_progress(message: str) -> None:
    print(f"[tweetmix] {message}", file=sys.stderr, flush=True)


def deduplicate(texts: list[str], labels: np.ndarray, groups: list[Any] | None
                ) -> tuple[list[str], np.ndarray, list[Any] | None]:
    """Drop repeated posts (warning with the count); refuse the same post with two labels."""
    first: dict[str, int] = {}
    keep: list[int] = []
    conflicts: list[str] = []
    for i, text in enumerate(texts):
        key = text.strip()
        j = first.setdefault(key, i)
        if j == i:
            keep.append(i)
        elif labels[j] != labels[i]:
            conflicts.append(f"rows {j} and {i} ({text[:40]!r}: {labels[j]} vs {labels[i]})")
    if conflicts:
        raise LabelError(
            f"{len(conflicts)} post(s) appear twice with different labels: "
            + "; ".join(conflicts[:5]) + ". Fix the labels so each post has one."
        )
    dropped = len(texts) - len(keep)
    if dropped:
        warnings.warn(f"dropped {dropped} duplicate post(s) before training", UserWarning,
                      stacklevel=3)
    return ([texts[i] for i in keep], labels[keep],
            None if groups is None else [groups[i] for i in keep])


def cross_validated_scores(estimator: PersonalClassifier, texts: list[str], labels: np.ndarray,
                           groups: list[Any] | None, cv: int, progress: Progress | None = None
                           ) -> np.ndarray:
    """Out-of-fold ``p_personal`` for every post (grouped folds when ``groups`` is given)."""
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    if groups is not None:
        splitter = StratifiedGroupKFold(min(cv, len(set(groups))), shuffle=True,
                                        random_state=estimator.random_state)
        splits = list(splitter.split(texts, labels, groups))
        if any(len(set(labels[train].tolist())) < 2 for train, _ in splits):
            raise DataError(
                f"with {len(set(groups))} authors, some cross-validation folds would train on one "
                "label only; add posts from more authors, lower --cv, or drop --group-col"
            )
    else:
        splitter = StratifiedKFold(cv, shuffle=True, random_state=estimator.random_state)
        splits = list(splitter.split(texts, labels))
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


def train(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
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
    text_list, label_array, group_list = deduplicate(text_list, label_array, group_list)
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
        "versions": environment_versions(),
        "training_seconds": round(time.perf_counter() - started, 2),
    }
    if report:
        report(f"done in {manifest['training_seconds']} s")
    return TweetmixModel(runtime, manifest, estimator)
