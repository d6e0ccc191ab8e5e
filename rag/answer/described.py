"""Who someone is, asked of a person named in full ("Who is Mara Lind?", "What is Theo Park's job?"): the role the
articles give them in apposition, as news writes one ("Globex CEO Mara Lind", "Mara Lind, the founder of Tide
Works,"), each description quoted from the sentence that gives it and checked by the verifier as "<name> is
<description>". A description said only of another of the name, or one no sentence gives, is never guessed: the
question then goes to the other readers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rag.answer.compose import Citations, outlet_of
from rag.answer.names import a_person, stands_for_a_person
from rag.answer.parts import Window, sentences_of
from rag.answer.verdicts import judge
from rag.core.text import NAME_PHRASE, ROLE_PATTERN
from rag.core.types import Answer, Hit

# most descriptions shown: the one most sentences give leads, two others follow
MAX_DESCRIBED = 3

_NAME = rf"(?P<name>{NAME_PHRASE.pattern})"
_OF_ORG = r"(?:\s+(?:at|with|in|for)\s+(?P<org>[^?]+?))?"
_ASKED = [
    re.compile(rf"^\W*(?:(?:and|so)\s+)?(?i:who)\s+(?i:is|was)\s+{_NAME}\s*\??\s*$"),
    re.compile(
        rf"^\W*(?i:what)\s+(?i:is|was)\s+{_NAME}['’]s?\s+"
        rf"(?i:job|role|position|title|post|occupation|profession){_OF_ORG}\s*\??\s*$"
    ),
    re.compile(
        rf"^\W*(?i:what)\s+(?i:job|role|position|title|post)\s+(?i:does|did)\s+{_NAME}\s+(?i:have|hold|do)"
        rf"{_OF_ORG}\s*\??\s*$"
    ),
    re.compile(rf"^\W*(?i:what)\s+(?i:does|did)\s+{_NAME}\s+do(?:\s+for\s+a\s+living)?{_OF_ORG}\s*\??\s*$"),
]


@dataclass(frozen=True)
class Described:
    name: str  # the person asked about, as the question writes them
    org: str  # the organisation the question places them at ("What is Mara Lind's job at Globex?"), or ""


def read_described(question: str) -> Described | None:
    """The person a "who is <name>?" or "what is <name>'s job?" question asks about, named as a person is."""
    for pattern in _ASKED:
        m = pattern.match(question.strip())
        if m and stands_for_a_person(m.group("name")):
            return Described(m.group("name"), (m.groupdict().get("org") or "").strip())
    return None


# the words of a description before a name: the organisation's name, then a few lower-case words, then the role
# ("Globex CEO", "the Ostland internal market commissioner", "Tide Works director of research,")
_FUNCTION = (
    r"(?:that|and|or|but|said|says|told|tells|with|by|for|of|to|in|on|at|as|from|who|which|when|while|after|before|"
    r"than|is|was|are|were|has|had|have|its|his|her|their|the|a|an|this|these|those|also|then|not)\b"
)
# (not a verb: "the team hired manager Theo Park")
_LOWER = rf"(?:\b(?!{_FUNCTION}|\w+(?:ed|ing)\b)[a-z][\w'’/-]*\s+)"
_CAPITAL = r"(?:\b(?!(?:The|A|An|This|That|It|He|She|They|We|I|But|And|In|On|At|As)\b)[A-Z][\w&.'’-]*\s+)"
# a lower-case word before a role with no article ("executive producer Ada Brin"), not a verb ("hired coach ...")
_ADJECTIVE = rf"(?:\b(?!{_FUNCTION}|\w+(?:ed|ing|s)\b)[a-z][\w-]*\s+)"
_ROLE = (
    rf"(?i:{ROLE_PATTERN}|commissioner|editor|reporter|journalist|creator|author|producer|actor|actress|singer|"
    r"rapper|designer|engineer|investor|partner|entrepreneur|billionaire|champion|boxer|driver|senator|judge)"
)
_OF_WHAT = r"(?:\s+of\s+(?:the\s+)?(?:[A-Za-z][\w&'’-]*\s*){1,3}?)?"
_DETERMINER = r"(?:(?i:the|a|an)\s+)"
# a word before the description that says the role is past or passing: kept in it
_TIME_WORD = re.compile(r"(?:\b(?:former|ex|then|late|outgoing|interim|acting|incoming|new)[\s-]+)+$", re.I)
# words of a description after the name that make it one ("Mara Lind, the person responsible for ...")
_DESCRIBING = re.compile(
    rf"\b(?:{_ROLE}|person|man|woman|member|star|head|owner|boss|son|daughter|wife|husband|father|mother|"
    r"brother|sister|founder|co-founder|cofounder|fighter|contender|veteran|legend|rookie)\b",
    re.I,
)


def _before(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<desc>{_DETERMINER}?{_CAPITAL}{{1,4}}{_LOWER}{{0,3}}?{_ROLE}{_OF_WHAT}"
        rf"|{_DETERMINER}{_LOWER}{{0,3}}?{_ROLE}{_OF_WHAT}|{_ADJECTIVE}{{0,2}}{_ROLE}{_OF_WHAT}),?\s+"
        rf"{re.escape(name)}(?![\w'’-])"
    )


def _after(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-]){re.escape(name)},\s+(?P<desc>[^,;.()\"“”]{{3,90}}?)\s*(?:[,;.)]|$)")


def descriptions(name: str, sentence: str) -> list[str]:
    """The descriptions the sentence gives the name in apposition, before it ("Globex CEO Mara Lind") or after it
    between commas ("Mara Lind, the founder of Tide Works,"); none that names another person (a list: "Ada Brin,
    Globex CEO Mara Lind") or that is a clause ("Mara Lind, who ...")."""
    found = []
    for m in _before(name).finditer(sentence):
        desc = m.group("desc").strip(" ,")
        earlier = _TIME_WORD.search(sentence, 0, m.start())
        found.append((earlier.group(0) if earlier else "") + desc)
    for m in _after(name).finditer(sentence):
        desc = m.group("desc").strip()
        # ("Mara Lind, who founded ...", "..., said Mara Lind, adding that ...": a clause, no description)
        clause = re.match(_FUNCTION, desc) and not re.match(_DETERMINER, desc)
        # (nor "Ada Brin, Globex CEO Mara Lind and ...": a list, the role is the next person's)
        listed = re.search(rf"{_ROLE}\s+{NAME_PHRASE.pattern}", desc)
        if _DESCRIBING.search(desc) and not clause and not (listed and a_person(listed.group(0))):
            found.append(desc)
    return found


def _claim(name: str, desc: str) -> str:
    """What the part asserts: "<name> is <description>", its role words in lower case ("Globex ceo"), as the verifier
    reads a role: a capitalised "CEO" would be one more name, and a claim of names alone is never supported."""
    return f"{name} is " + re.sub(_ROLE, lambda m: m.group(0).lower(), desc)


def _key(desc: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", desc.lower())


def compose_described(question: str, asked: Described, hits: list[Hit]) -> Answer | None:
    """**<description>** — stated by <outlet> [1], then other descriptions; None when no sentence naming the person
    in full describes them in a way the verifier confirms."""
    found: dict[str, list[tuple[str, Window]]] = {}
    for window in _naming(asked, sentences_of(hits)):
        for desc in descriptions(asked.name, window.text):
            if judge(_claim(asked.name, desc), [window.text]).supported:
                found.setdefault(_key(desc), []).append((desc, window))
    if not found:
        return None
    order = {id(h): i for i, h in enumerate(hits)}
    # a role alone ("CEO") says less than one with its organisation ("Globex CEO"): it follows, however often said
    ranked = sorted(
        found.values(),
        key=lambda said: (
            " " not in _key(said[0][0]),
            -len(said),
            min(order.get(id(w.hit), 0) for _, w in said),
        ),
    )[:MAX_DESCRIBED]
    cites = Citations()
    lines: list[str] = []
    parts: list = []

    def cite(said: list[tuple[str, Window]]) -> str:
        desc, window = max(said, key=lambda s: s[1].hit.article.published_at)
        n = cites.supporting(window, _claim(asked.name, desc), lines, parts)
        return f"{outlet_of(window)} [{n}]"

    lead = ranked[0]
    text = f"{asked.name}: **{lead[0][0]}** — stated by {cite(lead)}"
    if ranked[1:]:
        text += ". Also described as: " + "; ".join(f"{said[0][0]} ({cite(said)})" for said in ranked[1:])
    text += "."
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


def _naming(asked: Described, windows: Iterable[Window]) -> Iterable[Window]:
    """The sentences naming the person in full; with an organisation asked, those naming it too when any do."""
    naming = [w for w in windows if re.search(rf"(?<![\w'’-]){re.escape(asked.name)}(?![\w'’-])", w.text)]
    at_org = [w for w in naming if asked.org and asked.org.lower() in w.text.lower()]
    return at_org or naming
