"""scikit-learn contract of PersonalClassifier (DESIGN §6)."""
from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils import estimator_checks

from tweetmix.exceptions import DataError, LabelError
from tweetmix.model import DisclosureClassifier, PersonalClassifier, word_vectorizer

from .conftest import run_python

FAST = dict(use_char=False, min_df=1, cv=2)

# check_estimator cannot feed text, so run the checks that need no data.
DATA_FREE_CHECKS = [
    "check_parameters_default_constructible",
    "check_no_attributes_set_in_init",
    "check_get_params_invariance",
    "check_set_params",
]


@pytest.mark.parametrize("name", DATA_FREE_CHECKS)
def test_data_free_estimator_checks(name):
    getattr(estimator_checks, name)("PersonalClassifier", PersonalClassifier())


def test_fit_returns_self_and_learns_classes(small_corpus):
    texts, labels = small_corpus
    clf = PersonalClassifier(**FAST)
    assert clf.fit(texts, labels) is clf
    assert list(clf.classes_) == ["personal", "professional"]
    proba = clf.predict_proba(texts)
    assert proba.shape == (len(texts), 2) and np.allclose(proba.sum(axis=1), 1)
    assert set(clf.predict(texts)) <= {"personal", "professional"}
    # decision_function is positive towards classes_[1], as in scikit-learn
    decision = clf.decision_function(texts)
    assert np.corrcoef(decision, proba[:, 1])[0, 1] > 0.9


def test_clone_keeps_params_and_drops_fit(small_corpus):
    clf = PersonalClassifier(C=0.5, **FAST).fit(*small_corpus)
    copy = clone(clf)
    assert copy.get_params() == clf.get_params()
    assert not hasattr(copy, "classes_")


def test_refit_is_deterministic(small_corpus):
    texts, labels = small_corpus
    a = PersonalClassifier(**FAST).fit(texts, labels).predict_proba(texts)
    b = PersonalClassifier(**FAST).fit(texts, labels).predict_proba(texts)
    assert np.array_equal(a, b)


def test_not_fitted_error():
    with pytest.raises(NotFittedError):
        PersonalClassifier().predict_proba(["hello"])


def test_grouped_calibration_folds(small_corpus):
    texts, labels = small_corpus
    groups = [i % 4 for i in range(len(texts))]
    clf = PersonalClassifier(**FAST).fit(texts, labels, groups)
    assert clf.predict_proba(texts).shape == (len(texts), 2)


@pytest.mark.parametrize("labels, message", [
    (["personal"] * 16, "training needs examples of both"),
    (["personal", "work"] * 8, "unknown label value"),
    (["personal"] * 15, "same length"),
])
def test_bad_labels(small_corpus, labels, message):
    with pytest.raises(LabelError, match=message):
        PersonalClassifier(**FAST).fit(small_corpus[0], labels)


def test_bad_texts(small_corpus):
    texts = list(small_corpus[0])
    texts[3] = None
    texts[5] = "   "
    with pytest.raises(DataError, match=r"position\(s\) 3 \(None\), 5"):
        PersonalClassifier(**FAST).fit(texts, small_corpus[1])
    with pytest.raises(DataError, match="not a single string"):
        PersonalClassifier(**FAST).fit("one post", ["personal"])


def test_joblib_round_trip_in_a_fresh_process(small_corpus, tmp_path):
    import joblib

    texts, labels = small_corpus
    clf = PersonalClassifier(min_df=1, cv=2).fit(texts, labels)
    path = tmp_path / "clf.joblib"
    joblib.dump(clf, path)
    expected = clf.predict_proba(texts)[:, 0]
    code = ("import sys, json, joblib; clf = joblib.load(sys.argv[1]); "
            "print(json.dumps(clf.predict_proba(json.loads(sys.argv[2]))[:, 0].tolist()))")
    import json

    result = run_python(code, str(path), json.dumps(texts))
    assert result.returncode == 0, result.stderr
    assert np.array_equal(np.array(json.loads(result.stdout)), expected)


# -- DisclosureClassifier ------------------------------------------------------------------------

CATEGORY_POSTS = [
    ("third night in A&E with my dad, no sleep", "health;family"),
    ("my migraine is back and the meds do nothing", "health"),
    ("he is so good in bed omg", "sexuality"),
    ("came out to my mum as gay last night", "sexuality;family"),
    ("date night went badly, think we are breaking up", "relationships"),
    ("he ghosted me after three dates", "relationships"),
    ("so hungover, never drinking tequila again", "substances"),
    ("two pints in and already tipsy lol", "substances"),
    ("cried on the bathroom floor again, I can't cope", "emotional_distress"),
    ("so lonely since the move, nobody texts", "emotional_distress"),
    ("flat empty all week while we're in Crete", "whereabouts"),
    ("at gate 14, boarding in 20", "whereabouts"),
    ("overdraft maxed and rent due friday", "finances"),
    ("can't afford the dentist this month", "finances"),
    ("my manager took credit for my work AGAIN", "work_grievance"),
    ("called in sick so I can go to the interview", "work_grievance"),
    ("church twice today, faith keeps me going", "beliefs"),
    ("voting Green again, proud of it", "beliefs"),
    ("we are hiring two nurses for the night shift", ""),
    ("our Q3 report is out, link in bio", ""),
]


@pytest.mark.parametrize("name", DATA_FREE_CHECKS)
def test_disclosure_data_free_estimator_checks(name):
    getattr(estimator_checks, name)("DisclosureClassifier", DisclosureClassifier())


def test_disclosure_fit_on_given_features_equals_fit_on_texts():
    texts, cats = zip(*CATEGORY_POSTS)
    vectorizer = word_vectorizer(min_df=1).fit(texts)
    from_texts = DisclosureClassifier(vectorizer=vectorizer).fit(texts, cats)
    from_features = DisclosureClassifier(vectorizer=vectorizer).fit(
        texts, cats, features=vectorizer.transform(texts))
    expected = from_texts.predict_proba(texts)
    assert expected.shape == (len(texts), len(from_texts.classes_))
    assert np.array_equal(from_features.predict_proba(texts), expected)
    assert np.array_equal(from_features.predict_proba_features(vectorizer.transform(texts)),
                          expected)
    health = list(from_texts.classes_).index("health")
    assert expected[0, health] > expected[-2, health]  # A&E post above the hiring post


def test_disclosure_rejects_features_of_the_wrong_shape():
    texts, cats = zip(*CATEGORY_POSTS)
    vectorizer = word_vectorizer(min_df=1).fit(texts)
    with pytest.raises(DataError, match=r"features have shape \(3, "):
        DisclosureClassifier(vectorizer=vectorizer).fit(
            texts, cats, features=vectorizer.transform(texts[:3]))
    with pytest.raises(DataError, match="vectorizer is not fitted"):
        DisclosureClassifier(vectorizer=word_vectorizer(min_df=1)).fit(
            texts, cats, features=vectorizer.transform(texts))


def test_disclosure_names_unknown_categories_and_empty_ones():
    texts, cats = zip(*CATEGORY_POSTS)
    with pytest.raises(LabelError, match="unknown categor.*'gossip'"):
        DisclosureClassifier().fit(texts, ["gossip"] + list(cats[1:]))
    without_beliefs = [c if c != "beliefs" else "" for c in cats]
    with pytest.raises(LabelError, match=r"\['beliefs'\] have fewer than 2 example posts"):
        DisclosureClassifier().fit(texts, without_beliefs)
