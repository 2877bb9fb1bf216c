"""The accepted-orders feed on PostgreSQL: what numbering in commit order costs, and reads.

1. Writers: T threads store O orders each, one transaction per order (an order
   and 5 lines). Baseline: orders held for review (no feed position, no webhook
   event). Then the same orders accepted: each takes the counter row's lock until
   it commits, and queues one webhook event per endpoint (2 endpoints). Orders/s
   for each and the ratio.
2. Readers: GET /orders pages of 100 through the API app (in-process ASGI client),
   pages/s, against a baseline of the same query without the API (the store alone).

Run from the repository root, as root (PostgreSQL refuses root: it is run as `postgres`):
    python bench/feed_bench.py [--threads 4] [--orders 250]
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from bench.services import Postgres  # noqa: E402
from bench.tables import measure  # noqa: E402
from intake.api import Scope, create_api, create_token  # noqa: E402
from intake.api.queries import orders_after  # noqa: E402
from intake.webhooks import add_endpoint  # noqa: E402
from models import Settings, Store  # noqa: E402
from models.tables import Order, OrderLine  # noqa: E402


def store_orders(url: str, status: str, threads: int, orders: int) -> float:
    """Orders per second, `threads` writers of `orders` orders each."""

    def writer(n: int) -> None:
        store = Store.open(url)
        for k in range(orders):
            with store.session() as session:
                order = Order(
                    message_id=f"<b{n}.{k}@bench>", status=status, customer_id="C1", po_number=f"P{n}-{k}"
                )
                session.add(order)
                session.flush()
                for line in range(1, 6):
                    session.add(
                        OrderLine(order_id=order.id or 0, line_no=line, sku=f"S{line}", quantity=line)
                    )
                session.commit()

    workers = [threading.Thread(target=writer, args=(n,)) for n in range(threads)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return threads * orders / (time.perf_counter() - started)


def read_pages(url: str, through_api: bool) -> float:
    """Pages of 100 per second, following the cursor from the start to the end."""
    store = Store.open(url)
    client, headers = None, {}
    if through_api:
        client = TestClient(create_api(Settings(database_url=url), store))
        headers = {"Authorization": f"Bearer {create_token(store, 'bench', [Scope.READ])[1]}"}
    pages, cursor, started = 0, 0, time.perf_counter()
    while True:
        if client is not None:
            body = client.get("/orders", params={"after": cursor, "limit": 100}, headers=headers).json()
            cursor, count = body["next_cursor"], len(body["orders"])
        else:
            page = orders_after(store, cursor, 100)
            cursor, count = page.next_cursor, len(page.orders)
        pages += 1
        if not count:
            return pages / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--orders", type=int, default=250, help="orders per writer thread")
    args = parser.parse_args()
    server = Postgres.start_new()
    try:
        url = server.create_database("feed_bench")
        store = Store.open(url)
        for port in (9, 10):  # nothing listens: the events only wait in the outbox
            add_endpoint(store, f"http://127.0.0.1:{port}/hook")
        held = store_orders(url, "review", args.threads, args.orders)
        accepted = store_orders(url, "accepted", args.threads, args.orders)
        direct = read_pages(url, through_api=False)
        api = read_pages(url, through_api=True)
    finally:
        server.stop()
    total = args.threads * args.orders
    print(f"PostgreSQL, {args.threads} writer threads, {total} orders of 5 lines each")
    print(f"{'':44} {'per s':>12} {'ratio':>8}")
    print(measure("orders stored, held (baseline)", held, digits=0, ratio=1))
    print(measure("orders stored, accepted (feed + 2 hooks)", accepted, digits=0, ratio=accepted / held))
    print(measure("feed pages of 100, store alone (base)", direct, ratio=1))
    print(measure("feed pages of 100, through the API", api, ratio=api / direct))
    return 0


if __name__ == "__main__":
    sys.exit(main())
