"""`intake review`: the clerks' web UI."""

from __future__ import annotations

import argparse
import logging

from intake.commands import load_settings, open_store

log = logging.getLogger("intake.review")


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="serve the review UI")
    review.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    review.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    review.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from review_ui import create_app

    settings = load_settings()
    app = create_app(settings, open_store(settings), host=args.host)
    print(f"review UI on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=True)
    return 0
