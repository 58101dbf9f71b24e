"""What a check returns: :class:`CheckResult`, frozen and JSON-ready."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CheckResult", "Finding", "VERDICTS"]

#: Verdicts in increasing order of severity; ``error`` marks a post that could not be checked.
VERDICTS = ("ok", "notice", "warning")


@dataclass(frozen=True)
class Finding:
    """A span of the post that explains the verdict, with a message a person understands."""

    start: int
    end: int
    text: str
    category: str
    rule_id: str
    message: str
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "category": self.category,
            "rule_id": self.rule_id, "message": self.message, "weight": round(self.weight, 6),
        }


@dataclass(frozen=True)
class CheckResult:
    """The answer for one post.

    ``verdict`` is ``ok``, ``notice`` (reads as personal) or ``warning`` (sensitive disclosure),
    or ``error`` when the post could not be checked (``error`` then says why; in a batch,
    ``index`` says which post). ``findings`` are the spans behind each category (contact
    details included); ``reasons`` are the words that pushed ``p_personal`` up, with their
    contribution to the model's log-odds as ``weight``.
    """

    verdict: str
    p_personal: float | None
    threshold: float
    label: str | None = None
    categories: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()
    reasons: tuple[Finding, ...] = ()
    category_scores: dict[str, float] = field(default_factory=dict, compare=False)
    opted_out: bool = False
    index: int | None = None
    error: str | None = None
    model: str = field(default="", compare=False)

    @property
    def flagged(self) -> bool:
        """True for ``notice`` and ``warning``."""
        return self.verdict in ("notice", "warning")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict (the schema of the CLI's ``--format json`` and the HTTP API)."""
        return {
            "index": self.index,
            "verdict": self.verdict,
            "p_personal": None if self.p_personal is None else round(self.p_personal, 6),
            "label": self.label,
            "threshold": self.threshold,
            "categories": list(self.categories),
            "findings": [f.to_dict() for f in self.findings],
            "reasons": [f.to_dict() for f in self.reasons],
            "category_scores": {k: round(v, 6) for k, v in self.category_scores.items()},
            "opted_out": self.opted_out,
            "error": self.error,
            "model": self.model,
        }

    def summary(self) -> str:
        """One line for a person: the verdict and why."""
        if self.error is not None:
            return f"error: {self.error}"
        assert self.p_personal is not None
        share = f"{self.p_personal:.0%} personal"
        if self.opted_out:
            return f"ok: skipped, the post carries the opt-out marker ({share})"
        if self.verdict == "ok":
            return f"ok: reads as professional ({share})"
        disclosures = "; ".join(dict.fromkeys(f.message for f in self.findings))
        if self.verdict == "warning":
            return f"warning: {disclosures} ({share})"
        words = ", ".join(f"'{w}'" for w in list(dict.fromkeys(r.text for r in self.reasons))[:3])
        because = f" because of {words}" if words else ""
        return f"notice: reads as personal ({share}){because}"
