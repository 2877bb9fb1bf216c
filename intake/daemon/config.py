"""The daemon's configuration file (TOML): IMAP accounts, drop folders, timings.

Secrets are never written in it: a password comes from an environment
variable or a file, an OAuth2 token from a command. A mistake is reported
as a `ConfigError` naming the file and the key.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from models import ConfigError, MailboxError

IDLE_LIMIT_SECONDS = 29 * 60  # RFC 2177: servers may drop an IDLE after 30 minutes


class Security(StrEnum):
    TLS = "tls"  # implicit TLS (IMAPS, usually port 993)
    STARTTLS = "starttls"  # plain connection upgraded before login (usually 143)
    PLAIN = "plain"  # no encryption: loopback and tests only


class Auth(StrEnum):
    PASSWORD = "password"
    XOAUTH2 = "xoauth2"  # Microsoft 365, Gmail: a bearer token from a command


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Account(Strict):
    """One IMAP account and the folders watched on it."""

    name: Annotated[str, Field(min_length=1, pattern=r"^[^/\s]+$")]
    host: Annotated[str, Field(min_length=1)]
    port: Annotated[int, Field(gt=0, lt=65536)] | None = None
    security: Security = Security.TLS
    ca_file: Path | None = None
    user: Annotated[str, Field(min_length=1)]
    auth: Auth = Auth.PASSWORD
    password_env: str | None = None
    password_file: Path | None = None
    oauth2_token_command: str | None = None
    folders: Annotated[list[str], Field(min_length=1)] = ["INBOX"]
    processed_folder: str | None = None  # None: flag with processed_flag instead of moving
    failed_folder: str | None = None  # None: flag with failed_flag instead of moving
    processed_flag: str = "$IntakeProcessed"
    failed_flag: str = "$IntakeFailed"
    idle: bool = True  # IDLE when the server offers it; polling otherwise

    @model_validator(mode="after")
    def _credentials(self) -> Account:
        if self.auth == Auth.XOAUTH2 and not self.oauth2_token_command:
            raise ValueError("auth = 'xoauth2' needs oauth2_token_command")
        if self.auth == Auth.PASSWORD and bool(self.password_env) == bool(self.password_file):
            raise ValueError("give exactly one of password_env and password_file")
        for target in (self.processed_folder, self.failed_folder):
            if target and target in self.folders:
                raise ValueError(f"folder {target!r} is both watched and a destination")
        return self

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return 993 if self.security == Security.TLS else 143


class DropFolder(Strict):
    path: Path


class Timing(Strict):
    """How the daemon waits, retries and detects hung connections."""

    poll_seconds: Annotated[float, Field(gt=0)] = 30.0
    idle_seconds: Annotated[float, Field(gt=0, le=IDLE_LIMIT_SECONDS)] = 25 * 60
    connect_timeout: Annotated[float, Field(gt=0)] = 15.0
    read_timeout: Annotated[float, Field(gt=0)] = 120.0
    backoff_initial: Annotated[float, Field(gt=0)] = 1.0
    backoff_max: Annotated[float, Field(gt=0)] = 300.0
    lease_seconds: Annotated[float, Field(gt=0)] = 120.0  # a folder lease, and a message claim
    queue_poll_seconds: Annotated[float, Field(gt=0)] = 1.0  # how soon other daemons' messages are seen
    batch_size: Annotated[int, Field(gt=0, le=1000)] = 50


class DaemonConfig(Strict):
    """The whole file."""

    database_url: str | None = None  # else INTAKE_DATABASE_URL
    accounts: list[Account] = []
    drop_folders: list[DropFolder] = []
    timing: Timing = Timing()

    @model_validator(mode="after")
    def _unique_names(self) -> DaemonConfig:
        names = [a.name for a in self.accounts]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"account names must be unique: {', '.join(duplicates)}")
        return self


def load_config(path: Path) -> DaemonConfig:
    """Read and check the file; every mistake is a ConfigError naming the key."""
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(source, "(file)", f"cannot read the file ({exc.strerror})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "(syntax)", str(exc)) from exc
    try:
        config = DaemonConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ConfigError(source, dotted(error["loc"]) or "(top level)", error["msg"]) from exc
    base = path.parent
    config = config.model_copy(update={"accounts": [_resolve(a, base) for a in config.accounts]})
    config = config.model_copy(
        update={"drop_folders": [DropFolder(path=base / d.path) for d in config.drop_folders]}
    )
    for number, account in enumerate(config.accounts):
        check_secret_source(account, source, f"accounts[{number}]")
    return config


def dotted(loc: tuple[int | str, ...]) -> str:
    """('accounts', 0, 'port') -> 'accounts[0].port'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _resolve(account: Account, base: Path) -> Account:
    """Relative paths in the file are relative to the file."""
    update = {}
    for key in ("ca_file", "password_file"):
        value = getattr(account, key)
        if value is not None and not value.is_absolute():
            update[key] = base / value
    return account.model_copy(update=update)


def check_secret_source(account: Account, source: str, key: str) -> None:
    """The secret's source must exist at start: a clear error now, not a loop of failed logins."""
    if account.password_env and account.password_env not in os.environ:
        raise ConfigError(
            source, f"{key}.password_env", f"environment variable {account.password_env} is not set"
        )
    if account.password_file and not account.password_file.is_file():
        raise ConfigError(source, f"{key}.password_file", f"{account.password_file}: no such file")
    if account.ca_file and not account.ca_file.is_file():
        raise ConfigError(source, f"{key}.ca_file", f"{account.ca_file}: no such file")


def read_secret(account: Account, timeout: float = 30.0) -> str:
    """The password or OAuth2 token, read at each login (tokens expire)."""
    if account.auth == Auth.XOAUTH2:
        assert account.oauth2_token_command
        return _token(account, account.oauth2_token_command, timeout)
    if account.password_env:
        value = os.environ.get(account.password_env)
        if value is None:
            raise MailboxError(account.name, f"environment variable {account.password_env} is not set")
        return value
    assert account.password_file
    try:
        return account.password_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise MailboxError(account.name, f"cannot read {account.password_file} ({exc.strerror})") from exc


def _token(account: Account, command: str, timeout: float) -> str:
    try:
        done = subprocess.run(
            shlex.split(command), capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MailboxError(account.name, f"oauth2_token_command failed: {exc}") from exc
    token = done.stdout.strip()
    if done.returncode != 0 or not token:
        detail = done.stderr.strip()[:200] or f"exit status {done.returncode}, no token"
        raise MailboxError(account.name, f"oauth2_token_command failed: {detail}")
    return token
