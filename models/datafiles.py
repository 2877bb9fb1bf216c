"""One way to read the shipped and configured TOML data files.

Every bad data file is the same error for whoever reads it: a ConfigError that
names the file and the key, never a raw OSError or a pydantic traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models.errors import ConfigError

Model = TypeVar("Model", bound=BaseModel)
Patterns = TypeVar("Patterns", bound=Iterable[str])


def read_toml(path: Path) -> dict[str, Any]:
    """The file's top table; ConfigError(path, "file", why) when it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(str(path), "file", f"cannot read the file ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(str(path), "file", f"not valid TOML ({exc})") from exc


def load_toml(path: Path, model: type[Model]) -> Model:
    """The file validated as `model`; ConfigError names the first key that is wrong."""
    data = read_toml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "file"
        raise ConfigError(str(path), key, first["msg"]) from exc


def valid_patterns(patterns: Patterns) -> Patterns:
    """`patterns` as given, for a validator of a data file's model: a ValueError (which load_toml
    reports with the file and key) names the first one that does not compile."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid pattern: {exc}") from exc
    return patterns
