"""`intake messages`, `intake retry`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from intake.commands import load_settings, open_store

if TYPE_CHECKING:
    from models import StoredMessage
    from models.tables import Message


def register(sub: argparse._SubParsersAction) -> None:
    messages = sub.add_parser("messages", help="list every stored message")
    messages.add_argument("--state", choices=["received", "processed", "failed"])
    messages.add_argument("--format", choices=["table", "jsonl"], default="table")
    messages.set_defaults(handler=list_messages)

    retry = sub.add_parser("retry", help="process failed messages again")
    retry.add_argument("message_ids", nargs="*", metavar="MESSAGE_ID")
    retry.set_defaults(handler=retry_messages)


def message_summary(row: Message | StoredMessage, orders: int) -> dict:
    from models import origin_of

    origin = origin_of(row).describe()
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
    from models import stored_messages

    settings = load_settings()
    # A SQLite store is read without the ORM (a quick answer); any other through the Store.
    listed = stored_messages(settings.database_url, args.state)
    if listed is None:
        store = open_store(settings)
        listed = store.list_messages(args.state), store.order_counts()
    rows, counts = listed
    if args.format == "jsonl":
        for row in rows:
            print(json.dumps(message_summary(row, counts.get(row.id or 0, 0)), ensure_ascii=False))
        return 0
    print_table(rows, counts)
    return 0


TABLE_WIDTH = 120
# (title, width): the last column takes what is left of TABLE_WIDTH.
TABLE_COLUMNS = [
    ("#", 5),
    ("received", 11),
    ("state", 9),
    ("kind", 9),
    ("orders", 6),
    ("from", 24),
    ("subject", 28),
]


def print_table(rows: Sequence[Message | StoredMessage], counts: dict[int, int]) -> None:
    """One line per message that fits 120 columns: who sent it, its subject, and why it failed."""
    last = TABLE_WIDTH - sum(width + 2 for _, width in TABLE_COLUMNS)
    print(_line([title for title, _ in TABLE_COLUMNS] + ["error / origin"], last))
    for row in rows:
        origin = row.origin_path or f"{row.account or ''}/{row.folder or ''}/{row.uid or ''}"
        cells = [
            str(row.id),
            f"{row.received_at:%d/%m %H:%M}" if row.received_at else "",
            row.state,
            row.kind or "",
            str(counts.get(row.id or 0, 0)),
            row.sender or "",
            row.subject or "",
            row.error or origin,
        ]
        print(_line(cells, last))


def _line(cells: list[str], last: int) -> str:
    widths = [width for _, width in TABLE_COLUMNS] + [last]
    return "  ".join(
        _fit(" ".join(c.split()), w).ljust(w) for c, w in zip(cells, widths, strict=True)
    ).rstrip()


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def retry_messages(args: argparse.Namespace) -> int:
    from intake.ingest import retry_failed
    from matchers import CatalogIndex

    settings = load_settings()
    store = open_store(settings)
    index = CatalogIndex.build(store.load_reference())
    outcomes = retry_failed(store, args.message_ids, index=index, settings=settings)
    still = [o for o in outcomes if o.state == "failed"]
    for outcome in still:
        print(f"intake: still failing: message {outcome.message_pk}: {outcome.error}", file=sys.stderr)
    print(f"{len(outcomes)} retried: {len(outcomes) - len(still)} processed, {len(still)} still failed")
    return 1 if still else 0
