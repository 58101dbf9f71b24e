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
