"""How much a document may cost to read: kept apart from the readers, so that a process which
only hands messages to reading workers knows the limits without loading them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from models import Settings


class DocumentLimits(BaseModel):
    """How much a document may cost to read: size, pages, seconds and memory."""

    max_bytes: int = 25_000_000
    max_pages: int = 60
    timeout_seconds: float = 60.0
    memory_bytes: int = Field(default=1_536 * 2**20)
    isolate: bool = True  # read in a bounded child process

    @classmethod
    def from_settings(cls, settings: Settings) -> DocumentLimits:
        return cls(
            max_bytes=settings.max_attachment_bytes,
            max_pages=settings.max_pdf_pages,
            timeout_seconds=settings.parse_timeout_seconds,
        )
