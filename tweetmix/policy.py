"""The policy: how a score becomes a verdict. A plain, serialisable object users can tune."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Mapping

__all__ = ["Policy", "DEFAULT_MAX_CHARS"]

#: Longest post the checker accepts. Covers LinkedIn (3,000) and long Mastodon posts; an X
#: premium post of up to 25,000 characters must be split or the limit raised.
DEFAULT_MAX_CHARS = 10_000


@dataclass(frozen=True)
class Policy:
    """Settings that turn scores into verdicts.

    Parameters
    ----------
    threshold : float
        ``p_personal`` at or above which a post gets the verdict ``notice``.
    max_chars : int
        Longer posts are refused with :class:`~tweetmix.exceptions.TextTooLongError`.

    >>> Policy(threshold=0.7).to_dict()["threshold"]
    0.7
    >>> Policy.from_dict({"threshold": 0.6}) == Policy(threshold=0.6)
    True
    """

    threshold: float = 0.5
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        if not isinstance(self.threshold, (int, float)) or not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be a number between 0 and 1, got {self.threshold!r}")
        if not isinstance(self.max_chars, int) or self.max_chars < 1:
            raise ValueError(f"max_chars must be a positive integer, got {self.max_chars!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Policy":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown policy setting(s) {unknown}; known: {sorted(known)}")
        return cls(**dict(data))

    def with_overrides(self, **overrides: Any) -> "Policy":
        """A copy with the non-``None`` overrides applied (CLI flags, keyword arguments)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})
