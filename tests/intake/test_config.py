"""The daemon's config file: a mistake names the file and the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.daemon.config import Auth, Security, dotted, load_config, read_secret
from models import ConfigError, MailboxError

GOOD = """\
database_url = "sqlite:///var/x.db"
[timing]
poll_seconds = 10
[[accounts]]
name = "orders"
host = "imap.example.com"
security = "starttls"
user = "orders@example.com"
password_env = "INTAKE_TEST_PW"
folders = ["INBOX", "Commandes"]
processed_folder = "Processed"
[[accounts]]
name = "m365"
host = "outlook.office365.com"
user = "orders@example.onmicrosoft.com"
auth = "xoauth2"
oauth2_token_command = "printf tok-123"
[[drop_folders]]
path = "inbox"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "intake.toml"
    path.write_text(text)
    return path


def test_a_good_file_loads_with_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_TEST_PW", "s3cret")
    config = load_config(write(tmp_path, GOOD))
    orders, m365 = config.accounts
    assert (orders.security, orders.effective_port, orders.failed_folder) == (Security.STARTTLS, 143, None)
    assert (m365.security, m365.effective_port, m365.auth) == (Security.TLS, 993, Auth.XOAUTH2)
    assert config.drop_folders[0].path == tmp_path / "inbox"
    assert config.timing.poll_seconds == 10 and config.timing.idle_seconds < 29 * 60
    assert read_secret(orders) == "s3cret"
    assert read_secret(m365) == "tok-123"


@pytest.mark.parametrize(
    ("edit", "key", "reason"),
    [
        (("port", 'port = 99999\nname = "orders"'), "accounts[0].port", "less than 65536"),
        (
            ('security = "starttls"', 'security = "ssl"'),
            "accounts[0].security",
            "'tls', 'starttls' or 'plain'",
        ),
        (('host = "imap.example.com"\n', ""), "accounts[0].host", "Field required"),
        (
            ("[timing]\n", "[timing]\nidle_seconds = 1800\n"),
            "timing.idle_seconds",
            "less than or equal to 1740",
        ),
        (
            ("[timing]\n", "[timing]\nidel_seconds = 60\n"),
            "timing.idel_seconds",
            "Extra inputs are not permitted",
        ),
        (('name = "m365"', 'name = "orders"'), "(top level)", "account names must be unique: orders"),
        (
            ('password_env = "INTAKE_TEST_PW"\n', ""),
            "accounts[0]",
            "exactly one of password_env and password_file",
        ),
        (('oauth2_token_command = "printf tok-123"\n', ""), "accounts[1]", "needs oauth2_token_command"),
        (('processed_folder = "Processed"', 'processed_folder = "INBOX"'), "accounts[0]", "both watched"),
        (("[timing]", "[timing"), "(syntax)", "line 2"),
    ],
    ids=[
        "port",
        "security",
        "missing-host",
        "idle-limit",
        "typo",
        "duplicate",
        "no-password",
        "no-token",
        "loop",
        "toml",
    ],
)
def test_a_mistake_names_the_file_and_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: tuple[str, str], key: str, reason: str
) -> None:
    monkeypatch.setenv("INTAKE_TEST_PW", "s3cret")
    text = GOOD.replace("port", "") if edit[0] == "port" else GOOD
    text = text.replace('name = "orders"', edit[1], 1) if edit[0] == "port" else text.replace(*edit, 1)
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.source == str(path)
    assert caught.value.key == key
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: {key}: ")


def test_a_missing_password_variable_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTAKE_TEST_PW", raising=False)
    with pytest.raises(
        ConfigError, match=r"accounts\[0\]\.password_env: environment variable INTAKE_TEST_PW"
    ):
        load_config(write(tmp_path, GOOD))


def test_an_unreadable_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_config(tmp_path / "absent.toml")


def test_a_failing_token_command_is_a_mailbox_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_TEST_PW", "s3cret")
    config = load_config(write(tmp_path, GOOD.replace("printf tok-123", "sh -c 'echo expired >&2; exit 3'")))
    with pytest.raises(MailboxError, match="mailbox m365: oauth2_token_command failed: expired"):
        read_secret(config.accounts[1])


@pytest.mark.parametrize(
    ("loc", "text"),
    [(("accounts", 0, "port"), "accounts[0].port"), (("timing",), "timing"), ((), "")],
    ids=["nested", "flat", "empty"],
)
def test_dotted_keys(loc: tuple, text: str) -> None:
    assert dotted(loc) == text


def test_the_example_file_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_ORDERS_PASSWORD", "x")
    example = Path(__file__).resolve().parents[2] / "demo" / "intake.example.toml"
    config = load_config(example)
    assert [a.name for a in config.accounts] == ["orders", "m365"]
    assert config.accounts[1].folders == ["INBOX", "Commandes"]
