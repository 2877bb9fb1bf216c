"""The cost of reading message bodies with and without the catalogue's codes, in one process.

Each message of the folders is parsed once; then its orders are extracted
(`extract_orders`, attachments excluded so the figure is the body reader's)
without the catalogue (the baseline) and with it (`codes=index`, the pipeline's
way), alternating, several rounds. The table gives the mean time per message
and the ratio; the catalogue-first reading is meant to cost at most 10 % more.

    python -m bench.read_bench fixtures/emails ../shared/samples/emails [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.match_samples import build_index
from matchers import CatalogIndex
from models import ParsedMessage
from parsers import extract_orders, parse_message


def _bodies(folder: Path) -> list[ParsedMessage]:
    parsed = []
    for path in sorted(folder.glob("*.eml")):
        message = parse_message(path.read_bytes(), where=str(path))
        message.attachments = []  # the body reader alone
        parsed.append(message)
    return parsed


def _time(messages: list[ParsedMessage], index: CatalogIndex | None) -> float:
    start = time.perf_counter()
    for message in messages:
        extract_orders(message, codes=index)
    return time.perf_counter() - start


def run(folders: list[Path], ref: Path | None, rounds: int) -> list[tuple[str, int, float, float]]:
    rows = []
    for folder in folders:
        index = build_index(ref or folder.parent / "ref")
        messages = _bodies(folder)
        _time(messages, None), _time(messages, index)  # warm the models and caches
        without = with_codes = 0.0
        for _ in range(rounds):
            without += _time(messages, None)
            with_codes += _time(messages, index)
        count = max(len(messages), 1) * rounds
        rows.append((str(folder), len(messages), without / count * 1000, with_codes / count * 1000))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--ref", type=Path, help="reference folder (default: FOLDER/../ref)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"{'folder':<45} {'msgs':>5} {'without ms':>11} {'with ms':>9} {'ratio':>6}")
    for folder, count, without, with_codes in run(args.folders, args.ref, args.rounds):
        print(
            f"{folder[-45:]:<45} {count:>5} {without:>11.2f} {with_codes:>9.2f} {with_codes / without:>6.2f}"
        )


if __name__ == "__main__":
    main()
