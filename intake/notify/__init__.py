"""Mail to customers: acknowledgements, detail requests and status notices, via an outbox."""

from intake.notify.compose import DeliveryMode, ShipmentStatus
from intake.notify.errors import NotifyError, SendError, TemplateError
from intake.notify.outbox import DeliveryReport, OutgoingMail, deliver_pending, list_mails, requeue_failed
from intake.notify.outbox_pass import outbox_pass
from intake.notify.service import (
    acknowledge_accepted,
    acknowledge_recent,
    notify_status,
    queue_acknowledgement,
    request_detail,
)
from intake.notify.smtp import build_message, smtp_sender

__all__ = [
    "DeliveryMode",
    "DeliveryReport",
    "NotifyError",
    "OutgoingMail",
    "SendError",
    "ShipmentStatus",
    "TemplateError",
    "acknowledge_accepted",
    "acknowledge_recent",
    "build_message",
    "deliver_pending",
    "list_mails",
    "notify_status",
    "outbox_pass",
    "queue_acknowledgement",
    "request_detail",
    "requeue_failed",
    "smtp_sender",
]
