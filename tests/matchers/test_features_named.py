"""A feature that tells twins apart named the customer's way: 'with PIR' for 'avec détecteur', 'valved'
for 'avec valve', 'unipolaire' for '1F'; a word the customer wants against a twin that prints it after 'sans' or 'non'."""

from __future__ import annotations

import pytest

from matchers import match_article
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("names", "wording", "sku"),
    [
        (
            ("Masque FFP2 sans valve boîte de 20", "Masque FFP2 avec valve boîte de 10"),
            "FFP2 valved masks",
            "A2",
        ),
        (
            ("Projecteur LED 30W 4000K noir IP65", "Projecteur LED 30W 4000K noir IP65 avec détecteur"),
            "LED floodlight 30W with PIR",
            "A2",
        ),
        (
            ("Hublot LED 12W blanc", "Hublot LED 12W blanc avec détecteur"),
            "bulkhead light 12W with PIR sensor",
            "A2",
        ),
        (
            ("Gant nitrile non poudré bleu M", "Gant nitrile poudré bleu M"),
            "gants nitrile poudrés bleus M",
            "A2",
        ),
        (
            ("Bouteille de gaz sans détendeur 5 kg", "Bouteille de gaz avec détendeur 5 kg"),
            "bouteille de gaz détendeur 5 kg",
            "A2",
        ),
        (
            ("Télérupteur modulaire 16A 1F 230V", "Télérupteur modulaire 16A 2F 230V"),
            "télérupteur 16A unipolaire",
            "A1",
        ),
        (
            ("Interrupteur sectionneur 4P 40A", "Interrupteur sectionneur 2P 40A"),
            "interrupteur sectionneur bipolaire 40 A",
            "A2",
        ),
    ],
    ids=[
        "valved-mask",
        "pir-floodlight",
        "pir-bulkhead",
        "powdered-gloves",
        "regulator-fr",
        "unipolar-in-words",
        "bipolar-in-words",
    ],
)
def test_a_feature_said_picks_the_twin_that_has_it(names: tuple[str, ...], wording: str, sku: str) -> None:
    match = match_article(
        make_extracted_line(wording, quantity="2"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
