"""What reading workers find loaded when they are forked: nothing left to compile at their first messages."""

from __future__ import annotations

import functools
import gc
import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from intake.preload import READING_PACKAGES, preload
from intake.readers import ReaderPool
from intake.reading import assess_message, read_message
from intake.routing.checks import catalogue_keys, named
from matchers import CatalogIndex
from models import Origin, RawMessage, Settings
from parsers import DocumentLimits
from tests.paths import FIXTURES, FIXTURES_REF

# Messages of every shape: body lines, attached orders, replies, forwards and others.
SHAPES = (
    "pdf_",
    "xlsx_",
    "csv_",
    "thread_",
    "forward_",
    "reply_",
    "prose_",
    "nonorder_",
    "html_",
    "english_",
)


def _loaders() -> list[functools._lru_cache_wrapper]:
    return [
        value
        for name, module in list(sys.modules.items())
        if name.startswith(READING_PACKAGES)
        for value in vars(module).values()
        if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == name
    ]


def _some_of_each_shape() -> list[Path]:
    files = sorted(FIXTURES.glob("*.eml"))
    return [path for shape in SHAPES for path in [p for p in files if p.name.startswith(shape)][:2]]


def test_a_message_read_after_preload_compiles_no_vocabulary(
    reference_index: Callable[[Path], CatalogIndex],
) -> None:
    index = reference_index(FIXTURES_REF)
    settings = Settings()
    limits = DocumentLimits(isolate=False)
    preload(index)
    before = {loader: loader.cache_info().misses for loader in _loaders()}
    own = {loader: _own_values(loader) for loader in _loaders() if not _needs_arguments(loader)}
    kept = (dict(catalogue_keys._KEYS), dict(named._PRODUCT_BOOKS), dict(named._REF_BOOKS))
    paths = _some_of_each_shape()
    assert len(paths) >= 16
    for path in paths:
        raw = RawMessage(data=path.read_bytes(), origin=Origin(kind="file", path=str(path)))
        assess_message(read_message(raw, index=index, limits=limits), index=index, settings=settings)
    # A loader of a module imported only while reading counts too: preload could not see it.
    loaded_late = [
        f"{loader.__module__}.{loader.__name__}"
        for loader in _loaders()
        if not _needs_arguments(loader)
        and (loader.cache_info().misses != before.get(loader, 0) or _own_values(loader) != own.get(loader))
    ]
    assert loaded_late == []
    # What the checks keep of the catalogue was built before: reading built none of it again.
    assert kept == (catalogue_keys._KEYS, named._PRODUCT_BOOKS, named._REF_BOOKS)


def _own_values(loader: functools._lru_cache_wrapper) -> set[str]:
    """The names of what the loaded vocabulary computed and keeps of its own (its cached properties)."""
    return set(getattr(loader(), "__dict__", {}))


def _needs_arguments(loader: functools._lru_cache_wrapper) -> bool:
    return any(p.default is p.empty for p in inspect.signature(loader).parameters.values())


def test_a_pool_keeps_what_it_forks_with_from_the_collector_while_it_runs(
    reference_index: Callable[[Path], CatalogIndex],
) -> None:
    index = reference_index(FIXTURES_REF)
    with ReaderPool(index=index, limits=DocumentLimits(), processes=1):
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


_READ_PDFS_AFTER_PRELOAD = """
import sys
from pathlib import Path
from models import Origin, RawMessage
from parsers import DocumentLimits, extract_orders, parse_message, preload
preload()
before = set(sys.modules)
for path in sorted(Path(sys.argv[1]).glob("pdf_*.eml"))[:3]:
    extract_orders(parse_message(path.read_bytes()), limits=DocumentLimits(isolate=False))
print(" ".join(sorted(name for name in set(sys.modules) - before if name.startswith("pdfminer"))))
"""


def test_reading_a_pdf_after_preload_imports_no_pdf_module() -> None:
    # A process of its own: another test may have imported them already in this one.
    done = subprocess.run(
        [sys.executable, "-c", _READ_PDFS_AFTER_PRELOAD, str(FIXTURES)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.split() == []


_READ_WITHOUT_THE_STORE = """
import sys
from pathlib import Path
from intake.preload import preload
from intake.reader_worker import read_one
from matchers import CatalogIndex
from models import CustomerRefRow, CustomerRow, Origin, ProductRow, RawMessage, ReferenceData, Settings
from models.reference import read_reference_csv
from parsers import DocumentLimits
ref = Path(sys.argv[2])
rows = {
    name: read_reference_csv(ref / f"{name}.csv", model)[0]
    for name, model in (("products", ProductRow), ("customers", CustomerRow), ("customer_refs", CustomerRefRow))
}
index = CatalogIndex.build(ReferenceData(**rows))
preload(index)
said = [
    read_one(RawMessage(data=Path(path).read_bytes(), origin=Origin(kind="file", path=path)), index,
             DocumentLimits(isolate=False), Settings())[0]
    for path in sys.argv[3:]
]
store = ("sqlalchemy", "sqlmodel", "models.store", "models.tables")
print(" ".join(sorted(set(said))))
print(" ".join(m for m in store if m in sys.modules))
"""


def test_a_worker_reads_and_checks_messages_without_importing_the_store() -> None:
    # The reading side gets the catalogue and the customers' past as data: a process that only
    # reads (a spawner forked before the store is opened) pays nothing for the ORM.
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _READ_WITHOUT_THE_STORE,
            "",
            str(FIXTURES_REF),
            *map(str, _some_of_each_shape()),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.split("\n") == ["ok", "", ""]


_WORKER_FINDS = """
import sys
from pathlib import Path
from intake import readers
from matchers import CatalogIndex
from models import Origin, RawMessage, ReferenceData
from parsers import DocumentLimits
served = readers._serve
def looked(*args):
    print("the worker finds:", [m for m in ("intake.reader_worker", "spacy") if m in sys.modules], flush=True)
    served(*args)
readers._serve = looked
raw = RawMessage(data=Path(sys.argv[1]).read_bytes(), origin=Origin(kind="file", path=sys.argv[1]))
with readers.ReaderPool(index=CatalogIndex.build(ReferenceData()), limits=DocumentLimits(), processes=1) as pool:
    print(len(list(pool.read([raw]))), flush=True)
"""


def test_a_pool_that_forks_its_workers_loads_the_reading_half_for_all_of_them() -> None:
    """The daemon's pool forks its workers itself: each finds the readers imported, instead of
    importing them (and compiling their vocabularies) at every fork and every recycling."""
    path = str(next(FIXTURES.glob("*.eml")))
    done = subprocess.run(
        [sys.executable, "-c", _WORKER_FINDS, path],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert done.stdout.splitlines() == ["the worker finds: ['intake.reader_worker', 'spacy']", "1"], (
        done.stderr
    )
