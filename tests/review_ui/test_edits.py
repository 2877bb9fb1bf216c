"""Reading what a clerk types: numbers, dates, lines; and marking the source text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from parsers import DocumentLimits, body_text, parse_message
from review_ui.edits import LineEdit, OrderEdit, edit_from_form, parse_date, parse_number, to_values
from review_ui.source import build_source, collect_marks, highlight


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12", Decimal(12)),
        ("2,5", Decimal("2.5")),
        ("1 200,50", Decimal("1200.50")),
        ("", None),
        ("0.75", Decimal("0.75")),
    ],
    ids=["integer", "comma", "thousands", "empty", "dot"],
)
def test_parse_number(typed: str, expected: Decimal | None):
    assert parse_number(typed) == expected


@pytest.mark.parametrize("typed", ["douze", "1,2,3", "nan", "inf"], ids=str)
def test_parse_number_refuses(typed: str):
    with pytest.raises(ValueError):
        parse_number(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026-11-27", dt.date(2026, 11, 27)), ("27/11/2026", dt.date(2026, 11, 27)), ("", None)],
    ids=["iso", "french", "empty"],
)
def test_parse_date(typed: str, expected: dt.date | None):
    assert parse_date(typed) == expected


def test_form_lines_drop_blank_rows_and_keep_origins():
    lists = {
        "line_sku": ["A1", "", "B2"],
        "line_quantity": ["3", "", "4,5"],
        "line_origin": ["2", "", ""],
    }
    edit, origins = edit_from_form({"customer_id": " C1 "}, lists)
    assert [line.sku for line in edit.lines] == ["A1", "B2"]
    assert origins == [2, None]
    values, problems = to_values(edit)
    assert problems == []
    assert values.customer_id == "C1"
    assert [(line["line_no"], line["quantity"]) for line in values.lines] == [(1, 3.0), (2, 4.5)]


def test_bad_values_are_reported_with_their_place():
    edit, _ = edit_from_form({"order_date": "31/02/2026"}, {"line_sku": ["A1"], "line_quantity": ["douze"]})
    _, problems = to_values(edit)
    assert [(p.code, p.field, p.line_no, p.message) for p in problems] == [
        ("bad_date", "order_date", None, "31/02/2026"),
        ("bad_number", "quantity", 1, "douze"),
    ]


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("abcdef", None)]),
        ([(1, 3, "m")], [("a", None), ("bc", "m"), ("def", None)]),
        ([(0, 2, "a"), (1, 4, "b")], [("ab", "a"), ("cd", "b"), ("ef", None)]),
        ([(4, 99, "z")], [("abcd", None), ("ef", "z")]),
    ],
    ids=["none", "one", "overlap", "past-the-end"],
)
def test_highlight(spans: list, expected: list):
    assert highlight("abcdef", spans) == expected


def test_marks_come_from_header_fields_and_lines():
    detail = {
        "order": {"po_number": {"value": "X", "provenance": {"part": "body", "span": [3, 5]}}},
        "lines": [
            {"line": {"provenance": {"part": "attachment:a.pdf", "page": 1, "bbox": [1, 2, 3, 4]}}},
            {"line": {}},
        ],
    }
    marks = {m.id: m for m in collect_marks(detail)}
    assert set(marks) == {"f-po_number", "l-1"}
    assert marks["l-1"].bbox == (1, 2, 3, 4) and marks["f-po_number"].span == (3, 5)


def test_the_source_view_marks_the_text_the_reader_read_in_an_html_only_body():
    # Reply splitting empties a body that is all quoted: the reader falls back on the whole HTML.
    raw = (
        b"From: a@b.fr\r\nTo: c@d.fr\r\nSubject: Commande\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<blockquote><p>Bonjour</p><table><tr><td>Vis</td><td>3</td></tr></table>"
        b"<script>alert(1)</script></blockquote>"
    )
    text, part = body_text(parse_message(raw))
    start = text.index("Vis")
    detail = {"order": {"po_number": {"provenance": {"part": part, "span": [start, start + 3]}}}}
    view = build_source(raw, detail, limits=DocumentLimits())
    assert "".join(segment for segment, _ in view.parts[0].segments) == text
    assert [segment for segment, mark in view.parts[0].segments if mark] == ["Vis"]
    assert "alert" not in text and "<" not in text


def test_an_empty_quantity_is_filled_with_what_was_read():
    from review_ui.pages import with_read_values

    edit = OrderEdit(lines=[LineEdit(sku=""), LineEdit(quantity="7")])
    detail = {
        "lines": [
            {"line": {"quantity": {"value": "3"}, "unit": {"value": "carton"}}},
            {"line": {"quantity": {"value": "9"}}},
        ]
    }
    filled = with_read_values(edit, detail, [1, 2])
    assert [(line.quantity, line.unit) for line in filled.lines] == [("3", "carton"), ("7", "")]
