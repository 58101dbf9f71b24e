"""The prediction API: ``check``, ``score``, ``save``, ``load`` and the default model.

The default model is loaded on first use and kept; it is read from the runtime section of the
shipped model file, so checking needs neither scikit-learn nor nltk (see :mod:`tweetmix.runtime`).
"""
from __future__ import annotations

import os
import pathlib
from typing import Any, Iterable, overload

from .result import CheckResult
from .default import default_model
from .policy import Policy
from .trained import TweetmixModel

__all__ = ["check", "score", "save", "load", "default_model"]

def _resolve(model: TweetmixModel | str | os.PathLike[str] | None) -> TweetmixModel:
    if model is None:
        return default_model()
    if isinstance(model, TweetmixModel):
        return model
    return TweetmixModel.load(model)  # runtime section only: no pickle on the check path


@overload
def check(texts: str, *, model: Any = ..., policy: Policy | None = ..., **overrides: Any
          ) -> CheckResult: ...
@overload
def check(texts: Iterable[Any], *, model: Any = ..., policy: Policy | None = ...,
          **overrides: Any) -> list[CheckResult]: ...


def check(texts: Any, *, model: Any = None, policy: Policy | None = None, **overrides: Any
          ) -> Any:
    """Check a post (-> :class:`CheckResult`) or several (-> list) before they are sent.

    >>> r = check("We're hiring two data engineers in Leeds, apply by Friday")
    >>> r.verdict
    'ok'
    """
    return _resolve(model).check(texts, policy=policy, **overrides)


def score(texts: Any, *, model: Any = None) -> Any:
    """Probability that each post is personal: a float for a string, else a numpy array.

    Unscorable posts in a batch (empty, missing, too long) get NaN.

    >>> float(score("cannot sleep again, third night in a row")) > 0.5
    True
    """
    return _resolve(model).score(texts)


def save(model: TweetmixModel, path: str | os.PathLike[str]) -> pathlib.Path:
    """Save ``model`` with its manifest and checksums (see :mod:`tweetmix.persistence`)."""
    return model.save(path)


def load(path: str | os.PathLike[str], *, estimator: bool = True) -> TweetmixModel:
    """Load a model saved by :func:`save`.

    Model files contain a pickle: load only files you made or got from a source you trust.
    ``estimator=False`` reads only the JSON runtime section (enough to check and score).
    """
    return TweetmixModel.load(path, estimator=estimator)
