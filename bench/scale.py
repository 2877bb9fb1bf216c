"""Scale-out benchmark: 1, then 2, then 4 `intake run` daemons on one PostgreSQL store.

A private Dovecot holds N messages in 8 folders of one account; the daemons
(separate processes, as in production) fetch, queue, process and move them. In
every run with several daemons the first one is SIGKILLed once a third of the
messages have their outcome: its folders and its claim are taken over. For each
daemon count: messages/s from the backlog's arrival to its last outcome, the
ratio to the 1-daemon run of the same invocation, messages lost and doubled,
and the latency of probe messages APPENDed over IMAP while the backlog drains
(APPEND -> recorded in the store, APPEND -> outcome stored), and the peak memory of
the daemons (PSS summed over their process trees, sampled every 50 ms while they drain).

Run from the repository root, as root (Dovecot and PostgreSQL need it):
    python bench/scale.py [--messages 20000] [--daemons 1,2,4] [--probe-every 2] [--keep-logs DIR]
A backlog of 10,000 for one daemon: python bench/scale.py --messages 10000 --daemons 1
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from imapclient import IMAPClient  # noqa: E402
from sqlalchemy import text  # noqa: E402

from bench.services import Dovecot, Postgres  # noqa: E402
from models import Store, load_reference_dir  # noqa: E402

DEMO = ROOT / "demo"
FOLDERS = [f"Orders{n}" for n in range(1, 9)]
USER, PASSWORD = "orders", "bench-pw"
NOBODY = 65534  # Dovecot's mail user in bench/services.py


@dataclass
class Run:
    daemons: int
    messages: int
    killed: bool = False
    first_rate: float = 0.0  # messages/s until a third of the backlog, every daemon alive
    wall: float = 0.0
    lost: int = 0
    doubled: int = 0
    recorded: list[float] = field(default_factory=list)  # APPEND -> recorded, seconds
    decided: list[float] = field(default_factory=list)  # APPEND -> outcome stored, seconds
    peak_mib: float = 0.0  # the daemons' memory (PSS over their process trees), at its highest


def bench_messages(count: int, prefix: str) -> list[bytes]:
    """The demo messages (orders and others), each copy with its own Message-ID."""
    demo = [p.read_bytes() for p in sorted((DEMO / "emails").glob("*.eml"))]
    out = []
    for n in range(count):
        head, _, body = demo[n % len(demo)].partition(b"\n\n")
        kept = [line for line in head.split(b"\n") if not line.lower().startswith(b"message-id:")]
        kept.append(f"Message-ID: <{prefix}-{n}@bench.example>".encode())
        out.append(b"\r\n".join(kept) + b"\r\n\r\n" + body.replace(b"\n", b"\r\n"))
    return out


def fill_folders(dovecot: Dovecot, data: list[bytes]) -> None:
    """The backlog written straight into the Maildir++ folders, spread evenly."""
    home = dovecot.root / "mail" / USER
    for n, item in enumerate(data):
        folder = home / f".{FOLDERS[n % len(FOLDERS)]}"
        name = f"{1700000000 + n}.scale{n}.localhost"
        # Written in tmp/, then renamed into new/ (the Maildir way): Dovecot, watching,
        # never sees a message half-written or not yet its user's.
        (folder / "tmp" / name).write_bytes(item)
        os.chown(folder / "tmp" / name, NOBODY, NOBODY)
        (folder / "tmp" / name).rename(folder / "new" / name)


def prepare_mailbox(dovecot: Dovecot) -> None:
    dovecot.reset_user(USER)
    for folder in [*FOLDERS, "Processed", "Failed"]:
        dovecot.doveadm("mailbox", "create", "-u", USER, folder)


def config_text(dovecot: Dovecot, url: str) -> str:
    folders = ", ".join(f'"{f}"' for f in FOLDERS)
    return f"""database_url = "{url}"
[timing]
idle_seconds = 60
lease_seconds = 10
queue_poll_seconds = 0.5
batch_size = 50
[[accounts]]
name = "{USER}"
host = "127.0.0.1"
port = {dovecot.imap_port}
security = "plain"
user = "{USER}"
password_env = "INTAKE_BENCH_PASSWORD"
folders = [{folders}]
processed_folder = "Processed"
failed_folder = "Failed"
"""


def start_daemons(count: int, config: Path, logs: Path) -> list[subprocess.Popen]:
    env = {**os.environ, "INTAKE_BENCH_PASSWORD": PASSWORD}
    daemons = []
    for n in range(count):
        log = (logs / f"daemon-{count}-{n}.log").open("wb")
        daemons.append(
            subprocess.Popen(
                [sys.executable, "-m", "intake", "run", "--config", str(config)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        )
    for n in range(count):  # ready: index built, models loaded, the queue worked
        wait_text(logs / f"daemon-{count}-{n}.log", "work queue: taking messages", 300)
    return daemons


def wait_text(path: Path, wanted: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while wanted not in path.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path}: {wanted!r} not logged within {timeout} s")
        time.sleep(0.1)


def decided_count(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM messages WHERE state <> 'received'")
        ).scalar_one()


def probe(dovecot: Dovecot, stop: threading.Event, sent: dict[str, float], every: float) -> None:
    """APPEND a message every `every` seconds until `stop`, noting when (wall clock, as the store's)."""
    client = IMAPClient("127.0.0.1", port=dovecot.imap_port, ssl=False)
    client.login(USER, PASSWORD)
    n = 0
    while not stop.wait(every):
        [data] = bench_messages(1, f"probe-{n}")
        message_id = f"<probe-{n}-0@bench.example>"
        sent[message_id] = time.time()
        client.append(FOLDERS[n % len(FOLDERS)], data)
        n += 1
    client.logout()


def drain(
    dovecot: Dovecot,
    store: Store,
    daemons: list[subprocess.Popen],
    backlog: int,
    sent: dict[str, float],
    every: float,
    started: float,
) -> tuple[bool, float]:
    """Probe while the backlog drains, then wait for every outcome; the first daemon is
    SIGKILLed at a third of the backlog when there are several. Whether one was killed,
    and the messages/s until that third (all daemons alive)."""
    stop_probes = threading.Event()
    prober = threading.Thread(target=probe, args=(dovecot, stop_probes, sent, every), daemon=True)
    prober.start()
    killed, first_rate = False, 0.0
    deadline = time.monotonic() + 3600
    while not stop_probes.is_set() or decided_count(store) < backlog + len(sent):
        done = decided_count(store)
        if done >= 0.9 * backlog and not stop_probes.is_set():
            stop_probes.set()  # the backlog is nearly drained: the probes stop
            prober.join(30)
        if not first_rate and done >= backlog / 3:
            first_rate = done / (time.time() - started)
            if len(daemons) > 1:
                daemons[0].send_signal(signal.SIGKILL)
                daemons[0].wait(timeout=10)
                killed = True
        if time.monotonic() > deadline:
            raise RuntimeError(f"{done} of {backlog + len(sent)} outcomes after an hour")
        time.sleep(0.2)
    return killed, first_rate


def folder_counts(dovecot: Dovecot) -> dict[str, int]:
    client = IMAPClient("127.0.0.1", port=dovecot.imap_port, ssl=False)
    client.login(USER, PASSWORD)
    try:
        return {
            f: client.folder_status(f, ["MESSAGES"])[b"MESSAGES"] for f in [*FOLDERS, "Processed", "Failed"]
        }
    finally:
        client.logout()


def wait_moved(dovecot: Dovecot, total: int, timeout: float = 120) -> dict[str, int]:
    """The folders once every message was moved (or at `timeout`, as they are)."""
    deadline = time.monotonic() + timeout
    while True:
        counts = folder_counts(dovecot)
        moved = counts["Processed"] + counts["Failed"]
        if (moved >= total and not any(counts[f] for f in FOLDERS)) or time.monotonic() > deadline:
            return counts
        time.sleep(0.5)


def tally(store: Store, run: Run, started: float, sent: dict[str, float], counts: dict[str, int]) -> None:
    """Wall time, losses, doubles and the probes' latencies, from the store and the folders."""
    total = run.messages
    with store.engine.connect() as connection:
        last = connection.execute(text("SELECT max(processed_at) FROM messages")).scalar_one()
        decided = connection.execute(
            text("SELECT count(*) FROM messages WHERE state <> 'received'")
        ).scalar_one()
        orders = connection.execute(
            text(
                "SELECT count(*) - count(DISTINCT (message_pk, coalesce(customer_id, ''), coalesce(po_number, ''))) FROM orders"
            )
        ).scalar_one()
        rows = connection.execute(
            text(
                "SELECT m.message_id, min(l.seen_at), m.processed_at FROM messages m"
                " JOIN ledger l ON l.message_pk = m.id WHERE m.message_id LIKE '<probe-%'"
                " GROUP BY m.message_id, m.processed_at"
            )
        ).all()
    run.wall = last.timestamp() - started
    left = sum(counts[f] for f in FOLDERS)
    run.lost = max(total - decided, left)
    run.doubled = orders + max(0, counts["Processed"] + counts["Failed"] - total)
    for message_id, seen_at, processed_at in rows:
        run.recorded.append(seen_at.timestamp() - sent[message_id])
        run.decided.append(processed_at.timestamp() - sent[message_id])


def sample_memory(pids: list[int], peak: list[int], stop: threading.Event) -> None:
    """The highest PSS summed over the daemons and their children until `stop`."""
    roots = []
    for pid in pids:
        try:
            roots.append(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue
    while not stop.wait(0.05):
        total = 0
        for root in roots:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
            for proc in tree:
                try:
                    total += proc.memory_full_info().pss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
        peak[0] = max(peak[0], total)


def one_run(dovecot: Dovecot, postgres: Postgres, count: int, args: argparse.Namespace) -> Run:
    prepare_mailbox(dovecot)
    url = postgres.create_database(f"scale_{count}_{os.getpid()}")
    store = Store.open(url)
    load_reference_dir(store, DEMO / "ref")
    config = args.logs / f"scale-{count}.toml"
    config.write_text(config_text(dovecot, url))
    daemons = start_daemons(count, config, args.logs)
    sent: dict[str, float] = {}
    peak, stop = [0], threading.Event()
    sampler = threading.Thread(target=sample_memory, args=([d.pid for d in daemons], peak, stop), daemon=True)
    sampler.start()
    try:
        started = time.time()
        fill_folders(dovecot, bench_messages(args.messages, f"backlog-{count}"))
        killed, first_rate = drain(dovecot, store, daemons, args.messages, sent, args.probe_every, started)
        run = Run(daemons=count, messages=args.messages + len(sent), killed=killed, first_rate=first_rate)
        tally(store, run, started, sent, wait_moved(dovecot, run.messages))
        stop.set()
        sampler.join(5)
        run.peak_mib = peak[0] / 2**20
        return run
    finally:
        stop.set()
        for daemon in daemons:
            if daemon.poll() is None:
                daemon.send_signal(signal.SIGTERM)
        for daemon in daemons:
            try:
                daemon.wait(timeout=60)
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait(timeout=10)


def quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def print_table(runs: list[Run], args: argparse.Namespace) -> None:
    base, first_base = runs[0].messages / runs[0].wall, runs[0].first_rate
    print(
        f"\nScale-out: {args.messages} messages in {len(FOLDERS)} folders, PostgreSQL, {os.cpu_count()} CPUs\n"
    )
    print(
        f"{'daemons':>7} {'to 1/3 msg/s':>12} {'ratio':>6} {'killed':>6} {'messages':>8} {'wall s':>7} "
        f"{'msg/s':>7} {'ratio':>6} {'lost':>5} "
        f"{'doubled':>7} {'probes':>6} {'APPEND->recorded p50/p95 s':>27} {'APPEND->outcome p50/p95 s':>26}"
        f" {'peak MiB':>9}"
    )
    for run in runs:
        rate = run.messages / run.wall
        recorded = f"{quantile(run.recorded, 0.5):.2f} / {quantile(run.recorded, 0.95):.2f}"
        decided = f"{quantile(run.decided, 0.5):.2f} / {quantile(run.decided, 0.95):.2f}"
        print(
            f"{run.daemons:>7} {run.first_rate:>12.1f} {run.first_rate / first_base:>6.2f} "
            f"{('yes' if run.killed else 'no'):>6} {run.messages:>8} {run.wall:>7.1f} "
            f"{rate:>7.1f} {rate / base:>6.2f} {run.lost:>5} {run.doubled:>7} {len(run.recorded):>6} "
            f"{recorded:>27} {decided:>26} {run.peak_mib:>9.0f}"
        )
    print(
        "\nto 1/3: messages/s from the backlog's arrival until a third has its outcome, every daemon"
        " alive; killed: one daemon SIGKILLed then; messages: the backlog and the probes APPENDed"
        " while it drained; wall: from the backlog's arrival to the last outcome stored; msg/s: over"
        " the wall time; ratio: over the first row's; peak: the daemons' PSS summed over their"
        " process trees, at its highest"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--daemons", default="1,2,4", help="daemon counts, comma-separated")
    parser.add_argument("--probe-every", type=float, default=2.0, help="seconds between two probe APPENDs")
    parser.add_argument("--keep-logs", type=Path, help="keep the daemons' logs and configs in this folder")
    args = parser.parse_args()
    dovecot = Dovecot.start_new({USER: PASSWORD})
    postgres = Postgres.start_new()
    args.logs = args.keep_logs or dovecot.root / "logs"
    args.logs.mkdir(parents=True, exist_ok=True)
    try:
        runs = [one_run(dovecot, postgres, int(n), args) for n in args.daemons.split(",")]
    finally:
        dovecot.destroy()
        postgres.stop()
    print_table(runs, args)
    return 0 if all(run.lost == 0 and run.doubled == 0 for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
