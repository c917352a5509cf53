"""Clean values in one place: dates with their precision.

Every date entente stores passes through `parse_date`, so "September 2024" is kept as
("2024-09", "month") and never turned into a made-up first of the month.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_tz
from functools import lru_cache

MAX_DATE_CHARS = 100  # longer strings are sentences, not dates; dateparser gets slow on them

_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
_RFC822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\b.*")

# English dates with a month by name and a year ("Oct. 28, 2024", "28 October 2024",
# "September 2024"): news states most dates so, and reading them here spares dateparser,
# the slowest step of extraction. Anything else still goes to dateparser.
_MONTH_FORMS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
                ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
                ("october", "oct"), ("november", "nov"), ("december", "dec")]
_MONTHS = {name: number for number, names in enumerate(_MONTH_FORMS, start=1) for name in names}
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_ENGLISH_DATES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    _WEEKDAY + r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})" + _ORDINAL + r",?\s+(?P<year>\d{4})",
    _WEEKDAY + r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
    r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})",
)]

# With an anchor date: a weekday is the latest such day on or before it, and a month (with
# or without its day) is in the anchor's year: as dateparser reads them, only faster.
_WEEKDAY_FORMS = [("monday", "mon"), ("tuesday", "tue"), ("wednesday", "wed"), ("thursday", "thu"),
                  ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]
_WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_FORMS) for name in names}
# The full names of the days and months, for readers that need no date from them (the parse
# repairs: "On Sunday Azerbaijan agreed…")
DAY_AND_MONTH_NAMES = frozenset(names[0] for names in _WEEKDAY_FORMS + _MONTH_FORMS)
# (and the months' short forms: "On Sept. 7 Venezuela revoked…")
MONTH_WORDS = frozenset(_MONTHS) | {name + "." for name in _MONTHS}
_ANCHORED_DATES = [re.compile(pattern, re.IGNORECASE) for pattern in (
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})" + _ORDINAL,
    r"(?P<day>\d{1,2})" + _ORDINAL + r"\s+(?:of\s+)?(?P<month>[a-z]+)\.?",
    r"(?P<month>[a-z]+)",
)]

# A span of time is no date: "four days", "twenty years", "more than a year" (dateparser
# would read them as that long ago).
_DURATION = re.compile(
    r"(?:(?:about|almost|nearly|more than|over|some|at least|the past|the last|the next|the coming)\s+)*"
    r"(?:(?:a|an|a few|few|several|many|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|fifty|a hundred)\s+)?(?:day|week|month|year|decade)s?",
    re.IGNORECASE)

# dateparser's own guess of how much the text says ("period"), mapped to our precisions.
_PERIODS = {"year": "year", "month": "month"}
_FIRST_OF = {"year": "-01-01", "month": "-01", "day": ""}


def parse_date(text: str, relative_to: str | None = None,
               any_language: bool = True) -> tuple[str, str] | None:
    """Return (ISO date, precision) for a date written any common way, or None.

    Precision is "day", "month" or "year": only what the text states is kept.
    `relative_to` (an ISO date) anchors relative or year-less dates such as
    "yesterday" or "28 October"; without it they are read relative to today.
    Never raises on bad `text`; a bad `relative_to` is the caller's error (ValueError).
    """
    base = _anchor(relative_to)
    if not isinstance(text, str):
        return None
    text = text.strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    if _ISO.fullmatch(text):
        return _from_iso(text)
    if text.isdigit():
        return None  # "12" or "20" is a day, a month or noise: too ambiguous to guess
    if _RFC822.fullmatch(text):
        found = _from_rfc822(text)
        if found:
            return found
    if _DURATION.fullmatch(text):
        return None
    return _from_english(text) or _from_anchored(text, base) or _from_dateparser(text, base, any_language)


def parse_calendar_date(text: str, relative_to: str | None = None) -> tuple[str, str] | None:
    """A date named on the calendar ("March 2019", "Jan. 12, 2020", "2020", or "June 24" in
    the year of `relative_to`), as (ISO date, precision); None for dates told relative to the
    writing ("last week", "Tuesday", "two days later") and anything else."""
    text = text.strip() if isinstance(text, str) else ""
    if _ISO.fullmatch(text):
        return _from_iso(text)
    if text.lower().rstrip(".") in _WEEKDAYS:
        return None
    return _from_english(text) or _from_anchored(text, _anchor(relative_to))


def _from_english(text: str) -> tuple[str, str] | None:
    return _month_date(_ENGLISH_DATES, text)


def _from_anchored(text: str, base: datetime | None) -> tuple[str, str] | None:
    if base is None:
        return None
    weekday = _WEEKDAYS.get(text.lower().rstrip("."))
    if weekday is not None:
        return (base.date() - timedelta(days=(base.weekday() - weekday) % 7)).isoformat(), "day"
    return _month_date(_ANCHORED_DATES, text, base.year)


def _month_date(patterns: list[re.Pattern], text: str, year: int | None = None) -> tuple[str, str] | None:
    """The first pattern that reads a month by name (and maybe a day and a year) in `text`;
    `year` for patterns without one."""
    for pattern in patterns:
        match = pattern.fullmatch(text)
        if match and match["month"].lower() in _MONTHS:
            day = match.groupdict().get("day")
            return _checked(year or int(match["year"]), _MONTHS[match["month"].lower()], day and int(day))
    return None


def _anchor(relative_to: str | None) -> datetime | None:
    if relative_to is None:
        return None
    iso = relative_to.strip()
    found = _from_iso(iso) if _ISO.fullmatch(iso) else None
    if found is None:
        raise ValueError(f"relative_to must be an ISO date, got {relative_to!r}")
    text, precision = found
    return datetime.fromisoformat(text + _FIRST_OF[precision])


def _from_iso(text: str) -> tuple[str, str] | None:
    """The fast path: ISO dates and datetimes need no guessing."""
    match = _ISO.fullmatch(text)
    year, month, day = match.group("year", "month", "day")
    return _checked(int(year), month and int(month), day and int(day))


def _checked(year: int, month: int | None, day: int | None) -> tuple[str, str] | None:
    """Format a date at the precision given, or None if it is not a real date."""
    try:
        real = date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day:
        return real.isoformat(), "day"
    if month:
        return real.isoformat()[:7], "month"
    return real.isoformat()[:4], "year"


def _from_rfc822(text: str) -> tuple[str, str] | None:
    """Feed dates ("Tue, 10 Sep 2024 08:00:00 GMT"), read in their own time zone."""
    parts = parsedate_tz(text)
    if parts is None:
        return None
    return _checked(parts[0], parts[1], parts[2])


def _from_dateparser(text: str, base: datetime | None, any_language: bool) -> tuple[str, str] | None:
    # English first (fast); then any language, for a foreign page's "12 septembre 2024".
    found = _dateparser_data(text, base, True)
    if found is None and any_language:
        found = _dateparser_data(text, base, False)
    if found is None:
        return None
    when = found.date_obj
    precision = _PERIODS.get(found.period, "day")
    return _checked(when.year, when.month if precision != "year" else None,
                    when.day if precision == "day" else None)


def _dateparser_data(text: str, base: datetime | None, english: bool):
    try:
        found = _parser(base, english).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; garbage means "no date"
        return None
    return found if found is not None and found.date_obj is not None else None


@lru_cache(maxsize=16)
def _parser(base: datetime | None, english: bool = True):
    """One dateparser per anchor date; imported late because loading it takes a moment."""
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": False,
        # No "timestamp" parser: a bare number is not a date we want to guess at.
        "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    # English only: extraction reads English text, and detecting the language of every date
    # string made dateparser the slowest part of extraction.
    return DateDataParser(languages=["en"] if english else None, settings=settings)
