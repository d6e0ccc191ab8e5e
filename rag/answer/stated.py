"""Who or which, asked with no outlet named: a name only when a passage states it in the asked role.

"Who fired Mara Lind?" read back as a statement with a name in its slot ("Globex fired Mara Lind") must be said by
one sentence the way a bare "did it happen?" must (`judge(..., happened=True)`: every plain word, a word of each name,
close together, not hedged, nobody else as the doer). A name merely near the topic is no answer: "Globex dropped Theo
Park as its nominee for chair" does not say who was elected chair, and the answer then says that no passage does.
When several names are stated (the post changed hands), the latest report leads and the earlier ones follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from rag.answer.compose import REFUSAL, UNSETTLED, Citations, earlier_year, outlet_of, quoted, refused_answer
from rag.answer.deeds import BE_FORMS, DESCRIPTION_BEFORE, SPAN_WORD, describes_next_name
from rag.answer.names import in_full, joined, names_in, people_of, peoples_words, standalone
from rag.answer.parts import Window, sentences_of
from rag.answer.verdicts import WHEN_OPENERS, coverage, judge
from rag.core.text import (
    AUXILIARY_WORDS,
    NAME_PHRASE,
    base_stem,
    compound_deeds,
    doers_first,
    past_tense,
    same_event_words,
    split_sentences,
    stem,
)
from rag.core.types import Answer, Hit, Part
from rag.verify.lexical import analyse

_AUX = rf"(?:{AUXILIARY_WORDS})"
# "which studio", "what company"; not "what did" or "what is"
_WH = rf"(?i:who|whom|(?:which|what)\s+(?!{_AUX}\b)[a-z][\w-]*)"
# "Who fired ...?", "Which studio makes ...?", "Who was named ...?": the asked name is the doer (the subject).
_ASKS_SUBJECT = re.compile(rf"^\W*(?P<wh>{_WH})\s+(?P<predicate>[a-z][^?]*?)\s*\??\s*$")
# "Which studio did Globex buy?", "Who did the Rovers lose to?": the asked name is what the deed was done to (the
# verb is the first lowercase word after the doer's name).
_ASKS_OBJECT = re.compile(
    rf"^\W*(?P<wh>{_WH})\s+(?P<aux>(?i:did|does|do|has|have|had))\s+"
    r"(?P<subject>(?:(?:the|a|an)\s+)?[A-Z][^?]*?)(?<!['’]s)\s+"
    # an adverb before the verb ("did Globex wrongly name ..."), not a verb ending so ("apply", "rely")
    r"(?:(?P<adverb>(?!(?:apply|reply|supply|rely|comply|imply|multiply|ally|fly|rally|tally)\b)[a-z]{3,}ly)\s+)?"
    r"(?P<verb>[a-z]+)(?P<rest>\s[^?]*?)?\s*\??\s*$"
)
_AUXILIARY = frozenset(AUXILIARY_WORDS.split("|"))
_BE_HAVE = frozenset("is are was were has have had".split())
_NOT_A_VERB = frozenset("in on at of for to from with by about after before during than as the a an".split())
# a preposition that ends the question takes the object ("lose to {}"); otherwise it follows the verb ("beat {} on
# Sunday")
_LAST_PREPOSITION = re.compile(r"\b(?:to|from|with|by|for|of|against|over|into|at|in|on|about)$", re.I)
# One deed asked in one clause: a longer question, a comma or a relative clause describes someone in several parts,
# which the parts' own answerer reads.
MAX_WORDS = 16
_MORE_THAN_ONE_CLAUSE = re.compile(r"(?<!\d),|,(?!\d)|;|\b(?:who|whom|whose|which|that)\b", re.I)  # not "1,500"


def more_than_one_clause(text: str) -> bool:
    return bool(_MORE_THAN_ONE_CLAUSE.search(text))


# a candidate lies within this many of the best-ranked passages' sentences
MAX_SENTENCES = 400


@dataclass(frozen=True)
class Slot:
    """The question as a statement with a slot for the name ("{} fired Mara Lind"), and as said back in a refusal
    ("who fired Mara Lind")."""

    template: str
    asked: str
    verb: str  # the asked verb: the doer's name stands before it, what it was done to after it
    preposition: str = ""  # the word the name must follow in the sentence ("from" in "hire Mara Lind from {}")
    current: bool = False  # asks what holds now ("who is", "which studio owns"): the latest report leads
    title: tuple[str, str] | None = None  # "who is the chief executive of Globex?": ("chief executive", "Globex")
    taken_up: bool = False  # "who was named chief executive of Globex?": the post taken up, not only held
    after_change: bool = False  # "who is the new chief executive?": a holder reported leaving is no answer
    new: bool = False  # "who is the new chief executive?": the holder must be said to be new, or follow another
    role: str = ""  # "who is the judge (in the trial)?": "judge", a role whose holder news names beside it

    def claim(self, name: str) -> str:
        return self.template.format(name)


def _wh_said(wh: str) -> str:
    """The question word said back inside a sentence, a capitalised word after it kept ("Which AI company" -> "which AI
    company")."""
    first, *rest = wh.split(maxsplit=1)
    return " ".join([first.lower(), *rest])


def _third_person(verb: str) -> str:
    return verb if verb.endswith("s") else verb + ("es" if verb.endswith(("sh", "ch", "x", "o")) else "s")


_POST_OF_VERB = {"coaches": "coach", "manages": "manager", "chairs": "chair", "captains": "captain"}
_POST_AS_VERB = re.compile(rf"^\s*(who)\s+({'|'.join(_POST_OF_VERB)})\s+", re.I)


_NOW_ASKED = re.compile(r",?\s+(?:right\s+now|now|currently|today|at\s+present|these\s+days)\s*\?*\s*$", re.I)


def read_slot(question: str) -> Slot | None:
    """The statement a who/which question asks to be completed, or None for other questions."""
    q = question.strip().replace("{", "(").replace("}", ")")  # braces would break the template
    # "Who coaches the Mariners?" asks for the post's holder, as news names it ("Mariners coach Mara Lind")
    q = _POST_AS_VERB.sub(lambda m: f"{m.group(1)} is the {_POST_OF_VERB[m.group(2).lower()]} of ", q)
    # "Who is the CEO of Globex now?" asks for the holder after any change, as "the new CEO" does
    q, now = _NOW_ASKED.subn("?", q)
    if len(q.split()) > MAX_WORDS or more_than_one_clause(q.split(maxsplit=1)[-1]):
        return None  # a description in several clauses ("Who is the founder who ..., and ...?") is not one deed
    m = _ASKS_OBJECT.match(q)
    if m:
        if not names_in(m.group("subject")):  # "Who did they beat?": no doer to state it of
            return None
        wh, aux, subject, verb = _wh_said(m.group("wh")), m.group("aux").lower(), m.group("subject"), m.group("verb")
        rest = (m.group("rest") or "").strip()
        said = {"did": past_tense(verb), "does": _third_person(verb), "do": verb}.get(aux, f"{aux} {verb}")
        asked = " ".join(p for p in (wh, subject, m.group("adverb"), said, rest) if p)
        if re.search(r"\s[a-z]", re.sub(r"^(?:the|a|an)\s+", "", subject)):
            # lowercase words in the doer ("the US women's national team hire ..."): where its verb starts is a guess,
            # so the refusal says the question back as asked
            asked = f"the answer to “{q.rstrip('?')}?”"
        last = _LAST_PREPOSITION.search(rest)
        order = (subject, verb, rest, "{}") if not rest or last else (subject, verb, "{}", rest)
        return Slot(
            " ".join(p for p in order if p),
            asked,
            verb,
            last.group(0).lower() if last else "",
            aux in ("does", "do", "has", "have"),
        )
    m = _ASKS_SUBJECT.match(q)
    if not m:
        return None
    words = m.group("predicate").split()
    if words[0].lower() in _AUXILIARY - _BE_HAVE or words[0].lower() in _NOT_A_VERB:
        return None  # "What happened in Ostland on Monday?": "happened" is no noun, "in Ostland" no deed
    # "Who was Mara Lind replaced by?", "Who is Mara Lind?": not a doer's slot; "Who is Globex's CEO?" asks for a post
    if (
        words[0].lower() in _BE_HAVE
        and len(words) > 1
        and words[1][:1].isupper()
        and not _TITLE_AFTER_ORG.match(" ".join(words))
    ):
        return None
    predicate = " ".join(words)
    verb = next((w for w in words if w.lower() not in _BE_HAVE), words[0])
    # "Who replaced Mara Lind as Globex CEO?": news names a successor without the post ("Ada Brin, Lind's successor")
    predicate = _AS_POST_SUCCEEDED.sub("", predicate) if verb.lower() in _SUCCEEDING else predicate
    title = _TITLE_ASKED.match(predicate) or _TITLE_AFTER_ORG.match(predicate) or _MAKER_ASKED.match(predicate)
    taken_up = bool(title and (title.groupdict().get("taking") or title.groupdict().get("became")))
    post = (title.group("title") or MAKER) if title else ""
    # "Who is the new CEO of Globex?" asks who holds it after a change: the latest report of a holder or of one taking
    # it up leads, and the earlier ones are shown
    after_change = bool(title and (post.lower().startswith("new ") or now))
    new = bool(title) and "new" in post.lower().split()
    if post.lower().startswith("new "):
        post = post[4:]
    return Slot(
        "{} " + predicate,
        f"{_wh_said(m.group('wh'))} {predicate}",
        verb,
        # "is", "has", "owns", "makes": what holds now; "fired", "bought", "won": a deed done
        current=words[0].lower() in ("is", "are", "has", "have")
        or (words[0].lower() != "was" and bool(re.fullmatch(r"[a-z]+[^s]s", words[0]))),
        # a one-letter organisation ("the CEO of X") is no name to the name readers, but is one here
        title=(post, title.group("org"))
        if title and (names_in(title.group("org")) or _ONE_LETTER_NAME.fullmatch(title.group("org")))
        else None,
        taken_up=taken_up,
        after_change=after_change,
        new=new,
        role=_role_asked(predicate) if not title else "",
    )


# "is the judge", "was the presiding judge in the trial": a role asked of no named organisation
_ROLE_ASKED = re.compile(
    r"^(?:is|was|are|were)\s+(?:the|an?)\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?:\s+(?:in|at|of|for|on|from|with|behind|during)\s.*)?$",
    re.I,
)


def _role_asked(predicate: str) -> str:
    m = _ROLE_ASKED.match(predicate)
    return m.group("role").split()[-1].lower() if m else ""


def named_in_role(name: str, role: str, sentence: str) -> bool:
    """The sentence names `name` as the role: "Judge Rolf Varga", "the judge, Rolf Varga", "Rolf Varga, the
    presiding judge,", "Varga is the judge". Sharing a sentence with the role's word is not enough: "Judge Ada Brin
    asked whether Theo Park had been told" makes no judge of Park, nor "league MVP, Globex has ..." Globex an MVP."""
    r, n = re.escape(role), re.escape(without_role(name, role))
    # the role right before the name, or after "the" and a comma; not a caption's label ("top scorer Credit: Wire Photo")
    before = re.search(rf"(?:(?i:\b{r}s?)\s+|(?i:\bthe\s+(?:[\w-]+\s+){{0,2}}{r}),\s+){n}(?![\w-]|:)", sentence)
    # "former federal prosecutor Ada Brin" holds the role no more
    if before and _NO_LONGER.search(sentence[: before.start()]):
        before = None
    # after the name, as a copula's complement or an aside that ends there ("Ada Brin, a Globex spokesperson, said");
    # "In a statement to the Daily Ledger, a Globex spokesperson said" starts a clause with the role
    after = re.search(rf"(?<![\w-]){n}(?:\s+(?i:is|was)|,)\s+(?i:the|an?)\s+(?:[\w-]+\s+){{0,3}}?(?i:{r})\b", sentence)
    if after and not re.match(r"\s+(?i:is|was)\b", sentence[after.start() + len(without_role(name, role)) :]):
        after = after if re.match(r"\s*(?:[,.;:)—–]|$)", sentence[after.end() :]) else None
    return bool(before or after)


def _only_after_role(name: str, role: str, article: str) -> bool:
    """A one-word capital the article never uses on its own, only right after the role or as the last word of a longer
    name, is part of a name for a thing ("the MVP Award", "the Player of the Year Award"), not the holder's name
    ("top scorer Park ... Park's goal")."""
    if " " in name:
        return False
    alone = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    after = re.compile(rf"(?:(?i:{re.escape(role)})|[A-Z][\w'’-]*)\s+$")
    return all(after.search(article[max(0, m.start() - 40) : m.start()]) for m in alone.finditer(article))


def without_role(name: str, role: str) -> str:
    """The name without the role its capitals took in ("District Judge Rolf Varga" -> "Rolf Varga")."""
    return re.sub(rf"^(?:[A-Z][\w.’'-]*\s+)*?(?i:{re.escape(role)})\s+", "", name)


_NO_LONGER = re.compile(r"(?i:\b(?:former|ex|then|late|retired))[\s-]+(?:[\w.-]+\s+){0,2}$")


_SUCCEEDING = frozenset("replaced replaces succeeded succeeds".split())
_AS_POST_SUCCEEDED = re.compile(r"\s+as\s+[^?]+$")


def _predecessor(slot: Slot) -> str:
    """The one replaced, of "{} replaced Mara Lind as CEO": "Mara Lind"."""
    return _AS_POST_SUCCEEDED.sub("", slot.claim("")).replace(slot.verb, "", 1).strip(" ?")


def succession_searches(slot: Slot) -> list[str]:
    """Asked who succeeded someone, the words news names a successor with ("in Mara Lind's place", "Mara Lind's
    successor"): searched beside the question, whose "replaced" also finds any "replacement" (a bench player's)."""
    if slot.verb.lower() not in _SUCCEEDING:
        return []
    predecessor = _predecessor(slot)
    return [f"in {predecessor}'s place", f"{predecessor}'s successor"] if predecessor else []


_FOUNDED = re.compile(r"^\{\}\s+(?P<co>co-?)?founded\s+(?P<org>[^?]+?)\s*$", re.I)


def founder_asked(slot: Slot) -> Slot | None:
    """Asked "Who founded Globex?", the slot of "Who is the founder of Globex?" (the post news names in apposition:
    "Globex founder Mara Lind", "Mara Lind, the founder of Globex"), or None for any other deed."""
    m = _FOUNDED.match(slot.template)
    if m is None:
        return None
    titled = read_slot(f"Who is the {'co-' if m.group('co') else ''}founder of {m.group('org')}?")
    # a founder stays one: said as of no day
    return replace(titled, current=False) if titled is not None and titled.title is not None else None


_AS_POST = re.compile(r"\s+as\s+(?P<post>[^?]+?)\s*\?*\s*$")


def successor_as_new_holder(question: str, slot: Slot) -> tuple[str, Slot] | None:
    """Asked "Who replaced Mara Lind as CEO of Globex?", her name and the slot of "Who is the new CEO of Globex?":
    news often names the new holder without saying whom they replaced."""
    m = _AS_POST.search(question)
    if slot.verb.lower() not in _SUCCEEDING or m is None:
        return None
    post = re.sub(r"^(?:the\s+)?", "", m.group("post"))
    held = read_slot(f"Who is the {post}?")  # "the CEO of Globex", "the Globex CEO"
    predecessor = _predecessor(slot)
    if held is None or held.title is None or not names_in(predecessor):
        return None
    new = read_slot(f"Who is the new {held.title[0]} of {held.title[1]}?")
    return (predecessor, new) if new is not None and new.title is not None else None


def compose_successor(question: str, predecessor: str, new: Slot, hits: list[Hit]) -> Answer | None:
    """**Name** — the latest holder a passage states and a passage reporting the predecessor leaving, both cited, and
    that no passage says the one replaced the other; None when either is missing."""
    assert new.title is not None
    found = [s for s in stated(question, new, hits) if not _part_of(predecessor.split()[-1], s.name)]
    if not found:
        return None
    lead = max(found, key=lambda s: s.day)
    left = left_post(predecessor, new.title, "", hits)
    if left is None:
        return None
    cites = Citations()
    lines: list[str] = []
    parts: list[Part] = []
    n = cites.supporting(lead.window, lead.claim, lines, parts)
    m = cites.quote(left, lines)
    post = f"{new.title[0]} of {new.title[1]}"
    text = (
        f"**{lead.name}** — the {post} as of {lead.day}, stated by {outlet_of(lead.window)} [{n}]; {predecessor} is "
        f"reported leaving the post: {outlet_of(left)} [{m}]. I could not confirm from one passage that one replaced the other."
    )
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# "is the chief executive of Globex", "was the head coach of the Mariners": a post and who it is held at
# ("was named interim CEO of Globex", "became chair of Globex": the post taken up, named as news names its holder)
_TITLE_ASKED = re.compile(
    r"^(?:(?:is|was)\s+(?:(?P<taking>named|appointed|made|elected|hired|chosen|installed)\s+(?:as\s+)?)?"
    r"|(?P<became>became|becomes|has\s+become)\s+)(?:the\s+)?"
    r"(?P<title>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?:of|at|for)\s+(?:the\s+)?(?P<org>[^?]+?)\s*$",
    re.I,
)

# A lowercase word of a post: not a participle or a preposition ("Who was Mara Lind replaced by?" asks for no post)
_POST_WORD = r"(?!\w+ed\b|(?:by|to|for|with|in|at|on|of|from)\b)[a-z][\w-]*"
# "is the Globex CEO", "was the Mariners' head coach": the same, the organisation first
_TITLE_AFTER_ORG = re.compile(
    r"^(?:is|was)\s+(?:the\s+)?(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*?)(?:['’]s?)?\s+"
    rf"(?P<title>{_POST_WORD}(?:\s+{_POST_WORD}){{0,2}}|(?:{_POST_WORD}\s+)?(?:CEO|CFO|CTO|COO))\s*$"
)
# One post, written in several ways: asked for one, news may write another ("Globex CEO" for its chief executive).
_POST_FORMS = [
    ("chief executive officer", "chief executive", "ceo"),
    ("chairman", "chairwoman", "chairperson", "chair"),
    ("head coach", "coach"),
    ("manager", "boss"),  # a football club's manager is its "boss" in news
    ("chief financial officer", "cfo"),
    ("chief technology officer", "cto"),
    ("chief operating officer", "coo"),
    ("maker", "made by", "built by", "manufactured by"),  # "the Tide Pad, made by Globex"
    ("founder", "co-founder", "cofounder"),  # one of several founders founded it too
]
# posts that are never left: no later report of leaving is looked for
_KEPT_FOR_GOOD = frozenset(("maker", "founder", "co-founder"))


def post_forms(post: str) -> list[str]:
    """The ways news writes the post, longest first (so that "chief executive officer" is not read as "chief
    executive" and a stray "officer")."""
    return next((list(forms) for forms in _POST_FORMS if post.lower() in forms), [post])


# What is "made by" someone without being a product they make: a claim, a decision, a change
_SAID_OR_DONE = frozenset(
    """claim claims comment comments remark remarks statement statements decision decisions call calls announcement
    announcements argument arguments point points case offer offers change changes mistake mistakes error errors
    promise promises pledge pledges move moves choice choices deal deals bid bids""".split()
)
# "makes the Globex Phone": news names the maker in apposition too ("Globex Phone maker Tide Works")
MAKER = "maker"
_MAKER_ASKED = re.compile(r"^(?:makes|made)\s+(?:the\s+)?(?P<org>[^?]+?)\s*$(?P<title>)?", re.I)


# Words of taking a post up, between a name and "as <post>"
_TAKES_UP = (
    r"(?i:(?:(?:was|has\s+been|had\s+been|is|will\s+be|will)\s+)?(?:named|appointed|hired|installed|elected|tapped|"
    r"chosen|confirmed|reinstated|(?:stepp(?:ing|ed)|steps?|step)\s+in|(?:takes?|took|taking|take)\s+over|serve[sd]?|"
    r"serving|returns?|returned|returning))"
)


# A finite verb right after "Mara Lind, the Globex chief" makes the chief the subject of a clause of its own.
_NO_VERB_NEXT = (
    r"(?!\s+(?i:was|is|were|are|has|had|have|will|would|could|can|did|does|said|says|told|looked|seemed|became|"
    r"admitted|insisted|added)\b)"
)


def titled(title: tuple[str, str], sentence: str, taken_up: bool = False) -> list[str]:
    """The names the sentence gives the post in apposition, as news does ("Globex CEO Mara Lind", "Mara Lind, chief
    executive of Globex", "Globex's chief executive, Mara Lind"); "former Globex CEO Mara Lind" holds it no more.
    `taken_up`: only the names it says take the post up ("named Mara Lind as its CEO"): a holder in apposition may
    have held it for years."""
    org = re.escape(title[1]).replace(r"\ ", r"\s+")
    # a country's post is also given by its adjective ("Ostlandic Prime Minister Mara Lind")
    owner = rf"(?i:(?:the\s+)?{org}(?:['’]s)?|{peoples_words(title[1])})"
    post = "(?i:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in post_forms(title[0])) + ")"
    name = rf"(?P<name>{NAME_PHRASE.pattern})"
    found: list[str] = []
    # the post before the name ("Globex CEO Mara Lind", "Globex co-founder and CEO Mara Lind"), not after a word that
    # ends it ("former", "interim")
    joined = r"(?:(?-i:[a-z][\w-]*)\s+(?:and|&)\s+)?"
    for m in [] if taken_up else re.finditer(rf"(?<![\w-]){owner}[\s-]+{joined}{post},?\s+{name}", sentence):
        # "then-Globex CEO", "Back then, Globex CEO ...": a past holder
        # "former Ostland and Globex CEO Mara Lind": the "former" of a shared post reaches over the first owner
        if not re.search(
            r"(?i:\b(?:former|ex|outgoing|ousted|late|interim|acting|then)),?[\s–-]+"
            r"(?:(?:[A-Z][\w'’.-]*\s+){1,3}(?:and|&)\s+)?$",
            sentence[: m.start()],
        ):
            found += names_in(m.group("name"))[:1]
    # the name before the post ("Mara Lind, chief executive of Globex", "Mara Lind, Globex's chief executive")
    # ("..., with goals from Theo Park, the Globex manager was nervous": a new clause's subject, no apposition)
    # (nor "Ada Brin, Globex CEO Mara Lind and ...": a list, the post is the next name's)
    for m in (
        []
        if taken_up
        else re.finditer(
            rf"{name},\s+(?i:the\s+)?(?:{post}\s+(?i:of|at)\s+{owner}|{owner}\s+{post})(?![\w-]){_NO_VERB_NEXT}"
            r"(?!\s+[A-Z][a-z])",
            sentence,
        )
    ):
        found += names_in(m.group("name"))[-1:]
    # taking the post up "as" it, in a sentence naming the organisation ("Mara Lind stepping in as interim CEO",
    # "Globex named Mara Lind as its chief executive"); "ousted as CEO" is no such word
    if re.search(rf"(?<![\w-]){owner}(?![\w-])", sentence):
        # ("as interim CEO" takes the post up too, for the time being)
        # ("as its next coach": the one hired is its new one)
        as_post = rf"\s+as\s+(?:(?:the|its|their|{owner})\s+)?(?:new\s+|next\s+|interim\s+|acting\s+)?{post}(?![\w-])"
        for m in re.finditer(rf"{name},?\s+(?:{_TAKES_UP}){as_post}", sentence):
            found += names_in(m.group("name"))[-1:]
        # an aside may stand between the name and its post ("appointed Mara Lind, a co-founder of Tide Works, as CEO")
        aside = r"(?:,[^,;.]{1,80},)?"
        for m in re.finditer(
            rf"(?i:nam(?:ed|ing)|appoint(?:ed|ing)|hir(?:ed|ing)|tapp(?:ed|ing)|install(?:ed|ing)|chose|choosing|"
            # ("Named by Theo Park as the Rovers captain, Mara Lind ...": the one after "by" names, not is named)
            rf"pick(?:ed|ing))\s+(?:(?!by\b)[a-z-]+\s+){{0,2}}?{name}{aside}{as_post}",
            sentence,
        ):
            found += names_in(m.group("name"))[:1]
        # a maker named after "made by" in a sentence about what it makes ("The Tide Pad is a tablet made by Globex")
        if title[0] == MAKER:
            for m in re.finditer(
                rf"(?<![\w-]){owner}(?![\w-])[^.;:?!]{{0,60}}?\b(?P<what>\w+)\s+(?:made|built|manufactured|produced)\s+by\s+"
                rf"{name}",
                sentence,
            ):
                # "the Tide Pad claims made by Mara Lind" are hers, the tablet is not
                if m["what"].lower() not in _SAID_OR_DONE:
                    found += names_in(m.group("name"))[:1]
        # the post said of a common noun for the organisation the sentence names ("Mara Lind, a Globex veteran, will
        # be the company's new CEO"); one held elsewhere is another's ("... will be the new CEO of Tide Works"). The
        # organisation must be named as one: "..., she said in a post on Globex" names where she said it, and an aside
        # naming another ("Mara Lind, Tide Works' head of sales, will be the company's CEO") says whose company it is.
        if re.search(rf"(?<![\w-])(?<!\bon\s)(?<!\bvia\s){owner}(?![\w-])", sentence):
            for m in re.finditer(
                rf"{name}(?P<aside>{aside})\s+(?i:will\s+be|is|was|has\s+been|becomes|became)\s+"
                rf"(?i:the\s+(?:[a-z]+['’]s\s+)?|its\s+)(?i:new\s+|interim\s+|acting\s+)?{post}(?![\w-])"
                rf"(?!\s+(?:of|at|for|in)\b)",
                sentence,
            ):
                if not _names_another(m.group("aside"), owner):
                    found += names_in(m.group("name"))[-1:]
    return found


def _names_another(aside: str, owner: str) -> bool:
    """The aside names an organisation other than the owner ("Tide Works' head of sales" against Globex)."""
    return any(not re.search(owner, n) for n in names_in(aside))


@dataclass
class Stated:
    name: str
    window: Window  # the one sentence that states it
    claim: str  # what the sentence states, the name in the slot
    spelled: str = ""  # the question's name as the sentence spells it, when longer ("Globex Holdings" for "Globex")

    @property
    def day(self) -> str:
        return self.window.hit.article.published_at


_CLAUSE_OPENERS = frozenset("that which who whom since when while because after before as until once".split())
# words that may stand right before a verb whose subject is further back ("Globex, which had struggled, then fired")
_BEFORE_A_VERB = frozenset("has have had was were is are been be also just already then later never not".split())


_PRONOUNS = frozenset("he she".split())  # "it" and "they" may be a thing between ("left the club when it was sold")


def _own_subject_between(between: list[str]) -> bool:
    """A clause opens between the name and the verb and a lowercase word of its own stands right before the verb."""
    if not any(w.lower().strip(",;:") in _CLAUSE_OPENERS for w in between):
        return False
    last = between[-1] if between else ""
    if (
        last.lower() in _PRONOUNS
        and between[-2].lower() in WHEN_OPENERS
        and not any(w[:1].isupper() for w in between[:-2])
    ):
        # "Mara Lind made her boldest move when she bought Tide Works": no other name between, she is Mara Lind
        return False
    # "Globex, which filed ...": the relative word stands for the name; "Mara Lind said that the All-Star suffered
    # ...": a determiner's noun is the clause's subject, capitalised or not
    return (
        bool(re.fullmatch(r"[a-z][\w'’-]*", last))
        and last not in _BEFORE_A_VERB | _CLAUSE_OPENERS
        and not last.endswith("ly")
    ) or (len(between) >= 2 and between[-2].lower() in ("the", "a", "an"))


# A name a preposition puts after a verb ("celebrates with", "spoke to", "played against"): a gerund after the next
# clause opener ("... with Theo Park after scoring the winner") has the sentence's subject for its doer, not that name.
_OBJECT_PREPOSITIONS = frozenset("with to against for from beside alongside among toward towards over at".split())


def _object_before_gerund(words: list[str], first: int, last: int, at: int) -> bool:
    """words[first:last] is a name right after a preposition, and words[at] a gerund right after a clause opener."""
    between = [w.lower().strip(",") for w in words[last:at]]
    return (
        first > 0
        and words[first - 1].lower() in _OBJECT_PREPOSITIONS
        and len(between) == 1
        and between[0] in WHEN_OPENERS
        and words[at].lower().endswith("ing")
    )


# "{} was fired by Globex", "{} has been sued": a slot for what a deed was done to, asked in the passive
_PASSIVE_ASKED = re.compile(
    r"^\{\}\s+(?:was|were|is|are|(?:has|have|had)\s+been|got|gets)\s+(?!the\b|an?\b)[a-z]+(?:ed|en|ght|ld|wn|t)\b"
)


_COPULA_ASKED = re.compile(r"^\{\}\s+(?:is|are|was|were)\s+(?!the\b|an?\b)", re.I)


def _said_with_be(words: list[str], at: int) -> bool:
    """A be-form stands right before words[at], or before one adverb before it ("is now top")."""
    before = [w.lower().strip(",") for w in words[max(0, at - 2) : at]]
    return bool(before) and (
        before[-1] in BE_FORMS
        or (len(before) == 2 and before[0] in BE_FORMS and before[1] in ("now", "still", "also", "currently"))
    )


def _done_to(slot: Slot) -> set[str]:
    """The words the slot's statement puts after its verb ("Tide Works" of "{} bought Tide Works")."""
    return {w.strip('.,;:!?"“”‘’()[]') for w in slot.template.split("{}", 1)[-1].split()[1:]}


def _in_its_role(name: str, slot: Slot, sentence: str) -> bool:
    """The name stands where the slot puts it: before the verb for the doer (or after "by": "was fired by Globex"),
    after it for what the deed was done to."""
    verb = base_stem(same_event_words(slot.verb)).replace("-", "")  # the words below are read without hyphens
    # a successor is named in several word orders; read as "<successor> replaced <predecessor>"
    words = SPAN_WORD.findall(doers_first(compound_deeds(sentence)))
    said_at = [i for i, w in enumerate(words) if base_stem(same_event_words(re.sub(r"\W", "", w))) == verb]
    # a capital after a capital is part of a name ("Chicago Fire vs. Inter Miami" fired no one)
    verbs = [i for i in said_at if not (i > 0 and words[i][:1].isupper() and words[i - 1][:1].isupper())]
    at = verbs[0] if verbs else -1
    if said_at and at < 0:
        return False
    # where the whole name is said: "sued Globex ..., claiming Globex Pay Store ..." names the store after the verb's
    # object, not as it
    bare = [w.strip('.,;:!?"“”‘’()[]') for w in words]
    parts = [w.strip('.,;:!?"“”‘’()[]') for w in name.split()]  # "Mara J. Lind": the initial read as its words are
    first = next((i for i in range(len(words)) if bare[i : i + len(parts)] == parts), -1)
    if first < 0:
        return False  # only inside a longer token ("#Globex", a link): not named there as a doer or an object
    doer_words = [n.split()[-1] for n in names_in(slot.template.split("{}")[0])][:1]
    if not slot.template.startswith("{}") and doer_words and at >= 0:
        # what the deed was done to, the deed said twice ("Ostland beat Norrvik ..., and Tide City beat the Harbour
        # Rovers"): the verb is the doer's own, the first after the doer's name
        doer_at = next((i for i, w in enumerate(bare) if w == doer_words[0]), -1)
        at = next((i for i in verbs if i > doer_at), at)
    if slot.template.startswith("{}") and at >= 0:
        # the deed said twice, of two doers ("Globex invested $4bn in Tide Works and Norrvik invested another $2bn in
        # Tide Works"): the doer's own verb is the first after its name
        at = next((i for i in verbs if i > first), at)
    if at < 0:
        return True  # the judge found the claim in other words ("returned" for "came back"): nothing to place
    said, asked = re.sub(r"\W", "", words[at]).lower(), slot.verb.lower()
    if asked.endswith("s") and asked in (said + "s", said + "es"):
        return False  # asked "who coaches ...?", "Ostland coach Mara Lind" names a post and its holder, no deed
    if at > 0 and words[at - 1].lower() == "to":
        return False  # "candidates to replace Mara Lind" have not replaced her
    if (
        slot.template.startswith("{}")
        and said.endswith(("er", "ers", "or", "ors"))
        and not asked.endswith(("er", "or"))
    ):
        # the deed said as its doer's title, in apposition ("Ada Brin, the co-founder and CEO of Tide Works", "Tide
        # Works co-founder Ada Brin"): a founder of what the title names beside it, not of a company named elsewhere
        done_to = _done_to(slot)
        beside = {w.strip('.,;:!?"“”‘’()[]') for w in words[max(0, at - 3) : at] + words[at + 1 : at + 5]}
        apposed = 0 <= at - (first + len(parts)) <= 2 if first < at else first - at == 1
        return apposed and bool(done_to & beside)
    if at > 0 and words[at - 1].lower() in ("the", "a", "an") and words[at].lower().endswith("ing"):
        return False  # "Mara Lind is the leading scorer in the league": a description, she does not lead the league
    # "Who was fired by Globex?" asks whom a deed was done to: an active sentence names them after the verb ("Globex
    # fired Mara Lind"), as "Whom did Globex fire?" is answered; a passive one before it ("Mara Lind was fired")
    passive_asked = bool(_PASSIVE_ASKED.match(slot.template))
    if passive_asked and first < at and words[at - 1].lower().strip(",") not in BE_FORMS:
        return False  # "Mara Lind fired Theo Park": before an active verb stands its doer
    done_to_asked = passive_asked and first > at
    # "Which team is top of the league?" asks a state said with "is": "they sit eighth in the Ostland top flight" has
    # "top" describing a flight, said of no one
    if _COPULA_ASKED.match(slot.template) and not passive_asked and not _said_with_be(words, at):
        return False
    if slot.template.startswith("{}") and not done_to_asked:
        # "making more money than Globex" compares with Globex; it is no deed done to it
        objects = [n.split()[0] for n in names_in(slot.claim(""))]
        target = next((i for i, w in enumerate(words) if i > at and w.strip('.,;:!?"“”‘’()[]') in objects), len(words))
        if "than" in (w.lower() for w in words[at:target]):
            return False
        if at > 0 and words[at - 1].lower() in ("the", "a", "an", "his", "her", "its", "their"):
            return False  # "Wall Street is absorbing the ouster of Mara Lind": a noun, and no one did it there
        if at > 0 and words[at - 1].endswith(",") and words[at].lower().endswith("ing"):
            return False  # "Globex raised its Tide fees, making it hard for users": the raise makes it, not Tide
        # "the work of the Assembly that has languished since hard-liners ousted Lind": the Assembly ousted no one
        if first < at and _own_subject_between(words[first + len(parts) : at]):
            return False
        if first < at and _object_before_gerund(words, first, first + len(parts), at):
            return False
        if first < at and at + 1 < len(words) and words[at + 1].lower() == "by":
            return False  # "Tide Notes, edited by Mara Lind": before a verb whose doer follows "by" stands what it did
        if first < at:
            return True
        # by the doer: "Mara Lind was fired by Globex", "the company was sued by Globex", "Tide Pay, made by Globex";
        # not "comments made by Globex, who said Tide Pay would ...": with no "was", what was made stands right before
        done_to = _done_to(slot)
        before = {w.strip('.,;:!?"“”‘’()[]') for w in words[max(0, at - 4) : at]}
        passive = at > 0 and words[at - 1].lower() in BE_FORMS
        # "Founded by Mara Lind, Tide Works grew ...": a participle opening the sentence has what was done to right
        # after its by-phrase
        comma = next((i for i in range(first, len(words)) if words[i].endswith(",")), len(words))
        # (the doer is the by-phrase's last name: "by former Tide Works chief Mara Lind," was founded by her, not Tide)
        head = first + len(parts) - 1 == comma
        after = {w.strip('.,;:!?"“”‘’()[]') for w in words[comma + 1 : comma + 4]} if at == 0 and head else set()
        # or all of what it was done to earlier in the sentence, a long title ("From Tide Notes on a Long
        # Road: Essays, edited by Mara Lind")
        whole = done_to <= {w.strip('.,;:!?"“”‘’()[]') for w in words[:at]}
        return "by" in (w.lower() for w in words[at:first]) and (
            passive or not done_to or bool(done_to & (before | after)) or whole
        )
    # what it was done to is the first name after the verb, a few words on at most ("bought the small studio Tide
    # Works"), not a name further along ("beat the Rovers 41-10, with Lind scoring twice")
    # ("beat No. 12 Coast City": a ranking's number sign is no other name)
    between = [w for w in words[at + 1 : first] if w not in ("No.", "Nos.")]
    if describes_next_name(" ".join(words[first + len(name.split()) :])):
        return False  # "bought Tide 2 developer Harbour Games": the name describes what was bought, it was not bought
    # and the described name is what the verb was done to: the description before it is no other name
    between = DESCRIPTION_BEFORE.sub("", " ".join(between) + " ").split()
    if done_to_asked and any(w.lower().strip(",") in _CLAUSE_OPENERS | {"and", "but"} for w in between):
        return False  # "Globex fired the coach after Theo Park complained": Park is in another clause
    if done_to_asked and not slot.preposition and any(w.lower() in _PLACE_WORDS for w in between):
        return False  # "Mara Lind's firing from Globex": Globex is where she was fired from, not who was fired
    return first > at and (bool(slot.preposition) or (len(between) <= 4 and not any(w[:1].isupper() for w in between)))


_PLACE_WORDS = frozenset("from at in of with to into over during since".split())


def named(name: str, sentence: str, article: str) -> bool:
    """The sentence names the question's name: in full, by all its words ("chair of the Assembly" for "Assembly
    Chair"; all but a plain one of three or more), or by its last word when the article spells it out ("Lind" after "Mara
    Lind"). One word is not enough: "a harbour in Ostland" does not name "Harbour Rowing Club"."""
    full = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", re.I)
    if full.search(sentence):
        return True
    words = name.split()
    missing = [w for w in words if not re.search(standalone(w), sentence, re.I)]
    # of three or more words, one may be missing if it is a plain word ("the Harbour Cup" names "Rowing Harbour Cup",
    # "rowing" being a word the article writes in lower case), never the one that makes it a name ("Tide")
    plain = len(missing) == 1 and len(words) >= 3 and re.search(standalone(missing[0].lower()), article)
    if len(words) > 1 and (not missing or plain):
        return True
    return len(words) > 1 and bool(re.search(standalone(words[-1]), sentence)) and bool(full.search(article))


def _mid_sentence(word: str, article: str) -> bool:
    """The capitalised word stands somewhere in the article after a lowercase word: a name, not a sentence's start."""
    return bool(re.search(r"[a-z,] " + re.escape(word) + r"(?![\w-])", article))


@dataclass
class Statement:
    """A sentence that states a claim, and the claim as it states it (the question's one-word name in the sentence's
    longer spelling, see `_spelled_longer`): what the part asserts and its citation must support."""

    window: Window
    claim: str


def stating(claim: str, hits: list[Hit]) -> Iterator[Statement]:
    """Each sentence of the hits (once) that states the claim as a bare "did it happen?" asks: the judge's one
    statement, each of the claim's names named in full ("Assembly" alone names neither "Theo Park" nor "Assembly
    Chair"), or spelled longer as the sentence's own name ("Globex Holdings" for "Globex")."""
    names = names_in(claim)
    for window in sentences_of(hits):
        sentence = window.text
        said = _respelled(claim, _spelled_longer(names, sentence))
        if (
            coverage(same_event_words(said), same_event_words(sentence)) >= 0.5  # "laid off" covers "cut"
            and all(named(n, compound_deeds(sentence), window.hit.article.text) for n in names_in(said))
            and judge(said, [sentence], similarity=None, happened=True).supported
        ):
            yield Statement(window, said)


# "which company ...?" asks for a company: a sentence that counts the name among other things of another kind
# ("sued by Ostland and a dozen other states") says it is no company
_ASKED_KIND = re.compile(rf"^\W*(?i:which|what)\s+(?!{_AUX}\b)(?P<kind>[a-z]+)\b", re.I)  # not "what did ..."


def _called_another_kind(name: str, sentence: str, kind: str) -> bool:
    """The sentence counts the name among things of another kind ("Ostland and a dozen other states"), or the name
    only describes a thing of the asked kind ("a teen's Ostland startup" to "which startup?")."""
    if re.search(re.escape(name) + rf"\s+{re.escape(kind)}s?\b", sentence, re.I):
        return True
    m = re.search(
        re.escape(name) + r",?\s+and\s+(?:[\w-]+\s+){0,3}?other\s+(?:[A-Z][\w.-]*\s+)?(?P<kind>[a-z]+)", sentence
    )
    return m is not None and stem(m.group("kind")) != stem(kind)


def _spelled_longer(question_names: list[str], sentence: str) -> tuple[str, str] | None:
    """(the question's one-word name, the longer name that the sentence says it only as the start of): "Norrvik
    Games" for "Norrvik". The verifier holds the two for different names ("Globex Pay" is not Globex), so the
    claim is judged, and the answer said, with the sentence's spelling for the reader to see."""
    for short in question_names:
        if " " in short or re.search(re.escape(short) + r"(?![\w-])(?!\s+[A-Z])", sentence):
            continue
        longer = next((n for n in names_in(sentence) if n.split()[0] == short and " " in n), "")
        # "at Ostland Stadium", "in Ostland City": a place the deed happened at, not who did it or had it done
        if longer and not re.search(
            rf"\b(?i:at|in|on|from|to|into|near|inside|outside|of)\s+(?:the\s+)?{re.escape(longer)}", sentence
        ):
            return short, longer
    return None


def _respelled(claim: str, longer: tuple[str, str] | None) -> str:
    """The claim with the question's one-word name in the sentence's longer spelling (unchanged without one)."""
    if longer is None:
        return claim
    return re.sub(rf"(?<![\w-]){re.escape(longer[0])}(?![\w-])", longer[1], claim)


# One capital letter standing alone, not "I" or "A" (a word) and not an initial ("J. Park")
_ONE_LETTER_NAME = re.compile(r"(?<![\w'’.-])([B-HJ-Z])(?![\w'’.-]|\.\s)")


def stated(question: str, slot: Slot, hits: list[Hit]) -> list[Stated]:
    """Every (name, article) whose sentence states the question's claim with that name in the slot; per name and
    article the shortest such sentence."""
    asked = set(re.findall(r"[a-z0-9]+", question.lower()))
    # the claim's plain words without a name: a sentence lacking any of them cannot state it (cheap to rule out)
    # asked for a post, the words of one of its forms ("maker", "coach", "chief executive" or "CEO")
    # (with a name in the slot: "the Rovers lose to Someone" is read as "Someone beat the Rovers")
    said = post_forms(slot.title[0]) if slot.title else [slot.claim("Someone")]
    needed = [{t for t, _, kind in analyse(same_event_words(form))[1] if kind != "name"} for form in said]
    person = question.strip().lower().startswith(("who ", "whom "))
    kind_asked = _ASKED_KIND.match(question)
    question_names = _names_to_say(question, slot)
    # a name of one capital letter ("the CEO of X") is no name to the name readers, but must be said all the same
    letters = [rf"(?<![\w'’.-]){c}(?![\w'’.-])" for c in dict.fromkeys(_ONE_LETTER_NAME.findall(question))]
    found: dict[tuple[str, str], Stated] = {}
    for window in islice(sentences_of(hits), MAX_SENTENCES):
        article, sentence = window.hit.article, window.text
        tokens = analyse(same_event_words(sentence))[0]
        if (
            not any(words <= tokens for words in needed)
            or not all(
                named(n, sentence, article.text) or (slot.title and re.search(peoples_words(n), sentence))
                for n in question_names
            )
            or not all(re.search(letter, sentence) for letter in letters)
        ):
            continue
        holders = titled(slot.title, sentence, slot.taken_up) if slot.title else []
        longer = _spelled_longer(question_names, sentence) if slot.title is None else None
        found_names = [without_role(n, slot.role) for n in names_in(sentence)] if slot.role else names_in(sentence)
        for name in dict.fromkeys([*found_names, *holders]):
            claim = _respelled(slot.claim(name), longer)
            starts = re.search(r"(?:^|[:—–\"“]\s*)" + re.escape(name), sentence)
            if " " not in name and starts and not _mid_sentence(name, article.text):
                continue  # "Weighing the candidates, ...": a capital that only starts a sentence is no name
            if asked & set(re.findall(r"[a-z0-9]+", name.lower())):
                continue  # what the question already says is no answer ("Globex" to "Who did Globex buy?")
            if kind_asked and _called_another_kind(name, sentence, kind_asked.group("kind")):
                continue
            if slot.title is not None:
                # a post is given in apposition, in few plain words: "Globex CEO Mara Lind"
                if name not in holders:
                    continue
            elif longer and longer[1] == name:
                continue  # the longer name is what the question names, not an answer to it
            elif slot.role:
                # a role is given beside its holder, as a post is; the sentence holds the question's other words and
                # names (checked above). "Judge Ada Brin asked whether Theo Park ..." makes no judge of Park.
                if not named_in_role(name, slot.role, sentence) or _only_after_role(name, slot.role, article.text):
                    continue
            elif not judge(claim, [sentence], similarity=None, happened=True).supported:
                continue
            elif not _in_its_role(name, slot, sentence):
                continue  # "Four years later, Globex bought Tide Works": "Four" is not what it bought
            elif slot.current and _said_of_a_past_time(slot.verb, sentence):
                continue  # "Which club does Theo Park play for?": not the one "when he played for" it
            elif (
                slot.preposition
                and not re.search(rf"\b{slot.preposition}\s+(?:the\s+|a\s+|an\s+)?{re.escape(name)}", sentence, re.I)
                # "lose to {}" is read as "{} beat ...": the judge and the role have placed the name without it
                and re.search(rf"\b{slot.preposition}\s+(?:the\s+)?{re.escape(name)}", same_event_words(claim), re.I)
            ):
                continue  # "hired Mara Lind and Theo Park" does not say whom she was hired from
            shown = in_full(name, article.text) if person else name
            shown = _as_a_body(shown, sentence) if person and shown == name else shown
            old = found.get((shown, article.id))
            if old is None or len(sentence) < len(old.window.text):
                found[(shown, article.id)] = Stated(shown, window, claim, longer[1] if longer else "")
    # "Mara" beside "Mara Lind" in one sentence is the same person, said shorter
    kept = list(found.values())
    return [
        s
        for s in kept
        if not any(o is not s and o.window.start == s.window.start and _part_of(s.name, o.name) for o in kept)
    ]


# "the Globex board of directors fired Mara Lind": who did it is the body, which the name only says whose it is
_BODY = (
    r"board(?:\s+of\s+(?:directors|trustees|governors))?|jury|court|council|committee|cabinet|government|"
    r"parliament|regulators?|shareholders|investors|voters|prosecutors|police"
)


def _as_a_body(name: str, sentence: str) -> str:
    """The body a name is said as every time the sentence names it ("Globex board" for "the Globex board of
    directors fired ..."), or the name itself."""
    at = rf"(?<![\w'’-]){re.escape(name)}(?![\w-])"
    bodies = re.findall(rf"{at}((?:['’]s)?\s+(?:{_BODY}))\b", sentence)
    if not bodies or len(bodies) != len(re.findall(at, sentence)):
        return name
    return name + re.sub(r"\s+of\s+\w+$", "", bodies[0])  # "board of directors" said as "board"


# Words that set what follows in a time gone by: "when he played for Globex", "formerly owned by Tide Works"
_PAST_TIME = frozenset("when while once formerly previously then".split())


def _said_of_a_past_time(verb: str, sentence: str) -> bool:
    """The sentence says the verb in the past tense inside a time gone by ("Only Rovers' Theo Park, when he played for
    Norrvik, scored more"), or after "used to": what held then, not what holds now."""
    past, base = past_tense(verb).lower(), verb.lower()
    words = [w.lower().strip(",;:()") for w in sentence.split()]
    for i, word in enumerate(words):
        if word == past and _PAST_TIME & set(words[max(0, i - 3) : i]):
            return True
        if word == base and words[max(0, i - 2) : i] == ["used", "to"]:  # "he used to play for Norrvik"
            return True
    return False


def _names_to_say(question: str, slot: Slot) -> list[str]:
    """The names a stating sentence must say: the question's, not its first word; asked for a post, the one name is
    where it is held ("CEO of Globex": Globex); asked who succeeded someone, the post's names may go unsaid ("Ada Brin,
    Lind's successor"), and the slot, read without the post, holds the rest."""
    if slot.title:
        return names_in(slot.title[1])
    if slot.verb.lower() in _SUCCEEDING:
        return names_in(slot.claim(""))
    return names_in(re.sub(r"^\W*\w+", "", question.strip()))


def _part_of(short: str, name: str) -> bool:
    return short != name and set(short.split()) < set(name.split())


# names given together, asked for several ("Which companies ...?")
MAX_NAMED = 4


def compose_stated(question: str, slot: Slot, hits: list[Hit]) -> Answer:
    """**Name** — stated by <outlet> [1], the latest report first and earlier other names after it; a refusal saying
    what no passage states when none does."""
    found = stated(question, slot, hits)
    if not found:
        ordered, window = closest(slot, hits)
        cites = Citations()
        if window is None:
            text = f"{REFUSAL}: I could not confirm {slot.asked} from them."
        else:  # the closest sentence, quoted for the reader to judge: no name is asserted
            # (it may say it in other words, which the check cannot read: "no passage says" would then be false, and
            # so would "no sentence says it" of any wording; what is true is that it was not confirmed)
            text = f"I could not confirm {slot.asked} from the articles. The closest passage, {outlet_of(window)}, "
            text += f"says: {quoted(window.text, cites.cite(window))}"
        return refused_answer(question, text, cites, ordered, slot.asked)
    by_name: dict[str, list[Stated]] = {}
    for s in found:
        by_name.setdefault(s.name, []).append(s)
    order = {id(h): i for i, h in enumerate(hits)}

    def rank(s: Stated) -> int:
        return -order.get(id(s.window.hit), 0)

    def lead_key(name: str) -> tuple:
        best = max(by_name[name], key=lambda s: (s.day, rank(s)))
        # what holds now: the latest report leads; a past deed: the name most passages state, then the best ranked
        if slot.current:
            return best.day, len(by_name[name]), rank(best)
        return len(by_name[name]), max(rank(s) for s in by_name[name]), best.day

    # a place's people or adjective ("Ostlanders", "Ostlandic") stated beside the place is the place, said another way
    names = sorted(
        (n for n in by_name if not any(people_of(place, n) for place in by_name)), key=lead_key, reverse=True
    )
    cites = Citations()
    lines: list[str] = []
    parts: list[Part] = []

    def quoted_for(name: str) -> Stated:
        return max(by_name[name], key=lambda s: (s.day, -order.get(id(s.window.hit), 0)))

    def cite(name: str) -> str:
        s = quoted_for(name)
        n = cites.supporting(s.window, s.claim, lines, parts)  # a sentence stating two names is quoted once
        # the sentence names the question's name longer: said, so that the reader sees which one it states
        spelled = f", which says “{s.spelled}”" if s.spelled else ""
        return f"{outlet_of(s.window)} [{n}]{spelled}"

    def year(name: str) -> str:
        """The year said after a name (", in 2007") whose past deed its quote dates before its report's year."""
        s = quoted_for(name)
        said = "" if slot.current else earlier_year(s.window, same_event_words(s.claim))
        return f", in {said}" if said else ""

    lead = names[0]
    if slot.new and len(names) == 1 and not any(_NEW_HOLDER.search(s.window.text) for s in by_name[lead]):
        # "Who is the new speaker?": a speaker named in passing, with no other before, is not said to be new
        return _none_said_new(question, slot, max(by_name[lead], key=lambda s: s.day), hits)
    # what holds now is said as of the report's day: a later change may not be in the articles
    when = f", as of {max(s.day for s in by_name[lead])}" if slot.current else ""
    kind = _ASKED_KIND.match(question)
    if kind and re.search(r"[^s]s$", kind.group("kind")) and len(names) > 1:
        # "Which companies invested in Tide Works?" asks for all of them: each is named, with its own citation
        leading = names[:MAX_NAMED]
        text = f"**{joined(leading)}** — " + "; ".join(f"{n}: {cite(n)}" for n in leading)
    elif joint := [n for n in names[1:] if any(_joined(lead, n, s.window.text) for s in by_name[n])][: MAX_NAMED - 1]:
        # "Mara Lind and Theo Park wrote Tide Tales": the doers one sentence joins did it together, and lead together
        sentence = next(s.window.text for s in by_name[joint[0]] if _joined(lead, joint[0], s.window.text))
        leading = sorted([lead, *joint], key=lambda n: (sentence.find(n) < 0, sentence.find(n)))
        text = f"**{joined(leading)}**{when} — stated by {cite(lead)}"
    else:
        leading = [lead]
        text = f"**{lead}**{when or year(lead)} — stated by {cite(lead)}"
    others = names[len(leading) :][:2]
    if others:
        earlier = [f"{n}{year(n)} ({cite(n)})" for n in others]
        text += (". Earlier reports: " if slot.current else ". Also stated: ") + "; ".join(earlier)
    text += "."
    # a post is left; the maker or the founder of a thing stays one ("A later report may change this" would cite
    # something else)
    held = slot.title is not None and slot.title[0] not in _KEPT_FOR_GOOD
    change = left_post(lead, slot.title, max(s.day for s in by_name[lead]), hits) if held and slot.title else None
    if change is not None and slot.after_change:
        # asked for the new holder, the latest one named has left since: who followed is what no passage says
        return _no_successor_named(question, slot, by_name[lead], change, hits)
    if change is not None:  # news changes: a later report of the holder leaving is shown, not hidden
        n = cites.quote(change, lines)
        text += f" A later report may change this: {outlet_of(change)} [{n}]."
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


def _joined(a: str, b: str, sentence: str) -> bool:
    """The sentence names the two side by side, joined by "and" or a comma: "Mara Lind and Theo Park", "Theo Park,
    Mara Lind and Ada Brin"."""
    joint = r"\s*(?:,\s*|,?\s+(?:and|&)\s+)"
    x, y = re.escape(a), re.escape(b)
    return re.search(rf"(?<!\w){x}{joint}{y}(?!\w)|(?<!\w){y}{joint}{x}(?!\w)", sentence) is not None


# Words that say a holder is new to the post, or took it up
_NEW_HOLDER = re.compile(
    r"\b(?:new|newly|next|incoming|interim|acting|named|appointed|hired|elected|became|becomes|took\s+over|takes\s+over|"
    r"replac\w*|succeed\w*|successor|sworn\s+in|step(?:s|ped)?\s+in|tapped|installed|promoted)\b",
    re.I,
)


def _none_said_new(question: str, slot: Slot, held: Stated, hits: list[Hit]) -> Answer:
    """A refusal quoting the one holder named, whom no passage calls new: no part is asserted."""
    cites = Citations()
    post = slot.title[0] if slot.title else "holder"
    text = (
        f"{REFUSAL}: I could not confirm a new {post} from them. The only holder named, {held.name}, is not said to "
        f"be new: {outlet_of(held.window)}, {quoted(held.window.text, cites.cite(held.window))}"
    )
    return refused_answer(question, text, cites, hits, slot.asked)


def _no_successor_named(question: str, slot: Slot, held: list[Stated], left: Window, hits: list[Hit]) -> Answer:
    """A refusal naming the latest holder found and the report of their leaving, both quoted: no part is asserted."""
    holder = max(held, key=lambda s: s.day)
    cites = Citations()
    lines: list[str] = []
    first, then = cites.quote(holder.window, lines), cites.quote(left, lines)
    text = (
        f"{REFUSAL}: I could not confirm {slot.asked} from them. The latest holder the articles name, {holder.name} "
        f"({outlet_of(holder.window)}) [{first}], is reported leaving later ({outlet_of(left)}) [{then}]."
    )
    return Answer(
        question=question,
        text="\n".join([text, *lines]),
        refused=True,
        citations=cites.items,
        hits=hits,
        parts=[Part(slot.asked, "not_mentioned", [])],
    )


# "Is Mara Lind the chief executive of Globex?": a holder named, and the post as "who is" would ask it
# ("Is Mara Lind still CEO of Globex?": the same, asked of now)
_HOLDER_ASKED = re.compile(
    rf"^\W*(?i:is|was)\s+(?P<name>{NAME_PHRASE.pattern})\s+"
    r"(?P<still>(?i:still)\s+)?(?:(?P<post>(?i:the|an?)\s+[^?]+?)|(?(still)(?P<bare>[^?]+?)|(?!)))\s*\??\s*$"
)
# "Did Mara Lind become interim CEO of Globex?", "Was Mara Lind named (as) chief executive of Globex?": taking the
# post up, asked as a past event (a later holder does not make it No)
_TAKING_UP_ASKED = re.compile(
    rf"^\W*(?:(?i:did|has|had)\s+(?P<name>{NAME_PHRASE.pattern})\s+(?i:become|became|been\s+named|been\s+appointed)"
    rf"|(?i:was)\s+(?P<named>{NAME_PHRASE.pattern})\s+(?i:named|appointed|made|elected|hired))"
    r"\s+(?:as\s+)?(?:(?:the|an?)\s+)?(?P<post>[^?]+?)\s*\??\s*$"
)


@dataclass
class Holder:
    """ "Is Mara Lind the chief executive of Globex?": the name, and the post as "who is ...?" asks it."""

    name: str
    who: str  # "Who is the chief executive of Globex?"
    slot: Slot
    now: bool  # "is" (a later holder makes it No), not "was"
    still: bool = False  # "is ... still ...": asks whether it changed, so a later report of leaving leaves it open


def read_holder(question: str) -> Holder | None:
    """The holder check "Is <name> the <post> of <organisation>?" (or "Did <name> become <post> of ...?") asks, else
    None."""
    m = _HOLDER_ASKED.match(question.strip())
    if m is not None:
        post = m.group("post") or f"the {m.group('bare')}"  # "Is Mara Lind still CEO of Globex?"
        name, who, now = m.group("name"), f"Who is {post}?", question.strip().lower().startswith("is")
        still = bool(m.group("still"))
    elif (m := _TAKING_UP_ASKED.match(question.strip())) is not None:
        name, who, now = m.group("name") or m.group("named"), f"Who is the {m.group('post')}?", False
        still = False
    else:
        return None
    slot = read_slot(who)
    if slot is None or slot.title is None:
        return None
    return Holder(name, who, slot, now, still)


def compose_holder(question: str, holder: Holder, hits: list[Hit]) -> Answer | None:
    """**Yes**, as of the latest report naming the asked holder in the post; asked "is", **No** when a later report
    names another holder, the asked one shown as earlier; None when no passage names the asked one in the post (the
    question's own parts then judge it)."""
    found = stated(holder.who, holder.slot, hits)
    surname = holder.name.split()[-1]
    asked = [s for s in found if s.name.split()[-1] == surname]
    cites = Citations()
    lines: list[str] = []
    parts: list[Part] = []

    def cite(s: Stated) -> str:
        return f"{outlet_of(s.window)} [{cites.supporting(s.window, s.claim, lines, parts)}]"

    if not asked:
        if not found or not holder.now:
            return None
        # "Is Theo Park the CEO of Globex?" where the reports name only Mara Lind in the post: not a No (a post may
        # have two holders), but what the reader needs to see
        other = max(found, key=lambda s: s.day)
        post = holder.who.removeprefix("Who is ").rstrip("?")
        parts.append(Part(f"{holder.name} is {post}", "not_mentioned", []))
        text = (
            f"{UNSETTLED}: I could not confirm {holder.name} as {post}; the latest report naming one, as of {other.day}, "
            f"names {other.name}: {cite(other)}."
        )
        return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)
    latest_asked = max(asked, key=lambda s: s.day)
    others = [s for s in found if s.name.split()[-1] != surname and s.day > latest_asked.day] if holder.now else []

    if others:
        later = max(others, key=lambda s: s.day)
        text = (
            f"**No**, as of {later.day}: {cite(later)} names {later.name}; {latest_asked.name} was named earlier: "
            f"{cite(latest_asked)}."
        )
    else:
        text = f"**Yes**, as of {latest_asked.day} — stated by {cite(latest_asked)}."
        title = holder.slot.title
        change = left_post(latest_asked.name, title, latest_asked.day, hits) if title and holder.now else None
        if change is not None and holder.still:
            # asked whether it still holds, a later report of leaving is the answer's whole point: not a Yes
            text = (
                f"{UNSETTLED}: {cite(latest_asked)} names {latest_asked.name} as of {latest_asked.day}, but a later "
                f"report says otherwise or may: {outlet_of(change)} [{cites.quote(change, lines)}]."
            )
        elif change is not None:
            text += f" A later report may change this: {outlet_of(change)} [{cites.quote(change, lines)}]."
    return Answer(question=question, text="\n".join([text, *lines]), citations=cites.items, hits=hits, parts=parts)


# Words of leaving a post, after the toolkit's event words ("stepping down" -> "resign", "ousted" -> "fire").
# ("former" only of the holder: "former Globex CEO Mara Lind", not "Former Tide CEO, Theo Park (L) and Lind")
_LEAVING = re.compile(r"\b(?:resign\w*|fire[ds]?|firing|successor|replac\w+|new|leav\w+|left|depart\w*|quit)\b", re.I)


def left_post(name: str, title: tuple[str, str], since: str, hits: list[Hit]) -> Window | None:
    """The latest sentence reported after `since` that names the holder (by surname), the post's organisation and a
    word of leaving it ("Mara Lind, the chief executive of Globex, is stepping down", "... its new chief executive"),
    or None."""
    surname, org = name.split()[-1], title[1]
    found: Window | None = None
    for hit in hits:
        if hit.article.published_at <= since:
            continue
        text = hit.article.text
        for s, e in split_sentences(text, hit.chunk.start, hit.chunk.end):
            sentence = text[s:e]
            if (
                re.search(standalone(surname), sentence)
                and named(org, sentence, text)
                and (
                    _LEAVING.search(same_event_words(sentence))
                    or re.search(rf"(?i:\bformer)\s+(?:(?!\band\b)[^;()]){{0,40}}?{standalone(surname)}", sentence)
                    or any(re.search(rf"\bnew\s+{re.escape(form)}\b", sentence, re.I) for form in post_forms(title[0]))
                )
                and (found is None or hit.article.published_at > found.hit.article.published_at)
            ):
                found = Window(hit, s, e)
    return found


# A refusal quotes the closest sentence when it holds this share of the question's words (names weigh more): close
# enough that a reader can judge it ("Rovers 19-27 Mariners" to "Who beat the Rovers?"), which the answer does not.
CLOSEST_QUOTED_AT = 0.6


def closest(slot: Slot, hits: list[Hit]) -> tuple[list[Hit], Window | None]:
    """The passages whose best sentence holds most of the question's words first, and that sentence when it is
    close enough to quote: a refusal shows what the articles do say, so a reader can judge it."""
    claim = slot.claim("")
    best: dict[int, tuple[float, Window | None]] = {}
    for hit in hits:
        text = hit.article.text
        spans = split_sentences(text, hit.chunk.start, hit.chunk.end)
        scored = [(coverage(claim, text[s:e]), Window(hit, s, e)) for s, e in spans]
        best[id(hit)] = max(scored, key=lambda x: x[0], default=(0.0, None))
    ordered = sorted(hits, key=lambda h: best[id(h)][0], reverse=True)
    if not ordered:
        return ordered, None
    score, window = best[id(ordered[0])]
    return ordered, window if score >= CLOSEST_QUOTED_AT else None
