"""Cutting article text into flat, overlapping-safe segments for the reader."""
from __future__ import annotations

from parley.web.highlight import anchor, closest, reader, segments


def test_segments_cover_the_text_and_carry_every_covering_fact():
    text = "Turkey said it supports the GNA."
    marks = [(0, 6, "m1", "hl-actor"), (12, 31, "s1", "hl-statement"), (28, 31, "m2", "hl-actor"),
             (0, 32, "r1", None)]
    segs = segments(text, marks, anchors=[(0, 32), (12, 31), (12, 31)])
    assert "".join(s.text for s in segs) == text
    assert all(text[s.start:s.end] == s.text for s in segs)
    gna = next(s for s in segs if s.text == "GNA")
    assert gna.refs == ["m2", "s1", "r1"]  # innermost first
    assert gna.classes == ["hl-actor", "hl-statement"]
    assert segs[0].anchors == ["s-0-32"] and next(s for s in segs if s.start == 12).anchors == ["s-12-31"]
    plain = next(s for s in segs if s.text == " said ")
    assert plain.refs == ["r1"] and plain.classes == []


def test_out_of_range_and_empty_marks_are_ignored():
    segs = segments("abc", [(2, 99, "x", "c"), (1, 1, "y", "c"), (-5, 1, "z", "c")], anchors=[(5, 9)])
    assert [(s.text, s.refs) for s in segs] == [("a", ["z"]), ("b", []), ("c", ["x"])]
    assert segments("", [(0, 3, "x", "c")]) == []


def test_anchor_format():
    assert anchor(3, 17) == "s-3-17"


# "Turkey said it backs the GNA and rejects Haftar's offer." with its facts' spans
SPANS = {"m1": (0, 6), "m2": (28, 31), "m3": (44, 50), "s1": (0, 57), "r1": (12, 31), "r2": (36, 56),
         "r3": (0, 57)}
PARTIES = {"m1": {"turkey"}, "m2": {"gna"}, "m3": {"haftar"}, "s1": {"turkey"}, "r1": {"turkey", "gna"},
           "r2": {"turkey", "haftar"}, "r3": {"turkey", "gna"}}
DRAWN = {"m1", "m2", "m3", "s1"}


def test_a_click_on_a_statement_lists_the_facts_of_its_span_not_the_whole_sentence():
    assert closest(["r1", "s1", "r3"], DRAWN, SPANS, PARTIES) == ["s1", "r3"]  # r1 covers a third of it
    assert closest(["r2", "s1"], DRAWN, SPANS, PARTIES) == ["s1"]  # nothing close enough
    assert closest(["r1"], DRAWN, SPANS, PARTIES) == ["r1"]  # an undrawn fact alone: itself


def test_a_click_on_a_mention_lists_the_closest_facts_its_actor_takes_part_in():
    assert closest(["m2", "r1", "s1", "r3"], DRAWN, SPANS, PARTIES) == ["m2", "r1"]
    assert closest(["m3", "r2", "s1", "r3"], DRAWN, SPANS, PARTIES) == ["m3", "r2"]
    assert closest([], DRAWN, SPANS, PARTIES) == []


def test_reader_segments_show_only_the_closest_facts():
    text = "Turkey backs the GNA. Egypt opposes Turkey."
    article = {"text": text, "places": [], "conditionals": [], "events": [], "demands": [],
               "mentions": [{"id": 1, "start": 0, "end": 6, "text": "Turkey", "actor_id": "turkey",
                             "actor_name": "Turkey", "actor_kind": "state"},
                            {"id": 2, "start": 17, "end": 20, "text": "GNA", "actor_id": "gna",
                             "actor_name": "GNA", "actor_kind": "government"}],
               "statements": [{"id": 1, "start": 0, "end": 43, "speaker": "turkey", "speaker_name": "Turkey",
                               "cue": "said", "content": text, "direct": False, "role": None}],
               "relations": [{"id": 1, "start": 0, "end": 21, "source": "turkey", "source_name": "Turkey",
                              "type": "supports", "target": "gna", "target_name": "GNA", "negated": False,
                              "modality": "asserted"},
                             {"id": 2, "start": 22, "end": 43, "source": "egypt", "source_name": "Egypt",
                              "type": "opposes", "target": "turkey", "target_name": "Turkey", "negated": False,
                              "modality": "asserted"}]}
    segs, facts = reader(article)
    at = {s.start: s for s in segs}
    assert at[17].shown == ["m2", "r1"]  # the GNA: its stance, not Egypt's of the same statement
    assert at[0].refs[:1] == ["m1"] and at[0].shown == ["m1", "r1"]
    assert set(facts) >= {"m1", "m2", "s1", "r1", "r2"}
