"""A return told to the customer at each step: received when read and linked to its order,
accepted when the clerk takes the goods back, then its outcome; each step one mail."""

from __future__ import annotations

import pytest
from sqlmodel import col, select

from intake.notify import notify_followups
from models import Settings, Store
from models.tables import Followup, OutboxMail
from review_ui.followups import FollowupError, decide_followup
from tests.factories.followups import ingest_followups


def _mails(store: Store) -> list[OutboxMail]:
    with store.session() as session:
        query = select(OutboxMail).where(OutboxMail.kind == "followup").order_by(col(OutboxMail.id))
        return list(session.exec(query))


def _decide(store: Store, settings: Settings, followup_id: int, action: str, outcome: str = "") -> None:
    """What the review UI's route does: the clerk's decision, then the customer told."""
    decide_followup(store, followup_id, action, user="clerk1", outcome=outcome)
    notify_followups(store, 0, actor="clerk1", settings=settings, followup_id=followup_id)


def test_each_step_of_a_return_is_told_once(store: Store, settings: Settings) -> None:
    settings = settings.model_copy(update={"new_customer_orders": 0})
    ingest_followups(store, ("orders/o5_lemoine.eml", "open/f10_return_wrong_fr.eml"), settings)
    with store.session() as session:
        row = session.exec(select(Followup)).one()
    assert (row.kind, row.link_by, row.state) == ("return", "po", "open")
    assert row.id is not None
    (received,) = _mails(store)
    assert received.to_addr == "achats@traiteur-lemoine.fr"
    assert (
        "votre retour est reçu" in received.subject
        and "bien reçu votre demande de retour" in received.body_text
    )

    _decide(store, settings, row.id, "accept")
    _decide(store, settings, row.id, "apply", "credit_note")
    notify_followups(store, 0, actor="clerk1", settings=settings, followup_id=row.id)  # told twice: one mail
    received_again, accepted, credited = _mails(store)
    assert received_again.id == received.id
    assert (
        "est accepté" in accepted.subject and "vous pouvez nous renvoyer les articles" in accepted.body_text
    )
    assert "est traité" in credited.subject and "Un avoir vous sera adressé." in credited.body_text
    assert accepted.headers["In-Reply-To"] and credited.to_addr == received.to_addr


def test_only_a_return_is_accepted(store: Store, settings: Settings) -> None:
    ingest_followups(store, ("orders/o5_lemoine.eml", "open/f13_where_po_fr.eml"), settings)
    with store.session() as session:
        question = session.exec(select(Followup)).one()
    assert question.id is not None and question.kind == "delivery_question"
    with pytest.raises(FollowupError, match="action"):  # no goods to take back
        decide_followup(store, question.id, "accept", user="clerk1")
