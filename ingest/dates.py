"""Publication dates in any common written form -> ("YYYY-MM-DD", epoch seconds of 00:00 UTC that day), and the
instant itself when a time of day is written (two reports of one day are ordered by it)."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _dateparser

# Two different defaults: a field dateutil filled in from the default (not from the text) differs between them,
# which is how an incomplete date such as "Feb 2023" is told apart from a full one.
_DEFAULT_A = dt.datetime(2000, 1, 1)
_DEFAULT_B = dt.datetime(2001, 2, 2)
_NONE_WORDS = {"", "none", "null", "nan", "n/a", "na", "unknown", "-"}
# PDF metadata dates: D:YYYYMMDDHHmmSS+HH'mm'
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
_EPOCH_DIGITS = re.compile(r"^\d{9,13}$")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _from_date(d: dt.date) -> tuple[str, int]:
    if not _MIN_YEAR <= d.year <= _MAX_YEAR:
        return "", 0
    midnight = dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
    return d.isoformat(), int(midnight.timestamp())


def _from_epoch(seconds: float) -> tuple[str, int]:
    try:
        return _from_date(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
    except (OverflowError, OSError, ValueError):
        return "", 0


def normalize_date(value: str | dt.date | float | None) -> tuple[str, int]:
    """Return ("YYYY-MM-DD", epoch of that day's 00:00 UTC), or ("", 0) when `value` is empty or not a full date.

    The calendar date is taken as written ("2023-11-24T23:10:22-05:00" -> 2023-11-24), not shifted to UTC: it is
    the date the article carries. Accepts ISO 8601 (with nanoseconds), RFC 822, "February 19, 2023", PDF
    "D:20230219..." dates, datetime/date objects and epoch seconds (numbers or 9-13 digit strings, ms if 13).
    Dates without a day or year ("Feb 2023") give ("", 0) rather than a guessed day. Never raises.
    """
    if value is None or isinstance(value, bool):
        return "", 0
    if isinstance(value, dt.datetime):
        return _from_date(value.date())
    if isinstance(value, dt.date):
        return _from_date(value)
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return "", 0
    text = value.strip()
    if text.lower() in _NONE_WORDS or len(text) > 100:  # long strings are prose, not dates
        return "", 0
    if _EPOCH_DIGITS.match(text):
        number = int(text)
        return _from_epoch(number / 1000 if len(text) == 13 else number)
    pdf = _PDF_DATE.match(text)
    if pdf:
        try:
            return _from_date(dt.date(int(pdf[1]), int(pdf[2]), int(pdf[3])))
        except ValueError:
            return "", 0
    try:
        a = _dateparser.parse(text, default=_DEFAULT_A)
        b = _dateparser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError):  # dateutil's ParserError is a ValueError
        return "", 0
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return "", 0  # part of the date came from the default, not the text
    return _from_date(a.date())


# Two defaults that differ in every time field: a time dateutil took from the text is the same under both.
_TIME_A = dt.datetime(2000, 1, 1, 0, 0, 0)
_TIME_B = dt.datetime(2000, 1, 1, 13, 31, 31)


def published_instant(value: str | dt.date | float | None) -> int:
    """Epoch seconds of the moment `value` names when it gives a full date and a time of day (a time without a zone
    is read as UTC), else 0. Never raises."""
    if not normalize_date(value)[0]:
        return 0
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    elif isinstance(value, str) and _EPOCH_DIGITS.match(value.strip()):
        number = int(value.strip())
        return number // 1000 if len(value.strip()) == 13 else number
    elif isinstance(value, str) and not _PDF_DATE.match(value.strip()):
        try:
            a = _dateparser.parse(value.strip(), default=_TIME_A)
            b = _dateparser.parse(value.strip(), default=_TIME_B)
        except (ValueError, OverflowError, TypeError):
            return 0
        if (a.hour, a.minute) != (b.hour, b.minute):
            return 0  # no time of day written
        moment = a
    else:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        return int(moment.timestamp())
    except (OverflowError, OSError, ValueError):
        return 0
