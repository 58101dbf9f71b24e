"""What several commands share: exit codes, the policy flags, and how results set the exit code."""
from __future__ import annotations

import argparse
from typing import Any, Sequence

from ..exceptions import TweetmixError

__all__ = ["EXIT_OK", "EXIT_FLAGGED", "EXIT_ERROR", "PolicyFileError", "add_policy_arguments",
           "policy_from_args", "exit_code"]

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2
SEVERITY = {"ok": 0, "notice": 1, "warning": 2}


class PolicyFileError(TweetmixError, ValueError):
    """A policy file or policy flag is invalid."""


def add_policy_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags that override the policy, shared by every command that checks posts."""
    parser.add_argument("--model", help="model file (default: the bundled model)")
    parser.add_argument("--threshold", type=float, help="p_personal at which a post is flagged")
    parser.add_argument("--max-chars", type=int, help="longest post accepted")
    parser.add_argument("--policy", help="policy file (tweetmix.toml or pyproject.toml); by "
                        "default the nearest one above the current folder")
    parser.add_argument("--allow-term", action="append", metavar="TERM",
                        help="ignore findings with this text (repeatable)")
    parser.add_argument("--allow-rule", action="append", metavar="RULE_ID",
                        help="ignore findings of this rule id or prefix (repeatable)")
    parser.add_argument("--warn-on", metavar="CATEGORIES",
                        help="comma-separated categories that raise a warning ('' for none)")


def policy_from_args(args: argparse.Namespace, model: Any) -> Any:
    """Model defaults < tweetmix.toml / [tool.tweetmix] (or --policy FILE) < flags."""
    from ..policy import Policy

    if args.policy:
        try:
            base = Policy.from_file(args.policy)
        except OSError as exc:
            raise PolicyFileError(f"cannot read policy file {args.policy}: {exc.strerror}") from None
        except ValueError as exc:
            raise PolicyFileError(str(exc)) from None
    else:
        try:
            base = Policy.discover()
        except ValueError as exc:
            raise PolicyFileError(str(exc)) from None
        if base == Policy():
            base = model.default_policy
    overrides: dict[str, Any] = {"threshold": args.threshold, "max_chars": args.max_chars}
    if args.allow_term:
        overrides["allow_terms"] = base.allow_terms + tuple(args.allow_term)
    if args.allow_rule:
        overrides["allow_rules"] = base.allow_rules + tuple(args.allow_rule)
    if args.warn_on is not None:
        overrides["warn_categories"] = tuple(c for c in args.warn_on.split(",") if c)
    try:
        return base.with_overrides(**overrides)
    except ValueError as exc:
        raise PolicyFileError(str(exc)) from None


def exit_code(results: Sequence[Any], fail_on: str) -> int:
    """2 if any post could not be checked, else 1 if any reached ``fail_on``, else 0."""
    if any(r.verdict == "error" for r in results):
        return EXIT_ERROR
    bar = SEVERITY[fail_on]
    return EXIT_FLAGGED if any(SEVERITY.get(r.verdict, 0) >= bar for r in results) else EXIT_OK
