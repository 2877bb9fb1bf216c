"""Every email-like file of the shared corpora is processed, or refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.pipeline import PipelineDeps
from intake.reading import process
from matchers import CatalogIndex
from models import IntakeError, Origin, RawMessage, Settings
from parsers import parse_message
from parsers.classify import classify
from tests.paths import CORPORA

MAIL_CORPORA = (
    "cpython-test-email",
    "mimekit-tnef-messages",
    "nodemailer-mailparser",
    "ruby-mail-fixtures",
    "spamscope-mail-parser",
    "stalwart-mail-parser",
    "talon-replies",
    "zapier-email-reply-parser",
)


def _mail_files() -> list[Path]:
    files = []
    for name in MAIL_CORPORA:
        for path in sorted((CORPORA / name).rglob("*")):
            if (
                path.is_file()
                and path.suffix.lower() != ".pdf"
                and not path.name.startswith(("LICENSE", "SOURCE"))
            ):
                files.append(path)
    return files


MAIL_FILES = _mail_files()


def test_corpora_are_present() -> None:
    assert len(MAIL_FILES) > 400, f"expected the shared mail corpora under {CORPORA}"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("path", MAIL_FILES, ids=[str(p.relative_to(CORPORA)) for p in MAIL_FILES])
def test_corpus_file_is_processed_or_refused(
    path: Path, sample_index: CatalogIndex, settings: Settings
) -> None:
    data = path.read_bytes()
    raw = RawMessage(data=data, origin=Origin(kind="file", path=str(path)))
    try:
        parsed = parse_message(data, where=str(path))
    except IntakeError as exc:
        assert str(path) in str(exc) and len(str(exc)) > len(str(path)) + 5
        with pytest.raises(IntakeError):
            process(raw, PipelineDeps(index=sample_index, settings=settings))
        return
    assert parsed.message_id
    assert classify(parsed).confidence > 0
    try:
        result = process(raw, PipelineDeps(index=sample_index, settings=settings))
    except IntakeError as exc:  # readable headers but nothing to read (no body, no attachment)
        assert str(path) in str(exc) and "no body" in str(exc)
        return
    assert result.parsed.classification is not None
