"""``tweetmix serve``: the HTTP API (:mod:`tweetmix.server`) in the foreground, until Ctrl-C.

Needs the optional extra: ``pip install "tweetmix[serve]"`` (FastAPI and uvicorn).
"""
from __future__ import annotations

import argparse
import copy
import sys
from typing import Any

from .common import EXIT_ERROR, EXIT_OK, add_policy_arguments, policy_from_args

MISSING_EXTRA = ('tweetmix serve: the HTTP server needs FastAPI and uvicorn, which are not '
                 'installed ({missing}); install them with: pip install "tweetmix[serve]"')


def add_parser(sub: Any) -> None:
    serve = sub.add_parser(
        "serve", help="run the HTTP API (needs tweetmix[serve])",
        description="Serve POST /v1/check, GET /v1/health and GET /v1/model over HTTP, in the "
        "foreground until Ctrl-C. Post text is not logged unless --log-text is given.")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this machine only; "
                       "0.0.0.0 for every interface)")
    serve.add_argument("--port", type=int, default=8000,
                       help="port to listen on (default: 8000; 0 picks a free one)")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                       help="let browser pages from this origin call the API, e.g. "
                       "chrome-extension://ID (repeatable; default: none)")
    # The defaults live in tweetmix.server, which this module must not import before run():
    # every other command builds this parser too, and the extra may not be installed.
    serve.add_argument("--max-batch", type=int,
                       help="most posts per 'texts' request (default: 1000)")
    serve.add_argument("--max-body-bytes", type=int,
                       help="largest request body in bytes (default: 1048576, 1 MiB)")
    serve.add_argument("--log-text", action="store_true",
                       help="also log the text of every post checked (off by default: drafts "
                       "are private)")
    serve.add_argument("--log-level", default="info",
                       choices=("critical", "error", "warning", "info", "debug"),
                       help="server log level (default: info)")
    serve.add_argument("--no-access-log", action="store_true",
                       help="do not log one line per request")
    add_policy_arguments(serve)
    serve.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    missing = [name for name in ("fastapi", "uvicorn") if not _importable(name)]
    if missing:
        print(MISSING_EXTRA.format(missing=", ".join(missing)), file=sys.stderr)
        return EXIT_ERROR
    limits = {"max_batch": args.max_batch, "max_body_bytes": args.max_body_bytes}
    for name, value in limits.items():
        if value is not None and value < 1:
            flag = "--" + name.replace("_", "-")
            print(f"tweetmix serve: {flag} must be a positive integer, got {value}",
                  file=sys.stderr)
            return EXIT_ERROR
    if not 0 <= args.port <= 65535:
        print(f"tweetmix serve: --port must be between 0 and 65535, got {args.port}",
              file=sys.stderr)
        return EXIT_ERROR

    import uvicorn

    from ..api import _resolve
    from ..server import create_app

    model = _resolve(args.model)
    app = create_app(model, policy=policy_from_args(args, model), cors_origins=args.cors_origin,
                     log_text=args.log_text,
                     **{name: value for name, value in limits.items() if value is not None})
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=not args.no_access_log, log_config=_log_config(args.log_level))
    return EXIT_OK


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


def _log_config(level: str) -> dict[str, Any]:
    """uvicorn's logging setup, plus the ``tweetmix.server`` logger on the same handler."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["tweetmix.server"] = {"handlers": ["default"], "level": level.upper(),
                                            "propagate": False}
    return config
