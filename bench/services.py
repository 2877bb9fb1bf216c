"""Private, throwaway services for tests and benchmarks: Dovecot and PostgreSQL.

The tests import them from here, so that a benchmark never imports the tests.

Each runs from its own temporary directory on free loopback ports and is
stopped by its owner. Both need root (Dovecot drops to uid 65534 for mail,
PostgreSQL runs as the `postgres` user).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{root}/mail/%u
mail_uid = 65534
mail_gid = 65534
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {root}/passwd
  default_fields = uid=65534 gid=65534 home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
protocol imap {{
  imap_idle_notify_interval = 1 mins
}}
"""


def _signal_group(group: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signum)


def free_port() -> int:
    """A port free right now on loopback (the kernel picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout} s")


def traversable_tempdir(prefix: str, under: Path = Path("/tmp")) -> Path:
    """A temporary directory other users (uid 65534, postgres) can enter."""
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=under))
    root.chmod(0o755)
    return root


# A test session's cluster grows to ~1.5 GB (a database per test); on disk, deleting it waits for
# the writeback of what fsync=off left dirty, about as long as a hundred tests take to run.
MEMORY_DIR, MEMORY_NEEDED = Path("/dev/shm"), 4 << 30


def memory_or_tmp() -> Path:
    """The memory filesystem when it is there and roomy enough (a container's is often 64 MB), else /tmp."""
    try:
        roomy = os.access(MEMORY_DIR, os.W_OK) and shutil.disk_usage(MEMORY_DIR).free >= MEMORY_NEEDED
    except OSError:
        roomy = False
    return MEMORY_DIR if roomy else Path("/tmp")


@dataclass
class Dovecot:
    """A private Dovecot: plain IMAP and IMAPS ports, users from a passwd-file."""

    root: Path
    users: dict[str, str]
    imap_port: int = 0
    imaps_port: int = 0
    process: subprocess.Popen | None = field(default=None, repr=False)

    @classmethod
    def start_new(cls, users: dict[str, str]) -> Dovecot:
        root = traversable_tempdir("intake-dovecot-")
        server = cls(root=root, users=users, imap_port=free_port(), imaps_port=free_port())
        server._write_files()
        server.start()
        return server

    @property
    def conf(self) -> Path:
        return self.root / "dovecot.conf"

    @property
    def ca_file(self) -> Path:
        return self.root / "cert.pem"

    def _write_files(self) -> None:
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"),
                *("-keyout", str(self.root / "key.pem"), "-out", str(self.ca_file), "-subj", "/CN=localhost"),
                *("-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"),
            ],
            check=True,
            capture_output=True,
        )
        lines = [
            f"{user}:{password}:65534:65534::{self.root}/mail/{user}" for user, password in self.users.items()
        ]
        (self.root / "passwd").write_text("\n".join(lines) + "\n")
        for sub in ("run", "state", "mail"):
            (self.root / sub).mkdir(exist_ok=True)
        os.chown(self.root / "mail", 65534, 65534)
        self.conf.write_text(
            DOVECOT_CONF.format(root=self.root, imap_port=self.imap_port, imaps_port=self.imaps_port)
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["dovecot", "-F", "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stop() ends every child too
        )
        wait_port(self.imap_port)
        wait_port(self.imaps_port)

    def stop(self) -> None:
        if self.process is not None:
            # imap processes outlive their master: end the whole group, as a crash would.
            group = self.process.pid
            _signal_group(group, signal.SIGTERM)
            self.process.wait(timeout=30)
            _signal_group(group, signal.SIGKILL)
        self.process = None
        # The children (imap, imap-login) may outlive the master a moment: wait for the port.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.imap_port), timeout=0.2).close()
                time.sleep(0.1)
            except OSError:
                return

    def restart(self) -> None:
        self.stop()
        self.start()

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def doveadm(self, *args: str, stdin: bytes | None = None) -> str:
        done = subprocess.run(
            ["doveadm", "-c", str(self.conf), *args], input=stdin, capture_output=True, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode(errors="replace")

    def inject(self, user: str, data: bytes, folder: str = "INBOX") -> None:
        """Deliver a message without IMAP (`doveadm save`)."""
        self.doveadm("save", "-u", user, "-m", folder, stdin=data)

    def count(self, user: str, folder: str) -> int:
        """Messages in a folder (0 when it does not exist)."""
        try:
            out = self.doveadm("-f", "flow", "mailbox", "status", "-u", user, "messages", folder)
        except RuntimeError:
            return 0
        return int(out.split("=")[-1])

    def reset_user(self, user: str) -> None:
        """Forget every folder of `user` (a fresh mailbox for the next test)."""
        shutil.rmtree(self.root / "mail" / user, ignore_errors=True)


@dataclass
class Postgres:
    """A throwaway PostgreSQL cluster run by the `postgres` user."""

    root: Path
    port: int
    bin_dir: Path

    @classmethod
    def start_new(cls) -> Postgres:
        bin_dir = find_pg_bin()
        root = traversable_tempdir("intake-pg-", under=memory_or_tmp())
        data = root / "data"
        data.mkdir()
        shutil.chown(data, "postgres", "postgres")
        server = cls(root=root, port=free_port(), bin_dir=bin_dir)
        server._as_postgres("initdb", "-A", "trust", "-U", "postgres", "-D", str(data), "-E", "UTF8")
        options = f"-p {server.port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
        options += " -c synchronous_commit=off -c full_page_writes=off"
        server._as_postgres("pg_ctl", "-D", str(data), "-o", options, "-l", str(data / "log"), "-w", "start")
        return server

    def _as_postgres(self, program: str, *args: str) -> str:
        done = subprocess.run(
            ["runuser", "-u", "postgres", "--", str(self.bin_dir / program), *args],
            capture_output=True,
            check=False,
            cwd="/tmp",
        )
        if done.returncode != 0:
            raise RuntimeError(f"{program}: {done.stderr.decode(errors='replace')}")
        return done.stdout.decode()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        self._as_postgres(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-qc",
            f"CREATE DATABASE {name}",
        )
        return self.url(name)

    def stop(self) -> None:
        try:
            self._as_postgres("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def find_pg_bin() -> Path:
    """PostgreSQL's server programs (Debian keeps them off PATH)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if candidates:
        return candidates[0].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise RuntimeError("PostgreSQL server programs not found: run scripts/system-deps.sh")
