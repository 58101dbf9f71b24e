"""The default model: where it ships, how it is built, and how it survives a scikit-learn upgrade.

Checking never needs the pickled estimator (it runs on the JSON runtime section), so an installed
scikit-learn that differs from the one that built the file only matters to code that asks for
the estimator. Then the model is rebuilt once from the bundled corpus and cached.
"""
from __future__ import annotations

import os
import pathlib
import sys
import threading
from typing import Any

from .trained import TweetmixModel

__all__ = ["default_model", "default_model_path", "build_default", "RECIPE"]

#: How the shipped model is trained: which split, and the estimator's parameters.
RECIPE: dict[str, Any] = {"fit_on": "all", "params": {}}

_DEFAULT: TweetmixModel | None = None
_LOCK = threading.Lock()


def default_model_path() -> pathlib.Path:
    """Where the shipped default model lives inside the installed package."""
    return pathlib.Path(__file__).resolve().parent / "models" / "default.tweetmix"


def default_model(*, estimator: bool = False) -> TweetmixModel:
    """The model trained on the bundled starter corpus, loaded once and kept.

    With ``estimator=True`` the scikit-learn estimator is loaded too; if the installed
    scikit-learn differs from the one that built the shipped file, the model is rebuilt from the
    bundled corpus once and cached in the user's cache folder, with a one-line notice.
    """
    global _DEFAULT
    with _LOCK:
        if _DEFAULT is None or (estimator and _DEFAULT.estimator is None):
            path = default_model_path()
            _DEFAULT = _load_with_estimator(path) if estimator else TweetmixModel.load(path)
        return _DEFAULT


def _cache_dir() -> pathlib.Path:
    override = os.environ.get("TWEETMIX_CACHE")
    if override:
        return pathlib.Path(override)
    from platformdirs import user_cache_dir

    return pathlib.Path(user_cache_dir("tweetmix"))


def _load_with_estimator(path: pathlib.Path) -> TweetmixModel:
    from .exceptions import IncompatibleModelError
    from .persistence import environment_versions

    try:
        return TweetmixModel.load(path, estimator=True)
    except IncompatibleModelError:
        version = environment_versions()["scikit-learn"]
        cached = _cache_dir() / f"default-sklearn-{version}.tweetmix"
        if cached.exists():
            return TweetmixModel.load(cached, estimator=True)
        print(f"tweetmix: the bundled default model was built with another scikit-learn; "
              f"rebuilding it for scikit-learn {version} into {cached} (once, about a minute)",
              file=sys.stderr)
        cached.parent.mkdir(parents=True, exist_ok=True)
        model = build_default(cached, evaluate=False, progress=False)
        return model


def build_default(output: str | os.PathLike[str] | None = None, *, evaluate: bool = True,
                  progress: bool = True) -> TweetmixModel:
    """Train the default model from the bundled starter corpus and save it.

    With ``evaluate``, the manifest gets grouped cross-validated metrics on the train split and
    held-out metrics on the test split (new authors), before the final fit on ``RECIPE['fit_on']``.
    """
    from .datasets import load_starter
    from .evaluate import binary_metrics, category_metrics
    from .training import train

    corpus = load_starter()
    train_idx = [i for i, s in enumerate(corpus.split) if s == "train"]
    test_idx = [i for i, s in enumerate(corpus.split) if s == "test"]
    evaluation: dict[str, Any] = {}
    metrics: dict[str, Any] = {}
    if evaluate:
        held_out = train([corpus.data[i] for i in train_idx], [corpus.target[i] for i in train_idx],
                         categories=[corpus.categories[i] for i in train_idx],
                         groups=[corpus.groups[i] for i in train_idx], cv=5, name="default-train",
                         progress=progress, **RECIPE["params"])
        metrics = held_out.manifest["metrics"]
        p = held_out.score([corpus.data[i] for i in test_idx])
        evaluation["starter_test"] = binary_metrics(
            [corpus.target[i] == "personal" for i in test_idx], p)
        evaluation["starter_test_categories"] = category_metrics(
            held_out, [corpus.data[i] for i in test_idx], [corpus.categories[i] for i in test_idx])
    chosen = range(len(corpus.data)) if RECIPE["fit_on"] == "all" else train_idx
    model = train([corpus.data[i] for i in chosen], [corpus.target[i] for i in chosen],
                  categories=[corpus.categories[i] for i in chosen],
                  groups=[corpus.groups[i] for i in chosen], cv=0, name="default",
                  progress=progress, **RECIPE["params"])
    model.manifest["metrics"] = metrics
    model.manifest["evaluation"] = evaluation
    model.manifest["fit_on"] = RECIPE["fit_on"]
    model.save(output or default_model_path())
    return model
