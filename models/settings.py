"""Settings: read once at the entry points (CLI, daemon, web app) and passed down."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RoutingMode(StrEnum):
    REVIEW_ALL = "review_all"  # every order waits for a clerk
    CONFIDENT = "confident"  # accepted when every check passes and confidence is high
    AUTOMATIC = "automatic"  # accepted unless an error blocks it


class Settings(BaseSettings):
    """Intake's settings, from `INTAKE_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="INTAKE_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///var/intake.db",
        description="SQLAlchemy URL of the store: sqlite:///PATH or postgresql+psycopg://...",
    )
    drop_folder: Path = Field(default=Path("inbox"), description="Folder of .eml files or a Maildir")
    poll_seconds: float = Field(default=2.0, description="How often drop folders are scanned")
    routing_mode: RoutingMode = Field(default=RoutingMode.CONFIDENT)
    accept_threshold: float = Field(
        default=0.85, description="Lowest order confidence accepted without review"
    )
    timezone: str = Field(default="Europe/Paris", description="The order desk's time zone")
    max_attachment_bytes: int = Field(default=25_000_000)
    max_pdf_pages: int = Field(default=60)
    parse_timeout_seconds: float = Field(default=60.0)
    session_secret: str | None = Field(
        default=None, description="Secret key of the review UI's session cookies"
    )
    session_cookie_secure: bool | None = Field(
        default=None,
        description="Send the review UI's session cookie over HTTPS only; unset: yes, unless the UI "
        "listens on a loopback address only",
    )
