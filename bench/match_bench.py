"""Article matching benchmark: generated near-twin catalogues, lines written the way customers write.

Prints, for catalogues of 1k, 10k and 100k articles: lines per second, p95 ms
per line, index memory, top-1 and top-5 accuracy, against a baseline run in the
same process (rapidfuzz process.extractOne with WRatio over every designation;
its top-5 from process.extract with the same scorer); "habits" is the index again for a
customer who ordered every queried article (and a twin once): the cost of ranking with habits. "p95 ms" is wall-clock;
"p95 cpu" and "mean cpu" are the thread's CPU time, steadier on a shared machine.

Then customers: 10k customers, senders not on file named by their signature,
against extractOne(WRatio) of the message text over the customer names.

    python -m bench.match_bench [--sizes 1000 10000 100000] [--queries 1000] [--baseline-queries 200]
                                [--customers 10000]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from matchers import CatalogIndex, match_article, match_customer
from matchers.habits import Habit
from models import (
    Address,
    CustomerRow,
    Extracted,
    ExtractedLine,
    ExtractedOrder,
    ParsedMessage,
    ProductRow,
    ReferenceData,
)

T = TypeVar("T")

# Families of near-twins: a pattern and the values that tell its members apart.
FAMILIES: list[tuple[str, str, dict[str, list[str]]]] = [
    (
        "Vis {series} tête fraisée inox A2 {d}x{l} - boîte de {n}",
        "boite",
        {
            "d": ["3", "3.5", "4", "4.5", "5", "6"],
            "l": ["16", "20", "25", "30", "35", "40", "50", "60"],
            "n": ["100", "200", "500"],
        },
    ),
    (
        "Gants {series} nitrile taille {t} - boîte de {n}",
        "boite",
        {"t": ["6", "7", "8", "9", "10", "11"], "n": ["50", "100", "200"]},
    ),
    (
        "Gobelet {series} carton {c} {v} cl - {k} de {n}",
        "carton",
        {
            "c": ["blanc", "kraft", "noir"],
            "v": ["10", "12", "18", "20", "25", "33"],
            "k": ["sachet", "carton"],
            "n": ["50", "1000"],
        },
    ),
    (
        "Sac poubelle {series} {c} {v} L - rouleau de {n}",
        "rouleau",
        {"c": ["noir", "gris", "bleu"], "v": ["30", "50", "110", "130"], "n": ["10", "25", "50"]},
    ),
    (
        "Cheville {series} nylon M{d} x {l} mm - boîte de {n}",
        "boite",
        {"d": ["5", "6", "8", "10", "12"], "l": ["25", "30", "40", "50", "60"], "n": ["50", "100"]},
    ),
    (
        "Assiette {series} bagasse ronde Ø{d} cm - carton de {n}",
        "carton",
        {"d": ["15", "18", "20", "23", "26"], "n": ["50", "500"]},
    ),
    (
        "Tube cuivre {series} Ø{d} mm - couronne de {l} m",
        "pce",
        {"d": ["8", "10", "12", "14", "16", "18", "22"], "l": ["5", "10", "25", "50"]},
    ),
    (
        "Film étirable {series} {w} cm x {l} m - rouleau",
        "rouleau",
        {"w": ["30", "45", "50"], "l": ["200", "300", "500"]},
    ),
]
ABBREVIATIONS = {"boîte": "bte", "carton": "ctn", "rouleau": "rlx", "taille ": "T", "tête fraisée": "TF"}
SYLLABLES = tuple(
    ["ka", "lo", "mi", "ra", "to", "vel", "dor", "zen", "pra", "sto", "bri", "nox", "tec", "fil", "gal"]
)


@dataclass
class Result:
    name: str
    seconds: list[float]
    top1: int
    top5: int
    cpu: list[float] = field(default_factory=list)

    def row(self, size: int, memory_mb: float | None) -> str:
        n = len(self.seconds)
        p95 = sorted(self.seconds)[int(0.95 * (n - 1))] * 1000
        cpu95 = sorted(self.cpu)[int(0.95 * (n - 1))] * 1000
        cpu_mean = sum(self.cpu) / n * 1000
        memory = f"{memory_mb:8.0f}" if memory_mb is not None else "       -"
        return (
            f"{size:>7}  {self.name:<10} {n / sum(self.seconds):>9.0f} {p95:>8.2f} {cpu95:>8.2f} {cpu_mean:>8.3f} {memory}"
            f" {self.top1 / n:>7.1%} {self.top5 / n:>7.1%}"
        )


def series_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(names)


def make_catalogue(size: int, seed: int = 7) -> list[ProductRow]:
    """`size` articles in families of near-twins that differ by size, pack or colour."""
    rng = random.Random(seed)
    products: list[ProductRow] = []
    for series in series_names(size // 5 + 100, rng):
        pattern, unit, values = rng.choice(FAMILIES)
        keys = list(values)
        for combo in _combinations(values, keys, rng, limit=12):
            name = pattern.format(series=series, **combo)
            products.append(ProductRow(sku=f"A{len(products):06d}", name=name, unit=unit, unit_price=1.0))
            if len(products) == size:
                return products
    return products


def _combinations(
    values: dict[str, list[str]], keys: list[str], rng: random.Random, limit: int
) -> list[dict]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for _ in range(limit * 3):
        combo = tuple(rng.choice(values[k]) for k in keys)
        if combo not in seen:
            seen.add(combo)
            out.append(dict(zip(keys, combo, strict=True)))
        if len(out) == limit:
            break
    return out


def customer_wording(name: str, rng: random.Random) -> str:
    """How a customer writes an article: abbreviations, a typo, a missing word, no accents."""
    text = name.replace(" - ", " ")
    for full, short in ABBREVIATIONS.items():
        if rng.random() < 0.6:
            text = text.replace(full, short)
    words = text.split()
    if len(words) > 4 and rng.random() < 0.5:  # drop a plain word (never a size)
        # never the series name: without it no matcher could tell the families apart
        plain = [i for i, w in enumerate(words) if w.isalpha() and i > 0 and not w[0].isupper()]
        if plain:
            del words[rng.choice(plain)]
    if rng.random() < 0.4:  # one typo in a long word
        long = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 5]
        if long:
            i = rng.choice(long)
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1 :]
    text = " ".join(words)
    if rng.random() < 0.5:
        text = text.lower()
    if rng.random() < 0.3:
        text = re.sub(r"(\d)x(\d)", r"\1 x \2", text)
    return text


def run(name: str, queries: list[tuple[str, str]], answer: Callable[[str], list[str]]) -> Result:
    return run_cases(name, queries, answer)


def run_cases(name: str, queries: list[tuple[T, str]], answer: Callable[[T], list[str]]) -> Result:
    result = Result(name, [], 0, 0)
    for wording, sku in queries:
        start, cpu = time.perf_counter(), time.thread_time()
        found = answer(wording)
        result.seconds.append(time.perf_counter() - start)
        result.cpu.append(time.thread_time() - cpu)
        result.top1 += bool(found) and found[0] == sku
        result.top5 += sku in found[:5]
    return result


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bench_size(size: int, n_queries: int, n_baseline: int) -> list[str]:
    products = make_catalogue(size)
    rng = random.Random(size)
    queries = [
        (customer_wording(p.name, rng), p.sku) for p in rng.sample(products, min(n_queries, len(products)))
    ]
    before = rss_mb()
    start = time.perf_counter()
    index = CatalogIndex.build(ReferenceData(products=products))
    build = time.perf_counter() - start
    memory = rss_mb() - before

    def ours(wording: str) -> list[str]:
        line = ExtractedLine(line_no=1, description=Extracted(value=wording))
        match = match_article(line, index, customer_id=None)
        return [c.key for c in match.candidates] if match.sku else []

    names, skus = index.names, index.name_skus

    def baseline(wording: str) -> list[str]:
        best = process.extractOne(wording, names, scorer=fuzz.WRatio)
        return [skus[best[2]]] if best else []

    def baseline5(wording: str) -> list[str]:
        return [skus[i] for _, _, i in process.extract(wording, names, scorer=fuzz.WRatio, limit=5)]

    # A customer who ordered each queried article five times and the article after it once:
    # every line then ranks its near twins with the habit.
    usual = {sku: Habit(5, 1, 10, frozenset({"boite", "carton", "rouleau", "pce"})) for _, sku in queries}
    habits = {
        products[min(int(sku[1:]) + 1, len(products) - 1)].sku: Habit(1, 1, 1, frozenset())
        for _, sku in queries
    }
    habits.update(usual)

    def with_habits(wording: str) -> list[str]:
        line = ExtractedLine(line_no=1, description=Extracted(value=wording))
        match = match_article(line, index, customer_id="C", habits=habits)
        return [c.key for c in match.candidates] if match.sku else []

    mine = run("index", queries, ours)
    habitual = run("habits", queries, with_habits)
    base = run("extractOne", queries[:n_baseline], baseline)
    base.top5 = run("extract5", queries[:n_baseline], baseline5).top5
    rows = [mine.row(size, memory), habitual.row(size, None), base.row(size, None)]
    return [*rows, f"{'':>7}  build {build:.1f} s"]


CITIES = [("33000", "Bordeaux"), ("33700", "Mérignac"), ("64200", "Biarritz"), ("17200", "Royan")]
KINDS = ["Restaurant", "Hôtel", "Brasserie", "Café", "Boulangerie", "Traiteur"]


def make_customers(count: int, rng: random.Random) -> list[CustomerRow]:
    """Customers whose names share their kind and whose addresses share a few towns."""
    rows = []
    firsts = series_names(count, rng)
    seconds = rng.sample(series_names(count, rng), count)
    for number, words in enumerate(zip(firsts, seconds, strict=True)):
        postcode, town = rng.choice(CITIES)
        domain = f"client{number}.fr"
        rows.append(
            CustomerRow(
                customer_id=f"K{number:05d}",
                name=f"{rng.choice(KINDS)} {words[0]} {words[1]}",
                email_domains=[domain],
                contact_emails=[f"achats@{domain}"],
                ship_to=f"{rng.randint(1, 99)} rue {rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}, {postcode} {town}",
            )
        )
    return rows


def bench_customers(count: int, n_queries: int) -> list[str]:
    """Senders not on file, named only by their signature (the hardest customer case)."""
    rng = random.Random(count)
    rows = make_customers(count, rng)
    index = CatalogIndex.build(ReferenceData(customers=rows))
    names = [r.name for r in rows]
    cases = []
    for row in rng.sample(rows, n_queries):
        signature = f"Cordialement\nJean\n{row.name}\n{row.ship_to}"
        text = f"Bonjour,\nà livrer demain à {rng.choice(CITIES)[1]}.\n10 cartons de gobelets\n{signature}\n"
        cases.append((ParsedMessage(message_id="b", sender=Address(email="jean@gmail.com"), text=text), row))

    def ours(message: ParsedMessage) -> list[str]:
        found = match_customer(message, ExtractedOrder(), index)
        return [c.key for c in found.candidates] if found.customer_id else []

    def baseline(message: ParsedMessage) -> list[str]:
        best = process.extractOne(message.text, names, scorer=fuzz.WRatio)
        return [rows[best[2]].customer_id] if best else []

    mine = run_cases("index", [(m, r.customer_id) for m, r in cases], ours)
    base = run_cases("extractOne", [(m, r.customer_id) for m, r in cases][: n_queries // 2], baseline)
    return [mine.row(count, None), base.row(count, None)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--baseline-queries", type=int, default=200)
    parser.add_argument("--customers", type=int, default=10000)
    args = parser.parse_args()
    print(
        f"{'catalog':>7}  {'matcher':<10} {'lines/s':>9} {'p95 ms':>8} {'p95 cpu':>8} {'mean cpu':>8} {'mem MB':>8} {'top-1':>7} {'top-5':>7}"
    )
    for size in args.sizes:
        for row in bench_size(size, args.queries, args.baseline_queries):
            print(row, flush=True)
    print("\ncustomers identified from the signature only (sender not on file)")
    for row in bench_customers(args.customers, 200):
        print(row, flush=True)


if __name__ == "__main__":
    main()
