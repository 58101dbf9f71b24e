"""Out-of-core training (tweetmix.outofcore): same artifact as in-memory training, bounded
vocabulary, honest holdout metrics, clear errors, and a working ``--out-of-core`` CLI."""
from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import ROOT
from tweetmix.exceptions import DataError, LabelError
from tweetmix.outofcore import OutOfCoreClassifier, _Featuriser, _prune, train_out_of_core
from tweetmix.trained import TweetmixModel

WORD_LIMIT, CHAR_LIMIT = 10_000, 20_000  # both below what the starter train split offers


def write_csv(path, rows, header=("id", "text", "kind")):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i, (text, label) in enumerate(rows):
            writer.writerow([i, text, label])
    return path


def write_jsonl_gz(path, rows):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for text, label in rows:
            handle.write(json.dumps({"text": text, "kind": label}) + "\n")
    return path


@pytest.fixture(scope="module")
def starter_rows():
    from tweetmix.datasets import load_starter

    train = load_starter(split="train")
    test = load_starter(split="test")
    return list(zip(train.data, train.target)), (test.data, test.target)


@pytest.fixture(scope="module")
def small_rows(starter_rows):
    return starter_rows[0][:1200]


@pytest.fixture(scope="module")
def trained_from_csv(starter_rows, tmp_path_factory):
    """The starter train split as a CSV with two unusable rows, trained in several chunks."""
    rows = starter_rows[0] + [("", "personal"), ("a post with no label", "")]
    path = write_csv(tmp_path_factory.mktemp("ooc") / "train.csv", rows)
    messages: list[str] = []
    model = train_out_of_core(path, text_col="text", label_col="kind", chunk_size=2000,
                              max_word_features=WORD_LIMIT, max_char_features=CHAR_LIMIT,
                              progress=messages.append, name="ooc-test")
    return model, messages, path


def test_vocabulary_sizes_respect_the_limits(trained_from_csv):
    model, _, _ = trained_from_csv
    # the starter corpus has more grams than the limits, so the limits are what binds
    assert len(model.runtime.word.table) == WORD_LIMIT
    assert len(model.runtime.char.table) == CHAR_LIMIT
    assert model.runtime.word.ngram_range == (1, 2) and model.runtime.char.ngram_range == (3, 5)


def test_runtime_equals_the_estimator(trained_from_csv, starter_rows):
    model, _, _ = trained_from_csv
    texts = list(starter_rows[1][0][:1000])
    texts += ["🙂", "@a @b", "SOOOO GOOOD!!!", "x\ty\nz", "a" * 2000]
    expected = model.estimator.predict_proba(texts)[:, 0]
    assert np.max(np.abs(model.score(texts) - expected)) < 1e-6


def test_saved_model_reloads_and_checks(trained_from_csv, tmp_path):
    model, _, _ = trained_from_csv
    path = model.save(tmp_path / "ooc.tweetmix")
    again = TweetmixModel.load(path)
    post = "third night in A&E with my dad, no sleep"
    assert again.score(post) == pytest.approx(model.score(post), abs=1e-12)
    result = again.check(post)
    assert result.verdict in ("notice", "warning") and result.p_personal > 0.5
    assert again.check("We're hiring two data engineers in Leeds").verdict == "ok"
    with_estimator = TweetmixModel.load(path, estimator=True)
    assert isinstance(with_estimator.estimator, OutOfCoreClassifier)
    assert with_estimator.estimator.predict_proba([post])[0, 0] == pytest.approx(
        model.score(post), abs=1e-9)


def test_quality_is_close_to_the_in_memory_model(trained_from_csv, starter_rows):
    """Measured: out-of-core 0.930 test ROC-AUC vs 0.932 for the in-memory model trained on
    the same split (recorded in the default model's manifest)."""
    import tweetmix
    from tweetmix.evaluate import binary_metrics

    model, _, _ = trained_from_csv
    texts, kinds = starter_rows[1]
    metrics = binary_metrics([k == "personal" for k in kinds], model.score(texts))
    reference = tweetmix.default_model().manifest["evaluation"]["starter_test"]["roc_auc"]
    assert metrics["roc_auc"] >= reference - 0.015
    assert metrics["ece"] <= 0.05


def test_manifest_records_holdout_metrics_and_skipped_rows(trained_from_csv, starter_rows):
    from tweetmix.persistence import data_fingerprint

    model, messages, path = trained_from_csv
    manifest = model.manifest
    data = manifest["training_data"]
    rows = starter_rows[0]
    assert data["n_posts"] == len(rows)
    assert data["n_train"] + data["n_holdout"] == len(rows)
    assert data["skipped"]["n"] == 2
    assert data["skipped"]["reasons"] == {"empty text": 1, "missing label": 1}
    lines = path.read_text(encoding="utf-8").splitlines()
    empty_text_line = lines.index(f"{len(rows)},,personal") + 1
    assert data["skipped"]["examples"][0] == f"{path}, line {empty_text_line}: empty text"
    # the streamed fingerprint is the in-memory one
    assert data["sha256"] == data_fingerprint([t for t, _ in rows], [k for _, k in rows])
    metrics = manifest["metrics"]
    assert "cv" not in metrics and metrics["holdout"]["n"] == data["n_holdout"] == metrics["n"]
    assert 0.85 < metrics["roc_auc"] <= 1.0
    assert manifest["labels"] == ["personal", "professional"]
    assert manifest["params"]["trainer"] == "out-of-core"
    assert any("skipped 2 row(s)" in m for m in messages)
    assert any(m.startswith("epoch 5/5") for m in messages)


def test_featuriser_counts_equal_scikit_learn_vectorizers(starter_rows):
    """Training reads features through a fast path; it must see what the estimator sees."""
    from sklearn.feature_extraction.text import CountVectorizer

    from tweetmix.model import CharNormalizer
    from tweetmix.tokenize import PostTokenizer

    texts = [t for t, _ in starter_rows[0][:800]] + ["#BigNews @Anna soooo 🙂🙂 a  b"]
    featuriser = _Featuriser((1, 2), (3, 5), True, True)
    words, chars = featuriser.term_counts(texts)
    word_terms = [w for w, _ in words.most_common(3000)]
    char_terms = [c for c, _ in chars.most_common(5000)]
    featuriser.use_vocabulary(word_terms, char_terms)
    lengths, columns, counts, _ = featuriser.rows(texts)
    got = np.zeros((len(texts), len(word_terms) + len(char_terms)))
    row = np.repeat(np.arange(len(texts)), lengths)
    got[row, columns] = counts
    word = CountVectorizer(tokenizer=PostTokenizer(), token_pattern=None, lowercase=False,
                           ngram_range=(1, 2), vocabulary=word_terms)
    char = CountVectorizer(analyzer="char_wb", preprocessor=CharNormalizer(), lowercase=False,
                           ngram_range=(3, 5), vocabulary=char_terms)
    expected = np.hstack([word.transform(texts).toarray(), char.transform(texts).toarray()])
    assert got.sum() > 10 * len(texts)
    np.testing.assert_array_equal(got, expected)


def test_csv_and_gzipped_jsonl_give_the_same_model(small_rows, tmp_path):
    settings = dict(label_col="kind", chunk_size=300, max_word_features=2000, use_char=False,
                    epochs=2, progress=False)
    from_csv = train_out_of_core(write_csv(tmp_path / "a.csv", small_rows), **settings)
    from_jsonl = train_out_of_core(write_jsonl_gz(tmp_path / "a.jsonl.gz", small_rows),
                                   **settings)
    posts = [t for t, _ in small_rows[:200]]
    assert np.max(np.abs(from_csv.score(posts) - from_jsonl.score(posts))) < 1e-12
    assert from_csv.manifest["training_data"]["sha256"] == \
        from_jsonl.manifest["training_data"]["sha256"]


def test_a_file_sorted_by_label_still_trains(small_rows):
    """Batches mix pieces from all over the file, so sorted input is not one label per batch."""
    ordered = sorted(small_rows, key=lambda row: row[1])
    model = train_out_of_core(ordered, chunk_size=200, max_word_features=2000, epochs=3,
                              use_char=False, progress=False)
    assert model.manifest["metrics"]["roc_auc"] > 0.8


def test_tight_candidate_tables_still_give_a_full_vocabulary(small_rows):
    model = train_out_of_core(small_rows, chunk_size=300, max_word_features=500,
                              max_char_features=800, max_candidates=1000, epochs=1,
                              progress=False)
    assert len(model.runtime.word.table) == 500
    assert len(model.runtime.char.table) == 800


def test_prune_keeps_the_most_frequent_grams():
    table = {f"g{i}": i % 50 for i in range(100)}
    _prune(table, 10)
    assert len(table) == 10 and min(table.values()) >= 45


def test_unknown_label_names_file_and_line(small_rows, tmp_path):
    rows = list(small_rows[:50]) + [("a fine post", "persnal")]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(LabelError, match=r"bad\.csv, line 52: 'persnal'.*personal"):
        train_out_of_core(path, label_col="kind", progress=False)


def test_wrong_column_suggests_the_right_one(small_rows, tmp_path):
    path = write_csv(tmp_path / "posts.csv", small_rows[:20])
    with pytest.raises(DataError, match=r"no label column 'knd'.*Did you mean 'kind'"):
        train_out_of_core(path, label_col="knd", progress=False)


@pytest.mark.parametrize("content, match", [
    ('{"text": "hi", "kind": "personal"}\nnot json\n', r"line 2: not valid JSON"),
    ('["hi", "personal"]\n', r"line 1: a JSON list"),
])
def test_bad_jsonl_lines_are_named(tmp_path, content, match):
    path = tmp_path / "posts.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=match):
        train_out_of_core(path, label_col="kind", progress=False)


def test_unsupported_inputs_are_refused(small_rows, tmp_path):
    with pytest.raises(DataError, match="read once"):
        train_out_of_core(iter(small_rows), progress=False)
    (tmp_path / "posts.xlsx").write_bytes(b"x")
    with pytest.raises(DataError, match=r"\.csv, \.jsonl"):
        train_out_of_core(tmp_path / "posts.xlsx", progress=False)
    with pytest.raises(LabelError, match="too few posts to hold out"):
        train_out_of_core(small_rows[:30], progress=False)
    with pytest.raises(ValueError, match="holdout must be"):
        train_out_of_core(small_rows, holdout=0.9, progress=False)


def test_cli_trains_out_of_core_and_the_model_checks(small_rows, tmp_path):
    data = write_jsonl_gz(tmp_path / "posts.jsonl.gz", small_rows[:800])
    model = tmp_path / "model.tweetmix"

    def tweetmix(*args):
        return subprocess.run([sys.executable, "-m", "tweetmix", *args], capture_output=True,
                              text=True, cwd=ROOT, timeout=120)

    trained = tweetmix("train", str(data), "--out-of-core", "--label-col", "kind", "-o",
                       str(model), "--chunk-size", "300", "--epochs", "2",
                       "--max-char-features", "2000")
    assert trained.returncode == 0, trained.stderr
    assert "holdout of" in trained.stdout and "roc_auc" in trained.stdout
    assert "[tweetmix] epoch 2/2" in trained.stderr
    checked = tweetmix("check", "--model", str(model), "--format", "json",
                       "so hungover i want to cry, skipping work")
    assert checked.returncode in (0, 1), checked.stderr
    assert json.loads(checked.stdout)["p_personal"] > 0.5
    refused = tweetmix("train", str(data), "--out-of-core", "--cv", "3", "-o", str(model))
    assert refused.returncode == 2 and "--cv" in refused.stderr


def test_estimator_contract(small_rows):
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    estimator = OutOfCoreClassifier(epochs=2, use_char=False, max_word_features=1000)
    with pytest.raises(NotFittedError):
        estimator.predict_proba(["hello"])
    copy = clone(estimator)
    assert copy.get_params() == estimator.get_params() and not hasattr(copy, "linear_model_")
    texts, labels = zip(*small_rows[:600])
    first = estimator.fit(texts, labels).predict_proba(texts[:50])
    again = clone(estimator).fit(texts, labels).predict_proba(texts[:50])
    np.testing.assert_array_equal(first, again)  # random_state makes refits identical
    assert set(estimator.predict(texts[:50])) <= {"personal", "professional"}


def test_worker_processes_give_the_same_model(small_rows):
    settings = {"chunk_size": 200, "max_word_features": 1500, "max_char_features": 2000,
                "epochs": 2, "progress": False}
    alone = train_out_of_core(small_rows, n_jobs=1, **settings)
    workers = train_out_of_core(small_rows, n_jobs=2, **settings)
    posts = [t for t, _ in small_rows[:100]]
    np.testing.assert_array_equal(alone.score(posts), workers.score(posts))
