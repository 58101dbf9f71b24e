"""From scores and evidence to findings: which categories a post discloses, and where.

Three sources meet here:

* the category model's probabilities (:class:`~tweetmix.runtime.CategoryWeights`), with
  per-category thresholds chosen for precision on held-out posts;
* evidence cues (:mod:`tweetmix.evidence`): lexicon words in first-person or own-circle framing,
  which both lower the bar for a category (the post says "my", so it is a disclosure, not a
  discussion) and give the spans a person is shown;
* contact-detail rules (:mod:`tweetmix.contacts`), which need no model at all.

A category whose model score clears its threshold but has no cue is explained by the terms that
raised its score most, so every reported category comes with the words that show it.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from .contacts import find_contact_details
from .evidence import find_evidence
from .explain import Contribution, term_spans, top_spans
from .result import Finding
from .tokenize import Token

__all__ = ["CATEGORY_PHRASES", "EVIDENCE_FACTOR", "disclose", "message_for"]

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

#: A framed cue lowers a category's threshold to this fraction of it.
EVIDENCE_FACTOR = 0.5

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
    if words is not None:  # located lazily, for the terms shown only
        return top_spans([Contribution(terms[c], float(w), ()) for c, w in zip(columns, weights)
                          if w > 0], k=2, spans_of=words.spans_of)
    located = term_spans(tokens, runtime.word.ngram_range[1])
    contributions = [Contribution(terms[c], float(w), tuple(located.get(terms[c], ())))
                     for c, w in zip(columns, weights) if w > 0]
    return top_spans(contributions, k=2)


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
    if categories is None:
        return scores, findings
    probabilities, columns, scaled = runtime.category_scores(tokens, word_counts, words)
    values = probabilities.tolist()
    scores = dict(zip(categories.names, values))
    for row, (name, p, threshold) in enumerate(zip(categories.names, values,
                                                   categories.thresholds)):
        if p < threshold * EVIDENCE_FACTOR:
            continue  # under the bar even with framed cues
        framed = [c for c in cues.get(name, ()) if c.framed]
        bar = threshold * (EVIDENCE_FACTOR if framed else 1.0)
        if p < bar:
            continue
        if framed:
            message = message_for(name, [c.text for c in framed])
            findings.extend(Finding(c.start, c.end, c.text, name, c.rule_id, message, p)
                            for c in framed)
            continue
        chosen = _model_spans(tokens, runtime, row, columns, scaled, words)
        quotes = [text[s:e] for c in chosen for s, e in c.spans[:1]]
        message = message_for(name, quotes)
        for c in chosen:
            for start, end in c.spans:
                findings.append(Finding(start, end, text[start:end], name,
                                        f"{name}.model", message, c.weight))
        if not chosen:
            findings.append(Finding(0, 0, "", name, f"{name}.model", message, p))
    findings.sort(key=lambda f: (f.start, f.end, f.category))
    return scores, findings
