"""Parley's spaCy components: the data flow they declare, their order, and a blank pipeline."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc
from thinc.api import Config

import pytest

from parley.analyzer import get_nlp
from parley.errors import LexiconError
from parley.nlp import pipeline
from parley.nlp.lexicon import DATA_DIR
from parley.nlp.pipeline import add_parley_pipes, parley_pipes

ATTRIBUTES = {"parley_mentions": [], "parley_actors": ["parley_mentions"], "parley_attribution": [],
              "parley_statements": ["parley_actors", "parley_attribution"], "parley_relations": ["parley_actors", "parley_statements"],
              "parley_demands": ["parley_actors", "parley_statements"],
              "parley_conditionals": ["parley_actors", "parley_statements"],
              "parley_places": ["parley_mentions"],
              "parley_events": ["parley_statements", "parley_relations", "parley_demands", "parley_conditionals"]}


@pytest.fixture(scope="module")
def nlp():
    """The default model with Parley's components (as ``parley.analyze`` uses it)."""
    return get_nlp()


def test_analyze_pipes_reports_no_problems(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


def test_analyze_pipes_lists_each_attribute_with_its_writer_and_readers(nlp):
    attrs = nlp.analyze_pipes(pretty=False)["attrs"]
    for name in ATTRIBUTES:
        assert attrs[f"doc._.{name}"]["assigns"] == [name], name
    for name, reads in ATTRIBUTES.items():
        for read in reads:
            assert name in attrs[f"doc._.{read}"]["requires"], (name, read)
    assert "parley_mentions" in attrs["doc.ents"]["requires"]


def test_the_order_is_the_one_list_of_pipeline_cfg(nlp):
    listed = Config().from_disk(DATA_DIR / "pipeline.cfg")["parley"]["pipes"]
    assert list(parley_pipes()) == listed == list(ATTRIBUTES)
    before_parser = {"parley_paragraphs", "parley_footnotes"}   # sentence marks, added by load_pipeline
    assert [n for n in nlp.pipe_names if n.startswith("parley_") and n not in before_parser] == listed
    assert nlp.pipe_names.index("parley_footnotes") < nlp.pipe_names.index("parser")
    assert add_parley_pipes(spacy.blank("en")).pipe_names == listed


def test_paragraph_breaks_are_marked_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.count("parley_paragraphs") == 1
    assert names.index("parley_paragraphs") < names.index("parser")
    assert "parley_paragraphs" not in parley_pipes()


def test_add_parley_pipes_follows_the_config(monkeypatch):
    monkeypatch.setattr(pipeline, "parley_pipes", lambda: ("parley_mentions", "parley_places"))
    assert add_parley_pipes(spacy.blank("en")).pipe_names == ["parley_mentions", "parley_places"]


@pytest.mark.parametrize("text", ["", "[parley]\nnames = [\"parley_mentions\"]\n", "[parley]\npipes = 3\n",
                                  "pipes = [\"parley_mentions\"]\n"],
                         ids=["empty", "no-pipes", "not-a-list", "no-section"])
def test_a_malformed_pipeline_config_names_the_file(tmp_path, text):
    path = tmp_path / "pipeline.cfg"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="pipeline.cfg"):
        parley_pipes(path)


def test_a_missing_pipeline_config_names_the_file(tmp_path):
    with pytest.raises(LexiconError, match="nothing.cfg"):
        parley_pipes(tmp_path / "nothing.cfg")


def test_blank_pipeline_runs_on_a_hand_built_doc():
    """No parser or NER: the Doc carries its parse and entities."""
    nlp = add_parley_pipes(spacy.blank("en"))
    doc = Doc(nlp.vocab, words=["Turkey", "said", "that", "it", "supports", "Haftar", "."],
              spaces=[True, True, True, True, True, False, False],
              tags=["NNP", "VBD", "IN", "PRP", "VBZ", "NNP", "."],
              pos=["PROPN", "VERB", "SCONJ", "PRON", "VERB", "PROPN", "PUNCT"],
              lemmas=["Turkey", "say", "that", "it", "support", "Haftar", "."],
              heads=[1, 1, 4, 4, 1, 4, 1], deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"],
              ents=["B-GPE", "O", "O", "O", "O", "B-PERSON", "O"])
    doc = nlp(doc)
    assert [(s.speaker, doc.text[s.start:s.end]) for s in doc._.parley_statements] == [
        ("turkey", "it supports Haftar")]
    assert [(r.source, r.type, r.target, r.claimed_by) for r in doc._.parley_relations] == [
        ("turkey", "supports", "khalifa-haftar", "turkey")]


def test_a_long_run_without_spaces_is_one_token_short_urls_as_before(nlp):
    blob = "https://example.org/" + "x/" * 400
    doc = nlp.tokenizer(f"See {blob} and https://example.org/a/b today, the ministry said.")
    assert blob in [t.text for t in doc]
    assert "https://example.org/a/b" in [t.text for t in doc] and "today" in [t.text for t in doc]
    assert doc[-1].text == "." and doc[-2].text == "said"
