"""Who said it: "Who told Tech Wire that the beta went viral?", "Which coach said 'we cannot be thinkers' — Lind or
Park?". The answer is the name a sentence holding the words gives them to ("..., Park told Tech Wire"), never a name
that is only near them: a heading, a product or a broadcaster in the same passage said nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.compose import UNSETTLED, Citations, outlet_of, quoted
from rag.answer.names import a_person, most_in_full, names_in, stands_for_a_person, without_title
from rag.answer.parts import Window, sentences_of
from rag.answer.speakers import spoken_by
from rag.core.text import NAME, NAME_PHRASE, ROLE_WORDS, quoted_phrases, split_sentences, straight_quotes
from rag.core.types import Answer, Hit, Part
from rag.extractive import PRONOUN_SAYS, attributions
from rag.verify.lexical import analyse, coverage, hedged_only, negated_words

# verbs of saying only: "Who wrote Tide Tales?" asks for an author, "Who revealed the phone?" for a maker
_SPEECH = (
    r"said|says|told|tells|called|described|admitted|claimed|apologi[sz]ed|warned|argued|insisted|tweeted|joked|"
    r"complained|conceded|explained|stated|added|remarked|quipped|declared|informed|notified|assured|reassured|"
    r"reminded|cautioned|acknowledged|boasted|lamented|predicted|stressed|recalled|noted|pointed\s+out|advised|"
    r"recommended|urged|testified|"
    # ("wrote that ...": words written as well as said; "who wrote the book?" asks for an author)
    r"wrote(?=\s+that\b)|writes(?=\s+that\b)"
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
    # (or what they are part of: "Who at Globex told Tech Wire ...?")
    rf"^\W*(?i:who(?:,\s+[^?,]{{3,80}},|\s+(?:at|from|in)\s+(?:the\s+)?[A-Z][^?,]{{1,60}}?)?|which\s+(?:[\w'’.&/-]+\s+){{0,8}}?(?:{_PERSON})s?"
    r"(?:\s+(?:in|of|at|from)\s+[^?,]+?)?(?:,\s+(?:who|whose)\s[^?,]{3,80},)?"
    r"(?:,\s+(?P<a0>[A-Z][^?,]*?)\s+or\s+(?P<b0>[A-Z][^?,]*?),)?)\s+"
    # ("had said, a couple of months before, that ...": a tense and an aside before what was said)
    rf"(?:(?i:had|has|have)\s+)?(?:(?i:first|publicly|later|also|actually|once)\s+)?(?P<verb>(?i:{_SPEECH}))\b"
    r"(?:,\s+[^?,]{3,80},)?\s*(?P<what>[^?]+?)"
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


@dataclass
class Given:
    """Whom a sentence gives its words to, and the sentences beside it that say so."""

    name: str  # "" when no one
    pronoun: str = ""  # "he" or "she", when a pronoun gives the words
    named: Window | None = None  # the sentence before that names whom the pronoun stands for
    ended: Window | None = None  # the later sentence that closes the quotation the sentence opens


def _speaker(window: Window, options: tuple[str, str] | None = None) -> Given:
    """Who the sentence gives its words to, in full where the article names them so ("Park" -> "Theo Park"): one of
    the names offered when the sentence gives the words to them (by name, in their clause, by a pronoun after them),
    else the name it attributes them to outside the quotation, a person named in full before a body's; else the one
    person the sentences just before name when "he" or "she" gives them; else, for a sentence opening a quotation a
    later one closes, whom that one gives it to."""
    article = window.hit.article.text
    for option in options or ():
        if spoken_by(option, window.text, article, window.start):
            return Given(option)
    named = _named_in(window)
    if named:
        return Given(named)
    pronoun = _pronoun_giving(_unquoted(window.text))
    if pronoun:
        before = _person_before(window)
        return Given(before[0], pronoun, before[1]) if before else Given("")
    return _given_where_quote_ends(window)


# how far back the person a pronoun stands for is looked for, and how far on the end of a quotation: a run of quotes
# may name no one for a sentence or two
PRONOUN_REACH = 3
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_PRONOUN_CHARS = 1500


def _pronoun_giving(unquoted: str) -> str:
    """ "he" or "she" when a pronoun gives the words and no person is named outside the quotes, else ""."""
    m = PRONOUN_SAYS.search(unquoted)
    if m is None or any(a_person(n) for n in names_in(unquoted)):
        return ""
    return "she" if re.search(r"\bshe\b", m.group(0), re.I) else "he"


def _person_before(window: Window) -> tuple[str, Window] | None:
    """The person "he" or "she" at the start of the window stands for: the one person the nearest sentence before it
    naming anyone names (Ada Brin, in "Ada Brin runs the lab. 'It works,' she said."), with that sentence; None when
    that sentence names two people, or none is near."""
    article = window.hit.article.text
    for sentence in reversed(_sentences_before(window)[-PRONOUN_REACH:]):
        # the one it gives words to ("..., said Mara Lind, head of research at Tide Works."), else the one it names
        speaker = _named_in(sentence)
        # (a surname alone is a person the article names in full elsewhere: "Lind thanked Theo Park" names two)
        people = {
            n.split()[-1]: n
            for n in names_in(_unquoted(sentence.text))
            if stands_for_a_person(n) or (" " not in n and most_in_full(n, article))
        }
        if speaker and stands_for_a_person(speaker):
            return speaker, sentence
        # (one named after a "he" or "she" of the sentence's own is not who the pronoun after it is: "When asked
        # if he knew what Lind thought, he smiled" leaves "he" to someone named further back)
        if len(people) > 1 or (people and _pronoun_first(_unquoted(sentence.text), next(iter(people.values())))):
            return None
        if people:
            name = next(iter(people.values()))
            return most_in_full(name.split()[-1], article) or name, sentence
    return None


def _pronoun_first(text: str, name: str) -> bool:
    """A "he" or "she" stands in the text before the name: the sentence is about someone named before it."""
    pronoun = _SUBJECT_PRONOUN.search(text)
    return pronoun is not None and pronoun.start() < text.find(name.split()[-1])


def _given_where_quote_ends(window: Window) -> Given:
    """A sentence inside a quotation that runs over sentences, opened by it or before it ('"It works. We are sure,"
    Lind said.'), gives its words to whom the quotation is given: to the speaker of the sentence right before it opens
    when that one ends a quotation of theirs ('"...," Lind said. "It works. We are sure."'), else to whom the sentence
    closing it, within PRONOUN_REACH, gives it (by name, or by a pronoun after a sentence naming them before)."""
    article = window.hit.article.text
    opening = _quotation_opened(window)
    if opening is None:
        return Given("")
    before = _sentences_before(opening)
    if before:
        previous = before[-1]
        speaker = _named_in(previous)
        if straight_quotes(previous.text).count('"') >= 2 and speaker and stands_for_a_person(speaker):
            return Given(speaker, named=previous)
    for ended in _sentences_after(window)[:PRONOUN_REACH]:
        marks = straight_quotes(ended.text).count('"')
        if marks == 0:
            continue  # the quotation goes on
        if marks != 1:
            return Given("")
        # (what follows the closing mark says who spoke: '... first," he said.')
        tail = straight_quotes(ended.text).split('"', 1)[1]
        said = [name for name, _ in attributions(tail)]
        full = [most_in_full(name, article) or name if " " not in name else name for name in said]
        if full and a_person(full[0]) and not _others_named(tail, full[0]):
            return Given(full[0], ended=ended)
        pronoun = _pronoun_giving(tail)
        named = _person_before(opening) if pronoun else None
        return Given(named[0], pronoun, named[1], ended) if named else Given("")
    return Given("")


def _quotation_opened(window: Window) -> Window | None:
    """The sentence opening the quotation the window is in, when it is in one that runs on after it: the window itself
    when it opens one it does not close, else the nearest sentence before it, within PRONOUN_REACH of sentences with
    no quotation marks, that does; None otherwise."""

    def opens(text: str) -> bool:
        text = straight_quotes(text)
        return text.lstrip().startswith('"') and text.count('"') == 1

    if opens(window.text):
        return window
    if '"' in straight_quotes(window.text):
        return None
    for sentence in reversed(_sentences_before(window)[-PRONOUN_REACH:]):
        if opens(sentence.text):
            return sentence
        if '"' in straight_quotes(sentence.text):
            return None
    return None


def _sentences_before(window: Window) -> list[Window]:
    """The article's sentences within _PRONOUN_CHARS before the window, nearest last (a lone closing quotation mark
    the splitter leaves is no sentence)."""
    article = window.hit.article.text
    spans = split_sentences(article, max(0, window.start - _PRONOUN_CHARS), window.start)
    return [Window(window.hit, s, e) for s, e in spans if e <= window.start and re.search(r"\w", article[s:e])]


def _sentences_after(window: Window) -> list[Window]:
    """The article's sentences within _PRONOUN_CHARS after the window, nearest first."""
    article = window.hit.article.text
    spans = split_sentences(article, window.end, min(len(article), window.end + _PRONOUN_CHARS))
    return [Window(window.hit, s, e) for s, e in spans if re.search(r"\w", article[s:e])]


# "Mara Lind, chief of toxicology at Norrvik Medical School, said": the name "said" follows ends the title of the
# person named before it, the one who speaks
_TITLE_OF_BEFORE = re.compile(
    rf"(?P<who>{NAME_PHRASE.pattern}),\s+(?:[\w'’-]+\s+){{1,14}}?(?:at|of|for)\s+(?:the\s+)?$"
)


def _holder_of_title(text: str, name: str, at: int) -> str:
    """The person whose title the name ends ("Mara Lind" for "Norrvik Medical School" in "Mara Lind, chief of
    toxicology at Norrvik Medical School, said"), else the name."""
    m = _TITLE_OF_BEFORE.search(text, 0, at)
    return m["who"] if m is not None and stands_for_a_person(m["who"]) else name


def _named_in(window: Window) -> str:
    """The name the sentence itself gives its words to (see `_speaker`), "" when none."""
    article = window.hit.article.text
    said = [
        _holder_of_title(window.text, name, at)
        for name, at in attributions(window.text)
        if _outside_quotes(window.text, at)
    ]
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


# "Tech Wire columnist Mara Lind writes ...": a name this few words before the speaker's describes them
_DESCRIBES = re.compile(r"^(?:\s+[a-z][\w-]*){1,3}\s+$")


def _others_named(sentence: str, speaker: str) -> bool:
    """The sentence names a person outside its quotes besides the speaker, not one that only describes them (the
    outlet or firm of "Tech Wire columnist Mara Lind writes ..."): either may be the one the words are given to."""
    text = _unquoted(sentence)
    at = text.find(speaker) if speaker in text else text.find(speaker.split()[-1])
    return any(
        a_person(n)
        and not _same_person(n, speaker)
        and not (0 <= text.find(n) < at and _DESCRIBES.match(text[text.find(n) + len(n) : at] + " "))
        for n in names_in(text)
    )


# a sentence holding the words asked about holds at least this share of their plain words, not only their names
PLAIN_SAID_AT = 0.5


def _plain_words_held(words: str, sentence: str) -> bool:
    """The sentence holds PLAIN_SAID_AT of the words' plain words, not only their names: "Lind's visit drew Tide
    Works fans" is no sentence of "Tide Works won the cup" for sharing the name most of the weight is on."""
    plain = {t for t, _, kind in analyse(words)[1] if kind == "word"}
    return not plain or len(plain & analyse(sentence)[0]) >= PLAIN_SAID_AT * len(plain)


def _same_stance(words: str, sentence: str) -> bool:
    """The sentence denies as the words asked about do, and says nothing only as possible that they say outright:
    "he was not thinking about its uses" says the opposite of "its uses were on his mind" in other words, which no
    shared word shows ("mutations can take years" says what "mutations could take years" asks)."""
    return bool(negated_words(sentence)) == bool(negated_words(words)) and not hedged_only(words, sentence)


def _unquoted(text: str) -> str:
    """The text without the words it quotes: a name inside them is what was said ("... all the credit to Mara Lind,"
    Park said), not who said it or whom another's words are about."""
    text = re.sub(r'"[^"]*"', " ", straight_quotes(text))
    if text.count('"') == 1:
        # a quotation this sentence opens ('"It works.') or closes ('... first," she said.'): the words are in it
        at = text.index('"')
        opening = at + 1 < len(text) and not text[at + 1].isspace() and (at == 0 or text[at - 1].isspace())
        text = text[:at] if opening else text[at + 1 :]
    return text


def _same_person(a: str, b: str) -> bool:
    """The two names share a word, and are not two first names before one surname ("Jon Vale" is not "Mara
    Vale"; "Globex CEO Mara Lind" and "Lind" are "Mara Lind")."""
    words_a, words_b = [w.lower() for w in NAME.findall(a)], [w.lower() for w in NAME.findall(b)]
    shared = set(words_a) & set(words_b)
    if not shared:
        return False
    surname = words_a[-1]
    if surname in shared and len(words_a) >= 2 and len(words_b) >= 2 and words_b[-1] == surname:
        return words_a[-2] == words_b[-2]
    return True


def compose_who_said(question: str, asked: WhoSaid, hits: list[Hit]) -> Answer | None:
    """The speaker of the sentence that holds the words asked about (all of them when quoted), with that sentence
    cited; None when no such sentence names who said it."""
    held = [
        (coverage(asked.words, w.text), w) for w in sentences_of(hits) if all(_holds(w.text, p) for p in asked.phrases)
    ]
    # (each sentence's speaker read once: it asks the article about every name offered)
    found = [
        (score, w, given)
        for score, w in held
        if asked.phrases or (score >= SAID_AT and _plain_words_held(asked.words, w.text))
        for given in [_speaker(w, asked.options)]
        if given.name and (a_person(given.name) or not asked.role)
    ]
    if not found:
        return None
    _, best, given = max(found, key=lambda f: f[0])
    who = given.name
    cites = Citations()
    lines, n = _cite_given(cites, best, given)
    if asked.options is not None and not any(_same_person(who, o) for o in asked.options):
        if not a_person(who):  # "neither" is said only of a person named in full, never of a word of a title
            return None
        lead = (
            f"{UNSETTLED}: {outlet_of(best)} [{n}] gives the words to {_whom_given(given, cites)}, who is neither "
            f"{asked.options[0]} nor {asked.options[1]}."
        )
    else:
        named = next((o for o in asked.options or () if _same_person(who, o)), without_title(who))
        lead = f"**{named}** — {outlet_of(best)} [{n}] gives the words to {_whom_given(given, cites)}."
    parts = [Part(f"{who} said {asked.words}", "supported", [c.n for c in cites.items])]
    text = "\n".join([lead, *lines])
    return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=parts)


def _cite_given(cites: Citations, said: Window, given: Given) -> tuple[list[str], int]:
    """The quoted lines of the sentence giving the words and of those beside it that say whose they are, in the
    article's order, and the number the sentence giving them is cited by."""
    shown = sorted([w for w in (said, given.named, given.ended) if w is not None], key=lambda w: w.start)
    lines = [quoted(w.text, cites.cite(w)) for w in shown]
    return lines, cites.cite(said)


def _whom_given(given: Given, cites: Citations) -> str:
    """Whom the words are given to, as the answer says it: by name, by the pronoun a sentence before names, or where
    the quotation they open ends."""
    ended = f" where the quotation ends [{cites.cite(given.ended)}]" if given.ended is not None else ""
    if given.named is None:
        return f"{given.name}, named{ended}" if ended else given.name
    if not given.pronoun:  # '"...," Lind said. "It works."': the quotation goes on after her name
        return f"{given.name}, whose quotation it goes on with [{cites.cite(given.named)}]"
    return f"“{given.pronoun}”{ended}, {given.name}, named just before [{cites.cite(given.named)}]"


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
    held = [
        w for c, w in covers if c >= SAID_AT and c >= top - CLOSEST_MARGIN and _plain_words_held(asked.words, w.text)
    ]
    given = [(w, g) for w in held for g in [_speaker(w)] if g.name]
    # one person named outside the quotes: "While Ada Brin said ..., Jon Vale joked: '...'" gives them to either
    if not given or any(_others_named(w.text, g.name) for w, g in given):
        return None
    theirs = [_same_person(g.name, asked.person) for _, g in given]
    best, first = given[0]
    who = first.name
    cites = Citations()
    lines, n = _cite_given(cites, best, first)
    every = [c.n for c in cites.items]
    if all(theirs) and all(_same_stance(asked.words, w.text) for w, _ in given):
        lead = f"**Yes.** {outlet_of(best)} [{n}] gives these words to {_whom_given(first, cites)}."
        parts = [Part(f"{asked.person} said {asked.words}", "supported", every)]
    elif not any(theirs) and all(a_person(g.name) for _, g in given):
        own = analyse(asked.person)[0]
        if any(own & analyse(_unquoted(w.text))[0] for w in held):
            return None
        lead = (
            f"**No.** {outlet_of(best)} [{n}] gives these words to {_whom_given(first, cites)}, not to {asked.person}."
        )
        parts = [
            Part(f"{asked.person} said {asked.words}", "contradicted", every),
            Part(f"{who} said {asked.words}", "supported", every),
        ]
    else:
        return None
    text = "\n".join([lead, *lines])
    return Answer(question=question, text=text, citations=cites.items, hits=hits, parts=parts)
