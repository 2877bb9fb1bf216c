"""`Places.touched` and `Rows.at` answer as `overlaps` compared with every place, whatever the places' kinds."""

from __future__ import annotations

import random

import pytest

from intake.routing.checks.places import Places, Rows, overlaps
from models import Provenance, SourceRow


def _place(rng: random.Random) -> Provenance:
    """A place of one of two parts, with any mix of a text span, a sheet cell and a PDF box."""
    top = rng.choice([0.0, 10.0, 11.5, 20.0, 31.0])
    start = rng.randrange(0, 40)
    return Provenance(
        part=rng.choice(["body", "attachment:po.pdf"]),
        span=(start, start + rng.randrange(0, 8)) if rng.random() < 0.5 else None,
        page=rng.choice([None, 1, 2]),
        bbox=(0.0, top, 50.0, top + rng.choice([0.0, 2.0, 9.5])) if rng.random() < 0.6 else None,
        sheet=rng.choice([None, "Commande", "Feuil2"]),
        cell=rng.choice([None, "", "B4", "C4", "B12", "D"]),
    )


@pytest.mark.parametrize("seed", range(40))
def test_touched_is_overlaps_with_any_place(seed: int) -> None:
    rng = random.Random(seed)
    reads = [_place(rng) for _ in range(rng.randrange(0, 12))]
    places = Places(reads)
    for span in [_place(rng) for _ in range(60)]:
        assert places.touched(span) == any(overlaps(span, read) for read in reads), (span, reads)
    assert not places.touched(None)


@pytest.mark.parametrize("seed", range(40))
def test_rows_at_are_the_rows_of_the_region_a_place_overlaps(seed: int) -> None:
    rng = random.Random(seed)
    rows = [
        SourceRow(
            text=f"row {n}",
            region=rng.choice(["lines", "lines", "header"]),
            provenance=_place(rng) if rng.random() < 0.9 else None,
        )
        for n in range(rng.randrange(0, 15))
    ]
    found = Rows(rows, "lines")
    assert bool(found) == bool(rows)
    for _ in range(30):
        places = [_place(rng) for _ in range(rng.randrange(0, 4))]
        expected = [r for r in rows if r.region == "lines" and any(overlaps(r.provenance, p) for p in places)]
        assert found.at(places) == expected, (places, rows)


def test_a_span_and_a_printed_line_each_by_their_own_test() -> None:
    body = Provenance(part="body", span=(10, 20))
    line = Provenance(part="attachment:po.pdf", page=2, bbox=(0.0, 100.0, 300.0, 110.0))
    places = Places([body, line])
    assert places.touched(Provenance(part="body", span=(19, 30)))
    assert not places.touched(Provenance(part="body", span=(20, 30)))
    assert places.touched(Provenance(part="attachment:po.pdf", page=2, bbox=(0.0, 104.0, 80.0, 116.0)))
    assert not places.touched(Provenance(part="attachment:po.pdf", page=1, bbox=(0.0, 104.0, 80.0, 116.0)))
    assert not places.touched(Provenance(part="attachment:po.pdf", page=2, bbox=(0.0, 112.0, 80.0, 116.0)))
