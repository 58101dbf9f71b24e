"""HTTP API over the library (the optional ``serve`` extra: ``pip install "tweetmix[serve]"``).

A browser extension, a chat bot or a scheduling tool asks a long-running tweetmix process about
drafts instead of loading the model itself. Endpoints:

- ``POST /v1/check`` with ``{"text": "..."}`` (one post -> one result) or ``{"texts": [...]}``
  (a batch -> ``{"results": [...]}``), plus optional per-request policy overrides. Results have
  the schema of :meth:`tweetmix.CheckResult.to_dict`; a bad post in a batch comes back as a
  result with ``verdict="error"``, its ``index`` and the reason, as in :func:`tweetmix.check`.
- ``GET /v1/health``: status, model name, tweetmix version and the limits.
- ``GET /v1/model``: the model's manifest.

Every error is JSON of one shape, ``{"error": {"code": ..., "message": ..., "field": ...}}``, so
clients need one code path. Post text is never logged unless ``log_text=True``: drafts are
private until their author sends them.

>>> app = create_app()
>>> sorted(r.path for r in app.routes if r.path.startswith("/v1"))
['/v1/check', '/v1/health', '/v1/model']
"""
from __future__ import annotations

import json
import logging
import os
import time
import traceback
from collections import Counter
from typing import Any, Iterable, Literal, Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from .exceptions import InvalidTextError, TextTooLongError
from .policy import ALL_CATEGORIES, Policy
from .trained import TweetmixModel

__all__ = ["create_app", "DEFAULT_MAX_BATCH", "DEFAULT_MAX_BODY_BYTES", "MAX_ALLOW_ITEMS"]

#: Most posts one ``texts`` request may hold; larger batches get 413 ``batch_too_large``.
DEFAULT_MAX_BATCH = 1000
#: Largest request body in bytes (1 MiB); larger bodies get 413 ``body_too_large``.
DEFAULT_MAX_BODY_BYTES = 1 << 20
#: Most entries in a request's ``allow_terms`` or ``allow_rules`` (each finding is matched
#: against every entry, so an unbounded list would make one request cost unbounded CPU).
MAX_ALLOW_ITEMS = 100

logger = logging.getLogger("tweetmix.server")

Category = Literal[ALL_CATEGORIES]  # type: ignore[valid-type]


# -- schema ------------------------------------------------------------------------------------
class CheckRequest(BaseModel):
    """One post (``text``) or a batch (``texts``), with optional overrides of the server policy."""

    model_config = ConfigDict(extra="forbid", strict=True, json_schema_extra={"examples": [
        {"text": "third night in A&E with my dad, no sleep"},
        {"texts": ["We're hiring two data engineers in Leeds", "so hungover i want to cry"],
         "threshold": 0.7, "warn_on": ["health", "substances"]},
    ]})

    text: Optional[str] = Field(None, description="One post; the answer is one result.")
    texts: Optional[list[str]] = Field(
        None, description="Several posts; the answer is {\"results\": [...]} in the same order. "
        "Empty, whitespace-only or too long posts come back as results with verdict 'error'.")
    threshold: Optional[float] = Field(
        None, ge=0.0, le=1.0, description="p_personal at or above which a post gets a notice.")
    warn_on: Optional[list[Category]] = Field(
        None, description="Categories that raise a warning (replaces the server's list; [] for "
        "none).")
    allow_terms: list[str] = Field(
        default_factory=list, max_length=MAX_ALLOW_ITEMS,
        description="Finding texts to ignore, added to the server policy's allow-list.")
    allow_rules: list[str] = Field(
        default_factory=list, max_length=MAX_ALLOW_ITEMS,
        description="Rule ids (or prefixes such as 'contact.phone') to ignore, added to the "
        "server policy's list.")

    @model_validator(mode="after")
    def _one_of_text_or_texts(self) -> "CheckRequest":
        if (self.text is None) == (self.texts is None):
            raise ValueError("give either 'text' (one post) or 'texts' (a list of posts), "
                             "not both and not neither")
        return self


class FindingOut(BaseModel):
    """A span of the post behind a category or a reason."""

    model_config = ConfigDict(extra="forbid")
    start: int
    end: int
    text: str
    category: str
    rule_id: str
    message: str
    weight: float


class CheckResultOut(BaseModel):
    """The answer for one post: :meth:`tweetmix.CheckResult.to_dict`."""

    model_config = ConfigDict(extra="forbid")
    index: Optional[int] = Field(description="Position in the batch; null for a single text.")
    verdict: Literal["ok", "notice", "warning", "error"]
    p_personal: Optional[float] = Field(description="Calibrated probability the post is "
                                        "personal; null when verdict is 'error'.")
    label: Optional[str]
    threshold: float
    categories: list[str]
    findings: list[FindingOut]
    reasons: list[FindingOut]
    category_scores: dict[str, float]
    opted_out: bool
    error: Optional[str] = Field(description="Why the post could not be checked.")
    model: str


class BatchOut(BaseModel):
    """The answers for a ``texts`` batch, in request order."""

    model_config = ConfigDict(extra="forbid")
    results: list[CheckResultOut]


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable, machine-readable: malformed_json, invalid_request, "
                      "invalid_text, text_too_long, invalid_policy, body_too_large, "
                      "unsupported_media_type, "
                      "batch_too_large, not_found, method_not_allowed, internal_error.")
    message: str = Field(description="What was wrong and what to do, for a person.")
    field: Optional[str] = Field(description="The request field at fault, e.g. 'texts.3'.")


class ErrorOut(BaseModel):
    """Every 4xx/5xx answer of this API has this shape."""

    error: ErrorDetail


class Limits(BaseModel):
    max_batch: int
    max_body_bytes: int
    max_chars: int


class HealthOut(BaseModel):
    status: Literal["ok"]
    model: str
    version: str
    limits: Limits


# -- errors ------------------------------------------------------------------------------------
def error_response(status: int, code: str, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape of this API."""
    return JSONResponse({"error": {"code": code, "message": message, "field": field}},
                        status_code=status, headers=headers)


def _field_name(loc: Iterable[Any]) -> str | None:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) or None


def _is_json(content_type: str | None) -> bool:
    media = (content_type or "").split(";")[0].strip().lower()
    return media == "application/json" or (media.startswith("application/")
                                           and media.endswith("+json"))


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    for err in errors:
        if err.get("type") == "json_invalid":
            reason = (err.get("ctx") or {}).get("error", "invalid JSON")
            loc = tuple(err.get("loc", ()))
            where = ""
            if len(loc) == 2 and isinstance(loc[1], int) and isinstance(exc.body, str):
                line = exc.body.count("\n", 0, loc[1]) + 1
                column = loc[1] - (exc.body.rfind("\n", 0, loc[1]) + 1) + 1
                where = f" at line {line}, column {column}"
            return error_response(400, "malformed_json",
                                  f"the request body is not valid JSON: {reason}{where}; send "
                                  'a JSON object such as {"text": "..."}')
    content_type = request.headers.get("content-type")
    if errors and not _is_json(content_type) and _field_name(errors[0].get("loc", ())) is None \
            and errors[0].get("type") != "missing":
        shown = f"'{content_type}'" if content_type else "none"
        return error_response(415, "unsupported_media_type",
                              f"send the body as JSON with the header Content-Type: "
                              f"application/json (got {shown})", "Content-Type")
    if not errors:
        return error_response(422, "invalid_request", "the request is not valid")
    first = errors[0]
    field = _field_name(first.get("loc", ()))
    kind = first.get("type", "")
    if kind == "missing" and field is None:
        message = 'the request has no body; send a JSON object such as {"text": "..."}'
    elif kind == "missing":
        message = f"field '{field}' is required"
    elif kind == "extra_forbidden":
        message = (f"unknown field '{field}'; known fields: "
                   f"{', '.join(CheckRequest.model_fields)}")
    elif kind in ("model_type", "model_attributes_type", "dict_type") and field is None:
        message = 'the request body must be a JSON object such as {"text": "..."}'
    else:
        message = str(first.get("msg", "invalid value"))
        if message.startswith("Value error, "):
            message = message[len("Value error, "):]
        if field:
            message = f"{field}: {message}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return error_response(422, "invalid_request", message,
                          "text" if kind == "value_error" and field is None else field)


# -- request body limit ------------------------------------------------------------------------
class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413, before any parsing.

    The declared Content-Length is checked first (so an honest large upload is refused without
    reading it), then the bytes actually received are counted, so a chunked upload or a wrong
    Content-Length cannot get more than ``max_bytes`` into memory.
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", ()):
            if name.lower() == b"content-length":
                declared = value
                break
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0:
                await self._refuse(scope, receive, send, error_response(
                    400, "invalid_request", "the Content-Length header is not a whole number",
                    "Content-Length"))
                return
            if length > self.max_bytes:
                await self._refuse(scope, receive, send, self._too_large(length))
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send, self._too_large(None))
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Any:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self, declared: int | None) -> JSONResponse:
        size = f"{declared:,} bytes, over" if declared is not None else "over"
        return error_response(
            413, "body_too_large",
            f"the request body is {size} this server's limit of {self.max_bytes:,} bytes; send "
            "fewer or shorter posts per request")

    async def _refuse(self, scope: Any, receive: Any, send: Any, response: JSONResponse) -> None:
        # Ask the server to close the connection: the rest of the body is never read.
        response.headers["Connection"] = "close"
        await response(scope, receive, send)


# -- the app -----------------------------------------------------------------------------------
def create_app(model: TweetmixModel | str | os.PathLike[str] | None = None, *,
               policy: Policy | None = None, max_batch: int = DEFAULT_MAX_BATCH,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES, cors_origins: Iterable[str] = (),
               log_text: bool = False) -> FastAPI:
    """Build the HTTP API around one model, loaded (and warmed up) now rather than per request.

    Parameters
    ----------
    model : TweetmixModel, path or None
        The model to serve; ``None`` for the bundled default model.
    policy : Policy, optional
        The server's policy (default: the model's); requests can override parts of it.
    max_batch : int
        Most posts in one ``texts`` request.
    max_body_bytes : int
        Largest request body accepted.
    cors_origins : iterable of str
        Origins allowed to call the API from a browser (e.g. an extension's
        ``chrome-extension://ID``); none by default, so browsers refuse cross-site calls.
    log_text : bool
        Also log each post's text (INFO, logger ``tweetmix.server``); off by default because
        drafts are private.
    """
    from . import __version__
    from .api import _resolve

    if isinstance(max_batch, bool) or not isinstance(max_batch, int) or max_batch < 1:
        raise ValueError(f"max_batch must be a positive integer, got {max_batch!r}")
    if isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int) \
            or max_body_bytes < 1:
        raise ValueError(f"max_body_bytes must be a positive integer, got {max_body_bytes!r}")
    origins = [cors_origins] if isinstance(cors_origins, str) else list(cors_origins)
    served = _resolve(model)
    server_policy = policy if policy is not None else served.default_policy
    served.check("warm up the tokenizer and rule caches", policy=server_policy)

    app = FastAPI(
        title="tweetmix",
        version=str(__version__),
        description="Catch overly personal posts before they are sent. Errors always have the "
        'shape {"error": {"code", "message", "field"}}. Limits: '
        f"{max_batch:,} posts per batch, {max_body_bytes:,} bytes per request body, "
        f"{server_policy.max_chars:,} characters per post.",
    )
    app.state.model = served
    app.state.policy = server_policy
    errors = {400: {"model": ErrorOut, "description": "Malformed JSON"},
              413: {"model": ErrorOut, "description": "Body or batch too large"},
              415: {"model": ErrorOut, "description": "Body not sent as application/json"},
              422: {"model": ErrorOut, "description": "Invalid request or post"}}

    @app.exception_handler(RequestValidationError)
    async def _on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_error(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(404, "not_found", f"no such endpoint {request.url.path}; "
                                  "see /docs for the API (POST /v1/check, GET /v1/health, "
                                  "GET /v1/model)")
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "")
            return error_response(405, "method_not_allowed",
                                  f"{request.method} is not allowed on {request.url.path}"
                                  + (f"; use {allowed}" if allowed else ""),
                                  headers=exc.headers)
        if exc.status_code == 400:  # FastAPI could not decode the body (e.g. not UTF-8)
            return error_response(400, "malformed_json",
                                  f"the request body could not be read ({exc.detail}); send "
                                  'UTF-8 encoded JSON such as {"text": "..."}')
        return error_response(exc.status_code, "http_error", str(exc.detail),
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type only: an exception message could quote a post.
        logger.error("internal error on %s %s: %s", request.method, request.url.path,
                     type(exc).__name__)
        return error_response(500, "internal_error", "the server failed to answer; see its log")

    @app.get("/v1/health", response_model=HealthOut, summary="Is the server up, with which model")
    def health() -> dict[str, Any]:
        return {"status": "ok", "model": served.name, "version": str(__version__),
                "limits": {"max_batch": max_batch, "max_body_bytes": max_body_bytes,
                           "max_chars": server_policy.max_chars}}

    @app.get("/v1/model", response_model=dict[str, Any],
             summary="The model's manifest (versions, training data, metrics, policy)")
    def model_manifest() -> JSONResponse:
        return JSONResponse(served.manifest)

    @app.post("/v1/check", response_model=Union[CheckResultOut, BatchOut], responses=errors,
              summary="Check one post ('text') or a batch ('texts')")
    def check(request: CheckRequest) -> JSONResponse:
        # A plain def: FastAPI runs it in a worker thread, so a CPU-bound batch does not stop
        # the event loop from accepting other requests.
        try:
            return answer(request)
        except Exception as exc:  # a bug; its message may quote the post, so log where only
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            logger.error("internal error while checking: %s at %s:%s in %s", type(exc).__name__,
                         frame.filename, frame.lineno, frame.name)
            return error_response(500, "internal_error",
                                  "the server failed to check the post(s); see its log")

    def answer(request: CheckRequest) -> JSONResponse:
        try:
            request_policy = _request_policy(server_policy, request)
        except ValueError as exc:
            return error_response(422, "invalid_policy", str(exc))
        started = time.perf_counter()
        if request.text is not None:
            try:
                result = served.check(request.text, policy=request_policy)
            except TextTooLongError as exc:
                return error_response(422, "text_too_long", str(exc), "text")
            except InvalidTextError as exc:
                return error_response(422, "invalid_text", str(exc), "text")
            results = [result]
            payload: Any = result.to_dict()
        else:
            assert request.texts is not None
            if len(request.texts) > max_batch:
                return error_response(
                    413, "batch_too_large", f"the batch has {len(request.texts):,} posts, over "
                    f"this server's limit of {max_batch:,}; split it into several requests",
                    "texts")
            results = served.check(request.texts, policy=request_policy)
            payload = {"results": [r.to_dict() for r in results]}
        _log_check(request, results, time.perf_counter() - started, log_text)
        return JSONResponse(payload)

    # Added last = outermost: CORS headers reach 413 answers too.
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"], max_age=600)
    return app


def _request_policy(base: Policy, request: CheckRequest) -> Policy:
    overrides: dict[str, Any] = {"threshold": request.threshold}
    if request.warn_on is not None:
        overrides["warn_categories"] = tuple(request.warn_on)
    if request.allow_terms:
        overrides["allow_terms"] = base.allow_terms + tuple(request.allow_terms)
    if request.allow_rules:
        overrides["allow_rules"] = base.allow_rules + tuple(request.allow_rules)
    return base.with_overrides(**overrides)


def _log_check(request: CheckRequest, results: list[Any], seconds: float, log_text: bool) -> None:
    verdicts = Counter(r.verdict for r in results)
    logger.debug("checked %d post(s) in %.1f ms: %s", len(results), seconds * 1000,
                 ", ".join(f"{n} {v}" for v, n in sorted(verdicts.items())))
    if log_text:
        texts = [request.text] if request.text is not None else request.texts or []
        for text, result in zip(texts, results):
            logger.info("post %s -> %s: %s", result.index if result.index is not None else "",
                        result.verdict, json.dumps(text, ensure_ascii=False))
