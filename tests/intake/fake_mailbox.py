"""An in-memory `Mailbox` for unit tests of the worker (the real one is tested on Dovecot)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from intake.daemon.mailbox import FolderState
from models import MailboxError


@dataclass
class FakeFolder:
    uidvalidity: int
    messages: dict[int, tuple[bytes, set[str]]] = field(default_factory=dict)
    next_uid: int = 1


@dataclass
class FakeServer:
    """The server side: folders shared by every FakeMailbox connected to it."""

    folders: dict[str, FakeFolder] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)  # operation -> how many times to fail
    fetch_sizes: list[int] = field(default_factory=list)

    def append(self, folder: str, data: bytes) -> int:
        box = self.folders.setdefault(folder, FakeFolder(uidvalidity=1000 + len(self.folders)))
        uid = box.next_uid
        box.messages[uid] = (data, set())
        box.next_uid += 1
        return uid

    def count(self, folder: str) -> int:
        return len(self.folders[folder].messages) if folder in self.folders else 0

    def trip(self, operation: str) -> None:
        if self.failures.get(operation, 0) > 0:
            self.failures[operation] -= 1
            raise MailboxError("fake", f"{operation} failed (injected)")


class FakeMailbox:
    """`Mailbox` over a FakeServer."""

    supports_idle = True

    def __init__(self, server: FakeServer) -> None:
        self.server = server
        self.folder = ""

    def select(self, folder: str) -> FolderState:
        self.server.trip("select")
        box = self.server.folders.setdefault(folder, FakeFolder(uidvalidity=1000 + len(self.server.folders)))
        self.folder = folder
        return FolderState(box.uidvalidity, len(box.messages))

    def pending_uids(self, skip_flags: tuple[str, ...]) -> list[int]:
        messages = self.server.folders[self.folder].messages
        return sorted(uid for uid, (_, flags) in messages.items() if not flags & set(skip_flags))

    def fetch(self, uids: list[int]) -> dict[int, bytes]:
        self.server.trip("fetch")
        self.server.fetch_sizes.append(len(uids))
        messages = self.server.folders[self.folder].messages
        return {uid: messages[uid][0] for uid in uids if uid in messages}

    def move(self, uids: list[int], target: str) -> None:
        self.server.trip("move")
        for uid in uids:
            data, _ = self.server.folders[self.folder].messages.pop(uid)
            self.server.append(target, data)

    def add_flag(self, uids: list[int], flag: str) -> None:
        self.server.trip("flag")
        for uid in uids:
            self.server.folders[self.folder].messages[uid][1].add(flag)

    def ensure_folder(self, folder: str) -> None:
        self.server.folders.setdefault(folder, FakeFolder(uidvalidity=1000 + len(self.server.folders)))

    def wait(self, seconds: float, should_stop: Callable[[], bool]) -> bool:
        should_stop()
        return False

    def close(self) -> None:
        return None
