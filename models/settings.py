"""Settings: read once at the entry points (CLI, daemon, web app) and passed down."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class RoutingMode(StrEnum):
    REVIEW_ALL = "review_all"  # every order waits for a clerk
    CONFIDENT = "confident"  # accepted when every check passes and confidence is high
    AUTOMATIC = "automatic"  # accepted unless an error blocks it


class SmtpSecurity(StrEnum):
    NONE = "none"  # plain SMTP: loopback relays only
    STARTTLS = "starttls"  # upgrade on the submission port (587)
    SSL = "ssl"  # TLS from the first byte (465)


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
    # -- outgoing mail (acknowledgements, detail requests, status notices) --
    notify_enabled: bool = Field(default=True, description="Global switch of every mail sent to customers")
    notify_templates_dir: Path | None = Field(
        default=None, description="Folder of the company's own mail templates (override the built-in ones)"
    )
    notify_catchup_hours: float = Field(
        default=24.0, description="Accepted orders this recent still get a missed acknowledgement"
    )
    smtp_host: str | None = Field(default=None, description="SMTP server; unset keeps mails in the outbox")
    smtp_port: int = Field(default=587)
    smtp_tls: SmtpSecurity = Field(default=SmtpSecurity.STARTTLS)
    smtp_user: str | None = Field(default=None)
    smtp_password: SecretStr | None = Field(default=None, description="From INTAKE_SMTP_PASSWORD only")
    smtp_from: str | None = Field(default=None, description="From address of outgoing mail")
    smtp_timeout_seconds: float = Field(default=30.0)
    outbox_max_attempts: int = Field(default=8, description="Tries before a mail is marked failed")
    outbox_backoff_seconds: float = Field(default=30.0, description="First retry delay; doubles each try")
    session_cookie_secure: bool | None = Field(
        default=None,
        description="Send the review UI's session cookie over HTTPS only; unset: yes, unless the UI "
        "listens on a loopback address only",
    )
