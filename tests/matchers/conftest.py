"""Indexes over the public samples' and the fixtures' reference data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from matchers import CatalogIndex
from tests.paths import ROOT, find_samples


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return find_samples()


@pytest.fixture(scope="session")
def samples_index(samples_dir: Path, reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(samples_dir / "ref")


@pytest.fixture(scope="session")
def fixtures_index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(ROOT / "fixtures" / "ref")
