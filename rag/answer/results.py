"""Who won: the final result, the latest report first.

News reports results as they come (a semi-final, Game 2, the final). Asked who won, the answer is the winner of the
final when a passage reports one, else the latest result the passages report, said as such with its date; earlier
results are shown as earlier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rag.answer.compose import REFUSAL, Citations, outlet_of, quoted, refused_answer
from rag.answer.deeds import name_words
from rag.answer.names import NOT_NAMES, in_full, joined, named_by_surname, names_in, standalone
from rag.answer.parts import Window, sentences_of
from rag.answer.verdicts import claim_terms, coverage
from rag.core.text import MONTH_NAME, MONTHS, NAME_PHRASE, said_as_beat, said_years, stem
from rag.core.types import Answer, Hit, Part
from rag.verify.lexical import analyse, plain_words

# "Who won ...?", "Which team won ...?", "Who has won ...?"
_WON_ASKED = re.compile(
    r"^\W*(?:who\s+|which\s+(?:[\w-]+\s+){0,2}?|what\s+(?:[\w-]+\s+){0,2}?)(?:has\s+|have\s+)?"
    r"(?:won|wins|win|clinched|lifted|claimed)\b",
    re.I,
)
# "<Name> won / beat / defeated ...", "... won by <Name>", "<Name> were crowned ..."
# Who finds for a side in a case, and how the side is named after the finding ("sided with", "in favour of")
_FINDER = r"(?i:jury|jurors|court|judge|justices|panel|tribunal|arbitrators?|commission)"
_FOR_SIDE = r"(?:with|in\s+favou?r\s+of|for)\s+(?:the\s+)?"
# How a win over another side is said: "beat", "thrashed", "downed" (in the past: a heading's "Ostland beats Norrvik
# in the final" may be a scenario listed before the game)
_BEAT_WORDS = (
    r"beat|defeated|thrashed|routed|crushed|hammered|trounced|pulveri[sz]ed|demolished|downed|overcame|outlasted|"
    r"toppled"
)
# A win-loss record may stand between a team and its verb ("Ostland (12-0) beat ..."); an award is "named" too.
_WIN = re.compile(
    rf"(?P<subject>{NAME_PHRASE.pattern})(?:\s+\(\d+-\d+(?:-\d+)?\))?\s+(?:have\s+|has\s+|had\s+)?"
    # ("Ada Brin claims interim Ostland title": a heading's present, said of a title taken, not of a statement)
    rf"(?:won(?!\s+by)|wins?|{_BEAT_WORDS}|clinched|lifted|claimed|captured|(?:were|was)\s+(?:crowned|named)|"
    r"(?:claims|clinches|captures|lifts)(?=\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:title|crown|trophy|cup|championship|belt|medal|prize|award|pennant)s?\b)|"
    r"(?:has|have)\s+(?:\w+ly\s+)?been\s+(?:crowned|named))\b"
    rf"|\bwon\s+by\s+(?P<agent>{NAME_PHRASE.pattern})"
    # a case is won by the side a jury or a court finds for: "a federal jury sided with Globex in its fight with ..."
    rf"|\b{_FINDER}\s+(?:[a-z]+\s+){{0,4}}?(?:sided|siding|ruled|ruling|found|finding)\s+{_FOR_SIDE}"
    rf"(?:[\w-]+\s+(?:maker|developer|owner|firm|company|giant)\s+)?(?P<favoured>{NAME_PHRASE.pattern})"
)
# "the Ostland–Mariners game": the question names both sides, and the winner is one of them
_SIDES = re.compile(rf"(?P<a>{NAME_PHRASE.pattern})\s*(?:–|—|-|\bvs?\.?|\bversus\b)\s*(?P<b>{NAME_PHRASE.pattern})")
# A stage that is not the end of a competition, and the words of its end.
_INTERMEDIATE = re.compile(
    r"\b(?:semi-?finals?|quarter-?finals?|group stage|game\s+\d+|round\s+(?:of\s+)?\d+|first leg|second leg|"
    r"league (?:fixture|match|game)|round-robin|qualifier|qualifying|heat|week\s+\d+|opener|(?:first|second|opening) "
    r"round|primary|primaries|caucus(?:es)?|exit polls?|early (?:returns|results))\b",
    re.I,
)
# "the champions' unbeaten run" names a team, not a final
_FINAL = re.compile(r"(?<![-\w])(?:final|grand final|title|championship|crowned|champions(?!['’]))\b", re.I)
# The event must be what was won, named in the win's own clause ("X won the Coastal Cup", "the Coastal Cup was won
# by X"), not elsewhere in a sentence about another match ("X won a clash with Y – ... – at last year's Coastal Cup").
WIN_CLAUSE_WORDS = 12
_CLAUSE_BREAK = re.compile(r"\s[–—-]\s|[;:(]|,\s+(?:and|but|while|who|which|where)\b")
# where or when a contest was, said after its two sides: "on Friday night", "in the Harbour Cup final"
_OCCASION = re.compile(r"^\s+(?:on|in|at|during)\s+\S")
# A result sentence must hold this share of the question's topic words (the event) and all its names but one when
# they are three or more ("the Coastal Cup" for "the Coastal Rowing Cup"); its article must hold every name.
TOPIC_COVERAGE = 0.5


def asks_who_won(question: str) -> bool:
    return bool(_WON_ASKED.match(question))


# "Who lost ...?", "Which team lost ...?": the side a winner beat
_LOST_ASKED = re.compile(
    r"^\W*(?:who\s+|which\s+(?:[\w-]+\s+){0,2}?|what\s+(?:[\w-]+\s+){0,2}?)(?:has\s+|have\s+)?(?:lost|loses|lose)\b",
    re.I,
)


def asks_who_lost(question: str) -> bool:
    return bool(_LOST_ASKED.match(question))


def as_who_won(question: str) -> str:
    """ "Who lost the Harbour Cup final?" -> "Who won the Harbour Cup final?": the same result answers both."""
    return f"Who won {_LOST_ASKED.sub(' ', question).strip(' ?')}?"


# The side beaten, after the winner's verb ("beat the Comets") or in its clause ("won the Cup, beating the Comets 3-0",
# "a 3-0 win over the Comets"); a verdict's other side is left unnamed: "its fight to break Globex's hold" names none
_BEAT_VERB = re.compile(rf"\b(?:{_BEAT_WORDS})\s*$")
# (matched at the verb's end: a "^" would match only at the start of the sentence)
# (a ranking may stand before the side: "beat No. 10 Ostland")
_RANKED = r"(?:(?:No\.|#)\s*\d+\s+)?"
_BEATEN_AFTER_VERB = re.compile(rf"\s+{_RANKED}(?:the\s+)?(?P<loser>{NAME_PHRASE.pattern})")
_BEATEN_IN_CLAUSE = re.compile(
    rf"\b(?:beat|beating|defeated|defeating|over|against)\s+{_RANKED}(?:the\s+)?(?P<loser>{NAME_PHRASE.pattern})"
)


def _beaten(sentence: str, win: _Win, clause: str) -> str:
    """The side the win's clause names beaten; after "won by <winner>", the rest of the sentence ("won by Ostland
    beating Norrvik")."""
    if win.verdict:
        return ""
    after_verb = _BEATEN_AFTER_VERB.match(sentence, win.end) if _BEAT_VERB.search(sentence, 0, win.end) else None
    m = after_verb or _BEATEN_IN_CLAUSE.search(sentence[win.end :] if win.agent else clause)
    return next(iter(names_in(m.group("loser"))), "") if m else ""


@dataclass
class Result:
    winner: str
    window: Window  # the one sentence that reports the result: the part it supports
    final: bool  # the sentence reports the end of the competition, not a stage of it
    day: str
    stage: bool = False  # the sentence reports a stage ("the semi-final", "Game 2")
    verdict: bool = False  # a jury or court found for the winner: the end of a trial, though not of a competition
    clause: str = ""  # the win's own clause, with the winner's name: a verdict's sides are named there
    beaten: str = ""  # the side the winner beat, named in the win's own clause ("beating Ostland 3-0")


# One way to write a meeting of two sides: "Ostland vs Norrvik", "Ostland versus Norrvik" and "the game between
# Ostland and Norrvik" are "Ostland v. Norrvik" (the "vs" a plain word to find otherwise)
_VERSUS = re.compile(r"(?<=\s)(?:vs\.?|versus)(?=\s)", re.I)
_MEETING_BETWEEN = re.compile(
    r"\b(?:the\s+)?(?P<occasion>(?-i:[A-Z][\w'’-]*\s+){1,4})?(?:game|match|fight|bout|contest|clash|meeting|tie|final|"
    rf"showdown)\s+between\s+(?:the\s+)?(?P<a>{NAME_PHRASE.pattern})\s+and\s+(?:the\s+)?(?P<b>{NAME_PHRASE.pattern})",
    re.I,
)


def _meeting(m: re.Match[str]) -> str:
    """ "the Harbour Night game between the Rovers and the Mariners" as "Rovers v. Mariners in the Harbour Night": the
    sides first, so that the occasion's name is not read as part of the first side's."""
    return f"{m['a']} v. {m['b']}" + (f" in the {m['occasion'].strip()}" if m["occasion"] else "")


def _topic(question: str) -> str:
    topic = _MEETING_BETWEEN.sub(_meeting, _VERSUS.sub("v.", question))
    return claim_terms(_WON_ASKED.sub(" ", topic)).strip(" ?")


def result_queries(question: str) -> list[str]:
    """The words a result is reported in ("won the Harbour Cup"): a passage saying who won seldom shares the
    question's own "which team", and a past result mentioned in passing ranks low for the question itself."""
    topic = _topic(question)
    sides = _SIDES.search(topic)
    if sides is None:
        return [f"won {topic}"]
    # a meeting of two sides is reported as much by its loser's defeat as by its winner's win, and with either side
    # first ("Mariners vs. Rovers live score" is found by the Rovers-first words only far down)
    swapped = f"{topic[: sides.start()]}{sides['b']} v. {sides['a']}{topic[sides.end() :]}"
    return [f"won beat defeat {topic}", f"won beat defeat {swapped}"]


# "The 2017 Mariners", "the 2019-20 Rovers": a season right before the winner's name
_SEASON_BEFORE = re.compile(r"\b((?:19|20)\d{2})(?:[-–/]\d{2,4})?\s+$")


def _result_day(clause: str, published_at: str) -> str:
    """When the result happened as far as its clause says: a year before the article's own ("won the title in 2020",
    "won it four years ago") makes it a past result, not the latest; otherwise the article's date."""
    published = int(published_at[:4]) if published_at[:4].isdigit() else 0
    years = said_years(clause, published)
    past = [y for y, _ in years if y < published]
    return str(max(past)) if past and len(past) == len(years) else published_at


def _event_key(topic: str) -> set[str]:
    """The topic's name stems ("Coastal", "Cup"), or its plain stems when it names nothing ("the election")."""
    terms = analyse(topic)[1]
    return {t for t, _, kind in terms if kind == "name"} or {t for t, _, _ in terms}


# Words for a contest in general, which a report of its result seldom repeats ("Ostland beat the Mariners 2-1", "the
# jury sided with Globex")
_ANY_CONTEST = {
    stem(w)
    for w in (
        *("game", "match", "contest", "fight", "bout", "clash", "tie", "race", "showdown"),
        *("trial", "case", "lawsuit", "suit", "dispute", "battle"),
    )
}


def _plain_words_said(topic: str, sentence: str) -> bool:
    """Every plain word of the event is in the sentence: "the Coastal Prize in music" is not "... in science"."""
    plain = plain_words(topic) - _ANY_CONTEST
    return plain <= analyse(sentence)[0]


# Nationality words written before a name ("Ostlandic Mara Lind", "Ostlandic-Norrvish Ada Brin"), by their common
# endings; dropped only when a name of two or more words is left.
_DESCRIPTOR = re.compile(r"^(?:[A-Z][a-z]+(?:ian|can|ean|ese|ish|ch|ic)-?)+\s+(?=\S+\s+\S)")


def _undescribed(name: str) -> str:
    return _DESCRIPTOR.sub("", name)


# "Which team won ...?": a kind of winner that is never a person
_NO_PERSON_ASKED = re.compile(
    r"^\W*(?:which|what)\s+(?:[\w-]+\s+)?(?:teams?|clubs?|sides?|countr(?:y|ies)|nations?|compan(?:y|ies)|firms?|"
    r"schools?|universit(?:y|ies)|colleges?|states?|cit(?:y|ies))\b",
    re.I,
)


def _a_person(name: str, article: str) -> bool:
    """A one-word name that its article spells out with a first name and then uses alone as people's surnames are
    ("reliever Mara Lind ... the veteran Lind"), never after "the" as a team's is ("the Mariners")."""
    full = in_full(name, article)
    return (
        full != name
        and named_by_surname(full, [article])
        and not re.search(r"(?i:\bthe)\s+" + standalone(name), article)
    )


def _winner(name: str, article: str, sides: set[str], asked: set[str]) -> str:
    """The name as the winner, or "" when it is none: a word the question says (unless it is one of the named sides),
    a capitalised common word the article also writes in lowercase ("Years"), or with a description before it that
    the article drops elsewhere ("Ostlandic Mara Lind" when it also says "Mara Lind ..."). A nationality word before
    it is dropped first."""
    name = _undescribed(name)
    if name in sides or any(name.startswith(f"{side} ") for side in sides):  # "Globex Games" for the side "Globex"
        return name
    if asked & set(re.findall(r"[a-z0-9]+", name.lower())):
        return ""
    words = name.split()
    if len(words) == 1 and re.search(standalone(name.lower()), article):
        return ""
    if len(words) >= 3 and re.search(r"(?<!" + re.escape(words[0]) + r" )" + standalone(" ".join(words[1:])), article):
        return " ".join(words[1:])
    return name


# "Mara Lind and Theo Park won ...", "Ada Brin, Mara Lind and Theo Park won ...": the names sharing the win, a list
# starting the sentence or a clause ("On Monday, ..."), not the object of an earlier verb ("X beat Y and Z won").
_SHARED_BY = re.compile(rf"(?:^|,\s+)(?P<names>(?:{NAME_PHRASE.pattern},\s+)*{NAME_PHRASE.pattern}),?\s+and\s+$")


def _shared_with(before: str) -> list[str]:
    """The names listed with "and" right before a winner: its co-winners."""
    m = _SHARED_BY.search(before)
    if not m:
        return []
    items = re.split(r",\s+", m.group("names"))
    # "In Ostland, Mara Lind and ...": a phrase opening with a function word sets the scene, it does not win
    return [n for item in items if item.split()[0].lower() not in NOT_NAMES for n in names_in(item)[:1]]


# "The Mariners have won the league in ten of the past eleven seasons and won the Harbour Cup in 2020": a second win
# of the same subject, joined by "and" with no subject of its own (not inside a relative clause: "the Rovers, who
# beat Ostland and won the Cup")
_AND_WON = re.compile(
    r",?\s+and\s+(?:then\s+|also\s+|later\s+)?(?P<verb>won(?!\s+by)|beat|defeated|clinched|lifted|claimed|captured)\b"
)
_OWN_SUBJECT_STARTS = re.compile(r"\b(?:who|which|that|whose|while|but|when)\b|[;:()]", re.I)


@dataclass(frozen=True)
class _Win:
    """A win said in a sentence: the regex match of its subject and verb, or one its subject shares with an earlier
    verb ("... and won the Cup")."""

    subject: str | None
    agent: str | None
    start: int
    end: int
    subject_start: int
    verdict: bool = False


def _wins(sentence: str) -> Iterator[_Win]:
    for m in _WIN.finditer(sentence):
        if m.group("favoured"):  # what the case was about follows the side found for, as it follows a winner's verb
            yield _Win(m.group("favoured"), None, m.start(), m.end(), m.start("favoured"), verdict=True)
            continue
        subject = m.group("subject")
        yield _Win(subject, m.group("agent"), m.start(), m.end(), m.start("subject") if subject else -1)
        if not subject:
            continue
        also = _AND_WON.search(sentence, m.end())
        if also and not _OWN_SUBJECT_STARTS.search(sentence, m.end(), also.start()):
            between = _WIN.search(sentence[m.end() : also.start()])
            if between is None:
                yield _Win(subject, None, also.start("verb"), also.end(), m.start("subject"))


def _win_clause(sentence: str, win: _Win) -> str:
    """The win's own clause: after the verb ("won the Coastal Cup in 2021"), before "won by" ("the 2021 final, won by
    X"), up to the next clause break or the next win ("X beat Y and Z won the Cup": the Cup is Z's win, not X's)."""
    if win.agent:
        return _CLAUSE_BREAK.split(sentence[: win.start])[-1]
    after = sentence[win.end :]
    # up to the next win, its own subject's or one joined by "and"
    ends = [m.start() for m in (_WIN.search(after), _AND_WON.search(after)) if m is not None]
    return _CLAUSE_BREAK.split(after[: min(ends, default=None)])[0]


# "won three of their last four league games", "have won five straight": games won, not the competition
_GAMES_WON = re.compile(
    r"^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|each|most|both|none)\s+"
    r"(?:of\b|straight\b|in a row\b|consecutive\b|(?:league\s+)?(?:games|matches|fixtures|races|bouts)\b)",
    re.I,
)


# "have won the Cup twice", "three times": a record of wins, none of them dated ("in each of the last two seasons"
# does date the latest)
_TALLY = re.compile(
    r"\b(?:twice|thrice|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple|"
    r"numerous)\s+(?:times|titles|crowns))\b",
    re.I,
)


def _wins_the_event(clause: str, win: _Win, key: set[str]) -> bool:
    """The win's own clause names the event, within WIN_CLAUSE_WORDS of the verb, and the win is not a count of games
    in it nor a record of wins."""
    if not win.agent and (_GAMES_WON.match(clause) or _TALLY.search(clause)):
        return False
    words = clause.split()
    span = " ".join(words[-WIN_CLAUSE_WORDS:] if win.agent else words[:WIN_CLAUSE_WORDS])
    return bool(key & analyse(span)[0])


def _stage(sentence: str) -> tuple[bool, bool]:
    """(reports a final, reports an intermediate stage) for one sentence."""
    return bool(_FINAL.search(sentence)), bool(_INTERMEDIATE.search(sentence))


def results(question: str, hits: list[Hit], side: str = "") -> list[Result]:
    """Every result the passages report for the question's event, one per (winner, article): the sentence saying it,
    a final preferred, then the shorter sentence. `side`: a side asked about, a winner though the question names it
    ("Did the jury side with Globex?" asks who won the Globex case)."""
    topic = _topic(question)
    # the article must name the whole event (every name of it, read below)
    event_names = {t for t, _, kind in analyse(topic)[1] if kind == "name"}
    # "the Mariners v. Comets on <occasion>": a contest of two sides said with where or when it was; its result names
    # the sides ("Final: Comets 21, Mariners 20") and its article the occasion
    # (an occasion of plain words or numbers stays in the sentence: "in the final" or "in Week 11" must be said of the
    # result, as another game between the two is no final)
    contest = _SIDES.search(topic)
    occasion = topic[contest.end() :] if contest is not None else ""
    if (
        contest is not None
        and _OCCASION.match(occasion)
        and not plain_words(occasion)
        and not re.search(r"\d", occasion)
    ):
        topic = topic[: contest.end()]
    names_in_order = [t for t, _, kind in analyse(topic)[1] if kind == "name"]
    topic_names = set(names_in_order)
    # a name word may be left out of a long event name, but not its last ("the Harbour Series MVP" is no Series won)
    head = names_in_order[-1:]
    key = _event_key(topic)
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    sides = {side for m in _SIDES.finditer(topic) for side in names_in(m.group("a")) + names_in(m.group("b"))}
    sides |= set(names_in(side))
    no_person = bool(_NO_PERSON_ASKED.match(question))
    # "the 2023 Harbour Cup": a result its own clause dates to another year is another edition's
    edition = {str(year) for year, _ in said_years(question, 0)}
    found: dict[tuple[str, str], Result] = {}
    names_the_event: dict[str, bool] = {}  # per article, read once
    for window in sentences_of(hits):
        # a result in any of its forms is read as who beat whom ("a late kick delivered Ostland the 27-24 win over
        # the Mariners"); the sentence quoted is the window's own
        article, sentence = window.hit.article, said_as_beat(window.text)
        if article.id not in names_the_event:
            names_the_event[article.id] = event_names <= analyse(article.title + " " + article.text)[0]
        if not names_the_event[article.id]:
            continue
        # the event's names said as names: "won the Big Ten title game that year" names no "Game of the Year"
        said = {t for t, _, kind in analyse(sentence)[1] if kind == "name"}
        missing = len(topic_names - said)
        if (
            coverage(topic, sentence) < TOPIC_COVERAGE
            or missing > max(0, len(topic_names) - 2)
            or not set(head) <= said
            or not _plain_words_said(topic, sentence)
        ):
            continue
        _, intermediate = _stage(sentence)
        for win in _wins(sentence):
            clause = _win_clause(sentence, win)
            # a case is named by its sides: the one found for names it as much as the other ("Did Tide Works win
            # against Globex?" asks of the verdict for Globex)
            own_clause = f"{win.subject} {clause}" if win.verdict else clause
            if not _wins_the_event(own_clause, win, key):
                continue
            # a final is said up to the end of the win's own clause: "won the Series in each of the last three
            # seasons, but a championship is not expected" reports no final
            final = _stage(clause if win.agent else sentence[: win.end] + clause)[0]
            name = next(iter(names_in(win.subject or win.agent or "")), "")
            name = _winner(name, article.text, sides, asked) if name else ""
            if not name or (no_person and _a_person(name, article.text)):
                continue  # asked which team won, a player who won with one is no answer
            if win.subject:
                shared = [_winner(n, article.text, sides, asked) for n in _shared_with(sentence[: win.subject_start])]
                name = joined([*(n for n in shared if n), name])
            # "The 2017 Mariners won ...": the season written before the winner's name dates the result too
            season = _SEASON_BEFORE.search(sentence[: win.subject_start]) if win.subject else None
            result = Result(
                name,
                window,
                final and not intermediate,
                _result_day(f"{season.group(1)} {clause}" if season else clause, article.published_at),
                intermediate,
                win.verdict,
                own_clause,
                _beaten(sentence, win, clause),
            )
            if edition and len(result.day) == 4 and result.day not in edition:
                continue
            old = found.get((name, article.id))
            if old is None or (result.final, -len(sentence)) > (old.final, -len(old.window.text)):
                found[(name, article.id)] = result
    return list(found.values())


def _latest(found: list[Result]) -> Result:
    """The latest result reported, the better ranked of one day's."""
    return max(found, key=lambda r: (r.day, r.window.hit.score))


def compose_winner(question: str, hits: list[Hit]) -> Answer:
    """**Winner** of the final (or the latest result, said as such), cited, then earlier results as earlier; a refusal
    naming the event when no passage reports a result for it (a name from another event would be a wrong answer)."""
    found = results(question, hits)
    meeting = _topic(question)
    if _SIDES.search(meeting):
        # "Who won Ostland v. Norrvik?": only a result of the two sides' meeting answers, not one of them beating a third
        # (a verdict names the side found for, and its case the other: see compose_did_win)
        found = [r for r in found if r.verdict or _between_the_sides(meeting, r)]
    if not found:
        # the event as the question writes it ("Epic's lawsuit", not the matcher's "Epic s lawsuit")
        topic = _WON_ASKED.sub(" ", question).strip(" ?")
        return Answer(
            question=question,
            text=f"{REFUSAL}: I could not confirm who won {topic}".rstrip() + " from them.",
            refused=True,
            hits=hits,
            parts=[Part(f"who won {topic}", "not_mentioned", [])],
        )
    finals = [r for r in found if r.final]
    lead = _latest(finals or found)
    cites = Citations()
    n = cites.cite(lead.window)
    where = f"{outlet_of(lead.window)} [{n}]"
    if lead.final:
        text = f"**{lead.winner}** — the latest final result reported, as of {lead.day}: {where}."
    elif lead.stage:
        text = f"**{lead.winner}**, as of {lead.day}: the latest result the articles report ({where}); none reports a final."
    else:  # a prize, a match: no stages to tell apart
        text = f"**{lead.winner}**, as of {lead.day}: the latest result the articles report ({where})."
    lines = [quoted(lead.window.text, n)]
    parts = [Part(lead.window.text, "supported", [n])]
    # a stage reported after the latest final (a new edition under way), then results reported before it
    later = sorted((r for r in found if not r.final and r.day > lead.day), key=lambda r: r.day, reverse=True)[:2]
    earlier = sorted(
        (r for r in found if r is not lead and r.day <= lead.day and r.winner != lead.winner),
        key=lambda r: r.day,
        reverse=True,
    )[:2]
    text += _mention("Since then, results of a stage", later, cites, lines, parts)
    text += _mention("Earlier results", earlier, cites, lines, parts)
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


def compose_loser(question: str, hits: list[Hit]) -> Answer:
    """**The side beaten** in the latest final reported, the winner and the sentence cited; a refusal when no final
    names the side it beat (the winner alone says nothing of who the other side was)."""
    topic = _LOST_ASKED.sub(" ", question).strip(" ?")
    found = results(as_who_won(question), hits)
    # a jury's verdict ends a case as a final ends a cup
    finals = [r for r in found if r.final or r.verdict]
    lead = _latest(finals) if finals else None
    beaten = lead.beaten if lead is not None else ""
    # "Who lost Globex v. Tide Works?": the question names both sides, and the one that did not win lost
    sides = [n for m in _SIDES.finditer(topic) for n in (*names_in(m.group("a"))[:1], *names_in(m.group("b"))[:1])]
    if lead is not None and not beaten and len(sides) == 2 and any(_won_by(side, lead.winner) for side in sides):
        beaten = next(side for side in sides if not _won_by(side, lead.winner))
    cites = Citations()
    if lead is None or not beaten:
        text = f"{REFUSAL}: I could not confirm who lost {topic}".rstrip() + " from them."
        if lead is not None:  # the final that names only its winner, quoted for the reader: no loser is asserted
            n = cites.cite(lead.window)
            text += (
                f" The latest final result reported names {lead.winner} as the winner: {quoted(lead.window.text, n)}"
            )
        return refused_answer(question, text, cites, hits, f"who lost {topic}")
    n = cites.cite(lead.window)
    ended_by = "verdict" if lead.verdict else "final result"
    text = (
        f"**{beaten}** — beaten by {lead.winner} in the latest {ended_by} reported, as of {lead.day}: "
        f"{outlet_of(lead.window)} [{n}]."
    )
    return Answer(
        question=question,
        text="\n".join([text, quoted(lead.window.text, n)]),
        citations=cites.items,
        hits=hits,
        parts=[Part(lead.window.text, "supported", [n])],
    )


def _mention(label: str, shown: list[Result], cites: Citations, lines: list[str], parts: list[Part]) -> str:
    """ " <label>: <winner> (in <day>, <outlet> [n]); ...", each result's sentence quoted and kept as a part."""
    refs = []
    for r in shown:
        m = cites.cite(r.window)
        when = "" if r.day == r.window.hit.article.published_at else f"in {r.day}, "
        refs.append(f"{r.winner} ({when}{outlet_of(r.window)} [{m}])")
        lines.append(quoted(r.window.text, m))
        parts.append(Part(r.window.text, "supported", [m]))
    return f" {label}: " + "; ".join(refs) + "." if refs else ""


# "Did Ostland win the Harbour Cup?", "Have the Mariners won the title?": asked of one side, answered by who won
_DID_WIN = re.compile(
    rf"^\W*(?:did|has|have)\s+(?P<side>{NAME_PHRASE.pattern})\s+(?:win|won|clinch(?:ed)?|lift(?:ed)?|(?P<beat>beat|defeat"
    r"(?:ed)?))\s+(?P<event>[^?]+?)\s*\?*\s*$",
    re.I,
)


# "against the Mariners", "over Tide Works in the final": the other side, named after the verb
_AGAINST = re.compile(rf"^(?:against|over)\s+(?:the\s+)?(?P<other>{NAME_PHRASE.pattern})(?P<rest>.*)$")


# "Did the jury side with Globex?", "Did the court rule in favour of Tide Works against Globex?": asked whether a side
# won its case
_FOUND_FOR_ASKED = re.compile(
    # case-blind but for the side, whose name must keep its capitals ("... with Globex in the antitrust case")
    rf"^\W*(?i:did|has|have)\s+(?i:an?\s+|the\s+)?(?i:[\w-]+\s+){{0,2}}?{_FINDER}\s+"
    rf"(?i:side|sided|rule|ruled|find|found|decide|decided)\s+(?i:{_FOR_SIDE})(?P<side>{NAME_PHRASE.pattern})"
    r"(?P<rest>[^?]*?)\s*\?*\s*$",
)


# "the Tide Works trial", "its case against ...": a case named by the other side
_CASE_OF = re.compile(
    rf"^(?:the\s+)?(?P<other>{NAME_PHRASE.pattern})(?P<rest>\s+(?:antitrust\s+|court\s+)?(?:trial|case|lawsuit|suit)\b.*)$"
)


def read_did_win(question: str) -> tuple[str, str] | None:
    """(the side asked about, the same question asked as "Who won <event>?"), or None for any other question. Asked
    against another side, the event is the two sides' contest ("Did Globex win against Tide Works?" asks who won
    Globex v. Tide Works), so that the other side's win answers No."""
    found_for = _FOUND_FOR_ASKED.match(question)
    if found_for is not None and names_in(found_for.group("side")):
        side, rest = found_for.group("side"), found_for.group("rest").strip()
        # "... with Globex against Tide Works?" names the other side; "... with Globex?" only the case of one
        event = rest if _AGAINST.match(rest) else f"the {side} case {rest}".strip()
    else:
        m = _DID_WIN.match(question)
        if m is None or not names_in(m.group("side")):
            return None
        side, event = m.group("side"), m.group("event")
        if m.group("beat"):
            # "Did Ostland beat the Mariners?" asks who won Ostland v. the Mariners; of a side beating itself ("Did
            # Ostland State beat Ostland?" is two sides, "Did Ostland beat Ostland?" none) nothing is asked
            other = _AGAINST.match(f"against {event}")
            if other is None or _same_side(side, other.group("other")):
                return None
            return side, f"Who won {side} v. {other.group('other')}{other.group('rest')}?"
    return side, _who_won(side, event)


def _who_won(side: str, event: str) -> str:
    """ "Who won <event>?", the event being the two sides' contest when the other side is named ("against Tide
    Works", "the Tide Works trial")."""
    against = _AGAINST.match(event) or _CASE_OF.match(event)
    if against is not None and names_in(against.group("other")) and not _won_by(side, against.group("other")):
        event = f"{side} v. {against.group('other')}{against.group('rest')}"
    return f"Who won {event}?"


# "Did the Mariners lose the Harbour Cup?", "Did Tide Works lose to Globex?": asked of the side beaten
_DID_LOSE = re.compile(
    rf"^\W*(?:did|has|have)\s+(?P<side>{NAME_PHRASE.pattern})\s+(?:lose|lost)\s+(?P<event>[^?]+?)\s*\?*\s*$",
    re.I,
)


def read_did_lose(question: str) -> tuple[str, str] | None:
    """(the side asked about, the question asked as "Who won <event>?") for "Did <side> lose <event>?", else None."""
    m = _DID_LOSE.match(question)
    if m is None or not names_in(m.group("side")):
        return None
    event = re.sub(r"^to\s+", "against ", m.group("event"), flags=re.I)
    # "lose 5-1 to the Rovers" is the meeting with the Rovers, its score said after it
    event = re.sub(r"^(\d{1,3}\s?[-–]\s?\d{1,3})\s+to\s+(.+)$", r"against \2 \1", event, flags=re.I)
    return m.group("side"), _who_won(m.group("side"), event)


def _won_by(side: str, winner: str) -> bool:
    """The winner is the side: they share the side's last name word ("the Mariners" and "Harbour Mariners")."""
    side_words, winner_words = name_words(side), name_words(winner)
    return bool(side_words and winner_words) and (side_words[-1] in winner_words or winner_words[-1] in side_words)


def _names_the_event(topic: str, sentence: str) -> bool:
    """The sentence says the event's name as a name, one word of three or more left out ("the Harbour Rowing Cup"
    as "the Harbour Cup"): "Ostland won the title game that year" names no "Game"."""
    wanted = {t for t, _, kind in analyse(topic)[1] if kind == "name"}
    said = {t for t, _, kind in analyse(sentence)[1] if kind == "name"}
    return bool(wanted) and len(wanted - said) <= (1 if len(wanted) >= 3 else 0)


def compose_did_win(
    question: str, side: str, who_won: str, hits: list[Hit], past_no: bool = True, lost: bool = False
) -> Answer | None:
    """**Yes** or **No** from the latest final result reported: "Did Ostland win the Harbour Cup?" is No when the
    latest final's sentence names the event and Norrvik winning it over Ostland, whatever an older edition says of
    Ostland; an earlier win of the side is shown as earlier. When no such final is reported (a final that does not
    name the side decides nothing about it), a win of the side dated to a past year answers "in <year>"; else None:
    the claim is then judged part by part. Without `past_no`, a No only from a final its article reports as news: one
    outlet's history of a cup ("Norrvik won the first edition") is no answer to whether it reported Ostland's win.
    With `lost`, asked whether the side lost: the same final answers the other way round, and a side the final does
    not name, or one that won it only in a past year, is not said to have lost it (None)."""
    topic = _topic(who_won)
    found = results(who_won, hits, side)
    # "Did Globex win against Tide Works?": a jury's verdict settles a case as a final settles a cup
    finals = [r for r in found if (r.final or r.verdict) and _names_the_event(topic, r.window.text)]
    # "Did Ostland beat the Mariners?" asks of a meeting of two sides: the latest one reported between them decides
    # (a verdict ends a case between two sides: it is answered as a verdict)
    if _SIDES.search(topic) and not any(r.verdict for r in finals):
        # a meeting the question pins by a number ("in Game 2", "in Week 13") is one whose sentence says it: "the
        # Mariners beat the Comets in Game 4" is no answer about Game 2
        pins = {t for t, _, kind in analyse(topic)[1] if kind == "number"}
        meetings = [r for r in found if _between_the_sides(topic, r) and pins <= analyse(r.window.text)[0]]
        month = _MONTH_ASKED.search(topic)
        if month is not None:
            # "... at the Harbour Ground in December?" asks of that month's meeting: one a report dates to a past year
            # ("when the Rovers beat Ostland in the 2007 final"), or reports in another month, is no answer
            asked = MONTHS[month.group(1).lower()]
            meetings = [
                r for r in meetings if r.day == r.window.hit.article.published_at and _reported_in(asked, r.day)
            ]
        return _meeting_answer(question, side, _latest(meetings), hits, lost) if meetings else None
    if not finals:
        return None if lost else _won_in_a_past_year(question, side, topic, found, hits)
    lead = _latest(finals)
    ended_by = "verdict" if lead.verdict else "final result"
    side_won = _won_by(side, lead.winner)
    # a verdict is a No only to a side of its case: "a jury sided with Globex against Tide Works, though Ostland won a
    # similar case" says nothing of Ostland's
    named_in = lead.clause if lead.verdict else lead.window.text
    if not side_won and not set(name_words(side)) & analyse(named_in)[0]:
        return None if lost else _won_in_a_past_year(question, side, topic, found, hits)
    if not side_won and not past_no and lead.day != lead.window.hit.article.published_at:
        return None
    cites = Citations()
    n = cites.cite(lead.window)
    where = f"{outlet_of(lead.window)} [{n}]"
    lines = [quoted(lead.window.text, n)]
    parts = [Part(lead.window.text, "supported", [n])]
    yes, no = ("**No**", "**Yes**") if lost else ("**Yes**", "**No**")
    if side_won:
        won = " won" if lost else ""  # "No — Globex won: ..." to "did Globex lose?"
        text = f"{yes} — {lead.winner}{won}: the latest {ended_by} reported, as of {lead.day}: {where}."
    else:
        text = f"{no} — the latest {ended_by} reported names {lead.winner}, as of {lead.day}: {where}."
        own = sorted((r for r in found if r.final and _won_by(side, r.winner)), key=lambda r: r.day, reverse=True)
        text += _mention(f"Earlier finals won by {side}", own[:2], cites, lines, parts)
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# a month the question names its event by, with no year ("in December", "this November")
_MONTH_ASKED = re.compile(rf"\b(?:in|this|last|during|on)\s+({MONTH_NAME})\b(?!,?\s+\d)")


def _reported_in(month: int, day: str) -> bool:
    """A report of that day may tell of a meeting in that month: dated in it, or in the first days of the next."""
    reported = int(day[5:7]) if len(day) >= 7 and day[5:7].isdigit() else 0
    return reported == month or (reported == month % 12 + 1 and day[8:10] <= "07")


def _between_the_sides(topic: str, result: Result) -> bool:
    """The result is one side's win over the other ("Ostland v. Harbour Rovers"): "Ostland beat Coast Rovers",
    "Norrvik beat Ostland, and Tide City beat Harbour Rovers", "Ostland have not won in Harbour Rovers' ground since
    1990" and "Ostland State beat Harbour Rovers" are not."""
    said = analyse(result.window.text)[0]
    for m in _SIDES.finditer(topic):
        a, b = m.group("a"), m.group("b")
        if not set(name_words(a)[-1:]) | set(name_words(b)[-1:]) <= said:
            continue
        for winner, beaten in ((a, b), (b, a)):
            if _same_side(winner, result.winner) and _same_side(beaten, result.beaten):
                return True
    return False


# Words that make another side of a name ("Ostland State", "Norrvik City"), not a longer name of the same one
_OTHER_SIDE_WORDS = frozenset(
    stem(w) for w in "state city tech county university college women reserves juniors academy".split()
)


def _same_side(asked: str, named: str) -> bool:
    """The same side, one name inside the other: "the Lions" and "Harbour Lions", "Ostland" and "Ostland Rovers",
    not "Ostland" and "Ostland State"."""
    asked_words, named_words = set(name_words(asked)), set(name_words(named))
    if not asked_words or not named_words or not (asked_words <= named_words or named_words <= asked_words):
        return False
    return not (asked_words ^ named_words) & _OTHER_SIDE_WORDS


def _meeting_answer(question: str, side: str, lead: Result, hits: list[Hit], lost: bool) -> Answer | None:
    """**Yes** or **No** from the latest meeting of the two sides reported, its winner named: a season may see them
    meet again, so the answer is said as of that report (or in the past year its clause dates it to). A meeting of a
    past year answers only Yes: that Ostland beat the Rovers in 2007 says nothing of whether the Rovers have beaten
    Ostland since (None: the claim is judged as any other)."""
    article = lead.window.hit.article
    side_won = _same_side(side, lead.winner)
    if side_won == lost and lead.day != article.published_at:
        return None
    cites = Citations()
    n = cites.cite(lead.window)
    verdict = "**Yes**" if side_won != lost else "**No**"
    # a meeting of a past year, said as such: "as of" that year would read as this year's result
    when = f"as of {lead.day}: {outlet_of(lead.window)}"
    if lead.day != article.published_at:
        when = f"in {lead.day} (reported on {article.published_at}): {article.source or article.title}"
    text = f"{verdict} — {lead.winner} won the latest meeting reported, {when} [{n}]."
    parts = [Part(lead.window.text, "supported", [n])]
    return Answer(
        question=question,
        text="\n".join([text, quoted(lead.window.text, n)]),
        citations=cites.items,
        hits=hits,
        parts=parts,
    )


def _won_in_a_past_year(question: str, side: str, topic: str, found: list[Result], hits: list[Hit]) -> Answer | None:
    """**Yes**, in <year>, when the side's latest win reported is dated by its own clause to a year before its
    article's ("Ostland won the 2019 Harbour Cup"): said "as of" the article's day, it would read as this year's win.
    Later results of others are shown. None when no win of the side is dated so."""
    own = [r for r in found if _won_by(side, r.winner) and not r.stage and _names_the_event(topic, r.window.text)]
    if not own or any(r.day == r.window.hit.article.published_at for r in own):
        return None  # a win said as this article's news is judged part by part, "as of" its day
    lead = max(own, key=lambda r: (r.day, r.window.hit.score))
    cites = Citations()
    n = cites.cite(lead.window)
    lines = [quoted(lead.window.text, n)]
    parts = [Part(lead.window.text, "supported", [n])]
    text = f"**Yes**, in {lead.day} — the latest win of {side} the articles report: {outlet_of(lead.window)} [{n}]."
    later = sorted((r for r in found if r.day > lead.day and not _won_by(side, r.winner)), key=lambda r: r.day)
    text += _mention("Later results reported", later[-2:][::-1], cites, lines, parts)
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)
