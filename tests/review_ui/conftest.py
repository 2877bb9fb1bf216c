"""Review UI fixtures: a store with the sample emails ingested, users, a live server, Chromium."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bench.services import free_port
from intake.ingest import ingest_file
from matchers import CatalogIndex
from models import Settings, Store, load_reference_dir
from models.users import add_user
from review_ui import create_app
from tests.paths import DEMO_REF, ROOT
from tests.review_ui.clerk import PASSWORDS

DEMO_EMAILS = ROOT / "demo" / "emails"

SCREENSHOTS = ROOT / "test-output"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Debian's Chromium, never a downloaded browser."""
    return {"executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture
def ui_settings(settings: Settings) -> Settings:
    # Secure cookies even on loopback: Chromium accepts them on 127.0.0.1, as it must.
    return settings.model_copy(
        update={"session_secret": "test-secret-" + "x" * 40, "session_cookie_secure": True}
    )


def ingest_samples(store: Store, settings: Settings) -> None:
    index = CatalogIndex.build(store.load_reference())
    for path in sorted(DEMO_EMAILS.glob("*.eml")):
        ingest_file(store, path, index=index, settings=settings)


@pytest.fixture(scope="session")
def review_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the demo reference data, the demo emails (the public samples) ingested
    and two users, built once; each test gets its own copy."""
    folder = tmp_path_factory.mktemp("review-template")
    settings = Settings(database_url=f"sqlite:///{folder}/intake.db", drop_folder=folder / "inbox")
    store = Store.open(settings.database_url)
    load_reference_dir(store, DEMO_REF)
    ingest_samples(store, settings)
    add_user(store, "alice", PASSWORDS["alice"], role="clerk")
    add_user(store, "bob", PASSWORDS["bob"], role="admin", language="en")
    store.engine.dispose()  # checkpoints the WAL into the file
    return folder / "intake.db"


@pytest.fixture
def review_store(review_template: Path, ui_settings: Settings) -> Store:
    """This test's own copy of the template store."""
    target = Path(ui_settings.database_url.removeprefix("sqlite:///"))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(review_template, target)
    return Store.open(ui_settings.database_url)


@pytest.fixture
def client(review_store: Store, ui_settings: Settings, tmp_path: Path):
    """The app in-process (no browser), over https so the secure cookie is kept."""
    from fastapi.testclient import TestClient

    app = create_app(ui_settings, review_store, secret_file=tmp_path / "secret")
    return TestClient(app, base_url="https://testserver", follow_redirects=False)


@pytest.fixture
def live_server(review_store: Store, ui_settings: Settings, tmp_path: Path) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free loopback port; stopped after the test."""
    app = create_app(ui_settings, review_store, secret_file=tmp_path / "secret")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the review UI did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def shots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
