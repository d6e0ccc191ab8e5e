"""How many / how much, asked with no outlet named: the number a sentence stating the event gives.

"How many counts was Mara Lind convicted on?" is read as its event ("Mara Lind convicted counts"), judged sentence by
sentence as a bare "did it happen?" is, and answered with the number the stating sentence puts before the asked noun
("convicted on seven counts"); "how much" takes a sum of money or a share ("$2bn", "4%"). Reports that give other
numbers are shown beside the first, so a disagreement is seen. With no stating sentence that gives a number, the
question gets the quotes (a number worded otherwise is often in them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.compose import Citations, outlet_of, quoted
from rag.answer.parts import Window
from rag.answer.stated import MAX_WORDS, more_than_one_clause, stating
from rag.core.text import NUMBER_WORDS, stem
from rag.core.types import Answer, Hit, Part

_ASKED = re.compile(
    r"^\W*how\s+(?P<kind>many|much)\s+(?P<noun>[a-z][\w-]*\s+)?(?P<rest>(?:did|does|do|was|were|is|are|has|have|had)\s+"
    r"[^?]+?)\s*\??\s*$",
    re.I,
)
_COUNT_WORD = "|".join(w for w, v in NUMBER_WORDS.items() if v.isdigit() and int(v) < 100)
_NUMBER = rf"(?:\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn|m|k))?|(?:{_COUNT_WORD})(?:[\s-](?:{_COUNT_WORD}))?)"
# a sum of money or a share: "$69B", "£1.2bn", "NIS 405 million", "4%", "4 per cent"
_MONEY = re.compile(
    r"(?:[$£€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|trillion|bn|[mbk])\b)?"
    r"|\b[A-Z]{3}\s\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|bn))?"
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


def read_amount(question: str) -> Asked | None:
    """The event a bare "how many / how much ...?" question asks a number of, or None."""
    q = question.strip()
    m = _ASKED.match(q)
    if not m or len(q.split()) > MAX_WORDS or more_than_one_clause(m.group("rest")):
        return None
    noun = (m.group("noun") or "").strip()
    if m.group("kind").lower() == "many" and not noun:
        return None  # "how many did ...?" names nothing to count
    rest = _AUX.sub("", m.group("rest"))
    return Asked(m.group("kind").lower(), noun, f"{rest} {noun}".strip())


def amount_in(asked: Asked, sentence: str) -> str:
    """The number the sentence gives for what is asked: the number right before the counted noun (a word or two
    between: "seven criminal fraud counts"), or a sum of money / a share for "how much"; "" when it gives none."""
    if asked.kind == "much" and not asked.noun:
        m = _MONEY.search(sentence)
        return m.group(0).strip() if m else ""
    noun = re.escape(stem(asked.noun.lower()))  # a prefix: "count" finds "counts", "wicket" "wickets"
    m = re.search(rf"(?<![\w.]){_NUMBER}(?=(?:\s+[\w-]+){{0,3}}?\s+{noun})", sentence, re.I)
    return m.group(0).strip() if m else ""


@dataclass
class Counted:
    window: Window
    amount: str


def counted(asked: Asked, hits: list[Hit]) -> list[Counted]:
    """Every sentence of the hits that states the event and gives its number."""
    found = ((w, amount_in(asked, w.text)) for w in stating(asked.claim, hits))
    return [Counted(w, amount) for w, amount in found if amount]


def compose_amount(question: str, asked: Asked, hits: list[Hit]) -> Answer | None:
    """**<number>** from the best-ranked stating sentence, cited; other numbers the reports give beside it. None when
    no sentence states it with a number: the quotes then show what the passages say."""
    found = counted(asked, hits)
    if not found:
        return None
    cites = Citations()
    lead = found[0]  # hits come best first
    n = cites.cite(lead.window)
    lines = [quoted(lead.window.text, n)]
    text = f"**{lead.amount}** — {outlet_of(lead.window)} [{n}]."
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
        parts=[Part(asked.claim, "supported", [n])],
    )
