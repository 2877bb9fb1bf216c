"""The compose example: every service runs an `intake` command line that parses, and the
daemons' configuration file is one the daemon accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from intake.cli import build_parser
from intake.config import load_config

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = (ROOT / "docker-compose.yml").read_text()


def commands() -> list[list[str]]:
    return [json.loads(found) for found in re.findall(r"^\s+command: (\[.*\])$", COMPOSE, re.MULTILINE)]


@pytest.mark.parametrize("argv", commands(), ids=lambda argv: " ".join(argv))
def test_each_service_runs_a_command_intake_knows(argv: list[str]):
    args = build_parser().parse_args(argv)
    assert callable(args.handler)


def test_the_example_has_two_daemons_the_ui_and_the_api():
    assert [argv[argv.index("--log-json") + 1] if "--log-json" in argv else argv[0] for argv in commands()] == [
        "run", "run", "review", "api",
    ]  # fmt: skip


def test_the_daemons_configuration_loads(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("INTAKE_ORDERS_PASSWORD", "secret")
    config = load_config(ROOT / "deploy" / "intake.toml")
    assert [f for a in config.accounts for f in a.folders] == ["INBOX", "Commandes", "Portail"]
