"""A word the catalogue does not print, read as the catalogue's word of the same root in the other
language: English and French spell the learned words of goods alike but for their endings ('balsamic' /
'balsamique', 'adhesive' / 'adhésif', 'battery' / 'batterie', 'connector' / 'connecteur', 'liquid' /
'liquide'). No lexicon lists every such word; the endings are few, and the catalogue says which words
exist, so a rewritten ending counts only when it gives a word some designation prints."""

from __future__ import annotations

# English ending -> French ending; read both ways, so a French wording finds an English catalogue too.
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ical", "ique"),
    ("ic", "ique"),
    ("ary", "aire"),
    ("ory", "oire"),
    ("ity", "ite"),
    ("ised", "ise"),
    ("ized", "ise"),
    ("ated", "e"),
    ("ified", "ifie"),
    ("ive", "if"),
    ("or", "eur"),
    ("er", "re"),
    ("al", "el"),
    ("al", "ique"),
    ("ism", "isme"),
    ("ist", "iste"),
    ("y", "ie"),
    ("", "e"),
)
# Shorter words are too often other words once an ending is changed ('car' / 'care').
_SHORTEST = 5


def cognates(word: str, known: object) -> list[str]:
    """The words `known` holds (a mapping or set of the catalogue's words) that `word` is with its
    ending spelt the other language's way."""
    if len(word) < _SHORTEST or not word.isalpha():
        return []
    found: list[str] = []
    for english, french in _ENDINGS:
        for ending, other in ((english, french), (french, english)):
            if word.endswith(ending) and (ending or other):
                candidate = word[: len(word) - len(ending)] + other
                if candidate != word and len(candidate) >= _SHORTEST - 1 and candidate in known:  # type: ignore[operator]
                    found.append(candidate)
    return list(dict.fromkeys(found))
