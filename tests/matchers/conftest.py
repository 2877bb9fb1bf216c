"""Indexes over the public samples' and the fixtures' reference data, and line factories."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex
from models import Extracted, ExtractedLine, Store, load_reference_dir
from tests.conftest import SAMPLES
from tests.services import free_port

ROOT = Path(__file__).resolve().parents[2]


def find_samples() -> Path:
    """The shared samples folder (tests.conftest finds shared/)."""
    if not SAMPLES.is_dir():
        raise FileNotFoundError(f"{SAMPLES}: the shared samples are not there")
    return SAMPLES


def build_index(ref_dir: Path) -> CatalogIndex:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{tmp}/ref.db")
        load_reference_dir(store, ref_dir)
        return CatalogIndex.build(store.load_reference())


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return find_samples()


@pytest.fixture(scope="session")
def samples_index(samples_dir: Path) -> CatalogIndex:
    return build_index(samples_dir / "ref")


@pytest.fixture(scope="session")
def fixtures_index() -> CatalogIndex:
    return build_index(ROOT / "fixtures" / "ref")


def make_line(
    description: str = "",
    *,
    code: str | None = None,
    quantity: str = "1",
    unit: str | None = None,
    pack_size: str | None = None,
    unit_price: str | None = None,
) -> ExtractedLine:
    return ExtractedLine(
        line_no=1,
        code=Extracted(value=code) if code else None,
        description=Extracted(value=description) if description else None,
        quantity=Extracted(value=Decimal(quantity)),
        unit=Extracted(value=unit) if unit else None,
        pack_size=Extracted(value=Decimal(pack_size)) if pack_size else None,
        unit_price=Extracted(value=Decimal(unit_price)) if unit_price else None,
    )


PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(*command: str) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL 15 cluster on a free port, stopped at the end of the session."""
    root = Path(tempfile.mkdtemp(prefix="matchers-pg-"))
    root.chmod(0o777)
    data = root / "data"
    port = free_port()
    _as_postgres(str(PG_BIN / "initdb"), "-A", "trust", "-U", "postgres", "-D", str(data))
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    # The server's output goes to a log file: a pipe held open by it would never close.
    log = str(root / "server.log")
    _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", log, "-o", options, "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)
