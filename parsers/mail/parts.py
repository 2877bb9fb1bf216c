"""What the walk over the MIME tree found, before bodies are composed."""

from __future__ import annotations

import email.message
from dataclasses import dataclass, field

from models import Attachment


@dataclass
class Parts:
    """What the walk over the MIME tree found, before bodies are composed."""

    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    nested: list[tuple[email.message.Message, Parts]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
