"""The import graph of the packages: no circle, and the layers DEVELOPERS.md names hold.

Every import counts, at module level, inside functions and under TYPE_CHECKING:
a circle hidden in a function is still a circle a reader has to untangle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("intake", "parsers", "matchers", "review_ui", "models")


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imported_names(path: Path, module: str) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (a name resolves to its longest known module)."""
    files = module_files()

    def resolve(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        targets = {resolve(name) for name in imported_names(path, module)}
        # A module importing its own package's face is how Python loads it, not a circle.
        graph[module] = {t for t in targets if t and t != module and not module.startswith(t + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_packages_import_each_other_without_a_circle() -> None:
    assert circles(import_graph()) == []


def test_a_circle_is_found_when_there_is_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def importers_of(prefix: str) -> set[str]:
    return {
        module
        for module, targets in import_graph().items()
        if not (module + ".").startswith(prefix + ".")
        and any((t + ".").startswith(prefix + ".") for t in targets)
    }


def test_models_is_the_ground_floor() -> None:
    graph = import_graph()
    upward = {
        (module, target)
        for module, targets in graph.items()
        if module.startswith("models")
        for target in targets
        if not target.startswith("models")
    }
    assert upward == set()


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        ("review_ui", ("review_ui", "intake.commands")),
        ("parsers.training", ("parsers.training", "intake.commands")),
    ],
    ids=["only-the-cli-starts-the-ui", "training-stays-offline"],
)
def test_only_the_command_line_reaches_the_shells(package: str, allowed: tuple[str, ...]) -> None:
    outside = {m for m in importers_of(package) if not any((m + ".").startswith(a + ".") for a in allowed)}
    assert outside == set()


# Row-level reads and writes belong to models/: a module outside it that builds its own
# queries fails. A module may only be listed here while its queries move into named
# functions of models/, and a listed one that no longer queries fails too (the list only
# shrinks); it is empty.
STILL_QUERYING: frozenset[str] = frozenset()
# What a module outside models/ may take from SQLAlchemy: its errors and URL parsing.
NOT_QUERIES = ("sqlalchemy.exc", "sqlalchemy.engine")


def builds_queries(path: Path, module: str) -> bool:
    """True when the module imports SQLModel, or SQLAlchemy's query and session parts."""
    for name in imported_names(path, module):
        if name == "sqlmodel" or name.startswith("sqlmodel."):
            return True
        allowed = name in NOT_QUERIES or name.startswith(tuple(f"{n}." for n in NOT_QUERIES))
        if name.startswith("sqlalchemy.") and not allowed:
            return True
    return False


def test_only_models_reads_and_writes_rows() -> None:
    querying = {
        module
        for module, path in module_files().items()
        if not module.startswith("models") and builds_queries(path, module)
    }
    assert querying - STILL_QUERYING == set(), "row-level reads and writes belong in models/"
    assert STILL_QUERYING - querying == set(), "no longer queries the store: take it off STILL_QUERYING"


def test_a_module_building_queries_is_found(tmp_path: Path) -> None:
    querying = tmp_path / "querying.py"
    querying.write_text("from sqlmodel import select\n", encoding="utf-8")
    erring = tmp_path / "erring.py"
    erring.write_text("from sqlalchemy.exc import IntegrityError\n", encoding="utf-8")
    assert (builds_queries(querying, "x.querying"), builds_queries(erring, "x.erring")) == (True, False)
