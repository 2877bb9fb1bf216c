"""Mail templates kept compiled: a company's file added, edited or removed is still taken at once."""

from __future__ import annotations

import os
from pathlib import Path

from intake.notify.templates import make_environment, render

ACK = {
    "original_subject": "Commande",
    "po_number": None,
    "customer_name": "Chantiers Durand",
    "order_date": None,
    "order_ref": "#7",
    "lines": [],
    "delivery_date": None,
    "ship_to": None,
    "backorders": [],
}


def write_company_file(folder: Path, text: str, stamp_ns: int) -> Path:
    path = folder / "ack_fr.txt"
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp_ns, stamp_ns))  # distinct times whatever the file system's resolution
    return path


def subject_of(folder: Path) -> str:
    return render("ack_fr.txt", ACK, company_dir=folder).subject


def test_a_company_template_added_edited_or_removed_is_taken_at_the_next_mail(tmp_path: Path) -> None:
    assert subject_of(tmp_path) == "Re: Commande — commande bien reçue"
    path = write_company_file(tmp_path, "Subject: Merci {{ customer_name }}\n\nx\n", 10**18)
    assert subject_of(tmp_path) == "Merci Chantiers Durand"
    write_company_file(tmp_path, "Subject: Commande {{ order_ref }}\n\nx\n", 2 * 10**18)
    assert subject_of(tmp_path) == "Commande #7"
    path.unlink()
    assert subject_of(tmp_path) == "Re: Commande — commande bien reçue"


def test_the_environment_and_its_compiled_templates_are_kept_per_company_folder(tmp_path: Path) -> None:
    environment = make_environment(tmp_path)
    assert make_environment(tmp_path) is environment
    assert make_environment(None) is not environment
    assert environment.get_template("ack_fr.txt") is environment.get_template("ack_fr.txt")
