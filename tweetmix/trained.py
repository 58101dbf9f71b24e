"""A trained model as users hold it: runtime scorer + manifest (+ the scikit-learn estimator).

Scoring and checking run on the :class:`~tweetmix.runtime.RuntimeModel`, so they need neither
scikit-learn nor nltk; the estimator is there for training-side work (refitting, evaluation,
inspection) and is loaded only when asked for.
"""
from __future__ import annotations

import copy
import math
import os
import pathlib
from typing import Any, Iterable, Mapping, overload

from .disclosure import CATEGORY_PHRASES, disclose
from .exceptions import IncompatibleModelError, InvalidTextError, TextTooLongError
from .explain import top_contributions
from .persistence import (check_estimator_versions, dump_estimator, load_estimator, read_header,
                          read_section, write_model_file)
from .policy import ALL_CATEGORIES, Policy
from .result import CheckResult, Finding
from .runtime import RuntimeModel
from .tokenize import tokens_and_words

__all__ = ["TweetmixModel", "as_text_list", "validate_post"]


def validate_post(text: Any, max_chars: int, index: int | None = None) -> str:
    """Return ``text`` if it can be checked, else raise saying what is wrong with it."""
    where = "post" if index is None else f"post {index}"
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and math.isnan(text)):
            raise InvalidTextError(f"{where} is missing ({text!r}); give the post's text")
        raise InvalidTextError(
            f"{where} is a {type(text).__name__} ({text!r:.40}), not text; pass a str"
        )
    if not text.strip():
        raise InvalidTextError(f"{where} is empty or only whitespace; there is nothing to check")
    if len(text) > max_chars:
        raise TextTooLongError(
            f"{where} is {len(text):,} characters, over the limit of {max_chars:,}; split it into "
            "posts, or raise the limit with Policy(max_chars=...) / --max-chars"
        )
    return text


def as_text_list(texts: Any) -> list[Any]:
    """Accept a list, tuple, numpy array, pandas Series or any iterable of posts."""
    if isinstance(texts, (str, bytes)):
        raise TypeError("expected several posts; for one post pass the string itself to check()")
    if hasattr(texts, "tolist"):
        return list(texts.tolist())
    return list(texts)


class TweetmixModel:
    """A trained personal-vs-professional model.

    Attributes
    ----------
    runtime : RuntimeModel
        The compact scorer the check path runs.
    manifest : dict
        Versions, labels, policy defaults, training data size and hash, cross-validated metrics.
    """

    def __init__(self, runtime: RuntimeModel, manifest: Mapping[str, Any], estimator: Any = None,
                 source: str = "in memory", disclosure: Any = None):
        self.runtime = runtime
        self.manifest = dict(manifest)
        self._estimator = estimator
        self._disclosure = disclosure
        self.source = source
        self._policy: tuple[Any, Policy] | None = None

    def __repr__(self) -> str:
        metrics = self.manifest.get("metrics", {})
        auc = metrics.get("roc_auc")
        tail = f", cv roc_auc={auc:.3f}" if isinstance(auc, float) else ""
        return f"<TweetmixModel {self.name!r} from {self.source}{tail}>"

    @property
    def name(self) -> str:
        return str(self.manifest.get("name", "custom"))

    @property
    def estimator(self) -> Any:
        """The scikit-learn :class:`~tweetmix.model.PersonalClassifier` (``None`` if not loaded)."""
        return self._estimator

    @property
    def disclosure_estimator(self) -> Any:
        """The scikit-learn :class:`~tweetmix.model.DisclosureClassifier` (``None`` if absent)."""
        return self._disclosure

    @property
    def default_policy(self) -> Policy:
        """The manifest's policy (kept while the manifest's policy entry stays the same)."""
        source = self.manifest.get("policy", {})
        if self._policy is None or self._policy[0] != source:
            self._policy = (copy.deepcopy(source), Policy.from_dict(source))
        return self._policy[1]

    # -- prediction -------------------------------------------------------------------------
    def score(self, texts: Any, *, max_chars: int | None = None) -> Any:
        """``p_personal`` for each post as a numpy array; a single string gives a float.

        In a batch, posts that cannot be scored (empty, missing, not text, too long) get NaN, so
        a DataFrame column keeps its length; use :meth:`check` to see why.
        """
        import numpy as np

        limit = max_chars or self.default_policy.max_chars
        if isinstance(texts, str):
            return self.runtime.p_first_class(validate_post(texts, limit))
        out = np.full(len(items := as_text_list(texts)), np.nan, dtype=np.float64)
        valid: list[int] = []
        for i, text in enumerate(items):
            try:
                validate_post(text, limit, i)
            except InvalidTextError:
                continue
            valid.append(i)
        if valid:
            out[valid] = self.runtime.p_first_class_many([items[i] for i in valid])
        return out

    @overload
    def check(self, texts: str, *, policy: Policy | None = ..., **overrides: Any) -> CheckResult: ...
    @overload
    def check(self, texts: Iterable[Any], *, policy: Policy | None = ...,
              **overrides: Any) -> list[CheckResult]: ...

    def check(self, texts: Any, *, policy: Policy | None = None, **overrides: Any) -> Any:
        """Check one post (returns a :class:`CheckResult`) or several (returns a list).

        A single bad post raises :class:`~tweetmix.exceptions.InvalidTextError`; in a batch a
        bad post comes back with ``verdict="error"``, its ``index`` and the reason, and the rest
        are checked. Keyword overrides (``threshold=0.7``) adjust the policy for this call.
        """
        policy = policy or self.default_policy
        if any(v is not None for v in overrides.values()):
            policy = policy.with_overrides(**overrides)
        if isinstance(texts, str):
            return self._check_one(validate_post(texts, policy.max_chars), policy, None)
        results = []
        for i, text in enumerate(as_text_list(texts)):
            try:
                results.append(self._check_one(validate_post(text, policy.max_chars, i), policy, i))
            except InvalidTextError as exc:
                results.append(CheckResult(verdict="error", p_personal=None,
                                           threshold=policy.threshold, index=i, error=str(exc),
                                           model=self.name))
        return results

    def _check_one(self, text: str, policy: Policy, index: int | None) -> CheckResult:
        runtime = self.runtime
        tokens, normalised_words = tokens_and_words(text, patterns=runtime.patterns)
        words = runtime.word_terms(tokens)
        logit = runtime.logit(text, tokens, words=words, normalised_words=normalised_words)
        p_personal = runtime.probability(logit)
        personal = p_personal >= policy.threshold
        label = runtime.classes[0] if personal else runtime.classes[1]
        if policy.opted_out(text):
            return CheckResult("ok", p_personal, policy.threshold, label, opted_out=True,
                               index=index, model=self.name)
        scores, findings = disclose(text, tokens, runtime, words=words)
        allow_lists = bool(policy.allow_terms or policy.allow_rules)  # else nothing is allowed
        if allow_lists:
            findings = [f for f in findings if not policy.allows(f.text, f.rule_id)]
        found = {f.category for f in findings}
        categories = tuple(c for c in ALL_CATEGORIES if c in found) if found else ()
        if any(c in policy.warn_categories for c in categories):
            verdict = "warning"
        else:
            verdict = "notice" if personal else "ok"
        # Words towards personal: the linear score points to classes[1], hence the sign.
        message = CATEGORY_PHRASES["personal"]
        reasons = tuple(
            Finding(s, e, text[s:e], "personal", "model.personal_words", message, c.weight)
            for c in top_contributions(words, runtime.word.indexed.weight, sign=-1.0, k=5)
            for s, e in c.spans
            if not (allow_lists and policy.allows(text[s:e], "model.personal_words"))
        )
        return CheckResult(verdict, p_personal, policy.threshold, label, categories,
                           tuple(findings), reasons, scores, index=index, model=self.name)

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> pathlib.Path:
        """Write the model (see :mod:`tweetmix.persistence`)."""
        sections = {"runtime": self.runtime.to_bytes()}
        if self._estimator is not None:
            sections["estimator"] = dump_estimator(
                {"personal": self._estimator, "disclosure": self._disclosure})
        return write_model_file(path, self.manifest, sections)

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, estimator: bool = False) -> "TweetmixModel":
        """Read a model file; with ``estimator=True`` also unpickle the scikit-learn estimator.

        Only load files from a source you trust: the estimator section is a pickle.
        """
        header, start = read_header(path)
        manifest = header.get("manifest", {})
        try:
            runtime = RuntimeModel.from_bytes(read_section(path, header, start, "runtime"))
        except ValueError as exc:
            raise IncompatibleModelError(
                f"{path} was made by another tweetmix version ({exc}); retrain it with this "
                "version (tweetmix train ...) or install the tweetmix version that made it"
            ) from None
        fitted: dict[str, Any] = {}
        if estimator:
            check_estimator_versions(path, manifest)
            fitted = load_estimator(read_section(path, header, start, "estimator"))
        return cls(runtime, manifest, fitted.get("personal"), source=str(path),
                   disclosure=fitted.get("disclosure"))
