"""Corrections written inside the order: the customer's last word counts (parsers/text/corrections.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parsers.text.corrections import added_item, correct_lines, inline_correction, is_cancelled, postscript_at
from parsers.text.reader import read_lines


def _read(text: str) -> list[tuple[str, Decimal]]:
    lines = read_lines(text, part="body")
    return [
        ((line.description.value if line.description else line.code.value), line.quantity.value)
        for line in lines
    ]


def _corrected(text: str) -> list[tuple[str, Decimal]]:
    from parsers.text.corrections import correct_lines

    lines = correct_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    return [(line.description.value, line.quantity.value) for line in lines]


@pytest.mark.parametrize(
    ("line", "new", "old"),
    [
        ("Tuile faîtière : 10 -- pardon, 12 et non 10", 12, 10),
        ("Sacs de sable : 8, sorry, 15 not 8", 15, 8),
        ("Poteaux bois : 6 (correction : 7 au lieu de 6)", 7, 6),
    ],
    ids=["pardon-et-non", "sorry-not", "bracket-au-lieu-de"],
)
def test_a_count_corrected_on_its_line_replaces_the_first(line, new, old):
    found = inline_correction(line)
    assert found is not None and (found[1], found[3]) == (Decimal(new), Decimal(old))
    assert _read(f"{line}\n")[0][1] == Decimal(new)


def test_a_correction_must_name_the_count_it_replaces():
    assert inline_correction("Tuile faîtière : 10 -- pardon, 12 et non 14") is None


@pytest.mark.parametrize(
    "line",
    ["Bâche 4x6 m : 2 (annulé, on en a au dépôt)", "- 3 x PLT-220 cancelled", "Cales : 5 - à supprimer"],
    ids=["annule-in-brackets", "cancelled", "a-supprimer"],
)
def test_a_line_cancelled_after_its_count_orders_nothing(line):
    assert is_cancelled(line)
    assert _read(f"{line}\n") == []


def test_a_word_of_cancellation_without_a_count_cancels_nothing():
    assert not is_cancelled("Commande annulée la semaine dernière, voici la nouvelle")


def test_a_sentence_under_the_list_changes_the_count_and_is_no_line():
    text = (
        "Tuyau arrosage 25 m : 2\nRaccord rapide : 10\n\nFinalement mettez 4 tuyaux arrosage au lieu de 2.\n"
    )
    assert _corrected(text) == [("Tuyau arrosage 25 m", 4), ("Raccord rapide", 10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Blouse coton S/M - 4\nCharlotte jetable - 6\n\nEt mettez 8 blouses S/M au lieu de 4.\n",
            [("Blouse coton S/M", 8), ("Charlotte jetable", 6)],
        ),
        (
            "Chemises A4/A3 : 10\nÉlastiques : 2\n\nFinalement 12 chemises A4/A3 au lieu de 10.\n",
            [("Chemises A4/A3", 12), ("Élastiques", 2)],
        ),
    ],
    ids=["size-slash", "format-slash"],
)
def test_a_correction_names_the_line_with_a_word_joined_by_a_slash(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 12 x nitrile gloves M\n- 4 x sharps bins 5L\n\nPS: make that 20 gloves.\n",
            [("nitrile gloves M", 20), ("sharps bins 5L", 4)],
        ),
        (
            "We need 4 stacking chairs and 6 trestle tables 180. Actually make that 8 tables, the hall is bigger.\n",
            [("stacking chairs", 4), ("trestle tables 180", 8)],
        ),
    ],
    ids=["name-after-count", "sentence-closed-by-figures"],
)
def test_make_that_names_the_line_right_after_its_count(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "raccord PER/cuivre 16 - 3\nvanne 1/4 tour - 2\n\nEt mettez 4 raccords PER/cuivre au lieu de 3.\n",
            [("raccord PER/cuivre 16", 4), ("vanne 1/4 tour", 2)],
        ),
        (
            "- 2 x hi-vis vests S/M\n- 6 x hard hats\n\nCould you send 3 hi-vis vests S/M instead of 2.\n",
            [("hi-vis vests S/M", 3), ("hard hats", 6)],
        ),
    ],
    ids=["slash-in-the-name", "slash-in-a-size"],
)
def test_a_count_replaced_names_its_line_by_words_with_a_slash(text: str, expected) -> None:
    assert _corrected(text) == expected


def test_an_english_correction_names_the_line_by_its_words():
    text = "- 10 x safety cones 75 cm\n- 6 x flashing lamps\n\nSorry, correction: 15 of the cones, not 10.\n"
    assert _corrected(text) == [("safety cones 75 cm", 15), ("flashing lamps", 6)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "- 4 x cleaning fluid 500 ml\n- 2 x sponges\n\nPlease send 6 of the 500 ml bottles, not 4.\n",
            [("cleaning fluid 500 ml", 6), ("sponges", 2)],
        ),
        (
            "Câble HO7 50 m : 2\nGaine ICTA 20 : 3\n\nmettez 3 des rouleaux de 50 m et non 2.\n",
            [("Câble HO7 50 m", 3), ("Gaine ICTA 20", 3)],
        ),
        (
            "Farine T55 25 kg : 5\nSucre 1 kg : 10\n\nSorry: 8 of the 25 kg sacks, not 5.\n",
            [("Farine T55 25 kg", 8), ("Sucre 1 kg", 10)],
        ),
        (
            "Garden hose : 20 m\nHose reel : 1\n\nOne change: make it 30 m of garden hose, not 20.\n",
            [("Garden hose", 30), ("Hose reel", 1)],
        ),
        (
            "Copper tube 1.5 x 22 : 4\nElbow 22 mm : 10\n\nPlease make it 6 of the 1.5 thick tube, not 4.\n",
            [("Copper tube 1.5 x 22", 6), ("Elbow 22 mm", 10)],
        ),
        (
            "Twin and earth cable 2.5 : 3\nSockets : 10\n\nPlease make it 5 reels of the 2.5 cable, not 3.\n",
            [("Twin and earth cable 2.5", 5), ("Sockets", 10)],
        ),
    ],
    ids=["ml-en", "m-fr", "kg-en", "counted-in-m", "plumbing-decimal-size", "electrical-decimal-section"],
)
def test_a_measure_between_the_count_and_the_old_one_is_no_count(text, want):
    """'6 of the 500 ml bottles, not 4': 500 ml is what the bottles hold, 6 is the new count."""
    assert _corrected(text) == want


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("Enlevez la ligne 2, merci.", ["Tuyau arrosage", "Arrosoir 10 L"]),
        ("Et retirez les raccords, on verra plus tard.", ["Tuyau arrosage", "Arrosoir 10 L"]),
        ("Please remove line 3.", ["Tuyau arrosage", "Raccord rapide"]),
        ("-> l'arrosoir 10 L, oubliez, on en a finalement.", ["Tuyau arrosage", "Raccord rapide"]),
        ("Le tuyau arrosage, on oublie.", ["Raccord rapide", "Arrosoir 10 L"]),
    ],
    ids=["ligne-n", "by-words", "line-n-en", "named-then-withdrawn-arrow", "named-then-withdrawn"],
)
def test_a_line_taken_out_by_a_sentence_is_no_longer_ordered(sentence, left):
    text = f"1) Tuyau arrosage : 2\n2) Raccord rapide : 10\n3) Arrosoir 10 L : 1\n\n{sentence}\n"
    assert [d for d, _ in _corrected(text)] == left


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "merci de livrer la liste ci-dessous sauf le silicone (on en a).\n\nciment : 2\nsilicone blanc : 6\n",
            ["ciment"],
        ),
        (
            "please enter the order below except the gloves, thanks\n\ntape : 4\nnitrile gloves : 2\n",
            ["tape"],
        ),
        (
            "livraison avant 10h sauf le silicone\n\nciment : 2\nsilicone blanc : 6\n",
            ["ciment", "silicone blanc"],
        ),
        (
            "merci de livrer la liste sauf le mastic\n\nciment : 2\nsilicone blanc : 6\n",
            ["ciment", "silicone blanc"],
        ),
        (
            "merci de livrer la liste ci-dessous, sauf les franges : 10 au lieu de 20.\n\nfranges : 20\nseaux : 4\n",
            ["franges", "seaux"],
        ),
        (
            "Toner : 3\nA4 reams : 10\nStaplers : 2\n\nOK, except the staplers: we still have some.\n",
            ["Toner", "A4 reams"],
        ),
        (
            "c'est bon sauf les rames, on en a encore\n\nToner : 3\nRames A4 : 10\n",
            ["Toner"],
        ),
        (
            "Go ahead except the toner please.\n\nToner : 3\nRames A4 : 10\n",
            ["Rames A4"],
        ),
    ],
    ids=[
        "above-the-list-fr",
        "above-the-list-en",
        "no-whole-order-named",
        "names-no-line",
        "a-change-not-an-exception",
        "approved-except-under-the-list",
        "approved-except-fr",
        "go-ahead-except",
    ],
)
def test_an_exception_to_the_whole_order_takes_its_line_out(text, left):
    assert [d for d, _ in _corrected(text)] == left


def test_a_postscript_under_the_signature_adds_its_line():
    text = "Bonjour,\nSacs de terreau : 5\n\nCordialement,\nJean Morel\n06 11 22 33 44\n\nP.S. ajoutez aussi 2 arrosoirs 10 L.\n"
    assert _read(text) == [("Sacs de terreau", 5), ("arrosoirs 10 L", 2)]


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("ajoutez aussi 2 arrosoirs 10 L.", "2 arrosoirs 10 L"),
        ("please add 1 BAR-200 barrier as well.", "1 BAR-200 barrier"),
        ("PO attached. Please also add 2 rolls of barrier tape, I forgot them.", "2 rolls of barrier tape"),
        ("Bon joint. Pouvez-vous aussi ajouter 3 sacs de colle.", "3 sacs de colle"),
        ("Could you also add 4 pallets of blocks to the same order? Not on the PO.", "4 pallets of blocks"),
        ("Pouvez-vous ajouter 2 rouleaux de feutre à cette commande ? Merci.", "2 rouleaux de feutre"),
    ],
    ids=["fr", "en", "en-sentence-after-another", "fr-asked", "en-question", "fr-question"],
)
def test_an_added_item_is_read_without_its_verb_and_fillers(line, item):
    _, start, end = added_item(line)
    assert line[start:end] == item


def test_only_a_postscript_opens_one():
    assert postscript_at("P.S. merci") == 5
    assert postscript_at("PS: please add 2") is not None
    assert postscript_at("PSG - Marseille") is None


@pytest.mark.parametrize(
    ("note", "cancelled"),
    [("annulé", True), ("Annulé - doublon", True), ("cancelled", True), ("livrer lundi", False), ("", False)],
    ids=["annule", "annule-reason", "cancelled", "other-note", "empty"],
)
def test_a_comment_cell_that_cancels_its_row(note, cancelled):
    from parsers.text.corrections import cancels

    assert cancels(note) is cancelled


def test_a_reference_corrected_in_the_body_replaces_the_one_written():
    from parsers.text.fields import po_number

    text = "Commande BC-3312 ci-jointe.\nPardon, notre n° est BC-3321 et non BC-3312.\n"
    assert po_number("Commande BC-3312", text, part="body").value == "BC-3321"
    assert po_number("Commande BC-3312", "Commande BC-3312 ci-jointe.\n", part="body").value == "BC-3312"


def test_a_line_added_in_a_sentence_beside_an_attachment_is_marked_for_it():
    from parsers.text.reader import ADDED_RULE

    lines = read_lines("Voici notre bon, et en plus 2 jugulaires 4 points, pas sur le bon.\n", part="body")
    assert [(ln.description.value, ln.quantity.value, ln.provenance.rule) for ln in lines] == [
        ("jugulaires 4 points", 2, ADDED_RULE)
    ]


def test_the_attached_order_takes_the_lines_the_body_adds_and_only_those():
    from models import ExtractedOrder
    from parsers.orders import join_body

    body = ExtractedOrder(source="email", part="body")
    body.lines = read_lines(
        "Voici notre bon.\n- 4 x casques blancs\nEt en plus 2 jugulaires, pas sur le bon.\n", part="body"
    )
    document = ExtractedOrder(source="pdf", part="bon.pdf")
    document.lines = read_lines("- 6 x lunettes incolores\n", part="bon.pdf")
    join_body([document], body)
    assert [(ln.description.value, ln.quantity.value) for ln in document.lines] == [
        ("lunettes incolores", 6),
        ("jugulaires", 2),
    ]


def test_an_item_added_after_a_comma_keeps_the_items_before_it():
    text = "Tu peux me préparer deux boîtes de vis 4x40 et une de vis 5x50, plus un rouleau de ruban 25 mm.\n"
    assert [q for _, q in _read(text)] == [2, 1, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Could you also add one A3 laminator (any brand, it's for the marketing team) and 5 SanDisk 64GB USB sticks.",
            [("A3 laminator", 1), ("SanDisk 64GB USB sticks", 5)],
        ),
        (
            "Pourriez-vous aussi ajouter 2 agrafeuses (peu importe la marque, c'est pour l'accueil) et 3 boîtes "
            "d'agrafes 24/6.",
            [("agrafeuses", 2), ("agrafes 24/6", 3)],
        ),
        (
            "Please also add 4 wash bottles (any size, for the teaching lab) and 2 boxes of pipette tips.",
            [("wash bottles", 4), ("pipette tips", 2)],
        ),
    ],
    ids=["en", "fr", "lab"],
)
def test_a_remark_in_brackets_ends_no_added_item(text: str, expected: list) -> None:
    assert _read(text) == [(name, Decimal(count)) for name, count in expected]


def test_a_forwarders_word_over_the_list_takes_its_line_out():
    text = (
        "Please supply the list below. Drop the face shields, we have some in the store.\n\n"
        "---------- Forwarded message ---------\n"
        "Hi,\n10 x cut gloves level D\n4 x face shield\n2 x harness 3 points\n"
    )
    assert [name for name, _ in _corrected(text)] == ["cut gloves level D", "harness 3 points"]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "One change: make it 20 pairs of welding gloves instead of 12.\n\n"
            "- 12 paires gants soudeur manchette 15 cm\n- 4 écrans faciaux relevables\n",
            [("gants soudeur manchette 15 cm", Decimal(20)), ("écrans faciaux relevables", Decimal(4))],
        ),
        (
            "Le client a rappelé : 4 couronnes d'ICTA 25 au lieu de 3.\n\n"
            "3 couronnes gaine ICTA grise Ø25 100 m\n2 couronnes TPC rouge Ø63 50 m\n",
            [("gaine ICTA grise Ø25 100 m", Decimal(4)), ("TPC rouge Ø63 50 m", Decimal(2))],
        ),
    ],
    ids=["other-language-same-unit", "a-word-with-its-size"],
)
def test_a_forwarders_new_count_changes_the_line_of_the_old_one(text, left):
    assert _corrected(text) == left


def test_a_count_replaced_in_another_language_needs_the_unit_of_the_line():
    text = "Make it 20 boxes of welding gloves instead of 12.\n\n- 12 paires gants soudeur manchette 15 cm\n"
    assert ("gants soudeur manchette 15 cm", Decimal(12)) in _corrected(text)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "- Rail R48 x 3\n- Enduit joint : 12\n\nAh et finalement 4 et pas 3 pour les rails. Merci\n",
            [("Rail R48", 4), ("Enduit joint", 12)],
        ),
        (
            "Il nous faut 6 montants M48 et 3 sacs de ciment ; finalement mettez-en 4 et pas 3, merci.\n",
            [("montants M48", 6), ("ciment", 4)],
        ),
        (
            "- 20 x EQU-4T-60 équerres 4 trous\n- 2 x EQU-6T-60 équerres 6 trous\n\n"
            "Correction to the above: EQU-6T-60 should read 4, not 2.\n",
            [("équerres 4 trous", 20), ("équerres 6 trous", 4)],
        ),
        (
            "Câbles :\n2 couronnes 5G2,5 en 100\n2 couronnes 3G1,5 en 100\n\nmettez 3 couronnes de 5G2,5 en 100 au lieu de 2.\n",
            [("5G2,5 en 100", 3), ("3G1,5 en 100", 2)],
        ),
    ],
    ids=["words-after-the-counts", "pronoun-in-the-next-clause", "code-named", "mark-with-figures"],
)
def test_a_correction_finds_its_line_by_the_words_of_its_clause(text, left):
    assert _corrected(text) == [(d, Decimal(q)) for d, q in left]


def test_two_lines_of_the_old_count_named_alike_are_left_for_a_clerk():
    text = "- 2 rouleaux de ruban 19 mm\n- 2 rouleaux de ruban 25 mm\n\nmettez 5 rouleaux de ruban au lieu de 2.\n"
    assert _corrected(text)[:2] == [("ruban 19 mm", Decimal(2)), ("ruban 25 mm", Decimal(2))]


def test_a_code_glued_to_its_figures_is_no_new_count():
    text = "- 4 x RUB-MAS-25 masking tape\n\nRUB-MAS-25 should read 6, not 4.\n"
    assert [q for _, q in _corrected(text)] == [Decimal(6)]


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("Et oubliez les raccords, on en a.", ["Tuyau arrosage", "Arrosoir 10 L"]),
        ("Pour l'arrosoir on annule, on en a retrouvé un.", ["Tuyau arrosage", "Raccord rapide"]),
        ("As for the raccords, cancel that.", ["Tuyau arrosage", "Arrosoir 10 L"]),
        ("N'oubliez pas les raccords surtout.", ["Tuyau arrosage", "Raccord rapide", "Arrosoir 10 L"]),
    ],
    ids=["oubliez", "pour-x-on-annule", "as-for-x-cancel", "n-oubliez-pas-keeps"],
)
def test_a_line_withdrawn_later_by_its_name(sentence, left):
    text = f"1) Tuyau arrosage : 2\n2) Raccord rapide : 10\n3) Arrosoir 10 L : 1\n\n{sentence}\n"
    assert [d for d, _ in _corrected(text)] == left


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("2 kits de fixation pour rail R48 -> non pardon, un seul, le client a annulé le 2e", 1),
        ("Tuile faîtière : 10, finalement 8.", 8),
        ("6 x safety cones 75 cm -- sorry, only 4, the van is full", 4),
        ("5 ramettes papier A4 80 g (non, mettez-en 8, on en use beaucoup)", 8),
        ("3 flacons d'éthanol 1 L (non, prenez-en 6, c'est pour le labo)", 6),
        ("4 copper elbows 15 mm (no, make it 10, we go through them)", 10),
    ],
    ids=["un-seul-despite-annule", "finalement-n", "sorry-only-n", "mettez-en-n", "prenez-en-n", "make-it-n"],
)
def test_a_count_revised_on_its_line_stands_whatever_the_reason_after_it(line, count):
    assert [q for _, q in _read(f"{line}\n")] == [Decimal(count)]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Il nous faudrait douze paires de bottes vertes en 42 et 5 lots de chaussettes 39/42.\n\n"
            "Pour les bottes, je me suis trompé : mettez 10 paires en 42 et 4 en 43 au lieu des douze en 42.\n",
            [("bottes vertes en 42", 10), ("bottes vertes en 43", 4), ("chaussettes 39/42", 5)],
        ),
        (
            "- 6 boxes nitrile gloves size 8\n- 6 rolls of tape\n\n"
            "For the nitrile gloves, sorry: make it 4 boxes in 8 and 2 in 9 instead of the 6.\n",
            [("nitrile gloves size 8", 4), ("nitrile gloves size 9", 2), ("tape", 6)],
        ),
        (
            "- 6 boxes nitrile gloves size 8\n- 6 boxes latex gloves size 8\n\n"
            "Sorry: make it 4 in 8 and 2 in 9 instead of the 6.\n",
            [("nitrile gloves size 8", 6), ("latex gloves size 8", 6)],
        ),
    ],
    ids=["fr-au-lieu-des-douze-en-42", "en-named-among-two-of-six", "two-alike-left-for-a-clerk"],
)
def test_a_line_replaced_by_its_article_in_several_sizes(text, left):
    assert _corrected(text)[: len(left)] == [(d, Decimal(q)) for d, q in left]


def test_make_that_a_count_of_a_named_line_sets_it_without_the_old_count():
    text = (
        "- 10 safety cones 75 cm\n- 6 flashing lamps\n\nPS: make that 12 of the cones, the site is bigger.\n"
    )
    assert _corrected(text) == [("safety cones 75 cm", Decimal(12)), ("flashing lamps", Decimal(6))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plateaux repas x10 (sorry, 12)\n", [("Plateaux repas", Decimal(12))]),
        (
            "Ruban adhésif : 10 rouleaux -> non pardon, 8 seulement, il en reste\n",
            [("Ruban adhésif", Decimal(8))],
        ),
    ],
    ids=["sorry-in-brackets", "count-then-seulement"],
)
def test_a_count_said_again_after_an_apology_on_its_line_stands(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "- Sacs de terreau : 5\n- Tuteurs bambou 120 cm : 20\n\nFinalement pas de tuteurs, il nous en reste.\n",
            [("Sacs de terreau", 5)],
        ),
        (
            "- 4 rolls of garden twine\n- 2 boxes of plant labels\n\nActually no twine, we found some in the shed.\n",
            [("plant labels", 2)],
        ),
        (
            "Il me faudrait 3 sacs de terreau et 10 kg de gazon rustique.\n\n"
            "Finalement pas de gazon : mettez plutôt 6 kg de gazon ombre à la place.\n",
            [("terreau", 3), ("gazon ombre à la place", 6)],
        ),
        (
            "- Sacs de terreau : 5\n\nFinalement pas de souci pour la livraison de jeudi.\n",
            [("Sacs de terreau", 5)],
        ),
    ],
    ids=["finalement-pas-de", "actually-no", "with-its-stand-in", "names-no-line"],
)
def test_an_article_said_no_longer_wanted_is_taken_out(text, left):
    assert _corrected(text) == [(d, Decimal(q)) for d, q in left]


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "- 10 bags of potting soil\n- 6 watering cans\n\nSorry - make that 12 bags of the potting soil.\n",
            [("potting soil", 12), ("watering cans", 6)],
        ),
        (
            "Please supply 10 bags of potting soil and 4 rakes.\n\nCorrection: make the soil 15 bags.\n",
            [("potting soil", 15), ("rakes", 4)],
        ),
        (
            "8 sacs de terreau\n4 arrosoirs 10 L\n\nPour le terreau, non, mettez-en 10 plutôt que 8.\n",
            [("terreau", 10), ("arrosoirs 10 L", 4)],
        ),
        (
            "- 4 x 100Ah leisure batteries\n- 2 x 70Ah leisure batteries\n\nActually, make the 70Ah ones 3.\n",
            [("100Ah leisure batteries", 4), ("70Ah leisure batteries", 3)],
        ),
        (
            "- 6 plaques de beurre doux\n- 4 seaux de crème fraîche\n\nEt passez le beurre doux à 12, on est à sec.\n",
            [("plaques de beurre doux", 12), ("crème fraîche", 4)],
        ),
        (
            "- 20 packs of paper napkins\n- 5 boxes of straws\n\nCould you increase the napkins to 30, thanks.\n",
            [("paper napkins", 30), ("straws", 5)],
        ),
    ],
    ids=[
        "make-that-n-units-of-the",
        "make-the-name-n",
        "plutot-que",
        "make-the-rated-ones-n",
        "passez-le-nom-a-n",
        "increase-the-name-to-n",
    ],
)
def test_a_count_said_anew_for_a_named_line_replaces_its_count(text, left):
    assert _corrected(text) == [(d, Decimal(q)) for d, q in left]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- garden hoses x 5 rolls - make that 8 rolls, ours burst\n", [("garden hoses", 8)]),
        (
            "We need 2 rakes and 20 kg of lawn seed - actually make that 30, the pitch is larger.\n",
            [("rakes", 2), ("lawn seed", 30)],
        ),
    ],
    ids=["with-its-unit", "last-item-of-a-sentence"],
)
def test_a_count_said_again_on_its_line_changes_the_item_said_last(line, expected):
    assert _read(line) == [(d, Decimal(q)) for d, q in expected]


def test_a_count_said_again_for_each_item_of_the_sentence_changes_them_all():
    text = "Please send 6 cans of wood stain and 6 rollers - sorry, make that 8 of each."
    lines = correct_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    assert [line.quantity.value for line in lines] == [Decimal(8), Decimal(8)]


@pytest.mark.parametrize(
    ("text", "count"),
    [("- 6 sacs de plâtre fin - non attendez, 8 sacs", 8), ("2 kg of smoked paprika - no wait, 3 kg", 3)],
)
def test_a_count_taken_back_after_wait_is_the_one_that_stands(text: str, count: int) -> None:
    (line,) = read_lines(text, part="body")
    assert line.quantity is not None and line.quantity.value == Decimal(count)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il me faut deux fûts d'huile hydraulique 60 litres non pardon un seul fût on a de la place que pour un",
            ("huile hydraulique 60 litres", 1, "fut"),
        ),
        (
            "Bonjour, 3 palettes de parpaings creux non pardon 2 palettes, merci",
            ("parpaings creux", 2, "palette"),
        ),
        (
            "please send 6 boxes of pipette tips 200 ul no sorry 5 boxes as the shelf is small",
            ("pipette tips 200 ul", 5, "boite"),
        ),
    ],
    ids=["fr-reason", "fr", "en-reason"],
)
def test_a_count_taken_back_with_no_mark_before_it_is_the_one_that_stands(text: str, expected) -> None:
    (line,) = read_lines(text, part="body")
    name, count, unit = expected
    assert line.description is not None and line.description.value == name
    assert line.quantity is not None and line.quantity.value == Decimal(count)
    assert line.unit is not None and line.unit.value == unit


def test_an_abbreviations_dot_does_not_end_the_items_a_sentence_adds():
    text = "Please send 6 hi-vis vests and 4 hard hats, plus 2 boxes of welding gloves std. (size 10) and 3 boxes of earplugs."
    assert [(ln.description.value, ln.quantity.value) for ln in read_lines(text, part="body")] == [
        ("hi-vis vests", Decimal(6)),
        ("hard hats", Decimal(4)),
        ("welding gloves std", Decimal(2)),
        ("earplugs", Decimal(3)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Seul changement : le carrelage en 60, 9 cartons et pas 5.\n\n"
            "- carrelage gris 45 : 5 cartons\n- carrelage gris 60 : 5 cartons\n- colle flex : 3 sacs\n",
            [("carrelage gris 45", 5), ("carrelage gris 60", 9), ("colle flex", 3)],
        ),
        (
            "Il veut 3 seaux de 25 L au lieu de 1, le reste sans changement.\n\n"
            "2 x peinture façade (blanc 10L)\n1 x sous-couche (25L)\n",
            [("peinture façade (blanc 10L)", 2), ("sous-couche (25L)", 3)],
        ),
    ],
    ids=["size-tells-two-lines-of-one-count", "size-set-apart-from-its-unit"],
)
def test_a_forwarder_s_change_names_its_line_by_the_size_it_says(text, expected):
    assert _corrected(text) == expected


def test_the_count_replacing_another_is_the_one_counting_what_it_names():
    text = (
        "Pour les seaux 10 L mettez 6 cartons au lieu de 4.\n\n4 cartons de seaux 10 L\n2 rouleaux de bâche\n"
    )
    assert _corrected(text) == [("seaux 10 L", 6), ("bâche", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Approved, but only 3 boxes of the toner for now.\n\n- 6 x toner cartridges black\n- 2 x paper A4 cases\n",
            [("toner cartridges black", 3), ("paper A4 cases", 2)],
        ),
        (
            "OK pour moi, sauf les bancs (on attend le devis). Et 2 parasols suffisent.\n\n"
            "- 4 bancs de jardin\n- 5 parasols 3 m\n- 10 coussins\n",
            [("parasols 3 m", 2), ("coussins", 10)],
        ),
        (
            "Pour saisie sous notre commande AB-2611, sauf les joints (JT-220) qu'on a en stock.\n\n"
            "4 x robinets d'arrêt\n10 x joints fibre\n",
            [("robinets d'arrêt", 4)],
        ),
    ],
    ids=["only-n-of-the-line", "approved-except-and-n-will-do", "except-naming-its-code-in-brackets"],
)
def test_an_approver_over_the_list_cuts_a_count_or_takes_a_line_out(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Marc also rang: add 3 more reams of the copy paper (PAP-A4-80) to it.\n\n"
            "10 x PAP-A4-80 copy paper A4\n2 x STA-24 staples\n",
            [("copy paper A4", 13), ("staples", 2)],
        ),
        (
            "Au téléphone il veut 2 de plus pour les gobelets.\n\n- 5 cartons de gobelets 20 cl\n- 3 cartons de serviettes\n",
            [("gobelets 20 cl", 7), ("serviettes", 3)],
        ),
    ],
    ids=["n-more-of-the-coded-line", "n-de-plus-pour-the-named-line"],
)
def test_a_count_said_as_more_adds_to_the_line_it_names(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Pour saisie : commande JD-2611. Sauf les arrosoirs, on en a reçu hier.\n\n"
            "- 4 arrosoirs 10 L\n- 6 sacs de terreau\n",
            ["terreau"],
        ),
        (
            "Fine, except the rakes: the depot still has some.\n\n3 x garden rakes\n5 x hose reels\n",
            ["hose reels"],
        ),
        (
            "Sauf erreur de notre part, voici la liste.\n\n- 4 arrosoirs 10 L\n- 6 sacs de terreau\n",
            ["arrosoirs 10 L", "terreau"],
        ),
        (
            "- 4 arrosoirs 10 L\n- 6 sacs de terreau\n\nSauf les arrosoirs, livrez avant 10h.\n",
            ["arrosoirs 10 L", "terreau"],
        ),
    ],
    ids=["opening-sauf-fr", "approval-then-except-en", "names-no-line", "under-the-list-is-no-exception"],
)
def test_an_exception_opening_a_sentence_takes_out_the_line_below_it_names(text, left):
    assert [d for d, _ in _corrected(text)] == left


def test_a_line_taken_out_leaves_the_line_an_earlier_clause_adds():
    text = (
        "Il m'a rappelé : ajouter 2 sacs de terreau, et supprimer les râteaux, il en a encore.\n\n"
        "- 4 râteaux\n- 3 arrosoirs\n"
    )
    assert sorted(d for d, _ in _corrected(text)) == ["arrosoirs", "terreau"]


def test_an_approved_exception_takes_out_one_line_only():
    text = "OK, except the garden hoses: we still have some.\n\n- 2 garden hoses 25 m\n- 3 hose reels\n"
    assert [d for d, _ in _corrected(text)] == ["hose reels"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "could you send us 3 pipette racks, no wait, 5, and 10 boxes of nitrile gloves M by Friday.\n",
            [("pipette racks", 5), ("nitrile gloves M", 10)],
        ),
        (
            "il me faudrait 4 boîtes de gants nitrile M - non attendez, 6, et 2 boîtes de masques avant vendredi.\n",
            [("gants nitrile M", 6), ("masques", 2)],
        ),
    ],
    ids=["en", "fr"],
)
def test_a_count_revised_mid_sentence_leaves_the_items_after_it(text, expected):
    assert _read(text) == [(name, Decimal(count)) for name, count in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PS : rajoute une boîte de wago 5 entrées à levier, les boîtes de 25",
            ("wago 5 entrées à levier, les boîtes de 25", 1),
        ),
        ("Could you also add 2 boxes of nitrile gloves, size 9.", ("nitrile gloves, size 9", 2)),
        (
            "Ajoutez aussi 3 sacs de chevilles, les sachets de 100, merci.",
            ("chevilles, les sachets de 100", 3),
        ),
    ],
    ids=["pack", "size", "bags"],
)
def test_an_added_item_keeps_what_tells_the_article_after_a_comma(text: str, expected) -> None:
    name, count = expected
    assert _read(text) == [(name, Decimal(count))]


_TABLE = (
    "Voici notre commande :\n\nCode      Désignation                       Qté\n"
    "MAG-048   {first:<34}4\nMAG-052   {second:<34}4\nMAG-056   Rubalise jaune/noir               10\n\n{said}\n"
)


@pytest.mark.parametrize(
    ("first", "second", "said", "counts"),
    [
        (
            "Cône de signalisation 75 cm",
            "Lampe flash pour cône",
            "Correction : 6 cônes au lieu de 4.",
            [6, 4, 10],
        ),
        (
            "Cône de signalisation 75 cm",
            "Lampe flash pour cône",
            "Correction : 6 cônes au lieu de 4, et donc 6 lampes flash aussi.",
            [6, 6, 10],
        ),
        ("Pipette tips 200 ul", "Rack for pipette tips", "Sorry, 8 pipette tips instead of 4.", [8, 4, 10]),
        (
            "Filtre à huile HU 7008",
            "Clé pour filtre à huile",
            "Pardon : 2 clés pour filtre au lieu de 4.",
            [4, 2, 10],
        ),
    ],
    ids=["head", "joined", "lab", "fits"],
)
def test_a_change_names_the_line_its_word_opens(
    first: str, second: str, said: str, counts: list[int]
) -> None:
    text = _TABLE.format(first=first, second=second, said=said)
    lines = correct_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    assert [ln.quantity.value for ln in lines] == [Decimal(c) for c in counts]


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Could you add 2 EV charger wallboxes 7kW too if you stock them.", "2 EV charger wallboxes 7kW"),
        ("Pourriez-vous ajouter 3 rallonges 10 m si vous en avez.", "3 rallonges 10 m"),
        ("Please also add 4 boxes of pipette tips if available", "4 boxes of pipette tips"),
    ],
    ids=["en-stock", "fr", "lab"],
)
def test_an_item_added_if_there_is_any_is_read_without_the_condition(line: str, item: str) -> None:
    _, start, end = added_item(line)
    assert line[start:end] == item


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Please send 2 boxes of slug pellets 1 kg - actually, make it 4 - and 6 bamboo canes 150 cm bundles.",
            [("slug pellets 1 kg", 4), ("bamboo canes 150 cm bundles", 6)],
        ),
        (
            "Merci de livrer 3 sacs de terreau 70 L - en fait, mettez-en 5 - et 2 tuyaux 19 mm.",
            [("terreau 70 L", 5), ("tuyaux 19 mm", 2)],
        ),
        (
            "We need 10 boxes of nitrile gloves L – sorry, 12 – and 4 packs of wipes.",
            [("nitrile gloves L", 12), ("wipes", 4)],
        ),
    ],
    ids=["make-it-en", "mettez-en-fr", "sorry-en-dashes"],
)
def test_a_count_said_again_between_dashes_mid_sentence(text: str, read: list[tuple[str, int]]) -> None:
    lines = read_lines(text, part="body")
    assert [
        (ln.description.value, int(ln.quantity.value)) for ln in lines if ln.description and ln.quantity
    ] == read


@pytest.mark.parametrize(
    ("text", "left"),
    [
        (
            "Commande habituelle :\nCiment 35 kg : 4 sacs\nSable 0/4 : 2 big bags\nColle carrelage : 3 sacs\n\n"
            "Cette semaine : 6 sacs de ciment au lieu de 4, pas de sable (il en reste), et ajoutez 2 seaux de joint.\n",
            ["Ciment 35 kg", "Colle carrelage", "joint"],
        ),
        (
            "Usual order:\nA4 paper 80 g: 10 reams\nTea bags x 100: 2 boxes\nStaplers: 3\n\n"
            "This week: 12 reams instead of 10, no tea (we have plenty), and 4 boxes of staples.\n",
            ["A4 paper 80 g", "Staplers", "staples"],
        ),
        (
            "Pipettes 10 ml : 5 paquets\nGants nitrile M : 4 boîtes\n\nPas de gants cette fois, on en a reçu.\n",
            ["Pipettes 10 ml"],
        ),
    ],
    ids=["clause-fr", "clause-en", "sentence-fr"],
)
def test_a_clause_opening_on_an_article_no_longer_wanted_takes_its_line_out(text, left):
    assert [d for d, _ in _corrected(text)] == left


def test_a_clause_naming_no_line_above_takes_nothing_out():
    text = "Il nous faut 4 sacs de ciment 35 kg, pas de sable, et 2 seaux de joint.\n"
    assert [d for d, _ in _corrected(text)] == ["ciment 35 kg", "joint"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2 boîtes de vis inox 4x40 non 3", ("vis inox 4x40", 3)),
        ("rouleaux de scotch 19 mm : 4 non 6", ("rouleaux de scotch 19 mm", 6)),
        ("crayons graphite HB no 2 : 12", ("crayons graphite HB no 2", 12)),
    ],
    ids=["count-first", "count-after", "a-number-no-count"],
)
def test_a_bare_non_and_a_count_ending_the_line_take_its_count_back(line, expected):
    assert _read(f"{line}\n") == [(expected[0], Decimal(expected[1]))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "gants nitrile M : 5\ngants latex M : 5\n\nEt pour les gants latex, mettez-en 8.\n",
            [("gants nitrile M", 5), ("gants latex M", 8)],
        ),
        (
            "masking tape 25 mm: 5\nduct tape 50 mm: 5\n\nFor the duct tape, make it 8.\n",
            [("masking tape 25 mm", 5), ("duct tape 50 mm", 8)],
        ),
        (
            "gants nitrile M : 5\ngants latex M : 5\n\nPour le chantier, mettez-en 8.\n",
            [("gants nitrile M", 5), ("gants latex M", 5)],
        ),
    ],
    ids=["pour-les-fr", "for-the-en", "names-no-line"],
)
def test_a_line_named_first_then_counted_by_a_pronoun(text, expected):
    assert _corrected(text) == [(d, Decimal(q)) for d, q in expected]


def test_a_whole_order_cancelled_takes_no_line_of_the_new_one():
    text = (
        "Merci d'annuler notre commande BC-118 d'hier (3 boîtes de vis inox).\nÀ la place, nouvelle commande :\n"
        "- 4 boîtes de vis laiton\n- 1 perceuse 18 V\n"
    )
    assert [d for d, _ in _corrected(text)] == ["vis laiton", "perceuse 18 V"]


@pytest.mark.parametrize(
    ("text", "unit", "pack"),
    [
        (
            "One change: make the glass cleaner 2 cases of 6 rather than 12 loose.\n\n"
            "glass cleaner spray x 12\n4 x red buckets\n",
            "carton",
            Decimal(6),
        ),
        (
            "Le labo a rappelé : pour les embouts, 4 boîtes au lieu de 2.\n\n2 sachets d'embouts de pipette 200 µl\n",
            "boite",
            None,
        ),
        (
            "Pour le papier A4, 2 cartons au lieu de 10.\n\n10 ramettes papier A4\n",
            "carton",
            None,
        ),
    ],
    ids=["cases-of-en", "boites-de-lab", "cartons-de-stationery"],
)
def test_a_new_count_said_in_a_unit_counts_the_line_in_it(text: str, unit: str, pack: Decimal | None) -> None:
    lines = correct_lines(read_lines(text, part="body"), text, part="body", rule="correction")
    recounted = lines[0]
    assert (
        recounted.unit.value if recounted.unit else None,
        recounted.pack_size.value if recounted.pack_size else None,
    ) == (unit, pack)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please send 6 lab coats white in M and 4 lab coats white in XL and 2 boxes of nitrile gloves. "
            "Actually make that 7 coats in XL, two new starters were missed off the list.\n",
            [("lab coats white in M", 6), ("lab coats white in XL", 7), ("nitrile gloves", 2)],
        ),
        (
            "- 3 x chef jackets S\n- 5 x chef jackets L\n\nPS: make that 6 jackets in L, 3 cooks start Monday.\n",
            [("chef jackets S", 3), ("chef jackets L", 6)],
        ),
        (
            "We need 2 lab coats white in M and 3 lab coats white in 2XL. Actually make that 5 coats in M.\n",
            [("lab coats white in M", 5), ("lab coats white in 2XL", 3)],
        ),
    ],
    ids=["sizes-in-prose-en", "sizes-in-a-list-en", "sentence-closed-by-a-size"],
)
def test_make_that_names_the_line_by_the_size_it_says_and_its_reason_counts_nothing(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For the job we need:\nwhite tape 2.5 cm : 4 rolls\nfoam tape 1.2 cm : 2 rolls\n\n"
            "Please make it 6 rolls of the 2.5 wide tape, not 4, we are doing the warehouse too.\n",
            [("white tape 2.5 cm", 6), ("foam tape 1.2 cm", 2)],
        ),
        (
            "Pour le chantier :\nbâche de protection 1.50 x 50 m : 4 rouleaux\nruban de masquage 50 mm : 12 rouleaux\n\n"
            "Mettez plutôt 6 rouleaux du 1.50 de large, pas 4, on fait aussi le hall.\n",
            [("bâche de protection 1.50 x 50 m", 6), ("ruban de masquage 50 mm", 12)],
        ),
    ],
    ids=["tape-en", "tarp-fr"],
)
def test_a_size_with_decimals_after_the_new_count_is_no_count(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 20 x brass tee 15 mm\n- 10 x brass elbow 15 mm\n\nPS: make that 30 of the tee.\n",
            [("brass tee 15 mm", 30), ("brass elbow 15 mm", 10)],
        ),
        (
            "We need 10 boxes of blue ballpoint pen and 4 staplers. Actually make that 12 boxes of pen, "
            "the new starters use them.\n",
            [("blue ballpoint pen", 12), ("staplers", 4)],
        ),
    ],
    ids=["tee-plumbing", "pen-office"],
)
def test_a_line_is_named_by_a_word_of_three_letters_when_no_longer_word_names_one(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- 6 classeurs à levier A4\n- 4 agrafeuses\n\nFinalement 10 classeurs, on a deux nouveaux.\n",
            [("classeurs à levier A4", 10), ("agrafeuses", 4)],
        ),
        (
            "- 2 x kitchen mixer taps\n- 5 x basin wastes\n\nActually, 3 mixer taps please.\n",
            [("kitchen mixer taps", 3), ("basin wastes", 5)],
        ),
        (
            "- gants nitrile M x 10 boîtes\n- blouses blanches x 4\n\nOn passe les blouses à 6, deux stagiaires arrivent.\n",
            [("gants nitrile M", 10), ("blouses blanches", 6)],
        ),
    ],
    ids=["finalement-office-fr", "actually-plumbing-en", "on-passe-a-lab-fr"],
)
def test_a_change_of_mind_gives_the_line_it_names_its_new_count(text, expected):
    assert _corrected(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "il me faudrait trois sacs de plâtre, deux seaux de colle carrelage non attends mets en trois, "
            "et une truelle\n",
            [("plâtre", 3), ("colle carrelage", 3), ("truelle", 1)],
        ),
        (
            "we need 4 boxes of screws and 2 ladders, no sorry, make it three of the ladders, and 3 boxes of nails\n",
            [("screws", 4), ("ladders", 3), ("nails", 3)],
        ),
        (
            "Commande : 2 cartons de gobelets, une boîte de pailles non mettez-en deux des boîtes, "
            "et 3 paquets de serviettes.\n",
            [("gobelets", 2), ("pailles", 2), ("serviettes", 3)],
        ),
    ],
    ids=["mets-en-trois-building-fr", "of-the-ladders-en", "des-boites-catering-fr"],
)
def test_a_count_taken_back_inside_a_run_on_sentence_stands(text, expected):
    assert [(name, count) for name, count in _read(text)] == expected
