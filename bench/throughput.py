"""Intake's `ingest` against the peer baseline, whole processes, on the same labelled folders.

For each folder (with its reference CSVs), several runs, the two alternating:
- Intake: `intake catalog import` into a fresh temporary SQLite store (not timed in
  messages/s, shown as `import s`), then `intake ingest --timings FOLDER`;
- the peer: ../shared/peer-baseline/baseline.py (mail-parser, pdfplumber, openpyxl,
  rapidfuzz in one process), reference load and output included.
Each process tree is watched: wall time, CPU time (its own and its children's),
and, in one more run of each that is not timed, peak memory summed over the tree (PSS,
so pages a forked child shares with its parent count once; sampled every 10 ms). Reading a
process's memory map costs ~2.5 ms: sampled beside the timed runs, the sampler took about
half a core, from Intake's two busy cores and from the peer's idle second one. Medians are
printed, the ratio is Intake's messages/s over the peer's, and Intake's stage split follows.

Folders: the samples (../shared/samples), fixtures/emails, `mix` (the samples five
times over with fresh Message-IDs: a folder of the size the order desk sees),
and any fixtures/blind/*/open or fixtures/erp/open that has a ref/ beside it.

Also the start-up of `intake --help` and `intake messages` (`--only startup`).

The project's modules are compiled to bytecode first, as an installed package's are: an
editable checkout run with PYTHONDONTWRITEBYTECODE would compile them again in every process.

Run: python -m bench.throughput [--runs 3] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path:
    """shared/: INTAKE_SHARED_DIR, else the nearest one above the checkout (beside it in CI)."""
    if os.environ.get("INTAKE_SHARED_DIR"):
        return Path(os.environ["INTAKE_SHARED_DIR"])
    found = (parent / "shared" for parent in ROOT.parents if (parent / "shared" / "samples").is_dir())
    return next(found, ROOT.parent / "shared")


SHARED = _shared_dir()
PEER = SHARED / "peer-baseline" / "baseline.py"
STAGE_LINE = re.compile(r"^\s+(\w+)\s+([\d.]+) s\s+[\d.]+ %$")
MIX_COPIES = 5
PACKAGES = ("intake", "parsers", "matchers", "models", "review_ui")


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float
    stages: dict[str, float] = field(default_factory=dict)


def folders(tmp: Path) -> list[tuple[str, Path, Path]]:
    """(name, emails folder, reference folder) of every labelled set found."""
    found = [
        ("samples", SHARED / "samples" / "emails", SHARED / "samples" / "ref"),
        ("fixtures", ROOT / "fixtures" / "emails", ROOT / "fixtures" / "ref"),
    ]
    found.append(("mix", make_mix(found[0][1], tmp / "mix", MIX_COPIES), found[0][2]))
    for open_dir in sorted([*ROOT.glob("fixtures/blind/*/open"), *ROOT.glob("fixtures/erp/open")]):
        ref = next((r for r in (open_dir / "ref", open_dir.parent / "ref") if r.is_dir()), None)
        emails = open_dir / "emails" if (open_dir / "emails").is_dir() else open_dir
        if ref is not None:
            found.append((str(open_dir.relative_to(ROOT / "fixtures")), emails, ref))
    return found


def make_mix(source: Path, target: Path, copies: int) -> Path:
    """`copies` of every message of `source`, each with its own Message-ID (no duplicates)."""
    target.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for path in sorted(source.glob("*.eml")):
            data = path.read_bytes()
            data = re.sub(rb"(?im)^(message-id:\s*<)", rb"\g<1>" + f"mix{copy}.".encode(), data, count=1)
            (target / f"{copy}-{path.name}").write_bytes(data)
    return target


def watch(argv: list[str], env: dict[str, str], *, sample: bool = False) -> tuple[Run, str]:
    """Run `argv`; its wall, CPU (with reaped children), output and, when `sample`, peak tree memory."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        peak = [0]
        done = threading.Event()
        if sample:
            threading.Thread(target=_sample, args=(proc.pid, peak, done), daemon=True).start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    # 1 is an ingest that ran with some messages failed; anything else stops the bench.
    if proc.returncode != 0 and not (proc.returncode == 1 and " files: " in text):
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}):\n{text[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak[0] / 2**20), text


def _sample(pid: int, peak: list[int], done: threading.Event) -> None:
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not done.is_set():
        total = 0
        try:
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_full_info().pss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    continue
        except psutil.NoSuchProcess:
            return
        peak[0] = max(peak[0], total)
        time.sleep(0.01)


def run_intake(emails: Path, ref: Path, tmp: Path, *, sample: bool = False) -> tuple[Run, float]:
    store = tmp / "intake.db"
    store.unlink(missing_ok=True)
    env = {**os.environ, "INTAKE_DATABASE_URL": f"sqlite:///{store}"}
    intake = [sys.executable, "-m", "intake"]
    imported, _ = watch(
        [
            *intake,
            "--create-store",
            "catalog",
            "import",
            "--products",
            str(ref / "products.csv"),
            "--customers",
            str(ref / "customers.csv"),
            "--customer-refs",
            str(ref / "customer_refs.csv"),
        ],
        env,
    )
    run, text = watch([*intake, "ingest", "--timings", str(emails)], env, sample=sample)
    run.stages = {
        m[1]: float(m[2]) for m in map(STAGE_LINE.match, text.splitlines()) if m and m[1] != "other"
    }
    return run, imported.wall


def run_peer(emails: Path, ref: Path, tmp: Path, *, sample: bool = False) -> Run:
    argv = [sys.executable, str(PEER), "--ref", str(ref), "--out", str(tmp / "peer.jsonl"), str(emails)]
    return watch(argv, dict(os.environ), sample=sample)[0]


def bench(name: str, emails: Path, ref: Path, runs: int, tmp: Path) -> None:
    count = len(list(emails.glob("*.eml")))
    intake: list[Run] = []
    peer: list[Run] = []
    imports: list[float] = []
    for number in range(runs):
        # Alternating who goes first spreads the neighbours' load over both.
        order = ("intake", "peer") if number % 2 == 0 else ("peer", "intake")
        for who in order:
            if who == "intake":
                run, imported = run_intake(emails, ref, tmp)
                intake.append(run)
                imports.append(imported)
            else:
                peer.append(run_peer(emails, ref, tmp))
    peaks = {
        "intake": run_intake(emails, ref, tmp, sample=True)[0].peak_mib,
        "peer": run_peer(emails, ref, tmp, sample=True).peak_mib,
    }
    print(f"\n== {name}: {count} messages ({emails}), {runs} runs, medians")
    header = f"{'':<8} {'wall s':>7} {'msg/s':>7} {'CPU s':>7} {'cores':>6} {'peak MiB':>9} {'import s':>9}"
    print(header + "\n" + "-" * len(header))
    rates = {}
    for who, rows in (("intake", intake), ("peer", peer)):
        wall = statistics.median(r.wall for r in rows)
        cpu = statistics.median(r.cpu for r in rows)
        rates[who] = count / wall
        extra = f"{statistics.median(imports):9.2f}" if who == "intake" else ""
        print(
            f"{who:<8} {wall:7.2f} {count / wall:7.1f} {cpu:7.2f} {cpu / wall:6.2f} {peaks[who]:9.0f} {extra}"
        )
    cpu_ratio = statistics.median(r.cpu for r in peer) / statistics.median(r.cpu for r in intake)
    print(f"ratio intake/peer: {rates['intake'] / rates['peer']:.2f} in messages/s, {cpu_ratio:.2f} in CPU")
    wall = statistics.median(r.wall for r in intake)
    stages = {s: statistics.median(r.stages.get(s, 0.0) for r in intake) for s in intake[0].stages}
    split = ", ".join(f"{s} {sec:.2f}" for s, sec in stages.items())
    print(f"intake stages (s, summed over workers): {split}; outside them {wall - sum(stages.values()):.2f}")


def startup(tmp: Path, runs: int) -> None:
    """Wall time of `intake --help` and `intake messages` (empty store) beside a bare interpreter."""
    env = {**os.environ, "INTAKE_DATABASE_URL": f"sqlite:///{tmp / 'startup.db'}"}
    watch([sys.executable, "-m", "intake", "--create-store", "init"], env)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "intake --help": [sys.executable, "-m", "intake", "--help"],
        "intake messages": [sys.executable, "-m", "intake", "messages"],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(max(runs, 5)):
        for name, argv in commands.items():
            walls[name].append(watch(argv, env)[0].wall)
    bare = statistics.median(walls["python -c pass"])
    print("\n== start-up, medians (wall s; minus a bare interpreter's start)")
    for name, values in walls.items():
        wall = statistics.median(values)
        print(f"{name:<18} {wall:6.3f} s  {wall - bare:6.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", metavar="NAME", help="folder names to run (default: all)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="intake-throughput-"))
    try:
        for package in PACKAGES:
            compileall.compile_dir(ROOT / package, quiet=1)
        print(f"{os.cpu_count()} cores; peak = PSS summed over the process tree")
        if not args.only or "startup" in args.only:
            startup(tmp, args.runs)
        for name, emails, ref in folders(tmp):
            if not args.only or name in args.only:
                bench(name, emails, ref, args.runs, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
