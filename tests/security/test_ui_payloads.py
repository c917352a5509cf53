"""Articles carrying script payloads stay inert text in the web UI, in a real browser.

tests/web/test_ui.py covers <script> and <img onerror>; these are the other classic ways
out: <svg onload>, javascript: URLs (in a link in the text, and as the document's URL),
</textarea> and </title> breakouts, attribute-breaking quotes, iframe srcdoc, MathML links,
template syntax, and the same payloads in the document's *name* (a file name may hold them),
which the claims and transfer views show. Every view that shows the data is opened, with
the server's Content-Security-Policy and without it (the UI's own escaping alone).
"""

from __future__ import annotations

import httpx
import pytest

from entente import jobs
from entente.ingest.common import make_document
from entente.store import Store
from tests.web.conftest import ARTICLES, Page, check_page  # noqa: F401
from tests.security.conftest import LiveServer, free_port

TOKEN = "ui-payload-token"
MARK = "window.__xss"
PAYLOADS = {
    "svg": f"<svg onload=\"{MARK}='svg'\"><svg/onload={MARK}='svg2'>",
    "js-link": f"<a href=\"javascript:{MARK}='link'\">read more</a> [more](javascript:{MARK}='md')",
    "textarea": f"</textarea><script>{MARK}='textarea'</script><textarea>",
    "title": f"</title><script>{MARK}='title'</script>",
    "quotes": f"\" onmouseover=\"{MARK}='dq'\" autofocus onfocus=\"{MARK}='dq2'\" x=\" "
              f"' onmouseover='{MARK}=1' x=' `onclick=`{MARK}=2`",
    "iframe": f"<iframe srcdoc=\"<script>parent.{MARK}='srcdoc'</script>\"></iframe>"
              f"<object data=\"javascript:{MARK}='obj'\"></object>",
    "math": f"<math><maction actiontype=\"statusline\" xlink:href=\"javascript:{MARK}='math'\">x</maction></math>"
            f"<details open ontoggle=\"{MARK}='details'\"><summary>s</summary></details>",
    "template": "{{constructor.constructor('" + MARK + "=\"tpl\"')()}} ${" + MARK + "='tl'} <%= 1 %>",
    "style": f"<style>body{{background:url(\"javascript:{MARK}='css'\")}}</style>"
             f"<base href=\"javascript:{MARK}='base'//\"><meta http-equiv=\"refresh\" content=\"0;url=javascript:{MARK}='meta'\">",
}
URLS = {  # the document's own URL, from the article's header
    "js-link": f"javascript:{MARK}='url'",
    "quotes": f"https://example.org/\"><img src=x onerror={MARK}='url2'>",
    "svg": "data:text/html,<script>parent.__xss=1</script>",
}
SENTENCE = "Iran supplied Russia with 40 Shahed-136 drones in August, U.S. officials said."
DANGEROUS = ("main script, main img, main iframe, main object, main embed, main math, main details, "
             "main style, main base, main meta, main link, main textarea, main svg svg, main foreignObject")


def article(kind: str, payload: str) -> str:
    url = URLS.get(kind)
    header = f"Title: {kind} {payload}\nDate: 2024-09-12\n" + (f"URL: {url}\n" if url else "")
    return (f"{header}\nTEHRAN - {SENTENCE} {payload}\n\n"
            f"Russia denied that Iran supplied Russia with drones {payload}, state media reported.\n")


@pytest.fixture(scope="module")
def payload_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui-payloads")
    inbox = folder / "inbox"
    inbox.mkdir()
    (inbox / "02.txt").write_bytes((ARTICLES / "02_iran_fath360_russia_2024.txt").read_bytes())
    for kind, payload in PAYLOADS.items():
        (inbox / f"{kind}.txt").write_text(article(kind, payload), encoding="utf-8")
    # A file name is the document's name: quotes, angle brackets and an event handler in it.
    (inbox / f"zz_\"'><svg onload={MARK}='filename'> x=\".txt").write_text(
        article("filename", ""), encoding="utf-8")
    db = folder / "payloads.duckdb"
    with Store(db) as store:
        report = jobs.ingest_paths(store, [inbox])
        assert report.added == len(PAYLOADS) + 2 and not report.problems, report.problems
        # As the API's JSON may give it: a name and title of any characters (a label only)
        text = f"{SENTENCE} Posted through the API."
        store.add_documents([make_document(text, path=inbox / "api", source_format="api",
                                           name=f"<img src=x onerror={MARK}='name'>\"'",
                                           title=PAYLOADS["quotes"])])
        extracted = jobs.extract_pending(store)
        assert extracted.events_added > 0
    return db


@pytest.fixture(scope="module")
def server(payload_store):
    from entente.api import create_app

    with LiveServer(create_app(payload_store, token=TOKEN), free_port()) as live:
        yield live.base


@pytest.fixture(scope="module")
def documents(server):
    found = httpx.get(f"{server}/api/documents", params={"limit": 100}, timeout=30).json()
    assert len(found) == len(PAYLOADS) + 3
    return found


def inert(p, route: str) -> None:
    """Nothing ran, no element came from the data, no handler or script URL is set."""
    p.wait_for_timeout(150)  # an onload or onerror handler would have run by now
    assert p.evaluate("typeof window.__xss") == "undefined", route
    assert p.locator(DANGEROUS).count() == 0, (route, p.locator(DANGEROUS).first.evaluate("e => e.outerHTML"))
    found = p.evaluate("""() => {
        const bad = [];
        for (const e of document.querySelectorAll('*')) {
            for (const a of e.attributes) {
                const v = a.value.trim().toLowerCase();
                if (a.name.startsWith('on')) bad.push(e.tagName + ' ' + a.name);
                if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(a.name)
                    && (v.startsWith('javascript:') || v.startsWith('data:text'))) bad.push(e.tagName + ' ' + a.name + '=' + v);
            }
        }
        return bad;
    }""")
    assert not found, (route, found)


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_payloads_stay_text_in_every_view(browser, server, documents, bypass_csp):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    page = Page(context.new_page(), server)
    try:
        routes = [("#/", "dashboard"), ("#/events", "events"), ("#/claims", "claims"),
                  ("#/transfers", "transfers")]
        routes += [(f"#/doc/{d['doc_id']}", "doc") for d in documents if d["name"] != "02.txt"]
        for route, view in routes:
            p = page.open(route, view)
            inert(p, route)
        # the payloads are there, as text (the document view marks actors and triggers with
        # labels, so compare without spaces: "Iran" becomes "IranIRN", the payload stays whole)
        for doc in documents:
            kind = (doc["title"] or "").split(" ", 1)[0]
            if kind not in PAYLOADS:
                continue
            p = page.open(f"#/doc/{doc['doc_id']}", "doc")
            assert p.locator("h2.doc-title").text_content().strip() == " ".join(doc["title"].split())
            shown = "".join(p.locator("#doc-text").text_content().split())
            assert "".join(PAYLOADS[kind].split()) in shown, kind
            if kind in URLS and not URLS[kind].startswith("http"):
                assert p.locator("main a", has_text=URLS[kind][:15]).count() == 0  # shown, not linked
                assert URLS[kind] in p.locator("main").text_content()
        names = " ".join(page.open("#/claims", "claims").locator("main").all_text_contents())
        assert "zz_\"'><svg" in names or "asserted" not in names  # a name is shown as text
    finally:
        check_page(context, page)
