"""A line's candidates scored on their designation, sizes, unit, pack and price, and the match
finished with the customer's quantity, unit and price."""

from __future__ import annotations

import re
from decimal import Decimal

from matchers.context import named_by_context
from matchers.conversions import conversion, in_packs, own_pack, packs_of_sales_unit
from matchers.designation import Scored, compare_sizes, packaging_words, score_designations
from matchers.designation_index import LEAD, leading_figures
from matchers.habits import Habit, by_habit, decided_by_habit
from matchers.index import CatalogIndex
from matchers.normalize import Wording, fold, read_wording, unit_of
from matchers.packs import counted_in_packs
from matchers.sized import named_by_sizes
from matchers.spaced_codes import codes_spaced
from models import Candidate, Evidence, ExtractedLine, LineMatch, ProductRow
from parsers.values.units import (
    abbreviates,
    cut_short_of,
    same_unit,
    same_vessel,
    unit_elsewhere,
    unit_key,
    unit_vocabulary,
)

MIN_SCORE = 0.6  # below this the best designation is not proposed as the sku
CLEAR_MARGIN = 0.1  # a lead smaller than this over the runner-up lowers the confidence
TOP = 5
PIECE = "pce"  # the unit a bare count is said in
# Below MIN_SCORE, the best candidate still proposed when it leads the runner-up by LONE_LEAD, at a
# score under the routing's floor for a guess (intake.routing.decision.GUESS): a clerk confirms it.
LONE_FLOOR = 0.45
LONE_LEAD = 0.15
LONE_SCORE = 0.6
# The floor when the wording's sizes are all printed by the best candidate and by no other near it
# ('the 120 x 180', 'still water 50 cl (the 24-bottle packs)'): the sizes name it, if the words hardly do.
SIZED_FLOOR = 0.3


def exact_match(
    line: ExtractedLine,
    index: CatalogIndex,
    sku: str,
    evidence: Evidence,
    wording: str,
    *,
    customer_ref: str | None = None,
) -> LineMatch:
    """A match by key; a wording whose sizes contradict the article makes it doubtful."""
    product = index.products.get(sku)
    label = product.name if product else ""
    score = evidence.weight
    evidences = [evidence]
    if wording and product:
        agree, disagree, _ = compare_sizes(read_wording(wording), read_wording(product.name))
        if disagree:
            score = min(score, 0.7)
            evidences.append(Evidence(kind="sizes_disagree", detail=", ".join(disagree), weight=-0.3))
        elif agree:
            evidences.append(Evidence(kind="sizes_agree", detail=", ".join(agree), weight=0.0))
    candidate = Candidate(key=sku, label=label, score=score, evidence=evidences)
    match = LineMatch(
        line=line, sku=sku, customer_ref=customer_ref, score=score, margin=score, candidates=[candidate]
    )
    return finish_match(match, index)


def by_designation(
    line: ExtractedLine,
    wording: str,
    index: CatalogIndex,
    habits: dict[str, Habit] | None,
    context: frozenset[str] = frozenset(),
    heading: frozenset[str] = frozenset(),
) -> LineMatch:
    query = read_wording(codes_spaced(wording, index.designations.token_ids))
    every = score_designations(query, index.designations)
    scored = every[: TOP * 3]
    # The line's own heading first: the message's other words may name one vehicle for each block.
    named = named_by_context(every, query, heading, index.designations) or named_by_context(
        every, query, context, index.designations
    )
    if named is not None and named not in scored:
        scored.append(named)
    ranked = sorted((_candidate(s, line, index) for s in scored), key=lambda pair: -pair[0])
    if not ranked or ranked[0][0] < MIN_SCORE:
        candidates = [c for _, c in ranked[:TOP]]
        return finish_match(LineMatch(line=line, sku=None, candidates=candidates), index)
    ranked = by_habit(ranked, line, habits, _stated_unit(line, index))
    if named is not None:
        ranked = _context_first(ranked, index.name_skus[named.position])
    ranked = ranked[:TOP]
    candidates = [c for _, c in ranked]
    best = candidates[0]
    # Ranked on the raw points: two candidates above 1.0 are not a tie at 1.0.
    margin = max(0.0, min(1.0, ranked[0][0] - (ranked[1][0] if len(ranked) > 1 else 0.0)))
    if decided_by_habit(best) or any(e.kind == "context" for e in best.evidence):
        margin = (
            0.0  # the wording alone does not choose: the habit's or the context's choice waits for a clerk
        )
    # Two close candidates are a doubt to show a clerk, never a silent guess.
    confidence = best.score if margin >= CLEAR_MARGIN else best.score * (0.7 + 3 * margin)
    match = LineMatch(
        line=line,
        sku=best.key,
        score=round(min(confidence, 1.0), 4),
        margin=round(margin, 4),
        candidates=candidates,
    )
    return finish_match(match, index)


def lone_fit(found: LineMatch, wording: str, index: CatalogIndex) -> LineMatch:
    """'mayo 5 kg aussi j'ai', 'pots de ricotta à sa commande': words the catalogue does not print (the
    sentence around the article, a word of the customer's own) leave the one article that fits below the
    floor, yet far ahead of any other. When nothing else named the line, it is proposed to a clerk at a
    score that holds the order (`LONE_SCORE`); a closer runner-up, or one fitting half as well that prints
    a word of the wording the first lacks ('filtre à gasoil' against the air filter of the vehicle named,
    beside its fuel filter), leaves the line blank."""
    ranked = found.candidates
    if found.sku is not None or not ranked:
        return found
    query = read_wording(wording)
    named = named_by_sizes(query, [*ranked, *_printing_the_sizes(query, ranked, found.line, index)], index)
    if named is not None:
        # The sizes written name one article where the words hardly do: proposed, still for a clerk.
        ranked = [named, *(c for c in ranked if c is not named)]
        match = LineMatch(line=found.line, sku=named.key, score=LONE_SCORE, margin=0.0, candidates=ranked)
        return finish_match(match, index)
    sized = _sizes_name_one(query, ranked, index)
    if ranked[0].score < (SIZED_FLOOR if sized else LONE_FLOOR):
        return found
    lead = ranked[0].score - (ranked[1].score if len(ranked) > 1 else 0.0)
    near = [c.key for c in ranked if c.score >= ranked[0].score / 2]
    if (lead < LONE_LEAD and not sized) or _lacks_what_another_prints(query, near, index):
        return found
    if (
        not set(query.words)
        & set(index.designations.wordings[index.positions[near[0]]].words) - packaging_words()
    ):
        return found  # 'un rouleau': no word of what the article is
    score = round(min(ranked[0].score, LONE_SCORE), 4)
    match = LineMatch(line=found.line, sku=ranked[0].key, score=score, margin=0.0, candidates=ranked)
    return finish_match(match, index)


def _printing_the_sizes(
    query: Wording, ranked: list[Candidate], line: ExtractedLine, index: CatalogIndex
) -> list[Candidate]:
    """The articles printing every measure the wording states that its words ranked too low to be shown
    ('Rubber tree ties 50 cm, packs of 50' against 'Lien caoutchouc pour arbre 50 cm (lot de 50)')."""
    stated = [f for f in query.features if not f.startswith("num:")]
    if not any(f.partition(":")[0] not in ("pack", "size") for f in stated):
        return []
    shown = {c.key for c in ranked}
    return [
        _candidate(s, line, index)[1]
        for s in score_designations(query, index.designations)
        if index.name_skus[s.position] not in shown
        and not s.disagree
        and sum(1 for f in s.agree if not f.startswith("num:")) >= len(stated)
    ]


def _sizes_name_one(query: Wording, ranked: list[Candidate], index: CatalogIndex) -> bool:
    """Does the best candidate alone print every size the wording states (a bare number aside)?"""
    stated = [f for f in query.features if not f.startswith("num:")]
    if not stated:
        return _figure_opens_one(query, ranked, index)

    def prints_all(sku: str) -> bool:
        agree, disagree, _ = compare_sizes(query, index.designations.wordings[index.positions[sku]])
        return not disagree and sum(1 for f in agree if not f.startswith("num:")) >= len(stated)

    return [c.key for c in ranked if prints_all(c.key)] == [ranked[0].key]


def _figure_opens_one(query: Wording, ranked: list[Candidate], index: CatalogIndex) -> bool:
    """Does a bare figure of the wording open a size the best candidate prints ('27.5' of '27.5x1.90/2.40'),
    a figure no other candidate prints? The customer named the size by it."""
    figures = {f[4:] for f in query.features if f.startswith("num:")}
    own = index.designations.wordings[index.positions[ranked[0].key]]
    opening = {f for f in figures if f"{LEAD}{f}" in leading_figures(own)}
    return bool(opening) and not any(
        opening & index.designations.wordings[index.positions[c.key]].numbers for c in ranked[1:]
    )


def _lacks_what_another_prints(query: Wording, skus: list[str], index: CatalogIndex) -> bool:
    """Does a runner-up print a word of the query the first candidate lacks (the words of one English
    word, 'fauteuil|chaise', are one)?"""
    words = [set(index.designations.wordings[index.positions[sku]].words) for sku in skus]
    groups = {word: set(group) for group in query.either for word in group}
    lacking = [groups.get(word, {word}) for word in query.words if not groups.get(word, {word}) & words[0]]
    return any(meanings & other for meanings in lacking for other in words[1:])


def _context_first(ranked: list[tuple[float, Candidate]], sku: str) -> list[tuple[float, Candidate]]:
    """The candidate the message's other words name, first (its points kept); never over one sold in the
    unit the line counts in when it is not ('2 colis d'essuie-mains' beside 'il en reste une palette')."""
    chosen = next(pair for pair in ranked if pair[1].key == sku)
    if _unit_said(chosen[1], "unit_differs") and _unit_said(ranked[0][1], "unit_agrees"):
        return ranked
    chosen[1].evidence.append(
        Evidence(kind="context", detail="named by the message's other words", weight=0.0)
    )
    return [chosen, *(pair for pair in ranked if pair[1].key != sku)]


def _unit_said(candidate: Candidate, kind: str) -> bool:
    return any(e.kind == kind for e in candidate.evidence)


def _stated_unit(line: ExtractedLine, index: CatalogIndex) -> str | None:
    return index.sales_unit(line.unit.value) if line.unit and line.unit.value else None


def _candidate(scored: Scored, line: ExtractedLine, index: CatalogIndex) -> tuple[float, Candidate]:
    sku = index.name_skus[scored.position]
    product = index.products[sku]
    evidence = [Evidence(kind="designation", detail=product.name, weight=round(scored.text, 4))]
    if scored.agree:
        evidence.append(Evidence(kind="sizes_agree", detail=", ".join(scored.agree), weight=0.03))
    if scored.disagree:
        evidence.append(Evidence(kind="sizes_disagree", detail=", ".join(scored.disagree), weight=-0.4))
    evidence += _unit_pack_price(line, index, sku)
    score = scored.score + sum(e.weight for e in evidence[1:] if e.kind in _ADJUSTMENTS)
    shown = round(max(0.0, min(score, 1.0)), 4)
    return score, Candidate(key=sku, label=product.name, score=shown, evidence=evidence)


_ADJUSTMENTS = {"unit_agrees", "unit_differs", "pack_agrees", "pack_differs", "price_agrees", "price_differs"}


def _unit_pack_price(line: ExtractedLine, index: CatalogIndex, sku: str) -> list[Evidence]:
    """Evidence from the stated unit, pack size and price against the article's."""
    product = index.products[sku]
    evidence: list[Evidence] = []
    if line.unit and line.unit.value and product.unit:
        stated = index.sales_unit(line.unit.value)
        if stated == index.sales_unit(product.unit) or same_unit(stated, product.unit):
            evidence.append(Evidence(kind="unit_agrees", detail=stated, weight=0.05))
        elif _one_pack(line, stated, product):
            # '50 m de multicouche': the length counted is what one coil of the article holds, its name says.
            evidence.append(
                Evidence(kind="unit_agrees", detail=f"one {product.unit} in {stated}", weight=0.05)
            )
        elif stated in index.units.values():
            evidence.append(Evidence(kind="unit_differs", detail=f"{stated} vs {product.unit}", weight=-0.05))
    if line.pack_size and line.pack_size.value:
        pack = f"pack:{line.pack_size.value.normalize():f}"
        packs = {f for f in index.designations.wordings[index.positions[sku]].features if f[:5] == "pack:"}
        if pack in packs:
            evidence.append(Evidence(kind="pack_agrees", detail=pack, weight=0.05))
        elif packs:
            evidence.append(
                Evidence(kind="pack_differs", detail=f"{pack} vs {', '.join(sorted(packs))}", weight=-0.1)
            )
    if line.unit_price and line.unit_price.value and product.unit_price:
        ratio = float(line.unit_price.value) / product.unit_price
        if 0.8 <= ratio <= 1.25:
            evidence.append(Evidence(kind="price_agrees", detail=f"{ratio:.2f}", weight=0.03))
        elif not 0.5 <= ratio <= 2:
            evidence.append(Evidence(kind="price_differs", detail=f"{ratio:.2f}", weight=-0.05))
    return evidence


def _one_pack(line: ExtractedLine, stated: str, product: ProductRow) -> bool:
    """Is the measure counted what one pack of the article holds ('50 m' of the 'couronne de 50 m')?"""
    quantity = line.quantity.value if line.quantity else None
    return quantity is not None and counted_in_packs(quantity, stated, product.name, product.unit) == 1


def finish_match(match: LineMatch, index: CatalogIndex) -> LineMatch:
    """Quantity and unit as the customer stated them; the printed price, else the catalogue's."""
    product = index.products.get(match.sku or "")
    line = match.line
    match.quantity = line.quantity.value if line.quantity else None
    stated = line.unit.value if line.unit and line.unit.value else None
    # A bare count of an article the catalogue does not name counts pieces ('1 hotte pour la salle 12').
    fallback = product.unit if product else (PIECE if match.quantity is not None else None)
    match.unit = index.sales_unit(stated) if stated else fallback
    if (
        stated
        and product
        and product.unit
        and (
            same_unit(stated, product.unit)
            or cut_short_of(stated, product.unit)
            or _same_vessel(match, stated, product.unit)
        )
    ):
        # 'packs' of an article sold by the 'pack', 'bags' of one sold by the 'sac', 'BAR' of one sold by
        # the 'barre', '20L' in 'drums' of one sold by the 'bidon 20 L': the unit the customer wrote is the
        # article's own, so the order carries the catalogue's word for it.
        match.unit = product.unit
    elif (
        stated and product and unit_key(stated) not in index.sold_units and abbreviates(product.unit, stated)
    ):
        # 'bottles' of an article sold by the 'btl', from a catalogue selling nothing by the bottle's word:
        # the catalogue's short form is the customer's word.
        match.unit = product.unit
    if line.unit_price and line.unit_price.value is not None:
        match.unit_price = line.unit_price.value
    elif product and product.unit_price is not None:
        match.unit_price = Decimal(str(product.unit_price))
    if product and match.candidates and match.candidates[0].key == product.sku:
        converted = (
            packs_of_sales_unit(line, match, product, index)
            or own_pack(line, match, product, index)
            or conversion(line, match, product.unit, index)
            or in_packs(match, product.name, product.unit)
        )
        if converted:
            match.candidates[0].evidence.append(converted)
    if (
        stated
        and product
        and product.unit
        and match.unit != product.unit
        and _the_articles_own(match, product, index)
    ):
        # '5 pairs' of gloves, '6 bundles' of canes, '5 coils' of a drip line, where the catalogue sells
        # nothing by the pair, the bundle or the coil, '3 boxes' of pots sold by the carton: the customer's
        # word counts the article as the catalogue sells it, under its own unit.
        match.unit = product.unit
    return match


def _the_articles_own(match: LineMatch, product: ProductRow, index: CatalogIndex) -> bool:
    """Is the unit counted the article's own under another word: one the catalogue sells nothing by, or
    the English word's other unit ('boxes' of an article sold by the carton)? Never where the article's
    name counts that unit ('lot de 5 paires': the pairs are what it holds)."""
    stated = match.line.unit.value if match.line.unit and match.line.unit.value else ""
    other = unit_elsewhere(stated) == index.sales_unit(product.unit or "")
    if not (other or _sold_by_none(match.unit, index)):
        return False
    spellings = "|".join(re.escape(s) for s, unit in unit_of().items() if unit == match.unit)
    return re.search(rf"\d\s*(?:{spellings})\b", fold(product.name)) is None


def _sold_by_none(unit: str | None, index: CatalogIndex) -> bool:
    """A unit counting the article itself (no piece, shipping case, container or measure) that no article
    of the catalogue is sold by."""
    spec = unit_vocabulary().units.get(unit or "")
    return (
        spec is not None
        and spec.kind == "count"
        and unit != "pce"
        and not (spec.shipping or spec.case or spec.container or spec.vessel)
        and bool(index.sold_units)
        and unit not in index.sold_units
    )


def _same_vessel(match: LineMatch, stated: str, sold: str) -> bool:
    """A liquid's container under another word, the line's volume the article's ('20L' in 'drum' of the
    'bidon 20 L'): without the volume agreeing, a can and a barrel are not told apart."""
    sized = any(
        e.kind == "sizes_agree" and e.detail.startswith("vol:")
        for c in match.candidates[:1]
        if c.key == match.sku
        for e in c.evidence
    )
    return sized and same_vessel(stated, sold)
