"""What Parley's spaCy components share: the per-process resources and the thin wrapper.

Each extractor module declares its own factory, ``Language.factory(name, requires=...,
assigns=..., func=component(attr, run))``: the component reads earlier results from the Doc,
calls the module's pure function (``run``) and stores the result on ``doc._.<attr>``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from parley.knowledge.gazetteer import Gazetteer, load_gazetteer
from parley.knowledge.kb import KnowledgeBase, load_kb
from parley.nlp.lexicon import Lexicons, load_lexicons


class KBMatcher:
    """Phrase matchers over every KB surface form (with a typographic apostrophe too):
    single capitalised words case-sensitively, longer or lowercase forms case-insensitively."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact, folded = set(), set()
        for form, _, _ in kb.surface_forms():
            text = form[4:] if form.lower().startswith("the ") and len(form) > 6 else form
            for variant in {text, text.replace("'", "\u2019")}:   # "Da'esh" as typeset: "Da’esh"
                tokens = nlp.make_doc(variant)
                if len(tokens) == 1 and variant != variant.lower():
                    exact.add(variant)
                else:
                    folded.add(variant)
        self.exact.add("KB", [nlp.make_doc(t) for t in sorted(exact)])
        self.folded.add("KB", [nlp.make_doc(t) for t in sorted(folded)])

    def __call__(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.folded(doc)]
        return filter_spans(spans)


@dataclass(frozen=True)
class Resources:
    """What the components of one pipeline share: knowledge base, gazetteer, lexicons, KB matcher."""

    kb: KnowledgeBase
    gazetteer: Gazetteer
    lexicons: Lexicons
    matcher: KBMatcher


_RESOURCES: dict[tuple[int, str | None], Resources] = {}


def resources_for(nlp: Language, kb_path: str | None) -> Resources:
    """The shared resources of one pipeline, built on first use and kept for the process.

    Args:
        nlp: the pipeline (its vocabulary builds the KB matcher).
        kb_path: a knowledge-base file or folder; None: the package's own.

    Returns:
        The Resources of this pipeline and knowledge base.
    """
    key = (id(nlp.vocab), kb_path)
    if key not in _RESOURCES:
        kb = load_kb(kb_path)
        _RESOURCES[key] = Resources(kb, load_gazetteer(), load_lexicons(), KBMatcher(nlp, kb))
    return _RESOURCES[key]


def doc_attribute(name: str) -> str:
    """Register the Doc extension ``doc._.<name>`` (default None) and return that path, as a
    factory's ``assigns`` names it."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
    return f"doc._.{name}"


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once per Doc (``Doc.text`` joins every token on each call)."""
    text = doc.user_data.get("parley_text")
    if text is None:
        text = doc.user_data["parley_text"] = doc.text
    return text


def day_of(doc: Doc) -> str | None:
    """The publication day the analyser put on the Doc (ISO date), if any."""
    return doc.user_data.get("parley_published")


class ParleyComponent:
    """A thin spaCy component: stores ``run(doc, resources)`` on ``doc._.<attr>``."""

    def __init__(self, nlp: Language, kb: str | None, attr: str, run: Callable[[Doc, Resources], Any]):
        self.nlp, self.kb_path, self.attr, self.run = nlp, kb, attr, run

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.attr, self.run(doc, resources_for(self.nlp, self.kb_path)))
        return doc


def component(attr: str, run: Callable[[Doc, Resources], Any]) -> Callable[..., ParleyComponent]:
    """The factory function (``Language.factory(..., func=...)``) of a component that stores
    ``run(doc, resources)`` on ``doc._.<attr>``; its one setting is ``kb``, a knowledge-base path."""
    def make(nlp: Language, name: str, kb: str | None) -> ParleyComponent:
        return ParleyComponent(nlp, kb, attr, run)
    return make


def on_claims(find: Callable[[Doc, Any, list, Lexicons], Any]) -> Callable[[Doc, Resources], Any]:
    """``run`` for an extractor ``find(doc, table, statements, lex)`` that reads the Doc's
    actor table and statements (relations, demands, conditionals)."""
    return lambda doc, r: find(doc, doc._.parley_actors, doc._.parley_statements, r.lexicons)
