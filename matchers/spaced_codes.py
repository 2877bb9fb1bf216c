"""A designation's letters and figure written as one word where the catalogue prints them apart
('CL90' of 'CL 90', 'HA12' of 'HA Ø12'): the customer's word is read as the catalogue prints it."""

from __future__ import annotations

import re
from collections.abc import Container

from matchers.normalize import fold

# Two letters or more, then a figure: one letter before a figure is a size or a thread ('M8', 'T5').
_GLUED = re.compile(r"(?<![\w.,/-])([^\W\d_]{2,})(\d+(?:[.,]\d+)?)(?![\w/-])")


def codes_spaced(wording: str, printed: Container[str]) -> str:
    """`wording` with each glued word the catalogue never `printed` split into its letters and its
    figure, when the catalogue prints those letters as a word of their own."""

    def apart(found: re.Match[str]) -> str:
        glued, letters = fold(found[0]).strip(), fold(found[1]).strip()
        if glued in printed or letters not in printed:
            return found[0]
        return f"{found[1]} {found[2]}"

    return _GLUED.sub(apart, wording)
