"""The reference data, indexed for matching.

Lookups by key (sku, normalised code, EAN, customer refs, aliases, contact
addresses) are dictionaries. Designations are indexed by word and by size
feature into posting arrays, so a line is scored against the few hundred
articles that share its words and sizes, never against the whole catalogue.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from matchers.customer_terms import CustomerTerms, TermIndex
from matchers.designation import packaging_words, score_designations
from matchers.designation_index import DesignationIndex
from matchers.habits import Habits, build_habits
from matchers.normalize import fold, normalize_code, normalize_wording, read_wording, unit_of
from models import CustomerRefRow, CustomerRow, HabitRow, ProductRow, ReferenceData
from parsers.values.units import unit_elsewhere

if TYPE_CHECKING:
    from models import Store

# Restricted catalogues kept by one index (`CatalogIndex.subset`): a long-lived index keeps no more.
SUBSETS_KEPT = 2000


@dataclass
class CatalogIndex:
    products: dict[str, ProductRow] = field(default_factory=dict)
    by_ean: dict[str, str] = field(default_factory=dict)
    customers: dict[str, CustomerRow] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)  # first owner; see `emails` for all
    by_domain: dict[str, list[str]] = field(default_factory=dict)
    refs: dict[tuple[str, str], str] = field(default_factory=dict)  # (customer_id, ref) -> sku
    aliases: dict[tuple[str, str], str] = field(default_factory=dict)  # (customer_id, wording) -> sku
    alias_wordings: frozenset[str] = frozenset()  # every learned wording, whoever's
    names: list[str] = field(default_factory=list)
    name_skus: list[str] = field(default_factory=list)
    emails: dict[str, list[str]] = field(default_factory=dict)  # contact address -> customer ids
    by_code: dict[str, list[str]] = field(default_factory=dict)  # normalised sku -> skus
    refs_by_code: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # -> (ref, sku)
    by_vat: dict[str, list[str]] = field(default_factory=dict)  # VAT number and SIREN -> customer ids
    units: dict[str, str] = field(default_factory=dict)  # spelling -> catalogue unit
    sold_units: frozenset[str] = frozenset()  # the units the catalogue sells anything by
    designations: DesignationIndex = field(default_factory=DesignationIndex)
    positions: dict[str, int] = field(default_factory=dict)  # sku -> its place in `names`
    customer_terms: CustomerTerms = field(default_factory=lambda: CustomerTerms(TermIndex(), TermIndex()))
    known_codes: set[str] = field(default_factory=set)  # every article code, normalised
    maker_refs: dict[str, str] = field(default_factory=dict)  # a maker's ref in one designation -> sku
    # The code of a family of skus ('BOT-S5-200' of 'BOT-S5-200-40', '-42'...) -> each sku and what its code adds.
    families: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)  # normalised designation -> skus
    heads: frozenset[str] = frozenset()  # the first word of each designation, as compared
    dimensions: frozenset[str] = (
        frozenset()
    )  # the 'AxB' sizes the designations print ('5x60' of 'Vis 5 x 60')
    habits: Habits = field(default_factory=dict)  # what each customer usually buys
    # The catalogue restricted to a few articles (an order's), built once each: see `subset`.
    subsets: dict[tuple[str, ...], CatalogIndex] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, reference: ReferenceData) -> CatalogIndex:
        index = cls()
        for product in reference.products:
            index._add_product(product)
        index.designations = DesignationIndex.build(index.names, index.name_skus)
        index.heads = frozenset(w.words[0] for w in index.designations.wordings if w.words)
        index.dimensions = frozenset(
            _dimension(m["a"], m["b"]) for name in index.names for m in _DIMENSION.finditer(name)
        )
        index.units = unit_of()
        index.sold_units = frozenset(index.sales_unit(p.unit) for p in index.products.values() if p.unit)
        for customer in reference.customers:
            index._add_customer(customer)
        index.customer_terms = CustomerTerms.build(reference.customers)
        for ref in reference.customer_refs:
            index.refs[(ref.customer_id, ref.customer_ref.upper())] = ref.sku
            index.refs_by_code[(ref.customer_id, normalize_code(ref.customer_ref))] = (
                ref.customer_ref,
                ref.sku,
            )
        for alias in reference.aliases:  # stored already normalised by learn_alias
            index.aliases[(alias.customer_id, alias.wording)] = alias.sku
        index.alias_wordings = frozenset(wording for _, wording in index.aliases)
        index.maker_refs = _maker_refs(index)
        index.families = _families(index)
        index.known_codes = _known_codes(index)
        index.habits = build_habits(reference.habits, index.products, index.sales_unit)
        return index

    def with_habits(self, rows: list[HabitRow]) -> CatalogIndex:
        """This index with the customers' habits read from `rows`, the rest shared: the habits
        are built from the products and units alone, as `build` does."""
        return replace(self, habits=build_habits(rows, self.products, self.sales_unit), subsets={})

    def knows_code(self, token: str) -> bool:
        """Is `token` an article code the company knows (sku, EAN, a customer's or maker's ref)?"""
        if len(token) < 4 or token.isalpha():  # most words: no look at each character
            return False
        return _code_shaped(token) and normalize_code(token) in self.known_codes

    def names_article(self, words: str) -> float:
        """How surely `words` name one article by its designation, 0 to 1: the best designation's score
        when it prints one of the words and another word or a size of theirs ('farine T55 5 kg'),
        packaging aside. One word ('noir', 'disjoncteurs', 'noir - boîte') names a colour or a kind of
        article, and the catalogue's name copied, or a wording a clerk taught, names its article outright."""
        written = normalize_wording(words)
        if written in self.by_name or written in self.alias_wordings:
            return 1.0
        wording = read_wording(words)
        if not wording.words or len(wording.words) + len(wording.features) < 2:
            return 0.0
        scored = score_designations(wording, self.designations)
        if not scored:
            return 0.0
        best = scored[0]
        shared = set(wording.words) & set(self.designations.wordings[best.position].words) - packaging_words()
        return min(best.score, 1.0) if shared and len(shared) + len(best.agree) >= 2 else 0.0

    def names_alone(self, word: str, unit: str) -> bool:
        """One word heading one designation alone, counted in the unit that article is sold by ('bananes,
        6 kg' over 'Banane Cavendish' by the kg): it names that article, where one word names a kind."""
        words = read_wording(word).words
        if len(words) != 1:
            return False
        skus = [
            sku
            for sku, w in zip(self.name_skus, self.designations.wordings, strict=True)
            if w.words[:1] == words
        ]
        return len(skus) == 1 and self.products[skus[0]].unit == unit

    def said_words(self, text: str) -> frozenset[str]:
        """The words of `text` as the matcher compares them with designations (folded, singular, English
        words in the catalogue's: 'the lamb' is 'agneau'), packaging aside."""
        return frozenset(read_wording(text).words) - packaging_words()

    def code_words(self, token: str) -> frozenset[str]:
        """The words, as `said_words` gives them, that every designation of the articles `token` is a code
        of prints (a sku, an EAN, any customer's ref, a maker's ref): a line written as a code is named in
        words by its article's name."""
        code = normalize_code(token)
        skus = {*self.by_code.get(code, ()), *([self.by_ean[code]] if code in self.by_ean else ())}
        skus.update(sku for (_, ref), (_, sku) in self.refs_by_code.items() if ref == code)
        if code in self.maker_refs:
            skus.add(self.maker_refs[code])
        named = [self.said_words(self.products[sku].name) for sku in skus if sku in self.products]
        return frozenset.intersection(*named) if named else frozenset()

    def prints_dimension(self, first: str, second: str) -> bool:
        """Does a designation of the catalogue print the size `first` x `second` ('Vis 5 x 60',
        'ruban 25 mm x 50 m', '3G2,5')?"""
        return _dimension(first, second) in self.dimensions

    def names_family(self, token: str) -> bool:
        """Is `token` the code of a family of skus, whose size or variant is written apart ('BOT-S5-200')?"""
        return normalize_code(token) in self.families

    def _add_product(self, product: ProductRow) -> None:
        self.products[product.sku] = product
        if product.ean:
            self.by_ean[product.ean] = product.sku
        self.by_code.setdefault(normalize_code(product.sku), []).append(product.sku)
        self.positions[product.sku] = len(self.names)
        self.names.append(product.name)
        self.name_skus.append(product.sku)
        self.by_name.setdefault(normalize_wording(product.name), []).append(product.sku)

    def _add_customer(self, customer: CustomerRow) -> None:
        cid = customer.customer_id
        self.customers[cid] = customer
        for address in customer.contact_emails:
            self.by_email.setdefault(address, cid)
            self.emails.setdefault(address, []).append(cid)
        for domain in customer.email_domains:
            self.by_domain.setdefault(domain, []).append(cid)
        if customer.vat_number:
            vat = fold(customer.vat_number).upper().replace(" ", "")
            self.by_vat.setdefault(vat, []).append(cid)
            if vat[:2].isalpha() and vat[-9:].isdigit():
                self.by_vat.setdefault(vat[-9:], []).append(cid)  # the SIREN inside a French VAT number

    def subset(self, skus: tuple[str, ...]) -> CatalogIndex:
        """The catalogue restricted to `skus` and the customers' own codes for them, built once: a
        follow-up reads its words against each of the customer's latest orders."""
        found = self.subsets.get(skus)
        if found is None:
            if len(self.subsets) >= SUBSETS_KEPT:
                self.subsets.clear()
            wanted = set(skus)
            refs = [
                CustomerRefRow(customer_id=customer, customer_ref=ref, sku=sku)
                for (customer, _), (ref, sku) in self.refs_by_code.items()
                if sku in wanted
            ]
            products = [self.products[sku] for sku in skus if sku in self.products]
            found = self.subsets[skus] = CatalogIndex.build(
                ReferenceData(products=products, customer_refs=refs)
            )
            found.sold_units = self.sold_units  # what the whole catalogue sells by, not these few
        return found

    def add_alias(self, customer_id: str, wording: str, sku: str) -> None:
        """Make a learned wording usable at once (the store keeps it for the next run)."""
        self.aliases[(customer_id, normalize_wording(wording))] = sku
        self.alias_wordings = self.alias_wordings | {normalize_wording(wording)}

    def sales_unit(self, spelling: str) -> str:
        """The customer's unit in the catalogue's vocabulary (its folded form when unknown)."""
        word = fold(spelling).strip(" .")
        unit = self.units.get(word, word)
        if self.sold_units and unit not in self.sold_units:
            other = unit_elsewhere(word)  # 'bags' from a catalogue selling by the sac and no sachet
            return other if other in self.sold_units else unit
        return unit


class IndexCache:
    """The catalogue index, shared by the daemon's workers or the web UI's requests.

    Every `max_age` seconds the store's fingerprints are read (a few counts). The index is
    built again only when the reference data changed (aliases a clerk confirms, a catalogue
    imported); orders accepted since, which teach the customers' habits, give an index with
    its habits read again and the rest shared, so a busy daemon accepting orders all day
    does not build its catalogue every minute. Either way the index is a new one (and the
    reading workers are forked with it); an unchanged store keeps it."""

    def __init__(
        self, store: Store, max_age: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.store, self.max_age, self.clock = store, max_age, clock
        self._lock = threading.Lock()
        self._index: CatalogIndex | None = None
        self._stamp: tuple[object, ...] | None = None
        self._habits_stamp: tuple[object, ...] | None = None
        self._checked = 0.0

    def get(self) -> CatalogIndex:
        # The store's side, imported here: a process that only reads messages never looks at it.
        from models.fingerprint import habits_fingerprint, reference_fingerprint

        with self._lock:
            if self._index is None or self.clock() - self._checked > self.max_age:
                self._checked = self.clock()
                # Read first: a write meanwhile builds again at the next look.
                stamp = reference_fingerprint(self.store.engine)
                habits_stamp = habits_fingerprint(self.store.engine)
                if self._index is None or stamp != self._stamp:
                    self._index = CatalogIndex.build(self.store.load_reference())
                elif habits_stamp != self._habits_stamp:
                    self._index = self._index.with_habits(self.store.load_habits())
                self._stamp, self._habits_stamp = stamp, habits_stamp
            return self._index


# A size of two figures in a designation, each with its measure or none: '5x60', '25 mm x 50 m'.
_DIMENSION = re.compile(
    r"(?<![\w.,])(?P<a>\d+(?:[.,]\d+)?)\s*(?:[^\W\d_]{1,2}\s*)?[x×]\s*(?P<b>\d+(?:[.,]\d+)?)(?![\d.,]\d)",
    re.I,
)


def _dimension(first: str, second: str) -> str:
    return f"{first.replace(',', '.')}x{second.replace(',', '.')}"


def _known_codes(index: CatalogIndex) -> set[str]:
    """Skus, EANs, customers' refs and the makers' refs printed in designations."""
    codes = {normalize_code(sku) for sku in index.products}
    codes.update(index.by_ean)
    codes.update(code for _, code in index.refs_by_code)
    codes.update(index.maker_refs)
    codes.update(index.families)
    return codes


# A digit of `str.isdigit` (an ASCII text has no other than \d's), or a separator inside the token.
_DIGIT = re.compile(r"\d")
_INNER_SEPARATOR = re.compile(r"[-/.]")


def _code_shaped(token: str) -> bool:
    """A token holding a digit or a separator between its characters, as codes are written."""
    if _DIGIT.search(token) or _INNER_SEPARATOR.search(token.strip("-/.")):
        return True
    return not token.isascii() and any(c.isdigit() for c in token)


def variant_key(text: str) -> str:
    """A size or variant as a sku's end writes it: no case, separators or leading zeros ('09' = '9',
    '43/46' = '4346', 'XXL' = '2XL'), a size's letter before its number ('T9' = '9')."""
    key = re.sub(r"^[TP](?=\d)", "", re.sub(r"[\s\-./_]+", "", text.upper())).lstrip("0")
    return {"XXL": "2XL", "XXXL": "3XL"}.get(key, key)


def _families(index: CatalogIndex) -> dict[str, tuple[tuple[str, str], ...]]:
    """The codes that open several skus at a separator, each with the variant the rest of the sku
    names: a customer writes the family's code and the size apart ('BOT-S5-200  42', '(CHS-S3-740) 40')."""
    members: dict[str, list[tuple[str, str]]] = {}
    for sku in index.products:
        for cut in _SEPARATOR.finditer(sku):
            stem, rest = sku[: cut.start()], sku[cut.end() :]
            if any(c.isdigit() for c in stem) or "-" in stem.strip("-"):
                members.setdefault(normalize_code(stem), []).append((sku, variant_key(rest)))
        # A colour or size letter glued to the code ('ESS2207B', 'MAT5101R'): the code before it.
        glued = _GLUED_VARIANT.match(sku)
        if glued:
            members.setdefault(normalize_code(glued[1]), []).append((sku, variant_key(glued[2])))
    taken = {normalize_code(sku) for sku in index.products}
    return {
        stem: tuple(skus)
        for stem, skus in members.items()
        if len(skus) > 1 and stem not in taken and len(stem) >= 4
    }


_SEPARATOR = re.compile(r"[\-./_ ]")
_GLUED_VARIANT = re.compile(r"^([A-Z]{2,}\d{3,})([A-Z]{1,2})$")


def _maker_refs(index: CatalogIndex) -> dict[str, str]:
    """'Toner HP 305A noir (CE410A)': a code of letters and digits printed in one designation only."""
    owners: dict[str, set[str]] = {}
    for name, sku in zip(index.names, index.name_skus, strict=True):
        for token in MAKER_REF.findall(name):
            if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
                owners.setdefault(normalize_code(token), set()).add(sku)
    return {code: next(iter(skus)) for code, skus in owners.items() if len(skus) == 1}


# A maker's reference inside a designation: letters and digits together, at least five long.
MAKER_REF = re.compile(r"(?<![\w\-])[A-Z0-9][A-Z0-9\-]{4,}(?![\w\-])")
