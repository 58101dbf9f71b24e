"""``tweetmix check``: posts from arguments, stdin or draft files; exit code for hooks.

Exit codes: 0 nothing flagged, 1 a post was flagged at or above ``--fail-on``, 2 usage or input
error (including any post that could not be read or checked, in any of the files).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import replace
from typing import Any, Iterator, Sequence

from .common import EXIT_ERROR, add_policy_arguments, exit_code, policy_from_args

FORMATS = ("text", "json", "jsonl", "github")
_POST_INDEX = re.compile(r"^post \d+")


def add_parser(sub: Any) -> None:
    check = sub.add_parser(
        "check", help="check posts; exit 1 if any is flagged",
        description="Check posts given as arguments, one per stdin line, or in draft files "
        "(--files: .txt one post per line, .md one per paragraph, .csv/.jsonl a text column).")
    check.add_argument("text", nargs="*", help="post text ('-' or no argument with piped input "
                       "reads one post per stdin line); with --files, paths of draft files")
    check.add_argument("--files", action="store_true",
                       help="the arguments are draft files (.txt, .md, .csv, .jsonl)")
    check.add_argument("--text-col", default="text",
                       help="column (CSV) or field (JSONL) that holds the post (default: text)")
    check.add_argument("--jsonl", action="store_true",
                       help="stdin lines are JSON: a string or an object with a 'text' field")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text for people, json/jsonl for programs, github for workflow "
                       "annotations")
    check.add_argument("--fail-on", choices=("notice", "warning"), default="notice",
                       help="lowest verdict that makes the exit code 1 (default: notice)")
    add_policy_arguments(check)
    check.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import _resolve
    from ..drafts import Draft, read_drafts

    texts = list(args.text)
    from_stdin = not args.files and (texts == ["-"] or (not texts and not sys.stdin.isatty()))
    if not texts and not from_stdin:
        what = "draft files" if args.files else "a post as an argument, or '-' to read stdin"
        print(f"tweetmix check: give {what}", file=sys.stderr)
        return EXIT_ERROR
    model = _resolve(args.model)
    policy = policy_from_args(args, model)
    if args.files:
        drafts = [d for path in texts for d in read_drafts(path, args.text_col)]
    elif from_stdin:
        drafts = [_stdin_draft(line, item) for line, item in _read_stdin_posts(args.jsonl)]
    else:
        drafts = [Draft("", None, text=text) for text in texts]
    results = _check_drafts(model, drafts, policy)
    single = not (args.files or from_stdin) and len(texts) == 1
    _print(results, drafts, args.format, single)
    return exit_code(results, args.fail_on)


def _stdin_draft(line: int, item: Any) -> Any:
    from ..drafts import Draft

    if isinstance(item, Exception):
        return Draft("<stdin>", line, error=str(item))
    return Draft("<stdin>", line, text=item)


def _check_drafts(model: Any, drafts: Sequence[Any], policy: Any) -> list[Any]:
    """Check the readable drafts in one batch; unreadable ones become error results in place."""
    from ..result import CheckResult

    checked = iter(model.check([d.text for d in drafts if d.error is None], policy=policy))
    results = []
    for index, draft in enumerate(drafts):
        if draft.error is None:
            result = next(checked)
            if result.error is not None and draft.line is not None:
                where = (f"{draft.file}, line {draft.line}:" if draft.file != "<stdin>"
                         else f"stdin line {draft.line}:")
                result = replace(result, error=_POST_INDEX.sub(where + " the post", result.error))
        else:
            result = CheckResult("error", None, policy.threshold, error=draft.error,
                                 model=model.name)
        results.append(replace(result, index=index))
    return results




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


def _located(result: Any, draft: Any) -> dict[str, Any]:
    data = result.to_dict()
    if draft.file:
        data["file"] = draft.file
    if draft.line is not None:
        data["line"] = draft.line
    return data


def _print(results: Sequence[Any], drafts: Sequence[Any], fmt: str, single: bool) -> None:
    if fmt == "json":
        payload: Any = [_located(r, d) for r, d in zip(results, drafts)]
        print(json.dumps(payload[0] if single else payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for r, d in zip(results, drafts):
            print(json.dumps(_located(r, d), ensure_ascii=False))
    elif fmt == "github":
        for r, d in zip(results, drafts):
            line = github_annotation(r, d)
            if line:
                print(line)
    else:
        for r, d in zip(results, drafts):
            print(_prefix(r, d, single) + r.summary(),
                  file=sys.stderr if r.verdict == "error" else sys.stdout)


def _prefix(result: Any, draft: Any, single: bool) -> str:
    if single or result.verdict == "error" and draft.file and draft.file != "<stdin>":
        return ""  # file errors already say where they are
    if draft.file == "<stdin>":
        return f"line {draft.line}: "
    if draft.file:
        return f"{draft.file}:{draft.line}: " if draft.line is not None else f"{draft.file}: "
    return f"[{result.index}] "


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(result: Any, draft: Any) -> str | None:
    """A GitHub Actions workflow command for a flagged or failed post; ``None`` when it is ok.

    >>> from tweetmix.drafts import Draft
    >>> from tweetmix.result import CheckResult
    >>> r = CheckResult("error", None, 0.5, error="post 0 is empty")
    >>> github_annotation(r, Draft("posts/a,b.md", 3))
    '::error file=posts/a%2Cb.md,line=3,title=tweetmix::post 0 is empty'
    """
    level = {"warning": "warning", "notice": "notice", "error": "error"}.get(result.verdict)
    if level is None:
        return None
    props = []
    if draft.file and draft.file != "<stdin>":
        props.append(f"file={_escape_property(draft.file)}")
    if draft.line is not None:
        props.append(f"line={draft.line}")
    props.append("title=" + _escape_property(f"tweetmix {result.verdict}" if level != "error"
                                             else "tweetmix"))
    message = result.error if level == "error" else result.summary()
    return f"::{level} {','.join(props)}::{_escape_data(message)}"
