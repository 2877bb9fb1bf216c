"""A message ordering for several machines, sites or models names each once, above its own lines."""

from __future__ import annotations

from matchers import CatalogIndex, match_article
from matchers.context import line_headings, message_words
from models import ProductRow, Provenance, ReferenceData
from tests.factories.pipeline import make_extracted_line, make_parsed

_TEXT = (
    "Bonjour,\n\nFendt 300 Vario :\n- filtre à huile x2\n- filtre à air x1\n\n"
    "Claas Arion 400 :\n- filtre à huile x1\n\nMerci\n"
)


def _tractor_index() -> CatalogIndex:
    """A farm machinery dealer: the same filters for two tractors."""
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku=f"{kind}-{model}", name=f"Filtre à {word} - {name}", unit="pce")
                for kind, word in (("FH", "huile"), ("FA", "air"))
                for model, name in (("F300", "Fendt 300 Vario"), ("A400", "Claas Arion 400"))
            ]
        )
    )


def _lines() -> list:
    lines = []
    at = 0
    for row in ("- filtre à huile x2", "- filtre à air x1", "- filtre à huile x1"):
        start = _TEXT.index(row, at)
        at = start + len(row)
        line = make_extracted_line(row[2:-3])
        line.provenance = Provenance(part="body", span=(start, at))
        lines.append(line)
    return lines


def test_each_line_reads_the_row_above_its_block() -> None:
    headings = line_headings(make_parsed(text=_TEXT), _lines())
    assert [sorted(h) for h in headings] == [
        ["fendt", "vario"],
        ["fendt", "vario"],
        ["arion", "claa"],
    ]  # words folded as designations are


def test_the_heading_names_the_twin_the_message_alone_cannot() -> None:
    parsed, lines, index = make_parsed(text=_TEXT), _lines(), _tractor_index()
    context = message_words(parsed, lines)
    matches = [
        match_article(line, index, customer_id=None, context=context, heading=heading)
        for line, heading in zip(lines, line_headings(parsed, lines), strict=True)
    ]
    assert [m.sku for m in matches] == ["FH-F300", "FA-F300", "FH-A400"]
    assert all(m.margin == 0.0 for m in matches)  # proposed, still for a clerk to confirm
    alone = match_article(lines[2], index, customer_id=None, context=context)
    assert alone.sku != "FH-A400" or alone.margin == 0.0
