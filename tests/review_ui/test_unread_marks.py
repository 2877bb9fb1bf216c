"""What Intake saw but did not read is framed on the source, and the reason says so in the clerk's words."""

from __future__ import annotations

import hashlib
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from models import Settings, Store
from models.tables import Order
from review_ui import create_app
from tests.factories.messages import ingest_bytes
from tests.review_ui.clerk import sign_in

ORDER = "Bonjour,\n\nVoici notre commande :\n\n- 3 x VJ10111 gobelets carton 10 cl\n- 40 / 318220 / gobelets\n\nMerci\n"
QUOTE_ACCEPTED = (
    "Bon pour accord sur votre devis DV-118 ci-dessous.\n\n"
    "De : Commandes <commandes@example.fr>\nEnvoyé : lundi 2 novembre 2026 10:00\nObjet : Devis DV-118\n\n"
    "Voici notre proposition :\n- 3 x VJ10111 gobelets carton 10 cl\n- 40 / 318220 / gobelets\n\nCordialement\n"
)


def message_with(body: str, subject: str) -> bytes:
    message = EmailMessage()
    message["From"] = "achats@client.example"
    message["To"] = "commandes@example.fr"
    message["Subject"] = subject
    message["Message-ID"] = f"<{hashlib.sha1(body.encode()).hexdigest()[:12]}@client.example>"
    message.set_content(body)
    return bytes(message)


@pytest.fixture
def client(review_store: Store, ui_settings: Settings, tmp_path: Path) -> TestClient:
    app = create_app(ui_settings, review_store, secret_file=tmp_path / "secret")
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def unread_line_page(client: TestClient, store: Store, settings: Settings, data: bytes) -> tuple[str, str]:
    """The order's review page, and the mark of its 'line not read' reason."""
    message_pk = ingest_bytes(store, settings, data, "unread.eml")
    with store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == message_pk)).one()
    codes = [r["code"] for r in order.reasons]
    sign_in(client)
    return client.get(f"/orders/{order.id}").text, f"r-{codes.index('line_unread')}"


def test_an_unread_line_is_framed_on_the_source_and_named_by_its_reason(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    page, mark = unread_line_page(client, review_store, ui_settings, message_with(ORDER, "Commande"))
    assert re.search(
        rf'<mark data-mark-target="{mark}" class="unread"[^>]*>- 40 / 318220 / gobelets</mark>', page
    )
    assert f'data-mark="{mark}"' in page
    assert (
        "Cette ligne ressemble à une ligne de commande que je n&#39;ai pas pu lire : « - 40 / 318220 / gobelets »"
        in page
    )


def test_an_unread_line_of_an_accepted_quote_is_framed_on_the_quoted_history(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    data = message_with(QUOTE_ACCEPTED, "RE: Devis DV-118")
    page, mark = unread_line_page(client, review_store, ui_settings, data)
    assert "Historique cité" in page
    assert re.search(
        rf'<mark data-mark-target="{mark}" class="unread"[^>]*>- 40 / 318220 / gobelets</mark>', page
    )
