"""Items: weapon systems and generic goods, with their quantities; and sums of money.

The component `entente_items` writes `doc.spans["items"]`; each span carries
`span._.item` (a Weapon or GenericItem from the weapons catalogue, or None for money),
`span._.quantity` and `span._.qualifier`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from entente.knowledge.weapons import WeaponCatalog, load_weapons
from entente.model import Item

for _name in ("item", "quantity", "qualifier", "unit"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "dozen": 12, "hundred": 100, "dozens": 24, "hundreds": 200, "thousands": 2000}
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
QUALIFIERS = ("more than", "over", "at least", "about", "around", "nearly", "almost",
              "up to", "some", "roughly", "approximately", "fewer than", "less than",
              "as many as", "dozens of", "hundreds of", "thousands of")
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "dollars": "USD", "euros": "EUR",
              "pounds": "GBP", "rubles": "RUB", "roubles": "RUB"}


def parse_number(text: str) -> float | None:
    """'200', '1,000', '1.5 million', 'two', 'dozens' → a number, or None."""
    words = text.lower().replace(",", "").split()
    value: float | None = None
    for word in words:
        word = word.strip("$€£")
        if re.fullmatch(r"\d+(\.\d+)?", word):
            value = float(word) if value is None else value * float(word)
        elif word in SCALES:
            value = SCALES[word] if value is None else value * SCALES[word]
        elif word in WORD_NUMBERS and value is None:
            value = float(WORD_NUMBERS[word])
    return value


def quantity_of(head: Token) -> tuple[float | None, str | None]:
    """The number attached to a noun ('more than 200 missiles') and its qualifier."""
    for child in head.lefts:
        if child.dep_ == "nummod" or child.like_num:
            words = [t for t in child.subtree if t.i <= child.i]
            number = parse_number(" ".join(t.text for t in words if t.like_num or t.lower_ in SCALES))
            rest = " ".join(t.lower_ for t in words if not (t.like_num or t.lower_ in SCALES))
            qualifier = next((q for q in QUALIFIERS if q in rest), None)
            return number, qualifier
    left = head.doc[max(0, head.i - 3):head.i].text.lower()
    for word in ("dozens", "hundreds", "thousands"):
        if f"{word} of" in left:
            return SCALES[word], f"{word} of"
    return None, None


class ItemMatcher:
    def __init__(self, nlp: Language, catalog: WeaponCatalog):
        self.catalog = catalog
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, object] = {}
        for text, entry in catalog.surface_forms():
            self.entries.setdefault(text.lower(), entry)
        phrases = [nlp.make_doc(t) for t in self.entries]
        for start in range(0, len(phrases), 5000):
            self.matcher.add("ITEM", phrases[start:start + 5000])

    def __call__(self, doc):
        spans = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            span = self._widen(span)
            spans.append(span)
        spans += [self._money(ent) for ent in doc.ents if ent.label_ == "MONEY"]
        doc.spans["items"] = self._join(filter_spans([s for s in spans if s is not None]))
        return doc

    def _join(self, spans: list[Span]) -> list[Span]:
        """'40 Shahed-136 drones' misparsed as two objects: a named system right before a
        generic word for its kind is one item."""
        out: list[Span] = []
        for span in spans:
            before = out[-1] if out else None
            if before is not None and before.end == span.start and before.label_ == span.label_ == "ITEM" \
                    and hasattr(before._.item, "producer") and not hasattr(span._.item, "producer"):
                joined = Span(span.doc, before.start, span.end, label="ITEM")
                joined._.item = before._.item
                joined._.quantity, joined._.qualifier = (before._.quantity, before._.qualifier) \
                    if before._.quantity is not None else (span._.quantity, span._.qualifier)
                out[-1] = joined
            else:
                out.append(span)
        return out

    def _widen(self, span: Span) -> Span:
        """'Shahed' in 'Shahed UAVs': take the noun the name modifies, keep the entry."""
        entry = self.entries.get(span.text.lower())
        head = span.root
        if head.dep_ in ("compound", "amod", "nmod", "punct", "nummod") and head.head.i >= span.end \
                and head.head.pos_ in ("NOUN", "PROPN") and head.head.i - span.end <= 3:
            span = span.doc[span.start:head.head.i + 1]
        out = Span(span.doc, span.start, span.end, label="ITEM")
        out._.item = entry
        out._.quantity, out._.qualifier = quantity_of(out.root)
        return out

    def _money(self, ent: Span) -> Span:
        out = Span(ent.doc, ent.start, ent.end, label="MONEY")
        out._.quantity = parse_number(ent.text)
        out._.unit = next((code for sign, code in CURRENCIES.items() if sign in ent.text.lower()), None)
        return out


def to_item(span: Span) -> Item:
    """The record for an item span: canonical name and category when the catalogue knows it."""
    entry = span._.item
    name = getattr(entry, "name", None) if entry is not None and hasattr(entry, "producer") else None
    category = getattr(entry, "category", None) or ("money" if span.label_ == "MONEY" else None)
    return Item(text=span.text, name=name, category=category, quantity=span._.quantity,
                quantity_qualifier=span._.qualifier, unit=span._.unit,
                start=span.start_char, end=span.end_char)


@Language.factory("entente_items", default_config={})
def make_item_matcher(nlp: Language, name: str) -> ItemMatcher:
    return ItemMatcher(nlp, load_weapons())
