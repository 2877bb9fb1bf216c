"""A table's header over two rows, as an HTML table renders it ('Article |  | Quantité' over 'N° | Libellé |
Cdée'): each column's heading read with the group heading above it when its own names no column."""

from __future__ import annotations

from collections.abc import Callable


def joined_headings(upper: list[str], lower: list[str], role: Callable[[str], str | None]) -> list[str]:
    """The lower row's headings, each completed by the heading above it ('Item' over 'No.' is 'Item No.',
    'Quantité' over 'Cdée' is 'Quantité Cdée'); a group heading spans the blank cells right of it."""
    spanned, carried = [], ""
    for text in (upper + [""] * len(lower))[: len(lower)]:
        carried = text.strip() or carried
        spanned.append(carried)
    return [_joined(up, low.strip(), role) for up, low in zip(spanned, lower, strict=True)]


def _joined(up: str, low: str, role: Callable[[str], str | None]) -> str:
    if not up or up == low:
        return low
    if not low:
        return up
    if role(low) not in (None, "line"):
        return low  # 'Code' under 'Article' names its column itself
    for both in (f"{up} {low}", f"{low} {up}"):
        if role(both) is not None:
            return both
    return low
