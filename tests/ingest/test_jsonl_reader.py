from entente.errors import InputProblem
from entente.model import Document

from .conftest import SANCTIONS, TALKS, TREATY


def test_good_lines_are_read_and_bad_lines_reported(jsonl_file, read):
    items = read(jsonl_file)
    docs = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, InputProblem)]
    assert [doc.text for doc in docs] == [TREATY, TALKS, SANCTIONS]
    assert [doc.name for doc in docs] == ["articles.jsonl#1", "articles.jsonl#2", "articles.jsonl#6"]
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [
        (3, "malformed JSON"),
        (4, "missing 'text'"),
    ]
    assert all(p.path == str(jsonl_file) for p in problems)


def test_fields_and_dates(jsonl_file, read):
    first, second, *_, last = [i for i in read(jsonl_file) if isinstance(i, Document)]
    assert first.title == "River treaty"
    assert (first.published, first.published_precision) == ("2024-09-12", "day")
    assert second.url == "https://example.org/talks"
    assert (second.published, second.published_precision) == ("2024-09", "month")
    assert last.published is None  # a bad date is not fatal
    assert first.source_format == "jsonl"


def test_lines_that_are_not_objects_or_not_utf8(write, read):
    path = write("odd.jsonl", b'[1, 2]\n{"text": 5}\n{"text": "caf\xe9 talks"}\n')
    problems = read(path)
    assert [(p.line, p.reason) for p in problems] == [
        (1, "expected a JSON object, got list"),
        (2, "'text' must be a string, not int"),
        (3, "undecodable text (not UTF-8)"),
    ]


def test_integer_year_is_accepted(write, read):
    [doc] = read(write("y.jsonl", '{"text": "%s", "published": 2018}' % TALKS))
    assert (doc.published, doc.published_precision) == ("2018", "year")
