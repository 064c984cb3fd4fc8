"""How far a content reaches: coordinated verb phrases, the phrases after an object, reporting
participles after a content, asides after a parenthetical cue, and quotes interrupted by their
attribution."""
from __future__ import annotations

import pytest

import parley


@pytest.fixture(scope="module")
def analyze():
    parley.analyze("Moscow said on Monday that the talks in Geneva would resume.")
    return parley.analyze


def _with(a, words):
    return next((s for s in a.statements if words in s.content), None)


def test_infinitive_goes_on_with_coordinated_verbs(analyze):
    a = analyze("Hale wants to raise the minimum wage, expand the clinics and cut fees.")
    st = _with(a, "raise the minimum wage")
    assert st is not None and st.content == "to raise the minimum wage, expand the clinics and cut fees"


def test_coordinated_verb_after_an_infinitive_with_its_own_subject_is_no_content(analyze):
    a = analyze("Berg said the report was late, and the crowd cheered.")
    st = _with(a, "the report was late")
    assert st is not None and "cheered" not in st.content


def test_object_takes_the_as_phrase(analyze):
    a = analyze("Berg described the mayor as a reckless spender.")
    st = _with(a, "the mayor")
    assert st is not None and st.content == "the mayor as a reckless spender"


def test_object_takes_the_reason(analyze):
    a = analyze("The union blamed the board for the losses.")
    st = _with(a, "the board")
    assert st is not None and st.content == "the board for the losses"


def test_object_does_not_take_the_date(analyze):
    a = analyze("The union blamed the regional board on Friday.")
    st = _with(a, "the regional board")
    assert st is not None and st.content == "the regional board"


def test_reporting_participle_after_a_content_is_a_statement_of_its_own(analyze):
    a = analyze("Berg said the plant was too old to repair, arguing that the county had ignored it for years.")
    first, second = _with(a, "too old"), _with(a, "the county had ignored")
    assert first is not None and first.content == "the plant was too old to repair"
    assert second is not None and second.cue == "argue" and second.speaker == first.speaker


def test_the_cue_said_again_stays_one_statement(analyze):
    a = analyze("Lind stressed that the port must reopen, stressing that the harvest will rot otherwise.")
    st = _with(a, "the port must reopen")
    assert st is not None and "the harvest will rot" in st.content


def test_parenthetical_cue_with_an_addressee(analyze):
    a = analyze("The difference now, she told me on Friday, is that the plant has a buyer.")
    st = _with(a, "the plant has a buyer")
    assert st is not None and st.cue == "tell"


def test_parenthetical_content_ends_before_an_although_aside(analyze):
    a = analyze("The new bridge, the mayor said, was the longest in the region, although it may take years to finish.")
    st = _with(a, "the longest in the region")
    assert st is not None and "although" not in st.content


def test_interrupted_short_quote_is_one_statement(analyze):
    a = analyze('"I agree," Tom Hale said to the crowd. "I do, friends."')
    st = _with(a, "I agree")
    assert st is not None and st.content.endswith("I do, friends.")


def test_quote_after_an_adding_participle_is_its_own(analyze):
    a = analyze('"We lost the vote," Mr. Lind said, adding that "the party will fight on in the courts."')
    first, second = _with(a, "We lost the vote"), _with(a, "the party will fight on")
    assert first is not None and first.content == "We lost the vote"
    assert second is not None and second.cue == "add"


def test_quote_in_a_later_sentence_with_its_own_words_is_not_merged(analyze):
    a = analyze('"We won the vote," Mr. Lind said. Later, he said, the party had "a lot of work to do now."')
    st = _with(a, "We won the vote")
    assert st is not None and st.content == "We won the vote"


def test_content_keeps_to_the_paragraph_of_its_cue():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parley.nlp.speech import StatementInfo
    from parley.nlp.voices import _in_cue_paragraph

    words = ["Berg", "hopes", "for", "a", "deal", ".", "\n", "We", "will", "stay", "out", ",", "Berg", "said", "."]
    spaces = [True, True, True, True, False, False, False, True, True, True, False, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    cue = doc[13]
    st = StatementInfo("person:berg", "say", doc[0].idx, doc[10].idx + 3, False, None,
                       (cue.idx, cue.idx + 4), (0, 11), (13, 14))
    _in_cue_paragraph(doc, doc.text, st)
    assert doc.text[st.start:st.end] == "We will stay out" and st.tokens == (7, 11)


def test_quotation_over_two_paragraphs_stays_whole(analyze):
    text = ("“The harvest failed this year and the silos are empty.\n\n“We need seed before the spring "
            "rains come,” the farmer said.")
    a = analyze(text)
    st = _with(a, "We need seed")
    assert st is not None and "The harvest failed" in st.content


def test_a_line_break_inside_a_sentence_is_no_paragraph_break():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parley.nlp.speech import StatementInfo
    from parley.nlp.voices import _in_cue_paragraph

    words = ["Berg", "said", "the", "toll", "\n", "now", "tops", "nine", "."]
    spaces = [True, True, True, False, False, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    st = StatementInfo("person:berg", "say", doc[2].idx, doc[7].idx + 4, False, None,
                       (doc[1].idx, doc[1].idx + 4), (2, 8), (1, 2))
    _in_cue_paragraph(doc, doc.text, st)
    assert st.tokens == (2, 8)


def test_partial_quote_and_quote_after_a_long_attribution_are_one_statement(analyze):
    a = analyze('Both unions "saw the merger as a deal that was really a threat to jobs," said Tom Hale, who '
                'served as a mediator for the city under the former mayor and later as an adviser to the '
                'regional council. "In that sense, it was a loss."')
    st = _with(a, "saw the merger")
    assert st is not None and st.content.startswith("Both unions") and st.content.endswith("it was a loss.")


def test_second_quote_with_its_own_speaker_is_not_merged(analyze):
    a = analyze('Hale said the vote was "rigged." "It was unfair," Berg said.')
    st = _with(a, "It was unfair")
    assert st is not None and st.speaker != _with(a, "the vote was").speaker
