"""Read what a question asks for: its shape (yes/no, comparison, order in time, entity, quote, open), the outlets it
names (from the index's own source list), the dates it states, and the clauses that are its parts.

Only general English question forms are read here; outlets come from `store.sources()`, never from a list in code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rag.answer.names import a_competition, initials, names_in
from rag.answer.verdicts import ABOUT
from rag.core.text import (
    AUXILIARY_WORDS,
    CALENDAR_NAMES,
    MOMENT,
    MONTH_NAME,
    MONTHS,
    NAME_PHRASE,
    ROLE_PATTERN,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    claim_as_written,
    plain_of_gerund,
)
from rag.extractive import WHO_IS_NAMED, speech_parts
from rag.query import (
    FULL_DATE,
    compact_mentions,
    compact_name,
    mentioned_days,
    mentioned_sources,
    outlet_short_name,
    short_name_at,
)
from rag.verify.lexical import analyse, hedged_words, negated_words

SHAPES = ("yesno", "comparison", "order", "entity", "quote", "open")

_AUXILIARY = re.compile(
    r"^\s*(?:(?:so|and|but|then|now|also)\s*,?\s+)?(do|does|did|is|are|was|were|has|have|had|can|could|"
    r"would|will|should|shall|might|may)\b",
    re.I,
)


# "Didn't Mara Lind resign?" asks whether she resigned, as "Did Mara Lind resign?" does: a yes is a yes to both
_NEGATIVE_AUXILIARY = re.compile(
    r"^(\s*(?:(?:so|and|but|then)\s*,?\s+)?)(do|does|did|is|are|was|were|has|have|had|could|would|should|wo|ca)n[’']t\b",
    re.I,
)


def affirmative(question: str) -> str:
    """The question with an opening negative auxiliary made positive ("Didn't Mara Lind resign?" -> "Did Mara Lind
    resign?", "Won't ..." -> "Will ..."); any other question as it is."""
    full = {"wo": "will", "ca": "can", "Wo": "Will", "Ca": "Can", "WO": "WILL", "CA": "CAN"}
    return _NEGATIVE_AUXILIARY.sub(lambda m: m.group(1) + full.get(m.group(2), m.group(2)), question, count=1)


# "Was it Mara Lind who said '...'?", "Is Mara Lind the one who called it '...'?": whether she said it
_WHO_SAID = (
    re.compile(
        r"^\s*(?:was|is)\s+it\s+(?P<who>\S.*?)\s+who\s+(?P<verb>said|told|called|wrote)\b(?P<rest>.*)$", re.I | re.S
    ),
    re.compile(
        r"^\s*(?:was|is)\s+(?P<who>\S.*?)\s+the\s+(?:one|person|man|woman)\s+who\s+(?P<verb>said|told|called|wrote)\b"
        r"(?P<rest>.*)$",
        re.I | re.S,
    ),
)
_SPEECH_BASE = {"said": "say", "told": "tell", "called": "call", "wrote": "write"}


def speaker_asked(question: str) -> str:
    """The question "Was it Mara Lind who said X?" (or "Is Mara Lind the one who said X?") asked as "Did Mara Lind
    say X?"; any other question as it is."""
    for pattern in _WHO_SAID:
        m = pattern.match(question)
        if m is not None:
            return f"Did {m['who']} {_SPEECH_BASE[m['verb'].lower()]}{m['rest']}"
    return question


# What a reader types around a question that asks nothing: "wait, did ...?", "ok so did ...?", "did Globex really cut
# prices?? thought it was a typo lol"
_CHATTY_OPENING = re.compile(
    r"^\s*(?:(?:wait|ok(?:ay)?|hey|hi|hello|hmm+|um+|uh+|honestly|lol|btw|quick\s+(?:question|one|q)|random\s+question|"
    r"just\s+wondering|curious)\b[\s,:;!.…-]*)+",
    re.I,
)
# "whos the CEO", "whats the name": "who's", "what's" typed without the apostrophe
_UNMARKED_IS = re.compile(r"^\s*(who|what|where)s\b", re.I)
# "wasnt", "didnt": a denial typed without its apostrophe, which must still read as one
_UNMARKED_NOT = re.compile(
    r"\b(did|does|do|is|was|were|are|has|have|had|could|should|would|must)nt\b|\b(ca|wo)nt\b", re.I
)
# "... in the first round thanks!": thanks after a question typed without its question mark
_THANKS_AT_END = re.compile(r"[\s,.;:!-]+(?:thanks|thank\s+you|thx|ty|cheers|pls|please)[\s!.]*$", re.I)
# "can you tell me who scored?", "do you know which club ...": the question the reader asks to be told
_TELL_ME = re.compile(
    r"^\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell\s+me|say|find\s+out|check)|(?:do|does)\s+(?:you|anyone)\s+"
    r"know|(?:please\s+)?tell\s+me)\s+(?=(?:who|which|when|where)\b)",
    re.I,
)
# "I read that Globex cut prices — is that true?": where the reader heard it is no part of the claim
_HEARSAY = re.compile(
    r"^\s*(?:i\s+(?:read|heard|saw|was\s+told)|i(?:'|’)ve\s+(?:read|heard|seen)|someone\s+(?:said|told\s+me))"
    r"\s+(?:somewhere\s+|online\s+)?(?:that\s+)?(?=\S[^?]*\?)",
    re.I,
)
_ASIDE = re.compile(r"\s+\((?:[^()\s]+\s+){2,}[^()\s]+\)")
# "Did Tech Wire or any other outlet report that Globex ...?", "Has any outlet reported whether ...?": whether it is so,
# in whichever article says it
_ANY_OUTLET_REPORTED = re.compile(
    r"^\s*(?:did|does|has|have)\s+(?:(?:the\s+)?[A-Z][^?,]*?\s+or\s+)?(?:any|another)\s+(?:other\s+)?"
    r"(?:outlet|source|publication|paper|site|article|report)s?\s+(?:report|say|said|mention|write|wrote|note|state)\w*\s+"
    r"(?:that|whether)\s+(?=\S)",
    re.I,
)
# "Did Tech Wire report whether Globex won?": whether its report says Globex won (not that it took up the question)
_REPORTED_WHETHER = re.compile(
    r"\b(?P<verb>report(?:s|ed)?|sa(?:y|ys|id)|wr(?:ite|ites|ote)|state[sd]?)\s+whether\b", re.I
)
# (a name of three words or more with "of" or "&" in it; capitalised words run together may be two names or more)
_NAME_ALONE = re.compile(rf"\s+\((?=[^()]*\s(?:of|&)\s)(?:{NAME_PHRASE.pattern})\)")
_NEGATING_ASIDE = re.compile(r"\b(?:not|no|never|nor|except|but|only)\b", re.I)
_EMPHASIS = re.compile(
    # ... and the verbs that only say the deed after them was done: "did Globex manage to sell" asks whether it sold
    r"\s+(?:really|actually|basically|truly|seriously|ultimately|eventually|already|manage\s+to|go\s+on\s+to)\b(?=\s)",
    re.I,
)
# "Does Bay News mention the deal as well?": whether it mentions the deal
_ALSO_AT_END = re.compile(r",?\s+(?:as\s+well|too|also)(?=\s*\?*\s*$)", re.I)
# "did Globex end up selling", "go through with selling": whether it sold
_ENDED_UP = re.compile(r"\s+(?:end\s+up|go\s+through\s+with)\s+(?P<doing>[a-z]+ing)\b", re.I)
_MARKS = re.compile(r"\?[?!]+|!+\?[?!]*")
# "... ? Tech Wire had a piece on it": where the reader saw it, which asks nothing
_WHERE_READ = re.compile(
    r"^(?:[\w'’.&-]+\s+){1,4}(?:had|ran|did|wrote|published)\s+(?:a|an|the)\s+(?:piece|story|article|report|write-?up)"
    r"(?:\s+(?:on|about)\s+(?:it|this|that))?[\s.!]*$",
    re.I,
)
_ASKED_THEN_CHAT = re.compile(rf"^(?P<ask>\s*(?:{AUXILIARY_WORDS})\b[^?\"“”]*\?)\s+(?P<chat>[^?]+)$", re.I)


def plainly_asked(question: str) -> str:
    """The question without the words a reader types around it that ask nothing: an opening "wait" or "ok", an
    emphasis ("did Globex really cut prices" asks whether Globex cut prices), "??", a describing aside in brackets,
    and a remark naming nothing after a yes/no question ("... thought it was a typo"); any other question as it is.
    Quoted words are left as written."""
    plain = _TELL_ME.sub("", _HEARSAY.sub("", _CHATTY_OPENING.sub("", question)))
    plain = _REPORTED_WHETHER.sub(lambda m: f"{m['verb']} that", _ANY_OUTLET_REPORTED.sub("Is it true that ", plain))
    ended = _ENDED_AFTER_REPORT.match(plain)
    # (before "end up" is read as the deed alone, below; "did they end up winning it?" points back into the report)
    if ended is not None and not re.search(r"\b(?:it|that|this|them|these|those)\b", ended["ask"], re.I):
        plain = f"{ended['ask'][0].upper()}{ended['ask'][1:]}?"
    plain = _UNMARKED_IS.sub(lambda m: f"{m[1]} is", plain)
    plain = _UNMARKED_NOT.sub(lambda m: f"{m[1] or m[2]}n't", _THANKS_AT_END.sub("", plain))
    plain = _REPORT_FRAME.sub(lambda m: f"According to {m['outlet']}, ", plain, count=1)
    said_after = _SAID_BY_AFTER.match(plain)
    if said_after is not None:  # "Did Globex win, per Tech Wire?" is "According to Tech Wire, did Globex win?"
        ask = said_after["ask"]
        plain = f"According to {said_after['outlet'] or said_after['outlet2']}, {ask[0].lower()}{ask[1:]}?"
    # an aside that describes ("Tide (the social app once called Wave)") asks nothing; one that excludes ("(but not
    # by Tech Wire)") does, and so does a name with "of" alone, after the question ("Did they cut prices? (Bank of
    # Ostland)", the subject a chat's earlier turns gave it)
    plain = _ASIDE.sub(
        lambda m: m.group(0) if _NEGATING_ASIDE.search(m.group(0)) or _NAME_ALONE.fullmatch(m.group(0)) else "", plain
    )
    plain = _MARKS.sub("?", plain)
    m = _ASKED_THEN_CHAT.match(plain)
    # (a remark naming something, "... Tech Wire said so", or a "like what ..." after a why, may tell what is asked)
    if m is not None and (not re.search(r"\d|\s[A-Z]", " " + m["chat"][1:]) or _WHERE_READ.match(m["chat"])):
        plain = m["ask"]
    if not re.search(r"[\"“”]", plain):
        plain = _ALSO_AT_END.sub("", _EMPHASIS.sub("", plain))
        plain = _ENDED_UP.sub(lambda m: " " + (plain_of_gerund(m["doing"].lower()) or m["doing"]), plain)
    plain = plain.strip()
    return plain[:1].upper() + plain[1:] if plain and plain != question.strip() else question


# "..., per Tech Wire?", "..., as Tech Wire reported?": who says it, after a yes/no question
_SAID_BY_AFTER = re.compile(
    rf"^(?P<ask>\s*(?i:{AUXILIARY_WORDS})\s[^?]+?),\s+(?:(?i:per|according\s+to)\s+(?P<outlet>[A-Z][^,?]*?)|"
    r"(?i:as)\s+(?P<outlet2>[A-Z][^,?]*?)\s+(?i:reported|said|wrote|noted|put\s+it))\s*\?\s*$"
)


# "Was it Mara Lind who resigned first?", "Was Globex the company that bought Tide Works?": whether she (it) did
_CLEFT = (
    re.compile(r"^\s*(?i:was|is)(?:n['’]t)?\s+it\s+(?P<who>[A-Z][^?,]*?)\s+(?:who|that)\s+(?P<rest>[^?]+?)\s*\?*\s*$"),
    re.compile(
        r"^\s*(?i:was|is|were|are)\s+(?P<who>[A-Z][^?,]*?)\s+the\s+(?:one|party|company|firm|team|side|club|person|man|"
        r"woman|player|group)\s+(?:who|that|which)\s+(?P<rest>[^?]+?)\s*\?*\s*$"
    ),
)


def cleft_asked(question: str) -> str:
    """ "Was it Mara Lind who resigned?" asked as "Is it true that Mara Lind resigned?"; any other question as it
    is."""
    for pattern in _CLEFT:
        m = pattern.match(question)
        if m is not None and names_in(m["who"]):
            # "Was it Globex that Lind said had cut prices?": Lind said that Globex had
            said = _SAID_OF_IT.match(m["rest"])
            if said is not None:
                return f"Is it true that {said['speaker']} {said['verb']} {m['who']} {said['rest']}?"
            return f"Is it true that {m['who']} {m['rest']}?"
    return question


# the rest of a cleft whose "who" is what someone said did it: "that Mara Lind said had cut prices"
_SAID_OF_IT = re.compile(
    r"^(?P<speaker>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*|he|she|they)\s+(?P<verb>said|says|claimed|claims|told\s+\w+|"
    r"believed|believes|thought|thinks)\s+(?P<rest>(?:had|has|have|was|were|is|are|would|will|did|could)(?:n['’]t)?\b.*)$",
    re.S,
)


# "True or false: Globex cut prices." and "Globex cut prices, true or false?" ask whether it is so, as "Is it true that
# Globex cut prices?" does; a question after the frame ("True or false: did Globex cut prices?") is asked as it is.
_TRUTH_FRAME = (
    r"(?:true\s+or\s+false|false\s+or\s+true|fact[\s-]?check|is\s+(?:it|this|that)\s+(?:true|right|correct|confirmed|"
    r"accurate)|is\s+(?:that|this)\s+what\s+(?:they|it|he|she)\s+(?:said|says|reported|wrote))"
)
_RIGHT = r"(?:true|right|correct|accurate)"
# after what two outlets say: "..., and Bay News says Y — are both of those accurate?", "Is that right on both
# counts?", "Do both outlets say that?", "Are both figures what those outlets report?"
_BOTH_FRAME = (
    rf"(?:is\s+(?:it|this|that)\s+{_RIGHT}(?:\s+(?:on|for)\s+both\s+(?:counts|points|sides))?"
    rf"|are\s+(?:they|these|those)\s+both\s+{_RIGHT}|are\s+both(?:\s+of\s+(?:them|those|these))?\s+{_RIGHT}"
    rf"|are\s+both\s+(?:claims|accounts|statements|figures|numbers|reports)\s+{_RIGHT}"
    rf"|is\s+each(?:\s+of\s+(?:them|those|these))?\s+{_RIGHT}|are\s+(?:those|these)(?:\s+two)?\s+(?:claims\s+)?{_RIGHT}"
    r"|are\s+both\s+(?:\w+\s+){0,2}what\s+(?:those|the|these|both|the\s+two)\s+(?:outlets|reports|sources|articles)\s+"
    r"(?:report|say)|(?:do|did)\s+both\s+(?:outlets|reports|sources|articles|of\s+them)\s+(?:say|report)\s+(?:that|so|this)"
    r"|is\s+(?:that|this)\s+what\s+(?:the\s+two|both|those|these|the)\s+(?:\w+\s+)?(?:outlets|reports|sources|articles)\s+"
    rf"(?:say|report)|are\s+(?:both|they)\s+{_RIGHT}\s+(?:per|according\s+to)\s+(?:those|these|the|both)\s+"
    r"(?:outlets|reports|sources|articles))"
)
_TRUTH_FRAME_ONLY = re.compile(
    r"^\s*is\s+it\s+(?:really\s+)?(?:true|the\s+case|correct|right)(?:\s+that)?[\s,:]*$", re.I
)
_FRAME_FIRST = re.compile(rf"^\s*{_TRUTH_FRAME}\s*[:,?.!–—-]+\s*(?P<claim>\S.*?)[\s?.!]*$", re.I | re.S)
_FRAME_LAST = re.compile(
    rf"^\s*(?P<claim>\S.*?)\s*(?:[,:;–—-]+\s*(?:{_TRUTH_FRAME}|{_BOTH_FRAME})|[.]\s*{_BOTH_FRAME})\s*[?.!]*\s*$",
    re.I | re.S,
)


# A statement a reader asks to have confirmed: "Globex cut prices, right?", "..., didn't it?", "So Globex cut
# prices?", "Any truth to the claim that Globex cut prices?", "Lind told Tech Wire she would resign — did she really
# say that?"
_TAG = (
    r"(?:right|correct|true|yes|no|eh|(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|wo|ca)"
    r"n[’']?t\s+(?:it|he|she|they|there|that|this|we|you|i)|(?:is|are|was|were|do|does|did|has|have|had|can|could|"
    r"will|would|should)\s+(?:it|he|she|they|there|that|this))"
)
# typed without its comma ("Globex cut prices right?") or its question mark ("... haven't they"): a denied tag is a tag
# wherever it stands, "right" only before a question mark
_BARE_TAG = (
    r"(?:(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|wo|ca)n[’']?t\s+"
    r"(?:it|he|she|they|there|that|this|we|you|i)\s*\?*|(?:(?:is\s+)?(?:that|this)\s+)?(?:right|correct)\s*\?+)"
)
_TAGGED = re.compile(
    rf"^\s*(?P<claim>[^?]*?[^\s,;:–—-])\s*(?:(?:,\s*{_TAG}|[,;:–—-]+\s*(?:did|does|do)\s+(?:he|she|they|it)\s+"
    rf"(?:really\s+|actually\s+)?(?:say|write|tell\s+\w+)\s+(?:that|so|this|it))\s*\?+|[\s,;:–—-]\s*(?P<bare>{_BARE_TAG}))\s*$",
    re.I | re.S,
)
# a last sentence that opens with an auxiliary: "... Are both claims correct?" asks of itself
_ASKED_OF_ITSELF = re.compile(rf"(?:^|[.?!]\s+)(?:{AUXILIARY_WORDS})\b[^.?!]*$", re.I)
# "can you tell me whether Globex cut prices", "do you know if ...", "I wonder whether ...": the claim to be checked
_WHETHER = re.compile(
    r"^\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?(?:tell\s+me|say|find\s+out|check|confirm)|(?:do|does)\s+"
    r"(?:you|anyone)\s+know|i\s+(?:wonder|was\s+wondering|am\s+wondering)|i['’]m\s+wondering|(?:please\s+)?"
    r"(?:tell\s+me|check|confirm))\s+(?:whether|if)\s+(?P<claim>\S[^?]*?)\s*[?.!]*\s*$",
    re.I | re.S,
)
_CONFIRM_OPENER = re.compile(
    r"^\s*(?:(?:is\s+there\s+)?any\s+truth\s+(?:to|in)\s+(?:(?:the\s+)?(?:claim|report|reports|idea|rumou?r|rumou?rs|"
    r"story|notion|suggestion)\s+)?(?:that\s+)?|so\s*,?\s+)(?P<claim>\S[^?]*?)\s*\?+\s*$",
    re.I | re.S,
)
_SECOND_ASK = re.compile(rf"(?:[,;:–—-]|\s-)\s*(?:{AUXILIARY_WORDS})\s", re.I)
_ASKS_ITSELF = re.compile(rf"^\s*(?:{AUXILIARY_WORDS}|who|whom|whose|what|which|when|where|why|how)\b", re.I)


def statement_asked(question: str) -> str:
    """A statement framed as true-or-false, or asked to be confirmed, asked as a yes/no question ("True or false:
    Globex cut prices." and "Globex cut prices, right?" -> "Is it true that Globex cut prices?"); any other question
    as it is."""
    m = _FRAME_FIRST.match(question) or _FRAME_LAST.match(question)
    if m is None:
        m = _TAGGED.match(question) or _CONFIRM_OPENER.match(question) or _WHETHER.match(question)
        if m is not None and _SECOND_ASK.search(m["claim"]):
            return question  # "so after the firing, does the board ...?": a question after an opening, not a statement
        # "Did the bus turn right?", "X. Are both claims correct?": the last word of a question of its own, no tag
        if (
            m is not None
            and m.re is _TAGGED
            and m["bare"]
            and (_ASKS_ITSELF.match(m["claim"]) or _ASKED_OF_ITSELF.search(m["claim"]))
        ):
            return question
        # ("So did Globex cut prices?" is a question of its own; "Did Globex cut prices, right?" too)
        if m is not None and _ASKS_ITSELF.match(m["claim"]):
            return m["claim"][:1].upper() + m["claim"][1:].rstrip("?.! ") + "?"
    if not m:
        return question
    claim = m["claim"].strip(" ,;:")
    if not claim:  # "True or false: ,": nothing stated to ask about
        return question
    if _AUXILIARY.match(claim) or re.match(r"(?:who|whom|whose|what|which|when|where|why|how)\b", claim, re.I):
        return claim.rstrip("?.! ") + "?"
    return f"Is it true that {claim[0].lower() + claim[1:] if _sentence_case(claim) else claim}?"


# "Tech Wire said Mara Lind would resign; did the Bay News report that she did?" (or ". Did ..."): what one outlet
# said leads to the question, which is asked of the other
_PREMISE_THEN_QUESTION = re.compile(
    rf"^\s*(?P<premise>[^?;—–]{{12,}}?)\s*(?:[;—–]\s*|\.\s+(?=(?-i:[A-Z])))"
    # (or what "he" or "she" said: "Mara Lind met the board — what did she say about the merger")
    rf"(?P<question>(?:(?:{AUXILIARY_WORDS})\s[^?;—–]+\?|what\s+(?:did|does|has|had)\s+(?:he|she)\s+(?:say|tell|write)\b"
    r"[^?;—–]*(?:\?|(?<=\w))))\s*$",
    re.I | re.S,
)
# "the Rovers' top scorer", "Globex's chief executive": a side's or a company's person, after its name
_OF_ITS_PEOPLE = rf"['’]s?\s+(?:[a-z]+\s+)?(?:{ROLE_PATTERN}|scorer|star|signing)\b"
# the person a statement named, as the question after it points back to them ("she", "him", "his" rally); "her" may be
# either "him" or "his", and is left as it is
_PERSON_POINTER = re.compile(r"\b(?:he|she|him|(?P<owner>his))\b", re.I)


# "...; is that so?", "... — are both right?": a question about the statement before it, which asks nothing alone
# ("... — do the two outlets contradict each other?" too)
_ABOUT_WHAT_WAS_SAID = re.compile(
    rf"^(?:{AUXILIARY_WORDS})\s+(?:that|this|both|they|it|those|these|the\s+two|the\s+(?:outlets|reports)\b)\b", re.I
)


_DESCRIBING = re.compile(r"\b(?:describ|portray|call|report|say|said|list|characteri|depict|present)\w*", re.I)


def question_after_premise(question: str, outlets: Sequence[str] = ()) -> str:
    """The question a statement leads to, standing alone: its "he" or "she" the person the statement names first, not
    an outlet ("Tech Wire said Mara Lind would resign; did the Bay News report that she did?" -> "Did the Bay News
    report that Mara Lind did?"); any other question as it is."""
    m = _PREMISE_THEN_QUESTION.match(question)
    if m is None or _ABOUT_WHAT_WAS_SAID.match(m["question"]):
        return question
    asked = m["question"][0].upper() + m["question"][1:].rstrip("?") + "?"
    # (a competition is no "he", nor a side whose player the statement names: "Jon Vale was the Rovers' top scorer")
    named = [n for n in names_in(m["premise"]) if not any(n in o or o in n for o in outlets) and not a_competition(n)]
    not_owners = [n for n in named if not re.search(re.escape(n) + _OF_ITS_PEOPLE, m["premise"])] or named
    # a full name first; else a surname said alone ("Lind", "Vale-Moen"): a "he" left standing would be anyone's deed
    people = [n for n in not_owners if len(n.split()) >= 2] or not_owners
    pointer = _PERSON_POINTER.search(asked)
    if named and pointer is None and points_at_no_one(claim_words(asked, list(outlets))):
        # "Bay News called the Rovers' win 4-1 — did Tech Wire describe it as a 3-1 win?": what "it" is about, the
        # statement names first; the name goes with the question, as a chat's names go with its follow-up
        return f"{asked} ({named[0]})"
    if not people or pointer is None:
        return asked
    # "does Bay News report that Lind won his fight?": a name the pronoun's own clause says is the one it points back
    # to; one that only names the report ("its piece on the Rovers' rally still describe him as ...") is not
    # (the auxiliary that opens the question is no name: "Was he convicted?")
    opening = asked[: pointer.start()]
    opening = opening[:1].lower() + opening[1:]
    before = [n for n in names_in(opening) if not any(n.lower() in o.lower() for o in outlets)]
    # (a name read across a line break or a double space is not written as read: taken as right before the pronoun)
    at = asked.rfind(before[-1], 0, pointer.start()) if before else -1
    if before and not _DESCRIBING.search(asked, at if at >= 0 else pointer.start(), pointer.start()):
        return asked
    said = people[0] + ("'s" if pointer["owner"] else "")
    return asked[: pointer.start()] + said + asked[pointer.end() :]


# "Tech Wire says Globex cut prices. Does Bay News report that too?", "... — does Bay News say the same?": the claim
# one outlet makes, asked of another; "Does Bay News contradict that?" asks whether the other denies it
_ANOTHER_OUTLET_TOO = re.compile(
    r"^\s*(?P<first>[^.;—–?]+?)\s+(?:says?|said|reports?|reported|writes?|wrote|claims?|claimed)\s+(?:that\s+)?"
    r"(?P<claim>[^;—–?]{8,}?)\s*(?:[;—–]+\s*|\.\s+)(?:do|does|did)\s+(?P<second>[^?]+?)(?:['’]s?(?:\s+[\w-]+){1,3}?)?\s+"
    r"(?P<verb>report|say|mention|confirm|carry|give|agree|contradict|dispute|deny)\w*"
    r"(?:\s+(?:that|this|it|so|the\s+same(?:\s+(?:thing|figure|number|amount|sum|total|claim|point|year|date|day|"
    r"price|score|result|count))?|that\s+(?:figure|number|amount|claim|detail)))?"
    r"(?:\s+(?:too|as\s+well|also))?\s*\?*\s*$",
    re.I | re.S,
)


# "Tech Wire and Bay News both covered the sale — do they both say Globex paid $40 million?": the two outlets the
# statement names, asked whether each says it
_BOTH_THEN_ASKED = re.compile(
    r"^\s*(?P<first>[^?]+?)\s*(?:[;—–]+\s*|\.\s+|,\s+(?:so\s+)?)(?:do|did|does)\s+(?:they|both)(?:\s+both)?\s+"
    r"(?:(?:say|report|mention|write|note|state)s?\s+(?:that\s+)?|agree\s+that\s+)"
    # (a claim of its own: not "it takes ...", whose "it" is the statement's topic)
    r"(?!(?:it|they|this|that|these|those|he|she)\b)(?P<claim>[^?]{8,}?)\s*\?*\s*$",
    re.I | re.S,
)


def asked_of_another_outlet(question: str, outlets: Sequence[str]) -> str:
    """What one outlet says, asked of another, as the question of both: "Tech Wire says Globex cut prices. Does Bay
    News report that too?" -> "Do both Tech Wire and Bay News report that Globex cut prices?"; "... Does Bay News
    contradict that?" -> "Does Bay News contradict Tech Wire's report that Globex cut prices?". Any other question
    as it is."""
    both = _BOTH_THEN_ASKED.match(question)
    named = named_sources(both["first"], list(outlets)) if both is not None else []
    if both is not None and len(named) == 2:
        one, other = (outlet_short_name(n) for n in named)
        return f"Do both {one} and {other} report that {both['claim'].strip(' ,')}?"
    m = _ANOTHER_OUTLET_TOO.match(question)
    if m is None:
        return question
    first, second = named_sources(m["first"], list(outlets)), named_sources(m["second"], list(outlets))
    if len(first) != 1 or len(second) != 1 or first == second:
        return question
    claim = m["claim"].strip(" ,")
    # (as people name them: "Coast Times", not the index's "Coast Times | Harbour News Leader")
    said_first, said_second = outlet_short_name(first[0]), outlet_short_name(second[0])
    if m["verb"].lower() in ("contradict", "dispute", "deny"):
        return f"Does {said_second} contradict {said_first}'s report that {claim}?"
    return f"Do both {said_first} and {said_second} report that {claim}?"


# "Which came first: Tech Wire's report on X, or Bay News' piece on Y?", "Between A and B, which appeared later?":
# which of two reports was published first (or later) is asked as whether the first was published before the other
_PUBLISHED = r"(?:came(?:\s+out)?|was\s+(?:published|posted|released|reported)|appeared|went\s+out|ran)"
_WHICH_ONE = rf"which(?:\s+(?:one|report|piece|article|story))?\s+{_PUBLISHED}\s+(?P<when>first|earlier|later|last)"
_WHICH_FIRST = re.compile(
    rf"^\s*(?:[^,:?]{{0,60}},\s*)?{_WHICH_ONE}\s*[:,]?\s+(?P<a>[^?]+?),?\s+or\s+(?P<b>[^?]+?)\s*\?\s*$"
    rf"|^\s*(?:between|of)\s+(?P<a2>[^?]+?)\s+and\s+(?P<b2>[^?]+?),\s*{_WHICH_ONE.replace('when', 'when2')}\s*\?\s*$",
    re.I | re.S,
)


# The nouns news calls its reports by: one list for every reading of "<outlet>'s <report>"
REPORT_NOUN = (
    r"(?:reports?|article|piece|story|column|review|account|preview|interview|post|newsletter|coverage|read|feature|"
    r"analysis|guide|recap|profile|item|op-ed|editorial|update|tracker|write-up|roundup|explainer|primer)"
)
_A_REPORT = re.compile(rf"\b{REPORT_NOUN}\b", re.I)
# "In Tech Wire's Sunday roundup, did ...?", "Tech Wire's tariff piece: did ...?": the report frames the question
_REPORT_FRAME = re.compile(
    rf"^\s*(?i:in\s+)?(?P<outlet>(?:(?i:the)\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,4}})['’]s?\s+"
    # (its topic after it says which report, and asks nothing: "In Tech Wire's story on the strike, did ...?")
    rf"(?:[\w-]+\s+){{0,4}}?(?i:{REPORT_NOUN})(?:\s+(?i:on|about|of)\s+[^,?:;]{{3,60}}?)?\s*[,:]\s+"
    rf"(?=(?i:{AUXILIARY_WORDS})\b)"
)


# "In the Tech Wire profile, did ...?": an outlet's name before the report's noun, with no "'s"
_NAMED_REPORT_FRAME = re.compile(
    rf"^\s*(?i:in\s+the\s+)(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){{0,4}})\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?i:{REPORT_NOUN})(?:\s+(?i:on|about|of)\s+[^,?:;]{{3,60}}?)?\s*[,:]\s+(?=(?i:{AUXILIARY_WORDS})\b)"
)


# "What does Tech Wire say about X?", "What did Tech Wire's Globex explainer report on X?": what an outlet's own
# articles say on X. An outlet is no speaker its passages name: its text is its words.
_OUTLET_SAYS = re.compile(
    r"^\W*(?:(?:and|so|but)\s+)?(?:what\s+(?:(?:did|does|do|has|have)\s+(?P<who>[^?]+?)\s+(?:say|said|report|reported|"
    r"write|written|wrote|note|noted|tell|told|argue|argued|claim|claimed)s?|(?:was|is)\s+(?P<whose>[^?]+?)['’]s?\s+"
    r"(?:take|view|verdict|stance|position|angle))\s+(?:(?:about|on|regarding|of)\s+|(?=(?:is|are|was|were)\s))"
    # "How does Tech Wire describe the strike?"
    r"|how\s+(?:did|does|do)\s+(?P<describer>[^?]+?)\s+(?:describe|characteri[sz]e|portray|explain|cover|see|view)\s+)"
    r"(?P<topic>[^?]+?)\W*$",
    re.I,
)


def outlet_topic_asked(question: str, outlets: Sequence[str]) -> str:
    """What an outlet is asked to have said, with what its report is described by ("What did Tech Wire's Globex
    explainer say about the strike?" -> "Globex the strike"): "" unless the one asked is an outlet, or one of its
    reports ("Tech Wire's editor Mara Lind" is a person)."""
    m = _OUTLET_SAYS.match(question)
    who = (m["who"] or m["whose"] or m["describer"]) if m else ""
    named = named_sources(who, list(outlets))
    if m is None or not named:
        return ""
    span = _outlet_span(who, named[0])
    assert span is not None  # named_sources found it there
    rest = (who[: span[0]] + " " + who[span[1] :]).strip()
    rest = re.sub(r"^(?:the\s+)?['’]s?\s*|^the\s*$", "", rest, flags=re.I).strip()
    # (a list or rankings it published too: "Tech Wire's gadgets list")
    described = re.fullmatch(
        rf"(?:the\s+)?(?P<what>.*?)\s*\b(?:{REPORT_NOUN}|list|rankings)\b\s*(?:(?:on|about|of)\s+)?(?P<of>.*)",
        rest,
        re.I,
    )
    if rest and described is None:
        return ""
    what = " ".join(w for w in (described["what"], described["of"]) if w) if described else ""
    return f"{what} {m['topic']}".strip()


def framed_by_outlet(question: str, outlets: Sequence[str]) -> str:
    """ "In the Tech Wire profile, did ...?" as "According to Tech Wire, did ...?" when the name is an indexed
    outlet's (the noun left in the claim hid its speaker: "profile Mara Lind say ..."); a company's ("In the Globex
    story, ...") is a topic, and the question is left as it is."""
    m = _NAMED_REPORT_FRAME.match(question)
    if m is None or not named_sources(m["name"], list(outlets)):
        return question
    return f"According to {m['name']}, {question[m.end() :]}"


def which_first_asked(question: str, outlets: Sequence[str] = ()) -> tuple[str, bool] | None:
    """("Was A published before B?", asked for the earlier) for a question asking which of two reports came first or
    later, each named by its outlet or as a report; None for any other ("Which came first, the chicken or the egg?")."""
    m = _WHICH_FIRST.match(question)
    if m is None:
        return None
    a, b = (m["a"], m["b"]) if m["a"] else (m["a2"], m["b2"])
    if not all(_A_REPORT.search(x) or any(o in x for o in outlets) for x in (a, b)):
        return None
    # "Tech Wire's report that X, or its piece on Y": "its" is the outlet named first
    owner = re.match(r"\s*(?:the\s+)?(?P<outlet>[A-Z][^,]*?)['’]s?\s", a)
    if owner is not None and any(o in owner["outlet"] or owner["outlet"] in o for o in outlets):
        b = re.sub(r"^\s*(?:its|their)\s+", f"{owner['outlet']}'s ", b, count=1)
    earlier = (m["when"] or m["when2"]).lower() in ("first", "earlier")
    return f"Was {a.strip()} published before {b.strip()}?", earlier


# "Is it true that Ostland won the Cup?", "Is it the case that Mara Lind is CEO of Globex?": the claim asked whether
# it is so
_IS_IT_TRUE = re.compile(
    r"^\s*is\s+it\s+(?:really\s+|actually\s+)?(?:true|the\s+case|correct|right)\s*,?\s+(?:that\s+)?(?P<claim>\S.*?)[\s?.!]*$",
    re.I | re.S,
)


def claim_asked_as_true(question: str) -> str:
    """The bare question "Is it true that X?" stands for ("Is it true that Ostland won the Cup?" -> "Did Ostland won
    the Cup?", see `asked_as_question`), or "" for any other question."""
    m = _IS_IT_TRUE.match(question)
    if m is None:
        return ""
    claim = m["claim"]
    return asked_as_question(claim[0].lower() + claim[1:] if _sentence_case(claim) else claim)


def _sentence_case(claim: str) -> bool:
    """The claim's first word is capitalised only because it opens the sentence ("The bank cut rates"), not a name."""
    first = claim.split(maxsplit=1)[0]
    return first.lower() in {"the", "a", "an", "there", "it", "this", "that", "these", "those"}


def yes_no_asked(question: str) -> str:
    """The yes/no question from its auxiliary on ("And did Mara Lind resign?" -> "did Mara Lind resign?"), or ""
    when the question does not open with one."""
    m = _AUXILIARY.match(question)
    return question[m.start(1) :] if m else ""


def without_auxiliary(question: str) -> str:
    """The question without its opening auxiliary ("Was Mara Lind fired?" -> "Mara Lind fired?"): a capital that only
    opens the question is no name."""
    m = _AUXILIARY.match(question)
    return question[m.end() :].lstrip() if m else question


# "Who is ...", "Which company ...", "What company ...", "Name the person who ...": the answer is a name.
_ENTITY = re.compile(
    r"(?:^\s*|^(?:considering|based on|given|according to|from)\b[^?]*?,\s*)(?:who\b|whom\b|whose\b|(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?:company|companies|firm|"
    r"individual|person|people|organi[sz]ation|team|club|group|brand|country|city|player|athlete|"
    r"coach|executive|ceo|founder|platform|product|service|app|device|network|outlet|agency|"
    r"government|entity|celebrity|artist|singer|actor|musician|band|writer|author|politician|"
    r"leader|official|nation|state|league|tournament|event|model|technology|tech giant|giant|"
    r"startup|exchange|bank|university|school|show|series|film|movie|game|book|studio|publisher|developer|label|"
    r"retailer|airline|manufacturer|maker|rival|partner|investor|sponsor|opponent)\b)"
    # "Which pilot, who ...?", "Which fund that ...?": whatever the noun, a relative clause right after it
    # asks for the one it describes ("Which judge ruled that ...?" is a verb's "that", not one)
    r"|^\s*(?:which|what)\s+(?:[\w-]+(?:\s+[\w-]+)?\s*,?\s+(?:who|whom|whose)|[\w-]+\s+that)\b",
    re.I,
)
# Words that ask how two reports relate; the sign says which answer "they agree" gives.
_RELATION_AGREE = re.compile(
    r"\b(consisten(?:t|cy)|agree(?:d|ment|s)?|align(?:s|ed|ing)?|the same|similar(?:ly)?|"
    r"match(?:es|ed)?(?=\s+(?:the|that|what|with|those|its|their|his|her)\b)|maintain(?:s|ed)?|remain(?:s|ed)?\s+(?:consistent|the same|unchanged)|"
    r"corroborat\w*|confirm\w*|both)\b",
    re.I,
)
# "Do they differ / did it change?" is true when each side says what the question states (two different things);
# "do they contradict?" is true only when one side denies the other.
_RELATION_DIFFER = re.compile(r"\b(differ\w*|dissimilar|chang(?:e|ed|es)|shift(?:ed)?|diverg\w*)\b", re.I)
_RELATION_CONTRADICT = re.compile(
    r"\b(inconsisten(?:t|cy)|disagree(?:d|ment|s)?|contradict\w*|conflict\w*|"
    r"discrepanc\w*|fail(?:ed|s)? to maintain)\b",
    re.I,
)
_NO_CHANGE = re.compile(r"\bno\s+(?:change|shift|difference|discrepancy)\b|\bunchanged\b", re.I)
# A relation is *asked* when the question's main verb phrase is about it, not when it only joins two claims
# ("X, in contrast to Y" describes; "was there a change / is A consistent with B" asks).
_RELATION_ASKED = re.compile(
    r"^\s*(?:(?:according to|considering)\s+[^,]+,\s+)?(?:\w+\s+){0,1}?(?:was|were|is|are|has|have|did|does|do)\s+(?:there|the\s+\w+(?:\s+\w+){0,6}?\s+"
    r"(?:consistent|inconsistent|similar|different|the same)|(?:[\w'’‘|:.,-]+\s+){0,12}?(?:remain|remained|change|changed|"
    r"maintain|agree|disagree|contradict|differ|conflict|align))\b"
    r"|\b(?:was|were|is)\s+there\b"
    r"|\b(?:consistent|inconsistent|in agreement|different|similar|the same|contradictory)\s+(?:with|to|in|between|as|on)\b"
    r"|\bsuggest\s+(?:a|the)\s+(?:different|same|similar|dissimilar)\b"
    r"|\breport\s+a\s+(?:different|similar|dissimilar)\b",
    re.I,
)
_ORDER = re.compile(
    r"\b(before|after|earlier than|later than|prior to|preceding|following|subsequent(?:ly)?|then)\b", re.I
)
# The words that place one thing before or after another, in a question's order and in a claim's
ORDER_WORDS = "before|after|earlier than|later than|prior to"
# "before" and "after" that place nothing in time: "go after a licence" (pursue), "named after", "after all", "appear
# before the finance committee" (in front of); nor one event after another when what follows is a moment ("came on
# after halftime" says when he came on)
_NO_ORDER = re.compile(
    rf"\b(?:before|after)\s+(?={MOMENT})|"
    r"\b(?:(?:go|goes|going|gone|went|look|looks|looking|looked|named|chase|chasing|chased)\s+after|after\s+all)\b|\bbefore\s+(?=(?:the\s+|a\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}"
    r"(?:committee|court|judge|senate|congress|house|jury|parliament|panel|tribunal|cameras|lawmakers|regulators|"
    r"legislators|hearing|inquiry|crowd|fans|audience|magistrates?|commission|council)\b)",
    re.I,
)


def without_unordered(text: str) -> str:
    """The text with the "before" and "after" that place nothing in time blanked out (see _NO_ORDER)."""
    return _NO_ORDER.sub(lambda m: " " * len(m.group(0)), text)


# Phrases that name a time order between two reports rather than a time span ("before the deal" vs "before X reported").
_ORDER_REPORT = re.compile(
    rf"\b({ORDER_WORDS})\s+(?:the\s+)?(?:[\w'’:|.-]+\s+){{0,8}}?"
    r"(reported|published|discussed|mentioned|wrote|covered|described|suggested|highlighted|"
    r"claimed|noted|stated|report|article|announced|did)\b",
    re.I,
)
# "... before it reported that ...": the outlet named before, reporting again
_ITSELF = re.compile(r"(?:it|they)\s+(?:later\s+|then\s+|first\s+)?(?:reported|said|wrote|announced|confirmed)\b")
# "..., while its October story says ...": the outlet named before, in another of its reports
_ITS_REPORT_WORDS = rf"its\s+(?:[\w'’.–-]+\s+){{0,5}}?{REPORT_NOUN}\b"
_ITS_REPORT = re.compile(rf"^\s*(?:(?:while|whereas|and|but)\s+)?{_ITS_REPORT_WORDS}", re.I)
# Clause boundaries: where one outlet's claim ends and the next begins ("before <month> ..." bounds a day instead).
_BOUNDARY = re.compile(
    r",?\s+(?:while|whereas|whilst)\s+|,\s+and\s+(?=(?:does|did|is|was|has|the|a|an|another|that|whether)\b)|"
    r",?\s+(?:in contrast to|in comparison to|compared (?:to|with)|as opposed to|similar(?:ly)? to|aligning with|"
    # ("more than 200 reports" bounds an amount, and is no second clause; "X rather than Y" is one claim)
    r"consistent with|in line with|just as|(?<!rather\s)than(?!\s+(?:about\s+|around\s+)?[$€£]?\d)|agrees? with|aligns? with|"
    r"contrasts? with|differs? from)\s+|"
    # (a "be" stays with its clause: "According to Tech Wire, was Globex fined?" asks "Globex was fined")
    r",\s+(?:did|does|do|has)\s+(?=(?:the\s+)?[A-Z'‘\"])|,\s+(?=(?:was|is)\s+(?:the\s+)?[A-Z'‘\"])|"
    rf",?\s+(?:before|after|and then|then)\s+(?=(?:the\s+)?[A-Z'‘\"])(?!{MONTH_NAME}\b)|"
    # ("... before it reported ...", "... before its interview with ...": the outlet named before, again)
    rf",?\s+(?:before|after)\s+(?={_ITSELF.pattern}|(?i:{_ITS_REPORT_WORDS}))|"
    r",\s+(?=(?:and\s+)?(?:the|a|an)\s+(?:subsequent|later|earlier|other|second|another)\b)|\s+and\s+(?=(?:the|a|an)\s+(?:report|article|piece|story)\b)|"
    r"\s+and\s+(?=(?:the\s+)?(?:subsequent|later|earlier)\b)|,?\s+or\s+(?=(?:does|did|is|was|do)\b)|"
    # "reported that Mara Lind was fired and that she returned": a second claim of the same report
    r"\s+and\s+(?=that\s+(?:he|she|they|it|[A-Z][\w'’-]*)\b)|"
    r",?\s+and\s+(?:does|did|is|was)\s+|"
    r"\s+when\s+(?=(?:reporting|it reported|writing|it wrote)\b)",
)
# Scaffolding words a part's claim drops before it is judged: they describe the article, not its content.
_SCAFFOLD = re.compile(
    r"\b(?:does|did|do|is|was|were|are|has|have|had|the|an?|article|articles|report|reports|reported|reporting|piece|"
    r"story|coverage|source|sources|publication|outlet|news|suggest|suggests|suggested|suggesting|indicate|indicates|"
    r"indicated|imply|implies|implied|claim|claims|claimed|mention|mentions|mentioned|discuss|discusses|discussed|"
    r"discussing|state|states|stated|say|says|said|according to|from|by|published|on|in|at|that|same|while|whereas|"
    r"also|both|between|subsequent|later|earlier|another|other)\b",
    re.I,
)
_QUOTED_DATE = re.compile(r"'?\d{4}-\d{2}-\d{2}(?:T[\d:+.-]+)?'?")
# An outlet the question names that the index may not hold: "a Bloomberg article", "from The Times of India".
_OUTLET_PHRASE = re.compile(
    r"(?:\b(?:from|by|in|according to|of)\s+|\b(?:an?|the)\s+)((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.'’-]*){0,4})"
    r"(?:\s+(?:article|report|piece|story|coverage|publication|news report|feature|column|op-ed|analysis)s?\b)"
    r"|\b(?:article|report|piece|story|coverage|news report)s?\s+(?:from|by|in)\s+((?:The\s+)?[A-Z][\w&.'’-]*"
    r"(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.'’-]*){0,4})"
)


_FRAME = re.compile(
    r"^(?:(?:does|did|do|is|are|was|were|has|have|had|between|after|before|while|whereas)\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:it\s+(?:really\s+)?(?:true|the\s+case|correct|right)\s+)?"  # "Is it true that X?" asks X
    r"(?:(?:it|they)\s+(?:later\s+|then\s+|first\s+)?(?=(?:reported|said|wrote|announced|confirmed)\b))?"
    r"(?:(?:article|report|piece|story|coverage)s?\s+(?:(?:from|by|in|on)\b\s*)?)?(?:(?:also\s+)?(?:suggest|say|claim|"
    r"indicate|imply|report|state|mention|discuss|describe|attribute|credit|portray|highlight|allege|confirm|announce)"
    r"(?:s|ed|d)?\s+|(?:said|wrote|writes?|implies|implied|alleges|alleged|(?:claim|suggest|indicat|impl|stat|say|alleg|"
    r"report)ing)\s+)?"
    r"(?:that\s+)?",
    re.I,
)


@dataclass
class Clause:
    """One part of a question: the words it asks about, the outlet and the day it names (if any)."""

    text: str
    claim: str
    source: str = ""
    day: str = ""
    # the outlet is asked to have said the claim as a fact ("did Tech Wire report that Globex cut prices?"), not what
    # its report suggests or covers: the claim is then judged as a bare "did it happen?" is
    stated: bool = False
    # every section of the outlet when the question names it by the outlet's name ("Coast Times" for "Coast Times -
    # Sports" and "Coast Times - Travel"): its report may be in any of them
    sections: list[str] = field(default_factory=list)
    # what a "do both <report> and <report> ...?" question asks each report to do ("quote licensed therapists"): a
    # passage on the report's topic that leaves it out says nothing of it (see _shared_predicate)
    held: str = ""
    # the outlet is asked to have stated a plan or a forecast ("did Tech Wire report that Globex will open plants?")
    plan_stated: bool = False

    @property
    def named_as(self) -> str:
        """The outlet as the question names it: "The Coast Times" when that stands for its sections."""
        if not self.sections:
            return self.source
        return ("The " if self.source.startswith("The ") else "") + outlet_short_name(self.source)

    @property
    def outlets(self) -> list[str]:
        return self.sections or ([self.source] if self.source else [])

    @property
    def shown(self) -> str:
        """The claim as a reader sees it: "Globex's chief resigned" where it is matched as "Globex s chief resigned"."""
        return claim_as_written(self.claim, self.text)


@dataclass
class Reading:
    shape: str
    sources: list[str] = field(default_factory=list)  # outlets named, in the index's spelling, in question order
    unknown_outlets: list[str] = field(default_factory=list)  # outlets named that the index does not hold
    days: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    # "agree" | "differ" | "contradict" | "unchanged" ("was there no change": the negation of "differ") | ""
    relation: str = ""
    # "before" | "after" | "same" (one day) | "which" (asked: "before or after?") | "": the order the question states
    # between its first two parts
    order: str = ""
    # "first" | "later": the question asked which of two reports came first (or later), read as "was A before B?"
    which_came: str = ""
    # "consistent or inconsistent?", "agree, or is there a discrepancy?": the question's own words for the two
    # answers (reports agree, reports differ); a reader expects one of them, not "Yes"
    alternatives: tuple[str, str] | None = None
    speech: tuple[str, str] | None = None
    either: bool = False  # "Did either A or B report X?": one outlet saying it is enough


def _outlet_span(text: str, name: str) -> tuple[int, int] | None:
    """Where the text first names the outlet: in full, by its short name ("Coast Times" for "Coast Times - Sports") or
    spelled otherwise ("Bay News" for "BayNews.com"); None when it does not."""
    bare = re.sub(r"^the\s+", "", name.lower())
    m = re.search(r"(?<![\w])" + re.escape(bare) + r"(?![\w])", text, re.I) or short_name_at(
        outlet_short_name(name), text
    )
    if m:
        return m.start(), m.end()
    spelled_otherwise = compact_mentions(name, text)
    return spelled_otherwise[0] if spelled_otherwise else None


def _first_position(text: str, name: str) -> int:
    span = _outlet_span(text, name)
    return span[0] if span else -1


# How a question says which outlet tells an event, around the event itself: "According to Tech Wire, did ...?",
# "Did Tech Wire report (that) ...?", "..., as reported by Tech Wire, ..."
_ACCORDING_TO = re.compile(r"^\s*(?:according\s+to|as\s+reported\s+by|per|in)\s+\x00(?:['’]s\s+\w+)?\s*,\s*", re.I)
_OUTLET_REPORTED = re.compile(
    # "Did Tech Wire publish its story on / write about / cover X after Y?": the report of X, set against Y
    r"^\s*(?P<aux>did|does|has|had)\s+\x00\s+(?:(?:publish|write|run|post|put\s+out)\s+(?:its|a|an|the)\s+"
    r"(?:[\w-]+\s+)?(?:story|piece|article|report|column|preview|review|post)\s+(?:on|about)(?:\s+whether)?|"
    r"(?:write|report)\s+(?:about|on)|cover|(?:report|say|write|note|state|claim)s?(?:\s+that)?)\s+",
    re.I,
)
_AS_REPORTED = re.compile(r",?\s+as\s+(?:reported|written|said)\s+by\s+\x00\s*,?", re.I)


def without_outlet(question: str, source: str) -> str:
    """The question about the event alone, when its one outlet only frames it ("According to Tech Wire, did Mara Lind
    resign before ...?" -> "Did Mara Lind resign before ...?"); else ""."""
    span = _outlet_span(question, source)
    if span is None:
        return ""
    start = span[0] - 4 if question[: span[0]].lower().endswith("the ") else span[0]  # "the" with the name
    marked = question[:start] + "\x00" + question[span[1] :]
    if m := _ACCORDING_TO.match(marked):
        rest = marked[m.end() :]
        plain = rest[:1].upper() + rest[1:]
    elif m := _OUTLET_REPORTED.match(marked):
        plain = "Did " + marked[m.end() :]
    elif m := _AS_REPORTED.search(marked):
        plain = marked[: m.start()] + " " + marked[m.end() :].lstrip()
    else:
        return ""
    return "" if "\x00" in plain else re.sub(r"\s+", " ", plain).strip()


def named_sources(question: str, known: list[str]) -> list[str]:
    """Outlets of the index named in the question, in the order they first appear; a longer name wins over a name
    it contains ("Coast Times - Sports" over "Coast Times")."""
    found = mentioned_sources(question, known)
    found = [s for s in found if not any(o != s and s.lower() in o.lower() for o in found)]
    return sorted(found, key=lambda s: _first_position(question, s))


# Words after which "a/the <Name> article" names where a report comes from: a question's frame, a clause's start, a
# preposition. After a verb of a claim ("criticise the Globex coverage") it is what the claim is about.
_BEFORE_A_SOURCE = frozenset(
    """does did do is was were has have had while whereas and but or that if than as considering given based after
    before since both from by in of on at according to between per across within with , also""".split()
)


_TIME_WORDS = frozenset(MONTHS) | {n.lower() for n in CALENDAR_NAMES}


def unknown_outlets(question: str, known: list[str]) -> list[str]:
    """Outlet-like names ("a Bloomberg article", "a report from The Times of India") that no indexed source matches."""
    lowered_known = [k.lower() for k in known]
    out = []
    for m in _OUTLET_PHRASE.finditer(question):
        raw = m.group(1) or m.group(2) or ""
        before = re.findall(r"[\w']+|,", question[: m.start()].lower())
        if before and before[-1] not in _BEFORE_A_SOURCE and m.group(0).split()[0].lower() in ("a", "an", "the"):
            continue  # "did Mara Lind criticise the Globex Pay coverage?": coverage she criticised, no outlet asked
        if raw.endswith(("'", "’")):  # "'NBA Rookie of the Year Odds' articles": a title in quotes, not an outlet
            continue
        if (
            m.group(0).split()[0].lower() in ("a", "an", "the")
            and m.group(0).rstrip("s").endswith("coverage")
            and not raw.endswith(("'s", "’s"))
        ):
            continue  # "overdoing it with the Mara Lind coverage": coverage of her, not by an outlet of that name
        if re.search(
            r"\b[A-Z][\w'’-]*\s+$" if m.group(0).split()[0] in ("in", "of") else r"\b[A-Z][\w'’-]*\s+(?:of|in)\s+$",
            question[: m.start()],
        ):
            # "TechCrunch's Week in Review report", "the Bank of Ostland report", "the Person of the Year article":
            # inside a title
            continue
        # "The Daily Ledger's report" is the Daily Ledger's
        name = re.sub(r"['’]s$", "", raw.strip(" .,'’")).strip(" .,'’")
        bare = re.sub(r"^the\s+", "", name, flags=re.I).strip()
        if bare.isupper() and any(bare in initials(outlet_short_name(k)) for k in known):
            continue  # "the DL article" is the Daily Ledger's
        if len(bare) < 2 or bare.lower() in {
            "same",
            "other",
            "latest",
            "recent",
            "subsequent",
            "earlier",
            "later",
            "first",
            "second",
            "new",
            "previous",
            "former",
            "original",
        }:
            continue
        if any(bare.lower() in k or k.replace("the ", "", 1) in bare.lower() for k in lowered_known):
            continue
        if compact_name(bare) and any(
            compact_name(bare) in (compact_name(k), compact_name(outlet_short_name(k))) for k in known
        ):
            continue  # "Bay News" is BayNews.com, spaced otherwise
        if bare.split()[0].lower() in _TIME_WORDS:  # "reports in October", "a report on Monday": a time, no outlet
            continue
        if _CITED.search(question[m.end() : m.end() + 60]) and mentioned_sources(question, known):
            continue  # "the Globex Watch report Tech Wire cited": a study an indexed outlet reports, no outlet asked
        out.append(name)
    return list(dict.fromkeys(out))


# "... that Tech Wire cited", "cited by Tech Wire", "quoted in ...": a report another outlet's article draws on
_CITED = re.compile(
    r"^[^,;?]*?\b(?:cited|cites|citing|quoted|quotes|quoting|referenced|references|referred\s+to)\b", re.I
)


# "Did Wirepost report that Globex bought Tide Works?": a reporter named the way an outlet is asked about
_REPORTED_BY = re.compile(
    rf"^\W*(?:[Dd]id|[Hh]as|[Hh]ave)\s+(?P<who>{NAME_PHRASE.pattern})\s+(?:report|reported)\s+that\s+(?P<claim>[^?]+?)\s*\?*\s*$"
)


def unheld_reporter(question: str, known: list[str]) -> tuple[str, str] | None:
    """(the reporter, what it is asked to have reported) when the question asks whether one reported something and
    the reporter is none of the index's outlets; else None."""
    m = _REPORTED_BY.match(question.strip())
    if m is None or mentioned_sources(m.group("who"), known) or _opens_an_outlets_name(m.group("who"), known):
        return None
    return m.group("who"), m.group("claim")


def _opens_an_outlets_name(who: str, known: list[str]) -> bool:
    """ "Globex" for "Globex English | World Desk": the words that open an outlet's name may be all a reader calls it,
    and "none of the articles is from Globex" would then be false."""
    words = re.sub(r"^the\s+", "", who.strip(), flags=re.I).lower().split()
    return bool(words) and any(
        re.sub(r"^the\s+", "", outlet_short_name(k).lower()).split()[: len(words)] == words for k in known
    )


# Where an outlet name or a date was taken out of a clause, with the words that only pointed at it: "the report by
# <outlet> on <day>,", "<outlet>'s report on <day>", "published on <day>", "reported by <outlet>".
_HOLE = "\x01"
_AROUND_HOLE = re.compile(
    r"(?:\b(?:as\s+)?(?:(?:was|were|is)\s+)?(?:published|released|posted|dated|reported|discussed|mentioned|written|featured)?\s*"
    r"(?:according to|on|in|by|from|at|between|to)?\s*)?\x01(?:\s*s\b)?(?:\s*(?:report|article|piece|story)\b)?"
    r"(?:\s*,?\s*(?:and|on|in|between|to|from|by|published on|published)?\s*\x01(?:\s*s\b)?)*\s*,?",
    re.I,
)
# "... as reported by" left at a clause's end when the outlet it named starts the next clause.
_POINTER_LEFT = re.compile(
    r",?\s+(?:as\s+)?(?:reported|published|mentioned|described|stated|said)\s+(?:by|in|from)\s*$|,?\s+according\s+to\s*$",
    re.I,
)
# Words left at the start of a clause once its outlet and frame are gone ("on <topic>", "regarding <topic>").
_LEADING_LINK = re.compile(
    r"^(?:(?:s|another|and|but|both|each|subsequent|later|earlier|report|article|from|on|regarding|concerning|about|which|"
    r"that|who|"
    r"considering|following)\b\s*,?\s*)+",
    re.I,
)
_BOUNDED_DAY = re.compile(r"\b(?:before|after|prior to|since|until|by)\s+" + FULL_DATE.pattern, re.I)


def _exact_days(text: str) -> list[str]:
    """The days a clause names as the day of its report (not "before <day>")."""
    return mentioned_days(_BOUNDED_DAY.sub(" ", text))


_REPORT_DESCRIBED = re.compile(
    rf"^(?:s\s+)?(?:[\w’'-]+\s+){{0,2}}?{REPORT_NOUN}(?:\s+(?:on|about|of|regarding|covering)\s[^,;]{{1,80}}?)?\s+"
    r"(?-i:(?:still\s+|also\s+|later\s+|then\s+|now\s+)?(?:describe|call|list|portray|characteri[sz]e|present|"
    r"depict)s?)\s+",
    re.I,
)


_OUTLET_QUOTED = re.compile(
    r"\x01\s*(?:quoted|interviewed|cited|profiled|(?:spoke|talked)\s+(?:to|with))\s+(?=[\w$])", re.I
)


def claim_words(text: str, sources: list[str]) -> str:
    """The clause without outlet names, dates and scaffolding: what the article is asked to say."""
    for s in sorted(sources, key=len, reverse=True):
        text = re.sub(re.escape(s), _HOLE, text, flags=re.I)
        short = outlet_short_name(s)
        for form in dict.fromkeys((short, short.upper()) if len(short) >= 3 else ()):
            text = re.sub(r"(?<![\w])" + re.escape(form) + r"(?![\w])", _HOLE, text)
        for a, b in reversed(compact_mentions(s, text)):  # "Tide News" for "TIDE News - Health"
            text = text[:a] + _HOLE + text[b:]
    text = _QUOTED_DATE.sub(_HOLE, text)
    text = FULL_DATE.sub(_HOLE, text)
    text = _SAME_DAY.sub(_HOLE, text)  # "on the same day": a pointer to a day, like a date
    # (a negation keeps its "n't": "didn t" would negate nothing)
    text = re.sub(r"[?\"“”‘]|(?<![nN])['’]|['’](?![tT]\b)", " ", text)
    text = re.sub(r"\bthe\s+(?=\x01)", "", text, flags=re.I)
    # "the engineer <outlet> quoted claim ...": who the outlet quoted is the subject, its quoting no deed of theirs
    text = _OUTLET_QUOTED.sub(_HOLE, text)
    text = _AROUND_HOLE.sub(" ", " ".join(text.split()))
    text = " ".join(text.replace(_HOLE, " ").split()).strip(" ,.;:")
    text = _POINTER_LEFT.sub("", text)
    # "<outlet>'s December piece on the title race still describe X as Y" -> "X as Y": which report it is, is no
    # part of what it is asked to say ("both report an increase" keeps its topic: "report" there is the verb)
    text = _REPORT_DESCRIBED.sub("", text)
    # "Does the article suggest that X" -> "X": the words that frame the question are not the claim
    framed, before = text, ""
    while framed != before:  # "both suggest that X", "the same source, suggests that X": frame words in turn
        before = framed
        framed = _LEADING_LINK.sub("", _FRAME.sub("", framed).strip(" ,.;:")).strip(" ,.;:")
    return framed or text


# The part of a question that asks how its reports relate, or offers an alternative reading, after the clauses it
# asks about (", was there consistency in ...?", ", or do both articles imply ...?"): no outlet's claim.
_ASKING_TAIL = re.compile(
    # (", were there no serious side effects?" asks of the story, not how reports relate: a word of relating is there)
    r",\s+(?:(?:(?:was|were|is|are)\s+there|has\s+there\s+been)(?=[^,]*\b(?:consisten|inconsisten|chang|differ|agree|"
    r"disagree|discrepan|contradict|similar|shift|same\b|align|uniform|variation|diverg|overlap|common|match))"
    r"|(?:has|have|did|does|was|is)\s+(?:the|their|its)\s+[^,]*?"
    r"\b(?:remain\w*|stay\w*|change\w*|consistent|inconsistent|differ\w*|maintain\w*))\b[^,]*$|,?\s+or\s+(?:do|does|did)\s+(?:both|they|the two)\b.*$",
    re.I,
)
# ", indicating a difference in X", ", thus implying both agree", ", or is there a discrepancy ...": the question's own
# conclusion about how the reports relate, said after the last report's claim; no report claims it.
_CONCLUDING_TAIL = re.compile(
    r",\s+(?:thus\s+|therefore\s+|so\s+)?(?:indicating|implying|suggesting|showing|highlighting|contrasting|reflecting)"
    r"\s+(?=[^,]*\b(?:differ\w*|disparit\w*|contrast\w*|both|similar\w*|same|consisten\w*|common|shared|respective)\b)"
    r"[^,]*$|,?\s+(?:or|and)\s+(?:is|are|was|were)\s+(?:there|these|they|the\s+two)\b.*$",
    re.I,
)
# A question joined to the one before it: "Did Globex file for bankruptcy, and how much debt did it list?", "Which
# outlet reported the merger, and who signed it?" -- its words are no part of what the first one asks of a report
JOINED_QUESTION = re.compile(r",?\s+and\s+(?:who|whom|what|which|when|where|why|how)\b.*$", re.I)
# ", and then reported on <day> ...", ", and again on <day> ...": a later report, even without a capital after it.
_LATER_REPORT = re.compile(r",\s+and\s+(?:then|again|later|subsequently)\s+", re.I)


# "Was there a change in X between A and B?", "Was the reporting of X consistent between A and B?": the words
# before "between" say what both reports are compared on.
_ASKING_HEAD = re.compile(
    r"^\s*(?P<lead>(?:according to|considering)\s+[^,]+,\s+)?(?:was|were|is|are|has|have|did|does|do)\s+(?P<ask>[^,]*?)\s+(?:between|in|across|according to)\s+(?=(?:the|a|an)\s+"
    r"(?:report|article|piece|story|coverage)s?\b)",
    re.I,
)
# Words that ask how reports relate; what is left of the asking text is the topic both reports are compared on.
_RELATION_WORDS = re.compile(
    r"\b(?:there|any|no|a|an|the|change[sd]?|changing|shift(?:ed)?|consisten(?:t|cy)|inconsisten(?:t|cy)|"
    r"agreement|disagreement|agree|disagree|contradict\w*|conflict\w*|difference|different|differ|similar\w*|"
    r"reporting|portrayal|narrative|coverage|depiction|tone|status|remain(?:ed|s)?|maintain(?:ed|s)?|stay(?:ed)?|"
    r"between|in|of|on|about|regarding|concerning|as|reported|by|these|those|sources|both|news|was|were|is|are|"
    r"has|have|been|type|nature|way|ways|how|two|three|each|them|outlets?|publications?)\b",
    re.I,
)


def _asked_topic(question: str, sources: list[str]) -> tuple[str, str]:
    """(the question without its asking text, the topic that text names) for a question asking how reports
    relate; the topic is empty when the question has no such text."""
    topic = ""
    tail = _ASKING_TAIL.search(question)
    if tail:
        topic, question = tail.group(0), question[: tail.start()]
    head = _ASKING_HEAD.match(question)
    if head and not named_sources(head.group("ask"), sources):  # an outlet in the asking text belongs to the parts
        # "According to Tech Wire, has X changed between ...": the outlet named up front stays with the parts
        topic, question = head.group("ask") + " " + topic, (head.group("lead") or "") + question[head.end() :]
    topic = re.sub(r"\bor\s+(?:do|does|did)\s+.*$", " ", topic, flags=re.I)  # an alternative reading, not the topic
    topic = " ".join(_RELATION_WORDS.sub(" ", re.sub(r"[?,]", " ", topic)).split())
    return question, topic


# "on the same day", "later that day": the day of the report named just before.
_SAME_DAY = re.compile(r"\b(?:the\s+same|that)\s+(?:day|date)\b", re.I)


def _at_each_outlet(piece: str, sources: list[str]) -> list[str]:
    """A segment naming two outlets with no clause boundary between them ("A's report contradict the B report
    regarding ...", "X in a similar way that B implies Y") is cut where the later outlet's noun phrase starts."""
    named = named_sources(piece, sources)
    if len(named) < 2:
        return [piece]
    cuts = []
    for name in named[1:]:
        at = _first_position(piece, name)
        lead = re.search(r"(?:\b(?:the|a|an)\s+)?['‘\"“]?$", piece[:at], re.I)
        cuts.append(lead.start() if lead else at)
    bounds = [0, *sorted(c for c in cuts if c > 0), len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:])]


# A clause that says what a report is about ("the report on X", "discussed X", "featuring X") asks whether the report
# covers X; one that says what it asserts ("suggests that X", "claims X") asks whether X holds. An asserting verb is
# lower-case ("Ostland State" is a name) and the noun "report from/by/in/of/regarding/published" asserts nothing.
_COVERS = re.compile(
    # (not "did Globex comment for its story about X", where the report only says for whom a deed was done, nor "raise
    # prices to cover the fees", which pays for them)
    r"(?<!\bfor\sits\s)(?<!\bfor\sthe\s)(?<!\bfor\sa\s)(?<!\bfor\stheir\s)"
    r"\b(?:report|reporting|article|piece|story|coverage)s?\b[^,]{0,60}?\b(?:on|about|regarding|concerning)\b|"
    r"(?<!\bto\s)\b(?:discuss(?:es|ed|ing)?|cover(?:s|ed|ing)?|mention(?:s|ed|ing)?|featur(?:e|es|ed|ing)|"
    r"focus(?:es|ed|ing)?\s+on|highlight(?:s|ed|ing)?|involving)\b|"
    r"\b(?:(?:dis)?agree|differ)(?:s|d|ed)?\s+(?:about|on|over|regarding)\b",  # "agree about X": what both cover
    re.I,
)
_COVERING_VERB = re.compile(
    r"^(?:(?:discuss(?:es|ed|ing)?|cover(?:s|ed|ing)?|mention(?:s|ed|ing)?|featur(?:e|es|ed|ing)|"
    r"focus(?:es|ed|ing)?\s+(?:solely\s+)?on|highlight(?:s|ed|ing)?|involving)\s+)+",
    re.I,
)
# The words of a clause that ask how it relates to the other ("X, aligning with", "contradict the report on"): the
# relation is the question's, not a claim of either report.
_RELATION_VERB = re.compile(
    r"(?:^|,\s*)(?:aligning|agreeing|consistent|in line|in contrast|contrasting)\s*$|\s+(?:in)?consistent\s*$|"
    r"^\s*(?:contradict(?:s|ed)?|agree(?:s|d)?\s+with|align(?:s|ed)?\s+with|(?:both\s+)?agree(?:s|d)?\s+that|"
    r"(?:dis)?agree(?:s|d)?\s+(?:about|on|over|regarding)|differ(?:s|ed)?\s+(?:about|on|over|regarding)|"
    r"maintain(?:s|ed)?\s+consistency(?:\s+(?:in|with|regarding))?)\b|"
    r",\s*maintain(?:s|ed)?\s+(?:consistency|the same)\b.*$",
    re.I,
)
_ASSERTS = re.compile(
    r"\bthat\b|\b(?-i:suggest|claim|indicate|imply|say|state|attribute|credit|portray|describe|expect|predict|"
    r"allege|accuse|argue|report)(?:s|ed|d|ing)?\s+(?!on\b|about\b|from\b|by\b|in\b|of\b|regarding\b|concerning\b|published\b|dated\b)|\b(?:said|wrote|told)\b",
    re.I,
)

# Verbs that ask whether a report said something as a fact ("reported that", "said that") and verbs that ask how it
# reads ("suggests", "portrays"): only the first asks the claim the way "did it happen?" does. Without "that", "report"
# may take a noun ("reports Mara Lind's absence"), which is a topic. "According to Tech Wire, did Globex cut prices?"
# asks what the outlet says happened.
_STATES_AS_FACT = re.compile(
    r"\b(?:(?:report|say|state|write|confirm|announce)(?:s|ed|d)?|said|wrote)\s+that\b|^\W*according\s+to\b|"
    # "say" and "write" take a clause without "that" too ("did Tech Wire say Globex cut prices?"), but not a topic
    r"\b(?:says?|said|writes?|wrote)\s+(?!(?:anything|something|nothing|much|little|more|so|about|what|how|whether|if|"
    r"in|on|of)\b)(?=\w)",
    re.I,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|going\s+to)\b", re.I)
# a question opened by its outlet, then a plain yes/no question: "According to Tech Wire, did ...?"
# "According to Tech Wire, how many ...?": who reports it, before what is asked
FRAMED_BY_SOURCE = r"(?:according\s+to|per)\s+[^,?]{1,60},\s*"
_ACCORDING_FRAME = re.compile(rf"^\W*(?:according\s+to|per)\s[^,?]+,\s*(?:{AUXILIARY_WORDS})\s", re.I)
_INTERPRETS = re.compile(
    r"\b(?:(?:suggest|indicat|attribut|credit|portray|describ|depict|characteri[sz]|hint|focus|highlight|emphasi[sz]|"
    r"expect|predict|believ|argu|claim|alleg)\w*|impl(?:y|ies|ied|ying)|fram(?:e|es|ed|ing)|view(?:s|ed|ing)?|"
    r"see|sees|saw|seen|consider(?:s|ed|ing)?)\b",
    re.I,
)

# (no function word, adverb or "one of" / "part of": "Is Globex part of the group?" keeps "Globex is part of ...")
_NOT_A_NOUN = "|".join(
    sorted(
        STOPWORDS
        | {
            "still",
            "already",
            "ever",
            "yet",
            "even",
            "never",
            "really",
            "actually",
            "currently",
            "one",
            "part",
            "among",
            "within",
            "without",
            "behind",
            "ahead",
            "set",
            "due",
            "able",
            "likely",
            "worth",
        }
    )
)
_NOUNS_AFTER_NAME = (
    rf"(?:(?:\s+(?!(?:{_NOT_A_NOUN})\b)(?!\w+(?:ed|ing)\b)[a-z][a-z-]*(?<!ly)){{1,2}}"
    # (or a comparison: "Is the Norrvik bridge longer than ...?")
    r"(?=\s+(?:\w+(?:ed|ing)|the|an?|\w+er\s+than|more|less|fewer)\b|,))?"
)
# "Was Mara Lind fired?" asks whether it was done to her: the claim keeps its "was" ("Mara Lind was fired"), or it
# would read as her own deed ("Mara Lind fired ...").
_BE_ASKED = re.compile(
    # ("Are Mara Lind and Theo Park ...?": the "be" of two names goes after both, not between them, as it goes after
    # "Globex v. Tide Works"; "Is Bank of Ostland ...?" is one name, its "of" no place for the "be")
    # ("Was Ostland captain Jon Vale sent off?": the name with its role is one subject, the "be" after both)
    # ("Are Ostland regulators expected to ...?", "Is Tide body armour, which ..., the lightest?": the nouns a name
    # opens are the subject too, up to a participle, an article or a comma)
    # ("Were Globex and Tide Works fined?": two names joined are one subject, the "be" after both)
    rf"^\s*(?P<be>[Ww]as|[Ww]ere|[Ii]s|[Aa]re)\s+(?:the\s+)?(?P<name>{NAME_PHRASE.pattern}"
    rf"(?:\s+(?i:{ROLE_PATTERN})\s+{NAME_PHRASE.pattern})?(?:\s+and\s+{NAME_PHRASE.pattern})?{_NOUNS_AFTER_NAME})"
    r"(?:\s+(?!\w+ing\b|(?:and|or|v|vs|versus|of)\b)[a-z]|,)",
)


# "Did Mara Lind get fired?" is "was she fired?": "get" before a participle is the passive's verb, whoever the subject
# ("Did the founder of Globex get convicted?")
_GET_PASSIVE = re.compile(
    r"^(?P<name>(?:\S+\s+){0,5}?\S+)\s+(?:get|gets|got)\s+(?=(?:\w+ed|\w+en|found|sold|caught|paid|held|hit|shot|"
    r"struck|sent|thrown|bought|told|kept|left|lost|beat|cut|put|quit)\b)"
)


# "Has Mara Lind been fired?" is read as "Mara Lind been fired"
# ("F-16s have been pledged" keeps its "have": a perfect said in full is no question's word order)
_BEEN_PASSIVE = re.compile(r"^(?P<name>(?:\S+\s+){0,5}?(?!(?:have|has|had)\b)\S+)\s+been\s+(?=\w+(?:ed|en)\b)")


def as_passive(claim: str) -> str:
    """ "Mara Lind get fired" -> "Mara Lind was fired": "get" + participle is the passive; so is "been" + participle
    ("Mara Lind been fired", of "Has Mara Lind been fired?")."""
    return _BEEN_PASSIVE.sub(r"\g<name> was ", _GET_PASSIVE.sub(r"\g<name> was ", claim))


# "Mara Lind was named chief executive": a claim whose verb is "be", asked by putting it first
_BE_FIRST = re.compile(rf"^(?P<name>{NAME_PHRASE.pattern})\s+(?P<be>was|were|is|are)\s+(?P<rest>\S.*)$")


def asked_as_question(claim: str) -> str:
    """The claim asked on its own: "Mara Lind was named chief executive" -> "Was Mara Lind named chief executive?",
    "Ostland won the Harbour Cup" -> "Did Ostland won the Harbour Cup?" (the readers of a bare question take the past
    form after "did" as well)."""
    claim = claim.strip().rstrip(".?!")
    m = _BE_FIRST.match(claim)
    if m is not None:
        return f"{m.group('be').capitalize()} {m.group('name')} {m.group('rest')}?"
    return f"Did {claim}?"


_ASIDE_AFTER_SUBJECT = re.compile(r"^,\s+(?:which|who|whom|whose|that)\b[^,]*,\s*", re.I)


def _be_after_subject(piece: str) -> str:
    """A clause opening with its "be" ("was Mara Lind fired", after "According to Tech Wire,") said as a statement
    ("Mara Lind was fired"); any other clause as it is."""
    m = _BE_ASKED.match(piece)
    return f"{m['name']} {m['be'].lower()} {piece[m.end('name') :].strip()}" if m else piece


def _keep_passive(text: str, claim: str) -> str:
    m = _BE_ASKED.match(text)
    if m and claim.startswith(m.group("name") + ","):
        # "Tide body armour, which Lind wore, the lightest": the aside after the subject goes, the "be" in its place
        claim = m.group("name") + _ASIDE_AFTER_SUBJECT.sub(" ", claim[len(m.group("name")) :], count=1)
    if not m or not claim.startswith(m.group("name") + " "):
        return as_passive(claim)
    return f"{m.group('name')} {m.group('be').split()[-1].lower()} {claim[len(m.group('name')) + 1 :]}"


# The verb that takes a report's claim: "reported that", "suggests that", "report" with no "that"
_SAID_THAT = re.compile(r"\b(?P<verb>[a-z]+)\s+that\s", re.I)
_SAID = re.compile(r"\b(?P<verb>report(?:s|ed)?|says?|said|wrote)\s", re.I)


# "Do both the Tech Wire piece on pricing and the Daily Ledger's report on jobs quote Mara Lind?": what both are asked
# to do follows the last report described, and is asked of each of them, not only of the last one
_BOTH_DESCRIBED = re.compile(r"^\W*(?:do|did|does)\s+both\b", re.I)
# The nouns a question names a report by ("the Tech Wire piece", "its Week in Review", "the Ledger's preview")
_REPORT_KINDS = (
    "article|piece|report|story|coverage|column|review|preview|recap|roundup|round-up|explainer|essay|analysis|"
    "profile|write-up"
)
_SHARED_PREDICATE = re.compile(
    rf"^(?P<head>.*?\b(?:{_REPORT_KINDS}|guide|feature|post|ranking|list)s?\b(?:.*?\S)?)\s+"
    r"(?P<verb>quote|cite|name|credit|praise|critici[sz]e|blame|recommend|interview|mention|feature|describe|list|"
    r"include|use|refer\s+to|reference|bring\s+up|talk\s+about)\s+(?P<rest>\S.*)$",
    re.I,
)


def _shared_predicate(question: str, clauses: list[Clause]) -> str:
    """What a "do both <report> and <report> ...?" question asks both reports to do ("quote Mara Lind"), cut from the
    last clause's text; "" for any other question."""
    described = [c for c in clauses if _worded(c.text)]  # not the bare "Do both" before the first outlet
    if len(described) < 2 or not _BOTH_DESCRIBED.match(question) or not all(c.source for c in described):
        return ""
    m = _SHARED_PREDICATE.match(clauses[-1].text)
    if m is None:
        return ""
    clauses[-1].text = m.group("head")
    return m.group("rest")


_TOPIC_GIVEN = re.compile(r"\b(?:on|about|regarding|concerning|covering)\b", re.I)
# a noun phrase, no clause: "the game's retail price", "its launch date" (not "the Mariners beating the Rovers")
_A_THING = re.compile(
    r"^(?:the|its|their|his|her|a|an)\s+(?:(?![\w'’-]*(?:ing|ed)\b)(?!that\b)[\w'’-]+\s*){1,5}\??$", re.I
)
_AGREE_ON = re.compile(
    r"^(?P<head>.*?\S)\s+(?:both\s+)?(?P<verb>(?:dis)?agree|differ)\s+(?P<prep>on|about|over|regarding|that)\s+(?P<rest>\S.*)$",
    re.I,
)
_BOTH_SAY = re.compile(
    r"^(?P<head>.*?\S)\s+both\s+(?P<verb>report(?:ed)?|say|said|state[sd]?|claim(?:ed)?|confirm(?:ed)?|note[sd]?|write|wrote|"
    r"point(?:ed)?\s+to|blame[sd]?|(?P<mention>mention(?:ed)?|bring\s+up|brought\s+up|raised?|cited?|discuss(?:ed)?))\s+"
    r"(?P<rest>\S.*)$",
    re.I,
)


# "<outlet>'s coverage of the trial says (that) ...", "<outlet>'s piece on prices reports ...": a report described by its
# topic, then what it says
_DESCRIBED_REPORT_SAYS = re.compile(
    # the noun after a possessive or an article ("Did Tech Wire report X before ...?" has the verb "report")
    r"(?:['’]s?|\b(?:the|its|their|a|an))\s+(?:[\w.-]+\s+){0,6}?"
    rf"(?:{_REPORT_KINDS}|account)\b"
    r"(?:\s+(?:of|on|about)\s+(?P<topic>[^,;]{1,80}?))?\s+"
    r"(?:says?|said|reports?|reported|writes?|wrote|states?|stated|claims?|claimed|notes?|noted)\s+(?:that\s+)?",
    re.I,
)
_ORDER_WORD = re.compile(rf"\b(?:{ORDER_WORDS}|while|whereas|until|since)\b", re.I)
# "Did Tech Wire's story on the layoffs come out before ...?": the words that say a report appeared, left at the end of
# a clause cut at its order word, are no part of what the report says
_PUBLISHED_TAIL = re.compile(
    r"\s+(?:(?:come|came|comes)\s+out|(?:(?:was|were|is|get|got|been)\s+)?(?:published|released|posted|printed)|"
    r"(?:was|were|is|get|got|been)\s+run|"
    r"(?:appear|appears|appeared|run|ran|go\s+up|went\s+up|go\s+live|went\s+live))\s*[,.]?\s*$",
    re.I,
)


# ", and did ...", "and was ...": a second question joined to the first
_TWO_QUESTIONS = re.compile(r",?\s+and\s+(?:also\s+)?(?:did|does|do|is|was|were|are|has|have|had)\s+(?=\S)", re.I)


# "Did Mara Lind agree with Theo Park that ...?": people agreeing is the claim, no boundary between two reports' claims
# (one that names no outlet or report after it); its spaces are kept from the split
_RELATION_OF_PEOPLE = re.compile(r"\b(?:agree|agrees|agreed|align|aligns|aligned)\s+with\s+", re.I)
_KEPT_SPACE = "\x03"
_THAN = re.compile(r"(?<=\w) than (?=\w)", re.I)


def split_clauses(question: str, sources: list[str]) -> list[Clause]:
    """One clause per outlet-bearing segment; segments naming no outlet join the clause before them, unless they
    name a day of their own (a later report by the same outlet). When the question asks how the reports relate,
    each clause also carries the topic they are compared on."""
    asked_of_both = question
    question, topic = _asked_topic(question, sources) if _RELATION_ASKED.search(question) else (question, "")
    question = _ASKING_TAIL.sub("", question)
    # "Did Globex file for bankruptcy, and how much debt did it list?": the yes/no question is the claim, the one
    # joined to it asks for more (the quotes give it), and its words are no part of what a report must say
    if re.match(rf"^\W*(?:{AUXILIARY_WORDS})\b", question, re.I):
        question = JOINED_QUESTION.sub("", question)
    question = _CONCLUDING_TAIL.sub("", question.rstrip(" ?"))
    question = _LATER_REPORT.sub("\x00", question)
    offered = offered_alternatives(question)
    if offered and len(offered.group(0).split()) <= 4:  # "consistent or inconsistent": the answer, not a claim
        question = question[: offered.start()] + question[offered.end() :]
    # "... and Tech Wire says ...": an "and" right before a named outlet starts that outlet's clause
    for name in sources:
        short = outlet_short_name(name)
        question = re.sub(
            r",?\s+(?:and|or|with)\s+(?=(?:the\s+|'|‘)?(?:" + re.escape(name) + "|" + re.escape(short) + r")\b)",
            "\x00",
            question,
            flags=re.I,
        )
    question = _RELATION_OF_PEOPLE.sub(
        lambda m: (
            m.group(0).replace(" ", _KEPT_SPACE)
            if not named_sources(question[m.end() : m.end() + 60], sources)
            and not _A_REPORT.search(" ".join(question[m.end() :].split()[:4]))
            else m.group(0)
        ),
        question,
    )
    # "Did Globex earn more than Tide Works?" compares two things, not two reports: with no outlet after it, "than" is
    # the claim's own word (split there, the claim lost it: "Globex earn more Tide Works")
    question = _THAN.sub(
        lambda m: (
            m.group(0).replace(" ", _KEPT_SPACE)
            if not named_sources(question[m.end() :], sources) and not _A_REPORT.search(question[m.end() :])
            else m.group(0)
        ),
        question,
    )
    pieces = [
        _be_after_subject(p.replace(_KEPT_SPACE, " ")) if i else p.replace(_KEPT_SPACE, " ")
        for i, piece in enumerate(_BOUNDARY.split(question))
        for part in piece.split("\x00")
        for p in _at_each_outlet(part, sources)
        if p and p.strip(" ,.?")
    ]
    clauses: list[Clause] = []
    for piece in pieces:
        named = named_sources(piece, sources)
        days = _exact_days(piece)
        if not days and clauses and clauses[-1].day and _SAME_DAY.search(piece):
            days = [clauses[-1].day]
        same = re.search(r"\b(?:same|that)\s+(?:source|publication|outlet|news source)\b", piece, re.I)
        if not named and (same or _ITSELF.match(piece.strip()) or _ITS_REPORT.match(piece)) and clauses:
            named = [clauses[-1].source]
        # "Did Tech Wire report that Mara Lind was fired, and that she returned?": the outlet's second claim, said
        # with the first one's verb
        said = (
            (_SAID_THAT.search(clauses[-1].text) or _SAID.search(clauses[-1].text))
            if clauses and clauses[-1].source
            else None
        )
        if not named and said and re.match(r"that\s", piece.strip(), re.I):
            named = [clauses[-1].source]
            piece = f"{clauses[-1].source} {said.group('verb')} {piece.strip()}"
        if not named and clauses and clauses[-1].source and days and clauses[-1].day and days[0] != clauses[-1].day:
            named = [clauses[-1].source]  # "..., and again on <another day> about ...": that outlet's next report
        if not named and not clauses and _TRUTH_FRAME_ONLY.match(piece):
            continue  # "Is it true that | Tech Wire says X, and ...": the frame before the first outlet claims nothing
        if named or not clauses:
            clauses.append(Clause(piece, "", named[0] if named else "", days[0] if days else ""))
            siblings = [n for n in named if outlet_short_name(n) == outlet_short_name(named[0])] if named else []
            clauses[-1].sections = siblings if len(siblings) > 1 else []
        else:
            clauses[-1].text += " " + piece
            if days and not clauses[-1].day:
                clauses[-1].day = days[0]
    shared = "" if topic else _shared_predicate(asked_of_both, clauses)
    # "Did Tech Wire's Sunday roundup and the Ledger's jobs tracker both report that Globex cut prices?": what both
    # report is each one's claim, the words describing each report only point at it
    both_say = _BOTH_SAY.match(clauses[-1].text) if len(clauses) >= 2 and not topic and not shared else None
    # ... and "Do Tech Wire's jobs tracker and the Ledger's recap agree on how many jobs Globex cut?": what they agree
    # on is asked of each, whatever the labels say (the topic is named after "on")
    agree_on = _AGREE_ON.match(clauses[-1].text) if len(clauses) >= 2 and not topic and not shared else None
    # (a clause with no words of its own already takes the last one's claim, below)
    # (a report described by its topic, "the Tech Wire piece on prices", keeps it: `_shared_predicate`, below)
    labelled = all(c.source for c in clauses) and any(_worded(claim_words(c.text, sources)) for c in clauses[:-1])
    # "Do A's and B's reviews both state the game's price?": a thing, no clause, is what both are asked to mention
    thing = bool(both_say and _A_THING.match(both_say["rest"]))
    # (a thing named in what both say needs no topic from the labels: "A's story on the deal and B's piece on sellers
    # both bring up the Globex Box"; but "their respective products" points back at the labels' topics)
    own_name = bool(
        both_say
        and names_in(both_say["rest"])
        and not re.search(r"\b(?:their|its|respective|each)\b", both_say["rest"], re.I)
    )
    if (
        (labelled or thing)
        and both_say
        and all(c.source for c in clauses)
        and (
            own_name
            or (
                not any(_TOPIC_GIVEN.search(c.text) for c in clauses[:-1]) and not _TOPIC_GIVEN.search(both_say["head"])
            )
        )
    ):
        # (the thing's owner named only in the reports' labels goes with it: "reviews of the Globex Pad")
        owner = names_in(claim_words(both_say["head"], sources)) if thing and not names_in(both_say["rest"]) else []
        rest = f"{both_say['rest'].rstrip(' ?')} of {owner[0]}" if owner else both_say["rest"]
        for c in clauses:
            c.text = f"{'mention' if thing or both_say['mention'] else both_say['verb']} {rest}"
    elif labelled and agree_on:
        for c in clauses:
            # ("agree that X": each reports X)
            agreed = "report that" if agree_on["prep"].lower() == "that" else f"{agree_on['verb']} {agree_on['prep']}"
            c.text = f"{agreed} {agree_on['rest']}"
    frame = _ACCORDING_FRAME.match(asked_of_both)
    for c in clauses:
        # "Tech Wire's coverage of the trial says Mara Lind testified": what it says is the claim, the report's topic
        # only points at the report; what it says without a name of its own ("says a loss was made") needs the topic
        says = _DESCRIBED_REPORT_SAYS.search(c.text)
        if says and _ORDER_WORD.search(c.text, 0, says.end()):
            says = None  # "X before its review said Y": the report described is a second one, not this clause's
        told = c.text[says.end() :] if says else c.text
        topic_names = names_in(says.group("topic") or "") if says else []
        if says and not (names_in(told) and set(topic_names) <= set(names_in(told))):
            # "Tech Wire's write-up of Lind's testimony says she had ...": the pronoun is the one the topic names
            pronoun = re.match(r"(?:he|she|they)\s+(?=[a-z])", told, re.I)
            # (else the topic names what the report is about, which what it says leaves out)
            told = f"{topic_names[0]} {told[pronoun.end() :]}" if pronoun and len(topic_names) == 1 else c.text
        c.claim = _RELATION_VERB.sub(" ", claim_words(_PUBLISHED_TAIL.sub("", told), sources))
        c.claim = re.sub(r"\s+(?:and|or|while|whereas)$", "", " ".join(c.claim.split()).strip(" ,.;:"), flags=re.I)
        c.claim = _keep_passive(c.text, c.claim)
        c.claim = _named_subject(c.claim, clauses[: clauses.index(c)])
        covers = bool(_COVERS.search(c.text)) and not _ASSERTS.search(c.text)
        # a denial or a plan ("reported that regulators did not open an inquiry", "... that Globex would open plants")
        # is judged as written: the bare "did it happen?" reading asks only deeds said outright
        states = bool(
            c.source
            # "According to Tech Wire, did Globex cut prices?" asks whether it did, the outlet only framing it
            and (
                _STATES_AS_FACT.search(c.text)
                or (c is next(x for x in clauses if x.source) and frame)
                # ("According to Tech Wire and Bay News, did ...?" frames each outlet it names; two deeds set in
                # "the same month" are a relation a report may word across its sentences, judged as a report reads)
                or (frame and named_sources(frame.group(0), c.outlets) and not _SAME_TIME.search(c.claim))
            )
            and not _INTERPRETS.search(c.text)
            and not negated_words(c.claim)
        )
        c.stated = states and not hedged_words(c.claim)
        # a plan or a forecast said outright ("reported that Globex will open plants"): judged as written, but a
        # Yes needs a passage giving its names and numbers (parts.judge_part)
        c.plan_stated = states and not c.stated and bool(_FUTURE.search(c.claim))
        if covers:
            c.claim = _COVERING_VERB.sub("", c.claim)
        if topic:
            own = c.claim if len(re.findall(r"[A-Za-z]{3,}", _SCAFFOLD.sub(" ", c.claim))) >= 2 else ""
            c.claim = f"{own}, {topic}" if own else topic
        if covers or (topic and not own):
            c.claim = ABOUT + c.claim
        if shared and _worded(c.text):  # the shared deed is the claim, said of the report's own topic
            c.held = claim_words(shared, sources)
            c.claim = f"{c.held}, {c.claim.removeprefix(ABOUT)}"
            c.stated = False
    # A clause with no words of its own ("Do the articles from A and B both say X?") asks the next clause's claim of
    # its own outlet, or the last one's ("... before B did?"); with the same outlet as that clause, it is no part.
    worded = [_worded(c.claim.removeprefix(ABOUT)) for c in clauses]
    kept = []
    for i, c in enumerate(clauses):
        if worded[i]:
            kept.append(c)
            continue
        after = next((d for d, w in zip(clauses[i + 1 :], worded[i + 1 :]) if w), None)
        # the last one, only an outlet and its auxiliary ("... before Tech Wire did?"), asks the claim before it
        if after is None and i and (_ITS_AUXILIARY_ONLY.search(c.text) or _ITS_REPORT_ONLY.search(c.text)):
            after = next((d for d, w in zip(clauses[i - 1 :: -1], worded[i - 1 :: -1]) if w), None)
        if after is not None and c.source and c.source != after.source:
            kept.append(
                Clause(c.text, after.claim, c.source, c.day, after.stated, c.sections, plan_stated=after.plan_stated)
            )
    return kept or clauses[:1]


# "he returned", "she resigned": a claim whose subject is a pronoun, then a verb
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they|it)\s+(?=[a-z])", re.I)


def _named_subject(claim: str, before: list[Clause]) -> str:
    """ "... before Tech Wire reported that he returned": the pronoun stands for the name the claim before starts with
    ("Mara Lind was fired" -> "Mara Lind returned"); the claim as it is when none before starts with a name."""
    m = _PRONOUN_SUBJECT.match(claim)
    if m is None or not before:
        return claim
    subject = NAME_PHRASE.match(before[-1].claim)
    return f"{subject.group(0)} {claim[m.end() :]}" if subject else claim


# Words that ask rather than claim: "Did both" (of "Did both A and B report X?") says nothing an outlet could report.
_ASKING_WORDS = frozenset("did does do was were has have had both each all also".split())


def _worded(claim: str) -> bool:
    """The claim has words of its own: two or more of three letters or more, not counting the asking words."""
    return len([w for w in re.findall(r"[A-Za-z]{3,}", claim) if w.lower() not in _ASKING_WORDS]) >= 2


_ITS_AUXILIARY_ONLY = re.compile(r"\b(?:did|does|do|had|has|have|was|were)\s*[?.!]?\s*$", re.I)
# "... consistent with Tech Wire's report (on it)?": the last outlet's own report on the same thing
_ITS_REPORT_ONLY = re.compile(
    r"\b(?:reports?|reporting|articles?|coverage|piece|story|account)(?:\s+(?:on|of|about)\s+(?:it|this|that|them))?"
    r"\s*[?.!]?\s*$",
    re.I,
)


# Words that make a question about reports: only then can "agree" or "differ" ask how reports relate.
_ABOUT_REPORTS = re.compile(
    r"\b(?:reports?|reported|reporting|articles?|pieces?|stor(?:y|ies)|coverage|outlets?|sources?|publications?|"
    r"news|media|accounts?|portray\w*|describ\w*)\b",
    re.I,
)


# Words of agreeing, differing or contradicting in any form ("inconsistently", "aligned")
_A_RELATION = re.compile(
    r"\b(?:(?:in)?consisten\w*|(?:dis)?agree\w*|align\w*|contradict\w*|conflict\w*|differ\w*|(?:dis)?similar\w*|"
    r"chang(?:e|ed|es)|shift\w*|diverg\w*|discrepan\w*|the same)\b",
    re.I,
)


def _words_of_a_relation(question: str) -> bool:
    """Any word of agreeing, differing or contradicting, "the same source" aside."""
    return bool(
        _A_RELATION.search(
            re.sub(r"\bthe same\s+(?:source|publication|outlet|news source)\b", " ", question, flags=re.I)
        )
    )


def relation_asked(question: str) -> str:
    """ "agree" when the question asks whether reports agree / stay the same, "differ" when it asks whether they
    differ / changed, "unchanged" when it asks whether there was no change, "contradict" when it asks whether one
    contradicts the other, "" when it asks no relation."""
    if _NO_CHANGE.search(question):  # "did both reports ... indicate no change in X?" however long the way there
        return "unchanged"
    if not _RELATION_ASKED.search(question):
        return ""
    late = _LATE_AUXILIARY.search(question)
    asking = question[late.start() :] if late and not _AUXILIARY.match(question) else question
    # "the same source / day / case" names an article, it does not ask whether two reports are the same
    asking = re.sub(
        r"\bthe same\s+(?:source|publication|outlet|day|date|case|article|report|news source|period)\b",
        " ",
        asking,
        flags=re.I,
    )
    if _NO_CHANGE.search(asking):
        return "unchanged"
    found = [
        (m.start(), name)
        for name, rx in (("agree", _RELATION_AGREE), ("differ", _RELATION_DIFFER), ("contradict", _RELATION_CONTRADICT))
        if (m := rx.search(asking))
    ]
    return min(found)[1] if found else ""


# "Did A report X before or after B reported Y?": the order itself is asked, not whether one order holds
_WHICH_ORDER = re.compile(
    r"\b(?:before\s+or\s+after|after\s+or\s+before|earlier\s+or\s+later|later\s+or\s+earlier)\b", re.I
)
# "Did A report X on the same day B reported Y?": the two reports' days are asked to be one
_SAME_DAY = re.compile(r"\bon\s+the\s+same\s+(?:day|date)\b|\bthe\s+same\s+day\s+(?:as|that|when)\b", re.I)


# "... before Tech Wire previewed it": an order word right before an outlet's name places the two reports in time,
# whatever the verb that follows
_ORDER_BEFORE_OUTLET = re.compile(rf"\b({ORDER_WORDS})\s+(?:the\s+)?$", re.I)
# "Did Tech Wire run its piece on X before its interview with Y?": two reports of one outlet, placed in time
_ORDER_BEFORE_ITS_REPORT = re.compile(rf"\b({ORDER_WORDS})\s+{_ITS_REPORT_WORDS}", re.I)


def stated_order(question: str, sources: Sequence[str] = ()) -> str:
    """ "before" / "after": the order in which the question says its first-named part came relative to the next;
    "same" when it says they came on one day; "which" when it asks ("before or after ...?")."""
    if _SAME_DAY.search(question):
        return "same"
    if _WHICH_ORDER.search(question):
        return "which"
    words = []
    for source in sources[1:]:  # the first-named outlet is the one placed, never the one it is placed against
        at = _first_position(question, source)
        named = _ORDER_BEFORE_OUTLET.search(question[: max(at, 0)]) if at > 0 else None
        words += [named.group(1)] if named else []
    # ... or the word before the outlet's other report ("its harbour piece before its interview with Ada Brin")
    words += [m.group(1)] if (m := _ORDER_BEFORE_ITS_REPORT.search(question)) else []
    # those words decide: an "after" earlier may be a verb's ("a piece doubting the Rovers would go after Lind published
    # before Bay News reported ...")
    words += [m.group(1)] if (m := _ORDER_REPORT.search(without_unordered(question))) else []
    if not words:
        return ""
    return "before" if words[0].lower() in ("before", "earlier than", "prior to") else "after"


# A yes/no question after a leading clause: "Between the A report and the B report, was there ...?"
_LATE_AUXILIARY = re.compile(
    r",\s+(do|does|did|is|are|was|were|has|have|had|can|could|would|will)\s+['‘\"“]?(?:there|the|a|an|it|they|\w+)\b",
    re.I,
)


_AGREE_WORD = r"consistent|similar|the same|agree|aligned|unchanged"
_DIFFER_WORD = r"inconsistent|different|differ|changed?|discrepancy|divergent|contradictory|shifted"
_ALTERNATIVE = re.compile(
    rf"\b(?P<agree>{_AGREE_WORD})\b[^?]{{0,120}}?,?\s+or\s+(?:(?:is|are|was|were)\s+there\s+(?:an?\s+)?|"
    rf"(?:do|did|does)\s+(?:they|the\s+\w+)\s+\w+\s+|\w+\s+)?(?P<differ>{_DIFFER_WORD})\b"
    rf"|\b(?P<differ2>{_DIFFER_WORD})\b[^?]{{0,120}}?,?\s+or\s+(?:\w+\s+)?(?P<agree2>{_AGREE_WORD})\b",
    re.I,
)


# The two answers offered side by side ("consistent or inconsistent"): when a question says one of them earlier in
# another sense ("a similar decline ..., consistent or inconsistent with ..."), the pair is the offer.
_TIGHT_ALTERNATIVE = re.compile(
    rf"\b(?P<agree>{_AGREE_WORD})\s+or\s+(?P<differ>{_DIFFER_WORD})\b|\b(?P<differ2>{_DIFFER_WORD})\s+or\s+"
    rf"(?P<agree2>{_AGREE_WORD})\b",
    re.I,
)


def offered_alternatives(question: str) -> re.Match[str] | None:
    """Where the question offers its two answers: side by side when it does, else the first loose pair."""
    return _TIGHT_ALTERNATIVE.search(question) or _ALTERNATIVE.search(question)


# "Which game was won by more: Game 2 in the Daily Ledger, or Game 3 in Tech Wire?", "..., Globex or Tide Works?"
_NAMES_OFFERED = re.compile(
    r"[:,;—–]\s*(?:either\s+)?(?P<a>(?:the\s+|an?\s+)?[A-Z0-9][^,:;?—–]*?),?\s+or\s+"
    r"(?P<b>(?:the\s+|an?\s+)?[A-Z0-9][^,:;?]*?)\s*\?*\s*$"
)


# a description set beside what a who-question asks ("..., one of the apps Tech Wire listed?", "... — the trader Tech
# Wire described?"), and an outlet framing it first ("According to Ada Brin, which ...?")
_DESCRIBED_ASIDE = re.compile(r"\s*(?:,|\s[—–-])\s+(?:the|a|an|one\s+of)\s[^?,—–]+\?*\s*$", re.I)
_FRAMED_BY = re.compile(r"^\s*(?:according\s+to|per)\s[^,?]+,\s*", re.I)


def without_aside(question: str) -> str:
    """The who-question without a description set beside it ("Who founded Tide, one of the apps Tech Wire listed?" ->
    "Who founded Tide?"), or "" when it has none."""
    core = _DESCRIBED_ASIDE.sub("?", question, count=1)
    if core == question:
        return ""
    core = _FRAMED_BY.sub("", core, count=1)
    return core[:1].upper() + core[1:]


def names_offered(question: str) -> tuple[str, str] | None:
    """The two things a which-question offers as its answers, each as written ("Game 2 in the Daily Ledger")."""
    m = _NAMES_OFFERED.search(question)
    return (m["a"].strip(), m["b"].strip()) if m else None


def stated_alternatives(question: str) -> tuple[str, str] | None:
    """(the word for "they agree", the word for "they differ") when the question offers both as its answers."""
    m = offered_alternatives(question)
    if not m:
        return None
    agree, differ = m.group("agree") or m.group("agree2"), m.group("differ") or m.group("differ2")
    return agree.lower(), differ.lower()


def asks_yes_no(question: str) -> bool:
    return bool(
        _AUXILIARY.match(question)
        or (
            re.match(
                r"^\s*(?:between|after|before|following|considering|given|"
                r"based on|according to|in|since|when)\b",
                question,
                re.I,
            )
            and _LATE_AUXILIARY.search(question)
        )
    )


_EITHER = re.compile(
    r"\beither\b[^?]*\bor\b|\b(?:any|one)\s+of\s+(?:them|the\s+(?:two|outlets|articles|reports))\b", re.I
)


_MODAL = re.compile(r"\b(?:would|could|may|might|will|shall|should|can)\b", re.I)
_REPORTING_VERB = re.compile(r"\b(?:report|say|said|write|wrote|state|note|claim|announce|publish)(?:s|ed|d)?\b", re.I)


# "Does Tech Wire say, like Bay News, that ...?": an outlet in an aside, asked what the other is
_LIKE_ANOTHER = re.compile(
    r"^\s*(?P<aux>does|did|do)\s+(?P<one>\S.*?)\s+(?P<verb>say|report|write|claim|state|note|mention|confirm)\s*,\s*"
    r"(?:just\s+)?(?:like|as)\s+(?P<other>[^,?]+?)(?:\s+(?:does|did|do))?\s*,\s*(?P<rest>\S.*)$",
    re.I,
)
# "in the same month", "on the same day": two deeds set side by side, a relation rather than one deed
_SAME_TIME = re.compile(r"\bthe\s+same\s+(?:day|week|month|year|time|date|season)\b", re.I)
# A phrase that only frames a yes/no question before its auxiliary: "Per Tech Wire, did ...?" names the outlet as
# "According to" does; "To earn the bonus, do you need to spend $600?" asks its question with the phrase at the end.
# (Time and order phrases, "After the vote, did ...?", are read where they stand: they order the reports.)
_AUXILIARY_NEXT = rf"(?:{AUXILIARY_WORDS})\s"
_PER_OUTLET = re.compile(rf"^\s*(?:per|going\s+by|judging\s+by)\s+(?=[^,?]+,\s+{_AUXILIARY_NEXT})", re.I)
# ... and so does the same phrase at the end: "Did Globex cut prices, according to Tech Wire and Bay News?", "...,
# per Tech Wire?" is read as the question opened by it
_SOURCE_LAST = re.compile(
    rf"^(?P<ask>\s*{_AUXILIARY_NEXT}[^?]*?),\s+(?:according\s+to|per|going\s+by|as\s+reported\s+by)\s+"
    r"(?P<who>[^,?]+?)\s*\?*\s*$",
    re.I,
)
# ... as does a phrase that sets the scene: "Despite the strike, did Globex cut prices?", "Going into the final, had
# the Rovers never lost at home?" (of two words or more, not a question word's, nor a name the question then points
# back to: "Mara Lind, did she resign?")
_SCENE_LEAD = (
    r"(?!(?:after|before|between|following|considering|given|based|according|in|on|at|since|when|while|once|until|"
    r"during|per|as|by|from|who|whom|whose|what|which|where|why|how|if|unless|and|but|so|or|yes|no|well)\b)"
    r"[A-Za-z][\w'’-]*\s[^?,;:]{1,80}?"
)
# the yes/no question after a leading phrase and its comma, to the question mark
_ASKED_AFTER_LEAD = rf",\s+(?P<ask>{_AUXILIARY_NEXT}[^?]+)\?\s*$"
_FRAMING_LEAD = re.compile(
    rf"^\s*(?P<lead>(?:to|in\s+order\s+to)\s[^?]*?|{_SCENE_LEAD}){_ASKED_AFTER_LEAD}",
    re.I,
)


# "After the board fired her, did Mara Lind sue?": an event the question sets its own before, not a report: asked
# with the phrase at the end, as the order of the two events it is ("Did Mara Lind sue after the board fired her?")
_EVENT_ORDER_LEAD = re.compile(rf"^\s*(?P<lead>(?:after|before|following)\s[^?,;:]{{1,80}}?){_ASKED_AFTER_LEAD}", re.I)
_REPORT_WORD = re.compile(rf"\b{REPORT_NOUN}\b", re.I)
# "After Tech Wire reported that the Rovers could still win the group, did they end up winning it?": how it ended is
# asked, which the report before it could not say; the report only sets the scene
_ENDED_AFTER_REPORT = re.compile(
    rf"^\s*(?:after|following)\s[^?;:]{{1,160}}?\b(?:report|say|said|wrote|note|state)\w*\b[^?;:]*?,\s+"
    rf"(?P<ask>(?:{AUXILIARY_WORDS})\s+(?:[\w'’-]+\s+){{1,4}}?end(?:ed)?\s+up\b[^?]*)\?\s*$",
    re.I,
)
# "In early October, did Globex cut prices?", "By March 2031, had Lind resigned?": a time the question is set at, asked
# with the time at the end, where the readers of a dated claim find it
_TIME_LEAD = re.compile(
    rf"^\s*(?P<lead>(?:in|on|by|during|as\s+of)\s(?=[^?,;:]*(?:\b{MONTH_NAME}\b|\b\d{{4}}\b))[^?,;:]{{1,60}}?)"
    rf"{_ASKED_AFTER_LEAD}",
    re.I,
)


_TAG_ASKED = re.compile(r"(?:is|was|are|were)(?:n['’]t)?\s+(?:that|it|this|they|he|she)\b", re.I)
# words that open a phrase setting the scene, capitalised only as its first word
_LEAD_WORDS = frozenset("despite amid ahead even across without three two four five six last next".split())


def with_auxiliary_first(question: str) -> str:
    """The question opened by its auxiliary when a framing phrase comes first ("To earn the bonus, do you need to
    spend $600?" -> "Do you need to spend $600 to earn the bonus?"), "Per X," read as "According to X,"; any other
    question as it is."""
    # "Does Tech Wire say, like Bay News, that ...?" asks both outlets what one of them is asked
    like = _LIKE_ANOTHER.match(question)
    if like:
        aux = "Did" if like["aux"].lower() == "did" else "Do"
        question = f"{aux} {like['one']} and {like['other']} both {like['verb']} {like['rest']}"
    last = _SOURCE_LAST.match(question)
    if last:
        ask = last["ask"].strip()
        question = f"According to {last['who']}, {ask[0].lower()}{ask[1:]}?"
    question = _PER_OUTLET.sub("According to ", question, count=1)
    m = _FRAMING_LEAD.match(question)
    if m is None:
        m = _EVENT_ORDER_LEAD.match(question) or _TIME_LEAD.match(question)
        # (nor a lead before two questions joined, which it may set only the first of)
        if (
            m is None
            or _REPORTING_VERB.search(m["lead"])
            or _REPORT_WORD.search(m["lead"])
            or _TWO_QUESTIONS.search(m["ask"])
        ):
            return question
        if m.re is _EVENT_ORDER_LEAD and re.search(r"\bboth\b", m["ask"], re.I) and _REPORTING_VERB.search(m["ask"]):
            # "After the vote, do Tech Wire and Bay News both say ...?": what the outlets say is asked; the event only
            # sets the scene, and is no part each must state
            return f"{m['ask'][0].upper()}{m['ask'][1:]}?"
    lead, ask = m["lead"], m["ask"]
    # "Mara Lind resigned, is that true?": a statement asked about, not a scene
    if NAME_PHRASE.fullmatch(lead.strip()) or _TAG_ASKED.match(ask) or len(ask.split()) < 3:
        return question
    # a name keeps its capital ("Three days after Ostland's win" does not, nor "Despite" or "Under Lind's plan")
    first = lead.split()[0]
    if not (first.isupper() and len(first) > 1) and (
        first.lower() in STOPWORDS | _LEAD_WORDS or first.lower().endswith("ing") or not re.match(r"\S+\s+[A-Z]", lead)
    ):
        lead = lead[0].lower() + lead[1:]
    return f"{ask[0].upper()}{ask[1:]} {lead}?"


def read_question(question: str, known_sources: list[str]) -> Reading:
    question = with_auxiliary_first(question)
    # "Which came first: A's report on X, or B's on Y?" is read as "Was A published before B?", its lead the report
    which = which_first_asked(question, known_sources)
    if which is None:
        return _read_question(question, known_sources)
    reading = _read_question(which[0], known_sources)
    reading.which_came = "first" if which[1] else "later"
    # only the order is asked: "the piece marking its first birthday" states no change between the reports, and
    # "A published before B" is the order whatever the outlets' names after it (several sections of one outlet)
    reading.relation, reading.order = "", "before"
    if len(reading.clauses) >= 2 and all(c.source for c in reading.clauses[:2]):
        reading.shape = "order"
    return reading


def _read_question(question: str, known_sources: list[str]) -> Reading:
    sources = named_sources(question, known_sources)
    # (an outlet's words are its articles' text, quoted as they answer the topic: no speaker to find in them)
    speech = speech_parts(question) if not outlet_topic_asked(question, known_sources) else None
    reading = Reading(
        shape="open",
        sources=sources,
        unknown_outlets=unknown_outlets(question, known_sources),
        days=mentioned_days(question),
        speech=speech,
    )
    if speech and not _AUXILIARY.match(question):
        reading.shape = "quote"
        return reading
    if _ENTITY.match(question) and not WHO_IS_NAMED.match(question):
        reading.shape = "entity"
    elif asks_yes_no(question):
        # "Did Ostland and Norrvik agree to a truce?" asks about the world, not whether two reports agree
        reading.relation = relation_asked(question) if sources or _ABOUT_REPORTS.search(question) else ""
        reading.alternatives = stated_alternatives(question)
        if reading.alternatives and not reading.relation:
            reading.relation = "agree"
        reading.order = stated_order(question, sources)
        # "After X reported A, did Y report B?" states the order as its premise and asks about B; only a question
        # that opens with its verb ("Did X report A before Y ...?") asks for the order itself
        # ... unless it asks how the reports relate ("Did A contradict its report after B reported X?")
        if (
            reading.order
            and (len(sources) + len(reading.days) >= 2 or _ORDER_BEFORE_ITS_REPORT.search(question))
            and _AUXILIARY.match(question)
            and not reading.relation
        ):
            reading.shape = "order"
        elif reading.relation or len(sources) >= 2:
            reading.shape = "comparison"
            reading.either = len(sources) >= 2 and bool(_EITHER.search(question))
        else:
            reading.shape = "yesno"
    # ("before or after" splits where "before" does: its "or after" is no part of a claim)
    split = _WHICH_ORDER.sub("before", question) if reading.order == "which" else question
    reading.clauses = split_clauses(split, sources) if reading.shape != "open" else []
    # "Did Globex cut prices, and did Tide Works raise them?": two questions of no outlet, each a part of its own (one
    # clause would ask both events of one sentence)
    asked = _TWO_QUESTIONS.split(split)
    if reading.shape == "yesno" and not sources and len(asked) == 2 and all(len(a.split()) >= 3 for a in asked):
        reading.clauses = [c for a in asked for c in split_clauses(a, sources)]
    # "Did Tech Wire list Globex at $5?", "Was Mara Lind the Tech Wire reviewer's pick?": one outlet, asked what it
    # says rather than how it reads ("does Tech Wire suggest ...?"): judged as the bare "did it happen?" is, inside
    # its articles; a paraphrase that only shares the topic is no Yes
    if reading.shape == "yesno" and len(reading.clauses) == 1 and reading.clauses[0].source:
        only = reading.clauses[0]
        only.stated = only.stated or not (
            only.day
            or _INTERPRETS.search(only.text)
            or _COVERS.search(only.text)
            or only.claim.startswith(ABOUT)
            or negated_words(only.claim)
            # a plan asked as said ("would open plants") is judged as written; a vow or a plan said to have been
            # made ("had vowed to retire") is a deed like any other
            or _MODAL.search(only.claim)
            # "say anything about X", "report Mara Lind's comments": a verb of reporting before a topic, not a claim
            or (_REPORTING_VERB.search(only.text) and not _STATES_AS_FACT.search(only.text))
        )
    # "Did Tech Wire report X before it reported Y?": one outlet, two reports of it, whose order is asked; not "did
    # its report after the trial and the subsequent one portray him inconsistently?", which asks how they relate in
    # words the relation reader does not take for its verb
    if (
        reading.shape == "yesno"
        and reading.order
        and _AUXILIARY.match(question)
        and len(reading.clauses) >= 2
        and not _words_of_a_relation(question)
    ):
        reading.shape = "order" if all(c.source for c in reading.clauses[:2]) else reading.shape
    return reading


# Words that point at someone or something named before ("Did he come back?", "Who did it?"): asked on its own, such a
# question names nothing to search the articles for.
_POINTER = re.compile(r"\b(?:he|she|it|they|him|her|them|his|its|their|this|that)\b", re.I)
# More plain words than this say what is asked about even without a name ("did they cut the harbour toll fees?")
POINTED_WORDS = 2


_A_TIME = re.compile(rf"\b(?:{'|'.join(CALENDAR_NAMES)}|\d+(?:st|nd|rd|th)?)\b,?")


def points_at_no_one(question: str) -> str:
    """The pointing word of a question that names no one and nothing ("he" of "Did he come back?"), else ""."""
    m = _POINTER.search(question)
    if m is None:
        return ""
    # the first word is capitalised because it starts the question, not because it is a name; a time names no one
    # ("Was he fired in November 2023?")
    words = _A_TIME.sub(" ", question).strip().split(maxsplit=1)
    lowered = " ".join([words[0].lower(), *words[1:]])
    content = analyse(lowered)[1]
    if names_in(lowered) or any(kind != "word" for _, _, kind in content) or len(content) > POINTED_WORDS:
        return ""
    return m.group(0)


# A question with a blank where a name was to be typed (a form filled in part, a name deleted): any passage holding its
# other words would answer it, so the blank is pointed out instead
_AUX = rf"(?:{AUXILIARY_WORDS})"
_PREPOSITION = r"(?:in|on|at|to|for|with|about|from|by|against|into|of|between)"
# prepositions that are never an adverb ending a question ("Is the strike over?", "Who stepped in?", "Who stood by?")
_ONLY_PREPOSITION = r"(?:to|for|with|about|from|against|into|of|between)"
# words that can be the whole subject of "did ...?" ("Did it?", "Did anyone?")
_SUBJECT_WORDS = "|".join(
    sorted(
        SUBJECT_PRONOUNS
        | set("you this that these those anyone anybody someone somebody everyone everybody any all both".split())
    )
)
# "... but decided not to?", "... wanted to?": an infinitive left off after its verb, no blank ("tied to?" is a
# preposition stranded after its participle)
_TO_LEFT_OFF = re.compile(
    r"\b(?:not|want|wants|have|has|had|need|needs|plan|plans|going|used|able|try|tries|ought|supposed|(?!happened\b)\w+ed)\s+$",
    re.I,
)
_BLANKS = [
    # two spaces or more before a lower-case word or the question mark: "What did  say about Ostland?"
    re.compile(r"(?P<word>[\w'’]+)[^\S\n]{2,}(?=[a-z?])"),
    # an article or a conjunction right before the question mark ("Who is the chief of the?"), or a preposition with a
    # space between ("Who is the chief executive of ?"; "What was Mara Lind convicted of?" is whole)
    re.compile(r"\b(?P<word>the|a|an|and|or)[^\S\n]*\?*$"),
    re.compile(rf"\b(?P<word>{_PREPOSITION})[^\S\n]+\?+$", re.I),
    # a who / what question of one verb with a space where its object was to be: "Who fired ?", "Who became ?"
    re.compile(r"^(?i:who|what)\s+(?P<word>[a-z]+)[^\S\n]+\?+$"),
    # a post's adjective with no post after it: "Who is the new ?", "Who was the former?"
    re.compile(r"\b(?i:the|a|an)\s+(?P<word>(?i:new|former|next|current|interim|acting))[^\S\n]*\?+$"),
    # "did" and a verb with no one to have done it: "Did lose?", "Does win?"
    re.compile(rf"^(?P<word>(?i:did|does|do))\s+(?!(?i:{_SUBJECT_WORDS})\b)[a-z]+[^\S\n]*\?+$"),
    # "and" / "or" with nothing before it: "Are and dating?", "Did Globex buy or ?"
    re.compile(rf"^(?:\w+\s+)?(?P<word>(?i:{_AUX}))\s+(?:and|or)\b"),
    re.compile(rf"\b(?P<word>(?i:{_PREPOSITION}|the)|and|or)\s+(?:and|or)\b"),
    # a preposition ending a yes/no question, or a who / what question with no auxiliary to strand it ("Who did Globex
    # invest in?" is whole): "Did Mara Lind resign from?", "What happened to?"
    re.compile(rf"^{_AUX}\b.*\b(?P<word>{_ONLY_PREPOSITION})\?*$", re.I),
    re.compile(
        rf"^(?:who|what(?:\s+(?!{_AUX}\b)\w+)?|which\s+\w+)\s+(?!{_AUX}\b)(?:\w+\s+)*?(?P<word>{_ONLY_PREPOSITION})\?*$",
        re.I,
    ),
]


def left_blank(question: str) -> str:
    """The word a blank follows ("in" of "Who invested in ?", "Are" of "Are and dating?"), else ""."""
    for pattern in _BLANKS:
        m = pattern.search(question.strip())
        if m is None:
            continue
        before = question.strip()[: m.start("word")]
        if _STRANDED_AFTER_VERB.search(before) or _INNER_CLAUSE.search(before):
            continue
        if m.group("word").lower() == "to" and _TO_LEFT_OFF.search(question.strip(), 0, m.start("word")):
            continue
        return m.group("word")
    return ""


# "... on how many counts Mara Lind was found guilty of?", "... the $5 million buyers were hoping for?": a question
# or a clause inside the question, with a subject and a verb of its own, strands the preposition; no blank
_INNER_CLAUSE = re.compile(
    r"(?<=\S)\s+(?:how\s+(?:many|much)|what|which|who|whom)\s.*\s$"
    r"|(?<=\S)\s+[\w'’-]+\s+(?:was|were|is|are|had|has|have)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s+$",
    re.I,
)
# "... in the game Tech Wire wrote about?": a preposition stranded by a relative clause's subject and verb, no blank
_STRANDED_AFTER_VERB = re.compile(
    r"(?<![\w'’])(?!(?:What|Who|Which|Where|When|Why|How)\b)(?:[\w.'’-]*[A-Z][\w.'’-]*|he|she|they|we|you|I)\s+"
    r"(?:[a-z]{2,}ed|wrote|spoke|read|heard|told|said|saw|knew|fought|brought)\s+$"
)
