"""Supplier and recipient as the user writes them ("IRN", "Iran", "North Korea") → a code.

Provisions name states by ISO3 code; users and events name them many ways. A name the
actor dictionary cannot place is an error, not a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from entente.errors import UsageError
from entente.knowledge.actors import load_actors
from entente.model import Mention

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,30}$")


@dataclass(frozen=True)
class Party:
    """A side of a transfer: the code provisions use (ISO3 for a state) and a readable name."""

    code: str
    name: str


def resolve_party(text: str | None) -> Party | None:
    """An ISO3 code or a name (state, capital, organisation) → Party; None stays None."""
    if text is None or not text.strip():
        return None
    text = text.strip()
    actors = load_actors()
    if len(text) == 3 and text.isalpha() and (state := actors.state(text.upper())):
        return Party(state.actor_id, state.name)
    entry = actors.resolve(text)
    if entry is None and _CODE.match(text):
        return Party(text, text)  # an actor code the dictionary lacks (an overlay's, a dataset's)
    if entry is None:
        raise UsageError(f"{text!r} is not a state or actor entente knows; give an ISO3 code")
    code = entry.country or entry.actor_id
    return Party(code, _state_name(code) or entry.name)


def party_of(mention: Mention | None) -> Party | None:
    """The side an event's actor stands for: its state when it has one, else its own code."""
    if mention is None:
        return None
    code = mention.country or mention.actor_id
    return Party(code, _state_name(code) or mention.name or mention.text)


def _state_name(code: str) -> str | None:
    state = load_actors().state(code)
    if state is not None:
        return state.name
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else None
