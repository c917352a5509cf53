import json

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

from entente.model import EVENT_TYPES, STATUSES, Document, Event, Mention
from tests.conftest import make_event


def test_event_json_round_trip(event):
    assert Event.from_json(event.to_json()) == event


def test_document_json_round_trip(document):
    assert Document.from_json(document.to_json()) == document


def test_event_json_has_the_scored_fields(event):
    data = json.loads(event.to_json())
    for key in ("doc", "type", "mode", "status", "source", "target", "items", "sentence"):
        assert key in data
    assert data["source"]["actor_id"] == "IRN" and data["source"]["country"] == "IRN"


def test_unknown_type_and_field_are_refused():
    with pytest.raises(ValidationError):
        make_event(type="BOMB")
    with pytest.raises(ValidationError):
        Event.model_validate({"event_id": "x", "type": "AID", "colour": "red"})


def test_mention_code_prefers_the_state():
    assert Mention(text="the IRGC", actor_id="IRGC", country="IRN").code == "IRN"
    assert Mention(text="Hamas", actor_id="hamas").code == "HAMAS"


def test_ids_are_stable_and_content_based():
    assert Document.make_id(" same text ") == Document.make_id("same text")
    assert Event.make_id("d", 0, 5) == Event.make_id("d", 0, 5) != Event.make_id("d", 0, 6)


@settings(max_examples=60, deadline=None)
@given(type_=st.sampled_from(EVENT_TYPES), status=st.sampled_from(STATUSES),
       text=st.text(max_size=40), quantity=st.none() | st.floats(0, 1e9),
       negated=st.booleans())
def test_any_valid_event_round_trips(type_, status, text, quantity, negated):
    ev = make_event(type=type_, status=status, sentence=text, negated=negated)
    ev.items[0].quantity = quantity
    assert Event.from_json(ev.to_json()) == ev
