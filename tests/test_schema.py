"""Every analysis validates against the shipped JSON Schema, and every offset quotes the text."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

import parley
from parley.config import Settings
from parley.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "libya-ceasefire-conditions.txt"

SHORT_TEXTS = {
    "support": "Russia said on Monday that it supports the ceasefire in Libya. Turkey opposes Haftar.",
    "quote": ('"We will not withdraw from Sirte," Turkish Defence Minister Hulusi Akar told reporters in '
              "Ankara on Tuesday. Egypt's President Abdel Fattah al-Sisi warned that Cairo would intervene."),
    "demand": ("The Government of National Accord demanded the withdrawal of Haftar's forces from Sirte and "
               "Jufra as a condition for ceasefire talks, a spokesman said in Tripoli."),
    "conditional": ("If the GNA advances on Sirte, Egypt will intervene militarily, President al-Sisi said. "
                    "The United Nations called on both sides to return to negotiations in Geneva."),
    "negated": "Moscow denied that it backs the Libyan National Army. Russia does not support Haftar.",
    # Non-ASCII before the facts: offsets are code points, not bytes or UTF-16 units.
    "accents": ("Ça va mal à Genève \u2014 \U0001f1f1\U0001f1fe \u201cWe reject the plan,\u201d the Turkish "
                "Foreign Minister Mevl\u00fct \u00c7avu\u015fo\u011flu said in Ankara. Russia supports "
                "the talks."),
    "crlf": "Russia supports the ceasefire.\r\n\r\nTurkey rejected the proposal, Ankara said.\r\n",
    "no facts": "The weather was mild and the markets were calm.",
}


@pytest.fixture(scope="module")
def validator():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def contract_json(analysis) -> dict:
    """The analysis as the JSON a consumer reads (to_dict() holds tuples, JSON has arrays)."""
    return json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False))


def check_offsets(data: dict, text: str) -> None:
    """Every span of the contract quotes ``text`` exactly and lies within it."""
    n = len(text)

    def within(start: int, end: int, what: str) -> None:
        assert 0 <= start <= end <= n, f"{what}: span {start}:{end} outside 0:{n}"

    art = data["article"]
    assert art["id"] == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    assert art["length"] == n
    for actor in data["actors"]:
        for m in actor["mentions"]:
            within(m["start"], m["end"], f"mention of {actor['id']}")
            assert text[m["start"]:m["end"]] == m["text"], (actor["id"], m)
    for place in data["places"]:
        for m in place["mentions"]:
            within(m["start"], m["end"], f"mention of place {place['name']}")
            assert text[m["start"]:m["end"]] == m["text"], (place["name"], m)
    for st in data["statements"]:
        within(st["start"], st["end"], "statement")
        assert text[st["start"]:st["end"]] == st["content"], st
        for key in ("source_span", "cue_span"):
            if st[key] is not None:
                within(st[key]["start"], st[key]["end"], f"statement {key}")
                assert st[key]["end"] > st[key]["start"], (key, st)
    for section in ("relations", "demands", "conditionals", "events"):
        for fact in data[section]:
            within(fact["start"], fact["end"], section)
            assert text[fact["start"]:fact["end"]] == fact["evidence"], (section, fact)


def check_references(data: dict) -> None:
    """Every actor id a fact names is one of the article's actors."""
    ids = {a["id"] for a in data["actors"]}
    assert len(ids) == len(data["actors"]), "actor ids are not unique"
    refs = [s["speaker"] for s in data["statements"]]
    refs += [r[k] for r in data["relations"] for k in ("source", "target", "claimed_by")]
    refs += [x for d in data["demands"] for x in (*d["by"], *d["of"])]
    refs += [c["actor"] for c in data["conditionals"]]
    refs += [e[k] for e in data["events"] for k in ("source", "target")]
    assert {r for r in refs if r is not None} <= ids


def check(analysis, text: str, validator) -> dict:
    data = contract_json(analysis)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    check_offsets(data, text)
    check_references(data)
    return data


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == "parley.analysis/1"
    defs = schema["$defs"]
    assert set(defs["relation"]["properties"]["modality"]["enum"]) == {"asserted", "hypothetical", "conditional",
                                                                       "future"}
    assert "met" in defs["demand"]["properties"]["status"]["enum"]
    assert load_schema() is not load_schema()  # callers get their own copy


def test_schema_rejects_what_the_contract_forbids(validator):
    text = SHORT_TEXTS["support"]
    data = contract_json(parley.analyze(text))
    assert validator.is_valid(data)
    bad_kind = json.loads(json.dumps(data))
    bad_kind["actors"][0]["kind"] = "alien"
    assert not validator.is_valid(bad_kind)
    no_field = json.loads(json.dumps(data))
    del no_field["article"]["pipeline"]
    assert not validator.is_valid(no_field)
    grown = json.loads(json.dumps(data))
    grown["sentiment"] = {"overall": 0.1}
    grown["actors"][0]["wikidata"] = "Q159"
    assert validator.is_valid(grown), "the contract may grow: extra fields are allowed"


def test_example_article(validator):
    text = EXAMPLE.read_text(encoding="utf-8")
    data = check(parley.analyze(text, source=EXAMPLE.name, published="2020-06-18"), text, validator)
    assert data["article"]["source"] == EXAMPLE.name and data["article"]["published"] == "2020-06-18"
    names = {a["name"] for a in data["actors"]}
    assert "Russia" in names
    assert data["statements"] and data["places"]


def test_example_article_in_small_chunks(validator):
    """Offsets stay right when the text is parsed in many chunks (as long texts are)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    check(parley.analyze(text, settings=Settings.load(chunk_chars=400)), text, validator)


@pytest.mark.parametrize("name", list(SHORT_TEXTS))
def test_short_texts(name, validator):
    text = SHORT_TEXTS[name]
    data = check(parley.analyze(text, source=f"{name}.txt"), text, validator)
    if "Russia" in text:
        assert "Russia" in {a["name"] for a in data["actors"]}


def test_schema_file_is_generated_from_the_models():
    """The shipped file is what the models give; after changing them, regenerate it with
    ``python -m parley.schema > src/parley/schema/analysis.schema.json``."""
    from parley.schema import SCHEMA_FILE
    from parley.schema.generate import schema_text

    shipped = (ROOT / "src" / "parley" / "schema" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert shipped == schema_text(), "analysis.schema.json differs from the models: regenerate it"


def test_every_field_is_described_and_the_closed_sets_come_from_the_models():
    from parley import models

    defs = load_schema()["$defs"]
    for name, definition in defs.items():
        for key, prop in definition["properties"].items():
            assert prop.get("description"), f"{name}.{key} has no docstring in parley.models"
            assert "\n" not in prop["description"], f"{name}.{key}: the docstring is not one line"
    assert tuple(defs["actor"]["properties"]["kind"]["enum"]) == models.ACTOR_KINDS
    assert tuple(defs["relation"]["properties"]["type"]["enum"]) == models.RELATION_TYPES
    assert tuple(defs["relation"]["properties"]["modality"]["enum"]) == models.MODALITIES
    assert tuple(defs["demand"]["properties"]["status"]["enum"]) == models.DEMAND_STATUSES
    assert "text" not in defs["article"]["properties"] and "if" in defs["conditional"]["properties"]


@pytest.mark.parametrize("name", ["conditional", "demand", "quote"])
def test_pydantic_serialises_an_analysis_as_to_dict(name):
    """What the API answers (pydantic's serialisation of the dataclasses) is the contract JSON."""
    from pydantic import TypeAdapter

    from parley.models import Analysis

    analysis = parley.analyze(SHORT_TEXTS[name], source=f"{name}.txt", published="2020-06-18")
    adapter = TypeAdapter(Analysis)
    dumped = adapter.dump_python(adapter.validate_python(analysis), mode="json", by_alias=True)
    assert dumped == contract_json(analysis)
