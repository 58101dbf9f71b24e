"""Drafted posts in files: what each post says and where it stands (file, line).

Pre-send hooks check the files a person writes their drafts in, so every post keeps its file and
line for the report. Formats, chosen by extension:

``.txt``
    one post per non-blank line;
``.md`` / ``.markdown``
    one post per paragraph (blank-line separated); front matter, headings (``# Title``), code
    blocks, HTML comments and rules (``---``) are not posts. A hashtag (``#tbt``) is not a
    heading: headings need a space after the ``#`` marks;
``.csv``
    one post per row, in the ``text`` column (or ``text_col``);
``.jsonl``
    one post per line: a JSON string, or an object with a ``text`` field (or ``text_col``).

Problems with one post (a bad byte, a missing field) come back as that post's error; problems
with the whole file (missing, unsupported, no such column) come back as one error for the file.
Nothing is dropped silently.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "drafts.md"
>>> _ = path.write_text("# March\\n\\nLaunch day!\\nSee you there.\\n\\n#tbt to our first office\\n")
>>> [(d.line, d.text) for d in read_drafts(path)]
[(3, 'Launch day!\\nSee you there.'), (6, '#tbt to our first office')]
"""
from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import re
from dataclasses import dataclass
from typing import Iterator

__all__ = ["Draft", "read_drafts", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".csv", ".jsonl")

_HEADING = re.compile(r"#{1,6}(?:\s|$)")
_RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,})\s*$")
_FENCE = re.compile(r"(```|~~~)")


@dataclass(frozen=True)
class Draft:
    """One post read from a file, or the reason it could not be read (``error``)."""

    file: str
    line: int | None
    text: str | None = None
    error: str | None = None


def read_drafts(path: str | os.PathLike[str], text_col: str = "text") -> Iterator[Draft]:
    """Yield the posts in ``path`` in file order (see the module docstring for formats)."""
    name = os.fspath(path)
    path = pathlib.Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Draft(name, None, error=f"{name}: unsupported file type {suffix or '(none)'!r}; "
                    f"give {', '.join(SUPPORTED_SUFFIXES)} files")
        return
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        yield Draft(name, None, error=f"{name}: no such file")
        return
    except IsADirectoryError:
        yield Draft(name, None, error=f"{name} is a folder; give the draft files in it")
        return
    except OSError as exc:
        yield Draft(name, None, error=f"{name}: cannot read it ({exc.strerror})")
        return
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if suffix == ".csv":
        yield from _csv_drafts(name, raw, text_col)
        return
    lines = list(_decoded_lines(name, raw))
    if suffix == ".txt":
        for number, line in lines:
            if isinstance(line, Draft):
                yield line
            elif line.strip():
                yield Draft(name, number, text=line)
    elif suffix == ".jsonl":
        for number, line in lines:
            if isinstance(line, Draft):
                yield line
            elif line.strip():
                yield _json_draft(name, number, line, text_col)
    else:
        yield from _markdown_drafts(name, lines)


def _decoded_lines(name: str, raw: bytes) -> Iterator[tuple[int, str | Draft]]:
    """(line number, text) per line; a line that is not UTF-8 becomes an error Draft."""
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        chunk = chunk.rstrip(b"\r")
        try:
            yield number, chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, Draft(name, number, error=(
                f"{name}, line {number}: not valid UTF-8 (byte {chunk[exc.start]:#04x} at column "
                f"{exc.start + 1}); save the file as UTF-8"))


def _json_draft(name: str, number: int, line: str, text_col: str) -> Draft:
    try:
        item = json.loads(line)
    except ValueError as exc:
        return Draft(name, number, error=f"{name}, line {number}: not valid JSON ({exc})")
    if isinstance(item, dict):
        if text_col not in item:
            return Draft(name, number, error=(
                f"{name}, line {number}: no {text_col!r} field (fields: {sorted(item)}); "
                "pass --text-col to name the field that holds the post"))
        item = item[text_col]
    if not isinstance(item, str):
        return Draft(name, number, error=(
            f"{name}, line {number}: the post is a {type(item).__name__}, not text"))
    return Draft(name, number, text=item)


def _csv_drafts(name: str, raw: bytes, text_col: str) -> Iterator[Draft]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        yield Draft(name, line, error=(f"{name}, line {line}: not valid UTF-8; save the file as "
                                       "UTF-8"))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        yield Draft(name, None, error=f"{name} is empty; a CSV needs a header row")
        return
    if text_col not in header:
        yield Draft(name, 1, error=(f"{name}: no column {text_col!r} (columns: {header}); pass "
                                    "--text-col to name the column that holds the posts"))
        return
    column = header.index(text_col)
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Draft(name, start, error=f"{name}, line {start}: malformed CSV ({exc})")
            return
        if row:
            if column < len(row):
                yield Draft(name, start, text=row[column])
            else:
                yield Draft(name, start, error=(f"{name}, line {start}: the row has "
                                                f"{len(row)} fields, no {text_col!r} value"))
        start = reader.line_num + 1


def _markdown_drafts(name: str, lines: list[tuple[int, str | Draft]]) -> Iterator[Draft]:
    paragraph: list[str] = []
    first = 0
    fence: str | None = None
    in_comment = False
    in_front_matter = bool(lines) and lines[0][1] == "---"

    def flush() -> Iterator[Draft]:
        if paragraph:
            yield Draft(name, first, text="\n".join(paragraph))
            paragraph.clear()

    for index, (number, line) in enumerate(lines):
        if isinstance(line, Draft):
            yield from flush()
            yield line
            continue
        stripped = line.strip()
        if in_front_matter:
            if index > 0 and stripped in ("---", "..."):
                in_front_matter = False
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        opening = _FENCE.match(stripped)
        if opening:
            yield from flush()
            fence = opening.group(1)
            continue
        if stripped.startswith("<!--"):
            yield from flush()
            in_comment = "-->" not in stripped
            continue
        if not stripped or _HEADING.match(stripped) or _RULE.match(stripped):
            yield from flush()
            continue
        if not paragraph:
            first = number
        paragraph.append(line)
    yield from flush()
