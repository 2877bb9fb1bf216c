"""An article named by a code: the line's own code columns, a code written among the words, a maker's
ref one designation prints."""

from __future__ import annotations

from matchers.index import MAKER_REF as _MAKER_REF
from matchers.index import CatalogIndex
from matchers.normalize import normalize_code, read_wording
from matchers.scoring import exact_match
from models import Evidence, ExtractedLine, LineMatch

# A maker's ref one designation prints, beside words that designation is the closest to: surer than
# a weak designation's score alone.
MAKER_REF_WEIGHT = 0.9
_DESIGNATION_WORDS = 10  # a designation's words at most, beyond which a text is a sentence


def by_code_in_words(
    line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch, customer_id: str | None
) -> LineMatch:
    """'Filtre huile OC 90 OF (tracteurs)' between 'OC 90' and 'OC 90 OF': the one article code written
    among the words (the longest that is one, up to four words) names the candidate it is the code of,
    never an article the words do not already put forward; words naming two codes name neither."""
    words = wording.split()
    if len(words) > _DESIGNATION_WORDS:
        return found  # a sentence that mentions codes ('nous avons la boîte de 200 (VIS-440-200)') is no designation
    named, _ = _codes_in_words(words, index, customer_id)
    shown = {c.key for c in found.candidates}
    if len(named) != 1 or next(iter(named)) not in shown:
        return found
    sku, evidence, customer_ref = next(iter(named.values()))
    return exact_match(line, index, sku, evidence, wording, customer_ref=customer_ref)


def _codes_in_words(
    words: list[str], index: CatalogIndex, customer_id: str | None
) -> tuple[dict[str, tuple[str, Evidence, str | None]], set[int]]:
    """The article codes written among the words (the longest that is one, up to four words), by sku,
    and the places of the words they take."""
    taken: set[int] = set()
    named: dict[str, tuple[str, Evidence, str | None]] = {}
    for size in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            places = set(range(start, start + size))
            text = " ".join(words[start : start + size]).strip("()[],;:.")
            if places & taken or len(text) < 4 or not any(c.isdigit() for c in text):
                continue
            coded = by_code(text, index, customer_id)
            if coded is not None:
                taken |= places
                named[coded[0]] = coded
    return named, taken


def code_alone(
    wording: str, index: CatalogIndex, customer_id: str | None
) -> tuple[tuple[str, Evidence, str | None], str] | None:
    """'Ajoutez 2 PA-FR-40 svp', 'material 10004529': one code among words none of which the catalogue
    prints (a label, a courtesy) is the whole of what names the article, as in a code column; with the
    words left, whose sizes may still doubt it."""
    words = wording.split()
    if not words or len(words) > _DESIGNATION_WORDS:
        return None
    named, taken = _codes_in_words(words, index, customer_id)
    if len(named) != 1:
        return None
    rest = " ".join(w for i, w in enumerate(words) if i not in taken)
    if any(w in index.designations.token_ids for w in read_wording(rest).words):
        return None
    return next(iter(named.values())), rest


def by_maker_ref(line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch) -> LineMatch:
    """'Avery L7651 mini labels' for 'Étiquettes Avery L7651 65 par feuille': a maker's ref that one
    designation prints, written among the customer's own words, names that article when its
    designation is also the closest to the words (never against them)."""
    owners = {index.maker_refs.get(normalize_code(token)) for token in _MAKER_REF.findall(wording.upper())}
    owners.discard(None)
    if len(owners) != 1 or not found.candidates or found.candidates[0].key not in owners:
        return found
    sku = found.candidates[0].key
    evidence = Evidence(
        kind="code", detail=f"the maker's ref in {sku}, among other words", weight=MAKER_REF_WEIGHT
    )
    return exact_match(line, index, sku, evidence, wording)


def line_codes(line: ExtractedLine) -> list[str]:
    """The line's code, then any other code a reader found on it (`alt_codes`)."""
    codes = [line.code.value] if line.code and line.code.value else []
    for alt in getattr(line, "alt_codes", None) or []:
        codes.append(getattr(alt, "value", alt))
    return [str(c).strip() for c in codes if str(c).strip()]


def by_code(
    code: str, index: CatalogIndex, customer_id: str | None
) -> tuple[str, Evidence, str | None] | None:
    """(sku, evidence, customer's ref) for a code, or None when it is nobody's code."""
    if customer_id:
        sku = index.refs.get((customer_id, code.upper()))
        if sku:
            return sku, Evidence(kind="customer_ref", detail=code, weight=1.0), code
        ref = index.refs_by_code.get((customer_id, normalize_code(code)))
        if ref:
            return ref[1], Evidence(kind="customer_ref", detail=f"{code} ~ {ref[0]}", weight=0.97), ref[0]
    if code in index.products or code.upper() in index.products:
        sku = code if code in index.products else code.upper()
        return sku, Evidence(kind="sku", detail=code, weight=1.0), None
    same = index.by_code.get(normalize_code(code), [])
    if len(same) == 1:
        return same[0], Evidence(kind="code", detail=f"{code} ~ {same[0]}", weight=0.95), None
    maker = index.maker_refs.get(normalize_code(code))
    if maker:
        return maker, Evidence(kind="code", detail=f"{code}: the maker's ref in {maker}", weight=0.95), None
    digits = "".join(c for c in code if c.isdigit())
    if len(digits) in (8, 12, 13, 14) and digits == code.replace(" ", "") and digits in index.by_ean:
        return index.by_ean[digits], Evidence(kind="ean", detail=digits, weight=1.0), None
    return None


def with_named_codes(wording: str, codes: list[str], index: CatalogIndex) -> str:
    """'10 bx FFP3 masks with valve': a code that is no article's but a word of the catalogue's names
    (a grade, a model) is a word of the designation ('Masque FFP3 avec valve')."""
    words = index.designations.token_ids
    named = [
        code
        for code in codes
        if (found := read_wording(code)).words
        and not found.features
        and all(w in words for w in found.words)
        and not index.names_family(code)
    ]
    return " ".join([*named, wording]) if named else wording
