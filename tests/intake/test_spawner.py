"""The readers' spawner forked before the catalogue index exists: it is sent the index, or ended at once
when none comes or the index is too large to send."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import intake.preload
from intake import readers
from intake.pipeline import ReadMessage
from intake.readers import ReaderPool
from intake.spawner import Spawner
from matchers import CatalogIndex
from models import Origin, ProductRow, RawMessage, ReferenceData
from parsers import DocumentLimits
from tests.paths import ROOT

MESSAGE = b"""From: atelier@menuiserie-exemple.fr
To: commandes@quincaillerie-exemple.fr
Subject: Commande
Message-ID: <c1@menuiserie-exemple.fr>
Content-Type: text/plain; charset=utf-8

Bonjour,
merci de nous livrer 12 charnieres inox 80 mm.
Cordialement
"""


def test_a_spawner_still_waiting_for_the_index_is_ended_at_once() -> None:
    # The store could not be opened: the spawner, still loading its models, is not waited for.
    spawner = Spawner(DocumentLimits(), None)
    started = time.monotonic()
    spawner.close()
    assert spawner.process.exitcode is not None
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("sent_up_to", [readers.SENT_UP_TO, 0], ids=["index-sent", "index-too-large"])
def test_a_pool_reads_with_a_spawner_forked_ahead_whatever_the_size_of_the_index(
    monkeypatch: pytest.MonkeyPatch, sent_up_to: int
) -> None:
    monkeypatch.setattr(readers, "SENT_UP_TO", sent_up_to)
    product = ProductRow(sku="CH-80-X", name="Charniere inox 80 mm", unit="piece")
    index = CatalogIndex.build(ReferenceData(products=[product]))
    ahead = readers.spawner_ahead(DocumentLimits(), None)
    raw = RawMessage(data=MESSAGE, origin=Origin(kind="file", path="m"))
    with ReaderPool(
        index=index, limits=DocumentLimits(), processes=1, load_first=False, spawner=ahead
    ) as pool:
        # Too large to send, the index goes to a spawner forked with it; the one ahead is ended.
        assert (pool.spawner is ahead) == (sent_up_to > 0)
        assert (ahead.process.exitcode is not None) == (sent_up_to == 0)
        (answer,) = pool.read([raw])
    assert isinstance(answer, ReadMessage)
    assert [line.sku for order in answer.matched for line in order.lines] == ["CH-80-X"]


def test_the_index_is_taken_while_the_models_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An index of megabytes, more than a pipe holds, is read off it while the spawner loads its
    models: the pool's process goes on with its start-up instead of waiting for them."""
    loaded = tmp_path / "loaded"
    real = intake.preload.preload

    def held(index: CatalogIndex | None = None) -> None:
        while not loaded.exists():
            time.sleep(0.01)
        real(index)

    monkeypatch.setattr(intake.preload, "preload", held)
    products = [ProductRow(sku=f"VTF-{n}", name=f"Vis tete fraisee {n} mm") for n in range(3000)]
    products.append(ProductRow(sku="CH-80-X", name="Charniere inox 80 mm", unit="piece"))
    index = CatalogIndex.build(ReferenceData(products=products))
    opener = threading.Timer(20, loaded.touch)  # a pool that waited for the models is let go, and fails
    opener.start()
    try:
        ahead = Spawner(DocumentLimits(), None)
        with ReaderPool(
            index=index, limits=DocumentLimits(), processes=1, load_first=False, spawner=ahead
        ) as pool:
            assert not loaded.exists()
            loaded.touch()
            (answer,) = pool.read([RawMessage(data=MESSAGE, origin=Origin(kind="file", path="m"))])
    finally:
        opener.cancel()
    assert isinstance(answer, ReadMessage)
    assert [line.sku for order in answer.matched for line in order.lines] == ["CH-80-X"]


# Run in a process of its own: one that has already imported the readers and loaded the models
# (as the rest of the test run does) leaves the spawner nothing to compile.
KEPT_SCRIPT = """
import re, sys
from pathlib import Path
from intake import readers
from intake.pipeline import ReadMessage
from intake.readers import ReaderPool
from matchers import CatalogIndex
from models import Origin, ProductRow, RawMessage, ReferenceData, pattern_cache
from parsers import DocumentLimits
from tests.paths import ROOT

cache = pattern_cache.install(Path(sys.argv[1]))
assert cache is not None
cache.write_from = 1  # what this process imported already, the spawner does not compile
index = CatalogIndex.build(ReferenceData(products=[ProductRow(sku="CH-80-X", name="Charniere inox 80 mm")]))
raw = RawMessage(data=sys.stdin.buffer.read(), origin=Origin(kind="file", path="m"))
for _ in range(2):
    re.purge()  # nothing compiled in this process is found ready
    ahead = readers.spawner_ahead(DocumentLimits(), None)
    assert not cache.recording  # the spawner records; this process reads messages
    with ReaderPool(index=index, limits=DocumentLimits(), processes=1, load_first=False, spawner=ahead) as pool:
        (answer,) = pool.read([raw])
    assert isinstance(answer, ReadMessage)
    print(cache.path.stat().st_mtime_ns)
    cache.known = pattern_cache.read(cache.path)  # as the next command finds it
assert cache.known
"""


def test_the_patterns_a_spawner_compiles_are_kept_for_the_next_one(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KEPT_SCRIPT, str(tmp_path / "patterns.bin")],
        input=MESSAGE,
        cwd=ROOT,
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    first, second = done.stdout.decode().split()
    # The second spawner compiled nothing the first had not kept: the file is left as it was.
    assert first == second
