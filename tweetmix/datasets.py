"""Datasets: the bundled starter corpus and users' own CSV files.

Loaders follow scikit-learn's style (``load_*`` returning a :class:`~sklearn.utils.Bunch`, or
``(X, y)`` with ``return_X_y=True``). CSV problems are reported with the file, line and column,
and what to do, because a training run that dies on row 40,000 with a bare ``KeyError`` is
exactly the experience we do not want.
"""
from __future__ import annotations

import csv
import difflib
import io
import os
import pathlib
from importlib import resources
from typing import Any

from .exceptions import DataError, LabelError
from .model import LABELS

__all__ = ["load_starter", "load_csv", "starter_path", "load_tweettopic", "load_mint",
           "CATEGORIES"]

#: Disclosure categories of the labelling scheme (DESIGN §2).
CATEGORIES = ("health", "sexuality", "relationships", "family", "substances",
              "emotional_distress", "whereabouts", "finances", "work_grievance", "beliefs",
              "contact_details")


def starter_path() -> pathlib.Path:
    """Path of the bundled starter corpus CSV (installed package data, or ``data/`` in a checkout)."""
    source_tree = pathlib.Path(__file__).resolve().parent.parent / "data" / "starter.csv"
    if source_tree.exists():
        return source_tree
    return pathlib.Path(str(resources.files("tweetmix.starter_data") / "starter.csv"))


def _read_rows(path: pathlib.Path, encoding: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Columns and (line number, row) pairs; decoding errors name the line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise DataError(f"{path} is a folder; give a CSV file") from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise DataError(
            f"{path}, line {line}: bytes that are not valid {encoding} ({exc.reason}); save the "
            "file as UTF-8, or pass its encoding (e.g. encoding='latin-1' / --encoding latin-1)"
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = list(reader.fieldnames or [])
    if not columns:
        raise DataError(f"{path} is empty or has no header row")
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise DataError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from None
    return columns, rows


def _require_column(path: pathlib.Path, columns: list[str], name: str, role: str) -> None:
    if name in columns:
        return
    close = difflib.get_close_matches(name, columns, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise DataError(
        f"{path}: no {role} column {name!r}; the columns are {columns}.{hint} "
        f"Name the right one with --{role}-col (or {role}_col=...)."
    )


def load_csv(path: str | os.PathLike[str], text_col: str = "text", label_col: str | None = "label",
             *, group_col: str | None = None, encoding: str = "utf-8-sig") -> dict[str, Any]:
    """Read posts (and labels, and groups) from a CSV, refusing bad rows with their line numbers.

    Returns a dict with ``texts``, ``labels`` (``None`` without ``label_col``), ``groups``
    and ``lines`` (the file line of each post).
    """
    path = pathlib.Path(path)
    columns, rows = _read_rows(path, encoding)
    _require_column(path, columns, text_col, "text")
    if label_col is not None:
        _require_column(path, columns, label_col, "label")
    if group_col is not None:
        _require_column(path, columns, group_col, "group")
    if not rows:
        raise DataError(f"{path} has a header but no rows")
    problems: list[str] = []
    texts, labels, groups, lines = [], [], [], []
    for line, row in rows:
        text = row.get(text_col)
        if text is None or not text.strip():
            problems.append(f"line {line}: column {text_col!r} is empty")
            continue
        if label_col is not None:
            label = (row.get(label_col) or "").strip().lower()
            if label not in LABELS:
                problems.append(f"line {line}: column {label_col!r} is {row.get(label_col)!r}, "
                                f"not one of {list(LABELS)}")
                continue
            labels.append(label)
        texts.append(text)
        groups.append(row.get(group_col) if group_col else None)
        lines.append(line)
    if problems:
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        error = LabelError if all("not one of" in p for p in problems) else DataError
        raise error(f"{path}: {len(problems)} bad row(s): {shown}{more}. Fix or remove them.")
    return {"texts": texts, "labels": labels if label_col is not None else None,
            "groups": groups if group_col else None, "lines": lines}


def load_starter(*, as_frame: bool = False, return_X_y: bool = False, split: str | None = None
                 ) -> Any:
    """Load the bundled starter corpus (posts written for tweetmix; see ``data/README.md``).

    Parameters
    ----------
    as_frame : bool
        Also return the whole table as a pandas DataFrame in ``frame``.
    return_X_y : bool
        Return ``(texts, kinds)`` instead of a Bunch.
    split : {"train", "test"}, optional
        Only that split (authors never cross splits).

    Returns
    -------
    Bunch with ``data`` (posts), ``target`` (``personal``/``professional``), ``groups``
    (persona), ``categories`` (list of category lists), ``ids``, ``split``, ``frame`` and ``DESCR``.
    """
    from sklearn.utils import Bunch

    path = starter_path()
    columns, rows = _read_rows(path, "utf-8")
    if split is not None and split not in ("train", "test"):
        raise ValueError(f"split must be 'train', 'test' or None, got {split!r}")
    chosen = [row for _, row in rows if split is None or row["split"] == split]
    data = [row["text"] for row in chosen]
    target = [row["kind"] for row in chosen]
    if return_X_y:
        return data, target
    bunch = Bunch(
        data=data,
        target=target,
        groups=[row["persona"] for row in chosen],
        categories=[[c for c in row["categories"].split(";") if c] for row in chosen],
        ids=[row["id"] for row in chosen],
        split=[row["split"] for row in chosen],
        target_names=list(LABELS),
        category_names=list(CATEGORIES),
        DESCR=_describe(path),
        frame=None,
    )
    if as_frame:
        import pandas as pd

        bunch.frame = pd.DataFrame([{c: row[c] for c in columns} for row in chosen], columns=columns)
    return bunch


def _describe(path: pathlib.Path) -> str:
    readme = path.with_name("README.md")
    return readme.read_text(encoding="utf-8") if readme.exists() else "tweetmix starter corpus"


# TweetTopicXL topics that make a tweet personal or professional (../shared/data/README.md).
TWEETTOPIC_PERSONAL = ("diaries_&_daily_life", "family", "relationships", "fitness_&_health")
TWEETTOPIC_PROFESSIONAL = ("business_&_entrepreneurs", "science_&_technology",
                           "learning_&_educational", "news_&_social_concern")


def load_tweettopic(path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """TweetTopicXL (English JSONL) as ``(texts, kinds)``; tweets with both or neither kind of
    topic are left out, as the dataset's mapping to tweetmix labels prescribes."""
    import json

    texts, kinds = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                row = json.loads(line)
                personal = any(row[t] for t in TWEETTOPIC_PERSONAL)
                professional = any(row[t] for t in TWEETTOPIC_PROFESSIONAL)
                text = row["text"]
            except (ValueError, KeyError) as exc:
                raise DataError(f"{path}, line {number}: not a TweetTopic row ({exc})") from None
            if personal != professional:
                texts.append(text)
                kinds.append("personal" if personal else "professional")
    return texts, kinds


def load_mint(path: str | os.PathLike[str], language: str = "English"
              ) -> tuple[list[str], list[float]]:
    """MINT intimacy ratings (``text,label,language`` CSV) as ``(texts, intimacy 1-5)``."""
    path = pathlib.Path(path)
    columns, rows = _read_rows(path, "utf-8")
    for name in ("text", "label", "language"):
        _require_column(path, columns, name, name)
    chosen = [row for _, row in rows if row["language"] == language]
    return [row["text"] for row in chosen], [float(row["label"]) for row in chosen]
