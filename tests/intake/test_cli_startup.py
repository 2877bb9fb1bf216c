"""`intake --help` answers without loading the pipeline, the store, the models or the UI;
`intake messages` on SQLite loads neither the ORM, the pipeline nor the routing checks; every
command module is in the CLI's registry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from intake.cli import COMMANDS
from tests.paths import ROOT

HEAVY = (
    "spacy",
    "numpy",
    "sqlalchemy",
    "sqlmodel",
    "pydantic",
    "alembic",
    "pypdfium2",
    "parsers",
    "matchers",
    "review_ui",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "pdfplumber",
    "pdfminer",
    "openpyxl",
    "odf",
    "lxml",
    "psycopg",
    "imapclient",
)


def modules_loaded_by(argv: list[str], env: dict[str, str] | None = None) -> set[str]:
    """The modules (and their packages) loaded by `intake ARGV`, in a fresh interpreter."""
    code = (
        "import contextlib, io, json, sys\n"
        "from intake.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    main({argv!r})\n"
        "names = {m for m in sys.modules} | {m.split('.')[0] for m in sys.modules}\n"
        "print(json.dumps(sorted(names)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    )
    return set(json.loads(out.stdout))


def test_help_imports_nothing_heavy() -> None:
    loaded = modules_loaded_by(["--help"])
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_listing_messages_loads_neither_the_orm_nor_the_pipeline(tmp_path: Path) -> None:
    env = {**os.environ, "INTAKE_DATABASE_URL": f"sqlite:///{tmp_path}/intake.db"}
    subprocess.run(
        [sys.executable, "-m", "intake", "init"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    loaded = modules_loaded_by(["messages"], env)
    assert "models.listing" in loaded
    pipeline = {
        "sqlalchemy",
        "sqlmodel",
        "models.store",
        "models.tables",
        "parsers",
        "matchers",
        "spacy",
        "review_ui",
        "fastapi",
        "intake.routing.checks",
        "intake.pipeline",
    }
    assert loaded.isdisjoint(pipeline), sorted(loaded & pipeline)


def test_every_command_module_is_registered() -> None:
    modules = {p.stem for p in (ROOT / "intake" / "commands").glob("*.py")} - {"__init__"}
    assert {c.__name__.rsplit(".", 1)[-1] for c in COMMANDS} == modules
