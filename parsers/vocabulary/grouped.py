"""A table's header over two rows ('Article |  | Quantité' over 'N° | Libellé | Cdée', an HTML table rendered
or a sheet's merged cells): each column's heading read with the group heading above it when its own names
no column. The role reader is the caller's (a body table's or a document's)."""

from __future__ import annotations

from collections.abc import Callable


def joined_headings(upper: list[str], lower: list[str], role: Callable[[str], str | None]) -> list[str]:
    """The lower row's headings, each completed by the heading above it ('Item' over 'No.' is 'Item No.',
    'Quantité' over 'Cdée' is 'Quantité Cdée'); a group heading spans the blank cells right of it that
    head a column below, and a heading with nothing under it stands alone ('Qté' merged down)."""
    joined, carried = [], ""
    for own, low in zip((upper + [""] * len(lower))[: len(lower)], lower, strict=True):
        carried = own.strip() or carried
        joined.append(_joined(carried, low.strip(), role) if low.strip() else own.strip())
    return joined


def _joined(up: str, low: str, role: Callable[[str], str | None]) -> str:
    if not up or up == low:
        return low
    if not low:
        return up
    if role(low) not in (None, "line", "line_no"):
        return low  # 'Code' under 'Article' names its column itself
    for both in (f"{up} {low}", f"{low} {up}"):
        if role(both) is not None:
            return both
    return low
