"""A reading process imports spaCy without its command line, and the command line is still there
for whoever asks for it (model training)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import ROOT


def loaded_after(code: str) -> dict[str, object]:
    """What a fresh interpreter running `code` reports (a JSON object it prints last)."""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def test_loading_a_shipped_pipeline_imports_no_spacy_command() -> None:
    seen = loaded_after(
        "import json, sys\n"
        "from parsers.text.ner import load_model\n"
        "load_model()\n"
        "print(json.dumps({'cli': sorted(m for m in sys.modules if m.startswith('spacy.cli')),\n"
        "                  'typer': 'typer' in sys.modules, 'spacy': 'spacy' in sys.modules}))\n"
    )
    assert seen == {"cli": [], "typer": False, "spacy": True}


def test_the_command_line_imported_afterwards_is_spacys_own() -> None:
    seen = loaded_after(
        "import json\n"
        "from parsers.spacy_import import spacy\n"
        "import spacy.cli\n"
        "from spacy.cli.info import info\n"
        "print(json.dumps({'app': hasattr(spacy.cli, 'app'), 'info': callable(spacy.info),\n"
        "                  'real': info.__module__}))\n"
    )
    assert seen == {"app": True, "info": True, "real": "spacy.cli.info"}


def test_a_registry_finds_the_entry_points_it_found_before_they_were_grouped() -> None:
    seen = loaded_after(
        "import json, importlib.metadata as metadata\n"
        "import catalogue\n"
        "found = metadata.entry_points()\n"
        "groups = sorted(found.groups) + ['spacy_no_such_group']\n"
        "def names(group):\n"
        "    return sorted((e.name, e.value) for e in catalogue.Registry((group,), entry_points=True)._get_entry_points())\n"
        "before = {g: names(g) for g in groups}\n"
        "from parsers.spacy_import import spacy\n"
        "after = {g: names(g) for g in groups}\n"
        "print(json.dumps({'grouped': isinstance(catalogue.AVAILABLE_ENTRY_POINTS, dict)\n"
        "                  and not hasattr(catalogue.AVAILABLE_ENTRY_POINTS, 'select'),\n"
        "                  'same': before == after, 'some': sum(map(len, after.values())) > 0}))\n"
    )
    assert seen == {"grouped": True, "same": True, "some": True}
