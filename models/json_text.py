"""A value encoded as JSON once, by pydantic, stored as it is in a JSON column.

A decided order's matched reading (provenance, candidates: ~35 KB) costs the writing process
about 1 ms to turn into Python values and ~0.1 ms to encode from the model directly: the store's
engine (models/engine.py) writes an `EncodedJson` as it is and encodes any other value as before.
Any other engine refuses it (not JSON serializable) instead of storing it as a quoted string.
"""

from __future__ import annotations

import json

from pydantic import BaseModel


class EncodedJson:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


def encoded(model: BaseModel) -> EncodedJson:
    """`model` as `model_dump(mode="json")` gives it, encoded in one pass."""
    return EncodedJson(model.model_dump_json())


def json_text(value: object) -> str:
    """The engine's JSON encoder: an `EncodedJson` as it is, anything else by `json.dumps`."""
    return value.text if isinstance(value, EncodedJson) else json.dumps(value)
