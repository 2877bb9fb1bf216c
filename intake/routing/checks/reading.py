"""The reading checks' vocabulary (reading.toml): PO labels and what explains a number in a text line."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from models.datafiles import load_toml, valid_patterns
from parsers.vocabulary.sieve import Sieve, starting

READING_FILE = Path(__file__).with_name("reading.toml")


class ReadingRules(BaseModel):
    """PO labels, and the spans and lines that are not order lines though they carry a number."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    po_labels: tuple[str, ...]
    po_value: str
    po_abbreviations: tuple[str, ...] = ()
    po_after_word: str = "$^"
    not_po_before: tuple[str, ...] = ()
    explained_spans: tuple[str, ...] = ()
    explained_lines: tuple[str, ...] = ()
    instruction_lines: tuple[str, ...] = ()
    carried_labels: tuple[str, ...] = ()
    discount: str = "$^"
    plain_words: frozenset[str] = frozenset()
    pack_before: frozenset[str] = frozenset()
    pack_of: frozenset[str] = frozenset()
    size_units: frozenset[str] = frozenset()
    size_before: frozenset[str] = frozenset()
    replacements: tuple[str, ...] = ()
    removals: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    line_places: str = "$^"
    corrections: tuple[str, ...] = ()
    increments: tuple[str, ...] = ()
    quantity_totals: tuple[str, ...] = ()
    spoken_of: tuple[str, ...] = ()
    order_to_come: tuple[str, ...] = ()

    @field_validator(
        "po_value",
        "po_after_word",
        "explained_spans",
        "explained_lines",
        "instruction_lines",
        "discount",
        "replacements",
        "removals",
        "exceptions",
        "line_places",
        "corrections",
        "increments",
        "quantity_totals",
        "spoken_of",
        "order_to_come",
    )
    @classmethod
    def _compiles(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        valid_patterns((value,) if isinstance(value, str) else value)
        return value

    @cached_property
    def po_pattern(self) -> re.Pattern[str]:
        """A PO label, a few words at most, then a reference with a digit (group 'po')."""
        labels = sorted((re.escape(label) for label in self.po_labels), key=len, reverse=True)
        label = r"(?<![\w])(?:" + "|".join(labels) + r")(?![\w])"
        return _compiled(
            rf"(?P<label>{label})\.?\s*(?:[:#°=]|n°|no\.?)?\s*(?:(?:est|is|ist|le|la|the|interne|internal|client|customer|:)\s+){{0,3}}"
            rf"(?P<po>{self.po_value})"
        )

    @cached_property
    def po_word_pattern(self) -> re.Pattern[str]:
        return _compiled(self.po_after_word)

    @cached_property
    def po_label_pattern(self) -> re.Pattern[str]:
        """A PO label alone, its reference possibly further in the sentence."""
        labels = sorted((re.escape(label) for label in self.po_labels), key=len, reverse=True)
        return _compiled(r"(?<![\w/])(?:" + "|".join(labels) + r")(?![\w])")

    @cached_property
    def not_po_pattern(self) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in self.not_po_before)
        small = r"(?:\s+(?:de|du|d'|of|votre|your|notre|our|la|le|the|cette|this|pour|for|n°|no\.?))*"
        return _compiled(rf"\b(?:{words})\b{small}\W*$")

    @cached_property
    def span_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.explained_spans)

    @cached_property
    def masks(self) -> Sieve:
        """What explains a number in a span (a PO with its label, the explained spans), in one sieve."""
        return Sieve.of((self.po_pattern, self.po_word_pattern, *self.span_patterns))

    @cached_property
    def line_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.explained_lines)

    @cached_property
    def carried_pattern(self) -> re.Pattern[str]:
        """A row that starts with a carried-over total's label ('A reporter', 'Brought forward')."""
        labels = sorted((re.escape(label) for label in self.carried_labels), key=len, reverse=True)
        return re.compile(r"^\W*(?:" + ("|".join(labels) or "$^") + r")(?![\w])", re.I)

    @cached_property
    def discount_pattern(self) -> re.Pattern[str]:
        return starting(re.compile(self.discount, re.I))

    @cached_property
    def correction_pattern(self) -> re.Pattern[str]:
        return _any_of(self.corrections)

    @cached_property
    def increment_pattern(self) -> re.Pattern[str]:
        return _any_of(self.increments)

    @cached_property
    def removal_pattern(self) -> re.Pattern[str]:
        return _any_of(self.removals)

    @cached_property
    def line_place_pattern(self) -> re.Pattern[str]:
        return _compiled(self.line_places)

    @cached_property
    def exception_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.exceptions)

    def excepted(self, text: str | None) -> list[str]:
        """What the text excepts from the whole order ('la liste sauf l'entrecôte' -> 'entrecôte')."""
        return [
            re.sub(r"\b[cdjlmnst]['’]", " ", found["what"])
            for pattern in self.exception_patterns
            for found in pattern.finditer(text or "")
        ]

    @cached_property
    def replacement_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.replacements)

    @cached_property
    def correcting(self) -> Sieve:
        """The patterns of a correction (replacements, removals, exceptions, increments, corrections),
        in one sieve: most spans hold none of their words."""
        return Sieve.of(
            (
                *self.replacement_patterns,
                self.removal_pattern,
                *self.exception_patterns,
                self.increment_pattern,
                self.correction_pattern,
            )
        )

    @cached_property
    def quantity_total_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.quantity_totals)

    @cached_property
    def spoken_of_pattern(self) -> re.Pattern[str]:
        return _any_of(self.spoken_of)

    @cached_property
    def order_to_come_pattern(self) -> re.Pattern[str]:
        return _any_of(self.order_to_come)

    @cached_property
    def instruction_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compiled(p) for p in self.instruction_lines)


def _compiled(pattern: str) -> re.Pattern[str]:
    # Each is looked for in every span of a message: tried only where a match may start.
    return starting(re.compile(pattern, re.I))


def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # A choice of many phrases, looked for in every span: tried only where one of them may start.
    return starting(re.compile("|".join(f"(?:{p})" for p in patterns) or "$^", re.I))


def load_reading_rules(path: Path = READING_FILE) -> ReadingRules:
    """Read and validate a reading-rules file; a bad one is a ConfigError naming the key."""
    return load_toml(path, ReadingRules)


@lru_cache(maxsize=1)
def default_reading_rules() -> ReadingRules:
    """The reading rules shipped with Intake, read once."""
    return load_reading_rules()
