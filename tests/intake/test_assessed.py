"""The checks that need no past, run where a message is read, decide as the whole decision run at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from intake import reader_worker
from intake.pipeline import PipelineDeps, ReadMessage, decide_message
from intake.reading import read_message
from intake.routing.checks import ALL_CHECKS, PAST_CHECKS
from intake.wire import from_wire
from models import CustomerHistory, Origin, PastOrder, RawMessage, Settings
from parsers import DocumentLimits
from tests.paths import FIXTURES, FIXTURES_REF

SETTINGS = Settings(new_customer_orders=3)


def _raw(path: Path) -> RawMessage:
    return RawMessage(data=path.read_bytes(), origin=Origin(kind="file", path=str(path)))


def _echo(read: ReadMessage) -> Callable[[str], CustomerHistory]:
    """A past in which each order of the message was taken already: the checks of the past speak."""

    def history(customer_id: str) -> CustomerHistory:
        return CustomerHistory(
            customer_id=customer_id,
            accepted_count=1,
            orders=[
                PastOrder(
                    message_id=f"earlier-{number}",
                    po_number=order.order.po_number.value if order.order.po_number else "BC-2024-0001",
                    status="accepted",
                    lines=[(line.sku, 1.0) for line in order.lines if line.sku] * 3,
                )
                for number, order in enumerate(read.matched)
            ],
        )

    return history


def test_the_checks_of_the_past_are_among_every_check() -> None:
    assert set(ALL_CHECKS) > PAST_CHECKS


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.eml"))[::3], ids=lambda p: p.stem)
def test_an_order_assessed_beforehand_is_decided_as_at_once(path: Path, reference_index) -> None:
    index = reference_index(FIXTURES_REF)
    read = read_message(_raw(path), index=index, limits=DocumentLimits())
    deps = PipelineDeps(index=index, settings=SETTINGS, history=_echo(read))
    at_once = decide_message(read, deps)
    # As a worker reads it:
    status, answer = reader_worker.read_one(_raw(path), index, DocumentLimits(isolate=False), SETTINGS)
    assert status == "ok"
    assessed = from_wire(*answer)
    assert len(assessed.found) == (len(read.matched) if at_once.orders else 0)
    beforehand = decide_message(assessed, deps)
    assert [o.decision for o in beforehand.orders] == [o.decision for o in at_once.orders]
    assert [o.record for o in beforehand.orders] == [o.record for o in at_once.orders]
