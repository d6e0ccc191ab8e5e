"""The lexical verifier: does a passage support a claim? A fast, deterministic score in [0, 1].

The score is the weighted share of the claim's content words that the passage contains (numbers and names weigh
more), multiplied down when the claim brings a number or a name the passage lacks, or when a word both share is
negated on one side only ("was not in critical condition" vs "was in critical condition"). MiniLM cosine can be
blended in (`embedder=`) to forgive paraphrase. It is a citation check, not an entailment model: it catches invented
claims and swapped numbers/names, not subtle rewording.
Words, stems, stopwords, negations and number words are the text toolkit's (rag.core.text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rag.core.text import (
    CLAIM_STOPWORDS,
    HEDGES,
    IRREGULAR_VERBS,
    NUMBER_WORDS,
    PERCENT_AFTER,
    SUBJECT_PRONOUNS,
    base_stem,
    is_hedge,
    is_negation,
    split_sentences,
)
from rag.verify import Span, Verdict

# Chosen on the 24 hand-made pairs in tests/test_generate.py (SUPPORT_PAIRS), not on any benchmark we report:
# 0.55 is about the middle of the gap between the supported and the unsupported ones, lexical or blended with MiniLM,
# leaving room for a generator's paraphrase.
SUPPORT_THRESHOLD = 0.55
# How much MiniLM cosine counts when an embedder is given; lexical evidence stays the larger part because cosine
# is blind to swapped numbers and negation.
EMBED_WEIGHT = 0.35
NEGATION_SCOPE = 2  # content tokens after a negation word that it is taken to negate ("not in critical condition")
# Plain words after a hedge ("may", "if", "preparing for") that it makes only possible: "if they beat Globex",
# "preparing for a strike". Like a negation's, its reach ends with the clause.
HEDGE_SCOPE = 3
# The deciding span is 1..MAX_QUOTE_SENTENCES adjacent sentences; a longer one is chosen only when it scores more
# than LONGER_QUOTE_MARGIN above every shorter one (or only it reaches the support threshold).
MAX_QUOTE_SENTENCES = 2
LONGER_QUOTE_MARGIN = 0.15

# Spelling variants a model writes for the same thing; mapped before matching.
_ALIASES = {
    "u.s.": "us",
    "u.s": "us",
    "usa": "us",
    "u.k.": "uk",
    "u.n.": "un",
    "chinese": "china",
    "russian": "russia",
    "american": "us",
    "americans": "us",
    "ukrainian": "ukraine",
    "british": "uk",
    "percent": "%",
    "pct": "%",
    # "denied knowledge of" is "denied knowing": one word, so that one report's denial matches the other's
    "knowledge": "know",
    # "a 40 percent owner of Globex" is "40 percent owned by" it
    "owner": "own",
    "owners": "own",
}
# Numbers with thousands separators and decimals, "%", initialisms ("U.S."), words with inner ' or -.
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|%|[A-Za-z]\.(?:[A-Za-z]\.)+|[A-Za-z][A-Za-z'’\-]*")


def _norm_number(tok: str) -> str:
    tok = tok.replace(",", "")
    if "." in tok.rstrip("%"):
        tok = tok.rstrip("0").rstrip(".") if "%" not in tok else tok
    return tok


# Where a negation's reach ends: a sentence or clause ends between two tokens, or "but" turns the clause ("she does
# not need to. She is paid to pass ..." negates "need", not "paid").
_CLAUSE_END = re.compile(r"[.!?;:]")
_OBLIGED = frozenset({"have", "has"})
# ("has yet to win a bowl game": not won one)
_NEGATING_BEFORE_TO = frozenset({"fail", "failed", "fails", "failing", "unable", "yet"})
# Denied, these leave what they are about open rather than deny it: "none of this confirms they are dating", "no
# proof that Globex cut prices" neither say nor deny the dating or the cut
_UNCONFIRMING = frozenset(
    """confirm confirms confirmed confirming confirmation prove proves proved proven proof evidence mean means meant
    show shows showed shown guarantee guarantees guaranteed establish establishes established""".split()
)
# "planned to close" and "preparing for a strike" hedge what follows; "its planned closure" was announced
_HEDGING_BEFORE_TO = frozenset(
    "expect expected expects expecting plans planned planning prepare prepares preparing".split()
)
# "tried to win", "played to win", "vowed to return", "her path to become chair", "a bid to buy", "poised / set / on
# track to become", "open / willing to return": the infinitive is what was striven for or is still ahead, not what was done;
# so are a preview's odds ("favourites to win", "the best odds to win", "on course / in line / primed to win", "a good
# bet to win", "contenders to win", "looking to win", "in great shape / in position to win")
_STRIVING_BEFORE_TO = frozenset(
    """try tried tries trying attempt attempted attempts attempting aim aimed aims aiming seek sought seeks seeking
    play played plays playing vow vowed vows vowing promise promised promises pledge pledged pledges hope hoped
    hopes path paths bid bids chance chances quest campaign campaigns effort efforts ambition ambitions race
    push poised set slated tipped track open willing ready eager keen favorite favorites favourite favourites odds
    course line primed contender contenders contention bet bets looking positioned shape position""".split()
)
# "ill will", "against her will", "the will to win": the noun, which makes nothing that follows only ahead
# "allowed Mara Lind to return", "permits Globex to close", "pressure on the board to reinstate her", "urged Globex
# to cut prices", "as costs fall, leading Globex to cut prices": what one is let, pressed or led to do is not yet done
# ("allowed three runs" is, and stays outright: the hedge waits for the "to"; "led Globex to cut prices" reports it);
# nor is what one is picked, tipped, predicted or bet on to do ("picks the Rovers to beat the Mariners")
_PERMITTING = frozenset(
    """allow allows allowed allowing permit permits permitted permitting pressure pressured pressuring urge urged
    urges urging press pressed pressing push pushed pushing lobby lobbied lobbying persuade persuaded persuading
    convince convinced convincing encourage encouraged encouraging lead leads leading
    pick picks picked picking predict predicts predicted predicting tip tips tipping favour favours favoured
    favouring favor favors favored favoring fancy fancies fancied forecast forecasts forecasted project projects
    projected bet bets betting wager wagers wagering""".split()
)
_NOUN_AFTER_TO = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her|our|this|that|these|those)\b|[$€£]?\d)", re.I)
_PERMITTED_OBJECT = 6  # tokens from the permitting word to its "to" ("allow Ada Brin and Theo Park to")
# a capitalised word next, the start of a surname ("Will Vale"), not of a question's subject
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z][\w'’-]*")
_WILL_AS_NOUN_AFTER = frozenset(
    "ill good free political popular strong the a his her their its our my your own of against with".split()
)
# A be-form and a word of a schedule after what is scheduled ("the vote is set for Monday"); "was set" is often done
# ("the record was set in 2019"), "was scheduled" never says that it was
_BE_AHEAD = {
    "set": ("is", "are"),
    "scheduled": ("is", "are", "was", "were"),
    "slated": ("is", "are", "was", "were"),
    "due": ("is", "are", "was", "were"),
    "expected": ("is", "are"),
    # "a trade for Theo Park is reportedly close to being finalized": not done yet
    "close": ("is", "are", "was", "were", "reportedly", "now", "very", "so"),
}
_WHEN_NEXT = re.compile(r"\s+(?:for|to|on|in|at|next|later|until|by|this|early|late)\b", re.I)
# A hedge that ends its clause after a be-form ("the deal is likely.", "a trade 'is expected'", "seems possible")
_BE_BEFORE_HEDGE = frozenset(
    "is are was were be seems seem seemed looks look appears appear now very increasingly".split()
)
_HEDGED_AT_END = frozenset(
    "likely unlikely expected possible probable imminent rumored rumoured planned anticipated mooted".split()
)
_CLAUSE_ENDS_NEXT = re.compile(r"\s*(?:['’\"”)]\s*)?(?:[.,;:!?]|$)")
# "due for re-release", "scheduled to play", "going to beat": what follows is ahead
_SCHEDULED = frozenset("due scheduled slated going".split())
# a call for it is no deed: "fans called for Mara Lind to be sacked" has sacked no one
_CALLING = frozenset("call calls called calling".split())
# "rejected claims ...", "denied reports ...": what the claims say is disputed, not said
_DISPUTING = frozenset(
    """reject rejects rejected rejecting deny denies denied denying dispute disputes disputed refute refutes refuted
    dismiss dismisses dismissed""".split()
)
_DISPUTED = frozenset(
    "claim claims allegation allegations accusation accusations suggestion suggestions report reports".split()
)
_ALMOST = frozenset({"almost", "nearly"})
_ROUGH_AMOUNT_NEXT = re.compile(
    r"\s+(?:[$€£]?\d|(?:half|all|every|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|"
    r"fifty|hundred|thousand|dozen|double|twice|triple|entire|whole)\b)",
    re.I,
)
# "about 1,500 jobs" is a number said roughly, not a topic ("talks about cutting jobs")
_NUMBER_NEXT = re.compile(r"\s+[$€£]?\d")
# "a 50% rise" is a share, which "the top 50" does not hold: a number said as a percentage is matched as one
_PERCENT_NEXT = re.compile(PERCENT_AFTER, re.I)
_WILL_FORMS = frozenset(w for w in HEDGES if w == "will" or w.endswith(("'ll", "’ll")))
_HAVE_NEXT = re.compile(r"\s+have\b", re.I)
# "is setting out to raise NIS 220 million": what was set out to do is striven for, not done
_SET_OUT = re.compile(r"\bset(?:s|ting)?\s+out\s*$", re.I)
# "Globex's attempts at shutting it down": the one thing attempted, not done
_ATTEMPT_BEFORE_AT = frozenset({"attempt", "attempts"})
# What is fought against, avoided or threatened has not happened (yet): the word right after these
_AVERTING = frozenset("avoid avoids avoided avoiding avert averts averted averting prevent prevents prevented".split())
_FIGHTING = frozenset("fight fights fighting fought battle battles battling struggle struggles struggling".split())
_THREAT = frozenset("threat threats risk risks fear fears danger spectre specter prospect".split())
# nor has what one hopes, dreams or stands a chance of doing: "hopes of defending their crown are in tatters"
_HOPING = frozenset("hope hopes dream dreams chance chances odds possibility likelihood".split())
# nor what one weighs the idea of, or the cost of doing: "given the added payroll of signing Theo Park, Globex may ..."
# (the cost of a thing is no deed: "the average cost of a ticket was $40" says tickets were sold)
_WEIGHED = frozenset("idea notion thought".split())
_COST_OF = frozenset("cost costs price payroll expense expenses".split())
_GERUND_NEXT = re.compile(r"\s+[a-z]{2,}ing\b")
# A word that opens a clause when a subject follows it ("as Globex collapsed", "when she left"): a negation before it
# does not reach into that clause.
_CLAUSE_OPENERS = frozenset("as when because since after before until once whereupon".split())
_SUBJECT_WORDS = SUBJECT_PRONOUNS | frozenset("you the a an his her their its our".split())
_TURN_WORDS = frozenset({"but", "however", "yet", "although", "though", "while", "whereas"})
# Where a stretch of text that denies something ends: "no additional measures planned" denies the whole stretch, so
# "planned" there is no affirmation of "plans"; "cut prices, and did not raise fees" denies only the fees.
_STRETCH_END = re.compile(r"[.!?;:,]")
_SENTENCE_END = re.compile(r"[.!?]|\n\s*\n")  # a blank line ends a heading or a line of a table too
_STRETCH_START_WORDS = _TURN_WORDS | {"and"}
# Said of a part only, these deny the whole: "Globex's release of the model was incomplete" agrees with "Globex did
# not release the full model", so its stretch is no plain affirmation of a release
_PART_ONLY = frozenset("incomplete incompletely partial partially partly unfinished".split())
# A condition said after what it conditions: "a bet on Ostland wins if they win outright", "Globex closes the plant
# unless prices rise" say neither happened ("won, even if narrowly" is said outright)
_CONDITION_AFTER = frozenset({"if", "unless"})
_CONCEDING_BEFORE_IF = frozenset({"even", "as", "what"})
# "Signing Ada Brin would be a boost", "Buying Tide Works could cost Globex": a deed said as the subject of a modal
# is what would follow it, not done
_MODALS = frozenset("would could might may should".split())
_STRETCH_TURNS = {
    **dict.fromkeys(_PART_ONLY, "part"),
    **dict.fromkeys(_CONDITION_AFTER, "condition"),
    **dict.fromkeys(_MODALS, "modal"),
}
# "shortly after Ostland signs", "once Globex buys it", "when she returns": a deed in the present after one of these
# is still ahead
# ("after Globex shares fell": the -s word is a noun when a past verb follows it)
_PAST_NEXT = "|".join(sorted(IRREGULAR_VERBS)) + "|were|had|[a-z]+ed"
_PRESENT_AHEAD = re.compile(
    r"\b(?:after|once|when|until|before)\s+(?:he|she|they|it|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+"
    rf"(?P<verb>(?!(?:is|was|has|does|says)\b)[a-z]+[^s\W]s)\b(?!\s+(?:{_PAST_NEXT})\b)"
)


@dataclass(frozen=True)
class Scan:
    """One text word by word: its tokens, its content tokens (token, weight, kind), the words it says under a
    negation and outside one, and the plain words it says under a hedge ("may", "if") and outright."""

    tokens: frozenset[str]
    content: tuple[tuple[str, float, str], ...]
    negated: frozenset[str]
    affirmed: frozenset[str]
    hedged: frozenset[str]
    outright: frozenset[str]
    denying: frozenset[str]  # the plain words of every stretch that holds a negation word
    contrasted: frozenset[str] = frozenset()  # negated by "rather than" or "instead of": another thing was done
    conditioned: frozenset[str] = frozenset()  # negated inside an "if" clause: "If Globex cannot win, ..."


# A correction says what an earlier version of the story got wrong: "Correction: A previous version of this story
# stated that Mara Lind resigned in 2014" supports no resignation in 2014, whatever words it holds
_RETRACTING = re.compile(
    r"\b(?:previous|earlier|prior|original)\s+version\s+of\s+(?:this|the)\s+(?:story|article|report|piece|post)\b"
    r"|\b(?:incorrectly|erroneously|mistakenly|wrongly)\s+(?:stated|said|reported|claimed|identified|described|"
    r"referred|called|named|gave|listed)\b"
    # a correction's "Mara Lind was originally described as working at Globex. This was incorrect"
    r"|\b(?:was|were)\s+(?:originally|initially)\s+(?:stated|said|reported|described|identified|named|listed|called)\b",
    re.I,
)
# "This was incorrect": the sentence before it is what was wrong
_RETRACTS_BEFORE = re.compile(r"\W*(?:this|that)\s+(?:was|is)\s+(?:incorrect|inaccurate|an\s+error)\b", re.I)


def without_retracted(text: str) -> str:
    """The text with each sentence that retracts what it says, or that the next one calls wrong, blanked out, the
    offsets kept."""
    if not _RETRACTING.search(text) and not re.search(r"\b(?:incorrect|inaccurate|error)\b", text, re.I):
        return text
    spans = split_sentences(text)
    for i, (start, end) in enumerate(spans):
        called_wrong = i + 1 < len(spans) and bool(_RETRACTS_BEFORE.match(text, spans[i + 1][0], spans[i + 1][1]))
        if called_wrong or _RETRACTING.search(text, start, end):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


@lru_cache(maxsize=4096)
def _scan(text: str) -> Scan:
    text = without_retracted(text)
    all_tokens: set[str] = set()
    content: list[tuple[str, float, str]] = []
    negated: set[str] = set()
    affirmed: set[str] = set()
    hedged: set[str] = set()
    outright: set[str] = set()
    scope = 0  # content tokens still covered by the last negation word
    hedge = 0  # plain words still covered by the last hedge
    hedged_clause = False  # this clause has had a hedge
    previous = ""
    last_end = 0
    denying: set[str] = set()
    contrasted: set[str] = set()
    contrast = False  # the last negation was a contrast ("rather than")
    conditioned: set[str] = set()
    condition = False  # inside an "if" or "unless" clause
    stretch: list[str] = []  # plain words since the last stretch end
    stretch_outright: list[str] = []  # those the stretch was first to say outright
    stretch_gerunds: list[str] = []  # its -ing words, a capitalised one too ("Signing Ada Brin would ...")
    stretch_denies = False
    said_in_clause: set[str] = set()  # plain words this clause first said outright
    permitted = 0  # tokens left in which a "to" takes what was permitted
    name_opens_clause = False  # the word before was a name right after a comma ("..., Mara Lind taking the stand")
    comma_and = False  # the word before was an "and" right after a comma: a clause may start
    previous_capitalised = False  # the word before was capitalised inside a sentence (part of a name or a title)
    ahead_at = {m.start("verb") for m in _PRESENT_AHEAD.finditer(text)}
    for m in _TOKEN.finditer(text):
        # "Globex.com", "Node.js": a dot inside a word ends no sentence ("said.The" does, as scraped text runs on)
        inner_dot = text[last_end : m.start()] == "." and m.group(0)[:1].islower()
        sentence_start = not last_end or (not inner_dot and bool(_SENTENCE_END.search(text, last_end, m.start())))
        after_comma = "," in text[last_end : m.start()]
        clause_ends = not inner_dot and bool(_CLAUSE_END.search(text, last_end, m.start()))
        if clause_ends:
            said_in_clause = set()
            condition = False
        if (not inner_dot and _STRETCH_END.search(text, last_end, m.start())) or m.group(
            0
        ).lower() in _STRETCH_START_WORDS:
            if stretch_denies:
                denying.update(stretch)
            stretch, stretch_outright, stretch_gerunds, stretch_denies = [], [], [], False
        if (scope or hedge or hedged_clause) and clause_ends:
            scope = hedge = 0
            hedged_clause = False
        last_end = m.end()
        raw = m.group(0).strip("'’-")
        if not raw:
            continue
        low = raw.lower().replace("’", "'")
        low = _ALIASES.get(low, low)
        unconfirmed = False  # this word is a denied confirmation: what follows it is left open
        # "Globex has rejected claims the app breaches privacy law": a disputed claim is left open, not said
        if low in _DISPUTED and previous in _DISPUTING:
            unconfirmed = True
        # a capitalised "No" inside a sentence is part of a name ("the song Si No Estás"), not a denial
        # "out of nowhere", "from nowhere": suddenly, not a denial of what follows
        if low == "nowhere" and previous in ("of", "from"):
            previous = low
            continue
        # "105 million euros" is "€105 million": a currency said after its amount is the symbol before it
        if low in _CURRENCY_WORDS and previous[:1].isdigit():
            continue
        # "posted by none other than his daughter", "nothing short of a rescue": emphasis, no denial
        if low in ("none", "nothing") and _EMPHASIS_NEXT.match(text, m.end()):
            previous = low
            continue
        if (low == "not" or low.endswith("n't")) and _NOT_OF_WHAT_FOLLOWS.match(text, m.end()):
            previous = low
            continue
        if low == "yet" and is_negation(previous):
            continue  # "not yet completed" denies "completed"; "yet" there is no "but" turning the sentence
        # "denied Globex's request", "refused the offer": the deed is a refusal of a thing asked for, which nothing
        # before it granted; "denied selling shares", "refused to sign" deny what follows
        if low in _REFUSING and _ASKED_FOR_NEXT.match(text, m.end()):
            previous = low
            continue
        # "invested in Tide Works rather than in Globex", "instead of Globex": what follows is not what was done
        if (low == "than" and previous == "rather") or (low == "of" and previous == "instead"):
            contrast = True
            stretch_denies = True
            scope = NEGATION_SCOPE
            previous = low
            continue
        if is_negation(low) and (low != "no" or sentence_start or not raw[0].isupper()):
            stretch_denies = True
            # "failed to sign" negates "sign"; "'failed' when it switched" negates nothing
            if low not in _NEGATING_BEFORE_TO:
                scope = NEGATION_SCOPE
            contrast = False
            previous = low
            continue
        turn = _STRETCH_TURNS.get(low)  # one lookup for the few words that turn what their stretch said
        if turn == "modal" and raw[0].isupper() and not sentence_start:
            turn = None  # "battery swapping stations in May": a month or a name, as for the hedges below
        if turn == "part":
            stretch_denies = True
        # ("Yet to Come", capitalised inside a sentence, is a title)
        if low == "to" and previous in _NEGATING_BEFORE_TO and not (previous == "yet" and previous_capitalised):
            scope, contrast = NEGATION_SCOPE, False
            stretch_denies = True
        if low in _TURN_WORDS:
            scope = hedge = 0
            hedged_clause = False
        if (previous in _CLAUSE_OPENERS or comma_and) and (raw[0].isupper() or low in _SUBJECT_WORDS):
            # "without ill will as Globex collapsed", "we weren't told the sum, and Globex has paid it since": the new
            # clause has a subject of its own, not denied
            scope = 0
        comma_and = after_comma and low == "and"
        if previous == "and" and len(low) > 4 and low.endswith("ed") and not raw[0].isupper():
            scope = 0  # "denied any contact with Norrvik and committed to staying": the second deed is not denied
        if after_comma and low in ("who", "which"):
            scope = 0  # "now without Mara Lind, who agreed to resign": the relative clause is not denied
        if after_comma and 0 < scope < NEGATION_SCOPE:
            scope = 0  # "was no liar, according to Mara Lind, one of his lawyers": the denial ended with what it denied
        if low in ("for", "during") and _NUMBER_NEXT.match(text, m.end()):
            scope = 0  # "denied her freedom for 13 years": how long the denial lasted, the years are not denied
        if low == "cent" and previous == "per":
            continue  # "10 per cent" is "10%", its "cent" no word of its own
        low = NUMBER_WORDS.get(low, low)
        if low[:1].isdigit():
            tok, kind, weight = _norm_number(low), "number", 2.0
            if _PERCENT_NEXT.match(text, m.end()):
                tok += "%"
        else:
            low = low.removesuffix("'s")
            tok = base_stem(low)
            # A capitalised word is taken as a name (the first word too: "Globex reported ..." names a company).
            kind = "name" if raw[0].isupper() and low not in CLAIM_STOPWORDS else "word"
            weight = 1.5 if kind == "name" else 1.0
        all_tokens.add(tok)
        # "the most goals" ranks, where "most analysts" only counts: the superlative is a word the claim says
        superlative = low == "most" and previous == "the"
        # "a down round", "an up year": a direction said of a thing is what the claim says of it, no particle
        superlative = superlative or (low in ("down", "up") and previous in ("a", "an"))
        if low.endswith("ing") and len(low) > 5 and tok not in outright:
            stretch_gerunds.append(tok)
        if kind == "number" or superlative or (low not in CLAIM_STOPWORDS and len(low) > 1):
            content.append((tok, weight, kind))
            if scope and kind == "word":
                negated.add(tok)
                if contrast:
                    contrasted.add(tok)
                if condition:
                    conditioned.add(tok)
                scope -= 1
                if low in _UNCONFIRMING:
                    scope, unconfirmed = 0, True
            elif scope and contrast:  # "rather than in Globex": not Globex, whatever the name
                contrasted.add(tok)
            else:  # a name under a negation is not what it negates ("would not make Globex Pay available")
                affirmed.add(tok)
            if kind == "word":
                stretch.append(tok)
                if not hedge and tok not in outright:
                    said_in_clause.add(tok)
                # "As Theo Park told the Ledger, Mara Lind taking the stand is a gamble": a deed said as a gerund after
                # the name that opens a clause is what is talked about, not said to have happened ("won by the Rovers
                # beating the Mariners" and "With Globex cutting prices, ..." do say it)
                gerund = name_opens_clause and low.endswith("ing") and len(low) > 5
                ahead = gerund or bool(ahead_at and m.start() in ahead_at)
                if not (hedge or ahead or tok in outright):
                    stretch_outright.append(tok)
                (hedged if hedge or ahead else outright).add(tok)
                hedge = max(0, hedge - 1)
        # "Mara Lind's sentencing is set for February", "the vote is scheduled for Monday": what the clause said
        # before is still ahead
        # "a Globex deal for Tide Works is likely", "... is expected.": a hedge said last makes what its stretch said
        # ahead too ("Globex bought Tide Works, and a price cut is likely" did buy it)
        if previous in _BE_BEFORE_HEDGE and low in _HEDGED_AT_END and _CLAUSE_ENDS_NEXT.match(text, m.end()):
            hedged.update(stretch)
            outright.difference_update(stretch)
        if turn == "condition" and previous not in _CONCEDING_BEFORE_IF:
            condition = True
            hedged.update(stretch_outright)
            outright.difference_update(stretch_outright)
            stretch_outright = []
        elif turn == "modal":
            hedged.update(stretch_gerunds)
            outright.difference_update(stretch_gerunds)
        if previous in _BE_AHEAD.get(low, ()) and _WHEN_NEXT.match(text, m.end()):
            hedged.update(said_in_clause)
            outright.difference_update(said_in_clause)
            said_in_clause = set()
        # a hedge is a word of its own ("planned", "expected") and makes what follows it possible, not done; so does
        # an obligation ("they have to win"); a capitalised one inside a sentence is a month or a name ("in May",
        # "Theo May said")
        if (
            unconfirmed
            or (
                is_hedge(low)
                and low not in _HEDGING_BEFORE_TO
                and (sentence_start or not raw[0].isupper())
                # "Will Vale has spoken ...", "May Lind resigned": a first name opening a statement, not a modal
                and not (
                    low in ("will", "may")
                    and raw[0].isupper()
                    and _NAME_NEXT.match(text, m.end())
                    and "?" not in text[m.end() : m.end() + 200]
                )
                and not (low == "will" and previous in _WILL_AS_NOUN_AFTER)
                and not (low == "about" and _NUMBER_NEXT.match(text, m.end()))
            )
            or (
                low == "to"
                and (
                    previous in _OBLIGED | _HEDGING_BEFORE_TO | _STRIVING_BEFORE_TO | _SCHEDULED
                    or hedged_clause
                    or (previous == "out" and bool(_SET_OUT.search(text, max(0, m.start() - 20), m.start())))
                    # "pushing Ostland's rates to a record high": a "to" before a noun is where it went, no infinitive
                    or (permitted and not _NOUN_AFTER_TO.match(text, m.end()))
                )
            )
            or (low == "for" and previous in _HEDGING_BEFORE_TO | _SCHEDULED | _CALLING)
            # "almost sent the game to overtime" did not; "almost 50 jobs", "nearly half" is an amount said roughly
            or (low in _ALMOST and not _ROUGH_AMOUNT_NEXT.match(text, m.end()))
        ):
            # "in talks with Mara Lind, the co-founder, to return": the infinitive is what the hedge is about
            # "will" makes its own verb ahead, not what that verb is about: "readers will recall Globex's purchase of
            # Tide Works" recalls a purchase that was made
            # "going to" is "will" ("going to the office, she resigned" is no hedge of "resigned")
            # ("will have" is all ahead: "all users will have an account connected by January" has connected none)
            ahead_only = (low in _WILL_FORMS and not _HAVE_NEXT.match(text, m.end())) or (
                low == "to" and previous == "going"
            )
            # ... but a "will" inside an open "if" keeps the condition's reach: "if it will be Ostland who will lift
            # the cup" has not said that Ostland lifted it
            hedge, hedged_clause = (max(hedge, 1) if ahead_only else HEDGE_SCOPE), True
        elif low == "at" and previous in _ATTEMPT_BEFORE_AT:
            hedge = 1  # only what was attempted: "after two attempts at a deal, Globex bought" did buy
        elif (
            low in _AVERTING
            or (low == "against" and previous in _FIGHTING)
            or (low == "of" and previous in _THREAT | _HOPING | _WEIGHED)
            or (low == "of" and previous in _COST_OF and _GERUND_NEXT.match(text, m.end()))
        ):
            hedge = 1  # "fighting against closure", "avoided bankruptcy", "the threat of a strike": none happened
        permitted = _PERMITTED_OBJECT if low in _PERMITTING else max(0, permitted - 1)
        # a name of several words keeps the comma its first word came after
        name_opens_clause = kind == "name" and not low[:1].isdigit() and (after_comma or name_opens_clause)
        previous, previous_capitalised = low, raw[0].isupper() and not sentence_start
    if stretch_denies:
        denying.update(stretch)
    return Scan(
        frozenset(all_tokens),
        tuple(dict.fromkeys(content)),
        frozenset(negated),
        frozenset(affirmed),
        frozenset(hedged),
        frozenset(outright),
        frozenset(denying),
        frozenset(contrasted),
        frozenset(conditioned),
    )


_CURRENCY_WORDS = frozenset("dollar dollars euro euros pound pounds yen".split())

# what follows "none" or "nothing" when it stresses a thing rather than denies it
_EMPHASIS_NEXT = re.compile(r"\s+(?:other\s+than|short\s+of)\b", re.I)
# "not only raised prices but ...", "came not in spite of his age but because of it": what follows is said, only
# more is added or the reason is another
# a refusing verb before a thing that is asked for and granted or not: "denied Globex's request for a waiver"
_REFUSING = frozenset("deny denied denies denying refuse refused refuses refusing".split())
_ASKED_FOR_NEXT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|this|that|[A-Z][\w.-]*(?:['’]s?)?)\s+){1,3}(?:[a-z-]+\s+)?"
    r"(?:requests?|applications?|appeals?|motions?|petitions?|bids?|offers?|waivers?|permits?|permission|bail|"
    r"visas?|licen[cs]es?|entry|access|pleas?)\b"
)
_NOT_OF_WHAT_FOLLOWS = re.compile(
    r"\s+(?:only|just|merely|simply|solely|because|despite|in\s+spite|due\s+to|thanks\s+to)\b", re.I
)


def analyse(text: str) -> tuple[frozenset[str], tuple[tuple[str, float, str], ...], frozenset[str]]:
    """(every normalised token of text, its content tokens with weight and kind, the tokens under a negation)."""
    scan = _scan(text)
    return scan.tokens, scan.content, scan.negated


def plain_words(text: str) -> frozenset[str]:
    """The stems of the text's plain content words: not names, numbers or stopwords ("fire" of "Globex fired Lind")."""
    return frozenset(t for t, _, kind in _scan(text).content if kind == "word")


def negation_flipped(claim: str, passage: str) -> bool:
    """A word both share is only negated on one side and only affirmed on the other ("was not in critical condition"
    vs "was in critical condition"). A word a side both says and negates ("cut prices ... never meant to cut
    prices") flips nothing."""
    c, p = _scan(claim), _scan(passage)
    # a word said in a stretch that denies something is no plain affirmation: "no additional measures planned" does
    # not say that measures are planned, nor deny "no plans for additional measures"
    only_denied, only_said = c.negated - c.affirmed, c.affirmed - c.negated - c.denying
    # nor is a word said only as a goal or a possibility ("his path to become speaker") an affirmation to deny, unless
    # the claim says it the same way ("she would not resign" against "she would resign")
    said_outright = p.affirmed - p.negated - p.denying - (p.hedged - p.outright - c.hedged)
    denied = _denied(c, p)
    # "did not invest in Globex directly" against "invested in Tide Works rather than directly in Globex": the
    # passage denies what the claim denies; the deed it affirms is done to another
    if only_denied & p.contrasted:
        return bool(only_said & denied)
    return bool(only_denied & said_outright or only_said & denied)


def negation_denies(claim: str, passage: str) -> bool:
    """The one direction of `negation_flipped`: a word the claim says outright, the passage only negates ("not
    chemists" against "as chemists"); a claim's own denial ("denied knowing") is not what it flips."""
    c, p = _scan(claim), _scan(passage)
    return bool(_said(c) & _denied(c, p))


def denied_if(claim: str, passage: str) -> bool:
    """A word the claim says outright, the passage denies only under a condition ("If Globex cannot win the case,
    ..."): the passage neither says nor denies it."""
    c, p = _scan(claim), _scan(passage)
    return bool(_said(c) & (p.negated - p.affirmed) & (p.conditioned - c.conditioned))


def _said(claim: Scan) -> frozenset[str]:
    """The words a claim says outright: not under its own negation, nor in a stretch that denies something."""
    return claim.affirmed - claim.negated - claim.denying


def _denied(claim: Scan, passage: Scan) -> frozenset[str]:
    """The words a passage only denies, but not under a condition the claim does not share: "If Lind cannot win the
    argument, ..." denies nothing."""
    return passage.negated - passage.affirmed - (passage.conditioned - claim.conditioned)


def contrast_denies(claim: str, passage: str) -> bool:
    """A word the claim says outright, a sentence of the passage says only as what was not done instead: "invested
    directly in Globex" against "invested in Tide Works rather than directly in Globex"."""
    c = _scan(claim)
    if c.negated:  # a denial is judged by what the passage denies (`negation_flipped`)
        return False
    said = c.affirmed - c.contrasted
    return any(said & (p.contrasted - p.affirmed) for p in (_scan(passage[a:b]) for a, b in split_sentences(passage)))


def negated_words(text: str) -> frozenset[str]:
    """The stems the text negates somewhere ("did not buy" -> "buy")."""
    return _scan(text).negated


def hedged_words(text: str) -> frozenset[str]:
    """The stems the text says only as possible, planned or conditional ("Globex would open plants" -> "open")."""
    return _scan(text).hedged - _scan(text).outright


def hedged_only(claim: str, passage: str) -> bool:
    """A plain word the claim states outright, the passage says only as possible, planned or conditional: "Globex
    cut prices" against "Globex may cut prices" or "if Globex cuts prices". The passage has not said it happened."""
    c, p = _scan(claim), _scan(passage)
    return bool((c.outright - c.hedged) & (p.hedged - p.outright))


def coverage(claim: str, passage: str) -> float:
    """Weighted share of the claim's content tokens found in passage, no penalties: what one passage contributes."""
    _, claim_content, _ = analyse(claim)
    passage_tokens, _, _ = analyse(passage)
    total = sum(w for _, w, _ in claim_content)
    return sum(w for t, w, _ in claim_content if t in passage_tokens) / total if total else 0.0


def lexical_support(claim: str, passage: str) -> float:
    """Weighted coverage of the claim's content tokens by the passage, with mismatch penalties; in [0, 1]."""
    _, claim_content, _ = analyse(claim)
    passage_tokens, _, _ = analyse(passage)
    if not claim_content:
        return 0.0
    total = sum(w for _, w, _ in claim_content)
    covered = sum(w for t, w, _ in claim_content if t in passage_tokens)
    score = covered / total
    # A number the passage does not hold is the classic wrong-citation error: penalise hard.
    missing_numbers = sum(1 for t, _, k in claim_content if k == "number" and t not in passage_tokens)
    missing_names = sum(1 for t, _, k in claim_content if k == "name" and t not in passage_tokens)
    score *= 0.5**missing_numbers
    score *= 0.6**missing_names
    # Negation mismatch: a word both sides share is negated on one side only ("was not in critical condition").
    if negation_flipped(claim, passage):
        score *= 0.4
    return max(0.0, min(1.0, score))


def cosines(claim: str, passages: Sequence[str], embedder: Any) -> list[float]:
    """MiniLM cosine of the claim with each passage, in one batch (`embedder.encode` returns normalised vectors)."""
    vectors = embedder.encode([claim, *passages])
    return [float(v @ vectors[0]) for v in vectors[1:]]


def support_score(claim: str, passage: str, embedder: Any | None = None) -> float:
    """How well `passage` supports `claim`, in [0, 1]; >= SUPPORT_THRESHOLD counts as supported.

    With `embedder` (anything with `.encode(list[str]) -> normalised vectors`, e.g. rag.core.embedder.get_embedder()),
    MiniLM cosine is blended in; the number/name/negation penalties still apply on top.
    """
    lexical = lexical_support(claim, passage)
    if embedder is None or lexical == 0.0:
        return lexical
    cosine = max(0.0, cosines(claim, [passage], embedder)[0])
    # Blend the raw coverage with cosine, then re-apply the lexical penalties (cosine cannot see them).
    raw = coverage(claim, passage)
    penalty = lexical / raw if raw > 0 else 0.0
    return max(0.0, min(1.0, ((1 - EMBED_WEIGHT) * raw + EMBED_WEIGHT * cosine) * penalty))


def best_window(claim: str, passage: str) -> tuple[int, int, float] | None:
    """(start, end, lexical score) of the 1..MAX_QUOTE_SENTENCES adjacent sentences of passage that best support
    claim: the shortest span nearly as good as the best (and still supporting, if the best does), the clearest
    quote. None for a passage without sentences."""
    spans = split_sentences(passage)
    candidates: list[tuple[float, int, int, int]] = []  # (score, n_sentences, start, end)
    for i in range(len(spans)):
        for width in range(1, min(MAX_QUOTE_SENTENCES, len(spans) - i) + 1):
            s, e = spans[i][0], spans[i + width - 1][1]
            candidates.append((lexical_support(claim, passage[s:e]), width, s, e))
    if not candidates:
        return None
    top = max(c[0] for c in candidates)
    floor = top - LONGER_QUOTE_MARGIN
    if top >= SUPPORT_THRESHOLD:
        floor = max(floor, SUPPORT_THRESHOLD)
    score, _, s, e = min((c for c in candidates if c[0] >= floor), key=lambda c: (c[1], -c[0], c[2]))
    return s, e, score


class LexicalVerifier:
    """The passages together (joined) support the claim when support_score reaches SUPPORT_THRESHOLD.

    Label "contradicted": the passages hold the claim's words (coverage at the threshold) but a number, name or
    negation penalty takes the score below it. Span: the best window (best_window) of the best passage.
    """

    name = "lexical"
    threshold = SUPPORT_THRESHOLD

    def __init__(self, embedder: Any | None = None) -> None:
        self.embedder = embedder

    def verify(self, claim: str, passages: Sequence[str]) -> Verdict:
        evidence = " ".join(passages)
        score = support_score(claim, evidence, embedder=self.embedder)
        windows = [(w[2], -i, Span(i, w[0], w[1])) for i, p in enumerate(passages) if (w := best_window(claim, p))]
        best = max(windows, key=lambda w: (w[0], w[1]))[2] if windows else None
        if score >= SUPPORT_THRESHOLD:
            return Verdict("supported", score, best)
        raw = coverage(claim, evidence)
        if raw >= SUPPORT_THRESHOLD and lexical_support(claim, evidence) < raw:
            return Verdict("contradicted", score, best)
        return Verdict("not_mentioned", score, best if score > 0 else None)
