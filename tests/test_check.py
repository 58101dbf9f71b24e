"""The pre-send judgement: categories, findings with spans, reasons, verdicts."""
from __future__ import annotations

import json


import tweetmix
from tweetmix.policy import Policy


def test_warning_names_health_and_whereabouts_with_spans():
    text = "third night in A&E with my dad, no sleep. house empty till sunday"
    result = tweetmix.check(text)
    assert result.verdict == "warning"
    assert {"health", "whereabouts"} <= set(result.categories)
    for finding in result.findings:
        assert text[finding.start:finding.end] == finding.text
        assert finding.message and finding.rule_id
    assert any(f.category == "health" and "A&E" in f.text for f in result.findings)
    assert "mentions your health" in result.summary()


def test_discussing_is_not_disclosing():
    result = tweetmix.check("Hospitals are short of nurses this winter. Thread on what the "
                            "new staffing plan means for A&E waits")
    assert "health" not in result.categories


def test_contact_details_are_spans_and_warn():
    text = "Call me on 07700 900123 or mail jo.smith@example.org"
    result = tweetmix.check(text)
    contacts = [f for f in result.findings if f.category == "contact_details"]
    assert {f.text for f in contacts} == {"07700 900123", "jo.smith@example.org"}
    assert result.verdict == "warning"


def test_allow_lists_and_opt_out_quiet_a_warning():
    text = "Call me on 07700 900123"
    assert tweetmix.check(text).verdict == "warning"
    assert "contact_details" not in tweetmix.check(text, allow_terms=("07700 900123",)).categories
    assert "contact_details" not in tweetmix.check(text, allow_rules=("contact",)).categories
    opted = tweetmix.check(text + " #tweetmix-ok")
    assert opted.verdict == "ok" and opted.opted_out


def test_beliefs_do_not_warn_by_default():
    text = "Fasting all month and praying at the mosque every night, Ramadan feels so special"
    result = tweetmix.check(text)
    if "beliefs" in result.categories:
        assert result.verdict != "warning" or set(result.categories) - {"beliefs"}
    strict = tweetmix.check(text, policy=Policy(warn_categories=("beliefs",)))
    assert ("beliefs" in strict.categories) == (strict.verdict == "warning")


def test_reasons_underline_personal_words():
    text = "so hungover after my sister's wedding lol"
    result = tweetmix.check(text)
    assert result.reasons
    for reason in result.reasons:
        assert text[reason.start:reason.end] == reason.text and reason.weight > 0
    assert "because of" in tweetmix.check("my cat is the cutest lol").summary() or \
        tweetmix.check("my cat is the cutest lol").verdict != "notice"


def test_professional_post_is_ok_with_no_findings():
    result = tweetmix.check("We're hiring two data engineers in Leeds, apply by Friday")
    assert result.verdict == "ok" and not result.categories


def test_result_dict_has_the_documented_schema():
    data = json.loads(json.dumps(tweetmix.check("house empty till sunday, off to Ibiza").to_dict()))
    assert {"verdict", "p_personal", "categories", "findings", "reasons", "category_scores",
            "threshold", "label", "index", "error", "opted_out", "model"} <= set(data)
    for finding in data["findings"]:
        assert {"start", "end", "text", "category", "rule_id", "message", "weight"} == set(finding)


# -- the fast check path must say exactly what the plain computation says -------------------------

import pytest

from tweetmix.disclosure import CATEGORY_PHRASES, disclose
from tweetmix.explain import top_spans, word_contributions
from tweetmix.result import Finding
from tweetmix.tokenize import tokenize_with_spans


def _plain_check(model, text):
    """Findings and reasons the straightforward way: count the n-grams again for each part,
    place every n-gram before choosing, score categories from the counts."""
    runtime = model.runtime
    tokens = tokenize_with_spans(text, patterns=runtime.patterns)
    counts = runtime.word_counts(tokens)
    scores, findings = disclose(text, tokens, runtime, counts)
    contributions = word_contributions(tokens, runtime.word.table, runtime.word.ngram_range,
                                       sign=-1.0)
    reasons = [Finding(s, e, text[s:e], "personal", "model.personal_words",
                       CATEGORY_PHRASES["personal"], c.weight)
               for c in top_spans(contributions, k=5) for s, e in c.spans]
    return scores, findings, reasons


@pytest.fixture(scope="module")
def starter_posts(starter):
    return [t for t in starter.data[:400] if "#tweetmix-ok" not in t]


def test_check_matches_the_plain_computation(starter_posts):
    model = tweetmix.default_model()
    for text in starter_posts:
        result = model.check(text, allow_terms=(), allow_rules=())
        scores, findings, reasons = _plain_check(model, text)
        assert list(result.findings) == findings, text
        assert list(result.reasons) == reasons, text
        assert result.category_scores == pytest.approx(scores, abs=1e-12)
        assert result.p_personal == pytest.approx(model.score(text), abs=1e-12)


def test_batch_check_and_score_equal_one_by_one(starter_posts):
    model = tweetmix.default_model()
    posts = starter_posts[:150] + ["", None] + starter_posts[:10]  # repeats and bad posts
    batch = model.check(posts)
    for i, (text, result) in enumerate(zip(posts, batch)):
        if not isinstance(text, str) or not text.strip():
            assert result.verdict == "error" and result.index == i
            continue
        single = model.check(text)
        assert result.to_dict() == {**single.to_dict(), "index": i}
    scores = model.score(posts)
    for text, p in zip(posts, scores):
        if isinstance(text, str) and text.strip():
            assert p == model.score(text)
        else:
            assert p != p  # NaN marks a post that could not be scored


def test_default_policy_follows_the_manifest():
    model = tweetmix.default_model()
    manifest_policy = dict(model.manifest.get("policy", {}))
    text = "so hungover after my sister's wedding lol"
    before = model.check(text)
    try:
        model.manifest["policy"] = {**manifest_policy, "threshold": 0.999999}
        assert model.default_policy.threshold == 0.999999
        assert model.check(text).threshold == 0.999999
    finally:
        model.manifest["policy"] = manifest_policy
    assert model.check(text) == before


CONTACT_POSTS = [
    "call 07700 900123 or +44 20 7946 0958 after 6", "ring (555) 123-4567, ext 12",
    "1-800-555-0199 toll free", "order #12345678 shipped", "on 2024-03-15 at 10:30",
    "10 Downing Street, London SW1A 2AA", "Hauptstraße 5, 10115 Berlin", "Via Roma 1, 00184 Roma",
    "ul. Marszałkowska 10, 00-590 Warszawa", "Damrak 1, 1012 LG Amsterdam", "Calle Mayor 10",
    "Toronto, ON M5V 3L9", "Austin, TX 78701", "Sydney NSW 2000", "Mumbai 400001", "9876543210",
    "score 3-1, 2 goals in 5 mins", "v1.2.3 on 192.168.0.1", "£1,250.00 on 12/03",
]


def test_digit_count_prefilter_changes_no_contact_finding(starter, monkeypatch):
    """Rules skipped for having too few digits in the post could not have matched."""
    from tweetmix import contacts

    posts = CONTACT_POSTS + [t for t in starter.data[:600] if any(c.isdigit() for c in t)]
    fast = [contacts.find_contact_details(t) for t in posts]
    unfiltered = tuple(rule._replace(min_digits=1 if rule.needs_digit else 0)
                       for rule in contacts._RULES)
    monkeypatch.setattr(contacts, "_RULES", unfiltered)
    assert [contacts.find_contact_details(t) for t in posts] == fast
    assert any(fast[:len(CONTACT_POSTS)])


# -- how category scores, cues and the stack decide --------------------------------------------

def _with_stack(model, intercept: float, framed_weight: float = 0.0):
    """A copy of ``model`` whose category decision is a stack with the given weights."""
    import copy

    from tweetmix.stacking import CategoryStack

    runtime = copy.copy(model.runtime)
    categories = copy.copy(runtime.categories)
    names = categories.names
    categories.stack = CategoryStack(names, [[0.0, framed_weight, 0.0, 0.0]] * len(names),
                                     [intercept] * len(names))
    categories.thresholds = [0.5] * len(names)
    runtime.categories = categories
    return type(model)(runtime, model.manifest)


def test_the_stack_decides_which_categories_are_reported():
    model = tweetmix.default_model()
    text = "third night in A&E with my dad, no sleep"
    never = _with_stack(model, intercept=-50.0).check(text)
    assert never.categories == () and never.verdict != "warning"
    assert all(p < 1e-9 for p in never.category_scores.values())
    # only framed cues count: health and family are framed here, sexuality is not
    cued = _with_stack(model, intercept=-5.0, framed_weight=20.0).check(text)
    assert {"health", "family"} <= set(cued.categories)
    assert "sexuality" not in cued.categories
    assert cued.category_scores["health"] > 0.99 > cued.category_scores["sexuality"]


def test_a_category_is_reported_only_with_words_that_name_it():
    always = _with_stack(tweetmix.default_model(), intercept=50.0)
    # every category clears its bar, but nothing here names one: nothing is reported
    empty = always.check("at the, in the, on it. and then?")
    assert empty.categories == ()
    assert empty.findings == ()
    named = always.check("hospital again with the kids tonight")
    assert named.categories  # some categories, each shown by words that name something
    for finding in named.findings:
        assert finding.text and finding.text.lower() not in ("at", "the", "with", "again")


def test_no_finding_is_empty_on_the_starter_posts(starter_posts):
    for result in tweetmix.default_model().check(starter_posts):
        for finding in result.findings:
            assert finding.end > finding.start and finding.text, result.to_dict()


def test_models_without_category_rows_report_framed_cues():
    import copy

    model = tweetmix.default_model()
    runtime = copy.copy(model.runtime)
    runtime.categories = None  # as an out-of-core model has
    bare = type(model)(runtime, model.manifest)
    result = bare.check("third night in A&E with my dad, no sleep")
    assert "health" in result.categories and result.verdict == "warning"
    assert result.category_scores == {}
    assert all(f.rule_id.split(".")[-1] != "model" for f in result.findings)
    assert bare.check("Hospitals are short of nurses this winter").categories == ()
