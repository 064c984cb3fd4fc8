"""Attribution spans: asides around the cue, clauses that go on after it, relative-pronoun
speakers, "called X Y", and contents that stop before a reporter's aside."""
from __future__ import annotations

import pytest

from .support import span_text


def _said(a):
    return [(s.speaker, s.cue, s.content) for s in a.statements]


# -- what belongs to the content ----------------------------------------------------------------
def test_verb_inside_the_content_does_not_end_it(analyze):
    a = analyze("Officials said the report was wrong and flatly contradicted the earlier figures.")
    assert [s.content for s in a.statements] == [
        "the report was wrong and flatly contradicted the earlier figures"]


def test_wish_inside_the_content_is_no_statement_of_its_own(analyze):
    a = analyze("Peter Lind explained that the rebels are not serious about a settlement, "
                "but only want to gain time.")
    assert len(a.statements) == 1
    assert a.statements[0].content.endswith("only want to gain time")


def test_aside_in_mid_sentence_keeps_the_whole_sentence(analyze):
    a = analyze("Back in Benghazi, Mr. Lind said, he decided to run for the council.")
    assert [s.content for s in a.statements] == [
        "Back in Benghazi, Mr. Lind said, he decided to run for the council"]
    assert a.statements[0].cue == "say"


@pytest.mark.parametrize("text, content", [
    ("Exports fell 8 percent, the ministry said in a report, and imports rose 3 percent.",
     "Exports fell 8 percent, the ministry said in a report, and imports rose 3 percent"),
    ("Wheat prices rose 4 percent in May, according to the World Bank, and rice prices fell.",
     "Wheat prices rose 4 percent in May, according to the World Bank, and rice prices fell"),
], ids=["said", "according-to"])
def test_clause_coordinated_after_the_cue_goes_on(analyze, text, content):
    assert [s.content for s in analyze(text).statements] == [content]


def test_quote_before_the_cue_does_not_take_the_narration_after_it(analyze):
    a = analyze("“We will not leave,” Mr. Lind said, and soon the crowd was cheering.")
    assert [s.content for s in a.statements] == ["We will not leave"]


@pytest.mark.parametrize("text, content", [
    ("Dr. Haddad said he expects the senator to recover from pneumonia, which forced her to "
     "cancel a rally in Ohio.", "he expects the senator to recover from pneumonia"),
    ("Mr. Lind said he did not support Mr. Berg, the party's candidate for governor.",
     "he did not support Mr. Berg"),
    ("Analysts said the sanctions have hurt the economy of the island, leaving thousands without work.",
     "the sanctions have hurt the economy of the island"),
], ids=["which-clause", "appositive", "participle"])
def test_content_stops_before_an_aside(analyze, text, content):
    assert analyze(text).statements[0].content == content


def test_which_clause_inside_the_content_stays(analyze):
    a = analyze("Officials said the talks, which began on Monday, would resume next week.")
    assert [s.content for s in a.statements] == ["the talks, which began on Monday, would resume next week"]


# -- speakers ---------------------------------------------------------------------------------
def test_relative_pronoun_names_the_phrase_it_modifies(analyze):
    text = "The ministry, which argued that the tax was illegal, lost the case on Monday."
    a = analyze(text)
    assert [(s.cue, s.content) for s in a.statements] == [("argue", "the tax was illegal")]
    st = a.statements[0]
    assert span_text(a, st.source_span) == "which"
    assert st.speaker != "pronoun:which" and "ministry" in st.speaker


def test_relative_clause_with_an_object_is_a_description(analyze):
    a = analyze("The crowd cheered Mr. Berg, an activist who pledged to ban all rallies in the capital.")
    assert not a.statements


def test_subject_nearest_the_verb_speaks(analyze):
    a = analyze("The Latest: Peter Lind urges supporters to monitor polling places.")
    assert [(s.cue, s.content) for s in a.statements] == [("urge", "to monitor polling places")]
    assert "lind" in a.statements[0].speaker


# -- "called X Y", "called for X" -----------------------------------------------------------------
def test_calling_someone_something(analyze):
    a = analyze("Senator Haddad called him a liar for his remarks about the budget.")
    assert [(s.cue, s.content) for s in a.statements] == [("call", "him a liar for his remarks about the budget")]


@pytest.mark.parametrize("text, content", [
    ("Peter Lind called Friday for releasing the police videos.", "releasing the police videos"),
    ("Peter Lind is calling for the envoy to be replaced immediately.", "the envoy to be replaced immediately"),
], ids=["date-between", "clause"])
def test_call_for(analyze, text, content):
    assert [s.content for s in analyze(text).statements] == [content]


def test_a_name_given_is_no_statement(analyze):
    a = analyze("Ash Carter flew to Qayyarah Airfield West, also called “Q-West” in northern Iraq.")
    assert not a.statements


# -- parses the tagger gets wrong (built by hand, as the parser gives them in headlines) ------
def _doc(words, pos, tags, deps, heads, lemmas):
    import spacy
    from spacy.tokens import Doc
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas)


def test_nearest_of_two_subjects_speaks():
    from parley.nlp.lexicon import load_lexicons
    from parley.nlp.syntax import subject_of
    doc = _doc(["The", "Latest", ":", "Lind", "urges", "voters", "to", "vote", "."],
               ["DET", "ADJ", "PUNCT", "PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"],
               ["DT", "JJ", ":", "NNP", "VBZ", "NNS", "TO", "VB", "."],
               ["det", "nsubj", "punct", "nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
               [1, 4, 4, 4, 4, 4, 7, 4, 4],
               ["the", "latest", ":", "Lind", "urge", "voter", "to", "vote", "."])
    assert subject_of(doc[4], load_lexicons()).text == "Lind"


def test_verb_tagged_as_a_plural_noun_is_still_a_cue():
    from parley.nlp.lexicon import load_lexicons
    from parley.nlp.constructions import verb_tagged_noun
    doc = _doc(["Lind", "claims", "that", "he", "won", "."],
               ["PROPN", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"],
               ["NNP", "NNS", "IN", "PRP", "VBD", "."],
               ["compound", "ROOT", "mark", "nsubj", "acl", "punct"],
               [1, 1, 4, 4, 1, 1],
               ["Lind", "claim", "that", "he", "win", "."])
    lex = load_lexicons()
    assert verb_tagged_noun(doc[1], lex)
    assert not verb_tagged_noun(doc[0], lex)


# -- layouts: signed quotations and quoted transcripts -------------------------------------------
def test_quotation_signed_with_a_dash_is_the_signers(analyze):
    text = ("The valley held its primary on Tuesday.\n\n"
            "“He has never listened to us. He only talks about himself.” ― Ana Ruiz Montoya\n")
    a = analyze(text)
    assert [s.content for s in a.statements] == ["He has never listened to us. He only talks about himself."]
    st = a.statements[0]
    assert span_text(a, st.source_span) == "Montoya" or "montoya" in st.speaker
    assert st.direct


def test_quoted_transcript_line_is_the_named_speakers(analyze):
    text = ('The exchange went as follows.\n\n'
            '"LIND: Well, the question is why the council waited so long to act.\n')
    a = analyze(text)
    assert [s.content for s in a.statements] == ["Well, the question is why the council waited so long to act."]
    assert "lind" in a.statements[0].speaker


@pytest.mark.parametrize("text, content", [
    ("Many farmers are afraid that the river will flood the valley again.", "the river will flood the valley again"),
    ("The protesters were frustrated that the council released only part of the report.",
     "the council released only part of the report"),
], ids=["adjective", "participle"])
def test_belief_adjective_with_a_that_clause(analyze, text, content):
    assert [s.content for s in analyze(text).statements] == [content]


def test_belief_adjective_in_the_first_person_is_left_to_the_quote(analyze):
    assert not analyze("We are confident that the next phase will keep the momentum.").statements


def test_phrasal_reporting_verb(analyze):
    a = analyze("The auditors pointed out that the accounts had not been checked for years.")
    assert [(s.cue, s.content) for s in a.statements] == [("point out", "the accounts had not been checked for years")]
