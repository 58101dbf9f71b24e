"""Command line: a thin layer over the library.

Exit codes: 0 nothing flagged, 1 a post was flagged at or above ``--fail-on``, 2 usage or input
error (including any post in a batch that could not be checked).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Iterator, Sequence

from .exceptions import TweetmixError


class PolicyFileError(TweetmixError, ValueError):
    """A policy file or policy flag is invalid."""

__all__ = ["main"]

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2
_SEVERITY = {"ok": 0, "notice": 1, "warning": 2}


def _read_stdin_posts(jsonl: bool) -> Iterator[tuple[int, Any]]:
    """(line number, post or exception) for each non-blank stdin line; bad lines do not stop it."""
    for number, raw in enumerate(sys.stdin.buffer, 1):
        raw = raw.rstrip(b"\r\n")
        if not raw:
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, ValueError(
                f"stdin line {number} is not valid UTF-8 (byte {raw[exc.start]:#04x} at column "
                f"{exc.start + 1}); re-encode the input as UTF-8"
            )
            continue
        if not jsonl:
            yield number, line
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            yield number, ValueError(f"stdin line {number} is not valid JSON ({exc})")
            continue
        if isinstance(item, dict):
            if "text" not in item:
                yield number, ValueError(
                    f"stdin line {number} has no 'text' field (fields: {sorted(item)})")
                continue
            item = item["text"]
        yield number, item


def _cmd_check(args: argparse.Namespace) -> int:
    from .api import _resolve
    from .result import CheckResult

    model = _resolve(args.model)
    policy = _policy(args, model)
    texts = list(args.text)
    from_stdin = texts == ["-"] or (not texts and not sys.stdin.isatty())
    if not texts and not from_stdin:
        print("tweetmix check: give a post as an argument, or '-' to read posts from stdin",
              file=sys.stderr)
        return EXIT_ERROR
    results: list[CheckResult] = []
    if from_stdin:
        entries = list(_read_stdin_posts(args.jsonl))
        posts = [None if isinstance(item, Exception) else item for _, item in entries]
        checked = model.check(posts, policy=policy)
        for (_, item), result in zip(entries, checked):
            if isinstance(item, Exception):
                result = CheckResult(verdict="error", p_personal=None, threshold=policy.threshold,
                                     index=result.index, error=str(item), model=model.name)
            results.append(result)
        lines = [line for line, _ in entries]
    else:
        results = model.check(texts, policy=policy)
        lines = [None] * len(results)
    single = not from_stdin and len(texts) == 1
    _print_results(results, lines, args.format, single)
    return _exit_code(results, args.fail_on)


def _policy(args: argparse.Namespace, model: Any) -> Any:
    """Model defaults < tweetmix.toml / [tool.tweetmix] (or --policy FILE) < flags."""
    from .policy import Policy

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


def _exit_code(results: Sequence[Any], fail_on: str) -> int:
    if any(r.verdict == "error" for r in results):
        return EXIT_ERROR
    bar = _SEVERITY[fail_on]
    return EXIT_FLAGGED if any(_SEVERITY[r.verdict] >= bar for r in results) else EXIT_OK


def _print_results(results: Sequence[Any], lines: Sequence[int | None], fmt: str,
                   single: bool) -> None:
    if fmt == "json":
        payload: Any = [dict(r.to_dict(), line=line) if line else r.to_dict()
                        for r, line in zip(results, lines)]
        print(json.dumps(payload[0] if single else payload, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for r, line in zip(results, lines):
            print(json.dumps(dict(r.to_dict(), line=line) if line else r.to_dict(),
                             ensure_ascii=False))
        return
    for r, line in zip(results, lines):
        prefix = "" if single else (f"line {line}: " if line else f"[{r.index}] ")
        print(prefix + r.summary(), file=sys.stderr if r.verdict == "error" else sys.stdout)


def _cmd_train(args: argparse.Namespace) -> int:
    from .datasets import load_csv
    from .training import train

    data = load_csv(args.file, args.text_col, args.label_col, group_col=args.group_col,
                    encoding=args.encoding)
    print(f"read {len(data['texts'])} posts from {args.file}", file=sys.stderr)
    model = train(data["texts"], data["labels"], groups=data["groups"], cv=args.cv,
                  name=args.name, progress=not args.quiet)
    metrics = model.manifest["metrics"]
    if metrics:
        grouped = " (grouped by author)" if metrics["cv"]["grouped"] else ""
        print(f"{metrics['cv']['folds']}-fold cross-validation{grouped} on {metrics['n']} posts:")
        for key in ("accuracy", "macro_f1", "roc_auc", "pr_auc", "brier", "ece"):
            print(f"  {key:<9} {metrics[key]:.3f}")
    path = model.save(args.output)
    print(f"saved {path}")
    return EXIT_OK


def _cmd_info(args: argparse.Namespace) -> int:
    from .api import _resolve

    model = _resolve(args.model)
    manifest = dict(model.manifest, source=model.source)
    if args.format == "json":
        print(json.dumps(manifest, indent=2, sort_keys=True))
        return EXIT_OK
    data = manifest.get("training_data", {})
    print(f"model:     {model.name} ({model.source})")
    print(f"labels:    {', '.join(manifest.get('labels', []))}")
    print(f"trained:   {data.get('n_posts')} posts {data.get('label_counts')}, "
          f"sha256 {str(data.get('sha256'))[:12]}…")
    metrics = manifest.get("metrics") or {}
    if metrics:
        print("metrics:   " + ", ".join(f"{k} {metrics[k]:.3f}" for k in
                                         ("accuracy", "macro_f1", "roc_auc", "ece") if k in metrics))
    for key, value in sorted(manifest.get("evaluation", {}).items()):
        print(f"eval:      {key}: {value}")
    versions = manifest.get("versions", {})
    print("versions:  " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    print(f"policy:    {manifest.get('policy')}")
    return EXIT_OK


def _cmd_rebuild_default(args: argparse.Namespace) -> int:
    from .default import build_default

    path = build_default(args.output)
    print(f"saved {path}")
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tweetmix",
        description="Catch overly personal posts before they are sent.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check posts; exit 1 if any is flagged",
                           description="Check posts given as arguments, or one per stdin line.")
    check.add_argument("text", nargs="*", help="post text; '-' (or no argument with piped input) "
                       "reads one post per stdin line")
    check.add_argument("--jsonl", action="store_true",
                       help="stdin lines are JSON: a string or an object with a 'text' field")
    check.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    check.add_argument("--model", help="model file (default: the bundled model)")
    check.add_argument("--threshold", type=float, help="p_personal at which a post is flagged")
    check.add_argument("--max-chars", type=int, help="longest post accepted")
    check.add_argument("--fail-on", choices=("notice", "warning"), default="notice",
                       help="lowest verdict that makes the exit code 1 (default: notice)")
    check.add_argument("--policy", help="policy file (tweetmix.toml or pyproject.toml); by "
                       "default the nearest one above the current folder")
    check.add_argument("--allow-term", action="append", metavar="TERM",
                       help="ignore findings with this text (repeatable)")
    check.add_argument("--allow-rule", action="append", metavar="RULE_ID",
                       help="ignore findings of this rule id or prefix (repeatable)")
    check.add_argument("--warn-on", metavar="CATEGORIES",
                       help="comma-separated categories that raise a warning ('' for none)")
    check.set_defaults(func=_cmd_check)

    train = sub.add_parser("train", help="train a model on your own labelled CSV",
                           description="Train on a CSV of posts labelled personal/professional, "
                           "print cross-validated metrics and save the model.")
    train.add_argument("file", help="CSV file with a header row")
    train.add_argument("--text-col", default="text")
    train.add_argument("--label-col", default="label")
    train.add_argument("--group-col", help="author column: folds never split an author")
    train.add_argument("-o", "--output", required=True, help="where to save the model")
    train.add_argument("--cv", type=int, default=5, help="cross-validation folds (0: skip)")
    train.add_argument("--name", default="custom", help="name recorded in the model")
    train.add_argument("--encoding", default="utf-8-sig", help="CSV encoding (default UTF-8)")
    train.add_argument("--quiet", action="store_true", help="no progress messages")
    train.set_defaults(func=_cmd_train)

    info = sub.add_parser("info", help="print a model's manifest")
    info.add_argument("model", nargs="?", help="model file (default: the bundled model)")
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.set_defaults(func=_cmd_info)

    rebuild = sub.add_parser("rebuild-default",
                             help="retrain the default model from the bundled starter corpus")
    rebuild.add_argument("-o", "--output", help="where to write it (default: inside the package)")
    rebuild.set_defaults(func=_cmd_rebuild_default)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.version:
        from . import __version__

        print(f"tweetmix {__version__}")
        return EXIT_OK
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return int(args.func(args))
    except TweetmixError as exc:
        print(f"tweetmix {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
