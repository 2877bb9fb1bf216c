"""HTML bodies -> plain text and tables. Parsed with lxml; nothing is executed or rendered.

Quoted history (blockquote) is rendered with "> " prefixes so the same reply
splitter handles HTML and plain text; data tables (tables holding no other
table) become one line per row with cells joined by " | ", and `Table`s.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import PreformattedString

from models import Provenance, Table, TableCell

CELL_SEPARATOR = " | "
RULE_LINE = "________________________________"
_DROP = {
    "script",
    "style",
    "head",
    "title",
    "noscript",
    "template",
    "svg",
    "object",
    "iframe",
    "meta",
    "link",
}
_BLOCK = {
    "p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "dl", "dt", "dd", "pre", "address", "center", "form", "fieldset", "table", "tr",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\u200b]+")


@dataclass
class HtmlBody:
    """An HTML body as text, with its tables and where each table starts in the text."""

    text: str
    tables: list[Table] = field(default_factory=list)
    table_offsets: list[int] = field(default_factory=list)


@dataclass
class _Out:
    lines: list[str] = field(default_factory=lambda: [""])
    tables: list[tuple[int, Table]] = field(default_factory=list)

    def newline(self) -> None:
        if self.lines[-1].strip():
            self.lines.append("")

    def add(self, text: str) -> None:
        self.lines[-1] += text


def html_to_text(html: str) -> HtmlBody:
    """The text a reader sees in an HTML body, tables as rows, quotes marked with "> "."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    out = _Out()
    try:
        _render(soup, out, quote=0)
    except RecursionError:
        return HtmlBody(text=_flat_text(soup))
    lines = [_tidy(line) for line in out.lines]
    text, starts = _join(lines)
    tables = [table for _, table in out.tables]
    offsets = [starts[index] if index < len(starts) else len(text) for index, _ in out.tables]
    return HtmlBody(text=text.strip("\n"), tables=tables, table_offsets=offsets)


def _render(node: Tag, out: _Out, *, quote: int) -> None:
    for child in node.children:
        if isinstance(child, PreformattedString):
            continue
        if isinstance(child, NavigableString):
            _text(str(child), out, quote)
            continue
        if not isinstance(child, Tag):
            continue
        _element(child, out, quote=quote)


def _element(tag: Tag, out: _Out, *, quote: int) -> None:
    name = tag.name.lower()
    if name in _DROP or _hidden(tag):
        return
    if name == "br":
        out.lines.append("")
        return
    if name == "hr":
        _line(out, RULE_LINE, quote)
        return
    if name == "blockquote":
        out.newline()
        _render(tag, out, quote=quote + 1)
        out.newline()
        return
    if name == "table" and tag.find("table") is None:
        _data_table(tag, out, quote)
        return
    if name == "li":
        out.newline()
        _text("- ", out, quote)
        _render(tag, out, quote=quote)
        out.newline()
        return
    if name in _BLOCK or name in {"td", "th"}:
        out.newline()
        _render(tag, out, quote=quote)
        out.newline()
        return
    _render(tag, out, quote=quote)


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower() if isinstance(tag.get("style"), str) else ""
    return "display:none" in style or tag.has_attr("hidden")


def _text(text: str, out: _Out, quote: int) -> None:
    text = _SPACES.sub(" ", text)
    if not text.strip() and not out.lines[-1].strip():
        return
    if not out.lines[-1].strip(" >"):
        text = text.lstrip()
        if not out.lines[-1] and quote:
            out.add("> " * quote)
    out.add(text)


def _line(out: _Out, text: str, quote: int) -> None:
    out.newline()
    out.add(("> " * quote) + text)
    out.lines.append("")


def _data_table(tag: Tag, out: _Out, quote: int) -> None:
    """A table with no table inside: one line per row, and a Table unless it is quoted."""
    rows: list[list[TableCell]] = []
    for tr, texts in _laid_out(tag.find_all("tr")):
        if _struck(tr):
            continue  # a row the customer struck through is withdrawn from the order
        cells = [
            TableCell(text=text, provenance=Provenance(part="html", rule="html-table")) for text in texts
        ]
        if any(cell.text for cell in cells):
            rows.append(cells)
    if not rows:
        return
    out.newline()
    first_line = len(out.lines) - 1
    for row in rows:
        _line(out, CELL_SEPARATOR.join(cell.text for cell in row), quote)
    if not quote and max(len(row) for row in rows) >= 2:
        out.tables.append(
            (first_line, Table(rows=rows, provenance=Provenance(part="html", rule="html-table")))
        )


def _laid_out(trs: list[Tag]) -> list[tuple[Tag, list[str]]]:
    """Each row's cells in the columns they stand in, as a browser lays them out.

    A cell merged over the rows below ('Outils' beside two articles) is in each of them, and one
    merged across columns leaves the columns it covers empty: every row keeps its cells under
    their headings instead of sliding left.
    """
    below: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    laid: list[tuple[Tag, list[str]]] = []
    for tr in trs:
        texts: list[str] = []
        cells = iter(tr.find_all(["td", "th"], recursive=False))
        cell = next(cells, None)
        while cell is not None or any(column >= len(texts) for column in below):
            column = len(texts)
            if column in below:
                left, text = below[column]
                texts.append(text)
                below[column] = (left - 1, text)
                if left <= 1:
                    del below[column]
                continue
            if cell is None:
                texts.append("")
                continue
            text = _cell_text(cell)
            across = _span(cell, "colspan", 50)
            down = _span(cell, "rowspan", len(trs))
            for step in range(across):
                if down > 1:
                    below[column + step] = (down - 1, text if step == 0 else "")
                texts.append(text if step == 0 else "")
            cell = next(cells, None)
        laid.append((tr, texts))
    return laid


def _span(cell: Tag, name: str, most: int) -> int:
    value = str(cell.get(name, "1")).strip()
    return min(max(int(value), 1), most) if value.isdigit() else 1


_STRUCK_TAGS = frozenset({"s", "strike", "del"})


def _struck(tr: Tag) -> bool:
    """Is every word of the row struck through (<s>, <del>, 'text-decoration: line-through')?"""
    words = [text for text in tr.find_all(string=True) if text.strip()]
    return bool(words) and all(_struck_text(text, tr) for text in words)


def _struck_text(text: NavigableString, row: Tag) -> bool:
    for parent in text.parents:
        if parent is row:
            return False
        style = str(parent.get("style", "")).replace(" ", "").lower()
        if parent.name in _STRUCK_TAGS or "line-through" in style:
            return True
    return False


def _cell_text(td: Tag) -> str:
    for br in td.find_all("br"):
        br.replace_with(" ")
    return _SPACES.sub(" ", td.get_text(" ")).strip().replace("|", "/")


def _tidy(line: str) -> str:
    return line.replace("\xa0", " ").rstrip() if line.strip(" \xa0>") else line.strip()


def _join(lines: list[str]) -> tuple[str, list[int]]:
    """Join lines (at most one blank line in a row); the start offset of each input line."""
    parts: list[str] = []
    starts: list[int] = []
    offset, blank = 0, False
    for line in lines:
        starts.append(offset)
        if not line.strip(" >"):
            if blank:
                continue
            blank, line = True, ""
        else:
            blank = False
        parts.append(line)
        offset += len(line) + 1
    return "\n".join(parts), starts


def _flat_text(soup: BeautifulSoup) -> str:
    """A fallback for pathological nesting: every text node on its own line."""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    text = soup.get_text("\n")
    return "\n".join(line for line in (_SPACES.sub(" ", s).strip() for s in text.splitlines()) if line)
