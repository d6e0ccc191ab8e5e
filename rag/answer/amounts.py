"""How many / how much, asked with no outlet named: the number a sentence stating the event gives; and "did B report a
larger or smaller fall than A?": the figures the two reports give, compared.

"How many counts was Mara Lind convicted on?" is read as its event ("Mara Lind convicted counts"), judged sentence by
sentence as a bare "did it happen?" is, and answered with the number the stating sentence puts before the asked noun
("convicted on seven counts"); "how much" takes a sum of money or a share ("$2bn", "4%"). Reports that give other
numbers are shown beside the first, so a disagreement is seen. With no stating sentence that gives a number, the
question gets the quotes (a number worded otherwise is often in them). "Which one has played more games, Theo Park
or Jon Vale?" is answered from one sentence giving both their counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.compose import UNSETTLED, Citations, outlet_of, quoted
from rag.answer.names import names_in, says_word
from rag.answer.parts import EVIDENCE_HITS, Evidence, Retrieve, Window, sentences_of, windows
from rag.answer.reading import FRAMED_BY_SOURCE, names_offered
from rag.answer.stated import MAX_WORDS, more_than_one_clause, stating
from rag.answer.verdicts import claim_terms, judge, lexical_support, says_deed
from rag.core.text import NUMBER_WORDS, past_year_said, same_event_words, split_sentences, stem, value_key
from rag.core.types import Answer, Filters, Hit, Part
from rag.query import outlet_short_name
from rag.verify.lexical import plain_words

_ASKED = re.compile(
    r"^\W*how\s+(?P<kind>many|much)\s+(?P<noun>[a-z][\w-]*\s+)?(?P<rest>(?:did|does|do|was|were|is|are|has|have|had)\s+"
    r"[^?]+?)\s*\??\s*$",
    re.I,
)
_COUNT_WORD = "|".join(w for w, v in NUMBER_WORDS.items() if v.isdigit() and int(v) < 100)
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m|k))?|(?:{_COUNT_WORD})(?:[\s-](?:{_COUNT_WORD}))?)"
# a sum of money or a share: "$69B", "£1.2bn", "$US4 billion", "NIS 405 million", "4%", "4 per cent"
_MONEY = re.compile(
    r"(?:[$£€¥](?:US|AU|A|NZ|C)?\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|trillion|bn|[mbk])\b)?"
    # a currency's code in capitals ("NIS 405 million"), not any short word before a number ("won 405 games")
    r"|\b(?-i:[A-Z]{3})\s\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn))?"
    r"|\b\d[\d,]*(?:\.\d+)?\s*(?:million|billion|trillion)?\s*(?:dollars|euros|pounds|yuan|yen)\b"
    r"|\b\d[\d,]*(?:\.\d+)?\s*(?:%|per\s?cent|percent))",
    re.I,
)
_AUX = re.compile(r"^(?:did|does|do|was|were|is|are|has|have|had)\s+", re.I)


@dataclass(frozen=True)
class Asked:
    kind: str  # "many" | "much"
    noun: str  # what is counted ("counts"), "" for "how much did ..."
    claim: str  # the event without the number ("Mara Lind convicted counts")


# what is counted does it: "how many people attended the festival?" (not "how many field goals did ...?", whose
# counted noun is two words and whose verb comes after its doer)
_AUX_WORDS = r"(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b"
_ASKED_AS_DOER = re.compile(
    rf"^\W*how\s+many\s+(?P<noun>[a-z][\w-]*)\s+(?P<rest>(?!{_AUX_WORDS})(?-i:[a-z]+)\s+(?!{_AUX_WORDS})[^?]+?)"
    r"\s*\??\s*$",
    re.I,
)


def read_amount(question: str) -> Asked | None:
    """The event a bare "how many / how much ...?" question asks a number of, or None."""
    q = question.strip()
    doer = _ASKED_AS_DOER.match(q)
    if doer and len(q.split()) <= MAX_WORDS and not more_than_one_clause(doer.group("rest")):
        return Asked("many", doer.group("noun"), f"{doer.group('noun')} {doer.group('rest')}")
    m = _ASKED.match(q)
    if not m or len(q.split()) > MAX_WORDS or more_than_one_clause(m.group("rest")):
        return None
    noun = (m.group("noun") or "").strip()
    if m.group("kind").lower() == "many" and not noun:
        return None  # "how many did ...?" names nothing to count
    rest = _AUX.sub("", m.group("rest"))
    # "how many times did Ostland win the cup?" asks how often the event happened: "times" is no word of the event,
    # and a sentence saying it ("Ostland has twice won the cup") need not have it
    counted_noun = "" if _is_times(noun) else noun
    return Asked(m.group("kind").lower(), noun, f"{rest} {counted_noun}".strip())


_WEIGHED = re.compile(r"\bweigh(?:s|ed)?\b", re.I)
_WEIGHT = re.compile(
    r"\b\d[\d,]*(?:\.\d+)?\s*(?:-\s*)?(?:pounds?|lbs?|kilograms?|kilos?|kg|grams?|g|ounces?|oz|tons?|tonnes?)\b", re.I
)


def _is_times(noun: str) -> bool:
    return noun.lower() == "times"


# how often, said in a word: "has twice won", "scored thrice" (not "twice as many", "twice a year", "twice the size")
_TIMES_IN_A_WORD = re.compile(r"\b(?:twice|thrice)\b(?!\s+(?:as|a|an|per|the|that|this|each|every)\b)", re.I)


def amount_in(asked: Asked, sentence: str) -> str:
    """The number the sentence gives for what is asked: the number right before the counted noun (a word or two
    between: "seven criminal fraud counts"), or a sum of money / a share for "how much"; "" when it gives none."""
    if asked.kind == "much" and not asked.noun:
        if _WEIGHED.search(asked.claim):  # "how much does it weigh?" asks for a weight, not its price
            weight = _WEIGHT.search(sentence)
            return weight.group(0) if weight else ""
        return _own_sum(asked, sentence)
    found = _number_before(asked, asked.noun, sentence)
    if found:
        return found
    said_once = _TIMES_IN_A_WORD.search(sentence) if _is_times(asked.noun) else None
    if said_once:
        return said_once.group(0).lower()
    # the noun and the sentence as the toolkit words the event: "laid off 240 workers" is "cut 240 jobs", asked
    # "how many jobs were cut?" or "how many employees were laid off?"
    noun = same_event_words(asked.claim).split()[-1]
    return _number_before(asked, noun, same_event_words(sentence))


# Where a clause ends inside a sentence: "Norrvik, one of Ostland's rivals, sells tickets for $300, while ..." (not
# the comma of "a 10-year, $700 million deal")
_CLAUSE_BREAK = re.compile(r",\s+(?![$£€¥\d])|;|\s[–—]\s|\b(?:while|whereas)\b")


# a figure that moved, asked where it ended ("rise to"), started ("grow from") or by how much ("fall by")
_MOVED_TO = re.compile(
    r"\b(?:rise|rose|risen|grow|grew|grown|climb\w*|jump\w*|increase\w*|fall|fell|fallen|drop\w*|decline\w*|surge\w*|"
    r"soar\w*|plunge\w*|sink|sank|slip\w*|dip\w*|swell\w*|shrink|shrank|go|went|gone|come|came|reach\w*)\s+"
    r"(?P<end>to|from|by)\b",
    re.I,
)
_ROUGHLY_WORDS = r"(?:about|around|roughly|nearly|almost|approximately|some|just|over|more\s+than|less\s+than)"


def _own_sum(asked: Asked, sentence: str) -> str:
    """The first sum of money or share said of what is asked about: in a clause naming it, or after a subject that
    does ("Globex, the Ostland maker, agreed to pay $2bn"); not after another name's ("Norrvik, one of Ostland's
    rivals, sells its cheapest ticket for $324" gives no price of Ostland's)."""
    names = names_in(asked.claim)
    clauses = _CLAUSE_BREAK.split(sentence)
    # asked what it rose to (or from, or by), the sum after that word: "rose from $29.1 billion to $35.3 billion"
    end = _MOVED_TO.search(asked.claim)
    said_after = (
        re.compile(rf"\b{end.group('end')}\s+(?:{_ROUGHLY_WORDS}\s+)?({_MONEY.pattern})", re.I) if end else None
    )
    for i, clause in enumerate(clauses):
        after = said_after.search(clause) if said_after else None
        m = _MONEY.search(clause) if after is None else re.search(re.escape(after.group(1)), clause)
        if m is None:
            continue
        if not names or any(name in clause for name in names):
            return m.group(0).strip()
        # the clause's subject: its own start, or the last earlier clause led by a capital (an aside that describes
        # the subject starts in lower case: "one of Ostland's rivals")
        subject = next((c.strip() for c in reversed(clauses[: i + 1]) if c.strip()[:1].isupper()), "")
        led_by = names_in(subject)[:1]
        # "It agreed to pay $2bn", "The company paid $2bn": nobody else named
        if any(name in subject for name in names) or not (led_by and subject.startswith(led_by[0])):
            return m.group(0).strip()
    return ""


def _number_before(asked: Asked, counted_noun: str, sentence: str) -> str:
    noun = re.escape(stem(counted_noun.lower()))  # a prefix: "count" finds "counts", "wicket" "wickets"
    # asked "how many points did Ostland win by?", the number follows the preposition: "won by six points", not
    # "scored five points as Ostland won by 16 runs"
    words = asked.claim.split()
    by = rf"\b{words[-2]}\s+" if len(words) > 2 and words[-2] in _PREPOSITIONS else ""
    m = re.search(rf"{by}{_ROUGHLY}(?<![\w.])(?P<n>{_NUMBER})(?=(?:\s+[\w-]+){{0,3}}?\s+{noun})", sentence, re.I)
    return f"{m.group('roughly') or ''}{m.group('n').strip()}" if m else ""


# "about 1,500 jobs", "more than 1,200 people": the number is said no more precisely than that, and neither is the
# answer
_ROUGHLY = (
    r"(?P<roughly>(?:about|around|roughly|nearly|almost|approximately|some|just|over|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|up\s+to)\s+)?"
)


_PREPOSITIONS = frozenset("by on of for in at with to from".split())


@dataclass
class Counted:
    window: Window
    claim: str  # as the sentence states it (`Statement.claim`)
    amount: str


def counted(asked: Asked, hits: list[Hit]) -> list[Counted]:
    """Every sentence of the hits that states the event and gives its number; for a price asked ("how much did Globex
    pay for Tide Works?"), else every sentence that gives the price of the deal ("Globex's $2bn takeover of Tide
    Works")."""
    found = ((s, amount_in(asked, s.window.text)) for s in stating(asked.claim, hits))
    stated = [Counted(s.window, s.claim, amount) for s, amount in found if amount]
    return stated or priced(asked, hits)


# "Globex pay for Tide Works": a price asked, its payer and what was bought
_PAID_FOR = re.compile(r"^(?P<payer>.+?)\s+(?:pay|spend)\s+(?:for|on)\s+(?P<item>.+)$", re.I)
# the words a deal is reported in with its price before it: "its $2bn takeover of", "a $2bn deal for" (a bid or an
# offer is no price paid)
_DEAL = r"(?:[\w-]+\s+){0,2}?(?:deal|acquisition|takeover|purchase|buyout)\s+(?:of|for)\s+(?:the\s+)?"


def priced(asked: Asked, hits: list[Hit]) -> list[Counted]:
    """Every sentence that names the payer and then a sum right before its deal for the item: "Globex completed its
    $2bn takeover of Tide Works". The part claims the words that say it, as the sentence has them."""
    m = _PAID_FOR.match(asked.claim) if asked.kind == "much" and not asked.noun else None
    payers, items = (names_in(m.group("payer")), names_in(m.group("item"))) if m else ([], [])
    if not payers or not items:
        return []
    said = re.compile(
        rf"(?<![\w-]){re.escape(payers[0])}(?![\w-])[^.;]*?(?P<money>{_MONEY.pattern})\s+{_DEAL}"
        rf"{re.escape(items[0])}(?![\w-])(?-i:\s+[A-Z][\w-]*)*",  # a longer name in full, for the reader to see
        re.I,
    )
    out: list[Counted] = []
    for window in sentences_of(hits):
        found = said.search(window.hit.article.text, window.start, window.end)
        if found:
            out.append(Counted(window, found.group(0), found.group("money").strip()))
    return out


def compose_amount(question: str, asked: Asked, hits: list[Hit]) -> Answer | None:
    """**<number>** from the best-ranked stating sentence, cited; other numbers the reports give beside it. None when
    no sentence states it with a number: the quotes then show what the passages say."""
    found = counted(asked, hits)
    if not found:
        return None
    cites = Citations()
    # hits come best first; an amount its sentence dates to a past year ("raised $180 million in 2021") is that
    # year's, said so, and follows one said as the report's news
    years = [_past_year(c.window) for c in found]
    lead_at = next((i for i, year in enumerate(years) if year is None), 0)
    lead, year = found[lead_at], years[lead_at]
    found = [lead, *found[:lead_at], *found[lead_at + 1 :]]
    n = cites.cite(lead.window)
    lines = [quoted(lead.window.text, n)]
    text = f"**{lead.amount}**" + (f", in {year}" if year else "") + f" — {outlet_of(lead.window)} [{n}]."
    others: dict[str, Counted] = {}
    for c in found[1:]:
        if c.amount.lower() != lead.amount.lower() and c.amount.lower() not in others:
            others[c.amount.lower()] = c
    shown = []
    for c in list(others.values())[:2]:
        m = cites.quote(c.window, lines)
        shown.append(f"{c.amount} ({outlet_of(c.window)} [{m}])")
    if shown:
        text += " Other reports give " + "; ".join(shown) + "."
    return Answer(
        question=question,
        text="\n".join([text, *lines]),
        citations=cites.items,
        hits=hits,
        parts=[Part(lead.claim, "supported", [n])],
    )


# "Do Tech Wire and Bay News give the same number of jobs cut at Globex?", "Do they agree on how many jobs Globex
# cut?": one count asked of each of two outlets
_SAME_COUNT = re.compile(
    r"\b(?:the\s+same|an?\s+(?:identical|matching))\s+(?:number|count|total|tally)\s+of\s+(?P<noun>[a-z][\w-]*)\s+"
    r"(?P<rest>[^?]+?)\W*$"
    r"|\b(?:agree|agreement)\s+(?:on|about|over)\s+how\s+many\s+(?P<noun2>[a-z][\w-]*)\s+(?P<rest2>[^?]+?)\W*$",
    re.I,
)


def read_same_count(question: str) -> Asked | None:
    """The count a question asks whether two outlets give alike ("the same number of jobs cut at Globex"), or None."""
    m = _SAME_COUNT.search(question)
    if m is None:
        return None
    noun, rest = (m["noun"], m["rest"]) if m["noun"] else (m["noun2"], m["rest2"])
    # "criminal counts": the counted noun is the plural after its adjective
    head, _, after = rest.partition(" ")
    if not noun.endswith("s") and re.fullmatch(r"[a-z][\w-]*[^s]s", head) and after:
        noun, rest = head, after
    # the event first, as a "how many ... did" question reads it: "laid off at Globex workers"
    return Asked("many", noun, f"{rest} {noun}")


def _count_given(asked: Asked, hits: list[Hit], named: list[str]) -> Counted | None:
    """The count one outlet's passages give: a sentence stating the event with its number, else the best-ranked
    sentence with a number before the counted noun that names one of the event's names or `named` (a report words an
    event its own way: "fired 830 people" for "people laid off")."""
    stated = counted(asked, hits)
    if stated:
        return stated[0]
    names = [n.split()[-1] for n in [*names_in(asked.claim), *named]]
    # (with no name of the event in it, a number is another thing's: "up to three other players" of another game)
    sentences = [w for w in sentences_of(hits) if not names or any(says_word(n, w.text) for n in names)]
    for w in sentences:
        amount = amount_in(asked, w.text)
        if amount:
            return Counted(w, w.text, amount)
    return None


def compose_same_count(question: str, asked: Asked, outlets: list[str], retrieve: Retrieve, hits: list[Hit]) -> Answer:
    """**Yes** / **No** from the count each of two outlets gives, each quoted from its own articles; unsettled, with
    the count found, when either gives none."""
    cites = Citations()
    lines: list[str] = []
    said: list[tuple[str, Counted | None]] = []
    # what the count is of, named anywhere in the question ("Do A's and B's reviews of the Globex Box give ...?")
    named = [n for n in names_in(question) if not any(n in o or o in n for o in outlets)]
    # one outlet's sections are one outlet ("the Ledger" names "Daily Ledger - Sports" and "Daily Ledger - Health")
    sections: dict[str, list[str]] = {}
    for source in outlets:
        sections.setdefault(outlet_short_name(source), []).append(source)
    for short, its_sections in list(sections.items())[:2]:
        hits_of_outlet = retrieve(f"{asked.claim} {' '.join(named)}", EVIDENCE_HITS, Filters(sources=its_sections))
        # (shown by its name in the index, or by the name its sections share)
        shown = (
            its_sections[0]
            if len(its_sections) == 1
            else ("The " if its_sections[0].startswith("The ") else "") + short
        )
        said.append((shown, _count_given(asked, hits_of_outlet, named)))
    numbers = {outlet: cites.quote(c.window, lines) for outlet, c in said if c is not None}
    gives = [f"{outlet} gives {c.amount} [{numbers[outlet]}]" for outlet, c in said if c is not None]
    parts = [
        Part(
            f"{outlet}: {c.claim if c else asked.claim}",
            "supported" if c else "not_mentioned",
            [numbers[outlet]] if c else [],
        )
        for outlet, c in said
    ]
    # the number as compared ("roughly 830" -> "830", "seven" -> "7")
    values = [value_key(c.amount.split()[-1]) if c else None for _, c in said]
    if None in values:
        missing = " and ".join(outlet for outlet, c in said if c is None)
        lead = f"{UNSETTLED}: " + "; ".join([*gives, f"I could not find the number in {missing}"]) + "."
    elif values[0] == values[1]:
        first = said[0][1]
        both = ", ".join(f"{outlet} [{numbers[outlet]}]" for outlet, _ in said)
        lead = f"**Yes.** Both give {first.amount if first else ''}: {both}."
    else:
        lead = "**No.** " + "; ".join(gives) + "."
    return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)


def _past_year(window: Window) -> int | None:
    published = window.hit.article.published_at[:4]
    said = past_year_said(window.text, int(published)) if published.isdigit() else None
    return said[0] if said else None


# "a larger or smaller fall", "higher or lower": the question offers the two answers of a comparison of figures.
_BIGGER = "larger|bigger|greater|higher|more"
_SMALLER = "smaller|lower|less|fewer"
_COMPARED = re.compile(
    rf"\b(?:(?P<big>{_BIGGER})\s+or\s+(?P<small>{_SMALLER})|(?P<small2>{_SMALLER})\s+or\s+(?P<big2>{_BIGGER}))\b",
    re.I,
)
_SHARE = re.compile(r"%|per\s?cent|percent", re.I)  # a share, however written
_FIGURE = re.compile(rf"{_MONEY.pattern}|(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.])", re.I)


def read_compared(question: str) -> tuple[str, str] | None:
    """(the word for "more", the word for "less") when the question offers both as its answer, else None."""
    m = _COMPARED.search(question)
    if not m:
        return None
    return (m.group("big") or m.group("big2")).lower(), (m.group("small") or m.group("small2")).lower()


def _figure(text: str, claim: str) -> tuple[float, str] | None:
    """The first figure of the sentence that names what the claim names (or of the text), as (value, as written)."""
    names = set(re.findall(r"\b[A-Z][\w'’-]+", claim))
    sentences = [text[s:e] for s, e in split_sentences(text)] or [text]
    ranked = sorted(sentences, key=lambda t: not names & set(re.findall(r"\b[A-Z][\w'’-]+", t)))
    percent = bool(_SHARE.search(claim))
    for sentence in ranked:
        for m in _FIGURE.finditer(sentence):
            written = m.group(0).strip()
            if percent != bool(_SHARE.search(written)):
                continue  # a share is compared with a share, a sum with a sum
            number = re.search(r"\d[\d,]*(?:\.\d+)?", written)
            if number:
                return float(number.group(0).replace(",", "")), written
    return None


def _window_with_figure(e: Evidence, kind: str) -> tuple[Window, tuple[float, str] | None]:
    """The part's supported window, best first, that gives a figure of the asked kind (its deciding window if none)."""
    terms = claim_terms(e.clause.claim)
    for w in sorted(windows(e.hits), key=lambda w: -lexical_support(terms, w.text)):
        figure = _figure(w.text, f"{e.clause.claim} {kind}")
        if figure is not None and judge(e.clause.claim, [w.text]).supported:
            return w, figure
    assert e.window is not None
    return e.window, _figure(e.window.text, f"{e.clause.claim} {kind}")


def compose_compared(question: str, words: tuple[str, str], evidence: list[Evidence], hits: list[Hit]) -> Answer:
    """**Smaller.** B gives 2.2% [2], against 4 per cent in A [1]: the part the question asks about (the clause
    offering the two words) against the other, each figure quoted; unsettled when either report gives none."""
    cites = Citations()
    found = [e for e in evidence if e.window is not None and e.label == "supported"]
    asked = next((e for e in found if _COMPARED.search(e.clause.text)), found[-1] if found else None)
    other = next((e for e in found if e is not asked), None)
    lines: list[str] = []
    parts = [Part(e.clause.shown, e.label if e in found else "not_mentioned", []) for e in evidence]
    if asked is None or other is None or asked.window is None or other.window is None:
        return Answer(
            question=question,
            text=f"{UNSETTLED}: the two reports to compare were not both found.",
            hits=hits,
            parts=parts,
        )
    # the figure of the compared thing (a share when the question speaks of one), from the part's best window giving
    # one: the window that best says the part need not give its figure
    kind = question if _SHARE.search(question) else ""
    chosen = [_window_with_figure(e, kind) for e in (asked, other)]
    figures = [f for _, f in chosen]
    numbers = [cites.quote(w, lines) for w, _ in chosen]
    for e, n in zip((asked, other), numbers):
        parts[evidence.index(e)].citations = [n]
    a, b = figures
    if a is None or b is None or a[0] == b[0]:
        why = "they give the same figure" if a and b else "the reports do not both give a figure"
        lead = f"{UNSETTLED}: {why} [{numbers[0]}][{numbers[1]}]."
    else:
        word = words[0] if a[0] > b[0] else words[1]
        lead = (
            f"**{word[:1].upper() + word[1:]}.** {outlet_of(asked.window)} gives {a[1]} [{numbers[0]}], against "
            f"{b[1]} in {outlet_of(other.window)} [{numbers[1]}]."
        )
    return Answer(question=question, text="\n".join([lead, *lines]), citations=cites.items, hits=hits, parts=parts)


# the auxiliary a question's subject and deed follow: "how much did Globex pay ...", "how many are taking ..."
_AUX_THEN = re.compile(r"\b(?:did|does|do|is|are|was|were|has|have|had|will|would|can)\s+(?P<rest>.+)$", re.I)
# "how many people took part in ...?": no auxiliary, the deed follows the counted noun
_DOER_THEN = re.compile(rf"^\W*(?:{FRAMED_BY_SOURCE})?how\s+many\s+[a-z][\w-]*\s+(?P<rest>.+)$", re.I)
# words that stand before the deed or say little of it: "did Globex end up paying", "did Tide Works go before
# replacing", "took part"
_LIGHT_VERBS = frozenset("end go get have expect manage try plan take took".split())
_DETERMINERS = frozenset("the a an its their his her this that these those".split())


def asked_deed(question: str) -> list[str]:
    """The words of the deed a how-much / how-many question asks of: the first plain word after its auxiliary and
    its subject, and the one right after it ("pay" in "How much did Globex pay for Tide Works?", "stock jump" in
    "... did Globex stock jump?"); none when it has no such word."""
    m = _AUX_THEN.search(question) or _DOER_THEN.match(question)
    previous, deed = "", []
    for word in re.findall(r"[A-Za-z][\w'’-]*", m["rest"]) if m else []:
        low = word.lower()
        plain = not word[0].isupper() and bool(plain_words(low)) and low not in _LIGHT_VERBS
        # (a noun after "the" is the subject's: "did the company raise")
        if plain and previous not in _DETERMINERS:
            deed.append(low)
        elif deed:
            break
        if len(deed) == 2:
            break
        previous = low
    return deed


# "Which player has scored more goals, Mara Lind or Ada Brin?", "Theo Park or Jon Vale — who played more games?": two
# named candidates compared on a count the question names
_MORE_OF = re.compile(r"\b(?P<way>more|most|fewer|fewest|less|least)\s+(?P<noun>[a-z][\w-]*)\b", re.I)
_OFFERED_FIRST = re.compile(r"^\W*(?P<a>[A-Z][^,:;?—–]*?),?\s+or\s+(?P<b>[A-Z][^,:;?—–]*?)\s*[—–:,]\s*(?:which|who)\b")
# words after "more" or "less" that name nothing counted ("costs less per year", "more often", "more than")
_NOT_COUNTED = frozenset("than of often per a an the in on at for to by likely expensive".split())
# how far after a candidate's name its count may stand, its noun right after ("Lind (216 games)", "Lind, with 16 goals")
_COUNT_REACH = 80


@dataclass(frozen=True)
class FigureChoice:
    candidates: tuple[str, str]
    noun: str  # what is counted ("games")
    more: bool  # the larger count answers ("more", "most"), else the smaller
    deed: tuple[str, ...]  # the words of the deed counted (`asked_deed`): "played"


def read_figure_choice(question: str) -> FigureChoice | None:
    """The two named candidates and the count a which/who-question compares them on, or None."""
    first = _OFFERED_FIRST.match(question)
    offered = (first["a"], first["b"]) if first else names_offered(question)
    asked = _MORE_OF.search(question)
    if offered is None or asked is None or not (first or re.match(r"^\W*(?:which|who)\b", question, re.I)):
        return None
    if not all(names_in(c) == [c.strip()] for c in offered) or asked["noun"].lower() in _NOT_COUNTED:
        return None
    more = asked["way"].lower() in ("more", "most")
    return FigureChoice(
        (offered[0].strip(), offered[1].strip()), asked["noun"].lower(), more, tuple(asked_deed(question))
    )


def _surname_at(text: str, name: str) -> re.Match[str] | None:
    """Where the text first says the name's surname."""
    return re.search(rf"(?<![\w-]){re.escape(name.split()[-1])}(?![\w-])", text)


def _count_of(text: str, at: re.Match[str], noun: str, until: int) -> tuple[int, str] | None:
    """The count of `noun` said right after a candidate's surname (`at`), before `until` (where the other candidate is
    named): (the number, as written)."""
    stretch = text[at.end() : min(until if until > at.end() else len(text), at.end() + _COUNT_REACH)]
    m = re.search(rf"(?<![\w.,])(\d[\d,]*)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(stem(noun))}\w*", stretch, re.I)
    return (int(m.group(1).replace(",", "")), m.group(0)) if m else None


def compose_figure_choice(question: str, choice: FigureChoice, hits: list[Hit]) -> Answer | None:
    """**<candidate>** from one sentence giving both candidates' counts of what is asked ("Vale ... (216 games) and
    Park ... (202 games)"), which says the deed asked of; None when no sentence gives both."""
    a, b = choice.candidates
    for window in sentences_of(hits):
        text = window.text
        at_a, at_b = _surname_at(text, a), _surname_at(text, b)
        if at_a is None or at_b is None or not says_deed(list(choice.deed), text):
            continue
        # each count is read up to where the other candidate is named, when that comes after
        counts = [_count_of(text, at_a, choice.noun, at_b.start()), _count_of(text, at_b, choice.noun, at_a.start())]
        if counts[0] is None or counts[1] is None or counts[0][0] == counts[1][0]:
            continue
        first_wins = (counts[0][0] > counts[1][0]) == choice.more
        winner, loser = ((a, counts[0]), (b, counts[1])) if first_wins else ((b, counts[1]), (a, counts[0]))
        cites = Citations()
        n = cites.cite(window)
        lead = f"**{winner[0]}** — {winner[1][1]}, against {loser[1][1]} for {loser[0]}: {outlet_of(window)} [{n}]."
        parts = [Part(f"{c} {count[1]}", "supported", [n]) for c, count in (winner, loser)]
        return Answer(
            question=question, text="\n".join([lead, quoted(text, n)]), citations=cites.items, hits=hits, parts=parts
        )
    return None
