"""`intake --help` answers without loading the pipeline, the store, the models or the UI;
every command module is in the CLI's registry."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import contextlib, io, json, sys\n"
        "from intake.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_every_command_module_is_registered() -> None:
    modules = {p.stem for p in (ROOT / "intake" / "commands").glob("*.py")} - {"__init__"}
    assert {c.__name__.rsplit(".", 1)[-1] for c in COMMANDS} == modules
