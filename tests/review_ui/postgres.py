"""A throwaway PostgreSQL cluster for tests: initdb, start on a free port, stop at the end."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def postgres_cluster(port: int) -> Iterator[str]:
    """A running cluster with database `intake`; yields its SQLAlchemy URL."""
    # /tmp, not pytest's tmp_path: the data folder's parents must be traversable by `postgres`.
    folder = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    folder.chmod(0o777)
    data = folder / "data"
    run = lambda *args: subprocess.run(_as_postgres([*args]), check=True, capture_output=True)  # noqa: E731
    try:
        run(str(PG_BIN / "initdb"), "-A", "trust", "-U", "intake", "-D", str(data))
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start")
        try:
            run(str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "intake", "intake")
            yield f"postgresql+psycopg://intake@127.0.0.1:{port}/intake"
        finally:
            run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
