"""Score CSV or JSONL files of any size: streaming, in input order, resumable, in parallel.

A file of posts can be bigger than memory, take hours, and be interrupted. So
:func:`score_file` reads the input a chunk of rows at a time, checks each chunk (in ``jobs``
worker processes if asked), and appends the results to the output in input order, one whole chunk
at a time. Nothing is ever held for the whole file. Workers are forked with the model already
loaded where that is safe (Linux, no other thread running), else each loads it once.

Formats follow the suffixes: ``.csv``, ``.jsonl`` (or ``.ndjson``), each optionally ``.gz``.
Output columns: the id column (if any), ``row`` (1-based record number), ``line`` (line of the
input where the record starts), the text (with ``keep_text``), ``p_personal``, ``label``,
``verdict``, ``categories`` (``;``-joined in CSV, a list in JSONL) and ``error``.

Rows that cannot be scored (empty or missing text, too long, bad UTF-8, malformed JSON, a CSV row
without the text field) are written with ``verdict="error"`` and the reason in ``error`` (or to a
separate ``rejects`` file), and counted; none is dropped silently.

Resuming
--------
After every chunk the output is flushed and fsynced, then a small sidecar file
``OUTPUT.tweetmix-progress`` (JSON: input fingerprint, settings, rows done, output byte offset) is
replaced atomically. A run killed at any moment (``SIGKILL`` included) leaves at most one partial
chunk after the recorded offset; ``resume=True`` truncates it away, skips the rows already done
and carries on. The sidecar is deleted when the run completes. Gzip output is written as one gzip
member per chunk (concatenated members are a valid gzip file), so it resumes the same way.
Resuming is refused if the input file changed (size, modification time or first bytes) or the
settings that shape the output differ.

>>> import tempfile, pathlib, json
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "posts.jsonl").write_text(
...     '{"id": 7, "text": "We are hiring two data engineers in Leeds"}\\n{"id": 8, "text": ""}\\n')
>>> summary = score_file(folder / "posts.jsonl", folder / "scored.jsonl", progress=False)
>>> summary.rows, summary.scored, summary.errors
(2, 1, 1)
>>> [json.loads(line)["verdict"] for line in open(folder / "scored.jsonl")]
['ok', 'error']
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import itertools
import json
import os
import pathlib
import re
import sys
import time
import zlib
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator

from .exceptions import DataError, TweetmixError

__all__ = ["score_file", "ScoreSummary", "ResumeError", "progress_path", "FORMATS",
           "PROGRESS_SUFFIX", "DEFAULT_CHUNK_SIZE"]

#: Input and output formats, by file suffix (each may end in ``.gz``).
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
#: Appended to the output path to name the sidecar file that makes a run resumable.
PROGRESS_SUFFIX = ".tweetmix-progress"
#: Rows per chunk: large enough to amortise a worker round trip and an fsync, small enough to
#: lose little work on a crash and to keep memory flat.
DEFAULT_CHUNK_SIZE = 2000
#: A physical input line longer than this is reported as a bad row instead of being read whole,
#: so one broken line (a file without newlines) cannot exhaust memory.
LINE_LIMIT = 8 * 1024 * 1024
_HEAD_BYTES = 1024 * 1024
_STATE_VERSION = 1
_BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")
_POST_INDEX = re.compile(r"^post \d+")


class ResumeError(TweetmixError, ValueError):
    """An output cannot be written or resumed as asked (exists, input changed, other settings)."""


@dataclass
class ScoreSummary:
    """What :func:`score_file` did; counts cover the whole file, resumed parts included.

    ``seconds`` and ``posts_per_second`` cover this run only (``resumed_rows`` were done before).
    """

    input: str
    output: str
    rows: int = 0
    scored: int = 0
    flagged: int = 0
    notices: int = 0
    warnings: int = 0
    errors: int = 0
    resumed_rows: int = 0
    seconds: float = 0.0
    rejects: str | None = None
    jobs: int = 1

    @property
    def posts_per_second(self) -> float:
        done = self.rows - self.resumed_rows
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["posts_per_second"] = round(self.posts_per_second, 1)
        return data

    def describe(self) -> str:
        """One line for a person, e.g. for the end of ``tweetmix score``."""
        resumed = f" (resumed after {self.resumed_rows:,})" if self.resumed_rows else ""
        where = f"; errors in {self.rejects}" if self.rejects else ""
        return (f"{self.rows:,} rows read{resumed}, {self.scored:,} scored, {self.flagged:,} "
                f"flagged ({self.notices:,} notice, {self.warnings:,} warning), {self.errors:,} "
                f"errors, in {self.seconds:.1f} s ({self.posts_per_second:,.0f} posts/s, "
                f"{self.jobs} job{'s' if self.jobs != 1 else ''}) -> {self.output}{where}")


def progress_path(output: str | os.PathLike[str]) -> pathlib.Path:
    """The sidecar file that records how far a run writing ``output`` got."""
    return pathlib.Path(os.fspath(output) + PROGRESS_SUFFIX)


def file_format(path: str | os.PathLike[str], what: str = "file") -> tuple[str, bool]:
    """``("csv" | "jsonl", gzipped)`` from the suffixes of ``path``.

    >>> file_format("posts.jsonl.gz")
    ('jsonl', True)
    """
    name = os.fspath(path).lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    for suffix, kind in FORMATS.items():
        if name.endswith(suffix):
            return kind, gz
    raise DataError(f"{what} {os.fspath(path)}: unsupported file type; give a .csv, .jsonl or "
                    ".ndjson file, optionally gzipped (.csv.gz, .jsonl.gz)")


# -- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Record:
    row: int
    line: int
    id: Any
    text: Any
    error: str | None = None


class _Input:
    """The input file opened for streaming: physical lines with their numbers, and how many
    bytes of the file on disk have been consumed (compressed bytes for gzip), for progress."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.name = os.fspath(path)
        try:
            self._raw = open(path, "rb")
        except FileNotFoundError:
            raise DataError(f"{self.name}: no such file") from None
        except IsADirectoryError:
            raise DataError(f"{self.name} is a folder; give a .csv or .jsonl file") from None
        except OSError as exc:
            raise DataError(f"{self.name}: cannot read it ({exc.strerror})") from None
        self.size = os.fstat(self._raw.fileno()).st_size
        self.gzipped = self._raw.read(2) == b"\x1f\x8b"
        self._raw.seek(0)
        self._stream: Any = gzip.GzipFile(fileobj=self._raw) if self.gzipped else self._raw

    def position(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._stream.close()
        self._raw.close()

    def lines(self) -> Iterator[tuple[int, bytes | None]]:
        """(line number, raw line) per physical line; ``None`` for a line over LINE_LIMIT."""
        number = 0
        readline = self._stream.readline
        while True:
            try:
                line = readline(LINE_LIMIT)
                if not line:
                    return
                number += 1
                if len(line) == LINE_LIMIT and not line.endswith(b"\n"):
                    while True:  # drop the rest of the overlong line
                        more = readline(LINE_LIMIT)
                        if not more or more.endswith(b"\n"):
                            break
                    yield number, None
                    continue
            except (EOFError, OSError, zlib.error) as exc:
                raise DataError(f"{self.name}: the gzip data is damaged or ends early after line "
                                f"{number} ({exc}); re-create or re-download the file") from None
            if number == 1 and line.startswith(_BOM):
                line = line[len(_BOM):]
            yield number, line


def _too_long(name: str, number: int) -> str:
    return (f"{name}, line {number}: the line is longer than {LINE_LIMIT // (1024 * 1024)} MiB; "
            "is the file really one record per line?")


def _surrogate_error(name: str, line: int, text: str, csv_input: bool) -> str | None:
    found = _SURROGATE.search(text)
    if found is None:
        return None
    if csv_input:
        byte = ord(found.group()) - 0xDC00
        return (f"{name}, line {line}: not valid UTF-8 (byte {byte:#04x}); re-encode the file "
                "as UTF-8")
    return (f"{name}, line {line}: the text contains an unpaired surrogate escape "
            f"({found.group().encode('unicode_escape').decode()}), which is not valid Unicode")


class _Layout:
    """Which columns hold the text and the id; found from the CSV header or first JSON line."""

    def __init__(self, kind: str, text_col: str, id_col: str | None, header: list[str] | None):
        self.kind = kind
        self.text_col = text_col
        self.id_col = id_col
        self.header = header


def _resolve_layout(source: _Input, kind: str, text_col: str, id_col: str | None) -> _Layout:
    name = source.name
    if kind == "csv":
        lines = source.lines()
        reader = csv.reader(raw.decode("utf-8", "surrogateescape") for _, raw in lines
                            if raw is not None)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(f"{name} is empty; a CSV needs a header row naming its columns"
                            ) from None
        except csv.Error as exc:
            raise DataError(f"{name}, line 1: malformed CSV header ({exc})") from None
        for wanted, flag in ((text_col, "--text-col"), (id_col, "--id-col")):
            if wanted is not None and wanted not in header:
                raise DataError(f"{name}: no column {wanted!r} (columns: {header}); pass {flag} "
                                "to name the right column")
        if id_col is None and "id" in header and text_col != "id":
            id_col = "id"
        return _Layout(kind, text_col, id_col, header)
    for number, raw in source.lines():
        if raw is None or not raw.strip():
            continue
        try:
            first = json.loads(raw)
        except ValueError:
            break  # reported as that row's error when the file is read
        if isinstance(first, dict):
            if text_col not in first:
                raise DataError(f"{name}, line {number}: no {text_col!r} field (fields: "
                                f"{sorted(first)}); pass --text-col to name the field that holds "
                                "the posts")
            if id_col is None and "id" in first and text_col != "id":
                id_col = "id"
        break
    return _Layout(kind, text_col, id_col, None)


def _read_records(source: _Input, layout: _Layout) -> Iterator[_Record]:
    if layout.kind == "csv":
        return _csv_records(source, layout)
    return _jsonl_records(source, layout)


def _jsonl_records(source: _Input, layout: _Layout) -> Iterator[_Record]:
    name, text_col, id_col = source.name, layout.text_col, layout.id_col
    row = 0
    for number, raw in source.lines():
        if raw is None:
            row += 1
            yield _Record(row, number, None, None, _too_long(name, number))
            continue
        if not raw.strip():
            continue  # blank lines are not records
        row += 1
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _Record(row, number, None, None, (
                f"{name}, line {number}: not valid UTF-8 (byte {raw[exc.start]:#04x} at column "
                f"{exc.start + 1}); re-encode the file as UTF-8"))
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            yield _Record(row, number, None, None,
                          f"{name}, line {number}: not valid JSON ({exc})")
            continue
        ident = None
        if isinstance(item, dict):
            ident = item.get(id_col) if id_col is not None else None
            if text_col not in item:
                yield _Record(row, number, ident, None, (
                    f"{name}, line {number}: no {text_col!r} field (fields: {sorted(item)})"))
                continue
            text = item[text_col]
        elif isinstance(item, str):
            text = item
        else:
            yield _Record(row, number, None, None, (
                f"{name}, line {number}: a JSON {type(item).__name__}, not an object with a "
                f"{text_col!r} field or a string"))
            continue
        error = _surrogate_error(name, number, text, False) if isinstance(text, str) else None
        yield _Record(row, number, ident, text, error)


def _csv_records(source: _Input, layout: _Layout) -> Iterator[_Record]:
    name = source.name
    numbered = source.lines()
    overlong: list[int] = []

    def decoded() -> Iterator[str]:
        for number, raw in numbered:
            if raw is None:
                overlong.append(number)
                yield "\n"  # keeps the line count; the row is reported below
            else:
                yield raw.decode("utf-8", "surrogateescape")

    reader = csv.reader(decoded())
    next(reader)  # the header, checked by _resolve_layout
    assert layout.header is not None
    text_at = layout.header.index(layout.text_col)
    id_at = layout.header.index(layout.id_col) if layout.id_col is not None else None
    row = 0
    start = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row += 1
            yield _Record(row, start, None, None, f"{name}, line {start}: malformed CSV ({exc})")
            start = reader.line_num + 1
            continue
        if overlong:
            row += 1
            yield _Record(row, overlong[0], None, None, _too_long(name, overlong[0]))
            overlong.clear()
            start = reader.line_num + 1
            continue
        if fields:
            row += 1
            ident = None
            if id_at is not None and id_at < len(fields):
                ident = _SURROGATE.sub("\ufffd", fields[id_at])
            if text_at >= len(fields):
                yield _Record(row, start, ident, None, (
                    f"{name}, line {start}: the row has only {len(fields)} "
                    f"field{'s' if len(fields) != 1 else ''}, no {layout.text_col!r} value (the "
                    f"header has {len(layout.header)})"))
            else:
                text = fields[text_at]
                yield _Record(row, start, ident, text, _surrogate_error(name, start, text, True))
        start = reader.line_num + 1


# -- scoring and writing a chunk ----------------------------------------------------------------
@dataclass(frozen=True)
class _Writer:
    """How a chunk's results become bytes (picklable: workers format their own chunks)."""

    name: str
    columns: tuple[str, ...]
    id_col: str | None
    text_col: str | None  # set when the text is kept
    out_kind: str
    out_gz: bool
    rejects_kind: str | None = None
    rejects_gz: bool = False

    def header(self, kind: str | None, gz: bool) -> bytes:
        if kind != "csv":
            return b""
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(self.columns)
        return _pack(buffer.getvalue(), gz)

    def encode(self, rows: list[dict[str, Any]], kind: str, gz: bool) -> bytes:
        if not rows:
            return b""
        buffer = io.StringIO()
        if kind == "csv":
            writer = csv.writer(buffer, lineterminator="\n")
            for row in rows:
                writer.writerow([_csv_cell(key, row[key]) for key in self.columns])
        else:
            for row in rows:
                buffer.write(json.dumps(row, ensure_ascii=False))
                buffer.write("\n")
        return _pack(buffer.getvalue(), gz)


def _pack(text: str, gz: bool) -> bytes:
    data = text.encode("utf-8", "replace")  # "replace": stray surrogates cannot break the file
    return gzip.compress(data, compresslevel=6, mtime=0) if gz and data else data


def _csv_cell(key: str, value: Any) -> Any:
    if value is None:
        return ""
    if key == "categories":
        return ";".join(value)
    return value


@dataclass
class _ChunkOut:
    output: bytes
    rejects: bytes
    rows: int
    scored: int = 0
    notices: int = 0
    warnings: int = 0
    errors: int = 0
    last_position: int = 0


def _score_chunk(model: Any, policy: Any, writer: _Writer, records: list[_Record]) -> _ChunkOut:
    readable = [r for r in records if r.error is None]
    checked = iter(model.check([r.text for r in readable], policy=policy))
    good: list[dict[str, Any]] = []
    bad: list[dict[str, Any]] = []
    out = _ChunkOut(b"", b"", len(records))
    for record in records:
        row: dict[str, Any] = {}
        if writer.id_col is not None:
            row[writer.id_col] = record.id
        row["row"] = record.row
        row["line"] = record.line
        if writer.text_col is not None:
            row[writer.text_col] = record.text if isinstance(record.text, str) else None
        error = record.error
        if error is None:
            result = next(checked)
            if result.error is not None:
                error = _POST_INDEX.sub(f"{writer.name}, line {record.line}: the post",
                                        result.error)
        if error is not None:
            row.update(p_personal=None, label=None, verdict="error", categories=[], error=error)
            out.errors += 1
            (bad if writer.rejects_kind else good).append(row)
            continue
        out.scored += 1
        out.notices += result.verdict == "notice"
        out.warnings += result.verdict == "warning"
        row.update(p_personal=round(result.p_personal, 6), label=result.label,
                   verdict=result.verdict, categories=list(result.categories), error=None)
        good.append(row)
    out.output = writer.encode(good, writer.out_kind, writer.out_gz)
    if writer.rejects_kind:
        out.rejects = writer.encode(bad, writer.rejects_kind, writer.rejects_gz)
    return out


# Worker processes: the model is loaded once per process, in the pool initializer.
_WORKER: tuple[Any, Any, _Writer] | None = None


def _init_worker(model_ref: Any, policy: Any, writer: _Writer) -> None:
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    global _WORKER
    from .api import _resolve

    _WORKER = (_resolve(model_ref), policy, writer)
    parent = os.getppid()

    def exit_when_orphaned() -> None:  # the parent was killed (SIGKILL): do not linger
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=exit_when_orphaned, daemon=True).start()


def _score_chunk_in_worker(records: list[_Record]) -> _ChunkOut:
    assert _WORKER is not None, "worker not initialised"
    return _score_chunk(*_WORKER, records)


class _Serial:
    def __init__(self, model: Any, policy: Any, writer: _Writer):
        self.args = (model, policy, writer)

    def map(self, chunks: Iterable[tuple[list[_Record], int]]) -> Iterator[_ChunkOut]:
        for records, position in chunks:
            out = _score_chunk(*self.args, records)
            out.last_position = position
            yield out

    def close(self) -> None:
        pass

    terminate = close


def _start_method() -> str:
    """``fork`` on Linux when this process runs no other thread: workers then start at once,
    sharing the loaded model. Forking a multi-threaded process can deadlock (a lock held by
    another thread stays locked in the child), so otherwise ``forkserver`` (or ``spawn``)."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class _Parallel:
    """Chunks go to ``jobs`` processes and come back in input order; at most ``2 * jobs`` are
    in flight, so a fast reader cannot pile the whole file up in memory (``Pool.imap`` would)."""

    def __init__(self, jobs: int, model: Any, policy: Any, writer: _Writer):
        import multiprocessing

        method = _start_method()
        if method == "fork":
            model.check("warm up", policy=policy)  # workers inherit a warm model
            model_ref = model
        else:  # each worker loads the model file once (or unpickles an in-memory model)
            source = getattr(model, "source", "")
            model_ref = source if source and os.path.isfile(source) else model
        self.jobs = jobs
        self.pool = multiprocessing.get_context(method).Pool(
            jobs, initializer=_init_worker, initargs=(model_ref, policy, writer))

    def map(self, chunks: Iterable[tuple[list[_Record], int]]) -> Iterator[_ChunkOut]:
        pending: deque[tuple[Any, int]] = deque()
        for records, position in chunks:
            pending.append((self.pool.apply_async(_score_chunk_in_worker, (records,)), position))
            if len(pending) >= 2 * self.jobs:
                yield self._next(pending)
        while pending:
            yield self._next(pending)

    @staticmethod
    def _next(pending: deque[tuple[Any, int]]) -> _ChunkOut:
        handle, position = pending.popleft()
        out = handle.get()
        out.last_position = position
        return out

    def close(self) -> None:
        self.pool.close()
        self.pool.join()

    def terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()


# -- progress state -----------------------------------------------------------------------------
def _fingerprint(path: pathlib.Path) -> dict[str, Any]:
    stat = path.stat()
    with open(path, "rb") as handle:
        head = hashlib.sha256(handle.read(_HEAD_BYTES)).hexdigest()
    return {"path": os.fspath(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "head_sha256": head}


def _write_state(path: pathlib.Path, state: dict[str, Any]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _read_state(path: pathlib.Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResumeError(f"{path} is not a readable tweetmix progress file ({exc}); delete it "
                          "and start again with --force") from None
    if not isinstance(state, dict) or state.get("tweetmix_score_progress") != _STATE_VERSION:
        raise ResumeError(f"{path} was not written by this version of tweetmix score; start "
                          "again with --force")
    return state


def _input_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    changes = []
    if old["size"] != new["size"]:
        changes.append(f"its size went from {old['size']:,} to {new['size']:,} bytes")
    if old["head_sha256"] != new["head_sha256"]:
        changes.append("its first bytes differ")
    if old["mtime_ns"] != new["mtime_ns"]:
        changes.append("it was modified since (mtime)")
    return changes


def _setting_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [f"{key} was {old.get(key)!r}, now {new.get(key)!r}"
            for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)]


def _check_size(path: pathlib.Path, offset: int, state_path: pathlib.Path) -> None:
    size = path.stat().st_size if path.exists() else -1
    if offset > 0 and size < offset:
        raise ResumeError(
            f"{path} is shorter ({max(size, 0):,} bytes) than the {offset:,} bytes {state_path} "
            "records; it was moved, edited or truncated. Start again with --force")


# -- the entry point ----------------------------------------------------------------------------
def score_file(input: str | os.PathLike[str], output: str | os.PathLike[str], *,
               text_col: str = "text", id_col: str | None = None, model: Any = None,
               policy: Any = None, jobs: int = 1, chunk_size: int = DEFAULT_CHUNK_SIZE,
               resume: bool = False, force: bool = False, keep_text: bool = False,
               rejects: str | os.PathLike[str] | None = None, progress: bool | None = None
               ) -> ScoreSummary:
    """Score every post in a CSV or JSONL file (optionally gzipped) into ``output``.

    Parameters
    ----------
    input, output : path
        ``.csv``, ``.jsonl``/``.ndjson``, each optionally ``.gz``; the output format follows the
        output's suffix, whatever the input's.
    text_col : str
        Column (CSV) or field (JSONL) holding the post. A CSV header without it is an error.
    id_col : str, optional
        Column copied to the output to join results back; by default ``id`` when present.
    model, policy :
        A :class:`~tweetmix.trained.TweetmixModel` or model path (default model if omitted) and
        a :class:`~tweetmix.policy.Policy` (the model's default if omitted).
    jobs : int
        Worker processes. Each loads the model once; chunks come back in input order.
    chunk_size : int
        Rows per chunk: the unit of work, of memory, and of what a crash can lose.
    resume : bool
        Continue an interrupted run from ``OUTPUT.tweetmix-progress`` (see the module
        docstring). Without a progress file and without an output, starts afresh.
    force : bool
        Overwrite an existing output (and discard any progress file). Without ``force`` or
        ``resume``, an existing output is refused, so a finished run is never clobbered.
    keep_text : bool
        Also write the post text.
    rejects : path, optional
        Write rows that could not be scored here (same columns) instead of into ``output``.
    progress : bool, optional
        Progress bar on stderr (bytes read with ETA, posts/s); by default only on a terminal.

    Returns
    -------
    ScoreSummary
        Rows read, scored, flagged, errors, time and posts/s.
    """
    from .api import _resolve

    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs!r}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size!r}")
    if resume and force:
        raise ValueError("give resume or force, not both")
    input_path, output_path = pathlib.Path(input), pathlib.Path(output)
    in_kind, _ = file_format(input_path, "input")
    out_kind, out_gz = file_format(output_path, "output")
    rejects_path = pathlib.Path(rejects) if rejects is not None else None
    rejects_kind, rejects_gz = (file_format(rejects_path, "rejects file") if rejects_path
                                else (None, False))
    for other in (output_path, rejects_path):
        if other is None:
            continue
        if other.resolve() == input_path.resolve():
            raise DataError(f"{other} is the input file; write the results to another file")
        if not other.parent.is_dir():
            raise DataError(f"cannot write {other}: the folder {other.parent} does not exist")
    if rejects_path is not None and rejects_path.resolve() == output_path.resolve():
        raise DataError("the rejects file must differ from the output file")

    started = time.perf_counter()
    loaded = _resolve(model)
    policy = policy or loaded.default_policy
    source = _Input(input_path)
    try:
        layout = _resolve_layout(source, in_kind, text_col, id_col)
    finally:
        source.close()
    columns = ([layout.id_col] if layout.id_col else []) + ["row", "line"] \
        + ([text_col] if keep_text else []) \
        + ["p_personal", "label", "verdict", "categories", "error"]
    writer = _Writer(os.fspath(input_path), tuple(columns), layout.id_col,
                     text_col if keep_text else None, out_kind, out_gz, rejects_kind, rejects_gz)
    settings = {"text_col": text_col, "id_col": layout.id_col, "keep_text": keep_text,
                "output_format": out_kind + (".gz" if out_gz else ""),
                "rejects": os.fspath(rejects_path.resolve()) if rejects_path else None,
                "policy": policy.to_dict(), "model": loaded.name}
    state_path = progress_path(output_path)
    fingerprint = _fingerprint(input_path)
    summary = ScoreSummary(os.fspath(input_path), os.fspath(output_path),
                           rejects=os.fspath(rejects_path) if rejects_path else None, jobs=jobs)
    state = _prepare(state_path, output_path, rejects_path, fingerprint, settings, resume, force)
    for key in ("rows", "scored", "notices", "warnings", "errors"):
        setattr(summary, key, state["counts"][key])
    summary.flagged = summary.notices + summary.warnings
    summary.resumed_rows = state["rows_done"]

    out_handle = _open_at(output_path, state["output_offset"])
    rejects_handle = _open_at(rejects_path, state["rejects_offset"]) if rejects_path else None
    source = _Input(input_path)
    engine: Any = None
    bar: Any = None
    try:
        if state["output_offset"] == 0:
            out_handle.write(writer.header(out_kind, out_gz))
        if rejects_handle is not None and state["rejects_offset"] == 0:
            rejects_handle.write(writer.header(rejects_kind, rejects_gz))
        records = _read_records(source, layout)
        skipped = sum(1 for _ in itertools.islice(records, state["rows_done"]))
        if skipped != state["rows_done"]:
            raise ResumeError(f"{input_path} has {skipped:,} rows, fewer than the "
                              f"{state['rows_done']:,} already scored; start again with --force")
        engine = _Parallel(jobs, loaded, policy, writer) if jobs > 1 \
            else _Serial(loaded, policy, writer)
        bar = _progress_bar(progress, source, input_path)  # after the fork: tqdm runs a thread
        session_rows = 0
        scoring_started = time.perf_counter()
        for out in engine.map(_chunks(records, chunk_size, source)):
            _append(out_handle, out.output)
            if rejects_handle is not None:
                _append(rejects_handle, out.rejects)
            summary.rows += out.rows
            summary.scored += out.scored
            summary.notices += out.notices
            summary.warnings += out.warnings
            summary.errors += out.errors
            summary.flagged = summary.notices + summary.warnings
            state["rows_done"] = summary.rows
            state["output_offset"] = out_handle.tell()
            state["rejects_offset"] = rejects_handle.tell() if rejects_handle else None
            state["counts"] = {k: getattr(summary, k)
                               for k in ("rows", "scored", "notices", "warnings", "errors")}
            _write_state(state_path, state)
            session_rows += out.rows
            if bar is not None:
                elapsed = max(time.perf_counter() - scoring_started, 1e-9)
                bar.set_postfix_str(f"{summary.rows:,} posts, {session_rows / elapsed:,.0f} "
                                    "posts/s", refresh=False)
                bar.update(out.last_position - bar.n)
        engine.close()
        engine = None
        out_handle.close()
        if rejects_handle is not None:
            rejects_handle.close()
        state_path.unlink()
    finally:
        if engine is not None:
            engine.terminate()
        if bar is not None:
            bar.close()
        source.close()
        out_handle.close()
        if rejects_handle is not None:
            rejects_handle.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _prepare(state_path: pathlib.Path, output: pathlib.Path, rejects: pathlib.Path | None,
             fingerprint: dict[str, Any], settings: dict[str, Any], resume: bool, force: bool
             ) -> dict[str, Any]:
    """The progress state to start from; refuses what would clobber or mix up results."""
    if resume and state_path.exists():
        state = _read_state(state_path)
        changes = _input_changes(state["input"], fingerprint)
        if changes:
            raise ResumeError(f"cannot resume: the input {fingerprint['path']} changed since the "
                              f"interrupted run ({'; '.join(changes)}). Start again with --force")
        differ = _setting_changes(state["settings"], settings)
        if differ:
            raise ResumeError("cannot resume with other settings than the interrupted run ("
                              + "; ".join(differ) + "); use the same options, or start again "
                              "with --force")
        _check_size(output, state["output_offset"], state_path)
        if rejects is not None:
            _check_size(rejects, state["rejects_offset"], state_path)
        return state
    existing = [p for p in (output, rejects) if p is not None and p.exists()]
    if resume and existing:
        raise ResumeError(f"{existing[0]} exists but there is no progress file {state_path}: "
                          "it was finished, or not written by tweetmix score, so there is "
                          "nothing to resume. Use --force to score it again")
    if not resume and not force and (existing or state_path.exists()):
        what = existing[0] if existing else state_path
        hint = " (an interrupted run: add --resume to continue it)" if state_path.exists() else ""
        raise ResumeError(f"{what} already exists{hint}; pass --force to overwrite it or "
                          "choose another output")
    state = {"tweetmix_score_progress": _STATE_VERSION, "input": fingerprint,
             "settings": settings, "rows_done": 0, "output_offset": 0,
             "rejects_offset": 0 if rejects is not None else None,
             "counts": dict.fromkeys(("rows", "scored", "notices", "warnings", "errors"), 0)}
    _write_state(state_path, state)  # before the output exists, so any kill can be resumed
    return state


def _open_at(path: pathlib.Path, offset: int) -> Any:
    """Open for writing at ``offset``, dropping anything after it (a partly written chunk)."""
    if offset == 0:
        return open(path, "wb")
    handle = open(path, "r+b")
    handle.truncate(offset)
    handle.seek(offset)
    return handle


def _append(handle: Any, data: bytes) -> None:
    if data:
        handle.write(data)
    handle.flush()
    os.fsync(handle.fileno())


def _chunks(records: Iterator[_Record], size: int, source: _Input
            ) -> Iterator[tuple[list[_Record], int]]:
    while True:
        chunk = list(itertools.islice(records, size))
        if not chunk:
            return
        yield chunk, source.position()


def _progress_bar(progress: bool | None, source: _Input, path: pathlib.Path) -> Any:
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=source.size, initial=source.position(), unit="B", unit_scale=True,
                unit_divisor=1024, desc=f"scoring {path.name}", file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1)
