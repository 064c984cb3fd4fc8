"""An article's layout: paragraphs, a headline over the body, bylines and credit lines."""
from __future__ import annotations

import pytest

from parley.ingest import files
from parley.ingest.files import read_bytes
from parley.ingest.layout import BYLINE, furniture, headline, is_byline, is_title_case, paragraphs, title_of

BODY = ("The harbour authority said on Tuesday that the ferries to the islands would run again "
        "from next week, after the storm damaged two of the piers.")


def test_paragraphs_are_separated_by_blank_lines():
    text = "First part here.\n\n  Second part,\nstill second.\n \n\nThird.\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["First part here.", "Second part,\nstill second.", "Third."]
    assert paragraphs("") == [] and paragraphs("\n\n \n") == []


@pytest.mark.parametrize("head", ["Ferries to the islands resume next week",
                                  "Ferries Resume Next Week After Storm Damages Piers.",
                                  "\u201cWe Will Rebuild\u201d: Harbour Chief Promises New Piers"])
def test_a_headline_is_detected(head):
    text = f"{head}\n\n{BODY}"
    assert headline(text) == (0, len(head))
    assert title_of(text) == head


@pytest.mark.parametrize("head", ["The ferries will run again from next week.",     # a sentence
                                  "FERRIES RESUME NEXT WEEK",                         # capitals
                                  "Ferries",                                          # one word
                                  "Ferries resume next week\nafter the storm"])       # two lines
def test_no_headline(head):
    assert headline(f"{head}\n\n{BODY}") is None
    assert title_of(f"{head}\n\n{BODY}") is None


def test_a_headline_needs_a_body_below_it():
    assert headline("Ferries resume next week\n\nThe piers are fixed.") is None
    assert headline("Ferries resume next week") is None


def test_title_case_counts_major_words_only():
    assert is_title_case("Talks in Geneva End Without a Deal")
    assert not is_title_case("Talks in Geneva end without a deal")


@pytest.mark.parametrize("line", ["Written by Jane Smith", "By Jane Smith", "By: Ann Lee, Bo Chen and Carl Dunn",
                                  "Reporting by Tom Baker and Ana Ruiz; Editing by Lee Park",
                                  "(Reporting by Tom Baker; Additional reporting by Ana Ruiz)",
                                  "By Jane Smith in Geneva", "(Reuters / AP - 12 May 2016)", "(AFP)"])
def test_bylines_match(line):
    assert is_byline(line) and BYLINE.fullmatch(line)


@pytest.mark.parametrize("line", ["By Friday the army had withdrawn from the city.", "By then, nobody believed him.",
                                  "Written by hand, the letter was short.", "Reporting by the state media was thin.",
                                  "The minister said Smith and Jones would meet.", "by jane smith",
                                  "(The talks resumed on Monday.)"])
def test_ordinary_sentences_are_no_bylines(line):
    assert not is_byline(line)


def test_furniture_is_the_headline_and_the_bylines():
    text = f"Ferries resume next week\n\nBy Jane Smith\n\n{BODY}\n\nReporting by Tom Baker; Editing by Lee Park\n"
    assert [text[a:b] for a, b in furniture(text)] == [
        "Ferries resume next week", "By Jane Smith", "Reporting by Tom Baker; Editing by Lee Park"]
    assert furniture(BODY) == []


def test_a_plain_text_file_takes_its_headline_as_title():
    assert read_bytes(f"Ferries resume next week\n\n{BODY}".encode(), "x.txt").title == "Ferries resume next week"
    assert read_bytes(BODY.encode(), "x.txt").title is None


@pytest.mark.parametrize("page_title, title", [("Harbour news", "Harbour news"), (None, "Ferries resume next week")])
def test_a_page_title_wins_over_the_headline(monkeypatch, page_title, title):
    text = f"Ferries resume next week\n\n{BODY}"
    monkeypatch.setattr(files, "html_to_text", lambda html, source: files.InputText(text, source, title=page_title))
    assert read_bytes(b"<html><body><p>page</p></body></html>", "x.html").title == title
