"""Dates, in one place: the month and weekday tables, date phrases in sentences, datelines and metadata dates.

:func:`normalize_date` reads a date phrase of a sentence, relative to the article's own date where
needed (extraction); :func:`parse_dateline`, :func:`find_dateline` and :func:`metadata_date` find an
article's own date in its text or metadata (reading).

>>> normalize_date("October 15, 2024")
'2024-10-15'
>>> normalize_date("on Tuesday", "2024-10-17")
'2024-10-15'
>>> normalize_date("less than a month", "2024-10-17") is None
True
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Every weekday name and abbreviation -> 0 (Monday) .. 6; relative phrases read only the full names.
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
        )
    )
    for name in names
}

DATELINE_SCAN_LINES = 30  # a dateline sits near the top of an article
DATELINE_MAX_CHARS = 80

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?,? (\d{4})\b")
_MONTH_DAY = re.compile(r"\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\b")


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_absolute(text: str) -> str | None:
    """An explicit calendar date in ``text``, as ISO, or None."""
    lowered = text.lower()
    if m := _ISO.search(lowered):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if (m := _MONTH_DAY_YEAR.search(lowered)) and m[1] in MONTHS:
        return _make(int(m[3]), MONTHS[m[1]], int(m[2]))
    if (m := _DAY_MONTH_YEAR.search(lowered)) and m[2] in MONTHS:
        return _make(int(m[3]), MONTHS[m[2]], int(m[1]))
    return None


def normalize_date(text: str, doc_date: str | None = None, future: bool = False) -> str | None:
    """ISO date for a date phrase; relative phrases need the article date.

    The answer is as precise as the phrase: a day (``YYYY-MM-DD``), a month (``YYYY-MM``) or a year
    (``YYYY``). A phrase without its year or week ("on Monday", "on March 3", "in May") is read in the
    past of the article, or in its future with ``future`` (a planned meeting: "will meet on Monday").

    >>> normalize_date("on Monday", "2024-05-10"), normalize_date("on Monday", "2024-05-10", future=True)
    ('2024-05-06', '2024-05-13')
    >>> normalize_date("last week", "2024-05-17"), normalize_date("last week", "2024-05-10")
    ('2024-05', '2024')
    >>> normalize_date("earlier this month", "2024-05-10"), normalize_date("next Tuesday", "2024-05-10")
    ('2024-05', '2024-05-14')
    >>> normalize_date("on December 30", "2025-01-03"), normalize_date("in May 2023"), normalize_date("in 2023")
    ('2024-12-30', '2023-05', '2023')
    """
    if absolute := parse_absolute(text):
        return absolute
    lowered = text.lower()
    words = re.findall(r"[a-z]+|\d+", lowered)
    if (m := _MONTH_YEAR.search(lowered)) and m[1] in MONTHS and not _MONTH_DAY.search(lowered.replace(m[2], "")):
        return f"{int(m[2]):04d}-{MONTHS[m[1]]:02d}"
    if len(words) <= 2 and words and re.fullmatch(r"(1[89]|20)\d\d", words[-1]) and words[0] in ("in", words[-1]):
        return words[-1]
    if not doc_date:
        return None
    try:
        anchor = dt.date.fromisoformat(doc_date[:10])
    except ValueError:
        return None
    if words in (["today"], ["tonight"], ["this", "morning"], ["this", "evening"], ["this", "afternoon"]):
        return anchor.isoformat()
    if words in (["yesterday"], ["last", "night"]):
        return (anchor - dt.timedelta(days=1)).isoformat()
    if words == ["tomorrow"]:
        return (anchor + dt.timedelta(days=1)).isoformat()
    weekdays = [w for w in words if w in WEEKDAYS and w.endswith("day")]  # full names only, not "sun"
    if len(weekdays) == 1 and len(words) <= 3:
        return _weekday(anchor, WEEKDAYS[weekdays[0]], words, future)
    if coarse := _relative_period(words, anchor):
        return coarse
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = pattern.search(lowered)
        if m and m[month_group] in MONTHS:
            return _nearest_year(anchor, MONTHS[m[month_group]], int(m[day_group]), future)
    month = [w for w in words if w in MONTHS and len(w) > 3 or w == "may"]
    if len(month) == 1 and len(words) <= 3 and words[0] in ("in", "since", "during", month[0]):
        number = MONTHS[month[0]]
        year = anchor.year + (1 if future and number < anchor.month else 0) - (
            1 if not future and number > anchor.month else 0)
        return f"{year:04d}-{number:02d}"
    return None


_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?,? (\d{4})\b")


def _weekday(anchor: dt.date, weekday: int, words: list[str], future: bool) -> str:
    """"Monday", "last Monday", "next Monday": the nearest one in the past, or in the future when planned."""
    back = (anchor.weekday() - weekday) % 7
    if "next" in words or "coming" in words or (future and "last" not in words):
        return (anchor + dt.timedelta(days=(7 - back) % 7 or 7)).isoformat()
    if "last" in words and back == 0:
        back = 7
    return (anchor - dt.timedelta(days=back)).isoformat()


def _span(first: dt.date, last: dt.date) -> str | None:
    """The coarsest sure form of a span of days: its month, its year, or nothing."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None


def _relative_period(words: list[str], anchor: dt.date) -> str | None:
    """"last week", "this week", "next week", "earlier this month", "last month", "next month", "this year"..."""
    phrase = " ".join(w for w in words if w not in ("on", "in", "during", "the", "of"))
    monday = anchor - dt.timedelta(days=anchor.weekday())
    weeks = {"last week": -1, "earlier this week": 0, "this week": 0, "later this week": 0, "next week": 1}
    if phrase in weeks:
        start = monday + dt.timedelta(weeks=weeks[phrase])
        first, last = start, start + dt.timedelta(days=6)
        if phrase == "earlier this week":
            last = anchor
        return _span(first, last)
    if phrase in ("this month", "earlier this month", "later this month", "early this month"):
        return f"{anchor.year:04d}-{anchor.month:02d}"
    if phrase in ("last month", "next month"):
        month = anchor.month + (-1 if phrase == "last month" else 1)
        year = anchor.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    if phrase in ("this year", "earlier this year", "later this year"):
        return f"{anchor.year:04d}"
    if phrase in ("last year", "next year"):
        return f"{anchor.year + (-1 if phrase == 'last year' else 1):04d}"
    return None


def _nearest_year(anchor: dt.date, month: int, day: int, future: bool) -> str | None:
    """A day without its year: in the article's year, unless that puts a past meeting after the article (or a
    planned one before it) by more than a week; then the year before (after)."""
    date = _make(anchor.year, month, day)
    if date is None:
        return None
    when = dt.date.fromisoformat(date)
    if not future and when - anchor > dt.timedelta(days=7):
        return _make(anchor.year - 1, month, day)
    if future and anchor - when > dt.timedelta(days=7):
        return _make(anchor.year + 1, month, day)
    return date


# ---------------------------------------------------------------- datelines and metadata dates (reader)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = (
    r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",  # 2024-10-15
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",  # 14 November 2024
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",  # October 15, 2024
)
# What may surround the date on a dateline: a label before, a time and zone after.
_LABEL = r"(?:(?:published|updated|posted|last\s+updated|date)(?:\s+on)?\s*:?\s*)?"
_ZONE = r"(?:\s*[A-Z]{2,5}|\s*[+-]\d{2}:?\d{2}|Z)?"
_TIME = r"(?:[\s,|T-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?" + _ZONE + r")?"
DATELINE_PATTERNS = tuple(
    re.compile(r"^\s*" + _LABEL + _WEEKDAY + form + _TIME + r"\s*$", re.IGNORECASE) for form in _DATE_FORMS
)


def parse_dateline(line: str) -> str | None:
    """ISO date of a line that is (mostly) just a date, else None.

    >>> parse_dateline("Thursday 14 November 2024 05:47 GMT")
    '2024-11-14'
    >>> parse_dateline("October 15, 2024")
    '2024-10-15'
    >>> parse_dateline("The talks of October 15, 2024 failed.") is None
    True
    """
    if len(line) > DATELINE_MAX_CHARS:
        return None
    for pattern in DATELINE_PATTERNS:
        match = pattern.match(line)
        if match:
            return _iso(match)
    return None


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    year, day = int(groups["year"]), int(groups["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1000 <= year <= 2999):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def metadata_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` from a metadata date value, else None.

    >>> metadata_date("2024-10-15T08:00:00Z"), metadata_date("15 Oct 2024"), metadata_date(3)
    ('2024-10-15', '2024-10-15', None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return parse_dateline("-".join(iso.groups()))
    return parse_dateline(text)


def find_dateline(text: str) -> str | None:
    """ISO date of the first dateline near the top of ``text``.

    >>> find_dateline("Headline\\nBy A. Writer\\n2024-10-15\\nBody text.")
    '2024-10-15'
    """
    for line in text.split("\n")[:DATELINE_SCAN_LINES]:
        date = parse_dateline(line)
        if date:
            return date
    return None
