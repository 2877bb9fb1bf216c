"""The layout vocabulary (parsers/data/layout.toml): column names, field labels, row and title words.

Loaded once and validated: a wrong key or an empty list is a ConfigError that
names the file and the key. Phrases are compared after `normalize`, so the
file is written without accents or punctuation.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from models import ConfigError
from models.datafiles import read_toml
from parsers.vocabulary.phrases import normalize

VOCAB_FILE = Path(__file__).parents[1] / "data" / "layout.toml"

COLUMN_ROLES = [
    "code",
    "supplier_code",
    "ean",
    "description",
    "quantity",
    "unit",
    "pack",
    "unit_price",
    "gross_price",
    "amount",
    "line_no",
    "vat",
    "discount",
    "delivery",
    "comment",
    "size",
    "colour",
    "fits",
    "variant",
    "year",
]
# Columns read into the designation, for the matcher to name the article of that size, colour, vehicle,
# model, finish or year ('Veste | L | noir', 'Fauteuil | tissu | gris', 'Description | Year | Qty').
DESIGNATION_ROLES = ("size", "colour", "fits", "variant", "year")
FIELD_NAMES = [
    "po_number",
    "request_number",
    "document_number",
    "order_date",
    "delivery_date",
    "ship_to",
    "buyer_vat",
    "total_excl_vat",
]
# The rule of a PO number read from a purchase request's label: any order number printed or written
# beside it (a PO label in the document, the body's) is the order's instead.
REQUEST_RULE = "request-number"
KIND_NAMES = ["purchase_order", "quote", "invoice", "delivery_note", "credit_note"]


class LayoutVocabulary(BaseModel):
    """Phrases per role, normalized at load."""

    model_config = ConfigDict(frozen=True)

    columns: dict[str, tuple[str, ...]]
    fields: dict[str, tuple[str, ...]]
    rows: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    # Column names a table written in a mail body reads otherwise than a document does.
    body_columns: dict[str, tuple[str, ...]] = {}
    # Names of a workbook's sheets that hold no order (its history, a price list).
    sheets: dict[str, tuple[str, ...]] = {}

    def merged(self, extra: LayoutVocabulary) -> LayoutVocabulary:
        """This vocabulary with another's phrases added in front (a layout rule's own words)."""

        def join(a: dict[str, tuple[str, ...]], b: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
            # A phrase the rule gives a role to leaves every other role.
            claimed = {p for phrases in b.values() for p in phrases}
            return {
                k: tuple(b.get(k, ())) + tuple(p for p in a.get(k, ()) if p not in claimed)
                for k in a.keys() | b.keys()
            }

        return LayoutVocabulary(
            columns=join(self.columns, extra.columns),
            fields=join(self.fields, extra.fields),
            rows=join(self.rows, extra.rows),
            kinds=join(self.kinds, extra.kinds),
            body_columns=join(self.body_columns, extra.body_columns),
            sheets=join(self.sheets, extra.sheets),
        )


_ALLOWED = {
    "columns": set(COLUMN_ROLES),
    "fields": set(FIELD_NAMES),
    "rows": {"total", "carried", "line_count"},
    "kinds": set(KIND_NAMES),
    "body_columns": set(COLUMN_ROLES),
    "sheets": {"not_the_order"},
}
_OPTIONAL = {"body_columns", "sheets"}
# Words matched as written, not as normalized phrases: parsers.vocabulary.words reads them.
_READ_AS_WRITTEN = {"lines"}


def parse_vocabulary(data: dict, *, source: str, partial: bool = False) -> LayoutVocabulary:
    """Validate the sections of a vocabulary table; every problem names the source and the key."""
    sections: dict[str, dict[str, tuple[str, ...]]] = {}
    for section, allowed in _ALLOWED.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise ConfigError(source, section, "must be a table of lists of phrases")
        if not table and not partial and section not in _OPTIONAL:
            raise ConfigError(source, section, "is missing or empty")
        sections[section] = {}
        for key, phrases in table.items():
            where = f"{section}.{key}"
            if key not in allowed:
                raise ConfigError(source, where, f"unknown name; expected one of {sorted(allowed)}")
            if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) for p in phrases):
                raise ConfigError(source, where, "must be a non-empty list of strings")
            normalized = tuple(n for n in (normalize(p) for p in phrases) if n)
            if len(normalized) != len(phrases):
                raise ConfigError(source, where, "a phrase is empty once punctuation is removed")
            sections[section][key] = normalized
    unknown = set(data) - set(_ALLOWED) - _READ_AS_WRITTEN
    if unknown:
        expected = sorted(set(_ALLOWED) | _READ_AS_WRITTEN)
        raise ConfigError(source, sorted(unknown)[0], f"unknown section; expected {expected}")
    try:
        return LayoutVocabulary(**sections)
    except ValidationError as exc:  # pragma: no cover - the checks above cover the shapes
        raise ConfigError(source, "vocabulary", str(exc)) from exc


def load_vocabulary(path: Path) -> LayoutVocabulary:
    """Read and validate a vocabulary TOML file."""
    return parse_vocabulary(read_toml(path), source=str(path))


@cache
def default_vocabulary() -> LayoutVocabulary:
    """The vocabulary shipped with Intake, loaded once per process."""
    return load_vocabulary(VOCAB_FILE)


# 'Part #', 'Item No.', 'Article n°': a naming word and a number sign; or the sign first, as French
# writes it ('N° catalogue', 'No. de catalogue'), never 'No. of' (a count: 'No. of packs').
_NUMBERED = re.compile(r"^([^\W\d_]+)\.?\s*(?:#|n°|nº|no\.?|nr\.?)$", re.IGNORECASE)
_SIGN_FIRST = re.compile(r"^(?:n°|nº|no\.|nr\.?)\s*(?:de\s+|d['’]\s*)?([^\W\d_]{3,})$", re.IGNORECASE)
# What else a number sign and a word number: a party, a tax or phone number, a batch ('N° client', 'N° lot').
_OTHER_NUMBERED = frozenset(
    [
        "client",
        "customer",
        "fournisseur",
        "supplier",
        "vendor",
        "compte",
        "account",
        "tva",
        "vat",
        "siret",
        "telephone",
        "tel",
        "phone",
        "fax",
        "lot",
        "batch",
        "serie",
        "serial",
        "facture",
        "invoice",
    ]
)


def numbered_heading(text: str, vocab: LayoutVocabulary) -> bool:
    """Does a heading name the article's number ('Part #', 'Item No.', 'Article n°', 'N° catalogue'):
    a number sign and a word that names no other column than the article? 'Line #' and 'N° ligne'
    number the lines, 'N° commande' labels the order's number."""
    written = text.strip()
    found = _NUMBERED.match(written) or _SIGN_FIRST.match(written)
    if found is None:
        return False
    word = normalize(found[1])
    other = {r for r, phrases in vocab.columns.items() if word in phrases} - {"code", "description"}
    # 'Order no', 'Invoice #', 'N° commande': a document's number, no article's.
    if other or any(word in phrases for phrases in vocab.kinds.values()):
        return False
    if found.re is _NUMBERED:
        return True
    # 'No. off' counts the pieces, 'N° commande' labels the order: phrases of their own
    whole = normalize(written)
    named = (*vocab.fields.values(), *vocab.columns.values(), *vocab.body_columns.values())
    return word not in _OTHER_NUMBERED and not any(whole in phrases for phrases in named)
