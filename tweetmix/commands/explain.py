"""``tweetmix explain``: the post with the words behind its verdict marked underneath.

A verdict is easier to trust, and to fix, when you can see which words caused it. Findings
(disclosures and contact details) are marked ``^``, the words that made the post read as
personal ``~``; each mark is numbered and the numbers are listed below the post.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from typing import Any

from .common import EXIT_ERROR, add_policy_arguments, exit_code, policy_from_args

__all__ = ["add_parser", "run", "render"]


def add_parser(sub: Any) -> None:
    explain = sub.add_parser("explain", help="show a post with the words behind its verdict marked",
                             description="Check one post and print it with the spans behind the "
                             "verdict marked underneath: ^ findings, ~ words that read as personal.")
    explain.add_argument("text", help="post text ('-' reads the whole of stdin as one post)")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    explain.add_argument("--fail-on", choices=("notice", "warning"), default="notice",
                         help="lowest verdict that makes the exit code 1 (default: notice)")
    add_policy_arguments(explain)
    explain.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..api import _resolve

    text = args.text
    if text == "-":
        raw = sys.stdin.buffer.read()
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            print(f"tweetmix explain: stdin is not valid UTF-8 (byte {raw[exc.start]:#04x} at "
                  f"offset {exc.start}); re-encode it as UTF-8", file=sys.stderr)
            return EXIT_ERROR
    model = _resolve(args.model)
    result = model.check(text, policy=policy_from_args(args, model))
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(text, result))
    return exit_code([result], args.fail_on)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK, most emoji) characters take two."""
    return sum(0 if unicodedata.combining(c) or c in "\u200d\ufe0f" else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _marks(result: Any) -> list[tuple[int, int, str, str]]:
    """(start, end, marker, legend) for every finding and reason, in reading order."""
    marks = []
    for f in result.findings:
        marks.append((f.start, f.end, "^", f"{f.category}: '{f.text}' ({f.rule_id})"))
    for r in result.reasons:
        marks.append((r.start, r.end, "~", f"reads as personal: '{r.text}' (+{r.weight:.2f})"))
    return sorted(marks, key=lambda m: (m[0], -m[1]))


def render(text: str, result: Any) -> str:
    """The post, line by line, with numbered markers under the marked spans, then the legend.

    >>> from tweetmix.result import CheckResult, Finding
    >>> r = CheckResult("warning", 0.9, 0.5, findings=(Finding(6, 9, "A&E", "health",
    ...                 "evidence.health", "mentions your health"),))
    >>> print(render("night A&E", r))
    warning: mentions your health (90% personal)
      night A&E
            ^^^
            1
      1 health: 'A&E' (evidence.health)
    """
    out = [result.summary()]
    marks = _marks(result)
    offset = 0
    for line in text.split("\n"):
        line_end = offset + len(line)
        out.append("  " + line)
        rows: list[list[tuple[int, int, str, str]]] = []  # per row: (col, end col, marker, label)
        for number, (start, end, marker, _) in enumerate(marks, 1):
            if start >= line_end + 1 or end <= offset:
                continue
            s, e = max(start, offset) - offset, min(end, line_end) - offset
            col = _width(line[:s])
            span = max(_width(line[s:e]), 1)
            label = str(number)
            reach = col + max(span, len(label)) + 1
            for row in rows:
                if all(reach <= c or col >= r for c, r, _, _ in row):
                    row.append((col, reach, marker * span, label))
                    break
            else:
                rows.append([(col, reach, marker * span, label)])
        for row in rows:
            out.append("  " + _place((c, m) for c, _, m, _ in row))
            out.append("  " + _place((c, label) for c, _, _, label in row))
        offset = line_end + 1
    for number, (_, _, _, legend) in enumerate(marks, 1):
        out.append(f"  {number} {legend}")
    if not marks:
        out.append("  nothing in particular: no findings, no strongly personal words")
    return "\n".join(out)


def _place(items: Any) -> str:
    line = ""
    for col, piece in sorted(items):
        line += " " * (col - len(line)) + piece
    return line.rstrip()
