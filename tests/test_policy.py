"""Policy: defaults, files, overrides, allow-lists and the opt-out marker."""
from __future__ import annotations

import pytest

from tweetmix.policy import DEFAULT_WARN_CATEGORIES, Policy


def test_defaults_leave_beliefs_off():
    policy = Policy()
    assert "beliefs" not in policy.warn_categories and "health" in policy.warn_categories
    assert DEFAULT_WARN_CATEGORIES == policy.warn_categories


def test_round_trip_through_dict():
    policy = Policy(threshold=0.7, allow_terms=("A&E",), allow_rules=("contact.phone",))
    assert Policy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize("data, message", [
    ({"threshold": 1.5}, "between 0 and 1"),
    ({"threshold": "high"}, "between 0 and 1"),
    ({"max_chars": 0}, "positive integer"),
    ({"warn_categories": ["health", "gossip"]}, "unknown categor"),
    ({"allow_terms": "A&E"}, "list of strings"),
    ({"colour": "blue"}, "unknown policy setting"),
])
def test_bad_settings_say_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        Policy.from_dict(data)


@pytest.mark.parametrize("text, rule, allowed", [
    ("A&E", "health.term", True),
    ("a&e ", "health.term", True),
    ("hospital", "health.term", False),
    ("020 7946 0958", "contact.phone.national", True),     # allowed by rule prefix
    ("x", "contact.phonebook", False),                      # a prefix must end at a dot
    ("x", "CONTACT.EMAIL", False),
])
def test_allow_lists_are_case_insensitive(text, rule, allowed):
    policy = Policy(allow_terms=("A&E",), allow_rules=("Contact.Phone",))
    assert policy.allows(text, rule) is allowed


def test_opt_out_marker():
    assert Policy().opted_out("Off to hospital for my scan #TWEETMIX-OK")
    assert not Policy(opt_out_marker="").opted_out("#tweetmix-ok")


def test_tweetmix_toml_and_pyproject(tmp_path):
    (tmp_path / "tweetmix.toml").write_text('threshold = 0.8\nallow_terms = ["NHS"]\n')
    assert Policy.from_file(tmp_path / "tweetmix.toml") == Policy(threshold=0.8,
                                                                    allow_terms=("NHS",))
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert Policy.discover(nested).threshold == 0.8
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.tweetmix]\n'
                                          'warn-categories = ["health"]\n')
    assert Policy.discover(other).warn_categories == ("health",)


def test_bad_toml_names_the_file(tmp_path):
    path = tmp_path / "tweetmix.toml"
    path.write_text("threshold = = 1")
    with pytest.raises(ValueError, match="tweetmix.toml is not valid TOML"):
        Policy.from_file(path)
    path.write_text("threshold = 3")
    with pytest.raises(ValueError, match=r"tweetmix.toml: threshold must be"):
        Policy.from_file(path)


def test_overrides_ignore_none():
    assert Policy().with_overrides(threshold=None, max_chars=50).max_chars == 50
