"""Lemmas the model gets wrong for the verbs entente knows: "staged" → "stag".

The rule lemmatizer strips an ending and keeps whatever word it lands on, so a verb of the
trigger lexicon can come out as another word and every rule keyed on its lemma misses it.
This component, run after the lemmatizer, gives a verb the lexicon's lemma when the model's
lemma is not one entente knows and exactly one regular un-inflection of the surface form is.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, ORTH, POS
from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from entente.knowledge.lexicon import Lexicon, load_lexicon


def known_verbs(lexicon: Lexicon) -> frozenset[str]:
    """Every verb lemma the rules look up: triggers (first word of phrasal ones), light verbs
    and the verb lists of status.yaml."""
    words = {lemma.split()[0] for lemma in lexicon.verbs} | set(lexicon.light_verbs)
    for value in lexicon.status.values():
        if isinstance(value, list):
            words |= {w for w in value if isinstance(w, str) and " " not in w}
    return frozenset(w.lower() for w in words)


def uninflected(word: str) -> list[str]:
    """Regular base forms a verb form may have: staged → stage, stopped → stop, tries → try."""
    word = word.lower()
    found = []
    for ending, bases in (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("ing", ("", "e")),
                          ("es", ("", "e")), ("s", ("",))):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            stem = word[: -len(ending)]
            found += [stem + b for b in bases]
            if ending in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # stopped → stop
    return list(dict.fromkeys(found))


class LemmaRepair:
    def __init__(self, verbs: frozenset[str]):
        self.verbs = verbs
        self._repairs: dict[tuple[int, int], str | None] = {}  # (form, lemma) hashes → repaired lemma

    def __call__(self, doc: Doc) -> Doc:
        # read from arrays, each form once: building a Token for every word is slow
        for i, (tag, form, lemma) in enumerate(doc.to_array([POS, ORTH, LEMMA]).tolist()):
            if tag != VERB and tag != AUX:
                continue
            if (form, lemma) not in self._repairs:
                self._repairs[(form, lemma)] = self._repaired(doc.vocab.strings[form], doc.vocab.strings[lemma])
            repaired = self._repairs[(form, lemma)]
            if repaired is not None:
                doc[i].lemma_ = repaired
        return doc

    def _repaired(self, form: str, lemma: str) -> str | None:
        """The lexicon's lemma for a verb form, when the model's is unknown and exactly one
        regular un-inflection is known; else None."""
        if lemma.lower() in self.verbs:
            return None
        candidates = {c for c in uninflected(form) if c in self.verbs}
        return candidates.pop() if len(candidates) == 1 else None


@Language.factory("entente_lemmas", default_config={})
def make_lemma_repair(nlp: Language, name: str) -> LemmaRepair:
    return LemmaRepair(known_verbs(load_lexicon()))
