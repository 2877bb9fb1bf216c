"""The review UI's application: `create_app(settings, store)`.

The session key comes from `Settings.session_secret` (INTAKE_SESSION_SECRET);
when it is unset, a random key is generated once and kept in `secret_file`
(var/session_secret by default, mode 600), so sessions survive a restart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from matchers import IndexCache
from models import Settings, Store
from models.users import get_user
from review_ui import notify_routes
from review_ui.dashboard import install_template_helpers
from review_ui.errors import install_error_handlers
from review_ui.routes import assets, auth, followups, manual, queue, review
from review_ui.security import (
    DEFAULT_SECRET_FILE,
    SESSION_HOURS,
    SecurityHeaders,
    check_csrf,
    session_secret,
    session_user,
)
from review_ui.throttle import LoginThrottle

HERE = Path(__file__).parent


def create_app(
    settings: Settings, store: Store, *, secret_file: Path = DEFAULT_SECRET_FILE, host: str = "127.0.0.1"
) -> FastAPI:
    """The web app over `store`, listening on `host`; nothing here reads the environment."""
    app = FastAPI(title="Intake review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.secure_cookies = secure_cookies(settings, host)
    app.state.store = store
    app.state.index_cache = IndexCache(store)
    app.state.user_lookup = lambda user_id: get_user(store, user_id)
    app.state.login_throttle = LoginThrottle()
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.templates.env.filters["age"] = format_age
    app.state.templates.env.filters["local"] = local_time(settings.timezone)
    app.state.templates.env.filters["shown"] = shown_value
    install_template_helpers(app.state.templates)
    for module in (auth, queue, manual, review, followups, assets):  # manual before review: /orders/new
        app.include_router(module.router)
    app.include_router(notify_routes.make_router(session_user), dependencies=[Depends(check_csrf)])
    install_error_handlers(app)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(settings, secret_file),
        session_cookie="intake_session",
        max_age=SESSION_HOURS * 3600,
        same_site="strict",
        https_only=secure_cookies(settings, host),
    )
    app.add_middleware(SecurityHeaders)
    return app


def secure_cookies(settings: Settings, host: str) -> bool:
    """HTTPS-only cookies, except by default on a loopback-only UI (plain http://127.0.0.1)."""
    if settings.session_cookie_secure is not None:
        return settings.session_cookie_secure
    return host not in ("127.0.0.1", "localhost", "::1")


def local_time(zone_name: str):
    """`{{ moment|local }}`: a stored UTC time at the order desk's clock, `26/11/2026 08:15`."""
    zone = ZoneInfo(zone_name)

    def local(moment: dt.datetime | None, pattern: str = "%d/%m/%Y %H:%M") -> str:
        if moment is None:
            return ""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        return aware.astimezone(zone).strftime(pattern)

    return local


def shown_value(value: object) -> str:
    """An audited value in a few words: order lines as `VJ10110 × 3`, mappings as `key: value`."""
    if isinstance(value, list):
        return " · ".join(shown_value(item) for item in value) or "∅"
    if isinstance(value, dict):
        if "line_no" in value:
            quantity = value.get("quantity")
            amount = f" × {quantity:g}" if isinstance(quantity, int | float) else ""
            return f"{value.get('sku') or value.get('description') or '?'}{amount}"
        return ", ".join(f"{k}: {shown_value(v)}" for k, v in value.items())
    return "∅" if value is None else str(value)


def format_age(delta: dt.timedelta, lang: str = "fr") -> str:
    """`3 j 4 h` (`3 d 4 h`), `2 h 05`, `12 min`: how long an order has waited."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 0)} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes:02d}"
    days, hours = divmod(hours, 24)
    return f"{days} {'j' if lang == 'fr' else 'd'} {hours} h"
