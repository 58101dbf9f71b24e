"""pandas and Dask scoring (tweetmix.frames): same answers as tweetmix.check, row by row."""
from __future__ import annotations

import math
import time

import pytest

from tweetmix.exceptions import DataError

from .conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS

pd = pytest.importorskip("pandas")

from tweetmix.frames import SCORE_COLUMNS, score_frame  # noqa: E402 (after importorskip)

POSTS = PERSONAL_POSTS + PROFESSIONAL_POSTS


def frame():
    texts = POSTS + ["", None, float("nan"), "x" * 10_001, 42]
    return pd.DataFrame({"id": range(len(texts)), "text": texts},
                        index=[f"r{i}" for i in range(len(texts))])


def test_score_frame_equals_check_row_by_row():
    import tweetmix

    df = frame()
    scored = score_frame(df, chunk_size=4)
    expected = tweetmix.check(df["text"].tolist())
    assert list(scored.columns) == ["id", "text", *SCORE_COLUMNS]
    assert list(scored.index) == list(df.index)
    for (label, row), result in zip(scored.iterrows(), expected):
        assert row["verdict"] == result.verdict
        assert row["label"] == result.label
        assert row["categories"] == list(result.categories)
        if result.p_personal is None:
            assert math.isnan(row["p_personal"])
            assert row["error"].startswith(f"row {label!r}: the post")
        else:
            assert row["p_personal"] == result.p_personal and row["error"] is None
    assert "text" in df.columns and "verdict" not in df.columns  # the input is not modified


def test_score_frame_treats_pandas_missing_values_as_missing():
    df = pd.DataFrame({"text": pd.array(["so hungover", pd.NA], dtype="string")})
    scored = score_frame(df)
    assert scored["verdict"].tolist()[1] == "error"
    assert "missing" in scored["error"].tolist()[1]


def test_score_frame_policy_overrides_change_verdicts():
    df = pd.DataFrame({"text": PERSONAL_POSTS})
    low = score_frame(df, threshold=0.0, warn_categories=())
    high = score_frame(df, threshold=1.0, warn_categories=())
    assert set(low["verdict"]) == {"notice"} and set(high["verdict"]) == {"ok"}


def test_score_frame_missing_column_names_the_real_ones():
    with pytest.raises(DataError, match=r"no column 'body' \(columns: \['id', 'text'\]\)"):
        score_frame(frame(), "body")


@pytest.mark.filterwarnings("ignore:Sending large graph:UserWarning")  # the in-memory model
def test_score_dask_on_a_local_cluster_matches_pandas(tmp_path):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import tweetmix
    from tweetmix.frames import cached_model_count, score_dask
    from tweetmix.trained import TweetmixModel

    # Dask sorts a partitioned index, and stores object columns as strings (42 -> "42")
    df = frame().reset_index(drop=True).iloc[:-1]
    expected = score_frame(df)[list(SCORE_COLUMNS)]
    ddf = dd.from_pandas(df, npartitions=5)
    lazy = score_dask(ddf)
    assert list(lazy.columns) == ["id", "text", *SCORE_COLUMNS]
    assert str(lazy.dtypes["p_personal"]) == "float64"
    base = tweetmix.default_model()
    in_memory = TweetmixModel(base.runtime, base.manifest)  # no file behind it
    started = time.perf_counter()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        print(f"cluster up in {time.perf_counter() - started:.1f} s")
        by_path = lazy.compute()
        loads = client.run(cached_model_count)
        by_value = score_dask(ddf, model=in_memory).compute()
        print(f"computed in {time.perf_counter() - started:.1f} s")
    print(f"closed in {time.perf_counter() - started:.1f} s")
    for result in (by_path, by_value):
        pd.testing.assert_frame_equal(result[list(SCORE_COLUMNS)], expected)
    # five partitions on two workers, but each worker process loaded the model at most once
    assert sorted(loads.values()) in ([0, 1], [1, 1])


def test_score_dask_without_dask_says_how_to_install(monkeypatch):
    import builtins

    from tweetmix.frames import score_dask

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "dask" or name.startswith("dask."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ImportError, match=r"tweetmix\[dask\]"):
        score_dask(object())
