"""Answers made of exact quotes: the extractive answerer's sentences, held to what the question asks (its names,
its number or time, the deed it presumes), or kept as the closest passages under a lead saying what they do not
confirm."""

from __future__ import annotations

import re

from rag.answer.amounts import Asked, amount_in, asked_deed
from rag.answer.compose import REFUSAL, UNSETTLED
from rag.answer.names import NOT_NAMES, a_competition, a_person, initials, names_in, says_word, standalone
from rag.answer.reading import Reading, names_offered, outlet_topic_asked
from rag.answer.speakers import a_namesake, spoken_by, spoken_in, surname_family, words_of_a_namesake
from rag.answer.verdicts import ABOUT, judge, other_person, said_only_as_another_name, says_deed
from rag.answer.when import gives_what_is_asked, kind_asked
from rag.core.text import (
    MONTH_NAME,
    TITLE_WORDS,
    holds_number,
    is_caption,
    months_of_years,
    ordinals,
    same_event_words,
    stems,
)
from rag.core.types import Answer, Hit, Part
from rag.extractive import ExtractiveAnswerer, gives_words_of
from rag.verify.lexical import analyse, hedged_only, plain_words

# "What is the <attribute> of <subject>?", "What happened to <subject>?": the subject must be in the quotes.
_SUBJECT = re.compile(
    r"^\s*(?:what|how|where|when|why)\b.*\b(?:of|about|to|for|regarding|on)\s+(?P<subject>[^?]+?)\s*\??$", re.I
)


# A second question joined to the first: "..., and how many starts had he made?", "... and when did it happen?"
SECOND_QUESTION = re.compile(
    r"\band\s+(?:how\s+(?:many|much|long|old)|when\s+(?:did|does|do|was|is|were|are|will)|what\s+(?:was|is|were|did|does)|"
    # ("and which broadcaster did he ...?" asks again; "and which was ..." may be a clue's relative clause)
    r"which\s+[a-z]+\s+(?:did|does|do))\b"
    # ", and do Tech Wire and Bay News agree on it?": a yes/no question after the first
    r"|,\s*and\s+(?:do|does|did)\s+(?!not\b)(?=\S)",
    re.I,
)


# Verbs of any event at all, which a sentence saying what happened seldom repeats
ANY_EVENT = re.compile(
    r"\b(?:happen(?:s|ed|ing)?|occur(?:s|red|ring)?|go(?:es)?\s+on|went\s+on|take\s+place|took\s+place|"
    r"(?:get|gets|got|getting)\s+under\s*way)\b",
    re.I,
)


_COUNTED_OF = re.compile(
    r"^\W*how\s+many\s+[a-z][\w-]*\s+(?:in|of|on|at|behind)\s+(?P<of>[a-z][\w\s'’-]*?)\s+"
    r"(?:did|does|do|was|were|is|are|has|have|had|will|would)\b",
    re.I,
)


_SCORE_ASKED = re.compile(r"\bscore(?:line)?\b", re.I)


# "how many more", "how much higher": a difference asked, no thing counted
_COMPARATIVE = re.compile(r"^(?:more|fewer|less|[a-z]+er)$", re.I)


# a question asking of what is expected or planned, which a forecast answers ("By what percentage does Globex expect
# ...?")
_AHEAD_ASKED = re.compile(
    r"\b(?:expect\w*|forecast\w*|projected|predict\w*|estimat\w*|will|would|could|may|might|plan\w*|on\s+track)\b|"
    # ("How many staff was Globex letting go?": what it was set to do)
    r"\b(?:is|are|was|were)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.&'’-]*\s+){1,3}[a-z]+ing\b",
    re.I,
)


# "What chip powers ...?", "Which prison sentence did ... get?", "What kind of engine does ... use?": the kind of thing
# asked for, before an auxiliary or a present-tense verb
_AUXILIARIES = r"(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could)\b"


_KIND_ASKED = re.compile(
    rf"^\W*(?:what|which)\s+(?:(?:kind|type|sort)\s+of\s+)?(?!{_AUXILIARIES})"
    rf"(?P<kind>(?-i:[a-z][\w-]*(?:\s+[a-z][\w-]*)?))\s+{_AUXILIARIES}"
    rf"|^\W*(?:what|which)\s+(?:(?:kind|type|sort)\s+of\s+)?(?!{_AUXILIARIES})(?P<kind1>(?-i:[a-z][\w-]*(?<!ed)))\s+"
    r"(?-i:[a-z]+s)\b",
    re.I,
)


# kinds that say nothing a quote must repeat: "what else", "which one", "what happened"
# (nor the kinds a report seldom names as such: a reason is given with "because", a role by what is done)
_NO_KIND = frozenset(
    "else one ones happened happens way reason reasons cause causes explanation role roles purpose impact effect "
    "effects".split()
)


def _kind_of_thing_asked(question: str) -> str:
    """The head word of the kind of thing a what/which-question asks for ("sentence" of "What prison sentence did
    ...?"), or ""."""
    m = _KIND_ASKED.match(question)
    if m is None:
        return ""
    kind = (m["kind"] or m["kind1"]).split()[-1].lower()
    return "" if kind in _NO_KIND or not plain_words(kind) else kind


# a who-question asking who stands in for someone named: "... in place of Mara Lind", "... replacing Lind"
_REPLACED_ASKED = re.compile(
    r"^\W*who\b.*?\b(?:in\s+place\s+of|instead\s+of|replacing|to\s+replace|succeeding|to\s+succeed)\s+"
    r"(?P<name>(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*))",
    re.I,
)


_NAME_OF_ROLE = re.compile(
    r"^\W*what\s+(?:is|was|are|were)\s+(?:the\s+)?names?\s+of\s+(?:[\w.'’-]+\s+){0,5}?(?P<role>[a-z]+)\s*\??\s*$", re.I
)


def _role_named(role: str, quote: str, question: str) -> bool:
    """The quote says the role asked beside a name the question does not give ("lawyer Jon Vale", "Jon Vale, his
    lawyer")."""
    asked = {w for n in names_in(question) for w in n.split()}
    for m in re.finditer(rf"\b{re.escape(role)}s?\b", quote, re.I):
        near = quote[max(0, m.start() - 40) : m.end() + 40]
        if any(not asked & set(n.split()) for n in names_in(near)):
            return True
    return False


def _says_replaced(name: str, quote: str) -> bool:
    """The quote says someone took the named one's place: "replacing Lind", "in Lind's place", "succeeds Mara Lind"
    (a name of several words by any of its words, as a report names her again by her surname)."""
    said = "|".join(re.escape(w) for w in name.split() if len(w) > 2) or re.escape(name)
    return bool(
        re.search(
            rf"\b(?:replac\w*|in\s+place\s+of|instead\s+of|succe\w*|(?:took|takes|take|taking)\s+over\s+from|"
            rf"(?:took|takes|take|taking)\s+the\s+reins\s+from)\s+(?:[\w'’.-]+\s+){{0,3}}?(?:{said})\b"
            rf"|\b(?:{said})['’]s?\s+(?:place|successor|replacement|shoes)\b",
            quote,
        )
    )


def _closest_only(question: str, answer: Answer, wanted: str, asked: str) -> Answer:
    """The quotes kept as the closest passages under a lead saying what was not confirmed (`wanted`: "a number of
    jobs"); the one part, `asked`, not found."""
    return closest_below(answer, f"{wanted} for “{question.strip().rstrip('?')}?”", asked)


def closest_below(answer: Answer, unconfirmed: str, claim: str) -> Answer:
    """The answer's quotes kept below a lead saying what could not be confirmed; its one part, `claim`, not found."""
    answer.text = (
        f"{UNSETTLED}: I could not confirm {unconfirmed}; the closest passages are quoted below.\n{answer.text}"
    )
    answer.parts = [Part(claim, "not_mentioned", [])]
    return answer


def _refused_for(question: str, why: str, claim: str, hits: list[Hit]) -> Answer:
    """A refusal saying why, its one part not found: the quotes found did not answer what was asked."""
    return Answer(
        question=question,
        text=f"{REFUSAL}: {why}" + ("" if why.endswith(("?”", ".")) else "."),
        refused=True,
        hits=hits,
        parts=[Part(claim, "not_mentioned", [])],
    )


def never_named(question: str, said: str, names: list[str], hits: list[Hit]) -> Answer:
    """A refusal listing the names the articles lack. It asserts no part: a "supported" shown with no quote would be
    a verdict without its evidence."""
    return Answer(
        question=question,
        text=f"{REFUSAL}: the {said} {', '.join(names)}.",
        refused=True,
        hits=hits,
        parts=[Part(name, "not_mentioned", []) for name in names],
    )


def _another_place(asked: set[int], sentence: str) -> bool:
    """The question asks of a place in a series and the sentence names only others ("the sixth annual festival")."""
    said = ordinals(sentence) if asked else set()
    return bool(said) and not asked & said


def _another_year(asked: set[tuple[int, int]], sentence: str) -> bool:
    """The question asks of a month of one year and the sentence gives that month only of another ("July 2020" for
    "in July 2023"): its number counts another year's."""
    said = months_of_years(sentence) if asked else set()
    return any(said_month == month and (month, year) not in said for month, year in asked for said_month, _ in said)


# a month by its name, capitalised ("may" is no month)
_MONTH = re.compile(rf"\b{MONTH_NAME}\b")


def _another_month(question: str, sentence: str) -> bool:
    """The question names a month ("the November lawsuit", "climb in November") and the sentence does not: its number
    is of another time ("settled a past suit in February", "climbing 250% in the first 11 months of the year")."""
    asked = set(_MONTH.findall(question))
    return bool(asked) and not asked & set(_MONTH.findall(sentence))


def _named_elsewhere(
    question: str, names: list[str], passages: list[str], outlets: list[str], hits: list[Hit]
) -> Answer | None:
    """A refusal for names the quotes lack but the closest passages say ("the closest passages never name Mara Lind"
    would be false of passages that do): they name them and say nothing that answers the question. None when the
    passages lack them too."""
    text, unnamed = " ".join(passages), set(_unnamed(question, passages, passages, outlets))
    named = [n for n in names if n not in unnamed and named_in(n, text, first_too=True)]
    if not named or len(named) < len(names):
        return None
    return _refused_for(
        question,
        f"the closest passages name {', '.join(named)}, but I could not confirm an answer from them",
        question,
        hits,
    )


def _unnamed(question: str, said: list[str], articles: list[str], outlets: list[str]) -> list[str]:
    """The question's names of two or more words whose last word no quote says: "Mara Holt" does not name Mara Lind,
    "Lind" alone does, and so does "Tide" in an article that names Tide Works in full (a company goes by its first
    word after the first mention). The question's first word, a capital only because it starts the question, is
    left out, and so are the outlets it names: a report seldom names its own outlet. `articles`: the quotes'."""
    quoted = " ".join(said)
    asked = [n for n in _asked_names(question, outlets) if " " in _named_part(n)]
    return [
        n
        for n in asked
        if (
            not says_word(_named_part(n).split()[-1], quoted)
            and not (
                says_word(_named_part(n).split()[0], quoted) and any(re.search(standalone(n), a) for a in articles)
            )
        )
        # "Lind" in quotes about Theo Lind does not name Jorund Lind
        or _a_namesake_only(n, quoted, " ".join(articles))
    ]


def _a_namesake_only(name: str, quoted: str, articles: str) -> bool:
    """The quotes say the name's surname, the articles name someone else of it in full and never the name's first
    word: "Lind" of Theo Lind does not name Jorund Lind."""
    first = _first_name(name)
    # (a first name the articles use at all may be the one meant, said apart: "Mara" ... "Lind-Brin")
    if not first or not says_word(name.split()[-1], quoted) or says_word(first, articles):
        return False
    return _surname_of_another(name, articles)


def _first_name(name: str) -> str:
    """The name's first word when it names someone, else "": a title, a function word or one in capitals may be
    anything ("Judge Lind" is Justice Mara Lind)."""
    words = _named_part(name).split()
    first = words[0] if len(words) >= 2 else ""
    return "" if first.lower() in NOT_NAMES | TITLE_WORDS or first.isupper() or not first[:1].isupper() else first


def _surname_of_another(name: str, text: str) -> bool:
    """The text never writes the name in full and gives its surname to another it names in full ("Lind" where it
    names Tim Lind is not Mara Lind): `speakers.a_namesake` of the surname alone."""
    words = _named_part(name).split()
    if re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, words)), text):
        return False
    return a_namesake(" ".join(words), words[-1], text)


def _first_word_only(name: str, sentence: str) -> bool:
    """The sentence says the name's first word but not its last: "Mara" without "Lind" for Mara Lind."""
    words = _named_part(name).split()
    return not says_word(words[-1], sentence) and says_word(words[0], sentence)


def _asked_names(question: str, outlets: list[str]) -> list[str]:
    """The question's names, its first word (a capital only because it starts the question) and the outlets it names
    left out."""
    # (compared without spaces: "Tide News" is the outlet "TideNews.com")
    known = [o.lower().replace(" ", "") for o in outlets]
    return [
        n
        for n in dict.fromkeys(names_in(re.sub(r"^\W*\w+", "", question.strip())))
        if not any(n.lower().replace(" ", "") in o for o in known)
    ]


def _not_named(names: list[str], passages: list[str]) -> list[str]:
    """The names the passages never name ("never name George Lind, Tim" would be false of passages naming Tim Lind);
    all of them when the passages name each (the quotes did not)."""
    text = " ".join(passages)
    return [n for n in names if not named_in(n, text, first_too=True)] or names


def named_in(name: str, text: str, first_too: bool = False) -> bool:
    """The text names it: by its last word, maybe the start of a longer word ("Ost" in "Ostland Bank"), or by its
    initials when it is written in capitals ("MLB" for "Mara Lind-Brin"). `first_too` (saying that passages name
    someone): by its first word too (a title, a function word or one in capitals may be anything: "Judge Lind" is
    Justice Mara Lind), and never by a surname the text gives someone else in full ("Lind" where it names Tim Lind is
    not Mara Lind)."""
    last = _named_part(name).split()[-1]
    first = _first_name(name) if first_too else ""

    def said(word: str) -> bool:
        return any(re.search(r"(?<![\w-])" + re.escape(form), text) for form in (word, word.upper()))

    if said(last) and (not first or said(first)):
        return not first or not _surname_of_another(name, text)
    if not re.fullmatch(r"[A-Z]{2,5}", name):
        return False
    return any(name in initials(n) for n in names_in(text))


# A short all-capitals word ending a name is a post or a label written after it, not the name's last word: "the
# Mariners QB" names the Mariners, "Globex FC" is Globex.
_ABBREVIATION = re.compile(r"\s+[A-Z]{1,3}$")


def _named_part(name: str) -> str:
    return _ABBREVIATION.sub("", name)


def _subject(question: str) -> str:
    m = _SUBJECT.match(question)
    if m is None:
        return ""
    # who says it ("..., according to Tech Wire?") is no subject asked about
    said_by = SAID_BY_AT_END.search(question.rstrip(" ?"))
    if said_by is not None and m.start("subject") >= said_by.start():
        return ""
    # nor is the verb of any event ("When is the launch scheduled to take place?")
    return ANY_EVENT.sub(" ", m.group("subject")).strip()


# "..., according to Tech Wire?", "..., per the Bay News report?": who says it, at the end, is no clause of its own
SAID_BY_AT_END = re.compile(r",\s*(?:according\s+to|per|as\s+(?:reported\s+by|told\s+by))\s+[^,]*$", re.I)


def quote_answer(
    extractive: ExtractiveAnswerer,
    question: str,
    reading: Reading,
    hits: list[Hit],
    about: str = "",
    counting: Asked | None = None,
) -> Answer:
    """Exact quotes (the extractive answerer), refused when the quotes never touch what the question is about;
    with `about`, only sentences holding its plain words are quoted; `counting` (a "how many" question), only
    sentences giving a number."""
    needed = plain_words(about)
    # the question's names of two or more words, its first word left out as `_unnamed` does ("Did Mara Lind")
    full_names = [n for n in names_in(re.sub(r"^\W*\w+", "", question.strip())) if " " in n]
    # "Mara Vale lost possession" and "Theo Lind resigned" are no quotes about Mara Lind, nor is "Mara said" in an
    # article that never names Mara Lind
    strangers = [h.article.text for h in hits if not all(re.search(standalone(n), h.article.text) for n in full_names)]
    speaker = reading.speech[0] if reading.speech else ""
    articles = [h.article.text for h in hits]
    family = surname_family(speaker, articles)
    counted_names = _asked_names(question, reading.sources) if counting is not None else []
    asked_places = ordinals(question)
    asked_months = months_of_years(question)
    # what the counted thing is of: "how many years in prison did ...?"
    of_what = _COUNTED_OF.match(question) if counting is not None else None
    qualifier = plain_words(of_what["of"]) if of_what else frozenset()

    def unquotable(sentence: str) -> bool:
        return (
            is_caption(sentence)
            or other_person(question, sentence)
            or any(said_only_as_another_name(n, sentence) for n in full_names)
            or (bool(speaker) and words_of_a_namesake(speaker, sentence, articles, family))
            or any(_first_word_only(n, sentence) and any(sentence in t for t in strangers) for n in full_names)
            or bool(needed and not needed <= analyse(sentence)[0])
            # asked how many, a sentence answers with a number, said of what the question names, and of the
            # place in a series it asks about ("the sixth annual festival" gives no crowd of the first)
            or (
                counting is not None
                and (
                    not holds_number(sentence)
                    or not all(named_in(n, sentence) for n in counted_names)
                    or _another_place(asked_places, sentence)
                    or _another_year(asked_months, sentence)
                    or _another_month(question, sentence)
                    # ("he could score six goals this week" counts none scored)
                    or hedged_only(counting.claim, sentence)
                    # ("three years later" counts no years in prison)
                    or not qualifier <= analyse(sentence)[0]
                )
            )
        )

    # asked what an outlet says on a topic, the quotes answer the topic: "told Tech Wire" in a passage is no answer
    outlet_topic = outlet_topic_asked(question, reading.sources)
    answer = extractive.answer(outlet_topic or question, hits, unquotable=unquotable)
    # asked what someone said, and some quotes are their words: only theirs, not others' on the topic beside them
    texts = {h.article.id: h.article.text for h in hits}
    spoken = [
        spoken_by(speaker, c.quote, texts.get(c.article_id, ""), c.start, family) for c in answer.citations if speaker
    ]
    if a_person(speaker) and any(spoken) and not all(spoken):
        own = extractive.answer(
            question, hits, unquotable=lambda s: unquotable(s) or not spoken_in(speaker, s, articles, family)
        )
        # (theirs too far from the question, or on none of its topic: the checks below say so)
        topic_words = stems(reading.speech[1]) if reading.speech and reading.speech[1] else set()
        if not own.refused and (not topic_words or any(topic_words & stems(c.quote) for c in own.citations)):
            answer = own
    if answer.refused and counting is not None:  # "Lind has been getting creative" counts no votes
        said_back = f"I could not confirm a number for “{question.strip().rstrip('?')}?” from the closest passages"
        return _refused_for(question, said_back, f"how {counting.kind} {counting.claim}", hits)
    # quotes with numbers of other things ("cutting costs over the past 10 days", asked how many jobs), or whose
    # sentence does not say the deed asked of ("was sold for $300 million", asked what Globex paid), are shown as
    # the closest passages, not as if they answered
    deed = asked_deed(question)
    if counting is not None and not any(
        amount_in(counting, c.quote) and says_deed(deed, c.quote) for c in answer.citations
    ):
        # (a count said in other words, "picked him off twice", is left for the reader to read in the quotes)
        # (a count of people, not "a number of money" nor "a number of higher")
        counted_noun = counting.noun if counting.kind == "many" and not _COMPARATIVE.match(counting.noun) else ""
        wanted_number = f"a number of {counted_noun}" if counted_noun else "the amount"
        return _closest_only(question, answer, wanted_number, f"how {counting.kind} {counting.claim}")
    # quotes about another Mara (Mara Holt) are no answer about Mara Lind; refused, say so when no passage names her
    said = [c.quote for c in answer.citations] or [h.article.text[h.chunk.start : h.chunk.end] for h in hits]
    cited_articles = [texts.get(c.article_id, "") for c in answer.citations] or list(texts.values())
    unnamed = _unnamed(question, said, cited_articles, reading.sources)
    if answer.refused and not unnamed:
        return answer
    # the quotes name none of them, but the closest passages may: then those say nothing that answers it
    passages = [h.article.text[h.chunk.start : h.chunk.end] for h in hits]
    if unnamed:
        return _named_elsewhere(question, unnamed, passages, reading.sources, hits) or never_named(
            question, "closest passages never name", _not_named(unnamed, passages), hits
        )
    # quotes naming none of the question's names are about something else ("What was MLB convicted of?" answered
    # with another trial's sentences)
    asked = _asked_names(question, reading.sources)
    # (nor do quotes that name only the place the question sets it in: "Where will GlobexCon 2032 in Ostland be held?"
    # answered with another event in Ostland)
    # (a competition it is in is what it is about: "when Ostland beat Norrvik in the Harbour Cup")
    placed = [n for n in asked if re.search(r"\bin\s+(?:the\s+)?" + re.escape(n), question) and not a_competition(n)]
    if asked and not any(named_in(n, " ".join(said)) for n in [n for n in asked if n not in placed] or asked):
        return _named_elsewhere(question, asked, passages, reading.sources, hits) or never_named(
            question, "closest passages never name", _not_named(asked, passages), hits
        )
    # asked what someone said, quotes that give no one's words, or only others', are sentences about them, not
    # an answer ("Lind flew to Ostland and ran into Theo Park"); refused, the closest passages kept
    # (on the topic asked, in one quote: "Ada Brin reaffirmed the two countries' “partnership”" gives her words, but
    # none on the harbour, and a sentence on the harbour that only names her gives none of hers)
    on_topic = stems(reading.speech[1]) if reading.speech and reading.speech[1] else set()
    if reading.speech and not any(
        gives_words_of(reading.speech[0], c.quote)
        and (
            spoken_by(reading.speech[0], c.quote, texts.get(c.article_id, ""), c.start, family)
            # a body's words may come from people it does not name ("he responded" for "the ministry"), but the
            # quote names it: "According to Tide's website" is no word of Globex's
            or (not a_person(reading.speech[0]) and named_in(reading.speech[0], c.quote))
        )
        and (not on_topic or on_topic & stems(c.quote))
        for c in answer.citations
    ):
        topic = f" on {reading.speech[1]}" if reading.speech[1] else ""
        # ("by name": a quote given to "the five-time champion" may be theirs, which the check cannot tell)
        said_back = (
            f"the closest passages mention {reading.speech[0]}, but no words{topic} are attributed to "
            f"{reading.speech[0]} by name"
        )
        return _refused_for(question, said_back, f"{reading.speech[0]} said something{topic}", hits)
    # asked for a number or a time, quotes that give none are about the topic, not an answer ("How many homes lost
    # power?" answered with a sentence on the storm); refused, rather than read as if they answered
    wanted = kind_asked(question)
    if wanted and not any(gives_what_is_asked(wanted, c.quote) for c in answer.citations):
        as_typed = question.strip().rstrip("?")
        said_back = f"the closest passages give no {wanted.removeprefix('a ')} for “{as_typed}?”"
        return _refused_for(question, said_back, f"{wanted} for {as_typed}", hits)
    # ... and quotes whose numbers or days are of other things ("targeted 40% ferry ridership by 2040", asked by how
    # much a share price fell) are the closest passages, not the number asked
    # (a how-many question's quotes are held to their count above: `amount_in`)
    # (so are quotes giving one only as possible: "it's feasible that Globex earns over $1 billion by the end of
    # the year", asked by how much its earnings rose)
    if counting is None and wanted:
        asked_words = plain_words(same_event_words(question))
        giving = [c.quote for c in answer.citations if gives_what_is_asked(wanted, c.quote)]
        # a score is said of the sides the question names: "32-12" of another final is no score of the one asked
        # (and "Mariners 48, Rovers 20" says no plain word of the question)
        # ("Game 2", "Week 13" name which meeting, not a side)
        sides = [
            n
            for n in _asked_names(question, reading.sources)
            if not a_competition(n) and not re.search(rf"\b{re.escape(n)}\s+\d", question)
        ]
        if _SCORE_ASKED.search(question):
            unsaid = not any(all(named_in(n, quote) for n in sides) for quote in giving)
        elif "date" not in wanted:
            # a number said with the deed asked of: "is projected for a $15.3M salary" gives no sum he signed for
            unsaid = not any(says_deed(deed, quote) for quote in giving)
        else:
            unsaid = bool(asked_words) and not any(
                asked_words & plain_words(same_event_words(quote)) for quote in giving
            )
        # a number said with one of three names asked ("Lind's 118th-minute goal" for her goal against the Rovers in
        # Ostland) is likelier another game's: every name but one must be said with it
        unsaid = unsaid or (
            len(sides) >= 3 and not any(sum(named_in(n, quote) for n in sides) >= len(sides) - 1 for quote in giving)
        )
        # "When did Mara Lind get her second transplant?": a date said of no second one may be the first's
        # (not of two questions in one: "..., and when does the second part come out?")
        later = {p for p in asked_places if p >= 2} if not SECOND_QUESTION.search(question) else set()
        unsaid = unsaid or bool(later and not any(ordinals(quote) & later for quote in giving))
        if unsaid or (all(hedged_only(question, quote) for quote in giving) and not _AHEAD_ASKED.search(question)):
            return _closest_only(question, answer, wanted, f"{wanted} for {question.strip().rstrip('?')}")
    topic = reading.speech[1] if reading.speech else _subject(question)
    topic_stems = stems(topic) if topic else set()
    quoted = set().union(*(stems(c.quote) for c in answer.citations)) if answer.citations else set()
    # "What chip powers the Globex Pad?", "What prison sentence did Mara Lind get?": quotes that never say the kind
    # of thing asked for are about the topic, not the answer
    # (a question offering two answers is `_neither_chosen`'s)
    kind = _kind_of_thing_asked(question) if not wanted and names_offered(question) is None else ""
    if kind and not stems(kind) & quoted:
        return _closest_only(question, answer, f"the {kind}", f"the {kind} for {question.strip().rstrip('?')}")
    # "What is the name of Mara Lind's lawyer?": a quote must say the role beside a name the question does not give
    # ("In a statement, Lind's lawyer said ..." names no one)
    role = _NAME_OF_ROLE.match(question)
    if role and not any(_role_named(role["role"], c.quote, question) for c in answer.citations):
        return closest_below(answer, f"the name of the {role['role']}", f"the name of the {role['role']}")
    # "Who did Globex name as chair in place of Mara Lind?": quotes that never say someone took her place name her
    # in the post, which the question rules out
    replaced = _REPLACED_ASKED.search(question)
    if replaced and not any(_says_replaced(replaced["name"], c.quote) for c in answer.citations):
        return closest_below(
            answer, f"who took the place of {replaced['name']}", f"someone took the place of {replaced['name']}"
        )
    if topic_stems and not topic_stems & quoted:
        about = f"{reading.speech[0]} but nothing about {topic}" if reading.speech else f"nothing about {topic}"
        return Answer(
            question=question,
            text=f"{REFUSAL}: the closest passages mention {about}."
            if reading.speech
            else f"{REFUSAL}: the closest passages say {about}.",
            refused=True,
            hits=hits,
            parts=[Part(topic, "not_mentioned", [])],
        )
    # quotes assert nothing beyond themselves: the one part they may carry is that they are about the asked topic,
    # when the verifier finds it in them
    about = ABOUT + topic
    quotes = [c.quote for c in answer.citations]
    answer.parts = (
        [Part(about, "supported", [c.n for c in answer.citations])] if topic and judge(about, quotes).supported else []
    )
    return answer
