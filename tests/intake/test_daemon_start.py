"""The daemon's start-up: the readers loaded before the first message, and the patterns they compile
kept for the next start, as `intake ingest` and `intake eval` keep theirs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

START_SCRIPT = """
import sys
from pathlib import Path
from intake.cli import main
from models import pattern_cache
cache = pattern_cache.install(Path(sys.argv[1]))
assert cache is not None
cache.write_from = 1
assert main(["--create-store", "run", "--once", "--drop-folder", sys.argv[2]]) == 0
assert not cache.recording  # what the daemon's messages compile is not kept
print("intake.reader_worker" in sys.modules, cache.path.stat().st_mtime_ns)
"""


def test_a_daemon_keeps_the_patterns_its_start_compiles_for_the_next_one(tmp_path: Path) -> None:
    drops = tmp_path / "drop"
    drops.mkdir()
    # One hash seed: a pattern joined from a set is then the same pattern in both processes.
    env = {**os.environ, "INTAKE_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}", "PYTHONHASHSEED": "0"}
    said = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", START_SCRIPT, str(tmp_path / "patterns.bin"), str(drops)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        said.append(done.stdout.split()[-2:])
    # The second start compiled nothing the first had not kept: the file is left as it was.
    assert said[0][0] == said[1][0] == "True"
    assert said[0][1] == said[1][1]
