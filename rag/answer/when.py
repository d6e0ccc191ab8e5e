"""When, asked with no outlet named: the day a passage says the event happened, from a sentence that states it.

"When was Mara Lind fired?" is read as the claim "Mara Lind fired", judged as a bare "did it happen?" is
(`judge(..., happened=True)`), sentence by sentence. A stating sentence dates the event by what it says: a full date
("October 7, 2023"), a day and month ("Oct. 7", the year taken from the article's own date), a weekday ("late
Friday": the last Friday on or before the article's date) or "yesterday" / "today"; a sentence that gives none but
names one earlier year ("last year", "in 2019") gives that year; a sentence that gives neither only says it had
happened by the article's date. The earliest day stated leads, cited; other days the reports give are
shown beside it, so a disagreement is seen, not hidden. No stating sentence: the question gets the quotes.

"Was Mara Lind fired in November?" is read the same way, and the day found is set against the time asked: a day said
inside it is a Yes, days or years said only outside it a No; a report's date alone decides nothing ("has raised rates
this year", reported in October, does not say that the bank did not raise them in November).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from rag.answer.compose import UNSETTLED, Citations, earlier_year_said, outlet_of, quoted
from rag.answer.parts import Window, sentences_of
from rag.answer.reading import FRAMED_BY_SOURCE, as_passive
from rag.answer.stated import MAX_WORDS, Statement, more_than_one_clause, stating
from rag.answer.verdicts import judge
from rag.core.text import DAY_OF_MONTH, MOMENT, MONTH_NAME, MONTHS, NAME_PHRASE, holds_number, same_event_words
from rag.core.types import Answer, Hit, Part
from rag.query import published_window
from rag.verify.lexical import analyse, plain_words

_WHEN_OR_WHY = re.compile(
    r"^\W*(?P<wh>when|why)\s+(?P<aux>did|does|do|was|were|is|are|has|have|had)\s+(?P<rest>[^?]+?)\s*\??\s*$", re.I
)
ROLLBACK_AFTER_DAYS = 92
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# "the second Monday in October", "every Friday": a rule of the calendar ("last Friday" is a day)
_RECURRING_BEFORE = re.compile(r"\bthe\s+(?:first|second|third|fourth|fifth|last)\s+$|\b(?:every|each|other)\s+$", re.I)


def _a_day_said(sentence: str, weekday: re.Match[str]) -> bool:
    """The weekday names a day: not a rule of the calendar, nor part of a name a capital before it opens ("Good
    Friday", "“Harbour Friday 2”"; a capital opening the sentence is the sentence's: "Last Friday, ...")."""
    before = sentence[: weekday.start()]
    if _RECURRING_BEFORE.search(before):
        return False
    words = before.split()
    return not (len(words) >= 2 and words[-1].lstrip("\"“‘'(")[:1].isupper())


# "today's networks" is nowadays, not a day
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|earlier today)\b(?![’']s\b)", re.I)


_HAPPEN = re.compile(r"\s+(?:happen|occur|take\s+place)\s*$", re.I)


def read_when(question: str) -> str | None:
    """The claim a bare "when ...?" question dates ("When was Mara Lind fired?" -> "Mara Lind fired"), or None."""
    m = _WHEN_OR_WHY.match(question.strip())
    return read_asked_event(question) if m and m.group("wh").lower() == "when" else None


def read_asked_event(question: str) -> str | None:
    """The event a bare "when ...?" or "why ...?" question asks about, as a claim ("Why was Mara Lind fired?" ->
    "fired Mara Lind"), or None."""
    q = question.strip()
    m = _WHEN_OR_WHY.match(q)
    if not m or len(q.split()) > MAX_WORDS or more_than_one_clause(m.group("rest")):
        return None
    # "When did the harbour strike happen?": the event is what is named; "happen" is said of it in no report
    rest = _HAPPEN.sub("", m.group("rest")) or m.group("rest")
    # "When did Mara Lind get fired?" asks when she was fired
    passive = as_passive(rest)
    done_to = passive != rest or m.group("aux").lower() in ("was", "were", "is", "are")
    rest = passive.replace(" was ", " ", 1) if passive != rest else rest
    doer = re.match(rf"(?:the\s+)?{NAME_PHRASE.pattern}\s+", rest)
    # (a name that only starts the one done to, "Tide Works' finance chief arrested", or the first of two, is left
    # where it stands)
    after_doer = rest[doer.end() :] if doer else ""
    # ("When is Globex airing its last show?" is its own deed: "is" before an -ing form is no passive)
    if done_to and doer and after_doer[:1].islower() and not re.match(r"(?:(?:and|or)\s|\w+ing\b)", after_doer):
        # "When was Mara Lind fired?": she is what was done to, so the claim puts her after the verb ("fired Mara
        # Lind") and "Globex fired Mara Lind" states it
        after = rest[doer.end() :].split()
        return " ".join([after[0], rest[: doer.end()].strip(), *after[1:]])
    return rest


def _published(hit: Hit) -> date | None:
    try:
        return date.fromisoformat(hit.article.published_at[:10])
    except ValueError:
        return None


@dataclass
class Dated:
    window: Window
    claim: str  # as the sentence states it (`Statement.claim`)
    day: date  # the event's day, or the article's when the sentence gives none
    said: str  # the words that date it ("late Friday", "Oct. 7"), "" when only the article's date does
    year: int = 0  # with no day said, the one earlier year the sentence names ("last year", "in 2019"), else 0
    year_said: str = ""

    @property
    def exact(self) -> bool:
        return bool(self.said)


_POSTED = re.compile(r"\(@\w+\)\s*$")
_AGO = re.compile(r"\bago\s*$", re.I)


def _day_said(m: re.Match[str], published: date) -> date | None:
    """The day a day-and-month match names, its year taken from the article's date when it gives none."""
    month = MONTHS[(m.group("month") or m.group("month2")).lower().rstrip(".")]
    day = int(m.group("day") or m.group("day2"))
    year = int(m.group("year")) if m.group("year") else published.year
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    # "Dec. 30" in an article of January 2 is last year's; "Nov. 6" in one of September 28 is this year's (the
    # article was updated later, or looks ahead)
    if not m.group("year") and found > published + timedelta(days=ROLLBACK_AFTER_DAYS):
        found = found.replace(year=year - 1)
    return found


# A page naming this many days after its own date has been updated since (a live page, an explainer kept up to
# date): its date does not say when it first said something. One or two later days are a look ahead ("the trial
# opens Oct. 3").
UPDATED_WHEN_NAMING = 3


@lru_cache(maxsize=256)  # one answer asks it of the same page for each of its windows and in each sort
def updated_until(text: str, published_at: str) -> date | None:
    """The last of the days a page names after its own date when it names UPDATED_WHEN_NAMING or more, else None."""
    try:
        published = date.fromisoformat(published_at[:10])
    except ValueError:
        return None
    later = {
        day
        for m in DAY_OF_MONTH.finditer(text)
        if (day := _day_said(m, published)) is not None and day > published + timedelta(days=1)
    }
    return max(later) if len(later) >= UPDATED_WHEN_NAMING else None


# "Globex's report published on 3 November": a day a participle gives to the thing before it, not to the sentence's
# event ("was published on 3 November" is the sentence's own)
_DATES_A_THING = re.compile(
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )\b(?P<verb>[a-z]+ed)\s+(?:on\s+)?$"
)


def _dates_another_thing(sentence: str, day: re.Match[str], claim: str) -> bool:
    m = _DATES_A_THING.search(sentence, 0, day.start())
    return m is not None and not analyse(m.group("verb"))[0] & analyse(claim)[0]


def event_day(sentence: str, published: date, claim: str = "") -> tuple[date, str]:
    """(the day the sentence dates its event to, the words that say it); (published, "") when it says none. With the
    claim, a day said of another thing ("the report published on 3 November") is not its day."""
    # an embedded post's signature ("— Mara Lind (@maralind) November 30, 2023") dates the post, not what it tells
    m = next(
        (
            d
            for d in DAY_OF_MONTH.finditer(sentence)
            if not _POSTED.search(sentence, 0, d.start()) and not (claim and _dates_another_thing(sentence, d, claim))
        ),
        None,
    )
    found = _day_said(m, published) if m else None
    if m and found is not None:
        return found, m.group(0)
    # "a year ago tonight" is not tonight
    m = next((d for d in _RELATIVE_DAY.finditer(sentence) if not _AGO.search(sentence, 0, d.start())), None)
    if m:
        return published - timedelta(days=1 if m.group(1).lower() == "yesterday" else 0), m.group(0)
    m = next((d for d in _WEEKDAY.finditer(sentence) if _a_day_said(sentence, d)), None)
    if m:  # the last such weekday on or before the article's date
        back = (published.weekday() - _WEEKDAYS.index(m.group(1).lower())) % 7
        return published - timedelta(days=back), m.group(0)
    return published, ""


# a dated heading of a live page: "Friday, Nov. 10" on a line of its own
_DAY_HEADING = re.compile(rf"^[ \t]*(?:[A-Za-z]+day,?[ \t]+)?(?:{DAY_OF_MONTH.pattern})[ \t]*$", re.I | re.M)


def _weekday_on_a_live_page(statement: Statement, published: date) -> tuple[date, str] | None:
    """A page updated after its date (`updated_until`) says "on Friday" of the day its entry was written: the Friday
    on or before the dated heading above the sentence; above every heading (its summary, rewritten at each update)
    no day can be told, and the sentence dates nothing (the article's date, no words). None on any other page."""
    window = statement.window
    article = window.hit.article
    if updated_until(article.text, article.published_at) is None:
        return None
    headings = [DAY_OF_MONTH.search(m.group(0)) for m in _DAY_HEADING.finditer(article.text, 0, window.start)]
    anchor = _day_said(headings[-1], published) if headings and headings[-1] else None
    if anchor is None:
        return published, ""
    return event_day(window.text, anchor, statement.claim)


def dated(claim: str, hits: list[Hit]) -> list[Dated]:
    """Every sentence of the hits that states the claim, with the day it gives the event."""
    out = []
    for statement in stating(claim, hits):
        published = _published(statement.window.hit)
        if published is not None:
            day, said = event_day(statement.window.text, published, statement.claim)
            if said and _WEEKDAY.fullmatch(said):
                day, said = _weekday_on_a_live_page(statement, published) or (day, said)
            # a past year said in the clause that says the claim ("Founded in 2020, Globex bought its first home in
            # January" dates the founding, not the purchase)
            past = None if said else earlier_year_said(statement.window, same_event_words(statement.claim))
            year, year_said = past or (0, "")
            out.append(Dated(statement.window, statement.claim, day, said, year, year_said))
    return out


_ASKS_AHEAD = re.compile(r"^\W*when\s+(?:is|are|will|does|do)\b", re.I)


def compose_when(question: str, claim: str, hits: list[Hit]) -> Answer | None:
    """**<day>** from the earliest stating sentence that dates the event, cited; "Reported by <day>" when none dates
    it; None when no sentence states it (the quotes then show what the passages say: "passed away on Monday night"
    answers "when did she die?" in words the strict reading does not take)."""
    found = dated(claim, hits)
    if not found:
        return None
    exact = [d for d in found if d.exact]
    cites = Citations()
    lines: list[str] = []

    def cite(d: Dated) -> int:
        return cites.quote(d.window, lines)

    if exact:
        lead = min(exact, key=lambda d: (d.day, d.window.hit.article.published_at))
        n = cite(lead)
        text = (
            f"**{lead.day.isoformat()}** ({lead.day.strftime('%A')}) — {outlet_of(lead.window)} [{n}] dates it "
            f"“{lead.said}”."
        )
        others = sorted({d.day for d in exact} - {lead.day})[:2]
        if others:
            shown = []
            for day in others:
                d = min((x for x in exact if x.day == day), key=lambda x: x.window.hit.article.published_at)
                shown.append(f"{day.isoformat()} ({outlet_of(d.window)} [{cite(d)}], “{d.said}”)")
            text += " Other reports give " + "; ".join(shown) + "."
    elif _ASKS_AHEAD.match(question):
        # asked "when is ...?" with no day said: a past year's edition is not the one asked about, and a report's date
        # does not bound what is still to come; the quotes show what the passages say
        return None
    elif any(d.year for d in found):
        # "when Globex bought Tide Works last year": a year, not the article's day
        lead = min((d for d in found if d.year), key=lambda d: (d.year, d.window.hit.article.published_at))
        n = cite(lead)
        text = f"**In {lead.year}** — {outlet_of(lead.window)} [{n}] dates it “{lead.year_said}”."
    else:
        # a page kept up to date past its date (it names later days) bounds the event only by the last day it names:
        # "Globex Chat: everything you need to know", dated in September, tells of a firing in November
        def kept_until(d: Dated) -> date | None:
            return updated_until(d.window.hit.article.text, d.window.hit.article.published_at)

        lead = min(found, key=lambda d: (kept_until(d) is not None, d.day))
        n = cite(lead)
        last = kept_until(lead)
        text = (
            f"**Reported by {lead.day.isoformat()}** — the earliest report found that states it, {outlet_of(lead.window)} "
            f"[{n}]; no passage gives the day itself."
            if last is None
            else f"**Reported by {last.isoformat()}** — the earliest report found that states it, {outlet_of(lead.window)} "
            f"[{n}], is a page kept up to date that names days up to {last.isoformat()}; no passage gives the day itself."
        )
    parts = [Part(lead.claim, "supported", [n])]
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# "Did Mara Lind resign before Globex was fined?", "Was Mara Lind fired after she sued Globex?": two events, asked in
# which order they happened (no outlet named)
_ORDER_ASKED = re.compile(
    r"^\W*(?P<aux>did|was|were|had|has|have)\s+(?P<first>[^?]+?)\s+(?P<relation>before|after)\s+"
    rf"(?!{MOMENT})(?P<second>[^?]+?)\s*\??\s*$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she|they|it)\b", re.I)
_BEFORE_OR_AFTER = re.compile(r"\s+(?:before\s+or\s+after|after\s+or\s+before)\s+", re.I)
EITHER_WAY = "before or after"
# "How long (how many days) after the merger did Mara Lind resign?": "Did Mara Lind resign after the merger?", asked
# as a span
_SPAN_ORDER = re.compile(
    r"^\W*how\s+(?:long|many\s+(?:days|weeks|months|years))\s+(?P<relation>before|after)\s+(?P<second>[^?]+?)\s+(?P<aux>did|had|was|were|has|have)\s+"
    r"(?P<first>[^?]+?)\s*\??\s*$",
    re.I,
)
# "Which came first, Mara Lind's firing or her return?", "What happened earlier: X or Y?": which of two events
_WHICH_FIRST = re.compile(
    r"^\W*(?:which|what)\s+(?:came|happened|occurred|was)\s+(?P<relation>first|earlier|last|later)\s*[,:;]?\s*"
    r"(?P<first>[^?]+?)\s+or\s+(?P<second>[^?]+?)\s*\??\s*$",
    re.I,
)
# "Which went bankrupt first, Globex or Tide Works?", "Who testified earlier, Mara Lind or Theo Park?": one deed of
# two names, each named after the deed
_WHO_FIRST = re.compile(
    r"^\W*(?:(?:in|at|during|on)\s+[^,?]+,\s*)?(?:who|which)\s+(?P<deed>(?!(?:came|happened|occurred|was)\s+(?:first|earlier|last|later)\b)[a-z][\w\s'’-]*?)"
    r"\s+(?P<relation>first|earlier|last|later)\s*[,:;]\s*(?P<first>[^?]+?)\s+or\s+(?P<second>[^?]+?)\s*\??\s*$",
    re.I,
)
# the kind of thing asked of ("which company ..."), not part of the deed
_KIND_ASKED = re.compile(
    r"^(?:company|firm|team|club|side|player|country|startup|brand|person|one|of\s+(?:them|the\s+two))\s+", re.I
)
_POSSESSIVE_PRONOUN = re.compile(r"^(?:his|her|their|its)\b", re.I)
# "... or Theo Park's?", "... before Theo Park did?": the deed left out, said by the first event
_BARE_POSSESSIVE = re.compile(rf"^(?:the\s+)?{NAME_PHRASE.pattern}['’]s?$")
_SAID_AGAIN = re.compile(rf"^(?P<name>(?:the\s+)?{NAME_PHRASE.pattern})\s+(?:did|had|has|have|does|do)(?:\s+so)?$")


@dataclass
class EventOrder:
    first: str  # the claim asked to come before or after ("Mara Lind was fired")
    relation: str  # "before" | "after" | EITHER_WAY; "first" | "last" for "which came first (last), X or Y?"
    second: str  # the event it is placed against ("Mara Lind returned")
    span: bool = False  # asked how long before or after the second the first happened


def _read_which_first(question: str) -> EventOrder | None:
    """The two events of "Which came first, X or Y?", a possessive pronoun opening the second read as the first's
    name ("Mara Lind's firing or her return"), or None. Each must name someone or something: an event is found by
    its names."""
    m = _WHICH_FIRST.match(question.strip())
    if not m:
        return _read_who_first(question)
    first, second = m.group("first").strip(" ,"), m.group("second").strip(" ,")
    named = re.search(NAME_PHRASE, first)
    if named is None or any(len(e.split()) > MAX_WORDS or more_than_one_clause(e) for e in (first, second)):
        return None
    name = re.sub(r"['’]s?$", "", named.group(0))
    second = _PRONOUN.sub(name, _POSSESSIVE_PRONOUN.sub(f"{name}'s", second))
    # "Mara Lind's firing or Theo Park's?": the second is the same deed, of another
    deed = first[named.end() :].strip() if re.search(r"['’]s?$", named.group(0)) else ""
    if deed and _BARE_POSSESSIVE.match(second):
        second = f"{second} {deed}"
    if _OWNED_THING.match(second) and not re.search(NAME_PHRASE, second):
        return None
    relation = "first" if m.group("relation").lower() in ("first", "earlier") else "last"
    return EventOrder(first, relation, second)


def _read_who_first(question: str) -> EventOrder | None:
    """The two events of "Which went bankrupt first, Globex or Tide Works?" ("Globex went bankrupt", "Tide Works went
    bankrupt"), or None: both offered must be names."""
    m = _WHO_FIRST.match(question.strip())
    if not m:
        return None
    deed = _KIND_ASKED.sub("", m.group("deed").strip())
    first, second = m.group("first").strip(" ,"), m.group("second").strip(" ,")
    if not all(re.fullmatch(rf"(?:the\s+)?(?:{NAME_PHRASE.pattern}\s*)+", name) for name in (first, second)):
        return None
    relation = "first" if m.group("relation").lower() in ("first", "earlier") else "last"
    return EventOrder(f"{first} {deed}", relation, f"{second} {deed}")


def event_claim(event: str) -> str:
    """The claim an event asked as a name's deed is found by: "Mara Lind's firing" -> "firing Mara Lind", the name
    after the deed, which a deed done to her and one done by her both state ("Globex fired Mara Lind", "Mara Lind was
    fired", "Mara Lind returned"); the possessive first would make her the one who fired. A deed that names more
    ("Globex's purchase of Tide Works") is left as asked."""
    m = re.match(rf"(?:the\s+)?{NAME_PHRASE.pattern}", event)
    rest = event[m.end() :].strip() if m else ""
    if m is None or not re.search(r"['’]s?$", m.group(0)) or not rest or re.search(r"\b[A-Z]", rest):
        return event
    name = re.sub(r"^the\s+|['’]s?$", "", m.group(0))
    return f"{rest} {name}"


_BARE_NAME = re.compile(r"^the\s+|['’]s?$")
_OWNER_WORD = re.compile(r"^(?:the|its|his|her|their)\s+", re.I)
# "... before leaving Globex?": a second event told with no doer, by a verb's -ing form, is the first's doer's ("Mara
# Lind leaving Globex"); the season and time of day words are no deeds
_DOERLESS = re.compile(r"^(?!(?:spring|morning|evening|during|nothing|something|everything)\b)[a-z]{2,}ing\s+\S")
# a thing, not a clause: "the results", "their defeat", "the quarterly results" ("the prize was announced" is an event)
_OWNED_THING = re.compile(r"^(?:the|its|his|her|their)\s+[a-z-]+(?:\s+[a-z-]+)?$", re.I)


# a verb (with an adverb or particle) and the name it is done to, ending the event: "actually cut off Tide Pay"
_OBJECT_NAMED = re.compile(
    rf"\s+(?:(?!(?:in|at|on|to|for|from|with|by|of|about|over)\b)[a-z]+\s+){{1,3}}(?P<name>{NAME_PHRASE.pattern})\s*$"
)


def _pointed_at(first: str, doer: str, second: str) -> str:
    """Whom the pronoun opening the second event stands for: the first event's doer, but "he" or "she" is a person,
    not a team or a body named with "the" ("the Rovers not signing Mara Lind after she ..." -> Mara Lind)."""
    if re.match(r"it\b", second, re.I) and doer and doer in first:
        # "Did Globex drop Tide Pay after it launched?": "it" is what the first deed was done to, when that is named
        # right after the verb
        done_to = _OBJECT_NAMED.match(first, first.index(doer) + len(doer))
        return done_to["name"] if done_to else doer
    if not re.match(r"(?:he|she)\b", second, re.I):
        return doer
    people = [m.group(0) for m in NAME_PHRASE.finditer(first) if not re.search(r"\bthe\s+$", first[: m.start()], re.I)]
    return people[0] if people else doer


def read_event_order(question: str) -> EventOrder | None:
    """The two events of "Did X happen before / after Y?", a pronoun opening the second read as the first's doer ("...
    after he was fired"), or of "Which came first, X or Y?"; else None."""
    q = question.strip()
    which = _read_which_first(q)
    if which is not None:
        return which
    # "Did Mara Lind resign before or after the merger?" asks which: read as "... before ...", led by the answer
    if _BEFORE_OR_AFTER.search(q):
        either = read_event_order(_BEFORE_OR_AFTER.sub(" before ", q, count=1))
        return replace(either, relation=EITHER_WAY) if either is not None and either.relation == "before" else None
    span = _SPAN_ORDER.match(q)
    if span is not None:
        asked = read_event_order(f"{span['aux']} {span['first']} {span['relation']} {span['second']}?")
        return replace(asked, span=True) if asked is not None else None
    m = _ORDER_ASKED.match(q)
    # a capital "After" is a title's ("Life After Globex"), not an order
    if not m or len(q.split()) > MAX_WORDS or more_than_one_clause(q) or not m.group("relation").islower():
        return None
    first, second = m.group("first"), m.group("second")
    doer = re.match(rf"(?:the\s+)?{NAME_PHRASE.pattern}", first)
    if doer is None or re.match(r"\d", second):
        return None  # "before 2020": a date, not an event; no named doer: no event to find
    aux = m.group("aux").lower()
    if aux in ("had", "has", "have") and holds_number(first):
        return None  # "Had Globex sold 1,000 cars after the launch?" asks a count as of then, not an order
    first = as_passive(first)  # "Did Mara Lind get fired before ...?" asks whether she was fired
    # "Was Mara Lind fired" -> "Mara Lind was fired"; "Was Mara Lind's arrest ..." asks of an event, said as a noun
    if aux in ("was", "were") and not re.search(r"['’]s?$", doer.group(0)):
        first = f"{doer.group(0)} {aux} {first[doer.end() :].strip()}"
    second = _PRONOUN.sub(_pointed_at(first, doer.group(0), second), second)
    if _OWNED_THING.match(second) and not re.search(NAME_PHRASE, second):
        # "Did Globex's shares fall after the results?": an event that names no one is the first's doer's ("Globex's
        # results"), found in a sentence naming them, not any "results" of any report
        owner = _BARE_NAME.sub("", doer.group(0))
        owner += "'" if owner.endswith("s") else "'s"
        second = f"{owner} {_OWNER_WORD.sub('', second)}"
    if _DOERLESS.match(second):
        second = f"{_BARE_NAME.sub('', doer.group(0))} {second}"
    # "Did Mara Lind resign before Theo Park did?": the second does what the first was asked to
    said_again = _SAID_AGAIN.match(second)
    if said_again and doer.group(0) in first:
        second = f"{said_again.group('name')} {first[first.index(doer.group(0)) + len(doer.group(0)) :].strip()}"
    return EventOrder(first, m.group("relation").lower(), second)


def earliest(claim: str, hits: list[Hit]) -> Dated | None:
    """The earliest day a stating sentence says the event happened on; else the earliest article stating it (its
    date only bounds the event; a page updated past its date comes last); None when no sentence states it."""
    found = dated(claim, hits)

    def updated(d: Dated) -> bool:  # a page kept up to date past its date: its date bounds nothing it says
        return not d.exact and updated_until(d.window.hit.article.text, d.window.hit.article.published_at) is not None

    return min(found, key=lambda d: (not d.exact, updated(d), d.day, d.window.hit.article.published_at), default=None)


def _in_article(d: Dated) -> str:
    """Where an event no sentence dates was found: its article's date, and the last day the page names when it was
    kept up to date past it (`updated_until`)."""
    until = updated_until(d.window.hit.article.text, d.window.hit.article.published_at)
    tail = f"; the page names days up to {until}" if until else ""
    return f"by {d.day.isoformat()} (the report's date{tail})"


def _last_possible_day(d: Dated) -> date:
    """The day a sentence gives the event, else its article's date, by which a stating sentence says it happened (or
    the last day a page kept up to date names)."""
    if d.exact:
        return d.day
    return updated_until(d.window.hit.article.text, d.window.hit.article.published_at) or d.day


def _before(x: Dated, y: Dated) -> bool:
    """x surely happened before y: y's day is given, and x happened by an earlier day."""
    return y.exact and _last_possible_day(x) < y.day


def compose_event_order(question: str, asked: EventOrder, first: Dated | None, second: Dated | None) -> Answer:
    """**Yes** / **No** from the days the stating sentences give the two events, both cited; unsettled, naming the
    event no sentence states, when either is stated nowhere. An event no sentence dates happened by its article's date
    (`_last_possible_day`): that orders it only before a day given for the other; the same day gives no order."""
    cites = Citations()
    lines: list[str] = []
    parts: list[Part] = []
    # "which came first, X or Y?" names its events as it asks them ("Mara Lind's firing"), not as they are found
    which = asked.relation in ("first", "last")
    if first is None or second is None:
        missing = [claim for claim, found in ((asked.first, first), (asked.second, second)) if found is None]
        parts += [Part(claim, "not_mentioned", []) for claim in missing]
        text = (
            f"{UNSETTLED}: I could not confirm " + " or ".join(f"“{claim}”" for claim in missing) + " from the articles"
        )
        stated = first or second
        if stated is not None:
            event = asked.first if stated is first else asked.second
            shown = event if which or event_claim(event) != event else stated.claim
            n = cites.supporting(stated.window, shown, lines, parts)
            when = f"on {stated.day.isoformat()}" if stated.exact else _in_article(stated)
            text += f"; {shown} {when}, {outlet_of(stated.window)} [{n}]"
        return Answer(question=question, text="\n".join([text + ".", *lines]), citations=cites.items, parts=parts)

    def said(d: Dated, event: str) -> str:
        # an event asked as a noun ("Mara Lind's arrest") is shown so, not as it is searched ("arrest Mara Lind")
        shown = event if which or event_claim(event) != event else d.claim
        n = cites.supporting(d.window, shown, lines, parts)
        when = f"on {d.day.isoformat()} (“{d.said}”)" if d.exact else _in_article(d)
        return f"{shown} {when}, {outlet_of(d.window)} [{n}]"

    a, b = said(first, asked.first), said(second, asked.second)
    order_known = _before(first, second) or _before(second, first)
    if asked.span and first.exact and second.exact and order_known:
        return _compose_span(question, asked, first, second, (a, b), (cites, lines, parts))
    # (a span needs both days)
    if not (first.exact and second.exact) and (asked.span or not order_known):
        text = f"{UNSETTLED}: no report gives the day of both: {a}; {b}."
    elif not order_known:
        text = f"{UNSETTLED}: both happened on the same day: {a}; {b}."
    else:
        happened_after = _before(second, first)
        order = "after" if happened_after else "before"
        if which:  # the event asked for, as the question words it
            earlier, later = (asked.second, asked.first) if happened_after else (asked.first, asked.second)
            shown, came = (earlier, "first") if asked.relation == "first" else (later, "later")
            x, y = (b, a) if happened_after else (a, b)  # in the order they happened
            text = f"**{shown[:1].upper() + shown[1:]}** came {came} — {x}, before {y}."
        elif asked.relation == EITHER_WAY:
            text = f"**{order.capitalize()}** — {a}, {order} {b}."
        else:
            yes = happened_after == (asked.relation == "after")
            text = f"**{'Yes' if yes else 'No'}** — {a}, {order} {b}."
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, parts=parts)


def _compose_span(
    question: str,
    asked: EventOrder,
    first: Dated,
    second: Dated,
    said: tuple[str, str],
    cited: tuple[Citations, list[str], list[Part]],
) -> Answer:
    """How long before or after the second event the first happened, in days, from the days both are stated on; the
    order the question takes as given said to be wrong when the days put them the other way."""
    (a, b), (cites, lines, parts) = said, cited
    happened_after = second.day < first.day
    if happened_after != (asked.relation == "after"):
        order = "after" if happened_after else "before"
        text = f"**Not {asked.relation}** — {a}, {order} {b}."
    else:
        days = abs((first.day - second.day).days)
        text = f"**{days} day{'s' if days != 1 else ''}** — {a}, {asked.relation} {b}."
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, parts=parts)


# a span a sentence states itself: "returned only 26 days after surgery", "signed only 48 hours earlier"
_SPAN_SAID = re.compile(
    r"\b(?P<span>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:hours?|days?|weeks?|months?|years?))\s+(?:after|before|earlier|later)\b",
    re.I,
)


def compose_stated_span(question: str, asked: EventOrder, hits: list[Hit]) -> Answer | None:
    """The span a sentence states between the two events ("**26 days**"), when one names the first event's doer and
    says a plain word of each event ("returned to the field only 26 days after ankle surgery" for "How many days
    after his surgery was Mara Lind back on the field?"); None when none does."""
    doer = re.match(rf"(?:the\s+)?{NAME_PHRASE.pattern}", asked.first)
    if doer is None:
        return None
    names = {t for t, _, kind in analyse(doer.group(0))[1] if kind == "name"}
    first, second = (plain_words(same_event_words(e)) for e in (asked.first, asked.second))
    for window in sentences_of(hits):
        said = _SPAN_SAID.search(window.text)
        words = analyse(same_event_words(window.text))[0]
        if said is None or not names & words or not (first & words and second & words):
            continue
        cites = Citations()
        n = cites.cite(window)
        text = f"**{said['span']}** — {outlet_of(window)} [{n}]:\n{quoted(window.text, n)}"
        part = Part(f"{asked.first} {said['span']} {asked.relation} {asked.second}", "supported", [n])
        return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=[part])
    return None


# "Did Globex cut prices in November?", "... on March 3, 2023?", "... in 2022?": a yes/no question ending on a time
_TIME_AT_END = re.compile(
    rf"\s+(?P<asked>(?:in|during)\s+(?:{MONTH_NAME}(?:\s+\d{{4}})?|(?:19|20)\d\d)"
    rf"|on\s+{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\s*[?.!]*\s*$",
    re.I,
)
_YES_NO_OPENING = re.compile(r"^\W*(did|was|were|has|have|had)\s+", re.I)


@dataclass(frozen=True)
class TimedEvent:
    """A yes/no question about an event at a time: the event as a claim, and the days the time covers."""

    claim: str
    first: date
    last: date
    asked: str  # the time as the question wrote it ("in November")


def read_timed_event(question: str, newest: str) -> TimedEvent | None:
    """The event and the time of "Did Mara Lind resign in November?" (a month or a day without its year is the
    latest one on or before `newest`, as for a report's day), or None for any other question."""
    q = question.strip()
    m, opening = _TIME_AT_END.search(q), _YES_NO_OPENING.match(q)
    if m is None or opening is None:
        return None
    asked = " ".join(m["asked"].split())
    year = re.fullmatch(r"(?:in|during)\s+(\d{4})", asked, re.I)
    window = (f"{year[1]}-01-01", f"{year[1]}-12-31") if year else published_window(asked, newest)
    if window is None:
        return None
    claim = read_when(f"When {opening[1].lower()} {q[opening.end() : m.start()].strip()}?")
    return TimedEvent(claim, date.fromisoformat(window[0]), date.fromisoformat(window[1]), asked) if claim else None


def compose_timed(question: str, event: TimedEvent, hits: list[Hit]) -> Answer | None:
    """**Yes** from a sentence that dates the event inside the time asked; **No** when the sentences date it only
    outside it, cited; unsettled, the earliest statement cited, when none dates it closely enough to decide; None
    when no sentence states it (the question is then judged as any yes/no question)."""
    found = dated(event.claim, hits)
    if not found:
        return None
    whole_years = event.first == date(event.first.year, 1, 1) and event.last == date(event.last.year, 12, 31)

    def inside(d: Dated) -> bool:
        if d.exact:
            return event.first <= d.day <= event.last
        return bool(d.year) and whole_years and event.first.year <= d.year <= event.last.year

    def outside(d: Dated) -> bool:  # of a sentence that says a day or a year
        return not inside(d) if d.exact else not event.first.year <= d.year <= event.last.year

    cites = Citations()
    lines: list[str] = []
    # a day or a year said outright outweighs a report's date: "late Friday" dates it, a later page only bounds it;
    # and only a day or a year said is a No: "the bank has raised rates this year", reported in October, does not say
    # that it did not raise them in November
    dated_said = [d for d in found if d.exact or d.year]
    said_in = [d for d in dated_said if inside(d)]
    said_out = [d for d in dated_said if outside(d)]
    if said_in:
        lead = min(said_in, key=lambda d: (d.day, d.window.hit.article.published_at))
        n = cites.quote(lead.window, lines)
        when = f"on {lead.day.isoformat()} (“{lead.said}”)" if lead.exact else f"in {lead.year} (“{lead.year_said}”)"
        text, verdict = f"**Yes** — {when}, {outlet_of(lead.window)} [{n}].", "supported"
    elif said_out and len(said_out) == len(dated_said):
        lead = min(said_out, key=lambda d: (d.day, d.window.hit.article.published_at))
        n = cites.quote(lead.window, lines)
        when = f"to {lead.day.isoformat()} (“{lead.said}”)" if lead.exact else f"to {lead.year} (“{lead.year_said}”)"
        text = f"**No** — the articles date it {when}, {outlet_of(lead.window)} [{n}], not {event.asked}."
        verdict = "contradicted"
    else:
        # stated, but with no day or year that decides it: said so, the earliest statement cited (judged as any yes/no
        # question, the time asked is one more word that no passage holds: left open)
        lead = min(found, key=lambda d: (d.window.hit.article.published_at, d.day))
        n = cites.quote(lead.window, lines)
        text = (
            f"{UNSETTLED}: they report it, first {outlet_of(lead.window)} [{n}], but give no day or year that says "
            f"whether it was {event.asked}."
        )
        part = Part(f"{lead.claim} {event.asked}", "not_mentioned", [])
        return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=[part])
    parts = [Part(f"{lead.claim} {event.asked}", verdict, [n])]
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# "Did ...?", "Has ... been ...?", "Was ...?": asked whether it has happened (not "Will Mara Lind be sentenced?")
_ASKED_IF_DONE = re.compile(r"^\W*(?:did|has|have|had|was|were)\b", re.I)
# "is scheduled to be sentenced", "are set to vote": what the sentence says is still to come ("is expected to win by
# 7 points" is a forecast, "is expected to continue to grow" says it grows)
_STILL_AHEAD = re.compile(
    r"\b(?:is|are)\s+(?:now\s+)?(?:scheduled|slated|set|due)\s+to\s+(?:be\s+)?(?P<deed>[a-z]+)", re.I
)


# "is scheduled to cut prices again": done before, whatever is ahead
_ONCE_MORE = re.compile(r"\b(?:again|another|further|once\s+more|second|third|new\s+round)\b", re.I)


def compose_still_ahead(question: str, claim: str, hits: list[Hit]) -> Answer | None:
    """**No**, as of the latest report that says the asked deed is still to come ("Mara Lind is scheduled to be
    sentenced in March"), cited; None when the question does not ask whether it happened or no sentence says so. The
    latest such report is the one that counts: an earlier schedule may have been kept since."""
    if not _ASKED_IF_DONE.match(question):
        return None
    # the deed scheduled is the one asked: "is scheduled to meet ... to have him reinstated" schedules a meeting
    deed = next((t for t, _, kind in analyse(same_event_words(claim))[1] if kind == "word"), "")
    ahead = [
        w
        for w in sentences_of(hits)
        if any(deed in analyse(same_event_words(m.group("deed")))[0] for m in _STILL_AHEAD.finditer(w.text))
        and not _ONCE_MORE.search(w.text)
        and judge(claim, [w.text], similarity=None).supported
    ]
    if not ahead:
        return None
    lead = max(ahead, key=lambda w: (w.hit.article.published_at, w.hit.score))
    cites = Citations()
    lines: list[str] = []
    parts: list[Part] = []
    n = cites.supporting(lead, claim, lines, parts)
    text = (
        f"**No** — not as of {lead.hit.article.published_at[:10]}: {outlet_of(lead)} [{n}] reports it still to come, "
        "and no passage found says it has happened since."
    )
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# What a wh-question asks for, when quotes alone must give it: "How many ...?", "At what rate ...?" a number; "When
# did ...?", "In what year ...?" a time; "How long ...?" either ("for three years", "since 2019")
_WH_OPENING = rf"^\W*(?:{FRAMED_BY_SOURCE})?(?:(?:and|so)\s+)?"  # "And how many ...?", "So when ...?"
_NUMBER_ASKED = re.compile(
    _WH_OPENING + r"(?:how\s+(?:many|much|large|big|old|far|high|tall|deep|heavy)\b|by\s+how\s+much\b|"
    # "In which minute did Lind score?": the minute is a number of the game's clock
    r"(?:in|at)?\s*(?:what|which)\s+minute\b|"
    r"(?:at|to|by|for)?\s*what\s+(?:percentage|percent|share|proportion|number|amount|sum|price|figure|fee|rate|"
    r"level|score|scoreline|total|salary|valuation|value|margin|cost|size|age|revenues?|sales|profits?|income|"
    r"earnings|losses)\b|"
    # "What was the final score ...?", "What is the retail price ...?" ("whats the final score", as typed in a hurry)
    r"what(?:\s+(?:was|is|were|are)|['’]?s)\s+(?:the|its|their|his|her)\s+(?:[a-z-]+\s+)?"
    r"(?:score|scoreline|price|cost|fee|salary|valuation|margin|total)\b|"
    # "What was Globex's revenue ...?", "What were Tide Works' quarterly earnings?": a company's figures
    r"what\s+(?:was|is|were|are)\s+(?-i:[A-Z][\w.&-]*\s+){0,3}?(?-i:[A-Z][\w.&-]*)['’]s?\s+"
    r"(?:latest\s+|quarterly\s+|annual\s+|net\s+|total\s+)?(?:revenues?|sales|profits?|income|earnings|losses?)\b)",
    re.I,
)
_TIME_ASKED = re.compile(
    _WH_OPENING + r"(?:when\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can)\b|"
    r"(?:on|in|by|at|from|until|since)?\s*(?:what|which)\s+(?:date|day|year|month|week|season)\b)",
    re.I,
)
_SPAN_ASKED = re.compile(_WH_OPENING + r"how\s+long\b", re.I)
_PERCENTAGE_ASKED = re.compile(_WH_OPENING + r"(?:at|to|by|for)?\s*what\s+(?:percentage|percent)\b", re.I)
# a share said as one: "4%", "4 per cent", "4 percent", "4 percentage points"
_PERCENTAGE = re.compile(r"\d\s*(?:%|per\s?cent|percent)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERIOD = re.compile(
    r"\b(?:(?:last|this|next|earlier\s+this|later\s+this|the\s+following|the\s+previous)\s+"
    r"(?:week|weekend|month|year|season|spring|summer|autumn|fall|winter)|ago|(?:\d{1,2})(?:st|nd|rd|th)\b)",
    re.I,
)


def kind_asked(question: str) -> str:
    """ "a percentage", "a number", "a date", "a number or a date" for a question asking for one (see above), else
    ""."""
    if _SPAN_ASKED.match(question):
        return "a number or a date"
    if _PERCENTAGE_ASKED.match(question):
        return "a percentage"
    if _NUMBER_ASKED.match(question):
        return "a number"
    return "a date" if _TIME_ASKED.match(question) else ""


def gives_a_time(sentence: str) -> bool:
    """The sentence says when: a month, a weekday, a year, a day said from today ("yesterday", "last week")."""
    return bool(
        re.search(rf"\b(?:{MONTH_NAME})\b", sentence)
        or any(_a_day_said(sentence, m) for m in _WEEKDAY.finditer(sentence))
        or _YEAR.search(sentence)
        or _RELATIVE_DAY.search(sentence)
        or _PERIOD.search(sentence)
    )


_TITLED_NUMBER = re.compile(
    r"\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Hundred|Thousand)\s+(?=[A-Z])"
)
_NAMED_DIGITS = re.compile(r"\b\d+\.[A-Z]{2,}\b")


def gives_what_is_asked(kind: str, sentence: str) -> bool:
    """The sentence gives the kind of thing `kind_asked` names."""
    if kind == "a percentage":
        return bool(_PERCENTAGE.search(sentence))
    # (a number word in a title, "Seven Bridges of Ostland", counts nothing, nor do a name's digits, "04.TW")
    counted = _NAMED_DIGITS.sub(" ", _TITLED_NUMBER.sub(" ", sentence))
    return ("number" in kind and holds_number(counted)) or ("date" in kind and gives_a_time(sentence))
