"""News-aware query understanding: outlet names and time expressions become filters or boosts."""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta

from rag.core.errors import InputError
from rag.core.text import MONTH_NAME, MONTHS

_MONTH_YEAR = re.compile(r"\b(?:in|during|from|of)\s+(" + MONTH_NAME + r")\s+(\d{4})\b", re.I)
# A day written out in full ("October 7, 2023"): (month, day, year).
FULL_DATE = re.compile(r"\b(" + MONTH_NAME + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_RELATIVE = re.compile(r"\b(last|past|this)\s+(week|month|year)\b", re.I)


def parse_date(value: str, name: str) -> str:
    """A user-given YYYY-MM-DD date, or a clear error naming the option."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        return datetime.strptime(value, "%Y-%m-%d").date().isoformat()
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2023-10-31") from None


def resolve_sources(requested: list[str], known: list[str]) -> list[str]:
    """Match outlet names case-insensitively against the index; unknown ones are an error listing what exists."""
    by_lower = {k.lower(): k for k in known}
    resolved, unknown = [], []
    for name in requested:
        hit = by_lower.get(name.strip().lower())
        (resolved.append(hit) if hit else unknown.append(name))
    if unknown:
        close = list(dict.fromkeys(m for name in unknown for m in close_sources(name, known)))
        if close:
            hint = f"did you mean {' or '.join(map(repr, close))}?"
        elif len(known) <= 10:
            hint = f"known sources: {', '.join(known) or '(none)'}"
        else:  # a long list helps nobody; say how to see it
            hint = f"none of the {len(known)} indexed outlets is close; `newsrag stats --json` lists them"
        raise InputError(f"source {', '.join(map(repr, unknown))} is not in the index; {hint}")
    return resolved


def close_sources(name: str, known: list[str], n: int = 5) -> list[str]:
    """Indexed outlets a mistyped or partial name probably means: close spellings, then names sharing a word."""
    wanted = name.strip().lower()
    by_lower = {k.lower(): k for k in known}
    found = difflib.get_close_matches(wanted, list(by_lower), n=n, cutoff=0.6)
    words = set(re.findall(r"\w{3,}", wanted)) - {"the", "news", "daily", "times", "post", "com", "org", "net", "www"}
    found += [k for k in by_lower if words & set(re.findall(r"\w{3,}", k)) and k not in found]
    return [by_lower[k] for k in found[:n]]


@dataclass
class QueryHints:
    """Soft signals read from the question text: boosts, never silent filters."""

    sources: list[str] = field(default_factory=list)
    since: str = ""
    until: str = ""
    days: list[str] = field(default_factory=list)  # ISO dates named in full ("published on October 12, 2023")


def mentioned_days(question: str) -> list[str]:
    days = []
    for month, day, year in FULL_DATE.findall(question):
        try:
            days.append(date(int(year), MONTHS[month.lower()], int(day)).isoformat())
        except ValueError:
            continue  # "February 30": not a day, not a hint
    return days


def mentioned_sources(question: str, known: list[str]) -> list[str]:
    """Outlets named in the question ("according to Tech Wire", "the Daily Ledger article")."""
    lowered = question.lower()
    typed_lowercase = lowered == question  # a question typed all in lower case names outlets in lower case too
    full, by_short = [], []
    for name in known:
        bare = re.sub(r"^the\s+", "", name.lower())
        if len(bare) < 3 or not re.search(r"(?<![\w])" + re.escape(bare) + r"(?![\w])", lowered):
            continue
        # a one-word name is also an ordinary word ("a tally of votes", "his bounty"): it names the outlet only
        # capitalised as the outlet spells it
        spelled = re.sub(r"^The\s+", "", name)
        # ... or with capitals of its own ("tideWIRE" for TideWire): a word no sentence would spell so
        recapitalised = re.search(r"(?<![\w])" + re.escape(bare) + r"(?![\w])", question, re.I)
        if (
            " " not in bare
            and not typed_lowercase
            and not re.search(r"(?<![\w])" + re.escape(spelled) + r"(?![\w])", question)
            and not (
                recapitalised
                and recapitalised.group(0)[:1].islower()
                and any(c.isupper() for c in recapitalised.group(0))
            )
        ):
            continue
        full.append(name)
    # the words of a name matched in full are that outlet's, not the short form of another ("Wire" in "Tech Wire")
    for name in full:
        bare = re.sub(r"^the\s+", "", name.lower())
        for m in re.finditer(r"(?<![\w])" + re.escape(bare) + r"(?![\w])", lowered):
            question = question[: m.start()] + " " * (m.end() - m.start()) + question[m.end() :]
    for name in known:
        if name in full:
            continue
        if _SECTION.search(name):
            # "Coast Times - Sports" is asked about as "Coast Times": match that part, capitalised, so the ordinary
            # words "coast" and "times" do not count
            short = outlet_short_name(name)
            if len(short) >= 3 and short_name_at(short, question):
                by_short.append(name)
    # "Bay News" for "BayNews.com", "HarbourWorld" for "Harbour World", "Tide News" for "TIDE News - Health": a
    # run of capitalised words spelling the name (or its short name) with other spaces, capitals or a ".com"
    runs = {compact_name(r) for r in _capitalised_runs(question)} - {""}
    for name in known:
        if (
            name not in full
            and name not in by_short
            and runs & {compact_name(name), compact_name(outlet_short_name(name))}
        ):
            by_short.append(name)
    # A section named in full ("Daily Ledger - Health") is that section, not every section of the outlet: the short
    # form only counts for an outlet none of whose sections the question names in full.
    named_outlets = {_outlet_of(n) for n in full}
    return [n for n in known if n in full or (n in by_short and _outlet_of(n) not in named_outlets)]


def compact_name(name: str) -> str:
    """ "BayNews.com" -> "baynews", "Harbour World" -> "harbourworld": an outlet's name however it is spaced,
    capitalised or given its web address's ending; "" for a name too short to tell apart."""
    compact = re.sub(r"[^a-z0-9]", "", re.sub(r"\.com\b|^the\s+", "", name.strip().lower()))
    return compact if len(compact) >= 5 else ""


def _capitalised_spans(text: str) -> list[tuple[int, int]]:
    """Where each run of one to four consecutive capitalised words is ("Bay News Sports", "News"), longest first."""
    words = list(re.finditer(r"(?<![\w.])[A-Z][\w.]*", text))
    spans = []
    for i in range(len(words)):
        for j in range(i, min(i + 4, len(words))):
            gap = text[words[j - 1].end() : words[j].start()] if j > i else " "
            if not re.fullmatch(r"\s+", gap):
                break
            spans.append((words[i].start(), words[j].end()))
    return sorted(spans, key=lambda s: (s[0], s[0] - s[1]))


def _capitalised_runs(text: str) -> set[str]:
    return {text[a:b] for a, b in _capitalised_spans(text)}


def compact_mentions(name: str, text: str) -> list[tuple[int, int]]:
    """Where the text writes the outlet with other spaces, capitals or without its ".com" ("Bay News" for
    "BayNews.com"; see compact_name), in order."""
    forms = {compact_name(name), compact_name(outlet_short_name(name))} - {""}
    found: list[tuple[int, int]] = []
    for a, b in _capitalised_spans(text):
        if compact_name(text[a:b]) in forms and not any(x < b and a < y for x, y in found):
            found.append((a, b))
    return found


def _outlet_of(source: str) -> str:
    """ "Daily Ledger - Health" -> "daily ledger": the outlet a sectioned source belongs to."""
    return outlet_short_name(source).lower()


# "The Daily Ledger - Health", "Coast Times | World News": an outlet's name, then a section or a strapline
_SECTION = re.compile(r"\s+[-|]\s+")


def outlet_short_name(source: str) -> str:
    """ "The Daily Ledger - Health" -> "Daily Ledger", "Coast Times | World News" -> "Coast Times": how a question names
    a sectioned or subtitled outlet, spelled as the index spells it."""
    return re.sub(r"^The\s+", "", _SECTION.split(source.strip(), maxsplit=1)[0].strip())


def short_name_at(short: str, text: str) -> re.Match[str] | None:
    """Where `text` writes an outlet's short name as the index spells it or in capitals ("WBN" for "Wbn"), never
    as an ordinary lower-case word."""
    for form in dict.fromkeys((short, short.upper())):
        m = re.search(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text)
        if m:
            return m
    return None


def time_hints(question: str, today: date | None = None) -> tuple[str, str]:
    """("since", "until") from "in October 2023" or "last week"; empty strings when the question names no time.

    Several months ("in October 2023 ... in December 2023") give the span from the first to the last of them.
    """
    months = sorted(
        (int(year), MONTHS[name.lower()])
        for name, year in _MONTH_YEAR.findall(question)
        if MINYEAR <= int(year) <= MAXYEAR
    )  # "in October 0000" is no time, not a crash
    if months:
        (first_year, first_month), (last_year, last_month) = months[0], months[-1]
        last_day = calendar.monthrange(last_year, last_month)[1]
        return date(first_year, first_month, 1).isoformat(), date(last_year, last_month, last_day).isoformat()
    m = _RELATIVE.search(question)
    if m:
        today = today or date.today()
        days = {"week": 7, "month": 31, "year": 366}[m.group(2).lower()]
        return (today - timedelta(days=days)).isoformat(), today.isoformat()
    return "", ""


# A day or a month a question names as when something was published: "on November 21", "on 21 November 2023",
# "in November", "in November 2023" (the year may be left out, as people ask about recent news).
_ON_DAY = re.compile(
    r"\bon\s+(?:(?P<month>" + MONTH_NAME + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(?:of\s+)?(?P<month2>" + MONTH_NAME + r"))(?:,?\s+(?P<year>\d{4}))?\b",
    re.I,
)
_IN_MONTH = re.compile(r"\b(?:in|during)\s+(?P<month>" + MONTH_NAME + r")(?:\s+(?P<year>\d{4}))?\b", re.I)


# A time still to come is no time asked about: "Will the Fed cut rates in March 2025?" may be answered by a plan
_AHEAD = re.compile(
    r"\b(?:will|would|shall|going\s+to|expected|scheduled|set\s+to|due\s+to|plans?|planned|forecast\w*|predict\w*)\b",
    re.I,
)


# "before January 2024", "by the end of March 2024": a bound on a past time, which any archive may answer
_BOUND_BEFORE = re.compile(
    r"\b(?:before|by|until|till|prior\s+to|ahead\s+of)\s+(?:the\s+(?:end|start|beginning)\s+(?:of\s+)?)?"
    r"(?:early\s+|mid-?\s*|late\s+)?(?:(?:in|of|on)\s+)?$",
    re.I,
)


def earliest_time_named(question: str) -> str:
    """The first ISO day of the earliest month or day the question names with its year ("in January 2024",
    "on 27 December 2023", "December 27, 2023") as when something happened; "" when it names none, asks what is
    to come, or names the time only as a bound ("before January 2024")."""
    if _AHEAD.search(question):
        return ""
    named = [(m.start(), m[2], m[1], "1") for m in _MONTH_YEAR.finditer(question)]
    named += [(m.start(), m[3], m[1], m[2]) for m in FULL_DATE.finditer(question)]
    named += [
        (m.start(), m["year"] or "", m["month"] or m["month2"], m["day"] or m["day2"])
        for m in _ON_DAY.finditer(question)
    ]
    days = []
    for start, year, month, day in named:
        if not year or not MINYEAR <= int(year) <= MAXYEAR or _BOUND_BEFORE.search(question[:start]):
            continue
        try:
            days.append(date(int(year), MONTHS[month.lower()], int(day)))
        except ValueError:
            continue  # "November 31": not a day
    return min(days).isoformat() if days else ""


def without_publication_time(text: str) -> str:
    """text without the day or month it names as a time ("about Globex on November 21" -> "about Globex")."""
    return " ".join(_IN_MONTH.sub(" ", _ON_DAY.sub(" ", text)).split())


def published_window(question: str, newest: str) -> tuple[str, str] | None:
    """(first, last) ISO day of the day or month that ends the question ("What did X report on November 21?"), or
    None. A day or month without its year is the latest one on or before `newest` (an ISO day: the newest article
    the question found), so that "on November 21" asked of an archive means the archive's last November 21, not one
    it cannot hold. A time inside the question ("reached 100 million users in March and ...") dates an event, not a
    report."""
    m = _ON_DAY.search(question)
    found = _IN_MONTH.search(question) if m is None else None
    # two days or months ("in October ... in December") may each be another outlet's: none is the question's
    if (m is None and found is None) or len(_ON_DAY.findall(question)) + len(_IN_MONTH.findall(question)) > 1:
        return None
    match = m or found
    assert match is not None
    if question[match.end() :].strip(" ?.!"):
        return None
    month = MONTHS[(match.groupdict().get("month") or match.groupdict().get("month2") or "").lower()]
    day = int(m["day"] or m["day2"]) if m else 1
    try:
        latest = date.fromisoformat(newest) if newest else date.today()
    except ValueError:
        latest = date.today()
    year = int(match["year"]) if match["year"] else latest.year
    if not match["year"] and (month, day) > (latest.month, latest.day):
        year -= 1  # asked in January about "December": last year's
    if not MINYEAR <= year <= MAXYEAR:
        return None
    try:
        first = date(year, month, day)
    except ValueError:
        return None  # "November 31": not a day
    last = first if m else date(year, month, calendar.monthrange(year, month)[1])
    return first.isoformat(), last.isoformat()


def read_hints(question: str, known_sources: list[str], today: date | None = None) -> QueryHints:
    since, until = time_hints(question, today)
    return QueryHints(
        sources=mentioned_sources(question, known_sources), since=since, until=until, days=mentioned_days(question)
    )
