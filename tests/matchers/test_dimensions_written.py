"""Dimensions a customer writes otherwise than the catalogue prints them: in another unit, parted by
slashes, each after its initial, a diameter glued to the first, or as a width and a length whose units the
catalogue prints apart. The catalogue's own dimensions tell the article, in any trade."""

from __future__ import annotations

import pytest

from matchers import match_article
from matchers.normalize import read_wording
from tests.factories.pipeline import catalogue_index, make_extracted_line


@pytest.mark.parametrize(
    ("written", "feature"),
    [
        ("dalle 60/60/2 cm", "dim:60x60x2"),
        ("bac L600 l400 h120", "dim:600x400x120"),
        ("caisse L 60 x l 40 x H 30 cm", "dim:60x40x30"),
        ("feuilles 21/29,7 cm", "dim:21x29.7"),
    ],
    ids=["slashes-with-unit", "initials", "initials-spaced", "slashes-two-sides"],
)
def test_dimensions_written_every_way_read_as_one_feature(written: str, feature: str) -> None:
    assert feature in read_wording(written).features


def test_a_date_is_no_dimension() -> None:
    assert not any(f.startswith("dim:") for f in read_wording("livraison 12/05/26").features)


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Building: tiles printed in millimetres, asked in centimetres without a unit.
        (("Dalle grès cérame 300x300x9 mm", "Dalle grès cérame 600x600x10 mm"), "dalles grès 60x60x1", "A2"),
        # Lab supplies: a tray ordered in centimetres with slashes.
        (("Bac de rangement 400x300x120 mm", "Bac de rangement 600x400x120 mm"), "bacs 60/40/12 cm", "A2"),
        # Stationery: a box by its initials.
        (
            ("Boîte archives 340x250x80 mm", "Boîte archives 340x250x100 mm"),
            "boîtes archives L340 l250 h100",
            "A2",
        ),
    ],
    ids=["cm-against-mm", "slashes-cm", "initials"],
)
def test_the_dimensions_written_choose_the_twin(names: tuple[str, ...], written: str, sku: str) -> None:
    match = match_article(
        make_extracted_line(written, quantity="4"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku


@pytest.mark.parametrize(
    ("names", "written", "sku"),
    [
        # Electrical: a sheath's width and length, the catalogue's units apart.
        (("Gaine isolante 19 mm x 20 m", "Gaine isolante 19 mm x 10 m"), "gaine isolante 19x10", "A2"),
        # Garden: a fleece by width in metres and length in metres, written bare.
        (("Voile d'hivernage 2 m x 10 m", "Voile d'hivernage 2 m x 5 m"), "voile hivernage 2x5", "A2"),
        # Stationery: a ribbon by millimetres and metres.
        (("Ruban satin 25 mm x 25 m", "Ruban satin 10 mm x 25 m"), "ruban satin 10x25", "A2"),
    ],
    ids=["width-mm-length-m", "both-metres", "ribbon"],
)
def test_a_width_and_a_length_written_bare_agree_with_their_units_apart(
    names: tuple[str, ...], written: str, sku: str
) -> None:
    match = match_article(
        make_extracted_line(written, quantity="4"), catalogue_index(*names), customer_id=None
    )
    assert match.sku == sku
    assert not any(e.kind == "sizes_disagree" for e in match.candidates[0].evidence)
