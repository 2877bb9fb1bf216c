"""Mail templates: Jinja2 text files the company may override.

A template renders to a `Subject:` line, a blank line, then the body. The
company's folder (`Settings.notify_templates_dir`) is searched before the
built-in templates, so one file can be replaced without copying the others.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from intake.notify.errors import TemplateError

BUILTIN = Path(__file__).parent / "templates"
LANGUAGES = ("fr", "en")

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


class RenderedMail(BaseModel):
    subject: str
    body: str


def mail_language(language: str | None) -> str:
    """The template language for a customer's language code: French unless English."""
    code = (language or "fr").strip().lower()[:2]
    return code if code in LANGUAGES else "fr"


def format_date(value: dt.date | None, language: str) -> str:
    if value is None:
        return ""
    return f"{value.day} {MONTHS[mail_language(language)][value.month - 1]} {value.year}"


def format_quantity(value: float | None, language: str) -> str:
    if value is None:
        return "?"
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if language == "fr" else text


class CompanyFirst(jinja2.BaseLoader):
    """The company's folder first, then the built-in files.

    A compiled template is kept while it is up to date: its file unchanged, and which
    folder answers the name unchanged too (a company file added, or removed, beside a
    built-in one is taken at the next mail, as an edit is)."""

    def __init__(self, company_dir: Path | None) -> None:
        self.folders = [d for d in (company_dir, BUILTIN) if d is not None]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.is_file():
                break
        else:
            raise jinja2.TemplateNotFound(template)
        source = path.read_text(encoding="utf-8")
        stamp = self._stamp(pieces)

        def uptodate() -> bool:
            return self._stamp(pieces) == stamp

        return source, str(path), uptodate

    def _stamp(self, pieces: list[str]) -> tuple[int | None, ...]:
        """Each folder's file of that name: its modification time, None when absent."""
        stamps: list[int | None] = []
        for folder in self.folders:
            try:
                stamps.append(os.stat(folder.joinpath(*pieces)).st_mtime_ns)
            except OSError:
                stamps.append(None)
        return tuple(stamps)


@functools.lru_cache(maxsize=8)
def make_environment(company_dir: Path | None) -> SandboxedEnvironment:
    """The template environment, one per company folder: its compiled templates are kept
    (compiling one costs more than rendering a mail)."""
    # Sandboxed: templates are edited by the company, and must not reach Python internals.
    env = SandboxedEnvironment(
        loader=CompanyFirst(company_dir),
        undefined=jinja2.StrictUndefined,  # a misspelt variable is an error, not a blank
        autoescape=False,  # plain-text mail
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    env.filters["qty"] = format_quantity
    return env


def render(name: str, context: dict[str, Any], *, company_dir: Path | None) -> RenderedMail:
    """Render template `name` into a subject and a body."""
    env = make_environment(company_dir)
    try:
        text = env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(name, "not found in the company folder nor the built-in templates") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(name, str(exc)) from exc
    return split_subject(name, text)


def split_subject(name: str, text: str) -> RenderedMail:
    head, _, body = text.lstrip("\n").partition("\n")
    if not head.lower().startswith("subject:"):
        raise TemplateError(name, "the first line must be 'Subject: ...'")
    subject = " ".join(head.split(":", 1)[1].split())
    if not subject:
        raise TemplateError(name, "the subject line is empty")
    return RenderedMail(subject=subject, body=body.lstrip("\n").rstrip() + "\n")
