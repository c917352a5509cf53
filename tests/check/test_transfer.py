"""The arms-control check on transfers whose answer is known from the provisions' texts and dates."""

import pytest

from entente.check import RESULTS, check_event, check_stored_event, check_transfer
from entente.errors import UsageError
from entente.model import Item
from entente.store import Store
from tests.conftest import make_event


def verdict(result, provision_id):
    return next(v for v in result.verdicts if v.id == provision_id)


# supplier, recipient, item, date, provision, expected result, words the reasons must contain
CASES = [
    # Shahed-136 to Russia in October 2022: para 4 in force, a Category II system.
    ("IRN", "RUS", "Shahed-136", "2022-10", "unscr2231-b4", "restricted", ["in force", "MTCR Category II"]),
    # The conventional-arms clause had ended two years earlier.
    ("IRN", "RUS", "Shahed-136", "2022-10", "unscr2231-b6b", "not_restricted", ["ended on 2020-10-18"]),
    # Fath-360 in September 2024: para 4 ended on 18 October 2023, and 120 km is below 300 km anyway.
    ("IRN", "RUS", "Fath-360", "2024-09", "unscr2231-b4", "not_restricted",
     ["ended on 2023-10-18", "120–150 km < 300 km, not an MTCR Category I or II system"]),
    # KN-23 from the DPRK: 1718 and 1874 have no end date.
    ("PRK", "RUS", "KN-23", "2024", "unscr1718-8", "restricted", ["MTCR Category I", "category VII"]),
    ("PRK", "RUS", "KN-23", "2024", "unscr1874-9-10", "restricted", ["arms or related materiel"]),
    # A month straddling Transition Day says so instead of guessing.
    ("IRN", "RUS", "Shahed-136", "2023-10", "unscr2231-b4", "unknown", ["changes inside 2023-10", "2023-10-18"]),
    ("IRN", "RUS", "Shahed-136", "2023-10-17", "unscr2231-b4", "restricted", []),
    ("IRN", "RUS", "Shahed-136", "2023-10-18", "unscr2231-b4", "not_restricted", []),
    # An item the catalogue does not know stays unknown.
    ("IRN", "RUS", "Death Star", "2022-10", "unscr2231-b4", "unknown", ["not in the weapons catalogue"]),
    # No date: force cannot be told.
    ("IRN", "RUS", "Shahed-136", None, "unscr2231-b4", "unknown", ["no date"]),
    # The 2025 snapback: after 28 September the earlier resolutions apply again, disputed.
    ("IRN", "RUS", "Shahed-136", "2025-10", "unscr1747-5", "disputed", ["disputed by RUS, CHN"]),
    ("IRN", "RUS", "Shahed-136", "2025-10", "unscr1737-7", "disputed", ["MTCR Category II"]),
    ("IRN", "RUS", "Shahed-136", "2025-09", "unscr1747-5", "unknown", ["2025-09-28"]),
    ("IRN", "RUS", "Shahed-136", "2024-06", "unscr1747-5", "not_restricted", []),
    # Arms to Iran: combat aircraft are Register category IV; surface-to-air systems are not.
    ("RUS", "IRN", "Su-35", "2019", "unscr2231-b5", "restricted", ["category IV"]),
    ("RUS", "IRN", "Su-35", "2021", "unscr2231-b5", "not_restricted", ["ended on 2020-10-18"]),
    ("RUS", "IRN", "Su-35", "2025-11", "unscr1929-8", "disputed", []),
    ("RUS", "IRN", "S-300", "2016-06", "unscr2231-b5", "not_restricted", ["outside the UN Register"]),
    ("RUS", "IRN", "S-400", "2019", "unscr2231-b4", "unknown", ["open"]),
    # Iran's own missile activity is not a transfer.
    ("IRN", "RUS", "Shahed-136", "2022-10", "unscr2231-b3", "out_of_scope", ["own activity"]),
    # The MTCR guides partners' exports only.
    ("IRN", "RUS", "Shahed-136", "2022-10", "mtcr-guidelines", "out_of_scope", ["not one"]),
    ("USA", "UKR", "ATACMS", "2024-04", "mtcr-guidelines", "restricted", ["MTCR Category II"]),
    ("UKR", "GEO", "Neptune", "1997", "mtcr-guidelines", "out_of_scope", ["after this date"]),
    # EU, US and UK measures over Iran's supplies to Russia.
    ("IRN", "RUS", "Fath-360", "2024-09", "eu-2024-05-14", "restricted", ["ballistic missile"]),
    ("IRN", "RUS", "Fath-360", "2024-09", "eu-2023-1532", "not_restricted", ["not among the measure's items"]),
    ("IRN", "RUS", "Fath-360", "2024-09", "us-2024-09-10", "unknown", ["2024-09-10"]),
    ("IRN", "RUS", "Fath-360", "2024-09-12", "us-2024-09-10", "restricted", []),
    ("IRN", "RUS", "Fath-360", "2024-09-12", "uk-2024-09-10", "restricted", []),
    ("IRN", "VEN", "Fath-360", "2024-09-12", "us-2024-09-10", "out_of_scope", ["RUS only"]),
    ("IRN", "RUS", "Shahed-136", "2025-11", "eu-2023-1532", "unknown", ["renewal"]),
    # Names and generic words work as well as codes and catalogue names.
    ("Iran", "the Houthis", "Qiam-1", "2019", "unscr2231-b4", "restricted", []),
    ("Iran", "Russia", "drones", "2022-10", "unscr2231-b4", "unknown", ["no particular system"]),
    ("Iran", "Russia", "drones", "2023-09", "eu-2023-1532", "restricted", []),
    ("North Korea", "Russia", "artillery shells", "2024", "unscr1718-8", "restricted", ["related materiel"]),
]


@pytest.mark.parametrize("supplier, recipient, item, date, provision, expected, words", CASES)
def test_known_answers(supplier, recipient, item, date, provision, expected, words):
    found = verdict(check_transfer(supplier, recipient, item, date), provision)
    assert found.result == expected, found.reasons
    for word in words:
        assert any(word in reason for reason in found.reasons), (word, found.reasons)


def test_patriot_to_ukraine_restricted_by_nothing():
    result = check_transfer("USA", "UKR", "Patriot", "2024-05")
    assert {v.result for v in result.verdicts} <= {"out_of_scope", "not_restricted"}
    assert "No provision restricts this transfer" in result.summary


@pytest.mark.parametrize("args, words", [
    (("IRN", "RUS", "Shahed-136", "2022-10"), ["Restricted by UNSCR 2231 (2015) Annex B para 4"]),
    (("IRN", "RUS", "Fath-360", "2024-09"),
     ["Not restricted by any Security Council provision", "Unilateral measures apply: EU",
      "Open for want of a more precise date: US"]),
    (("PRK", "RUS", "KN-23", "2024"), ["UNSCR 1718 (2006)", "UNSCR 1874 (2009)"]),
    (("IRN", "RUS", "Shahed-136", "2025-10"), ["whose force is disputed", "UNSCR 1747 (2007) para 5"]),
    (("IRN", "RUS", "Shahed-136", "2023-10"), ["Open for want of a more precise date: UNSCR 2231"]),
    (("IRN", "RUS", "Death Star", "2024"), ["'Death Star' is not in the weapons catalogue"]),
    (("USA", "UKR", "ATACMS", "2024-04"), ["export guidelines of MTCR"]),
])
def test_summary(args, words):
    summary = check_transfer(*args).summary
    assert "\n" not in summary
    for word in words:
        assert word in summary, summary


def test_a_straddling_span_never_claims_no_un_restriction():
    assert "not restricted by any" not in check_transfer("IRN", "RUS", "Shahed-136", "2023-10").summary.lower()


def test_json_contract():
    data = check_transfer("Iran", "Russia", "Fateh-360", "September 2024").to_json()
    assert set(data) == {"transfer", "item", "verdicts", "summary"}
    assert data["transfer"]["supplier"] == "IRN" and data["transfer"]["date"] == "2024-09"
    assert {"name", "category", "range_km", "payload_kg", "producer", "mtcr_category"} <= set(data["item"])
    assert data["item"]["name"] == "Fath-360" and data["item"]["range_km"] == {"min": 120, "max": 150}
    for v in data["verdicts"]:
        assert {"id", "regime", "provision", "applies", "in_force", "covered", "result", "reasons",
                "source"} <= set(v)
        assert v["result"] in RESULTS and v["reasons"] and v["source"]


def test_unknown_item_is_not_guessed():
    item = check_transfer("IRN", "RUS", "Shahed-999", "2022").item
    assert item["known"] is False and item["category"] is None and item["range_km"] is None


@pytest.mark.parametrize("args", [("Narnia", "RUS", "Shahed-136", "2022"), ("IRN", "RUS", "Shahed-136", "someday")])
def test_bad_party_or_date_is_a_usage_error(args):
    with pytest.raises(UsageError):
        check_transfer(*args)


def test_an_unknown_actor_code_is_kept_as_given():
    result = check_transfer("IRN", "SOME_GROUP", "Shahed-136", "2019")
    assert result.transfer.recipient == "SOME_GROUP"
    assert verdict(result, "unscr2231-b6b").result == "restricted"


def test_missing_recipient_leaves_direction_open():
    result = check_transfer("RUS", None, "Su-35", "2019")
    assert verdict(result, "unscr2231-b5").result == "unknown"
    assert "Open for want of the other side" in result.summary


def fath_event(**changes):
    items = [Item(text="Fath-360 missiles", name="Fath-360", category="ballistic_missile"),
             Item(text="drones", category="uav")]
    return make_event(date="2024-09", date_precision="month", items=items, **changes)


def test_check_event_reads_sides_items_and_date():
    results = check_event(fath_event())
    assert [r.item["name"] for r in results] == ["Fath-360", "drones"]
    first = results[0]
    assert (first.transfer.supplier, first.transfer.recipient, first.transfer.date) == ("IRN", "RUS", "2024-09")
    assert first.transfer.event_id == "ev1" and first.transfer.status == "reported"
    assert verdict(first, "unscr2231-b4").result == "not_restricted"
    assert verdict(results[1], "eu-2023-1532").result == "restricted"


def test_check_event_without_items_checks_an_unknown_item():
    (result,) = check_event(make_event(items=[], date="2022-10"))
    assert result.item["name"] is None
    assert verdict(result, "unscr2231-b4").result == "unknown"


def test_check_stored_event(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.add_events([fath_event()])
        assert check_stored_event(store, "ev1")[0].item["name"] == "Fath-360"
        with pytest.raises(UsageError, match="no event"):
            check_stored_event(store, "nope")
