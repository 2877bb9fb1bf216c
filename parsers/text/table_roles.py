"""The roles a table's heading cells name ("Qté" -> quantity), as a body or HTML table reads them
(parsers/text/tables.py): the layout vocabulary's column phrases, then the shapes of a heading."""

from __future__ import annotations

import re
from functools import cache

from parsers.documents.unit_columns import heading_unit
from parsers.vocabulary.layout import default_vocabulary, numbered_heading
from parsers.vocabulary.phrases import normalize

# The layout vocabulary's column roles as a body table reads them: any article code
# is the code; a packaging column ("Cond.") gives the unit and what a pack holds.
_TEXT_ROLES = {
    "line_no": "line",
    "code": "code",
    "supplier_code": "code",
    "ean": "code",
    "description": "description",
    "quantity": "quantity",
    "unit": "unit",
    "pack": "pack",
    "unit_price": "unit_price",
    "amount": "amount",
    "size": "size",
    "colour": "colour",
    "fits": "fits",
    "variant": "variant",
}
_CODE_WORDS = {"code", "ref", "reference"}


def roles_of(texts: list[str]) -> dict[str, int] | None:
    """Column role -> index for header cells, or None when they do not make a line table."""
    roles: dict[str, int] = {}
    known = 0
    for index, text in enumerate(texts):
        role = column_role(text)
        if role and role not in roles:
            roles[role] = index
            known += 1
        elif role == "description" and "code" not in roles and roles.get("description") is not None:
            roles["code"] = roles["description"]  # "Article | Désignation": the first is the code
            roles["description"] = index
            known += 1
        elif (
            role == "description"
            and "line" not in roles
            and _numbers_items(texts[roles.get("description", index)])
        ):
            # 'Item | Material | Short text': an ERP's item numbers the lines when another heading names the text
            roles["line"], roles["description"] = roles["description"], index
            known += 1
    filled = sum(1 for t in texts if t.strip())
    # Columns a line table carries beside the line's own ('Livraison', 'Commentaire') name it too.
    named = max(known, sum(1 for t in texts if normalize(t) in _phrase_roles()))
    if "quantity" not in roles or not ({"code", "description"} & set(roles)):
        return None
    # Columns of the customer's own ('Bâtiment | Local | Désignation | Qté', 'Area | Item | Qty'): short
    # headings of words beside the named ones, never a label and its value nor a sentence.
    unnamed = [t for i, t in enumerate(texts) if t.strip() and i not in roles.values()]
    if named * 3 < filled * 2 and not all(_PLAIN_HEADING.fullmatch(t.strip()) for t in unnamed):
        return None
    return roles


_PLAIN_HEADING = re.compile(r"[^\W\d_][\w'’./-]*(?:\s[^\W\d_][\w'’./-]*){0,2}")


def column_role(header: str) -> str | None:
    """The role of a header cell in a body table ("Qté" -> quantity), None when it names none."""
    key = normalize(header)
    if not key:
        return "line" if header.strip() == "#" else None
    if numbered_heading(header, default_vocabulary()):
        return "code"  # 'Part #', 'Item No.': the article's number
    role = _phrase_roles().get(key)
    if role is None and " " in key and key.split(" ", 1)[0] in _CODE_WORDS:
        return "code"  # "Code CH", "Réf. Hôpital": a code column qualified by whose code it is
    if role is None and not re.search(r"[\d:]", header):  # 'Qté : 5' is a label and its value
        role = _qualified(normalize(re.sub(r"\([^)]*\)", " ", header)))
    if role is None and heading_unit(header):
        role = "quantity"  # 'Nb cartons', 'Number of boxes': what it numbers is the unit
    return _TEXT_ROLES.get(role or "")


def _qualified(key: str) -> str | None:
    """The role of a heading that qualifies its naming words ('Qté demandée', 'Quantity required',
    'Qté (boîtes)', 'Libellé article'), as a PDF's heading reads: its longest opening phrase's; or,
    qualified before them as English writes it ('Requested quantity', 'Product name'), a short heading's
    closing phrase's, as a sheet's heading reads."""
    words = key.split()
    for size in range(len(words), 0, -1):
        role = _phrase_roles().get(" ".join(words[:size]))
        if role is not None:
            return role if role in ("quantity", "description") else None
    for start in range(1, len(words) if len(words) <= 3 else 0):
        role = _phrase_roles().get(" ".join(words[start:]))
        if role is not None:
            return role if role in ("quantity", "description") else None
    return None


def _numbers_items(heading: str) -> bool:
    """A heading a mail's table gives its designation ('Item | Qty') that an ERP gives its item numbers."""
    return normalize(heading) in default_vocabulary().body_columns.get("description", ())


@cache
def _phrase_roles() -> dict[str, str]:
    vocabulary = default_vocabulary()
    roles: dict[str, str] = {}
    for table in (vocabulary.body_columns, vocabulary.columns):
        for role, phrases in table.items():
            for phrase in phrases:
                roles.setdefault(phrase, role)
    return roles


def split_joined_headings(
    cells: list[tuple[str, tuple[int, int]]], line: str
) -> list[tuple[str, tuple[int, int]]]:
    """A space-aligned header's cells, a line-number heading set one space from the next heading apart
    ('Pos. Material', 'No. Code'): as one cell it names no column, and the rows' codes under it are lost."""
    split: list[tuple[str, tuple[int, int]]] = []
    for text, (start, end) in cells:
        first, _, rest = text.partition(" ")
        rest = rest.strip()
        joined = rest and column_role(first) == "line" and column_role(text) is None
        if not joined or column_role(rest) in (None, "line"):
            split.append((text, (start, end)))
            continue
        at = line.index(first, start)
        second = line.index(rest, at + len(first))
        split += [(first, (at, at + len(first))), (rest, (second, end))]
    return split
