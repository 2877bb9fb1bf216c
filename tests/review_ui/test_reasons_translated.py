"""Every reason code the engine or the review UI gives reads in French and in English."""

from __future__ import annotations

import pytest

from review_ui.i18n import LANGUAGES, catalogue
from tests.review_ui.reason_codes import reason_codes

CODES = reason_codes()


def test_the_codes_are_found_in_the_source():
    # A few codes every version has: the scan itself works.
    assert {"customer_unknown", "line_unmatched", "low_confidence", "new_customer"} <= set(CODES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["code", "reason"], ids=["chip", "sentence"])
def test_every_reason_code_has_an_entry(language: str, kind: str):
    messages = catalogue()[language]
    missing = [
        f"{kind}.{code} (given in {where})"
        for code, where in CODES.items()
        if f"{kind}.{code}" not in messages
    ]
    assert not missing, f"{language}.json lacks: " + ", ".join(missing)
