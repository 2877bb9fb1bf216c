"""Settings read from the `INTAKE_*` variables: names in any case, values given by name first,
each value checked by its field, and no heavy settings library loaded to do it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models import ConfigError, RoutingMode, read_settings
from models.settings import SmtpSecurity, environment_values
from tests.paths import ROOT


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in [n for n in os.environ if n.lower().startswith("intake_")]:
        monkeypatch.delenv(name)
    return monkeypatch


def test_variables_are_found_whatever_their_case() -> None:
    environ = {"INTAKE_SMTP_HOST": "relay.local", "intake_smtp_port": "2525", "SMTP_FROM": "x@y.fr"}
    assert environment_values(environ, ["smtp_host", "smtp_port", "smtp_from"]) == {
        "smtp_host": "relay.local",
        "smtp_port": "2525",
    }


def test_text_values_become_the_fields_types(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("INTAKE_ROUTING_MODE", "review_all")
    environ.setenv("INTAKE_NOTIFY_ENABLED", "off")
    environ.setenv("INTAKE_SMTP_TLS", "ssl")
    environ.setenv("INTAKE_MAX_PDF_PAGES", "12")
    environ.setenv("INTAKE_ROUTING_FILE", "conf/routing.toml")
    environ.setenv("INTAKE_SMTP_PASSWORD", "s3cret")
    settings = read_settings()
    assert settings.routing_mode is RoutingMode.REVIEW_ALL and settings.smtp_tls is SmtpSecurity.SSL
    assert settings.notify_enabled is False and settings.max_pdf_pages == 12
    assert settings.routing_file == Path("conf/routing.toml")
    assert settings.smtp_password is not None and settings.smtp_password.get_secret_value() == "s3cret"


def test_a_value_given_by_name_wins_over_the_environment(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("INTAKE_PRICE_TOLERANCE", "0.3")
    environ.setenv("INTAKE_CREATE_STORE", "false")
    settings = read_settings(create_store=True, unknown_option=1)
    assert settings.create_store is True and settings.price_tolerance == 0.3


def test_an_empty_variable_is_a_value_not_an_absence(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("INTAKE_SMTP_HOST", "")
    assert read_settings().smtp_host == ""
    environ.setenv("INTAKE_DUPLICATE_WINDOW_DAYS", "")
    with pytest.raises(ConfigError, match="INTAKE_DUPLICATE_WINDOW_DAYS"):
        read_settings()


def test_an_enum_is_read_by_its_value_only(environ: pytest.MonkeyPatch) -> None:
    environ.setenv("INTAKE_ROUTING_MODE", "REVIEW_ALL")
    with pytest.raises(ConfigError, match="INTAKE_ROUTING_MODE='REVIEW_ALL'"):
        read_settings()


def test_the_default_time_zone_is_checked_too(environ: pytest.MonkeyPatch) -> None:
    assert read_settings().timezone == "Europe/Paris"


def test_reading_the_settings_loads_no_settings_library() -> None:
    code = "import json, sys\nfrom models import read_settings\nread_settings()\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "models.settings" in json.loads(out.stdout)
    assert not [name for name in json.loads(out.stdout) if name.startswith("pydantic_settings")]
