"""An HTML body as plain text for the text readers: table rows as tab-separated lines.

Used when a message has HTML and no usable plain-text alternative. Nothing
is fetched or executed: the markup is only walked for its text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr"}
_SKIP = {"style", "script", "head", "title"}


class _TextWalker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in {"td", "th"}:
            if self.cells_in_row:
                self.out.append("\t")
            self.cells_in_row += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
            if tag == "tr":
                self.cells_in_row = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS and tag not in {"br", "tr"}:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """The readable text of an HTML body; table cells joined by tabs, one row per line."""
    walker = _TextWalker()
    walker.feed(markup)
    walker.close()
    text = html.unescape("".join(walker.out))
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
