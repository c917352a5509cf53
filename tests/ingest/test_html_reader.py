from entente.errors import InputProblem
from entente.model import Document

from .conftest import TREATY


def test_article_body_is_kept_and_boilerplate_dropped(html_file, read):
    [doc] = read(html_file)
    assert isinstance(doc, Document)
    assert TREATY in doc.text
    assert "joint commission" in doc.text
    for boilerplate in ("Sport results", "Subscribe now", "Privacy policy", "All rights reserved"):
        assert boilerplate not in doc.text
    assert doc.source_format == "html" and doc.language == "en" and doc.name == "treaty.html"


def test_title_date_and_canonical_url_are_found(html_file, read):
    [doc] = read(html_file)
    assert doc.title == "Ministers agree on river treaty"
    assert (doc.published, doc.published_precision) == ("2024-09-12", "day")
    assert doc.url == "https://example.org/news/river-treaty"


def test_byline_date_is_found(write, read):
    page = f"<html><body><article><p class='byline'>Published 3 March 2024</p>" \
           f"<p>{TREATY}</p></article></body></html>"
    [doc] = read(write("byline.html", page))
    assert doc.published == "2024-03-03"


def test_copyright_year_is_not_a_publication_date(write, read):
    page = f"<html><body><article><p>{TREATY}</p></article>" \
           f"<footer>Copyright 2023 Daily Ledger</footer></body></html>"
    [doc] = read(write("undated.htm", page))
    assert doc.published is None


def test_page_without_text_is_reported(write, read):
    [problem] = read(write("empty.html", "<html><head><title>x</title></head><body></body></html>"))
    assert isinstance(problem, InputProblem)
    assert problem.reason == "no article text found"
