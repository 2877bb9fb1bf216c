"""Where the tests find their data: the checkout, its fixtures and demo data, and shared/."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """shared/: INTAKE_SHARED_DIR, else the nearest one above the checkout (beside it in CI)."""
    if os.environ.get("INTAKE_SHARED_DIR"):
        return Path(os.environ["INTAKE_SHARED_DIR"])
    for parent in ROOT.parents:
        if (parent / "shared" / "samples").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = shared_dir()
SAMPLES = SHARED / "samples"
CORPORA = SHARED / "corpora"
FIXTURES = ROOT / "fixtures" / "emails"
FIXTURES_REF = ROOT / "fixtures" / "ref"
DEMO_REF = ROOT / "demo" / "ref"
FOLLOWUPS_DEV = ROOT / "fixtures" / "followups-dev"


def find_samples() -> Path:
    """The shared samples folder, or a clear error naming where it was looked for."""
    if not SAMPLES.is_dir():
        raise FileNotFoundError(f"{SAMPLES}: the shared samples are not there")
    return SAMPLES
