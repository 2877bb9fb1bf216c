"""Indexes over the public samples' and the fixtures' reference data, and line factories."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex
from models import Extracted, ExtractedLine, Store, load_reference_dir
from tests.conftest import SAMPLES

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
