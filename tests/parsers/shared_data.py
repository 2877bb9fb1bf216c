"""Where the shared samples and corpora are: beside the checkout (CI), or further up (a worktree)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT


def shared_dir() -> Path:
    """The nearest `shared/` folder above the checkout that holds the samples."""
    for parent in ROOT.parents:
        if (parent / "shared" / "samples").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = shared_dir()
SAMPLES = SHARED / "samples"
CORPORA = SHARED / "corpora"
