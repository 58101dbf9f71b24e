"""The HTTP API: in process with FastAPI's TestClient, then against a real ``tweetmix serve``."""
from __future__ import annotations

import json
import logging
import os
import pathlib
import socket
import subprocess
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

with warnings.catch_warnings():  # newer Starlette suggests httpx2 for its test client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import tweetmix  # noqa: E402
from tweetmix.cli import main  # noqa: E402
from tweetmix.exceptions import InvalidTextError  # noqa: E402
from tweetmix.server import (DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY_BYTES,  # noqa: E402
                             MAX_ALLOW_ITEMS, BodyLimitMiddleware, CheckResultOut, create_app)

ROOT = pathlib.Path(__file__).resolve().parent.parent

WARNING_POST = "third night in A&E with my dad, no sleep"
PROFESSIONAL_POST = "We're hiring two data engineers in Leeds, apply by Friday"
CONTACT_POST = "call me on 07700 900123 or mail jo.bloggs@example.com tonight"
POSTS = [WARNING_POST, PROFESSIONAL_POST, CONTACT_POST,
         "so hungover i want to cry", "Join our webinar on cloud security next Tuesday at 2pm",
         "my landlord put the rent up again and i'm skint 😩 #renting"]

MAX_BATCH = 5
MAX_BODY = 4096
MAX_CHARS = 300


@pytest.fixture(scope="module")
def model():
    return tweetmix.default_model()


@pytest.fixture(scope="module")
def server_policy(model):
    return model.default_policy.with_overrides(max_chars=MAX_CHARS)


@pytest.fixture(scope="module")
def client(model, server_policy):
    app = create_app(model, policy=server_policy, max_batch=MAX_BATCH, max_body_bytes=MAX_BODY)
    with TestClient(app) as test_client:
        yield test_client


def assert_error(response, status: int, code: str, field=None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code, body
    assert body["error"]["field"] == field, body
    assert body["error"]["message"]
    return body["error"]


# -- answers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", POSTS)
def test_single_text_answers_like_the_library(client, model, server_policy, text):
    response = client.post("/v1/check", json={"text": text})
    assert response.status_code == 200
    assert response.json() == model.check(text, policy=server_policy).to_dict()


def test_the_verdicts_differ_across_the_sample_posts(client):
    verdicts = {client.post("/v1/check", json={"text": t}).json()["verdict"] for t in POSTS}
    assert {"ok", "warning"} <= verdicts


def test_batch_answers_in_order_with_indexes(client, model, server_policy):
    texts = POSTS[:MAX_BATCH]
    response = client.post("/v1/check", json={"texts": texts})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["results"]
    assert [r["index"] for r in body["results"]] == list(range(len(texts)))
    assert body["results"] == [r.to_dict() for r in model.check(texts, policy=server_policy)]


def test_bad_posts_in_a_batch_come_back_as_error_items(client, model, server_policy):
    texts = [PROFESSIONAL_POST, "", "   \n", "x" * (MAX_CHARS + 1), WARNING_POST]
    results = client.post("/v1/check", json={"texts": texts}).json()["results"]
    assert [r["verdict"] for r in results][1:4] == ["error"] * 3
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    library = model.check(texts, policy=server_policy)
    assert [r["error"] for r in results] == [r.error for r in library]
    assert "post 3" in results[3]["error"] and f"{MAX_CHARS:,}" in results[3]["error"]
    assert results[4]["verdict"] == "warning" and results[4]["p_personal"] is not None


def test_empty_batch_gives_empty_results(client):
    response = client.post("/v1/check", json={"texts": []})
    assert response.status_code == 200 and response.json() == {"results": []}


def test_batch_at_the_limit_is_accepted_and_over_it_refused(client):
    at_limit = client.post("/v1/check", json={"texts": ["a post"] * MAX_BATCH})
    assert at_limit.status_code == 200 and len(at_limit.json()["results"]) == MAX_BATCH
    error = assert_error(client.post("/v1/check", json={"texts": ["a post"] * (MAX_BATCH + 1)}),
                         413, "batch_too_large", "texts")
    assert str(MAX_BATCH) in error["message"]


# -- policy overrides --------------------------------------------------------------------------
def test_threshold_override(client, model, server_policy):
    p = model.score(PROFESSIONAL_POST)
    low = client.post("/v1/check", json={"text": PROFESSIONAL_POST, "threshold": p / 2}).json()
    high = client.post("/v1/check", json={"text": PROFESSIONAL_POST, "threshold": 1}).json()
    assert (low["verdict"], low["threshold"]) == ("notice", pytest.approx(p / 2))
    assert (high["verdict"], high["threshold"]) == ("ok", 1.0)


def test_warn_on_override_replaces_the_categories(client, model, server_policy):
    plain = client.post("/v1/check", json={"text": WARNING_POST}).json()
    assert plain["verdict"] == "warning"
    none = client.post("/v1/check", json={"text": WARNING_POST, "warn_on": []}).json()
    assert none["verdict"] == "notice"
    only = client.post("/v1/check", json={"text": WARNING_POST,
                                          "warn_on": [plain["categories"][0]]}).json()
    assert only["verdict"] == "warning"
    unrelated = client.post("/v1/check", json={"text": WARNING_POST,
                                               "warn_on": ["finances"]}).json()
    assert unrelated == model.check(WARNING_POST, policy=server_policy,
                                    warn_categories=("finances",)).to_dict()


def test_allow_lists_add_to_the_server_policy(model):
    server_policy = model.default_policy.with_overrides(allow_terms=("my dad",))
    client = TestClient(create_app(model, policy=server_policy))
    body = client.post("/v1/check", json={"text": WARNING_POST, "allow_terms": ["no sleep"],
                                          "allow_rules": ["whereabouts"]}).json()
    texts = {f["text"].lower() for f in body["findings"]}
    assert texts and not texts & {"my dad", "no sleep"}
    assert not any(f["rule_id"].startswith("whereabouts") for f in body["findings"])
    plain = client.post("/v1/check", json={"text": WARNING_POST}).json()
    assert "no sleep" in {f["text"] for f in plain["findings"]}


@pytest.mark.parametrize("overrides, field", [
    ({"threshold": 2}, "threshold"),
    ({"threshold": "0.5"}, "threshold"),
    ({"threshold": True}, "threshold"),
    ({"warn_on": ["heath"]}, "warn_on.0"),
    ({"warn_on": "health"}, "warn_on"),
    ({"allow_terms": ["ok", 3]}, "allow_terms.1"),
    ({"allow_rules": ["r"] * (MAX_ALLOW_ITEMS + 1)}, "allow_rules"),
    ({"treshold": 0.5}, "treshold"),
])
def test_invalid_overrides_are_422_naming_the_field(client, overrides, field):
    assert_error(client.post("/v1/check", json={"text": "a post", **overrides}), 422,
                 "invalid_request", field)


# -- request errors ----------------------------------------------------------------------------
def test_malformed_json_is_400_with_position(client):
    error = assert_error(client.post("/v1/check", content=b'{"text":\n "a", ',
                                     headers={"Content-Type": "application/json"}),
                         400, "malformed_json")
    assert "line 2, column 7" in error["message"]


def test_body_that_is_not_utf8_is_400(client):
    assert_error(client.post("/v1/check", content=b'{"text": "caf\xe9"}',
                             headers={"Content-Type": "application/json"}),
                 400, "malformed_json")


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded"])
def test_body_not_sent_as_json_is_415(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    error = assert_error(client.post("/v1/check", content=b'{"text": "a post"}', headers=headers),
                         415, "unsupported_media_type", "Content-Type")
    assert "application/json" in error["message"]


@pytest.mark.parametrize("body, field, words", [
    ({"text": 5}, "text", "string"),
    ({"text": None}, "text", "either 'text'"),
    ({"texts": "one post"}, "texts", "list"),
    ({"texts": ["fine", 7]}, "texts.1", "string"),
    ({"texts": [None]}, "texts.0", "string"),
    ({}, "text", "either 'text'"),
    ({"text": "a", "texts": ["b"]}, "text", "not both"),
    (["a post"], None, "JSON object"),
    ("a post", None, "JSON object"),
])
def test_wrong_shapes_are_422(client, body, field, words):
    error = assert_error(client.post("/v1/check", json=body), 422, "invalid_request", field)
    assert words in error["message"]


def test_missing_body_is_422(client):
    error = assert_error(client.post("/v1/check", headers={"Content-Type": "application/json"}),
                         422, "invalid_request")
    assert "no body" in error["message"]


@pytest.mark.parametrize("text, code", [("", "invalid_text"), (" \t\n ", "invalid_text"),
                                        ("x" * (MAX_CHARS + 1), "text_too_long")])
def test_bad_single_text_is_422_with_the_library_message(client, model, server_policy, text,
                                                        code):
    with pytest.raises(InvalidTextError) as raised:
        model.check(text, policy=server_policy)
    error = assert_error(client.post("/v1/check", json={"text": text}), 422, code, "text")
    assert error["message"] == str(raised.value)


def test_oversized_body_with_content_length_is_413(client):
    body = json.dumps({"text": "x" * MAX_BODY}).encode()
    error = assert_error(client.post("/v1/check", content=body,
                                     headers={"Content-Type": "application/json"}),
                         413, "body_too_large")
    assert f"{len(body):,}" in error["message"] and f"{MAX_BODY:,}" in error["message"]


def test_oversized_streamed_body_without_content_length_is_413(client):
    def chunks():
        yield b'{"texts": ['
        for _ in range(100):
            yield b'"' + b"x" * 100 + b'", '
        yield b'"end"]}'

    response = client.post("/v1/check", content=chunks(),
                           headers={"Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_error(response, 413, "body_too_large")


async def _drive_middleware(declared: int | None, chunks: list[bytes], limit: int):
    """Run BodyLimitMiddleware on a raw ASGI request; return (status, body the app saw)."""
    seen = []

    async def app(scope, receive, send):
        message = await receive()
        seen.append(message["body"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    pending = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
               for i, c in enumerate(chunks)]

    async def receive():
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    sent = []

    async def send(message):
        sent.append(message)

    headers = [] if declared is None else [(b"content-length", str(declared).encode())]
    scope = {"type": "http", "method": "POST", "path": "/v1/check", "headers": headers}
    await BodyLimitMiddleware(app, max_bytes=limit)(scope, receive, send)
    return sent[0]["status"], seen


@pytest.mark.parametrize("declared", [10, None])
def test_a_lying_or_missing_content_length_cannot_bypass_the_limit(declared):
    import asyncio

    status, seen = asyncio.run(_drive_middleware(declared, [b"x" * 60] * 10, limit=500))
    assert status == 413 and seen == []
    status, seen = asyncio.run(_drive_middleware(declared, [b"x" * 60] * 5, limit=500))
    assert status == 200 and seen == [b"x" * 300]


@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/v1/nothing", 404, "not_found"), ("POST", "/", 404, "not_found"),
    ("GET", "/v1/check", 405, "method_not_allowed"),
    ("DELETE", "/v1/health", 405, "method_not_allowed"),
])
def test_unknown_path_or_method_uses_the_error_shape(client, method, path, status, code):
    response = client.request(method, path)
    error = assert_error(response, status, code)
    assert path in error["message"]
    if status == 405:
        assert response.headers["allow"] in error["message"]


# -- health, model, schema -------------------------------------------------------------------
def test_health(client, model):
    body = client.get("/v1/health").json()
    assert body == {"status": "ok", "model": model.name, "version": tweetmix.__version__,
                    "limits": {"max_batch": MAX_BATCH, "max_body_bytes": MAX_BODY,
                               "max_chars": MAX_CHARS}}


def test_model_endpoint_returns_the_manifest(client, model):
    assert client.get("/v1/model").json() == json.loads(json.dumps(model.manifest))


def test_create_app_loads_a_model_from_a_path(tmp_path, model):
    path = tmp_path / "copy.tweetmix"
    model.save(path)
    client = TestClient(create_app(str(path)))
    assert client.post("/v1/check", json={"text": WARNING_POST}).json() == \
        model.check(WARNING_POST).to_dict()


@pytest.mark.parametrize("kwargs", [{"max_batch": 0}, {"max_body_bytes": -1},
                                    {"max_batch": True}])
def test_create_app_refuses_bad_limits(model, kwargs):
    with pytest.raises(ValueError, match=next(iter(kwargs))):
        create_app(model, **kwargs)


def test_openapi_documents_request_response_and_errors(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {"/v1/check", "/v1/health", "/v1/model"}
    post = schema["paths"]["/v1/check"]["post"]
    request_ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    request = schema["components"]["schemas"][request_ref.rsplit("/", 1)[1]]
    assert {"text", "texts", "threshold", "warn_on", "allow_terms", "allow_rules"} <= \
        set(request["properties"])
    ok = json.dumps(post["responses"]["200"])
    assert "CheckResultOut" in ok and "BatchOut" in ok
    for status in ("400", "413", "422"):
        assert "ErrorOut" in json.dumps(post["responses"][status])
    assert "HTTPValidationError" not in json.dumps(schema)


def test_response_model_matches_check_result_to_dict(model, server_policy):
    # extra="forbid": a field added to to_dict() but not to the documented schema fails here.
    results = model.check(POSTS + [""], policy=server_policy)
    for result in results + [model.check(WARNING_POST)]:
        CheckResultOut.model_validate(result.to_dict())
    assert set(CheckResultOut.model_fields) == set(results[0].to_dict())


# -- CORS --------------------------------------------------------------------------------------
ORIGIN = "chrome-extension://abcdefghijklmnop"


def test_cors_headers_only_for_configured_origins(model):
    with_cors = TestClient(create_app(model, cors_origins=[ORIGIN], max_body_bytes=100))
    response = with_cors.post("/v1/check", json={"text": "a post"}, headers={"Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN
    preflight = with_cors.options("/v1/check", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    too_big = with_cors.post("/v1/check", json={"text": "x" * 200}, headers={"Origin": ORIGIN})
    assert too_big.status_code == 413
    assert too_big.headers["access-control-allow-origin"] == ORIGIN
    other = with_cors.get("/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_by_default(client):
    response = client.post("/v1/check", json={"text": "a post"}, headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert not any(k.lower().startswith("access-control") for k in response.headers)


# -- logging -----------------------------------------------------------------------------------
SECRET = "zebra-quartz-7731 my dad is in hospital"


def _exercise(client) -> None:
    client.post("/v1/check", json={"text": SECRET})
    client.post("/v1/check", json={"texts": [SECRET, ""]})
    client.post("/v1/check", json={"text": SECRET, "threshold": 3})
    client.post("/v1/check", json={"texts": [SECRET] * 50})
    client.post("/v1/check", content=SECRET.encode(), headers={"Content-Type": "text/plain"})


def test_post_text_is_never_logged_by_default(model, caplog):
    caplog.set_level(logging.DEBUG)
    _exercise(TestClient(create_app(model, max_batch=10)))
    assert any(r.name == "tweetmix.server" for r in caplog.records)  # the capture works
    assert "zebra-quartz" not in caplog.text


def test_post_text_is_logged_with_log_text(model, caplog):
    caplog.set_level(logging.DEBUG)
    _exercise(TestClient(create_app(model, max_batch=10, log_text=True)))
    assert "zebra-quartz" in caplog.text


def test_a_failure_while_checking_is_500_without_the_text_in_the_log(model, caplog,
                                                                     monkeypatch):
    client = TestClient(create_app(model))

    def broken(texts, **kwargs):
        raise KeyError(f"no entry for {texts!r}")

    monkeypatch.setattr(model, "check", broken)
    caplog.set_level(logging.DEBUG)
    assert_error(client.post("/v1/check", json={"text": SECRET}), 500, "internal_error")
    assert_error(client.post("/v1/check", json={"texts": [SECRET]}), 500, "internal_error")
    assert "KeyError" in caplog.text and "zebra-quartz" not in caplog.text


# -- the serve command -------------------------------------------------------------------------
def test_serve_without_the_extra_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # makes `import uvicorn` fail
    assert main(["serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert 'pip install "tweetmix[serve]"' in err and "uvicorn" in err


@pytest.mark.parametrize("flags, words", [(["--max-batch", "0"], "--max-batch"),
                                          (["--max-body-bytes", "-5"], "--max-body-bytes"),
                                          (["--port", "70000"], "--port")])
def test_serve_refuses_bad_limits_before_starting(capsys, flags, words):
    assert main(["serve", *flags]) == 2
    assert words in capsys.readouterr().err


def test_serve_passes_flags_to_the_app_and_uvicorn(monkeypatch, tmp_path):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(app=app, **kwargs))
    monkeypatch.chdir(tmp_path)  # no tweetmix.toml to discover
    assert main(["serve", "--host", "0.0.0.0", "--port", "0", "--threshold", "0.9",
                 "--max-chars", "500", "--max-batch", "7", "--cors-origin", ORIGIN,
                 "--allow-term", "my dad", "--no-access-log"]) == 0
    assert (seen["host"], seen["port"], seen["access_log"]) == ("0.0.0.0", 0, False)
    assert "tweetmix.server" in seen["log_config"]["loggers"]
    client = TestClient(seen["app"])
    assert client.get("/v1/health").json()["limits"] == {
        "max_batch": 7, "max_body_bytes": DEFAULT_MAX_BODY_BYTES, "max_chars": 500}
    body = client.post("/v1/check", json={"text": WARNING_POST},
                       headers={"Origin": ORIGIN})
    assert body.headers["access-control-allow-origin"] == ORIGIN
    assert body.json()["threshold"] == 0.9
    assert "my dad" not in {f["text"] for f in body.json()["findings"]}


def test_serve_help_states_the_server_defaults(capsys):
    assert main(["serve", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"default: {DEFAULT_MAX_BATCH}" in out and f"default: {DEFAULT_MAX_BODY_BYTES}" in out
    assert "127.0.0.1" in out


def test_building_the_app_imports_no_training_libraries():
    code = ("import sys, tweetmix.server as s; s.create_app(); "
            "print(sorted(m for m in ('sklearn', 'nltk', 'pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# -- a real server process ---------------------------------------------------------------------
REAL_MAX_BODY = 65_536


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """``python -m tweetmix serve`` on a free port; yields (base url, path of its log)."""
    folder = tmp_path_factory.mktemp("serve")  # no tweetmix.toml here: the model's policy
    log_path = folder / "server.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONUNBUFFERED="1")
    port = _free_port()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tweetmix", "serve", "--port", str(port), "--max-batch", "100",
             "--max-body-bytes", str(REAL_MAX_BODY), "--log-level", "debug"],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"tweetmix serve exited with {process.returncode}:\n"
                            + log_path.read_text(errors="replace"))
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("tweetmix serve did not answer /v1/health within 30 s:\n"
                            + log_path.read_text(errors="replace"))
            time.sleep(0.1)
        yield base, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_live_health_and_single_check(live):
    base, _ = live
    health = httpx.get(base + "/v1/health").json()
    assert health["status"] == "ok" and health["limits"]["max_body_bytes"] == REAL_MAX_BODY
    response = httpx.post(base + "/v1/check", json={"text": WARNING_POST})
    assert response.status_code == 200
    assert response.json() == tweetmix.check(WARNING_POST).to_dict()


def test_live_batch(live):
    base, _ = live
    texts = POSTS + [""]
    response = httpx.post(base + "/v1/check", json={"texts": texts})
    assert response.json() == {"results": [r.to_dict() for r in tweetmix.check(texts)]}


def test_live_malformed_and_oversized(live):
    base, _ = live
    headers = {"Content-Type": "application/json"}
    assert_error(httpx.post(base + "/v1/check", content=b'{"text": "a', headers=headers),
                 400, "malformed_json")
    big = json.dumps({"text": "x" * REAL_MAX_BODY}).encode()
    assert_error(httpx.post(base + "/v1/check", content=big, headers=headers),
                 413, "body_too_large")
    streamed = (b"x" * 4096 for _ in range(REAL_MAX_BODY // 4096 + 2))
    assert_error(httpx.post(base + "/v1/check", content=streamed, headers=headers),
                 413, "body_too_large")
    assert httpx.get(base + "/v1/health").status_code == 200  # still serving


def test_live_concurrent_requests_all_answer_correctly(live):
    base, _ = live
    texts = [f"{post} ({i})" for i, post in enumerate(POSTS * 4)]  # 24 distinct posts
    starts = range(0, len(texts), 6)
    with httpx.Client(base_url=base, timeout=60,
                      limits=httpx.Limits(max_connections=12)) as http, \
            ThreadPoolExecutor(max_workers=12) as pool:
        singles = pool.map(lambda t: http.post("/v1/check", json={"text": t}).json(), texts)
        batches = pool.map(
            lambda i: http.post("/v1/check", json={"texts": texts[i:i + 6]}).json(), starts)
        singles, batches = list(singles), list(batches)
    assert singles == [tweetmix.check(text).to_dict() for text in texts]
    assert batches == [{"results": [r.to_dict() for r in tweetmix.check(texts[i:i + 6])]}
                       for i in starts]


def test_live_log_has_requests_but_no_post_text(live):
    base, log_path = live
    secret = "walrus-opal-5512 my sister's wedding"
    assert httpx.post(base + "/v1/check", json={"text": secret}).status_code == 200
    assert httpx.post(base + "/v1/check", json={"texts": [secret, ""]}).status_code == 200
    deadline = time.monotonic() + 5
    while log_path.read_text(errors="replace").count("POST /v1/check") < 2 \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    log = log_path.read_text(errors="replace")
    assert "POST /v1/check" in log and "checked 2 post(s)" in log  # access and debug lines
    assert "walrus-opal" not in log
