"""Mail to customers: acknowledgements, detail requests and status notices, via an outbox.

Names are imported from their module on first use: the command line starts
without loading the mail composer.
"""

from __future__ import annotations

from models.lazy import lazy_face

_WHERE = {
    "DeliveryMode": "intake.notify.kinds",
    "ShipmentStatus": "intake.notify.kinds",
    "outbox_pass": "intake.notify.outbox_pass",
    "NotifyError": "intake.notify.errors",
    "SendError": "intake.notify.errors",
    "TemplateError": "intake.notify.errors",
    "DeliveryReport": "intake.notify.outbox",
    "OutgoingMail": "intake.notify.outbox",
    "deliver_pending": "intake.notify.outbox",
    "list_mails": "models.outbox",
    "requeue_failed": "models.outbox",
    "acknowledge_accepted": "intake.notify.service",
    "acknowledge_recent": "intake.notify.service",
    "notify_followups": "intake.notify.service",
    "notify_status": "intake.notify.service",
    "queue_acknowledgement": "intake.notify.service",
    "request_detail": "intake.notify.service",
    "build_message": "intake.notify.smtp",
    "smtp_sender": "intake.notify.smtp",
}
__all__ = sorted(_WHERE)

__getattr__, __dir__ = lazy_face(__name__, _WHERE)
