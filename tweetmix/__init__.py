"""tweetmix: a second pair of eyes for posts that read as personal.

>>> import tweetmix
>>> tweetmix.check("third night in A&E with my dad, no sleep").verdict in {"notice", "warning"}
True

Names resolve lazily (PEP 562) so ``import tweetmix`` stays cheap: scikit-learn, nltk and
pandas are imported only by the functions that train or evaluate.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "__version__", "check", "score", "train", "save", "load", "default_model",
    "CheckResult", "Finding", "Policy", "TweetmixModel", "PersonalClassifier", "PostTokenizer",
    "tokenize", "TweetmixError", "score_file", "score_frame", "score_dask",
    "train_out_of_core",
]

_LAZY = {
    "check": "tweetmix.api",
    "score": "tweetmix.api",
    "train": "tweetmix.training",
    "save": "tweetmix.api",
    "load": "tweetmix.api",
    "default_model": "tweetmix.api",
    "CheckResult": "tweetmix.result",
    "Finding": "tweetmix.result",
    "Policy": "tweetmix.policy",
    "TweetmixModel": "tweetmix.trained",
    "PersonalClassifier": "tweetmix.model",
    "PostTokenizer": "tweetmix.tokenize",
    "TweetmixError": "tweetmix.exceptions",
    "score_file": "tweetmix.scoring",
    "score_frame": "tweetmix.frames",
    "score_dask": "tweetmix.frames",
    "train_out_of_core": "tweetmix.outofcore",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("tweetmix")
        except metadata.PackageNotFoundError:  # running from a source tree
            return "0+unknown"
    if name == "tokenize":
        return import_module("tweetmix.tokenize")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tweetmix' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from .api import check, default_model, load, save, score
    from .result import CheckResult, Finding
    from .exceptions import TweetmixError
    from .frames import score_dask, score_frame
    from .scoring import score_file
    from .model import PersonalClassifier
    from .outofcore import train_out_of_core
    from .policy import Policy
    from .tokenize import PostTokenizer
    from .trained import TweetmixModel
    from .training import train
