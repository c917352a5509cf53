import pytest

from entente.values import parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-09-12", ("2024-09-12", "day")),
        ("2024-09", ("2024-09", "month")),
        ("2018", ("2018", "year")),
        ("September 2024", ("2024-09", "month")),
        ("Sept 2024", ("2024-09", "month")),
        ("Oct. 28, 2024", ("2024-10-28", "day")),
        ("28 October 2024", ("2024-10-28", "day")),
        ("Thu, 12 Sep 2024 08:00:00 GMT", ("2024-09-12", "day")),
        ("Thu, 12 Sep 2024 23:30:00 -0500", ("2024-09-12", "day")),  # the date as written there
        ("2024-09-12T08:00:00Z", ("2024-09-12", "day")),
        ("2024-09-12 08:00:00+02:00", ("2024-09-12", "day")),
        ("2024-09-12T08:00", ("2024-09-12", "day")),
        ("  2024-09-12  ", ("2024-09-12", "day")),
        ("12 septembre 2024", ("2024-09-12", "day")),
        ("März 2023", ("2023-03", "month")),
    ],
)
def test_dates_with_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "12", "1726128000", "2024-02-30", "2024-13", "not a date at all", "\x00\x01",
     "Thu, 31 Feb 2024 00:00:00 GMT", "x" * 500, "9999-99-99T99:99"],
)
def test_garbage_gives_none(text):
    assert parse_date(text) is None


def test_relative_dates_use_the_anchor():
    assert parse_date("yesterday", relative_to="2024-09-12") == ("2024-09-11", "day")
    assert parse_date("28 October", relative_to="2023-05-10") == ("2023-10-28", "day")


def test_bad_anchor_is_the_callers_error():
    with pytest.raises(ValueError):
        parse_date("yesterday", relative_to="last week")
