"""Layout in the analysis: blank lines end sentences, "X said:" speaks the next paragraph, and
headline and byline words are no one's statement (a headline's own attribution stays)."""
from __future__ import annotations

import spacy

from parley.analyzer import get_nlp
from parley.nlp.paragraphs import mark_paragraphs

from .support import statement_with

BODY = ("The harbour authority said on Tuesday that the ferries to the islands would run again "
        "from next week, after the storm damaged two of the piers.")


def test_the_first_word_after_a_blank_line_starts_a_sentence():
    nlp = spacy.blank("en")
    doc = mark_paragraphs(nlp("Ferries resume\n\nThe piers are fixed \n \n and open.\nNew line"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Ferries", "The", "and"]
    assert doc[-1].is_sent_start is not True   # a single line break is no paragraph break


def test_no_sentence_crosses_a_paragraph_break():
    doc = get_nlp()("Ferries resume next week after storm\n\nthe piers were repaired by the navy over the weekend.")
    assert [s.text.strip() for s in doc.sents] == [
        "Ferries resume next week after storm", "the piers were repaired by the navy over the weekend."]


def test_said_colon_speaks_the_next_paragraph(analyze):
    text = ("The Foreign Minister Anna Kovac told reporters on Monday:\n\n"
            "\u201cThe new bridge will open in May and the old one will close for repairs.\u201d\n\n"
            "The weather in the city was mild on Tuesday.")
    a = analyze(text)
    st = statement_with(a, "The new bridge will open in May")
    assert st is not None and st.speaker == "person:anna-kovac"
    assert st.content == "The new bridge will open in May and the old one will close for repairs"
    assert st.direct
    assert statement_with(a, "reporters") is None
    assert statement_with(a, "The weather in the city") is None


def test_said_colon_yields_to_a_paragraph_with_its_own_speaker(analyze):
    text = ("The mayor Ana Ruiz said:\n\n"
            "The opposition leader Marko Petrov said that the bridge would never open.")
    st = statement_with(analyze(text), "the bridge would never open")
    assert st is not None and st.speaker == "person:marko-petrov"


def test_byline_words_are_never_statement_content(analyze):
    text = (f"Ferries resume next week\n\nBy Jane Smith\n\n{BODY}\n\n"
            "Reporting by Tom Baker and Ana Ruiz; Editing by Lee Park")
    a = analyze(text)
    assert statement_with(a, "the ferries to the islands would run again") is not None
    assert not [s.content for s in a.statements if "Jane Smith" in s.content or "Tom Baker" in s.content
                or "Ferries resume" in s.content]


def test_a_lead_in_never_speaks_a_byline(analyze):
    a = analyze(f"The Foreign Minister Anna Kovac said:\n\nBy Jane Smith and Tom Baker\n\n{BODY}")
    assert not [s.content for s in a.statements if "Jane Smith" in s.content]


def test_a_quoted_headline_is_not_the_next_speaker_s(analyze):
    a = analyze(f"\u201cFerries Will Run Again Before the Summer\u201d\n\n{BODY}")
    assert statement_with(a, "Ferries Will Run Again") is None
    assert statement_with(a, "the ferries to the islands would run again") is not None


def test_a_headline_attribution_stays_without_trailing_space(analyze):
    a = analyze(f"Harbour chief says ferries will resume next week\n\n{BODY}")
    st = statement_with(a, "ferries will resume next week")
    assert st is not None and st.cue == "say"
    assert st.content == "ferries will resume next week"
    assert all(s.content == s.content.rstrip() for s in a.statements)
