"""The reply, forward and signature shapes of parsers/data/reply_markers.toml, validated."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from models import ConfigError
from models.datafiles import read_toml
from parsers.values.units import quantity_words

MARKERS_FILE = Path(__file__).parents[1] / "data" / "reply_markers.toml"
_LISTS = (
    "attribution",
    "reply_rule",
    "forward_rule",
    "sign_off",
    "signature_rule",
    "disclaimer",
)
_SINGLE = (
    "from_field",
    "date_field",
    "subject_field",
    "to_field",
    "forward_subject",
    "reply_subject",
    "see_attached",
    "one_order",
    "phone",
    "postscript",
)


@dataclass(frozen=True)
class Markers:
    """Compiled patterns; each list is one alternation."""

    attribution: tuple[re.Pattern[str], ...]
    attribution_line: tuple[re.Pattern[str], ...]
    reply_rule: re.Pattern[str]
    forward_rule: re.Pattern[str]
    sign_off: re.Pattern[str]
    signature_rule: re.Pattern[str]
    disclaimer: re.Pattern[str]
    from_field: re.Pattern[str]
    date_field: re.Pattern[str]
    subject_field: re.Pattern[str]
    to_field: re.Pattern[str]
    forward_subject: re.Pattern[str]
    reply_subject: re.Pattern[str]
    see_attached: re.Pattern[str]
    one_order: re.Pattern[str]
    phone: re.Pattern[str]
    postscript: re.Pattern[str]
    quantity: re.Pattern[str]

    def is_forward_subject(self, subject: str | None) -> bool:
        """'TR:', 'Fwd:', 'RV:', 'WG:': the message passes another one on."""
        return bool(self.forward_subject.match(subject or ""))

    def is_reply_subject(self, subject: str | None) -> bool:
        """'Re:', 'Rép :', 'AW:', 'SV:': the subject names an earlier message, not this order."""
        return bool(self.reply_subject.match(subject or ""))

    def opens_signature(self, line: str) -> bool:
        """'Cordialement', 'Best regards', '--', 'Envoyé de mon iPhone'."""
        line = line.strip()
        return bool(self.sign_off.match(line) or self.signature_rule.match(line))


@lru_cache(maxsize=4)
def load_markers(path: Path = MARKERS_FILE) -> Markers:
    """Read and compile the marker file; ConfigError names the key that is wrong."""
    data = read_toml(path)
    for key in _LISTS:
        if not isinstance(data.get(key), list) or not all(isinstance(v, str) for v in data[key]):
            raise ConfigError(str(path), key, "must be a list of regular expressions")
    for key in _SINGLE:
        if not isinstance(data.get(key), str):
            raise ConfigError(str(path), key, "must be a regular expression (a string)")
    compiled = {key: _compile(path, key, data[key]) for key in _SINGLE}
    for key in ("reply_rule", "forward_rule", "sign_off", "signature_rule", "disclaimer"):
        compiled[key] = _compile(path, key, "|".join(f"(?:{p})" for p in data[key]))
    compiled["quantity"] = _compile(path, "quantity", _quantity_pattern())
    attribution = tuple(_compile(path, "attribution", p) for p in data["attribution"])
    one_line = tuple(_compile(path, "attribution_line", p) for p in data["attribution_line"])
    return Markers(attribution=attribution, attribution_line=one_line, **compiled)


def _quantity_pattern() -> str:
    """A line that holds a quantity; its unit words are a view of parsers/data/units.toml."""
    number = r"\d+(?:[.,]\d+)?"
    units = "|".join(re.escape(word) for word in quantity_words())
    nouns = "|".join(re.escape(word) for word in quantity_words(nouns=True))
    return (
        rf"^\s*[-*•·]\s*\S.*\d"  # a bulleted line holding a number
        rf"|\b{number}\s*[x×]\s*\S"  # "12 x CODE", "4 x 250"
        rf"|\s[x×]\s?\d+\s*$"  # "Pads front Golf 7, Bosch, x4"
        rf"|\b{number}\s*(?:{units})\b\.?"  # "12 cartons", "2,5 kg"
        rf"|\b{number}\s*(?:{nouns})(?:\s+(?:de|d['’]|of)\b|\s*$)"  # "12 sacs de", not "417228 Tube LED"
        rf"|[:=]\s*{number}\s*$"  # "Designation : 12"
        rf"|\b(?:qt[ée]|quantit[ée]|qty|quantity)\b\s*:?\s*{number}"
        rf"|\S\s*(?:\t| \| )\s*{number}"  # a table row with a number cell
    )


def _compile(path: Path, key: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(str(path), key, f"bad regular expression: {exc}") from exc
