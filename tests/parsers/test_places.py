import pytest

from parsers.values.places import same_place


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Serre 2, chemin des Buis, 49130 Les Ponts-de-Cé", "Chemin des Buis, 49130 Les Ponts-de-Cé", True),
        ("Kew Nursery, 14 Priory Road, Bath BA2 3QT", "14 Priory Road, Bath BA2 3QT, United Kingdom", True),
        ("2 place du Marché, 49000 Angers", "Jardinerie Centre, 17 rue Plantagenêt, 49000 Angers", False),
        ("Unit 3, Hill Farm, Bath BA2 3QT", "Unit 3, Hill Farm, Bath BA1 5LR", False),
        ("RN 23, 49000 Angers", "Serres municipales, allée des Tilleuls, 49000 Angers", False),
        ("Lot 1400 route de Saumur, 49000 Angers", "1400 route de Saumur, 49000 Angers", True),
        ("Bâtiment 5, quai des Fleurs, 1000 Bruxelles", "Building 5, Quai des Fleurs, 1000 Bruxelles", True),
    ],
    ids=[
        "a site's name leads",
        "a country follows",
        "another street",
        "another postcode",
        "all common words",
        "a four-digit house number",
        "a word translated",
    ],
)
def test_two_addresses_are_one_place_unless_what_pins_it_down_differs(one, other, same):
    assert same_place(one, other) is same
    assert same_place(other, one) is same
