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
    # A participle of a verb in '-er' ('filtered' / 'filtré', 'centred' spelt 'centered'), and the name of
    # a tool made from its verb ('planter' / 'plantoir').
    ("ered", "re"),
    ("er", "oir"),
    # The names of chemistry: 'chloride' / 'chlorure', 'oxide' / 'oxyde', 'virucidal' / 'virucide'.
    ("ide", "ure"),
    ("ide", "yde"),
    ("idal", "ide"),
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
    found = [spelt for spelt in _respelt(word) if spelt in known]  # type: ignore[operator]
    for form in (word, *_respelt(word)):
        for english, french in _ENDINGS:
            for ending, other in ((english, french), (french, english)):
                if form.endswith(ending) and (ending or other):
                    candidate = form[: len(form) - len(ending)] + other
                    if candidate != word and len(candidate) >= _SHORTEST - 1 and candidate in known:  # type: ignore[operator]
                        found.append(candidate)
    return list(dict.fromkeys(found))


def _respelt(word: str) -> list[str]:
    """The word as the other language spells its root: the British 'ph' of 'sulphate' as the 'f' of 'sulfate', an
    acid named 'hydro-' first in English and '-hydrique' last in French ('hydrochloric' / 'chlorhydrique')."""
    spelt = [word.replace("ph", "f")] if "ph" in word else []
    if word.startswith("hydro") and word.endswith("ic") and len(word) > 9:
        spelt.append(word[5:-2] + "hydrique")
    elif word.endswith("hydrique") and len(word) > 10:
        spelt.append("hydro" + word[:-8] + "ic")
    return spelt
