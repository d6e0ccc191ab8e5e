"""Names in news text: the names a passage holds, a name as its article spells it out, and whether a name is used
the way people are (by surname alone). Entity answers read them (rag.answer.compose, rag.answer.results)."""

from __future__ import annotations

import re

from rag.core.text import NAME_PHRASE, POST_WORDS, TITLE_WORDS, compound_deeds, split_sentences, straight_quotes

__all__ = [
    "NOT_NAMES",
    "a_competition",
    "a_person",
    "full_form",
    "in_full",
    "named_by_surname",
    "names_in",
    "pronouns_named",
    "spelled_out",
    "standalone",
    "stands_for_a_person",
]

# Capitalised words that start sentences or stand for a name without being one (a page's "ADVERTISEMENT Article
# continues below this ad" included).
NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our my in on at of for
    and but or if when while as after before during with from by to however meanwhile yet so also still
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december mr mrs ms dr sir week year month today yesterday according ceo why how what
    who where which there here whereas whilst although though despite unlike since until because whether instead
    including using given amid following regarding like unless cto cfo coo pr all-pro all-star all-american now then
    other another many several some most both each every few loading advertisement article
    did does is was were are has have had could would should might must""".split()
)


# A page's link lines, in capitals before the linked headline ("GO DEEPER Globex's deal could ...", "READ MORE"): no
# part of the name after them
_LINK_WORDS = frozenset("GO DEEPER READ MORE RELATED WATCH LISTEN SEE ALSO".split())

# Groups of people or things a sentence often opens with ("Analysts expect ...", "Shares fell ..."): a capital there is
# the sentence's, and the word alone names no one.
GROUP_NOUNS = frozenset(
    """analysts investors officials critics fans experts researchers scientists players shares sales prices observers
    economists traders lawmakers regulators prosecutors authorities police residents voters users customers consumers
    sources reports workers employees staff executives shareholders viewers readers parents doctors teachers students
    insiders rivals supporters opponents protesters officers leaders members owners buyers sellers""".split()
)

# A possessive ends a name: "Globex's Tide Pay" names Globex and Tide Pay.
_POSSESSIVE_END = re.compile(r"(?<=[’']s)\s+|(?<=s[’'])\s+")


# A post written between two names parts them: "Tide Works CEO Ada Brin" names Tide Works and Ada Brin.
_POST_BETWEEN = re.compile(r"\s+(?:CEO|CFO|CTO|COO)\s+(?=[A-Z])")

# "No. 22 Ostland": a ranking's number sign, not a name
_NUMBER_SIGN = re.compile(r"\.\s*\d")


def names_in(text: str) -> list[str]:
    out = []
    text = compound_deeds(text)  # "Globex-owned Tide Works" names Globex and Tide Works
    for m in NAME_PHRASE.finditer(text):
        if m.group(0) in ("No", "Nos") and _NUMBER_SIGN.match(text, m.end()):
            continue
        for phrase in (p for part in _POSSESSIVE_END.split(m.group(0)) for p in _POST_BETWEEN.split(part)):
            words = phrase.split()
            # leading function words, titles and "second-year"-style descriptions start a sentence, not a name
            while words and (
                words[0].lower().strip("’'") in NOT_NAMES
                or words[0] in _LINK_WORDS
                or re.fullmatch(r"\w+-(?:year|time)", words[0])
            ):
                words = words[1:]
            while words and words[-1].lower().strip("’'?.,") in NOT_NAMES:  # "Harbour Road What?": a heading's question
                words = words[:-1]
            name = " ".join(words).strip(" .,’'")
            name = re.sub(r"[’']s$", "", name)
            if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name):
                name += "."  # an initialism keeps its last stop: "D.C.", not "D.C"
            if len(name) >= 2 and name.lower() not in NOT_NAMES and name.lower() not in GROUP_NOUNS:
                out.append(name)
    return out


# the last words of a competition's or an award's name ("the Harbour Cup", "the Ostland Open")
_COMPETITION_WORD = re.compile(
    r"\b(?:League|Cup|Championships?|Trophy|Awards?|Open|Games|Bowl|Tournament|Prix|Finals?|Conference|Series|Charts?)$"
)


def a_person(speaker: str) -> bool:
    """The speaker is named as a person is, a first name and a surname ("Mara Lind", "Globex CEO Mara Lind"): their
    words carry their name. A body ("the ministry", "Globex") speaks through people the text names otherwise."""
    return bool(re.search(r"(?<![\w'’])[A-Z][a-z]+\s+[A-Z][\w'’-]*[a-z](?![\w'’])", speaker))


# "T.J. Park": initials before a surname
_INITIALS_AND_SURNAME = re.compile(r"^(?:[A-Z]\.\s*)+[A-Z][\w'’-]*[a-z]$")
# the lower-case particles of surnames ("Ada de Brin", "Theo van der Park"); "of" and "&" join a body's name instead
_PARTICLE = re.compile(r"\s(?:de|van|von|der|den|ten|ter|da|di|du|del|della|le|la|bin|al)(?=\s)")
# the last word of a prize's or a medal's name ("the Ostland Prize"), which a_competition does not read
_AWARD = re.compile(r"\b(?:Prizes?|Medals?)$")


def stands_for_a_person(name: str) -> bool:
    """A name "he" or "she" can stand for, read more strictly than `a_person`: a first name and a surname, or
    initials and one ("T.J. Park"); not a competition's or a prize's ("Harbour Cup", "Ostland Prize") nor a body's
    with "of" ("Bank of Ostland")."""
    shaped = a_person(_PARTICLE.sub("", name)) or bool(_INITIALS_AND_SURNAME.match(name))
    return len(name.split()) >= 2 and shaped and not a_competition(name) and not _AWARD.search(name)


def a_competition(name: str) -> bool:
    """The name is a competition's or an award's: no person, company or club."""
    return bool(_COMPETITION_WORD.search(name))


def standalone(word: str) -> str:
    """A pattern for the word on its own: not part of a longer or hyphenated word ("Lind", not "Lind-Park")."""
    return r"(?<![\w-])" + re.escape(word) + r"(?![\w-])"


def says_word(word: str, text: str) -> bool:
    """The text says the word on its own, as written or in a headline's capitals ("LIND" for "Lind")."""
    return any(re.search(standalone(w), text) for w in dict.fromkeys([word, word.upper()]))


def in_full(name: str, article: str) -> str:
    """A one-word name as the article first spells it out with a first name ("Lind" -> "Mara Lind"), else itself."""
    if " " in name or len(name) < 4 or not name[0].isupper():
        return name
    # one space between the two: a line break ends a heading or a list item ("Tech Wire\nGlobex" is two names)
    for m in re.finditer(r"(?<![\w-])([A-Z][a-z]+) " + re.escape(name) + r"(?![\w-])", article):
        first = m.group(1)
        before = article[: m.start()].rstrip()
        # a capitalised word at a sentence's start ("Other Globex products") is no first name
        if before and before[-1] not in '.!?"“”:' and first.lower() not in NOT_NAMES and first != name:
            # news names a person in full first and by surname after; a name used alone before the longer form is
            # its own ("Globex ... Cloud Globex" is a product of Globex, not its full name)
            alone = re.search(standalone(name), article)
            said_first_in_full = alone is None or re.search(r"[A-Z][a-z]+ $", article[: alone.start()]) is not None
            return f"{first} {name}" if said_first_in_full else name
    return name


def most_in_full(surname: str, text: str) -> str:
    """The person of `surname` the text names in full most often ("Theo Lind" for "Lind"; the first named of a tie),
    "" when none: a surname alone means them, the one the story is about, whoever else of the family it names."""
    counts: dict[str, int] = {}
    for m in re.finditer(r"(?<![\w-])([A-Z][a-z]+) " + re.escape(surname) + r"(?![\w-])", text):
        first = m.group(1).lower()
        if first not in NOT_NAMES and first not in POST_WORDS:  # "Coach Lind" is no first name
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else ""


_DETERMINERS = frozenset("the a an this its his her their our your".split())


def named_by_surname(name: str, texts: list[str]) -> bool:
    """The passages use the name's last word alone, as people are named ("..., Lind testified"): not after its first
    words, another name or a determiner ("the Rovers", "Harbour Court"), nor at a sentence's start ("Well, ...")."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < 3 or not all(w[0].isupper() for w in words):  # not "Bank of Ostland"
        return False
    alone = re.compile(standalone(words[-1]) + r"(?!\s+[A-Z])")
    for text in texts:
        for m in alone.finditer(text):
            before = text[: m.start()].rstrip()
            prev = before.split()[-1] if before.split() else ""
            # (nor after a number: "the Tide 15 Pro" is a model)
            if (
                not prev
                or prev[-1] in '.!?"“”:'
                or prev[0].isupper()
                or prev[0].isdigit()
                or prev.lower() in _DETERMINERS
            ):
                continue
            return True
    return False


def full_form(name: str, names: set[str]) -> str:
    """The name as the passages spell it out: "Glob" -> "Globex Holdings", "NHB" -> "National Harbour Board"."""
    if " " in name:
        return name

    def spells_out(longer: str) -> bool:
        words = longer.split()
        first = words[0]
        if len(words) < 2:
            return False
        if name.isupper() and len(name) >= 2:
            return "".join(w[0] for w in words) == name
        return (
            len(name) >= 3 and first.startswith(name) and first[len(name) :].isalpha() and first[len(name) :].islower()
        )

    longer = sorted(n for n in names if spells_out(n))
    return min(longer, key=lambda n: len(n.split())) if longer else name


# Endings that make a place's people or its adjective of its name ("Ostland" -> "Ostlanders", "Norrvik" -> "Norrviki")
_PEOPLE_ENDINGS = frozenset("i is ian ians an ans n ns ese er ers ish ic".split())


def _root(place: str) -> str:
    return place[:-1] if place[-1:] in "aeo" and len(place) > 4 else place


def people_of(place: str, name: str) -> bool:
    """`name` is the people of `place`, or its adjective: one word, the place's (less a last vowel) plus an ending
    ("Ostlandic", "Norrvikians"), not another name."""
    if " " in place or " " in name:
        return False
    root = _root(place)
    return name != place and name.startswith(root) and name[len(root) :] in _PEOPLE_ENDINGS


def peoples_words(place: str) -> str:
    """A pattern for the words of a one-word place's people and adjective ("Ostlandic", "Ostlanders"); one that
    matches nothing for a name of several words."""
    if " " in place.strip():
        return r"(?!)"
    endings = "|".join(sorted(_PEOPLE_ENDINGS, key=len, reverse=True))
    return rf"(?<![\w-]){re.escape(_root(place.strip()))}(?:{endings})(?![\w-])"


def initials(name: str) -> set[str]:
    """The initials a name may go by: "Tide Works" -> {"TW"}, "Bank of Ostland" -> {"BOO", "BO"}."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) > 2 and words[0].lower() == "the":  # "The Bank of Ostland" starts its sentence
        words = words[1:]
    return {"".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())}


# A name a question may write in capitals for its initials ("TW" for Tide Works)
_INITIALISM = re.compile(r"(?<![\w.])[A-Z]{2,5}(?![\w.])")


def with_initials(claim: str, passage: str) -> str:
    """The passage with each name that the claim calls by its initials followed by them ("Tide Works" -> "Tide Works
    TW" when the claim says "TW"): a question about the TW strike is about what the article calls Tide Works."""
    asked = set(_INITIALISM.findall(claim))
    if not asked:
        return passage

    def spelled(m: re.Match[str]) -> str:
        name = m.group(0)
        found = sorted(initials(name) & asked) if " " in name else []
        return f"{name} {found[0]}" if found else name

    return NAME_PHRASE.sub(spelled, passage)


def spelled_out(question: str, texts: list[str]) -> str:
    """The question with a name it writes by its initials as the passages spell it ("Was TW fined?" -> "Was Tide Works
    fined?"), when one name with those initials is what the passages write (whole or by its last word) more often than
    the initials themselves:
    searched by its initials, a name the articles mostly spell out is missed, and a passage that only shares the rest
    of the question's words comes first. "CEO", "EU": written as such more often, they stay."""
    asked = sorted(set(_INITIALISM.findall(question)))
    named = [name for text in texts for name in names_in(text)] if asked else []
    for short in asked:
        counts: dict[str, int] = {}
        for name in named:
            if " " in name and short in initials(name):
                counts[name] = counts.get(name, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            continue  # no name, or two as often: which one is meant, the question does not say
        if ranked[0][0] in question:
            continue  # "FC Mariners" already written out: "FC" is part of it
        written = sum(len(re.findall(rf"(?<![\w.]){short}(?![\w.])", text)) for text in texts)
        # a person is written by surname too ("Lind", after "Mara Lind")
        surname = ranked[0][0].split()[-1]
        by_surname = sum(1 for name in named if name == surname)
        if ranked[0][1] + by_surname > written:
            question = re.sub(rf"(?<![\w.]){short}(?![\w.])", ranked[0][0], question)
    return question


def joined(names: list[str]) -> str:
    """Names said together: "Mara Lind", "Mara Lind and Theo Park", "Ada Brin, Mara Lind and Theo Park"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# a sentence opening with "He" or "She", which stands for someone named before it
_OPENING_PRONOUN = re.compile(r"(?:He|She)(?=\s)")
_ANY_OPENING_PRONOUN = re.compile(r"\b(?:He|She)\s")
# a name said as an owner ("Mara Lind's father"): the pronoun after may be the one owned
_OWNED_AFTER = re.compile(r"\s*['’]s?\b")


# an opening phrase about what an owner did, then the owner as "it" or "they": "As part of Globex's plea, it agreed to
# pay", "Under Tide Works' plan, they will ..."
_OWNER_THEN_PRONOUN = re.compile(
    rf"\b(?P<lead>(?:As\s+(?:a\s+)?part\s+of|Under|In|With|Through)\s+)(?P<owner>{NAME_PHRASE.pattern})(?P<mark>['’]s?)"
    r"(?P<rest>\s+[^,.;:!?]{1,60},\s+)(?:it|they)(?=\s)"
)


def pronouns_named(text: str) -> str:
    """The text with a sentence's opening "He" or "She" replaced by the one person the sentence before names (outside
    quotation marks, not as an owner): "Mara Lind met reporters. He has denied it." -> "... Mara Lind has denied it".
    Left as said when that sentence names no one or more than one. An "it" or "they" after an opening phrase about
    an owner's deed is that owner: "As part of Globex's plea, it agreed ..." -> "..., Globex agreed ..."."""
    if ", it " in text or ", they " in text:
        text = _OWNER_THEN_PRONOUN.sub(r"\g<lead>\g<owner>\g<mark>\g<rest>\g<owner>", text)
    if not _ANY_OPENING_PRONOUN.search(text):  # (the verifier's hot path: most passages have none)
        return text
    spans = split_sentences(text)
    pieces, last = [], 0
    for (before_start, before_end), (start, _) in zip(spans, spans[1:]):
        opening = _OPENING_PRONOUN.match(text, start)
        if opening is None:
            continue
        before = re.sub(r'"[^"]*"', " ", straight_quotes(text[before_start:before_end]))
        people = set()
        for name in names_in(before):
            at = before.find(name)
            if _OWNED_AFTER.match(before, at + len(name)):
                people.add("")  # an owner: who the pronoun is, is not known
            elif stands_for_a_person(name):
                people.add(name)
        if len(people) != 1 or "" in people:
            continue
        pieces += [text[last:start], people.pop()]
        last = opening.end()
    return "".join([*pieces, text[last:]])


def without_title(name: str) -> str:
    """ "Judge Mara Lind" as "Mara Lind": the title gives her post, the answer names her (a name of two words stays)."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def named_any_way(name: str, text: str) -> bool:
    """The lower-cased text names the name: as written, without its title ("Senator Mara Lind" where the text says
    "Sen. Mara Lind"), or by all its words close together in another order or with a word or two between ("the Mara
    Lind Harbour Tour" in "Mara Lind: The Harbour Tour", "Tide Works Globex" in "Globex's Tide Works"): a refusal
    saying the articles never mention it must be true."""
    core = without_title(name).lower()
    if core in text:
        return True
    words = set(_WORD.findall(core))
    tokens = [t.removesuffix("'s").removesuffix("’s") for t in _WORD.findall(text)]
    span = len(words) + NAME_GAP
    return any(t in words and words <= set(tokens[i : i + span]) for i, t in enumerate(tokens))


_WORD = re.compile(r"[\w'’-]+")
# words a name's own may have between them in another writing of it ("Mara Lind: The Harbour Tour")
NAME_GAP = 2
