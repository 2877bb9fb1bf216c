"""Indexes over the public samples' and the fixtures' reference data, and line factories."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from matchers import CatalogIndex
from models import Extracted, ExtractedLine
from tests.paths import SAMPLES

ROOT = Path(__file__).resolve().parents[2]


def find_samples() -> Path:
    """The shared samples folder (tests/paths.py finds shared/)."""
    if not SAMPLES.is_dir():
        raise FileNotFoundError(f"{SAMPLES}: the shared samples are not there")
    return SAMPLES


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return find_samples()


@pytest.fixture(scope="session")
def samples_index(samples_dir: Path, reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(samples_dir / "ref")


@pytest.fixture(scope="session")
def fixtures_index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(ROOT / "fixtures" / "ref")


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
