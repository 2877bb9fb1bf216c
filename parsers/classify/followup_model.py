"""A small spaCy text classifier of follow-up kinds: trained by the project, shipped in the package.

Trained offline by parsers/training/followup.py (`intake model train-followup`); here it is
only loaded and asked, by followup.py where its rules are unsure.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models.followups import FollowupKind
from parsers.classify.textcat import load_shipped

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = Path(__file__).parents[1] / "models" / "followup"
LABELS = [kind.value for kind in FollowupKind]


@lru_cache(maxsize=1)
def load_followup_model(path: Path = MODEL_DIR) -> Language:
    """The shipped pipeline, loaded once per process."""
    return load_shipped(path, "followup model", "train-followup")


def predict_followup(text: str, nlp: Language | None = None) -> dict[FollowupKind, float]:
    """Probability of each follow-up kind for the subject and the sender's own text."""
    model = nlp or load_followup_model()
    return {FollowupKind(label): p for label, p in model(text[:2000]).cats.items()}
