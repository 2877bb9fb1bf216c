"""A narrow view of one IMAP folder: the rest of Intake never sees imapclient.

`Mailbox` is what the worker needs (select, search, fetch, move or flag,
wait for news); `ImapMailbox` implements it on a real server. Every network
or protocol failure comes out as `MailboxError`, so callers handle one error.
"""

from __future__ import annotations

import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError
from imapclient.imapclient import SocketTimeout

from intake.daemon.config import Account, Auth, Security, Timing, read_secret
from models import MailboxError

log = logging.getLogger(__name__)

NETWORK_ERRORS = (IMAPClientError, OSError, ssl.SSLError, socket.timeout, EOFError)


@dataclass(frozen=True)
class FolderState:
    """A folder as selected: UIDVALIDITY and how many messages it holds."""

    uidvalidity: int
    exists: int


class Mailbox(Protocol):
    """One connection to one account, working on one folder at a time."""

    supports_idle: bool

    def select(self, folder: str) -> FolderState: ...

    def pending_uids(self, skip_flags: tuple[str, ...]) -> list[int]: ...

    def fetch(self, uids: list[int]) -> dict[int, bytes]: ...

    def move(self, uids: list[int], target: str) -> None: ...

    def add_flag(self, uids: list[int], flag: str) -> None: ...

    def ensure_folder(self, folder: str) -> None: ...

    def wait(self, seconds: float, should_stop: Callable[[], bool]) -> bool: ...

    def close(self) -> None: ...


def ssl_context(account: Account) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=str(account.ca_file) if account.ca_file else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


@contextmanager
def translated(account: str, folder: str | None, doing: str) -> Iterator[None]:
    """imapclient's and the socket's errors, as one MailboxError that says what failed."""
    try:
        yield
    except LoginError as exc:
        raise MailboxError(account, f"login refused while {doing}: {_text(exc)}", folder=folder) from exc
    except NETWORK_ERRORS as exc:
        reason = f"{type(exc).__name__} while {doing}: {_text(exc) or 'connection lost'}"
        raise MailboxError(account, reason, folder=folder) from exc


def _text(exc: BaseException) -> str:
    text = str(exc)
    return text.removeprefix("b'").removesuffix("'") if text.startswith("b'") else text


class ImapMailbox:
    """`Mailbox` on a real IMAP server (imapclient underneath)."""

    def __init__(self, client: IMAPClient, account: Account, timing: Timing) -> None:
        self.client, self.account, self.timing = client, account, timing
        self.folder: str | None = None
        capabilities = client.capabilities()
        self.supports_idle = account.idle and b"IDLE" in capabilities
        self.supports_move = b"MOVE" in capabilities

    @classmethod
    def connect(cls, account: Account, timing: Timing) -> ImapMailbox:
        """Connect, secure and log in; a refused login or a dead server is a MailboxError."""
        where = f"connecting to {account.host}:{account.effective_port}"
        with translated(account.name, None, where):
            client = IMAPClient(
                account.host,
                port=account.effective_port,
                ssl=account.security == Security.TLS,
                ssl_context=ssl_context(account) if account.security == Security.TLS else None,
                timeout=SocketTimeout(connect=timing.connect_timeout, read=timing.read_timeout),
            )
        try:
            with translated(account.name, None, "logging in"):
                if account.security == Security.STARTTLS:
                    client.starttls(ssl_context(account))
                secret = read_secret(account)
                if account.auth == Auth.XOAUTH2:
                    client.oauth2_login(account.user, secret)
                else:
                    client.login(account.user, secret)
            _keepalive(client.socket())
            return cls(client, account, timing)
        except BaseException:
            _quietly(client.shutdown)
            raise

    def select(self, folder: str) -> FolderState:
        with translated(self.account.name, folder, "selecting the folder"):
            status = self.client.select_folder(folder)
        # The counts the SELECT answers with are the folder as the pass that follows finds it, not
        # news: kept, they would end the next wait at once, and an idle daemon would pass again and
        # again instead of waiting.
        self._news_while_busy()
        self.folder = folder
        return FolderState(uidvalidity=int(status[b"UIDVALIDITY"]), exists=int(status.get(b"EXISTS", 0)))

    def pending_uids(self, skip_flags: tuple[str, ...]) -> list[int]:
        criteria: list[str] = ["UNDELETED"]
        for flag in skip_flags:
            criteria += ["UNKEYWORD", flag]
        with translated(self.account.name, self.folder, "searching"):
            return sorted(int(uid) for uid in self.client.search(criteria))

    def fetch(self, uids: list[int]) -> dict[int, bytes]:
        if not uids:
            return {}
        # BODY.PEEK[] leaves \Seen alone: a person reading the mailbox sees what is new.
        with translated(self.account.name, self.folder, f"fetching {len(uids)} messages"):
            data = self.client.fetch(uids, ["BODY.PEEK[]"])
        return {int(uid): bytes(item[b"BODY[]"]) for uid, item in data.items() if b"BODY[]" in item}

    def move(self, uids: list[int], target: str) -> None:
        with translated(self.account.name, self.folder, f"moving UIDs {_uid_text(uids)} to {target}"):
            if self.supports_move:
                self.client.move(uids, target)
                return
            self.client.copy(uids, target)
            self.client.delete_messages(uids)
            self.client.uid_expunge(uids)

    def add_flag(self, uids: list[int], flag: str) -> None:
        with translated(self.account.name, self.folder, f"flagging UIDs {_uid_text(uids)}"):
            self.client.add_flags(uids, [flag])

    def ensure_folder(self, folder: str) -> None:
        with translated(self.account.name, folder, "creating the folder"):
            if self.client.folder_exists(folder):
                return
            try:
                self.client.create_folder(folder)
            except IMAPClientError:
                # Another daemon on the same mailbox created it between the two calls: it exists.
                if not self.client.folder_exists(folder):
                    raise

    def wait(self, seconds: float, should_stop: Callable[[], bool]) -> bool:
        """Wait for news up to `seconds`: IDLE when offered, else a NOOP then a sleep.

        Returns True when the server announced something. IDLE is left every
        second to look at `should_stop`'s answer, and at `seconds` at the latest
        (re-issued by the caller well before the 29-minute limit).
        """
        if not self.supports_idle:
            return self._poll(seconds, should_stop)
        deadline = time.monotonic() + seconds
        news = False
        with translated(self.account.name, self.folder, "idling"):
            news = self._news_while_busy()
            self.client.idle()
            news = news or self._news_while_busy()
            try:
                while not news and not should_stop() and time.monotonic() < deadline:
                    responses = self.client.idle_check(
                        timeout=min(1.0, max(0.05, deadline - time.monotonic()))
                    )
                    news = any(_is_news(r) for r in responses)
            finally:
                self.client.idle_done()
        return news

    def _news_while_busy(self) -> bool:
        """A message that arrived while other commands ran was announced in their
        responses, not in IDLE: imaplib keeps such announcements aside. Without this
        look, that message would wait for the next IDLE renewal (many minutes)."""
        pending = self.client._imap.untagged_responses
        found = False
        for kind in ("EXISTS", "RECENT"):
            found = bool(pending.pop(kind, None)) or found
        return found

    def _poll(self, seconds: float, should_stop: Callable[[], bool]) -> bool:
        deadline = time.monotonic() + seconds
        while not should_stop() and time.monotonic() < deadline:
            time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
        with translated(self.account.name, self.folder, "polling"):
            self.client.noop()  # proves the connection alive; a hung one times out here
        return False

    def close(self) -> None:
        _quietly(self.client.logout)
        _quietly(self.client.shutdown)


def _keepalive(sock: socket.socket) -> None:
    """TCP keepalive: a peer that vanished (no FIN) breaks a long IDLE in about 90 s."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for option, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 10), ("TCP_KEEPCNT", 3)):
        if hasattr(socket, option):
            sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, option), value)


def _uid_text(uids: list[int]) -> str:
    return ",".join(map(str, uids[:5])) + (f"... ({len(uids)})" if len(uids) > 5 else "")


def _is_news(response: tuple) -> bool:
    return len(response) >= 2 and response[1] in (b"EXISTS", b"RECENT")


def _quietly(action: Callable[[], object]) -> None:
    try:
        action()
    except Exception as exc:  # closing a broken connection: nothing left to report
        log.debug("while closing: %s", exc)
