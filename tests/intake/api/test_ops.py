"""Operations: /healthz, /readyz, Prometheus metrics, JSON logs."""

from __future__ import annotations

import json
import logging
import re

from fastapi.testclient import TestClient

from intake.api import create_api
from intake.jsonlog import JsonFormatter
from models import Store, make_engine
from tests.intake.api.harness import Api

# One sample line of Prometheus' text format: name{label="value",...} number
SAMPLE = re.compile(r'^[a-z_]+\{([a-z_]+="(?:[^"\\]|\\.)*",?)*\} -?[0-9.e+]+$')


def samples(text: str) -> dict[str, float]:
    found = {}
    for line in text.splitlines():
        if line.startswith("#"):
            assert re.match(r"^# (HELP|TYPE) [a-z_]+ ", line), line
            continue
        assert SAMPLE.match(line), line
        key, value = line.rsplit(" ", 1)
        found[key] = float(value)
    return found


def test_health_and_readiness_need_no_token(api: Api):
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    assert ready.json()["schema"] == api.client.get("/readyz").json()["schema"]


def test_not_ready_while_the_store_cannot_be_reached(api: Api):
    unreachable = Store(make_engine("postgresql+psycopg://intake@127.0.0.1:9/intake?connect_timeout=2"))
    client = TestClient(create_api(api.settings, unreachable))
    assert client.get("/healthz").status_code == 200
    answer = client.get("/readyz")
    assert answer.status_code == 503 and answer.json()["status"] == "unavailable" and answer.json()["detail"]


def test_metrics_count_messages_orders_queues_and_time_the_stages(api: Api, ingested: int):
    answer = api.client.get("/metrics")
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    found = samples(answer.text)
    assert found['intake_messages{state="processed"}'] == 1
    assert found['intake_orders{status="accepted"}'] == 1
    assert found['intake_queue_depth{queue="outbox"}'] == 1  # the acknowledgement waits to be sent
    assert found['intake_queue_depth{queue="review"}'] == 0
    assert found['intake_stage_latency_seconds{stage="received_to_processed",quantile="0.95"}'] >= 0
    assert "# TYPE intake_stage_latency_seconds summary" in answer.text


def test_each_request_is_logged_with_its_fields(api: Api, caplog):
    with caplog.at_level(logging.INFO, logger="intake.api.access"):
        api.client.get("/orders", headers=api.read)
    (record,) = [r for r in caplog.records if r.name == "intake.api.access"]
    line = json.loads(JsonFormatter().format(record))
    assert line["http"]["path"] == "/orders" and line["http"]["status"] == 200
    assert line["level"] == "info" and line["message"] == "GET /orders 200"
    assert line["http"]["duration_ms"] >= 0


def test_json_logs_keep_the_exception(caplog):
    try:
        raise ValueError("bad row 3")
    except ValueError:
        logging.getLogger("intake.test").exception("import failed", extra={"file": "products.csv"})
    line = json.loads(JsonFormatter().format(caplog.records[-1]))
    assert line["file"] == "products.csv" and "ValueError: bad row 3" in line["exception"]
