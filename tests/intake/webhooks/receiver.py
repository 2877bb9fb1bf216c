"""A webhook receiver on loopback, as a downstream system writes one: it verifies each
signature, processes each event id once, and can be told to fail or to answer too late."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from intake.webhooks import verify


class Receiver:
    def __init__(self, port: int, secret: str) -> None:
        self.port, self.secret = port, secret
        self.mode = "ok"  # ok, fail (HTTP 500), slow (processes, answers after `delay`)
        self.delay = 1.0
        self.requests: list[dict] = []  # every POST: event id, whether the signature held
        self.processed: dict[str, dict] = {}  # event id -> payload, each processed once
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/intake"

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.handle(self, body)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def handle(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        headers = dict(handler.headers.items())
        valid = verify(self.secret, headers, body)
        event_id = headers.get("Intake-Event-Id", "")
        with self.lock:
            self.requests.append({"event_id": event_id, "valid": valid, "mode": self.mode})
            if not valid:
                return self._answer(handler, 401)
            if self.mode == "fail":
                return self._answer(handler, 500)
            if event_id not in self.processed:  # the idempotency key: a retry is not processed again
                self.processed[event_id] = json.loads(body)
            mode = self.mode
        if mode == "slow":
            time.sleep(self.delay)
        self._answer(handler, 200)

    @staticmethod
    def _answer(handler: BaseHTTPRequestHandler, status: int) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the sender gave up waiting
