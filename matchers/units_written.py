"""The unit as the customer wrote it, where the reader's word for it drops what it says: 'boxes' is read
as the boîte, but an English box is also the carton a catalogue sells by (parsers/data/units.toml,
`[elsewhere]`), which the catalogue's twins decide once the article is named."""

from __future__ import annotations

from models import Extracted, ExtractedLine
from parsers.values.units import unit_elsewhere


def with_the_unit_written(line: ExtractedLine, text: str) -> ExtractedLine:
    """The line counting in the word the body writes ('3 boxes'), when that word names two units; else
    the line itself."""
    unit = line.unit
    where = unit.provenance if unit else None
    if unit is None or where is None or where.part != "body" or where.span is None:
        return line
    start, stop = where.span
    written = text[start:stop].strip().lower()
    if not written or unit_elsewhere(written) is None:
        return line
    said = Extracted[str](value=written, confidence=unit.confidence, provenance=where)
    return line.model_copy(update={"unit": said})
