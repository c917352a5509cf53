from entente.errors import InputProblem
from entente.ingest.text import split_header
from entente.model import Document

from .conftest import FRENCH, GERMAN, TREATY


def test_headers_give_title_date_and_url(text_file, read):
    [doc] = read(text_file)
    assert isinstance(doc, Document)
    assert doc.text == TREATY
    assert doc.title == "Ministers agree on river treaty"
    assert (doc.published, doc.published_precision) == ("2024-09-12", "day")
    assert doc.url == "https://example.org/news/river-treaty"
    assert doc.doc_id == Document.make_id(TREATY)
    assert (doc.name, doc.source_format, doc.language) == ("treaty.txt", "text", "en")
    assert doc.source_path == str(text_file)


def test_file_without_header_is_all_body(write, read):
    [doc] = read(write("plain.md", f"{TREATY}\n\nA second paragraph follows here.\n"))
    assert doc.text.startswith(TREATY)
    assert doc.title is None and doc.published is None


def test_header_lines_need_a_closing_blank_line():
    text = "Title: Ministers meet\nThe ministers met on Monday."
    assert split_header(text) == ({}, text)


def test_month_only_date_keeps_month_precision(write, read):
    [doc] = read(write("a.txt", f"Date: September 2024\n\n{TREATY}"))
    assert (doc.published, doc.published_precision) == ("2024-09", "month")


def test_bad_date_keeps_the_document(write, read):
    [doc] = read(write("a.txt", f"Date: the day after the summit\n\n{TREATY}"))
    assert doc.text == TREATY and doc.published is None and doc.published_precision is None


def test_utf8_bom_and_crlf_give_the_same_document(write, read):
    [plain] = read(write("a.txt", TREATY))
    [marked] = read(write("b.txt", b"\xef\xbb\xbf" + TREATY.encode()))
    assert plain.doc_id == marked.doc_id
    [crlf] = read(write("c.txt", f"Title: T\r\n\r\n{TREATY}\r\n"))
    assert crlf.text == TREATY


def test_cp1252_text_is_decoded(write, read):
    [doc] = read(write("vieux.txt", FRENCH.encode("cp1252")))
    assert doc.text == FRENCH
    assert doc.language == "fr"


def test_german_text_gets_its_language(write, read):
    [doc] = read(write("de.txt", GERMAN))
    assert doc.language == "de"


def test_undecodable_bytes_are_reported(write, read):
    [problem] = read(write("noise.txt", bytes(range(128, 256)) * 4))
    assert problem == InputProblem(problem.path, "undecodable text (not UTF-8)")


def test_header_without_body_is_reported(write, read):
    [problem] = read(write("a.txt", "Title: Nothing follows\n\n   \n"))
    assert isinstance(problem, InputProblem) and "no text" in problem.reason
