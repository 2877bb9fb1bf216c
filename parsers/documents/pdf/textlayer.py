"""A PDF's text layer as words with boxes, and its vertical rules, read with PDFium.

PDFium (through pypdfium2) gives every character's box some ten times faster
than pdfminer. The words are cut as pdfplumber's `extract_words` cuts them
(x and y tolerance of 3 points, a space ends a word) from PDFium's loose
character boxes, which have pdfminer's geometry: the pen position to the
advance width across, the font size high. Rules are the straight segments
and rectangles of painted paths, as pdfminer splits them.

One cut differs from pdfplumber's, on purpose: glyphs painted over glyphs of the same
word already on the page are another print run, not letters of that word. A designation
that runs on past its column's rule ('boîte de 100') under the quantity printed in that
column ('5') is two words, '100' and '5', where pdfplumber reads '1500'.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Callable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from parsers.documents.pdf.layout import Word

# pdfplumber's default word tolerances, in points.
X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
# A rectangle shorter than this is a horizontal bar, not a pair of column bounds.
MIN_RECT_HEIGHT = 4.0
# A glyph of another text object painted over this share of its width of a glyph already there is
# printed over it, not beside it: kerning moves letters closer by up to a tenth of an em; figures,
# which no font kerns, by nothing.
OVERPRINT_SHARE = 0.15
OVERPRINT_SHARE_FIGURES = 0.05

Rule = tuple[float, float, float]  # x, top, bottom
Char = tuple[str, float, float, float, float, int]  # text, x0, x1, top, bottom, the order it was painted in
Painter = Callable[[int], int]  # a character's index -> the text object that painted it


class PageGeometry:
    """From PDF user space (y up, any origin, any /Rotate) to the reading view (y down)."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.left, self.bottom, self.right, self.top = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        across, down = self.right - self.left, self.top - self.bottom
        self.width, self.height = (down, across) if self.rotation in (90, 270) else (across, down)

    def point(self, x: float, y: float) -> tuple[float, float]:
        dx, dy = x - self.left, y - self.bottom
        if self.rotation == 90:
            return dy, dx
        if self.rotation == 180:
            return self.width - dx, dy
        if self.rotation == 270:
            return self.width - dy, self.height - dx
        return dx, self.height - dy

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) in the reading view."""
        (ax, ay), (bx, by) = self.point(left, bottom), self.point(right, top)
        return min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)


def page_words(page: pdfium.PdfPage, number: int, geometry: PageGeometry) -> list[Word]:
    """The page's words, cut as pdfplumber's extract_words cuts them."""
    textpage = page.get_textpage()
    try:
        chars = list(_chars(textpage, geometry))
        painter = _painter(textpage)
        words: list[Word] = []
        for line in _line_clusters(chars):
            words += _words(sorted(line, key=lambda c: c[1]), number, painter)
    finally:
        textpage.close()
    return words


def _painter(textpage: pdfium.PdfTextPage) -> Painter:
    """The text object that painted a character, by its index: asked only of overprinted words."""
    handle = textpage.raw
    return lambda index: ctypes.cast(raw.FPDFText_GetTextObject(handle, index), ctypes.c_void_p).value or 0


def _chars(textpage: pdfium.PdfTextPage, geometry: PageGeometry) -> Iterator[Char]:
    handle = textpage.raw
    rect = raw.FS_RECTF()
    for index in range(raw.FPDFText_CountChars(handle)):
        code = raw.FPDFText_GetUnicode(handle, index)
        if raw.FPDFText_IsGenerated(handle, index) == 1:
            continue  # spaces and line ends PDFium infers: no glyph was painted
        text = chr(code) if code >= 0x20 and not 0xD800 <= code <= 0xDFFF else " "
        if not raw.FPDFText_GetLooseCharBox(handle, index, ctypes.byref(rect)):
            continue
        yield (text, *geometry.box(rect.left, rect.bottom, rect.right, rect.top), index)


def _line_clusters(chars: list[Char]) -> list[list[Char]]:
    # pdfplumber clusters characters whose tops chain within the tolerance.
    clusters: list[list[Char]] = []
    last_top: float | None = None
    for char in sorted(chars, key=lambda c: c[3]):
        if last_top is None or char[3] - last_top > Y_TOLERANCE:
            clusters.append([])
        clusters[-1].append(char)
        last_top = char[3]
    return clusters


def _words(line: list[Char], number: int, painter: Painter) -> list[Word]:
    words: list[Word] = []
    current: list[Char] = []
    for char in line:
        if char[0].isspace():
            words += _word(current, number, painter)
            current = []
            continue
        if current:
            prev = current[-1]
            if char[1] < prev[1] or char[1] > prev[2] + X_TOLERANCE or abs(char[3] - prev[3]) > Y_TOLERANCE:
                words += _word(current, number, painter)
                current = []
        current.append(char)
    return words + _word(current, number, painter)


def _word(chars: list[Char], number: int, painter: Painter) -> list[Word]:
    # Glyphs left to right that cover one another are rare: only then are print runs looked for.
    covered = any(_covers(c, p) for p, c in itertools.pairwise(chars))
    return [
        Word(
            "".join(c[0] for c in run),
            min(c[1] for c in run),
            max(c[2] for c in run),
            min(c[3] for c in run),
            max(c[4] for c in run),
            number,
        )
        for run in (_print_runs(chars, painter) if covered else [chars] if chars else [])
    ]


def _print_runs(chars: list[Char], painter: Painter) -> list[list[Char]]:
    """The word's glyphs by print run, each left to right: a glyph of another text object painted
    over part of a glyph already painted starts another run (a figure printed over text run into
    its column). Within one text object glyph boxes may overlap ('fi' in italics)."""
    runs: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: c[5]):
        if not runs or (
            painter(char[5]) != painter(runs[-1][-1][5]) and any(_covers(char, c) for c in runs[-1])
        ):
            runs.append([])
        runs[-1].append(char)
    return sorted((sorted(run, key=lambda c: c[1]) for run in runs), key=lambda run: run[0][1])


def _covers(char: Char, other: Char) -> bool:
    """Is `char` painted over a share of its width of `other`?"""
    figures = char[0].isdigit() and other[0].isdigit()
    share = OVERPRINT_SHARE_FIGURES if figures else OVERPRINT_SHARE
    return min(char[2], other[2]) - max(char[1], other[1]) > share * max(char[2] - char[1], 0.1)


def page_rules(page: pdfium.PdfPage, geometry: PageGeometry) -> list[Rule]:
    """Vertical rules: upright straight segments and both sides of rectangles taller than a bar."""
    rules: list[Rule] = []
    for points in _subpaths(page.raw, geometry):
        if len(points) == 2:
            (x0, top0), (x1, top1) = points
            if abs(x0 - x1) < 1:
                rules.append((x0, min(top0, top1), max(top0, top1)))
        elif len(points) in (4, 5) and _is_rectangle(points):
            xs, tops = [p[0] for p in points], [p[1] for p in points]
            top, bottom = min(tops), max(tops)
            if bottom - top > MIN_RECT_HEIGHT:
                rules += [(min(xs), top, bottom), (max(xs), top, bottom)]
    return rules


def _is_rectangle(points: list[tuple[float, float]]) -> bool:
    corners = points[:4]
    pairs = list(zip(corners, corners[1:] + corners[:1], strict=True))
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairs)


def _subpaths(page_handle, geometry: PageGeometry) -> Iterator[list[tuple[float, float]]]:
    """Each painted subpath of straight segments, as points in the reading view."""
    for obj, matrix in _path_objects(page_handle):
        points: list[tuple[float, float]] = []
        curved = False
        for index in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, index)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                if points and not curved:
                    yield points
                points, curved = [], False
            curved |= kind == raw.FPDF_SEGMENT_BEZIERTO
            x, y = ctypes.c_float(), ctypes.c_float()
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            points.append(geometry.point(*_apply(matrix, x.value, y.value)))
        if points and not curved:
            yield points


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _path_objects(container, matrix: Matrix = IDENTITY, depth: int = 0) -> Iterator[tuple[object, Matrix]]:
    """Path objects of a page, or of a form XObject inside it, with their matrix to page space."""
    in_form = depth > 0
    count = raw.FPDFFormObj_CountObjects(container) if in_form else raw.FPDFPage_CountObjects(container)
    for index in range(count):
        obj = (
            raw.FPDFFormObj_GetObject(container, index)
            if in_form
            else raw.FPDFPage_GetObject(container, index)
        )
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        found = raw.FS_MATRIX()
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(found)):
            continue
        own = _compose((found.a, found.b, found.c, found.d, found.e, found.f), matrix)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield obj, own
        elif depth < 8:  # forms nest; a loop of forms must not recurse for ever
            yield from _path_objects(obj, own, depth + 1)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(matrix: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    return a * x + c * y + e, b * x + d * y + f
