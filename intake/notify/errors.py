"""Errors of outgoing mail."""

from __future__ import annotations

from models import IntakeError


class NotifyError(IntakeError):
    """A mail cannot be composed or queued: names the order and what is missing."""

    def __init__(self, what: str, reason: str) -> None:
        self.what, self.reason = what, reason
        super().__init__(f"{what}: {reason}")


class TemplateError(IntakeError):
    """A mail template is missing or malformed: names the template."""

    def __init__(self, template: str, reason: str) -> None:
        self.template, self.reason = template, reason
        super().__init__(f"mail template {template}: {reason}")


class SendError(IntakeError):
    """The SMTP server did not take a mail; `permanent` when retrying cannot help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        self.reason, self.permanent = reason, permanent
        super().__init__(reason)
