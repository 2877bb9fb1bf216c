"""Why a document could not be read: one table of reasons, written in English and read back.

The reason is stored as the English sentence (logs, the CLI and the API show it as
is); the desk shows it in the clerk's language. Each sentence comes from a code and
its values, and a stored sentence is matched back to them, so that the desk can
translate reasons stored before it learned a language, and a new reason without a
translation still shows, in English.
"""

from __future__ import annotations

import re
import string
from functools import cache

REASONS: dict[str, str] = {
    "too_big": "{size} bytes, more than the limit of {limit}",
    "no_preview": "no preview for this kind of file",
    "page_beyond_limit": "page {page} is beyond the limit of {limit}",
    "no_such_page": "the PDF has no page {page}",
    "sheet_unreadable": "the spreadsheet cannot be read ({detail})",
    "sheet_damaged": "the spreadsheet is a damaged archive ({detail})",
    "sheet_too_many_files": "the spreadsheet holds {count} files, more than {limit}",
    "sheet_bomb": "the spreadsheet unpacks to {size} MiB, more than the limit of {limit} MiB (a zip bomb?)",
    "timeout": "reading took longer than {seconds} s: stopped",
    "stopped_by_signal": "the reader was stopped by signal {signal} (time or memory limit)",
    "no_answer": "the reader stopped without an answer (exit code {code})",
    "memory": "reading needed more than {limit} MiB of memory: stopped",
    "too_deep": "the document nests too deeply to be read",
    "reader_failed": "the document cannot be read ({detail})",
    "xml_not_order": "XML root <{root}> is not an Order-X, Factur-X or UBL document",
    "xml_malformed": "not well-formed XML ({detail})",
    "scan_unrenderable": "the scanned PDF cannot be rendered ({detail})",
    "scan_too_long": "a scanned PDF of {count} pages, more than the {limit} pages OCR reads",
    "no_tesseract": "the PDF is a scan and Tesseract is not installed",
    "ocr_off": "the PDF has no text layer (a scan) and OCR is off",
    "encrypted": "the PDF is encrypted with a password: it cannot be read",
    "not_pdf": "not a readable PDF ({detail})",
    "pdf_damaged": "the PDF is damaged ({detail})",
    "pdf_too_long": "the PDF has {count} pages, more than the limit of {limit}",
    "pdf_empty": "the PDF has no pages",
}


def document_reason(code: str, /, **values: object) -> str:
    """The English sentence of reason `code` with its values."""
    return REASONS[code].format(**values)


def read_reason(text: str) -> tuple[str, dict[str, str]] | None:
    """(code, values) of a stored sentence; None when no reason of the table wrote it."""
    for code, pattern in _patterns().items():
        found = pattern.fullmatch(text.strip())
        if found:
            return code, found.groupdict()
    return None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {code: _pattern(template) for code, template in REASONS.items()}


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field:
            parts.append(f"(?P<{field}>.+?)")
    return re.compile("".join(parts), re.DOTALL)
