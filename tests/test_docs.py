"""Every setting and every sub-command is documented where a user looks for it."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from intake.cli import build_parser
from models import Settings

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = list(Settings.model_fields)


def sub_commands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


@pytest.mark.parametrize("name", SETTINGS, ids=SETTINGS)
def test_every_setting_has_a_description_and_a_line_in_the_docs(name: str) -> None:
    assert Settings.model_fields[name].description
    assert f"`INTAKE_{name.upper()}`" in (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sub_commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`intake {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_walk_sees_every_command() -> None:
    assert {"ingest", "eval", "review", "run", "model"} <= set(sub_commands())
