"""The policy: how scores and findings become a verdict. A plain, serialisable object.

Settings come, in increasing priority, from the defaults here, a ``tweetmix.toml`` (top level)
or ``[tool.tweetmix]`` in ``pyproject.toml``, then CLI flags or keyword arguments.
"""
from __future__ import annotations

import pathlib
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Mapping

__all__ = ["Policy", "DEFAULT_MAX_CHARS", "ALL_CATEGORIES", "DEFAULT_WARN_CATEGORIES"]

#: Longest post the checker accepts. Covers LinkedIn (3,000) and long Mastodon posts; an X
#: premium post of up to 25,000 characters must be split or the limit raised.
DEFAULT_MAX_CHARS = 10_000

ALL_CATEGORIES = ("health", "sexuality", "relationships", "family", "substances",
                  "emotional_distress", "whereabouts", "finances", "work_grievance", "beliefs",
                  "contact_details")
#: ``beliefs`` is off by default: many people post their faith or politics on purpose.
DEFAULT_WARN_CATEGORIES = tuple(c for c in ALL_CATEGORIES if c != "beliefs")


@dataclass(frozen=True)
class Policy:
    """Settings that turn scores and findings into verdicts.

    Parameters
    ----------
    threshold : float
        ``p_personal`` at or above which a post gets at least a ``notice``.
    max_chars : int
        Longer posts are refused with :class:`~tweetmix.exceptions.TextTooLongError`.
    warn_categories : tuple of str
        Disclosure categories that raise a ``warning``.
    allow_terms : tuple of str
        Findings whose text equals one of these (case-insensitive) are ignored, e.g. your own
        business phone number or "#NHS" for a nurse.
    allow_rules : tuple of str
        Rule ids to ignore (case-insensitive); ``contact.phone`` also covers
        ``contact.phone.international``.
    opt_out_marker : str
        A post containing this marker is not flagged (the author has decided); "" disables it.

    >>> Policy(threshold=0.7).to_dict()["threshold"]
    0.7
    >>> Policy.from_dict({"allow_terms": ["A&E"]}).allows("a&e", "health.term")
    True
    """

    threshold: float = 0.5
    max_chars: int = DEFAULT_MAX_CHARS
    warn_categories: tuple[str, ...] = DEFAULT_WARN_CATEGORIES
    allow_terms: tuple[str, ...] = ()
    allow_rules: tuple[str, ...] = ()
    opt_out_marker: str = "#tweetmix-ok"

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float)) \
                or not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"threshold must be a number between 0 and 1, got {self.threshold!r}")
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) \
                or self.max_chars < 1:
            raise ValueError(f"max_chars must be a positive integer, got {self.max_chars!r}")
        for name in ("warn_categories", "allow_terms", "allow_rules"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{name} must be a list of strings, got {value!r}")
            object.__setattr__(self, name, tuple(value))
        unknown = sorted(set(self.warn_categories) - set(ALL_CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categor(ies) {unknown} in warn_categories; known: "
                             f"{list(ALL_CATEGORIES)}")
        if not isinstance(self.opt_out_marker, str):
            raise ValueError("opt_out_marker must be a string")

    # -- decisions --------------------------------------------------------------------------
    def allows(self, text: str, rule_id: str) -> bool:
        """True if a finding with this text or rule id is on an allow-list."""
        lowered = text.strip().lower()
        if any(lowered == term.strip().lower() for term in self.allow_terms):
            return True
        rule = rule_id.lower()
        return any(rule == r.lower() or rule.startswith(r.lower() + ".") for r in self.allow_rules)

    def opted_out(self, text: str) -> bool:
        return bool(self.opt_out_marker) and self.opt_out_marker.lower() in text.lower()

    # -- serialisation ----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Policy":
        known = {f.name for f in fields(cls)}
        cleaned = {str(k).replace("-", "_"): v for k, v in data.items()}
        unknown = sorted(set(cleaned) - known)
        if unknown:
            raise ValueError(f"unknown policy setting(s) {unknown}; known: {sorted(known)}")
        return cls(**cleaned)

    @classmethod
    def from_file(cls, path: str | pathlib.Path) -> "Policy":
        """Read ``tweetmix.toml`` (top-level keys) or ``pyproject.toml`` (``[tool.tweetmix]``)."""
        path = pathlib.Path(path)
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("tweetmix", {})
        try:
            return cls.from_dict(data)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{path}: {exc}") from None

    @classmethod
    def discover(cls, start: str | pathlib.Path = ".") -> "Policy":
        """The policy of the nearest ``tweetmix.toml``, or ``pyproject.toml`` with a
        ``[tool.tweetmix]`` table, in ``start`` or a parent folder; defaults otherwise."""
        folder = pathlib.Path(start).resolve()
        for candidate in (folder, *folder.parents):
            own = candidate / "tweetmix.toml"
            if own.is_file():
                return cls.from_file(own)
            pyproject = candidate / "pyproject.toml"
            if pyproject.is_file() and "tweetmix" in _read_toml(pyproject).get("tool", {}):
                return cls.from_file(pyproject)
        return cls()

    def with_overrides(self, **overrides: Any) -> "Policy":
        """A copy with the non-``None`` overrides applied (CLI flags, keyword arguments)."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _read_toml(path: pathlib.Path) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path} is not valid TOML ({exc})") from None
