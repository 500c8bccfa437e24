"""Turn date phrases into ISO dates, relative to the article's own date where needed.

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

MONTHS = {name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

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


def normalize_date(text: str, doc_date: str | None = None) -> str | None:
    """ISO date for a date phrase; relative phrases need the article date."""
    if absolute := parse_absolute(text):
        return absolute
    if not doc_date:
        return None
    try:
        anchor = dt.date.fromisoformat(doc_date[:10])
    except ValueError:
        return None
    lowered = text.lower()
    words = re.findall(r"[a-z]+", lowered)
    if words in (["today"], ["tonight"], ["this", "morning"], ["this", "evening"]):
        return anchor.isoformat()
    if words == ["yesterday"]:
        return (anchor - dt.timedelta(days=1)).isoformat()
    if words == ["tomorrow"]:
        return (anchor + dt.timedelta(days=1)).isoformat()
    weekdays = [w for w in words if w in WEEKDAYS]
    if len(weekdays) == 1 and len(words) <= 3:
        delta = (anchor.weekday() - WEEKDAYS[weekdays[0]]) % 7
        if "next" in words or "coming" in words:
            return (anchor + dt.timedelta(days=(7 - delta) % 7 or 7)).isoformat()
        return (anchor - dt.timedelta(days=delta)).isoformat()
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        m = pattern.search(lowered)
        if m and m[month_group] in MONTHS:
            return _make(anchor.year, MONTHS[m[month_group]], int(m[day_group]))
    return None
