"""Intake's errors: one base class, a few subclasses that carry their fields."""

from __future__ import annotations


class IntakeError(Exception):
    """Base of every error Intake raises on purpose; its text is for a person."""


class ConfigError(IntakeError):
    """A setting or configuration file is wrong: names the file and the key."""

    def __init__(self, source: str, key: str, reason: str) -> None:
        self.source, self.key, self.reason = source, key, reason
        super().__init__(f"{source}: {key}: {reason}")


class ReferenceDataError(IntakeError):
    """A reference CSV cannot be used: names the file, the row and the column."""

    def __init__(self, path: str, reason: str, *, row: int | None = None, column: str | None = None):
        self.path, self.reason, self.row, self.column = path, reason, row, column
        where = path + (f", line {row}" if row is not None else "")
        where += f", column '{column}'" if column else ""
        super().__init__(f"{where}: {reason}")


class MessageReadError(IntakeError):
    """A message cannot be read as an email at all (empty, binary, not MIME)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


class DocumentReadError(IntakeError):
    """An attachment (PDF, spreadsheet, XML) cannot be read: names the part."""

    def __init__(self, part: str, reason: str) -> None:
        self.part, self.reason = part, reason
        super().__init__(f"{part}: {reason}")

    @classmethod
    def because(cls, part: str, code: str, /, **values: object) -> DocumentReadError:
        """The error for reason `code` of models.document_reasons, which the desk translates."""
        from models.document_reasons import document_reason

        return cls(part, document_reason(code, **values))


class MailboxError(IntakeError):
    """A mailbox cannot be reached or used: names the account and folder."""

    def __init__(self, account: str, reason: str, *, folder: str | None = None) -> None:
        self.account, self.folder, self.reason = account, folder, reason
        where = account + (f"/{folder}" if folder else "")
        super().__init__(f"mailbox {where}: {reason}")


class StaleEditError(IntakeError):
    """A save was based on an older version of the order than the stored one."""

    def __init__(self, order_id: int, expected: int, actual: int) -> None:
        self.order_id, self.expected, self.actual = order_id, expected, actual
        super().__init__(f"order {order_id} was changed by someone else (version {actual}, yours {expected})")
