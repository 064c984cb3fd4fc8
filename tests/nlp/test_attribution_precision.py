"""Precision of attribution: a quote that goes on with the last speaker names no one, a name
between a quote and its verb speaks it, a reporting noun's addressee or date is no content,
and the model's relative and adverbial clauses or a mark closing the quote before are never
contents."""
from __future__ import annotations

import pytest

from parley.analyzer import get_nlp
from parley.nlp.lexicon import load_lexicons
from parley.nlp.linking import _said, _trimmed
from parley.nlp.quotes import quote_spans
from parley.nlp.quotes import named_after

from .support import statement_with


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.fixture(scope="module")
def lex():
    return load_lexicons()


def _range(doc, fragment: str) -> tuple[int, int]:
    a = doc.text.index(fragment)
    span = doc.char_span(a, a + len(fragment), alignment_mode="expand")
    return span.start, span.end


def test_a_quote_that_goes_on_with_the_last_speaker_has_no_source_span(analyze):
    text = ("“We will rebuild the old bridge before the winter comes,” the mayor Ana Ruiz said on Monday.\n\n"
            "“The work will take two years and cost a great deal of money.”")
    a = analyze(text)
    st = statement_with(a, "The work will take two years")
    assert st is not None and st.direct
    assert st.source_span is None and st.cue_span is None
    first = statement_with(a, "We will rebuild the old bridge")
    assert first is not None and st.speaker == first.speaker and first.source_span is not None


def test_the_name_between_a_quote_and_its_verb_is_the_speaker(nlp):
    doc = nlp.make_doc("“We will achieve justice in this case,” Police Chief Ana Ruiz said Monday.")
    for _, proc in nlp.pipeline:
        if _ in {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}:
            doc = proc(doc)
    a, b = quote_spans(doc.text)[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    said = next(t for t in doc if t.text == "said")
    assert named_after(doc, span, said).text == "Ruiz"
    assert named_after(doc, span, doc[span.end - 1]) is None   # no name there


def test_a_reporting_noun_to_an_actor_or_on_a_date_says_nothing(analyze):
    a = analyze("Martin Lind gave his statement to the FBI in Boston. His remarks on Saturday were brief.")
    assert statement_with(a, "the FBI") is None
    assert statement_with(a, "Saturday") is None


def test_speaking_for_a_while_says_nothing(analyze):
    a = analyze("The two women spoke for about five minutes.")
    assert statement_with(a, "five minutes") is None


def test_a_relative_or_adverbial_clause_is_no_model_content(nlp, lex):
    doc = nlp("He followed the same script that he had used against his rivals. "
              "When the diagnosis was confirmed, Clinton did not want to stay. "
              "She said the bridge would be rebuilt next year.")
    assert not _said(doc, lex, _range(doc, "that he had used against his rivals"))
    assert not _said(doc, lex, _range(doc, "the diagnosis was confirmed"))
    assert _said(doc, lex, _range(doc, "the bridge would be rebuilt next year"))


def test_a_mark_closing_the_quote_before_is_trimmed_from_a_model_content(nlp, lex):
    doc = nlp('The governor praised him for "new and innovative ideas." Mr. Clarke is giving a mine to the state.')
    closing = {b for _, b in quote_spans(doc.text)}
    start, end = _range(doc, '" Mr. Clarke is giving a mine to the state')
    rng = _trimmed(doc, lex, start, end, closing)
    assert rng is not None and doc[rng[0]:rng[1]].text == "Mr. Clarke is giving a mine to the state"
    opening = doc.text.index('"new')
    rng = _trimmed(doc, lex, *_range(doc, '"new and innovative ideas.'), closing)
    assert rng is not None and doc[rng[0]].idx == opening   # an opening mark stays


def test_the_name_right_after_the_verb_is_the_speaker(nlp):
    doc = nlp("“The harbour will reopen before the winter,” said Ana Ruiz, the mayor.")
    a, b = quote_spans(doc.text)[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    said = next(t for t in doc if t.text == "said")
    assert named_after(doc, span, said).text == "Ruiz"


def test_a_question_put_to_the_speaker_is_not_the_quote_cue(analyze):
    a = analyze("Asked about the talks, the minister Ana Ruiz said: “We will not leave the table before a deal is done.”")
    st = statement_with(a, "We will not leave the table")
    assert st is not None and st.cue == "say"
