"""Webhooks: signed POSTs of order events (accepted, changed, cancelled) from an outbox."""

from intake.webhooks.delivery import (
    DeliveryError,
    WebhookReport,
    backoff,
    deliver_due,
    http_post,
    webhook_pass,
)
from intake.webhooks.endpoints import WebhookError, add_endpoint, disable_endpoint, list_endpoints
from intake.webhooks.signing import signature, signed_headers, verify
from models.deliveries import list_deliveries, requeue_failed

__all__ = [
    "DeliveryError",
    "WebhookError",
    "WebhookReport",
    "add_endpoint",
    "backoff",
    "deliver_due",
    "disable_endpoint",
    "http_post",
    "list_deliveries",
    "list_endpoints",
    "requeue_failed",
    "signature",
    "signed_headers",
    "verify",
    "webhook_pass",
]
