"""What a message that may follow an order says it is: a change, a cancellation, a return...

The order classifier (signals.py) decides order or not; this one reads the
words that tell a follow-up apart (parsers/data/followup_vocabulary.toml) in
the subject and the sender's own text. The quoted history of a reply is left
out: the original order under "please add 2 boxes" must not read as a new one.
A message the order classifier takes for an order stays a new order unless it
also points to an earlier order (a thread, a reply or forward, "my order of
yesterday", a PO number): an order that says "add" or "instead of" is still an order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models import ConfigError, ParsedMessage
from models.datafiles import read_toml
from models.followups import FollowupKind, FollowupSign, ReturnReason
from parsers.classify.followup_model import predict_followup
from parsers.mail.markers import load_markers
from parsers.text.thread import points_to_thread, quotes_an_offer
from parsers.vocabulary.sieve import Sieve, starting
from parsers.vocabulary.thread import weighted_points

if TYPE_CHECKING:
    from spacy.language import Language

VOCABULARY_FILE = Path(__file__).parents[1] / "data" / "followup_vocabulary.toml"
# Order numbers a follow-up writes: a token with three digits or more ("4512", "KBS-PO-20931").
_TOKEN = re.compile(r"[A-Za-z0-9](?:[\w/.-]*[A-Za-z0-9])?")
REFERENCE_DIGITS = 3
_THREAD_HEADERS = ("in-reply-to", "references")
# The trained model (followup_model.py) is asked only where the rules are unsure: no kind's
# words reach the threshold (their answer would be the fallback, order or other). Each kind
# then scores its rule weight + MODEL_WEIGHT x the model's probability; the best wins when the
# model gives it AGREE or more (a majority). A message the order classifier reads as an order
# is not asked: it stays a new order, so orders are read as before. Two kinds over the
# threshold stay the rules' call (precedence): the model reads a replacement's list as an order.
MODEL_WEIGHT = 3.0
AGREE = 0.5


@dataclass(frozen=True)
class FollowupVocabulary:
    threshold: float
    precedence: tuple[FollowupKind, ...]
    kinds: dict[FollowupKind, list[tuple[re.Pattern[str], float]]]
    earlier: list[re.Pattern[str]]
    reasons: list[tuple[ReturnReason, re.Pattern[str]]]

    @cached_property
    def sieve(self) -> Sieve:
        """The kinds' patterns, kind after kind, to be looked for at once."""
        return Sieve.of(pattern for rows in self.kinds.values() for pattern, _ in rows)


@lru_cache(maxsize=2)
def load_followup_vocabulary(path: Path = VOCABULARY_FILE) -> FollowupVocabulary:
    data = read_toml(path)
    try:
        kinds = {
            FollowupKind(kind): [(_compile(path, kind, p), float(w)) for p, w in rows]
            for kind, rows in data["kinds"].items()
        }
        for kind, rows in weighted_points(path, data.get("thread", {})).items():
            kinds.setdefault(FollowupKind(kind), []).extend(rows)
        return FollowupVocabulary(
            threshold=float(data["threshold"]),
            precedence=tuple(FollowupKind(k) for k in data["precedence"]),
            kinds=kinds,
            earlier=[_compile(path, "earlier", p) for p in data["earlier"]],
            reasons=[(ReturnReason(k), _compile(path, k, p)) for k, p in data["return_reasons"].items()],
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(
            str(path), str(exc), "expected threshold, precedence, earlier, kinds, return_reasons"
        ) from exc


def _compile(path: Path, key: str, pattern: str) -> re.Pattern[str]:
    try:
        # Each is looked for over a whole body: tried only where a match may start.
        return starting(re.compile(pattern, re.I))
    except re.error as exc:
        raise ConfigError(str(path), key, f"bad regular expression {pattern!r}: {exc}") from exc


def followup_text(parsed: ParsedMessage) -> str:
    """What a follow-up is read from: the subject and the sender's own text (no quoted history)."""
    return f"{parsed.subject}\n{parsed.text[:6000]}"


def followup_sign(
    parsed: ParsedMessage,
    *,
    is_order: bool,
    vocabulary: FollowupVocabulary | None = None,
    nlp: Language | None = None,
    use_model: bool = True,
) -> FollowupSign:
    """The follow-up kind the message's words say; `is_order` is the order classifier's verdict.

    `nlp` is a follow-up model to ask instead of the shipped one; `use_model=False` reads the
    rules alone (to measure what the model adds)."""
    vocabulary = vocabulary or load_followup_vocabulary()
    text = followup_text(parsed)
    scores, reasons = _scores(text, vocabulary)
    if points_to_thread(parsed.text, parsed.quoted):
        # "Comme d'habitude, mais 3 colis au lieu de 2", "bon pour accord sur le devis sauf ...": the
        # words of change beside the pointer change the thread's lines (the thread reader reads them).
        scores.pop(FollowupKind.CHANGE, None)
    references = written_references(text)
    kind = _best(scores, vocabulary)
    by_model = False
    if use_model and kind is None and not is_order:
        ranked = _with_model(text, scores, reasons, nlp)
        by_model = ranked is not None and ranked != kind
        kind = ranked or kind
        if kind == FollowupKind.OTHER:
            return FollowupSign(kind=kind, reasons=reasons[kind], references=references)
    if kind == FollowupKind.NEW_ORDER:  # "nouvelle commande" in an old order's thread says so
        confidence = 0.6 if by_model else 0.9  # the model's word alone makes no order of a message
        return FollowupSign(kind=kind, confidence=confidence, reasons=reasons[kind], references=references)
    if kind is None:
        fallback = FollowupKind.NEW_ORDER if is_order else FollowupKind.OTHER
        return FollowupSign(
            kind=fallback, reasons=reasons.get(FollowupKind.NEW_ORDER, []), references=references
        )
    # An order's words may ask a change of its own lines; a question, a cancellation or a
    # return is about an order taken, settled once the store is asked (intake.pipeline).
    tentative = is_order and not _points_to_earlier(parsed, text, vocabulary)
    if tentative and kind == FollowupKind.CHANGE and not references:
        return FollowupSign(kind=FollowupKind.NEW_ORDER, reasons=["no earlier order named"])
    best = scores[kind]
    runner_up = max((v for k, v in scores.items() if k != kind), default=0.0)
    return FollowupSign(
        kind=kind,
        confidence=round(min(0.99, 0.5 + 0.5 * (best - runner_up) / best), 2),
        reasons=reasons[kind],
        references=references,
        return_reason=return_reason(text, vocabulary) if kind == FollowupKind.RETURN else None,
        tentative=tentative,
        by_model=by_model,
    )


def _scores(
    text: str, vocabulary: FollowupVocabulary
) -> tuple[dict[FollowupKind, float], dict[FollowupKind, list[str]]]:
    scores: dict[FollowupKind, float] = {}
    reasons: dict[FollowupKind, list[str]] = {}
    possible = iter(vocabulary.sieve.possible(text))
    for kind, patterns in vocabulary.kinds.items():
        for pattern, weight in patterns:
            found = pattern.search(text) if next(possible) else None
            if found:
                scores[kind] = scores.get(kind, 0.0) + weight
                reasons.setdefault(kind, []).append(repr(found.group(0)))
    return scores, reasons


def _with_model(
    text: str,
    scores: dict[FollowupKind, float],
    reasons: dict[FollowupKind, list[str]],
    nlp: Language | None,
) -> FollowupKind | None:
    """The kinds ranked with the model's probabilities (None: the model is not sure either);
    `scores` and `reasons` take its part."""
    probabilities = predict_followup(text, nlp)
    combined = {k: scores.get(k, 0.0) + MODEL_WEIGHT * p for k, p in probabilities.items()}
    best = max(combined, key=lambda k: combined[k])
    if probabilities[best] < AGREE:
        return None
    reasons.setdefault(best, []).append(f"follow-up model {probabilities[best]:.2f}")
    scores.update(combined)
    return best


def _best(scores: dict[FollowupKind, float], vocabulary: FollowupVocabulary) -> FollowupKind | None:
    """The heaviest kind over the threshold; at equal weight the more specific one (precedence)."""
    ranked = sorted(
        (k for k, v in scores.items() if v >= vocabulary.threshold),
        key=lambda k: (-scores[k], vocabulary.precedence.index(k) if k in vocabulary.precedence else 99),
    )
    return ranked[0] if ranked else None


def _points_to_earlier(parsed: ParsedMessage, text: str, vocabulary: FollowupVocabulary) -> bool:
    """A reply in a thread, or words naming an order placed before.

    A forward is not enough: "Bon pour commande, mettez 2 cartons au lieu de 3" over a
    forwarded list changes the list, not an order taken.
    """
    if any(p.search(text) for p in vocabulary.earlier):
        return True
    if quotes_an_offer(parsed.quoted):
        # Under our quote or price list the thread holds an offer, not an order taken: "Nous prenons : ...
        # et ajoutez 2 boîtes" orders, unless the PO it writes is an order taken (settled then).
        return False
    headers = {k.lower() for k in parsed.headers}
    if any(h in headers for h in _THREAD_HEADERS):
        return True
    return load_markers().is_reply_subject(parsed.subject) and bool(parsed.quoted.strip())


def written_references(text: str) -> list[str]:
    """Tokens that may be order numbers, in reading order, once each."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if not token.isalpha() and sum(c.isdigit() for c in token) >= REFERENCE_DIGITS:
            seen.setdefault(token, None)
    return list(seen)


def return_reason(text: str, vocabulary: FollowupVocabulary | None = None) -> ReturnReason | None:
    vocabulary = vocabulary or load_followup_vocabulary()
    return next((reason for reason, pattern in vocabulary.reasons if pattern.search(text)), None)
