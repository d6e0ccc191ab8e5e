"""Compose an answer from the parts' verdicts: the direct answer first (Yes / No / the entity / the order with both
dates), then one cited line per part. Every sentence is an exact quote or a short verdict whose premises are cited;
when the verdicts do not settle the question the answer says so instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from rag.answer.deeds import doers, done_to
from rag.answer.names import (
    a_competition,
    full_form,
    in_full,
    named_any_way,
    named_by_surname,
    names_in,
    says_word,
    standalone,
)
from rag.answer.parts import Evidence, Window, asks_if_happened, asks_quoted_words, claim_windows, windows
from rag.answer.reading import ORDER_WORDS, REPORT_NOUN, Reading, named_sources, without_unordered
from rag.answer.verdicts import (
    ABOUT,
    COMPARING,
    claim_terms,
    coverage,
    dated_claim,
    judge,
    lexical_support,
    speaker_claimed,
)
from rag.core.text import (
    CALENDAR_NAMES,
    IRREGULAR_VERBS,
    NAME_PHRASE,
    POST_PATTERN,
    REFUSAL_TEXT,
    ROLE_PATTERN,
    base_stem,
    folded,
    past_year_said,
    quoted_phrases,
    same_event_words,
    split_sentences,
    sums_of_money,
)
from rag.core.types import Answer, Citation, Hit, Part
from rag.verify.lexical import analyse, plain_words

UNSETTLED = "The articles do not settle this"
REFUSAL = REFUSAL_TEXT.rstrip(".")  # the refusal every answerer starts with; the reason follows it
# A question is refused when the articles it retrieved name fewer than this share of the names it asks about
# (people, companies, products): the articles are about something else. Chosen on the tune half
# (evals/train/tune_parts.py).
NAMES_FOUND_BELOW = 0.5

# ("Which chipmaker, whose shares fell ...": "whose" after a name of a kind is said of things too)
_PERSON_ASKED = re.compile(
    r"^\W*whose\b|^\W*(?:[^?]*?,\s*)?(?:who\b|whom\b|(?:which|what)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:individual|person|people|player|athlete|coach|executive|ceo|founder|celebrity|artist|"
    r"singer|actor|musician|writer|author|politician|leader|official)\b)"
    r"|^\s*(?:which|what)\s+[\w-]+(?:\s+[\w-]+)?\s*,?\s+(?:who|whom)\b",
    re.I,
)


@dataclass
class Citations:
    """Citations numbered in order of first use; the same span cited twice keeps its number."""

    items: list[Citation] = field(default_factory=list)

    def cite(self, window: Window) -> int:
        a = window.hit.article
        for c in self.items:
            if c.article_id == a.id and c.start == window.start and c.end == window.end:
                return c.n
        n = len(self.items) + 1
        self.items.append(Citation.of_span(n, a, window.start, window.end, window.hit.score))
        return n

    def supporting(self, window: Window, claim: str, lines: list[str], parts: list[Part]) -> int:
        """Quote the window (once) and record the claim it supports as a part citing it."""
        n = self.quote(window, lines)
        parts.append(Part(claim, "supported", [n]))
        return n

    def quote(self, window: Window, lines: list[str]) -> int:
        """Cite the window and, the first time it is cited, add its quoted line: a sentence cited twice is quoted
        once."""
        known = len(self.items)
        n = self.cite(window)
        if n > known:
            lines.append(quoted(window.text, n))
        return n


def _cite(cites: Citations, e: Evidence) -> int:
    """The citation number of a part's deciding window (a supported or contradicted part always has one)."""
    if e.window is None:
        raise ValueError(f"part {e.clause.claim!r} is {e.label} without a passage")
    return cites.cite(e.window)


def _outlet(e: Evidence) -> str:
    when = f" ({e.published_at})" if e.published_at else ""
    return f"{e.source or 'the articles'}{when}"


def refused_answer(question: str, text: str, cites: Citations, hits: list[Hit], asked: str) -> Answer:
    """A refusal: its text, the passages it quotes for the reader to judge, and the part asked, with no verdict."""
    return Answer(
        question=question,
        text=text,
        refused=True,
        citations=cites.items,
        hits=hits,
        parts=[Part(asked, "not_mentioned", [])],
    )


def quoted(text: str, n: int) -> str:
    """A quoted window with its [n] after every sentence, so that each sentence of the answer carries its citation
    (a marker belongs to the sentence it ends)."""
    return " ".join(f"{text[s:e]} [{n}]" for s, e in split_sentences(text)) or f"{text} [{n}]"


def _short(claim: str, limit: int = 90) -> str:
    claim = claim.strip(" ,.;:")
    return claim if len(claim) <= limit else claim[:limit].rsplit(" ", 1)[0] + " …"


def _part_lines(evidence: list[Evidence], cites: Citations) -> tuple[list[str], list[Part]]:
    """One line per part: the quote that decides it (exact), cited; parts with no evidence name what is missing."""
    lines, parts = [], []
    for e in evidence:
        if e.window is not None and e.label != "not_mentioned":
            n = _cite(cites, e)
            line = quoted(e.window.text, n)
            if line not in lines:  # two parts one window decides: quoted once
                lines.append(line)
            claim = dated_claim(e.clause.day, e.clause.shown) if e.day_mismatch else e.clause.shown
            parts.append(Part(claim, e.label, [n]))
        else:
            parts.append(Part(e.clause.shown, "not_mentioned", []))
    return lines, parts


def refuse_unknown_outlets(question: str, reading: Reading, hits) -> Answer | None:
    """A question about an outlet the index does not hold cannot be answered from it: say which outlet. A name a
    retrieved article's title gives is what a story is about ("In the Globex story, ...": the story on Globex), no
    outlet."""
    titles = " ".join(h.article.title for h in hits)
    if not reading.unknown_outlets or all(re.search(standalone(n), titles) for n in reading.unknown_outlets):
        return None
    names = ", ".join(reading.unknown_outlets)
    return Answer(
        question=question,
        text=f"{REFUSAL}: the index holds no articles from {names}.",
        refused=True,
        hits=hits,
        parts=[Part(f"what {n} reports", "not_mentioned", []) for n in reading.unknown_outlets],
    )


def missing_names(question: str, reading: Reading, evidence: list[Evidence], hits) -> list[str] | None:
    """The names the question asks about that none of the retrieved articles mentions, when they are too many of
    its names to answer from (None when enough are found)."""
    outlets = " ".join(reading.sources).lower()
    names = [
        n
        for n in dict.fromkeys(names_in(question[1:] if question[:1].isupper() else question))
        if n.lower() not in outlets
    ]
    if not names:
        return None
    articles = {h.article.id: h.article for e in evidence for h in e.hits} | {h.article.id: h.article for h in hits}
    texts = [f"{a.title} {a.text}".lower() for a in articles.values()]
    missing = [n for n in names if not any(n.lower() in t for t in texts)]
    if not missing or (len(names) - len(missing)) / len(names) >= NAMES_FOUND_BELOW:
        return None
    # too few are named as the question writes them; the refusal lists those the articles never name in any writing
    # (and there is none when each is named another way)
    return [n for n in missing if not any(named_any_way(n, t) for t in texts)] or None


# "both of Tech Wire's October stories", "both the Daily Ledger pieces": two reports asked of, whatever their outlets
_TWO_REPORTS = re.compile(
    r"\bboth\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|[\w.&-]+(?:\s+[\w.&-]+)?['’]s?\s+)?(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{REPORT_NOUN}s?|stories|analyses)\b",
    re.I,
)


def compose_yes_no(question: str, reading: Reading, evidence: list[Evidence], hits) -> Answer:
    """Yes / No from the parts: a contradicted part makes the question's premise false; all parts supported make
    it true (or, for "do they differ?", false); otherwise the verdicts do not settle it."""
    cites = Citations()
    lines, parts = _part_lines(evidence, cites)
    labels = [e.label for e in evidence]
    # ("did Mara Lind say '...' after the win?": when she spoke is no order of reports to check, whose words they
    # are is what is asked)
    quoting = len(evidence) == 1 and asks_quoted_words(evidence[0].clause)
    order_word = "" if quoting else _order_left_out(question, reading, evidence)
    # (when no passage says any part, nothing was found to date: the claims left open say so, as for any question,
    # and no order of two events found is implied; "the three weeks before the game" is no second event)
    if order_word and any(label != "not_mentioned" for label in labels):
        # "Did Tech Wire report X after Y had happened?" read as one claim: its verdict would say nothing of the order
        shown = [w for e in evidence if (w := e.window or _closest(e, reading)) is not None]
        lines = [quoted(w.text, cites.cite(w)) for w in shown]
        lead = (
            f"{UNSETTLED}: the question asks whether one thing came {order_word} another, and this check could "
            f"not date both{'; the closest passages are quoted below' if lines else ''}."
        )
        parts = [Part(e.clause.shown, "not_mentioned", []) for e in evidence]
        return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)
    # (whose words a quotation is does not change with later reports: the part's own verdict decides)
    timeline = (
        _timeline(evidence[0], asks_if_happened(reading, evidence[0].clause))
        if reading.shape == "yesno" and len(evidence) == 1 and reading.order != "which" and not quoting
        else []
    )
    # only a report that decides the part makes a timeline: passages that merely share its words ("Ostland", "final")
    # are no "latest report" on it
    if len(timeline) >= 2 and any(label != "not_mentioned" for _, label in timeline):
        return _latest_first(question, evidence[0], timeline, hits)
    held = [e for e in evidence if e.label == "supported"]
    # A contradicted part answers an order question too: "did A report X after B?" is No when A says otherwise.
    if reading.either and (held or all(label == "contradicted" for label in labels)):
        # "did either A or B report X?": one outlet saying it answers Yes; No only when each says otherwise
        if held:
            lead = "**Yes.** " + "; ".join(f"{_outlet(e)} [{_cite(cites, e)}]" for e in held) + " reports it."
        else:
            lead = "**No.** " + "; ".join(f"{_outlet(e)} [{_cite(cites, e)}]" for e in evidence) + " says otherwise."
    elif reading.relation in ("agree", "differ", "unchanged") and len(reading.sources) >= 2 and len(evidence) == 1:
        # asked how two outlets' reports relate, one part was all the reading found: one report compares with nothing
        # (a part with no passage of its own shows its closest one, or says none was found)
        nearest = evidence[0].window or _closest(evidence[0], reading)
        if not lines and nearest is not None:
            lines = [quoted(nearest.text, cites.cite(nearest))]
        lead = (
            f"{UNSETTLED}: the question compares {' and '.join(reading.sources)}, and only {_outlet(evidence[0])}'s "
            "report was read as a part; "
            + (
                "no passage of it was found to quote."
                if not lines
                else "its passage is quoted below."
                if evidence[0].label == "supported"
                else "its closest passage is quoted below."
            )
        )
    elif reading.shape == "order" and "contradicted" not in labels:
        lead = _order_lead(reading, evidence, cites)
    elif reading.order == "which":
        # asked which came first, a Yes or a No answers nothing: the two reports were not both read as parts
        which = "which report came first" if reading.sources else "which came first"
        lead = f"{UNSETTLED}: the question asks {which}, and the two were not both found to compare."
    elif "contradicted" in labels:
        bad = next(e for e in evidence if e.label == "contradicted")
        if bad.said_instead:
            lead = (
                f"**No.** {_outlet(bad)} gives the words the question quotes to {bad.said_instead}, not to "
                f"{speaker_claimed(bad.clause.claim)} [{_cite(cites, bad)}]."
            )
        elif bad.day_mismatch:
            lead = (
                f"**No.** {bad.clause.source} published nothing we found on {bad.clause.day}; "
                f"its closest report is dated {bad.published_at} [{_cite(cites, bad)}]."
            )
        else:
            # the claim in plain words, not in quotation marks: quotation marks would say the article wrote it. A part
            # may be a phrase ("defeat for the Rovers in Week 13"), which "the claim that ..." would make ungrammatical.
            claim = _short(bad.clause.shown)
            said = f"what the question says {claim}" if claim.startswith(ABOUT) else f"what the question says: {claim}"
            # (cited after the outlet: after the claim, the number would read as the source of the false claim)
            lead = f"**No.** What {_outlet(bad)} reports [{_cite(cites, bad)}] contradicts {said}."
    elif (
        labels
        and all(label == "supported" for label in labels)
        and _one_claim_compared(reading, evidence)
        and _QUOTATION_COMPARED.search(question)
        and _one_quotation(evidence)
    ):
        # "Did A and B quote the same statement?": both passages give the same words in quotation marks
        first, second = (f"{_outlet(e)} [{_cite(cites, e)}]" for e in evidence)
        yes = reading.relation not in ("differ", "unchanged")
        lead = f"**{'Yes' if yes else 'No'}.** {first} and {second} quote the same words, word for word."
    elif (
        labels
        and all(label == "supported" for label in labels)
        and _one_claim_compared(reading, evidence)
        and (sums := _one_sum_each(question, evidence)) is not None
    ):
        # "Do A and B give the same price for X?": each passage gives one sum, and the sums are what is compared
        (a, said_a), (b, said_b) = sums
        first, second = (f"{_outlet(e)} [{_cite(cites, e)}]" for e in evidence)
        same = a == b
        yes = same != (reading.relation in ("differ", "unchanged"))
        given = f"both give {said_a}: {first}; {second}" if same else f"{first} gives {said_a}; {second} gives {said_b}"
        lead = f"**{'Yes' if yes else 'No'}.** {given[0].upper()}{given[1:]}."
    elif labels and all(label == "supported" for label in labels) and _one_claim_compared(reading, evidence):
        refs = " and ".join(f"{_outlet(e)} [{_cite(cites, e)}]" for e in evidence)
        lead = (
            f"{UNSETTLED}: {refs} each report on it, and this check cannot tell whether what they say agrees; "
            "their passages are quoted below."
            if len(evidence) > 1
            else f"{UNSETTLED}: {refs} reports on it, and one passage cannot show whether the reports compared agree; "
            "it is quoted below."
        )
    elif labels and all(label == "supported" for label in labels):
        refs = "; ".join(dict.fromkeys(f"{_outlet(e)} [{_cite(cites, e)}]" for e in evidence))
        if reading.alternatives:
            # the parts hold as stated: the reports agree, unless the question asked whether they differ
            agree, differ = reading.alternatives
            word = differ if reading.relation in ("differ", "unchanged") else agree
            lead = f"**{word[:1].upper() + word[1:]}.** Each report says what the question states: {refs}."
        elif (
            reading.relation in ("differ", "unchanged")
            and len(_articles_of(evidence)) < 2
            and (len(reading.clauses) >= 2 or _BETWEEN_TWO.search(question))
        ):
            # "Did the price change between A's two posts?": one article found shows no change between two reports
            # (one report may tell a change itself: "moved to Buy from Hold", asked "did the rating change?")
            # (asked whether reports contradict each other, one that says what the question states is a No on the
            # tune half: three right answers there were lost when this covered "contradict" too)
            lead = (
                f"{UNSETTLED}: the question compares reports, and the passages found are from one article, {refs}; "
                "it is quoted below."
            )
        elif reading.relation == "contradict":
            lead = f"**No.** Each report says what the question states and none contradicts another: {refs}."
        elif reading.relation == "differ":
            lead = f"**Yes.** Each report says what the question states, and they say different things: {refs}."
        elif reading.relation == "unchanged":
            # the same evidence that answers "was there a change?" with Yes answers "was there no change?" with No
            lead = f"**No.** Each report says what the question states, and they say different things: {refs}."
        elif _TWO_REPORTS.search(question) and len(_articles_of(evidence)) < 2:
            # "Do both of Tech Wire's pieces on the launch say X?": one article saying it is half the answer
            lead = (
                f"{UNSETTLED}: the question asks what two reports both say, and the passages found are from one "
                f"article, {refs}; it is quoted below."
            )
        elif _VALUE_COMPARED.search(question):
            # "Is the price the same in A's list and B's?": each part found says nothing of whether the values match,
            # which only the values, compared, would (`_one_sum_each` found no one sum in each to compare)
            lead = (
                f"{UNSETTLED}: the question compares the values the reports give, and I could not compare them; "
                f"the passages found ({refs}) are quoted below."
            )
        else:
            lead = f"**Yes.** Each part is supported: {refs}."
            # asked whether it happened, one report that dates it to a past year says when: "in 2022", not today's news
            if reading.shape == "yesno" and evidence[0].window and len(evidence) == 1:
                year = earlier_year(evidence[0].window, same_event_words(evidence[0].clause.claim))
                if year and asks_if_happened(reading, evidence[0].clause):
                    e = evidence[0]
                    lead = f"**Yes**, in {year} (reported on {e.published_at}): {e.source} [{_cite(cites, e)}]."
    else:
        found = [
            f"{_outlet(e)} {'reports' if e.clause.claim.startswith(ABOUT) else 'supports the part that'} "
            f"{_short(e.clause.shown, 60)} [{_cite(cites, e)}]"
            for e in evidence
            if e.label == "supported"
        ]
        missing = [
            f"“{_short(e.clause.shown.removeprefix(ABOUT), 60)}”"
            + (f" in {e.clause.named_as}" if e.clause.source else "")
            for e in evidence
            if e.label == "not_mentioned"
        ]
        lead = f"{UNSETTLED}: " + "; ".join(found + [f"I could not confirm or rule out {m}" for m in missing]) + "."
        near = _closest(evidence[0], reading) if not found and len(evidence) == 1 else None
        if near is not None:
            # "Did X happen?" left open: the passage closest to it, for the reader to judge (no verdict rests on it;
            # the lead cites nothing, it says what the check could not confirm)
            n = cites.cite(near)
            lead = (
                f"{UNSETTLED}: I could not confirm or rule out {missing[0]}; the closest passage, {outlet_of(near)}, "
                "is quoted below."
            )
            lines = [*lines, quoted(near.text, n)]
    text = "\n".join([lead, *lines])
    return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=parts)


_ORDER_WORD = re.compile(rf"\b(?:{ORDER_WORDS})\b", re.I)
# an order word placing the claim against another event ("before its second guide", "after the jury ruled"), not
# against a time ("before 2020", "after November 6", "after the match" is an event too)
_BEFORE_AN_EVENT = re.compile(
    rf"\b(?:{ORDER_WORDS})\s+(?!(?:{'|'.join(CALENDAR_NAMES)}|\d|the\s+(?:end|start|"
    r"beginning|break|weekend|season|deadline)\b|(?:last|next|this)\s+\w+\b))",
    re.I,
)


# "(According to Tech Wire,) had Globex sold 1,000 cars ...": a count so far, up to the time the question gives
_COUNT_AS_OF = re.compile(r"^(?:[^,?]*,\s*)?(?:had|has|have)\s[^?]*?\d", re.I)


def _order_left_out(question: str, reading: Reading, evidence: list[Evidence]) -> str:
    """The order word ("after") of a yes/no question whose verdicts cannot say which of two events came first: one
    part lost the word when its two events were read as one claim ("Did Tech Wire report X after Y had happened?"),
    or keeps it ("... publish its X guide before its Y guide?") while no passage it rests on says it; or the question
    was split into parts at the word; else ""."""
    # an order word inside quoted words ("said 'prices fall after a while'") or a title's ("Life After Globex") is
    # none the question asks about
    unquoted = without_unordered(question)
    for phrase in quoted_phrases(question):
        unquoted = unquoted.replace(phrase, " ")
    m = next((w for w in _ORDER_WORD.finditer(unquoted) if w.group(0).islower()), None)
    if reading.shape != "yesno" or m is None or reading.order == "which":
        return ""  # "before or after?" is answered as asked (see compose_yes_no)
    if _COUNT_AS_OF.match(unquoted[: m.start()]):
        return ""  # "Had Globex sold 1,000 cars after the launch?" asks a count as of then, not which came first
    if len(evidence) > 1:
        # split at the order word ("Did X come out before Tech Wire covered Y?"): each part's verdict says one
        # happened, none which came first
        return "" if any(_ORDER_WORD.search(without_unordered(e.clause.text)) for e in evidence) else m.group(0).lower()
    part = evidence[0]
    if not _ORDER_WORD.search(without_unordered(part.clause.text)):
        return m.group(0).lower()
    asked = _BEFORE_AN_EVENT.search(without_unordered(part.clause.claim))
    said = part.window is not None and _ORDER_WORD.search(part.window.text)
    return asked.group(0).split()[0].lower() if asked and not said else ""


# a value two reports are asked to give alike: "the same price", "is the price the same", "match the one B gives"
_VALUE = (
    r"(?:price|prices|figure|figures|number|numbers|amount|amounts|total|score|scoreline|date|rate|fee|cost|value|"
    r"salary|discount|offer|count|tally|sum|valuation)"
)
# (given by a report: "towards the same date" only points back at a date named before)
_VALUE_COMPARED = re.compile(
    rf"\b(?:give|gives|gave|report|reports|reported|list|lists|listed|quote|quotes|quoted|cite|cites|cited|put|puts|"
    rf"show|shows|going\s+for|selling\s+for|sold\s+for|priced\s+at)\s+(?:the\s+same|identical|matching)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_VALUE}\b|\b{_VALUE}\s+(?:(?:is|was|are|were)\s+)?(?:the\s+same|identical)\b"
    rf"|\b{_VALUE}\b[^?]*\bmatch(?:es|ed)?\s+the\s+one\b",
    re.I,
)
# a question about a sum: "the same price", "the same dollar figure", "agree on the valuation"
_SUM_ASKED = re.compile(r"\b(?:price|figure|value|valuation|sum|amount|cost|fee|salary|dollar|pay)s?\b", re.I)


# "between its Black Friday and Cyber Monday posts", "did its later coverage change that?": two reports compared
_BETWEEN_TWO = re.compile(
    r"\bbetween\b[^?]+\band\b|\b(?:later|subsequent|follow-?up|first|earlier|original)\s+(?:[\w-]+\s+)?"
    r"(?:coverage|reports?|reporting|stor(?:y|ies)|articles?|pieces?)\b",
    re.I,
)


# "Did A and B quote the same statement?": the quotations two reports give, compared word for word
_QUOTATION_COMPARED = re.compile(r"\b(?:quot(?:e|es|ed|ing)|statements?|remarks?|comments?)\b", re.I)
# the fewest words two reports' quotations share to be one quotation, not a phrase anyone might use
SAME_QUOTATION_WORDS = 8


def _one_quotation(evidence: list[Evidence]) -> str:
    """A quotation of SAME_QUOTATION_WORDS words or more that both parts' passages give word for word (case, quote
    marks and the closing punctuation aside); "" when there is none."""
    if len(evidence) != 2 or evidence[0].window is None or evidence[1].window is None:
        return ""
    other = folded(evidence[1].window.text)
    for phrase in quoted_phrases(evidence[0].window.text):
        words = folded(phrase).strip(" ,.;:!?").split()
        if len(words) >= SAME_QUOTATION_WORDS and " ".join(words) in other:
            return phrase
    return ""


def _articles_of(evidence: list[Evidence]) -> set[str]:
    """The articles the parts' windows come from."""
    return {e.window.hit.article.id for e in evidence if e.window}


def _one_sum_each(question: str, evidence: list[Evidence]) -> list[tuple[float, str]] | None:
    """Asked about a sum, two parts whose passages each give one sum of money: (value, as written) of each; else
    None (a passage giving two sums does not say which is the one asked about)."""
    if len(evidence) != 2 or not _SUM_ASKED.search(question):
        return None
    sums = [_sums_of_the_thing(e) for e in evidence]
    if any(len({value for value, _ in found}) != 1 for found in sums):
        return None
    return [found[0] for found in sums]


def _sums_of_the_thing(e: Evidence) -> list[tuple[float, str]]:
    """The sums of a part's passage written beside a word of what its claim is about ("sold the Harbour tower for $40
    million" for the tower; not "was fined $2 million" in the same passage)."""
    if e.window is None:
        return []
    # what the sum is of: the words after "the same price" ("for the Globex tower"), else the whole claim
    claim = e.clause.claim.removeprefix(ABOUT)
    asked = _SUM_ASKED.search(claim)
    thing = plain_words(claim[asked.end() :] if asked and plain_words(claim[asked.end() :]) else claim)
    text = e.window.text
    found = []
    for value, written in sums_of_money(text):
        at = text.find(written.lstrip("$£€")) if written not in text else text.find(written)
        near = " ".join(text[max(0, at - 40) : at + len(written) + 40].split()[1:-1])
        if at >= 0 and thing & plain_words(near):
            found.append((value, written))
    return found


def _one_claim_compared(reading: Reading, evidence: list[Evidence]) -> bool:
    """Every part holds the same claim, and it states the comparison itself ("Did A and B give different figures for
    X?", "Do A's two reports name the same winner?") or, asked how two reports relate, nothing but a topic ("was the
    reporting on X consistent between A and B?"): that each report covers it says nothing of whether they agree, which
    needs what each says compared. (Both saying a stated claim, "Do A and B suggest that X?", is a verdict: they
    agree.)"""
    claims = {claim_terms(e.clause.claim) for e in evidence}
    if not evidence or len(claims) != 1:
        return False
    claim = claims.pop()
    relation = reading.relation in ("agree", "differ", "unchanged") or bool(reading.alternatives)
    return (len(evidence) >= 2 and claim.startswith(ABOUT) and relation) or bool(COMPARING.search(claim))


# Articles whose best window shares this much of a part's claim are reports about the same thing, at their dates.
SAME_STORY = 0.5
_CALENDAR_WORD = re.compile(rf"\b(?:{'|'.join(CALENDAR_NAMES)})\b")


def _closest(e: Evidence, reading: Reading) -> Window | None:
    """The window sharing most of an open yes/no part's claim (the shorter of two alike): at least SAME_STORY of it,
    every name of it in one sentence and a plain word of it when it has one ("Colts (-2.5) at Panthers" is no
    closest report of whether the Panthers won)."""
    if reading.shape != "yesno" or e.label != "not_mentioned":
        return None
    terms = claim_terms(e.clause.claim)
    _, content, _ = analyse(terms)
    names = {t for t, _, kind in content if kind == "name"}
    words = {t for t, _, kind in content if kind == "word"}
    best: tuple[tuple[float, int], Window] | None = None
    for w in claim_windows(e.clause.claim, e.hits, asks_if_happened(reading, e.clause)):
        said = analyse(w.text)[0]
        rank = (coverage(terms, w.text), -len(w.text))
        # every name in one of its sentences: "Chelsea beat Brighton. ... behind Liverpool" tells of no meeting
        one_sentence = any(names <= analyse(w.text[a:b])[0] for a, b in split_sentences(w.text))
        if rank[0] >= SAME_STORY and one_sentence and (not words or words & said) and (best is None or rank > best[0]):
            best = (rank, w)
    return best[1] if best else None


def _timeline(e: Evidence, happened: bool) -> list[tuple[Window, str]]:
    """Per article of the part's passages, its best window and verdict, newest first, when they carry different
    dates: news changes, and the latest report decides."""
    # per article: (decides the claim, coverage) of its best window, so that an article's window saying it happened
    # ("reach agreement on return as CEO") beats the same article's closer-worded one that does not ("ambivalent
    # about coming back")
    best: dict[str, tuple[tuple[bool, float, int], Window, str]] = {}
    terms = claim_terms(e.clause.claim)
    # a weekday or a month says when, not what: "Theo Park's form didn't go unnoticed in October" is no report on the
    # ferries going back one Sunday in October
    story = _CALENDAR_WORD.sub(" ", terms) if plain_words(_CALENDAR_WORD.sub(" ", terms)) else terms
    # and a report on the same story names someone it names: "came in" of another player is no report on "Mara Lind
    # came on"
    # (by the word as written: "hardy" stems as "Hardi" does)
    names = [n.split()[-1] for n in names_in(story)]
    for w in claim_windows(e.clause.claim, e.hits, happened):
        cover = coverage(story, w.text)
        unnamed = bool(names) and not any(says_word(n, w.text) for n in names)
        if cover < SAME_STORY or not w.hit.article.published_at or unnamed:
            continue
        label = judge(e.clause.claim, [w.text], happened=happened).label
        # a single sentence beats the pair it is part of when it says as much: the pair's other sentence is noise
        rank = (label != "not_mentioned", cover, -len(w.text))
        if w.hit.article.id not in best or rank > best[w.hit.article.id][0]:
            best[w.hit.article.id] = (rank, w, label)
    found = sorted(
        best.values(), key=lambda b: (b[1].hit.article.published_at, b[1].hit.article.published_instant), reverse=True
    )
    if len({w.hit.article.published_at for _, w, _ in found}) < 2:
        return []
    return [(w, label) for _, w, label in found]


# Earlier reports that neither say it nor deny it are shown as context ("she resigned" before "she returned"), the
# latest few only: a trial's every preview is no evidence of its verdict.
UNDECIDED_SHOWN = 2


# the clauses of a sentence, each of which may date its own event ("X beat Y in 2007, avenging a defeat in 1994")
_CLAUSES = re.compile(r",\s+|;\s+|\s[—–-]\s")


def earlier_year(window: Window, claim: str) -> str:
    """The one year, before its report's, that the deciding quote dates the event to ("last year, when Globex bought
    Tide Works"), else "": said "as of" the report's day, a past year's event would read as that day's news."""
    said = earlier_year_said(window, claim)
    return str(said[0]) if said else ""


def earlier_year_said(window: Window, claim: str) -> tuple[int, str] | None:
    """The year of `earlier_year` with the words that say it ("last year", "2020"), or None. A sentence naming several
    years dates the event by the one in the clause that says the claim."""
    published = window.hit.article.published_at[:4]
    if not published.isdigit():
        return None
    # of a window of two sentences, the one that says the claim: "Ostland Games started buying studios in 2020.
    # Globex bought Tide Works in November." does not date the second purchase
    sentences = [window.text[s:e] for s, e in split_sentences(window.text)] or [window.text]
    saying = max(sentences, key=lambda s: coverage(claim, same_event_words(s))) if claim else window.text
    text = _saying_only(saying, claim)
    # a quote that also names its report's own year ("fired 830 people this year ... the studio it bought in 2021")
    # dates the claim only by the clause that says it
    own_year = _REPORTS_OWN_TIME.search(text) or re.search(rf"\b{published}\b", text)
    past = None if own_year else past_year_said(text, int(published))
    if past is not None and _dates_another_deed(text, past[1], claim):
        past = None
    if past is None and claim:
        covers = [(coverage(claim, same_event_words(c)), c) for c in _CLAUSES.split(text)]
        cover, clause = max(covers, key=lambda x: x[0])
        past = past_year_said(clause, int(published)) if cover >= CLAUSE_COVER else None
    return past


# a clause says the claim when it holds this share of its words
CLAUSE_COVER = 0.6

# the report's own time said in the quote ("this year", "this month", "today"): a past year there may date another clause
_REPORTS_OWN_TIME = re.compile(r"\bthis\s+(?:year|month|week)\b|\btoday\b(?!['’]s)", re.I)
# "testified that ...", "testified about ...", "testified to sprucing up ...": what is said, not the saying
_SAID_THAT = re.compile(r"\b([A-Za-z]+)\s+(?:that|about|to(?=\s+\w+ing\b))\b")


def _dates_another_deed(text: str, year_words: str, claim: str) -> bool:
    """The year is said in a relative clause with a past-tense verb of its own, none of them the claim's: "job cuts
    at Tide Works, the studio that Globex bought in 2021" dates the purchase, not the cuts ("That changed last year,
    when Globex bought ..." has no relative clause, and dates the purchase)."""
    clause = next((c for c in _CLAUSES.split(text) if year_words in c), "")
    relative = _RELATIVE.search(clause)
    if relative is None:
        return False
    deed = plain_words(claim)
    verbs = [w for w in re.findall(r"[a-z]+", clause[relative.end() :]) if w.endswith("ed") or w in IRREGULAR_VERBS]
    return bool(verbs) and not any(base_stem(v) in deed for v in verbs)


_RELATIVE = re.compile(r"(?:^|(?<=\w)\s+)(?:that|which|who|whom)\s")


def _saying_only(text: str, claim: str) -> str:
    """The text up to what the claim's own verb reports: for "did Mara Lind testify?", "Lind testified that in 2020
    Globex ..." and "Lind testified to backdating deals in December 2020" date what she said, not her testimony."""
    deed = plain_words(claim)
    for m in _SAID_THAT.finditer(text):
        if base_stem(m.group(1)) in deed:
            return text[: m.end(1)]
    return text


# asked of the time now: "still", "any longer", "according to the latest report"
_ASKS_STILL = re.compile(r"\b(?:still|any\s+longer|anymore|no\s+longer|most\s+recent|latest)\b", re.I)


# a sentence that says how things are: "is", "remains", "still", "now", "costs"
_PRESENT = re.compile(
    r"\b(?:is|are|isn[’']t|aren[’']t|remains?|stays?|still|now|currently|today|costs|sells|runs|holds|leads|serves|has|"
    r"have|will)\b",
    re.I,
)


def _latest_first(question: str, e: Evidence, timeline: list[tuple[Window, str]], hits) -> Answer:
    """Lead with the latest report that decides the part ("as of <date>"), then the earlier ones as earlier, each
    said to agree, to say otherwise, or not to decide it; the part cites only the reports that give its verdict."""
    cites = Citations()
    w, verdict = next((w, label) for w, label in timeline if label != "not_mentioned")
    word = "**Yes**" if verdict == "supported" else "**No**"
    day = w.hit.article.published_at
    year = earlier_year(w, same_event_words(e.clause.claim)) if verdict == "supported" else ""
    when = f"in {year} (reported on {day})" if year else f"as of {day}"
    # reports dated after the deciding one that the check reads as neither confirming nor denying it: shown as later,
    # not called earlier; and said to be undecided by the check, not by the report (a paraphrase may decide it)
    later = [x for x, _ in timeline if x is not w and x.hit.article.published_at > day]
    deciding = f"{w.hit.article.source or w.hit.article.title} [{cites.cite(w)}]"
    if verdict == "contradicted" and later and _running_count_below(e.clause.claim, w.text):
        # "have conceded 14 goals" on Monday does not deny the 15 that later reports give: a count not yet reached
        # when a report was written may be reached by the time of the later ones, which the check could not read
        lead = f"{UNSETTLED}: as of {day}, {deciding} said otherwise"
    elif verdict == "supported" and _ASKS_STILL.search(question) and not _PRESENT.search(w.text):
        # "Is the app still $2 a month?" is not answered by "it set out to build an app ... for $2 a month": a
        # sentence of the past says nothing of now
        lead = f"{UNSETTLED}: as of {day}, {deciding} says so only of the past"
    elif later and _ASKS_STILL.search(question):
        # "Is she still the coach?" asks of now: a later report the check could not read may be the one that ends it
        lead = f"{UNSETTLED}: as of {day}, {deciding} said {'so' if verdict == 'supported' else 'otherwise'}"
    else:
        lead = f"{word}, {when}: {deciding}"
    earlier = [(x, label) for x, label in timeline if x is not w and x.hit.article.published_at <= day]
    same = [x for x, label in earlier if label == verdict]
    other = [x for x, label in earlier if label not in (verdict, "not_mentioned")]
    undecided = [x for x, label in earlier if label == "not_mentioned"][:UNDECIDED_SHOWN]
    shown_as = [
        ("later reports, which this check could not decide", later),
        ("earlier reports say so too", same),
        ("earlier reports said otherwise", other),
        ("earlier reports, which this check could not decide", undecided),
    ]
    for label, reports in shown_as:
        if reports:
            lead += f"; {label}: " + ", ".join(f"{outlet_of(x)} [{cites.cite(x)}]" for x in reports)
    lead += "."
    # the quote that decides it first, then the others from the latest back, each under its number
    shown = [w, *(x for x, _ in timeline if x is not w and (x in later or x in same or x in other or x in undecided))]
    lines = [quoted(x.text, cites.cite(x)) for x in shown]
    parts = [Part(e.clause.shown, verdict, [cites.cite(x) for x in (w, *same)])]
    return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)


# "have conceded 14 goals", "has now sold 3 million": a count up to the day of the report
_COUNT_SO_FAR = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+|also\s+|so\s+far\s+)?[a-z]+(?:ed|en|wn|ld|ot)\s", re.I
)


def _running_count_below(claim: str, text: str) -> bool:
    """The text gives a count so far ("have conceded 14 goals") below a number the claim asks of ("15 goals")."""
    # (a number token may carry its kind: "50%", "2nd")
    said, asked = (
        [float(v.group()) for t, _, kind in analyse(x)[1] if kind == "number" and (v := re.match(r"\d+(?:\.\d+)?", t))]
        for x in (text, claim)
    )
    return bool(_COUNT_SO_FAR.search(text)) and any(a > s for a in asked for s in said)


def published_moment(window: Window, seconds: bool = False) -> str:
    """The publication time of the window's article in UTC ("2023-12-24 09:10 UTC", with `seconds` "09:10:25"), ""
    when none was given."""
    instant = window.hit.article.published_instant
    shown = "%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC"
    return datetime.fromtimestamp(instant, tz=UTC).strftime(shown) if instant else ""


def _order_lead(reading: Reading, evidence: list[Evidence], cites: Citations) -> str:
    """Compare the dates of the first two parts' articles with the order the question states; two reports of one
    day are ordered by their publication times when both articles give one."""
    dated = [e for e in evidence if e.window is not None and e.published_at and e.label != "not_mentioned"]
    if len(dated) < 2:
        return f"{UNSETTLED}: the reports to compare were not both found with a date."
    first, second = dated[0], dated[1]
    a, b = first.published_at, second.published_at
    na, nb = _cite(cites, first), _cite(cites, second)
    if (
        first.window is not None
        and second.window is not None
        and first.window.hit.article.id == second.window.hit.article.id
    ):
        # "before it reported Y" asks of two reports: one article holding both parts dates neither against the other
        return f"{UNSETTLED}: one article, {first.source} of {a} [{na}][{nb}], says both; the two reports were not found apart."
    if reading.order == "same":
        if a == b:
            return f"**Yes.** {first.source} [{na}] and {second.source} [{nb}] both reported it on {a}."
        return f"**No.** {first.source} reported it on {a} [{na}], {second.source} on {b} [{nb}]."
    if a == b and first.window is not None and second.window is not None:
        ia, ib = first.window.hit.article.published_instant, second.window.hit.article.published_instant
        if not (ia and ib) or ia == ib:
            return f"{UNSETTLED}: both reports are dated {a} [{na}][{nb}]" + (
                ", at the same time." if ia and ia == ib else ", and not both give a time of day."
            )
        # two reports of one minute are told apart, and shown apart, by their seconds
        same_minute = published_moment(first.window) == published_moment(second.window)
        a, b = published_moment(first.window, same_minute), published_moment(second.window, same_minute)
        true_first_earlier = ia < ib
    else:
        true_first_earlier = a < b
    if reading.order == "which":
        word = "Before" if true_first_earlier else "After"
        return f"**{word}.** {first.source} reported it on {a} [{na}], {word.lower()} {second.source} on {b} [{nb}]."
    early, late = ((first, na, a), (second, nb, b)) if true_first_earlier else ((second, nb, b), (first, na, a))
    if reading.which_came:
        # asked which came first (or later), the report that did leads, not a Yes or No to a question not asked
        named = early if reading.which_came == "first" else late
        # two reports of one outlet are told apart by what each is about, not by the outlet's name
        which = (
            f"{named[0].source}'s report on “{_short(named[0].clause.shown.removeprefix(ABOUT), 70)}”"
            if early[0].source == late[0].source
            else named[0].source
        )
        return (
            f"**{which} {reading.which_came}.** {early[0].source} reported on {early[2]} [{early[1]}], "
            f"before {late[0].source} on {late[2]} [{late[1]}]."
        )
    if (reading.order == "before") == true_first_earlier:
        return (
            f"**Yes.** {early[0].source} reported it on {early[2]} [{early[1]}], before {late[0].source} on "
            f"{late[2]} [{late[1]}]."
        )
    return (
        f"**No — the other way round:** {early[0].source} reported on {early[2]} [{early[1]}], before "
        f"{late[0].source} on {late[2]} [{late[1]}]."
    )


# How much "named in most of the retrieved passages" counts beside the parts' support (tune half).
ENTITY_SPREAD_WEIGHT = 6.0  # tune inference accuracy: 0 -> 0.516, 1 -> 0.672, 2 -> 0.766, 4 -> 0.797, 6 and 10 -> 0.805


# The whole question's best passages an entity may come from besides its parts' own (pick_entity), and where the
# answer then quotes it from (compose_entity)
QUESTION_PASSAGES = 5


# The role the answer holds, as the question asks for it: "Which judge ...?" -> "judge", "Who is the Globex CEO
# who ...?" -> "CEO"
_ROLE_ASKED = re.compile(
    r"^\W*(?i:which|what)\s+(?P<role>[a-z]+)\b|^\W*(?i:who)\s+(?:is|was)\s+the\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<role2>[A-Za-z]+)\s+(?:who|that|whose)\b",
)
# Offices news writes before a holder's name ("Judge Mara Lind", "Globex CEO Mara Lind"), each held by one person in a
# story. Not positions many share ("emergency quarterback Theo Park" is one of several), nor kinds of thing ("company").
_OFFICES = frozenset(
    "judge ceo cfo coo chairman chairwoman chair president senator governor mayor minister prosecutor publisher "
    "commissioner speaker".split()
)


# "Which Ostland chairman, ...?", "Which Tide Sports executive told ...?", "Which venture firm saw ...?":
# the role is the noun the asked-for phrase ends with, after the names and words that say whose or what kind
_ROLE_PHRASE = re.compile(
    r"^\W*(?i:which|what)\s+(?:(?:[A-Z][\w'’.&-]*|[a-z][\w-]*)\s+){0,3}?(?P<role>[a-z][\w-]+)"
    r"(?=\s*,|\s+(?:who|whom|whose|that|did|does|is|was|has|had|saw|told|said|would|will)\b)"
)
# Roles news writes before or beside a name, held by few in a story, beyond the offices ("Globex executive Mara Lind",
# "investment firm Tide Works", "Mara Lind, the Globex chairman")
_TITLED_ROLES = _OFFICES | frozenset("executive firm startup director manager owner founder co-founder".split())


def role_asked(question: str) -> str:
    m = _ROLE_ASKED.match(question)
    role = (m.group("role") or m.group("role2")) if m else ""
    if role.lower() in _OFFICES:
        return role
    phrase = _ROLE_PHRASE.match(question)
    return phrase["role"] if phrase and phrase["role"].lower() in _TITLED_ROLES else ""


# "Who composed ...?", "Who directed ...?": the deed asked, whose doer news names by its agent noun ("composer Mara
# Lind", "Mara Lind, the director")
_WHO_DID = re.compile(r"^\W*who\s+(?P<verb>[a-z]{3,}(?:ed|d))\b", re.I)


def agent_nouns(question: str) -> list[str]:
    """The nouns for the doer of the deed a "who <did> ...?" question asks about: "composed" -> "composer",
    "directed" -> "director"; none for another question."""
    m = _WHO_DID.match(question)
    if m is None:
        return []
    verb = m.group("verb").lower()
    bases = {verb[:-2], verb[:-1]}  # "directed" -> "direct", "composed" -> "compose"
    # (a form no noun has, "directer", is only never found)
    return sorted({b + end for b in bases if len(b) >= 3 for end in (("r",) if b.endswith("e") else ("er", "or"))})


def titled_names(role: str, text: str) -> set[str]:
    """The names the text gives the role: "Judge Mara Lind", "Globex CEO Mara Lind", "Mara Lind, the judge"."""
    r = re.escape(role)
    name = rf"({NAME_PHRASE.pattern})"
    found = re.finditer(rf"(?i:\b{r})\s+{name}|{name},\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?(?i:{r})\b", text)
    # a person's name, in full: "Judge Lind" alone may be any Lind
    return {n for m in found if len((n := (m.group(1) or m.group(2)).strip()).split()) >= 2}


# "... named in both A and B?", "... that each outlet mentions?": the answer must be in every outlet's reports
_IN_EACH_REPORT = re.compile(
    r"\b(?:both|each|every|all\s+(?:of\s+)?(?:the\s+)?(?:two|three|four))\s+(?P<rest>.{0,60})", re.I
)
_REPORTS = re.compile(
    r"^(?:of\s+)?(?:the\s+)?(?:articles?|reports?|outlets?|sources?|publications?|pieces?|stories)\b", re.I
)


def _asks_in_each_report(question: str, sources: list[str]) -> bool:
    """The question asks for a name each of its two or more outlets gives: "both" (or "each") names the outlets or
    their reports ("in both Tech Wire and ...", "each outlet"), not anything else ("has both performed and ...")."""
    return len(sources) >= 2 and any(
        _REPORTS.match(m.group("rest"))
        or any(m.group("rest").lstrip("'‘ ").startswith(s) for s in sources)
        or bool(named_sources(m.group("rest")[:30], sources))
        for m in _IN_EACH_REPORT.finditer(question)
    )


# "Which company ...?", "What film ...?": a thing is asked, not a person nor a competition
_THING_ASKED = re.compile(
    r"^\W*(?:[^?]*?,\s*)?(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?P<kind>company|companies|firm|organi[sz]ation|team|"
    r"club|side|group|brand|label|studio|publisher|developer|retailer|airline|manufacturer|maker|startup|exchange|bank|"
    r"network|platform|app|service|product|film|movie|show|series|game|book|agency|university|school|country|city|"
    r"nation)\b"
    # ("Which team owner ...?", "which company's chief ...?" ask for a person)
    rf"(?!['’]s\b|\s+(?:{ROLE_PATTERN}|star|member|members)\b)",
    re.I,
)
_KINDS_OF_COMPETITION = frozenset({"series", "show", "game"})
# a people's or a region's adjective ends no company's, club's or film's name ("third on the Nordic charts")
_REGION_ADJECTIVE = re.compile(
    r"\b(?:American|European|African|Asian|Australian|Canadian|British|English|French|German|Spanish|Italian|"
    r"Chinese|Japanese|Korean|Indian|Russian|Arab|Latin|Nordic)$"
)
# the titles news writes before a person's name
_PERSON_TITLE = r"(?:Sir|Dame|Lord|Lady|Mr|Mrs|Ms|Dr)\.?"
# the posts news writes after a person's name ("Mara Lind, chairman and CEO of Globex"): of the toolkit's POST_WORDS,
# those only people hold ("Globex, the owner of Tide Works" and "the leader in chips" are companies)
_PERSON_POST = r"(?:the\s+)?(?:chairman|chairwoman|chair|chief|CEO|founder|co-founder|president|director|head|boss)\b"


def _another_kind(name: str, kind: str, texts: list[str]) -> bool:
    """The passages name `name` as a person or it is a competition's name, when `kind` (a company, a club, a film) is
    asked."""
    if (a_competition(name) and kind.lower() not in _KINDS_OF_COMPETITION) or _REGION_ADJECTIVE.search(name):
        return True
    # a surname alone is the person its article names in full ("Lind" of "Sir Mara Lind")
    names = {name} | {in_full(name, t) for t in texts}
    # (a full name after a post, "Globex CEO Mara Lind", is a person's; a company's is seldom written so)
    as_person = [
        re.compile(
            rf"\b{_PERSON_TITLE}\s+{re.escape(n)}\b|\b{re.escape(n)},\s+{_PERSON_POST}"
            + (rf"|\b(?i:{POST_PATTERN})\s+{re.escape(n)}\b" if " " in n else "")
        )
        for n in names
    ]
    # (not a name used by its last word alone: "United" is Harbour United's, "Globex" may be Watch Globex's)
    return any(p.search(t) for p in as_person for t in texts)


def pick_entity(question: str, reading: Reading, evidence: list[Evidence], hits) -> tuple[str, int]:
    """The name the parts' passages share most, that the question does not already say; (name, parts naming it)."""
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    outlets = {s.lower() for s in reading.sources}
    person = bool(_PERSON_ASKED.match(question))

    def not_asked(name: str) -> bool:
        """Not what the question already says, nor an outlet: "Munich ..." is no answer to a question about Munich."""
        low = name.lower()
        return not asked & set(re.findall(r"[a-z0-9]+", low)) and not any(low in o for o in outlets)

    # A name's weight in one part is the support of that part's claim by the best window naming it: the answer is
    # the name in the passages that say what each part says, not merely the most frequent capitalised word.
    parts = [(claim_terms(e.clause.claim), e.hits) for e in evidence] + [
        (claim_terms(question), hits[:QUESTION_PASSAGES])
    ]
    per_part: list[dict[str, float]] = []
    for claim, pool in parts:
        weights: dict[str, float] = {}
        for w in windows(pool):
            # a name sharing a word with the question is what the question already says ("Munich ..." when asked
            # about Munich), not the answer
            found_here = names_in(w.text)
            if person:  # a surname alone ("Lind said") is the person its article names in full ("Mara Lind")
                found_here = [in_full(n, w.hit.article.text) for n in found_here]
            names = [n for n in found_here if not_asked(n) and (not person or len(n.split()) >= 2)]
            if not names:
                continue
            support = lexical_support(claim, w.text)
            for n in names:
                weights[n] = max(weights.get(n, 0.0), support)
        per_part.append(weights)
    found = {n for weights in per_part for n in weights}
    # the names a passage says did the asked deed ("Globex fired Mara Lind"), a company as well as a person
    deed_names = set().union(
        *(doers(question, h.chunk.text) | done_to(question, h.chunk.text) for _, pool in parts for h in pool)
    )
    deed_names = {n for n in deed_names if not_asked(n)}
    # a name the passages give the role asked for ("Judge Mara Lind" for "which judge ...?") is the one asked about
    role = role_asked(question)
    roles = [role] if role else agent_nouns(question)
    texts = [h.chunk.text for _, pool in parts for h in pool]
    titled = {n for t in texts for r in roles for n in titled_names(r, t) if not_asked(n)}
    if titled:
        deed_names = titled
    if deed_names:
        per_part = [{n: w for n, w in weights.items() if n in deed_names} for weights in per_part]
        found = deed_names
    if _asks_in_each_report(question, reading.sources):
        # "which actor is named in both the Tech Wire guide and the Daily Ledger review?": a name one outlet's
        # passages never give is no answer, however often the other gives it
        found = {n for n in found if all(n in weights for weights in per_part[: len(evidence)])}
    if not found:
        return "", 0
    if person and not deed_names:
        # A person is also named by surname alone ("Lind testified ..."); a company, team or place seldom is by its
        # last word ("Bank", "Bureau", "the Rovers"). When some names are used that way, the answer is one of them.
        texts = [h.chunk.text for _, pool in parts for h in pool]
        people = {n for n in found if named_by_surname(n, texts)}
        if people:
            per_part = [{n: w for n, w in weights.items() if n in people} for weights in per_part]
            found = people

    # A short form counts for the full name it is part of ("Lind-Park" for "Mara Lind-Park").
    def total(name: str) -> float:
        forms = [o for o in found if o == name or re.search(r"(?<!\w)" + re.escape(o) + r"(?!\w)", name)]
        return sum(max((weights.get(f, 0.0) for f in forms), default=0.0) for weights in per_part)

    # The answer is also the name the retrieved passages keep coming back to (by full name or surname): each part's
    # outlet reports on the same person or company.
    passages = {h.chunk.id: h.chunk.text for _, pool in parts for h in pool}

    def mentions(forms: list[str]) -> int:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
        return sum(1 for text in passages.values() if pattern.search(text))

    # A surname alone ("Lind said ...") names the person of that surname the passages name most often in full, not
    # every relative who shares it; when none stands out, it counts for each.
    bearer: dict[str, str] = {}
    if person:
        for surname in {n.split()[-1] for n in found if len(n.split()) >= 2}:
            counts = sorted(((mentions([n]), n) for n in found if n.split()[-1] == surname and " " in n), reverse=True)
            if len(counts) >= 2 and counts[0][0] > counts[1][0]:
                bearer[surname] = counts[0][1]

    def spread(name: str) -> float:
        words = name.split()
        own_surname = len(words) >= 2 and len(words[-1]) >= 4 and bearer.get(words[-1], name) == name
        forms = [name] + ([words[-1]] if own_surname else [])
        return mentions(forms) / max(1, len(passages))

    scored = {n: total(n) + ENTITY_SPREAD_WEIGHT * spread(n) for n in found}
    best = max(scored, key=lambda n: (round(scored[n], 6), len(n.split()), -len(n)))
    thing = _THING_ASKED.match(question)
    if thing is not None and _another_kind(full_form(best, found), thing["kind"], list(passages.values())):
        # asked for a company, a club or a film, the name the passages share most is a person ("Sir Mara Lind, chair
        # of Globex") or a competition ("the Harbour Cup"): no answer, and the next name would be a guess
        return "", 0
    articles = list({h.article.id: h.article.text for _, pool in parts for h in pool}.values())
    name = _without_opening_word(full_form(best, found), list(passages.values()), articles)
    return name, sum(1 for weights in per_part[:-1] if best in weights) if name else 0


def _without_opening_word(name: str, texts: list[str], articles: list[str]) -> str:
    """The name without a word that only opens its sentences ("Watch Globex" of "Watch Globex take on Tide Works"),
    an everyday word the articles also write in lower case, when the passages name the rest alone elsewhere ("Globex
    beat ..."); else the name as it is ("Mara Lind" opening every sentence that names her is her name)."""
    first, _, rest = name.partition(" ")
    if not any(re.search(rf"\b{re.escape(first.lower())}\b", a) for a in articles):
        return name
    opening = re.compile(r"(?:^|[.!?:\"“”]\s*|\n\s*)$")
    said = [(t, m.start()) for t in texts for m in re.finditer(standalone(name), t)]
    if not said or not all(opening.search(t[:at]) for t, at in said):
        return name
    if not rest:
        # "Unveiled" opening a line, a verb's or an adverb's form written in lower case elsewhere: no name at all
        return "" if re.fullmatch(r"[A-Z][a-z]{3,}(?:ed|ly)", first) else name
    alone = re.compile(rf"(?<!{re.escape(first)} ){standalone(rest)}")
    return rest if any(alone.search(t) for t in texts) else name


def compose_entity(question: str, reading: Reading, evidence: list[Evidence], hits, name: str) -> Answer:
    """**Name** — then, per part, the passage of that part's outlet that names it (or the part's best evidence)."""
    cites = Citations()
    lines, parts, refs = [], [], []
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    # a person's surname alone names them in an article that spells the name out ("Lind said" after "Mara Lind")
    surname = name.split()[-1] if len(name.split()) >= 2 and len(name.split()[-1]) >= 4 else ""
    by_surname = re.compile(standalone(surname)) if surname else None

    def naming_windows(pool: list[Hit]) -> list[Window]:
        naming = [w for w in windows(pool) if pattern.search(w.text)]
        if not naming and by_surname is not None:
            naming = [w for w in windows(pool) if by_surname.search(w.text) and pattern.search(w.hit.article.text)]
        return naming

    for e in evidence:
        naming = naming_windows(e.hits)
        window = max(naming, key=lambda w: w.hit.score) if naming else None
        if window is not None and e.window is not None and e.label != "not_mentioned" and _overlap(e.window, window):
            # the part's evidence and the naming passage share a sentence: the one that names it is quoted, once
            window = e.window if any(_same(e.window, w) for w in naming) else window
        cited = []
        if window is not None:
            cited.append(cites.cite(window))
            lines.append(quoted(window.text, cited[-1]))
            ref = f"{outlet_of(window)} [{cited[-1]}]"
            if ref not in refs:  # two parts may rest on one passage
                refs.append(ref)
        if e.window is not None and e.label != "not_mentioned" and (window is None or e.window.text != window.text):
            cited.append(_cite(cites, e))
            lines.append(quoted(e.window.text, cited[-1]))
        parts.append(Part(e.clause.shown, e.label, cited))
    if not refs:
        # the name came from the whole question's best passages (see pick_entity), not a part's own: one of them names
        # it, and a name is never given without the passage that says it
        naming = naming_windows(hits[:QUESTION_PASSAGES])
        if naming:
            window = max(naming, key=lambda w: w.hit.score)
            n = cites.cite(window)
            lines.append(quoted(window.text, n))
            refs.append(f"{outlet_of(window)} [{n}]")
    lead = f"**{name}** — named in " + ", ".join(refs) + "." if refs else f"**{name}**."
    return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)


def _overlap(a: Window, b: Window) -> bool:
    return a.hit.article.id == b.hit.article.id and a.start < b.end and b.start < a.end


def _same(a: Window, b: Window) -> bool:
    return a.hit.article.id == b.hit.article.id and (a.start, a.end) == (b.start, b.end)


def outlet_of(window: Window) -> str:
    a = window.hit.article
    return f"{a.source or a.title}" + (f" ({a.published_at})" if a.published_at else "")
