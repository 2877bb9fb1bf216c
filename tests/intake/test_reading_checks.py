"""Orders with something the reader skipped are held, whatever the routing mode, with the place shown.

Each fixture is written the way a new customer writes (fixtures/documents/unread.py);
the whole pipeline runs on it with the fixtures' reference data and no
first-orders hold, so only the reading checks can keep it from the clean table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from intake.pipeline import PipelineDeps
from intake.reading import process
from intake.reports.scoring import order_is_right, pair_orders
from intake.routing import decide
from intake.routing.checks import pack_columns
from intake.routing.checks.coverage import body_spans
from intake.routing.checks.written_codes import names_a_code, unglued
from matchers import CatalogIndex
from models import (
    MatchedOrder,
    OrderStatus,
    ProcessResult,
    Provenance,
    RawMessage,
    RoutingMode,
    Settings,
    Severity,
    SourceRow,
)
from parsers.text.reader import read_lines
from tests.factories.pipeline import (
    CUSTOMERS,
    PRODUCTS,
    make_history,
    make_line,
    make_matched_order,
    make_parsed,
    make_past_order,
    make_product,
)
from tests.paths import FIXTURES, SAMPLES

# (fixture, reason, the codes or skus a reader skips, drop the PO read, the spans shown)
SKIPPED = {
    "numeric customer codes": (
        "numeric_customer_codes_list_fr",
        "line_unread",
        {"204417", "318220"},
        False,
        ["- 12 x 204417 / Manchon à sertir Ø20", "- 40 x 318220"],
    ),
    "codes only": (
        "codes_only_lines_en",
        "line_unread",
        {"HB-GLV-L", "HB-TAPE-25", "SIL-BLA-310", "EPI-CAS-01"},
        False,
        ["HB-GLV-L 10", "HB-TAPE-25 24", "SIL-BLA-310 (12)", "EPI-CAS-01 / 4"],
    ),
    "EAN-13s in the text": (
        "ean_codes_in_text_fr",
        "line_unread",
        {"3700123000013"},
        False,
        ["5 x 3700123000013"],
    ),
    "PO in a French sentence": ("po_in_sentence_fr", "po_unread", set(), True, ["BC-2025-0412"]),
    "PO in an English sentence": ("po_in_sentence_en", "po_unread", set(), True, ["PO-7731"]),
    "PO in a reply's subject only": (
        "po_in_reply_subject_only_fr",
        "po_unread",
        set(),
        True,
        ["BC-2026-0091"],
    ),
}


@pytest.fixture(scope="module")
def index(reference_index: Callable[[Path], CatalogIndex]) -> CatalogIndex:
    return reference_index(FIXTURES.parent / "ref")


def run(name: str, index: CatalogIndex, **settings: object) -> ProcessResult:
    raw = RawMessage(data=(FIXTURES / f"{name}.eml").read_bytes())
    return process(raw, PipelineDeps(index=index, settings=automatic(**settings)))


def automatic(**settings: object) -> Settings:
    return Settings(**{"new_customer_orders": 0, "routing_mode": RoutingMode.AUTOMATIC, **settings})


def expected_of(name: str) -> list[dict]:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def shown(result: ProcessResult, span: tuple[int, int] | None, part: str) -> str:
    text = result.parsed.subject if part == "subject" else result.parsed.text
    assert span is not None
    return text[span[0] : span[1]]


def skipping(matched: MatchedOrder, codes: set[str], *, po: bool) -> MatchedOrder:
    """The order as a reader that skipped these lines (and the PO) would have given it."""
    kept = [m for m in matched.lines if not (m.sku in codes or (m.line.code and m.line.code.value in codes))]
    order = matched.order.model_copy(update={"po_number": None if po else matched.order.po_number})
    return matched.model_copy(update={"lines": kept, "order": order})


def test_a_line_in_english_words_of_a_french_catalogue_that_a_reader_skips_holds_the_order(index):
    """'4 white hard hats' names the catalogue's 'casque blanc' through the matcher's vocabulary: the
    coverage check knows those words too, so an English line dropped is not a silent loss."""
    result = run("english_trade_words_french_catalogue_en", index)
    [order] = result.orders
    matched = skipping(order.matched, {"EPI-CAS-01", "SAC-GRAV-50"}, po=False)
    decision = decide(
        result.parsed, matched, settings=automatic(), products=index.products, customers=index.customers
    )
    found = [r for r in decision.reasons if r.code == "line_unread"]
    assert [shown(result, r.provenance.span, r.provenance.part) for r in found] == [
        "- 4 white hard hats",
        "- 3 packs of reinforced rubble bags 50 L",
    ]


@pytest.mark.parametrize("case", SKIPPED.values(), ids=SKIPPED.keys())
def test_the_pipeline_reads_each_shape_or_holds_it(case, index):
    """End to end: read right, or held with this class's reason; never accepted wrong."""
    name, code, _, _, spans = case
    result = run(name, index)
    [order] = result.orders
    if order.decision.status == OrderStatus.ACCEPTED:
        [expected] = expected_of(name)
        assert order_is_right(order.record.model_dump(mode="json"), expected)
        return
    found = [r for r in order.decision.reasons if r.code == code]
    assert found and set(shown(result, r.provenance.span, r.provenance.part) for r in found) <= set(spans)


@pytest.mark.parametrize("case", SKIPPED.values(), ids=SKIPPED.keys())
def test_what_a_reader_skips_holds_the_order_with_its_span(case, index):
    """The checks read the message, not the reader: skipping a line or the PO cannot get past them."""
    name, code, codes, drop_po, spans = case
    result = run(name, index)
    [order] = result.orders
    matched = skipping(order.matched, codes, po=drop_po)
    decision = decide(
        result.parsed, matched, settings=automatic(), products=index.products, customers=index.customers
    )
    assert decision.status == OrderStatus.REVIEW
    found = [r for r in decision.reasons if r.code == code]
    assert found and all(r.severity == Severity.ERROR and r.quoted for r in found)
    assert [shown(result, r.provenance.span, r.provenance.part) for r in found] == spans


def test_a_po_written_in_a_sheet_header_cell_is_read_or_held_with_the_cell(index):
    result = run("po_in_sheet_header_cell_en", index)
    [order] = result.orders
    read = order.matched.order.po_number
    assert (read.value if read else None) == "CR-2026-051" or order.decision.status == OrderStatus.REVIEW
    decision = decide(
        result.parsed,
        skipping(order.matched, set(), po=True),
        settings=automatic(),
        products=index.products,
        customers=index.customers,
    )
    [reason] = [r for r in decision.reasons if r.code == "po_unread"]
    assert decision.status == OrderStatus.REVIEW and reason.quoted == "CR-2026-051"
    assert (reason.provenance.part, reason.provenance.sheet, reason.provenance.cell) == (
        "attachment:order.xlsx",
        "Order",
        "A3",
    )


def test_a_pdf_whose_total_the_lines_miss_is_held_with_the_difference_and_the_row(index):
    [order] = run("pdf_total_disagrees_with_lines_fr", index).orders
    assert order.decision.status == OrderStatus.REVIEW
    reasons = {r.code: r for r in order.decision.reasons}
    total = reasons["total_mismatch"]
    assert total.severity == Severity.ERROR
    assert "186.70 €" in total.message and "67.60 € missing" in total.message
    assert total.provenance.page == 1 and total.provenance.bbox is not None
    assert "4 lines, 3 were read (1 missing)" in reasons["line_count_mismatch"].message
    unread = reasons["line_unread"]
    assert unread.quoted.startswith("VIS-560-200 | Vis inox A2 5x60")
    assert unread.provenance.page == 1 and unread.provenance.bbox is not None


@pytest.mark.parametrize("mode", list(RoutingMode), ids=[m.value for m in RoutingMode])
def test_an_unread_line_holds_in_every_routing_mode(mode, index):
    [order] = run("pdf_total_disagrees_with_lines_fr", index, routing_mode=mode).orders
    assert order.decision.status == OrderStatus.REVIEW


@pytest.mark.parametrize("folder", [SAMPLES / "emails", FIXTURES], ids=["samples", "fixtures"])
def test_the_reading_checks_hold_no_order_read_right(folder, reference_index):
    """Every reading-check reason on the labelled sets falls on an order that is indeed not right."""
    index = reference_index(folder.parent / "ref")
    codes = {
        "line_unread",
        "po_unread",
        "total_mismatch",
        "line_count_mismatch",
        "po_not_written",
        "quantity_not_written",
        "article_not_named",
        "article_size_differs",
        "article_twin_fits_better",
    }
    false_holds = []
    for path in sorted(folder.glob("*.eml")):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        result = process(
            RawMessage(data=path.read_bytes()),
            PipelineDeps(index=index, settings=Settings(new_customer_orders=0)),
        )
        records = [o.record.model_dump(mode="json") for o in result.orders]
        decided = {id(r): o.decision for r, o in zip(records, result.orders, strict=True)}
        for predicted, wanted in pair_orders(records, expected):
            if predicted is None or wanted is None or not order_is_right(predicted, wanted):
                continue
            held_by = {r.code for r in decided[id(predicted)].reasons} & codes
            if held_by:
                false_holds.append((path.name, sorted(held_by)))
    assert false_holds == []


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Bonjour,\nréappro habituelle, réf. interne AC-2026-0412.\n- 4 x VIS-440-200\n", True),
        ("Bonjour,\n- 4 x VIS-440-200 vis 4x40\n", False),
        ("Bonjour,\nsuite à AC-26-12.\n- 4 x VIS-440-200\n", False),
    ],
    ids=["a reference shaped like a past PO", "no reference", "another shape"],
)
def test_a_reference_shaped_like_the_customers_past_pos_must_be_read(text, held):
    line = make_line("VIS-440-200", span=(text.index("- 4"), len(text) - 1))
    decision = decide(
        make_parsed(text=text),
        make_matched_order([line], po=None),
        settings=automatic(),
        products=PRODUCTS,
        customers=CUSTOMERS,
        history=make_history([make_past_order(po="AC-2026-0311"), make_past_order(po="AC-2025-1187")]),
    )
    unread = [r for r in decision.reasons if r.code == "po_unread"]
    assert bool(unread) == held
    if held:
        assert text[slice(*unread[0].provenance.span)] == "AC-2026-0412"


def test_a_catalogue_code_written_in_the_order_is_read_or_holds_it(reference_index):
    """A row naming an article by its code is an order line, whatever its quantity looks like.

    Here the aligned table's last quantity is glued to the designation's size ('bidon 1 L2').
    """
    folder = FIXTURES.parent / "followups"
    index = reference_index(folder / "ref")
    raw = RawMessage(data=(folder / "orders" / "o08.eml").read_bytes())
    [order] = process(raw, PipelineDeps(index=index, settings=automatic())).orders
    assert order.decision.status == OrderStatus.REVIEW
    [reason] = [r for r in order.decision.reasons if r.code == "line_unread"]
    assert reason.severity == Severity.ERROR and "PLB-38843" in (reason.quoted or "")


@pytest.mark.parametrize("text", ["PLB-38843 Inhibiteur bidon 1 L2", "voir PLB-38843.", "(plb-38843)"])
def test_a_span_naming_a_catalogue_code(text):
    assert names_a_code(text, frozenset({"plb-38843"}))


@pytest.mark.parametrize("text", ["PLB-3884 Inhibiteur", "XPLB-38843", "Bonjour"])
def test_a_span_naming_no_catalogue_code(text):
    assert not names_a_code(text, frozenset({"plb-38843"}))


SPACED = frozenset({"cuk 2939", "c 27 009", "047712", "hu 7008 z"})


@pytest.mark.parametrize("text", ["3xCUK2939", "C27009x3", "c 27 009 x 3", "2 HU7008z", "CUK2939 x 2"])
def test_a_code_written_without_the_catalogues_spaces_or_glued_to_its_count(text):
    assert names_a_code(text, SPACED)


@pytest.mark.parametrize("text", ["Tél 04 77 12 34 56", "04.77.12", "Inox304", "5x60", "CUK293"])
def test_figures_cut_in_pairs_or_part_of_a_code_name_no_code(text):
    assert not names_a_code(text, SPACED)


@pytest.mark.parametrize(
    ("tokens", "cut"),
    [
        (["12xgants", "latex"], ["12x", "gants", "latex"]),
        (["tee", "shirt", "XLx5"], ["tee", "shirt", "XL", "x5"]),
        (["cuir", "T10x6"], ["cuir", "T10", "x6"]),
        (["vis", "M8x65", "5x60"], ["vis", "M8x65", "5x60"]),
    ],
)
def test_a_count_glued_to_what_it_counts_is_cut_off(tokens, cut):
    assert unglued(tokens) == cut


@pytest.mark.parametrize(
    ("written", "held"),
    [
        ("12xgants latex T9", True),
        ("2xlunettes fumées", True),
        ("tee shirt gris XLx5", True),
        ("Merci", False),
    ],
)
def test_a_line_whose_count_is_glued_is_read_or_holds_the_order(written, held):
    text = f"Bonjour,\n- 4 x VIS-440-200\n{written}\n"
    line = make_line("VIS-440-200", span=(text.index("- 4"), text.index("\n", text.index("- 4"))))
    products = {**PRODUCTS, "GT-9": make_product("GT-9", "Gants latex lunettes fumées tee shirt gris")}
    decision = decide(
        make_parsed(text=text),
        make_matched_order([line], po=None),
        settings=automatic(),
        products=products,
        customers=CUSTOMERS,
    )
    assert any(r.code == "line_unread" for r in decision.reasons) == held


SHAPES = [
    "Mit freundlichen Grüßen",
    "Best wishes,",
    "Thanks!",
    "______________",
    "Cordialement, Jean",
    "-- ",
    "Bonjour,",
]


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPES)
def test_the_check_and_the_reader_end_the_order_text_at_the_same_shapes(shape: str):
    """One vocabulary of sign-offs (parsers/data/reply_markers.toml): a line the reader
    stops at ends the order text the check looks at, and no other."""
    text = f"2 x VIS-440-200\n{shape}\n3 x VIS-560-200\n"
    checked = any("VIS-560-200" in line for line, _ in body_spans(text, "body"))
    read = any(line.code and line.code.value == "VIS-560-200" for line in read_lines(text, part="body"))
    assert checked == read == (shape == "Bonjour,")


@pytest.mark.parametrize(
    ("subject", "checked"),
    [
        ("Commande", ["2 x VIS-440-200"]),
        ("TR: Commande", ["2 x VIS-440-200", "3 x VIS-560-200"]),
    ],
    ids=["a reply's history", "a forwarded original"],
)
def test_an_original_message_rule_opens_a_reply_s_history_unless_the_subject_forwards(
    subject: str, checked: list[str]
):
    text = "2 x VIS-440-200\nMit freundlichen Grüßen\n-----Original Message-----\n3 x VIS-560-200\n"
    assert [line for line, _ in body_spans(text, "body", subject)] == checked


@pytest.mark.parametrize(
    ("row", "quantity", "held"),
    [
        ("GT-9 | Gants latex | 100 | 12 | 1200", 100, True),
        ("GT-9 | Gants latex | 100 | 12 | 1200", 1200, True),
        ("GT-9 | Gants latex | 12", 12, False),
        ("GT-9 | Gants latex | 10 | 6 | 60", 10, False),
    ],
    ids=["the pack size read", "the total read", "one count", "a count times its price"],
)
def test_a_row_writing_a_pack_its_count_and_their_product_holds_its_quantity(row, quantity, held):
    line = make_line("GT-9", quantity=str(quantity))
    line = line.model_copy(update={"line": line.line.model_copy(update={"provenance": SHEET_ROW})})
    order = make_matched_order([line], po=None)
    order = order.model_copy(
        update={"order": order.order.model_copy(update={"rows": [SourceRow(text=row, provenance=SHEET_ROW)]})}
    )
    products = {"GT-9": make_product("GT-9", "Gants latex", price=6.0)}
    decision = decide(make_parsed(), order, settings=automatic(), products=products, customers=CUSTOMERS)
    assert any(r.code == "quantity_pack_or_count" for r in decision.reasons) == held


SHEET_ROW = Provenance(part="commande.xlsx", sheet="Commande", cell="A6:E6", rule="sheet-row")


def test_a_size_grid_whose_cells_multiply_by_chance_holds_nothing():
    row = "GT-9 | Gants latex | 1 | 2 | 6 | 12"
    assert pack_columns._pack_product(pack_columns._whole_cells(row), None) is None
