"""A small spaCy text classifier of message kinds: trained by the project, shipped in the package.

Trained offline by parsers/training/textcat.py (`intake model train-textcat`);
here it is only loaded and asked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models import ConfigError, MessageKind
from parsers.shipped import load_pipeline

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).parents[1] / "models" / "textcat"
LABELS = [kind.value for kind in MessageKind]
# What the model is asked reads this far.
TEXT_CHARS = 2000
# The shipped model's answers to the texts of the messages in hand, asked together by `ask_ahead`.
_AHEAD: dict[str, dict[str, float]] = {}


def best_label(cats: dict[str, float]) -> str:
    return max(cats.items(), key=lambda kv: kv[1])[0]


def load_shipped(path: Path, what: str, command: str) -> Language:
    """A classifier the package ships; missing, a ConfigError says which command trains it."""
    if not path.exists():
        raise ConfigError(str(path), what, f"the trained classifier is missing: run `intake model {command}`")
    return load_pipeline(path)


@lru_cache(maxsize=1)
def load_textcat(path: Path = MODEL_DIR) -> Language:
    """The shipped pipeline, loaded once per process."""
    return load_shipped(path, "textcat", "train-textcat")


def predict(text: str, nlp: Language | None = None) -> dict[str, float]:
    """Probability of each message kind for a short text (subject + body start)."""
    text = text[:TEXT_CHARS]
    if nlp is None and text in _AHEAD:
        return dict(_AHEAD[text])
    model = nlp or load_textcat()
    return dict(model(text).cats)


def ask_ahead(texts: list[str]) -> None:
    """The shipped model asked once for several messages' texts, which costs about two thirds
    of asking for each alone (same answers); `predict` finds them until the next call."""
    _AHEAD.clear()
    todo = list(dict.fromkeys(text[:TEXT_CHARS] for text in texts))
    for text, doc in zip(todo, load_textcat().pipe(todo), strict=True):
        _AHEAD[text] = dict(doc.cats)
