"""Questions whose premise the articles contradict, reports put in order, outlets compared in a user's own words and
follow-ups that drill in, found by the fifty-eighth session's testers. Each test fails on the code before its fix."""

from rag.answer.reading import read_question

OUTLETS = ["Tech Wire", "Bay News", "Coast Times"]


def test_a_yes_no_question_joined_to_any_second_question_claims_only_its_own_words():
    # "who scored" and "how large" take no auxiliary after the question word; they were left in the claim
    for question, claim in [
        ("Did the Rovers beat the Mariners in May, and who scored for them?", "Rovers beat the Mariners in May"),
        ("Did Globex close its deal for Tide Works, and how large was it?", "Globex close its deal for Tide Works"),
    ]:
        assert [c.claim for c in read_question(question, OUTLETS).clauses] == [claim]
    told = read_question("Did Tech Wire report that Globex closed its deal, and how large was it?", OUTLETS)
    assert [(c.source, c.claim) for c in told.clauses] == [("Tech Wire", "Globex closed its deal")]
