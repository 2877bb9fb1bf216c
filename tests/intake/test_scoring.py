from intake.reports.eval_report import what_differs
from intake.reports.scoring import Tally, differences, order_is_right, pair_orders


def make_order(customer="C1", po="PO-1", lines=(("A", 1),), status="accepted"):
    return {
        "customer_id": customer,
        "po_number": po,
        "status": status,
        "lines": [{"sku": sku, "quantity": qty} for sku, qty in lines],
    }


def test_lines_compare_as_a_multiset_of_sku_and_quantity():
    assert order_is_right(make_order(lines=[("A", 1), ("B", 2)]), make_order(lines=[("B", 2.0), ("A", 1)]))
    assert not order_is_right(make_order(lines=[("A", 1)]), make_order(lines=[("A", 1), ("A", 1)]))


def test_two_orders_of_one_message_pair_by_po_number():
    first, second = make_order(po="X"), make_order(po="Y", customer="C2")
    pairs = pair_orders([second, first], [first, second])
    assert all(p is e for p, e in pairs)


def test_an_accepted_wrong_order_is_counted():
    tally = Tally()
    tally.add_message("m", [make_order(lines=[("A", 2)])], [make_order(lines=[("A", 1)])])
    figures = tally.figures()
    assert figures["accepted_wrong"] == 1
    assert figures["exact_messages"] == 0
    assert figures["line_precision"] == 0


def test_a_non_order_taken_for_an_order_is_misclassified():
    tally = Tally()
    tally.add_message("m", [make_order(status="review")], [])
    figures = tally.figures()
    assert figures["order_detection"] == 0
    assert figures["accepted_wrong"] == 0


def test_what_makes_an_order_wrong_is_named_line_by_line():
    expected = make_order(lines=[("A", 2), ("B", 1), ("C", 5)])
    predicted = make_order(po=None, lines=[("A", 20), ("D", 1), ("E", 3)])
    assert sorted(differences(predicted, expected)) == [
        "PO",
        "article",
        "line extra",
        "line missing",
        "quantity",
    ]
    assert differences(make_order(), None) == ["not an order"]
    assert differences(expected, expected) == []


def test_the_accepted_wrong_orders_are_counted_by_what_differs():
    tally = Tally()
    tally.add_message("m", [make_order(lines=[("A", 2)])], [make_order(lines=[("A", 1)])])
    tally.add_message("n", [make_order(lines=[("A", 1)], status="review")], [make_order(customer="C2")])
    assert tally.figures()["accepted_wrong_kinds"] == {"quantity": 1}


def test_the_report_names_the_kinds_only_when_something_wrong_got_through():
    assert what_differs({}) == ""
    assert what_differs({"quantity": 1, "PO": 2}) == " (what differs: PO 2, quantity 1)"


def test_a_ship_to_counts_whatever_its_case_accents_and_commas_but_not_its_words():
    def ship(address):
        return {**make_order(), "ship_to": address}

    tally = Tally()
    tally.add_message(
        "same", [ship("3 Quai des Écluses 44000 NANTES")], [ship("3 quai des Ecluses, 44000 Nantes")]
    )
    tally.add_message("cut", [ship("3 quai des Ecluses")], [ship("3 quai des Ecluses, 44000 Nantes")])
    tally.add_message("none", [ship(None)], [ship(None)])
    figures = tally.figures()
    assert figures["ship_to"] == 2 / 3
    assert figures["exact_messages"] == 1.0  # CONTRACT's message rule leaves the ship-to out


def test_an_accepted_order_going_elsewhere_is_counted_even_when_right():
    def ship(address, status="accepted"):
        return {**make_order(status=status), "ship_to": address}

    tally = Tally()
    tally.add_message(
        "site", [ship("Dépôt, 2 rue du Port, 56100 Lorient")], [ship("8 allée Verte, 35000 Rennes")]
    )
    tally.add_message("held", [ship("Ailleurs", status="review")], [ship("8 allée Verte, 35000 Rennes")])
    tally.add_message(
        "same", [ship("Atelier, 8 Allée verte 35000 RENNES")], [ship("8 allée Verte, 35000 Rennes")]
    )
    tally.add_message("unsaid", [ship("8 allée Verte, 35000 Rennes")], [ship(None)])
    figures = tally.figures()
    assert figures["accepted_ship_to_wrong"] == 1
    assert figures["accepted_wrong"] == 0
