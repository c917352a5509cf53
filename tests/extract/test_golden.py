"""Golden cases, one group per phenomenon or verb class (every tests/golden/*.yaml file)."""

from pathlib import Path

import pytest
import yaml

from entente.model import Event

GOLDEN = {path.stem: yaml.safe_load(path.read_text())
          for path in sorted((Path(__file__).parents[1] / "golden").glob("*.yaml"))}
CASES = [pytest.param(case, id=f"{stem}-{group}-{i}") for stem, groups in GOLDEN.items()
         for group, cases in groups.items() for i, case in enumerate(cases)]
MUTUAL = {"CONSULT", "COOPERATE", "AGREE"}


def _matches(ev: Event, want: dict) -> bool:
    source = ev.source.code if ev.source else None
    target = ev.target.code if ev.target else None
    pairs = [(source, target)] + ([(target, source)] if ev.type in MUTUAL else [])
    if ev.type != want["type"] or (want["source"], want.get("target", target)) not in pairs:
        return False
    checks = {
        "status": lambda: ev.status == want["status"],
        "negated": lambda: ev.negated == want["negated"],
        "mode": lambda: ev.mode == want["mode"],
        "cameo": lambda: ev.cameo == want["cameo"],
        "date": lambda: ev.date == want["date"],
        "items": lambda: all(any(w.lower() in (i.name or i.text).lower() for i in ev.items)
                             for w in want["items"]),
        "quantity": lambda: any(i.quantity == want["quantity"] for i in ev.items),
        "trigger": lambda: ev.trigger == want["trigger"],
    }
    return all(check() for key, check in checks.items() if key in want)


def _show(events):
    return [(e.source.code if e.source else None, e.type, e.target.code if e.target else None,
             e.status, e.negated, [i.name or i.text for i in e.items]) for e in events]


@pytest.mark.parametrize("case", CASES)
def test_golden(extractor, case):
    events = extractor.extract_text(case["text"], date=case["date"])
    for want in case.get("must", []):
        assert any(_matches(e, want) for e in events), f"missing {want}; got {_show(events)}"
    for unwanted in case.get("must_not", []):
        assert not any(_matches(e, unwanted) for e in events), f"unwanted {unwanted}"


def test_every_event_keeps_its_evidence(extractor):
    text = "Reports say Iran sent 40 Shahed drones to Russia. Tehran denied it."
    for ev in extractor.extract_text(text, date="2022-10-01"):
        assert ev.sentence and ev.sentence in text
        start, end = ev.span
        assert text[start:end] == ev.trigger
        for mention in (ev.source, ev.target):
            if mention is not None and mention.start is not None:
                assert text[mention.start:mention.end] == mention.text
        for item in ev.items:
            assert text[item.start:item.end] == item.text


def test_event_ids_are_stable(extractor):
    text = "Canada imposed sanctions on Belarus."
    first = [e.event_id for e in extractor.extract_text(text, date="2020-01-01")]
    assert first and first == [e.event_id for e in extractor.extract_text(text, date="2020-01-01")]
