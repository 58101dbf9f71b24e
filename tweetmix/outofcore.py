"""Out-of-core training: a model from a labelled file bigger than memory.

:func:`tweetmix.train` holds every post and its TF-IDF matrix in memory (1 M tweets with word and
character n-grams peaked at 6.7 GB, DESIGN §5). :func:`train_out_of_core` reads the file in
chunks instead, and produces the same kind of model file (runtime section, manifest, pickled
estimator), so ``tweetmix check --model`` and :func:`tweetmix.load` use it unchanged.

How it works, and why each step keeps memory bounded:

1. **Scan.** One cheap pass (no tokenising) validates every row, counts labels and skipped rows
   (empty text, missing label), and fingerprints the data. Unknown labels stop training here,
   before any expensive work, with the file and line of each.
2. **Vocabulary.** Occurrences of word 1-2-grams and ``char_wb`` 3-5-grams are counted on an
   evenly spread sample of at most ``vocabulary_sample`` training posts (every k-th one). The
   candidate tables are cut back to their most frequent half (never below the vocabulary size)
   whenever they grow past ``max_candidates`` grams, so their size is fixed whatever the file
   size. The ``max_word_features`` / ``max_char_features`` most frequent grams become the
   vocabulary (``TfidfVectorizer(max_features=...)`` ranks by frequency too).
   *Approximations:* on a file bigger than the sample, grams near the cut-off may rank
   differently than on the whole file (a gram frequent overall is almost surely frequent in an
   even sample); a gram pruned early and frequent later is undercounted; ``min_df`` is applied
   to sampled occurrences, scaled to the sample.
3. **Features.** Every post is tokenised once (in ``n_jobs`` worker processes); its vocabulary
   counts and style features are written, chunk by chunk, to a temporary cache on disk (about
   6 bytes per counted gram). The *exact* document frequency of each vocabulary term is
   counted on the way, so idf is what ``TfidfVectorizer(smooth_idf=True)`` computes.
4. **Learning.** The cached counts are turned into TF-IDF rows once (float32, about 8 bytes per
   gram; the count cache is then deleted: about 1.5 GB of temporary disk at the peak for 1 M
   tweets, in ``cache_dir``), and ``SGDClassifier(loss="log_loss")`` learns from them by
   ``partial_fit`` for ``epochs`` passes. Each chunk is cut into random pieces and every epoch
   reads the pieces in a new random order, so a batch mixes posts from all over the file (a
   file sorted by label still trains well). One batch (about ``chunk_size`` posts) is in
   memory at a time.
5. **Calibration and metrics.** Every ``round(1 / holdout)``-th post of each label is held out
   (stratified, never trained on). A Platt sigmoid is fitted on the held-out scores, and the
   metrics recorded in the manifest are measured on the holdout with the sigmoid cross-fitted on
   its two halves, so they are honest (holdout, not cross-validation).

Memory knobs: ``chunk_size`` (posts per batch), ``max_candidates`` (candidate grams kept while
counting), ``max_word_features``/``max_char_features`` (vocabulary, hence model size),
``vocabulary_sample``, ``n_jobs`` (each worker process holds a chunk). Nothing else grows with
the number of posts except the holdout scores (16 bytes per held-out post). Duplicate posts are
not removed (that would need memory for every post): deduplicate big files beforehand.
"""
from __future__ import annotations

import csv
import difflib
import gzip
import hashlib
import io
import json
import math
import os
import pathlib
import sys
import tempfile
import time
from collections import Counter
from typing import (TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple,
                    Sequence)

from sklearn.base import BaseEstimator, ClassifierMixin

from .exceptions import DataError, LabelError

if TYPE_CHECKING:
    from .trained import TweetmixModel

__all__ = ["train_out_of_core", "OutOfCoreClassifier", "read_labelled_rows", "LabelledRow",
           "SUPPORTED_SUFFIXES"]

#: File types :func:`train_out_of_core` reads (each also gzip-compressed, ending in ``.gz``).
SUPPORTED_SUFFIXES = (".csv", ".jsonl")

Progress = Callable[[str], None]
_LABELS = ("personal", "professional")
_CACHE_LIMIT = 200_000  # words whose character n-grams are remembered while featurising
_PIECES_PER_CHUNK = 16  # random pieces each chunk is cut into, for mixing across the file
_MAX_COUNT = 65535  # counts are stored as uint16


def _stderr_progress(message: str) -> None:
    print(f"[tweetmix] {message}", file=sys.stderr, flush=True)


# -- reading ----------------------------------------------------------------------------------

class LabelledRow(NamedTuple):
    """One input row: where it is (``file, line N`` or ``item N``), its text and raw label."""

    where: str
    text: Any
    label: Any


def _open_text(path: pathlib.Path, encoding: str) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
    return open(path, encoding=encoding, newline="")


def _file_kind(path: pathlib.Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    kind = suffixes[-1] if suffixes else ""
    if kind not in SUPPORTED_SUFFIXES:
        raise DataError(
            f"{path}: cannot tell the format from the name; out-of-core training reads "
            f"{', '.join(SUPPORTED_SUFFIXES)} files (optionally gzipped, e.g. posts.csv.gz)"
        )
    return kind


def _missing_column(path: Any, columns: Sequence[str], name: str, role: str,
                    where: str = "") -> DataError:
    close = difflib.get_close_matches(name, list(columns), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return DataError(f"{path}{where}: no {role} column {name!r}; the columns are {list(columns)}."
                     f"{hint} Name the right one with --{role}-col (or {role}_col=...).")


def _csv_rows(path: pathlib.Path, text_col: str, label_col: str, encoding: str
              ) -> Iterator[LabelledRow]:
    with _open_text(path, encoding) as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
            if not header:
                raise DataError(f"{path} is empty or has no header row")
            for column, role in ((text_col, "text"), (label_col, "label")):
                if column not in header:
                    raise _missing_column(path, header, column, role)
            text_at, label_at = header.index(text_col), header.index(label_col)
            width = max(text_at, label_at)
            while True:
                first_line = reader.line_num + 1  # a quoted post may span several lines
                row = next(reader, None)
                if row is None:
                    break
                if not row:
                    continue
                where = f"{path}, line {first_line}"
                if len(row) <= width:
                    raise DataError(f"{where}: {len(row)} field(s), but the header has "
                                    f"{len(header)}; fix the row's quoting or commas")
                yield LabelledRow(where, row[text_at], row[label_at])
        except csv.Error as exc:
            raise DataError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from None
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}, after line {reader.line_num}: bytes that are not valid "
                            f"{encoding} ({exc.reason}); save the file as UTF-8 or pass its "
                            "encoding (--encoding)") from None


def _jsonl_rows(path: pathlib.Path, text_col: str, label_col: str, encoding: str
                ) -> Iterator[LabelledRow]:
    with _open_text(path, encoding) as handle:
        number = 0
        try:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}, line {number}"
                try:
                    item = json.loads(line)
                except ValueError as exc:
                    raise DataError(f"{where}: not valid JSON ({exc}); each line must be one "
                                    "JSON object") from None
                if not isinstance(item, dict):
                    raise DataError(f"{where}: a JSON {type(item).__name__}, not an object "
                                    f"with {text_col!r} and {label_col!r} fields")
                for column, role in ((text_col, "text"), (label_col, "label")):
                    if column not in item:
                        raise _missing_column(path, list(item), column, role, f", line {number}")
                yield LabelledRow(where, item[text_col], item[label_col])
        except UnicodeDecodeError as exc:
            raise DataError(f"{path}, after line {number}: bytes that are not valid {encoding} "
                            f"({exc.reason}); save the file as UTF-8 or pass its encoding "
                            "(--encoding)") from None


def _iterable_rows(items: Iterable[Any], text_col: str, label_col: str) -> Iterator[LabelledRow]:
    for number, item in enumerate(items):
        where = f"item {number}"
        if isinstance(item, Mapping):
            for column, role in ((text_col, "text"), (label_col, "label")):
                if column not in item:
                    raise _missing_column("the data", list(item), column, role, f", {where}")
            yield LabelledRow(where, item[text_col], item[label_col])
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            yield LabelledRow(where, item[0], item[1])
        else:
            raise DataError(f"{where} is {type(item).__name__} {item!r:.60}; give (text, label) "
                            f"pairs or mappings with {text_col!r} and {label_col!r}")


def read_labelled_rows(source: Any, *, text_col: str = "text", label_col: str = "label",
                       encoding: str = "utf-8-sig") -> Callable[[], Iterator[LabelledRow]]:
    """A function that reads ``source`` from the start each time it is called.

    Training reads its data several times, so ``source`` must be re-readable: a path to a
    ``.csv``/``.jsonl`` file (optionally ``.gz``), a list (or other re-iterable) of
    ``(text, label)`` pairs or of mappings, or a function returning a fresh iterator of those.

    >>> rows = read_labelled_rows([("my cat is sick", "personal")])
    >>> next(rows())
    LabelledRow(where='item 0', text='my cat is sick', label='personal')
    """
    if isinstance(source, (str, os.PathLike)):
        path = pathlib.Path(source)
        if not path.exists():
            raise DataError(f"{path}: no such file")
        if path.is_dir():
            raise DataError(f"{path} is a folder; give a .csv or .jsonl file")
        reader = _csv_rows if _file_kind(path) == ".csv" else _jsonl_rows
        return lambda: reader(path, text_col, label_col, encoding)
    if callable(source):
        return lambda: _iterable_rows(source(), text_col, label_col)
    try:
        is_one_shot = iter(source) is source
    except TypeError:
        raise DataError(f"cannot read posts from a {type(source).__name__}; give a file path, a "
                        "list of (text, label) pairs, or a function returning an iterator"
                        ) from None
    if is_one_shot:
        raise DataError("training reads the data several times, but an iterator can be read "
                        "once; pass a file path, a list, or a function returning a new iterator")
    return lambda: _iterable_rows(source, text_col, label_col)


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and (not value.strip() or value.strip().lower() == "nan")


def _clean_rows(rows: Iterable[LabelledRow]) -> Iterator[tuple[str, str, str]]:
    """``(where, text, label)`` with the label lower-cased; a row to skip comes with an empty
    text and the reason in place of the label. Unknown labels come through as they are, for
    the scan to report."""
    for where, text, label in rows:
        if not isinstance(text, str) or _is_missing(text):
            yield where, "", "empty text" if _is_missing(text) else "text that is not a string"
            continue
        if _is_missing(label):
            yield where, "", "missing label"
            continue
        yield where, text, str(label).strip().lower()


# -- n-grams ----------------------------------------------------------------------------------

def _word_grams(tokens: list[str], low: int, high: int) -> list[str]:
    """scikit-learn's word n-grams of ``tokens`` (``analyzer="word"``)."""
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _char_wb_grams(word: str, low: int, high: int) -> list[str]:
    """scikit-learn's ``char_wb`` n-grams of one whitespace-free word."""
    padded = f" {word} "
    length = len(padded)
    grams: list[str] = []
    for n in range(low, high + 1):
        if length <= n:
            grams.append(padded)
            break
        grams.extend(padded[i:i + n] for i in range(length - n + 1))
    return grams


class _Featuriser:
    """Tokenises each post once and derives word grams, char grams and style features from it,
    exactly as the fitted vectorizers and the runtime do (tests hold it to scikit-learn)."""

    def __init__(self, word_range: tuple[int, int], char_range: tuple[int, int],
                 use_char: bool, use_style: bool):
        self.word_range = word_range
        self.char_range = char_range
        self.use_char = use_char
        self.use_style = use_style
        from .tokenize import pattern_sources

        self.patterns = pattern_sources()
        self.word_columns: dict[str, int] = {}
        self.char_columns: dict[str, int] = {}
        self._char_cache: dict[str, Any] = {}

    def _parse(self, text: str) -> tuple[Any, list[str], list[str]]:
        from .tokenize import join_normalised, tokenize_with_spans

        tokens = tokenize_with_spans(text, patterns=self.patterns)
        words = _word_grams([t.text for t in tokens], *self.word_range)
        chunks = join_normalised(text, tokens).split() if self.use_char else []
        return tokens, words, chunks

    def term_counts(self, texts: list[str]) -> tuple[Counter[str], Counter[str]]:
        """How often each word and character gram occurs in ``texts`` (what
        ``TfidfVectorizer(max_features=...)`` ranks by). Character grams are counted per
        distinct word and multiplied out, which is much cheaper than per post."""
        all_words: list[str] = []
        all_chunks: list[str] = []
        for text in texts:
            _, words, chunks = self._parse(text)
            all_words.extend(words)
            all_chunks.extend(chunks)
        chars: Counter[str] = Counter()
        for chunk, n in Counter(all_chunks).items():
            for gram in _char_wb_grams(chunk, *self.char_range):
                chars[gram] += n
        return Counter(all_words), chars

    def use_vocabulary(self, word_terms: list[str], char_terms: list[str]) -> None:
        self.word_columns = {term: i for i, term in enumerate(word_terms)}
        offset = len(word_terms)
        self.char_columns = {term: offset + i for i, term in enumerate(char_terms)}
        self._char_cache = {}

    def rows(self, texts: list[str]) -> tuple[Any, Any, Any, Any]:
        """Vocabulary counts (CSR parts ``lengths, columns, counts``) and style rows of ``texts``.

        Column ids of every post go into one flat list (C-level ``map``/``extend``), and numpy
        turns them into per-post counts at once: far faster than a Counter per post.
        """
        import numpy as np

        from .style import STYLE_FEATURES, style_from_tokens

        word_get, char_columns, cache = self.word_columns.get, self.char_columns, self._char_cache
        missing = [-1]
        ids: list[int] = []
        per_post = np.zeros(len(texts), dtype=np.int64)
        style = np.zeros((len(texts), len(STYLE_FEATURES) if self.use_style else 0),
                         dtype=np.float32)
        for i, text in enumerate(texts):
            tokens, words, chunks = self._parse(text)
            before = len(ids)
            ids.extend(map(word_get, words, missing * len(words)))
            for chunk in chunks:
                known = cache.get(chunk)
                if known is None:
                    if len(cache) > _CACHE_LIMIT:
                        cache.clear()
                    known = cache[chunk] = [c for c in map(char_columns.get, _char_wb_grams(
                        chunk, *self.char_range)) if c is not None]
                ids.extend(known)
            per_post[i] = len(ids) - before
            if self.use_style:
                style[i] = style_from_tokens(text, tokens)
        columns = np.asarray(ids, dtype=np.int64)
        post = np.repeat(np.arange(len(texts), dtype=np.int64), per_post)
        keep = columns >= 0
        width = len(self.word_columns) + len(self.char_columns) + 1
        keys, counts = np.unique(post[keep] * width + columns[keep], return_counts=True)
        lengths = np.bincount(keys // width, minlength=len(texts)).astype(np.int32)
        return (lengths, (keys % width).astype(np.int32),
                np.minimum(counts, _MAX_COUNT).astype(np.uint16), style)


# Worker processes inherit the featuriser by fork; it is set just before the pool starts.
_WORKER: _Featuriser | None = None


def _worker_terms(texts: list[str]) -> tuple[Counter[str], Counter[str], int]:
    assert _WORKER is not None
    words, chars = _WORKER.term_counts(texts)
    return words, chars, len(texts)


def _worker_rows(texts: list[str]) -> tuple[Any, Any, Any, Any]:
    assert _WORKER is not None
    return _WORKER.rows(texts)


class _Pool:
    """``map`` over chunks, in worker processes when ``n_jobs > 1`` (fork only), else inline."""

    def __init__(self, featuriser: _Featuriser, n_jobs: int):
        global _WORKER
        _WORKER = featuriser
        self.pool = None
        if n_jobs > 1:
            import multiprocessing

            if "fork" in multiprocessing.get_all_start_methods():
                self.pool = multiprocessing.get_context("fork").Pool(n_jobs)

    def imap(self, function: Callable[[Any], Any], items: Iterable[tuple[Any, Any]]
             ) -> Iterator[tuple[Any, Any]]:
        """``(extra, function(payload))`` for each ``(payload, extra)``, in order. At most two
        chunks per worker are in flight, so reading never runs ahead of featurising."""
        if self.pool is None:
            for payload, extra in items:
                yield extra, function(payload)
            return
        from collections import deque

        pending: deque[tuple[Any, Any]] = deque()
        limit = 2 * self.pool._processes  # type: ignore[attr-defined]
        for payload, extra in items:
            pending.append((extra, self.pool.apply_async(function, (payload,))))
            if len(pending) >= limit:
                extra, result = pending.popleft()
                yield extra, result.get()
        while pending:
            extra, result = pending.popleft()
            yield extra, result.get()

    def close(self) -> None:
        global _WORKER
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        _WORKER = None


# -- the sklearn-side estimator ---------------------------------------------------------------

class OutOfCoreClassifier(ClassifierMixin, BaseEstimator):
    """A personal-vs-professional classifier learnt from a stream of labelled posts.

    It has the shape of :class:`~tweetmix.model.PersonalClassifier` (``features_``,
    ``linear_model_``, ``sigmoid_``, ``classes_``), so the runtime form is exported by the same
    function, but it learns with ``SGDClassifier.partial_fit`` over chunks of a file and a
    vocabulary chosen while streaming, so memory stays bounded. Use :func:`train_out_of_core`
    for files; :meth:`fit` does the same for posts already in memory.

    Parameters
    ----------
    chunk_size : int
        Posts featurised and learnt from at a time; memory grows with it.
    max_word_features, max_char_features : int
        Vocabulary sizes (word 1-2-grams, ``char_wb`` 3-5-grams).
    max_candidates : int
        Candidate grams kept per kind while counting (the counting tables' memory bound).
    vocabulary_sample : int
        At most this many (evenly spread) training posts choose the vocabulary.
    min_df : int
        A gram must occur at least this often (``min_df + 1`` for characters, as in
        :class:`~tweetmix.model.PersonalClassifier`), counted in the vocabulary sample and
        scaled to it.
    epochs : int
        Passes of stochastic gradient descent over the training posts.
    alpha : float or "auto"
        L2 penalty of the SGD classifier; ``"auto"`` is ``1 / n_train_posts`` (the same
        strength as ``LogisticRegression(C=1)``), clipped to [1e-7, 1e-4].
    holdout : float
        Fraction of each label held out for calibration and the reported metrics.
    use_char, use_style : bool
        Switch the character n-grams and the style features off.
    n_jobs : int
        Worker processes for tokenising (``-1``: all cores; needs the ``fork`` start method).
    cache_dir : str, optional
        Where the temporary feature cache goes (default: the system temporary folder).
    random_state : int
        Seeds the holdout-free shuffling and SGD, so reruns give the same model.

    Examples
    --------
    >>> posts = ["my cat is sick", "we are hiring", "date night with my wife", "Q3 report out",
    ...          "so tired today", "new product launch", "missing my mum", "join our webinar"]
    >>> clf = OutOfCoreClassifier(holdout=0.25, min_df=1, use_char=False).fit(
    ...     posts * 4, ["personal", "professional"] * 16)
    >>> list(clf.classes_)
    ['personal', 'professional']
    """

    def __init__(self, chunk_size: int = 10_000, max_word_features: int = 30_000,
                 max_char_features: int = 50_000, max_candidates: int = 1_000_000,
                 vocabulary_sample: int = 100_000, min_df: int = 2, epochs: int = 5,
                 alpha: float | str = "auto", holdout: float = 0.1, use_char: bool = True,
                 use_style: bool = True, n_jobs: int = 1, cache_dir: str | None = None,
                 random_state: int = 0):
        self.chunk_size = chunk_size
        self.max_word_features = max_word_features
        self.max_char_features = max_char_features
        self.max_candidates = max_candidates
        self.vocabulary_sample = vocabulary_sample
        self.min_df = min_df
        self.epochs = epochs
        self.alpha = alpha
        self.holdout = holdout
        self.use_char = use_char
        self.use_style = use_style
        self.n_jobs = n_jobs
        self.cache_dir = cache_dir
        self.random_state = random_state

    def fit(self, X: Sequence[str], y: Sequence[str]) -> "OutOfCoreClassifier":
        """Learn from posts already in memory (the streaming path, for small data and tests)."""
        from .model import validate_texts

        texts = validate_texts(X)
        labels = list(y)
        if len(labels) != len(texts):
            raise LabelError(f"got {len(texts)} posts but {len(labels)} labels; they must be "
                             "the same length")
        self._fit_stream(read_labelled_rows(list(zip(texts, labels))), None)
        return self

    def _check_params(self) -> None:
        problems = []
        for name in ("chunk_size", "max_word_features", "max_candidates", "vocabulary_sample",
                     "epochs", "min_df"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                problems.append(f"{name} must be a positive integer, got {value!r}")
        if self.use_char and (not isinstance(self.max_char_features, int)
                              or self.max_char_features < 1):
            problems.append(f"max_char_features must be a positive integer, got "
                            f"{self.max_char_features!r}")
        if not isinstance(self.holdout, (int, float)) or not 0.01 <= self.holdout <= 0.5:
            problems.append(f"holdout must be a fraction between 0.01 and 0.5, got "
                            f"{self.holdout!r}")
        if self.alpha != "auto" and not (isinstance(self.alpha, (int, float)) and self.alpha > 0):
            problems.append(f"alpha must be a positive number or 'auto', got {self.alpha!r}")
        if self.max_candidates < max(self.max_word_features, self.max_char_features or 0):
            problems.append("max_candidates must be at least the largest vocabulary size")
        if problems:
            raise ValueError("; ".join(problems))

    # -- the streaming fit ------------------------------------------------------------------
    def _fit_stream(self, rows: Callable[[], Iterator[LabelledRow]],
                    report: Progress | None) -> dict[str, Any]:
        """Fit from a re-readable row source; returns a summary (counts, skipped, metrics)."""
        import numpy as np

        self._check_params()
        scan = _scan(rows, report)
        every = max(2, round(1 / self.holdout))
        n_holdout = {k: v // every for k, v in scan["label_counts"].items()}
        small = {k: v for k, v in n_holdout.items() if v < 2}
        if small:
            raise LabelError(
                f"too few posts to hold out {self.holdout:.0%} of each label for calibration "
                f"(label counts {scan['label_counts']}); out-of-core training needs at least "
                f"{2 * every} posts of each label; use tweetmix.train for small data")
        n_train = scan["n_posts"] - sum(n_holdout.values())
        n_jobs = (os.cpu_count() or 1) if self.n_jobs == -1 else max(1, int(self.n_jobs))
        featuriser = _Featuriser((1, 2), (3, 5), self.use_char, self.use_style)

        def chunks(stride: int = 1, train_only: bool = False) -> Iterator[tuple[list[str], Any]]:
            """Chunks of texts, with their 0/1 labels (1 = professional) and holdout flags.

            Every ``every``-th post of each label is held out; with ``train_only`` only the
            other posts come, and of those one in ``stride``."""
            seen = {label: 0 for label in _LABELS}
            texts: list[str] = []
            flags: list[tuple[int, bool]] = []
            position = 0
            for _, text, label in _clean_rows(rows()):
                if not text:
                    continue
                is_holdout = seen[label] % every == every - 1
                seen[label] += 1
                if train_only:
                    if is_holdout:
                        continue
                    position += 1
                    if (position - 1) % stride:
                        continue
                texts.append(text)
                flags.append((int(label == _LABELS[1]), is_holdout))
                if len(texts) >= self.chunk_size:
                    yield texts, np.asarray(flags, dtype=np.int8).reshape(-1, 2)
                    texts, flags = [], []
            if texts:
                yield texts, np.asarray(flags, dtype=np.int8).reshape(-1, 2)

        # vocabulary
        stride = max(1, math.ceil(n_train / self.vocabulary_sample))
        pool = _Pool(featuriser, n_jobs)
        try:
            word_terms, char_terms, sampled = self._choose_vocabulary(
                pool, (texts for texts, _ in chunks(stride, train_only=True)), stride, report)
            featuriser.use_vocabulary(word_terms, char_terms)
        finally:
            pool.close()
        if report:
            report(f"vocabulary: {len(word_terms):,} word and {len(char_terms):,} character "
                   f"n-grams from {sampled:,} sampled posts")
        n_columns = len(word_terms) + len(char_terms)
        rng = np.random.default_rng(self.random_state)
        with tempfile.TemporaryDirectory(prefix="tweetmix-ooc-", dir=self.cache_dir) as folder:
            train_cache = _Cache(pathlib.Path(folder) / "train.bin")
            holdout_cache = _Cache(pathlib.Path(folder) / "holdout.bin")
            df = np.zeros(n_columns, dtype=np.int64)
            pool = _Pool(featuriser, n_jobs)
            try:
                done, started, last_report = 0, time.perf_counter(), 0.0
                for flags, parts in pool.imap(_worker_rows, chunks()):
                    labels, held_out = flags[:, 0], flags[:, 1].astype(bool)
                    training = _take_rows(parts, ~held_out)
                    df += np.bincount(training[1], minlength=n_columns)
                    train_cache.add_chunk(*training, labels[~held_out], _PIECES_PER_CHUNK, rng)
                    holdout_cache.add_chunk(*_take_rows(parts, held_out), labels[held_out], 1,
                                            rng)
                    done += len(labels)
                    now = time.perf_counter()
                    if report and (now - last_report >= 5 or done == scan["n_posts"]):
                        last_report = now
                        report(f"features: {done:,}/{scan['n_posts']:,} posts "
                               f"({done / max(now - started, 1e-9):,.0f} posts/s)")
            finally:
                pool.close()
            idf = self._set_vectorizers(word_terms, char_terms, df, n_train)
            # TF-IDF once, so that epochs only read and learn
            matrices = _MatrixCache(pathlib.Path(folder) / "train.tfidf")
            for piece in train_cache.pieces():
                matrices.add(*_tfidf_batch([piece], idf, len(word_terms)))
            train_cache.path.unlink()
            self._learn(matrices, n_train, scan["label_counts"], rng, report)
            if report:
                report(f"calibrating on {holdout_cache.n_rows:,} held-out posts")
            scores, truth = [], []
            for batch in holdout_cache.batches(None, self.chunk_size, idf, len(word_terms)):
                X, y = batch
                scores.append(self.linear_model_.decision_function(X))
                truth.append(y)
        logits = np.concatenate(scores)
        is_professional = np.concatenate(truth).astype(bool)
        self.sigmoid_, metrics = _calibrate(logits, is_professional, self.random_state)
        self.classes_ = np.asarray(_LABELS, dtype=object)
        metrics["holdout"] = {"n": int(len(logits)), "every": every,
                              "calibration": "Platt sigmoid cross-fitted on two halves"}
        return {**scan, "n_train": n_train, "n_holdout": int(len(logits)),
                "vocabulary_sampled_posts": sampled, "metrics": metrics}

    def _choose_vocabulary(self, pool: _Pool, texts: Iterable[list[str]], stride: int,
                           report: Progress | None) -> tuple[list[str], list[str], int]:
        words: dict[str, int] = {}
        chars: dict[str, int] = {}
        sampled = 0
        last_report = time.perf_counter()
        for _, (chunk_words, chunk_chars, n_texts) in pool.imap(
                _worker_terms, ((chunk, None) for chunk in texts)):
            for table, found, limit in ((words, chunk_words, self.max_word_features),
                                        (chars, chunk_chars, self.max_char_features)):
                for gram, count in found.items():
                    table[gram] = table.get(gram, 0) + count
                if len(table) > self.max_candidates:
                    _prune(table, max(self.max_candidates // 2, limit))
            sampled += n_texts
            if report and time.perf_counter() - last_report >= 5:
                last_report = time.perf_counter()
                report(f"vocabulary: counted {sampled:,} posts "
                       f"({len(words):,} word and {len(chars):,} character candidates)")
        # min_df counts posts of the whole file; the sample holds one post in ``stride``
        word_terms = _top_terms(words, self.max_word_features, math.ceil(self.min_df / stride))
        char_terms = (_top_terms(chars, self.max_char_features,
                                 math.ceil((self.min_df + 1) / stride)) if self.use_char else [])
        if not word_terms:
            raise DataError("no word occurs in enough posts to build a vocabulary; give more "
                            "posts or lower min_df")
        return word_terms, char_terms, sampled

    def _set_vectorizers(self, word_terms: list[str], char_terms: list[str], df: Any,
                         n_train: int) -> Any:
        """Fixed-vocabulary TfidfVectorizers with the exact idf of the training posts; returns
        the idf of all columns (word then character)."""
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion

        from .features import StyleFeatures
        from .model import CharNormalizer
        from .tokenize import PostTokenizer

        idf = np.log((1.0 + n_train) / (1.0 + df)) + 1.0  # smooth_idf=True
        word = TfidfVectorizer(
            tokenizer=PostTokenizer(), token_pattern=None, lowercase=False, ngram_range=(1, 2),
            sublinear_tf=True, dtype=np.float64,
            vocabulary={term: i for i, term in enumerate(word_terms)})
        word.idf_ = idf[:len(word_terms)]
        parts: list[tuple[str, Any]] = [("word", word)]
        if self.use_char:
            char = TfidfVectorizer(
                analyzer="char_wb", preprocessor=CharNormalizer(), lowercase=False,
                ngram_range=(3, 5), sublinear_tf=True, dtype=np.float64,
                vocabulary={term: i for i, term in enumerate(char_terms)})
            char.idf_ = idf[len(word_terms):]
            parts.append(("char", char))
        if self.use_style:
            parts.append(("style", StyleFeatures().fit([])))
        self.features_ = FeatureUnion(parts)
        self.document_frequency_ = df
        return idf

    def _learn(self, cache: "_MatrixCache", n_train: int, label_counts: Mapping[str, int],
               rng: Any, report: Progress | None) -> None:
        import numpy as np
        from sklearn.linear_model import SGDClassifier

        alpha = (min(1e-4, max(1e-7, 1.0 / n_train)) if self.alpha == "auto"
                 else float(self.alpha))
        linear = SGDClassifier(loss="log_loss", alpha=alpha, average=True,
                               random_state=self.random_state)
        # balanced class weights, as the in-memory model uses ("balanced" needs all labels)
        total = sum(label_counts.values())
        weight = np.asarray([total / (2.0 * label_counts[label]) for label in _LABELS])
        classes = np.asarray([0, 1])
        for epoch in range(1, self.epochs + 1):
            started = time.perf_counter()
            for X, y in cache.batches(rng, self.chunk_size):
                linear.partial_fit(X, y, classes=classes, sample_weight=weight[y])
            if report:
                report(f"epoch {epoch}/{self.epochs} done in {time.perf_counter() - started:.1f} s")
        # the estimator learnt on 0/1; present it with the label names
        linear.classes_ = np.asarray(_LABELS, dtype=object)
        self.linear_model_ = linear
        self.alpha_ = alpha

    # -- prediction -------------------------------------------------------------------------
    def _matrix(self, X: Sequence[str]) -> Any:
        from .model import validate_texts

        if not hasattr(self, "sigmoid_"):
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("this OutOfCoreClassifier is not fitted yet; call fit or use "
                                 "tweetmix.outofcore.train_out_of_core")
        return self.features_.transform(validate_texts(X))

    def decision_function(self, X: Sequence[str]) -> Any:
        """Uncalibrated logit; positive means ``classes_[1]`` (professional)."""
        matrix = self._matrix(X)  # checks the estimator is fitted
        return self.linear_model_.decision_function(matrix)

    def predict_proba(self, X: Sequence[str]) -> Any:
        """Calibrated probabilities, columns in the order of ``classes_``."""
        import numpy as np

        logits = self.decision_function(X)
        a, b = self.sigmoid_
        professional = 1.0 / (1.0 + np.exp(a * logits + b))
        return np.column_stack([1.0 - professional, professional])

    def predict(self, X: Sequence[str]) -> Any:
        import numpy as np

        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _prune(table: dict[str, int], keep: int) -> None:
    """Keep only the ``keep`` most frequent grams (ties at the cut broken arbitrarily)."""
    import numpy as np

    if len(table) <= keep:
        return
    grams = list(table)
    counts = np.fromiter(table.values(), dtype=np.int64, count=len(grams))
    for position in np.argpartition(-counts, keep)[keep:]:
        del table[grams[position]]


def _top_terms(table: Mapping[str, int], limit: int, min_df: int) -> list[str]:
    """The ``limit`` grams with the highest counts (ties broken alphabetically), in order."""
    eligible = [(-count, gram) for gram, count in table.items() if count >= min_df]
    eligible.sort()
    return [gram for _, gram in eligible[:limit]]


def _take_rows(parts: tuple[Any, Any, Any, Any], rows: Any) -> tuple[Any, Any, Any, Any]:
    """The CSR parts ``(lengths, columns, counts, style)`` of the rows where ``rows`` is True."""
    import numpy as np

    lengths, columns, counts, style = parts
    per_count = np.repeat(rows, lengths)
    return lengths[rows], columns[per_count], counts[per_count], style[rows]


def _sublinear_table() -> Any:
    """``1 + log(count)`` for every storable count (``count == 1`` gives exactly 1)."""
    import numpy as np

    table = np.ones(_MAX_COUNT + 1)
    table[2:] = 1.0 + np.log(np.arange(2, _MAX_COUNT + 1, dtype=np.float64))
    return table


class _Cache:
    """Vocabulary counts, style rows and labels of many posts, in pieces on disk."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.offsets: list[int] = []
        self.n_rows = 0
        path.touch()

    def add_chunk(self, lengths: Any, columns: Any, counts: Any, style: Any, labels: Any,
                  pieces: int, rng: Any) -> None:
        """Append a chunk cut into ``pieces`` random pieces (so epochs can mix them)."""
        import numpy as np

        n = len(lengths)
        if not n:
            return
        assignment = rng.integers(0, pieces, size=n) if pieces > 1 else np.zeros(n, dtype=int)
        with open(self.path, "ab") as handle:
            for piece in range(pieces):
                rows = assignment == piece
                if not rows.any():
                    continue
                self.offsets.append(handle.tell())
                part_lengths, part_columns, part_counts, part_style = _take_rows(
                    (lengths, columns, counts, style), rows)
                handle.write(np.asarray([len(part_lengths), len(part_columns),
                                         style.shape[1]], dtype="<i8").tobytes())
                for array, dtype in ((part_lengths, "<i4"), (part_columns, "<i4"),
                                     (part_counts, "<u2"), (part_style, "<f4"),
                                     (labels[rows], "i1")):
                    handle.write(np.ascontiguousarray(array, dtype=dtype).tobytes())
        self.n_rows += n

    def _read(self, handle: Any, offset: int) -> list[Any]:
        """One piece: ``lengths, columns, counts, style, labels`` (see :meth:`add_chunk`)."""
        import numpy as np

        handle.seek(offset)
        n, nnz, width = np.frombuffer(handle.read(24), dtype="<i8").tolist()
        parts = []
        for dtype, size in (("<i4", n), ("<i4", nnz), ("<u2", nnz), ("<f4", n * width),
                            ("i1", n)):
            dtype = np.dtype(dtype)
            parts.append(np.frombuffer(handle.read(size * dtype.itemsize), dtype=dtype))
        parts[3] = parts[3].reshape(n, width)
        return parts

    def pieces(self) -> Iterator[list[Any]]:
        """Every piece, in file order."""
        with open(self.path, "rb") as handle:
            for offset in self.offsets:
                yield self._read(handle, offset)

    def batches(self, rng: Any, size: int, idf: Any, n_word: int) -> Iterator[tuple[Any, Any]]:
        """TF-IDF batches of about ``size`` posts: pieces in random order when ``rng`` is given,
        else in file order."""
        import numpy as np

        order = (rng.permutation(len(self.offsets)) if rng is not None
                 else np.arange(len(self.offsets)))
        with open(self.path, "rb") as handle:
            group: list[list[Any]] = []
            rows = 0
            for k in order:
                group.append(self._read(handle, self.offsets[k]))
                rows += len(group[-1][0])
                if rows >= size:
                    yield _tfidf_batch(group, idf, n_word)
                    group, rows = [], 0
            if group:
                yield _tfidf_batch(group, idf, n_word)


class _MatrixCache:
    """TF-IDF rows ready for learning (float32 values), in the same random pieces as the
    :class:`_Cache` they were computed from, so epochs transform nothing."""

    def __init__(self, path: pathlib.Path):
        self.path = path
        self.offsets: list[int] = []
        path.touch()

    def add(self, X: Any, labels: Any) -> None:
        import numpy as np

        with open(self.path, "ab") as handle:
            self.offsets.append(handle.tell())
            handle.write(np.asarray([X.shape[0], X.nnz, X.shape[1]], dtype="<i8").tobytes())
            for array, dtype in ((np.diff(X.indptr), "<i4"), (X.indices, "<i4"),
                                 (X.data, "<f4"), (labels, "i1")):
                handle.write(np.ascontiguousarray(array, dtype=dtype).tobytes())

    def batches(self, rng: Any, size: int) -> Iterator[tuple[Any, Any]]:
        """Batches of about ``size`` rows from pieces in a random order."""
        import numpy as np
        import scipy.sparse as sp

        def read(handle: Any, offset: int) -> list[Any]:
            handle.seek(offset)
            n, nnz, width = np.frombuffer(handle.read(24), dtype="<i8").tolist()
            parts: list[Any] = [width]
            for dtype, count in (("<i4", n), ("<i4", nnz), ("<f4", nnz), ("i1", n)):
                dtype = np.dtype(dtype)
                parts.append(np.frombuffer(handle.read(count * dtype.itemsize), dtype=dtype))
            return parts

        def stack(group: list[list[Any]]) -> tuple[Any, Any]:
            lengths = np.concatenate([g[1] for g in group])
            indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
            np.cumsum(lengths, out=indptr[1:])
            data = np.concatenate([g[3] for g in group]).astype(np.float64)
            X = sp.csr_matrix((data, np.concatenate([g[2] for g in group]), indptr),
                              shape=(len(lengths), group[0][0]))
            return X, np.concatenate([g[4] for g in group]).astype(np.int64)

        with open(self.path, "rb") as handle:
            group: list[list[Any]] = []
            rows = 0
            for k in rng.permutation(len(self.offsets)):
                group.append(read(handle, self.offsets[k]))
                rows += len(group[-1][1])
                if rows >= size:
                    yield stack(group)
                    group, rows = [], 0
            if group:
                yield stack(group)


def _tfidf_batch(group: list[list[Any]], idf: Any, n_word: int) -> tuple[Any, Any]:
    """Sublinear tf x idf, l2-normalised per block (word, char), plus the style columns.

    The CSR arrays are built directly (style values appended to each row by index arithmetic)
    rather than with ``scipy.sparse.hstack``: this runs once per batch and epoch.
    """
    import numpy as np
    import scipy.sparse as sp

    lengths = np.concatenate([g[0] for g in group]).astype(np.int64)
    columns = np.concatenate([g[1] for g in group])
    counts = np.concatenate([g[2] for g in group])
    style = np.concatenate([g[3] for g in group])
    labels = np.concatenate([g[4] for g in group]).astype(np.int64)
    n, width = len(lengths), style.shape[1]
    row = np.repeat(np.arange(n), lengths)
    values = _sublinear_table()[counts] * idf[columns]
    slot = row * 2 + (columns >= n_word)  # (post, block) pairs: each block is normalised alone
    squared = np.bincount(slot, weights=values * values, minlength=2 * n)
    with np.errstate(divide="ignore"):
        inverse_norm = 1.0 / np.sqrt(squared)  # infinite only for empty blocks: never gathered
    values *= inverse_norm[slot]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths + width, out=indptr[1:])
    data = np.empty(indptr[-1], dtype=np.float64)
    indices = np.empty(indptr[-1], dtype=np.int32)
    # n-gram entry j of post r moves right by the style entries of the r posts before it
    position = np.arange(len(values)) + row * width
    data[position], indices[position] = values, columns
    if width:
        style_position = (indptr[1:, None] - width + np.arange(width)).ravel()
        data[style_position] = style.ravel()
        indices[style_position] = np.tile(np.arange(len(idf), len(idf) + width, dtype=np.int32),
                                          n)
    X = sp.csr_matrix((data, indices, indptr), shape=(n, len(idf) + width))
    return X, labels  # SGDClassifier shuffles the rows of each batch itself


def _scan(rows: Callable[[], Iterator[LabelledRow]], report: Progress | None) -> dict[str, Any]:
    """Validate every row and count labels, skipped rows and the data fingerprint."""
    counts = {label: 0 for label in _LABELS}
    skipped: Counter[str] = Counter()
    skipped_examples: list[str] = []
    unknown: list[str] = []
    digest = hashlib.sha256()
    started = time.perf_counter()
    for where, text, label in _clean_rows(rows()):
        if not text:
            skipped[label] += 1
            if len(skipped_examples) < 5:
                skipped_examples.append(f"{where}: {label}")
            continue
        if label not in counts:
            unknown.append(f"{where}: {label!r}")
            if len(unknown) >= 10:
                break
            continue
        counts[label] += 1
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
        digest.update(label.encode("utf-8"))
        digest.update(b"\x1e")
    if unknown:
        raise LabelError(
            f"unknown label value(s) at {'; '.join(unknown)}"
            f"{' (stopped at the first 10)' if len(unknown) >= 10 else ''}; labels must be "
            f"one of {list(_LABELS)}. Fix or remove those rows."
        )
    n_posts = sum(counts.values())
    if n_posts == 0:
        raise DataError("no usable posts: every row has empty text or a missing label"
                        + (f" (e.g. {skipped_examples[0]})" if skipped_examples else ""))
    missing = [label for label, n in counts.items() if n == 0]
    if missing:
        raise LabelError(f"all {n_posts} posts are labelled "
                         f"{[k for k in counts if counts[k]][0]!r}; training needs examples of "
                         f"both {_LABELS[0]!r} and {_LABELS[1]!r}")
    if report:
        skipped_note = (f"; skipped {sum(skipped.values()):,} row(s) "
                        f"({', '.join(f'{n} {why}' for why, n in skipped.items())}; first: "
                        f"{skipped_examples[0]})" if skipped else "")
        report(f"scanned {n_posts:,} posts ({counts[_LABELS[0]]:,} personal, "
               f"{counts[_LABELS[1]]:,} professional) in {time.perf_counter() - started:.1f} s"
               f"{skipped_note}")
    return {"n_posts": n_posts, "label_counts": counts,
            "skipped": {"n": sum(skipped.values()), "reasons": dict(skipped),
                        "examples": skipped_examples},
            "sha256": digest.hexdigest()}


def _calibrate(logits: Any, is_professional: Any, seed: int) -> tuple[tuple[float, float],
                                                                       dict[str, Any]]:
    """Platt sigmoid on all held-out scores; metrics with the sigmoid cross-fitted on halves."""
    import numpy as np

    from .evaluate import binary_metrics

    def fit(x: Any, y: Any) -> tuple[float, float]:
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=1e6, max_iter=1000).fit(x.reshape(-1, 1), y.astype(int))
        # P(professional) = 1 / (1 + exp(-(w x + c)))  ->  a = -w, b = -c
        return -float(model.coef_[0, 0]), -float(model.intercept_[0])

    rng = np.random.default_rng(seed)
    half = rng.permutation(len(logits)) % 2 == 0
    p_personal = np.empty(len(logits))
    for part in (half, ~half):
        if len(set(is_professional[~part].tolist())) < 2:
            a, b = fit(logits, is_professional)
        else:
            a, b = fit(logits[~part], is_professional[~part])
        p_personal[part] = 1.0 - 1.0 / (1.0 + np.exp(a * logits[part] + b))
    metrics = binary_metrics(~is_professional, p_personal)
    return fit(logits, is_professional), metrics


# -- public entry point -----------------------------------------------------------------------

def train_out_of_core(
    path_or_iterable: Any,
    *,
    text_col: str = "text",
    label_col: str = "label",
    chunk_size: int = 10_000,
    max_word_features: int = 30_000,
    max_char_features: int = 50_000,
    epochs: int = 5,
    holdout: float = 0.1,
    name: str = "custom",
    progress: bool | Progress = True,
    random_state: int = 0,
    encoding: str = "utf-8-sig",
    policy: Any = None,
    **params: Any,
) -> "TweetmixModel":
    """Train a personal-vs-professional model on a file too big for memory.

    Parameters
    ----------
    path_or_iterable : path, list or callable
        A ``.csv`` or ``.jsonl`` file (optionally gzipped: ``.csv.gz``), or a re-readable
        collection of ``(text, label)`` pairs or mappings (see :func:`read_labelled_rows`).
    text_col, label_col : str
        Column (CSV) or field (JSONL) names.
    chunk_size : int
        Posts in memory at once, while featurising and while learning.
    max_word_features, max_char_features : int
        Vocabulary sizes; they bound the model's size and the memory used.
    epochs : int
        Passes of SGD over the training posts.
    holdout : float
        Fraction of each label held out for calibration and the manifest's metrics.
    name : str
        Recorded in the manifest and in every result.
    progress : bool or callable
        ``True`` prints stages to stderr; a callable receives each message.
    random_state : int
        Seeds shuffling and SGD: the same file gives the same model.
    encoding : str
        Text encoding of the file.
    policy : Policy, optional
        Defaults stored with the model.
    **params
        More :class:`OutOfCoreClassifier` parameters (``max_candidates``,
        ``vocabulary_sample``, ``min_df``, ``alpha``, ``n_jobs``, ``cache_dir``, ...).

    Returns
    -------
    TweetmixModel
        With the same runtime section and manifest layout as :func:`tweetmix.train`; its
        metrics are measured on the holdout (``metrics["holdout"]``), not cross-validated.

    Rows with empty text or a missing label are skipped and counted (``manifest
    ["training_data"]["skipped"]``); an unknown label raises :class:`LabelError` naming the
    file and line. Duplicate posts are not removed (that would need memory for every post).
    """
    from .persistence import environment_versions
    from .policy import Policy
    from .runtime import RuntimeModel
    from .trained import TweetmixModel

    report: Progress | None = _stderr_progress if progress is True else (progress or None)
    started = time.perf_counter()
    rows = read_labelled_rows(path_or_iterable, text_col=text_col, label_col=label_col,
                              encoding=encoding)
    estimator = OutOfCoreClassifier(
        chunk_size=chunk_size, max_word_features=max_word_features,
        max_char_features=max_char_features, epochs=epochs, holdout=holdout,
        random_state=random_state, **params)
    summary = estimator._fit_stream(rows, report)
    runtime = RuntimeModel.from_classifier(estimator)
    manifest = {
        "name": name,
        "labels": list(_LABELS),
        "policy": (policy or Policy()).to_dict(),
        "params": {"trainer": "out-of-core", **estimator.get_params(),
                   "alpha_used": estimator.alpha_},
        "training_data": {
            "n_posts": summary["n_posts"],
            "label_counts": summary["label_counts"],
            "n_groups": None,
            "sha256": summary["sha256"],
            "source": (str(path_or_iterable) if isinstance(path_or_iterable, (str, os.PathLike))
                       else "in memory"),
            "n_train": summary["n_train"],
            "n_holdout": summary["n_holdout"],
            "skipped": summary["skipped"],
            "vocabulary_sampled_posts": summary["vocabulary_sampled_posts"],
        },
        "metrics": summary["metrics"],
        "categories": {},
        "versions": environment_versions(),
        "training_seconds": round(time.perf_counter() - started, 2),
    }
    if report:
        report(f"done in {manifest['training_seconds']} s")
    return TweetmixModel(runtime, manifest, estimator)
