from entente.errors import InputProblem
from entente.ingest.feeds import html_to_text
from entente.model import Document

from .conftest import SANCTIONS, TALKS, TREATY


def test_rss_entries_become_documents(rss_file, read):
    first, second = read(rss_file)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == f"{TREATY}\nFarmers welcomed the deal."
    assert first.title == "Ministers agree on river treaty"
    assert first.url == "https://example.org/news/river-treaty"
    assert (first.published, first.published_precision) == ("2024-09-12", "day")
    assert (first.name, second.name) == ("world.rss#1", "world.rss#2")
    assert second.text == TALKS and second.published == "2024-09-13"
    assert {first.source_format, second.source_format} == {"feed"}
    assert first.source_path == str(rss_file)


def test_atom_entries_use_content_then_summary(atom_file, read):
    first, second = read(atom_file)
    assert first.text == SANCTIONS and second.text == TALKS
    assert first.url == "https://example.org/news/sanctions"
    assert first.published == "2024-09-13"  # published wins over updated
    assert second.published == "2024-09-14"  # only updated given
    assert second.name == "ledger.atom#2"


def test_broken_feed_is_one_problem(write, read):
    [problem] = read(write("broken.xml", "<rss version='2.0'><channel><title>Cut &bogus; her"))
    assert problem == InputProblem(problem.path, "feed does not parse: undefined entity")
    [problem] = read(write("words.rss", "Just some words, not a feed at all."))
    assert problem.reason == "feed does not parse: syntax error"


def test_truncated_feed_keeps_what_it_can(write, read):
    """feedparser is lenient: entries it recovered are kept, the empty one reported."""
    feed = f"<rss version='2.0'><channel><item><description>{TALKS}</description></item><item>"
    doc, problem = read(write("cut.xml", feed))
    assert doc.text == TALKS and problem.reason == "entry has no text"


def test_xml_that_is_not_a_feed_is_reported(write, read):
    [problem] = read(write("sitemap.xml", "<?xml version='1.0'?><urlset><url>x</url></urlset>"))
    assert isinstance(problem, InputProblem)


def test_entry_without_text_is_named_and_others_kept(write, read):
    feed = f"""<rss version="2.0"><channel><title>t</title>
    <item><title>Only a headline</title><link>https://example.org/1</link></item>
    <item><title>Talks</title><description>{TALKS}</description></item>
    </channel></rss>"""
    path = write("mixed.xml", feed)
    problem, doc = read(path)
    assert problem == InputProblem(f"{path}#1", "entry has no text")
    assert doc.text == TALKS and doc.name == "mixed.xml#2"


def test_html_to_text_keeps_paragraphs():
    assert html_to_text("<p>One  <b>bold</b></p><p>Two</p>") == "One bold\nTwo"
    assert html_to_text("") == ""
