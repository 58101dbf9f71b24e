"""CSV loading: every problem is reported with file, line and column."""
from __future__ import annotations

import pytest

from tweetmix.datasets import CATEGORIES, load_csv, load_starter
from tweetmix.exceptions import DataError, LabelError


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
