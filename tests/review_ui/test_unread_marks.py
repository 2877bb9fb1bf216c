"""What Intake saw but did not read is framed on the source, and the reason says so in the clerk's words."""

from __future__ import annotations

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


def order_with_an_unread_line() -> bytes:
    message = EmailMessage()
    message["From"] = "achats@client.example"
    message["To"] = "commandes@example.fr"
    message["Subject"] = "Commande"
    message["Message-ID"] = "<unread-line@client.example>"
    message.set_content(
        "Bonjour,\n\nVoici notre commande :\n\n- 3 x VJ10111 gobelets carton 10 cl\n- 40 x 318220\n\nMerci\n"
    )
    return bytes(message)


@pytest.fixture
def client(review_store: Store, ui_settings: Settings, tmp_path: Path) -> TestClient:
    app = create_app(ui_settings, review_store, secret_file=tmp_path / "secret")
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


def test_an_unread_line_is_framed_on_the_source_and_named_by_its_reason(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    message_pk = ingest_bytes(review_store, ui_settings, order_with_an_unread_line(), "unread.eml")
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == message_pk)).one()
    codes = [r["code"] for r in order.reasons]
    mark = f"r-{codes.index('line_unread')}"
    sign_in(client)
    page = client.get(f"/orders/{order.id}").text
    assert re.search(rf'<mark data-mark-target="{mark}" class="unread"[^>]*>- 40 x 318220</mark>', page)
    assert f'data-mark="{mark}"' in page
    assert (
        "Cette ligne ressemble à une ligne de commande que je n&#39;ai pas pu lire : « - 40 x 318220 »"
        in page
    )


def quote_accepted_with_an_unread_line() -> bytes:
    message = EmailMessage()
    message["From"] = "achats@client.example"
    message["To"] = "commandes@example.fr"
    message["Subject"] = "RE: Devis DV-118"
    message["Message-ID"] = "<unread-quoted-line@client.example>"
    message.set_content(
        "Bon pour accord sur votre devis DV-118 ci-dessous.\n\n"
        "De : Commandes <commandes@example.fr>\nEnvoyé : lundi 2 novembre 2026 10:00\nObjet : Devis DV-118\n\n"
        "Voici notre proposition :\n- 3 x VJ10111 gobelets carton 10 cl\n- 40 x 318220\n\nCordialement\n"
    )
    return bytes(message)


def test_an_unread_line_of_an_accepted_quote_is_framed_on_the_quoted_history(
    client: TestClient, review_store: Store, ui_settings: Settings
):
    message_pk = ingest_bytes(review_store, ui_settings, quote_accepted_with_an_unread_line(), "quote.eml")
    with review_store.session() as session:
        order = session.exec(select(Order).where(Order.message_pk == message_pk)).one()
    codes = [r["code"] for r in order.reasons]
    mark = f"r-{codes.index('line_unread')}"
    sign_in(client)
    page = client.get(f"/orders/{order.id}").text
    assert "Historique cité" in page
    assert re.search(rf'<mark data-mark-target="{mark}" class="unread"[^>]*>- 40 x 318220</mark>', page)
