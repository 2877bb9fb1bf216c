"""Pick the body that carries the order (plain or HTML) and split it into its parts."""

from __future__ import annotations

import re

from models import ParsedMessage
from parsers.mail.addresses import first_address, parse_date
from parsers.mail.decoding import header_text
from parsers.mail.forwards import named_sender
from parsers.mail.html import HtmlBody, html_to_text
from parsers.mail.markers import load_markers
from parsers.mail.parts import Parts
from parsers.mail.quotes import split_reply

_NUMBER = re.compile(r"\d")
_EN_WORDS = re.compile(
    r"\b(the|and|please|order|we|would|thanks|regards|you|for|with|of|need|attached)\b", re.I
)
_FR_WORDS = re.compile(
    r"\b(le|la|les|et|de|des|pour|nous|vous|merci|commande|bonjour|une?|avec|livraison)\b", re.I
)


def compose_body(parsed: ParsedMessage, parts: Parts) -> ParsedMessage:
    """Fill text, text_part, html, tables, quoted, signature and forward fields."""
    plain = _normalise("\n\n".join(p for p in parts.plain if p.strip()))
    html_source = "\n".join(parts.html) if parts.html else None
    rendered = _render_html(html_source, parsed)
    text, text_part = _choose(plain, rendered)
    from_nested = bool(parts.nested) and (not text.strip() or _hands_over(parsed.subject, text))
    if from_nested and not text.strip():
        text, text_part = _nested_text(parts), "body"
    elif from_nested:
        # "TR: ..." with the chef's message attached: the forwarder's words, then the original.
        text = f"{text.rstrip()}\n\n{_nested_text(parts)}"
    split = split_reply(text, parsed.subject)
    parsed.text, parsed.text_part = split.text, text_part
    parsed.html = html_source
    parsed.quoted, parsed.signature = split.quoted, split.signature
    parsed.inline_answers = split.inline_answers
    parsed.forwarded_sender, parsed.forwarded_date = split.forwarded_sender, split.forwarded_date
    forwarding = from_nested or load_markers().is_forward_subject(parsed.subject)
    if parts.nested and parsed.forwarded_sender is None and forwarding:
        _forward_from_nested(parsed, parts)
    if parsed.forwarded_sender is None:
        parsed.forwarded_sender = named_sender(parsed.text, parsed.sender, parsed.to)
    parsed.tables = _current_tables(rendered, parsed.subject) if rendered else []
    parsed.language = detect_language(f"{parsed.subject}\n{parsed.text}")
    return parsed


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")


def _render_html(html: str | None, parsed: ParsedMessage) -> HtmlBody | None:
    if not html or not html.strip():
        return None
    try:
        return html_to_text(html)
    except Exception as exc:  # a broken HTML part must not lose the message
        parsed.defects.append(f"text/html part: unreadable ({type(exc).__name__}: {exc})")
        return None


def _choose(plain: str, rendered: HtmlBody | None) -> tuple[str, str]:
    """Plain text unless it is empty, a stub, or lacks the figures of the HTML tables."""
    if rendered is None or not rendered.text.strip():
        return plain, "body"
    if not plain.strip():
        return rendered.text, "html"
    if len(plain.strip()) < 0.25 * len(rendered.text.strip()) and len(rendered.text) > 200:
        return rendered.text, "html"
    figures = [
        cell.text
        for table in rendered.tables
        for row in table.rows
        for cell in row
        if _NUMBER.search(cell.text)
    ]
    squashed = re.sub(r"\s+", "", plain)
    missing = [f for f in figures if re.sub(r"\s+", "", f) not in squashed]
    if figures and len(missing) > len(figures) / 2:
        return rendered.text, "html"
    return plain, "body"


def _current_tables(rendered: HtmlBody, subject: str) -> list:
    """The HTML tables above the quoted history (tables inside quotes are history)."""
    cut = split_reply(rendered.text, subject).cut
    if cut is None:
        return rendered.tables
    return [t for t, start in zip(rendered.tables, rendered.table_offsets, strict=True) if start < cut]


def _hands_over(subject: str, text: str) -> bool:
    """Does the message hand over the one it carries (a forward, or 'see the attached message')?"""
    markers = load_markers()
    return bool(markers.forward_subject.match(subject) or markers.see_attached.search(text))


def _nested_text(parts: Parts) -> str:
    """A message forwarded as an attachment, written out as an inline forward."""
    chunks = []
    for message, sub in parts.nested:
        body = "\n\n".join(p for p in sub.plain if p.strip())
        if not body.strip() and sub.html:
            body = html_to_text("\n".join(sub.html)).text
        chunks.append(
            "---------- Forwarded message ---------\n"
            f"From: {header_text(message.get('From'))}\n"
            f"Date: {header_text(message.get('Date'))}\n"
            f"Subject: {header_text(message.get('Subject'))}\n\n{_normalise(body)}"
        )
    return "\n\n".join(chunks)


def _forward_from_nested(parsed: ParsedMessage, parts: Parts) -> None:
    message = parts.nested[0][0]
    sender = first_address(header_text(message.get("From")))
    if sender.email:
        parsed.forwarded_sender = sender
        parsed.forwarded_date = parse_date(header_text(message.get("Date")))


def detect_language(text: str) -> str:
    """ "fr" or "en", by counting common words (French when in doubt)."""
    sample = text[:4000]
    return "en" if len(_EN_WORDS.findall(sample)) > 1.3 * len(_FR_WORDS.findall(sample)) + 1 else "fr"
