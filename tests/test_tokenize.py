from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetmix.tokenize import (PostTokenizer, _tokenize_reference, normalize, tokenize,
                               tokenize_with_spans)

CASES = [
    ("Hello World", ["hello", "world"]),
    ("soooo tired!!!", ["soo", "tired", "!", "!", "!"]),
    ("@Anna thanks", ["<user>", "thanks"]),
    ("@anna and @ANNA", ["<user>", "and", "<user>"]),                      # case of handles
    ("hi@anna", ["hi", "@", "anna"]),                                       # glued: not a handle
    ("thanks @bob's team", ["thanks", "<user>", "'", "s", "team"]),
    ("@jo@mastodon.social hey", ["<user>", "hey"]),
    ("see https://t.co/abc123.", ["see", "<url>", "."]),                    # greedy URL trap
    ("(https://example.com/a)", ["(", "<url>", ")"]),
    ("visit bbc.co.uk/news today", ["visit", "<url>", "today"]),
    ("links stripped to http", ["links", "stripped", "to", "<url>"]),
    ("mail jo.smith+x@mail.co.uk", ["mail", "<email>"]),
    ("call 020 7946 0958 now", ["call", "<phone>", "now"]),                 # phone with spaces
    ("ring +44 7700 900123", ["ring", "<phone>"]),
    ("(555) 123-4567", ["<phone>"]),
    ("555.123.4567", ["<phone>"]),
    ("it's 2019-2020", ["it's", "<num>"]),                                  # not a phone
    ("v1.2.3 out", ["v1", ".", "<num>", "out"]),
    ("£4.50 each", ["£", "<num>", "each"]),
    ("#NightShift again", ["#nightshift", "night", "shift", "again"]),
    ("#blessed", ["#blessed", "blessed"]),
    ("#COVID19Vaccine", ["#covid19vaccine", "covid", "<num>", "vaccine"]),
    ("we're #1", ["we're", "#", "<num>"]),
    ("👩‍👩‍👧‍👦 family", ["👩\u200d👩\u200d👧\u200d👦", "family"]),       # ZWJ sequence
    ("👍🏽 ok", ["👍🏽", "ok"]),                                            # skin tone
    ("❤️ you", ["❤", "you"]),                                              # variation selector
    ("🇬🇧🇮🇪", ["🇬🇧", "🇮🇪"]),
    (":) :-D <3 :'(", [":)", ":-d", "<3", ":'("]),
    ("fish &amp; chips", ["fish", "&", "chips"]),
    ("wait . . . what", ["wait", ". . .", "what"]),
    ("don't can't y'all", ["don't", "can't", "y'all"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_token_table(text, expected):
    assert tokenize(text) == expected


@pytest.mark.parametrize("text, _", CASES)
def test_shortcut_matches_full_pattern(text, _):
    assert tokenize_with_spans(text) == _tokenize_reference(text)


def test_spans_point_at_the_surface():
    text = "Sooo tired @Anna #NightShift https://t.co/x 😴"
    surfaces = [text[t.start:t.end] for t in tokenize_with_spans(text)]
    assert surfaces == ["Sooo", "tired", "@Anna", "#NightShift", "Night", "Shift",
                        "https://t.co/x", "😴"]


def test_normalize_keeps_spacing():
    assert normalize("Sooo TIRED @Anna,  see https://t.co/x") == "soo tired <user>,  see <url>"


def test_tokenizer_is_picklable_and_usable_in_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    tokenizer = pickle.loads(pickle.dumps(PostTokenizer()))
    vectorizer = TfidfVectorizer(tokenizer=tokenizer, token_pattern=None, lowercase=False)
    vectorizer.fit(["Hello @World #BigNews", "hello again"])
    assert "<user>" in vectorizer.vocabulary_ and "news" in vectorizer.vocabulary_


def test_stored_patterns_give_the_same_tokens():
    from tweetmix.tokenize import pattern_sources

    patterns = dict(pattern_sources())
    text = "RT @x: soooo good!! https://a.co #WinWin :)"
    assert tokenize(text, patterns=patterns) == tokenize(text)


@pytest.mark.parametrize("text", [
    "9" * 20_000,                      # nltk's phone pattern is quadratic on this
    "a" * 10_000,
    "😀\u200d" * 5_000,                # deeply nested ZWJ sequence
    "a." * 5_000,
    "#" * 10_000,
    "+1 " * 3_000,
    "a@b." * 2_500,
])
def test_adversarial_inputs_are_tokenized(text):
    tokens = tokenize_with_spans(text)
    assert tokens and all(0 <= t.start < t.end <= len(text) for t in tokens)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_spans_slice_the_text(text):
    tokens = tokenize_with_spans(text)
    position = 0
    for token in tokens:
        assert text[token.start:token.end].strip(), token
        if token.kind != "hashtag_word":
            assert token.start >= position
            position = token.end


TWEETY = st.lists(
    st.sampled_from(list("abcAB XYZ019 .,!?@#:;'-_/()&<>\n\t") +
                    ["😀", "\u200d", "🏽", "\ufe0f", "é", "ß", "İ", "http", "www.", ".com", "amp;"]),
    max_size=40,
).map("".join)


# Posts as whitespace-separated pieces of the shapes real posts have. (Inside one chunk a
# placeholder can create a boundary that was not there, e.g. "a.com0" -> "a.com<num>", whose
# "a.com" then reads as a link; normalisation is idempotent per whitespace-separated piece.)
PIECES = st.one_of(
    st.text(alphabet="abcxyzABCXYZéß", min_size=1, max_size=8),
    st.sampled_from(["@Anna", "@bob_99:", "#NightShift", "#blessed", "https://t.co/x1", "bbc.co.uk",
                     "jo@mail.com", "020 7946 0958", "+44 7700 900123", "12", "3.5", "2019-2020",
                     "£4.50", "😀", "👍🏽", "❤️", "👩\u200d👩\u200d👧", ":)", ":-D", "<3", "&amp;",
                     "sooooo", "LOOOL", "don't", "...", "!!!", "(", ")", "İstanbul", "v1.2.3"]),
)
SENTENCES = st.lists(PIECES, max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(SENTENCES)
def test_normalising_twice_changes_nothing(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=400, deadline=None)
@given(TWEETY)
def test_shortcut_agrees_with_full_pattern(text):
    assert tokenize_with_spans(text) == _tokenize_reference(text)


def test_rejects_non_strings():
    with pytest.raises(TypeError):
        tokenize_with_spans(None)  # type: ignore[arg-type]


# -- the check path's one-pass tokens and normalised words ---------------------------------------

from tweetmix.tokenize import join_normalised, tokens_and_words  # noqa: E402

# Whitespace that str.split and the pattern's \s both treat as a break, beyond space and tab.
ODD_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\x85",
                              " \r\n "])
SPACED = st.lists(st.tuples(PIECES, ODD_SPACES), max_size=20).map(
    lambda pairs: "".join(piece + space for piece, space in pairs))


@pytest.mark.parametrize("text", [text for text, _ in CASES] + [
    "wait. . . what", "wait. ok", "end.", "tired, so tired. tired! tired", "a.\u00a0. b",
])
def test_tokens_and_words_equal_tokens_and_split_normalised_text(text):
    for _ in range(2):  # the second time from the plain-chunk cache
        tokens, words = tokens_and_words(text)
        assert tokens == tokenize_with_spans(text)
        assert words == join_normalised(text, tokens).split()


@settings(max_examples=300, deadline=None)
@given(st.one_of(TWEETY, SENTENCES, SPACED))
def test_tokens_and_words_agree_with_the_two_steps(text):
    tokens, words = tokens_and_words(text)
    assert tokens == tokenize_with_spans(text) == _tokenize_reference(text)
    assert words == join_normalised(text, tokens).split()


def test_a_cached_plain_chunk_still_checks_for_a_following_ellipsis():
    """"wait." is a plain word plus a full stop, unless a spaced ellipsis follows it."""
    assert tokenize("so wait. ok") == ["so", "wait", ".", "ok"]
    assert tokenize("so wait. . . ok") == ["so", "wait", ". . .", "ok"]
    assert tokenize_with_spans("so wait. . . ok") == _tokenize_reference("so wait. . . ok")


def test_tokens_and_words_rejects_non_strings():
    with pytest.raises(TypeError, match="expected str"):
        tokens_and_words(b"bytes")  # type: ignore[arg-type]
