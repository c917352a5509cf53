from datetime import date, datetime

import pytest
from hypothesis import given, settings, strategies as st

from entente.values import _from_anchored, _from_dateparser, _from_english, parse_date


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


# The fast path for English month-name dates must read them exactly as dateparser does.

_MONTH_WORDS = ["January", "Feb", "Feb.", "march", "Apr", "May", "June", "Jul.", "August",
                "Sept", "Sept.", "Sep", "October", "Nov.", "DECEMBER"]
_SHAPES = ["{m} {d}, {y}", "{m} {d} {y}", "{d} {m} {y}", "{d}th of {m} {y}", "{m} {y}",
           "{m}, {y}", "Tuesday, {m} {d}, {y}", "{m} {d}st, {y}"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_MONTH_WORDS), st.integers(1, 31), st.integers(1990, 2030), st.sampled_from(_SHAPES))
def test_english_fast_path_agrees_with_dateparser(month, day, year, shape):
    text = shape.format(m=month, d=day, y=year)
    fast = _from_english(text)
    if fast is not None:  # where the fast path reads a date, dateparser reads the same one
        assert fast == _from_dateparser(text, None, False), text


def test_english_fast_path_leaves_the_rest_to_dateparser():
    assert _from_english("last week") is None
    assert _from_english("Mayday 2024") is None
    assert _from_english("Feb 30, 2024") is None  # no such day
    assert parse_date("Feb. 3, 2021") == ("2021-02-03", "day")


_ANCHORED_SHAPES = ["{m} {d}", "{d} {m}", "{m}", "{w}", "{m} {d}th"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_MONTH_WORDS), st.integers(1, 31), st.sampled_from(_ANCHORED_SHAPES),
       st.sampled_from(["Monday", "Tue", "wednesday", "Thursday", "Fri.", "Saturday", "Sun"]),
       st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
def test_anchored_fast_path_agrees_with_dateparser(month, day, shape, weekday, anchor):
    text = shape.format(m=month, d=day, w=weekday)
    base = datetime(anchor.year, anchor.month, anchor.day)
    fast = _from_anchored(text, base)
    if fast is not None:  # a weekday, or a month (and day) read in the anchor's year
        assert fast == _from_dateparser(text, base, False), (text, anchor)


def test_weekdays_are_the_latest_on_or_before_the_anchor():
    assert parse_date("Friday", relative_to="2024-01-19") == ("2024-01-19", "day")  # a Friday
    assert parse_date("Friday", relative_to="2024-01-17") == ("2024-01-12", "day")
    assert parse_date("Jan. 4", relative_to="2024-01-19") == ("2024-01-04", "day")


def test_calendar_dates_only():
    from entente.values import parse_calendar_date
    assert parse_calendar_date("March 2019") == ("2019-03", "month")
    assert parse_calendar_date("June 24", relative_to="2023-10-10") == ("2023-06-24", "day")
    assert parse_calendar_date("2020") == ("2020", "year")
    for relative in ("Tuesday", "last week", "two days later", "yesterday"):
        assert parse_calendar_date(relative, relative_to="2023-10-10") is None
