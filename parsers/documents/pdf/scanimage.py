"""A scanned page made easier to read before OCR: turned straight, the table's rules erased.

Tesseract reads a line of text along the image's rows: a page tilted by one degree
drifts by a line's height across a table, and the rows of neighbouring cells come out
mixed or lost. A cell's rules touching its text turn words into bars or drop them.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

# Tilts looked for, in degrees: scanners and copiers tilt a sheet by less than this.
MAX_TILT = 2.0
# The tilt is measured on the page shrunk to this width (the text lines still show).
MEASURE_WIDTH = 700
# Under this tilt the page is read as it is (turning it costs more than it gains).
MIN_TILT = 0.15
# A run of ink this long (in inches) along a row or a column is a rule, not a letter.
RULE_RUN = {"horizontal": 0.45, "vertical": 0.22}
# A rule is thinner than this (inches): a thicker run of ink is a filled band (a title printed
# white on a dark bar), which stays.
RULE_THICKNESS = 0.04


def paper_level(grey: np.ndarray) -> int:
    """The grey of the paper: most of a page is paper."""
    return int(np.percentile(grey, 80))


def ink_of(grey: np.ndarray) -> np.ndarray:
    """Which pixels are ink: darker than halfway between the paper and the darkest print."""
    paper, dark = paper_level(grey), int(np.percentile(grey, 0.5))
    return grey < (paper + dark) / 2


def tilt(image: Image.Image) -> float:
    """The page's tilt in degrees (counter-clockwise turns it straight), by the sharpest line profile."""
    scale = MEASURE_WIDTH / image.width
    small = image.resize((MEASURE_WIDTH, max(1, int(image.height * scale))), Image.BILINEAR)
    ink = Image.fromarray((ink_of(np.asarray(small)) * 255).astype(np.uint8))

    def sharpness(angle: float) -> float:
        turned = np.asarray(ink.rotate(angle, resample=Image.NEAREST), dtype=np.float32)
        return float(np.var(turned.sum(axis=1)))

    coarse = max(np.arange(-MAX_TILT, MAX_TILT + 0.01, 0.25), key=sharpness)
    fine = max(np.arange(coarse - 0.25, coarse + 0.26, 0.05), key=sharpness)
    return round(float(fine), 2)


def straightened(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned straight about its centre, and the angle it was turned by."""
    angle = tilt(image)
    if abs(angle) < MIN_TILT:
        return image, 0.0
    paper = paper_level(np.asarray(image))
    return image.rotate(angle, resample=Image.BILINEAR, fillcolor=paper), angle


def rules_erased(image: Image.Image, dpi: float) -> tuple[Image.Image, list[tuple[float, float, float]]]:
    """The page with its long horizontal and vertical rules painted the paper's grey, and its vertical rules.

    The vertical rules (x, top, bottom in pixels) are a ruled table's column bounds.
    """
    grey = np.asarray(image)
    ink = ink_of(grey)
    thick = max(2, int(RULE_THICKNESS * dpi))
    vertical = _thin(_long_runs(ink, int(RULE_RUN["vertical"] * dpi), axis=0), thick, axis=1)
    rules = _thin(_long_runs(ink, int(RULE_RUN["horizontal"] * dpi), axis=1), thick, axis=0) | vertical
    if not rules.any():
        return image, []
    # The rule's blurred edges go with it.
    rules = rules | np.roll(rules, 1, axis=0) | np.roll(rules, -1, axis=0)
    rules = rules | np.roll(rules, 1, axis=1) | np.roll(rules, -1, axis=1)
    cleaned = grey.copy()
    cleaned[rules] = paper_level(grey)
    return Image.fromarray(cleaned), _vertical_rules(vertical, int(RULE_RUN["vertical"] * dpi))


def _thin(mask: np.ndarray, thick: int, axis: int) -> np.ndarray:
    """The mask less its parts thicker than `thick` across `axis` (looked at on blocks along the other)."""
    block = 8
    height, width = mask.shape
    size = (max(1, width // block), height) if axis == 0 else (width, max(1, height // block))
    image = Image.fromarray(mask.astype(np.uint8) * 255)
    shrunk = np.asarray(image.resize(size, Image.BOX)) >= 128
    wide = Image.fromarray(_runs(shrunk, thick + 1, axis).astype(np.uint8) * 255).resize(
        (width, height), Image.NEAREST
    )
    return mask & ~(np.asarray(wide) > 0)


def _vertical_rules(vertical: np.ndarray, length: int) -> list[tuple[float, float, float]]:
    """Each vertical rule once: its x (the middle of its thickness), top and bottom."""
    found = []
    xs = np.flatnonzero(vertical.any(axis=0))
    if not len(xs):
        return found
    # Neighbouring columns of pixels are one rule's thickness.
    groups = np.split(xs, np.flatnonzero(np.diff(xs) > 2) + 1)
    for group in groups:
        rows = np.flatnonzero(vertical[:, group[0] : group[-1] + 1].any(axis=1))
        for run in np.split(rows, np.flatnonzero(np.diff(rows) > length // 4) + 1):
            if run[-1] - run[0] >= length:
                found.append(((group[0] + group[-1]) / 2, float(run[0]), float(run[-1])))
    return found


def _long_runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """The ink pixels on runs about `length` long or more, looked for on blocks of pixels (eight times cheaper)."""
    block = max(1, length // 8)
    height, width = ink.shape
    size = (max(1, width // block), height) if axis == 1 else (width, max(1, height // block))
    mask = Image.fromarray(ink.astype(np.uint8) * 255)
    # A block all ink is a piece of a run; a run of `length` holds `length // block - 1` whole blocks.
    full = np.asarray(mask.resize(size, Image.BOX)) == 255
    hit = _runs(full, length // block - 1, axis)
    back = Image.fromarray(hit.astype(np.uint8) * 255).resize((width, height), Image.NEAREST)
    return (np.asarray(back) > 0) & ink


def _runs(ink: np.ndarray, length: int, axis: int) -> np.ndarray:
    """The pixels of runs of ink at least `length` long along `axis` (an opening by a line)."""
    if length < 2 or ink.shape[axis] < length:
        return np.zeros_like(ink)
    data = np.moveaxis(ink, axis, -1).astype(np.int32)
    total = np.cumsum(np.pad(data, [(0, 0)] * (data.ndim - 1) + [(1, 0)]), axis=-1)
    # A window of `length` pixels all ink starts at each True of `full`.
    full = (total[..., length:] - total[..., :-length]) == length
    starts = np.pad(full.astype(np.int32), [(0, 0)] * (data.ndim - 1) + [(0, length - 1)])
    covered = np.cumsum(np.pad(starts, [(0, 0)] * (data.ndim - 1) + [(1, 0)]), axis=-1)
    # A pixel is on a run when a full window started within the `length` pixels before it.
    behind = covered[..., length:] - covered[..., :-length]
    head = covered[..., 1:length]
    hit = np.concatenate([head, behind], axis=-1) > 0
    return np.moveaxis(hit, -1, axis)
