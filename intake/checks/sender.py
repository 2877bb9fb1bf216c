"""Is the sender who it says? Authentication-Results (RFC 8601) and look-alike domains."""

from __future__ import annotations

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


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((v for k, v in headers.items() if k.lower() == name), None)


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
    by_method = {r.method: r for r in results}
    dmarc = by_method.get("dmarc")
    if dmarc is not None and dmarc.result in {"pass", "fail"}:
        return dmarc.result
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


def check_authentication(ctx: CheckContext) -> list[ReviewReason]:
    """A sender that fails DKIM/SPF/DMARC is never taken without review."""
    sender_domain = ctx.parsed.sender.domain
    header = _header(ctx.parsed.headers, "authentication-results")
    verdict = (
        authentication_verdict(parse_authentication_results(header), sender_domain) if header else "none"
    )
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
