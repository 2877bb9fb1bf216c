"""Settings: read once at the entry points (CLI, daemon, web app) and passed down.

The `INTAKE_*` variables are read here rather than through pydantic-settings, whose
import alone costs more than a read-only command such as `intake messages` is
allowed in all (tests/models/test_settings.py holds the two readings alike).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from models.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///var/intake.db"
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg")


class RoutingMode(StrEnum):
    REVIEW_ALL = "review_all"  # every order waits for a clerk
    CONFIDENT = "confident"  # accepted when every check passes and confidence is high
    AUTOMATIC = "automatic"  # accepted unless an error blocks it


class SmtpSecurity(StrEnum):
    NONE = "none"  # plain SMTP: loopback relays only
    STARTTLS = "starttls"  # upgrade on the submission port (587)
    SSL = "ssl"  # TLS from the first byte (465)


ENV_PREFIX = "INTAKE_"


def environment_values(environ: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """The `INTAKE_<NAME>` variables of `environ` for each field name, their case ignored,
    as raw text for the fields' own validation (an empty value stays empty)."""
    lowered = {key.lower(): value for key, value in environ.items()}
    prefix = ENV_PREFIX.lower()
    keys = {name: prefix + name.lower() for name in names}
    return {name: lowered[key] for name, key in keys.items() if key in lowered}


class Settings(BaseModel):
    """Intake's settings, from `INTAKE_*` environment variables; values given by name win."""

    model_config = ConfigDict(extra="ignore", validate_default=True)

    def __init__(self, **values: object) -> None:
        super().__init__(**{**environment_values(os.environ, type(self).model_fields), **values})

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL of the store: sqlite:///PATH or postgresql+psycopg://...",
    )
    create_store: bool = Field(
        default=False,
        description="Create the store when its SQLite file does not exist yet (`intake init` and "
        "`intake --create-store` do it too); otherwise a mistyped path is an error, not a new "
        "empty store. The default path var/intake.db is always created when missing",
    )
    drop_folder: Path = Field(default=Path("inbox"), description="Folder of .eml files or a Maildir")
    poll_seconds: float = Field(default=2.0, description="How often drop folders are scanned")
    routing_mode: RoutingMode = Field(
        default=RoutingMode.CONFIDENT,
        description="review_all: every order waits for a clerk; confident: accepted when no error "
        "or warning holds it and its confidence reaches the threshold; automatic: accepted unless "
        "an error holds it (an article matched below 0.65 on its text is one)",
    )
    accept_threshold: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="Lowest order confidence accepted without review in `confident` mode; "
        "`intake eval` prints the touchless rate and accepted-but-wrong count at other values",
    )
    routing_file: Path | None = Field(
        default=None,
        description="TOML file of per-customer routing overrides: [customers.ID] with mode, "
        "accept_threshold and new_customer_orders (see intake/routing/policy.py)",
    )
    new_customer_orders: int = Field(
        default=3,
        ge=0,
        description="A customer's first N orders are always reviewed: N counts the orders of that "
        "customer already accepted in this store. Set 0 when the store starts with a long-standing "
        "customer base that needs no probation; `intake eval` runs with 0, since its temporary store "
        "has no history and its labels judge each message as from an established customer",
    )
    price_tolerance: float = Field(
        default=0.15,
        ge=0,
        description="Largest relative gap between an order's unit price and the catalogue's "
        "before the line is reviewed (0.15 = 15 %)",
    )
    duplicate_window_days: int = Field(
        default=5,
        ge=0,
        description="An order with the same lines as one of the same customer within this many "
        "days is held as a possible duplicate",
    )
    quantity_range_factor: float = Field(
        default=5.0,
        gt=1,
        description="A quantity more than this factor above (or below) what the customer usually "
        "orders of an article is reviewed; judged once 3 earlier quantities are known",
    )
    require_authentication: bool = Field(
        default=False,
        description="Review every message whose Authentication-Results header gives no DKIM, SPF "
        "or DMARC pass (a failure is always reviewed, with or without this setting)",
    )
    trusted_authserv_id: str | None = Field(
        default=None,
        description="The authserv-id our own mail server writes in Authentication-Results "
        "(mx.example.fr): only its verdicts count; unset, the topmost header's count",
    )
    timezone: str = Field(default="Europe/Paris", description="The order desk's time zone")
    max_attachment_bytes: int = Field(
        default=25_000_000,
        gt=0,
        description="An attachment larger than this is not read (its order goes to review)",
    )
    max_pdf_pages: int = Field(default=60, gt=0, description="Pages of one PDF read at the most")
    parse_timeout_seconds: float = Field(
        default=60.0, gt=0, description="Time one message, and each document in it, may take to be read"
    )
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
    smtp_port: int = Field(default=587, gt=0, lt=65536, description="Port of the SMTP server")
    smtp_tls: SmtpSecurity = Field(
        default=SmtpSecurity.STARTTLS, description="How the SMTP connection is secured: starttls, ssl or none"
    )
    smtp_user: str | None = Field(
        default=None, description="SMTP login; none for a server that takes mail unauthenticated"
    )
    smtp_password: SecretStr | None = Field(default=None, description="From INTAKE_SMTP_PASSWORD only")
    smtp_from: str | None = Field(default=None, description="From address of outgoing mail")
    smtp_timeout_seconds: float = Field(default=30.0, description="Time one SMTP exchange may take")
    outbox_max_attempts: int = Field(default=8, description="Tries before a mail is marked failed")
    outbox_backoff_seconds: float = Field(default=30.0, description="First retry delay; doubles each try")
    session_cookie_secure: bool | None = Field(
        default=None,
        description="Send the review UI's session cookie over HTTPS only; unset: yes, unless the UI "
        "listens on a loopback address only",
    )

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, url: str) -> str:
        if url.startswith("sqlite:///") and len(url) > len("sqlite:///") and "?" not in url:
            return url  # a plain SQLite file: checked without loading SQLAlchemy (a quick start)
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ValueError("not a database URL: sqlite:///PATH or postgresql+psycopg://...") from None
        if parsed.drivername not in DATABASE_SCHEMES:
            raise ValueError(f"unknown database {parsed.drivername!r}: sqlite or postgresql+psycopg")
        if parsed.drivername == "sqlite" and not parsed.database:
            raise ValueError("an SQLite URL names its file: sqlite:///var/intake.db")
        return url

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r} (Europe/Paris, UTC...)") from None
        return name


def read_settings(**overrides: object) -> Settings:
    """The settings from the environment; ConfigError naming the first wrong INTAKE_* variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "INTAKE_" + str(first["loc"][0]).upper() if first["loc"] else "INTAKE_*"
        value = first.get("input")
        shown = "" if isinstance(value, dict) or "PASSWORD" in name or "SECRET" in name else f"={value!r}"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ConfigError("environment", f"{name}{shown}", first["msg"] + more) from None
