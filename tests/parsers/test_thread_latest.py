"""The latest message quoted under a reply, whatever shape its client gives the attribution."""

from __future__ import annotations

from parsers.text.thread import latest_quoted, points_to_thread

OFFER = (
    "> Hello,\n> Our offer OF-77 for the reagents:\n> 4 x REA-PH7 buffer pH 7, 500 ml   12.40\n"
    "> 2 x REA-KCL saturated KCl, 250 ml   9.80\n> Regards, lab sales\n"
)


def test_a_wrapped_attribution_opens_the_quoted_message_it_heads() -> None:
    # Gmail wraps a long attribution after the sender's '<': both halves are its header, not a body.
    quoted = (
        "On Wed, 2 Dec 2026 at 16:40, Northfield Lab Supplies - Sales desk <\nsales@northfield.example> wrote:\n\n"
        + OFFER
    )
    latest = latest_quoted(quoted)
    assert "REA-PH7" in latest and "REA-KCL" in latest
    assert points_to_thread("OK, please go ahead.", quoted) is not None


def test_the_message_under_a_wrapped_attribution_is_older_history() -> None:
    quoted = (
        OFFER
        + ">\n> On Tue, 1 Dec 2026 at 09:12, Dr. Ines Marlowe, purchasing <\n> ines.marlowe@clinic.example> wrote:\n"
        + "> > could you price 40 pipette boxes?\n"
    )
    latest = latest_quoted(quoted)
    assert "REA-KCL" in latest and "pipette" not in latest


def test_an_acceptance_said_not_to_be_one_yet_accepts_nothing() -> None:
    quoted = "On Wed, 2 Dec 2026 at 16:40, Lab sales <sales@northfield.example> wrote:\n" + OFFER
    assert points_to_thread("The budget is not yet approved. I will come back to you.", quoted) is None
    assert points_to_thread("Le labo n'a pas encore validé, je reviens vers vous.", quoted) is None
    assert points_to_thread("No problem, approved.", quoted) is not None
    assert points_to_thread("Pas de souci, validé.", quoted) is not None
