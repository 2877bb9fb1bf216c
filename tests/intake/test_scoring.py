from intake.reports.scoring import Tally, order_is_right, pair_orders


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
