"""Which outlet reported it? "Which news source reported the layoffs, the Daily Ledger or Tech Wire?", "Which outlet
reported the merger first?".

The asked report is one claim, judged inside each candidate outlet's own passages (the outlets the question names,
or else those of its best passages); the answer is the outlet whose passages support it, the earliest or latest one
when the question asks for an order, each cited with its date. An outlet whose passages do not say it is said to be
checked without a quote; none saying it leaves the question unsettled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from rag.answer.compose import UNSETTLED, Citations, published_moment
from rag.answer.parts import Evidence, Window, windows
from rag.answer.reading import JOINED_QUESTION, claim_words
from rag.answer.verdicts import ABOUT, embedding_similarity, judge, states_deed
from rag.answer.when import updated_until
from rag.core.text import claim_as_written
from rag.core.types import Answer, Hit, Part

_OUTLET_WORDS = (
    r"(?:news\s+)?(?:source|outlet|publication|newspaper|paper|site|website|news\s+organi[sz]ation|media\s+outlet)s?"
)
# "which news source reported X", "which outlet was the first to report X", "which of the two publications said X";
# "who (first) reported that X" asks the same of the outlets ("who reported the theft?" asks for a person)
_WHICH_OUTLET = re.compile(
    rf"(?:\b(?P<which>which|what|how\s+many)\s+(?:of\s+(?:the|these|those)\s+(?:two\s+|three\s+)?)?"
    rf"(?P<outlets>{_OUTLET_WORDS})\b"
    r"|^\W*who(?=\s+(?:was\s+the\s+(?:first|last)\s+to\s+report|(?:first\s+|last\s+)?reported)\s+(?:that|on|about)\b))"
    r"\s*,?\s*(?P<rest>[^?]*)",
    re.I,
)
# a second question joined to a first: "..., and which ..."
_SECOND_ASKED = re.compile(r"(?:,\s*|\s)and\s*$", re.I)
_TOLD_BY = re.compile(
    r",?\s+as\s+(?:[\w.'’-]+\s+){0,4}?(?:tells|told|puts|put|reports|reported|has|had)\s+it\s*$", re.I
)
_EARLIEST = re.compile(r"\b(?:first|earliest|earlier|sooner|before\s+the\s+other)\b", re.I)
_LATEST = re.compile(r"\b(?:latest|last|later|most\s+recently|after\s+the\s+other)\b", re.I)
# The verb that asks for the report, and the order words, are not what the report must say.
_ASKING_WORDS = re.compile(
    r"^(?:(?:was|were|is)\s+(?:the\s+)?(?:first|last|earliest|latest)\s+to\s+)?"
    r"(?:first\s+|last\s+)?(?:reported|reports|report|covered|covers|cover|mentioned|mentions|mention|said|says|"
    r"stated|states|described|describes|discussed|discusses|published|publishes|broke|noted|notes|wrote|writes|"
    r"highlighted|highlights|indicated|indicates|suggested|suggests|cited|cites|explained|explains)"
    r"\s+(?:first\s+|last\s+|earliest\s+|most\s+recently\s+)?(?:on\s+|about\s+|that\s+)?",
    re.I,
)
# a trailing offer of the outlets ("..., the Daily Ledger or Tech Wire") is left once they are taken out
_TRAILING_ORDER = re.compile(r"\s*,?\s*\b(?:first|earliest|earlier|latest|last|later|most\s+recently)\s*$", re.I)


@dataclass(frozen=True)
class OutletAsked:
    """What "which outlet ...?" asks: the report's claim, and whether the earliest or latest teller is wanted."""

    claim: str
    order: str  # "earliest", "latest" or ""
    # "reported that Globex cut jobs" states an event, which one sentence must say outright (`states_deed`);
    # "reported on job cuts" names a topic, judged as a part about it
    stated: bool = True
    # "which outlets ...?" and "how many outlets ...?" ask for every outlet that says it, not the one that says it best
    every: bool = False
    counted: bool = False  # "how many ...?": the number first
    dated: bool = False  # "when did Tech Wire report X?": the one outlet's earliest report, its day first
    # the outlet offered whose passages come clearly closest to the report, none saying it word for word (`offered`)
    closest: bool = False
    # "which outlet quoted X ...?": someone's words, which only the words themselves show were said
    quoting: bool = False


def credited_outlet_asked(question: str) -> bool:
    """ "According to Tech Wire, which outlet reported ...?": an outlet the article credits (its "according to ..."),
    not one of the outlets whose articles the index holds."""
    return bool(re.match(r"\W*according\s+to\b", question, re.I) and _WHICH_OUTLET.search(question))


def read_outlet_question(question: str, sources: list[str]) -> OutletAsked | None:
    """The asked report of a "which outlet reported X?" question (`sources`: the outlets it names), or None for any
    other question."""
    m = _WHICH_OUTLET.search(question)
    # ("Who found the flaw, and which paper published it?" asks two things, the outlet second: not this question)
    if not m or _SECOND_ASKED.search(question, 0, m.start()) or credited_outlet_asked(question):
        return None
    which = (m.group("which") or "").lower()
    counted = which.startswith("how")
    # "which of the two outlets" asks for one; "which outlets", "how many sources", for each
    every = counted or (m.group("outlets") or "").lower().endswith("s") and "of" not in m.group(0).lower().split()
    rest = m.group("rest")
    order = "earliest" if _EARLIEST.search(rest) else "latest" if _LATEST.search(rest) else ""
    rest = rest.strip()
    asking = _ASKING_WORDS.match(rest)
    # "which outlet quoted Mara Lind ...?" asks for her words, which no passage merely naming her shows: "quoted" stays
    # in the claim, to be said outright, and no outlet is picked for words of its own (`offered`)
    quoting = bool(re.match(r"quote[ds]?\b", rest, re.I))
    # "reported on job cuts": a topic, not an event to state
    stated = not (asking and re.search(r"\b(?:on|about)\s*$", asking.group(0)))
    # (", as Tech Wire tells it", ", and who scored?": who says it and a second question are no part of the report)
    told = _TOLD_BY.sub("", JOINED_QUESTION.sub("", rest[asking.end() :] if asking else rest))
    claim = claim_words(told, sources)
    claim = _TRAILING_ORDER.sub("", claim).strip(" ,.;:")
    claim = re.sub(r",?\s+(?:or|and)\s*$", "", claim)
    if len(re.findall(r"[A-Za-z]{3,}", claim)) < 2:
        return None
    return OutletAsked(claim if stated else ABOUT + claim, order, stated, every and not order, counted, quoting=quoting)


# "When did Tech Wire report that Globex cut jobs?", "When did the Daily Ledger first write about the layoffs?" ("when
# did it publish its review?" asks of a thing, whose words a passage about it may share, not a report)
_WHEN_REPORTED = re.compile(r"^\W*when\s+(?:did|has|had)\s+(?P<rest>.+?)[\s?.!]*$", re.I)
_REPORTING_VERB = re.compile(
    r"\b(?:first\s+)?(?:report|say|said|write|wrote|announce|confirm)\w*\s+(?P<topic>on\s+|about\s+)?",
    re.I,
)


def read_when_reported(question: str, sources: list[str]) -> OutletAsked | None:
    """The report a "when did <outlet> report X?" question asks the day of, or None for any other question: an outlet
    named ("when did Tech Wire and the Daily Ledger report X?": each one's day), and a verb of reporting after it."""
    m = _WHEN_REPORTED.match(question.strip())
    verb = _REPORTING_VERB.search(m.group("rest")) if m else None
    if m is None or verb is None or not sources:
        return None
    claim = claim_words(_REPORTING_VERB.sub(" ", m.group("rest"), count=1), sources)
    if len(re.findall(r"[A-Za-z]{3,}", claim)) < 2:
        return None
    stated = not verb.group("topic")
    return OutletAsked(claim if stated else ABOUT + claim, "earliest", stated, dated=True)


def candidate_outlets(named: list[str], hits: list[Hit], most: int = 4) -> list[str]:
    """The outlets named in the question, or else the outlets of its best passages (at most `most`)."""
    if named:
        return named
    return list(dict.fromkeys(h.article.source for h in hits if h.article.source))[:most]


# "Which outlet reported X, the Daily Ledger or Tech Wire?" offers the outlets: one whose passages hold nearly all of X,
# while the others' hold far less, answers it, though none says X word for word in one sentence (chosen on testers'
# questions: every pick above these was right; the closer calls were left open)
OFFERED_SUPPORT_AT = 0.6
OFFERED_MARGIN = 0.3


def offered(asked: OutletAsked, named: list[str]) -> bool:
    """The question offers two or more outlets and asks which one said the report (not an order, a day, each, or a
    quote)."""
    # (a quote credited to the wrong person is the worst answer: words said otherwise are no one's words)
    return len(named) >= 2 and asked.stated and not (asked.order or asked.every or asked.dated or asked.quoting)


def clearly_closest(loose: list[Evidence]) -> Evidence | None:
    """Of the offered outlets' parts judged as what a report says (not word for word), the one that supports the claim
    with a score of OFFERED_SUPPORT_AT or more, OFFERED_MARGIN above every other outlet's; else None."""
    ranked = sorted(loose, key=lambda e: -e.judgement.score)
    if not ranked or ranked[0].label != "supported" or ranked[0].judgement.score < OFFERED_SUPPORT_AT:
        return None
    best, *others = ranked
    return None if any(e.judgement.score > best.judgement.score - OFFERED_MARGIN for e in others) else best


def _when(e: Evidence) -> tuple[str, int]:
    return (e.published_at, e.window.hit.article.published_instant if e.window else 0)


def _earliest_or_latest(e: Evidence, asked: OutletAsked) -> Evidence:
    """The part with its outlet's earliest (or latest) window that states the claim: an outlet's best-worded report
    need not be its first."""
    stating = [
        w
        for w in windows(e.hits)
        # a window that must state the deed is judged on its words: no embedding per window
        if (not asked.stated or states_deed(asked.claim, w.text))
        and judge(
            asked.claim, [w.text], similarity=None if asked.stated else embedding_similarity, happened=asked.stated
        ).supported
    ]
    if not stating:
        return e
    # of one article's windows, the shortest: a sentence pair holding the stating sentence adds one that says nothing
    if asked.order == "earliest":  # a page updated since its date may have said it later than that date
        pick = min(
            stating,
            key=lambda w: (
                _updated(w) is not None,
                w.hit.article.published_at,
                w.hit.article.published_instant,
                w.end - w.start,
            ),
        )
    else:
        pick = max(
            stating,
            key=lambda w: (w.hit.article.published_at, w.hit.article.published_instant, w.start - w.end),
        )
    return replace(e, window=pick)


def _moment(e: Evidence) -> str:
    """The day its window's article was published, with the time of day when the article gives one."""
    return published_moment(e.window) if _when(e)[1] and e.window else e.published_at


def _updated(w: Window | None) -> date | None:
    """The last later day the window's page names, when it names enough of them to have been updated (`updated_until`)."""
    return updated_until(w.hit.article.text, w.hit.article.published_at) if w else None


def compose_outlet(question: str, asked: OutletAsked, evidence: list[Evidence], hits: list[Hit]) -> Answer:
    """**Outlet** (date) [n] first, then its quote; outlets checked without finding it are counted, not quoted."""
    cites = Citations()

    def states(e: Evidence) -> bool:
        return (
            e.label == "supported"
            and e.window is not None
            and (not asked.stated or states_deed(asked.claim, e.window.text))
        )

    if asked.order:  # each outlet's own earliest (latest) report of it, not its best-worded one
        evidence = [_earliest_or_latest(e, asked) if states(e) else e for e in evidence]
    # the closest-worded report first: "which outlet ...?" asks for one, and a loose match must not lead
    saying = sorted((e for e in evidence if states(e)), key=lambda e: -e.judgement.score)
    if asked.order == "earliest":  # by day, then by time of day where both articles give one; updated pages last
        saying.sort(key=lambda e: (_updated(e.window) is not None, _when(e)))
    elif asked.order:
        saying.sort(key=_when, reverse=True)
    elif asked.every:  # a list of the outlets that say it reads in the order they said it
        saying.sort(key=_when)
    lines: list[str] = []
    said = {id(e) for e in saying}
    parts = [
        Part(claim_as_written(asked.claim, question), e.label if id(e) in said else "not_mentioned", [])
        for e in evidence
    ]
    numbers = {}
    for e in saying:
        numbers[id(e)] = cites.quote(e.window, lines)  # type: ignore[arg-type]
    for e, part in zip(evidence, parts):
        if id(e) in numbers:
            part.citations = [numbers[id(e)]]
    silent = len(evidence) - len(saying)
    checked = (
        f"; {silent} other outlet{'s' if silent > 1 else ''} checked {'does' if silent == 1 else 'do'} not state it"
        if silent
        else ""
    )

    def ref(e: Evidence) -> str:
        return f"{e.source} ({_moment(e)}{_updated_note(e)}) [{numbers[id(e)]}]"

    def _updated_note(e: Evidence) -> str:
        until = _updated(e.window) if asked.order == "earliest" else None
        return f"; the page names days up to {until}, so it may have said this later" if until else ""

    report = claim_as_written(asked.claim.removeprefix(ABOUT), question)
    nothing = f"nothing found {{}} {'that says' if asked.stated else 'about'} {report}"
    if not saying and asked.dated:
        lead = f"{UNSETTLED}: " + nothing.format("in " + " or ".join(e.clause.source for e in evidence)) + "."
    elif asked.dated and len(evidence) > 1:
        # each outlet asked, with the day of its earliest report, the earliest first; an outlet without one is said
        days = [f"{e.source}: **{_moment(e)}**{_updated_note(e)} [{numbers[id(e)]}]" for e in saying]
        silent_ones = [e.clause.source for e in evidence if all(e is not t for t in saying)]
        lead = "The earliest report of it found in each — " + "; ".join(days)
        lead += "; " + nothing.format("in " + " or ".join(silent_ones)) if silent_ones else ""
        lead += "."
    elif not saying:
        # what was not found, not a denial: an outlet may say it in words this check does not match
        lead = (
            f"{UNSETTLED}: "
            + (
                f"none of the {len(evidence)} outlets checked was found to say"
                if len(evidence) > 1
                else f"the one outlet checked, {evidence[0].source}, was not found to say"
            )
            + f" {claim_as_written(asked.claim, question)}."
        )
    elif asked.dated:
        first = saying[0]
        lead = f"**{_moment(first)}** — the earliest report of it found in {first.source}{_updated_note(first)} [{numbers[id(first)]}]."
    elif asked.order:
        # reports of one day without both times are tied: which came first is not known
        tied = [e for e in saying if e.published_at == saying[0].published_at]
        timed = all(_when(e)[1] for e in tied)
        if timed:
            tied = [e for e in tied if _when(e) == _when(saying[0])]
        day = published_moment(tied[0].window) if timed and tied[0].window else saying[0].published_at
        word = "first" if asked.order == "earliest" else "most recently"
        names = " and ".join(f"**{e.source}**" for e in tied)
        lead = f"{names} reported it {word}, on {day}{_updated_note(tied[0])} [{'] ['.join(str(numbers[id(e)]) for e in tied)}]"
        rest = [ref(e) for e in saying if all(e is not t for t in tied)]
        lead += (
            (f"; {'later' if asked.order == 'earliest' else 'earlier'}: {', '.join(rest)}" if rest else "")
            + checked
            + "."
        )
    elif asked.every:
        outlets = [f"**{e.source}** ({e.published_at}) [{numbers[id(e)]}]" for e in saying]
        listed = ", ".join(outlets[:-1]) + f" and {outlets[-1]}" if len(outlets) > 1 else outlets[0]
        lead = (
            f"**{len(saying)}** of the {len(evidence)} outlet{'s' if len(evidence) > 1 else ''} checked: {listed}"
            if asked.counted
            else f"{listed} {'report' if len(saying) > 1 else 'reports'} it"
        )
        lead += checked + "."
    else:
        best, *also = saying
        lead = f"**{best.source}** ({best.published_at}) [{numbers[id(best)]}]"
        if asked.closest:
            lead += " — of the outlets named, its passage comes closest to what the question says, in words of its own"
        if also:
            # cited, not named in the lead: the answer is one outlet, the others only share fewer of its words
            lead += f"; passages sharing fewer of its words: {' '.join(f'[{numbers[id(e)]}]' for e in also)}"
        lead += checked + "."
    return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)
