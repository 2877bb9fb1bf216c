"""Test modules share nothing with each other: what several tests use lives in a support
module (tests/paths.py, tests/factories/, ...), never in a test_*.py
(another test importing it would collect it twice) nor in a conftest.py (pytest's, for
fixtures only)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def imported_test_modules(path: Path) -> list[str]:
    """The test_*.py and conftest.py files of tests/ that `path` imports."""
    found = []
    for name in sorted(imported_modules(path)):
        parts = name.split(".")
        is_test = parts[0] == "tests" and (parts[-1].startswith("test_") or parts[-1] == "conftest")
        if is_test and TESTS.parent.joinpath(*parts).with_suffix(".py").is_file():
            found.append(name)
    return found


def test_no_test_module_imports_another() -> None:
    offenders = {
        str(path.relative_to(TESTS)): imported
        for path in sorted(TESTS.rglob("*.py"))
        if (imported := imported_test_modules(path))
    }
    assert offenders == {}


def test_an_import_of_a_test_module_is_found(tmp_path: Path) -> None:
    module = tmp_path / "test_example.py"
    module.write_text(
        "from tests.intake.test_kpis import report\nimport tests.test_golden\nfrom tests import paths\n"
        "from tests.matchers.conftest import samples_index\n"
    )
    assert imported_test_modules(module) == [
        "tests.intake.test_kpis",
        "tests.matchers.conftest",
        "tests.test_golden",
    ]
