"""Delivery dates: explicit, and relative ones resolved against the message date."""

from __future__ import annotations

import datetime as dt

import pytest

from parsers.mail.forwards import parse_loose_date
from parsers.values.dates import find_date, find_dates, month_number, next_weekday
from parsers.values.delivery_dates import delivery_date

TUESDAY = dt.date(2026, 10, 13)
FRIDAY = dt.date(2026, 10, 16)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Livraison le 07/10/2026", TUESDAY, dt.date(2026, 10, 7)),
        ("livraison le mercredi 7 octobre avant 10h", TUESDAY, dt.date(2026, 10, 7)),
        ("delivery on 2026-10-20", TUESDAY, dt.date(2026, 10, 20)),
        ("Required by October 22nd", TUESDAY, dt.date(2026, 10, 22)),
        ("livraison le 16.11.2026", TUESDAY, dt.date(2026, 11, 16)),
        ("merci de livrer demain", TUESDAY, dt.date(2026, 10, 14)),
        ("livrer après-demain", TUESDAY, dt.date(2026, 10, 15)),
        ("Livraison souhaitée : lundi prochain", TUESDAY, dt.date(2026, 10, 19)),
        ("pour jeudi svp", TUESDAY, dt.date(2026, 10, 15)),
        ("Livraison vendredi si possible", FRIDAY, dt.date(2026, 10, 23)),
        ("vendredi prochain", FRIDAY, dt.date(2026, 10, 23)),
        ("livraison jeudi 15 avant 10h30", TUESDAY, dt.date(2026, 10, 15)),
        ("à livrer avant le 27", TUESDAY, dt.date(2026, 10, 27)),
        ("pour le 3", TUESDAY, dt.date(2026, 11, 3)),
        ("livraison sous huitaine", TUESDAY, dt.date(2026, 10, 21)),
        ("livraison sous 48 h", TUESDAY, dt.date(2026, 10, 15)),
        ("d'ici la fin du mois", TUESDAY, dt.date(2026, 10, 31)),
        ("livraison semaine 48", TUESDAY, dt.date(2026, 11, 23)),
        ("Delivery tomorrow please", TUESDAY, dt.date(2026, 10, 14)),
        ("needed by next Monday", TUESDAY, dt.date(2026, 10, 19)),
        ("by Friday", TUESDAY, dt.date(2026, 10, 16)),
        ("deliver within a week", TUESDAY, dt.date(2026, 10, 20)),
        ("Livraison le lundi 05/01", dt.date(2026, 12, 28), dt.date(2027, 1, 5)),
        ("Delivery by Friday 16th please", TUESDAY, dt.date(2026, 10, 16)),
        ("deliver on Thursday the 22nd", TUESDAY, dt.date(2026, 10, 22)),
    ],
    ids=[
        "numeric",
        "weekday-day-month",
        "iso",
        "english-month-day",
        "dotted",
        "demain",
        "apres-demain",
        "lundi-prochain",
        "bare-weekday",
        "bare-weekday-same-day",
        "prochain-same-day",
        "weekday-day",
        "avant-le",
        "day-next-month",
        "huitaine",
        "48h",
        "fin-du-mois",
        "iso-week",
        "tomorrow",
        "next-monday",
        "by-friday",
        "within-a-week",
        "year-rollover",
        "weekday-ordinal-en",
        "weekday-the-ordinal-en",
    ],
)
def test_delivery_date(text: str, today: dt.date, expected: dt.date) -> None:
    hit = delivery_date(text, today)
    assert hit is not None
    assert hit.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dès que possible, on est presque à sec.",
        "Pour le mariage du 7/11 (env. 180 couverts) je vous enverrai une autre commande.",
        "Date: jeu. 15 oct. 2026 à 22:13",
        "Bonne journée",
        'PLB-36628\tRéducteur de pression laiton 3/4" avec manomètre\t2',
        'Groupe de sécurité coudé 3/4" 7 bar pour la chaufferie',
        "raccord 1/2'' mâle pour le manchon 3/4 pouce",
        "Livraison le 05/10/202 au dépôt",
        "D'accord pour le 3 plis, 8 colis.",
        "Ok for the 2 ply rolls, 6 cases.",
    ],
    ids=[
        "asap",
        "event-date",
        "forward-header",
        "no-date",
        "word-ending-in-a-cue",
        "inch-size",
        "inch-words",
        "three-digit-year",
        "a-count-of-plies-fr",
        "a-count-of-plies-en",
    ],
)
def test_no_delivery_date(text: str) -> None:
    assert delivery_date(text, TUESDAY) is None


def test_delivery_cue_beats_an_earlier_date() -> None:
    text = "commande pour le mariage de samedi (livraison vendredi 16/10 au plus tard)"
    hit = delivery_date(text, TUESDAY)
    assert hit is not None and hit.value == dt.date(2026, 10, 16)
    assert text[hit.span[0] : hit.span[1]] == "vendredi 16/10"


def test_find_dates_lists_each_expression_once() -> None:
    hits = find_dates("vendredi 16/10 puis demain", TUESDAY)
    assert [h.text for h in hits] == ["vendredi 16/10", "demain"]


@pytest.mark.parametrize(
    ("weekday", "expected_day"), [(0, 19), (1, 20), (2, 14), (4, 16)], ids=["mon", "tue", "wed", "fri"]
)
def test_next_weekday_is_strictly_after(weekday: int, expected_day: int) -> None:
    assert next_weekday(TUESDAY, weekday) == dt.date(2026, 10, expected_day)


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("janvier", 1), ("Januar", 1), ("févr.", 2), ("fév", 2), ("Februar", 2), ("März", 3),
        ("avr", 4), ("Juni", 6), ("juil.", 7), ("Juli", 7), ("août", 8), ("Aout", 8), ("sept", 9),
        ("Okt", 10), ("Oktober", 10), ("déc", 12), ("Dezember", 12), ("DEC", 12),
    ],
)  # fmt: skip
def test_one_month_table_for_body_documents_and_quoted_headers(written: str, month: int) -> None:
    expected = dt.date(2026, month, 5)
    assert month_number(written) == month
    assert [hit.value for hit in find_dates(f"livraison le 5 {written} 2026", TUESDAY)] == [expected]
    assert find_date(f"Date : 5 {written} 2026") == (expected, 7)
    if written.isascii():  # a quoted header prints the month as the mail client spells it
        assert parse_loose_date(f"5 {written} 2026 10:00") == dt.datetime(2026, month, 5, 10, 0)


def test_a_word_that_is_no_month_has_no_number() -> None:
    assert month_number("carton") is None


# Dates printed in full: the body's finder and the documents' read each the same.
PRINTED = [
    ("Date : 05/10/2026", dt.date(2026, 10, 5)),
    ("livraison le 05/10/26", dt.date(2026, 10, 5)),
    ("Belegdatum 17.11.2026", dt.date(2026, 11, 17)),
    ("Date de commande 05-10-2026", dt.date(2026, 10, 5)),
    ("2026-11-20", dt.date(2026, 11, 20)),
    ("Cadillac, le 14 octobre 2026", dt.date(2026, 10, 14)),
    ("le 1er décembre 2026", dt.date(2026, 12, 1)),
    ("12 November 2026", dt.date(2026, 11, 12)),
    ("November 3rd 2026", dt.date(2026, 11, 3)),
    ("Required by October 14th, 2026", dt.date(2026, 10, 14)),
    ("am 3. März 2026", dt.date(2026, 3, 3)),
    ("vendredi 16/10/2026", dt.date(2026, 10, 16)),
    ("31/02/2026", None),
    ("réf 05/10/1850", None),
    ("code 12.10.2150", None),
    ("05/25/2026", None),
    ("no date", None),
]


@pytest.mark.parametrize(("text", "expected"), PRINTED, ids=[text for text, _ in PRINTED])
def test_bodies_and_documents_read_a_date_printed_in_full_alike(text: str, expected: dt.date | None) -> None:
    in_body = [hit.value for hit in find_dates(text, TUESDAY) if not hit.relative]
    found = find_date(text)
    assert in_body[:1] == ([expected] if expected else [])
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize("text", ["livraison le 16/10", "pour vendredi", "avant le 20", "semaine 48"])
def test_a_document_reads_no_date_without_its_year(text: str) -> None:
    assert find_dates(text, TUESDAY)
    assert find_date(text) is None and find_dates(text) == []


def test_month_first_dates_read_the_month_first() -> None:
    assert find_date("Order date 12/25/2026", day_first=False) == (dt.date(2026, 12, 25), 11)
    assert find_date("Order date 12/05/2026", day_first=False) == (dt.date(2026, 12, 5), 11)
    assert [hit.value for hit in find_dates("by 12/25/2026", TUESDAY, day_first=False)] == [
        dt.date(2026, 12, 25)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date de livraison souhaitée\n20/10/2026\nChantier", dt.date(2026, 10, 20)),
        ("Deliver to 21 quai Perrache as usual. Thursday if possible.", dt.date(2026, 10, 15)),
        ("vendredi au plus tard, merci", dt.date(2026, 10, 16)),
        (
            "à livrer directement sur le chantier de la rue de la Convention à Oullins "
            "(18 rue de la Convention, 69600 Oullins) vendredi.",
            dt.date(2026, 10, 16),
        ),
        ("pr la semaine pro (semaine 44) stp :", dt.date(2026, 10, 26)),
        ("pour la semaine 44", dt.date(2026, 10, 26)),
    ],
    ids=["label-above", "if-possible-after", "au-plus-tard-after", "place-between", "week-alone", "pour-la"],
)
def test_a_delivery_cue_above_after_or_far_before_the_date(text: str, expected: dt.date) -> None:
    hit = delivery_date(text, TUESDAY)
    assert hit is not None and hit.value == expected


def test_a_date_under_a_label_of_another_date_is_no_delivery() -> None:
    assert delivery_date("Date de commande\n12/10/2026\n", TUESDAY) is None


def test_the_week_under_way_alone_is_the_orders_week_not_a_delivery() -> None:
    assert delivery_date("Commande semaine 42", TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delivery to the depot by Friday 16th please", dt.date(2026, 10, 16)),
        ("by Friday the 23rd", dt.date(2026, 10, 23)),
        ("Je passerai les chercher lundi.", dt.date(2026, 10, 19)),
        ("We'll pick them up on Thursday.", dt.date(2026, 10, 15)),
    ],
    ids=["weekday-ordinal", "weekday-the-ordinal", "collected-fr", "collected-en"],
)
def test_a_weekday_with_its_ordinal_and_a_day_of_collection(text: str, expected: dt.date) -> None:
    hit = delivery_date(text, TUESDAY)
    assert hit is not None and hit.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please deliver the scaffold boards on the twenty-third of October.", dt.date(2026, 10, 23)),
        ("Delivery Friday the thirtieth, gate B.", dt.date(2026, 10, 30)),
        ("deliver by October the twenty first", dt.date(2026, 10, 21)),
        ("Livraison souhaitée le vingt-deux octobre.", dt.date(2026, 10, 22)),
    ],
    ids=["ordinal-of-month", "weekday-the-ordinal-word", "month-the-ordinal-spaced", "french-day-word"],
)
def test_a_day_of_the_month_written_in_words(text: str, expected: dt.date) -> None:
    hit = delivery_date(text, TUESDAY)
    assert hit is not None and hit.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Livraison à l'atelier, du lundi au vendredi de 7 h à 16 h.",
        "Deliveries accepted Monday to Friday, 8am-4pm.",
        "Réception des marchandises lun.-ven. uniquement.",
        "Delivery note attached; the second may arrive later.",
    ],
    ids=["du-lundi-au-vendredi", "monday-to-friday", "abbreviated-range", "second-may-is-no-date"],
)
def test_opening_days_and_ordinals_of_other_things_are_no_delivery_date(text: str) -> None:
    assert delivery_date(text, TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our order below.\n\n4 EA Safety helmet white HLM-200 22/10/2026\n2 EA Ear defenders EAR-31 22/10/2026\n"
            "6 PR Gloves GLV-9 22/10/2026 for the night shift\n",
            dt.date(2026, 10, 22),
        ),
        (
            "Jour | Réf | Article | Qté\nLundi 19/10 | PL-22 | Plaque de plâtre BA13 | 40\n"
            "Lundi 19/10 | RL-48 | Rail 48 | 60\n",
            dt.date(2026, 10, 19),
        ),
        ("Need by: 2026-10-21\nPayment terms: 30 days", dt.date(2026, 10, 21)),
    ],
    ids=["a-date-on-each-line", "a-day-column", "need-by"],
)
def test_a_delivery_date_written_on_the_lines_of_the_order(text: str, expected: dt.date) -> None:
    hit = delivery_date(text, TUESDAY)
    assert hit is not None and hit.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Relevé :\nCommande du 05/10/2026 : 3 x plaques BA13\nCommande du 08/10/2026 : 2 x rails 48\n",
        "Qty | Item | Delivery date\n4 | Helmet HLM-200 | 22/10/2026\n2 | Ear defenders EAR-31 | 29/10/2026\n",
    ],
    ids=["past-dates", "lines-dated-apart"],
)
def test_past_dates_or_lines_dated_apart_give_no_delivery_date_of_the_order(text: str) -> None:
    assert delivery_date(text, TUESDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "The two new joiners start on Monday 19th.",
        "Our site open day is on Friday, the van is in for service on Thursday.",
    ],
    ids=["starting-on", "events-on-days"],
)
def test_a_day_after_on_alone_is_no_delivery_date(text: str) -> None:
    assert delivery_date(text, TUESDAY) is None


def test_a_delivery_word_before_on_still_asks_that_day() -> None:
    hit = delivery_date("Please deliver on Thursday.", TUESDAY)
    assert hit is not None and hit.value == dt.date(2026, 10, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kindly confirm within 24 hours.\n\nPURCHASE ORDER No. PO-4471   Date: 01.12.2026\n"
            "Required date: 10.12.2026        Incoterm: DAP",
            dt.date(2026, 12, 10),
        ),
        (
            "Merci de confirmer sous 48 h.\nDate required: 14/12/2026\n2 x vannes 1/4 tour",
            dt.date(2026, 12, 14),
        ),
        ("Please acknowledge within 2 days.\nNeed date | 09/12/2026", dt.date(2026, 12, 9)),
    ],
    ids=["erp-required-date", "date-required", "need-date"],
)
def test_a_heading_of_the_day_wanted_beats_a_deadline_to_confirm(text: str, expected: dt.date) -> None:
    found = delivery_date(text, dt.date(2026, 12, 1))
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("need the valves on site by wed pls", dt.date(2026, 12, 9)),
        ("Toner for the printer room, before fri if you can", dt.date(2026, 12, 11)),
        ("can you deliver the seed by Thurs.", dt.date(2026, 12, 10)),
    ],
    ids=["by-wed", "before-fri", "by-thurs"],
)
def test_an_english_weekday_cut_short_after_the_word_asking_for_it_is_the_delivery(
    text: str, expected: dt.date
) -> None:
    found = delivery_date(text, dt.date(2026, 12, 7))
    assert found is not None and found.value == expected


def test_a_cut_short_weekday_before_a_count_is_no_date() -> None:
    assert all(
        hit.value is None or hit.text.lower() != "on sat"
        for hit in find_dates("on sat 12 boxes", dt.date(2026, 12, 7))
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Great, Thursday 17th is fine. Here is the list for the site:", dt.date(2026, 12, 17)),
        ("Vendredi 18 nous convient, voici les fournitures :", dt.date(2026, 12, 18)),
        ("Jeudi 17/12 ça nous va, merci.", dt.date(2026, 12, 17)),
    ],
    ids=["is-fine", "nous-convient", "ca-nous-va"],
)
def test_the_day_a_reply_agrees_to_is_the_delivery(text: str, expected: dt.date) -> None:
    found = delivery_date(text, dt.date(2026, 12, 14))
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "D'accord pour le 3 plis, 8 colis.",
        "Pour le 2 places, 4 unités svp.",
        "OK pour le 5 litres, 3 bidons.",
    ],
    ids=["plis", "places", "litres"],
)
def test_a_number_after_le_naming_a_count_or_size_is_no_day(text: str) -> None:
    assert delivery_date(text, dt.date(2026, 12, 11)) is None


@pytest.mark.parametrize(
    "text",
    ["Livraison le 18 dans la matinée", "livraison le 18 vers 10h", "à livrer pour le 18 comme convenu"],
)
def test_a_day_after_le_followed_by_words_of_the_date_stays_a_day(text: str) -> None:
    found = delivery_date(text, dt.date(2026, 12, 11))
    assert found is not None and found.value == dt.date(2026, 12, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Required by: 18-Dec-2026", dt.date(2026, 12, 18)),
        ("Date de commande : 07-déc-2026", dt.date(2026, 12, 7)),
        ("DELIVERY DATE 22.OCT.26", dt.date(2026, 10, 22)),
    ],
    ids=["dd-mon-yyyy", "dd-mois-yyyy-fr", "dd-mon-yy-dots"],
)
def test_an_erps_day_month_name_and_year_joined_by_dashes_or_dots(text: str, expected: dt.date) -> None:
    assert [hit.value for hit in find_dates(text, TUESDAY)] == [expected]


def test_a_code_shaped_like_a_joined_date_is_none() -> None:
    assert find_dates("ref 12-MAR-2026-04 as before", TUESDAY) == []
