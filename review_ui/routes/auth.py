"""Signing in and out, and the interface language."""

from __future__ import annotations

import math

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from review_ui.i18n import LANGUAGES, translator
from review_ui.security import check_csrf, sign_in
from review_ui.throttle import LoginThrottle
from review_ui.users import authenticate, end_sessions, record_failed_login
from review_ui.web import language, render, store_of

router = APIRouter(dependencies=[Depends(check_csrf)])


@router.get("/login")
def login_page(request: Request) -> Response:
    if request.session.get("uid"):
        return RedirectResponse("/", status_code=303)
    return render(request, "login.html", {"error": None, "username": "", "plain_http": plain_http(request)})


LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def plain_http(request: Request) -> bool:
    """Secure cookies asked over plain http: the browser drops the session and every sign-in fails.

    Browsers keep secure cookies on http://127.0.0.1 and http://localhost (trusted origins).
    """
    insecure = request.url.scheme != "https" and request.url.hostname not in LOOPBACK
    return bool(request.app.state.secure_cookies) and insecure


@router.post("/login")
def login(request: Request, username: str = Form(""), password: str = Form("")) -> Response:
    t = translator(language(request))
    throttle: LoginThrottle = request.app.state.login_throttle
    address = request.client.host if request.client else "?"
    wait = throttle.wait(username)
    if wait > 0:
        error = t("login.throttled", seconds=math.ceil(wait))
        context = {"error": error, "username": username, "plain_http": plain_http(request)}
        return render(request, "login.html", context, status=429)
    user = authenticate(store_of(request), username, password)
    if user is None or user.id is None:
        count = throttle.failed(username)
        record_failed_login(store_of(request), username, address, count)
        context = {"error": t("login.wrong"), "username": username, "plain_http": plain_http(request)}
        return render(request, "login.html", context, status=401)
    throttle.succeeded(username)
    sign_in(request, user, request.session.get("lang") or user.language)
    return RedirectResponse("/", status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    """Ends the session on the server too: a copy of the cookie is refused from now on."""
    user_id = request.session.get("uid")
    if user_id:
        end_sessions(store_of(request), int(user_id))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.post("/language")
def set_language(request: Request, lang: str = Form(...), back: str = Form("/")) -> Response:
    if lang in LANGUAGES:
        request.session["lang"] = lang
    # Only a local path: never redirect to another site.
    target = back if back.startswith("/") and not back.startswith("//") else "/"
    return RedirectResponse(target, status_code=303)
