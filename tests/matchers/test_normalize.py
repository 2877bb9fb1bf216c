"""Reading designations into words and sizes, and codes into comparable keys."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from matchers.normalize import normalize_code, normalize_wording, read_wording


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vis agglo tête fraisée inox A2 4x40 - boîte de 200", {"dim:4x40", "pack:200"}),
        ("vis 4 X 40", {"dim:4x40"}),
        ("Gants nitrile taille 9", {"size:9"}),
        ("gants nitrile T9", {"size:9"}),
        ("Gobelet 20 cl", {"vol:200"}),
        ("gobelet 200ml", {"vol:200"}),
        ("Sacs poubelle 110 L - rouleau de 25", {"vol:110000", "pack:25"}),
        ("Couvercle à bec Ø80 mm", {"diam:80"}),
        ("assiette diam. 23 cm", {"diam:230"}),
        ("Café moulu - carton de 6 x 1 kg", {"pack:6", "mass:1000"}),
        ("Papier toilette 2 plis", {"ply:2"}),
        ("Boîte burger L", {"size:l"}),
        ("Cheville M8", {"thread:m8"}),
        ("Radiateur acier type 22 H600 L1000", {"dim:600x1000", "num:22"}),
        ("radiator type 22 600 x 1000", {"dim:600x1000", "num:22"}),
        ("tuyau de 25 mètres", {"len:25000"}),
        ("hose, 25 meters", {"len:25000"}),
        ("harnais 3 pts ML", {"size:m", "size:l", "num:3"}),
        ("blouse de labo LXL", {"size:l", "size:xl"}),
        ("gel douche 250 ML", {"vol:250"}),
    ],
    ids=[
        "dim",
        "dim-spaced",
        "taille",
        "t-short",
        "cl",
        "ml",
        "litres-pack",
        "diam",
        "diam-cm",
        "pack-of-kg",
        "plies",
        "size-letter",
        "thread",
        "height-length",
        "height-length-as-dim",
        "length-in-words-fr",
        "length-in-words-en",
        "two-sizes-joined",
        "two-sizes-joined-lab-coat",
        "ml-after-a-figure-is-a-volume",
    ],
)
def test_sizes_are_read_as_typed_features(text: str, expected: set[str]) -> None:
    assert set(read_wording(text).features) == expected


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("câble trois G un cinq en cinquante", "câble 3G1,5 en 50"),
        ("câble cinq G deux virgule cinq", "câble 5G2,5"),
        ("vis inox boîte de cent", "vis inox boîte de 100"),
        ("pipette tips, bag of fifty", "pipette tips, bag of 50"),
    ],
    ids=["cable-cores-and-length", "cable-section-with-virgule", "box-of-a-hundred", "bag-of-fifty-en"],
)
def test_sizes_said_in_words_read_as_their_figures(said: str, written: str) -> None:
    assert read_wording(said).features == read_wording(written).features


def test_fillers_of_speech_are_no_words_of_the_article() -> None:
    assert read_wording("disjoncteurs 16 A voilà euh").words == read_wording("disjoncteurs 16 A").words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bte de gants", ("boite", "gant")),
        ("3 rlx film alu", ("rouleau", "film", "aluminium")),
        ("Barquettes rectangulaires", ("barquette", "rectangulaire")),
        ("l'huile d'olive", ("huile", "olive")),
        ("gond 3 pts", ("gond", "point")),
        ("ampoule lumière froide", ("ampoule", "blanc", "froid", "4000k")),
    ],
    ids=["abbrev-bte", "abbrev-rlx-alu", "plurals", "elision-not-a-size", "abbrev-pts", "light-said-cold"],
)
def test_words_are_folded_expanded_and_singular(text: str, words: tuple[str, ...]) -> None:
    assert read_wording(text).words == words


@pytest.mark.parametrize(
    ("text", "words", "features"),
    [
        ("inter diff 30mA type A", ("inter", "diff", "30ma", "type", "a"), set()),
        ("RCD type AC", ("interrupteur", "differentiel", "type", "ac"), set()),
        ("disjoncteur courbe D 10kA", ("disjoncteur", "courbe", "d", "10ka"), set()),
        ("gaine D20", ("gaine",), {"diam:~20"}),
        ("résine époxy base D 1 L", ("resine", "epoxy", "base", "d"), {"vol:1000"}),
    ],
    ids=["type-a", "type-ac", "curve-d-then-kiloamperes", "d-diameter", "base-d-then-litres"],
)
def test_a_letter_after_a_class_word_is_kept_and_a_number_glued_to_a_word_is_no_diameter(
    text: str, words: tuple[str, ...], features: set[str]
) -> None:
    wording = read_wording(text)
    assert (wording.words, set(wording.features)) == (words, features)


@pytest.mark.parametrize(
    ("written", "ours"),
    [
        ("vis 440.200", "VIS-440-200"),
        ("VIS440200", "VIS-440-200"),
        ("418", "00418"),
        ("HYG-21IO-2O", "HYG-2110-20"),
        ("hyg 2110 20", "HYG-2110-20"),
    ],
    ids=["dots-spaces", "no-dashes", "leading-zeros", "o-and-i-typed-for-digits", "lower-case"],
)
def test_codes_compare_once_normalised(written: str, ours: str) -> None:
    assert normalize_code(written) == normalize_code(ours)


def test_alias_keys_ignore_spelling_differences() -> None:
    assert normalize_wording("Gants nitrile T9") == normalize_wording("gants  NITRILE taille 9")


def test_negated_words_are_set_apart() -> None:
    wording = read_wording("sucre blanc, pas le roux")
    assert (wording.words, wording.excluded) == (("sucre", "blanc"), ("roux",))


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("black nitrile gloves M, boxes of 100", "Gant nitrile noir taille M - boîte de 100"),
        ("pallet of softener salt", "Sel adoucisseur - palette"),
        ("oil filter", "filtre à huile"),
        ("stainless steel screws", "Vis acier inox"),
        ("archive boxes, 100 mm spine", "Boîte d'archives carton dos 100 mm"),
        ("flipchart easel", "Chevalet de conférence trépied"),
        ("paint rollers 180 mm", "Rouleau à peinture 180 mm"),
        ("leather gloves", "Gants cuir taille 9"),
        ("fabric softener, lavender", "Assouplissant lavande - bidon 5 L"),
        ("stain remover spray", "Détachant avant-lavage - pulvérisateur 750 ml"),
        ("laundry liquid all fabrics", "Lessive liquide tous textiles - bidon 20 L"),
        ("kitchen roll", "Essuie-tout ménager 2 plis - colis de 32 rouleaux"),
    ],
    ids=[
        "gloves",
        "salt",
        "filter",
        "screws",
        "archive-boxes",
        "easel",
        "paint-roller",
        "leather",
        "softener",
        "stain-remover",
        "laundry",
        "kitchen-roll",
    ],
)
def test_english_words_of_the_trade_read_as_the_french_catalogue_writes_them(
    english: str, french: str
) -> None:
    said, printed = read_wording(english), read_wording(french)
    # A word said two ways in French ('softener': adoucisseur or assouplissant) needs one of them printed.
    either = {word for group in said.either if set(group) & set(printed.words) for word in group}
    assert set(said.words) - either <= set(printed.words)


def test_an_english_catalogue_still_compares_with_itself() -> None:
    # Both sides are read alike: "Black gloves" in the catalogue and in the order are the same words.
    assert (
        read_wording("Black gloves box").words
        == read_wording("black glove boxes").words
        == ("noir", "gant", "boite")
    )


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("two-hole punch", "Perforateur 2 trous"),
        ("2-hole punch", "Perforateur 2 trous"),
        ("perforateur deux trous", "Perforateur 2 trous"),
        ("six-hole angles 60x60", "Équerre 6 trous 60x60"),
    ],
    ids=["word-hyphenated", "digit-hyphenated", "french-word", "six"],
)
def test_a_count_written_in_words_before_what_it_counts_reads_as_its_digits(
    customer: str, catalogue: str
) -> None:
    said, printed = read_wording(customer), read_wording(catalogue)
    assert set(said.words) <= set(printed.words)
    assert said.features <= printed.features


def test_one_stays_an_article_and_plurals_in_ous_fold() -> None:
    assert read_wording("one box of the blue ones").features == frozenset()
    assert read_wording("écrous et clous").words == ("ecrou", "clou")
    assert read_wording("tous les bus").words == ("tous", "bus")


def test_hygiene_words_in_english_read_as_the_french_catalogue() -> None:
    said, printed = (
        read_wording("vinyl gloves powder-free L"),
        read_wording("Gant vinyle non poudré taille L"),
    )
    assert (set(said.words), said.excluded, said.features) == (
        set(printed.words),
        printed.excluded,
        printed.features,
    )
    assert set(read_wording("centre feed rolls").words) <= set(
        read_wording("Bobine dévidage central 2 plis - le rouleau").words
    )


def test_the_size_kinds_come_in_one_order_whatever_the_hash_seed():
    """A match's recorded evidence lists them in this order: two runs must store the same text."""
    script = (
        "from matchers.normalize import Wording\n"
        "w = Wording(words=('a',), features=frozenset({'vol:200', 'pack:1000', 'dim:4x40', 'mass:4', 'num:7'}))\n"
        "print(list(w.by_kind))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert seen == {"['dim', 'mass', 'num', 'pack', 'vol']\n"}


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("toilet rolls 2-ply", "Papier toilette 2 plis - colis de 96 rouleaux"),
        ("câble R2V 5 G 1,5", "Câble U-1000 R2V 5G1,5 mm² - couronne 50 m"),
    ],
    ids=["a-count-joined-to-what-it-counts", "cores-and-section-spaced-out"],
)
def test_sizes_written_apart_or_joined_read_as_the_catalogue_prints_them(
    customer: str, catalogue: str
) -> None:
    assert read_wording(customer).features <= read_wording(catalogue).features
    assert "mass:5" not in read_wording("câble 5 G 1,5").features


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("blue nitrile gloves in medium", "gants nitrile bleu taille M"),
        ("vests in extra large", "gilet XL"),
        ("chef jacket white, Medium", "veste cuisinier blanche taille M"),
        ("catering aprons navy, small, cotton", "tablier coton bleu marine taille S"),
        ("black nitrile gloves medium", "gants nitrile noir taille M"),
        ("hi-vis vests large", "gilet haute visibilité taille L"),
    ],
    ids=[
        "in-medium",
        "in-extra-large",
        "set-apart-by-a-comma",
        "among-other-attributes",
        "closing-the-name",
        "after-the-plural",
    ],
)
def test_a_letter_size_said_in_english_words_after_its_link_is_that_size(said, written):
    assert read_wording(said).features == read_wording(written).features


def test_a_size_word_without_its_link_is_a_word():
    assert read_wording("large bin bags").features == frozenset()
    assert read_wording("bin bags, large ones").features == frozenset()


@pytest.mark.parametrize(
    ("written", "feature"),
    [("film étirable 23µ", "thick:23"), ("film étirable 23 µ", "thick:23"), ("câble batterie 25²", "area:25"),
     ("câble batterie 25 mm²", "area:25"), ("câble batterie 1,5 ²", "area:1.5")],
    ids=["micron-glued", "micron-spaced", "section-superscript", "section-with-unit", "section-decimal"],
)  # fmt: skip
def test_a_size_written_with_a_sign_is_that_size(written: str, feature: str) -> None:
    assert feature in read_wording(written).features


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("hex bolts M10 x 40, box of 50", "Boulon hexagonal M10x40 - boîte de 50"),
        ("wood screws 4x30 (200 per box)", "Vis bois 4x30 - boîte de 200"),
        ("hinges, 10 per pack", "Charnière acier - paquet de 10"),
    ],
    ids=["box-of", "per-box", "per-pack"],
)
def test_a_pack_said_in_english_reads_as_the_catalogues_pack(customer: str, catalogue: str) -> None:
    said, printed = read_wording(customer), read_wording(catalogue)
    assert said.by_kind["pack"] == printed.by_kind["pack"]


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("RCD 4-pole 63A type AC", "Interrupteur différentiel 4P 63A 30mA type AC"),
        ("MCB single pole 10A B curve", "Disjoncteur 1P 10A courbe B"),
        ("IP65 enclosure, 2 rows", "Coffret étanche IP65 2 rangées 24 modules avec porte"),
        ("100W floodlight", "Projecteur LED 100W IP65"),
        ("two-way switch, white", "Interrupteur va-et-vient blanc"),
        ("3 gang", "Plaque 3 postes"),
        ("ring lugs 6 mm2", "Cosse ronde 6 mm²"),
        ("clear sacks 100 L", "Sac transparent 100 L"),
        ("visitor gowns", "Blouse visiteur jetable"),
        ("unscented liquid soap", "Savon liquide sans parfum"),
        ("turkey escalopes", "Escalope de dinde"),
        ("grape juice bricks, case of 6", "Jus de raisin brique - colis de 6"),
        ("paper clips 32 mm", "Trombones 32 mm"),
        ("rinçage LV 5 L", "Liquide de rinçage lave-vaisselle 5 L"),
        ("USB key 32 GB", "Clé USB 32 Go"),
        ("LR -35 5 L", "Liquide de refroidissement -35°C rose bidon 5 L"),
    ],
    ids=[
        "rcd", "mcb", "enclosure", "floodlight", "two-way", "gang", "ring-lug", "sack", "gown",
        "unscented", "turkey", "grape-brick", "paper-clip", "lv", "usb-key", "lr",
    ],
)  # fmt: skip
def test_more_english_words_of_the_trades_read_as_a_french_catalogue_writes_them(
    english: str, french: str
) -> None:
    said, printed = read_wording(english), read_wording(french)
    # A word said two ways in French ('case': carton or colis) needs one of them printed.
    either = {word for group in said.either if set(group) & set(printed.words) for word in group}
    assert set(said.words) - either <= set(printed.words)
    assert said.features <= printed.features | {f"num:{n}" for n in printed.numbers}


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("insulated screwdriver, crosshead", "Tournevis isolé cruciforme"),
        ("surface mounted batten", "Réglette saillie"),
        ("impulse relay 16A", "Télérupteur 16A"),
        ("floor pads for the scrubber dryer", "Disque autolaveuse"),
        ("all purpose cleaner, grapefruit", "Nettoyant multi-usages pamplemousse"),
        ("organic sunflower oil", "Huile de tournesol bio"),
        ("peeled peaches in syrup", "Pêches pelées au sirop"),
        ("assorted ballpoint pens", "Stylo bille assortis"),
        ("palm coated gloves, reusable", "Gant enduit paume réutilisable"),
        ("anti fog overspecs", "Surlunette anti-buée"),
        ("solid discs, set", "Disques pleins - jeu de 2"),
        ("exit signs", "Bloc BAES évacuation LED"),
        ("interrupteur horaire ph/neutre", "Interrupteur horaire 1P+N"),
        ("contacteur phase neutre", "Contacteur 1P+N"),
        ("délesteur ph+n", "Délesteur 1P+N"),
        ("unsweetened cocoa powder", "Cacao en poudre non sucré"),
        ("dark chocolate", "Chocolat noir 70 %"),
        ("sealed safety goggles", "Lunettes de sécurité étanches"),
        ("goggles with vent", "Lunettes avec aération"),
        ("big box", "Grande boîte"),
    ],
    ids=[
        "screwdriver", "batten", "impulse-relay", "scrubber", "all-purpose", "organic-oil", "peeled",
        "ballpoint", "palm", "anti-fog", "solid-set", "exit-sign", "ph-slash-neutre", "phase-neutre", "ph-plus-n",
        "unsweetened-cocoa", "dark", "sealed", "vent", "big",
    ],
)  # fmt: skip
def test_common_english_words_of_each_trade_read_as_a_french_catalogue(english: str, french: str) -> None:
    said, printed = read_wording(english), read_wording(french)
    either = {word for group in said.either if set(group) & set(printed.words) for word in group}
    assert set(said.words) - either <= set(printed.words)


def test_a_feminine_and_a_masculine_read_alike() -> None:
    assert read_wording("tomates concassées").words == read_wording("tomate concassé").words
    assert read_wording("vis galvanisée").words == read_wording("vis galvanisé").words


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("café moulu, les paquets de 250 grammes", "Café moulu pur arabica 250 g"),
        ("sucre en poudre, sacs de 5 kilos", "Sucre en poudre - sac 5 kg"),
        ("projecteur 30 watts", "Projecteur LED 30W noir"),
        ("lampe frontale 300 lumens", "Lampe frontale LED 300 lm"),
        ("chargeur 12 volts", "Chargeur de batterie 12 V"),
        ("tuyau de 19 millimètres", "Tuyau d'arrosage 19 mm"),
        ("jardinière de 80 centimètres", "Jardinière rectangulaire 80 cm"),
        ("bidons de 5 liters", "Lave-glace été - bidon 5 L"),
    ],
    ids=["grammes", "kilos", "watts", "lumens", "volts", "millimetres", "centimetres", "liters"],
)
def test_a_measure_with_its_unit_written_out_is_the_size_the_catalogue_prints_in_symbols(
    customer: str, catalogue: str
) -> None:
    said = {f for f in read_wording(customer).features if not f.startswith(("num:", "pack:"))}
    assert said and said <= read_wording(catalogue).features


@pytest.mark.parametrize(
    ("customer", "catalogue"),
    [
        ("sanding discs no. 3, box of 50", "Disques abrasifs n° 3 - boîte de 50"),
        ("Pinceau plat No 12", "Pinceau plat nº 12"),
    ],
    ids=["no-dot", "no-space"],
)
def test_a_number_sign_before_a_number_is_no_word_and_no_negation(customer: str, catalogue: str) -> None:
    said, printed = read_wording(customer), read_wording(catalogue)
    assert (set(said.words), said.features, said.excluded) == (set(printed.words), printed.features, ())


def test_no_before_a_word_still_turns_it_away() -> None:
    assert read_wording("gants nitrile, no powder").excluded == ("poudre",)
