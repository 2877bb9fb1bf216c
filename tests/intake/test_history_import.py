"""`intake catalog import --history`: past order lines from the ERP make a customer known and its habits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intake.cli import main
from models import HistoryRow, Store, customer_history, read_reference_csv

HISTORY = (
    "customer_id,order_date,po_number,sku,quantity,unit\n"
    "G001,2026-10-02,MB-2610-01,VIS-440-200,3,boite\n"
    "G001,2026-10-02,MB-2610-01,GAN-NIT-T9,4,boite\n"
    'G001,2026-10-20,,VIS-440-200,"2,5",\n'
    "G002,2026-10-21,D-77,RUB-MAS-25,6,rouleau\n"
    "G001,21/10/2026,X,VIS-440-200,3,boite\n"
    "G001,2026-10-22,X,,3,boite\n"
    "G001,2026-10-22,X,VIS-440-200,-2,boite\n"
)


@pytest.fixture
def history_csv(tmp_path: Path) -> Path:
    path = tmp_path / "history.csv"
    path.write_text(HISTORY, encoding="utf-8")
    return path


def test_bad_history_rows_are_reported_with_file_line_and_column(history_csv: Path) -> None:
    rows, errors = read_reference_csv(history_csv, HistoryRow)
    assert [(r.customer_id, r.order_date, r.po_number, r.sku, r.quantity) for r in rows] == [
        ("G001", dt.date(2026, 10, 2), "MB-2610-01", "VIS-440-200", 3.0),
        ("G001", dt.date(2026, 10, 2), "MB-2610-01", "GAN-NIT-T9", 4.0),
        ("G001", dt.date(2026, 10, 20), None, "VIS-440-200", 2.5),
        ("G002", dt.date(2026, 10, 21), "D-77", "RUB-MAS-25", 6.0),
    ]
    assert [str(e).split(": ")[0] for e in errors] == [
        f"{history_csv}, line 6, column 'order_date'",
        f"{history_csv}, line 7, column 'sku'",
        f"{history_csv}, line 8, column 'quantity'",
    ]


def test_a_customer_with_history_is_known_and_importing_twice_changes_nothing(
    history_csv: Path, tmp_path: Path
) -> None:
    store = Store.open(f"sqlite:///{tmp_path}/h.db")
    rows, _ = read_reference_csv(history_csv, HistoryRow)
    store.upsert_history(rows)
    store.upsert_history(rows)
    history = customer_history(store, "G001")
    assert history.accepted_count == 2  # two orders: one date and PO each
    assert sorted(history.quantities("VIS-440-200")) == [2.5, 3.0]
    assert [o.po_number for o in history.orders] == [None, "MB-2610-01"]  # most recent first
    assert customer_history(store, "G003").accepted_count == 0


def test_the_command_loads_history_alone_and_says_what_was_wrong(
    history_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path}/cli.db")
    monkeypatch.setenv("INTAKE_CREATE_STORE", "true")
    code = main(["catalog", "import", "--history", str(history_csv)])
    out, err = capsys.readouterr()
    assert code == 1 and "history lines: 4 loaded" in out and "3 bad rows skipped" in out
    assert f"{history_csv}, line 7, column 'sku'" in err
    assert main(["catalog", "import"]) == 2
