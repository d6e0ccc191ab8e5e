"""The default answerer: reads the question's shape and answers each shape from its parts' verdicts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rag.answer.amounts import (
    Asked,
    compose_amount,
    compose_compared,
    compose_figure_choice,
    compose_same_count,
    read_amount,
    read_compared,
    read_figure_choice,
    read_same_count,
)
from rag.answer.compose import (
    REFUSAL,
    UNSETTLED,
    compose_entity,
    compose_yes_no,
    missing_names,
    pick_entity,
    refuse_unknown_outlets,
)
from rag.answer.described import compose_described, read_described
from rag.answer.digest import compose_digest, compose_latest, read_digest, read_latest
from rag.answer.names import names_in, says_word
from rag.answer.outlets import (
    candidate_outlets,
    clearly_closest,
    compose_outlet,
    credited_outlet_asked,
    offered,
    read_outlet_question,
    read_when_reported,
)
from rag.answer.parts import (
    EVIDENCE_HITS,
    Evidence,
    Retrieve,
    gather,
    judge_part,
    part_hits,
    said_in_past,
    sentences_of,
)
from rag.answer.quoting import (
    ANY_EVENT,
    SAID_BY_AT_END,
    SECOND_QUESTION,
    closest_below,
    named_in,
    never_named,
    quote_answer,
)
from rag.answer.reading import (
    FRAMED_BY_SOURCE,
    Clause,
    Reading,
    affirmative,
    as_passive,
    asked_as_question,
    asked_of_another_outlet,
    claim_asked_as_true,
    claim_words,
    cleft_asked,
    framed_by_outlet,
    left_blank,
    names_offered,
    plainly_asked,
    points_at_no_one,
    question_after_premise,
    read_question,
    speaker_asked,
    statement_asked,
    unheld_reporter,
    with_auxiliary_first,
    without_aside,
    without_outlet,
)
from rag.answer.results import (
    as_who_won,
    asks_who_lost,
    asks_who_won,
    compose_did_win,
    compose_loser,
    compose_winner,
    read_did_lose,
    read_did_win,
    result_queries,
)
from rag.answer.stated import (
    MAX_WORDS,
    Slot,
    compose_holder,
    compose_stated,
    compose_successor,
    founder_asked,
    more_than_one_clause,
    post_forms,
    read_holder,
    read_slot,
    succession_searches,
    successor_as_new_holder,
)
from rag.answer.verdicts import ABOUT, deed_said, judge, place_swapped
from rag.answer.when import (
    compose_event_order,
    compose_stated_span,
    compose_still_ahead,
    compose_timed,
    compose_when,
    earliest,
    event_claim,
    read_asked_event,
    read_event_order,
    read_timed_event,
    read_when,
)
from rag.answer.who_said import compose_said_by_one, compose_who_said, read_said_by_one, read_who_said
from rag.core.text import AUXILIARY_WORDS, same_event_words
from rag.core.types import Answer, Filters, Hit, Part
from rag.extractive import ExtractiveAnswerer
from rag.query import earliest_time_named, outlet_short_name, published_window, without_publication_time
from rag.verify.lexical import analyse

# Passages fetched in a result's own words for "who won ...?", beside the question's: the past results a report
# mentions in passing ("X won the 2022 final") rank low for the question itself.
RESULT_HITS = 2 * EVIDENCE_HITS


# the yes/no question that ends what is asked, after any statement before it ("Globex launched at $2. Was it ...?")
_YES_NO_ASKED = re.compile(rf"(?:^|(?<=[.;:—–]\s))\W*(?:{AUXILIARY_WORDS})\s[^.;:?—–]+\?\s*$", re.I)


# Outlets checked for "which outlets reported X?": each is searched and judged on its own
EVERY_OUTLET = 8


def _won_at_another_place(question: str, won: Answer) -> bool:
    """The result quoted for "did X win its first title?" is a win at another place of the series ("won his second
    title"): who won is not what was asked, and the claim is judged as any other is."""
    return place_swapped(question, " ".join(c.quote for c in won.citations))


class StructuredAnswerer:
    """Answers with the direct answer first and one cited line per part; quotes for open questions."""

    def __init__(self, extractive: ExtractiveAnswerer, sources: Callable[[], list[str]]):
        self.extractive = extractive
        self.sources = sources  # the index's outlets, read per question (ingest may add some)

    def read(self, question: str) -> Reading:
        return read_question(question, self.sources())

    def answer(self, question: str, hits: list[Hit], retrieve: Retrieve) -> Answer:
        """`retrieve(query, k, filters)` finds one part's passages (the user's own filters already applied)."""
        outlets = self.sources()  # read from the store once for the rewrites below
        asked = with_auxiliary_first(framed_by_outlet(plainly_asked(question), outlets))
        # "Who told Tech Wire that ...?", "Was it Lind or Park who said '...'?": the name the words are given to
        who_said = read_who_said(asked)
        if who_said is not None:
            more = retrieve(who_said.words, EVIDENCE_HITS, Filters())
            said = compose_who_said(question, who_said, _pool(hits, [], more))
            if said is not None:
                return said
            # no sentence holding the words names who said them: the closest passages, and no name guessed, said so
            answer = self.quotes(asked, self.read(asked), hits)
            if not answer.refused:
                answer.text = (
                    f"{UNSETTLED}: no sentence found gives these words to anyone by name; the closest passages are "
                    f"quoted below.\n{answer.text}"
                )
            answer.question = question
            return answer
        said_by_one = read_said_by_one(asked)
        asked = statement_asked(cleft_asked(speaker_asked(asked)))
        asked = affirmative(question_after_premise(asked_of_another_outlet(asked, outlets), outlets))
        # the question after a premise, read as a question alone is ("..., per Tech Wire?" after "Bay News said X.")
        asked = with_auxiliary_first(plainly_asked(asked))
        # "Is it true that Ostland won the Cup?" is "Did Ostland win the Cup?" to the readers of a result or a post
        # held: the latest final decides it, not a passage that only wonders whether Ostland will win
        bare = claim_asked_as_true(asked)
        if bare and any(read(bare) is not None for read in (read_did_win, read_did_lose, read_holder)):
            asked = bare
        answer = self._answer(asked, hits, retrieve)
        if said_by_one is not None and not answer.text.startswith(("**Yes", "**No")):
            # "Did Mara Lind say ...?" left open: whom the sentences holding the words give them to answers it
            more = retrieve(said_by_one.words, EVIDENCE_HITS, Filters())
            answer = compose_said_by_one(question, said_by_one, _pool(hits, [], more)) or answer
        if _WHICH_OF_TWO.search(asked) and answer.text.startswith(("**Yes", "**No")):
            # "Was it Lind or Park who ...?" asks for one of two: a Yes or No answers nothing asked
            quotes = answer.text.split("\n", 1)[1] if "\n" in answer.text else ""
            answer.text = (
                f"{UNSETTLED}: the question asks which of two, and no passage found says which; the closest passages "
                f"are quoted below.\n{quotes}"
            ).rstrip()
        unheld = unheld_reporter(asked, outlets) if answer.text.startswith(UNSETTLED) else None
        if unheld is not None:
            answer = self._not_reported_by(asked, *unheld, hits, retrieve)
        # the user's wording, though "Didn't X resign?" was answered as "Did X resign?" and "True or false: X." as "Is it
        # true that X?"
        answer.question = question
        return answer

    def _not_reported_by(self, question: str, who: str, claim: str, hits: list[Hit], retrieve: Retrieve) -> Answer:
        """ "Did Wirepost report that Globex bought Tide Works?", Wirepost being none of the index's outlets and no
        article citing its report: that is said, and what the articles themselves report follows, as the bare
        question is answered."""
        own = self._answer(asked_as_question(claim), hits, retrieve)
        said = f"{UNSETTLED}: none of the articles is from {who}, and none says that {who} reported it."
        if own.text.startswith(f"{UNSETTLED}: "):  # nor do they settle the claim itself: said once
            text = f"{said[:-1]}; of the claim itself, {own.text.removeprefix(f'{UNSETTLED}: ')}"
        else:
            text = f"{said} What the articles themselves report:\n{own.text}"
        return Answer(
            question=question,
            text=text,
            refused=own.refused,
            citations=own.citations,
            hits=own.hits,
            parts=[Part(f"{who} reported that {claim}", "not_mentioned", []), *own.parts],
        )

    def _answer(self, question: str, hits: list[Hit], retrieve: Retrieve, names_searched: bool = False) -> Answer:
        reading = self.read(question)
        pointer = points_at_no_one(question)
        if not pointer and reading.sources:
            # "Did Tech Wire report that he was fired?", "When did Tech Wire report that?": the outlet is a name, but
            # not the one "he" or "that" stands for
            pointer = points_at_no_one(claim_words(question, reading.sources))
        if pointer:  # "Did he come back?" asked first: nothing says who he is, and any passage's "come back" would do
            return Answer(
                question=question,
                text=(
                    f"Who or what is “{pointer}”? The question names no one{' but the outlet' if reading.sources else ''}, "
                    "so the articles cannot be searched for "
                    f"them: ask it again with the name in place of “{pointer}” (in the chat, a follow-up question "
                    "takes its names from the question before)."
                ),
                refused=True,
                hits=hits,
            )
        blank = left_blank(question)
        if blank:  # "Who invested in ?": any passage with "invested in" would do
            return Answer(
                question=question,
                text=(
                    f"The question has a blank after “{blank}”: a name or a word seems to be missing there. Ask it again "
                    "with the blank filled in."
                ),
                refused=True,
                hits=hits,
            )
        refused = refuse_unknown_outlets(question, reading, hits)
        if refused is not None:
            return refused
        # "What did Tech Wire report in January 2031?" of an archive that ends before then: no passage can say, and the
        # closest ones are of another time ("Was Lind fired on <that day>?" may still be a No: an earlier day is dated)
        asked_from = earliest_time_named(question) if reading.shape != "yesno" else ""
        if asked_from > _newest(hits) and not retrieve(question, 1, Filters(since=asked_from)):
            return Answer(
                question=question,
                text=(
                    f"None of the articles was published on or after {asked_from}, so none can say what happened "
                    "then. Ask about an earlier time, or add newer articles (newsrag ingest)."
                ),
                refused=True,
                hits=hits,
            )
        # "What did the Daily Ledger report on November 21?": that day's articles, each by its lead
        digest = read_digest(question, reading.sources, _newest(hits))
        if digest is not None:
            return compose_digest(question, digest, retrieve, hits)
        # "What is the latest on the Globex trial?": the newest articles on it, newest first
        latest_on = read_latest(question) if not reading.sources else ""
        latest = compose_latest(question, latest_on, retrieve, hits) if latest_on else None
        if latest is not None:
            return latest
        if credited_outlet_asked(question):  # no name of ours: the quotes say whom the article credits
            return self.quotes(question, reading, hits)
        # "which outlet reported X?": X judged inside each candidate outlet's own passages
        outlet_asked = read_outlet_question(question, reading.sources) or read_when_reported(question, reading.sources)
        if outlet_asked is not None:
            # asked for every outlet that says it, the outlets of the claim's own passages are checked too
            pool = hits
            if outlet_asked.every and not reading.sources:
                wider = retrieve(outlet_asked.claim.removeprefix(ABOUT), RESULT_HITS, Filters())
                pool = _pool(hits, [], wider)
            outlets = candidate_outlets(reading.sources, pool, most=EVERY_OUTLET if outlet_asked.every else 4)
            clauses = [Clause(question, outlet_asked.claim, s) for s in outlets]
            # "reported that X" asks whether the outlet said X as a fact: judged as a bare "did X happen?" is
            fact = outlet_asked.stated
            clause_hits = [part_hits(c, retrieve, hits, fact)[0] for c in clauses]
            evidence = [judge_part(c, found, happened=fact) for c, found in zip(clauses, clause_hits)]
            if offered(outlet_asked, reading.sources) and not any(e.label == "supported" for e in evidence):
                # none says it word for word: an outlet offered may still say it clearly closest, in its own words
                loose = [judge_part(c, found) for c, found in zip(clauses, clause_hits)]
                closest = clearly_closest(loose)
                if closest is not None:
                    evidence = [closest if e.clause is closest.clause else e for e in evidence]
                    outlet_asked = replace(outlet_asked, stated=False, closest=True)
            return compose_outlet(question, outlet_asked, evidence, hits)
        # "Did X happen before / after Y?": the earliest day each is stated on, both cited; asked "according to" one
        # outlet ("Did Tech Wire report X after Y?"), the day its own articles state (an order of two outlets' reports
        # is the "order" shape's)
        # (one name may stand for an outlet's sections: "Coast Times" for "Coast Times - Sports")
        framings = {without_outlet(question, source) for source in reading.sources}
        framed = framings.pop() if len(framings) == 1 and reading.shape != "order" else ""
        order = read_event_order(framed or question) if framed or not reading.sources else None
        if order is not None:
            told_by = Filters(sources=reading.sources if framed else [])
            claims = (event_claim(order.first), event_claim(order.second))
            first, second = (
                earliest(
                    claim,
                    _of_the_same_story(
                        claim,
                        other,
                        _pool(
                            _within(hits, told_by), [], retrieve(_with_names_of(claim, other), EVIDENCE_HITS, told_by)
                        ),
                    ),
                )
                for claim, other in (claims, claims[::-1])
            )
            ordered = compose_event_order(question, order, first, second)
            ordered.hits = hits
            # the days not both found, a sentence may state the span itself ("only 26 days after surgery")
            if order.span and ordered.text.startswith(UNSETTLED):
                stated = compose_stated_span(question, order, hits)
                if stated is not None:
                    return stated
            if order.span and first is None and second is None:
                # neither event found as asked: the passages closest to the question may still date them for a reader
                nearest = self.quotes(question, reading, hits)
                if nearest.citations and not nearest.text.startswith(REFUSAL):
                    # (their own lead, "I could not confirm a number ...", gives way to the one naming the events)
                    shown = nearest.text.partition("\n")[2] if nearest.text.startswith(UNSETTLED) else nearest.text
                    nearest.text = f"{ordered.text.rstrip('.')}; the closest passages are quoted below.\n{shown}"
                    nearest.parts = ordered.parts
                    return nearest
            return ordered
        # asked with no outlet named, "when ...?" and "how many ...?" lead with the day or number a stating sentence
        # gives; with none, the quotes below
        event = read_when(question) if not reading.sources else None
        # an irregular verb is also searched as news words it ("Globex bought Tide Works" for "when did Globex buy
        # ...?"): the keyword index keeps "bought" apart from "buy"
        past = said_in_past(event) if event is not None else ""
        more = retrieve(past, EVIDENCE_HITS, Filters()) if past and past != event else []
        dated = compose_when(question, event, _pool(hits, [], more)) if event is not None else None
        if dated is not None:
            return dated
        amount = read_amount(question) if not reading.sources else None
        # the event is also searched as the toolkit words it ("Globex cut jobs" for "... did Globex lay off?")
        said = same_event_words(amount.claim) if amount is not None else ""
        more = retrieve(said, EVIDENCE_HITS, Filters()) if amount is not None and said != amount.claim else []
        counted = compose_amount(question, amount, _pool(hits, [], more)) if amount is not None else None
        if counted is not None:
            return counted
        # "Who is Mara Lind?", "What is Theo Park's job?": the roles the articles give them, searched by the name
        described = read_described(question) if not reading.sources else None
        if described is not None:
            more = retrieve(described.name, EVIDENCE_HITS, Filters())
            who = compose_described(question, described, _pool(hits, [], more))
            if who is not None:
                return who
        # "Which one has played more games, Theo Park or Jon Vale?": the two counts one sentence gives them
        choice = read_figure_choice(question) if not reading.sources else None
        if choice is not None:
            more = retrieve(" ".join([*choice.candidates, choice.noun]), EVIDENCE_HITS, Filters())
            chosen = compose_figure_choice(question, choice, _pool(hits, [], more))
            if chosen is not None:
                return chosen
        if reading.shape in ("open", "quote"):
            typed = question  # (the question as asked, before a day it names is taken out of it below)
            # asked when with no day stated, or why: the quotes must at least say what the event happened to ("the
            # actors' strike"), not only its verb ("strikes out to end the inning")
            event = event or (read_asked_event(question) if not reading.sources else None)
            about = _event_subject(as_passive(event)) if event is not None else ""
            # "What did the Daily Ledger report about Globex?" is answered from the Daily Ledger's articles only, and
            # "... on November 21?" or "What did Mara Lind say in November?" from those published then
            since, until = (
                published_window(question, _newest(hits)) if reading.sources or reading.speech else None
            ) or ("", "")
            wanted = Filters(sources=reading.sources, since=since, until=until)
            # the day chooses the articles, searched for the rest ("about Globex"), which the quotes answer; with none
            # published then, the day may be the event's, and the question is answered as if it named none
            undated = without_publication_time(question)
            published_then = _pool(_within(hits, wanted), [], retrieve(undated, EVIDENCE_HITS, wanted)) if since else []
            if published_then:
                question, reading, hits = undated, self.read(undated), published_then
            elif reading.sources:
                wanted = Filters(sources=reading.sources)
                hits = _within(hits, wanted) or retrieve(question, EVIDENCE_HITS, wanted)
            if reading.sources and not hits:
                return never_named(question, "articles include nothing from", reading.sources, hits)
            quoted = self.quotes(question, reading, hits, about, counting=amount)
            # asked why or when something happened, quotes that never say it happened are about it, not the answer
            # ("Why did Globex close its lab?" answered with the lab's launch)
            said = _presumed(question, event, quoted)
            if said and _unsaid_event(said, quoted):
                return closest_below(quoted, f"“{said}”, which the question takes as given", said)
            # "Why is Globex holding back the Tide Pad?": quotes that give no cause at all say that it is, not why
            if _WHY_ASKED.match(question) and _gives_no_reason(quoted):
                asked = question.strip().rstrip("?")
                return closest_below(quoted, f"a reason for “{asked}?”", f"a reason for {said or asked}")
            # a yes/no question this reader could not break into a claim ("Was it still charging that as of ...?"
            # after a statement) gets no verdict, but its quotes are not an answer either: said as unsettled
            yes_no = _YES_NO_ASKED.search(typed)
            if yes_no and not quoted.refused and quoted.citations and not quoted.text.startswith(("**", UNSETTLED)):
                return closest_below(quoted, f"a Yes or No for “{yes_no.group(0).strip()}”", yes_no.group(0).strip())
            return _neither_chosen(question, quoted)
        # "Did Mara Lind resign in November?": the day the event is dated to, set against the time asked
        timed = read_timed_event(question, _newest(hits)) if reading.shape == "yesno" and not reading.sources else None
        if timed is not None:
            # searched as news words it ("Globex bought Tide Works"), as "when ...?" is
            more = retrieve(said_in_past(timed.claim), EVIDENCE_HITS, Filters())
            answer = compose_timed(question, timed, _pool(hits, [], more))
            if answer is not None:
                return answer
        # "Did Tech Wire report that Ostland won the Cup?": the bare question's own readers, inside that outlet
        reported = self._reported_fact(question, reading, hits, retrieve)
        if reported is not None:
            return reported
        evidence = gather(reading, retrieve, hits)
        missing = missing_names(question, reading, evidence, hits)
        if missing and not names_searched and not reading.sources:
            # the question's other words may outweigh a rare name in the search ("the chief executive of Globex" finds
            # other chief executives when Globex's articles say "CEO"): the question is answered again from the
            # passages the names alone find, and from those only (the first search's passages are about something
            # else). Not when it names outlets: each part then searches its outlet's articles, and a question
            # joining reports the articles do not hold would be answered from the name's other articles.
            found = retrieve(" ".join(missing), EVIDENCE_HITS, Filters())
            if found and not missing_names(question, reading, [], found):
                return self._answer(question, found, retrieve, names_searched=True)
        # (words the question quotes, found given to someone else, answer No whoever the question names instead)
        if missing and not any(e.said_instead for e in evidence):
            return never_named(question, "closest articles never mention", missing, hits)
        if reading.shape == "entity":
            if asks_who_won(question):
                more = _result_hits(retrieve, question)
                return compose_winner(question, _pool(hits, evidence, more))
            if asks_who_lost(question):  # "Who lost the Harbour Cup final?": the side the winner of the final beat
                more = _result_hits(retrieve, as_who_won(question))
                return compose_loser(question, _pool(hits, evidence, more))
            # asked with no outlet named, who or which is answered only by a name a passage states in that role
            slot = read_slot(question) if not reading.sources else None
            if slot is not None:
                return _stated_in_role(question, slot, _pool(hits, evidence), retrieve)
            if _plain_outlet_question(question, reading.sources):
                # "Who is the top ranked receiver in Tech Wire's rankings?": one plain question about an outlet's
                # articles, not a riddle whose clues several reports share; the name most passages share would be a
                # guess (a list of players left out of the rankings names the most-written-about ones), so it is
                # answered only by a name that outlet's passages state in the role asked
                outlets = reading.sources

                def inside(query: str, k: int, filters: Filters) -> list[Hit]:
                    return retrieve(query, k, Filters(sources=outlets, since=filters.since, until=filters.until))

                own = _within(hits, Filters(sources=outlets)) or inside(question, EVIDENCE_HITS, Filters())
                slot = read_slot(question)
                if slot is not None:
                    return _stated_in_role(question, slot, own, inside)
                return self.quotes(question, reading, own, ANY_EVENT.sub(" ", question))
            if not reading.sources and len(question.split()) <= MAX_WORDS:
                # a short question the slot reader cannot read ("who did the rovers lose to?" typed in lower case) names
                # no deed to state: the name most passages share would be a guess, so the quotes answer it, each
                # holding every plain word the question asks with but a verb of any event ("what happened in ...")
                return self.quotes(question, reading, hits, ANY_EVENT.sub(" ", question))
            if (not reading.sources and len(question.split()) <= PLAIN_QUESTION_WORDS) or SECOND_QUESTION.search(
                question
            ):
                # nor is a name guessed for a longer plain question naming no outlet ("Which Rovers player was reported
                # to have mocked Ada Brin in the clubhouse?" had named the reporter), nor for two questions in one
                # ("Who started Game 5, and how many starts had he made?"): the closest passages answer them
                return self.quotes(question, reading, hits)
            # "Who founded Tide, one of the apps Tech Wire listed?", "Who testified first — the trader Tech Wire
            # described?": one deed, with a description aside; a name is given only where a passage states the deed
            core = without_aside(question)
            slot = read_slot(core) if core else None
            stated = _stated_in_role(question, slot, _pool(hits, evidence), retrieve) if slot is not None else None
            if stated is not None and not stated.refused:
                return stated
            name, _ = pick_entity(question, reading, evidence, hits)
            if stated is not None and not (name and _said_with(name, names_in(core), hits)):
                # ... nor a name no sentence gives beside what the deed was done to ("co-founder Ada Brin" of another
                # app, asked who founded Tide)
                return stated
            choices = names_offered(question)
            # "According to Tech Wire, who closed the lab?": a plain question, no riddle, whose part no passage
            # supports is answered by its closest passages, not by the name they share most
            unsupported = all(e.label == "not_mentioned" for e in evidence)
            plain = _SAID_BY_AT_START.match(question) and len(question.split()) <= PLAIN_QUESTION_WORDS
            if (
                not name
                or (choices and not any(named_in(name, choice) for choice in choices))
                or (plain and unsupported)
            ):
                # asked "Game 2 or Game 3?", a team is no answer, however often the passages name it
                return _neither_chosen(question, self.quotes(question, reading, hits))
            return compose_entity(question, reading, evidence, hits, name)
        # "Did Ostland win the Harbour Cup?": the latest final result reported decides, not an old edition's
        did_win = read_did_win(question) if not reading.sources else None
        did_lose = read_did_lose(question) if not reading.sources and did_win is None else None
        if did_win is not None or did_lose is not None:
            side, who_won = did_win or did_lose or ("", "")
            more = _result_hits(retrieve, who_won)
            won = compose_did_win(question, side, who_won, _pool(hits, evidence, more), lost=did_lose is not None)
            if won is not None and not _won_at_another_place(question, won):
                return won
        # "Is Mara Lind the chief executive of Globex?": the holder the passages name in that post, the latest first
        holder = read_holder(question) if not reading.sources else None
        if holder is not None:
            held = compose_holder(question, holder, _post_pool(holder.slot, _pool(hits, evidence), retrieve))
            if held is not None:
                return held
        compared = read_compared(question)
        if compared is not None:  # "did B report a larger or smaller fall than A?": the two figures, compared
            return compose_compared(question, compared, evidence, hits)
        # "Do Tech Wire and Bay News give the same number of jobs cut?": each outlet's count, compared
        same_count = read_same_count(question) if len({outlet_short_name(s) for s in reading.sources}) >= 2 else None
        if same_count is not None:
            return compose_same_count(question, same_count, reading.sources, retrieve, hits)
        answer = compose_yes_no(question, reading, evidence, hits)
        # "Was Tech Wire's deal cheaper than the one Bay News listed?": each part found says nothing of which is
        # cheaper, which only the two figures, compared, would
        than = _COMPARED_FIGURES.search(question)
        # ("... sales coming in above the estimate?": a figure set against another, in one clause or two)
        beside = _FIGURE_AGAINST.search(question)
        # (one clause compared with a number, "higher than $5 billion", is a bound the parts do check)
        weighed = than is not None and (len(reading.clauses) >= 2 or not _A_NUMBER_NEXT.match(question, than.end()))
        if (weighed or beside) and answer.text.startswith("**Yes"):
            shown = answer.text.partition("\n")[2]
            degree = f"{than.group('degree')} than" if than else beside.group("degree") if beside else ""
            answer.text = (
                f"{UNSETTLED}: the question asks whether one is {degree} the other, and I could not "
                f"compare the two; the passages found are quoted below.\n{shown}"
            )
            answer.parts = [Part(question.strip().rstrip("?"), "not_mentioned", [])]
        if answer.text.startswith(UNSETTLED) and not reading.sources and len(reading.clauses) == 1:
            # "Has Mara Lind been sentenced?": no report says so, and the latest says it is still to come
            ahead = compose_still_ahead(question, reading.clauses[0].claim, _pool(hits, evidence))
            answer = ahead or answer
        return answer

    def _reported_fact(self, question: str, reading: Reading, hits: list[Hit], retrieve: Retrieve) -> Answer | None:
        """A question asking whether one outlet reported a win or a post taken up as a fact, answered as the bare
        question is ("Did Ostland win the Cup?": the latest final; "Did Mara Lind become CEO?": the post's holder),
        from that outlet's articles only; None for any other question, or when they state no result or holder (its
        parts then judge it)."""
        if reading.shape != "yesno" or len(reading.clauses) != 1 or reading.relation or len(reading.sources) != 1:
            return None
        clause = reading.clauses[0]
        if not clause.stated or clause.source != reading.sources[0] or clause.day:
            return None
        outlet = clause.source

        def inside(query: str, k: int, filters: Filters) -> list[Hit]:
            return retrieve(query, k, Filters(sources=[outlet], since=filters.since, until=filters.until))

        own = _within(hits, Filters(sources=[outlet]))
        bare = asked_as_question(clause.claim)
        did_win = read_did_win(bare)
        if did_win is not None:
            side, who_won = did_win
            more = _result_hits(inside, who_won)
            won = compose_did_win(question, side, who_won, _pool(own, [], more), past_no=False)
            if won is not None and not _won_at_another_place(question, won):
                return won
        holder = read_holder(bare)
        if holder is not None:
            more = inside(bare, EVIDENCE_HITS, Filters())
            held = compose_holder(question, holder, _post_pool(holder.slot, _pool(own, [], more), inside))
            if held is not None:
                return held
        return None

    def quotes(
        self, question: str, reading: Reading, hits: list[Hit], about: str = "", counting: Asked | None = None
    ) -> Answer:
        """Exact quotes, read against the question (`quote_answer`)."""
        return quote_answer(self.extractive, question, reading, hits, about, counting)


def _event_subject(event: str) -> str:
    """What an event with no object happened to, when it is a thing: "the harbour strike end" -> "the harbour
    strike". "" for an event done by a name ("Mara Lind lose her chair": the name decides what is quoted) or longer
    than a thing and its verb."""
    words = event.split()
    if not 2 < len(words) <= 4 or words[0].lower() not in ("the", "a", "an") or not words[-1].islower():
        return ""
    return "" if names_in(event) else " ".join(words[:-1])


# "her contract", "he signed": an event told by a pronoun, naming no one
_PRONOUN_TOLD = re.compile(r"\b(?:he|she|they|it|his|her|their|its)\b", re.I)


def _told_by_a_pronoun(claim: str) -> bool:
    return not names_in(claim) and bool(_PRONOUN_TOLD.search(claim))


def _with_names_of(claim: str, other: str) -> str:
    """An event told by a pronoun, searched with the names of the other event it is asked beside ("... approve Ada
    Brin before her contract was signed")."""
    if not _told_by_a_pronoun(claim):
        return claim
    return " ".join([claim, *names_in(other)])


def _of_the_same_story(claim: str, other: str, hits: list[Hit]) -> list[Hit]:
    """An event told by a pronoun is dated only from articles naming the other event's names: "her contract was
    signed" is not dated by another player's contract."""
    if not _told_by_a_pronoun(claim):
        return hits
    names = names_in(other)
    return [h for h in hits if any(named_in(n, h.article.text) for n in names)] if names else []


_CAUSE_ASKED = re.compile(
    r"^\W*what\s+(?:caused|led\s+to|triggered|prompted|sparked)\s+(?P<event>[^?]+?)\s*\??\s*$", re.I
)
_REASON_ASKED = re.compile(
    r"^\W*what\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:the\s+)?(?:reasons?|explanation|justification|motive)\s+"
    r"(?:(?:did|does|do|was|were|is|are|has|have|had)\s+[^?]*?)?\b(?:for|behind)\s+(?P<event>[^?]+?)\s*\??\s*$",
    re.I,
)
_ASKED_AHEAD = re.compile(r"^\W*(?:when|why)\s+(?:is|are|will|would|does|do|can|could|should)\b", re.I)
# two figures compared: "cheaper than", "a higher price than"
_COMPARED_FIGURES = re.compile(
    r"\b(?P<degree>cheaper|pricier|(?:more|less)\s+expensive|costlier|higher|lower|bigger|smaller|larger)\b"
    r"(?:\s+[\w'’-]+){0,12}?\s+than\b",
    re.I,
)
_WHY_ASKED = re.compile(r"^\W*why\b", re.I)
# the words a sentence gives a cause or a purpose with
_A_REASON = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|result(?:ed|s)?\s+(?:of|from)|after|since|amid|"
    r"following|led\s+to|leading\s+to|caus\w*|reasons?|so\s+that|in\s+order\s+to|citing|cited|blam\w*|prompt\w*|"
    r"in\s+response|over\s+(?:concerns?|fears?)|concerns?|explain\w*|why|behind|motivat\w*|driven\s+by|stemm\w*|"
    r"for\s+(?:his|her|their|its)\b|as\s+(?:it|he|she|they)|"
    # a purpose ("closed the lab to save money")
    r"to\s+(?:hopefully\s+)?(?:avoid|protect|focus|spend|save|cut|reduce|comply|meet|push|boost|make|get|help|improve|"
    r"liven|raise|keep|win|increase|end|stop|prevent|fix|address|free|ease|offset|cover|fund|pay)|"
    # an injury or illness ("left with a sore knee", "(ankle)")
    r"injur\w*|hamstring|ankle|knee|groin|calf|illness|ill|sick|concussion|suspen\w*|health)\b",
    re.I,
)


def _gives_no_reason(answer: Answer) -> bool:
    """An answer of quotes none of which gives a cause or a purpose in any of the usual words."""
    if answer.refused or not answer.citations or answer.text.startswith((UNSETTLED, REFUSAL)):
        return False
    return not any(_A_REASON.search(c.quote) for c in answer.citations)


_A_NUMBER_NEXT = re.compile(r"\s*(?:[$€£¥]|\d|(?:about|around|roughly|nearly|almost)\s)", re.I)
_FIGURE_AGAINST = re.compile(
    r"\b(?P<degree>above|below)\s+(?:it|that|them|(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:estimates?|consensus|forecasts?|expectations?|figure|level|mark|target|guidance))\b",
    re.I,
)
# a clause an event asked of may trail, which the quotes need not say ("... even though Globex offered more", "...
# after she left")
_TRAILING_CLAUSE = re.compile(
    r"\s+(?:even\s+though|although|though|despite|while|whereas|because|since|when|after|before)\s.*$"
)


def _presumed(question: str, event: str | None, quoted: Answer) -> str:
    """The event a why-, when- or what-caused question takes as given, as the claim to check its quotes against; ""
    for none."""
    # (a question of two clauses is read without its trailing one: "Why was X convicted after she ...?")
    presumed = event or read_asked_event(_TRAILING_CLAUSE.sub("", question.strip().rstrip("?")) + "?")
    # "What reason did Tech Wire give for Globex closing the lab?" presumes the lab was closed, as "why" does
    reason = _REASON_ASKED.match(question) if not presumed else None
    if reason is not None:
        return reason["event"]
    # (not asked of what is yet to come: "When is Globex airing its last show?" is answered by a plan)
    said = _TRAILING_CLAUSE.sub("", presumed) if presumed and not _ASKED_AHEAD.match(question) else ""
    # "What caused the harbour strike?" presumes the strike: its head noun, said in some quote, is enough
    # (a deed asked so, "What led to Mara Lind leaving Globex?", may be told in other words: "resigned")
    caused = _CAUSE_ASKED.match(question)
    if not caused or re.search(r"\b[a-z]{3,}ing\b", caused["event"]):
        return said
    if quoted.citations and not quoted.text.startswith((UNSETTLED, REFUSAL)):
        head = [t for t, _, kind in analyse(caused["event"])[1] if kind == "word"][-1:]
        if head and not any(set(head) <= analyse(c.quote)[0] for c in quoted.citations):
            return caused["event"]
    return said


def _unsaid_event(event: str, answer: Answer) -> bool:
    """The answer quotes passages, none of which says the event happened as the verifier reads it, nor says its
    deed in any words around it."""
    if answer.refused or not answer.citations or answer.text.startswith(UNSETTLED):
        return False
    quotes = [c.quote for c in answer.citations]
    # (judged as a yes/no part is: did it happen, not only might it)
    return not judge(event, quotes, happened=True, spare=True).supported and not deed_said(event, quotes)


# words that set one thing against another in one sentence
_SET_AGAINST = re.compile(r"\b(?:than|predat\w*|before|after|ahead\s+of|behind)\b", re.I)


def _neither_chosen(question: str, answer: Answer) -> Answer:
    """Quotes answering a question that offers two answers ("Which costs less, the Globex Pad or the Tide Tab?") choose
    neither: kept as the closest passages under a lead saying so."""
    offered = names_offered(question)
    if offered is None or answer.refused or not answer.citations or answer.text.startswith((UNSETTLED, REFUSAL)):
        return answer
    # (three offered, "A, B, or C?", are not two; a quote naming both and setting one against the other, "A is even
    # older than B", may answer it)
    if re.search(rf"[:;—–]\s*[^,:;?—–]+,\s*{re.escape(offered[0])}", question) or any(
        all(named_in(o, c.quote) for o in offered) and _SET_AGAINST.search(c.quote) for c in answer.citations
    ):
        return answer
    asked = question.strip().rstrip("?")
    return closest_below(answer, f"which of {offered[0]} and {offered[1]} answers “{asked}?”", asked)


def _said_with(name: str, others: list[str], hits: list[Hit]) -> bool:
    """One sentence of the passages names both the name and each of the others (by their last words)."""
    words = [n.split()[-1] for n in [name, *others]]
    return any(all(says_word(w, sentence.text) for w in words) for sentence in sentences_of(hits))


# "Was it Mara Lind or Theo Park who ...?", "is it Globex or Tide Works that ...?": one of two asked for
_WHICH_OF_TWO = re.compile(r"\b(?:was|is)\s+it\s+[A-Z][^?,]*?\s+or\s+[A-Z][^?,]*?\s+(?:who|that|which)\b", re.I)


# A who/which question up to this many words naming no outlet, or one outlet in one clause, is a plain question, never
# a riddle whose clues its reports share (the tune half's shortest riddle has 24 words, its shortest naming one outlet
# 29): no name is guessed for it. One naming several outlets asks what each says (its parts)
PLAIN_QUESTION_WORDS = 20


# ... or at the start: "According to Tech Wire, who ...?"
_SAID_BY_AT_START = re.compile(rf"^\W*{FRAMED_BY_SOURCE}", re.I)


def _plain_outlet_question(question: str, outlets: list[str]) -> bool:
    """One outlet named, a short question and a single clause: "Who is the top ranked receiver in Tech Wire's
    rankings?" or "Whom did Globex name chair, according to Tech Wire?", not "Which company, reported by Tech Wire
    as ..., recalled the Tide Pad?" (a clue per clause)."""
    words = SAID_BY_AT_END.sub("", question.rstrip(" ?")).split()
    return len(outlets) == 1 and len(words) <= PLAIN_QUESTION_WORDS and not more_than_one_clause(" ".join(words[1:]))


def _stated_in_role(question: str, slot: Slot, pool: list[Hit], retrieve: Retrieve) -> Answer:
    """Who / which answered only by a name a passage of the pool states in the asked role."""
    answer = compose_stated(question, slot, _post_pool(slot, pool, retrieve))
    # "Who replaced Mara Lind as CEO of Globex?": news names the new CEO, and her leaving, apart
    successor = successor_as_new_holder(question, slot) if answer.refused else None
    if successor is not None:
        predecessor, new = successor
        answer = compose_successor(question, predecessor, new, _post_pool(new, pool, retrieve)) or answer
    # "Who founded Globex?": news names a founder by the title more often than by the deed ("Globex founder Mara Lind")
    founder = founder_asked(slot) if answer.refused else None
    if founder is not None:
        titled_answer = compose_stated(question, founder, _post_pool(founder, pool, retrieve))
        answer = answer if titled_answer.refused else titled_answer
    return answer


def _post_pool(slot: Slot, pool: list[Hit], retrieve: Retrieve) -> list[Hit]:
    """The pool, and for a post asked, the passages that name it in apposition ("Globex CEO Mara Lind"), seldom in
    the question's words (and in its shortest form: "Globex CEO" for its chief executive); for a successor asked,
    those naming one in news words ("in Lind's place")."""
    for search in succession_searches(slot):
        pool = _pool(pool, [], retrieve(search, EVIDENCE_HITS, Filters()))
    if slot.title is None:
        return pool
    post, org = slot.title
    for form in dict.fromkeys([post, post_forms(post)[-1]]):
        pool = _pool(pool, [], retrieve(f"{org} {form}", EVIDENCE_HITS, Filters()))
    return pool


def _within(hits: list[Hit], wanted: Filters) -> list[Hit]:
    """The hits from the wanted outlets (any, when it names none), published within its days (any, when none)."""
    return [
        h
        for h in hits
        if (not wanted.sources or h.article.source in wanted.sources)
        and (not wanted.since or wanted.since <= h.article.published_at[:10] <= wanted.until)
    ]


def _newest(hits: list[Hit]) -> str:
    """The day of the newest article found: a day or month asked without its year is the latest on or before it."""
    return max((h.article.published_at[:10] for h in hits), default="")


def _result_hits(retrieve: Retrieve, question: str) -> list[Hit]:
    """The passages found by the words a result of the question is reported in (`result_queries`), each search's."""
    return [h for query in result_queries(question) for h in retrieve(query, RESULT_HITS, Filters())]


def _pool(hits: list[Hit], evidence: list[Evidence], more: list[Hit] | None = None) -> list[Hit]:
    """The question's passages, then each part's own, then `more`, each once."""
    pool: dict[str, Hit] = {}
    for h in [*hits, *(h for e in evidence for h in e.hits), *(more or [])]:
        pool.setdefault(h.chunk.id, h)
    return list(pool.values())
