"""spaCy imported without its command line.

`import spacy` imports `spacy.cli` for the one name `spacy.info`, and with it typer, weasel,
httpx, jinja2 and rich: some 360 modules and ~0.15 s of CPU in every process that reads mail,
which loads the shipped pipelines and never runs a spaCy command. While spaCy imports, that
module is a stand-in whose `info` imports the real one when called; afterwards the stand-in
is gone, and `import spacy.cli` (model training) gets the real package.

spaCy's registries (catalogue) look a name up among the installed packages' entry points by
filtering every entry point of every package, once per lookup: loading the shipped pipelines
makes ~180 lookups (~0.04 s of CPU, on the path to the first message read). The entry points
are grouped once instead (`group_entry_points`), each lookup a dictionary's.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_CLI = ("spacy.cli", "spacy.cli.info")


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def group_entry_points() -> None:
    """catalogue's entry points, read once at its import, grouped by name: a registry looks its
    group up in the mapping (catalogue's other accepted form) instead of filtering them all."""
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select"):
        catalogue.AVAILABLE_ENTRY_POINTS = {group: found.select(group=group) for group in found.groups}


def import_spacy() -> ModuleType:
    """The `spacy` package, imported now (without `spacy.cli`) unless it already is."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    group_entry_points()
    stand_ins = {name: ModuleType(name) for name in _CLI}
    stand_ins["spacy.cli.info"].info = _info  # type: ignore[attr-defined]
    stand_ins["spacy.cli"].info = stand_ins["spacy.cli.info"]  # type: ignore[attr-defined]
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


spacy = import_spacy()
