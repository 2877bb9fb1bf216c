"""`intake api`: the API for downstream systems (`--openapi` prints its schema)."""

from __future__ import annotations

import argparse
import json
import sys

from intake.commands import load_settings, open_store


def register(sub: argparse._SubParsersAction) -> None:
    api = sub.add_parser("api", help="serve the API for downstream systems (ERP, warehouse, web shop)")
    api.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    api.add_argument("--port", type=int, default=8100, help="port to listen on (default 8100)")
    api.add_argument("--openapi", action="store_true", help="print the OpenAPI schema and exit")
    api.set_defaults(handler=serve)


def openapi_schema() -> dict:
    """The API's OpenAPI schema; it depends on no store or setting (docs/openapi.json)."""
    from intake.api import create_api
    from models import Settings

    return create_api(Settings(), None).openapi()  # type: ignore[arg-type]


def serve(args: argparse.Namespace) -> int:
    if args.openapi:
        sys.stdout.write(json.dumps(openapi_schema(), indent=2, sort_keys=True) + "\n")
        return 0
    import uvicorn

    from intake.api import create_api

    settings = load_settings()
    app = create_api(settings, open_store(settings))
    print(f"API on http://{args.host}:{args.port}/ (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", proxy_headers=True)
    return 0
