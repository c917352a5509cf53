"""Fuzzing every article reader: whatever bytes it is given, it yields Documents and named
InputProblems and never raises.

Each reader is called the way `read_input` calls it (after the shared empty/binary check),
directly, so an exception is seen as the bug it is rather than turned into read_input's
catch-all "could not read: ..." problem. The documents it yields must be whole: an id from
the text, JSON that round-trips, a row the store accepts.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from entente.errors import InputProblem
from entente.ingest import iter_inputs
from entente.ingest.feeds import read_feed
from entente.ingest.files import SNIFF_BYTES, content_problem
from entente.ingest.html import read_html
from entente.ingest.jsonl import read_jsonl
from entente.ingest.text import read_text
from entente.model import Document
from entente.store import Store
from tests.reliability.fuzzing import (
    CASES, ODD_CHARACTERS, bytes_like, fuzz_settings, huge_line, odd_text,
)

# Problems every reader names itself; read_input's catch-all means the reader raised.
CATCH_ALL = "could not read:"

# feedparser warns about its own updated/published fallback on entries without dates.
pytestmark = pytest.mark.filterwarnings("ignore:To avoid breaking existing software:DeprecationWarning")


@pytest.fixture(scope="module")
def memory_store():
    with Store(":memory:") as store:
        yield store


def read_article(reader, name: str, data: bytes, store: Store) -> list[Document | InputProblem]:
    """Call a reader as read_input does, and check everything it yields."""
    path = Path("/nonexistent/fuzz") / name  # readers get bytes; the path only names them
    if content_problem(data):
        return []
    found = list(reader(path, data))  # must not raise
    for item in found:
        assert isinstance(item, (Document, InputProblem)), type(item)
        if isinstance(item, InputProblem):
            assert item.reason.strip() and not item.reason.startswith(CATCH_ALL), item
            continue
        check_document(item)
    store.add_documents([d for d in found if isinstance(d, Document)])
    return found


def check_document(doc: Document) -> None:
    assert doc.text.strip(), "a document without text"
    assert doc.doc_id == Document.make_id(doc.text)
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    for value in (doc.title, doc.url):
        assert value is None or (value.strip() and "\n" not in value)
    if doc.published is not None:
        assert doc.published_precision in ("day", "month", "year")


# -- text and Markdown ---------------------------------------------------------------------------

header_value = st.one_of(odd_text, st.sampled_from([
    "2024-09-12", "12 September 2024", "yesterday", "2024-02-30", "0000-00-00", "9999-99-99",
    "Tue, 31 Feb 2023 25:61:00 +9999", "September", "20", "-1", "1e9", "NaN", "𝟚𝟘𝟚𝟜",
    "javascript:alert(1)", "http://[::1", "x" * 500,
]))


@st.composite
def text_articles(draw) -> str:
    headers = draw(st.lists(st.tuples(
        st.sampled_from(["Title", "title", "DATE", "Url", "URL ", "Author", ""]), header_value),
        max_size=4))
    head = "".join(f"{k}:{v}\n" for k, v in headers)
    blank = draw(st.sampled_from(["\n", "\r\n", "", "\n\n\n", " \n"]))
    return head + blank + draw(st.one_of(odd_text, huge_line(), st.just("")))


text_inputs = st.one_of(
    bytes_like(text_articles()),
    bytes_like(odd_text),
    huge_line(10_000, 400_000).map(str.encode),
    # clean for the sniffer's window, then anything: NUL bytes and controls past 8 KB
    st.binary(max_size=500).map(lambda tail: b"Iran met Russia. " * (SNIFF_BYTES // 17 + 1) + tail),
)


@fuzz_settings()
@given(data=text_inputs, name=st.sampled_from(["a.txt", "b.md"]))
@example(data=b"Title: only a header\n\n", name="a.txt")
@example(data="\ufeffTitle: x\r\n\r\n\u2028body\u2029".encode(), name="a.txt")
def test_text_reader(memory_store, data, name):
    CASES["text"] += 1
    found = read_article(read_text, name, data, memory_store)
    assert len(found) <= 1


# -- HTML ----------------------------------------------------------------------------------------

TAGS = ["div", "p", "span", "article", "main", "section", "table", "tr", "td", "ul", "li", "a",
        "b", "i", "script", "style", "noscript", "template", "svg", "math", "iframe", "textarea",
        "title", "head", "body", "html", "meta", "br", "img", "form", "select", "option", "pre"]
attribute = st.builds(
    lambda name, value, quote: f' {name}={quote}{value}{quote}',
    st.sampled_from(["class", "id", "href", "src", "onload", "content", "property", "name",
                     "charset", "http-equiv", "datetime", "lang", "dir", "style", "x"]),
    odd_text.map(lambda t: t[:40]), st.sampled_from(['"', "'", ""]))
tag_soup = st.lists(st.one_of(
    st.builds(lambda t, attrs: f"<{t}{''.join(attrs)}>", st.sampled_from(TAGS), st.lists(attribute, max_size=3)),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    odd_text,
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
                     "&amp;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp", "&unknown;", "<", ">",
                     "</", "<p", "<br/>", "<<>>"]),
), max_size=120).map("".join)


@st.composite
def deep_html(draw) -> str:
    """Thousands of nested elements, closed or not."""
    tag = draw(st.sampled_from(["div", "span", "b", "p", "li", "table", "a"]))
    depth = draw(st.integers(1, 20_000))
    inner = draw(odd_text) or "Iran met Russia."
    closing = f"</{tag}>" * depth if draw(st.booleans()) else ""
    return f"<html><body>{f'<{tag}>' * depth}{inner}{closing}</body></html>"


@st.composite
def html_pages(draw) -> str:
    """A page shaped like an article, its metadata garbled."""
    date = draw(header_value)
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "shift_jis", "utf-16", "x-unknown", ""]))
    paragraphs = draw(st.lists(st.one_of(odd_text, tag_soup, huge_line(100, 50_000)), max_size=6))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}">'
            f'<meta property="article:published_time" content="{date}">'
            f'<meta name="date" content="{date}"><title>{draw(odd_text)}</title>'
            f'<link rel="canonical" href="{draw(odd_text)}"></head>'
            f"<body><nav>menu</nav><article><h1>{draw(odd_text)}</h1>{body}</article>"
            f"<footer>Copyright {draw(st.integers(-10, 99999))}</footer></body></html>")


# (odd text may hold lone surrogates: bytes as a broken page would carry them, not an encoding error here)
html_inputs = st.one_of(bytes_like(html_pages()), bytes_like(tag_soup),
                        deep_html().map(lambda page: page.encode("utf-8", "surrogatepass")),
                        bytes_like(odd_text))


@fuzz_settings()
@given(data=html_inputs)
@example(data=b"<html><body>" + b"<div>" * 100_000 + b"Iran met Russia." + b"</body></html>")
@example(data=b"<html><head><meta charset='utf-16'></head><body><p>\xff\xfe\x00</p></body></html>")
@example(data=b"<svg>html")  # htmldate's cleaning asserted on a page whose root is <svg>
def test_html_reader(memory_store, data):
    CASES["html"] += 1
    found = read_article(read_html, "page.html", data, memory_store)
    assert len(found) <= 1


# -- RSS and Atom feeds --------------------------------------------------------------------------

def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


feed_value = st.one_of(
    odd_text.map(_xml_escape),  # escaped text
    odd_text.map(lambda t: f"<![CDATA[{t}]]>"),  # raw text, any markup in it
    tag_soup.map(lambda t: f"<![CDATA[{t}]]>"),
    tag_soup.map(_xml_escape),  # escaped HTML, as most feeds carry it
    deep_html().map(lambda h: f"<![CDATA[{h}]]>"),
    odd_text,  # unescaped: often not XML at all
    header_value.map(_xml_escape),
)
RSS_FIELDS = ["title", "link", "description", "pubDate", "guid", "content:encoded",
              "dc:date", "author", "category", "enclosure"]
ATOM_FIELDS = ["title", "link", "summary", "content", "updated", "published", "id", "author"]


@st.composite
def feeds(draw) -> str:
    atom = draw(st.booleans())
    fields = ATOM_FIELDS if atom else RSS_FIELDS
    entries = []
    for _ in range(draw(st.integers(0, 5))):
        present = draw(st.lists(st.sampled_from(fields), max_size=len(fields)))  # any may be missing
        parts = []
        for name in present:
            value = draw(feed_value)
            if atom and name == "content":
                kind = draw(st.sampled_from(["html", "text", "xhtml", "text/plain", "bogus"]))
                parts.append(f'<content type="{kind}">{value}</content>')
            elif atom and name == "link":
                parts.append(f'<link href="{_xml_escape(draw(odd_text))}"/>')
            else:
                parts.append(f"<{name}>{value}</{name}>")
        entries.append(("<entry>{}</entry>" if atom else "<item>{}</item>").format("".join(parts)))
    head = draw(st.sampled_from(['<?xml version="1.0" encoding="utf-8"?>', "",
                                 '<?xml version="1.0" encoding="iso-8859-1"?>',
                                 '<?xml version="1.0" encoding="bogus"?>']))
    if atom:
        text = f'{head}<feed xmlns="http://www.w3.org/2005/Atom"><title>{draw(feed_value)}</title>{"".join(entries)}</feed>'
    else:
        text = (f'{head}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                f'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{draw(feed_value)}</title>'
                f'{"".join(entries)}</channel></rss>')
    if draw(st.booleans()):
        text = text[:draw(st.integers(0, len(text)))]  # cut off anywhere
    return text


feed_inputs = st.one_of(bytes_like(feeds()), bytes_like(tag_soup), bytes_like(odd_text))


@fuzz_settings()
@given(data=feed_inputs, name=st.sampled_from(["feed.xml", "feed.rss", "feed.atom"]))
@example(data=b'<rss version="2.0"><channel><item></item><item><title/></item></channel></rss>',
         name="feed.xml")
@example(data=b'<rss version="2.0"><channel><item><description>&lt;BR&lt;\x08</description>'
              b"</item></channel></rss>", name="feed.xml")  # a control character in a tail
@example(data=b"<>&#2000000;&#xD800;", name="feed.xml")  # character references outside Unicode
@example(data=b"<entry<title</content<", name="feed.xml")  # feedparser's entry has summary None
@example(data=b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml">'
              b'<div xmlns="http://www.w3.org/1999/xhtml">' + b"<div>" * 5000 + b"Iran</div></content>"
              b"</entry></feed>", name="feed.atom")
def test_feed_reader(memory_store, data, name):
    CASES["feed"] += 1
    found = read_article(read_feed, name, data, memory_store)
    for item in found:
        if isinstance(item, Document):
            assert item.name.startswith(name + "#")


# -- JSON Lines ----------------------------------------------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         odd_text, header_value)
json_values = st.recursive(json_scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(odd_text.map(lambda t: t[:10]), children, max_size=4),
                           max_leaves=12)
KEYS = ["text", "title", "url", "published", "date", "name", "id"]


@st.composite
def jsonl_line(draw) -> bytes:
    kind = draw(st.sampled_from(["object", "object", "object", "any", "deep", "bignum", "raw", "bytes"]))
    if kind == "object":
        record = draw(st.dictionaries(st.sampled_from(KEYS) | odd_text.map(lambda t: t[:10]),
                                      json_values | odd_text, max_size=6))
        if draw(st.booleans()):
            record["text"] = draw(st.one_of(odd_text, huge_line(100, 20_000), json_values))
        return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == "any":
        return json.dumps(draw(json_values)).encode("utf-8", "surrogatepass")
    if kind == "deep":  # nesting deeper than the JSON parser's recursion limit
        depth = draw(st.integers(1, 200_000))
        opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ('{"text":[', "]}")]))
        return (opener * depth + "1" + closer * depth).encode()
    if kind == "bignum":  # longer than Python's int-conversion limit (4300 digits)
        digits = draw(st.integers(4000, 20_000))
        return f'{{"text": "Iran met Russia.", "published": {"7" * digits}}}'.encode()
    if kind == "raw":
        return draw(odd_text).encode("utf-8", "surrogatepass")
    return draw(st.binary(max_size=200))


jsonl_inputs = st.one_of(
    st.builds(lambda lines, sep: sep.join(lines), st.lists(jsonl_line(), max_size=8),
              st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n"])),
    bytes_like(odd_text),
)


@fuzz_settings()
@given(data=jsonl_inputs)
@example(data=b"[" * 100_000)
@example(data=b'{"text": "Iran met Russia.", "n": ' + b"1" * 5000 + b"}\n"
              b'{"text": "Oman hosted talks."}')
@example(data=b'{"text": "ok", "published": true}\n{"text": 5}\n[]\n"x"\n{"text": "\\ud800"}')
def test_jsonl_reader(memory_store, data):
    CASES["jsonl"] += 1
    found = read_article(read_jsonl, "lines.jsonl", data, memory_store)
    lines = [n for n, raw in enumerate(data.splitlines(), start=1) if raw.strip()]
    if not content_problem(data):
        # one answer per non-blank line, a bad line named by its number: one bad line never
        # costs the others
        assert len(found) == len(lines)
        for number, item in zip(lines, found):
            if isinstance(item, InputProblem):
                assert item.line == number, item
            else:
                assert item.name == f"lines.jsonl#{number}"


# -- through real files: iter_inputs, every extension ---------------------------------------------

@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="entente-fuzz-") as folder:
        yield Path(folder)


any_article = st.one_of(text_inputs, html_inputs, feed_inputs, jsonl_inputs)


@fuzz_settings()
@given(data=any_article, extension=st.sampled_from(
    [".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".jsonl", ".ndjson", ".TXT", ".exe", ""]),
    max_bytes=st.sampled_from([10_000_000, 1000, 1]))
def test_iter_inputs_on_files(scratch, data, extension, max_bytes):
    CASES["iter_inputs (files)"] += 1
    path = scratch / f"input{extension}"
    path.write_bytes(data)
    for item in iter_inputs([path], max_bytes=max_bytes):
        assert isinstance(item, (Document, InputProblem))
        if isinstance(item, InputProblem):
            assert item.reason.strip() and not item.reason.startswith(CATCH_ALL), item
        else:
            check_document(item)
            assert len(data) <= max_bytes


def test_odd_characters_are_varied():
    """The alphabet the strategies draw from holds what it claims (guards edits to it)."""
    assert {"\x00", "\u2028", "\ufeff", "\u202e", "\U0001f600"} <= set(ODD_CHARACTERS)
