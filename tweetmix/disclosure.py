"""From scores and evidence to findings: which categories a post discloses, and where.

Three sources meet here:

* the category model's probabilities (:class:`~tweetmix.runtime.CategoryWeights`);
* evidence cues (:mod:`tweetmix.evidence`): lexicon words in first-person or own-circle framing
  (the post says "my", so it is a disclosure, not a discussion). The model's probability and the
  counts of framed and unframed cues are combined by a small fitted stack
  (:mod:`tweetmix.stacking`) whose threshold per category was chosen for precision on held-out
  posts; framed cues are also the spans a person is shown;
* contact-detail rules (:mod:`tweetmix.contacts`), which need no model at all.

A category reported without a framed cue is explained by the terms that raised its score most.
Only terms that name something count: if all the model has is "at", "night" and a quotation
mark, nothing in the post shows the category and it is not reported, so every reported
category comes with words a person can recognise as the reason.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from .contacts import find_contact_details
from .evidence import find_evidence
from .explain import Contribution, readable, term_spans, top_spans
from .result import Finding
from .tokenize import Token

__all__ = ["CATEGORY_PHRASES", "EVIDENCE_FACTOR", "FUNCTION_WORDS", "disclose", "message_for",
           "names_something"]

#: How a friend would say what a category reveals.
CATEGORY_PHRASES = {
    "health": "mentions your health",
    "sexuality": "talks about your sex life or sexuality",
    "relationships": "talks about your love life",
    "family": "shares details about your family",
    "substances": "mentions drinking or drugs",
    "emotional_distress": "shows you are going through a hard time",
    "whereabouts": "says where you are or when your home is empty",
    "finances": "reveals your money situation",
    "work_grievance": "complains about your work or employer",
    "beliefs": "reveals your religious or political views",
    "contact_details": "includes contact details",
    "personal": "reads as personal",
}

#: For models saved before the stack (runtime format 2): a framed cue lowers a category's
#: threshold to this fraction of it.
EVIDENCE_FACTOR = 0.5

#: Words that name nothing by themselves. A term made only of these (or of punctuation, single
#: letters and placeholders such as ``<num>``) is never quoted as the reason for a category.
FUNCTION_WORDS = frozenset("""
a about above after again against ago all almost also am an and any anyone anything are around as
at away back be because been before being below between both but by can can't cannot cant come
comes coming could couldn't did didn't do does doesn't doing don't done dont down during each
else even ever every everyone everything few for from get gets getting go goes going gone gonna
got gotta had hadn't has hasn't have haven't having he he'd he'll he's her here hers herself him
himself his how i i'd i'll i'm i've id ill im in into is isn't it it's its itself ive just keep
let let's like made make makes many may me might mine more most much must my myself near never
next no nor not now of off oh ok okay on once one only onto or other our ours ourselves out over
own pm quite rather really same say says see she she'd she'll she's should so some something still
such take than that that's thats the their theirs them themselves then there there's these they
they'd they'll they're they've thing things this those though through thru to too under until up
upon us very was wasn't way we we'd we'll we're we've well went were weren't what what's when
where which while who who's whom whose why will with within without won't would wouldn't yeah
yes yet you you'd you'll you're you've your yours yourself yourselves u ur y'all yall lol
day days night nights time times today tonight tomorrow yesterday week weeks morning evening
""".split())


def names_something(term: str) -> bool:
    """Whether a model term could show a person why a category was raised: it holds a
    :func:`~tweetmix.explain.readable` word that is not a function word.

    >>> [names_something(t) for t in ("at", "my dad", '" .', "a &", "<num> pm", "#sad", "rehab")]
    [False, True, False, False, False, True, True]
    """
    return any(word not in FUNCTION_WORDS and readable(word) for word in term.split(" "))

_CONTACT_LABELS = {"phone": "a phone number", "email": "an e-mail address",
                   "address": "a street address", "postcode": "a postcode"}


def message_for(category: str, quotes: Sequence[str]) -> str:
    """``mentions your health: 'A&E', 'no sleep'``."""
    shown = ", ".join(f"'{q}'" for q in dict.fromkeys(quotes))
    phrase = CATEGORY_PHRASES.get(category, category.replace("_", " "))
    return f"{phrase}: {shown}" if shown else phrase


def _model_spans(tokens: Sequence[Token], runtime: Any, row: int, columns: list[int],
                 scaled: Any, words: Any = None) -> list[Contribution]:
    """Terms that raised category ``row``'s score most, placed on their tokens."""
    if not columns:
        return []
    terms = runtime.category_terms
    weights = runtime.categories.by_term[columns, row] * scaled
    raising = [(terms[c], float(w)) for c, w in zip(columns, weights)
               if w > 0 and names_something(terms[c])]
    if words is not None:  # located lazily, for the terms shown only
        return top_spans([Contribution(term, w, ()) for term, w in raising], k=2,
                         spans_of=words.spans_of)
    located = term_spans(tokens, runtime.word.ngram_range[1])
    return top_spans([Contribution(term, w, tuple(located.get(term, ()))) for term, w in raising],
                     k=2)


def disclose(text: str, tokens: Sequence[Token], runtime: Any,
             word_counts: Mapping[str, int] | None = None, *, words: Any = None
             ) -> tuple[dict[str, float], list[Finding]]:
    """Scores of the modelled categories, and the findings for every category detected.

    ``word_counts`` (the post's word n-gram counts) or ``words`` (its
    :class:`~tweetmix.runtime.WordTerms`, counted with spans) save counting again when the
    caller already has them.
    """
    findings: list[Finding] = []
    scores: dict[str, float] = {}
    for span in find_contact_details(text):
        findings.append(Finding(span.start, span.end, span.text, "contact_details", span.rule_id,
                                message_for("contact_details", [_CONTACT_LABELS.get(
                                    span.kind, span.kind)]).replace("'", ""), 1.0))
    cues: dict[str, list[Any]] = {}
    for cue in find_evidence(text):
        cues.setdefault(cue.category, []).append(cue)
    categories = runtime.categories
    if categories is None:  # no learned category rows (out-of-core models): framed cues alone
        for name, found in cues.items():
            framed = [c for c in found if c.framed]
            message = message_for(name, [c.text for c in framed])
            findings.extend(Finding(c.start, c.end, c.text, name, c.rule_id, message, 1.0)
                            for c in framed)
        findings.sort(key=lambda f: (f.start, f.end, f.category))
        return scores, findings
    probabilities, columns, scaled = runtime.category_scores(tokens, word_counts, words)
    values = probabilities.tolist()
    stack = getattr(categories, "stack", None)
    for row, (name, p, threshold) in enumerate(zip(categories.names, values,
                                                   categories.thresholds)):
        found = cues.get(name, ())
        framed = [c for c in found if c.framed]
        if stack is not None:
            p = stack.probability(row, p, len(framed), len(found) - len(framed))
            reported = p >= threshold
        else:  # a model saved before the stack existed (runtime format 1 or 2)
            reported = p >= threshold * (EVIDENCE_FACTOR if framed else 1.0)
        scores[name] = p
        if not reported:
            continue
        if framed:
            message = message_for(name, [c.text for c in framed])
            findings.extend(Finding(c.start, c.end, c.text, name, c.rule_id, message, p)
                            for c in framed)
            continue
        chosen = _model_spans(tokens, runtime, row, columns, scaled, words)
        if not chosen:
            continue  # nothing in the post names it (see the module notes)
        message = message_for(name, [text[s:e] for c in chosen for s, e in c.spans[:1]])
        for c in chosen:
            for start, end in c.spans:
                findings.append(Finding(start, end, text[start:end], name,
                                        f"{name}.model", message, c.weight))
    findings.sort(key=lambda f: (f.start, f.end, f.category))
    return scores, findings
