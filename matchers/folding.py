"""Text folded as designations are compared (case, accents, ligatures), and the units in that form."""

from __future__ import annotations

import re
from functools import lru_cache

from parsers.values.units import unit_vocabulary
from parsers.vocabulary.phrases import kept_when_short, unaccented


@kept_when_short
def fold(text: str) -> str:
    """Lower-case, accents removed, ligatures spelt out; ø and µ kept (they mean sizes)."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("\u00a0", " ").replace("\u202f", " ")
    # '2,5²' is a section in mm², not the number 2.52 the superscript would otherwise spell.
    text = _SECTION.sub(" mm2", text)
    # Unaccenting spells the micro sign as the Greek letter mu: '70µ' is still 70 microns.
    return unaccented(text).replace("\u03bc", "µ")


_SECTION = re.compile(r"(?<=\d)\s*²")


@lru_cache(maxsize=1)
def unit_of() -> dict[str, str]:
    """Every spelling of a unit (folded) -> its catalogue unit, from the readers' one unit table."""
    table: dict[str, str] = {}
    for form, unit in unit_vocabulary().lookup().items():
        table.setdefault(fold(form), unit)
    return table
