"""News-aware query reading: outlets, times and days named in a question; user filters validated."""

from __future__ import annotations

from datetime import date

import pytest

from rag.core.errors import NewsragError
from rag.core.types import Filters
from rag.keyword import _match_expression, query_terms
from rag.query import mentioned_days, mentioned_sources, parse_date, resolve_sources, time_hints

KNOWN = ["TechCrunch", "The Verge", "Sporting News", "The Independent - Life and Style", "CBSSports.com"]


def test_outlets_named_in_a_question():
    q = "Does the TechCrunch article agree with The Verge and the report from The Independent?"
    assert mentioned_sources(q, KNOWN) == ["TechCrunch", "The Verge", "The Independent - Life and Style"]
    assert mentioned_sources("an independent review of sporting events", KNOWN) == []
    assert mentioned_sources("according to techcrunch", KNOWN) == ["TechCrunch"]


def test_a_one_word_outlet_is_named_only_as_the_outlet_spells_it():
    known = ["The Tally", "Bounty", "Daily Ledger"]
    # "a tally of votes", "his bounty": ordinary words, not the outlets
    assert mentioned_sources("Did the Daily Ledger give a tally of votes and his bounty?", known) == ["Daily Ledger"]
    assert mentioned_sources("Did The Tally and Bounty report it?", known) == ["The Tally", "Bounty"]
    # a question typed all in lower case still names them
    assert mentioned_sources("what did bounty report", known) == ["Bounty"]


def test_a_section_named_in_full_is_only_that_section():
    sections = ["FOX News - Entertainment", "FOX News - Health", "FOX News - Lifestyle", "TechCrunch"]
    # the short form reaches every section; the full name reaches one (it used to pick the first section listed)
    assert mentioned_sources("What did FOX News report?", sections) == sections[:3]
    assert mentioned_sources("Does the 'FOX News - Health' article say X?", sections) == ["FOX News - Health"]
    two = "Does the FOX News - Health article agree with the FOX News - Lifestyle one?"
    assert mentioned_sources(two, sections) == ["FOX News - Health", "FOX News - Lifestyle"]


def test_times_and_days_named_in_a_question():
    assert time_hints("What happened in October 2023?") == ("2023-10-01", "2023-10-31")
    # two months named: the span covers both, whichever comes first in the question
    assert time_hints("the report in December 2023 and the one in October 2023") == ("2023-10-01", "2023-12-31")
    assert time_hints("news from last week", today=date(2023, 11, 20)) == ("2023-11-13", "2023-11-20")
    assert time_hints("What did Keane say?") == ("", "")
    assert time_hints("What happened in October 0000?") == ("", "")  # no such year: no hint, no crash
    assert mentioned_days("published on October 12, 2023, and on December 6th, 2023") == ["2023-10-12", "2023-12-06"]
    assert mentioned_days("on February 30, 2023") == []


def test_user_filters_are_validated():
    assert parse_date(" 2023-02-19 ", "since") == "2023-02-19"
    with pytest.raises(NewsragError, match="since: '19.02.2023' is not a date; use YYYY-MM-DD"):
        parse_date("19.02.2023", "since")
    assert resolve_sources(["the verge"], KNOWN) == ["The Verge"]
    with pytest.raises(NewsragError, match="'Daily Planet' is not in the index; known sources: TechCrunch"):
        resolve_sources(["Daily Planet"], KNOWN)
    lo, hi = Filters(since="2023-02-19", until="2023-02-19").ts_range()
    assert hi - lo == 86399


def test_keyword_query_drops_stopwords_and_cannot_inject_fts_syntax():
    assert query_terms("What did Keane say about Beijing?") == ["keane", "say", "beijing"]
    expression = _match_expression(query_terms('NEAR("a" b) OR x* AND -y "quoted'))
    assert expression.startswith('"near"') and all(part.startswith('"') for part in expression.split(" OR "))
