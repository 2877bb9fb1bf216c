import unicodedata

import pytest

from matchers.normalize import fold
from parsers.vocabulary.phrases import normalize, unaccented


def _marks_dropped(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Short ones are kept, long ones (a whole body) worked out each time: both read alike.
@pytest.mark.parametrize(
    "text",
    [
        "Crème brûlée façon grand-mère",
        "Ångström ﬁltre Øresund naïve",
        "Merci de livrer 12 cartons de tuiles émaillées, 4 palettes de mortier-colle "
        "et 30 m² de plinthes vernies à l'entrepôt de Saint-Étienne avant le 14 décembre. Ça urge !",
        "e\u0301" * 200,
        "plain ascii text " * 10,
    ],
)
def test_marks_are_dropped_alike_for_short_and_long_texts(text: str) -> None:
    assert unaccented(text) == _marks_dropped(text)
    assert unaccented(text) == unaccented(text)  # kept or not, the same answer


def test_short_and_long_texts_fold_and_normalize_the_same_way() -> None:
    word = "Étagère Œuvre 2,5² 70µ"
    long = " ".join([word] * 10)
    assert fold(long) == " ".join([fold(word)] * 10)
    assert normalize(long) == " ".join([normalize(word)] * 10)
    assert fold(word) == "etagere oeuvre 2,5 mm2 70µ"
