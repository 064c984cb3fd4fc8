"""Rule tests on hand-built Docs: Parley's components over a blank pipeline, no statistical model.

A test writes the parse it wants as a token table (one token a line: index, word, tag, pos,
lemma, head index, dependency, IOB entity), so that each rule is pinned on a fixed parse.
``python -m tests.nlp.rules.tabulate "text"`` prints the model's table to start from.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.nlp.pipeline import add_parley_pipes

# tokens written without a space before them / after them ("said." / "(GNA)" / "“We")
_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "\u201d", "'s", "\u2019s", "'", "n't", "%", "-"}
_NO_SPACE_AFTER = {"(", "\u201c", "$", "-"}


@pytest.fixture(scope="session")
def nlp() -> Language:
    """A blank English pipeline with only Parley's components (knowledge base and gazetteer
    load on the first Doc and are reused for the whole session)."""
    return add_parley_pipes(spacy.blank("en"), kb=None)


def make_doc(nlp: Language, table: str) -> Doc:
    """A parsed Doc from a token table (see the module docstring); ``\\n`` in a word is a newline.

    Raises:
        ValueError: a line does not have eight columns or its index is out of order.
    """
    rows = [line.split() for line in table.strip("\n").splitlines() if line.strip()]
    for k, row in enumerate(rows):
        if len(row) != 8 or int(row[0]) != k:
            raise ValueError(f"bad token line {k}: {' '.join(row)!r}")
    words = [r[1].replace("\\n", "\n") for r in rows]
    return Doc(nlp.vocab, words=words, spaces=_spaces(words), tags=[r[2] for r in rows],
               pos=[r[3] for r in rows], lemmas=[r[4] for r in rows], heads=[int(r[5]) for r in rows],
               deps=[r[6] for r in rows], ents=[r[7] for r in rows])


def _spaces(words: list[str]) -> list[bool]:
    """Whether each word is followed by a space, as a news text would be written."""
    spaces, open_quote = [], False
    for k, word in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        if word == '"':
            open_quote = not open_quote
        glue_after = word in _NO_SPACE_AFTER or word == '"' and open_quote or word.isspace()
        glue_next = nxt is None or nxt in _NO_SPACE_BEFORE or nxt.isspace() or nxt == '"' and open_quote
        spaces.append(not (glue_after or glue_next))
    return spaces


@pytest.fixture(scope="session")
def run(nlp):
    """``run(table, published=None)``: the Doc of a token table after Parley's components."""
    def _run(table: str, published: str | None = None) -> Doc:
        doc = make_doc(nlp, table)
        if published is not None:
            doc.user_data["parley_published"] = published
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc
    return _run


def facts(doc: Doc, name: str):
    """One extractor's result on a processed Doc: mentions, table (the actor table), statements,
    relations, demands, conditionals, places or events."""
    return getattr(doc._, "parley_" + ("actors" if name == "table" else name))


# -- lookups, so that tests read as expectations ---------------------------------------------
def token(doc: Doc, word: str, occurrence: int = 0) -> Token:
    """The ``occurrence``-th token whose text is ``word``."""
    return [t for t in doc if t.text == word][occurrence]


def actor_of(doc: Doc, word: str, occurrence: int = 0) -> str | None:
    """Id of the actor the ``occurrence``-th token ``word`` belongs to (None when it names none)."""
    return facts(doc, "table").by_token.get(token(doc, word, occurrence).i)


def chars(doc: Doc, span: tuple[int, int] | None) -> str | None:
    """The text of a character span of the Doc."""
    return None if span is None else doc.text[span[0]:span[1]]


def tokens_text(doc: Doc, rng: tuple[int, int]) -> str:
    """The text of a token range of the Doc."""
    return doc[rng[0]:rng[1]].text


def content(doc: Doc, st) -> str:
    """The content text of a statement."""
    return doc.text[st.start:st.end]


def only(items: list, **fields):
    """The one item whose attributes equal ``fields``, failing when there is not exactly one."""
    found = [x for x in items if all(getattr(x, k) == v for k, v in fields.items())]
    assert len(found) == 1, (fields, items)
    return found[0]
