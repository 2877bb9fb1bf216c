"""Near twins told apart by a value of one kind on either side that the customer did not write name
no article: the line goes to a clerk with both twins shown, never with a guess."""

from __future__ import annotations

from decimal import Decimal

import pytest

from matchers import CatalogIndex, match_article, match_order
from matchers.untold import left_untold, untold_names_none
from models import (
    Address,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    LineMatch,
    ParsedMessage,
    ProductRow,
    Provenance,
    ReferenceData,
)
from tests.factories.pipeline import make_extracted_line


def _index() -> CatalogIndex:
    """A plumber's counter, a lab's consumables and a stationer's shelf, each with twins."""
    return CatalogIndex.build(
        ReferenceData(
            products=[
                ProductRow(sku="TCU-12", name="Tube cuivre écroui Ø12 - barre 4 m", unit="barre"),
                ProductRow(sku="TCU-14", name="Tube cuivre écroui Ø14 - barre 4 m", unit="barre"),
                ProductRow(
                    sku="PIP-10", name="Pipettes graduées stériles 10 ml - sachet de 50", unit="sachet"
                ),
                ProductRow(
                    sku="PIP-10C", name="Pipettes graduées stériles 10 ml - sachet de 200", unit="sachet"
                ),
                ProductRow(sku="FEU-05", name="Feutre fin Stabilo 0.4 noir", unit="pce"),
                ProductRow(sku="FEU-08", name="Feutre fin Stabilo 0.8 noir", unit="pce"),
                ProductRow(sku="ROB-1", name="Robinet d'arrêt 1/2", unit="pce"),
                ProductRow(sku="ROB-1I", name="Robinet d'arrêt 1/2 inox renforcé 20 bar", unit="pce"),
                ProductRow(sku="COU-90", name="Coude cuivre à souder 90°", unit="pce"),
                ProductRow(sku="BAT-E11", name="Batterie Varta Blue Dynamic E11 12V 74Ah 680A", unit="pce"),
                ProductRow(sku="BAT-G3", name="Batterie Varta Blue Dynamic G3 12V 95Ah 800A", unit="pce"),
                ProductRow(sku="EMB-200", name="Embouts de pipette T200 - sachet de 1000", unit="sachet"),
                ProductRow(
                    sku="EMB-200F",
                    name="Embouts de pipette T200F avec filtre - sachet de 1000",
                    unit="sachet",
                ),
                ProductRow(sku="SIP-40", name="Siphon de lavabo SL40 - sortie 32 mm", unit="pce"),
                ProductRow(
                    sku="SIP-40C", name="Siphon de lavabo SL40C design laiton - sortie 32 mm", unit="pce"
                ),
                ProductRow(sku="NET-CI", name="Nettoyant sols citron - bidon 5 L", unit="bidon"),
                ProductRow(sku="NET-PI", name="Nettoyant sols pin - bidon 5 L", unit="bidon"),
                ProductRow(sku="SUR-JA", name="Surligneur fluo Lumo jaune", unit="pce"),
                ProductRow(sku="SUR-RO", name="Surligneur fluo Lumo rose", unit="pce"),
                ProductRow(sku="RUB-30", name="Ruban LED 24V 3000K - bobine 5 m", unit="pce"),
                ProductRow(sku="RUB-40", name="Ruban LED 24V 4000K - bobine 5 m", unit="pce"),
                ProductRow(sku="SEC-2", name="Interrupteur sectionneur 2P 40A", unit="pce"),
                ProductRow(sku="SEC-4", name="Interrupteur sectionneur 4P 40A", unit="pce"),
                ProductRow(sku="LX-502H", name="Toner Lexmark 502H (50F2H00)", unit="pce"),
                ProductRow(
                    sku="LX-502U", name="Toner Lexmark 502U très haute capacité (50F2U00)", unit="pce"
                ),
                ProductRow(sku="JET-400A", name="Pompe de relevage Jetly 400A automatique", unit="pce"),
                ProductRow(sku="JET-400E", name="Pompe de relevage Jetly 400E manuelle", unit="pce"),
                ProductRow(sku="CAN-545", name="Cartouche Canon 545", unit="pce"),
                ProductRow(sku="CAN-545XL", name="Cartouche Canon 545XL haute capacité", unit="pce"),
                ProductRow(sku="GLA-5", name="Glace vanille bac 5 L", unit="bac"),
                ProductRow(sku="GLA-25", name="Glace vanille bac 2,5 L", unit="bac"),
                ProductRow(sku="TOM-51", name="Tomates pelées boîte 5/1 - carton de 3", unit="carton"),
                ProductRow(sku="GNT-P", name="Gant latex poudré taille M - boîte de 100", unit="boite"),
                ProductRow(sku="GNT-NP", name="Gant latex non poudré taille M - boîte de 100", unit="boite"),
                ProductRow(sku="BOC-C", name="Bocal verre 500 ml avec couvercle", unit="pce"),
                ProductRow(sku="BOC-S", name="Bocal verre 500 ml sans couvercle", unit="pce"),
                ProductRow(sku="ETA-5B", name="Étagère murale 5 niveaux - réf. ET-5B", unit="pce"),
                ProductRow(sku="ETA-5X", name="Étagère murale 5 niveaux inox - réf. ET-5X", unit="pce"),
            ]
        )
    )


def _matched(wording: str, unit: str | None = None, row: str = "") -> LineMatch:
    index = _index()
    found = match_article(make_extracted_line(wording, unit=unit), index, customer_id=None)
    return untold_names_none(found, index, row)


@pytest.mark.parametrize(
    ("wording", "unit", "row"),
    [
        ("tube cuivre écroui", "barres", ""),
        ("pipettes graduées stériles 10 ml", "sachets", ""),
        ("Stabilo fine felt pens black", None, ""),
        ("ruban LED 24V", None, ""),
        ("interrupteurs sectionneurs 40A", None, ""),
        ("Lexmark 502 toner", None, ""),
        ("pompe de relevage Jetly 400", None, ""),
        ("nettoyant sols 5 L", "bidons", ""),
        ("Lumo highlighters", None, ""),
        ("pipette tips, bags of 1000", "bags", ""),
        ("siphons de lavabo", None, ""),
        ("Latex gloves M box of 100", "boxes", ""),
        ("bocaux verre 500 ml", None, ""),
    ],
    ids=[
        "diameter-untold",
        "pack-untold",
        "tip-untold-en",
        "colour-temperature-untold",
        "poles-untold",
        "model-stem-en",
        "model-stem-fr",
        "scent-untold",
        "colour-untold-en",
        "variant-code-untold-en",
        "variant-code-untold-fr",
        "denied-word-untold-en",
        "denied-word-untold-lab",
    ],
)
def test_twins_told_apart_by_an_unwritten_value_name_no_article(
    wording: str, unit: str | None, row: str
) -> None:
    match = _matched(wording, unit, row)
    assert match.sku is None
    assert len(match.candidates) >= 2


@pytest.mark.parametrize(
    ("wording", "unit", "row", "sku"),
    [
        ("tube cuivre écroui 14", "barres", "", "TCU-14"),
        ("pipettes graduées stériles 10 ml", "sachets", "3 sachets de 50 pipettes 10 ml", "PIP-10"),
        ("feutres Stabilo 0.8 noirs", None, "", "FEU-08"),
        ("robinets d'arrêt 1/2", None, "", "ROB-1"),
        ("ruban LED 24V 4000 K", None, "", "RUB-40"),
        ("interrupteur sectionneur 4P", None, "", "SEC-4"),
        ("Lexmark 502H toner", None, "", "LX-502H"),
        ("cartouches Canon 545", None, "", "CAN-545"),
        ("nettoyant sols pin 5 L", "bidons", "", "NET-PI"),
        ("pink Lumo highlighters", None, "", "SUR-RO"),
        ("embouts de pipette standard", "sachets", "", "EMB-200"),
        ("siphons de lavabo simples", None, "", "SIP-40"),
        ("siphon de lavabo laiton", None, "", "SIP-40C"),
        ("latex gloves powder free M", "boxes", "", "GNT-NP"),
        ("gants latex poudrés M", "boites", "", "GNT-P"),
        ("étagère murale 5 niveaux", None, "", "ETA-5B"),
    ],
    ids=[
        "diameter-said",
        "pack-in-the-row",
        "tip-said",
        "plain-beside-variant",
        "colour-temperature-said-apart",
        "poles-said",
        "model-said-whole",
        "model-of-one-beside-its-variant",
        "scent-said",
        "colour-said-en",
        "plain-model-asked",
        "plain-model-asked-plural",
        "variant-said",
        "denial-said-en",
        "word-said-fr",
        "a-number-both-print-is-no-model-stem",
    ],
)
def test_a_value_written_or_a_plain_name_keeps_the_article(
    wording: str, unit: str | None, row: str, sku: str
) -> None:
    assert _matched(wording, unit, row).sku == sku


def test_two_models_each_rated_are_left_to_the_ranking() -> None:
    """'E11 74Ah 680A' and 'G3 95Ah 800A' differ by a model code as well as by ratings: not twins of one value."""
    assert _matched("batteries Varta Blue Dynamic").sku in {"BAT-E11", "BAT-G3"}


def test_a_line_left_untold_names_its_two_twins() -> None:
    match = _matched("tube cuivre écroui", "barres")
    assert left_untold(match) is not None and set(left_untold(match)) == {"TCU-12", "TCU-14"}
    assert left_untold(_matched("tube cuivre écroui 14", "barres")) is None


def _in_message(wording: str, unit: str, answer: str) -> str | None:
    line = make_extracted_line(wording, unit=unit, quantity="3")
    parsed = ParsedMessage(
        message_id="<a@x>",
        sender=Address(email="labo@client.example"),
        text=answer,
        quoted=f"> 3 {unit} {wording}",
    )
    return match_order(parsed, ExtractedOrder(lines=[line]), _index()).lines[0].sku


@pytest.mark.parametrize(
    ("wording", "unit", "answer", "sku"),
    [
        ("tube cuivre écroui", "barres", "Oui pour la livraison. Et le tube cuivre en 12.", "TCU-12"),
        ("pipettes graduées stériles 10 ml", "sachets", "Les pipettes en sachet de 50, merci.", "PIP-10"),
        ("Stabilo fine felt pens black", "pce", "And 0.4 for the Stabilo pens.", "FEU-05"),
        ("tube cuivre écroui", "barres", "Et le tube cuivre en 14.", None),
        ("tube cuivre écroui", "barres", "Merci, bonne journée.", None),
    ],
    ids=["diameter-answered", "pack-answered", "tip-answered-en", "the-other-answered", "nothing-answered"],
)
def test_the_customers_answer_naming_a_twins_value_tells_it_and_never_the_other(
    wording: str, unit: str, answer: str, sku: str | None
) -> None:
    assert _in_message(wording, unit, answer) == sku


def _read_from(text: str, count: str, wording: str) -> ExtractedLine:
    """A line read from `text`: its words where they are written, its count before them or else after."""
    at = text.index(wording)
    counted = text.rfind(count, 0, at)
    counted = counted if counted >= 0 else text.index(count, at + len(wording))
    return ExtractedLine(
        line_no=1,
        description=Extracted(
            value=wording, provenance=Provenance(part="body", span=(at, at + len(wording)))
        ),
        quantity=Extracted(
            value=Decimal(count), provenance=Provenance(part="body", span=(counted, counted + len(count)))
        ),
    )


def _skus(text: str, *read: tuple[str, str]) -> list[str | None]:
    parsed = ParsedMessage(message_id="<r@x>", sender=Address(email="achats@client.example"), text=text)
    lines = [_read_from(text, count, wording) for count, wording in read]
    return [m.sku for m in match_order(parsed, ExtractedOrder(lines=lines), _index()).lines]


@pytest.mark.parametrize(
    ("text", "read", "skus"),
    [
        (
            "Il nous faut 2 cartons de tomates pelées 5/1 et 2 bacs de glace vanille.",
            (("2", "tomates pelées 5/1"), ("2", "glace vanille")),
            ["TOM-51", None],
        ),
        (
            "Please send 4 lengths of tube cuivre écroui and 12 coudes cuivre 90°.",
            (("4", "tube cuivre écroui"), ("12", "coudes cuivre 90°")),
            [None, "COU-90"],
        ),
        ("Stabilo fine felt pens black | 8 | pce", (("8", "Stabilo fine felt pens black"),), [None]),
    ],
    ids=["size-of-another-line-fr", "count-of-another-line-en", "own-count-in-a-table-row"],
)
def test_a_rows_numbers_of_other_lines_and_of_the_count_tell_no_twin(
    text: str, read: tuple[tuple[str, str], ...], skus: list[str | None]
) -> None:
    assert _skus(text, *read) == skus


def test_a_line_naming_no_word_of_the_article_is_left_to_the_words_that_named_it() -> None:
    """'Carton S' under our quoted 'Option B - vinyl powder-free': the option's heading named the article,
    the line its pack and size alone; the denied word is no twin it leaves untold."""
    assert _matched("Boîte M", "boites").sku is not None
