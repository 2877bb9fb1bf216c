"""The interface's words in French and English, from messages/*.json (French by default)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

from models import ConfigError
from models.document_reasons import read_reason

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
MESSAGES = Path(__file__).parent / "messages"


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every language's messages; the languages must define the same keys."""
    loaded = {}
    for language in LANGUAGES:
        path = MESSAGES / f"{language}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise ConfigError(str(path), "*", "a flat JSON object of strings is expected")
        loaded[language] = data
    reference = set(loaded[DEFAULT_LANGUAGE])
    for language, data in loaded.items():
        missing = reference.symmetric_difference(data)
        if missing:
            raise ConfigError(str(MESSAGES / f"{language}.json"), sorted(missing)[0], "not in every language")
    return loaded


def pick_language(wanted: str | None) -> str:
    return wanted if wanted in LANGUAGES else DEFAULT_LANGUAGE


def translator(language: str) -> Callable[..., str]:
    """`t(key, **values)`: the message in `language`; the key itself when unknown."""
    messages = catalogue()[pick_language(language)]

    def t(key: str, **values: object) -> str:
        text = messages.get(key)
        if text is None:
            return key
        return text.format(**values) if values else text

    return t


def reason_text(t: Callable[..., str], reason: dict) -> str:
    """A review reason in the clerk's language; the engine's own words when the code is new."""
    key = f"reason.{reason.get('code', '')}"
    text = t(
        key,
        line=reason.get("line_no") or "",
        value=reason.get("message") or "",
        quoted=reason.get("quoted") or reason.get("message") or "",
    )
    return text if text != key else str(reason.get("message") or reason.get("code"))


def document_failure_text(t: Callable[..., str], stored: str) -> str:
    """Why a document could not be read, in the clerk's language; as stored when not in the table."""
    found = read_reason(stored)
    if found is None:
        return stored
    code, values = found
    key = f"document.{code}"
    text = t(key, **values)
    return text if text != key else stored
