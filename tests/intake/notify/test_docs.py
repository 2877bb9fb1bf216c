"""The notification settings are documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Settings

DOC = Path(__file__).resolve().parents[3] / "docs" / "notifications.md"
NAMES = [n for n in Settings.model_fields if n.startswith(("smtp_", "notify_", "outbox_"))]


@pytest.mark.parametrize("name", NAMES, ids=NAMES)
def test_setting_is_documented(name: str) -> None:
    assert f"`INTAKE_{name.upper()}`" in DOC.read_text(encoding="utf-8")
