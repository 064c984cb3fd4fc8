"""Statements whose speaker stands apart from the words: colon lead-ins over paragraphs,
"(X said)", trailing "- X", "was quoted as saying", issuing bodies that speak as "we",
channels that are not speakers, and what is never a content."""
from __future__ import annotations

from .support import assert_offsets, statement_with


def test_colon_lead_in_speaks_the_paragraphs_after_it(analyze):
    text = ("The Foreign Minister Anna Kovac said:\n\n"
            "The blockade of the port must end without delay and the convoys must be allowed through.\n\n"
            "We will not accept any agreement that leaves our farmers without access to their fields.\n\n"
            "The weather in the capital was mild on Tuesday.")
    a = analyze(text)
    first = statement_with(a, "The blockade of the port must end")
    second = statement_with(a, "We will not accept any agreement")
    assert first is not None and second is not None
    assert first.speaker == second.speaker == "person:anna-kovac"
    assert second.content.startswith("We will not accept") and not second.content.endswith(".")
    assert statement_with(a, "The weather in the capital") is None
    assert_offsets(a, second)


def test_lead_in_stops_at_a_paragraph_with_its_own_speaker(analyze):
    text = ("The Foreign Minister Anna Kovac said:\n\n"
            "The blockade of the port must end without delay and the convoys must be allowed through.\n\n"
            "The opposition leader Marko Petrov said that the blockade was lawful.")
    a = analyze(text)
    st = statement_with(a, "the blockade was lawful")
    assert st is not None and st.speaker == "person:marko-petrov"


def test_parenthetical_cue_at_the_end(analyze):
    a = analyze("The new bridge over the river will open in the spring (the governor said).")
    st = statement_with(a, "The new bridge")
    assert st is not None
    assert st.content == "The new bridge over the river will open in the spring"
    assert st.speaker == "title:governor"


def test_trailing_dash_and_name(analyze):
    a = analyze("The harvest was the worst in a decade - Peter Lind, the head of the farmers union.")
    st = statement_with(a, "The harvest was the worst")
    assert st is not None
    assert (st.speaker, st.content) == ("person:peter-lind", "The harvest was the worst in a decade")
    assert_offsets(a, st)


def test_quoted_as_saying_after_the_content(analyze):
    a = analyze("The army will withdraw from the valley by Friday, the commander was quoted as saying.")
    st = statement_with(a, "The army will withdraw")
    assert st is not None
    assert (st.speaker, st.content) == ("title:commander", "The army will withdraw from the valley by Friday")


def test_issuing_body_speaks_as_we(analyze):
    text = ("The Ministry of Health strongly condemns the shelling of the hospital in the north. "
            "We urge the international community to act without delay.")
    a = analyze(text)
    st = statement_with(a, "the international community") or statement_with(a, "to act")
    assert st is not None
    assert st.speaker == statement_with(a, "the shelling of the hospital").speaker
    assert st.speaker.startswith("organization:")
    assert a.actor("pronoun:we") is None


def test_we_without_a_body_before_stays_unresolved(analyze):
    a = analyze("Sarah Olsen, the spokeswoman, said on Monday that the talks had stalled. "
                "We believe that the second round will be harder.")
    st = statement_with(a, "the second round will be harder")
    assert st is not None and st.speaker == "pronoun:we"


def test_the_addressee_is_not_the_content(analyze):
    a = analyze("The mayor called on the national government to send more firefighters to the valley.")
    st = statement_with(a, "send more firefighters")
    assert st is not None and "national government" not in st.content


def test_an_accusation_says_what_the_target_did(analyze):
    a = analyze("The council accused the regional administration of hiding the accounts.")
    st = [s for s in a.statements if s.cue == "accuse"]
    assert st and all(s.content != "the regional administration" for s in st)


def test_a_lone_pronoun_is_never_content(analyze):
    a = analyze("Sarah Olsen, the spokeswoman, said it.")
    assert all(s.content.lower() != "it" for s in a.statements)


def test_channel_is_not_the_speaker(analyze):
    for text, channel in [("Two Yemeni sources said the port had been closed since Monday.", "yemen"),
                          ("Israeli media reported that the cabinet would meet on Sunday.", "israel")]:
        a = analyze(text)
        assert a.statements and all(s.speaker != channel for s in a.statements), text


def test_agency_after_a_said_clause_is_the_channel(analyze):
    a = analyze("The senator said on Tuesday that the bill would pass next month, according to Reuters.")
    st = statement_with(a, "the bill would pass")
    assert st is not None and st.speaker == "title:senator"


def test_dateline_is_not_content(analyze):
    a = analyze("KYIV (Reuters) - The water supply had been restored to most districts, the mayor said.")
    st = statement_with(a, "The water supply had been restored")
    assert st is not None and "KYIV" not in st.content and "Reuters" not in st.content


def test_quote_over_two_paragraphs_attributed_after_its_second_part(analyze):
    text = ("\u201cThe dam on the upper river will not be opened before the harvest is in.\n\n"
            "\u201cAny release of water must be agreed with the farmers first,\u201d Maria Stone said.")
    a = analyze(text)
    st = statement_with(a, "The dam on the upper river")
    assert st is not None and st.direct
    assert st.speaker == "person:maria-stone"
    assert "must be agreed with the farmers first" in st.content
    assert_offsets(a, st)
