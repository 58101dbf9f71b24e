"""Tweet normalisation and tokenisation with character spans.

The token patterns for URLs, e-mail addresses, emoticons, emoji sequences and words are nltk's
``TweetTokenizer`` patterns (``nltk.tokenize.casual``), read from nltk as data when first needed.
We combine them with our own handle, hashtag and phone-number patterns into one regular
expression compiled with the standard library's :mod:`re`, and match it on the *original* text,
so every token keeps its character span. This fixes nltk's known traps:

* spans: nltk rewrites the text (HTML entities, handle stripping, lengthening) before matching,
  so its tokens cannot be mapped back to the post; we never rewrite the text we match on.
* handles glued to words (``hi@anna``) are not handles, as on Twitter; ``@Anna`` and ``@anna``
  mask to the same placeholder.
* nltk's phone pattern is quadratic on long digit runs; ours has bounded repetition only.
* emoji with variation selectors, skin tones and zero-width joiners stay one token.
* ``preserve_case=False`` costs nltk a regex per token; we lower-case each surface directly.

A fitted model stores the pattern strings (:func:`pattern_sources`) so the check path can build
the same tokenizer without importing nltk.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Mapping, NamedTuple

__all__ = [
    "Token",
    "PostTokenizer",
    "tokenize",
    "tokenize_with_spans",
    "tokens_and_words",
    "normalize",
    "join_normalised",
    "pattern_sources",
    "TOKENIZER_VERSION",
    "USER",
    "URL",
    "EMAIL",
    "PHONE",
    "NUMBER",
]

#: Bump when tokenisation changes in a way that changes tokens: models record it, and a model
#: made with another version is refused rather than silently scored with different tokens.
TOKENIZER_VERSION = 1

USER = "<user>"
URL = "<url>"
EMAIL = "<email>"
PHONE = "<phone>"
NUMBER = "<num>"

_MODIFIERS = "\ufe0f\ufe0e\U0001f3fb-\U0001f3ff"

# Our own patterns. Every repetition that can meet a long run of the same character is either
# bounded or followed by a character class that cannot backtrack into it, so matching is linear.
_OWN_PATTERNS: dict[str, str] = {
    # Fast path: a plain word followed by a space, comma or end of text can be nothing else
    # (URLs, e-mails and contractions need '.', '@', ':' or an apostrophe next), and most
    # words are like that, so trying it first saves every other alternative on them.
    "plain": r"[^\W\d_]+(?=[\s,!?;)\]\"]|\Z)",
    "entity": r"&(?:[a-z]{2,8}|\#\d{1,7}|\#x[0-9a-f]{1,6});",
    "phone": r"""(?<![\w+])(?:
          \+\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{2,5}(?:[ .\-]?\d{2,5}){1,4}
        | \(?0\d{1,4}\)?[ .\-]?\d{3,4}[ .\-]?\d{3,4}
        | \(\d{3}\)[ .\-]?\d{3}[ .\-]\d{4}
        | \d{3}[.\-]\d{3}[.\-]\d{4}
        )(?![\w])""",
    "handle": r"(?<![\w@])@\w{1,30}(?:@[\w\-]+(?:\.[\w\-]+)+)?",
    "hashtag": r"(?<![\w&])\#\d*[^\W\d]\w*",
    "emoji": rf"""(?:\S[{_MODIFIERS}]*(?:\u200d\S[{_MODIFIERS}]*)+|[^\w\s][{_MODIFIERS}]+)""",
}

# Order matters: the first alternative that matches at a position wins.
_ORDER = ("plain", "email", "url", "entity", "phone", "emoticon", "tag", "arrow", "handle", "hashtag",
          "emoji", "zwj", "flag", "word")

_NUMBER_RE = re.compile(r"[+\-]?\d+(?:[,/.:\-]\d+)*[+\-]?")
_ELONGATION_RE = re.compile(r"(.)\1{2,}", re.DOTALL)
_CAMEL_RE = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+")
_STRIP_MODIFIERS_RE = re.compile("[\ufe0f\ufe0e]")
_BARE_LINK_WORDS = frozenset({"http", "https"})
_TRAILING_PUNCTUATION = frozenset(",.!?;")
_SPACED_DOT_RE = re.compile(r"[^\S\r\n]*\.")


def pattern_sources() -> dict[str, str]:
    """Return the named pattern strings the tokenizer is built from.

    nltk's patterns are read from ``nltk.tokenize.casual``; this is the only place tweetmix
    imports nltk for tokenisation, and only when no stored patterns are supplied.
    """
    from nltk.tokenize import casual  # heavy (about a second): training side only

    # casual.REGEXPS is (urls, emoticons, html tags, arrows, handles, hashtags, e-mail,
    # zwj/skin-tone emoji, flags, words); we take the ones we do not replace.
    regexps = casual.REGEXPS
    nltk_patterns = {
        "url": casual.URLS,
        "email": regexps[6],
        "emoticon": casual.EMOTICONS,
        "tag": regexps[2],
        "arrow": regexps[3],
        "zwj": regexps[7],
        "flag": casual.FLAGS,
        "word": regexps[-1],
    }
    merged = {**nltk_patterns, **_OWN_PATTERNS}
    return {name: merged[name] for name in _ORDER}


_COMPILED: dict[tuple[tuple[str, str], ...], re.Pattern[str]] = {}


def _compiled(patterns: Mapping[str, str] | None) -> re.Pattern[str]:
    key = tuple((patterns or pattern_sources()).items())
    regex = _COMPILED.get(key)
    if regex is None:
        regex = re.compile(
            "|".join(f"(?P<{name}>{source})" for name, source in key),
            re.VERBOSE | re.IGNORECASE,
        )
        _COMPILED[key] = regex
    return regex


class Token(NamedTuple):
    """A normalised token and the span ``text[start:end]`` it came from."""

    text: str
    start: int
    end: int
    kind: str


def _reduce_elongation(word: str) -> str:
    """``soooo`` -> ``soo``: three or more repeats become two (idempotent)."""
    return _ELONGATION_RE.sub(r"\1\1", word)


def _hashtag_words(tag: str) -> list[tuple[str, int, int]]:
    """Split ``#MondayMotivation`` into ``monday`` and ``motivation`` with offsets in the tag."""
    body = tag.lstrip("#")
    offset = len(tag) - len(body)
    parts = [(m.group(), m.start() + offset, m.end() + offset) for m in _CAMEL_RE.finditer(body)]
    if len(parts) <= 1:
        return [(body, offset, len(tag))]
    return parts


def _lower(text: str) -> str:
    """Lower-case without changing the length ('İ'.lower() is two characters: keep such letters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=1 << 16)
def _normalise_word(surface: str) -> str:
    if _NUMBER_RE.fullmatch(surface):
        return NUMBER
    lowered = _lower(surface)
    if lowered in _BARE_LINK_WORDS:  # datasets and some clients strip links down to "http"
        return URL
    return _reduce_elongation(lowered)


def tokenize_with_spans(
    text: str,
    *,
    split_hashtags: bool = True,
    patterns: Mapping[str, str] | None = None,
) -> list[Token]:
    """Tokenise ``text`` into normalised :class:`Token` objects with character spans.

    Handles, URLs, e-mail addresses, phone numbers and numbers become placeholders; words are
    lower-cased with elongations reduced; emoji stay tokens. A hashtag yields the tag itself and,
    when ``split_hashtags``, its words (``#NightShift`` -> ``#nightshift``, ``night``, ``shift``).

    >>> [t.text for t in tokenize_with_spans("Sooo tired @Anna #NightShift https://t.co/x 😴")]
    ['soo', 'tired', '<user>', '#nightshift', 'night', 'shift', '<url>', '😴']
    >>> tokenize_with_spans("call 020 7946 0958")[1]
    Token(text='<phone>', start=5, end=18, kind='phone')
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    return _tokenize(text, _compiled(patterns), split_hashtags, None)


def tokens_and_words(text: str, *, patterns: Mapping[str, str] | None = None
                     ) -> tuple[list[Token], list[str]]:
    """:func:`tokenize_with_spans` and ``join_normalised(text, tokens).split()`` in one pass.

    The check path needs both: the tokens for word n-grams and the words of the normalised
    text for character n-grams. A plain word's normalised form is known from the cache the
    tokenizer keeps anyway, so only the other stretches of the post are joined and split.

    >>> tokens_and_words("Sooo tired, @Anna #NightShift")[1]
    ['soo', 'tired,', '<user>', '#nightshift']
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    words: list[str] = []
    return _tokenize(text, _compiled(patterns), True, words), words


def _tokenize(text: str, regex: re.Pattern[str], split_hashtags: bool,
              words: list[str] | None) -> list[Token]:
    """The tokens of ``text``; with a ``words`` list, also the words of the normalised text
    appended to it (see :func:`tokens_and_words`)."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__  # Token(...) without its Python-level __new__
    plain = _PLAIN_CHUNKS
    if len(plain) > _PLAIN_CHUNKS_LIMIT:
        plain.clear()
    find = text.find
    # Most whitespace-separated chunks are plain words, maybe with one trailing punctuation
    # mark; the full pattern would give exactly one word token for them (tests hold it to
    # that), so they skip it. Runs of other chunks go through the full pattern together, so
    # tokens that span spaces (phone numbers, spaced ellipses) still match. ``str.split``
    # splits where ``\S+`` does (both use Unicode whitespace), and ``find`` from the end of
    # the previous chunk gives each chunk's position: cheaper than a match object per chunk.
    region_start = region_end = -1
    position = 0
    for chunk in text.split():
        start = find(chunk, position)
        position = start + len(chunk)
        entry = plain.get(chunk)
        if entry is None:
            entry = plain[chunk] = _plain_chunk(chunk)
        if entry and not (entry[2] == "." and _SPACED_DOT_RE.match(text, position)):
            if region_start >= 0:
                _match_region(text, regex, region_start, region_end, split_hashtags, tokens,
                              words)
                region_start = -1
            normalised, length, mark, joined = entry
            end = start + length
            append(new(Token, (normalised, start, end, "word")))
            if mark:
                append(new(Token, (mark, end, end + 1, "word")))
            if words is not None:
                words.append(joined)
        else:
            if region_start < 0:
                region_start = start
            region_end = position
    if region_start >= 0:
        _match_region(text, regex, region_start, region_end, split_hashtags, tokens, words)
    return tokens


#: Chunk -> (normalised word, length of the word, trailing mark or "", the two joined) for
#: chunks that are a plain word with at most one trailing punctuation mark, ``()`` for others.
#: A chunk ending in "." is plain unless a spaced ellipsis follows, which depends on the text
#: after it, so that is checked for each occurrence. Bounded: cleared past the limit.
_PLAIN_CHUNKS: dict[str, tuple[str, int, str, str] | tuple[()]] = {}
_PLAIN_CHUNKS_LIMIT = 200_000


def _plain_chunk(chunk: str) -> tuple[str, int, str, str] | tuple[()]:
    """The :data:`_PLAIN_CHUNKS` entry of ``chunk`` (assuming no spaced ellipsis follows)."""
    mark = chunk[-1] if chunk[-1] in _TRAILING_PUNCTUATION else ""
    word = chunk[:-1] if mark else chunk
    if not word.isalpha():
        return ()
    normalised = _normalise_word(word)
    return (normalised, len(word), mark, normalised + mark)


def _tokenize_reference(text: str, split_hashtags: bool = True,
                        patterns: Mapping[str, str] | None = None) -> list[Token]:
    """The full pattern over the whole text, without the plain-word shortcut (for tests)."""
    tokens: list[Token] = []
    _match_region(text, _compiled(patterns), 0, len(text), split_hashtags, tokens)
    return tokens


def _match_region(text: str, regex: re.Pattern[str], start: int, end: int,
                  split_hashtags: bool, tokens: list[Token], words: list[str] | None = None
                  ) -> None:
    """Tokens of ``text[start:end]`` by the full pattern (lookbehinds see the whole text).

    With a ``words`` list, the words of this stretch of the normalised text are appended to it
    (whitespace, which is never inside a token here, separates the stretch from the rest).
    """
    first = len(tokens)
    region_start, region_end = start, end
    append = tokens.append
    new = tuple.__new__  # Token(...) without its Python-level __new__
    for match in regex.finditer(text, start, end):
        kind = match.lastgroup or "word"
        surface = match.group()
        start, end = match.span()
        if kind == "plain" or kind == "word":
            append(new(Token, (_normalise_word(surface), start, end, "word")))
        elif kind == "handle":
            append(new(Token, (USER, start, end, kind)))
        elif kind == "url":
            append(new(Token, (URL, start, end, kind)))
        elif kind == "email":
            append(new(Token, (EMAIL, start, end, kind)))
        elif kind == "phone":
            append(new(Token, (PHONE, start, end, kind)))
        elif kind == "hashtag":
            append(new(Token, ("#" + _reduce_elongation(_lower(surface[1:])), start, end, kind)))
            if split_hashtags:
                for word, s, e in _hashtag_words(surface):
                    append(new(Token, (_normalise_word(word), start + s, start + e,
                                       "hashtag_word")))
        elif kind == "entity":
            append(new(Token, (html.unescape(_lower(surface)), start, end, kind)))
        elif kind in ("emoji", "zwj", "flag"):
            append(new(Token, (_STRIP_MODIFIERS_RE.sub("", surface) or surface, start, end,
                               "emoji")))
        else:  # emoticon, tag, arrow
            append(new(Token, (_reduce_elongation(_lower(surface)), start, end, kind)))
    if words is not None:
        words += _join(text, region_start, region_end, tokens[first:]).split()


def tokenize(text: str, *, patterns: Mapping[str, str] | None = None) -> list[str]:
    """Normalised tokens of ``text`` (see :func:`tokenize_with_spans`).

    >>> tokenize("LOVED it!!! @jo see http://x.co :D")
    ['loved', 'it', '!', '!', '!', '<user>', 'see', '<url>', ':d']
    """
    return [t.text for t in tokenize_with_spans(text, patterns=patterns)]


def normalize(text: str, *, patterns: Mapping[str, str] | None = None) -> str:
    """Return ``text`` with every token replaced by its normal form, spacing kept.

    This is what character n-grams are computed on. Normalising twice changes nothing.

    >>> normalize("Sooo TIRED @Anna, see https://t.co/x at 9:30")
    'soo tired <user>, see <url> at <num>'
    """
    return join_normalised(text, tokenize_with_spans(text, split_hashtags=False, patterns=patterns))


def join_normalised(text: str, tokens: list[Token]) -> str:
    """Rebuild ``text`` with each token's span replaced by its normal form (hashtag words skipped)."""
    return _join(text, 0, len(text), tokens)


def _join(text: str, start: int, end: int, tokens: list[Token]) -> str:
    """:func:`join_normalised` of ``text[start:end]``, which holds ``tokens``."""
    pieces: list[str] = []
    position = start
    for token in tokens:
        if token[3] == "hashtag_word":
            continue
        pieces.append(text[position:token[1]])
        pieces.append(token[0])
        position = token[2]
    pieces.append(text[position:end])
    return "".join(pieces)


class PostTokenizer:
    """Callable tokenizer for scikit-learn vectorizers: ``TfidfVectorizer(tokenizer=PostTokenizer())``.

    ``__init__`` only stores settings, so instances pickle and clone cleanly; ``patterns`` lets a
    stored model rebuild the exact tokenizer it was trained with, without importing nltk.

    >>> PostTokenizer()("Hello @World #BigNews")
    ['hello', '<user>', '#bignews', 'big', 'news']
    """

    def __init__(self, split_hashtags: bool = True, patterns: Mapping[str, str] | None = None):
        self.split_hashtags = split_hashtags
        self.patterns = patterns

    def __call__(self, text: str) -> list[str]:
        return [
            t.text
            for t in tokenize_with_spans(
                text, split_hashtags=self.split_hashtags, patterns=self.patterns
            )
        ]

    def __repr__(self) -> str:
        return f"PostTokenizer(split_hashtags={self.split_hashtags!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, PostTokenizer)
            and other.split_hashtags == self.split_hashtags
            and other.patterns == self.patterns
        )

    def __hash__(self) -> int:
        return hash((type(self), self.split_hashtags))
