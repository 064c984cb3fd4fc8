"""Statements at the edges of attribution: "according to X" whose parse swallows the clause,
hearsay about a perception ("would see ..., according to X"), verbs of telling with only an
addressee, and editors' notices before a colon."""
from __future__ import annotations

from .support import assert_offsets, statement_with


def test_according_to_front_clause_hung_on_the_name(analyze):
    text = ("Officials met on Monday in Boston. According to conservative talk radio host Rush Limbaugh, "
            "the move reeks of fear and desperation.")
    a = analyze(text)
    st = statement_with(a, "the move reeks")
    assert st is not None
    assert (st.speaker, st.cue, st.content) == ("person:rush-limbaugh", "according to",
                                                "the move reeks of fear and desperation")
    assert_offsets(a, st)


def test_according_to_takes_a_perception_clause(analyze):
    text = ("Some average families would actually see their taxes go up under the plan, according to "
            "an analysis by Lily Batchelder, a former tax aide.")
    a = analyze(text)
    st = statement_with(a, "see their taxes")
    assert st is not None and st.cue == "according to"
    assert st.content == "Some average families would actually see their taxes go up under the plan"


def test_according_to_after_a_speech_verb_keeps_the_speaker(analyze):
    text = "The minister said that the talks would resume next week, according to the state news agency."
    a = analyze(text)
    st = statement_with(a, "the talks would resume")
    assert st is not None and st.cue == "say"


def test_telling_an_addressee_is_no_statement(analyze):
    a = analyze("Martin Lind told his supporters in Ohio on Saturday.")
    assert statement_with(a, "his supporters") is None


def test_telling_with_a_clause_is_a_statement(analyze):
    a = analyze("Martin Lind told his supporters that the election would be close.")
    st = statement_with(a, "the election would be close")
    assert st is not None and st.cue == "tell"


def test_telling_someone_to_act_says_the_infinitive(analyze):
    a = analyze("Martin Lind told his supporters to vote early.")
    st = statement_with(a, "to vote early")
    assert st is not None and st.content == "to vote early"


def test_editors_notice_is_nobodys_statement(analyze):
    text = ("The mayor said the bridge would reopen in May.\n\n"
            "Correction: An earlier version of this article gave the wrong month for the reopening.")
    a = analyze(text)
    assert statement_with(a, "An earlier version") is None
    assert statement_with(a, "the bridge would reopen") is not None


def test_transcript_colon_still_speaks(analyze):
    text = "WALLACE: Governor, I want to ask you about the debate tomorrow night in New York."
    a = analyze(text)
    assert statement_with(a, "I want to ask you") is not None
