"""IMAP daemon benchmark on a private Dovecot.

1. Backlog: N messages waiting in INBOX -> committed orders, messages per second,
   with the time split between IMAP, parsing, matching and the store; against a
   baseline in the same process: the same messages ingested from memory (no IMAP).
2. Latency under IDLE: APPEND on another connection -> order committed, p50/p95
   over 100 messages, sent one at a time.
3. Peak memory (max RSS) after each phase.

Run from the repository root (as root: Dovecot and PostgreSQL need it):
    python -m bench.imap_bench [--messages 5000] [--latency 100] [--postgres]
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import resource
import statistics
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from imapclient import IMAPClient  # noqa: E402

import intake.daemon.worker as imapworker  # noqa: E402
import intake.pipeline as pipeline  # noqa: E402
from bench.services import Dovecot, Postgres  # noqa: E402
from bench.tables import measure  # noqa: E402
from intake.daemon.config import Account, DaemonConfig, Security, Timing  # noqa: E402
from intake.daemon.mailbox import ImapMailbox  # noqa: E402
from intake.daemon.queue import Claimed, Processor, QueueWorker  # noqa: E402
from intake.daemon.serve import build_workers, make_processor  # noqa: E402
from intake.daemon.worker import FolderWorker  # noqa: E402
from intake.ingest import Outcome, ingest_raw  # noqa: E402
from matchers import IndexCache  # noqa: E402
from models import (  # noqa: E402
    Origin,
    RawMessage,
    Settings,
    Store,
    load_reference_dir,
)

DEMO = ROOT / "demo"
SPLIT: dict[str, float] = defaultdict(float)
COMMITTED: dict[str, float] = {}  # X-Bench-Number -> when its outcome was committed


def timed(bucket: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPLIT[bucket] += time.perf_counter() - started

    return wrapper


def instrument() -> None:
    """Wrap the stages where they are looked up, so the daemon's own code is measured."""
    for name in ("parse_message", "classify", "extract_orders"):
        setattr(pipeline, name, timed("parsing", getattr(pipeline, name)))
    for name in ("match_order", "decide", "build_record"):
        setattr(pipeline, name, timed("matching", getattr(pipeline, name)))
    for name in ("record_position", "seen_positions", "mark_server_action", "known_uidvalidities"):
        setattr(imapworker, name, timed("store", getattr(imapworker, name)))
    for name in ("save_result", "mark_failed", "add_message"):
        setattr(Store, name, timed("store", getattr(Store, name)))
    for name in ("select", "pending_uids", "fetch", "move", "add_flag", "ensure_folder"):
        setattr(ImapMailbox, name, timed("imap", getattr(ImapMailbox, name)))
    ImapMailbox.connect = classmethod(timed("imap", ImapMailbox.connect.__func__))  # type: ignore[method-assign]


def messages(count: int) -> list[bytes]:
    """The demo messages (orders and non-orders), each copy with its own Message-ID."""
    demo = [p.read_bytes() for p in sorted((DEMO / "emails").glob("*.eml"))]
    out = []
    for n in range(count):
        head, _, body = demo[n % len(demo)].partition(b"\n\n")
        kept = [line for line in head.split(b"\n") if not line.lower().startswith(b"message-id:")]
        extra = [f"Message-ID: <bench-{n}@bench.example>".encode(), f"X-Bench-Number: {n}".encode()]
        out.append(b"\r\n".join(kept + extra) + b"\r\n\r\n" + body.replace(b"\n", b"\r\n"))
    return out


def fill_maildir(dovecot: Dovecot, user: str, data: list[bytes]) -> None:
    """Drop the backlog straight into the Maildir (doveadm save costs a process per message)."""
    home = dovecot.root / "mail" / user
    for sub in ("cur", "new", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
        os.chown(home / sub, 65534, 65534)
    os.chown(home, 65534, 65534)
    for n, item in enumerate(data):
        path = home / "new" / f"{1700000000 + n}.bench{n}.localhost"
        path.write_bytes(item)
        os.chown(path, 65534, 65534)


def open_store(tmp: Path, postgres: Postgres | None, name: str) -> Store:
    url = postgres.create_database(name) if postgres else f"sqlite:///{tmp}/{name}.db"
    store = Store.open(url)
    load_reference_dir(store, DEMO / "ref")
    return store


def note_commits(process: Processor) -> Processor:
    def wrapper(claimed: Iterable[Claimed]) -> Iterator[Outcome]:
        markers: dict[int, str] = {}

        def noted() -> Iterator[Claimed]:
            for item in claimed:
                markers[item.pk] = (
                    item.raw.data.split(b"X-Bench-Number: ", 1)[1].split(b"\r\n", 1)[0].decode()
                )
                yield item

        for outcome in process(noted()):
            COMMITTED[markers.pop(outcome.message_pk)] = time.perf_counter()
            yield outcome

    return wrapper


def workers(
    account: Account, store: Store, timing: Timing, stop: threading.Event, once: bool
) -> tuple[FolderWorker, QueueWorker | None]:
    """The daemon's own parts (intake/daemon/serve.py): the folder's worker records
    what arrives, the queue's worker processes it (a single pass does both itself)."""
    settings = Settings()
    process = note_commits(make_processor(store, settings, IndexCache(store, max_age=3600)))
    config = DaemonConfig(accounts=[account], timing=timing)
    [folder], queue = build_workers(config, store, process=process, stop=stop, once=once)
    return folder, queue


def baseline(store: Store, data: list[bytes]) -> float:
    """Messages per second of the same messages ingested from memory, no IMAP."""
    index = IndexCache(store, max_age=3600).get()
    settings = Settings()
    started = time.perf_counter()
    for item in data:
        ingest_raw(store, RawMessage(data=item, origin=Origin(kind="manual")), index=index, settings=settings)
    return len(data) / (time.perf_counter() - started)


def backlog(
    dovecot: Dovecot, account: Account, store: Store, timing: Timing, count: int
) -> tuple[float, float]:
    fill_maildir(dovecot, "orders", messages(count))
    SPLIT.clear()
    started = time.perf_counter()
    folder, _ = workers(account, store, timing, threading.Event(), once=True)
    tally = folder.run()
    elapsed = time.perf_counter() - started
    assert tally.processed + tally.failed == count and not tally.errors, tally
    return count / elapsed, elapsed


def latency(dovecot: Dovecot, account: Account, store: Store, timing: Timing, count: int) -> list[float]:
    COMMITTED.clear()
    stop = threading.Event()
    folder, queue = workers(account, store, timing, stop, once=False)
    assert queue is not None
    threads = [threading.Thread(target=part.run, daemon=True) for part in (folder, queue)]
    for thread in threads:
        thread.start()
    client = IMAPClient("127.0.0.1", port=dovecot.imap_port, ssl=False)
    client.login("orders", dovecot.users["orders"])
    time.sleep(1.0)  # connected and in IDLE
    results = []
    for n, item in enumerate(messages(count)):
        marker = str(n)
        sent = time.perf_counter()
        client.append("INBOX", item)
        deadline = sent + 60
        while marker not in COMMITTED:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"message {n} not committed within 60 s")
            time.sleep(0.002)
        results.append(COMMITTED.pop(marker) - sent)
    stop.set()
    for thread in threads:
        thread.join(30)
    client.logout()
    return results


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--latency", type=int, default=100)
    parser.add_argument("--postgres", action="store_true", help="the store on PostgreSQL (default SQLite)")
    parser.add_argument("--log", type=Path, help="the daemon's log to this file")
    args = parser.parse_args()
    if args.log:
        logging.basicConfig(
            filename=args.log, level=logging.INFO, format="%(asctime)s %(threadName)s %(message)s"
        )
    instrument()
    dovecot = Dovecot.start_new({"orders": "bench-pw", "latency": "bench-pw"})
    postgres = Postgres.start_new() if args.postgres else None
    os.environ["INTAKE_BENCH_PASSWORD"] = "bench-pw"
    try:
        return run(dovecot, postgres, args)
    finally:
        dovecot.destroy()
        if postgres:
            postgres.stop()


def run(dovecot: Dovecot, postgres: Postgres | None, args: argparse.Namespace) -> int:
    tmp = dovecot.root
    timing = Timing(batch_size=50, poll_seconds=1, lease_seconds=120)
    account = Account(
        name="orders",
        host="127.0.0.1",
        port=dovecot.imap_port,
        security=Security.PLAIN,
        user="orders",
        password_env="INTAKE_BENCH_PASSWORD",
        processed_folder="Processed",
        failed_folder="Failed",
    )
    rss_start = max_rss_mb()
    base_rate = baseline(open_store(tmp, postgres, "baseline"), messages(args.messages))
    rss_baseline = max_rss_mb()
    rate, elapsed = backlog(dovecot, account, open_store(tmp, postgres, "backlog"), timing, args.messages)
    rss_backlog = max_rss_mb()
    split = dict(SPLIT)
    lat = latency(dovecot, account, open_store(tmp, postgres, "latency"), timing, args.latency)
    store_kind = "PostgreSQL" if postgres else "SQLite"
    print(f"\nIMAP daemon benchmark: {args.messages} messages, store on {store_kind}, batch 50\n")
    print(f"{'measure':44} {'value':>12}")
    print(measure("baseline: ingest from memory (msg/s)", base_rate))
    print(measure("IMAP backlog -> committed orders (msg/s)", rate))
    print(measure("ratio IMAP daemon / baseline", rate / base_rate, digits=2))
    print(measure("backlog wall time (s)", elapsed))
    accounted = sum(split.values())
    for bucket in ("imap", "parsing", "matching", "store"):
        share = split.get(bucket, 0.0)
        print(f"{'  time in ' + bucket + ' (s, share of wall)':44} {share:7.1f} {share / elapsed:4.0%}")
    print(
        f"{'  other (worker, logging, threads)':44} {elapsed - accounted:7.1f} {(elapsed - accounted) / elapsed:4.0%}"
    )
    print(measure("latency APPEND -> order, p50 (s)", statistics.median(lat), digits=3))
    print(
        measure(
            "latency APPEND -> order, p95 (s)",
            statistics.quantiles(lat, n=20, method="inclusive")[18],
            digits=3,
        )
    )
    print(measure("latency APPEND -> order, max (s)", max(lat), digits=3))
    print(measure("max RSS at start (MB)", rss_start))
    print(measure("max RSS after baseline (MB)", rss_baseline))
    print(measure("max RSS after IMAP backlog (MB)", rss_backlog))
    print(measure("max RSS at end (MB)", max_rss_mb()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
