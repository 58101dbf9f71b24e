"""The starter corpus is code: its schema, balance, floors and datasheet are tested."""
from __future__ import annotations

import collections
import csv
import re

import numpy as np
import pytest

from tweetmix.datasets import CATEGORIES, starter_path

COLUMNS = ["id", "text", "kind", "categories", "persona", "split", "note"]


@pytest.fixture(scope="module")
def rows():
    with open(starter_path(), encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


def counts_table(rows) -> str:
    """The composition table the datasheet must contain, computed from the file."""
    kinds = collections.Counter(r["kind"] for r in rows)
    splits = collections.Counter(r["split"] for r in rows)
    cats = collections.Counter(c for r in rows for c in r["categories"].split(";") if c)
    lengths = [len(r["text"]) for r in rows]
    lines = [
        "| measure | count |", "|---|---|",
        f"| posts | {len(rows):,} |",
        f"| personal | {kinds['personal']:,} |",
        f"| professional | {kinds['professional']:,} |",
        f"| train split | {splits['train']:,} |",
        f"| test split | {splits['test']:,} |",
        f"| personas | {len({r['persona'] for r in rows})} |",
        f"| posts with at least one category | {sum(1 for r in rows if r['categories']):,} |",
        f"| hard cases (with a note) | {sum(1 for r in rows if r['note'].strip()):,} |",
        f"| shorter than 80 characters | {sum(n < 80 for n in lengths):,} |",
        f"| shorter than 140 characters | {sum(n < 140 for n in lengths):,} |",
        f"| median length (characters) | {int(np.median(lengths))} |",
    ]
    lines += [f"| category `{c}` | {cats[c]:,} |" for c in CATEGORIES]
    return "\n".join(lines)


def test_schema_and_labels(rows):
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    for r in rows:
        assert r["text"].strip(), r["id"]
        assert r["kind"] in {"personal", "professional"}, r["id"]
        assert r["split"] in {"train", "test"}, r["id"]
        assert r["persona"], r["id"]
        cats = [c for c in r["categories"].split(";") if c]
        assert set(cats) <= set(CATEGORIES) and len(cats) == len(set(cats)), r["id"]


def test_lengths(rows):
    lengths = np.array([len(r["text"]) for r in rows])
    assert lengths.max() <= 280
    assert (lengths < 140).mean() > 0.8


def test_floors(rows):
    assert len(rows) >= 6000
    assert len({r["persona"] for r in rows}) >= 60
    assert sum(1 for r in rows if r["categories"]) >= 1800
    assert sum(1 for r in rows if r["note"].strip()) >= 800
    cats = collections.Counter(c for r in rows for c in r["categories"].split(";") if c)
    assert min(cats[c] for c in CATEGORIES) >= 150, cats
    share_personal = sum(r["kind"] == "personal" for r in rows) / len(rows)
    assert 0.4 <= share_personal <= 0.6
    assert sum(1 for r in rows if r["kind"] == "personal" and not r["categories"]) >= 1000


def test_personas_never_cross_splits(rows):
    splits = collections.defaultdict(set)
    for r in rows:
        splits[r["persona"]].add(r["split"])
    assert all(len(s) == 1 for s in splits.values())
    share_test = sum(r["split"] == "test" for r in rows) / len(rows)
    assert 0.15 <= share_test <= 0.3


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def test_no_exact_duplicates(rows):
    texts = [_normalised(r["text"]) for r in rows]
    assert len(set(texts)) == len(texts)


def test_near_duplicates_are_rare_and_never_cross_splits(rows):
    from sklearn.feature_extraction.text import CountVectorizer

    texts = [_normalised(r["text"]) for r in rows]
    shingles = CountVectorizer(analyzer="char", ngram_range=(5, 5), binary=True,
                               lowercase=False).fit_transform(texts).astype(np.float32).tocsr()
    sizes = np.asarray(shingles.sum(axis=1)).ravel()
    shared = (shingles @ shingles.T).tocoo()
    upper = shared.row < shared.col
    a, b, both = shared.row[upper], shared.col[upper], shared.data[upper]
    near = both / (sizes[a] + sizes[b] - both) >= 0.8
    pairs = list(zip(a[near], b[near]))
    assert len(pairs) < 0.01 * len(rows)
    assert not [(i, j) for i, j in pairs if rows[i]["split"] != rows[j]["split"]]


def test_datasheet_counts_match_the_file(rows):
    datasheet = (starter_path().parent / "README.md").read_text(encoding="utf-8")
    assert counts_table(rows) in datasheet, "regenerate the table: python -m tests.test_corpus"


if __name__ == "__main__":  # print the table for the datasheet
    with open(starter_path(), encoding="utf-8", newline="") as handle:
        print(counts_table(list(csv.DictReader(handle))))
