"""Questions asked of the MultiHop-RAG index the way a reader asks them: no outlet named.

The MultiHop-RAG questions all name an outlet ("does the Daily Ledger suggest ...", "which company, reported by ...")
so they never test a plain "Did Globex cut prices?" or "Who fired Mara Lind?". Two probes, written by hand from
sentences of the corpus, gold being what the articles say:

- happened (evals/data/happened_probe.tsv): bare yes/no questions; gold yes / no / unsettled (the articles only
  report a plan, or nothing). Is it answered from a statement of the event, not a plan, a condition or a bag of words?
- entity (evals/data/entity_probe.tsv): who / which questions; gold the name (aliases split by "|") or "none" (no
  passage states it). Is the name one a passage states in the asked role?
- when (evals/data/when_probe.tsv): when questions; gold the event's day, "undated" (reported, never dated) or
  "none". Is the day the one a stating sentence gives?
- outlet (evals/data/outlet_probe.tsv): which outlet reported it first / most recently; gold the outlet, or "none".
  Is it the outlet whose own passages state it earliest (latest)?

Set "inspected" of each was looked at while the rules were built; later sets (fresh, fresh2, third, fresh3: who won,
passive: "was X ...?", posts: who holds a post) were each first read once, after which fixes followed
(docs/experiments.md gives the first-read figures). Set "paraphrased" (entity and happened) holds questions new users
wrote in their own words about 42 random articles, golds checked against the articles; first read at 63aee67: entity
right 2 of 41, happened right 1 of 32, 2 wrong. Set "testers53" (entity and happened) holds the yes/no and who/which
questions eight black-box testers of the fifty-third session wrote with golds before asking (compared numbers, chat
follow-ups asked stand-alone, lists and counts, quotes given by a pronoun), read after the session's fixes (so they
were looked at). Set "testers54" holds the same of the fifty-fourth session's twelve testers (plans and conditions,
amounts that changed, who someone is, negations and lists, opinions, still true, sports results, products), read
after that session's fixes. Set "testers55" holds the same of the fifty-fifth session's eight testers (quoted
speech, units, timelines, causes, spans, figures compared, "he" and "she", questions that presume something).
Set "testers56" holds the same of the fifty-sixth session's fourteen testers (two outlets compared, paraphrase,
courts, money and deals, who and which, one detail wrong, health and science, entertainment, technology, sports moves,
two candidates compared, politics, business, careless typing).
Set "testers57" holds the same of the fifty-seventh session's eight testers in two rounds (follow-up conversations
asked stand-alone, time and order, outlets named, numbers and dates; causes, two articles compared, people and what
they said, false premises).
Set "testers58" holds the same of the fifty-eighth session's testers (round 1: premises the articles contradict, order
and time, outlets compared in a user's own words, chats that drill in; round 2: did it happen, who and which, what is
still so, a chat following a story; round 3: money and deals, sports results, quotes and positions, a reader typing
fast).
Set "testers59" holds the same of the fifty-ninth session's testers (round 1: the same story in two outlets, before
and after with outlets named, outlets that differ on a detail, a chat comparing coverage; round 2: what an outlet says
about a topic, one outlet over time, two outlets that do agree; round 3: do two outlets give the same number, what an
outlet says, a chat comparing coverage, before and after in a reader's words).
Set "testers60" holds the same of the sixtieth session's four testers (two outlets on one story, order in time, did it
happen with one detail changed, who and which from what one or two outlets say).
Set "testers61" holds the same of the sixty-first session's first three testers (false premises and details changed,
change over time, two outlets on one story).
Set "testers62" holds the same of the sixty-second session's three testers (two outlets on one story, order and
change over time, results, winners and entities with one detail changed).

    python -m evals.reader_probe --index DIR [--probe happened|entity|when]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

from rag.assistant import Assistant
from rag.core.errors import NewsragError

DATA = Path(__file__).parent / "data"
PROBES = {
    "happened": DATA / "happened_probe.tsv",
    "entity": DATA / "entity_probe.tsv",
    "when": DATA / "when_probe.tsv",
    "outlet": DATA / "outlet_probe.tsv",
}


def outcome(answer_text: str, gold: str) -> str:
    """Bare yes/no: right / wrong / unsettled. A Yes or No that is not the gold is wrong; declining to settle is
    neither, and is right only when the articles do not settle it."""
    said = "yes" if answer_text.startswith("**Yes") else "no" if answer_text.startswith("**No") else ""
    if not said:
        return "right" if gold == "unsettled" else "unsettled"
    return "right" if said == gold else "wrong"


_LEAD_NAME = re.compile(r"^\*\*(?P<name>[^*]+)\*\*")


def entity_outcome(answer_text: str, gold: str) -> str:
    """Who / which: right / wrong / declined. A name that is none of the gold's is wrong (so is any name when no
    passage states one; of names given together, any one that is none of the gold's); naming none is right only when
    no passage states one."""
    m = _LEAD_NAME.match(answer_text)
    if not m:
        return "right" if gold == "none" else "declined"
    said = m.group("name").strip().lower()
    aliases = [a.strip().lower() for a in gold.split("|")] if gold != "none" else []
    # winners sharing a win are named together ("Mara Lind and Theo Park"): each must be one of the gold's
    shared = re.split(r",\s+|\s+and\s+", said)
    return "right" if said in aliases or all(n in aliases for n in shared) else "wrong"


def outlet_outcome(answer_text: str, gold: str) -> str:
    """Which outlet: right / wrong / declined, as for a name, the gold being one outlet (outlet names may hold "|")."""
    m = _LEAD_NAME.match(answer_text)
    if not m:
        return "right" if gold == "none" else "declined"
    return "right" if m.group("name").strip().lower() == gold.lower() else "wrong"


_LEAD_DAY = re.compile(r"^\*\*(?P<by>Reported by )?(?P<day>\d{4}-\d{2}-\d{2})\*\*")
_LEAD_YEAR = re.compile(r"^\*\*In (?P<year>\d{4})\*\*")


def when_outcome(answer_text: str, gold: str) -> str:
    """When: right / wrong / imprecise / declined. Gold is the event's day, "undated" (reported, never dated) or
    "none". A day that is not the gold's is wrong, and so is any day for an event no passage dates or reports;
    "reported by <day>" is right for an undated event, imprecise for a dated one (wrong if before its day); "in <year>"
    is imprecise when it is the event's year (or the event is undated), wrong otherwise."""
    m = _LEAD_DAY.match(answer_text)
    year = _LEAD_YEAR.match(answer_text)
    if year:  # a year only: imprecise when it is the event's, wrong when it is not
        if gold == "none":
            return "wrong"
        return "imprecise" if gold == "undated" or gold.startswith(year.group("year")) else "wrong"
    if not m:
        return "right" if gold == "none" else "declined"
    if gold == "none":
        return "wrong"
    if m.group("by"):
        return "right" if gold == "undated" else "imprecise" if m.group("day") >= gold else "wrong"
    return "right" if m.group("day") == gold else "wrong"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.reader_probe", description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="the MultiHop-RAG index directory")
    parser.add_argument("--probe", choices=sorted(PROBES), action="append", help="one probe (default: both)")
    args = parser.parse_args(argv)
    try:
        bot = Assistant.open(args.index)
    except NewsragError as e:  # no index there: say so, no traceback
        print(f"error: {e}", file=sys.stderr)
        return 2
    for probe in args.probe or sorted(PROBES):
        judge = {"entity": entity_outcome, "outlet": outlet_outcome, "when": when_outcome}.get(probe, outcome)
        counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        with PROBES[probe].open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                answer = bot.ask(row["question"])
                result = judge(answer.text, row["gold"])
                counts[row["set"]][result] += 1
                first = answer.text.splitlines()[0][:90]
                print(f"{probe} {row['set']:9s} {row['gold'][:12]:12s} {result:9s} {row['question']} | {first}")
        for name, c in counts.items():
            print(
                f"{probe} {name}: "
                + ", ".join(
                    f"{k} {c[k]}"
                    for k in ("right", "wrong", "imprecise", "unsettled", "declined")
                    if k in c or k in ("right", "wrong")
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
