"""Who did what to whom, read from one sentence: the name before a verb and the name after it.

"Who fired Mara Lind?" is answered by the name a sentence puts right before "fired" with Mara Lind in it; "Which
studio did Globex buy?" by the name right after "Globex bought"; and "did Mara Lind resign?" is not answered Yes by a
sentence whose "resigned" belongs to someone else, or whose two names stand the other way round the verb.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from rag.answer.names import NOT_NAMES, names_in
from rag.core.text import (
    EVENT_VERBS,
    NAME_PHRASE,
    NAME_RUN,
    NUMBER_WORDS,
    POST_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    base_stem,
    same_event_words,
    split_sentences,
)
from rag.verify.lexical import analyse, plain_words

__all__ = [
    "BE_FORMS",
    "DESCRIPTION_BEFORE",
    "SPAN_WORD",
    "TITLE_STEMS",
    "another_object",
    "describes_next_name",
    "doers",
    "done_to",
    "name_words",
    "only_describes",
    "roles_swapped",
    "someone_else_did_it",
]

SPAN_WORD = re.compile(r"\S+")  # a word as written, punctuation and all: dashes and commas mark asides


def name_words(run: str) -> list[str]:
    return [t for t, _, kind in analyse(run)[1] if kind == "name"]


def _first_at(words: list[frozenset[str]], wanted: Set[str]) -> int:
    return next((i for i, tokens in enumerate(words) if tokens & wanted), -1)


def someone_else_did_it(claim: str, sentence: str) -> bool:
    """The name the sentence puts before the claim's verb is someone else's: "Theo Park resigned after Mara Lind was
    fired" does not say that Mara Lind resigned. Names in an aside ("Theo Park — who, like Lind, ... — resigned", "Mara
    Lind, the chair, resigned") are skipped; a passive ("was fired by Globex") names its doer after the verb."""
    asked = _subject_and_verb(claim)
    if asked is None:
        return False
    subject, verb_stem, passive, post, has_object = asked
    first = NAME_RUN.search(claim)
    if first is not None and _PREDICATE_NOUN.match(claim[first.end() :]):
        # "Ostland is the only ferry port in Norrvik" against "Ostland is Norrvik's only ferry port": an owner before
        # the noun is no doer, and the "is" before it no passive
        sentence, has_object = _OWNER.sub(" ", sentence), False
    words = SPAN_WORD.findall(sentence)
    tokens = [analyse(w)[0] for w in words]
    at_verb = [i for i, found in enumerate(tokens) if verb_stem in found]
    # the sentence may say the deed twice ("Globex CEO named: Mara Lind has been named ..."); one saying it of the
    # subject is enough
    return bool(at_verb) and all(
        _someone_else_at(subject, words, tokens, verb, passive, has_object)
        and not (post and _holder_at(post, words, tokens, verb))
        for verb in at_verb
    )


def done_only_by_others(claim: str, passage: str) -> bool:
    """Every sentence of the passage that says the claim's verb puts another name before it as its doer: "Tide Works
    bought Norrvik Mills. Unlike the Globex case, ..." says nothing of Globex buying Norrvik Mills, whatever words the
    two sentences share."""
    asked = _subject_and_verb(claim)
    if asked is None or asked[3]:
        return False  # a doer named by a post ("Globex's chief resigned") is named by a name in the passage
    doing = [passage[a:b] for a, b in split_sentences(passage)]
    doing = [s for s in doing if any(asked[1] in analyse(w)[0] for w in SPAN_WORD.findall(s))]
    return bool(doing) and all(someone_else_did_it(claim, s) for s in doing)


_GERUND_BEFORE = re.compile(r"\b[a-z]+ing\s+(?:the\s+)?$")


@lru_cache(maxsize=4096)
def _subject_and_verb(claim: str) -> tuple[frozenset[str], str, bool, frozenset[str], bool] | None:
    """The claim read once for every sentence it is checked against: its subject's name words, its verb's stem,
    whether it is passive, the post it names its doer by (see `_post_asked`), and whether a name follows its verb (an
    object); None when it has no name or verb.
    The verb is the first plain word after the first name that is not a post ("Globex's founder resigned"); the
    subject is every name before it ("Globex chairman Mara Lind resigned")."""
    runs = list(NAME_RUN.finditer(claim))
    if not runs:
        return None
    # "posts praising Globex removed from Tide": the first name is what a gerund acts on, not the subject
    if _GERUND_BEFORE.search(claim[: runs[0].start()]):
        return None
    verb_at = next(
        (
            m.start()
            for m in SPAN_WORD.finditer(claim, runs[_described(claim, runs)].end())
            if any(kind == "word" and t not in _POST_STEMS for t, _, kind in analyse(m.group(0))[1])
        ),
        -1,
    )
    if verb_at < 0 or _SPEECH_WORD.search(claim, runs[0].end(), verb_at):
        return None  # "Mara Lind said the bank did not need to act": whose words they are is the speaker check's
    verbs = [t for t, _, kind in analyse(claim[verb_at:])[1] if kind == "word"][:1]
    before = [r for r in runs if r.end() <= verb_at]
    subject = frozenset(w for r in before for w in name_words(r.group(0)))
    if not subject or not verbs:
        return None
    # ("Globex is a member of the harbour guild" says what Globex is, and "member" is no deed done to it)
    after_subject = claim[before[-1].end() :]
    passive = bool(_PASSIVE.match(after_subject)) and not _PREDICATE_NOUN.match(after_subject)
    has_object = any(r.start() > verb_at for r in runs)
    return subject, verbs[0], passive, frozenset(_post_asked(claim, verbs[0])), has_object


# The verbs of speech, which the toolkit keeps out of the content words: a claim "X said Y" is about X's words
_SPEECH_WORD = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)

# Words of a post a claim may name its doer by ("the chief executive of Globex pleaded guilty"): news names the holder
# and says the post beside the name (the toolkit's POST_WORDS).
_POST_STEMS = frozenset(stem for word in POST_WORDS for stem in analyse(word)[0])
# Words that start a relative clause: "Theo Park, who sued the Globex CEO, resigned" describes Park by what he did.
_RELATIVE = frozenset("who whom whose which that".split())


def _post_asked(claim: str, verb: str) -> set[str]:
    """The stems of the claim's words before its verb when they name a post ("CEO of Globex", "Globex's chief
    executive"), else nothing."""
    before: list[str] = []
    for word in claim.split():
        if verb in analyse(word)[0]:
            break
        before.append(word)
    if not {w.lower().strip(".,;:'’") for w in before} & POST_WORDS:
        return set()
    return {t for t, _, _ in analyse(" ".join(before))[1]}


def _holder_at(post: Set[str], words: list[str], tokens: list[frozenset[str]], verb: int) -> bool:
    """The name that does the verb is described by the post: in asides right after it ("Mara Lind, the founder and
    CEO of Globex, pleaded guilty"), right before it ("Globex CEO Mara Lind pleaded guilty"), or as what the verb
    was done to her as ("Mara Lind was fired as chief executive of Globex")."""
    end = _doer_before(words, verb)
    if end < 0:
        return False
    if words[verb + 1 : verb + 2] == ["as"] and post <= set().union(*tokens[verb + 2 : verb + 8]):
        return True
    start = end
    while start and _is_name(words[start - 1]) and not words[start - 1].endswith(","):
        start -= 1
    # the aside up to a relative word: "Mara Lind, the Globex chief who resigned" says it of her, "Theo Park, who sued
    # the Globex chief, resigned" of him
    relative = next((i for i in range(end + 1, verb) if words[i].lower().strip(",.;:") in _RELATIVE), verb)
    if end + 1 < relative and words[end].endswith(",") and post <= set().union(*tokens[end + 1 : relative]):
        return True
    described: set[str] = set()
    for i in range(start - 1, max(-1, start - 7), -1):
        word = re.sub(r"['’]s?$", "", words[i].strip(","))  # "Globex's", "the Mariners'"
        if not (word[:1].isupper() or word.lower() in POST_WORDS | {"of", "the", "and"}):
            break
        described |= tokens[i]
    return bool(described) and post <= described


def _is_name(word: str) -> bool:
    # a capitalised day or month ("late Friday,") is no name that could have done it
    return word.strip(",.;:").lower() not in NOT_NAMES and any(kind == "name" for _, _, kind in analyse(word)[1])


def _someone_else_at(
    subject: Set[str], words: list[str], tokens: list[frozenset[str]], verb: int, passive: bool, has_object: bool
) -> bool:
    at = _doer_before(words, verb)
    if (
        (passive and _a_noun_here(words, verb))
        or _only_an_owner_beside_a_pronoun(subject, words, tokens, verb)
        or _which_after_an_object(words, verb)
        or _whose_own(words, verb)
        or _and_after_an_object(words, verb, at)
    ):
        return True
    # the whole name that does it: "Ostland Town ... as they beat" is Ostland's deed, asked of "Ostland"
    start = at
    while start > 0 and _is_name(words[start - 1]) and not words[start - 1].endswith(","):
        start -= 1
    last = set().union(*tokens[start : at + 1]) if at >= 0 else set()
    if at >= 0:
        last |= _doers_beside(words, tokens, start)
    pronoun = next(
        (i for i in range(verb - 1, at, -1) if re.split(r"['’]", words[i].lower())[0] in SUBJECT_PRONOUNS), -1
    )
    if pronoun >= 0 and not any(tokens[i] & subject for i in range(pronoun)):
        # "She listed the crimes she had pleaded guilty to and said Mara Lind ...": the deed is hers, whoever she is
        # (and "she was found guilty" is done to her)
        return True
    if passive:
        return _not_done_to(subject, words, tokens, verb, last)
    if has_object and _passive_at(words, verb):
        # "Tide Works was founded because of ...": said in the passive, the doer of a deed done to something is only
        # ever named after a "by" ("Mara Lind and Theo Park have been separated" needs none)
        return not _named_by(words, tokens, verb, subject)
    if last & subject and _another_of_the_name(subject, last):
        return True
    if not last or last & subject:
        return False
    # a passive names its doer after a "by", however far on ("Mara Lind was fired as chief of Tide Works by Globex")
    return not _named_by(words, tokens, verb, subject)


# A preposition whose object a name is ("from Globex", "at Tide Works")
_OBJECT_OF = frozenset("from at by with on in for of to via".split())


def _which_after_an_object(words: list[str], verb: int) -> bool:
    """The verb follows ", which" after a name a preposition governs ("the buds for $34.99 from Globex, which matches
    their lowest price"): "which" may stand for all that was said before it (the deal), so the sentence does not say
    that the name did it. A name opening its clause keeps its "which" ("Globex, which makes phones, ...")."""
    if verb < 3 or words[verb - 1].lower() != "which" or not _unquoted(words[verb - 2]).endswith(","):
        return False
    start = verb - 2
    if not _is_name(words[start].rstrip(",")):
        return False
    while start > 0 and _is_name(words[start - 1]) and not words[start - 1].endswith(","):
        start -= 1
    return start > 0 and words[start - 1].lower() in _OBJECT_OF


# lowercase words that may follow a verb's bare form: it is a verb there ("will trade him", "trade for Ada Brin")
_AFTER_A_VERB = frozenset(
    "the a an his her their its him them it us me to for with in on at by from of up out off away back down over into "
    "and or but as that this these those".split()
)


def _a_noun_here(words: list[str], verb: int) -> bool:
    """The verb's word is its bare form with a lowercase word after it that no verb takes ("more trade value than any
    of Ada Brin", "a fire sale"): a noun, which does not say it was done to anyone ("Was Ada Brin traded?")."""
    word = words[verb].strip(",.;:\"'“”‘’").lower()
    after = words[verb + 1].strip(",.;:\"'“”‘’") if verb + 1 < len(words) else ""
    bare = not word.endswith(("ed", "en", "ing")) and not (word.endswith("s") and not word.endswith("ss"))
    return bare and after.isalpha() and after.islower() and after not in _AFTER_A_VERB


def _whose_own(words: list[str], verb: int) -> bool:
    """The verb's doer is what "whose" owns ("Mara Lind, whose father died last month"): not the name before it."""
    before = [w.lower() for w in words[max(0, verb - 4) : verb]]
    return "whose" in before and not any(
        _is_name(w) or w.endswith(",") for w in words[verb - len(before) + before.index("whose") + 1 : verb]
    )


def _and_after_an_object(words: list[str], verb: int, at: int) -> bool:
    """The verb goes on the clause before it after ", and" ("Mara Lind lost to Ada Brin, and even fired her coach"),
    and the name right before the comma is what a preposition governs: that name is not the verb's doer."""
    if at < 1 or verb < 2:
        return False
    between = [w.lower() for w in words[at + 1 : verb]]
    if not _unquoted(words[at]).endswith(",") or not between or between[0] != "and" or len(between) > 2:
        return False
    start = at
    while start > 0 and _is_name(words[start - 1]) and not words[start - 1].endswith(","):
        start -= 1
    return start > 0 and words[start - 1].lower() in _OBJECT_OF


# the toolkit's titles as stems ("President Mara Lind", "Judge Lind")
TITLE_STEMS = frozenset(base_stem(w) for w in TITLE_WORDS)


def _another_of_the_name(subject: Set[str], last: set[str]) -> bool:
    """The doer shares a word with the claim's subject but each has a name word the other lacks: "Ada Park" for "Theo
    Park", "Norrvik United" for "Ostland United" are other names, not the subject said another way."""
    shared = subject & last
    return bool(shared) and bool(subject - shared - TITLE_STEMS) and bool(last - shared - TITLE_STEMS)


def _only_an_owner_beside_a_pronoun(
    subject: Set[str], words: list[str], tokens: list[frozenset[str]], verb: int
) -> bool:
    """Before the verb, a pronoun, and the subject named only as an owner ("He, like many of Mara Lind's former
    colleagues, testified", "Like many of Mara Lind's colleagues, he testified"): the pronoun did it, not her."""
    if not any(re.split(r"['’]", w.lower().strip(",;:"))[0] in SUBJECT_PRONOUNS for w in words[:verb]):
        return False
    mentions = [i for i in range(verb) if tokens[i] & subject]
    return bool(mentions) and all(_owns_next(words, i) for i in mentions)


def _owns_next(words: list[str], i: int) -> bool:
    """The word is a possessive name before a plain word, or the start of one: "Mara Lind's colleagues" (both words)."""
    j = i
    while j + 1 < len(words) and _is_name(words[j + 1]) and not words[j].endswith(","):
        j += 1  # "Mara" of "Mara Lind's": the run's last word is the possessive
    return re.search(r"(?:['’]s|s['’])$", words[j]) is not None and j + 1 < len(words) and words[j + 1][:1].islower()


_INITIAL = re.compile(r"[A-Z]\.")


def _unquoted(word: str) -> str:
    """The word without the closing quotes after it: 'in,"' ends in a comma."""
    return word.rstrip("\"”’'")


def _doers_beside(words: list[str], tokens: list[frozenset[str]], start: int) -> set[str]:
    """The names that open the clause together with the one starting at `start`: "Mara Lind and Theo Park were
    arrested", "Mara Lind, Theo Park and Ada Brin resigned" say it of each. Only at the clause's start: in "Globex sued
    Mara Lind and Theo Park resigned" the "and" joins two clauses."""
    i, names = start, set()
    while True:
        if i >= 2 and words[i - 1].lower() in ("and", "&"):
            j = i - 2  # "Mara Lind and Theo Park"
        elif i >= 1 and words[i - 1].endswith(",") and _is_name(words[i - 1]):
            j = i - 1  # "Ada Brin, Mara Lind and ..."
        else:
            break
        if not _is_name(words[j]):
            return set()
        # ("Mara J. Lind": a middle initial is part of the name)
        while j > 0 and (_is_name(words[j - 1]) or _INITIAL.fullmatch(words[j - 1])) and not words[j - 1].endswith(","):
            j -= 1
        names |= set().union(*tokens[j:i])
        i = j
    # (a quote's closing comma opens the clause too: '"The tide came in," Mara Lind and Theo Park write')
    opens_clause = i == 0 or _unquoted(words[i - 1])[-1:] in ",;:—–" or words[i - 1].lower() in _CLAUSE_START
    return names if names and opens_clause else set()


def _named_by(words: list[str], tokens: list[frozenset[str]], verb: int, names: Set[str]) -> frozenset[str]:
    """The first of `names` that a "by" after the verb names ("by the Mariners", "by Globex's board"), or nothing.
    A "by" names the first name after it: "won by the Rovers beating the Mariners" was not won by the Mariners."""
    for i in range(verb + 1, len(tokens)):
        if "by" in tokens[i]:
            first = next((j for j in range(i + 1, min(i + 4, len(words))) if _is_name(words[j])), -1)
            if first >= 0 and tokens[first] & names:
                return tokens[first]
    return frozenset()


_ASIDE_GOES_ON = frozenset("the a an who which whose former".split())


def _doer_before(words: list[str], verb: int) -> int:
    """Where the last word of the name that does the verb stands (-1: none): the last name before the verb outside
    any aside, or the aside's own name when the verb is inside it ("— and Theo Park, who stepped down —")."""
    dashed = bracketed = commaed = False  # inside an aside between dashes, brackets, or commas after a name
    last = -1  # the last name outside any aside
    inner = -1  # the last name inside the current aside
    opened = -1  # where the comma aside now open starts
    for i, word in enumerate(words[:verb]):
        if word in ("—", "–"):
            dashed, inner = not dashed, -1
            continue
        if word.startswith("("):
            bracketed, inner = True, -1
        aside = dashed or bracketed or commaed
        is_name = _is_name(word)
        if is_name:
            if aside:
                inner = i
            else:
                last = i
        if word.endswith(")"):
            bracketed = False
        elif (
            # a comma inside closing quotes closes the aside too: 'best known for her role in "The Tide," has'
            _unquoted(word).endswith(",")
            and not (dashed or bracketed)
            and (commaed or is_name)
            # "Mara Lind, also known as ML, the chair of Globex, resigned": a second aside right after the first
            and not (commaed and i + 1 < verb and words[i + 1].lower() in _ASIDE_GOES_ON)
        ):
            # "Mara Lind, the chair, resigned": a comma after a name opens an aside, the next one closes it
            commaed, inner, opened = not commaed, -1, i + 1
    # an aside still open at the verb is the verb's own clause: "at Ostland Park, where Mara Lind has played",
    # "After meeting Theo Park, Mara Lind resigned"
    if commaed and not (dashed or bracketed) and inner >= 0 and _describes_the_name(words, opened, inner, verb):
        return last
    return inner if (dashed or bracketed or commaed) and inner >= 0 else last


def _describes_the_name(words: list[str], opened: int, inner: int, verb: int) -> bool:
    """The open aside says what the name before it is, and the verb is in its relative clause: "Globex, the Ostland
    chip maker that raised $5 million" says Globex raised it, not Ostland."""
    return (
        0 <= opened < len(words)
        and words[opened].lower() in ("the", "a", "an")
        and any(w.lower().strip(",") in _RELATIVE for w in words[inner + 1 : verb])
    )


# "Mara Lind was fired": the claim says it was done to her. Its "be" word, and how far after the verb its object may
# stand in an active sentence ("Globex fired chief executive Mara Lind").
BE_FORMS = frozenset("was were is are been being be got gets get".split())  # before a participle: a passive
# ("Globex will be closed", "Mara Lind could be fired": a modal before the "be" keeps it passive)
_PASSIVE = re.compile(
    r"\s*(?:(?:will|would|could|may|might|can|shall|should|must)\s+)?(?:" + "|".join(BE_FORMS) + r")\b", re.I
)
OBJECT_WORDS = 4
# a name as an owner before a lower-case noun ("Norrvik's", "Tide 4's")
_OWNER = re.compile(r"\b[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|\d+))*['’]s?\s+(?=[a-z])")
# "is a member", "was the winner", "is one of the members": a "be" before a noun, no passive
_PREDICATE_NOUN = re.compile(r"\s*(?:" + "|".join(BE_FORMS) + r")\s+(?:not\s+)?(?:a|an|the|one|among)\b", re.I)


def _not_done_to(subject: Set[str], words: list[str], tokens: list[frozenset[str]], verb: int, last: set[str]) -> bool:
    """For a passive claim: the sentence does not do its verb to the subject. Before the verb the subject needs a "be"
    word ("Mara Lind was fired"; "Mara Lind fired Theo Park" is her deed); after another name it must be the object
    ("Globex fired Mara Lind"; "Theo Park was fired after Mara Lind resigned" is his)."""
    if last & subject:
        at = max(i for i in range(verb) if tokens[i] & subject)
        between = [w.lower() for w in words[at + 1 : verb]]
        # "Mara Lind did not act like someone who was guilty": the "be" of a relative clause is said of its own
        # subject, unless a comma closes the clause as an aside ("Mara Lind, who chairs Globex, was fired")
        relative = max((i for i, w in enumerate(between) if w in _RELATIVE), default=-1)
        if relative >= 0 and not any(w.endswith(",") for w in between[relative:]):
            return True
        return not any(w.strip(",") in BE_FORMS for w in between)
    if not last:
        return False
    if any(w.lower() in BE_FORMS for w in words[max(0, verb - 2) : verb]):
        return True  # "Theo Park was fired ...": it was done to him
    # the object stands before any word that starts another clause: "Theo Park fired back that Globex's chief ..."
    # did nothing to Globex
    end = next(
        (i for i in range(verb + 1, min(len(words), verb + 1 + OBJECT_WORDS)) if words[i].lower() in _CLAUSE_START),
        verb + 1 + OBJECT_WORDS,
    )
    return _first_at(tokens[verb + 1 : end], subject) < 0


_CLAUSE_START = _RELATIVE | frozenset("when while as after before because since if though although".split())


# A name's noun right before another name: "Globex's drug Zolvan", "Ostland's striker Theo Park" (the possessive, as
# written or as the claim's words keep it, "Globex s drug Zolvan"); the noun is no verb, and the second name is the one
# the claim goes on about.
_POSSESSED = re.compile(r"\s*['’]?\s?s\s+[a-z][\w-]*\s+")


def _described(claim: str, runs: list[re.Match[str]]) -> int:
    """The index of the claim's first name run that is not only what a possessed noun belongs to: 1 for "Globex's
    drug Zolvan was approved" (Zolvan was approved), 0 for "Globex beat Tide Works"."""
    at = 0
    while at + 1 < len(runs):
        between = claim[runs[at].end() : runs[at + 1].start()]
        owned = runs[at].group(0)[-2:] in ("'s", "’s")
        if not (_POSSESSED.fullmatch(between) or (owned and _POSSESSED.fullmatch(" s" + between))):
            break
        at += 1
    return at


def roles_swapped(claim: str, sentence: str) -> bool:
    """The sentence has the claim's two names the other way round its verb: "the Rovers beat the Mariners" for the
    claim "the Mariners beat the Rovers" (a passive "... beaten by the Rovers" keeps the roles)."""
    runs = list(NAME_RUN.finditer(claim))
    runs = runs[_described(claim, runs) :]
    if len(runs) < 2:
        return False
    first, second = (set(name_words(r.group(0))) for r in runs[:2])
    # only the words that tell the two apart: "Harbour United" and "Coast United" share "United"
    first, second = first - second, second - first
    between = claim[runs[0].end() : runs[1].start()]
    # the verb is the first plain word after the first name: "Mara Lind resigned as chief executive of Globex" has
    # "chief executive" after Globex in "Globex chief executive Mara Lind resigned", and no roles swapped
    verbs = [t for t, _, kind in analyse(between)[1] if kind == "word"][:1]
    if not first or not second or not verbs or re.search(r"\bby\b", between):
        return False
    written = SPAN_WORD.findall(sentence)
    words = [analyse(w)[0] for w in written]
    at_verb = [i for i, tokens in enumerate(words) if tokens & set(verbs)]
    # swapped when the sentence says the verb with them the other way round, and never the claim's way ("When the
    # Rovers beat the Mariners, they beat them well": the second "beat" names neither after it, and decides nothing)
    # ("Globex was looking to buy Tide Works" is Globex doing it: "was" before an "-ing" is no passive)
    claim_passive = (
        bool(_PASSIVE.match(between))
        and not re.match(r"\s*\w+\s+\w+ing\b", between)
        and not _PREDICATE_NOUN.match(between)
    )
    read = [_roles_in_voice(written, words, first, second, verb, claim_passive) for verb in at_verb]
    return "swapped" in read and "kept" not in read


def _roles_in_voice(
    written: list[str], words: list[frozenset[str]], first: set[str], second: set[str], verb: int, claim_passive: bool
) -> str:
    """The roles of one use of the verb against the claim's, each read in its own voice: a passive sentence names its
    doer after "by"; a passive claim ("Mara Lind was named chief of Globex") names first the one it was done to."""
    passive = _passive_at(written, verb)
    if passive == claim_passive:
        return _roles_at(words, first, second, verb)  # the same voice: the same order is the same roles
    if passive:
        return _passive_roles_at(written, words, first, second, verb)
    return _roles_at(words, second, first, verb)  # "Globex named Mara Lind chief" for "Mara Lind was named ..."


def _passive_at(words: list[str], verb: int) -> bool:
    """The verb is said in the passive: "Mara Lind was fired", "had been fired" ("is resigning" is her own deed)."""
    progressive = words[verb].lower().rstrip(".,;:!?\"'”’)").endswith("ing")
    return not progressive and any(w.lower() in BE_FORMS for w in words[max(0, verb - 2) : verb])


def _passive_roles_at(
    written: list[str], words: list[frozenset[str]], first: set[str], second: set[str], verb: int
) -> str:
    """In a passive ("Mara Lind was fired as chief of Tide Works ... by Globex's board") the doer is the name after a
    "by": "kept" when that is the claim's first name and the one it was done to its second, "swapped" the other way
    round, "" when no "by" names either."""
    before = [i for i in range(verb) if words[i] & (first | second)]
    doer = _named_by(written, words, verb, first | second)
    if not before or not doer:
        return ""
    done_to = words[before[-1]]
    if doer & first and done_to & second:
        return "kept"
    return "swapped" if doer & second and done_to & first else ""


def _roles_at(words: list[frozenset[str]], first: set[str], second: set[str], verb: int) -> str:
    """ "swapped" when the name nearest before the verb is the claim's second and the first comes after it (no "by"
    between), "kept" when it is the claim's way, "" when this use of the verb does not tell."""
    before = [i for i in range(verb) if words[i] & (first | second)]
    after = _first_at(words[verb:], first | second)
    if not before or after <= 0 or "by" in {w for tokens in words[verb : verb + after] for w in tokens}:
        return ""
    doer, done_to = words[before[-1]], words[verb + after]
    if doer & second and done_to & first:
        return "swapped"
    return "kept" if doer & first and done_to & second else ""


def another_object(claim: str, text: str, deed: Set[str] = frozenset()) -> bool:
    """Every time the text says the claim's verb, the name it did it to is another than the claim's: "the Rovers
    beat the Comets to win the title. 2019 final, against the Mariners" does not say the Rovers beat the Mariners. The
    object is the first name within OBJECT_WORDS after the verb, or in a passive the name right before its "be" word
    ("Tide Works, which was bought by Globex")."""
    runs = list(NAME_RUN.finditer(claim))
    if len(runs) < 2:
        return False
    between = claim[runs[0].end() : runs[1].start()]
    # the deed's stem when the caller knows it ("reject" of "the Ostland court rejected"), else the first plain word
    verbs = set(deed) or set([t for t, _, kind in analyse(between)[1] if kind == "word"][:1])
    target = set(name_words(runs[1].group(0)))
    if not verbs or not target or re.search(r"\bby\b", between):
        return False
    words = SPAN_WORD.findall(text)
    tokens = [analyse(w)[0] for w in words]
    # the claim's object itself, not a thing of its: "bought Tide Works" against "bought Tide Works's shipyard"
    owned_asked = any(_OWNED.match(claim[run.end() :]) for run in runs[1:])
    uses = [i for i, found in enumerate(tokens) if found & verbs]
    for i in uses:
        # a passive use names what it was done to before the verb ("Tide Works, which was bought by Globex")
        done_to = _done_to_before(words, tokens, i) if _passive_at(words, i) else _object_at(words, tokens, i)
        another = bool(done_to) and not done_to & target
        if not another and (owned_asked or not _only_a_thing_of(words, tokens, i, target)):
            return False
    return bool(uses)


# A possessive ending, straight or curly, spaced or not ("Globex's", "Globex s" as claims are matched, "Rovers'")
_OWNED = re.compile(r"^(?:\s*['’]s|\s+s\b|['’])\s+[a-z]")


def _only_a_thing_of(words: list[str], tokens: list[frozenset[str]], verb: int, target: Set[str]) -> bool:
    """The verb's object is something the target owns, not the target: "agreed to buy Tide Works's shipyard", "the
    Rovers beat the Mariners' reserve side" (the name's last word ends in a possessive, a plain word follows)."""
    last = -1
    for i in range(verb + 1, min(len(words), verb + 1 + OBJECT_WORDS + len(target))):
        # the whole name the target begins: "Tide and Harbour Works's" for the target Tide
        if tokens[i] & target or (last >= 0 and words[i][:1].isupper()):
            last = i
        elif last >= 0 and words[i].lower() not in {"and", "&", "of"}:
            break
    return 0 <= last < len(words) - 1 and bool(_OWNED.match(words[last][-2:] + " " + words[last + 1]))


def _done_to_before(words: list[str], tokens: list[frozenset[str]], verb: int) -> set[str]:
    """In a passive, the name words right before its "be" word (a "which" or "who" between): "startup Tide Works,
    which was bought by Globex" is {tide, works}; none when no name stands there ("it was bought by Globex")."""
    i = verb - 1
    while i >= 0 and words[i].lower().strip(",") in BE_FORMS | _RELATIVE | {"had", "has", "have"}:
        i -= 1
    found: set[str] = set()
    while i > 0 and _is_name(words[i]):  # the sentence's first word is capitalised whatever it is
        found |= tokens[i]
        i -= 1
    return found


def _object_at(words: list[str], tokens: list[frozenset[str]], verb: int) -> set[str]:
    """The name words of the first name within OBJECT_WORDS after the verb ("beat the Comets"), or none; the name a
    description points to ("bought Tide 2 maker Globex": Globex)."""
    found: set[str] = set()
    i, end = verb + 1, min(len(words), verb + 1 + OBJECT_WORDS)
    while i < end:
        word, bare = words[i], words[i].strip(",.;:()\"'“”‘’")
        if bare.lower() == "by" and not found:
            return set()  # "beaten by the Rovers": the doer, not the object
        # (a capital inside a run is part of it: "Most" of "League Most Valuable Player Theo Park")
        if (found and bare[:1].isupper() and words[i - 1][-1:] not in ",.;:") or (
            bare.lower() not in NOT_NAMES and any(kind == "name" for _, _, kind in analyse(bare)[1])
        ):
            found |= set(tokens[i])
            # a name is read whole, a title run before it too ("signed Harbour League Most Valuable Player Theo Park")
            end = max(end, min(len(words), i + 2))
        elif found:
            if not describes_next_name(" ".join(words[i:])):
                break
            found, end = set(), min(len(words), i + OBJECT_WORDS)  # the described name is a role noun or two on
        if found and word[-1:] in ",.;:":
            break
        i += 1
    return found


# A name, a number perhaps, and a role noun or two right before another name: "Tide 2 maker Globex", "studio owner
# Mara Lind". The first name tells which one the second is; the second is the one meant.
_ROLE = r"(?:\d[\w.]*\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+"
DESCRIPTION_BEFORE = re.compile(rf"(?:[A-Z][\w'’-]*\s+)+{_ROLE}$")


def describes_next_name(after: str) -> bool:
    """The text right after a name is a role noun (a number perhaps before it) and another name: "... 2 maker Globex"."""
    m = re.match(rf"{_ROLE}[A-Z]", after)
    return m is not None and not set(m.group("role").split()) & STOPWORDS


# "Who fired Mara Lind?", "Which club signed Theo Park?": the asked verb in the past, then what it was done to; asked
# of one outlet's report too ("According to Tech Wire, who made the call to sell Tide Works?")
_ASKED_DEED = re.compile(
    r"^\W*(?:(?:according\s+to|per)\s[^,?]+,\s*)?(?:who|which\s+[\w-]+)\s+"
    r"(?P<verb>[a-z]+(?:ed|ew|ought|aught|ove|ook|ode|ote|ost|on|ent|ame|ired|old|ade|aid|ut|et|it))\s+(?P<rest>[^?]+)",
    re.I,
)


def doers(question: str, text: str) -> set[str]:
    """The names that `text` says did the question's deed to its object: "Globex" for "Who fired Mara Lind?" in
    "Globex fired Mara Lind on Monday." (one sentence holding the object's names, the name right before the verb)."""
    m = _ASKED_DEED.match(question)
    if not m:
        return set()
    verb = base_stem(m.group("verb"))
    objects = [n.split()[-1].lower() for n in names_in(m.group("rest"))]
    out = set()
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if not objects or not all(o in sentence.lower() for o in objects):
            continue
        for name in names_in(sentence):
            # "Globex fired ...", "Globex has fired ...", "Globex, which fired ..."
            after = re.match(
                r"(?:,\s+(?:which|who)\s+|\s+)(?:has\s+|have\s+|had\s+)?([a-z]+)",
                sentence[sentence.find(name) + len(name) :],
            )
            if after and base_stem(after.group(1)) == verb:
                out.add(name)
    return out


# "Which team did the Mariners beat on Sunday?", "Which company did Globex buy?": the doer, its verb, then the rest.
_ASKED_OBJECT = re.compile(
    r"^\W*(?:[Ww]hich|[Ww]hat)\s+[\w-]+\s+(?:did|does|has|have|had)\s+(?P<subject>[^?]+?)\s+(?P<verb>[a-z]+)"
    r"(?P<rest>\s[^?]*)?\??\s*$"
)


def done_to(question: str, text: str) -> set[str]:
    """The names that `text` says the question's doer did its deed to: "Tide Works" for "Which studio did Globex
    buy?" in "Globex bought the small studio Tide Works in May." (the doer, the verb within a few words, the name
    within a few lowercase words after it, in one sentence holding the rest's names)."""
    m = _ASKED_OBJECT.match(question)
    subject = names_in(m.group("subject")) if m else []
    if not m or not subject:
        return set()
    doer = subject[0].split()[-1]
    verb = base_stem(same_event_words(m.group("verb")))
    rest = [n.split()[-1].lower() for n in names_in(m.group("rest") or "")]
    out: set[str] = set()
    for start, end in split_sentences(text):
        sentence = same_event_words(text[start:end])
        if not all(r in sentence.lower() for r in rest):
            continue
        for hit in re.finditer(
            r"(?<!\w)" + re.escape(doer) + r"(?:\s+[a-z]+){0,2}?\s+(?P<verb>[a-z]+)\s+(?:[a-z][\w-]*\s+){0,3}?"
            r"(?P<object>" + NAME_PHRASE.pattern + ")",
            sentence,
        ):
            if base_stem(hit.group("verb")) == verb:
                out.update(n for n in names_in(hit.group("object"))[:1] if n != doer)
    return out


# Words after which an "-ing" form is a verb ("is growing", "kept growing") and a bare form too ("will release").
_VERB_BEFORE = BE_FORMS | frozenset("am has have had keep keeps kept start starts started stop stops stopped".split())
_DETERMINERS = frozenset("the a an its his her their our this that these those".split())
_PUNCTUATION = ".,;:!?\"'’”)—–"
# Nouns that make the word before them something still being talked about, not done: "trade talks", "merger rumours".
_NOT_YET_NOUNS = frozenset("talks negotiations rumors rumours speculation chatter".split())


def _bare(word: str) -> str:
    return word.strip(_PUNCTUATION + "(“").lower()


def _modifies_next(words: list[str], i: int) -> bool:
    """words[i] describes the lowercase word after it rather than saying a deed: a participle ("growing costs")
    or a noun before a noun ("the album release date", "Globex's price target")."""
    word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
    nxt = _bare(after)
    if word[-1:] in _PUNCTUATION or not nxt.isalpha() or after[:1].isupper() or nxt in STOPWORDS:
        return False
    low = _bare(word)
    if nxt.endswith("ed") and len(nxt) > 5:
        return False  # a verb in the past after it: "a jury surprised the market" describes no jury
    if nxt in _NOT_YET_NOUNS and not low.endswith(("ed", "ing")):
        return True  # "Globex's Tide Works merger talks": whatever a name before it, talks of a merger are no merger
    before = words[i - 1] if i else ""
    prev = _bare(before)
    if low.endswith("ing"):
        return prev not in _VERB_BEFORE
    if low.endswith(("ed", "s")) or not before or before[-1:] in _PUNCTUATION.replace("'’", "") or nxt in NUMBER_WORDS:
        return False  # "its planned closure two weeks later": a number starts what follows, no compound
    if low in EVENT_VERBS and prev not in _DETERMINERS:
        return False  # the toolkit's word for a deed ("struck tentative deals" read "reach tentative deals") is a verb
    # a determiner or a possessive before it, or a singular noun ("fans release balloons" has a verb)
    return (
        prev in _DETERMINERS
        or bool(re.search(r"(?:['’]s|s['’])$", before))
        or (
            before[:1].islower()
            and prev.isalpha()
            and prev not in STOPWORDS
            and not prev.endswith(("s", "ly", "ed", "ing"))
            and prev not in _VERB_BEFORE
        )
    )


def only_describes(claim: str, sentence: str) -> bool:
    """A plain word the claim says as a deed or a thing ("Globex released an album"), the sentence says only as a
    description of a word the claim does not have ("the album release date", "amid growing costs"): it has not
    said the claim. Describing one of the claim's own words says it another way ("Globex's price cuts", "Globex
    cutting jobs")."""
    claim_words = SPAN_WORD.findall(claim)
    plain = plain_words(claim)
    own = {
        t
        for i, w in enumerate(claim_words)
        if not _modifies_next(claim_words, i)
        for t, _, kind in analyse(w)[1]
        if kind == "word"
    }
    words = SPAN_WORD.findall(sentence)
    uses: dict[str, list[bool]] = {}
    for i, w in enumerate(words):
        for t, _, kind in analyse(w)[1]:
            if kind == "word" and t in own:
                described = analyse(words[i + 1])[0] if i + 1 < len(words) else frozenset()
                uses.setdefault(t, []).append(_modifies_next(words, i) and not described & plain)
    return any(all(flags) for flags in uses.values())
