"""The command line of CONTRACT.md, run in-process on a temporary SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake.cli import main
from tests.paths import DEMO_REF, SAMPLES

CONTRACT_KEYS = [
    "message_id",
    "source",
    "status",
    "customer_id",
    "po_number",
    "order_date",
    "requested_delivery_date",
    "ship_to",
    "currency",
    "lines",
    "confidence",
]
LINE_KEYS = ["line_no", "sku", "customer_ref", "description", "quantity", "unit", "unit_price"]


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("INTAKE_DATABASE_URL", url)
    monkeypatch.setenv("INTAKE_CREATE_STORE", "true")  # each test starts on a new store
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def import_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "catalog",
        "import",
        "--products",
        str(DEMO_REF / "products.csv"),
        "--customers",
        str(DEMO_REF / "customers.csv"),
        "--customer-refs",
        str(DEMO_REF / "customer_refs.csv"),
    )
    assert code == 0, err


def test_ingesting_the_same_folder_twice_changes_nothing(capsys):
    import_demo(capsys)
    code, out, _ = run(capsys, "ingest", str(SAMPLES / "emails"))
    assert code == 0
    first = run(capsys, "export", "--format", "jsonl", "--status", "all")[1]
    code, out, _ = run(capsys, "ingest", str(SAMPLES / "emails"))
    assert code == 0
    assert "0 processed" in out and "30 already known" in out
    assert run(capsys, "export", "--format", "jsonl", "--status", "all")[1] == first


def test_export_follows_the_contract(capsys):
    import_demo(capsys)
    run(capsys, "ingest", str(SAMPLES / "emails" / "001.eml"))
    records = [
        json.loads(line)
        for line in run(capsys, "export", "--format", "jsonl", "--status", "all")[1].splitlines()
    ]
    assert records and list(records[0]) == CONTRACT_KEYS
    assert list(records[0]["lines"][0]) == LINE_KEYS
    assert isinstance(records[0]["lines"][0]["quantity"], int | float)
    code, out, _ = run(capsys, "export", "--format", "csv", "--status", "accepted")
    assert code == 0 and out.splitlines()[0].startswith("order_id,message_id,source,status")


def test_a_missing_column_names_the_file_and_the_column(tmp_path, capsys):
    products = tmp_path / "products.csv"
    products.write_text("sku,label\nA1,Thing\n", encoding="utf-8")
    code, _, err = run(capsys, "catalog", "import", "--products", str(products))
    assert code == 1
    assert str(products) in err and "'name'" in err and "missing" in err


def test_a_bad_row_is_reported_and_the_good_rows_still_load(tmp_path, capsys):
    products = tmp_path / "products.csv"
    products.write_text(
        "\ufeffsku,name,unit,unit_price,ean,stock\nA1,Thing,pce,1.5,,3\nA2,Other,pce,cheap,,\nA3,Third,pce,,,\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "catalog", "import", "--products", str(products))
    assert code == 1
    assert f"{products}, line 3, column 'unit_price'" in err
    assert "products: 2 loaded" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"\x00\x01\x02PK\x03\x04" * 50, "binary", id="binary"),
        pytest.param(b"just some words\nwith no headers at all\n", "header", id="not-an-email"),
        pytest.param(
            b"From: a@b.fr\nTo: c@d.fr\nSubject: x\nMessage-ID: <nobody@b.fr>\n\n", "no body", id="no-body"
        ),
    ],
)
def test_unreadable_messages_are_kept_with_their_reason(tmp_path, capsys, content, reason):
    import_demo(capsys)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.eml").write_bytes(content)
    (folder / "good.eml").write_bytes((SAMPLES / "emails" / "001.eml").read_bytes())
    code, out, err = run(capsys, "ingest", str(folder))
    assert code == 1
    assert "bad.eml" in err and reason in err
    assert "1 processed (1 orders)" in out
    listed = [
        json.loads(x)
        for x in run(capsys, "messages", "--state", "failed", "--format", "jsonl")[1].splitlines()
    ]
    assert len(listed) == 1 and reason in listed[0]["error"] and listed[0]["origin"].endswith("bad.eml")


def test_retry_processes_failed_messages_again(tmp_path, capsys):
    import_demo(capsys)
    (tmp_path / "bad.eml").write_bytes(b"")
    run(capsys, "ingest", str(tmp_path / "bad.eml"))
    code, out, _ = run(capsys, "retry")
    assert code == 1 and "1 still failed" in out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "xml"])
    assert stop.value.code == 2


def test_eval_prints_the_table_and_writes_json(tmp_path, capsys):
    code, out, _ = run(capsys, "eval", str(SAMPLES / "emails"), "--json", str(tmp_path / "eval.json"))
    assert code == 0
    for label in ("category", "overall", "line F1", "touchless", "acc.wrong", "nonorder"):
        assert label in out
    figures = json.loads((tmp_path / "eval.json").read_text())
    assert figures["categories"]["overall"]["messages"] == 30
    assert "calibration: orders by confidence" in out and "share exact" in out
    assert "mature (no first-orders hold)" in out
    assert sum(row["orders"] for row in figures["calibration"]) == sum(
        len(f["predicted"]) for f in figures["files"]
    )
    assert [row["mode"].startswith("mature") for row in figures["modes"]] == [False, True]


def test_eval_mature_scores_without_the_first_orders_hold(tmp_path, capsys):
    code, _, _ = run(capsys, "eval", str(SAMPLES / "emails"), "--json", str(tmp_path / "held.json"))
    code_mature, out, _ = run(
        capsys, "eval", str(SAMPLES / "emails"), "--mature", "--json", str(tmp_path / "mature.json")
    )
    assert code == code_mature == 0
    held, mature = (json.loads((tmp_path / f"{n}.json").read_text()) for n in ("held", "mature"))
    assert mature["mature"] and not held["mature"]
    touchless = [f["categories"]["overall"]["touchless"] for f in (held, mature)]
    assert touchless[0] < touchless[1]
    assert touchless[1] == mature["modes"][1]["touchless"]
    assert "mature (no first-orders hold): touchless" in out
