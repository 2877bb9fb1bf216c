"""HTML bodies: clean text, tables as rows and cells, quotes marked, nothing executed."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from parsers import extract_orders, parse_message
from parsers.mail.html import html_to_text
from parsers.mail.quotes import split_reply

ORDER_TABLE = """
<html><head><style>td {color: red}</style><script>alert('x')</script></head><body>
<p>Bonjour,</p><p>Notre commande&nbsp;:</p>
<table border="1">
  <tr><th>Réf.</th><th>Article</th><th>Qté</th></tr>
  <tr><td>EM30260</td><td>Bol kraft<br>1000 ml</td><td>3</td></tr>
  <tr><td></td><td>Fourchette bois</td><td>1</td></tr>
  <tr><td></td><td></td><td></td></tr>
</table>
<p>Merci</p></body></html>
"""


def test_table_becomes_rows_and_cells() -> None:
    body = html_to_text(ORDER_TABLE)
    assert [t.texts() for t in body.tables] == [
        [["Réf.", "Article", "Qté"], ["EM30260", "Bol kraft 1000 ml", "3"], ["", "Fourchette bois", "1"]]
    ]
    assert body.tables[0].provenance is not None and body.tables[0].provenance.part == "html"
    assert all(cell.provenance.part == "html" for row in body.tables[0].rows for cell in row)


def test_table_is_rendered_one_row_per_line() -> None:
    text = html_to_text(ORDER_TABLE).text
    assert "EM30260 | Bol kraft 1000 ml | 3" in text.splitlines()
    assert " | Fourchette bois | 1" in text


def test_scripts_styles_and_hidden_parts_are_dropped() -> None:
    html = '<p>Visible</p><div style="display: none">secret 99 cartons</div><script>var a=1;</script>'
    text = html_to_text(html).text
    assert text == "Visible"


def test_layout_tables_are_not_data_tables() -> None:
    html = (
        "<table><tr><td><table><tr><td>Article</td><td>Qté</td></tr><tr><td>Gobelet</td><td>4</td></tr></table>"
        "</td></tr></table>"
    )
    body = html_to_text(html)
    assert [t.texts() for t in body.tables] == [[["Article", "Qté"], ["Gobelet", "4"]]]


def test_list_items_are_bulleted_lines() -> None:
    text = html_to_text("<ul><li>Set de table : 2 cartons</li><li>Javel 5 L : 4 bidons</li></ul>").text
    assert text.splitlines() == ["- Set de table : 2 cartons", "- Javel 5 L : 4 bidons"]


HTML_REPLIES = {
    "gmail_blockquote": (
        '<div dir="ltr">3 cartons de gobelets</div><div class="gmail_quote"><div class="gmail_attr">'
        "Le jeu. 15 oct. 2026 à 10:02, Comptoir &lt;c@x.fr&gt; a écrit :<br></div>"
        '<blockquote class="gmail_quote">9 cartons de bols<br>2 colis</blockquote></div>'
    ),
    "apple_blockquote": (
        '<div>3 cartons de gobelets</div><div><br><blockquote type="cite"><div>Le 2 nov. 2026 à 11:20, Paul '
        "&lt;p@x.fr&gt; a écrit :</div><div>9 cartons de bols</div></blockquote></div>"
    ),
    "outlook_divrplyfwdmsg": (
        '<div class="WordSection1"><p>3 cartons de gobelets</p><hr><div id="divRplyFwdMsg"><b>De :</b> Paul'
        " &lt;p@x.fr&gt;<br><b>Envoyé :</b> vendredi 9 octobre 2026 09:12<br><b>À :</b> c@x.fr<br>"
        "<b>Objet :</b> Commande</div><div><p>9 cartons de bols</p></div></div>"
    ),
    "outlook_border_div": (
        '<p>3 cartons de gobelets</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b>'
        " Paul [mailto:p@x.com]<br><b>Sent:</b> Friday, October 9, 2026 9:12 AM<br><b>To:</b> c@x.com<br>"
        "<b>Subject:</b> Order</p></div><p>9 cartons de bols</p>"
    ),
}


@pytest.mark.parametrize("html", HTML_REPLIES.values(), ids=HTML_REPLIES.keys())
def test_html_reply_history_is_split_off(html: str) -> None:
    split = split_reply(html_to_text(html).text, "RE: Commande")
    assert "3 cartons de gobelets" in split.text
    assert "9 cartons de bols" not in split.text and "9 cartons de bols" in split.quoted


def test_tables_inside_a_quote_are_not_current_tables() -> None:
    html = "<p>Voir ci-dessous</p><blockquote><table><tr><td>Bol</td><td>9</td></tr></table></blockquote>"
    body = html_to_text(html)
    assert body.tables == []
    assert "> Bol | 9" in body.text


@pytest.mark.timeout(30)
def test_pathological_nesting_does_not_crash() -> None:
    html = "<div>" * 5000 + "2 cartons" + "</div>" * 5000
    assert "2 cartons" in html_to_text(html).text


def test_only_words_are_kept_never_markup_scripts_or_images() -> None:
    text = html_to_text(
        "<p>Bonjour</p><script>alert(1)</script><img src='http://x/t.gif'><style>p{}</style><td>3 x VIS</td>"
    ).text
    assert text == "Bonjour\n3 x VIS"


@pytest.mark.parametrize(
    "struck",
    [
        "<td><s>CAS-300</s></td><td><s>Casque blanc</s></td><td><s>2</s></td>",
        "<td><del>CAS-300</del></td><td><del>Casque blanc</del></td><td></td><td><del>2</del></td>",
        '<td style="text-decoration: line-through">CAS-300</td><td style="text-decoration:line-through">'
        "Casque blanc</td><td><span style='text-decoration: line-through'>2</span></td>",
    ],
    ids=["s", "del-with-an-empty-cell", "line-through-style"],
)
def test_a_row_struck_through_is_withdrawn(struck: str) -> None:
    body = html_to_text(
        "<table><tr><th>Code</th><th>Item</th><th>Qty</th></tr>"
        f"<tr><td>TSH-150</td><td>T-shirt</td><td>10</td></tr><tr>{struck}</tr>"
        "<tr><td>POL-220</td><td><s>Polaire</s> Fleece</td><td>4</td></tr></table>"
    )
    assert "Casque" not in body.text and "Fleece" in body.text
    assert [row[1].text for row in body.tables[0].rows[1:]] == ["T-shirt", "Polaire Fleece"]


MERGED_CELLS = """
<table border="1">
  <tr><th colspan="2">Article</th><th>Qté</th></tr>
  <tr><th>Code</th><th>Libellé</th><th>Nombre</th></tr>
  <tr><td rowspan="2">Verrerie</td><td>Bécher 250 ml</td><td>12</td></tr>
  <tr><td>Fiole jaugée 100 ml</td><td>6</td></tr>
  <tr><td colspan="2">Total</td><td>18</td></tr>
</table>
"""


def test_merged_cells_keep_every_row_under_its_headings() -> None:
    assert html_to_text(MERGED_CELLS).tables[0].texts() == [
        ["Article", "", "Qté"],
        ["Code", "Libellé", "Nombre"],
        ["Verrerie", "Bécher 250 ml", "12"],
        ["Verrerie", "Fiole jaugée 100 ml", "6"],
        ["Total", "", "18"],
    ]


def test_a_cell_merged_down_a_family_of_rows_leaves_each_row_read() -> None:
    message = EmailMessage()
    message["From"] = "labo@example.invalid"
    message["Subject"] = "Commande"
    message.set_content("Bonjour, notre commande.")
    message.add_alternative(
        "<p>Bonjour, voici notre commande :</p><table border=1>"
        "<tr><th>Famille</th><th>Réf.</th><th>Désignation</th><th>Qté</th></tr>"
        "<tr><td rowspan=2>Verrerie</td><td>VR-2501</td><td>Bécher forme basse 250 ml</td><td>12</td></tr>"
        "<tr><td>VR-1100</td><td>Fiole jaugée 100 ml</td><td>6</td></tr>"
        "<tr><td rowspan=2>Filtration</td><td>FL-0450</td><td>Filtre seringue 0,45 µm</td><td>4</td></tr>"
        "<tr><td>FL-0220</td><td>Filtre seringue 0,22 µm</td><td>2</td></tr></table><p>Merci</p>",
        subtype="html",
    )
    (order,) = extract_orders(parse_message(message.as_bytes()))
    read = [(line.code.value, line.quantity.value) for line in order.lines if line.code and line.quantity]
    assert read == [("VR-2501", 12), ("VR-1100", 6), ("FL-0450", 4), ("FL-0220", 2)]
