"""Helpers for the evaluation tests: build mentions and events in one line."""

from __future__ import annotations

from pathlib import Path

from entente.model import Event, Item, Mention

SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def actor(code: str | None, text: str | None = None, country: str | None = "same") -> Mention | None:
    """A mention; by default a state (country = its code)."""
    if code is None:
        return None
    return Mention(actor_id=code, country=code if country == "same" else country, text=text or code)


def event(source, target, type_, *, status="asserted", items=(), doc=None, sentence=None,
          cameo=None, mode=None) -> Event:
    """An event from codes (str) or ready Mentions; items are (text, name) pairs or texts."""
    as_mention = lambda m: actor(m) if isinstance(m, str) or m is None else m  # noqa: E731
    return Event(
        event_id=f"{source}-{target}-{type_}", doc=doc, sentence=sentence, type=type_,
        source=as_mention(source), target=as_mention(target), status=status, cameo=cameo,
        mode=mode, items=[Item(text=i) if isinstance(i, str) else Item(text=i[0], name=i[1]) for i in items],
    )

