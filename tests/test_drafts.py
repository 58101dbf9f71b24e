"""Reading drafted posts from files: the right posts, on the right lines, nothing dropped."""
from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetmix.drafts import read_drafts


def drafts(tmp_path, name, content, **kwargs):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return [(d.line, d.text, d.error) for d in read_drafts(path, **kwargs)]


@pytest.mark.parametrize("name, content, expected", [
    ("a.txt", "one\n\n  \ntwo\r\nthree", [(1, "one"), (4, "two"), (5, "three")]),
    ("a.md", "para one\nstill one\n\n\npara two\n", [(1, "para one\nstill one"), (5, "para two")]),
    ("a.md", "# Title\n## Sub\n#tbt to 2019\n", [(3, "#tbt to 2019")]),
    ("a.md", "---\ntitle: x\n---\nfirst post\n", [(4, "first post")]),
    ("a.md", "post\n```\ncode here\n\nmore code\n```\nafter\n", [(1, "post"), (7, "after")]),
    ("a.md", "<!-- draft\nnotes -->\nreal post\n***\nnext\n", [(3, "real post"), (5, "next")]),
    ("a.markdown", "x\n", [(1, "x")]),
    ("a.csv", 'id,text\n1,hello\n2,"two\nlines"\n3,bye\n', [(2, "hello"), (3, "two\nlines"),
                                                         (5, "bye")]),
    ("a.jsonl", '"plain string"\n\n{"text": "an object", "id": 3}\n',
     [(1, "plain string"), (3, "an object")]),
])
def test_posts_and_lines(tmp_path, name, content, expected):
    assert [(line, text) for line, text, _ in drafts(tmp_path, name, content)] == expected


def test_text_column_is_configurable(tmp_path):
    got = drafts(tmp_path, "a.csv", "body,who\nhi there,me\n", text_col="body")
    assert got == [(2, "hi there", None)]
    got = drafts(tmp_path, "a.jsonl", '{"body": "x"}\n', text_col="body")
    assert got == [(1, "x", None)]


@pytest.mark.parametrize("name, content, line, message", [
    ("a.csv", "id,body\n1,x\n", 1, "no column 'text' (columns: ['id', 'body'])"),
    ("a.csv", "", None, "is empty"),
    ("a.csv", "text,id\n", None, None),
    ("a.csv", "id,text\n1\n", 2, "the row has 1 fields"),
    ("a.jsonl", '{"body": "x"}\n', 1, "no 'text' field (fields: ['body'])"),
    ("a.jsonl", "{not json\n", 1, "not valid JSON"),
    ("a.jsonl", "[1, 2]\n", 1, "is a list, not text"),
    ("a.txt", b"fine\nbad \xff byte\nfine too\n", 2, "not valid UTF-8 (byte 0xff at column 5)"),
    ("a.docx", "x", None, "unsupported file type '.docx'"),
])
def test_problems_are_reported_in_place(tmp_path, name, content, line, message):
    got = drafts(tmp_path, name, content)
    errors = [(ln, err) for ln, _, err in got if err]
    if message is None:
        assert got == []
        return
    assert len(errors) == 1
    assert errors[0][0] == line and message in errors[0][1] and str(tmp_path) in errors[0][1]


def test_a_bad_line_does_not_hide_the_others(tmp_path):
    got = drafts(tmp_path, "a.txt", b"fine\nbad \xff byte\nfine too\n")
    assert [(ln, text) for ln, text, err in got if not err] == [(1, "fine"), (3, "fine too")]


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in list(read_drafts(tmp_path / "nope.txt"))[0].error
    (tmp_path / "dir.md").mkdir()
    assert "is a folder" in list(read_drafts(tmp_path / "dir.md"))[0].error


def test_byte_order_mark_is_not_part_of_the_first_post(tmp_path):
    assert drafts(tmp_path, "a.txt", "\ufeffhello\n") == [(1, "hello", None)]


def test_gzip_is_not_a_draft_format(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"x"))
    assert "unsupported file type '.gz'" in list(read_drafts(path))[0].error


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
                        min_size=1).filter(lambda s: s.strip()), min_size=1, max_size=8))
def test_txt_gives_back_every_nonblank_line(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("h") / "p.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = list(read_drafts(path))
    assert [d.text for d in got] == lines
    assert [d.line for d in got] == list(range(1, len(lines) + 1))
