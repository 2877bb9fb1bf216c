"""A small spaCy text classifier of message kinds: trained by the project, shipped in the package.

Trained offline by parsers/training/textcat.py (`intake model train-textcat`);
here it is only loaded and asked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from models import ConfigError, MessageKind
from parsers.shipped import load_pipeline

MODEL_DIR = Path(__file__).parents[1] / "models" / "textcat"
LABELS = [kind.value for kind in MessageKind]


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
    model = nlp or load_textcat()
    return dict(model(text[:2000]).cats)
