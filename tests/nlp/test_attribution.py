"""The trained attribution model: it ships and loads, tags content, the ``attribution`` setting
switches it, and its contents are linked to speakers by the rules' resolution."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import parley
from parley.analyzer import get_nlp
from parley.config import Settings
from parley.errors import ModelError
from parley.nlp import attribution
from parley.nlp.attribution import MODEL_DIR, ModelSpan, load_model, model_for, tag
from parley.nlp.linking import combine

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model():
    found = load_model()
    assert found is not None, f"the attribution model is missing at {MODEL_DIR}"
    return found


def test_the_model_ships_small_with_its_figures_and_no_text(model):
    files = [p for p in MODEL_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 40 * 2**20
    assert {"CONTENT", "SOURCE", "CUE"} <= set(model.get_pipe("ner").labels)
    assert (MODEL_DIR / "figures.json").is_file()
    strings = (MODEL_DIR / "vocab" / "strings.json").read_text(encoding="utf-8")
    assert "mercenaries" not in strings and "Benghazi" not in strings   # no words of any corpus


def test_package_data_covers_every_model_file():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["parley"]
    package = ROOT / "src" / "parley"
    covered = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    assert all(p in covered for p in MODEL_DIR.rglob("*") if p.is_file())


def test_the_model_is_loaded_once(model):
    assert load_model() is model


def test_the_model_finds_content_in_a_sentence(model):
    nlp = get_nlp()
    doc = nlp.make_doc("The foreign minister said that the border crossings would reopen next week.")
    spans = tag(doc, model)
    content = [doc[s.start:s.end].text for s in spans if s.label == "CONTENT"]
    assert any("border crossings would reopen" in c for c in content), spans


def test_the_setting_switches_the_model_on_and_off():
    text = ("Ministers from both countries met in the capital on Monday to discuss the dispute over "
            "water rights. The foreign minister said that the border crossings would reopen next week.")
    nlp = get_nlp()
    rules = parley.analyze(text, nlp=nlp, settings=Settings(attribution="rules"))
    model_only = parley.analyze(text, nlp=nlp, settings=Settings(attribution="model"))
    both = parley.analyze(text, nlp=nlp, settings=Settings(attribution="both"))
    assert any("border crossings would reopen" in s.content for s in rules.statements)
    assert any("border crossings would reopen" in s.content for s in model_only.statements)
    assert {(s.start, s.end) for s in rules.statements} <= {(s.start, s.end) for s in both.statements}


def test_both_adds_what_the_rules_miss_with_its_speaker():
    text = "The governor is hopeful the harbour will be rebuilt within two years."
    rules = parley.analyze(text, settings=Settings(attribution="rules"))
    both = parley.analyze(text, settings=Settings(attribution="both"))
    assert rules.statements == ()
    assert [(s.speaker, s.content) for s in both.statements] == [
        ("title:governor", "the harbour will be rebuilt within two years")]
    assert both.statements[0].source_span is not None


def test_a_model_content_is_linked_to_the_subject_of_the_cue_next_to_it():
    nlp = get_nlp()
    text = "The harbour master hinted the ferry schedule would change in the autumn."
    doc = nlp(text)
    table, lex = doc._.parley_actors, _lexicons()
    start = next(t.i for t in doc if t.text == "ferry") - 1
    spans = [ModelSpan("SOURCE", 0, 3), ModelSpan("CUE", 3, 4), ModelSpan("CONTENT", start, len(doc) - 1)]
    found = combine(doc, table, lex, [], spans)
    assert len(found) == 1
    st = found[0]
    assert text[st.start:st.end] == "the ferry schedule would change in the autumn"
    assert st.speaker == "title:harbour-master" or "harbour master" in text[st.source[0]:st.source[1]]
    assert text[st.cue_span[0]:st.cue_span[1]] == "hinted"


def test_a_model_content_without_a_speaker_or_inside_a_rule_statement_is_left_out():
    nlp = get_nlp()
    doc = nlp("The ferry schedule will change in the autumn. The port will close for a week.")
    table, lex = doc._.parley_actors, _lexicons()
    assert combine(doc, table, lex, [], [ModelSpan("CONTENT", 0, 8)]) == []
    assert combine(doc, table, lex, [], [ModelSpan("CONTENT", 9, 10), ModelSpan("SOURCE", 9, 11)]) == []


def test_missing_model_both_warns_and_runs_the_rules(tmp_path):
    with pytest.warns(RuntimeWarning, match="missing"):
        assert model_for("both", tmp_path / "nowhere") is None
    assert model_for("rules", tmp_path / "nowhere") is None


def test_missing_model_with_attribution_model_is_an_error(tmp_path):
    with pytest.raises(ModelError, match="--attribution rules"):
        model_for("model", tmp_path / "nowhere")


def test_an_unknown_mode_is_an_error():
    with pytest.raises(ModelError, match="rules, model, both"):
        parley.analyze("The minister said the talks would resume.", settings=Settings(attribution="neural"))


def test_settings_take_the_mode_from_the_environment(monkeypatch):
    monkeypatch.setenv("PARLEY_ATTRIBUTION", "both")
    assert Settings.load().attribution == "both"
    assert Settings.load(attribution="model").attribution == "model"
    assert Settings().attribution == attribution.DEFAULT_MODE == "both"


def _lexicons():
    from parley.nlp.lexicon import load_lexicons

    return load_lexicons()


def test_the_cli_flag_chooses_the_attribution(tmp_path):
    from click.testing import CliRunner

    from parley.cli import cli

    path = tmp_path / "article.txt"
    path.write_text("The governor is hopeful the harbour will be rebuilt within two years.\n", encoding="utf-8")
    runs = {mode: CliRunner().invoke(cli, ["analyze", str(path), "--format", "json", "--attribution", mode])
            for mode in ("rules", "both")}
    assert all(r.exit_code == 0 for r in runs.values()), {m: r.output for m, r in runs.items()}
    assert '"statements": []' in runs["rules"].output
    assert "the harbour will be rebuilt" in runs["both"].output
    bad = CliRunner().invoke(cli, ["analyze", str(path), "--attribution", "neural"])
    assert bad.exit_code == 2 and "neural" in bad.output


def test_the_model_leaves_sentences_that_are_not_prose_alone(model):
    nlp = get_nlp()
    junk = "/".join(["x"] * 400)
    doc = nlp(f"The foreign minister said that the border crossings would reopen next week. {junk}")
    spans = tag(doc, model)
    assert spans and all(doc[s.start:s.end].text.count("/x") == 0 for s in spans)
