"""Evaluation: metrics against scikit-learn, threshold sweep and picking, grouped
cross-validation, the report, and the ``tweetmix evaluate`` command's errors."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import pytest
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score,
                             precision_score, recall_score, roc_auc_score)

from tests.conftest import PERSONAL_POSTS, PROFESSIONAL_POSTS, ROOT
from tweetmix.evaluate import (EvaluationReport, UnreachableTargetError, binary_metrics,
                               calibration_table, category_metrics, cv_splits, evaluate,
                               evaluate_model, expected_calibration_error, pick_threshold,
                               threshold_sweep, top_features)
from tweetmix.exceptions import DataError, LabelError
from tweetmix.policy import ALL_CATEGORIES

RNG = np.random.default_rng(7)
Y = RNG.integers(0, 2, 300)
P = np.clip(0.35 * Y + 0.65 * RNG.random(300), 0, 1).round(3)  # informative, with ties


def starter_subset(starter, personas_every: int = 7, per_persona: int = 25):
    """A few whole personas of the starter corpus: fast to train on, still grouped.

    Every 7th persona by name gives each of 3 grouped folds at least two posts of every category
    (every 8th stopped doing so when round 4's personas joined the corpus).
    """
    chosen = sorted(set(starter.groups))[::personas_every]
    idx = [i for g in chosen
           for i in [j for j, x in enumerate(starter.groups) if x == g][:per_persona]]
    return {"texts": [starter.data[i] for i in idx], "labels": [starter.target[i] for i in idx],
            "groups": [starter.groups[i] for i in idx],
            "categories": [starter.categories[i] for i in idx]}


@pytest.fixture(scope="module")
def subset(starter):
    return starter_subset(starter)


@pytest.fixture(scope="module")
def cv_report(subset) -> EvaluationReport:
    return evaluate(subset["texts"], subset["labels"], groups=subset["groups"],
                    categories=subset["categories"], cv=3, group_name="persona",
                    use_char=False, min_df=1)


# -- metrics against scikit-learn --------------------------------------------------------------
def test_binary_metrics_agree_with_sklearn():
    got = binary_metrics(Y, P, threshold=0.6)
    predicted = P >= 0.6
    assert got["accuracy"] == pytest.approx(accuracy_score(Y, predicted), abs=1e-6)
    assert got["macro_f1"] == pytest.approx(f1_score(Y, predicted, average="macro"), abs=1e-6)
    assert got["roc_auc"] == pytest.approx(roc_auc_score(Y, P), abs=1e-6)
    assert got["pr_auc"] == pytest.approx(average_precision_score(Y, P), abs=1e-6)
    assert got["brier"] == pytest.approx(brier_score_loss(Y, P), abs=1e-6)


def test_calibration_table_is_what_ece_averages():
    table = calibration_table(Y, P, n_bins=10)
    assert table["count"].sum() == len(Y)
    filled = table[table["count"] > 0]
    by_hand = (filled["count"] * (filled["observed_rate"] - filled["mean_predicted"]).abs()).sum()
    assert expected_calibration_error(Y, P) == pytest.approx(by_hand / len(Y), abs=1e-5)
    # a bin's rate is the share of personal posts scored inside it
    inside = (P >= 0.5) & (P < 0.6)
    assert table.loc[5, "observed_rate"] == pytest.approx(Y[inside].mean(), abs=1e-6)


def test_perfectly_calibrated_scores_have_tiny_ece():
    p = np.repeat([0.1, 0.5, 0.9], 1000)
    y = np.concatenate([np.arange(1000) < 100, np.arange(1000) < 500, np.arange(1000) < 900])
    assert expected_calibration_error(y, p) < 1e-9
    assert expected_calibration_error(y, 1 - p) > 0.3


# -- threshold sweep and picking -------------------------------------------------------------
def test_sweep_matches_sklearn_at_every_threshold():
    sweep = threshold_sweep(Y, P)
    assert list(sweep.columns) == ["threshold", "flagged", "flag_rate", "precision", "recall", "f1"]
    for row in sweep.itertuples():
        flagged = P >= row.threshold
        assert row.flagged == flagged.sum()
        assert row.recall == pytest.approx(recall_score(Y, flagged), abs=1e-12)
        if flagged.any():
            assert row.precision == pytest.approx(precision_score(Y, flagged), abs=1e-12)
            assert row.f1 == pytest.approx(f1_score(Y, flagged), abs=1e-12)
        else:
            assert np.isnan(row.precision)


def test_sweep_never_flags_more_as_the_threshold_rises():
    sweep = threshold_sweep(Y, P)
    assert (np.diff(sweep["threshold"]) > 0).all()
    assert (np.diff(sweep["flag_rate"]) <= 0).all()
    assert (np.diff(sweep["recall"]) <= 0).all()
    assert sweep["flag_rate"].between(0, 1).all()


@pytest.mark.parametrize("target", [0.6, 0.75, 0.9, 0.97])
def test_pick_threshold_meets_precision_with_best_recall(target):
    try:
        t = pick_threshold(Y, P, precision=target)
    except UnreachableTargetError:
        reachable = [s for s in np.unique(P) if Y[P >= s].mean() >= target]
        assert not reachable
        return
    assert precision_score(Y, P >= t) >= target
    best = max(recall_score(Y, P >= s) for s in np.unique(P) if Y[P >= s].mean() >= target)
    assert recall_score(Y, P >= t) == pytest.approx(best)


@pytest.mark.parametrize("rate", [0.05, 0.2, 0.5, 1.0])
def test_pick_threshold_flag_rate_flags_as_many_as_allowed(rate):
    t = pick_threshold(Y, P, flag_rate=rate)
    assert (P >= t).mean() <= rate
    lower = P[P < t]
    if lower.size:  # the next score down would flag too many
        assert (P >= lower.max()).mean() > rate


def test_pick_threshold_says_when_a_target_is_out_of_reach():
    y, p = [1, 0, 0, 1], [0.2, 0.9, 0.8, 0.1]  # the top scores are professional
    with pytest.raises(UnreachableTargetError, match="best is 0.500"):
        pick_threshold(y, p, precision=0.9)
    with pytest.raises(UnreachableTargetError, match="share the top score"):
        pick_threshold([1, 0, 1], [0.9, 0.9, 0.9], flag_rate=0.5)
    assert isinstance(UnreachableTargetError("x"), ValueError)


@pytest.mark.parametrize("kwargs, error", [
    ({}, TypeError), ({"precision": 0.9, "flag_rate": 0.1}, TypeError),
    ({"precision": 1.5}, ValueError), ({"flag_rate": 0}, ValueError),
])
def test_pick_threshold_needs_one_sensible_target(kwargs, error):
    with pytest.raises(error):
        pick_threshold(Y, P, **kwargs)


@pytest.mark.parametrize("y, p, message", [
    ([1, 0], [0.5], "got 2 labels but 1"),
    ([1, 0], [0.5, float("nan")], r"missing \(NaN\) at position\(s\) \[1\]"),
    ([1, 0], [0.5, 1.5], "between 0 and 1"),
    (["personal", "work"], [0.5, 0.2], "unknown label"),
    ([1, 2], [0.5, 0.2], "0/1"),
])
def test_bad_scores_or_labels_are_named(y, p, message):
    with pytest.raises((DataError, LabelError), match=message):
        threshold_sweep(y, p)


def test_labels_may_be_words():
    words = np.where(Y == 1, "Personal", "professional")
    assert pick_threshold(words, P, precision=0.8) == pick_threshold(Y, P, precision=0.8)


# -- cross-validation ----------------------------------------------------------------------------
def test_grouped_splits_never_split_a_group():
    labels = ["personal", "professional"] * 30
    groups = [f"author{i % 9}" for i in range(60)]
    splits = cv_splits(labels, groups, cv=3)
    assert len(splits) == 3
    for train, test in splits:
        assert not {groups[i] for i in train} & {groups[i] for i in test}
    assert sorted(np.concatenate([test for _, test in splits])) == list(range(60))


@pytest.mark.parametrize("labels, groups, cv, message", [
    (["personal", "professional"] * 4, None, 1, "at least 2 folds"),
    (["personal"] * 6 + ["professional"] * 2, None, 3, "at least 3 posts of each label"),
    (["personal", "professional"] * 4, ["same"] * 8, 3, "one group"),
    (["personal", "professional"] * 4, ["a"] * 7, 3, "8 posts but 7 groups"),
])
def test_splits_refuse_what_cannot_be_cross_validated(labels, groups, cv, message):
    with pytest.raises(DataError, match=message):
        cv_splits(labels, groups, cv)


def test_evaluate_never_splits_a_group(cv_report, subset):
    table = cv_report.predictions
    assert table.groupby("group")["fold"].nunique().max() == 1
    assert sorted(table["fold"].unique()) == [1, 2, 3]
    assert table["p_personal"].between(0, 1).all()
    assert cv_report.setup["grouped"] and cv_report.setup["folds"] == 3
    assert len(table) == len(set(subset["texts"]))


def test_report_metrics_are_the_metrics_of_its_predictions(cv_report):
    expected = binary_metrics(cv_report.y_true, cv_report.p_personal, cv_report.threshold)
    for key in ("accuracy", "macro_f1", "roc_auc", "pr_auc", "brier", "ece"):
        assert cv_report.metric(key) == pytest.approx(expected[key])
    flagged = cv_report.p_personal >= cv_report.threshold
    assert cv_report.metric("flag_rate") == pytest.approx(flagged.mean(), abs=1e-6)
    matrix = cv_report.confusion_matrix()
    assert matrix.to_numpy().sum() == len(cv_report.predictions)
    assert matrix.loc["personal", "personal"] == (flagged & (cv_report.y_true == 1)).sum()
    with pytest.raises(KeyError, match="roc_auc"):
        cv_report.metric("auc")


def test_report_per_category_counts_the_out_of_fold_findings(cv_report):
    table = cv_report.per_category.set_index("category")
    assert list(table.index) == list(ALL_CATEGORIES)
    predictions = cv_report.predictions
    for name in ("health", "contact_details"):
        labelled = predictions["categories"].str.split(";").apply(lambda c, n=name: n in c)
        found = predictions["found"].str.split(";").apply(lambda c, n=name: n in c)
        assert table.loc[name, "support"] == labelled.sum()
        assert table.loc[name, "flagged"] == found.sum()
        if found.any():
            assert table.loc[name, "precision"] == pytest.approx(
                (labelled & found).sum() / found.sum(), abs=1e-4)
    assert 0 <= cv_report.metric("category_macro_f1") <= 1


def test_report_top_features_point_each_way(cv_report):
    top = cv_report.top_features
    assert set(top["class"]) == {"personal", "professional"}
    assert (top["weight"] > 0).all()
    personal = top[top["class"] == "personal"]["term"].tolist()
    assert {"i", "my", "me"} & set(personal[:10])  # first-person words pull towards personal


def test_report_text_and_dict(cv_report):
    text = cv_report.to_text()
    assert "3-fold cross-validation, grouped by persona" in text
    assert f"ROC-AUC    {cv_report.metric('roc_auc'):.3f}" in text
    assert "health" in text and "words towards personal:" in text
    data = json.loads(cv_report.to_json())
    assert data["metrics"]["roc_auc"] == pytest.approx(cv_report.metric("roc_auc"))
    assert data["setup"]["folds"] == 3
    assert len(data["sweep"]) == 99 and "predictions" not in data
    assert data["sweep"][-1]["precision"] is None or data["sweep"][-1]["flagged"] > 0
    with_posts = cv_report.to_dict(predictions=True)
    assert len(with_posts["predictions"]) == len(cv_report.predictions)
    json.dumps(with_posts, allow_nan=False)


def test_errors_are_the_most_confident_mistakes(cv_report):
    errors = cv_report.errors(n=5)
    fp = errors[errors["error"] == "false positive"]
    fn = errors[errors["error"] == "false negative"]
    assert (fp["label"] == "professional").all() and (fp["p_personal"] >= 0.5).all()
    assert (fn["label"] == "personal").all() and (fn["p_personal"] < 0.5).all()
    assert list(fp["p_personal"]) == sorted(fp["p_personal"], reverse=True)
    table = cv_report.predictions
    wrong_fp = table[(table["label"] == "professional") & (table["p_personal"] >= 0.5)]
    if len(fp):
        assert fp["p_personal"].iloc[0] == wrong_fp["p_personal"].max()


def test_evaluate_refuses_bad_input(small_corpus):
    texts, labels = small_corpus
    with pytest.raises(LabelError, match="fold 1/2 .* fewer than 2 example posts"):
        evaluate(texts, labels, categories=[["health"]] * 2 + [[]] * 14, cv=2, use_char=False,
                 min_df=1)
    with pytest.raises(LabelError, match="16 posts but 3 groups"):
        evaluate(texts, labels, groups=["a", "b", "c"], cv=2)
    with pytest.raises(LabelError, match="unknown label"):
        evaluate(texts, labels[:-1] + ["work"], cv=2)
    with pytest.raises(DataError, match="empty"):
        evaluate(texts[:-1] + ["  "], labels, cv=2)


def test_evaluate_without_groups_uses_stratified_folds(small_corpus):
    texts, labels = small_corpus
    report = evaluate(texts, labels, cv=2, use_char=False, min_df=1)
    table = report.predictions
    assert not report.setup["grouped"] and table["group"].isna().all()
    counts = table.groupby("fold")["label"].value_counts().unstack()
    assert (counts == 4).all().all()  # 8 + 8 posts, stratified into 2 folds of 4 + 4


# -- a trained model on held-out posts -----------------------------------------------------------
def test_evaluate_model_measures_the_runtime_scores(starter):
    import tweetmix

    idx = [i for i, s in enumerate(starter.split) if s == "test"][:150]
    texts = [starter.data[i] for i in idx]
    labels = [starter.target[i] for i in idx]
    model = tweetmix.default_model()
    report = evaluate_model(model, texts, labels, categories=[starter.categories[i] for i in idx])
    assert np.allclose(report.p_personal, model.score(texts))
    assert report.setup["method"] == "held-out" and report.predictions["fold"].isna().all()
    assert report.threshold == model.default_policy.threshold
    expected = binary_metrics([t == "personal" for t in labels], model.score(texts))
    assert report.metric("roc_auc") == pytest.approx(expected["roc_auc"])
    assert "on held-out posts" in report.to_text()
    assert report.top_features.equals(top_features(model, n=15))
    assert evaluate_model(None, texts, labels, threshold=0.8).threshold == 0.8


def test_category_metrics_keep_their_shape():
    import tweetmix

    report = category_metrics(tweetmix.default_model(), PERSONAL_POSTS + PROFESSIONAL_POSTS,
                              [["health", "family"]] + [[]] * 15)
    assert set(report) == set(ALL_CATEGORIES) | {"macro_precision", "macro_recall", "macro_f1"}
    assert set(report["health"]) == {"precision", "recall", "f1", "support"}
    assert report["health"]["support"] == 1


# -- the command's errors ------------------------------------------------------------------------
def tweetmix_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tweetmix", *args], capture_output=True,
                          text=True, cwd=ROOT)


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """The command in this process (fast); the subprocess runs prove the real entry point."""
    from tweetmix.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def posts_csv(tmp_path_factory, subset):
    path = tmp_path_factory.mktemp("evaluate") / "posts.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "kind", "persona", "categories"])
        for row in zip(subset["texts"][:80], subset["labels"], subset["groups"],
                       subset["categories"]):
            writer.writerow([*row[:3], ";".join(row[3])])
    return path


@pytest.mark.parametrize("args, message", [
    (["--text-col", "txt"], "no text column 'txt'; the columns are"),
    (["--group-col", "author"], "no group column 'author'"),
    (["--categories-col", "categorys"], "Did you mean 'categories'?"),
    (["--label-col", "persona"], "not one of ['personal', 'professional']"),
    (["--model", "default", "--cv", "3"], "Give one of them"),
    (["--model", "nowhere.tweetmix"], "nowhere.tweetmix"),
    (["--model", "default", "--threshold", "1.5"], "threshold must be a number between 0 and 1"),
    (["--cv", "1"], "cv must be an integer of at least 2 folds"),
])
def test_cli_errors_name_the_problem(capsys, posts_csv, args, message):
    code, _, err = run_main(capsys, "evaluate", str(posts_csv), *args)
    assert code == 2, err
    assert message in err


def test_cli_names_the_line_of_an_unknown_category(capsys, posts_csv, tmp_path):
    lines = posts_csv.read_text(encoding="utf-8").splitlines()
    header, first, *rest = lines
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([header, first.rsplit(",", 1)[0] + ",healht", *rest]) + "\n",
                   encoding="utf-8")
    code, _, err = run_main(capsys, "evaluate", str(bad), "--categories-col", "categories",
                            "--model", "default")
    assert code == 2
    assert "line 2: column 'categories' has unknown categor(ies) ['healht']" in err


def test_cli_evaluates_a_model_as_json(posts_csv):
    result = tweetmix_cli("evaluate", str(posts_csv), "--model", "default", "--categories-col",
                          "categories", "--group-col", "persona", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["setup"]["method"] == "held-out" and data["metrics"]["n"] == 80
    assert 0.5 < data["metrics"]["roc_auc"] <= 1
    assert {row["category"] for row in data["per_category"]} == set(ALL_CATEGORIES)
