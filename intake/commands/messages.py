"""`intake messages`: list every stored message."""

from __future__ import annotations

import argparse
import json

from intake.commands import load_settings, open_store
from models.tables import Message


def register(sub: argparse._SubParsersAction) -> None:
    messages = sub.add_parser("messages", help="list every stored message")
    messages.add_argument("--state", choices=["received", "processed", "failed"])
    messages.add_argument("--format", choices=["table", "jsonl"], default="table")
    messages.set_defaults(handler=list_messages)


def message_summary(row: Message, orders: int) -> dict:
    if row.origin_kind == "imap":
        origin = f"{row.account}/{row.folder}/{row.uidvalidity}/{row.uid}"
    else:
        origin = row.origin_path or row.origin_kind
    return {
        "message_id": row.message_id,
        "sha256": row.sha256,
        "origin": origin,
        "received_at": row.received_at.isoformat() if row.received_at else None,
        "state": row.state,
        "kind": row.kind,
        "orders": orders,
        "error": row.error,
    }


def list_messages(args: argparse.Namespace) -> int:
    store = open_store(load_settings())
    counts = store.order_counts()
    rows = [message_summary(r, counts.get(r.id or 0, 0)) for r in store.list_messages(args.state)]
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    columns = ["message_id", "sha256", "origin", "received_at", "state", "kind", "orders", "error"]
    table = [columns] + [[_cell(r[c], c) for c in columns] for r in rows]
    widths = [max(len(t[i]) for t in table) for i in range(len(columns))]
    for line in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
    return 0


def _cell(value: object, column: str) -> str:
    text = "" if value is None else str(value)
    return text[:12] if column == "sha256" else text
