"""The matching vocabulary file is validated at load, with errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchers.vocabulary import VOCABULARY_FILE, load_vocabulary
from models.errors import ConfigError


def test_shipped_vocabulary_loads() -> None:
    units = load_vocabulary(VOCABULARY_FILE).unit_of()
    assert (units["ctn"], units["rlx"], units["pces"]) == ("carton", "rouleau", "pce")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[units\n", "not valid TOML"),
        ('[units]\npce = ["Pce"]\n[abbreviations]\n[stopwords]\n[company_words]\n', "lower-case"),
        ("[units]\n[abbreviations]\n[stopwords]\n", "Field required"),
    ],
    ids=["broken-toml", "upper-case-unit", "missing-section"],
)
def test_bad_vocabulary_is_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "vocabulary.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_vocabulary(path)


def test_missing_vocabulary_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_vocabulary(tmp_path / "absent.toml")
