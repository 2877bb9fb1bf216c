"""IMAP daemon benchmark on a private Dovecot.

1. Backlog: N messages waiting in INBOX -> committed orders, messages per second,
   with the time split between IMAP, parsing, matching and the store; against a
   baseline in the same process: the same messages ingested from memory (no IMAP).
2. Latency under IDLE: APPEND on another connection -> order committed, p50/p95
   over 100 messages, sent one at a time.
3. Latency while a backlog drains: the running daemon (folder and queue workers)
   starts on N waiting messages while one more is APPENDed every --append-every
   seconds until the backlog is committed: drain rate, APPEND -> stored (the
   message recorded in the store's queue) and APPEND -> order p50/p95.
4. Peak memory (max RSS) after each phase.

Run from the repository root (as root: Dovecot and PostgreSQL need it):
    python -m bench.imap_bench [--messages 5000] [--latency 100] [--drain 10000] [--postgres]
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
from bench.services import Dovecot, Postgres  # noqa: E402
from bench.tables import measure  # noqa: E402
from intake import stages  # noqa: E402
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
RECORDED: dict[str, float] = {}  # X-Bench-Number -> when the folder worker committed it to the queue
DOUBLED: list[str] = []  # X-Bench-Numbers recorded or committed a second time
# X-Bench-Number ranges of the drain phase: its backlog, then the messages appended meanwhile.
DRAIN_FROM, APPENDED_FROM = 2_000_000, 3_000_000


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
    """Wrap the daemon's IMAP and store calls where they are looked up; the reading stages
    are timed by the pipeline itself (intake/stages.py), in the reading workers too."""
    for name in ("seen_positions", "mark_server_action", "known_uidvalidities"):
        setattr(imapworker, name, timed("store", getattr(imapworker, name)))
    imapworker.record_positions = timed("store", note_records(imapworker.record_positions))
    for name in ("save_result", "mark_failed", "add_message"):
        setattr(Store, name, timed("store", getattr(Store, name)))
    for name in ("select", "pending_uids", "fetch", "move", "add_flag", "ensure_folder"):
        setattr(ImapMailbox, name, timed("imap", getattr(ImapMailbox, name)))
    ImapMailbox.connect = classmethod(timed("imap", ImapMailbox.connect.__func__))  # type: ignore[method-assign]


def marker(data: bytes) -> str:
    return data.split(b"X-Bench-Number: ", 1)[1].split(b"\r\n", 1)[0].decode()


def note_records(function: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
    @functools.wraps(function)
    def wrapper(store: Store, items: list[tuple[RawMessage, Any, Any]]) -> list[Any]:
        seen = function(store, items)
        now = time.perf_counter()
        for raw, _, _ in items:
            key = marker(raw.data)
            if key in RECORDED:
                DOUBLED.append(key)
            RECORDED[key] = now
        return seen

    return wrapper


def messages(count: int, start: int = 0) -> list[bytes]:
    """The demo messages (orders and non-orders), each copy with its own Message-ID."""
    demo = [p.read_bytes() for p in sorted((DEMO / "emails").glob("*.eml"))]
    out = []
    for n in range(start, start + count):
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
                markers[item.pk] = marker(item.raw.data)
                yield item

        for outcome in process(noted()):
            key = markers.pop(outcome.message_pk)
            if key in COMMITTED:
                DOUBLED.append(key)
            COMMITTED[key] = time.perf_counter()
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
    stages.SECONDS.clear()
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


def drain(
    dovecot: Dovecot, account: Account, store: Store, timing: Timing, count: int, every: float
) -> tuple[float, list[float], list[float], float]:
    """(backlog messages per second, APPEND -> stored, APPEND -> order, seconds until the whole
    backlog was recorded) of the messages appended one every `every` seconds while the running
    daemon drains `count` waiting ones."""
    fill_maildir(dovecot, "orders", messages(count, DRAIN_FROM))
    COMMITTED.clear()
    RECORDED.clear()
    DOUBLED.clear()
    stop = threading.Event()
    folder, queue = workers(account, store, timing, stop, once=False)
    assert queue is not None
    threads = [threading.Thread(target=part.run, daemon=True) for part in (folder, queue)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    client = IMAPClient("127.0.0.1", port=dovecot.imap_port, ssl=False)
    client.login("orders", dovecot.users["orders"])
    sent: dict[str, float] = {}
    while sum(1 for m in list(COMMITTED) if int(m) < APPENDED_FROM) < count:
        if time.perf_counter() - started > 600 + count:
            raise RuntimeError("the backlog was not drained in time")
        [item] = messages(1, APPENDED_FROM + len(sent))
        client.append("INBOX", item)
        sent[marker(item)] = time.perf_counter()
        time.sleep(every)
    rate = count / (time.perf_counter() - started)
    # The messages appended meanwhile were queued behind the backlog: on a long drain, thousands,
    # each read in turn (a second each is ample on any machine this runs on).
    deadline = time.perf_counter() + 60 + len(sent)
    while not set(sent) <= set(COMMITTED) and time.perf_counter() < deadline:
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(30)
    client.logout()
    stored = [RECORDED[m] - at for m, at in sent.items() if m in RECORDED]
    ordered = [COMMITTED[m] - at for m, at in sent.items() if m in COMMITTED]
    assert len(stored) == len(ordered) == len(sent), "an appended message was not committed"
    assert not DOUBLED, f"recorded or committed twice: {DOUBLED[:10]}"
    backlog_recorded = max(at for m, at in RECORDED.items() if DRAIN_FROM <= int(m) < APPENDED_FROM) - started
    return rate, stored, ordered, backlog_recorded


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--latency", type=int, default=100)
    parser.add_argument("--drain", type=int, default=0, help="backlog of the latency-while-draining phase")
    parser.add_argument("--append-every", type=float, default=0.5, help="seconds between its APPENDs")
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
    stage_split = stages.format_split(elapsed)
    lat = latency(dovecot, account, open_store(tmp, postgres, "latency"), timing, args.latency)
    rss_latency = max_rss_mb()
    drained = None
    if args.drain:
        drained = drain(
            dovecot, account, open_store(tmp, postgres, "drain"), timing, args.drain, args.append_every
        )
    store_kind = "PostgreSQL" if postgres else "SQLite"
    print(f"\nIMAP daemon benchmark: {args.messages} messages, store on {store_kind}, batch 50\n")
    print(f"{'measure':44} {'value':>12}")
    print(measure("baseline: ingest from memory (msg/s)", base_rate))
    print(measure("IMAP backlog -> committed orders (msg/s)", rate))
    print(measure("ratio IMAP daemon / baseline", rate / base_rate, digits=2))
    print(measure("backlog wall time (s)", elapsed))
    for bucket in ("imap", "store"):
        share = split.get(bucket, 0.0)
        print(f"{'  time in ' + bucket + ' (s, share of wall)':44} {share:7.1f} {share / elapsed:4.0%}")
    print(measure("latency APPEND -> order, p50 (s)", statistics.median(lat), digits=3))
    print(measure("latency APPEND -> order, p95 (s)", p95(lat), digits=3))
    print(measure("latency APPEND -> order, max (s)", max(lat), digits=3))
    if drained:
        rate, stored, ordered, backlog_recorded = drained
        print(measure(f"drain {args.drain} waiting -> committed (msg/s)", rate))
        print(measure("  the backlog all recorded after (s)", backlog_recorded))
        print(measure(f"  appended meanwhile, one per {args.append_every:g} s", len(stored), digits=0))
        print(measure("  APPEND -> stored, p50 (s)", statistics.median(stored), digits=3))
        print(measure("  APPEND -> stored, p95 (s)", p95(stored), digits=3))
        print(measure("  APPEND -> stored, max (s)", max(stored), digits=3))
        print(measure("  APPEND -> order, p50 (s)", statistics.median(ordered), digits=3))
        print(measure("  APPEND -> order, p95 (s)", p95(ordered), digits=3))
    print(measure("max RSS at start (MB)", rss_start))
    print(measure("max RSS after baseline (MB)", rss_baseline))
    print(measure("max RSS after IMAP backlog (MB)", rss_backlog))
    print(measure("max RSS after latency (MB)", rss_latency))
    print(measure("max RSS at end (MB)", max_rss_mb()))
    print("\nbacklog stages (the reading workers' summed over the workers):\n" + stage_split)
    return 0


if __name__ == "__main__":
    sys.exit(main())
