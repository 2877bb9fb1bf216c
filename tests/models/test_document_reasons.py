"""Why a document could not be read: written from a code, read back, shown in both languages."""

from __future__ import annotations

import string

import pytest

from models import DocumentReadError
from models.document_reasons import REASONS, document_reason, read_reason
from review_ui.i18n import LANGUAGES, catalogue, document_failure_text, translator


def _values(code: str) -> dict[str, str]:
    fields = [f for _, f, _, _ in string.Formatter().parse(REASONS[code]) if f]
    return {field: f"{field}-{n} (x: y)" for n, field in enumerate(fields, 7)}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_each_reason_reads_back_to_its_code_and_values(code: str):
    values = _values(code)
    assert read_reason(document_reason(code, **values)) == (code, values)


def test_an_error_made_from_a_code_carries_the_sentence():
    error = DocumentReadError.because("attachment:2", "pdf_too_long", count=80, limit=50)
    assert error.reason == "the PDF has 80 pages, more than the limit of 50"
    assert str(error) == "attachment:2: the PDF has 80 pages, more than the limit of 50"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_has_the_same_values_in_every_language(language: str):
    messages = catalogue()[language]
    for code, template in REASONS.items():
        key = f"document.{code}"
        assert key in messages, f"{language}.json lacks {key}"
        wanted = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert {f for _, f, _, _ in string.Formatter().parse(messages[key]) if f} == wanted, key


def test_the_desk_shows_a_stored_reason_in_french():
    stored = document_reason("sheet_bomb", size=4096, limit=200)
    shown = document_failure_text(translator("fr"), stored)
    assert (
        shown
        == "Le tableur se décompresse en 4096 Mio, au-delà de la limite de 200 Mio (une bombe de décompression ?)"
    )


def test_a_reason_outside_the_table_is_shown_as_stored():
    assert document_failure_text(translator("fr"), "a reason from elsewhere") == "a reason from elsewhere"
