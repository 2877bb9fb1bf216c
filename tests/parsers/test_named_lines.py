"""Which line a sentence under the list names by a short word of its name (invented cleaning lines)."""

from __future__ import annotations

from models import Extracted, ExtractedLine
from parsers.text.named_lines import named_once, short_words


def _line(words: str) -> ExtractedLine:
    return ExtractedLine(line_no=1, description=Extracted(value=words, confidence=0.9))


def test_a_short_word_written_in_the_plural_names_its_line() -> None:
    lines = [_line("wet floor sign yellow"), _line("mop 40 cm cotton"), _line("bucket 12 L")]
    assert named_once(lines, "the mops, we found a box of them") is lines[1]


def test_function_words_in_the_plural_name_nothing() -> None:
    assert short_words("all these ones, les autres") == set()
    assert short_words("the DACs and a tie") == {"dac", "tie"}
