"""`intake eval DIR`: score the pipeline on labelled messages."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from intake.commands import load_settings, open_store
from models.errors import IntakeError


def register(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="score the pipeline on labelled .eml files")
    ev.add_argument("folder", type=Path, metavar="DIR")
    ev.add_argument("--ref", type=Path, metavar="REF_DIR", help="folder of the reference CSVs")
    ev.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    ev.add_argument(
        "--mature",
        action="store_true",
        help="score without the first-orders hold (as a desk whose customers all have history)",
    )
    ev.add_argument(
        "--history",
        type=Path,
        metavar="FILE",
        help="the customers' past order lines (docs/history.md); default: REF_DIR/history.csv if there is one",
    )
    ev.add_argument("--show-wrong", action="store_true", help="print each wrong message's differences")
    ev.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from intake.reports.eval_report import format_report, report_json
    from intake.reports.evaluate import evaluate
    from models import pattern_cache

    pattern_cache.install()  # the patterns compiled by the last start-up, not compiled again

    settings = load_settings()
    folder: Path = args.folder
    if not folder.is_dir():
        raise IntakeError(f"{folder}: not a folder")
    ref_dir = args.ref
    if ref_dir is None and (folder.parent / "ref").is_dir():
        ref_dir = folder.parent / "ref"
    from intake.reports.followup_eval import is_followup_part

    if is_followup_part(folder):
        return _run_followups(folder, ref_dir, settings, args)
    fallback = None if ref_dir else open_store(settings)

    def show(done: int, total: int) -> None:
        if done == 1:  # started: the reading half is loaded, the next messages' patterns are theirs
            pattern_cache.save()
        if sys.stderr.isatty():
            print(f"\r  {done}/{total} messages", end="" if done < total else "\n", file=sys.stderr)

    report = evaluate(
        folder,
        ref_dir=ref_dir,
        fallback_store=fallback,
        settings=settings,
        on_progress=show,
        mature=args.mature,
        history=args.history,
    )
    for problem in report.reference_problems:
        print(f"intake: bad row: {problem}", file=sys.stderr)
    print(format_report(report))
    if args.show_wrong:
        for item in report.per_file:
            if not item["right"]:
                print(f"\n== {item['file']}" + (f" (failed: {item['error']})" if item["error"] else ""))
                print("predicted:", json.dumps(item["predicted"], ensure_ascii=False))
                print("expected: ", json.dumps(item["expected"], ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report_json(report), ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _run_followups(folder: Path, ref_dir: Path | None, settings: object, args: argparse.Namespace) -> int:
    """A part of a follow-up corpus: its orders/ first, then the part's follow-ups, scored."""
    from intake.reports.followup_eval import evaluate_followups, format_followups

    report = evaluate_followups(folder, ref_dir=ref_dir, settings=settings)  # type: ignore[arg-type]
    print(format_followups(report))
    if args.show_wrong:
        for item in report.per_file:
            if not item["right"]:
                print(json.dumps(item, ensure_ascii=False))
    if args.json:
        figures = {name: tally.figures() for name, tally in report.tallies.items()}
        data = {"orders": report.orders.figures(), "followups": figures, "files": report.per_file}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0
