"""The web UI in a real browser: every view shows the store's data, filters work, documents
are highlighted, and an article's markup stays text."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.conftest import IMG_PAYLOAD, SCRIPT_PAYLOAD, TOKEN


@pytest.fixture(scope="module")
def api(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield lambda path, **params: client.get(path, params=params).json()


def test_dashboard_shows_the_store(page, api):
    stats = api("/api/stats")
    p = page.open("#/", "dashboard")
    cards = {name: p.text_content(f'.card[data-stat="{name}"] .card-value')
             for name in ("documents", "events", "items")}
    assert cards == {"documents": str(stats["documents"]), "events": str(stats["events"]),
                     "items": str(stats["event_items"])}
    assert p.locator("svg.chart .bucket rect").count() > 0  # the timeline
    assert p.locator("ol.dyads li").count() > 0
    assert p.locator("text=Drone deliveries").count() >= 1  # the documents list
    page.shot("dashboard")


def test_timeline_bar_opens_its_events(page):
    p = page.open("#/?by=month", "dashboard")
    p.locator("svg.chart .bucket[data-key='2023-07']").click()
    page.ready("events")
    assert "since=2023-07" in p.url and "until=2023-07-31" in p.url
    dates = p.locator("#events-table tbody td:first-child").all_text_contents()
    assert dates and all(d.startswith("2023-07") for d in dates)


def test_event_table_filters(page, api):
    p = page.open("#/events", "events")
    everything = p.locator("#events-table tbody tr").count()
    p.select_option("#f-events-type", "AID")
    p.fill("#f-events-actor", "RUS")
    p.click("form.filters button[type=submit]")
    page.ready("events")
    p.wait_for_url(re.compile(r".*type=AID.*"))
    page.ready("events")
    rows = p.locator("#events-table tbody tr")
    types = [rows.nth(i).get_attribute("data-type") for i in range(rows.count())]
    expected = api("/api/events", type="AID", actor="RUS", limit=50)
    assert types == ["AID"] * len(expected) and 0 < len(types) < everything
    shown = [rows.nth(i).get_attribute("data-event") for i in range(rows.count())]
    assert shown == [e["event_id"] for e in expected]
    page.shot("events-filtered")


def test_event_table_pages(page, api):
    total = len(api("/api/events", limit=1000))
    assert total > 50, "the web store should hold more than one page of events"
    p = page.open("#/events", "events")
    assert p.locator("#events-table tbody tr").count() == 50
    p.click("a[rel=next]")
    page.ready("events")
    p.wait_for_url(re.compile(r".*offset=50.*"))
    page.ready("events")
    assert p.locator("#events-table tbody tr").count() == min(50, total - 50)


def test_document_view_highlights_actors_triggers_and_items(page, api):
    p = page.open("#/events?item=Fath-360", "events")
    p.locator("#events-table a.doc-link").first.click()
    page.ready("doc")
    text = p.locator("#doc-text")
    assert text.locator("mark.hl-trigger").count() > 0
    assert text.locator("mark.hl-actor").count() > 0
    assert text.locator("mark.hl-item").count() > 0
    assert p.locator("#doc-text mark.selected").count() > 0  # the event we came from
    first = text.locator("mark.hl-item").first.text_content()
    assert first and first in text.text_content()
    # another event of the list selects its own spans
    p.locator("ol.doc-events li button").nth(1).click()
    event_id = p.locator("ol.doc-events li").nth(1).get_attribute("data-event")
    selected = p.locator("#doc-text mark.selected")
    assert selected.count() > 0
    assert all(event_id in (selected.nth(i).get_attribute("data-events") or "").split()
               for i in range(selected.count()))
    page.shot("document")


@pytest.mark.parametrize("which", ["page", "page_without_csp"])
def test_article_markup_stays_inert_text(which, request, api):
    """Under the server's CSP, and without it: the UI's own escaping keeps the payload text."""
    page = request.getfixturevalue(which)
    doc = next(d for d in api("/api/documents") if d["name"] == "zz_payload.txt")
    assert IMG_PAYLOAD in doc["title"]
    # wherever the title and text appear: the documents list, the events table, the document
    for route, view in (("#/", "dashboard"), ("#/events?doc=zz_payload.txt", "events"),
                        (f"#/doc/{doc['doc_id']}", "doc")):
        p = page.open(route, view)
        p.wait_for_timeout(200)  # an onerror handler would have run by now
        assert p.evaluate("typeof window.__xss") == "undefined", route
        assert p.locator("main img, main script").count() == 0, route
    text = p.locator("#doc-text").text_content()
    assert SCRIPT_PAYLOAD in text and IMG_PAYLOAD in text
    assert IMG_PAYLOAD in p.locator("h2.doc-title").text_content()
    assert p.locator("#doc-text mark").count() > 0  # highlighted around the payload
    page.shot(f"document-with-payload{'-no-csp' if which != 'page' else ''}")


def test_dyad_chart_marks_the_shift(page, api):
    p = page.open("#/dyad/NOR/SWE", "dyad")
    markers = p.locator("svg.chart .shift-marker")
    shifts = api("/api/dyads/NOR/SWE")["shifts"]
    assert markers.count() == len(shifts) == 1
    assert markers.first.get_attribute("data-period") == shifts[0]["period"] == "2023-07-01"
    assert p.locator("svg.chart circle.point").count() == 12
    assert p.locator("#shifts-table tbody tr").count() == 1
    page.shot("dyad")


def test_dyad_picker(page):
    p = page.open("#/dyad/NOR/SWE", "dyad")
    p.fill("#dyad-a", "irn")
    p.fill("#dyad-b", "rus")
    p.click("form.filters button[type=submit]")
    p.wait_for_url(re.compile(r".*#/dyad/IRN/RUS.*"))
    page.ready("dyad")
    assert "IRN – RUS" in p.locator("section.panel h2").first.text_content()


def test_network_colours_the_blocs(page, api):
    net = api("/api/network")
    p = page.open("#/network", "network")
    nodes = p.locator("svg.chart g.node")
    assert nodes.count() == len(net["nodes"])
    for node in net["nodes"]:
        circle = p.locator(f'svg.chart g.node[data-id="{node["id"]}"] circle')
        assert circle.get_attribute("class") == f"bloc-{node['bloc']}"
    fills = {p.locator(f"svg.chart circle.bloc-{b}").first.get_attribute("fill") for b in (1, 2)}
    assert len(fills) == 2  # two blocs, two colours
    assert p.locator("svg.chart line.edge").count() == len(net["edges"])
    page.shot("network")


def test_claims_view(page, api):
    claims = api("/api/claims")
    p = page.open("#/claims", "claims")
    assert p.locator("#claims-table tbody tr").count() == len(claims) > 0
    verdicts = p.locator("#claims-table td.verdict").all_text_contents()
    assert verdicts == [c["verdict"] for c in claims]
    page.shot("claims")


def test_transfer_register_and_check(page, api):
    rows = api("/api/transfers")
    p = page.open("#/transfers", "transfers")
    assert p.locator("#transfers-table tbody tr").count() == len(rows) > 0
    assert p.locator("#transfers-table td.status").all_text_contents() == [r["status"] for r in rows]
    page.shot("transfers")
    p.locator("#transfers-table a.button").first.click()
    page.ready("check")
    summary = p.locator("#check-summary").text_content()
    assert rows[0]["supplier"] in summary
    assert p.locator("table.verdicts tbody tr").count() > 0


def test_check_form(page):
    p = page.open("#/check", "check")
    p.fill("#f-check-supplier", "IRN")
    p.fill("#f-check-recipient", "RUS")
    p.fill("#f-check-item", "Fath-360")
    p.fill("#f-check-date", "2024-09")
    p.click("form.filters button[type=submit]")
    p.wait_for_selector("#check-summary")
    assert re.search(r"Fath-360, IRN → RUS, 2024-09", p.locator("#check-summary").text_content())
    verdicts = p.locator("table.verdicts td.result").all_text_contents()
    assert verdicts and set(verdicts) <= {"restricted", "not_restricted", "disputed", "unknown"}
    page.shot("check")


def test_adding_a_document_needs_the_token_and_then_shows_its_events(page):
    p = page.open("#/add", "add")
    p.fill("#add-title", "Oman talks")
    p.fill("#add-body", "Iran supplied Venezuela with 12 Mohajer-6 drones in May 2024.")
    p.click("#add-text button[type=submit]")
    p.wait_for_selector("#add-result .error")
    assert "token" in p.locator("#add-result .error").text_content()
    p.fill("#token", TOKEN)
    p.click("#add-text button[type=submit]")
    p.wait_for_selector("#add-result .ok", timeout=30_000)
    assert "Added 1" in p.locator("#add-result").text_content()
    p.locator("#add-result a.doc-link").click()
    page.ready("doc")
    assert p.locator("h2.doc-title").text_content() == "Oman talks"
    assert p.locator("ol.doc-events li").count() > 0
    assert p.locator("#doc-text mark.hl-actor").count() > 0
    page.shot("added-document")


def test_api_reference_and_unknown_pages(page):
    p = page.open("#/api", "api")
    assert p.locator("code", has_text="/api/events").count() >= 1
    p = page.open("#/no-such-view", "no-such-view")
    assert "No such page" in p.locator("main").text_content()


def test_sanctions_view_lists_matched_actors_and_matches_a_name(page, api):
    expected = api("/api/sanctions/actors")
    assert any(a["words"] == "Iran Air" for a in expected)
    p = page.open("#/sanctions", "sanctions")
    assert p.locator('nav a[data-route="sanctions"][aria-current="page"]').count() == 1
    rows = p.locator("#sanctions-table tbody tr")
    assert rows.count() == sum(len(a["matches"]) for a in expected)
    row = p.locator('#sanctions-table tbody tr[data-words="Iran Air"]')
    assert row.get_attribute("data-entity") == "test-co-iranair"
    assert "100.0" in row.locator("td.score").text_content()
    assert "Iran Air" in row.locator("td.party").text_content()
    assert "TEST-IRAN-RUSSIA-2024" in row.locator("td.programs").text_content()
    assert p.locator("#sanctions-no-list").count() == 0
    # the form: another spelling of a listed party
    p.fill("#f-sanctions-name", "Mahan Airlines")
    p.click("#sanctions-form button[type=submit]")
    p.wait_for_url(re.compile(r".*name=Mahan.*"))
    page.ready("sanctions")
    match = p.locator("#sanctions-match-table tbody tr")
    assert match.count() == 1 and match.get_attribute("data-entity") == "test-co-mahan"
    page.shot("sanctions")


def test_listed_actors_are_marked_in_events_and_documents(page):
    p = page.open("#/events?actor=IRAN_AIR", "events")
    marks = p.locator("#events-table a.badge-listed")
    assert marks.count() > 0 and "Iran Air" in (marks.first.get_attribute("title") or "")
    p.locator("#events-table a.doc-link").first.click()
    page.ready("doc")
    listed = p.locator("#doc-text mark.hl-listed")
    assert listed.count() > 0 and all(listed.nth(i).text_content() == "Iran Air" for i in range(listed.count()))
    assert p.locator("ol.doc-events .badge-listed").count() > 0


def test_the_api_page_works_offline_under_the_policy(page):
    """/docs is Swagger UI from the packaged files: no CDN, no inline script, no CSP error."""
    page.page.goto(f"{page.base}/docs")
    page.page.wait_for_selector(".opblock", timeout=15_000)
    paths = page.page.locator(".opblock-summary-path").all_text_contents()
    assert any("/api/events" in p for p in paths)
    assert any("/api/extract" in p for p in paths)
    page.shot("api-docs")
