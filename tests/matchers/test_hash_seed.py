"""A line's scores are the same in every process: the words of a designation are a set, whose order
follows the process's hash seed, and a float sum taken in that order can tip a tie one way or the other."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import random

    from matchers import CatalogIndex
    from matchers.designation import score_designations
    from matchers.normalize import read_wording
    from models import ProductRow, ReferenceData

    words = (
        "vis bois tête fraisée inox zinguée ronde cheville nylon universelle expansion écrou rondelle plate "
        "large éventail frein tire fond hexagonale boîte sachet acier laiton cuivre pozidriv torx cruciforme "
        "agglo béton placo"
    ).split()
    draw = random.Random(7)
    names = [
        " ".join(draw.sample(words, draw.randint(5, 12))) + f" {draw.randint(3, 8)}x{draw.randint(20, 90)}"
        for _ in range(60)
    ]
    rows = [ProductRow(sku=f"Q{i}", name=n, unit="pce") for i, n in enumerate(names, start=1)]
    index = CatalogIndex.build(ReferenceData(products=rows)).designations
    print(index.mean_idf.hex(), " ".join(w.hex() for w in index.own_weight))
    for said in names[:12]:
        found = score_designations(read_wording(said.replace("tête", "tete")), index)
        print([(s.position, s.score.hex()) for s in found])
    """
)


def _scores(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


def test_scores_do_not_depend_on_the_hash_seed() -> None:
    first = _scores("1")
    assert first.count("\n") == 13
    for seed in ("2", "3", "4", "5"):
        assert _scores(seed) == first
