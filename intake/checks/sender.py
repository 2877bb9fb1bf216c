"""Is the sender who it says? Authentication-Results (RFC 8601) and look-alike domains."""

from __future__ import annotations

import ast
import re

from pydantic import BaseModel, Field

from intake.checks.context import CheckContext
from models import ReviewReason, Severity

_COMMENT = re.compile(r"\([^()]*\)")
_RESULT = re.compile(r"^\s*([A-Za-z0-9_-]+)(?:/\d+)?\s*=\s*([A-Za-z]+)")
_PROPERTY = re.compile(r"([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)")


class AuthResult(BaseModel):
    """One method's verdict: dkim=pass header.d=example.fr."""

    method: str
    result: str
    properties: dict[str, str] = Field(default_factory=dict)


def parse_authentication_results(value: str) -> list[AuthResult]:
    """The verdicts of one Authentication-Results header (authserv-id first, then methods)."""
    text = _COMMENT.sub(" ", " ".join(value.split()))
    results = []
    for chunk in text.split(";")[1:]:
        found = _RESULT.match(chunk)
        if not found:
            continue
        properties = {k.lower(): v.strip('"').lower() for k, v in _PROPERTY.findall(chunk[found.end() :])}
        results.append(AuthResult(method=found[1].lower(), result=found[2].lower(), properties=properties))
    return results


def authentication_headers(headers: dict[str, str]) -> list[str]:
    """Every Authentication-Results header, topmost first.

    A repeated header may reach us as the text of a list of values; each is
    kept apart, since only the receiving server's own verdict can be trusted.
    """
    values = [v for k, v in headers.items() if k.lower() == "authentication-results"]
    found: list[str] = []
    for value in values:
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):
            try:
                found += [str(v) for v in ast.literal_eval(text)]
                continue
            except (ValueError, SyntaxError):
                pass
        found.append(text)
    return found


def trusted_results(headers: list[str], authserv_id: str | None) -> list[AuthResult]:
    """The verdicts of the server we trust: the one named, else the topmost header's.

    Headers further down were written by servers before ours, or by the sender
    itself, and prove nothing.
    """
    chosen = [h for h in headers if _authserv_id(h) == authserv_id.lower()] if authserv_id else headers[:1]
    return [result for header in chosen for result in parse_authentication_results(header)]


def _authserv_id(header: str) -> str:
    first = _COMMENT.sub(" ", header).split(";", 1)[0].split()
    return first[0].lower() if first else ""


def _aligned(domain: str | None, sender_domain: str) -> bool:
    """Relaxed alignment (DMARC): the same domain, or one a subdomain of the other."""
    if not domain:
        return False
    return (
        domain == sender_domain
        or domain.endswith("." + sender_domain)
        or sender_domain.endswith("." + domain)
    )


def authentication_verdict(results: list[AuthResult], sender_domain: str) -> str:
    """'pass', 'fail' or 'none', DMARC first, then an aligned DKIM or SPF pass."""
    dmarc = {r.result for r in results if r.method == "dmarc"}
    if "fail" in dmarc:
        return "fail"
    if "pass" in dmarc:
        return "pass"
    for result in results:
        if result.result != "pass":
            continue
        if result.method == "dkim" and _aligned(result.properties.get("header.d"), sender_domain):
            return "pass"
        if result.method == "spf" and _aligned(_spf_domain(result), sender_domain):
            return "pass"
    if any(r.method in {"dkim", "spf"} and r.result in {"fail", "permerror"} for r in results):
        return "fail"
    return "none"


def _spf_domain(result: AuthResult) -> str | None:
    mailfrom = result.properties.get("smtp.mailfrom")
    return mailfrom.rpartition("@")[2] if mailfrom else None


# Orders with no mail sender: typed by a clerk, or posted by a system its API token vouches for.
TYPED_SOURCES = {"manual", "api"}


def check_authentication(ctx: CheckContext) -> list[ReviewReason]:
    """A sender that fails DKIM/SPF/DMARC is never taken without review."""
    if ctx.matched.order.source in TYPED_SOURCES:
        return []  # typed by a clerk or posted through the API: there is no mail sender to verify
    sender_domain = ctx.parsed.sender.domain
    headers = authentication_headers(ctx.parsed.headers)
    results = trusted_results(headers, ctx.settings.trusted_authserv_id)
    verdict = authentication_verdict(results, sender_domain) if results else "none"
    header = bool(headers)
    if verdict == "pass":
        return []
    if verdict == "fail":
        return [
            ReviewReason(
                code="sender_not_authenticated",
                message=f"the sender's domain {sender_domain} failed authentication (DKIM/SPF/DMARC): "
                "the message may be forged",
                field="sender",
            )
        ]
    required = ctx.settings.require_authentication
    return [
        ReviewReason(
            code="sender_unverified",
            message="no DKIM, SPF or DMARC pass for the sender"
            + ("" if header else " (no Authentication-Results)"),
            severity=Severity.ERROR if required else Severity.INFO,
            field="sender",
        )
    ]
