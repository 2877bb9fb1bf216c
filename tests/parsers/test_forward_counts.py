"""A forwarder's line naming a forwarded line with a count of its own changes that line's count
(parsers/text/forward_counts.py)."""

from __future__ import annotations

import re

import pytest

from parsers import parse_message
from parsers.text.reader import extract_from_text

_LIST = "- 12 sacs de terreau 40 L\n- 6 arrosoirs 10 L\n- 3 râteaux\n"


def _read(own: str, listed: str = _LIST) -> list[tuple[str, int]]:
    raw = (
        "From: Paul <p@jardiland-pro.fr>\nTo: cde@jardiland-pro.fr\nSubject: TR: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{own}\n\nPaul\n\n-------- Message transféré --------\nSujet : commande\n"
        f"De : Anne <anne@paysages-du-lac.fr>\nDate : 14/10/2026 08:05\n\nBonjour,\n\n{listed}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"))
    return [(ln.description.value, int(ln.quantity.value)) for ln in order.lines]


@pytest.mark.parametrize(
    "own",
    ["Pour saisie. Pour les arrosoirs, 8.", "Pour saisie. Les arrosoirs : 8"],
    ids=["pour-les", "colon"],
)
def test_a_forwarders_count_for_a_forwarded_line_changes_it(own: str) -> None:
    assert _read(own) == [("terreau 40 L", 12), ("arrosoirs 10 L", 8), ("râteaux", 3)]


@pytest.mark.parametrize(
    "own",
    ["Pour saisie. Aussi 2 arrosoirs 5 L.", "Pour saisie. Les arrosoirs : 2 cartons"],
    ids=["another-size", "another-unit"],
)
def test_a_forwarders_line_of_another_article_or_unit_is_no_count_change(own: str) -> None:
    assert ("arrosoirs 10 L", 6) in _read(own)


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie. Au téléphone elle m'a demandé de passer les arrosoirs à 8 et d'ajouter 2 sécateurs.",
        "Please key this in. She asked me to increase the arrosoirs to 8 and to add 2 sécateurs.",
        "Pour saisie. Il faut monter les arrosoirs à 8, et ajouter 2 sécateurs.",
    ],
    ids=["reported-fr", "reported-en", "il-faut"],
)
def test_a_count_set_anew_in_the_forwarders_words_keeps_the_line_they_add(own: str) -> None:
    assert sorted(_read(own)) == [
        ("arrosoirs 10 L", 8),
        ("râteaux", 3),
        ("sécateurs", 2),
        ("terreau 40 L", 12),
    ]


@pytest.mark.parametrize(
    "own",
    ["Pour saisie. Les arrosoirs : 8 au lieu de 6.", "Please enter. Arrosoirs: 8 cartons instead of 6."],
    ids=["fr", "en"],
)
def test_a_count_replaced_after_an_earlier_sentence_of_its_line_is_no_line(own: str) -> None:
    assert _read(own) == [("terreau 40 L", 12), ("arrosoirs 10 L", 8), ("râteaux", 3)]


_MARKED = "- 12 sacs de terreau 40 L\n- 4 tuyaux Flexo T150\n- 3 râteaux\n"


@pytest.mark.parametrize(
    "own",
    [
        "Please enter. Anne called: the hoses must be T250 (the long ones), not T150. Rest unchanged.",
        "Pour saisie. Anne a rappelé : ajoutez 2 sécateurs, et l'arrosage c'est du T250 et non T150.",
    ],
    ids=["aside-en", "other-words-fr"],
)
def test_a_model_mark_changed_by_the_forwarder_names_the_one_line_writing_it(own: str) -> None:
    read = _read(own, _MARKED)
    assert ("tuyaux Flexo T250", 4) in read and ("tuyaux Flexo T150", 4) not in read
    assert len(read) == (4 if "sécateurs" in own else 3)


def _read_outlook(own: str) -> list[tuple[str, int]]:
    """The forward as Outlook writes it: its header block with no rule and no '>', of which the body keeps
    the original's subject."""
    raw = (
        "From: Paul <p@jardiland-pro.fr>\nTo: cde@jardiland-pro.fr\nSubject: TR: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{own}\n\nPaul\n\nDe : Anne <anne@paysages-du-lac.fr>\nEnvoyé : mercredi 14 octobre 2026 08:05\n"
        f"À : Paul <p@jardiland-pro.fr>\nObjet : commande\n\nBonjour,\n\n{_LIST}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"))
    return sorted((ln.description.value, int(ln.quantity.value)) for ln in order.lines)


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie, sans les arrosoirs.",
        "Pour saisie. Les arrosoirs sont annulés, elle en a.",
        "Pour saisie. Elle n'a plus besoin des arrosoirs.",
        "Please key this in without the arrosoirs.",
        "Please key this in. She doesn't need the arrosoirs any more.",
        "Please key this in. Arrosoirs cancelled.",
        "Please key this in, but not the arrosoirs: she has some.",
        "Pour saisie. Anne a rappelé : les arrosoirs, on laisse tomber.",
        "Please key this in: she called, and no arrosoirs after all.",
        "Pour saisie. Pas les arrosoirs, nous en avons en stock.",
        "Pour saisie. Anne a rappelé : pas d'arrosoirs finalement (il leur en reste).",
        "Pour saisie, avec la correction d'Anne (pas d'arrosoirs).",
        "Please key this in. No arrosoirs this time, they have some.",
    ],
    ids=[
        "sans-les",
        "annules",
        "plus-besoin",
        "without-the",
        "doesnt-need",
        "cancelled",
        "but-not",
        "laisse-tomber",
        "and-no",
        "pas-les-opening",
        "pas-de-after-a-colon",
        "pas-de-in-brackets",
        "no-opening",
    ],
)
def test_a_forwarders_words_take_the_forwarded_line_they_name_out(own: str) -> None:
    assert _read_outlook(own) == [("râteaux", 3), ("terreau 40 L", 12)]
    assert sorted(_read(own)) == [("râteaux", 3), ("terreau 40 L", 12)]


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie, sans les sacs de sable.",
        "Pour saisie, et pas de rush pour les arrosoirs.",
        "Please key this in, and no rush on the arrosoirs.",
        "Pour saisie. Il ne reste pas d'arrosoirs chez eux.",
        "Pour saisie. Pas de rush pour les arrosoirs.",
    ],
    ids=["names-none", "fr-named-later", "en-named-later", "pas-de-inside-a-clause", "pas-de-named-later"],
)
def test_a_forwarders_drop_takes_out_only_a_line_named_right_after_it(own: str) -> None:
    assert len(_read_outlook(own)) == 3


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie. Elle a rappelé, les arrosoirs passent à 8.",
        "Please key this in. The arrosoirs should be 8.",
        "Pour saisie. Modif : arrosoirs x 8.",
    ],
    ids=["passent-a", "should-be", "named-then-counted"],
)
def test_a_count_said_after_the_forwarded_lines_name_changes_it_under_an_outlook_block(own: str) -> None:
    assert _read_outlook(own) == [("arrosoirs 10 L", 8), ("râteaux", 3), ("terreau 40 L", 12)]


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie. 8 arrosoirs (pas 6).",
        "Please key this in. Arrosoirs: 8 (not 6).",
        "Pour saisie. 8 arrosoirs (au lieu de 6).",
    ],
    ids=["pas-fr", "not-en", "au-lieu-de"],
)
def test_a_count_replaced_in_brackets_changes_the_forwarded_line(own: str) -> None:
    assert _read_outlook(own) == [("arrosoirs 10 L", 8), ("râteaux", 3), ("terreau 40 L", 12)]


def test_a_count_replaced_in_brackets_on_its_own_line_changes_no_other():
    listed = "- 8 arrosoirs 10 L (pas 6)\n- 6 râteaux\n"
    assert sorted(_read("Pour saisie.", listed)) == [("arrosoirs 10 L (pas 6)", 8), ("râteaux", 6)]


class Catalogue:
    """Codes with their articles' names, and the words a matcher reads in the catalogue's language."""

    def __init__(self, names: dict[str, str], translations: dict[str, str]) -> None:
        self.names, self.translations = names, translations

    def knows_code(self, token: str) -> bool:
        return token.upper() in self.names

    def said_words(self, text: str) -> frozenset[str]:
        words = (w.lower() for w in re.findall(r"[^\W\d_]{4,}", text))
        return frozenset(self.translations.get(w, w).removesuffix("s") for w in words)

    def code_words(self, token: str) -> frozenset[str]:
        return self.said_words(self.names.get(token.upper(), ""))


_CODED = "LAB-0012 x 4\nLAB-0040 x 2\nLAB-0101 x 10\n"
_NAMES = {
    "LAB-0012": "Pipette graduée 10 ml",
    "LAB-0040": "Gants nitrile taille M",
    "LAB-0101": "Ramette papier A4 jaune",
    "LAB-0102": "Ramette papier A4 blanc",
}
_WORDS = {"valves": "vanne", "gloves": "gants", "yellow": "jaune", "paper": "papier"}


def _read_with(own: str, listed: str, book: Catalogue | None) -> list[tuple[str, int]]:
    raw = (
        "From: Paul <p@fournitures-pro.fr>\nTo: cde@fournitures-pro.fr\nSubject: TR: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{own}\n\nPaul\n\n-------- Message transféré --------\nSujet : commande\n"
        f"De : Anne <anne@labo-du-lac.fr>\nDate : 14/10/2026 08:05\n\nBonjour,\n\n{listed}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"), codes=book)
    return [((ln.code or ln.description).value, int(ln.quantity.value)) for ln in order.lines]


@pytest.mark.parametrize(
    ("own", "listed", "expected"),
    [
        (
            "Pour saisie. OK pour la liste, sauf les gants nitrile.",
            _CODED,
            [("LAB-0012", 4), ("LAB-0101", 10)],
        ),
        (
            "Please enter. Drop the valves.",
            "- 10 raccords laiton 20/27\n- 4 tubes cuivre 14 mm\n- 2 vannes d'arrêt 1/2\n",
            [("raccords laiton 20/27", 10), ("tubes cuivre 14 mm", 4)],
        ),
        (
            "Please enter. One change: 5 reams of the yellow paper, not 3.",
            "LAB-0102 x 3\nLAB-0101 x 3\n",
            [("LAB-0102", 3), ("LAB-0101", 5)],
        ),
    ],
    ids=["lab-codes-named-by-their-name", "plumbing-in-english", "stationery-count-of-a-coded-line"],
)
def test_a_forwarder_names_a_line_in_the_catalogues_words(own: str, listed: str, expected) -> None:
    assert _read_with(own, listed, Catalogue(_NAMES, _WORDS)) == expected


def test_without_the_catalogues_words_a_line_named_otherwise_stays() -> None:
    assert ("LAB-0040", 2) in _read_with(
        "Pour saisie. OK pour la liste, sauf les gants nitrile.", _CODED, None
    )


@pytest.mark.parametrize(
    "own",
    [
        "Attention, la semaine dernière ils avaient déjà pris 8 arrosoirs 10 L, vérifiez avant de saisir.",
        "Please enter. We have 4 arrosoirs in stock, so the 2 can leave tomorrow.",
        "Pour saisie. Elle a bien reçu les 5 râteaux de la dernière commande.",
    ],
    ids=["already-taken", "in-stock", "received"],
)
def test_a_forwarders_sentence_telling_of_goods_had_counts_no_line(own: str) -> None:
    assert sorted(_read(own)) == [("arrosoirs 10 L", 6), ("râteaux", 3), ("terreau 40 L", 12)]


def test_a_line_the_forwarders_sentence_adds_beside_goods_had_stays() -> None:
    read = _read("Pour saisie. Elle en a déjà 2 au dépôt, ajoutez 3 brouettes.")
    assert ("brouettes", 3) in read and len(read) == 4


@pytest.mark.parametrize(
    "middle",
    [
        "Fine, but not the arrosoirs, we will repair ours.",
        "OK pour moi, mais pas les arrosoirs : il en reste.",
    ],
    ids=["en", "fr"],
)
def test_a_middle_approvers_words_take_the_forwarded_line_they_name_out(middle: str) -> None:
    raw = (
        "From: Achats <achats@jardiland-pro.fr>\nTo: cde@jardiland-pro.fr\nSubject: FW: FW: commande\n"
        "Message-ID: <a@b>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "Please enter the list below, PO GF-2611-44.\nAchats\n\n"
        "-------- Message transféré --------\nDe : Chef <chef@jardiland-pro.fr>\nDate : 14/10/2026 09:05\n"
        f"Sujet : TR: commande\n\n{middle}\nChef\n\n"
        "-------- Message transféré --------\nDe : Anne <anne@jardiland-pro.fr>\nDate : 14/10/2026 08:05\n"
        f"Sujet : commande\n\nBonjour,\n\n{_LIST}\nMerci\nAnne\n"
    ).encode()
    order = extract_from_text(parse_message(raw, where="forward"))
    read = sorted((ln.description.value, int(ln.quantity.value)) for ln in order.lines)
    assert read == [("râteaux", 3), ("terreau 40 L", 12)]


@pytest.mark.parametrize(
    "own",
    [
        "Pour saisie. Elle a appelé ce matin : un seul sac de terreau finalement, et elle veut en plus 2 sécateurs.",
    ],
    ids=["un-seul-finalement"],
)
def test_one_said_against_a_forwarded_count_changes_it_and_the_added_line_stays(own: str) -> None:
    assert sorted(_read(own)) == [
        ("arrosoirs 10 L", 6),
        ("râteaux", 3),
        ("sécateurs", 2),
        ("terreau 40 L", 1),
    ]


def test_a_single_said_against_a_forwarded_count_changes_it() -> None:
    listed = "- 12 bags of compost 40 L\n- 6 watering cans 10 L\n- 3 rakes\n"
    own = "Please key this in. She called: a single bag of compost actually."
    assert sorted(_read(own, listed)) == [("compost 40 L", 1), ("rakes", 3), ("watering cans 10 L", 6)]


@pytest.mark.parametrize(
    ("own", "listed", "left"),
    [
        (
            "Commande validée par le chef de labo (sans les 26A). Merci.",
            "- 4 toners HP 26X\n- 2 toners HP 26A\n- 3 agrafeuses\n",
            [("agrafeuses", 3), ("toners HP 26X", 4)],
        ),
        (
            "Approved, but without the M8 anchors.",
            "- 200 anchors M6\n- 100 anchors M8\n- 4 boxes of gloves\n",
            [("anchors M6", 200), ("gloves", 4)],
        ),
    ],
    ids=["sans-les-26A", "without-the-M8"],
)
def test_a_forwarder_takes_out_a_line_named_by_a_mark_of_letters_and_figures(
    own: str, listed: str, left: list[tuple[str, int]]
) -> None:
    assert sorted(_read(own, listed)) == left
