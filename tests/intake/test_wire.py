"""A message read crosses from a worker to the deciding process whole, and compact."""

from __future__ import annotations

import pytest

from intake.reading import read_message
from intake.wire import from_wire, to_wire
from models import Origin, RawMessage
from parsers import DocumentLimits
from tests.paths import FIXTURES

REF = FIXTURES.parent / "ref"


@pytest.mark.parametrize(
    "name", ["authenticated_order_sku_list_fr", "pdf_customer_rule_fields_below"], ids=str
)
def test_a_message_read_crosses_to_the_pool_whole_with_each_order_line_written_once(
    name: str, reference_index
) -> None:
    path = FIXTURES / f"{name}.eml"
    raw = RawMessage(data=path.read_bytes(), origin=Origin(kind="file", path=str(path)))
    read = read_message(raw, index=reference_index(REF), limits=DocumentLimits(isolate=False))
    whole = read.model_dump_json(exclude={"parsed": {"attachments": {"__all__": {"data"}}}})
    payload, shared = to_wire(read)
    back = from_wire(payload, shared)
    assert back.model_dump_json(exclude={"parsed": {"attachments": {"__all__": {"data"}}}}) == whole
    assert all(attachment.data == b"" for attachment in back.parsed.attachments)
    assert shared and len(payload) < len(whole) * 0.7
    for matched in back.matched:
        assert all(any(m.line is line for line in matched.order.lines) for m in matched.lines)
