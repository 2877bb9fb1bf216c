"""The daemon's outbox pass: send what is due, never stop the loop."""

from __future__ import annotations

import logging

from intake.notify.outbox import DeliveryReport, deliver_pending
from intake.notify.service import acknowledge_recent
from intake.notify.smtp import smtp_sender
from models import Settings, Store

log = logging.getLogger(__name__)


def outbox_pass(store: Store, settings: Settings) -> DeliveryReport | None:
    """Queue missed acknowledgements, then send what is due; None when no SMTP server
    is configured (mails then wait in the outbox)."""
    if not settings.smtp_host or not settings.smtp_from:
        return None
    try:
        acknowledge_recent(store, settings=settings)
        return deliver_pending(store, settings, send=smtp_sender(settings))
    except Exception:  # e.g. the store is briefly locked: the next pass tries again
        log.exception("outbox pass failed")
        return None
