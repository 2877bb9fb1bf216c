"""What every route shares: rendering a page in the clerk's language, the catalogue index."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from matchers import CatalogIndex
from models import Store
from review_ui.i18n import LANGUAGES, pick_language, reason_text, translator
from review_ui.security import CSRF_FIELD, csrf_token

INDEX_SECONDS = 60.0
# A row number as a path parameter: beyond a 64-bit key no row can exist, so the
# validation error handler answers 404 rather than letting the database overflow.
RecordId = Annotated[int, Path(ge=0, le=2**63 - 1)]


@dataclass
class IndexCache:
    """The catalogue index, rebuilt at most once a minute (the daemon may import meanwhile)."""

    store: Store
    built_at: float = 0.0
    index: CatalogIndex = field(default_factory=CatalogIndex)

    def get(self) -> CatalogIndex:
        if time.monotonic() - self.built_at > INDEX_SECONDS:
            self.index = CatalogIndex.build(self.store.load_reference())
            self.built_at = time.monotonic()
        return self.index


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
    return request.app.state.store
