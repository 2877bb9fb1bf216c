"""A hostile attachment costs its reader's limits, never the review UI's process."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from models import Attachment, DocumentReadError, Settings, Store
from models.tables import Order
from parsers import DocumentLimits, preview_document
from review_ui import create_app, service
from review_ui.source import build_source
from tests.factories.messages import ingest_bytes, make_zip_bomb_xlsx, message_with_attachment
from tests.review_ui.clerk import sign_in

XLSX = "vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return make_zip_bomb_xlsx(300)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_the_preview_refuses_a_zip_bomb_within_the_ingest_limits(bomb: bytes):
    attachment = Attachment(
        filename="commande.xlsx",
        content_type=f"application/{XLSX}",
        data=bomb,
        part_name="attachment:commande.xlsx",
    )
    before = peak_rss_mib()
    with pytest.raises(DocumentReadError, match="zip bomb"):
        preview_document(attachment, limits=DocumentLimits())
    assert peak_rss_mib() - before < 100


def test_the_order_page_of_a_zip_bomb_answers_with_the_reason(
    review_store: Store, ui_settings: Settings, tmp_path: Path, bomb: bytes
):
    pk = ingest_bytes(
        review_store, ui_settings, message_with_attachment(bomb, "commande.xlsx", XLSX), "bomb.eml"
    )
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == pk)).one()
    client = TestClient(
        create_app(ui_settings, review_store, secret_file=tmp_path / "secret"),
        base_url="https://testserver",
        follow_redirects=False,
    )
    sign_in(client)
    before = peak_rss_mib()
    for _ in range(3):  # each opening: no new parse of the document in this process
        page = client.get(f"/orders/{order.id}")
        assert page.status_code == 200
        assert "bombe de décompression" in page.text and f"/messages/{pk}/attachments/0" in page.text
    assert peak_rss_mib() - before < 100
    assert client.get("/").status_code == 200


def test_a_preview_never_tried_at_ingest_is_bounded_too(review_store: Store, bomb: bytes):
    """An order whose detail does not say the document failed (typed by hand, older rows)."""
    raw = message_with_attachment(bomb, "lignes.xlsx", XLSX)
    view = build_source(raw, {}, limits=DocumentLimits())
    failures = [part.failure for part in view.parts if part.failure]
    assert failures and "zip bomb" in failures[0]


def test_the_body_lines_are_kept_when_the_attachment_fails(
    client: TestClient, review_store: Store, ui_settings: Settings, bomb: bytes
):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"] = "achats@example.invalid", "commandes@intake.invalid"
    message["Subject"], message["Message-ID"] = "Commande BC-991", "<bc-991@example.invalid>"
    message.set_content("Bonjour,\nmerci de nous livrer :\n- 12 x VJ10110\n- 5 x VJ10112\nCordialement\n")
    message.add_attachment(bomb, maintype="application", subtype=XLSX, filename="copie.xlsx")
    pk = ingest_bytes(review_store, ui_settings, message.as_bytes(), "body-and-bomb.eml")
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == pk)).one()
    _, lines = service.get_order(review_store, order.id)
    assert [line.sku for line in lines] == ["VJ10110", "VJ10112"]
    sign_in(client)
    page = client.get(f"/orders/{order.id}").text
    assert "copie.xlsx" in page and 'class="alert error document-failure"' in page
    assert "bombe de décompression" in page and "zip bomb" not in page, "the reason in the clerk's language"
