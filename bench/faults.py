"""Fault bench: how many reader faults the routing checks hold, per set and per fault kind.

Each labelled message is read and decided as `intake eval` does it (the first-orders
hold off: automatic mode, held only by errors). Every order the engine would accept
and that is exactly right is then faulted, one reader fault at a time (bench/fault_kinds.py:
a line dropped, a quantity misread, an article read as its catalogue twin, the PO dropped
or one character off, the ship-to or delivery date dropped), and decided again with the
same checks, the same message and the same customer history. A faulted order the checks
do not hold is a miss: it would reach the clean table wrong.

    python -m bench.faults DIR [DIR...] [--ref REF] [--lines 4] [--json FILE] [--quiet]

REF defaults to DIR/../ref. Folders of a frozen corpus are refused: their misses name files.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.fault_kinds import Faulted, fault_kinds
from intake.ingest import keep_message, record_outcome
from intake.pipeline import PipelineDeps, decide_matched, decide_message
from intake.reading import read_message
from intake.reports.scoring import order_is_right, pair_orders
from intake.routing.decision import free_of_errors
from matchers import CatalogIndex
from models import (
    MatchedOrder,
    Origin,
    ParsedMessage,
    ProcessedOrder,
    ProcessResult,
    RawMessage,
    Settings,
    Severity,
    Store,
    load_reference_dir,
)

FaultKind = Callable[[MatchedOrder, int], Faulted]


@dataclass
class KindTally:
    injected: int = 0
    held: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def missed(self) -> int:
        return self.injected - self.held


@dataclass
class SetReport:
    folder: str
    orders: int = 0  # orders accepted and exactly right: the ones faulted
    kinds: dict[str, KindTally] = field(default_factory=dict)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (file, kind, where)


def refuse_frozen(folder: Path) -> None:
    if any(part.startswith("frozen") for part in folder.resolve().parts):
        raise SystemExit(f"{folder}: a frozen corpus is never faulted (its misses would name its files)")


def run_set(folder: Path, ref: Path, settings: Settings, most: int) -> SetReport:
    """Read and decide each labelled message in file order, faulting the orders accepted right."""
    refuse_frozen(folder)
    files = sorted(p for p in folder.glob("*.eml") if p.with_suffix(".expected.json").exists())
    report = SetReport(folder=str(folder))
    with tempfile.TemporaryDirectory(prefix="intake-faults-") as tmp:
        store = Store.open(f"sqlite:///{tmp}/faults.db")
        load_reference_dir(store, ref)
        index = CatalogIndex.build(store.load_reference())
        kinds = fault_kinds(index)
        deps = PipelineDeps.for_store(store, index, settings)
        for path in files:
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            raw = RawMessage(data=path.read_bytes(), origin=Origin(kind="file", path=str(path)))
            kept = keep_message(store, raw)

            def work(
                raw: RawMessage = raw, expected: list = expected, name: str = path.name
            ) -> ProcessResult:
                result = decide_message(read_message(raw, index=index, limits=deps.limits), deps)
                fault_orders(result, expected, deps, kinds, most, report, name)
                return result

            record_outcome(store, kept.message_pk, raw, work, settings=settings, created=kept.created)
    return report


def fault_orders(
    result: ProcessResult,
    expected: list[dict],
    deps: PipelineDeps,
    kinds: dict[str, FaultKind],
    most: int,
    report: SetReport,
    name: str,
) -> None:
    """Each order accepted and right, faulted by every kind, each fault decided again."""
    records = [order.record.model_dump(mode="json") for order in result.orders]
    right = {id(p) for p, e in pair_orders(records, expected) if p is not None and e and order_is_right(p, e)}
    for place, (order, record) in enumerate(zip(result.orders, records, strict=True)):
        if id(record) not in right or not free_of_errors(order.decision):
            continue
        report.orders += 1
        earlier = result.orders[:place]
        for kind, fault in kinds.items():
            tally = report.kinds.setdefault(kind, KindTally())
            for where, faulted in fault(order.matched, most):
                errors = held_by(result.parsed, faulted, deps, earlier)
                tally.injected += 1
                tally.held += bool(errors)
                tally.reasons.update(set(errors))
                if not errors:
                    report.missed.append((name, kind, where))


def held_by(
    parsed: ParsedMessage, faulted: MatchedOrder, deps: PipelineDeps, earlier: list[ProcessedOrder]
) -> list[str]:
    """The codes of the errors that hold the faulted order (none: it would be accepted)."""
    decided = decide_matched(parsed, faulted, deps, earlier=earlier)
    return [r.code for r in decided.decision.reasons if r.severity == Severity.ERROR]


def format_set(report: SetReport, *, show_missed: bool) -> str:
    lines = [
        f"== {report.folder}: {report.orders} orders accepted right, faulted",
        f"  {'fault':<24}{'injected':>9}{'held':>7}{'missed':>8}{'caught':>8}  held by",
    ]
    for kind, tally in report.kinds.items():
        caught = f"{tally.held / tally.injected:.0%}" if tally.injected else "-"
        reasons = ", ".join(f"{code} {n}" for code, n in tally.reasons.most_common(4))
        lines.append(f"  {kind:<24}{tally.injected:9d}{tally.held:7d}{tally.missed:8d}{caught:>8}  {reasons}")
    injected = sum(t.injected for t in report.kinds.values())
    held = sum(t.held for t in report.kinds.values())
    lines.append(f"  {'all':<24}{injected:9d}{held:7d}{injected - held:8d}{held / max(injected, 1):8.0%}")
    if show_missed and report.missed:
        lines.append("  missed:")
        lines += [f"    {name}  {kind}  {where}" for name, kind, where in report.missed]
    return "\n".join(lines)


def as_json(report: SetReport) -> dict:
    return {
        "folder": report.folder,
        "orders": report.orders,
        "kinds": {
            kind: {"injected": t.injected, "held": t.held, "missed": t.missed, "reasons": dict(t.reasons)}
            for kind, t in report.kinds.items()
        },
        "missed": [{"file": f, "fault": k, "where": w} for f, k, w in report.missed],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", metavar="DIR")
    parser.add_argument("--ref", type=Path, help="the reference folder (default: DIR/../ref)")
    parser.add_argument("--lines", type=int, default=4, help="lines faulted per order and kind (spread)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--quiet", action="store_true", help="no list of missed faults")
    args = parser.parse_args()
    for folder in args.folders:
        refuse_frozen(folder)
    settings = Settings().model_copy(update={"new_customer_orders": 0})
    reports = []
    for folder in args.folders:
        ref = args.ref or folder.parent / "ref"
        report = run_set(folder, ref, settings, max(args.lines, 2))
        reports.append(report)
        print(format_set(report, show_missed=not args.quiet), flush=True)
    if args.json:
        args.json.write_text(json.dumps([as_json(r) for r in reports], indent=2), encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
