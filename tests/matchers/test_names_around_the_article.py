"""A pair where the catalogue sells a set of two ('jeu de 2'), a memory size in bytes or octets ('64GB' of
'64 Go'), and a bracket naming what the article is for ('(Color LaserJet M255)'), read against the
catalogue's own designations."""

from __future__ import annotations

import pytest

from matchers import CatalogIndex
from tests.factories.body_lines import goods_index, skus_matched

GOODS = [
    ("CHR-80", "Charnière inox 80 mm (jeu de 2)", "jeu"),
    ("CHR-100", "Charnière inox 100 mm (jeu de 2)", "jeu"),
    ("ROU-50", "Roulettes de chaise sol dur 50 mm (jeu de 5)", "jeu"),
    ("BAL-600", "Balais d'essuie-glace plats 600/400 mm (jeu de 2)", "jeu"),
    ("BAL-650", "Balais d'essuie-glace plats 650/475 mm (jeu de 2)", "jeu"),
    ("USB-32", "Clé USB 3.0 Ultra 32 Go", "pce"),
    ("USB-64", "Clé USB 3.0 Ultra 64 Go", "pce"),
    ("SD-128", "Carte mémoire SD 128 Go", "pce"),
    ("SD-256", "Carte mémoire SD 256 Go", "pce"),
    ("TON-410-BK", "Toner 410X noir haute capacité", "pce"),
    ("TON-410-C", "Toner 410X cyan haute capacité", "pce"),
    ("FLT-HU7", "Filtre à huile HU 7008 z", "pce"),
    ("FLT-HU6", "Filtre à huile HU 6019 z", "pce"),
    ("SAC-25", "Sac gravats renforcé 80 L 25 µ - rouleau de 10", "rouleau"),
    ("SAC-60", "Sac gravats renforcé 80 L 60 µ - rouleau de 10", "rouleau"),
    ("ENV-90", "Enveloppe kraft C4 90 g - boîte de 250", "boite"),
    ("ENV-120", "Enveloppe kraft C4 120 g - boîte de 250", "boite"),
    ("GNT-12", "Gants nitrile taille M 0,12 mm - boîte de 100", "boite"),
    ("GNT-20", "Gants nitrile taille M 0,20 mm - boîte de 100", "boite"),
]


@pytest.fixture(scope="module")
def index() -> CatalogIndex:
    return goods_index(GOODS)


_matched = skus_matched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi,\n4 x stainless hinges 100 mm pair\n", ["CHR-100"]),
        ("Hi,\n2 x wiper blades 650/475 pair\n", ["BAL-650"]),
        ("Bonjour,\n3 x paire de charnières inox 80 mm\n", ["CHR-80"]),
    ],
    ids=["hardware-en", "autoparts-en", "hardware-fr"],
)
def test_a_pair_is_the_set_of_two_where_no_pair_is_printed(
    index: CatalogIndex, text: str, expected: list[str]
) -> None:
    assert _matched(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi,\n5 x USB sticks 64GB\n", ["USB-64"]),
        ("Hi,\n2 x SD cards 256 GB\n", ["SD-256"]),
        ("Bonjour,\n3 x clé USB 32 Go\n", ["USB-32"]),
    ],
    ids=["usb-en", "sd-en", "usb-fr"],
)
def test_a_memory_size_in_bytes_is_the_one_printed_in_octets(
    index: CatalogIndex, text: str, expected: list[str]
) -> None:
    assert _matched(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi,\n2 x 410X black toner (Color LaserJet M452)\n", ["TON-410-BK"]),
        ("Bonjour,\n1 x toner 410X cyan (pour l'imprimante du 2e)\n", ["TON-410-C"]),
        # The name before the bracket names no article alone: the car was what told the filters apart.
        ("Bonjour,\n2 x filtre à huile (Clio 4 1.5 dCi)\n", [None]),
    ],
    ids=["office-en", "office-fr", "autoparts-fr"],
)
def test_a_bracket_naming_what_the_article_is_for_names_nothing(
    index: CatalogIndex, text: str, expected: list[str | None]
) -> None:
    assert _matched(index, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi,\n10 rolls of 80 L rubble bags, the heavy ones (60 micron)\n", ["SAC-60"]),
        ("Hi,\n3 boxes of C4 kraft envelopes, the heavy ones (120 g)\n", ["ENV-120"]),
        ("Hi,\n2 boxes of nitrile gloves size M, the thick ones (0,20 mm)\n", ["GNT-20"]),
    ],
    ids=["building-en", "stationery-en", "lab-en"],
)
def test_the_customers_words_for_which_ones_name_nothing_beside_the_size(
    index: CatalogIndex, text: str, expected: list[str]
) -> None:
    assert _matched(index, text) == expected
