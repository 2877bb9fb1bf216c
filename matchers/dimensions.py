"""Dimensions a customer writes in another unit than the catalogue's, or that the catalogue prints with
their units apart: the figures agree once each side is read at its scale."""

from __future__ import annotations

from itertools import permutations

# A box's sides all at one scale: centimetres written for the catalogue's millimetres, or the reverse.
_BOX_SCALES = (10.0, 0.1)
# Lengths printed apart each carry their own unit ('48 mm x 66 m'), read in millimetres.
_LENGTH_SCALES = (1.0, 10.0, 1000.0)


def _figure(value: str) -> float | None:
    try:
        return float(value.lstrip("~"))
    except ValueError:
        return None


def _sides(value: str) -> list[float] | None:
    sides = [_figure(side) for side in value.split("x")]
    return None if len(sides) < 2 or None in sides else sides  # type: ignore[return-value]


def _same(first: float, second: float) -> bool:
    return abs(first - second) < 1e-6


def dims_in_other_unit(value: str, offered: set[str]) -> bool:
    """'40x30x30' (cm) of '400x300x300 mm', '2,60 x 1,20' (m) of '2600x1200'; '48x66' of '48 mm x 66 m' (a width in millimetres and a length
    in metres, which the catalogue's sizes hold as two lengths in millimetres)."""
    wanted = _sides(value)
    if wanted is None:
        return False
    boxes = [sides for sides in map(_sides, offered) if sides is not None and len(sides) == len(wanted)]
    # Metres are written with their decimals ('2,60 x 1,20' of '2600x1200'): whole figures are no metres.
    scales = _BOX_SCALES + ((1000.0,) if any(not w.is_integer() for w in wanted) else ())
    if any(
        all(_same(w * k, o) for w, o in zip(wanted, sides, strict=True)) for sides in boxes for k in scales
    ):
        return True
    lengths = [n for n in (_figure(o) for o in offered if "x" not in o) if n is not None]
    return any(
        all(any(_same(w * k, n) for k in _LENGTH_SCALES) for w, n in zip(wanted, chosen, strict=True))
        for chosen in permutations(lengths, len(wanted))
    )


def in_metres(value: str, numbers: frozenset[str]) -> bool:
    """A bare figure with decimals is a length in metres where the catalogue prints it in millimetres
    ('2,60' of '2600x1200'); a whole one may be any count, so it is left to agree as written."""
    wanted = _figure(value)
    if wanted is None or wanted.is_integer():
        return False
    return f"{wanted * 1000:g}" in numbers


def side_of(length: str, offered: set[str]) -> bool:
    """A length written alone is one side of an article printed with two ('ties 200 mm' of '4,8 x 200 mm',
    'a 50 m roll' of '19 mm x 50 m'): a dimension's figures carry no unit, so a side in millimetres,
    centimetres or metres agrees."""
    wanted = _figure(length)
    if wanted is None:
        return False
    for other in offered:
        sides = [_figure(side) for side in other.split("x")]
        if len(sides) > 1 and any(
            side is not None and any(abs(wanted - side * k) < 1e-6 for k in _side_scales(side))
            for side in sides
        ):
            return True
    return False


def _side_scales(side: float) -> tuple[float, ...]:
    """The units a side may be printed in: a figure with decimals under ten is millimetres or metres,
    never centimetres ('3,5' of a screw's '3,5x25' is no 35 mm)."""
    return (1.0, 10.0, 1000.0) if side.is_integer() or side >= 10 else (1.0, 1000.0)


def at_other_scales(feature: str) -> list[str]:
    """'dim:40x30x30' as the catalogue may print it, in millimetres or centimetres ('dim:400x300x300'), so
    that a line naming a box by its size alone finds the articles of that size."""
    kind, _, value = feature.partition(":")
    sides = _sides(value) if kind == "dim" else None
    if sides is None:
        return []
    return [f"dim:{'x'.join(f'{side * k:g}' for side in sides)}" for k in _BOX_SCALES]
