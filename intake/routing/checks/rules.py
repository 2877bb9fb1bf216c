"""The checks' vocabulary (rules.toml), validated once at import."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.datafiles import load_toml

RULES_FILE = Path(__file__).with_name("rules.toml")


class CheckRules(BaseModel):
    """Counted units and the look-alike characters of domain names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    counted_units: frozenset[str]
    public_mail_domains: frozenset[str] = frozenset()
    number_words: dict[str, float] = Field(default_factory=dict)
    confusables: dict[str, str] = Field(default_factory=dict)
    confusable_sequences: dict[str, str] = Field(default_factory=dict)

    @field_validator("counted_units", "public_mail_domains", mode="before")
    @classmethod
    def _lower_words(cls, value: object) -> object:
        return frozenset(str(v).strip().lower() for v in value) if isinstance(value, list) else value

    @field_validator("confusables")
    @classmethod
    def _single_characters(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if len(key) != 1:
                raise ValueError(f"confusables: {key!r} must be a single character")
        return value


def load_rules(path: Path = RULES_FILE) -> CheckRules:
    """Read and validate a rules file; a bad one is a ConfigError naming the key."""
    return load_toml(path, CheckRules)


@lru_cache(maxsize=1)
def default_rules() -> CheckRules:
    """The rules shipped with Intake, read once."""
    return load_rules()
