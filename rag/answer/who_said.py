"""Who said it: "Who told Tech Wire that the beta went viral?", "Which coach said 'we cannot be thinkers' — Lind or
Park?". The answer is the name a sentence holding the words gives them to ("..., Park told Tech Wire"), never a name
that is only near them: a heading, a product or a broadcaster in the same passage said nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.compose import UNSETTLED, Citations, outlet_of, quoted
from rag.answer.names import most_in_full, names_in
from rag.answer.parts import Window, sentences_of
from rag.answer.speakers import a_person, spoken_by
from rag.core.text import NAME, ROLE_WORDS, quoted_phrases, straight_quotes
from rag.core.types import Answer, Hit, Part
from rag.extractive import attributions
from rag.verify.lexical import analyse, coverage, hedged_words, negated_words

# verbs of saying only: "Who wrote Tide Tales?" asks for an author, "Who revealed the phone?" for a maker
_SPEECH = (
    r"said|says|told|tells|called|described|admitted|claimed|apologi[sz]ed|warned|argued|insisted|tweeted|joked|"
    r"complained|conceded|explained|stated|added|remarked|quipped|declared|informed|notified|assured|reassured|"
    r"reminded|cautioned|acknowledged|boasted|lamented|predicted|stressed|recalled|noted|pointed\s+out|advised|"
    r"recommended|urged|testified"
)
# what "which ... said" asks for when it asks for a person: "Which Rovers player said ...?" (not "Which company
# said ...?", whose spokesperson a sentence names)
_PERSON = "|".join(
    sorted(
        ROLE_WORDS
        | set(
            """person people man woman one official executive star lawmaker senator politician candidate borrower fan
            author actor actress singer athlete driver boxer fighter investor judge witness prosecutor defendant
            journalist reporter host pundit commentator legend veteran father mother parent son daughter
            husband wife brother sister friend neighbour neighbor victim survivor member attorney user""".split()
        ),
        key=len,
        reverse=True,
    )
)
# "Who told Tech Wire that ...?", "Which Rovers player admitted ...?", "Who said '...' — Lind or Park?"
_WHO_SAID = re.compile(
    # (an aside may stand between "who" and the verb: "Who, after the launch, remarked ...?")
    rf"^\W*(?i:who(?:,\s+[^?,]{{3,80}},)?|which\s+(?:[\w'’.&/-]+\s+){{0,8}}?(?:{_PERSON})s?"
    r"(?:\s+(?:in|of|at|from)\s+[^?,]+?)?(?:,\s+(?:who|whose)\s[^?,]{3,80},)?"
    r"(?:,\s+(?P<a0>[A-Z][^?,]*?)\s+or\s+(?P<b0>[A-Z][^?,]*?),)?)\s+"
    rf"(?:(?i:first|publicly|later|also|actually|once)\s+)?(?P<verb>(?i:{_SPEECH}))\b\s*(?P<what>[^?]+?)"
    r"(?:\s*(?:[,:;]|\s[-–—])\s*(?P<a>[A-Z][^?,]*?)\s+or\s+(?:from\s+)?(?P<b>[A-Z][^?,]*?))?\s*\?*\s*$",
    re.S,
)
# "Was it Lind or Park who said '...'?", "Was the line '...' from Lind or from Park?"
_EITHER_SAID = (
    re.compile(
        rf"^\W*(?:according\s+to\s+[^,?]+,\s+)?(?:was|is)\s+it\s+(?P<a>[A-Z][^?,]*?)\s+or\s+(?P<b>[A-Z][^?,]*?)\s+"
        rf"(?:who|that)\s+(?P<verb>{_SPEECH})\b"
        r"\s*(?P<what>[^?]+?)\s*\?*\s*$",
        re.I | re.S,
    ),
    re.compile(
        r"^\W*(?:was|were|is|are)\s+(?:the\s+)?(?:line|words|quote|remark|comment)\s+(?P<what>.+?)\s+(?:from|by|said\s+by)"
        r"\s+(?P<a>[A-Z][^?,]*?)\s+or\s+(?:from\s+|by\s+)?(?P<b>[A-Z][^?,]*?)\s*\?*\s*$",
        re.I | re.S,
    ),
)
# what goes before the words themselves: "told Tech Wire that", "to reporters that"
_TO_WHOM = re.compile(r"^(?:(?:to\s+)?(?:[A-Z][\w.'’&-]*\s+)+(?=that\b)|to\s+\w+\s+(?=that\b))?(?:that\s+)?")
# a sentence holding this share of the words asked (weighted as the verifier weighs them) holds what was said; words
# the question quotes must be there as written instead
SAID_AT = 0.6
# asked whether one person said the words, the sentences within this of the best one's share are the ones read
CLOSEST_MARGIN = 0.1


# "Was it Mara Lind who said ...?", "Did Globex CEO Mara Lind tell Tech Wire that ...?": one person asked about
_SAID_BY_ONE = (
    re.compile(
        rf"^\W*(?i:according\s+to\s+[^,?]+,\s+)?(?i:was|is)\s+it\s+(?P<person>[A-Z0-9][^?,]*?)\s+(?:who|that)\s+"
        rf"(?P<verb>{_SPEECH})\b\s*(?P<what>[^?]+?)\s*\?*\s*$",
        re.S,
    ),
    re.compile(
        r"^\W*(?i:according\s+to\s+[^,?]+,\s+)?(?i:did|does)\s+(?P<person>[^?,]{3,80}?)\s+"
        r"(?P<verb>(?:say|tell|call|describe|claim|admit|warn|argue|joke|complain|predict|insist|remark|declare|"
        r"acknowledge|concede))\b\s*(?P<what>[^?]+?)\s*\?*\s*$",
        re.S,
    ),
)


@dataclass
class WhoSaid:
    words: str  # what was said, as the question gives it
    phrases: list[str]  # the words it quotes: the sentence must hold them as written
    options: tuple[str, str] | None  # "Lind or Park"
    person: str = ""  # the one person asked whether they said it
    role: bool = False  # asked as "which executive / player ...?": the answer is a person, no company or body


def read_said_by_one(question: str) -> WhoSaid | None:
    """The words and the one person a yes/no question asks whether they said them; None for any other question, or
    when it names no person ("Did Globex say ...?", "Did the ministry warn ...?")."""
    m = next((found for pattern in _SAID_BY_ONE if (found := pattern.match(question))), None)
    if m is None:
        return None
    # the person is the name the phrase ends on: "Globex CEO Mara Lind", not the company before the title
    people = [n for n in names_in(m["person"]) if a_person(n)]
    words = _TO_WHOM.sub("", m["what"].strip(), count=1)
    if not people or not m["person"].rstrip().endswith(people[-1]) or len(analyse(words)[1]) < 3:
        return None
    phrases = [p for p in quoted_phrases(m["what"]) if len(p.split()) >= 2]
    return WhoSaid(words, phrases, None, people[-1])


def read_who_said(question: str) -> WhoSaid | None:
    m = _WHO_SAID.match(question)
    for pattern in _EITHER_SAID:
        m = m or pattern.match(question)
    if m is None:
        return None
    groups = m.groupdict()
    phrases = [p for p in quoted_phrases(m["what"]) if len(p.split()) >= 2]
    words = _TO_WHOM.sub("", m["what"].strip(), count=1)
    if not phrases and len(analyse(words)[1]) < 2:  # "Who said it?": nothing to find the words by
        return None
    a, b = (groups.get("a") or groups.get("a0"), groups.get("b") or groups.get("b0"))
    role = bool(re.match(r"\W*which\b", question, re.I))
    return WhoSaid(words, phrases, (a.strip(), b.strip()) if a and b else None, role=role)


def _holds(sentence: str, phrase: str) -> bool:
    """The sentence holds the quoted words as written, whatever its quotation marks and case."""

    def plain(text: str) -> str:
        return " ".join(re.findall(r"[\w'’]+", straight_quotes(text).lower().replace("’", "'")))

    return plain(phrase) in plain(sentence)


def _outside_quotes(text: str, at: int) -> bool:
    """The position is not inside quotation marks: a name in the words quoted ("Globex announced ...") is no speaker."""
    return straight_quotes(text)[:at].count('"') % 2 == 0


def _speaker(window: Window, options: tuple[str, str] | None = None) -> str:
    """Who the sentence gives its words to, in full where the article names them so ("Park" -> "Theo Park"): one of
    the names offered when the sentence gives the words to them (by name, in their clause, by a pronoun after them),
    else the name it attributes them to outside the quotation, a person named in full before a body's."""
    article = window.hit.article.text
    for option in options or ():
        if spoken_by(option, window.text, article, window.start):
            return option
    said = [name for name, at in attributions(window.text) if _outside_quotes(window.text, at)]
    full = [most_in_full(name, article) or name if len(name.split()) == 1 else name for name in said]
    people = [name for name in full if a_person(name)]
    # "Dr. Mara Lind, co-director of the Centre for Tides, Prevention and Care, told Tech Wire": the person, not the
    # last words of their title
    named = [
        name
        for name in names_in(window.text)
        if a_person(name) and _outside_quotes(window.text, window.text.find(name))
    ]
    if not people and named and said:
        return ""
    return (people or full or [""])[0]


def _same_stance(words: str, sentence: str) -> bool:
    """The sentence denies, or says only as possible, as the words asked about do: "he was not thinking about its
    uses" says the opposite of "its uses were on his mind" in other words, which no shared word shows."""
    return bool(negated_words(sentence)) == bool(negated_words(words)) and bool(hedged_words(sentence)) == bool(
        hedged_words(words)
    )


def _unquoted(text: str) -> str:
    """The text without the words it quotes: a name inside them is what was said ("... all the credit to Mara Lind,"
    Park said), not who said it or whom another's words are about."""
    return re.sub(r'"[^"]*"', " ", straight_quotes(text))


def _same_person(a: str, b: str) -> bool:
    return bool({w.lower() for w in NAME.findall(a)} & {w.lower() for w in NAME.findall(b)})


def compose_who_said(question: str, asked: WhoSaid, hits: list[Hit]) -> Answer | None:
    """The speaker of the sentence that holds the words asked about (all of them when quoted), with that sentence
    cited; None when no such sentence names who said it."""
    held = [
        (coverage(asked.words, w.text), w) for w in sentences_of(hits) if all(_holds(w.text, p) for p in asked.phrases)
    ]
    # (each sentence's speaker read once: it asks the article about every name offered)
    found = [
        (score, w, who)
        for score, w in held
        if asked.phrases or score >= SAID_AT
        if (who := _speaker(w, asked.options)) and (a_person(who) or not asked.role)
    ]
    if not found:
        return None
    _, best, who = max(found, key=lambda f: f[0])
    cites = Citations()
    n = cites.cite(best)
    if asked.options is not None and not any(_same_person(who, o) for o in asked.options):
        if not a_person(who):  # "neither" is said only of a person named in full, never of a word of a title
            return None
        lead = (
            f"{UNSETTLED}: {outlet_of(best)} [{n}] gives the words to {who}, who is neither "
            f"{asked.options[0]} nor {asked.options[1]}."
        )
        parts = [Part(f"{who} said {asked.words}", "supported", [n])]
    else:
        named = next((o for o in asked.options or () if _same_person(who, o)), who)
        lead = f"**{named}** — {outlet_of(best)} [{n}] gives the words to {who}."
        parts = [Part(f"{who} said {asked.words}", "supported", [n])]
    text = "\n".join([lead, quoted(best.text, n)])
    return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=parts)


def compose_said_by_one(question: str, asked: WhoSaid, hits: list[Hit]) -> Answer | None:
    """Yes or No to "did Mara Lind say ...?" by whom the sentences holding the words (SAID_AT of them) give them to,
    as "who said ...?" is answered: Yes when each gives them to her, in a sentence naming no other person outside its
    quotes and not denying what the question says; No, citing one, when each gives them to another person named in
    full, and none names her outside its quotes (she may be the one another's words are about: "Lind said Park called
    it a disgrace"); None otherwise, and for words the question quotes (whose reader is rag.answer.parts')."""
    if asked.phrases:
        return None
    covers = [(coverage(asked.words, w.text), w) for w in sentences_of(hits)]
    top = max((c for c, _ in covers), default=0.0)
    # the sentences that hold the words best: a looser one shares a name and a word or two of them
    held = [w for c, w in covers if c >= SAID_AT and c >= top - CLOSEST_MARGIN]
    given = [(w, who) for w in held if (who := _speaker(w))]
    # one person named outside the quotes: "While Ada Brin said ..., Jon Vale joked: '...'" gives them to either
    if not given or any(len([n for n in names_in(_unquoted(w.text)) if a_person(n)]) > 1 for w, _ in given):
        return None
    theirs = [_same_person(who, asked.person) for _, who in given]
    best, who = given[0]
    cites = Citations()
    n = cites.cite(best)
    if all(theirs) and all(_same_stance(asked.words, w.text) for w, _ in given):
        lead = f"**Yes.** {outlet_of(best)} [{n}] gives these words to {who}."
        parts = [Part(f"{asked.person} said {asked.words}", "supported", [n])]
    elif not any(theirs) and all(a_person(speaker) for _, speaker in given):
        own = analyse(asked.person)[0]
        if any(own & analyse(_unquoted(w.text))[0] for w in held):
            return None
        lead = f"**No.** {outlet_of(best)} [{n}] gives these words to {who}, not to {asked.person}."
        parts = [
            Part(f"{asked.person} said {asked.words}", "contradicted", [n]),
            Part(f"{who} said {asked.words}", "supported", [n]),
        ]
    else:
        return None
    text = "\n".join([lead, quoted(best.text, n)])
    return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=parts)
