"""What every route shares: rendering a page in the clerk's language, the catalogue index."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from matchers import CatalogIndex, IndexCache
from models import Settings, Store
from review_ui.i18n import LANGUAGES, document_failure_text, pick_language, reason_text, translator
from review_ui.security import CSRF_FIELD, csrf_token

# A row number as a path parameter: beyond a 64-bit key no row can exist, so the
# validation error handler answers 404 rather than letting the database overflow.
RecordId = Annotated[int, Path(ge=0, le=2**63 - 1)]


def language(request: Request) -> str:
    return pick_language(request.session.get("lang"))


def render(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """A page from templates/, with the translator, the user and the CSRF token in reach."""
    lang = language(request)
    t = translator(lang)
    templates: Jinja2Templates = request.app.state.templates
    base = {
        "t": t,
        "reason_text": lambda reason: reason_text(t, reason),
        "document_failure_text": lambda stored: document_failure_text(t, stored),
        "lang": lang,
        "languages": LANGUAGES,
        "csrf_field": CSRF_FIELD,
        "csrf": csrf_token(request),
        "me": request.session.get("user"),
        "my_role": request.session.get("role"),
    }
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status)


def catalog(request: Request) -> CatalogIndex:
    cache: IndexCache = request.app.state.index_cache
    return cache.get()


def store_of(request: Request) -> Store:
    """The app's store (`app.state.store`, set once by create_app)."""
    return request.app.state.store


def settings_from_app(request: Request) -> Settings:
    return request.app.state.settings


def actor_name(user: Any) -> str:
    """The audit trail's name for whatever the auth dependency returns."""
    for attribute in ("username", "name"):
        value = getattr(user, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(user) if user else "unknown"
