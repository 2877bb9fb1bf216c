"""A data file's patterns are checked as it is read: the first one that does not compile is named,
with the file and the key it sits under."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, field_validator

from models.datafiles import load_toml, valid_patterns
from models.errors import ConfigError


class Words(BaseModel):
    openers: tuple[str, ...]

    @field_validator("openers")
    @classmethod
    def _compiles(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return valid_patterns(value)


def test_patterns_that_compile_are_given_back_as_they_are() -> None:
    patterns = (r"\bpaint(?:s)?\b", "primer|undercoat")
    assert valid_patterns(patterns) is patterns


def test_the_first_pattern_that_does_not_compile_is_named() -> None:
    with pytest.raises(ValueError, match=r"'\(gloss' is not a valid pattern"):
        valid_patterns(["matt", "(gloss", "[satin"])


def test_a_bad_pattern_in_a_file_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "paints.toml"
    path.write_text('openers = ["varnish", "(lacquer"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_toml(path, Words)
    assert raised.value.source == str(path)
    assert raised.value.key == "openers"
    assert "(lacquer" in raised.value.reason
