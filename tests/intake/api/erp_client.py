"""An ERP's side of the API, as a script: poll the feed from a saved cursor, import each
new order, post its shipment, save the cursor. `python -m tests.intake.api.erp_client -h`.

It keeps what it imported in a JSON state file ({"cursor": N, "imported": {id: po}}), as
an ERP keeps its last position: a run that stops anywhere resumes without gap or repeat.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import httpx


def load_state(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {"cursor": 0, "imported": {}, "shipped": []}


def save_state(path: Path, state: dict) -> None:
    partial = path.with_suffix(".part")
    partial.write_text(json.dumps(state, indent=1))
    partial.replace(path)  # atomic: a crash leaves the previous state whole


def sync(client: httpx.Client, state_file: Path, *, carrier: str, page: int) -> dict:
    """Import every order accepted since the saved cursor and ship it; returns the state."""
    state = load_state(state_file)
    while True:
        answer = client.get("/orders", params={"after": state["cursor"], "limit": page})
        answer.raise_for_status()
        body = answer.json()
        for order in body["orders"]:
            if str(order["id"]) in state["imported"]:
                raise SystemExit(f"order {order['id']} given twice")
            state["imported"][str(order["id"])] = order["po_number"]
            event = {"kind": "shipped", "carrier": carrier, "tracking": f"TRK{order['id']:08d}"}
            shipped = client.post(
                f"/orders/{order['id']}/events",
                json=event,
                headers={"Idempotency-Key": f"ship-{order['id']}"},
            )
            shipped.raise_for_status()
            state["shipped"].append(order["id"])
        state["cursor"] = body["next_cursor"]
        save_state(state_file, state)
        if not body["orders"]:
            return state


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="the API's base URL")
    parser.add_argument("--token-env", default="ERP_TOKEN", help="variable holding a read+write token")
    parser.add_argument("--state", type=Path, required=True, help="the JSON state file")
    parser.add_argument("--carrier", default="Geodis")
    parser.add_argument("--page", type=int, default=3, help="orders per request (small: exercises paging)")
    args = parser.parse_args(argv)
    headers = {"Authorization": f"Bearer {os.environ[args.token_env]}"}
    with httpx.Client(base_url=args.url, headers=headers, timeout=30) as client:
        state = sync(client, args.state, carrier=args.carrier, page=args.page)
    print(json.dumps({"cursor": state["cursor"], "imported": len(state["imported"])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
