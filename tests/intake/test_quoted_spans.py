"""The quoted message an order was read from: its lines, from its header to its sign-off."""

from __future__ import annotations

import pytest

from intake.routing.checks.quoted import excepted_places, quoted_spans
from intake.routing.checks.reading import default_reading_rules
from models import Extracted, ExtractedLine, Provenance

QUOTED = (
    "Le lun. 2 nov. 2026 à 16:02, Service commercial <commandes@garonne-pro.fr> a écrit :\n"
    "> Bonjour,\n"
    "> - 12 x VIS-440-200\n"
    "> - 30 x RUB-MAS-25\n"
    "> - 8 x COLLE-CARR-25\n"
    "> Cordialement,\n"
    "> Le service commercial\n"
    ">\n"
    "> Le ven. 30 oct. 2026 à 09:00, Paul Martin <achats@martin-btp.fr> a écrit :\n"
    ">> Pouvez-vous nous faire un prix pour 12 x VIS-440-200 ?\n"
)


def read_at(text: str) -> ExtractedLine:
    start = QUOTED.index(text)
    place = Provenance(part="quoted", span=(start, start + len(text)))
    return ExtractedLine(line_no=1, code=Extracted(value=text, provenance=place), provenance=place)


def test_the_spans_are_the_quoted_message_the_lines_were_read_from():
    spans = quoted_spans(QUOTED, [read_at("12 x VIS-440-200"), read_at("30 x RUB-MAS-25")])
    texts = [text.strip() for text, _ in spans]
    assert texts == ["Bonjour,", "- 12 x VIS-440-200", "- 30 x RUB-MAS-25", "- 8 x COLLE-CARR-25"]
    for text, where in spans:
        assert QUOTED[where.span[0] : where.span[1]].lstrip("> ") == text.lstrip()


def test_no_line_read_from_the_quoted_history_gives_no_span():
    body_line = ExtractedLine(line_no=1, provenance=Provenance(part="body", span=(0, 10)))
    assert quoted_spans(QUOTED, [body_line]) == []
    assert quoted_spans("", [read_at("12 x VIS-440-200")]) == []


@pytest.mark.parametrize(
    ("own", "places"),
    [
        ("Bon pour accord sur votre devis sauf la ligne 3.", {2}),
        ("We accept your quotation except items 2 and 4, thanks.", {1, 3}),
        ("Same as last time except line 2 please", {1}),
        ("Ok pour le devis, sauf les chevilles. Livraison jeudi.", set()),
        ("Bon pour accord sur votre devis ci-dessous.", set()),
        ("Livraison avant 10h sauf la ligne 3 du quai.", set()),
    ],
    ids=[
        "by place fr",
        "by places en",
        "line no.",
        "by words",
        "as it stands",
        "not an exception to the order",
    ],
)
def test_the_reply_leaves_out_the_quoted_lines_it_names_by_place(own, places):
    assert excepted_places(own, default_reading_rules()) == places
