"""Goods named by how they are cut, made ready or used, in English against a French catalogue; a
participle written in the other gender; one measure said in words with its article."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        ("diced tomatoes 2.5 kg", ("Tomates en dés boîte 2,5 kg", "Tomates pelées boîte 2,5 kg")),
        ("tomates en dés 2,5 kg", ("Tomates en dés boîte 2,5 kg", "Tomates pelées boîte 2,5 kg")),
        ("sliced chicken breast 1 kg", ("Filet de poulet émincé 1 kg", "Cuisse de poulet 1 kg")),
        ("chopped chives 100 g", ("Ciboulette ciselée barquette 100 g", "Persil plat barquette 100 g")),
        (
            "assorted cable ties",
            ("Collier de serrage assortiment 200 pièces", "Collier de serrage noir 200 x 4,8 mm"),
        ),
        ("acrylic insulation sheets 20 mm", ("Plaque isolant acrylique 20 mm", "Rouleau isolant 20 mm")),
        ("hand gel 1 L", ("Gel hydroalcoolique flacon 1 L", "Savon liquide mains flacon 1 L")),
        ("rinse aid 5L", ("Liquide de rinçage bidon 5 L", "Liquide vaisselle main bidon 5 L")),
        ("softener salt 25 kg", ("Sel régénérant adoucisseur sac 25 kg", "Sel de déneigement sac 25 kg")),
        ("laundry bags", ("Sac à linge hydrosoluble", "Sac poubelle 50 L")),
        ("part-baked rolls", ("Petit pain précuit 40 g", "Petit pain aux céréales 40 g")),
        ("veste matelassé taille L", ("Veste matelassée taille L", "Veste softshell taille L")),
        ("gaine annelé 20", ("Gaine annelée 20 mm - couronne 50 m", "Gaine lisse 20 mm - barre 3 m")),
        ("cordon RJ45 d'un mètre", ("Cordon RJ45 1 m", "Cordon RJ45 2 m")),
        ("huile moteur 5W30, un litre", ("Huile moteur 5W30 1 L", "Huile moteur 5W30 5 L")),
    ],
    ids=[
        "diced",
        "en-des",
        "sliced",
        "chopped",
        "assorted",
        "sheet",
        "hand-gel",
        "rinse-aid",
        "softener-salt",
        "laundry",
        "part-baked",
        "feminine-quilted",
        "feminine-conduit",
        "one-metre",
        "one-litre",
    ],
)
def test_a_prepared_or_used_name_finds_its_designation(wording: str, names: tuple[str, ...]) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"


def test_powder_free_gloves_are_not_the_powdered_ones() -> None:
    names = ("Gant nitrile poudré taille M - boîte de 100", "Gant nitrile non poudré taille M - boîte de 100")
    match = match_article(
        make_extracted_line("nitrile gloves PF, medium", quantity="2"),
        catalogue_index(*names),
        customer_id=None,
    )
    assert match.sku == "A2"


@pytest.mark.parametrize(
    ("wording", "feature"),
    [
        ("lardons d'un kilo", "mass:1000"),
        ("a litre of milk", "vol:1000"),
        ("une rallonge d'un mètre", "len:1000"),
    ],
)
def test_one_measure_in_words_is_its_size(wording: str, feature: str) -> None:
    assert feature in read_wording(wording).features


def test_a_participle_reads_alike_in_either_gender() -> None:
    assert read_wording("oignons émincés").words == read_wording("oignon émincée").words


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        ("plain yoghurts (the 48s)", ("Yaourt nature colis de 24", "Yaourt nature colis de 48")),
        ("cable ties, the 100s", ("Collier de serrage sachet de 50", "Collier de serrage sachet de 100")),
    ],
    ids=["food", "electrical"],
)
def test_a_number_in_the_plural_names_the_variant_printing_it(wording: str, names: tuple[str, ...]) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A2"


@pytest.mark.parametrize(
    ("wording", "pack", "names"),
    [
        (
            "yaourts nature (sinon 2 colis de 24)",
            "48",
            ("Yaourt nature colis de 48", "Yaourt nature colis de 24"),
        ),
        (
            "chevilles nylon 8 mm (otherwise 2 boxes of 50)",
            "100",
            ("Cheville nylon 8 mm boîte de 100", "Cheville nylon 8 mm boîte de 50"),
        ),
        ("floor cleaner 5 L, failing that the 1 L", None, ("Nettoyant sol 5 L", "Nettoyant sol 1 L")),
    ],
    ids=["fr-bracket", "en-bracket", "en-comma"],
)
def test_what_the_customer_takes_instead_is_no_part_of_the_name(
    wording: str, pack: str | None, names: tuple[str, ...]
) -> None:
    line = make_extracted_line(wording, quantity="1", pack_size=pack)
    assert match_article(line, catalogue_index(*names), customer_id=None).sku == "A1"


@pytest.mark.parametrize(
    ("wording", "names"),
    [
        ("non-slip kitchen clogs 42", ("Sabot de cuisine antidérapant 42", "Chaussure de cuisine 42")),
        ("safety boots steel toe cap 43", ("Botte de sécurité coque acier 43", "Botte de pluie PVC 43")),
        ("quilted hooded jacket XL", ("Veste matelassée à capuche XL", "Veste softshell XL")),
        ("bib and brace navy L", ("Cotte à bretelles bleu marine L", "Pantalon de travail bleu marine L")),
        ("charcoal fleece M", ("Polaire anthracite M", "Polaire bleu marine M")),
        ("side cutters 160 mm", ("Pince coupante diagonale 160 mm", "Pince universelle 160 mm")),
        ("flex 3G1.5 white", ("Câble souple H05VV-F 3G1,5 blanc", "Câble rigide R2V 3G1,5")),
        ("dimmer switch white", ("Variateur rotatif blanc", "Interrupteur va-et-vient blanc")),
        ("heat shrink 6 mm", ("Gaine thermorétractable 6 mm", "Gaine ICTA 6 mm")),
    ],
    ids=[
        "clogs",
        "toe-cap",
        "quilted",
        "bib-and-brace",
        "charcoal",
        "cutters",
        "flex",
        "dimmer",
        "heat-shrink",
    ],
)
def test_a_garment_or_fitting_named_in_english_finds_its_designation(
    wording: str, names: tuple[str, ...]
) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == "A1"


@pytest.mark.parametrize(
    ("wording", "sku"),
    [
        ("RCBO 1P+N 16A 30mA A", "A1"),
        ("RCD 2P 40A 30 mA AC", "A2"),
        ("interrupteur différentiel 30mA F", "A3"),
    ],
    ids=["rcbo-a", "rcd-ac", "fr-f"],
)
def test_a_class_written_right_after_the_sensitivity_is_the_class(wording: str, sku: str) -> None:
    names = (
        "Disjoncteur différentiel 1P+N 16A 30mA type A",
        "Interrupteur différentiel 2P 40A 30mA type AC",
        "Interrupteur différentiel 2P 40A 30mA type F",
    )
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


def test_a_model_code_ending_in_s_is_no_number_in_the_plural() -> None:
    assert "35s" in read_wording("Plaquettes AR Iveco Daily 35S").words
