"""Vocabulary data files for the text readers, validated at load."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, field_validator

from models.datafiles import load_toml

DATA = Path(__file__).parents[1] / "data"
ROLES = ("line", "code", "description", "quantity", "unit", "unit_price", "amount")


class LineWords(BaseModel):
    """Words that rule a number or a line out of being an order line."""

    not_a_line_after_number: list[str]
    street_words: list[str]
    line_openers_not_items: list[str]
    prose_stops: list[str]
    field_labels: list[str]


class ColumnWords(BaseModel):
    """Column header words by role (code, description, quantity, ...)."""

    roles: dict[str, list[str]]

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(ROLES)
        if unknown:
            raise ValueError(f"unknown column roles {sorted(unknown)}; expected some of {ROLES}")
        return value

    def role_of(self, header: str) -> str | None:
        key = " ".join(header.lower().replace(".", " ").replace(":", " ").split())
        for role, words in self.roles.items():
            if key in {" ".join(w.replace(".", " ").split()) for w in words}:
                return role
        # "Code CH", "Réf. Hôpital": a code column qualified by whose code it is.
        first = key.split(" ", 1)[0]
        if " " in key and first in {"code", "réf", "ref", "référence", "reference"}:
            return "code"
        return None


@lru_cache(maxsize=1)
def line_words() -> LineWords:
    """parsers/data/lines.toml."""
    return load_toml(DATA / "lines.toml", LineWords)


@lru_cache(maxsize=1)
def column_words() -> ColumnWords:
    """parsers/data/columns.toml."""
    return load_toml(DATA / "columns.toml", ColumnWords)
