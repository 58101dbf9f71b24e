"""Errors tweetmix raises on purpose.

Each subclasses :class:`TweetmixError` *and* the built-in it resembles, so callers can catch
either ``TweetmixError`` or, say, ``ValueError``. Messages say what was wrong, where, and what
to do about it.
"""
from __future__ import annotations

__all__ = [
    "TweetmixError",
    "InvalidTextError",
    "TextTooLongError",
    "DataError",
    "LabelError",
    "DownloadError",
    "ChecksumError",
    "UnreachableTargetError",
    "ModelFileError",
    "ModelNotFoundError",
    "NotAModelError",
    "CorruptModelError",
    "IncompatibleModelError",
]


class TweetmixError(Exception):
    """Base class of every error tweetmix raises deliberately."""


class InvalidTextError(TweetmixError, ValueError):
    """A post is empty, whitespace only, or not a string."""


class TextTooLongError(InvalidTextError):
    """A post is longer than the limit the checker accepts."""


class DataError(TweetmixError, ValueError):
    """A training or scoring file is unreadable or has the wrong shape (columns, encoding)."""


class LabelError(DataError):
    """Labels are missing, unknown, or there is only one class."""


class DownloadError(TweetmixError, OSError):
    """A public dataset file is not cached and could not be downloaded."""


class ChecksumError(DataError):
    """A dataset file's SHA-256 is not the pinned one: it is damaged, truncated or changed."""


class UnreachableTargetError(TweetmixError, ValueError):
    """No threshold meets the precision or flag-rate target asked of ``pick_threshold``."""


class ModelFileError(TweetmixError, OSError):
    """Base class for problems with a saved model file."""


class ModelNotFoundError(ModelFileError, FileNotFoundError):
    """The model path does not exist."""


class NotAModelError(ModelFileError):
    """The file exists but is not a tweetmix model."""


class CorruptModelError(ModelFileError):
    """The file is truncated or its checksum does not match: it was damaged or edited."""


class IncompatibleModelError(ModelFileError):
    """The file was written by a tweetmix or scikit-learn version this one cannot load safely."""
