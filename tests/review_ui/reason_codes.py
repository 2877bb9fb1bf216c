"""Every review-reason code the engine and the review UI can give, read from their source.

The codes are not listed by hand: each `ReviewReason(code=...)`, `line_reason("...")`, `span_reason("...")`
and `{"code": ..., "severity": ...}` in the source is a code, its value a string or a
module-level constant. A check added anywhere under the project's folders is found.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

SOURCE_FOLDERS = ("intake", "review_ui", "parsers", "matchers", "models")
# name -> position of the code
REASON_FACTORIES = {"ReviewReason": None, "line_reason": 0, "span_reason": 0, "_problem": 0}


def reason_codes() -> dict[str, str]:
    """Each code, with the file and line where it is first given."""
    codes: dict[str, str] = {}
    for folder in SOURCE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for code, line in _codes_in(path):
                codes.setdefault(code, f"{path.relative_to(ROOT)}:{line}")
    return codes


def _codes_in(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    found = []
    for node in ast.walk(tree):
        for value in _code_nodes(node):
            text = value.value if isinstance(value, ast.Constant) else constants.get(getattr(value, "id", ""))
            if isinstance(text, str) and text:
                found.append((text, node.lineno))
    return found


def _code_nodes(node: ast.AST) -> list[ast.expr]:
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in REASON_FACTORIES:
            position = REASON_FACTORIES[name]
            nodes = [k.value for k in node.keywords if k.arg == "code"]
            if position is not None and len(node.args) > position:
                nodes.append(node.args[position])
            return nodes
    if isinstance(node, ast.Dict):
        keys = {
            k.value: v for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)
        }
        if "code" in keys and "severity" in keys:
            return [keys["code"]]
    return []
