"""`intake eval PART` on a follow-up corpus: the orders first, then each follow-up, scored.

A follow-up corpus (the format of fixtures/followups-dev/) holds `orders/` (clear orders
with NAME.expected.json, and NAME.events.json when downstream told about the order: a list
of status events as the API takes them, a delivery note's number among them) and parts
(`open/`, ...) of follow-ups with NAME.followup.json.
The orders are ingested in file-name order (their events recorded after each), then the
part's messages; each follow-up is
scored on its kind, the order it links to, and its diff (a change's add/remove/quantities/
delivery date, a return's lines and reason, a replacement's or new order's records). A
change the engine applied by itself while its link or diff is wrong is accepted-but-wrong,
as is an order accepted from a message that was no new order.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.ingest import Outcome, ingest_file
from intake.reports.scoring import Record, Tally, order_is_right, pair_orders
from matchers import CatalogIndex
from models import IntakeError, Settings, Store, load_reference_dir
from models.followup_store import followup_of
from models.tables import Followup

OVERALL = "overall"
ABOUT = {"change", "cancellation", "replacement", "return", "delivery_question"}


def is_followup_part(folder: Path) -> bool:
    return (folder.parent / "orders").is_dir() and any(folder.glob("*.followup.json"))


@dataclass
class FollowupTally:
    messages: int = 0
    kind_right: int = 0
    linked: int = 0  # messages whose link is scored (they refer to an order, or should say none)
    link_right: int = 0
    diffs: int = 0  # messages with a diff to score
    diff_right: int = 0
    exact: int = 0
    auto_applied: int = 0
    accepted_wrong: int = 0

    def figures(self) -> dict[str, float | int]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "messages": self.messages,
            "kind": ratio(self.kind_right, self.messages),
            "link": ratio(self.link_right, self.linked),
            "diff": ratio(self.diff_right, self.diffs),
            "exact": ratio(self.exact, self.messages),
            "auto_applied": self.auto_applied,
            "accepted_wrong": self.accepted_wrong,
        }


@dataclass
class FollowupReport:
    orders: Tally = field(default_factory=Tally)
    tallies: dict[str, FollowupTally] = field(default_factory=dict)
    per_file: list[dict[str, Any]] = field(default_factory=list)

    def tally(self, name: str) -> FollowupTally:
        return self.tallies.setdefault(name, FollowupTally())


def evaluate_followups(
    part: Path,
    *,
    ref_dir: Path | None,
    settings: Settings,
    on_progress: Callable[[int, int], None] | None = None,
) -> FollowupReport:
    """Ingest orders/ then `part` into a fresh store and score every follow-up."""
    orders = sorted(
        p for p in (part.parent / "orders").glob("*.eml") if p.with_suffix(".expected.json").exists()
    )
    followups = sorted(p for p in part.glob("*.eml") if p.with_suffix(".followup.json").exists())
    if not followups:
        raise IntakeError(f"{part}: no NAME.eml with a NAME.followup.json beside it")
    report = FollowupReport()
    settings = settings.model_copy(update={"new_customer_orders": 0})
    with tempfile.TemporaryDirectory(prefix="intake-eval-") as tmp:
        store = Store.open(f"sqlite:///{tmp}/eval.db")
        if ref_dir is not None:
            load_reference_dir(store, ref_dir)
        index = CatalogIndex.build(store.load_reference())
        for path in orders:
            outcome = ingest_file(store, path, index=index, settings=settings)
            _record_events(store, path.with_suffix(".events.json"), outcome, settings)
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            report.orders.add_message(
                path.name, _records(outcome), expected, failed=outcome.state == "failed"
            )
        for number, path in enumerate(followups, start=1):
            outcome = ingest_file(store, path, index=index, settings=settings)
            label = json.loads(path.with_suffix(".followup.json").read_text(encoding="utf-8"))
            scored = score_followup(outcome, label, followup_of(store, outcome.message_pk))
            for name in (OVERALL, label["kind"], f"link:{label.get('link_by') or 'none'}"):
                _count(report.tally(name), scored)
            report.per_file.append({"file": path.name, **scored})
            if on_progress:
                on_progress(number, len(followups))
    return report


def _record_events(store: Store, path: Path, outcome: Outcome, settings: Settings) -> None:
    """What downstream told about the message's first order. An order not accepted has no
    events (it never went downstream): they are left out, and the links they give are missed."""
    if not path.exists() or not outcome.order_ids:
        return
    from intake.api.events import EventError, OrderEventIn, record_event

    for number, event in enumerate(json.loads(path.read_text(encoding="utf-8")), start=1):
        try:
            record_event(
                store,
                outcome.order_ids[0],
                OrderEventIn.model_validate(event),
                actor="eval",
                key=f"{path.name}:{number}",
                settings=settings,
            )
        except EventError:
            return


def _records(outcome: Outcome) -> list[Record]:
    return [o.record.model_dump(mode="json") for o in outcome.result.orders] if outcome.result else []


def predicted_kind(outcome: Outcome) -> str:
    followup = outcome.result.followup if outcome.result else None
    if followup is not None and followup.kind.value in ABOUT:
        return followup.kind.value
    return "new_order" if outcome.result and outcome.result.orders else "other"


def score_followup(outcome: Outcome, label: dict[str, Any], stored: Followup | None) -> dict[str, Any]:
    """Kind, link and diff of one follow-up against its label; whether it was applied unasked."""
    kind, expected_kind = predicted_kind(outcome), label["kind"]
    followup = outcome.result.followup if outcome.result else None
    refers_to = followup.link.refers_to if followup is not None and kind in ABOUT else None
    link_right = refers_to == label.get("refers_to") if expected_kind in ABOUT else None
    diff_right = _diff_right(expected_kind, outcome, label)
    applied = (
        stored is not None
        and stored.state in ("applied", "notified", "answered")
        and stored.decided_by == "intake"
    )
    records = _records(outcome)
    wrong_orders = (
        [r for r in records if r.get("status") == "accepted"]
        if expected_kind not in ("new_order", "replacement")
        else []
    )
    right = kind == expected_kind and link_right is not False and diff_right is not False
    return {
        "kind": kind,
        "expected_kind": expected_kind,
        "refers_to": refers_to,
        "link_right": link_right,
        "diff_right": diff_right,
        "right": right,
        "auto_applied": applied,
        # Applied by the engine on a wrong kind, a wrong link or a wrong change: accepted but wrong.
        "accepted_wrong": (
            applied and (kind != expected_kind or not link_right or (kind == "change" and not diff_right))
        )
        + len(wrong_orders),
        "change": followup.change.labelled() if followup is not None and followup.change else None,
        "returned": followup.returned.model_dump(mode="json")
        if followup is not None and followup.returned
        else None,
    }


def _diff_right(kind: str, outcome: Outcome, label: dict[str, Any]) -> bool | None:
    followup = outcome.result.followup if outcome.result else None
    if kind == "change":
        got = followup.change.labelled() if followup is not None and followup.change else {}
        return got == _labelled_change(label.get("change") or {})
    if kind == "return":
        got = followup.returned if followup is not None else None
        want = label.get("return") or {}
        lines = sorted((x["sku"], float(x["quantity"])) for x in want.get("lines", []))
        return (
            got is not None
            and sorted((x.sku, x.quantity) for x in got.lines) == lines
            and ((got.reason.value if got.reason else None) == want.get("reason"))
        )
    if kind in ("replacement", "new_order"):
        expected = label.get("replacement" if kind == "replacement" else "orders") or []
        pairs = pair_orders(_records(outcome), expected)
        return bool(pairs) and all(p is not None and e is not None and order_is_right(p, e) for p, e in pairs)
    return None


def _labelled_change(change: dict[str, Any]) -> dict[str, Any]:
    """The label in the form OrderChange.labelled() writes (sorted, floats, empty keys out)."""
    out: dict[str, Any] = {}
    for key in ("add", "set_quantity"):
        if change.get(key):
            out[key] = sorted(
                ({"sku": x["sku"], "quantity": float(x["quantity"])} for x in change[key]), key=str
            )
    if change.get("remove"):
        out["remove"] = sorted(change["remove"])
    if change.get("delivery_date"):
        out["delivery_date"] = change["delivery_date"]
    return out


def _count(tally: FollowupTally, scored: dict[str, Any]) -> None:
    tally.messages += 1
    tally.kind_right += scored["kind"] == scored["expected_kind"]
    if scored["link_right"] is not None:
        tally.linked += 1
        tally.link_right += scored["link_right"]
    if scored["diff_right"] is not None:
        tally.diffs += 1
        tally.diff_right += scored["diff_right"]
    tally.exact += scored["right"]
    tally.auto_applied += scored["auto_applied"]
    tally.accepted_wrong += scored["accepted_wrong"]


COLUMNS = [
    ("messages", "msgs", "{:d}"),
    ("kind", "kind", "{:.0%}"),
    ("link", "link", "{:.0%}"),
    ("diff", "diff", "{:.0%}"),
    ("exact", "exact", "{:.0%}"),
    ("auto_applied", "auto", "{:d}"),
    ("accepted_wrong", "acc.wrong", "{:d}"),
]


def format_followups(report: FollowupReport) -> str:
    """The orders' line, then one row per kind and per way of linking, overall last."""
    figures = report.orders.figures()
    head = (
        f"orders: {figures['messages']} messages, exact {figures['exact_messages']:.0%}, "
        f"line F1 {figures['line_f1']:.1%}, accepted-but-wrong {figures['accepted_wrong']}"
    )
    names = sorted(k for k in report.tallies if k != OVERALL and not k.startswith("link:"))
    names += [*sorted(k for k in report.tallies if k.startswith("link:")), OVERALL]
    rows = [["follow-ups"] + [label for _, label, _ in COLUMNS]]
    for name in names:
        values = report.tallies[name].figures()
        rows.append([name] + [fmt.format(values[key]) for key, _, fmt in COLUMNS])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join([head, "", *lines])
