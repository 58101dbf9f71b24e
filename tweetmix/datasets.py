"""Datasets: the bundled starter corpus, users' own CSV files, and real public tweets.

Loaders follow scikit-learn's style (``load_*`` returning a :class:`~sklearn.utils.Bunch`, or
``(X, y)`` with ``return_X_y=True``); ``fetch_*`` download public datasets once into a cache
folder (:func:`get_data_home`), check each file against a pinned SHA-256, and then work offline.
CSV problems are reported with the file, line and column, and what to do, because a training
run that dies on row 40,000 with a bare ``KeyError`` is exactly the experience we do not want.
"""
from __future__ import annotations

import csv
import difflib
import hashlib
import io
import os
import pathlib
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .exceptions import ChecksumError, DataError, DownloadError, LabelError
from .model import LABELS

__all__ = ["load_starter", "load_csv", "starter_path", "load_tweettopic", "load_mint",
           "fetch_tweettopic", "fetch_mint", "fetch_tweeteval", "get_data_home", "DownloadError",
           "ChecksumError", "CATEGORIES"]

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
             *, group_col: str | None = None, categories_col: str | None = None,
             encoding: str = "utf-8-sig") -> dict[str, Any]:
    """Read posts (and labels, groups, categories) from a CSV, refusing bad rows by line number.

    Returns a dict with ``texts``, ``labels`` (``None`` without ``label_col``), ``groups``,
    ``categories`` (lists of names from ``;``-separated cells; ``None`` without
    ``categories_col``) and ``lines`` (the file line of each post).
    """
    path = pathlib.Path(path)
    columns, rows = _read_rows(path, encoding)
    _require_column(path, columns, text_col, "text")
    if label_col is not None:
        _require_column(path, columns, label_col, "label")
    if group_col is not None:
        _require_column(path, columns, group_col, "group")
    if categories_col is not None:
        _require_column(path, columns, categories_col, "categories")
    if not rows:
        raise DataError(f"{path} has a header but no rows")
    problems: list[str] = []
    texts, labels, groups, lines = [], [], [], []
    categories: list[list[str]] = []
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
        if categories_col is not None:
            names = [c.strip() for c in (row.get(categories_col) or "").split(";") if c.strip()]
            unknown = [c for c in names if c not in CATEGORIES]
            if unknown:
                problems.append(f"line {line}: column {categories_col!r} has unknown "
                                f"categor(ies) {unknown}; known: {', '.join(CATEGORIES)}")
                continue
            categories.append(names)
        texts.append(text)
        groups.append(row.get(group_col) if group_col else None)
        lines.append(line)
    if problems:
        shown = "; ".join(problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        error = (LabelError if all("not one of" in p or "unknown categor" in p for p in problems)
                 else DataError)
        raise error(f"{path}: {len(problems)} bad row(s): {shown}{more}. Fix or remove them.")
    return {"texts": texts, "labels": labels if label_col is not None else None,
            "groups": groups if group_col else None,
            "categories": categories if categories_col is not None else None, "lines": lines}


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


# --- Real public datasets ------------------------------------------------------------------
#
# Each dataset has ONE reader and ONE mapping to tweetmix labels, shared by the ``load_*``
# functions (which read a file you already have) and the ``fetch_*`` functions (which download
# the pinned public files into a cache folder first). The mapping follows ../shared/data/README.md.

#: TweetTopicXL topics that make a tweet personal or professional.
TWEETTOPIC_PERSONAL = ("diaries_&_daily_life", "family", "relationships", "fitness_&_health")
TWEETTOPIC_PROFESSIONAL = ("business_&_entrepreneurs", "science_&_technology",
                           "learning_&_educational", "news_&_social_concern")


def _tweettopic_kind(topics: Iterable[str]) -> str | None:
    """``personal``/``professional`` for a tweet with only one side's topics, else ``None``.

    >>> _tweettopic_kind(["family", "music"]), _tweettopic_kind(["family", "science_&_technology"])
    ('personal', None)
    """
    topics = set(topics)
    personal = not topics.isdisjoint(TWEETTOPIC_PERSONAL)
    professional = not topics.isdisjoint(TWEETTOPIC_PROFESSIONAL)
    if personal == professional:
        return None
    return "personal" if personal else "professional"


def _read_tweettopic(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Every row of a TweetTopicXL JSONL file: ``id``, ``text``, ``topics`` (the topic columns
    set to 1) and ``kind`` (``None`` when the row maps to neither or both kinds)."""
    import json

    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise DataError(f"{path}, line {number}: not JSON ({exc})") from None
            needed = ("text",) + TWEETTOPIC_PERSONAL + TWEETTOPIC_PROFESSIONAL
            missing = [key for key in needed if not isinstance(row, dict) or key not in row]
            if missing:
                raise DataError(f"{path}, line {number}: not a TweetTopic row (no {missing}); "
                                "expected a JSON object with 'text' and the topic columns")
            text = row["text"]
            topics = [key for key, value in row.items()
                      if key not in ("id", "text", "topics") and value == 1]
            rows.append({"id": row.get("id"), "text": text, "topics": topics,
                         "kind": _tweettopic_kind(topics)})
    return rows


def load_tweettopic(path: str | os.PathLike[str]) -> tuple[list[str], list[str]]:
    """TweetTopicXL (English JSONL) as ``(texts, kinds)``; tweets with both or neither kind of
    topic are left out, as the dataset's mapping to tweetmix labels prescribes.

    See :func:`fetch_tweettopic` to download the file and get a Bunch.
    """
    rows = [row for row in _read_tweettopic(path) if row["kind"] is not None]
    return [row["text"] for row in rows], [row["kind"] for row in rows]


def _read_mint(path: str | os.PathLike[str], language: str | None
               ) -> tuple[list[str], list[float], list[str]]:
    """Texts, intimacy scores and languages of a MINT ``text,label,language`` CSV."""
    path = pathlib.Path(path)
    columns, rows = _read_rows(path, "utf-8")
    for name in ("text", "label", "language"):
        _require_column(path, columns, name, name)
    texts, scores, languages = [], [], []
    for line, row in rows:
        if language is not None and row["language"] != language:
            continue
        try:
            score = float(row["label"])
        except (TypeError, ValueError):
            raise DataError(f"{path}, line {line}: column 'label' is {row['label']!r}, not an "
                            "intimacy score from 1 to 5") from None
        texts.append(row["text"])
        scores.append(score)
        languages.append(row["language"])
    return texts, scores, languages


def load_mint(path: str | os.PathLike[str], language: str = "English"
              ) -> tuple[list[str], list[float]]:
    """MINT intimacy ratings (``text,label,language`` CSV) as ``(texts, intimacy 1-5)``.

    See :func:`fetch_mint` to download the file and get a Bunch.
    """
    texts, scores, _ = _read_mint(path, language)
    return texts, scores


#: TweetEval tasks and splits in the "ordinary tweets" pool (sentiment's 45k train split is left
#: out: it is large and adds nothing the other splits do not).
TWEETEVAL_SPLITS = {"emotion": ("test", "train", "val"), "sentiment": ("test", "val")}


def _read_tweeteval(folder: pathlib.Path, tasks: Sequence[str]
                    ) -> tuple[list[str], list[str], list[str], list[str]]:
    """Texts, label names, tasks and splits of TweetEval's ``<task>/<split>_text.txt`` files
    (one tweet a line, labels in the parallel ``_labels.txt``, names in ``mapping.txt``)."""
    texts, labels, task_of, split_of = [], [], [], []
    for task in tasks:
        mapping_path = folder / task / "mapping.txt"
        names = {}
        for number, line in enumerate(mapping_path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                code, _, name = line.partition("\t")
                if not name:
                    raise DataError(f"{mapping_path}, line {number}: expected 'code<TAB>name'")
                names[code.strip()] = name.strip()
        for split in TWEETEVAL_SPLITS[task]:
            text_path = folder / task / f"{split}_text.txt"
            label_path = folder / task / f"{split}_labels.txt"
            lines = text_path.read_text(encoding="utf-8").splitlines()
            codes = label_path.read_text(encoding="utf-8").splitlines()
            if len(lines) != len(codes):
                raise DataError(f"{text_path} has {len(lines)} lines but {label_path} has "
                                f"{len(codes)}; the two files must be parallel")
            for number, (text, code) in enumerate(zip(lines, codes), 1):
                if not text.strip():
                    continue
                if code.strip() not in names:
                    raise DataError(f"{label_path}, line {number}: label {code!r} is not in "
                                    f"{mapping_path} ({sorted(names)})")
                texts.append(text)
                labels.append(names[code.strip()])
                task_of.append(task)
                split_of.append(split)
    return texts, labels, task_of, split_of


# --- Downloading and caching -----------------------------------------------------------------

@dataclass(frozen=True)
class _RemoteFile:
    path: str    # where it lives under data_home, and under a mirror's base URL
    url: str     # the upstream file, pinned to a commit
    sha256: str  # of the upstream file as published at that commit


def _github(repo: str, commit: str, path: str) -> str:
    return f"https://github.com/{repo}/raw/{commit}/{path}"


_TWEETTOPIC_SUBSETS = {
    "all": ("en_1000.jsonl",
            "50fac2b99c5584be2a44afc31612dfa6234f1e267bc1648a0feeda76af9ffdb8"),
    "train": ("en_train.jsonl",
              "7be8def4f2df8199e53b28abe7507d598de6245d76b2b625b4cef941c42ceb6a"),
    "validation": ("en_validation.jsonl",
                   "a9f998cd9d2e3fd369fce5059697b60b6c56e166acaec1db2341ba874cd6b2ab"),
    "test": ("en_test.jsonl",
             "a2a6be4e1c20a5166d1dac532469384de9b6f6282d95d07b3c5646ae7b8c16f5"),
}
TWEETTOPIC_FILES = {
    subset: _RemoteFile(f"tweettopic_xl_en/{name}",
                        _github("anon7331/tweet_topicXL", "2b5db0d017f8", f"data/en/{name}"), sha)
    for subset, (name, sha) in _TWEETTOPIC_SUBSETS.items()
}
MINT_FILE = _RemoteFile(
    "mint_intimacy/train.csv",
    _github("irtezachy/Multilingual-Tweet-Intimacy-Prediction", "17697a885dcc", "data/train.csv"),
    "c2524f12ef8d88a9086797c40e4a3dcafc4d1f29816083dfcb402283ed84a524")
_TWEETEVAL_SHA256 = {
    "emotion/mapping.txt": "656dea85d149716af96206ca19bec0d94e9dc6de3f5079f5c7c2a241ec76cadb",
    "emotion/test_labels.txt": "245072348c711961785be6d395997f97cf7fcda3effeae7805664171dc75f913",
    "emotion/test_text.txt": "7e1070f5d3e3fcece5bc73680bff9981e90d8f7b2f1009bfe7a01d059d1c6091",
    "emotion/train_labels.txt": "987e767d8679e18abdf7de37a6d2bcd0a40a296ddd704e8d515cf0e3033c8d9c",
    "emotion/train_text.txt": "2c62f67aeb3eac1aea0e5a9c3d0f4bc337992581f3f858061786a1fb4d79d95e",
    "emotion/val_labels.txt": "313730630160b7e0a6b4235b800c76683f4aeeb72d094eb69646630cd5cfe338",
    "emotion/val_text.txt": "e2e30c86b8cbb97944d6543aedc06eace3bb275cb2f381aba787b838b4f23ca5",
    "sentiment/mapping.txt": "c0572796fbe261d8ea5fd16c5061076fbba49bc69fc865d6abccaf60daacee24",
    "sentiment/test_labels.txt": "6afb4afe9374d1f983bcf9a7c79b108d0f37fdf020a83f30488309bed215db9d",
    "sentiment/test_text.txt": "09a93a55c63fd93f97485ef7302889d7edb4091cd49733aa37da094f0bfa0675",
    "sentiment/val_labels.txt": "b4566926c72e2e4e2916c864def94e76c4cdde52446af2c7ba4fc2006e057e51",
    "sentiment/val_text.txt": "e5b021e6fc45064c260b09814b803d8f56cada519c4d952d72f43d48a350a964",
}
TWEETEVAL_FILES = {
    name: _RemoteFile(f"tweeteval/{name}",
                      _github("cardiffnlp/tweeteval", "4fbd22cd7842", f"datasets/{name}"), sha)
    for name, sha in _TWEETEVAL_SHA256.items()
}


def get_data_home(data_home: str | os.PathLike[str] | None = None) -> pathlib.Path:
    """Folder where ``fetch_*`` keep downloaded datasets.

    The ``data_home`` argument wins; else the ``TWEETMIX_DATA`` environment variable; else the
    platform's per-user data folder for tweetmix (e.g. ``~/.local/share/tweetmix`` on Linux).
    The folder is created only when something is downloaded into it.

    >>> get_data_home("~/corpora").name
    'corpora'
    """
    if data_home is None:
        data_home = os.environ.get("TWEETMIX_DATA") or None
    if data_home is None:
        import platformdirs

        data_home = platformdirs.user_data_dir("tweetmix", appauthor=False)
    return pathlib.Path(data_home).expanduser()


def _file_sha256(path: pathlib.Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_url(remote: _RemoteFile, base_url: str | None) -> str:
    """The upstream URL, or the same relative path under a mirror (``base_url`` argument or
    ``TWEETMIX_DATA_URL``; a plain folder path is taken as a ``file://`` URL)."""
    base_url = base_url or os.environ.get("TWEETMIX_DATA_URL") or None
    if base_url is None:
        return remote.url
    if "://" not in base_url:
        base_url = pathlib.Path(base_url).expanduser().resolve().as_uri()
    return f"{base_url.rstrip('/')}/{remote.path}"


def _placement_hint(remote: _RemoteFile, target: pathlib.Path, data_home: pathlib.Path) -> str:
    return (f"To work offline, get the file some other way and save it as {target} (the data "
            f"folder {data_home} comes from the data_home argument, else $TWEETMIX_DATA, else the "
            f"user data folder); it must have SHA-256 {remote.sha256}.")


def _fetch_file(remote: _RemoteFile, data_home: pathlib.Path, download_if_missing: bool,
                base_url: str | None, timeout: float = 60.0) -> pathlib.Path:
    """Path of a verified local copy of ``remote``, downloading it first when allowed."""
    target = data_home / remote.path
    url = _source_url(remote, base_url)
    if target.is_file():
        actual = _file_sha256(target)
        if actual == remote.sha256:
            return target
        try:
            target.unlink()
            fate = "it was deleted; call again to download a fresh copy"
        except OSError as exc:
            fate = f"it could not be deleted ({exc.strerror or exc}); delete it yourself"
        raise ChecksumError(f"{target} is damaged or is not the pinned version: SHA-256 "
                            f"{actual}, expected {remote.sha256}; {fate} (from {url}).")
    if not download_if_missing:
        raise DownloadError(f"{target} is not there and download_if_missing=False; pass "
                            f"download_if_missing=True to download it from {url}. "
                            + _placement_hint(remote, target, data_home))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                           suffix=".part")
    except OSError as exc:
        raise DownloadError(f"cannot write to {target.parent} ({exc.strerror or exc}); choose "
                            "another folder with data_home= or $TWEETMIX_DATA") from None
    import urllib.request  # not at module top: it costs import time nobody else needs

    digest = hashlib.sha256()
    try:
        with os.fdopen(handle, "wb") as out:
            request = urllib.request.Request(url, headers={"User-Agent": "tweetmix"})
            with urllib.request.urlopen(request, timeout=timeout) as response:
                for chunk in iter(lambda: response.read(1 << 16), b""):
                    digest.update(chunk)
                    out.write(chunk)
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        os.unlink(partial)
        reason = getattr(exc, "reason", None) or exc
        raise DownloadError(f"could not download {url} ({reason}). "
                            + _placement_hint(remote, target, data_home)) from None
    actual = digest.hexdigest()
    if actual != remote.sha256:
        os.unlink(partial)
        raise ChecksumError(f"{url} downloaded with SHA-256 {actual}, expected {remote.sha256}; "
                            "nothing was kept. The download was cut short or the file changed "
                            "upstream.")
    os.replace(partial, target)
    return target


def _check_choice(name: str, value: str, choices: Iterable[str]) -> None:
    choices = list(choices)
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


_SOURCE_NOTE = ("Real posts nobody at tweetmix wrote: use them to measure, do not copy their "
                "text into code, tests or documentation.")

TWEETTOPIC_DESCR = f"""TweetTopicXL, English (anon7331/tweet_topicXL @ 2b5db0d017f8, data/en/).

English tweets from 2021 with 19 topic labels (a topic holds if two or more coders agreed);
1,000 tweets (train 180 / validation 20 / test 800). Licence: MIT (the repository's).

tweetmix reads a tweet as personal when it has any of {", ".join(TWEETTOPIC_PERSONAL)} and none
of the professional topics, and as professional when it has any of
{", ".join(TWEETTOPIC_PROFESSIONAL)} and none of the personal ones; other tweets are left out
(about 410 personal and 180 professional remain of the 1,000). Handles are not masked.
Report ROC-AUC of p_personal and macro-F1 at the default threshold.

{_SOURCE_NOTE}
"""

MINT_DESCR = f"""MINT: multilingual tweet intimacy (SemEval-2023 Task 9), training split
(irtezachy/Multilingual-Tweet-Intimacy-Prediction @ 17697a885dcc, data/train.csv).

9,491 tweets in six languages (1,587 English), each with the mean of annotators' intimacy
ratings from 1 (not intimate) to 5 (very intimate). Handles are masked as @user and links as
http; 36 texts occur twice. Licence: the repository is Apache-2.0; the dataset's own terms are
not stated there.

tweetmix correlates p_personal (or a disclosure score) with the rating (Spearman, Pearson).
Ratings of 3 and above are mostly intimate self-disclosure; the 5.0 tail is mostly sexual.

{_SOURCE_NOTE}
"""

TWEETEVAL_DESCR = f"""TweetEval emotion (train/val/test) and sentiment (val/test)
(cardiffnlp/tweeteval @ 4fbd22cd7842, datasets/).

Ordinary tweets from SemEval tasks; handles masked as @user, links as http. Released without
restrictions by TweetEval; the source tasks' own terms apply. ``target`` holds the source
task's label (emotion: anger, joy, optimism, sadness; sentiment: negative, neutral, positive),
not a tweetmix label.

tweetmix uses the pool to count false alarms: the share of tweets that get a warning.

{_SOURCE_NOTE}
"""


def fetch_tweettopic(*, subset: str = "all", data_home: str | os.PathLike[str] | None = None,
                     download_if_missing: bool = True, as_frame: bool = False,
                     return_X_y: bool = False, base_url: str | None = None) -> Any:
    """TweetTopicXL tweets labelled personal/professional, downloaded once and cached.

    Use it to measure a model on real tweets it never saw (DESIGN §5 asks ROC-AUC ≥ 0.93).

    Parameters
    ----------
    subset : {"all", "train", "validation", "test"}
        The 1,000-tweet file or one of the dataset's splits of it.
    data_home : path, optional
        Cache folder; default ``$TWEETMIX_DATA``, else the user data folder
        (:func:`get_data_home`).
    download_if_missing : bool
        If False, raise :class:`DownloadError` instead of downloading a missing file.
    as_frame : bool
        Also return a pandas DataFrame (``id``, ``text``, ``kind``, ``topics``) in ``frame``.
    return_X_y : bool
        Return ``(texts, kinds)`` instead of a Bunch.
    base_url : str, optional
        A mirror holding the same layout as the cache folder (``https://``, ``file://`` or a
        folder path); default ``$TWEETMIX_DATA_URL``, else the pinned upstream URL.

    Returns
    -------
    Bunch with ``data``, ``target`` (``personal``/``professional``), ``ids``, ``topics``,
    ``target_names``, ``frame``, ``filename`` and ``DESCR``; tweets that are both or neither
    kind are left out.
    """
    _check_choice("subset", subset, TWEETTOPIC_FILES)
    from sklearn.utils import Bunch

    path = _fetch_file(TWEETTOPIC_FILES[subset], get_data_home(data_home), download_if_missing,
                       base_url)
    rows = [row for row in _read_tweettopic(path) if row["kind"] is not None]
    data = [row["text"] for row in rows]
    target = [row["kind"] for row in rows]
    if return_X_y:
        return data, target
    bunch = Bunch(data=data, target=target, ids=[row["id"] for row in rows],
                  topics=[row["topics"] for row in rows], target_names=list(LABELS),
                  frame=None, filename=str(path), DESCR=TWEETTOPIC_DESCR)
    if as_frame:
        import pandas as pd

        bunch.frame = pd.DataFrame({"id": bunch.ids, "text": data, "kind": target,
                                    "topics": [";".join(t) for t in bunch.topics]})
    return bunch


def fetch_mint(*, language: str | None = "English",
               data_home: str | os.PathLike[str] | None = None, download_if_missing: bool = True,
               as_frame: bool = False, return_X_y: bool = False, base_url: str | None = None
               ) -> Any:
    """MINT tweets with human intimacy ratings (1-5), downloaded once and cached.

    Use it to check that ``p_personal`` ranks intimate posts above impersonal ones (DESIGN §5
    asks a Spearman correlation ≥ 0.55 on the English rows).

    Parameters
    ----------
    language : str or None
        Keep only this language (``English``, ``Spanish``, ``Portuguese``, ``Italian``,
        ``French``, ``Chinese``); None keeps all.
    data_home, download_if_missing, base_url
        As in :func:`fetch_tweettopic`.
    as_frame : bool
        Also return a pandas DataFrame (``text``, ``intimacy``, ``language``) in ``frame``.
    return_X_y : bool
        Return ``(texts, intimacy)`` instead of a Bunch.

    Returns
    -------
    Bunch with ``data``, ``target`` (floats 1.0-5.0), ``language``, ``frame``, ``filename``
    and ``DESCR``.
    """
    from sklearn.utils import Bunch

    path = _fetch_file(MINT_FILE, get_data_home(data_home), download_if_missing, base_url)
    data, target, languages = _read_mint(path, language)
    if not data:
        raise ValueError(f"no MINT rows in language {language!r}; the languages are "
                         f"{sorted(set(_read_mint(path, None)[2]))}")
    if return_X_y:
        return data, target
    bunch = Bunch(data=data, target=target, language=languages, frame=None, filename=str(path),
                  DESCR=MINT_DESCR)
    if as_frame:
        import pandas as pd

        bunch.frame = pd.DataFrame({"text": data, "intimacy": target, "language": languages})
    return bunch


def fetch_tweeteval(*, tasks: Sequence[str] = ("emotion", "sentiment"),
                    data_home: str | os.PathLike[str] | None = None,
                    download_if_missing: bool = True, as_frame: bool = False,
                    return_X_y: bool = False, base_url: str | None = None) -> Any:
    """A pool of ordinary tweets (TweetEval emotion and sentiment), downloaded once and cached.

    Use it to count false alarms: DESIGN §5 asks that at most 5 % of them get a ``warning``.

    Parameters
    ----------
    tasks : sequence of {"emotion", "sentiment"}
        Which TweetEval tasks make up the pool.
    data_home, download_if_missing, base_url
        As in :func:`fetch_tweettopic`.
    as_frame : bool
        Also return a pandas DataFrame (``text``, ``label``, ``task``, ``split``) in ``frame``.
    return_X_y : bool
        Return ``(texts, labels)`` instead of a Bunch.

    Returns
    -------
    Bunch with ``data``, ``target`` (the source task's label name, not a tweetmix label),
    ``task``, ``split``, ``frame``, ``data_dir`` and ``DESCR``.
    """
    if isinstance(tasks, str):
        tasks = (tasks,)
    for task in tasks:
        _check_choice("task", task, TWEETEVAL_SPLITS)
    from sklearn.utils import Bunch

    home = get_data_home(data_home)
    for name, remote in TWEETEVAL_FILES.items():
        if name.split("/")[0] in tasks:
            _fetch_file(remote, home, download_if_missing, base_url)
    folder = home / "tweeteval"
    data, target, task_of, split_of = _read_tweeteval(folder, list(tasks))
    if return_X_y:
        return data, target
    bunch = Bunch(data=data, target=target, task=task_of, split=split_of, frame=None,
                  data_dir=str(folder), DESCR=TWEETEVAL_DESCR)
    if as_frame:
        import pandas as pd

        bunch.frame = pd.DataFrame({"text": data, "label": target, "task": task_of,
                                    "split": split_of})
    return bunch
