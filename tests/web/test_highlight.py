"""Cutting article text into flat, overlapping-safe segments for the reader."""
from __future__ import annotations

from parley.web.highlight import anchor, segments


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
