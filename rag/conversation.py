"""A conversation with the assistant: each follow-up ("Did he come back?", "When?", "And Theo Park?", "What else did
she say?") is rewritten to stand alone from the questions before it, then asked; the UI shows it as rewritten."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rag.answer.names import a_competition, names_in, stands_for_a_person
from rag.answer.reading import named_sources, outlet_topic_asked, without_auxiliary, yes_no_asked
from rag.answer.stated import read_slot
from rag.core.text import IRREGULAR_VERBS, check_question, plain_form
from rag.core.types import Answer
from rag.extractive import question_entities, speech_parts

if TYPE_CHECKING:
    from rag.assistant import Assistant

_PRONOUN = re.compile(r"\b(he|she|him|her|his|they|them|their|it|its|that|this)\b", re.I)
_ELLIPSIS_REACH = 3  # turns back in which a bare "When?" looks for the yes/no question it asks about
# "And Theo Park?", "What about the Mariners?": the question before, asked of another
_ANOTHER = re.compile(
    r"^\s*(?:and|what\s+about|how\s+about)\s+(?P<name>[\w.’'&-]+(?:\s+[\w.’'&-]+){0,3})\s*\??\s*$", re.I
)
_NOT_A_NAME = frozenset("then now else more so too also why when how what who where which".split()) | frozenset(
    "he she him her it its they them their this that".split()
)
# the pronouns that stand for a whole name rather than belong to one ("its factory", "their plan")
_POINTING = re.compile(r"\b(he|she|him|her|they|them|it|that|this)\b", re.I)
# A follow-up asking for more than was already answered ("what else", "anything more", "tell me more", "what more did
# she say?", "besides that?"); "more than", "more X than", "say more jobs go", "besides damages, is ...?" ask anew
_NOT_COMPARED = r"(?!\s+(?:[\w-]+\s+)?than\b)"
_MORE = re.compile(
    r"\b(?:what|anything|something|who|where)\s+else\b"
    # ("What more can Globex do?" asks something new)
    r"|\bwhat\s+more\b(?=\s*[?.!]?\s*$|[^?]*\b(?:say|said|tell|told|add|added|report|reported|write|wrote|there)\b)"
    rf"|\b(?:anything|something|tell\s+me|say|said|is\s+there|any)\s+more\b{_NOT_COMPARED}"
    r"(?=\s*(?:[?.!,]|$|(?:about|on|of|from|regarding|did|does|do|has|have|had|was|is)\b))"
    r"|\bother\s+things?\b|\bbesides\s+(?:that|this|these|those|it|what)\b|\bbesides\s*[?.!]?\s*$",
    re.I,
)
_ELSE = re.compile(r"(?<=\w)\s+else\b", re.I)
# A follow-up that cannot stand alone: a question word, alone or after a preposition ("When?", "How much?", "Of how
# many counts?", "By whom?", "In which year?"); after a yes/no question it asks that question's when or how much.
_ELLIPTICAL = re.compile(
    r"^\s*(?:(?:and|so|but)\s+)?(?P<ask>(?:(?:of|by|for|from|to|against|with|in|on|at|since|until)\s+)?"
    r"(?:when|why|where|whom|how(?:\s+(?:much|many|long|often|far)(?:\s+(?!exactly|then)[\w-]+){0,2})?"
    r"|(?:which|what)\s+[\w-]+))"
    r"\s*(?:exactly|then)?\s*\??\s*$",
    re.I,
)
# "What was the score?", "And the final result?": a short follow-up naming nothing asks about "the" thing of the
# question before ("What is the boiling point of mercury?" names what it is of, and stands alone)
_THE_THING = re.compile(
    r"^\s*(?:(?:and|so|but)\s+)?(?:(?:what|how)\s+(?:was|is|were|are|did)\s+)?the\s+(?:[a-z-]+\s+){0,1}[a-z-]+\s*\??\s*$",
    re.I,
)
# "Who scored the winner?", "Where is the company based?", "Was anyone sent off?": a short follow-up naming nothing
# that asks of "the" part of an event or a company, or of "anyone" in it, asks of the one just discussed (asked alone,
# "the winner" is any match's)
_OF_THE_ONE_DISCUSSED = re.compile(
    r"\b(?:the\s+(?:company|firm|startup|winner|score|result|deal|game|match|fight|bout|race|trial|verdict|case|"
    r"lawsuit|team|club|book|film|movie|album|show|study|merger|sale|stake|price|goal|winner|vote|ruling)|anyone|"
    r"anybody|someone|somebody)\b",
    re.I,
)
_FOLLOW_UP_WORDS = 8
# "How did the Rovers' cup final against the Mariners go?", "What happened with Globex's bid for Tide Works?": the
# question asks about one event, which a follow-up's "in it", "in that match" or "the goal" is part of
_EVENT_ASKED = re.compile(
    r"^\s*(?:how\s+did\s+(?P<np>[^?]+?)\s+(?:go|end|turn\s+out|finish|unfold|play\s+out)|"
    r"what\s+happened\s+(?:with|in|at|to|during)\s+(?P<np2>[^?]+?))\s*\??\s*$",
    re.I,
)
_IN_IT = re.compile(
    r"\b(?P<prep>in|at|during|from|of|after|since)\s+(?:(?:that|this)\s+(?:match|game|fight|bout|race|meeting|vote|"
    r"event|summit|trial|hearing|final)|it|that|this)\b(?!\s+(?:was|is|had|has|would|will)\b)",
    re.I,
)
# "How much profit did the company make in the third quarter?", "Which fight was the network's first broadcast?": a
# body named only by its kind is the one just discussed, however long the question (naming nothing, it has no other)
_THE_BODY = re.compile(
    r"\bthe\s+(?:company|firm|startup|network|broadcaster|channel|studio|publisher|bank|lender|insurer|airline|"
    r"retailer|automaker|team|club)\b",
    re.I,
)
NOTHING_MORE = (
    "That is all the articles say on this: no passage beyond the ones already quoted above. The closest "
    "remaining passages are in the sources panel."
)


@dataclass
class Conversation:
    assistant: Assistant
    defaults: dict = field(default_factory=dict)
    turns: list[tuple[str, Answer]] = field(default_factory=list)

    def resolve(self, question: str) -> str:
        """Rewrite a follow-up so it stands alone: 'what did he say about the balloon?' -> '… Keane …', 'When?' after
        'Did Mara Lind resign?' -> 'When did Mara Lind resign?'."""
        # "Did the Rovers win the final?" after "How did the Rovers reach the Harbour Cup final?": that final
        earlier = [a.question or q for q, a in reversed(self.turns[-_ELLIPSIS_REACH:])]
        question = _named_as_before(question, earlier)
        # (the outlets are looked up only for a question that may point at them)
        if _THE_OUTLETS.search(question) or _ENDS_POINTING.search(question):
            known = self.assistant.store.sources()
            compared = _the_outlets_compared(question, earlier, known) or _outlet_asked_of_that(
                question, earlier, known
            )
            if compared:
                return compared
        elliptical = _ELLIPTICAL.match(question)
        another = _ANOTHER.match(question)
        if another and _NOT_A_NAME & set(another.group("name").lower().split()):
            another = None
        the_thing = (
            bool(_THE_THING.match(question) or _THE_BODY.search(question))
            or (bool(_OF_THE_ONE_DISCUSSED.search(question)) and len(question.split()) <= _FOLLOW_UP_WORDS)
        ) and not names_in(without_auxiliary(question))
        if the_thing:
            another = None  # "And the final result?" asks the result of the same, not a question of "final result"
        if not self.turns or not (_PRONOUN.search(question) or elliptical or another or the_thing):
            return question
        # "When did Globex open its factory?": a question naming its own subject points back only within itself, and
        # so does one after a statement naming it ("Back then the Globex Act was in talks. Is that still the case?")
        if not (elliptical or another or _POINTING.search(question)) and names_in(without_auxiliary(question)):
            return question
        statement = re.match(r"^(?P<said>[^?]+?[.;!])\s+(?=\S[^?]*\?\s*$)", question)
        if statement and names_in(without_auxiliary(statement["said"])):
            return question
        # the latest earlier question that names someone: "Of how many counts?" names no one, the one before does
        previous, subject, answered, winners, named_any = "", "", "", "", False
        for asked, answer in reversed(self.turns):
            previous = _ELSE.sub("", answer.question or asked)  # "What else did Keane say?" asked about Keane's speech
            subject = _subject(previous)
            if subject:
                answered = _person_answered(previous, answer.text)
                winners = _named_answered(previous, answer.text)
                named_any = answer.text.startswith("**")
                break
        if not subject:
            return question
        # "Did Mara Lind play in it?", "Who scored the goal?" after "How did the Rovers' final go?": in that event
        scene = next(
            (m for q, a in reversed(self.turns[-_ELLIPSIS_REACH:]) if (m := _EVENT_ASKED.match(a.question or q))), None
        )
        if scene and not elliptical and not another:
            what = scene["np"] or scene["np2"]
            if _IN_IT.search(question):
                return _IN_IT.sub(lambda m: f"{m['prep']} {what}", question, count=1)
            if the_thing:
                return f"{question.strip().rstrip(' ?')} in {what}?"
        # "Was Vale out after he hurt his back?": "he" is the one the question names before it, not one from before
        if _named_before_pronoun(question, previous):
            return question
        asked = yes_no_asked(previous).rstrip(" ?")
        if elliptical:
            # "How many?" then "Why?" after "Did Globex cut jobs?": both ask about the last yes/no question
            recent = (yes_no_asked(a.question or q) for q, a in reversed(self.turns[-_ELLIPSIS_REACH:]))
            event = next((e.rstrip(" ?") for e in recent if e), "")
            # "When?" after "Who did the Rovers beat?" answered "Mariners": when the Rovers beat the Mariners
            event = _answered_as_asked(previous, winners) or event
            if event:
                ask = elliptical.group("ask")
                return f"{ask[0].upper()}{ask[1:]} {event[0].lower()}{event[1:]}?"
        # "What about earnings?" after "Did Globex miss revenue expectations?": one word in lower case is a thing,
        # not a name to put in the place of Globex ("and theo park?" is a name typed in lower case)
        if another and re.fullmatch(r"[a-z-]+", another.group("name")):
            return f"{question} ({subject})"
        if another:
            return _asked_of(another.group("name"), asked) if asked else question
        speech = speech_parts(previous)
        # "Did she come back?" after a question about Mara Lind and Globex asks about Mara Lind: the person stands
        # in for the pronoun, so that the claim reads "Mara Lind come back" and not "she come back (Mara Lind Globex)";
        # after "Who runs Globex?" answered "Mara Lind", "she" is Mara Lind
        names = names_in(without_auxiliary(previous))
        people = [n for n in names if stands_for_a_person(n)]  # "he" is never a prize's name nor a bank's
        # "Who did they beat?" after "Who won the Harbour Cup?" answered "Rovers": "they" are the answer
        if not speech and winners and re.search(r"\bthey\b", question, re.I):
            return re.sub(r"\bthey\b", winners, question, count=1, flags=re.I)
        # "What reason did they give?" after "Did Globex go through with buying Tide Works?": the first named, not a
        # competition ("How did the Rovers reach the Harbour Cup final?") nor a place ("the Rovers' tour of Ostland")
        bodies = [
            n
            for n in names
            if not a_competition(n) and not re.search(r"\b(?:of|in|at|to)\s+(?:the\s+)?" + re.escape(n), previous)
        ]
        if not speech and not winners and bodies and re.search(r"\bthey\b", question, re.I):
            body = f"the {bodies[0]}" if re.search(r"\bthe\s+" + re.escape(bodies[0]), previous) else bodies[0]
            return re.sub(r"\bthey\b", body, question, count=1, flags=re.I)
        # "Did she stay on?" after "Who did Globex name as chair when it fired Theo Park?" went unanswered: "she" is
        # the one asked for, whom no passage named, not a person the question named
        someone = _ASKS_FOR_SOMEONE.match(previous) if not speech and not named_any else None
        if someone and re.search(r"\b(?:he|she|his|her|him)\b", question, re.I):
            # ("How long did he give them?" after "Which Ostland minister wrote to Globex?": the minister)
            if someone["role"] and re.search(r"\b(?:he|she|him)\b", question, re.I):
                return re.sub(r"\b(?:he|she|him)\b", f"the {someone['role']}", question, count=1, flags=re.I)
            if people:
                return question
        if not speech and (people or answered):
            if re.search(r"\b(he|she)\b", question, re.I):
                return re.sub(r"\b(he|she)\b", answered or people[0], question, count=1, flags=re.I)
            # "Who replaced her?" after "Did Theo Park fire Mara Lind?": the person it was done to
            if _OBJECT_PRONOUN.search(question):
                return _OBJECT_PRONOUN.sub((people or [answered])[-1], question, count=1)
        if speech and re.search(r"\b(he|she|they)\b", question, re.I):
            return re.sub(r"\b(he|she|they)\b", subject, question, count=1, flags=re.I)
        # "Did he do it with Ada Brin?" after a question naming only things ("the Ostland Prize"): no one known is
        # "he", and the question names its own to search by; the things would only mislead it
        if (
            not speech
            and re.search(r"\b(he|she)\b", question, re.I)
            and names_in(without_auxiliary(question))
            and not any(len(n.split()) == 1 for n in names)
        ):
            return question
        return f"{question} ({subject})"

    def ask(self, question: str, **options) -> Answer:
        question = check_question(question)
        standalone = self.resolve(question)
        history = [(q, a.text) for q, a in self.turns[-3:]]
        # "What else did he say?" must move on: what earlier answers quoted cannot be quoted again
        said = (
            {(c.article_id, c.start, c.end) for _, a in self.turns for c in a.citations}
            if _MORE.search(question)
            else set()
        )
        # "else" is what `said` stands for; without it "What did Keane say?" reads as a question about speech
        asked = _ELSE.sub("", standalone) if said else standalone
        answer = self.assistant.ask(asked, history=history, already_said=said or None, **{**self.defaults, **options})
        if said and not answer.citations:
            answer.text = NOTHING_MORE
            answer.refused = True
        self.turns.append((standalone, answer))
        return answer

    def reset(self) -> None:
        self.turns.clear()


# an event or a case a question names by its kind only ("the final", "the trial")
_THE_KIND = re.compile(
    r"\bthe\s+(?P<kind>final|trial|deal|match|game|race|election|vote|summit|case|merger|tour|series|season|draft|"
    r"lawsuit|hearing|auction)\b",
    re.I,
)


# "Do the two outlets agree?", "Which of the two pieces came out first?", "Did either of them mention Ada Brin?": the
# outlets the chat named
_REPORTS = r"(?:outlets|publications|sites|papers|pieces|articles|stories|reports|write-ups)"
_THE_OUTLETS = re.compile(
    rf"\b(?:(?P<which>either|neither|both|each)\s+of\s+(?:them|those|these|the)(?:\s+two)?(?:\s+{_REPORTS})?|"
    rf"(?:the\s+two|both(?:\s+the)?)\s+{_REPORTS})\b",
    re.I,
)
_AS_BOTH = {
    "either": "either {} or {}",
    "neither": "neither {} nor {}",
    "both": "both {} and {}",
    "each": "each of {} and {}",
}
# "... agree?" with nothing said to agree on
_AGREE_ON_NOTHING = re.compile(r"\b(?:agree|disagree|differ|contradict\s+each\s+other)\s*\??\s*$", re.I)


def _the_outlets_compared(question: str, earlier: list[str], known: list[str]) -> str:
    """The question with "the two outlets" (or "either of them") as the two outlets the chat's earlier questions
    named, and what they were asked about; "" when it says no such thing, names an outlet itself, or the chat named
    fewer than two outlets."""
    m = _THE_OUTLETS.search(question)
    if m is None or named_sources(question, known):
        return ""
    outlets: list[str] = []
    for asked in reversed(earlier):  # oldest first: the order the chat named them in
        outlets += [o for o in named_sources(asked, known) if o not in outlets]
    if len(outlets) < 2:
        return ""
    first, second = outlets[-2:]
    which = (m["which"] or "").lower()
    both = _AS_BOTH[which].format(first, second) if which else f"{first} and {second}"
    rewritten = question[: m.start()] + both + question[m.end() :]
    topic = _topic_before(earlier, known)
    if not topic:
        return rewritten
    if _AGREE_ON_NOTHING.search(rewritten):
        return re.sub(r"\s*\??\s*$", f" on {topic}?", rewritten, count=1)
    return f"{rewritten.rstrip()} ({topic})"


_POINTING_TOPICS = frozenset({"that", "this", "it", "the same", "the same thing", "those", "these"})
# "... take on that?", "... say about it?": a topic asked of an outlet that points back
_ENDS_POINTING = re.compile(
    r"\b(?:about|on|of|regarding)\s+(?:that|this|it|the\s+same(?:\s+thing)?|those|these)\W*$", re.I
)


def _topic_before(earlier: list[str], known: list[str]) -> str:
    """The topic the latest earlier question asked an outlet about, not one that only points back ("that")."""
    topics = (outlet_topic_asked(asked, known) for asked in earlier)
    return next((t for t in topics if t and t.lower() not in _POINTING_TOPICS), "")


def _outlet_asked_of_that(question: str, earlier: list[str], known: list[str]) -> str:
    """ "And what was Bay News's take on that?" after "What did Tech Wire say about the strike?": the outlet asked
    about the topic of the question before; "" for any other question."""
    topic = outlet_topic_asked(question, known)
    if topic.lower() not in _POINTING_TOPICS:
        return ""
    before = _topic_before(earlier, known)
    if not before:
        return ""
    return re.sub(rf"\b{re.escape(topic)}(\W*)$", lambda m: before + m.group(1), question.rstrip(), count=1)


def _named_as_before(question: str, earlier: list[str]) -> str:
    """The question with "the final" written as the latest earlier question names it ("the Harbour Cup final"); as it
    is when no earlier question names one."""
    for m in reversed(list(_THE_KIND.finditer(question))):
        kind = m["kind"]
        named = next(
            (f for e in earlier if (f := re.search(rf"((?:[A-Z][\w.'’&-]*\s+){{1,4}}){re.escape(kind)}\b", e))), None
        )
        if named and named.group(1).strip() not in question:
            question = f"{question[: m.start()]}the {named.group(1)}{kind}{question[m.end() :]}"
    return question


def _answered_as_asked(question: str, name: str) -> str:
    """A who / which question with the name it was answered with in its slot, as a yes/no question ("Who did the
    Rovers beat?", "Mariners" -> "did the Rovers beat Mariners"; "Who won the Harbour Cup?", "Rovers" -> "did Rovers
    win the Harbour Cup"); "" when not answered with a name, or when its verb's plain form is not known."""
    slot = read_slot(question) if name else None
    if slot is None or slot.title:
        return ""
    if not slot.template.startswith("{}"):
        return "did " + slot.template.format(name)
    verb = slot.verb.lower()
    base = IRREGULAR_VERBS.get(verb) or plain_form(verb)
    rest = slot.template[2:].lstrip()
    if not base or not rest.lower().startswith(verb):
        return ""
    return f"did {name} {base}{rest[len(verb) :]}"


def _asked_of(name: str, asked: str) -> str:
    """The yes/no question `asked` of another ("Theo Park", "Did Mara Lind resign?" -> "Did Theo Park resign?"): the
    new name stands in for the question's one name, or a person's for its one person. With more to choose from
    ("Did Globex buy Tide Works?" -> "What about Ostland?") which one is meant is a guess: the name is asked alone."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    names = names_in(without_auxiliary(asked))
    people = [n for n in names if len(n.split()) >= 2]
    swapped = names if len(names) == 1 else people if len(people) == 1 and len(name.split()) >= 2 else []
    if not swapped or swapped[0] not in asked:
        return name
    asked = asked.replace(swapped[0], name, 1)
    return f"{asked[0].upper()}{asked[1:]}?"


# "Who runs Globex?" answered "**Mara Lind** — ...": the name an entity answer leads with
_LEAD_NAME = re.compile(r"^\*\*(?P<name>[^*]{3,60}?)\*\*")
_WHO = re.compile(r"^\s*(?:who|which\s+(?:person|executive|player|coach|founder|ceo))\b", re.I)
# "him", "her" as the object ("who replaced her?", "did Globex hire her back?"), not "her lawyer"
_OBJECT_PRONOUN = re.compile(
    r"\b(?:him|her)\b(?=\s*(?:[?.!,]|$|\s+(?:back|again|to|for|as|in|on|at|after|before|over|with|from)\b))", re.I
)


def _person_answered(question: str, answer_text: str) -> str:
    """The person a "who ...?" question was answered with, as a full name; "" otherwise."""
    name = _named_answered(question, answer_text) if _WHO.match(question) else ""
    return name if stands_for_a_person(name) and names_in(name) == [name] else ""


# "he", "she" and "his", "her" as an owner ("after he hurt his back", "did she ask her son"); "her" as an object
# ("Did Globex fire her?") is _OBJECT_PRONOUN's and points back
# "Who ...?", "Which reporter ...?": a question asking for a person (or another one)
_ASKS_FOR_SOMEONE = re.compile(
    r"^\W*(?:who|whom|which\s+(?P<role>(?:[A-Za-z]+\s+){0,2}?(?:reporter|journalist|person|player|"
    r"coach|executive|official|manager|staffer|commissioner|judge|minister)))\b",
    re.I,
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)


def _named_before_pronoun(question: str, previous: str) -> bool:
    """The question names someone of its own before its first "he", "she", "his" or "her" ("In Mara Lind's quiz, which
    word did she ask first?"): the pronoun is theirs. Not a name the question before wrote ("Did Globex say she would
    stay?" after "Did Mara Lind leave Globex?"), nor one word that only opens the question ("Later, did he ...?")."""
    pronoun = next(
        (m for m in _SUBJECT_PRONOUN.finditer(question) if not _OBJECT_PRONOUN.match(question, m.start())), None
    )
    if pronoun is None:
        return False
    before = question[: pronoun.start()]
    names = names_in(before)
    if names and " " not in names[0] and before.lstrip().startswith(names[0]):
        names = names[1:]
    return any(not re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", previous) for n in names)


# "Which team won ...?", "Who won ...?", "Which companies invested in ...?": asked for names, answered with them
_WHO_OR_WHICH = re.compile(r"^\s*(?:who|which\s+[\w-]+)\b", re.I)


def _named_answered(question: str, answer_text: str) -> str:
    """The name (or names) a "who / which ...?" question was answered with, of any length; "" otherwise."""
    m = _LEAD_NAME.match(answer_text)
    if not (m and _WHO_OR_WHICH.match(question)):
        return ""
    name = m.group("name").strip()
    return name if names_in(name) else ""


def _subject(question: str) -> str:
    """Whom a question is about: the speaker of "What did X say ...?", else its names as it writes them."""
    speech = speech_parts(question)
    if speech:
        return speech[0]
    asked = without_auxiliary(question)  # "Did" in "Did Globex ...?" only opens the question
    # ("According to Tech Wire, which ...?": the outlet is who tells it, not whom it is about)
    asked = re.sub(r"^\W*according\s+to\s+[^,]+,\s*", "", asked, flags=re.I)
    subject = " ".join(dict.fromkeys(_as_written(e, asked) for e in question_entities(asked)))
    # "Bank of Ostland" is one name, its "of" (or "&", "de") with it: "Bank Ostland" would name no one
    for name in names_in(asked):
        capitals = " ".join(w for w in name.split() if w[:1].isupper())
        m = re.search(r"(?<![\w-])" + re.escape(capitals) + r"(?![\w-])", subject) if capitals != name else None
        if m:
            subject = subject[: m.start()] + name + subject[m.end() :]
    return subject


def _as_written(entity: str, question: str) -> str:
    """A lower-cased entity of `question` in the casing the question gives it."""
    m = re.search(r"(?<!\w)" + re.escape(entity) + r"(?!\w)", question, re.I)
    return m.group(0) if m else entity
