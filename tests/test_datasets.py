"""Datasets: CSV loading reports every problem with file, line and column; the public-dataset
readers share one label mapping; fetch_* download, verify, cache and then work offline."""
from __future__ import annotations

import hashlib
import json

import pytest

from tweetmix.datasets import (
    CATEGORIES, MINT_FILE, TWEETTOPIC_FILES, ChecksumError, DownloadError, _tweettopic_kind,
    fetch_mint, fetch_tweeteval, fetch_tweettopic, get_data_home, load_csv, load_mint,
    load_starter, load_tweettopic,
)
from tweetmix.exceptions import DataError, LabelError

from .conftest import SHARED_DATA


def write(tmp_path, content: bytes, name="posts.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_reads_texts_labels_groups_and_lines(tmp_path):
    path = write(tmp_path, b"text,label,who\nmy cat,Personal,a\n\"we hire, now\",professional,b\n")
    data = load_csv(path, group_col="who")
    assert data["texts"] == ["my cat", "we hire, now"]
    assert data["labels"] == ["personal", "professional"]
    assert data["groups"] == ["a", "b"] and data["lines"] == [2, 3]


def test_wrong_encoding_names_the_line(tmp_path):
    path = write(tmp_path, "text,label\nok,personal\ncaf\xe9,personal\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"line 3: bytes that are not valid utf-8-sig"):
        load_csv(path)
    assert load_csv(path, encoding="latin-1")["texts"][1] == "café"


def test_missing_column_lists_the_columns_and_suggests(tmp_path):
    path = write(tmp_path, b"txt,label\nhello,personal\n")
    with pytest.raises(DataError, match=r"columns are \['txt', 'label'\]. Did you mean 'txt'"):
        load_csv(path)


def test_empty_text_and_unknown_labels_name_their_lines(tmp_path):
    path = write(tmp_path, b"text,label\nfine,personal\n,personal\nhi,work\nyo,\n")
    with pytest.raises(DataError) as info:
        load_csv(path)
    message = str(info.value)
    assert "line 3: column 'text' is empty" in message
    assert "line 4: column 'label' is 'work'" in message and "line 5" in message


def test_only_unknown_labels_is_a_label_error(tmp_path):
    path = write(tmp_path, b"text,label\nfine,personal\nhi,work\n")
    with pytest.raises(LabelError):
        load_csv(path)


@pytest.mark.parametrize("content, message", [
    (b"", "no header row"),
    (b"text,label\n", "no rows"),
])
def test_empty_files(tmp_path, content, message):
    with pytest.raises(DataError, match=message):
        load_csv(write(tmp_path, content))


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        load_csv(tmp_path / "nope.csv")


def test_load_starter_bunch_and_frame():
    bunch = load_starter(as_frame=True)
    assert len(bunch.data) == len(bunch.target) == len(bunch.groups) == len(bunch.frame)
    assert set(bunch.target) == {"personal", "professional"}
    assert all(set(c) <= set(CATEGORIES) for c in bunch.categories)
    assert "Datasheet" in bunch.DESCR or "starter" in bunch.DESCR
    X, y = load_starter(return_X_y=True, split="test")
    assert 0 < len(X) < len(bunch.data) and len(X) == len(y)


# --- Public datasets: readers, label mapping and the fetch_* download cache -----------------

needs_shared = pytest.mark.skipif(not SHARED_DATA.is_dir(),
                                  reason="../shared/data is not on this machine")


@pytest.mark.parametrize("topics, kind", [
    (["family"], "personal"),
    (["diaries_&_daily_life", "music"], "personal"),
    (["science_&_technology", "gaming"], "professional"),
    (["relationships", "business_&_entrepreneurs"], None),  # both sides: left out
    (["sports", "music"], None),                           # neither side: left out
    ([], None),
])
def test_tweettopic_mapping(topics, kind):
    assert _tweettopic_kind(topics) == kind


def test_load_tweettopic_reads_the_mapping_and_names_bad_lines(tmp_path):
    topic_columns = {t: 0 for t in ("diaries_&_daily_life", "family", "relationships",
                                    "fitness_&_health", "business_&_entrepreneurs",
                                    "science_&_technology", "learning_&_educational",
                                    "news_&_social_concern", "music")}
    rows = [dict(topic_columns, id=1, text="made soup for my gran", family=1),
            dict(topic_columns, id=2, text="our API now has rate limits",
                 **{"science_&_technology": 1}),
            dict(topic_columns, id=3, text="new single out friday", music=1)]
    path = tmp_path / "topics.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert load_tweettopic(path) == (["made soup for my gran", "our API now has rate limits"],
                                     ["personal", "professional"])
    path.write_text(json.dumps(rows[0]) + "\n{\"text\": \"no topics\"}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"topics.jsonl, line 2: not a TweetTopic row"):
        load_tweettopic(path)


def test_load_mint_names_a_bad_score(tmp_path):
    path = write(tmp_path, b"text,label,language\nfine,2.5,English\nodd,high,English\n")
    with pytest.raises(DataError, match=r"line 3: column 'label' is 'high'"):
        load_mint(path)
    path = write(tmp_path, b"text,label,language\nfine,2.5,English\nhola,3,Spanish\n")
    assert load_mint(path) == (["fine"], [2.5])


def test_data_home_comes_from_argument_then_env_then_user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TWEETMIX_DATA", str(tmp_path / "from_env"))
    assert get_data_home(tmp_path / "explicit") == tmp_path / "explicit"
    assert get_data_home() == tmp_path / "from_env"
    monkeypatch.delenv("TWEETMIX_DATA")
    default = get_data_home()
    assert default.name == "tweetmix" and default != tmp_path / "from_env"


def test_unreachable_source_names_the_url_and_where_to_put_the_file(tmp_path):
    home, mirror = tmp_path / "cache", tmp_path / "empty_mirror"
    mirror.mkdir()
    with pytest.raises(DownloadError) as info:
        fetch_mint(data_home=home, base_url=mirror.as_uri())
    message = str(info.value)
    assert f"{mirror.as_uri()}/mint_intimacy/train.csv" in message
    assert str(home / "mint_intimacy" / "train.csv") in message and MINT_FILE.sha256 in message
    assert isinstance(info.value, OSError)
    assert not [p for p in home.rglob("*") if p.is_file()]  # no partial download left behind


def test_offline_without_a_cached_copy_names_the_upstream_url(tmp_path, monkeypatch):
    monkeypatch.delenv("TWEETMIX_DATA_URL", raising=False)
    with pytest.raises(DownloadError, match="download_if_missing=False") as info:
        fetch_tweettopic(data_home=tmp_path, download_if_missing=False)
    assert TWEETTOPIC_FILES["all"].url in str(info.value)
    assert TWEETTOPIC_FILES["all"].url.startswith("https://github.com/anon7331/tweet_topicXL/")
    assert not (tmp_path / "tweettopic_xl_en").exists()


def test_download_with_the_wrong_checksum_keeps_nothing(tmp_path):
    mirror = tmp_path / "mirror"
    (mirror / "mint_intimacy").mkdir(parents=True)
    (mirror / "mint_intimacy" / "train.csv").write_bytes(b"text,label,language\nx,1,English\n")
    home = tmp_path / "cache"
    with pytest.raises(ChecksumError, match=MINT_FILE.sha256) as info:
        fetch_mint(data_home=home, base_url=str(mirror))  # a plain folder path works too
    wrong = hashlib.sha256(b"text,label,language\nx,1,English\n").hexdigest()
    assert wrong in str(info.value) and isinstance(info.value, ValueError)
    assert not [p for p in home.rglob("*") if p.is_file()]


@pytest.mark.parametrize("call", [
    lambda: fetch_tweettopic(subset="dev"),
    lambda: fetch_tweeteval(tasks=("irony",)),
])
def test_unknown_subset_or_task_lists_the_choices(call):
    with pytest.raises(ValueError, match="must be one of"):
        call()


@needs_shared
def test_fetch_tweettopic_downloads_verifies_then_works_offline(tmp_path):
    home = tmp_path / "cache"
    bunch = fetch_tweettopic(data_home=home, base_url=SHARED_DATA.as_uri(), as_frame=True)
    source = SHARED_DATA / "tweettopic_xl_en" / "en_1000.jsonl"
    cached = home / "tweettopic_xl_en" / "en_1000.jsonl"
    assert cached.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in cached.parent.iterdir()) == ["en_1000.jsonl"]  # no temp file
    texts, kinds = load_tweettopic(source)  # the local loader: one mapping for both
    assert (bunch.data, bunch.target) == (texts, kinds)
    assert list(bunch.frame["kind"]) == kinds and "TweetTopicXL" in bunch.DESCR
    assert {"personal", "professional"} == set(kinds)
    nowhere = (tmp_path / "no_such_mirror").as_uri()
    offline = fetch_tweettopic(data_home=home, download_if_missing=False, base_url=nowhere,
                               return_X_y=True)
    assert offline == (texts, kinds)
    test = fetch_tweettopic(subset="test", data_home=home, base_url=SHARED_DATA.as_uri())
    assert 0 < len(test.data) < len(texts) and set(test.ids) <= set(bunch.ids)


@needs_shared
def test_corrupted_cache_is_reported_and_removed(tmp_path):
    fetch_mint(data_home=tmp_path, base_url=SHARED_DATA.as_uri())
    cached = tmp_path / "mint_intimacy" / "train.csv"
    cached.write_bytes(cached.read_bytes()[:-20])  # truncated
    damaged = hashlib.sha256(cached.read_bytes()).hexdigest()
    with pytest.raises(ChecksumError) as info:
        fetch_mint(data_home=tmp_path, download_if_missing=False)
    assert MINT_FILE.sha256 in str(info.value) and damaged in str(info.value)
    assert not cached.exists()
    again = fetch_mint(data_home=tmp_path, base_url=SHARED_DATA.as_uri(), return_X_y=True)
    assert again == load_mint(SHARED_DATA / "mint_intimacy" / "train.csv")


@needs_shared
def test_environment_picks_cache_folder_and_mirror(tmp_path, monkeypatch):
    monkeypatch.setenv("TWEETMIX_DATA", str(tmp_path / "env_cache"))
    monkeypatch.setenv("TWEETMIX_DATA_URL", SHARED_DATA.as_uri())
    bunch = fetch_mint(language=None, as_frame=True)
    assert (tmp_path / "env_cache" / "mint_intimacy" / "train.csv").is_file()
    english = [t for t, lang in zip(bunch.data, bunch.language) if lang == "English"]
    assert english == load_mint(SHARED_DATA / "mint_intimacy" / "train.csv")[0]
    assert len(set(bunch.language)) > 1 and len(bunch.frame) == len(bunch.data)


@needs_shared
def test_fetch_tweeteval_is_the_pool_of_ordinary_tweets(tmp_path):
    bunch = fetch_tweeteval(data_home=tmp_path, base_url=SHARED_DATA.as_uri(), as_frame=True)
    pool = [line for path in sorted((SHARED_DATA / "tweeteval").glob("*/*_text.txt"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert bunch.data == pool
    assert set(bunch.task) == {"emotion", "sentiment"}
    emotion = [label for label, task in zip(bunch.target, bunch.task) if task == "emotion"]
    assert set(emotion) == {"anger", "joy", "optimism", "sadness"}
    assert list(bunch.frame.columns) == ["text", "label", "task", "split"]
    only_emotion = fetch_tweeteval(tasks="emotion", data_home=tmp_path, download_if_missing=False,
                                   return_X_y=True)
    assert only_emotion[1] == emotion


def test_load_csv_reads_categories_and_names_unknown_ones(tmp_path):
    from tweetmix.datasets import load_csv
    from tweetmix.exceptions import LabelError

    good = tmp_path / "good.csv"
    good.write_text("text,label,cats\nhi,personal,health; family\nyo,professional,\n")
    data = load_csv(good, categories_col="cats")
    assert data["categories"] == [["health", "family"], []]
    assert load_csv(good)["categories"] is None
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label,cats\nhi,personal,healht\n")
    with pytest.raises(LabelError, match=r"line 2: column 'cats' has unknown categor\(ies\) "
                                         r"\['healht'\]"):
        load_csv(bad, categories_col="cats")
