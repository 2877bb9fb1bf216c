"""The ship-to an order writes set against the customer's address on file (matchers._ship_to)."""

from __future__ import annotations

import pytest

from matchers import _ship_to
from models import Extracted

ON_FILE = "Unit 4, Mill Lane, Leeds LS1 4AB, United Kingdom"


@pytest.mark.parametrize(
    ("read", "on_file", "expected"),
    [
        ("Unit 4, Mill Lane", ON_FILE, ON_FILE),
        (
            "Ballinacor Road, Rathdrum, Co. Wicklow",
            "Ballinacor Road, Rathdrum, Co. Wicklow, A67 X2Y4, Ireland",
            "Ballinacor Road, Rathdrum, Co. Wicklow, A67 X2Y4, Ireland",
        ),
        (
            "12 rue des Lilas, 69003 Lyon",
            "12 rue des Lilas, 69003 Lyon, France",
            "12 rue des Lilas, 69003 Lyon, France",
        ),
        ("Unit 9, Mill Lane, Leeds LS1 4AB", ON_FILE, "Unit 9, Mill Lane, Leeds LS1 4AB"),
        ("Unit 4", ON_FILE, "Unit 4"),
        ("Chantier Revel, 4 rue Basse, 31250 Revel", None, "Chantier Revel, 4 rue Basse, 31250 Revel"),
    ],
    ids=[
        "file-without-its-town",
        "file-without-eircode-and-country",
        "file-without-country",
        "another-unit",
        "one-part-alone",
        "nothing-on-file",
    ],
)
def test_the_address_on_file_written_short_is_that_address(
    read: str, on_file: str | None, expected: str
) -> None:
    assert _ship_to(Extracted[str](value=read), on_file) == expected
