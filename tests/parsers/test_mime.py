"""MIME reading: charsets, encodings, attachments, nesting, TNEF, and what is not an email."""

from __future__ import annotations

import base64
from email.message import EmailMessage

import pytest

from fixtures.documents.outlook import SavedMessage, make_msg
from models import MessageReadError
from parsers import parse_message
from tests.paths import CORPORA

HEAD = b"From: Jean <jean@resto.fr>\nTo: c@x.fr\nSubject: commande\nMessage-ID: <a@b>\nMIME-Version: 1.0\n"
TEXT = "Bonjour, 2 cartons de gobelets à café, 1 boîte de thé, merci € ’"
LATIN = TEXT.replace(" € ’", "")

CHARSETS = {
    "utf8_declared": (b'Content-Type: text/plain; charset="utf-8"\n\n', TEXT.encode("utf-8")),
    "latin1_declared": (b"Content-Type: text/plain; charset=iso-8859-1\n\n", LATIN.encode("latin-1")),
    "cp1252_labelled_latin1": (b"Content-Type: text/plain; charset=iso-8859-1\n\n", TEXT.encode("cp1252")),
    "cp1252_declared": (b"Content-Type: text/plain; charset=windows-1252\n\n", TEXT.encode("cp1252")),
    "utf8_labelled_latin1": (b"Content-Type: text/plain; charset=iso-8859-1\n\n", TEXT.encode("utf-8")),
    "no_charset_utf8": (b"Content-Type: text/plain\n\n", TEXT.encode("utf-8")),
    "no_charset_cp1252": (b"Content-Type: text/plain\n\n", TEXT.encode("cp1252")),
    "unknown_charset": (b"Content-Type: text/plain; charset=x-nonsense\n\n", TEXT.encode("utf-8")),
    "wrong_utf8_declared": (b"Content-Type: text/plain; charset=utf-8\n\n", TEXT.encode("cp1252")),
    "qp_latin1": (
        b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n",
        LATIN.encode("latin-1").replace(b"\xe0", b"=E0").replace(b"\xee", b"=EE"),
    ),
    "base64_utf8": (
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
        base64.encodebytes(TEXT.encode("utf-8")),
    ),
}


@pytest.mark.parametrize(("headers", "body"), CHARSETS.values(), ids=CHARSETS.keys())
def test_body_charsets_are_read(headers: bytes, body: bytes) -> None:
    parsed = parse_message(HEAD + headers + body)
    assert "2 cartons de gobelets à café, 1 boîte de thé" in parsed.text


def test_encoded_subject_and_sender() -> None:
    data = b"From: =?utf-8?q?Ren=C3=A9e?= <Renee@Resto.FR>\nSubject: =?iso-8859-1?q?Commande_n=B0_12?=\n\nx"
    parsed = parse_message(data)
    assert parsed.subject == "Commande n° 12"
    assert parsed.sender.name == "Renée" and parsed.sender.email == "renee@resto.fr"


def _with_attachment(filename: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a@b.fr", "BC"
    msg.set_content("Ci-joint notre bon de commande.")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename=filename)
    return msg.as_bytes()


@pytest.mark.parametrize(
    "filename", ["Commande n°12 été.pdf", "BC-2026-01.pdf", "bon de commande (copie).pdf"]
)
def test_attachment_filenames_are_decoded(filename: str) -> None:
    parsed = parse_message(_with_attachment(filename))
    assert [a.filename for a in parsed.attachments] == [filename]
    assert parsed.attachments[0].data == b"%PDF-1.4"
    assert parsed.text == "Ci-joint notre bon de commande."


def test_forward_as_attachment_reads_the_nested_message() -> None:
    inner = EmailMessage()
    inner["From"], inner["Date"] = "Anne <anne@resto.fr>", "Mon, 19 Oct 2026 07:58:31 +0200"
    inner["Subject"] = "commande"
    inner.set_content("4 cartons barquettes alu\n2 bidons liquide vaisselle")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "m@x.fr", "TR: commande"
    outer.add_attachment(inner)
    parsed = parse_message(outer.as_bytes())
    assert "4 cartons barquettes alu" in parsed.text
    assert parsed.forwarded_sender is not None and parsed.forwarded_sender.email == "anne@resto.fr"


def test_a_forwarders_words_and_the_attached_message_are_read_together() -> None:
    inner = EmailMessage()
    inner["From"], inner["Date"] = "Chef <chef@resto.fr>", "Thu, 19 Nov 2026 11:02:00 +0100"
    inner["Subject"] = "liste"
    inner.set_content("1) 4 cartons barquettes alu\n2) 2 bidons liquide vaisselle")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "direction@resto.fr", "TR: liste"
    outer.set_content("Bonjour,\n\nCi-joint la commande du chef, livraison samedi.")
    outer.add_attachment(inner)
    parsed = parse_message(outer.as_bytes())
    assert parsed.text.startswith("Bonjour,") and "4 cartons barquettes alu" in parsed.text
    assert parsed.forwarded_sender is not None and parsed.forwarded_sender.email == "chef@resto.fr"


def _with_outlook_message(data: bytes, *, subject: str = "TR: commande chantier") -> bytes:
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "assistante@martin-btp.fr", subject
    outer.set_content("Bonjour, je vous transfère la commande de Paul (fichier Outlook joint).")
    outer.add_attachment(
        data, maintype="application", subtype="vnd.ms-outlook", filename="Commande chantier.msg"
    )
    return outer.as_bytes()


def test_an_attached_outlook_msg_is_read_as_the_forwarded_message() -> None:
    saved = SavedMessage(
        "Paul Martin",
        "p.martin@martin-btp.fr",
        "commandes@garonne-pro.fr",
        "Commande chantier",
        "Mon, 30 Nov 2026 09:12:00 +0100",
        "Bonjour,\n- VIS-440-200 Vis inox 4x40 : 6\n",
        "<cde-1@martin-btp.fr>",
        [("BC-77.csv", "text/csv", b"Code;Qte\nVIS-440-500;3\n")],
    )
    parsed = parse_message(_with_outlook_message(make_msg(saved)))
    assert "VIS-440-200 Vis inox 4x40 : 6" in parsed.text
    assert parsed.forwarded_sender.email == "p.martin@martin-btp.fr"
    assert parsed.forwarded_date.isoformat() == "2026-11-30T09:12:00+01:00"
    names = [a.filename for a in parsed.attachments]
    assert "BC-77.csv" in names and "Commande chantier.msg" in names
    assert next(a.data for a in parsed.attachments if a.filename == "BC-77.csv").startswith(b"Code;Qte")


def test_a_damaged_outlook_msg_is_kept_with_the_reason() -> None:
    damaged = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    parsed = parse_message(_with_outlook_message(damaged))
    assert [a.filename for a in parsed.attachments] == ["Commande chantier.msg"]
    assert any("Outlook .msg that cannot be read" in note for note in parsed.defects)


def test_html_only_message_is_rendered_as_text() -> None:
    html = b"<html><body><p>Commande :</p><table><tr><td>Gobelet 20 cl</td><td>3 ctn</td></tr></table></body></html>"
    parsed = parse_message(HEAD + b"Content-Type: text/html; charset=utf-8\n\n" + html)
    assert parsed.text_part == "html"
    assert "Gobelet 20 cl | 3 ctn" in parsed.text
    assert parsed.tables[0].texts() == [["Gobelet 20 cl", "3 ctn"]]


def test_tnef_attachment_is_unpacked() -> None:
    tnef = (CORPORA / "mimekit-tnef-messages" / "tnef" / "attachments.tnef").read_bytes()
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "a@b.fr", "BC"
    msg.set_content("voir pièce jointe")
    msg.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    parsed = parse_message(msg.as_bytes())
    assert any("TNEF" in note for note in parsed.defects)
    assert len(parsed.attachments) > 1


NOT_EMAILS = {
    "empty": (b"", "empty"),
    "blank": (b"  \n\n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "outlook_msg": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Outlook .msg"),
    "prose": (b"Hello there, this is just some text.\nNothing else.", "header line"),
    "json": (b'{"from": "a@b"}', "header"),
    "headerless_fields": (b"Note: this is a note\nColour: blue\n\nbody", "no email headers"),
}


@pytest.mark.parametrize(("data", "reason"), NOT_EMAILS.values(), ids=NOT_EMAILS.keys())
def test_not_an_email_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(MessageReadError, match=reason) as caught:
        parse_message(data, where="inbox/x.eml")
    assert caught.value.where == "inbox/x.eml"


def test_overridden_charset_is_reported_as_a_defect() -> None:
    parsed = parse_message(HEAD + b"Content-Type: text/plain; charset=iso-8859-1\n\n" + TEXT.encode("utf-8"))
    assert any("UTF-8" in note for note in parsed.defects)


@pytest.mark.parametrize(
    ("raw", "subject"),
    [("Commande été".encode(), "Commande été"), ("Commande été".encode("cp1252"), "Commande été")],
    ids=["utf8_bytes", "cp1252_bytes"],
)
def test_raw_8bit_headers_are_read(raw: bytes, subject: str) -> None:
    parsed = parse_message(b"From: a@resto.fr\nSubject: " + raw + b"\n\nx")
    assert parsed.subject == subject


def test_nesting_bomb_is_refused_or_read_without_crash() -> None:
    depth = 3000
    data = b"From: a@b.fr\nSubject: x\n" + b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth)
    )
    try:
        parsed = parse_message(data)
    except MessageReadError as exc:
        assert "nest" in str(exc)
    else:
        assert parsed.sender.email == "a@b.fr"


def test_a_part_the_parser_finds_broken_is_noted() -> None:
    data = (
        b"From: achats@garage-roux.fr\nSubject: commande filtres\n"
        b'Content-Type: multipart/mixed; boundary="cut"\n\n--cut\nContent-Type: text/plain\n\n2 filtres\n'
    )
    parsed = parse_message(data)
    assert "2 filtres" in parsed.text
    assert [note.split(":")[0] for note in parsed.defects] == ["multipart/mixed"]
    assert "CloseBoundaryNotFoundDefect" in parsed.defects[0]
