"""Is this message an order? Header rules first, then words, attachments and a trained model.

Clear header signals (Auto-Submitted, X-Autoreply, List-Unsubscribe, bulk
Precedence, delivery reports) decide alone. Otherwise each kind collects
evidence: vocabulary hits (parsers/data/classify_vocabulary.toml), the shape
of the body (quantity lines, tables), attachment names, and the spaCy textcat
probabilities. An order must have evidence of its own: a message with none
is "other", never an order by default.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models import Classification, ConfigError, MessageKind, ParsedMessage
from models.datafiles import read_toml
from parsers.classify.textcat import ask_ahead, predict
from parsers.mail.markers import load_markers
from parsers.text.thread import accepts_offer
from parsers.vocabulary.sieve import Sieve, starting
from parsers.vocabulary.thread import weighted_points

if TYPE_CHECKING:
    from spacy.language import Language

VOCABULARY_FILE = Path(__file__).parents[1] / "data" / "classify_vocabulary.toml"
MODEL_WEIGHT = 3.0
VETO_WORDS = 3.0
ORDER_EVIDENCE = 1.5  # an order needs its own wording, quantity lines or order document
NO_SIGN = "no sign of an order or another kind"
# Lines naming catalogue articles make an order of a message that says nothing else.
CATALOGUE_LINES = 2
_DOCUMENT = re.compile(r"\.(pdf|xlsx?|xlsm|ods|csv|docx?|odt)$", re.I)
_INVOICE_NAME = re.compile(r"factur|invoice|\bFA[-_ ]?\d|avoir|credit[-_ ]?note|relev[ée]", re.I)
_ORDER_NAME = re.compile(r"\bBC|\bPO\b|PO[-_ ]?\d|commande|order|bon[-_ ]de[-_ ]commande|purchase", re.I)
REPLY_SUBJECT_SHARE = 1 / 3
# A bare acceptance above a quoted quote weighs as a quote accepted in words ([thread.order] quote).
ACCEPTED_OFFER = 6.0
# A sentence of the text: its end, or an empty line.
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n[ \t]*\n")
_AUTO_HEADERS = ("x-autoreply", "x-autorespond", "x-autoresponder")
_BULK = {"bulk", "list", "junk"}

Vocabulary = dict[str, dict[str, list[tuple[re.Pattern[str], float]]]]


@lru_cache(maxsize=2)
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The [subject] and [text] tables of kind -> [(pattern, weight)], validated; [text] with the
    thread vocabulary's phrases at the weights of [thread]."""
    data = read_toml(path)
    out: Vocabulary = {}
    for section in ("subject", "text"):
        table = data.get(section)
        if not isinstance(table, dict):
            raise ConfigError(str(path), section, "missing table")
        out[section] = {
            kind: _patterns(path, f"{section}.{kind}", kind, rows) for kind, rows in table.items()
        }
    for kind, rows in weighted_points(path, data.get("thread", {})).items():
        _known_kind(path, f"thread.{kind}", kind)
        out["text"].setdefault(kind, []).extend(rows)
    return out


@lru_cache(maxsize=2)
def _sieves(path: Path = VOCABULARY_FILE) -> dict[str, Sieve]:
    """Each section's patterns of `load_vocabulary(path)`, kind after kind, to be looked for at once."""
    return {
        section: Sieve.of(pattern for rows in kinds.values() for pattern, _ in rows)
        for section, kinds in load_vocabulary(path).items()
    }


def _patterns(path: Path, key: str, kind: str, rows: object) -> list[tuple[re.Pattern[str], float]]:
    _known_kind(path, key, kind)
    if not isinstance(rows, list):
        raise ConfigError(str(path), key, "must be a list of [pattern, weight]")
    compiled = []
    for row in rows:
        if not (
            isinstance(row, list)
            and len(row) == 2
            and isinstance(row[0], str)
            and isinstance(row[1], float | int)
        ):
            raise ConfigError(str(path), key, f"bad entry {row!r}: expected [pattern, weight]")
        try:
            # Each is looked for over a whole body: tried only where a match may start.
            compiled.append((starting(re.compile(row[0], re.I)), float(row[1])))
        except re.error as exc:
            raise ConfigError(str(path), key, f"bad regular expression {row[0]!r}: {exc}") from exc
    return compiled


def _known_kind(path: Path, key: str, kind: str) -> None:
    if kind not in {k.value for k in MessageKind}:
        raise ConfigError(str(path), key, f"unknown kind {kind!r}")


def classify(parsed: ParsedMessage, *, nlp: Language | None = None) -> Classification:
    """The kind of message, with a confidence and the reasons that decided it."""
    by_header = _header_rules(parsed)
    if by_header is not None:
        return by_header
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[str]] = defaultdict(list)
    _vocabulary(parsed, scores, reasons)
    accepted = accepts_offer(parsed.text, parsed.quoted)
    if accepted is not None:
        scores[MessageKind.ORDER.value] += ACCEPTED_OFFER
        reasons["order"].append(f"accepts the offer quoted: {accepted.group(0)!r}")
    words = dict(scores)
    _structure(parsed, scores, reasons)
    _attachments(parsed, scores, reasons)
    if scores[MessageKind.AUTO_REPLY.value] >= 5.0:
        return Classification(kind=MessageKind.AUTO_REPLY, confidence=0.9, reasons=reasons["auto_reply"])
    evidence = {kind: value for kind, value in scores.items() if value > 0}
    if words.get(MessageKind.ORDER.value, 0.0) < 1.0 and not _order_documents(parsed):
        # Quantity-looking lines or an unnamed document alone do not make an order.
        evidence.pop(MessageKind.ORDER.value, None)
    for kind in _named_by_thread_only(parsed, reasons) + _ordered_apart(parsed, reasons):
        evidence.pop(kind, None)
        words.pop(kind, None)
    for kind, probability in predict(_model_text(parsed), nlp).items():
        scores[kind] += MODEL_WEIGHT * probability
        if probability > 0.5:
            reasons[kind].append(f"textcat {probability:.2f}")
    return _decide(scores, reasons, evidence, words)


def _named_by_thread_only(parsed: ParsedMessage, reasons: dict[str, list[str]]) -> list[str]:
    """The document kinds we send (an invoice, a reminder of it) that only the subject of a reply quoting
    its thread says: that subject names the message answered ('RE: Facture F-26-088'), not what the new
    text writes. A quote's thread is where orders and their refusals are written: its subject still counts."""
    if not parsed.quoted.strip() or not load_markers().is_reply_subject(parsed.subject):
        return []
    return [
        kind
        for kind, said in reasons.items()
        if kind == MessageKind.INVOICE.value and said and all(r.startswith("subject:") for r in said)
    ]


def _ordered_apart(parsed: ParsedMessage, reasons: dict[str, list[str]]) -> list[str]:
    """The invoice or payment the text speaks of ('This was paid on Monday', 'Facture réglée hier')
    when a sentence of its own, free of those words, asks for counted goods ('While I have you, please
    send us 20 x ...'): the message settles one matter and orders apart, the order is not the invoice's."""
    invoice = MessageKind.INVOICE.value
    if not reasons.get(invoice):
        return []
    vocabulary, markers = load_vocabulary()["text"], load_markers()
    for sentence in _SENTENCE.split(parsed.text[:6000]):
        asks = any(p.search(sentence) for p, _ in vocabulary.get(MessageKind.ORDER.value, []))
        if (
            asks
            and markers.quantity.search(sentence)
            and not any(p.search(sentence) for p, _ in vocabulary.get(invoice, []))
        ):
            reasons[MessageKind.ORDER.value].append(
                f"orders apart from the invoice: {sentence.strip()[:60]!r}"
            )
            return [invoice]
    return []


def classify_ahead(messages: list[ParsedMessage]) -> None:
    """The model asked at once for every message `classify` will ask it of (those whose headers
    do not decide alone), so that each `classify` then finds its answer."""
    ask_ahead([_model_text(parsed) for parsed in messages if _header_rules(parsed) is None])


def _model_text(parsed: ParsedMessage) -> str:
    return f"{parsed.subject}\n{parsed.text}"


def _header_rules(parsed: ParsedMessage) -> Classification | None:
    headers = {k.lower(): v.lower().strip() for k, v in parsed.headers.items()}
    auto = headers.get("auto-submitted", "no")
    if (
        auto not in ("", "no")
        or any(h in headers for h in _AUTO_HEADERS)
        or headers.get("precedence") == "auto_reply"
    ):
        return Classification(kind=MessageKind.AUTO_REPLY, confidence=0.99, reasons=["auto-reply header"])
    if "list-unsubscribe" in headers or headers.get("precedence") in _BULK or "list-id" in headers:
        return Classification(
            kind=MessageKind.NEWSLETTER, confidence=0.95, reasons=["bulk or list mail headers"]
        )
    ctype = headers.get("content-type", "")
    sender = parsed.sender.email.lower()
    if "multipart/report" in ctype or sender.startswith(("mailer-daemon@", "postmaster@")):
        return Classification(kind=MessageKind.OTHER, confidence=0.95, reasons=["delivery status report"])
    return None


def _vocabulary(parsed: ParsedMessage, scores: dict[str, float], reasons: dict[str, list[str]]) -> None:
    vocabulary, sieves = load_vocabulary(), _sieves()
    subject_share = REPLY_SUBJECT_SHARE if load_markers().is_reply_subject(parsed.subject) else 1.0
    for section, text in (("subject", parsed.subject), ("text", parsed.text[:6000])):
        possible = iter(sieves[section].possible(text))
        for kind, patterns in vocabulary[section].items():
            share = subject_share if section == "subject" and kind != MessageKind.ORDER.value else 1.0
            for pattern, weight in patterns:
                found = pattern.search(text) if next(possible) else None
                if found:
                    scores[kind] += weight * share
                    reasons[kind].append(f"{section}: {found.group(0)!r}")


def _structure(parsed: ParsedMessage, scores: dict[str, float], reasons: dict[str, list[str]]) -> None:
    markers = load_markers()
    lines = [line for line in parsed.text.splitlines() if markers.quantity.search(line)]
    rows = sum(
        1 for table in parsed.tables for row in table.rows if any(re.search(r"\d", c.text) for c in row)
    )
    count = min(len(lines) + rows, 6)
    if count:
        scores[MessageKind.ORDER.value] += 0.5 * count
        reasons["order"].append(f"{len(lines)} quantity line(s), {rows} table row(s) with figures")


def _order_documents(parsed: ParsedMessage) -> list[str]:
    """Attached documents named like a purchase order, or after the PO number the message writes ('PO VNB
    26-230' beside 'VNB-26-230.ods'), and not like an invoice."""
    names = [a.filename for a in parsed.attachments if _DOCUMENT.search(a.filename)]
    numbers = _po_numbers(f"{parsed.subject}\n{parsed.text[:6000]}")
    return [
        n
        for n in names
        if (_ORDER_NAME.search(n) or _named_after(n, numbers)) and not _INVOICE_NAME.search(n)
    ]


# A purchase order's number as written after its abbreviation, in capitals: 'PO VNB 26-230', 'PO: 4471'.
_PO_NUMBER = re.compile(r"\bP\.?O\.?(?:\s*(?:n°|no\.?|#|:))?\s*([A-Z0-9][A-Z0-9/ -]{2,24})")


def _po_numbers(text: str) -> list[str]:
    return [_folded(found.group(1)) for found in _PO_NUMBER.finditer(text)]


def _named_after(filename: str, numbers: list[str]) -> bool:
    """The file's name is a number the message writes as its PO's, its separators aside."""
    stem = _folded(filename.rsplit(".", 1)[0])
    return len(stem) >= 4 and any(c.isdigit() for c in stem) and any(n.startswith(stem) for n in numbers)


def _folded(text: str) -> str:
    return re.sub(r"[\W_]", "", text).lower()


def _attachments(parsed: ParsedMessage, scores: dict[str, float], reasons: dict[str, list[str]]) -> None:
    documents = [a.filename for a in parsed.attachments if _DOCUMENT.search(a.filename)]
    invoices = [name for name in documents if _INVOICE_NAME.search(name)]
    orders = [name for name in documents if name not in invoices]
    if invoices and not orders:
        scores[MessageKind.INVOICE.value] += 4.0
        reasons["invoice"].append(f"only invoice attachments: {', '.join(invoices)}")
    if orders:
        weight = 2.5 if _order_documents(parsed) else 1.0
        scores[MessageKind.ORDER.value] += weight
        reasons["order"].append(f"document attached: {', '.join(orders)}")


def _word_veto(words: dict[str, float]) -> str | None:
    """A non-order kind that the sender states outright beats quantities and the model.

    Quote requests and cancellations list articles and quantities just like
    orders do; what tells them apart is what the sender says they want.
    """
    order_words = words.get(MessageKind.ORDER.value, 0.0)
    others = [(k, v) for k, v in words.items() if k != MessageKind.ORDER.value and v >= VETO_WORDS]
    if not others:
        return None
    kind, weight = max(others, key=lambda kv: kv[1])
    return kind if weight > order_words else None


def _decide(
    scores: dict[str, float],
    reasons: dict[str, list[str]],
    evidence: dict[str, float],
    words: dict[str, float],
) -> Classification:
    """The best-scoring kind among those with evidence of their own (the model only ranks them)."""
    order = MessageKind.ORDER.value
    candidates = [k for k, v in evidence.items() if k != order or v >= ORDER_EVIDENCE]
    if not candidates:
        return Classification(kind=MessageKind.OTHER, confidence=0.5, reasons=[NO_SIGN])
    ranked = sorted(((k, scores[k]) for k in candidates), key=lambda kv: kv[1], reverse=True)
    kind, best = ranked[0]
    if kind == order:
        veto = _word_veto(words)
        if veto is not None:
            return Classification(
                kind=MessageKind(veto), confidence=0.7, reasons=["says so in words", *reasons[veto]]
            )
    runner_up = max((v for k, v in scores.items() if k != kind), default=0.0)
    confidence = round(min(0.99, max(0.3, 0.5 + 0.5 * (best - runner_up) / max(best, 1e-6))), 2)
    return Classification(kind=MessageKind(kind), confidence=confidence, reasons=reasons[kind])


def awaits_catalogue(classification: Classification) -> bool:
    """No sign of any kind was found: the catalogue may still recognise an order's lines."""
    return classification.kind == MessageKind.OTHER and classification.reasons == [NO_SIGN]


def by_catalogue(classification: Classification, named: int, total: int) -> Classification:
    """An order when most of the lines read name catalogue articles (a bare list of codes)."""
    if not awaits_catalogue(classification) or named < CATALOGUE_LINES or 2 * named < total:
        return classification
    return Classification(
        kind=MessageKind.ORDER,
        confidence=0.7,
        reasons=[f"{named} of {total} line(s) name catalogue articles"],
    )
