"""Codes printed outside a code column, and header words printed touching, in ERP prints."""

from __future__ import annotations

import pytest

from parsers.documents.pdf.codes import bracketed_code, labelled_codes, line_number_or_code
from parsers.documents.pdf.layout import Line, Word, split_glued
from parsers.vocabulary.layout import default_vocabulary


def make_words(text: str, x: float = 100.0) -> list[Word]:
    words = []
    for token in text.split():
        words.append(Word(token, x, x + 5 * len(token), 200.0, 208.0, 1))
        x += 5 * len(token) + 3
    return words


def _texts(found: dict[str, list[Word]]) -> dict[str, str]:
    return {role: " ".join(w.text for w in words) for role, words in found.items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Item Code: 204518", {"code": "204518"}),
        ("Vendor Item No. RLT-6204-2RS", {"supplier_code": "RLT-6204-2RS"}),
        ("Kred.-Artikelnr. ELE-RUT-32", {"supplier_code": "ELE-RUT-32"}),
        ("ltem Code:217852", {"code": "217852"}),
        ("(box of 100)", {"description": "(box of 100)"}),
        ("Code couleur rouge vif", {"description": "Code couleur rouge vif"}),
    ],
    ids=["sap-item-code", "vendor-item-no", "kred-artikelnr", "ocr-misread-label", "wrapped-text", "no-code"],
)
def test_a_code_on_its_own_row_goes_to_its_role(text: str, expected: dict[str, str]) -> None:
    found = labelled_codes({"description": make_words(text)}, default_vocabulary())
    assert _texts(found) == expected


@pytest.mark.parametrize(
    ("number", "role"),
    [("001", "line_no"), ("10", "line_no"), ("ITM-000884", "code"), ("10015778", "code")],
    ids=["sap-001", "cegid-10", "dynamics-item", "dynamics-de-number"],
)
def test_a_number_column_holding_codes_is_the_code(number: str, role: str) -> None:
    found = line_number_or_code({"line_no": make_words(number), "description": make_words("Roulement")})
    assert _texts(found)[role] == number


def test_odoo_bracketed_code_is_read_beside_the_designation() -> None:
    found = bracketed_code({"description": make_words("[RLT-6204-2RS] Roulement à billes")})
    assert _texts(found) == {
        "description": "[RLT-6204-2RS] Roulement à billes",
        "supplier_code": "RLT-6204-2RS",
    }


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("QtéPrix unitaire", ["Qté", "Prix unitaire"]),
        ("Direct UnitDiscount", ["Direct Unit", "Discount"]),
        ("McKinley", ["Mc", "Kinley"]),
        ("Description", ["Description"]),
    ],
    ids=["odoo-fr", "dynamics-en", "capital-inside-a-word", "one-word"],
)
def test_touching_header_words_are_split_into_cells(text: str, cells: list[str]) -> None:
    line = split_glued(Line(make_words(text)))
    assert [cell.text for cell in line.cells()] == cells
