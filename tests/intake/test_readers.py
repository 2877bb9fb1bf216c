"""The pool of reading workers: same answers as reading one by one, and a failure stays with its message."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from intake import reader_worker, readers, recording
from intake.ingest import ingest_file
from intake.ingest_files import ingest_files
from intake.message_files import iter_message_files
from intake.pipeline import ReadMessage
from intake.readers import Failure, ReaderPool
from intake.reading import read_message
from matchers import CatalogIndex
from models import (
    MessageState,
    Origin,
    ParsedMessage,
    RawMessage,
    ReferenceData,
    Settings,
    Store,
    load_reference_dir,
)
from models.followup_store import open_followups
from parsers import DocumentLimits
from tests.paths import FIXTURES, ROOT

REF = FIXTURES.parent / "ref"


def _store(tmp_path: Path, name: str) -> Store:
    store = Store.open(f"sqlite:///{tmp_path / name}")
    load_reference_dir(store, REF)
    return store


POOL_SETTINGS = Settings(new_customer_orders=3)


@pytest.fixture(scope="module")
def one_by_one(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Every fixture ingested one by one, in this process: what a pool must store alike (read once
    for the ways of starting a pool compared with it)."""
    one = _store(tmp_path_factory.mktemp("one-by-one"), "one.db")
    index = CatalogIndex.build(one.load_reference())
    for path in iter_message_files([FIXTURES]):
        ingest_file(one, path, index=index, settings=POOL_SETTINGS)
    return one


@pytest.mark.parametrize("ahead", [False, True], ids=["spawner-forked-with-the-index", "index-sent-after"])
def test_a_pool_ingests_like_one_by_one(tmp_path: Path, ahead: bool, one_by_one: Store) -> None:
    files = list(iter_message_files([FIXTURES]))
    settings, one = POOL_SETTINGS, one_by_one
    # Forked before the index is built (as `intake ingest` does), the spawner is sent it afterwards.
    spawner = readers.spawner_ahead(DocumentLimits.from_settings(settings), settings) if ahead else None
    pooled = _store(tmp_path, "pool.db")
    index = CatalogIndex.build(pooled.load_reference())
    answers = list(ingest_files(pooled, files, index=index, settings=settings, processes=2, spawner=spawner))
    assert [path for path, _ in answers] == files
    assert pooled.order_records(None) == one.order_records(None)
    assert [m.state for m in pooled.list_messages(None)] == [m.state for m in one.list_messages(None)]
    assert _followups(one)  # the fixtures' follow-ups, linked and read alike
    assert _followups(pooled) == _followups(one)


def _followups(store: Store) -> list[tuple]:
    return [
        (f.message_id, f.kind, f.order_id, f.link_by, f.link_certain, f.candidates, f.change, f.returned)
        for f in open_followups(store)
    ]


def test_an_ingest_stopped_half_way_is_finished_by_the_next_without_doubles(tmp_path: Path) -> None:
    # Outcomes are committed at least every BATCH_OUTCOMES: stopped after BATCH_OUTCOMES + 3, at most
    # 2 * BATCH_OUTCOMES are committed, and the messages kept beyond them wait as received.
    files = list(iter_message_files([FIXTURES]))[: 2 * recording.BATCH_OUTCOMES + 8]
    settings = Settings(new_customer_orders=3)
    one, pooled = _store(tmp_path, "one.db"), _store(tmp_path, "pool.db")
    index = CatalogIndex.build(one.load_reference())
    for path in files:
        ingest_file(one, path, index=index, settings=settings)
    run = ingest_files(pooled, files, index=index, settings=settings, processes=2)
    for _ in range(recording.BATCH_OUTCOMES + 3):
        next(run)
    run.close()  # the process stops: outcomes not committed yet are not in the store
    states = [m.state for m in pooled.list_messages(None)]
    assert len(states) >= recording.BATCH_OUTCOMES + 3
    assert states.count(MessageState.PROCESSED) >= recording.BATCH_OUTCOMES
    assert MessageState.RECEIVED in states
    list(ingest_files(pooled, files, index=index, settings=settings, processes=2))
    assert pooled.order_records(None) == one.order_records(None)
    assert [m.state for m in pooled.list_messages(None)] == [m.state for m in one.list_messages(None)]


def _flaky_read(raw: RawMessage, **kwargs) -> ReadMessage:
    if b"CRASH" in raw.data:
        os._exit(3)
    if b"SLOW" in raw.data:
        time.sleep(60)
    return REAL_READ(raw, **kwargs)


REAL_READ = reader_worker.read_message


@pytest.mark.parametrize("load_first", [True, False], ids=["forked-here", "forked-by-spawner"])
def test_a_crash_or_an_overrun_fails_only_its_message(
    monkeypatch: pytest.MonkeyPatch, load_first: bool
) -> None:
    monkeypatch.setattr(reader_worker, "read_message", _flaky_read)
    body = next(iter_message_files([FIXTURES])).read_bytes()
    raws = [
        RawMessage(data=body + marker, origin=Origin(kind="file", path=f"m{n}"))
        for n, marker in enumerate([b"", b"\nCRASH\n", b"", b"\nSLOW\n", b""])
    ]
    limits = DocumentLimits(timeout_seconds=3)
    index = CatalogIndex.build(ReferenceData())
    with ReaderPool(index=index, limits=limits, processes=2, load_first=load_first) as pool:
        answers = list(pool.read(raws))
    kinds = [type(a).__name__ for a in answers]
    assert kinds == ["ReadMessage", "Failure", "ReadMessage", "Failure", "ReadMessage"]
    assert isinstance(answers[1], Failure) and "stopped without an answer" in answers[1].reason
    assert isinstance(answers[3], Failure) and "longer than 3 s" in answers[3].reason


def _flaky_parse(raw: RawMessage) -> ParsedMessage:
    if b"CRASH" in raw.data:
        os._exit(3)
    return REAL_PARSE(raw)


REAL_PARSE = reader_worker.parse


@pytest.mark.parametrize("load_first", [True, False], ids=["forked-here", "forked-by-spawner"])
def test_messages_handed_together_fail_alone(monkeypatch: pytest.MonkeyPatch, load_first: bool) -> None:
    """A worker lost while parsing the messages it holds fails none of them: each is read again
    alone, and only the one at fault fails; lost while reading one, that one alone fails."""
    monkeypatch.setattr(reader_worker, "read_message", _flaky_read)
    monkeypatch.setattr(reader_worker, "parse", _flaky_parse)
    body = next(iter_message_files([FIXTURES])).read_bytes()
    markers = [b"", b"\nCRASH\n", b"", b"\nSLOW\n", b"", b""]
    raws = [
        RawMessage(data=body + m, origin=Origin(kind="file", path=f"m{n}")) for n, m in enumerate(markers)
    ]
    limits = DocumentLimits(timeout_seconds=3)
    index = CatalogIndex.build(ReferenceData())
    with ReaderPool(index=index, limits=limits, processes=2, batch=3, load_first=load_first) as pool:
        answers = list(pool.read(raws))
    kinds = [type(a).__name__ for a in answers]
    assert kinds == ["ReadMessage", "Failure", "ReadMessage", "Failure", "ReadMessage", "ReadMessage"]
    assert isinstance(answers[1], Failure) and "stopped without an answer" in answers[1].reason
    assert isinstance(answers[3], Failure) and "longer than 3 s" in answers[3].reason
    alone = [read_message(raw, index=index, limits=limits) for raw in (raws[0], raws[4])]
    assert [answers[0], answers[4]] == alone


_POOL_THEN_SLEEP = """
import sys
import time
from pathlib import Path
from intake.readers import ReaderPool
from matchers import CatalogIndex
from models import Origin, RawMessage, ReferenceData
from parsers import DocumentLimits
raw = RawMessage(data=Path(sys.argv[2]).read_bytes(), origin=Origin(kind="file", path="m"))
index = CatalogIndex.build(ReferenceData())
with ReaderPool(index=index, limits=DocumentLimits(), processes=2, load_first=sys.argv[1] == "1") as pool:
    list(pool.read([raw, raw]))  # every worker forked and reading
    print("ready", flush=True)
    time.sleep(120)
"""


@pytest.mark.parametrize("load_first", [True, False], ids=["forked-here", "forked-by-spawner"])
def test_the_workers_of_a_pool_killed_end_with_it(load_first: bool) -> None:
    message = str(next(iter_message_files([FIXTURES])))
    owner = subprocess.Popen(
        [sys.executable, "-c", _POOL_THEN_SLEEP, "1" if load_first else "0", message],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline() == b"ready\n"
        workers = psutil.Process(owner.pid).children(recursive=True)
        assert len(workers) == (2 if load_first else 3)  # the spawner and its two workers
    finally:
        owner.kill()
        owner.wait()
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, f"workers left running: {[p.pid for p in alive]}"


_INGEST_THEN_LOOK = """
import sys
from pathlib import Path
from intake.ingest_files import ingest_files
from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
store = Store.open(f"sqlite:///{sys.argv[1]}")
load_reference_dir(store, Path(sys.argv[2]))
index = CatalogIndex.build(store.load_reference())
files = [Path(p) for p in sys.argv[3:]]
outcomes = list(ingest_files(store, files, index=index, settings=Settings(), processes=2))
readers = (
    "spacy", "parsers.mail.mime", "parsers.orders", "parsers.text.fields", "parsers.text.sections",
    "parsers.documents.pdf.reader", "pypdfium2",
)
print(len(outcomes), sorted(m for m in readers if m in sys.modules))
"""


def test_an_ingest_decides_and_stores_without_loading_the_readers(tmp_path: Path) -> None:
    """The process that decides and stores leaves reading to the workers: it loads neither spaCy
    nor the readers, which the spawner loads once for all the workers."""
    files = [str(p) for p in list(iter_message_files([FIXTURES]))[:6]]
    argv = [sys.executable, "-c", _INGEST_THEN_LOOK, str(tmp_path / "s.db"), str(REF), *files]
    done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "6 []"


_AT_THE_FORK = """
import sys
import intake.spawner
from intake.cli import main
forked = intake.spawner.Spawner.__init__
def looked(self, *args, **kwargs):
    loaded = ("intake.pipeline", "jinja2", "intake.notify.compose", "sqlalchemy", "models.store", "spacy")
    print("at the fork:", [m for m in loaded if m in sys.modules], flush=True)
    forked(self, *args, **kwargs)
intake.spawner.Spawner.__init__ = looked
sys.exit(main(["ingest", *sys.argv[1:]]))
"""


def test_an_ingest_forks_the_spawner_before_it_opens_the_store(tmp_path: Path) -> None:
    """The spawner is forked before the command loads the deciding half, opens the store and builds
    the index: it loads the readers, the models and its own deciding half meanwhile, on the other
    core, and the first message waits for nothing else. The mail composer, which the command alone
    needs, is loaded after, and the spawner never loads it."""
    _store(tmp_path, "s.db")
    files = [str(p) for p in list(iter_message_files([FIXTURES]))[:3]]
    env = {**os.environ, "INTAKE_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}"}
    done = subprocess.run(
        [sys.executable, "-c", _AT_THE_FORK, *files], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert done.stdout.splitlines()[0] == "at the fork: []"
    assert "3 files: 3 processed" in done.stdout


def test_a_worker_that_answered_all_it_held_is_handed_more_before_the_next_answer_is_given() -> None:
    """The caller decides and stores each answer given: a worker done meanwhile does not wait for
    every answer ready to be given before it is handed its next messages."""
    pool = ReaderPool(
        index=CatalogIndex.build(ReferenceData()), limits=DocumentLimits(), processes=2, batch=2
    )
    pool.workers = [readers._Worker(process=None, conn=None), readers._Worker(process=None, conn=None)]  # type: ignore[arg-type]
    handed: list[list[int]] = []
    # What the workers answer at each look: worker 0 one message, then both all they hold.
    script = [[(0, 1)], [(0, 1), (1, 2)]]

    def send(worker: readers._Worker, batch: list[tuple[int, RawMessage]]) -> None:
        worker.jobs.extend(batch)
        handed.append([number for number, _ in batch])

    def collect(timeout: float) -> list[tuple[int, str]]:
        step = script.pop(0) if script else [(w, len(pool.workers[w].jobs)) for w in (0, 1)]
        return [(pool.workers[w].jobs.popleft()[0], "read") for w, count in step for _ in range(count)]

    pool._send = send  # type: ignore[method-assign]
    pool._collect = collect  # type: ignore[method-assign,assignment]
    raws = [RawMessage(data=b"x", origin=Origin(kind="file", path=f"m{n}")) for n in range(8)]
    answers = pool.read(raws)
    next(answers), next(answers)  # messages 0 and 1 given: 2 and 3 are ready, both workers idle
    next(answers)
    assert handed[:3] == [[0, 1], [2, 3], [4, 5]]
    assert len(list(answers)) == 5


def test_an_ingest_started_with_the_collector_off_turns_it_on_for_the_messages(tmp_path: Path) -> None:
    """`intake ingest` starts with the collector off (what start-up builds lives on); once the pool
    is up it is on again, for what each message builds, and start-up's objects are frozen."""
    store = _store(tmp_path, "s.db")
    index = CatalogIndex.build(store.load_reference())
    files = list(iter_message_files([FIXTURES]))[:3]
    gc.disable()
    try:
        run = ingest_files(store, files, index=index, settings=Settings(), processes=2)
        next(run)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        list(run)
    finally:
        gc.enable()
        gc.unfreeze()


class _Pipe:
    """A worker's end as the pool writes to it: what was sent, in order."""

    def __init__(self, sent: list[list[int]], numbers: dict[bytes, int]) -> None:
        self.sent, self.numbers = sent, numbers

    def send(self, batch: list[tuple[bytes, str]]) -> None:
        self.sent.append([self.numbers[data] for data, _ in batch])


def _pool_of_fakes(batch: int, raws: list[RawMessage]) -> tuple[ReaderPool, list[list[int]]]:
    pool = ReaderPool(
        index=CatalogIndex.build(ReferenceData()), limits=DocumentLimits(), processes=2, batch=batch
    )
    sent: list[list[int]] = []
    numbers = {raw.data: n for n, raw in enumerate(raws)}
    pool.workers = [readers._Worker(process=None, conn=_Pipe(sent, numbers)) for _ in range(2)]  # type: ignore[arg-type]
    return pool, sent


def _answering(pool: ReaderPool, script: list[list[tuple[int, int]]]):
    """`_collect` as the workers would answer: at each look, per (worker, count) its first messages."""

    def collect(timeout: float) -> list[tuple[int, str]]:
        step = script.pop(0) if script else [(w, len(pool.workers[w].jobs)) for w in (0, 1)]
        answers = []
        for w, count in step:
            for _ in range(count):
                answers.append((pool.workers[w].jobs[0][0], "read"))
                pool.workers[w].answered()
        return answers

    return collect


def test_a_worker_down_to_its_last_messages_is_handed_its_next_batch_before_it_is_done() -> None:
    """It finds its next messages in its pipe once done, instead of waiting for the caller to come
    back from deciding and storing."""
    raws = [RawMessage(data=b"x%d" % n, origin=Origin(kind="file", path=f"m{n}")) for n in range(40)]
    pool, sent = _pool_of_fakes(4, raws)
    # Worker 0 answers two of its four, then nothing is ready: down to two, it is handed four more.
    pool._collect = _answering(pool, [[(0, 2)], []])  # type: ignore[method-assign,assignment]
    answers = pool.read(raws)
    next(answers), next(answers)
    assert sent == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    assert [n for n, _ in pool.workers[0].jobs] == [2, 3, 8, 9, 10, 11]
    assert list(pool.workers[0].batches) == [2, 4]
    assert len(list(answers)) == 38
    assert sorted(n for batch in sent for n in batch) == list(range(40))


def test_a_batch_too_large_to_wait_in_the_pipe_is_handed_only_once_the_worker_is_done() -> None:
    """The caller's send would wait for the worker to read it: it is not queued."""
    filler = b"x" * (readers.QUEUED_BYTES // 3)
    raws = [RawMessage(data=b"%d" % n + filler, origin=Origin(kind="file", path=f"m{n}")) for n in range(16)]
    pool, sent = _pool_of_fakes(4, raws)
    pool._collect = _answering(pool, [[(0, 2)], []])  # type: ignore[method-assign,assignment]
    answers = pool.read(raws)
    next(answers), next(answers)
    assert sent == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert len(list(answers)) == 14
    assert sorted(n for batch in sent for n in batch) == list(range(16))


def test_a_worker_lost_with_a_batch_waiting_fails_only_the_message_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The messages of the batch waiting in its pipe are read again, each alone."""
    monkeypatch.setattr(reader_worker, "read_message", _flaky_read)
    body = next(iter_message_files([FIXTURES])).read_bytes()
    markers = [b"\nCRASH\n" if n == 1 else b"\n%d\n" % n for n in range(12)]
    raws = [
        RawMessage(data=body + m, origin=Origin(kind="file", path=f"m{n}")) for n, m in enumerate(markers)
    ]
    index = CatalogIndex.build(ReferenceData())
    with ReaderPool(index=index, limits=DocumentLimits(), processes=2, batch=2) as pool:
        answers = list(pool.read(raws))
    kinds = [type(a).__name__ for a in answers]
    assert kinds == ["ReadMessage", "Failure", *["ReadMessage"] * 10]
