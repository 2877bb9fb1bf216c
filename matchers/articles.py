"""Which catalogue article does an order line mean?

In order of trust: the customer's own code (it wins over one of our skus
spelt the same), our sku exactly, our sku normalised (case, separators,
leading zeros, O/0, I/1), an EAN, a wording a clerk confirmed for this
customer, then the designation scored with its sizes, unit, pack and price.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matchers.after_measure import named_before_tail
from matchers.coded import (
    MAKER_REF_WEIGHT,
    by_code,
    by_code_in_words,
    by_maker_ref,
    code_alone,
    line_codes,
    with_named_codes,
)
from matchers.habits import Habit
from matchers.index import CatalogIndex, variant_key
from matchers.measure_counted import measure_named
from matchers.normalize import fold, normalize_code, normalize_wording, read_wording, unit_of
from matchers.packs import is_pack_word
from matchers.remarks import clause_words, without_use_clause
from matchers.scoring import CLEAR_MARGIN, by_designation, exact_match, finish_match, lone_fit
from matchers.size_word_twins import twin_of_size_word
from matchers.twins import coded_twin, pack_twin, piece_twin, twin_in_pack, unit_twin
from models import Candidate, Evidence, ExtractedLine, LineMatch
from parsers.values.units import unit_kind

# The routing's floor for a guess (intake.routing.decision.GUESS), and a score below it: a clerk looks
# at the line.
GUESS_FLOOR = 0.65
GUESS_SCORE = 0.6


def match_article(
    line: ExtractedLine,
    index: CatalogIndex,
    *,
    customer_id: str | None,
    habits: dict[str, Habit] | None = None,
    context: frozenset[str] = frozenset(),
    heading: frozenset[str] = frozenset(),
) -> LineMatch:
    """The best catalogue article for one line, with the runner-up candidates; `habits` (what this
    customer usually buys), `heading` (the words of the row above the line's block) and `context` (the
    words the message writes outside its lines) rank the near twins its wording cannot tell apart."""
    wording = line.description.value if line.description else ""
    for code in line_codes(line):
        found = by_code(code, index, customer_id)
        if found:
            sku, evidence, customer_ref = found
            twin = coded_twin(sku, wording, index)
            if twin is not None:
                return _two_named(line, index, (sku, evidence), twin)
            return exact_match(line, index, sku, evidence, wording, customer_ref=customer_ref)
    for code in line_codes(line):
        family = _by_family(line, code, wording, index)
        if family is not None:
            return family
    alone = code_alone(wording, index, customer_id)
    if alone is not None:
        (sku, evidence, customer_ref), rest = alone
        return exact_match(line, index, sku, evidence, rest, customer_ref=customer_ref)
    wording = with_named_codes(wording, line_codes(line), index)
    if not wording.strip():
        return finish_match(LineMatch(line=line, sku=None), index)
    alias = _alias(wording, index, customer_id)
    if alias:
        return exact_match(line, index, alias[0], alias[1], wording)
    # The catalogue's own designation, word for word: near twins differ by one size
    # ('1/4"' or '1/8"') that fuzzy scores weigh less than an exact copy.
    same = index.by_name.get(normalize_wording(wording), [])
    if len(same) == 1 and _negates_alike(wording, index.products[same[0]].name):
        sku = _in_the_pack_counted(line, same[0], index)
        named = exact_match(line, index, sku, Evidence(kind="name", detail=wording, weight=0.97), wording)
        return _by_the_piece(line, wording, index, _sold_in_the_unit_counted(line, wording, index, named))
    found = by_designation(line, wording, index, habits, context, heading)
    if found.sku is None and _COLUMNS in wording:
        found = _in_its_own_column(line, wording, index, habits, context, heading) or found
    aside = _REMARK.sub(" ", wording).strip()
    if found.sku is None and aside and aside != wording.strip():
        # "dégraissant cuisine 5L (on s'en sert pour l'atelier)": a remark in brackets is no part of the name.
        plain = by_designation(line, aside, index, habits)
        found = plain if plain.sku is not None else found
    if found.sku is None and (_ASIDE.search(wording) or _WHICH_ONES.search(wording)):
        found = _without_aside(line, wording, index, habits) or found
    if found.score < GUESS_FLOOR:
        found = _without_use_clause(line, wording, index, habits, found)
    found = named_before_tail(line, wording, index, habits, found, designate=by_designation)
    found = measure_named(line, wording, index, habits, found, designate=by_designation)
    if found.sku is None or found.score < MAKER_REF_WEIGHT:
        found = by_maker_ref(line, wording, index, found)
    if found.margin < CLEAR_MARGIN:
        found = by_code_in_words(line, wording, index, found, customer_id)
    found = lone_fit(found, wording, index)
    found = _unit_word_names_article(line, wording, index, found, habits)
    found = _sold_in_the_unit_counted(
        line, wording, index, _size_word_names_twin(line, wording, index, found)
    )
    return _by_the_piece(line, wording, index, found)


# How a row's columns of what the article fits or where it goes are joined before its name
# (parsers/documents/rows.py: 'Clio IV 1.5 dCi | Filtre à gasoil').
_COLUMNS = " | "


def _in_its_own_column(
    line: ExtractedLine,
    wording: str,
    index: CatalogIndex,
    habits: dict[str, Habit] | None,
    context: frozenset[str],
    heading: frozenset[str],
) -> LineMatch | None:
    """'Clio IV 1.5 dCi | Filtre à gasoil': the whole row names the air filter of that car better than
    its fuel filter, yet one column alone opens with a word designations open with (what the article
    is); the others say which of its twins, as a heading would."""
    cells = [cell.strip() for cell in wording.split(_COLUMNS)]
    said = [read_wording(cell).words for cell in cells]
    named = [at for at, words in enumerate(said) if words and words[0] in index.heads]
    if len(named) != 1:
        return None
    at = named[0]
    others = frozenset(word for other, words in enumerate(said) if other != at for word in words)
    found = by_designation(line, cells[at], index, habits, context, heading | others)
    if found.sku is None:
        return None
    found.score = round(min(found.score, GUESS_SCORE), 4)  # the whole row named another: a clerk confirms
    return found


def _without_use_clause(
    line: ExtractedLine, wording: str, index: CatalogIndex, habits: dict[str, Habit] | None, found: LineMatch
) -> LineMatch:
    """'H7 24V bulbs for the spare kit': the name before a clause of use or delivery, when the whole
    names nothing surely. A clause printing a word of the catalogue might have told twins apart: the
    article so found is then a guess for a clerk."""
    name, clause = without_use_clause(wording)
    if not clause:
        return found
    named = by_designation(line, name, index, habits)
    if any(word in index.designations.token_ids for word in clause_words(clause)):
        named.score = round(min(named.score, GUESS_SCORE), 4)
    return named if named.sku is not None and named.score > found.score else found


def _by_the_piece(line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch) -> LineMatch:
    """'20 interrupteurs va-et-vient complets' with no pack nor package written: the article sold by the
    piece, not its 'lot de 10' (`twins.piece_twin`) whose shorter name the words happen to fit better."""
    stated = line.unit.value if line.unit and line.unit.value else None
    if found.sku is None or is_pack_word(stated) or (line.pack_size and line.pack_size.value):
        return found
    said = read_wording(wording)
    if any(f[:5] == "pack:" for f in said.features) or any(
        is_pack_word(unit_of().get(w)) for w in said.words
    ):
        return found  # 'sacs 130 L en carton', 'boîtes de GU10': a package is said, if not its count
    twin = piece_twin(found.sku, said, index)
    if twin is None:
        return found
    evidence = Evidence(kind="designation", detail="sold by the piece: no pack written", weight=found.score)
    match = exact_match(line, index, twin, evidence, wording)
    match.candidates += [c for c in found.candidates if c.key != twin]  # the pack stays in view
    match.margin = found.margin
    return match


def _in_the_pack_written(
    line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch
) -> LineMatch:
    """'centrefeed rolls (boxes of 6)': the words name the roll, the pack written its twin sold by the
    box of 6 (`twins.twin_in_pack`)."""
    packs = read_wording(wording).by_kind.get("pack", frozenset())
    if found.sku is None or len(packs) != 1:
        return found
    pack = next(iter(packs))
    twin = twin_in_pack(found.sku, pack, index)
    if twin is None:
        return found
    evidence = Evidence(kind="designation", detail=f"its twin in the pack of {pack}", weight=found.score)
    match = exact_match(line, index, twin, evidence, wording)
    match.margin = found.margin
    return match


def _sold_in_the_unit_counted(
    line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch
) -> LineMatch:
    """'1 carton de désodorisant vanille': the words name the aerosol sold by the piece, the count is
    of its twin sold by the carton (`twins.unit_twin`); a pack size written that is not the twin's
    leaves the words' choice."""
    found = _in_the_pack_written(line, wording, index, found)
    stated = line.unit.value if line.unit and line.unit.value else None
    twin = unit_twin(found.sku, stated, index) if found.sku else None
    if twin is None:
        return found
    said = {f for f in read_wording(wording).features if f[:5] == "pack:"}
    if line.pack_size and line.pack_size.value:
        said.add(f"pack:{line.pack_size.value.normalize():f}")
    if not said <= index.designations.wordings[index.positions[twin]].features:
        return found  # 'rolls (boxes of 6)': the pack written is the words' article's, not the twin's
    evidence = Evidence(kind="designation", detail=f"its twin sold by the {stated}", weight=found.score)
    match = exact_match(line, index, twin, evidence, wording)
    match.margin = found.margin
    return match


def _negates_alike(wording: str, name: str) -> bool:
    """'latex gloves M, box of 100' copies no 'Gant latex non poudré taille M - boîte de 100' word for
    word: what a name says its article is not ('non poudré') is a word the customer left unsaid."""
    return read_wording(wording).excluded == read_wording(name).excluded


def _size_word_names_twin(
    line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch
) -> LineMatch:
    """'colle en bâton grand modèle' between the 20 g and the 40 g stick: the size word names one of two
    tied twins (`size_word_twins.twin_of_size_word`)."""
    if found.margin >= CLEAR_MARGIN:
        return found
    named = twin_of_size_word(fold(wording), found.candidates, index, CLEAR_MARGIN)
    if named is None:
        return found
    sku, said = named
    evidence = Evidence(kind="designation", detail=f"'{said}' of two sizes", weight=found.candidates[0].score)
    return exact_match(line, index, sku, evidence, wording)


def _in_the_pack_counted(line: ExtractedLine, sku: str, index: CatalogIndex) -> str:
    """The named article, or its twin sold in the pack the line counts in ('3 colis' of 10), when the
    line counts packs the named article is not sold in."""
    stated = line.unit.value if line.unit and line.unit.value else None
    own = index.products[sku].unit
    if not (line.pack_size and is_pack_word(stated)) or index.sales_unit(stated) == index.sales_unit(
        own or ""
    ):
        return sku
    return pack_twin(sku, line.pack_size.value, index) or sku


def _unit_word_names_article(
    line: ExtractedLine, wording: str, index: CatalogIndex, found: LineMatch, habits: dict[str, Habit] | None
) -> LineMatch:
    """'3 boîtes de dérivation', '2 caisses à outils': the word read as the unit may be the head
    of the article's own name ('Boîte de dérivation ...', sold by the piece); then the count is
    of that article in its own unit."""
    unit = line.unit.value if line.unit and line.unit.value else None
    if not unit or unit_kind(unit) != "count" or not read_wording(wording).words:
        # '12 pairs size 9': words saying only a size or a value name no article beside the unit's
        # word ('Paire de filtres ...'); the size is a variant of what the context names.
        return found
    bare = line.model_copy(update={"unit": None})
    for head in sorted(_unit_words(unit) & index.heads):
        named = by_designation(bare, f"{head} {wording}", index, habits)
        product = index.products.get(named.sku or "")
        if product is None or index.sales_unit(product.unit) == index.sales_unit(unit):
            continue
        if read_wording(product.name).words[:1] != (head,):
            continue
        if found.sku is None or found.sku == named.sku or named.score > found.score:
            return named
    return found


@lru_cache(maxsize=64)
def _unit_words(unit: str) -> frozenset[str]:
    """Every spelling of a unit as designations are compared ('caisse' and 'carton' for carton)."""
    return frozenset(
        word
        for spelling, name in unit_of().items()
        if name == unit
        for word in read_wording(spelling).words[:1]
    )


# A remark the customer adds in brackets, with words and no size or code in it ('(standard)', '(le normal)'),
# or sharing the count out among people ('(2 par personne)', '(one each)', '(2 per technician)').
_REMARK = re.compile(
    r"\((?=[^()]*[^\W\d_]{3,})[^()\d]*\)|\(\s*[\w.,]+\s+(?:(?:par|per|pour|for)\s+(?:personne|pers\.?|person|head"
    r"|t[êe]te|agent|salari[ée]|employ[ée]e?|worker|user|utilisateur|op[ée]rat(?:eur|or)|technici(?:en|an)|gars"
    r"|guy|homme|man)s?|each|chacun|chacune)\s*\)",
    re.I,
)


# Any bracket, what it holds: the machine the article is for ('(Color LaserJet M255)'), a car, a reason.
_ASIDE = re.compile(r"\s*\([^()]*\)")
# 'black bags, the thick ones', 'gants, les plus fins': the customer's own words for which of them, set
# apart by a comma, that no designation prints.
_WHICH_ONES = re.compile(r",\s*(?:the\s+(?:[^\W\d_]+[\s-]+){1,3}ones?|les\s+plus\s+[^\W\d_]+)\b", re.I)
# The least score of the name read without them: a name that alone says which article ...
_ASIDE_FREE_SCORE = 0.75
# ... and its least lead over the runner-up: half a clear one, as twins sold in another pack trail close.
_ASIDE_FREE_LEAD = CLEAR_MARGIN / 2


def _without_aside(
    line: ExtractedLine, wording: str, index: CatalogIndex, habits: dict[str, Habit] | None
) -> LineMatch | None:
    """'HP 207X black toner (Color LaserJet M255)', '50L black bags, the thick ones (40 micron)': what a
    bracket or a 'the thick ones' adds that no designation prints names nothing when the name without it
    names one article clearly ('Filtre à huile (Clio 4)' names none): first without the words for which
    ones, then without the bracket, then without both."""
    ones = _WHICH_ONES.sub(" ", wording)
    for plain_words in dict.fromkeys((ones, _ASIDE.sub(" ", wording), _ASIDE.sub(" ", ones))):
        if plain_words == wording:
            continue
        plain = by_designation(line, " ".join(plain_words.split()), index, habits)
        if plain.sku is not None and plain.score >= _ASIDE_FREE_SCORE and plain.margin >= _ASIDE_FREE_LEAD:
            return plain
    return None


def _alias(wording: str, index: CatalogIndex, customer_id: str | None) -> tuple[str, Evidence] | None:
    key = normalize_wording(wording)
    for owner in ([customer_id] if customer_id else []) + [""]:
        sku = index.aliases.get((owner, key))
        if sku and sku in index.products:
            return sku, Evidence(kind="alias", detail=f"{wording!r} confirmed before", weight=0.98)
    return None


def _by_family(line: ExtractedLine, code: str, wording: str, index: CatalogIndex) -> LineMatch | None:
    """'BOT-S5-200  42', '(CHS-S3-740) 40', 'GJU-NIT  L': the code of a family of skus and the size or
    variant written apart from it name the one sku that code and variant spell (else the words are
    read as a designation)."""
    members = index.families.get(normalize_code(code))
    if not members:
        return None
    said = {variant_key(a or b) for a, b in _VARIANT_TOKEN.findall(wording)}
    said |= {
        variant_key(value)
        for kind in ("size", "num")
        for value in read_wording(wording).by_kind.get(kind, ())
    }
    named = [sku for sku, variant in members if variant and variant in said]
    if len(named) != 1:
        return _within_family(line, code, wording, index, tuple(sku for sku, _ in members))
    evidence = Evidence(kind="code", detail=f"{code} and the variant written beside it", weight=0.95)
    return exact_match(line, index, named[0], evidence, wording)


def _within_family(
    line: ExtractedLine, code: str, wording: str, index: CatalogIndex, members: tuple[str, ...]
) -> LineMatch | None:
    """'ESS2207 | Lavette microfibre 40x40 | bleue': the family's code with the variant in words: the
    designation read among the family's articles alone names one when it leads them clearly."""
    if not wording.strip():
        return None
    found = by_designation(line, wording, index.subset(members), None)
    if found.sku is None or found.margin < CLEAR_MARGIN:
        return None
    evidence = Evidence(kind="code", detail=f"{code} and the words among its family", weight=0.9)
    return exact_match(line, index, found.sku, evidence, wording)


# A size or variant as written beside a family's code: '42', 'T9' (9), '43/46', 'XL'.
_VARIANT_TOKEN = re.compile(r"(?<![\w/])(?:[A-Za-z]?(\d+(?:/\d+)?)|([A-Za-z0-9]{1,4}))(?![\w/])")


def _two_named(line: ExtractedLine, index: CatalogIndex, coded: tuple[str, Evidence], twin: str) -> LineMatch:
    """'104724 disjoncteur 1P+N 16A' where 104724 is the 2P one: the code names one article and
    the ratings written beside it its twin. Neither is taken; both are shown to a clerk."""
    sku, evidence = coded
    said = Evidence(kind="designation", detail="the ratings written beside the code", weight=0.5)
    candidates = [
        Candidate(key=sku, label=index.products[sku].name, score=0.5, evidence=[evidence]),
        Candidate(key=twin, label=index.products[twin].name, score=0.5, evidence=[said]),
    ]
    return finish_match(LineMatch(line=line, sku=None, candidates=candidates), index)
