"""Score pandas and Dask DataFrames: the same columns as ``tweetmix score`` writes.

:func:`score_frame` adds ``p_personal``, ``label``, ``verdict``, ``categories`` and ``error`` to a
pandas DataFrame, checking the posts a chunk at a time so the intermediate results never exceed
one chunk. :func:`score_dask` does the same to every partition of a Dask DataFrame, on a cluster.
pandas (and Dask, the ``tweetmix[dask]`` extra) are imported only when these functions run, so
the check path never pays for them.

>>> import pandas as pd
>>> df = pd.DataFrame({"text": ["We are hiring two data engineers in Leeds", ""]})
>>> score_frame(df)[["verdict", "error"]].assign(error=lambda d: d.error.notna())
  verdict  error
0      ok  False
1   error   True
"""
from __future__ import annotations

import os
import re
import threading
from typing import Any

from .exceptions import DataError

__all__ = ["score_frame", "score_dask", "SCORE_COLUMNS", "cached_model_count"]

#: Columns added by :func:`score_frame` and :func:`score_dask`, in order.
SCORE_COLUMNS = ("p_personal", "label", "verdict", "categories", "error")

# Models loaded by Dask workers, per worker process, keyed by file (path, size, mtime).
_MODEL_CACHE: dict[tuple[str, int, int], Any] = {}
_CACHE_LOCK = threading.Lock()


_POST_INDEX = re.compile(r"^post \d+")


def _columns_of(results: list[Any], labels: list[Any]) -> dict[str, list[Any]]:
    nan = float("nan")
    return {
        "p_personal": [nan if r.p_personal is None else r.p_personal for r in results],
        "label": [r.label for r in results],
        "verdict": [r.verdict for r in results],
        "categories": [list(r.categories) for r in results],
        # "post 3 is empty" counts from the chunk; say which row of the frame it is instead
        "error": [None if r.error is None else _POST_INDEX.sub(f"row {label!r}: the post", r.error)
                  for r, label in zip(results, labels)],
    }


def _missing_as_none(values: list[Any]) -> list[Any]:
    """pandas marks missing text as NaN, None or ``pd.NA``; tweetmix reports all as missing."""
    import pandas as pd

    return [v if isinstance(v, str) or not pd.api.types.is_scalar(v) or not pd.isna(v) else None
            for v in values]


def score_frame(df: Any, text_col: str = "text", *, model: Any = None, policy: Any = None,
                chunk_size: int = 10_000, progress: bool = False, **overrides: Any) -> Any:
    """A copy of ``df`` with ``p_personal``, ``label``, ``verdict``, ``categories``, ``error``.

    Parameters
    ----------
    df : pandas.DataFrame
        Its index is kept; ``df`` itself is not modified.
    text_col : str
        The column holding the posts.
    model, policy :
        A model or model path (default model if omitted); a :class:`~tweetmix.policy.Policy`
        (the model's default if omitted). Keyword ``overrides`` (``threshold=0.7``) adjust it.
    chunk_size : int
        Posts checked at a time; bounds the intermediate :class:`~tweetmix.result.CheckResult`
        objects, which are much bigger than the columns kept.
    progress : bool
        Show a tqdm progress bar over the rows.

    Returns
    -------
    pandas.DataFrame
        Rows that could not be checked (empty, missing, too long) get ``verdict="error"``,
        ``p_personal`` NaN and the reason in ``error``; none is dropped.
    """
    import pandas as pd

    from .api import _resolve

    if text_col not in df.columns:
        raise DataError(f"the DataFrame has no column {text_col!r} (columns: "
                        f"{list(df.columns)}); pass text_col= to name the column of posts")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size!r}")
    loaded = _resolve(model)
    policy = (policy or loaded.default_policy).with_overrides(**overrides)
    texts = df[text_col]
    collected: dict[str, list[Any]] = {name: [] for name in SCORE_COLUMNS}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(df), unit="posts", desc="scoring")
    try:
        for start in range(0, len(df), chunk_size):
            part = texts.iloc[start:start + chunk_size]
            results = loaded.check(_missing_as_none(part.tolist()), policy=policy)
            for name, values in _columns_of(results, part.index.tolist()).items():
                collected[name].extend(values)
            if bar is not None:
                bar.update(len(part))
    finally:
        if bar is not None:
            bar.close()
    scored = {
        "p_personal": pd.Series(collected["p_personal"], index=df.index, dtype="float64"),
        **{name: pd.Series(collected[name], index=df.index, dtype="object")
           for name in SCORE_COLUMNS[1:]},
    }
    return df.assign(**scored)


def _cached_model(path: str) -> Any:
    """The model in ``path``, loaded once per process (a Dask worker runs many partitions)."""
    from .api import load

    stat = os.stat(path)
    key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns)
    with _CACHE_LOCK:
        model = _MODEL_CACHE.get(key)
        if model is None:
            model = _MODEL_CACHE[key] = load(path, estimator=False)
        return model


def cached_model_count() -> int:
    """How many models this process has loaded for :func:`score_dask` (for tests, monitoring)."""
    return len(_MODEL_CACHE)


def _score_partition(part: Any, text_col: str, model: Any, policy: Any) -> Any:
    if isinstance(model, str):
        model = _cached_model(model)
    return score_frame(part, text_col, model=model, policy=policy, chunk_size=len(part) or 1)


def _meta(meta: Any) -> Any:
    import pandas as pd

    return meta.assign(
        p_personal=pd.Series([], dtype="float64", index=meta.index[:0]),
        **{name: pd.Series([], dtype="object", index=meta.index[:0])
           for name in SCORE_COLUMNS[1:]})


def score_dask(ddf: Any, text_col: str = "text", *, model: Any = None, policy: Any = None,
               **overrides: Any) -> Any:
    """Lazily score every partition of a Dask DataFrame; the columns of :func:`score_frame`.

    How the model reaches the workers: when it lives in a file (the bundled default, or a path
    you pass, or a model loaded from one), only the *path* goes into the task graph and each
    worker process loads the model once into a module-level cache, then reuses it for every
    partition it runs. A model is a few MB of vocabulary; put into the graph it would be
    serialised with the graph and shipped by the scheduler, while loading it from disk (only
    the JSON runtime section, a fraction of a second) is cheap. The path must be readable on
    every worker (the default model ships inside the package, so it always is). A model that
    exists only in memory is wrapped in one :func:`dask.delayed` value instead: the graph holds
    it once, under one key, and each worker fetches it once, not once per partition (Dask
    warns that the graph is large; save the model to a shared path to avoid that).

    Requires the ``tweetmix[dask]`` extra. Call ``.compute()`` (or ``.to_parquet``…) on the
    result; nothing runs before that.
    """
    try:
        import dask
        import dask.dataframe  # fails without the dataframe extra
    except ImportError as exc:
        raise ImportError(f"score_dask needs Dask ({exc}); install it with "
                          "pip install 'tweetmix[dask]'") from None
    from .api import _resolve
    from .trained import TweetmixModel

    if text_col not in ddf.columns:
        raise DataError(f"the DataFrame has no column {text_col!r} (columns: "
                        f"{list(ddf.columns)}); pass text_col= to name the column of posts")
    if isinstance(model, (str, os.PathLike)):
        reference: Any = os.path.abspath(os.fspath(model))
        loaded = _cached_model(reference)
    else:
        loaded = _resolve(model)
        source = loaded.source if isinstance(loaded, TweetmixModel) else ""
        if source and os.path.isfile(source):
            reference = os.path.abspath(source)
        else:
            reference = dask.delayed(loaded, pure=True)
    policy = (policy or loaded.default_policy).with_overrides(**overrides)
    return ddf.map_partitions(_score_partition, text_col, reference, policy,
                              meta=_meta(ddf._meta))
