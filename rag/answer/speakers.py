"""Whose words a quote gives, asked what a named person or a body said: by name, in a clause of theirs, by a pronoun
right after them; never a namesake's ("Lind said" where the story is about another Lind)."""

from __future__ import annotations

import re

from rag.answer.names import most_in_full, says_word
from rag.answer.verdicts import said_only_as_another_name
from rag.core.text import NAME, NAME_PHRASE
from rag.extractive import SAYING_VERB, attributions, pronoun_resolves_to, said_by

__all__ = [
    "a_namesake",
    "spoken_by",
    "spoken_in",
    "surname_family",
    "words_of_a_namesake",
]


def surname_family(speaker: str, articles: list[str]) -> str:
    """The one of the speaker's surname the passages name most in full ("Lind" alone in a timeline is most often
    him); "" for a speaker of one word."""
    return most_in_full(speaker.split()[-1], "\n".join(articles)) if len(speaker.split()) >= 2 else ""


def spoken_in(speaker: str, sentence: str, articles: list[str], family: str) -> bool:
    """`spoken_by` for a sentence of one of the articles."""
    article = next((t for t in articles if sentence in t), "")
    return spoken_by(speaker, sentence, article, article.find(sentence), family)


def spoken_by(speaker: str, quote: str, article: str, start: int, family: str = "") -> bool:
    """The quote gives its words to the speaker by name ("Lind said", "according to Mara Lind"), in a clause of theirs
    ("Lind ordered a review and said she would ..."), or by "he" or "she" right after sentences naming them: "While
    Lind was waiting for a lift, she responded with a smile" only names them."""
    names = [w.lower() for w in NAME.findall(speaker)]
    if not names:
        return said_by(speaker, quote)
    return (
        said_by(speaker, quote)
        or _speaks_in_own_clause(names[-1:], quote, speaker, article, family)
        # "Globex's spokesperson said": the speaker as the question words them, then a verb of saying
        or bool(
            re.search(re.escape(speaker).replace("'", "['’]") + r"\s+(?:has\s+|had\s+)?" + SAYING_VERB.pattern, quote)
        )
        # ("They contend ..." after a sentence naming one speaker is others speaking)
        # (nor "He is annoyed that Lind's era ...": a name after the pronoun is another's)
        or (
            not re.match(r"\W*They\b", quote)
            and not says_word(speaker.split()[-1], quote)
            and pronoun_resolves_to(quote, article, start, names[-1:])
        )
    )


def _speaks_in_own_clause(surname: list[str], quote: str, speaker: str, article: str, family: str) -> bool:
    """The last name before the quote's first verb of saying is the speaker's ("Lind ordered that Globex's licences be
    cut and said she would ...", "On Monday, coach Mara Lind met reporters and said ..."; an owner's name is no
    speaker): not "Lind tried, but Park felt that Globex had an attitude he described as ..."."""
    verb = SAYING_VERB.search(quote)
    if verb is None:
        return False
    # (an owner is no speaker: "Globex's licences", "the Rovers' coach")
    before = [
        m
        for m in NAME_PHRASE.finditer(quote, 0, verb.start())
        if not re.search(r"['’]s$", m.group(0)) and quote[m.end() : m.end() + 1] not in ("'", "’")
    ]
    if not before:
        return False
    last = before[-1].group(0)
    return surname == [w.lower() for w in NAME.findall(last)][-1:] and not a_namesake(speaker, last, article, family)


def words_of_a_namesake(speaker: str, sentence: str, articles: list[str], family: str = "") -> bool:
    """The sentence gives its words to another of the asked speaker's surname: "said Theo Lind" asked what Mara Lind
    said, or "Lind said" in an article that names Theo Lind in full more often than anyone else of the name."""
    article = next((t for t in articles if sentence in t), "")
    return any(a_namesake(speaker, who, article, family) for who, _ in attributions(sentence))


def a_namesake(speaker: str, who: str, article: str, family: str = "") -> bool:
    """`who` (a name as written, "Theo Lind" or "Lind") is another than the speaker of their surname: for a surname
    alone, the one of it the article names in full most often; in an article naming none in full that never says the
    speaker's first name but says that of `family` (the one of the surname the retrieved articles name most), them."""
    words = speaker.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    if len(who.split()) >= 2:
        return said_only_as_another_name(speaker, who)
    if who != words[-1] or not article:
        return False
    named = most_in_full(words[-1], article) or (
        family if family and not says_word(words[-2], article) and says_word(family.split()[0], article) else ""
    )
    return bool(named) and said_only_as_another_name(speaker, named)
