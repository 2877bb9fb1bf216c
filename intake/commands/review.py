"""`intake review`: the clerks' web UI."""

from __future__ import annotations

import argparse
import logging
import socket
import sys

from intake.commands import load_settings, open_store
from models import IntakeError

log = logging.getLogger("intake.review")


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="serve the review UI")
    review.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    review.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    review.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from review_ui import create_app
    from review_ui.app import secure_cookies

    settings = load_settings()
    check_port(args.host, args.port)
    app = create_app(settings, open_store(settings), host=args.host)
    print(f"review UI on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    if secure_cookies(settings, args.host):
        print(PLAIN_HTTP_WARNING.format(host=args.host, port=args.port), file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=True)
    return 0


PLAIN_HTTP_WARNING = (
    "intake: warning: the UI listens beyond this machine ({host}), so its session cookie is sent over "
    "HTTPS only: opened as plain http://...:{port}/ every sign-in fails ('form expired'). Put it behind "
    "a TLS proxy (see README), or, on a trusted network only, set INTAKE_SESSION_COOKIE_SECURE=false."
)


def check_port(host: str, port: int) -> None:
    """IntakeError naming the port when another program already listens on it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise IntakeError(
                f"cannot serve the review UI on {host}:{port}: {exc.strerror} (another program uses the "
                "port? choose another with --port, or REVIEW_PORT=... for make run)"
            ) from None
