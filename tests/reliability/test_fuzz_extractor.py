"""Fuzzing the extractor: sentences of odd shapes, built from a grammar of real actor names,
verbs, items, reporting phrases, punctuation and hostile Unicode, plus random text. The
extractor must return events and never raise, and every event must hold together: its
spans point at its words in the document, it survives a JSON round trip and the store takes
it.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from entente.model import Document, Event
from entente.store import Store
from entente.store.rows import event_row
from tests.reliability.fuzzing import (
    CASES, ODD_CHARACTERS, fuzz_settings, known_bugs_tolerated, odd_text,
)

ACTORS = [
    "Iran", "Russia", "the United States", "U.S. officials", "Tehran", "Moscow", "Beijing",
    "China", "North Korea", "Pyongyang", "Israel", "Hezbollah", "the Houthis", "Ukraine", "Kyiv",
    "the European Union", "the EU", "NATO", "the IRGC", "Iranian officials", "Russian forces",
    "the Kremlin", "Washington", "the UN Security Council", "Wagner", "Saudi Arabia", "Türkiye",
    "Côte d'Ivoire", "Taiwan", "the two countries", "they", "it", "both governments",
    "Vladimir Putin", "Kim Jong Un", "Joe Biden", "Zelensky", "Iran's foreign minister",
    "the Islamic Revolutionary Guard Corps", "Hamas", "the Taliban", "Belarus", "Venezuela",
    "XYZZY", "Mr. Smith", "the three governments", "IRAN", "iran", "Ira n", "Russia's",
]
VERBS = [
    "supplied", "shipped", "delivered", "sent", "sold", "struck", "attacked", "bombed",
    "sanctioned", "imposed sanctions on", "met", "met with", "held talks with", "condemned",
    "accused", "denied supplying", "threatened", "promised to send", "plans to deliver",
    "will supply", "did not send", "has yet to supply", "signed a treaty with", "cut ties with",
    "expelled diplomats from", "praised", "warned", "rejected", "agreed with", "mobilized against",
    "launched drones at", "is said to have sent", "allegedly sold", "reportedly shipped",
    "would never supply", "could attack", "if attacked, would strike", "was attacked by",
    "were delivered to", "said it would pay a price", "called", "visited", "arrested",
]
ITEMS = [
    "drones", "40 Shahed-136 drones", "more than 200 missiles", "Fath-360 missiles",
    "artillery shells", "$5 billion", "€3bn in aid", "tanks", "F-16s", "ammunition", "oil",
    "weapons", "S-400 systems", "1,000,000 rounds", "about 3 tonnes of uranium", "up to -5 jets",
    "0 drones", "1e9 missiles", "½ a battalion", "Shahed", "Shahed-136s and Shahed-131s",
]
PREPOSITIONS = ["to", "from", "for", "with", "against", "in", "via", "on", "near", "by", "over"]
REPORTERS = [
    "U.S. officials said", "according to Reuters", "Tehran denied", "sources claim",
    "state media reported", "the ministry said", "analysts believe", "it was reported that",
    "Iran denied that", "Moscow has denied reports that", "officials said on Monday that",
]
WHEN = ["on Monday", "in March 2024", "last week", "yesterday", "in 2022", "on 12 September",
        "on 31 February", "in the year 10000", "", "since 1979", "two days earlier"]
PUNCTUATION = [".", ",", ";", "!", "?", "...", " —", ":", '"', "'", "(", ")", "\n", "\n\n",
               " ", "  ", "\t", "\u2028", "»", "«", "“", "”", "-", "--", "/", "&"]

word = st.one_of(*(st.sampled_from(v) for v in (ACTORS, VERBS, ITEMS, PREPOSITIONS, REPORTERS,
                                               WHEN, PUNCTUATION)))


@st.composite
def clause(draw) -> str:
    a, b = draw(st.sampled_from(ACTORS)), draw(st.sampled_from(ACTORS))
    verb, item = draw(st.sampled_from(VERBS)), draw(st.sampled_from(ITEMS))
    prep, when = draw(st.sampled_from(PREPOSITIONS)), draw(st.sampled_from(WHEN))
    reporter = draw(st.sampled_from(REPORTERS))
    shape = draw(st.sampled_from([
        "{a} {verb} {item} {prep} {b} {when}",
        "{reporter} {a} {verb} {item} {prep} {b}",
        "{a}, {reporter}, {verb} {b}",
        "{a} and {b} {verb} {item} to {b} and {a}",
        "{item} were {verb} to {b} by {a} {when}",
        '"{a} {verb} {b}," {reporter}',
        "{a} ({b}) {verb} {item}",
        "Did {a} {verb} {b}?",
        "{a} {verb}",
        "{verb} {item} {prep}",
        "{a}'s {item} {verb} {b}'s {item}",
        "{a} {verb} {b}, which {verb} {a}, which {verb} {b}",
    ]))
    return shape.format(a=a, b=b, verb=verb, item=item, prep=prep, when=when, reporter=reporter)


@st.composite
def sentences(draw) -> str:
    kind = draw(st.sampled_from(["clauses", "clauses", "salad", "mixed", "random", "conjuncts"]))
    if kind == "clauses":
        parts = draw(st.lists(clause(), min_size=1, max_size=4))
        return "".join(p + draw(st.sampled_from(PUNCTUATION)) + " " for p in parts)
    if kind == "salad":  # the grammar's words in any order
        return " ".join(draw(st.lists(word, max_size=40)))
    if kind == "mixed":  # grammar and hostile characters interleaved, unspaced
        parts = draw(st.lists(st.one_of(clause(), word, odd_text.map(lambda t: t[:20]),
                                        st.sampled_from(ODD_CHARACTERS)), max_size=20))
        return "".join(parts)
    if kind == "conjuncts":  # one long sentence: many actors, many items (up to 40 keeps
        n = draw(st.integers(2, 40))  # make fuzz quick; a 100-actor list: test_known_bugs.py)
        actors = " and ".join(draw(st.lists(st.sampled_from(ACTORS), min_size=n, max_size=n)))
        return f"{actors} {draw(st.sampled_from(VERBS))} {', '.join(ITEMS[:n % len(ITEMS) + 1])} to {actors}."
    return draw(st.text(max_size=300))


@st.composite
def published(draw) -> str | None:
    """A date as ingestion produces it: None or ISO of any precision, any year."""
    if draw(st.booleans()):
        return None
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    return day.isoformat()[:draw(st.sampled_from([4, 7, 10]))]


@pytest.fixture(scope="module")
def extractor():
    from entente.extract.pipeline import Extractor

    found = Extractor()
    found.extract_text("Iran met Russia.")  # load the model once, outside the cases
    return found


@pytest.fixture(scope="module")
def memory_store():
    with Store(":memory:") as store:
        yield store


def check_event(event: Event, doc: Document) -> None:
    text = doc.text
    assert event.doc_id == doc.doc_id
    if event.span is not None:
        start, end = event.span
        assert 0 <= start < end <= len(text) and text[start:end] == event.trigger, event.span
    for mention in (event.source, event.target):
        if mention is not None and mention.start is not None:
            assert text[mention.start:mention.end] == mention.text, mention
    for item in event.items:
        if item.start is not None:
            assert text[item.start:item.end] == item.text, item
    if event.sentence is not None:
        assert event.sentence in text
    if event.intensity is not None:
        assert -10 <= event.intensity <= 10
    if event.confidence is not None:
        assert 0 <= event.confidence <= 1
    assert Event.model_validate_json(event.model_dump_json()) == event
    event_row(event)


@fuzz_settings()
@given(text=sentences(), date=published())
@example(text="", date=None)
@example(text="\u202eIran\u202c shipped\u200b drones\u0301 to Russia\U0001f600.", date="2024-09")
@example(text="Iran and " * 300 + "Russia met.", date="0001")
@example(text="Iran shipped drones to Russia.\n" * 50, date="9999-12-31")
def test_extractor(extractor, memory_store, text, date):
    CASES["extractor"] += 1
    doc = Document(doc_id=Document.make_id(text), text=text, published=date, name="fuzz.txt")
    events = []
    with known_bugs_tolerated():
        events = extractor.extract(doc)  # must not raise
    assert isinstance(events, list)
    for event in events:
        check_event(event, doc)
    memory_store.add_events(events)
