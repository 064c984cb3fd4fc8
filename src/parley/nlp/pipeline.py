"""The spaCy pipeline: the model's parse + NER, then Parley's components, one per extractor.

Each component is a thin wrapper: it calls one pure function and stores the result on
``doc._.parley`` (a ``DocFacts``). Shared resources (knowledge base, gazetteer, lexicons) are
loaded once per process and handed to the components, never imported as globals.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.errors import ModelError
from parley.knowledge.gazetteer import Gazetteer, load_gazetteer
from parley.knowledge.kb import KnowledgeBase, load_kb
from parley.nlp.actors import ActorTable, resolve_actors
from parley.nlp.conditionals import ConditionalInfo, find_conditionals
from parley.nlp.demands import DemandInfo, find_demands
from parley.nlp.events import EventInfo, derive_events
from parley.nlp.lexicon import Lexicons, load_lexicons
from parley.nlp.mentions import KBMatcher, MentionInfo, find_mentions
from parley.nlp.places import PlaceInfo, find_places
from parley.nlp.relations import RelationInfo, find_relations
from parley.nlp.statements import StatementInfo, find_statements

COMPONENTS = ("parley_mentions", "parley_actors", "parley_statements", "parley_relations",
              "parley_demands", "parley_conditionals", "parley_places", "parley_events")


@dataclass
class DocFacts:
    """Everything Parley's components found in one Doc (offsets are the Doc's own)."""

    mentions: list[MentionInfo] = field(default_factory=list)
    table: ActorTable | None = None
    statements: list[StatementInfo] = field(default_factory=list)
    relations: list[RelationInfo] = field(default_factory=list)
    demands: list[DemandInfo] = field(default_factory=list)
    conditionals: list[ConditionalInfo] = field(default_factory=list)
    places: list[PlaceInfo] = field(default_factory=list)
    events: list[EventInfo] = field(default_factory=list)


if not Doc.has_extension("parley"):
    Doc.set_extension("parley", default=None)


@dataclass
class Resources:
    kb: KnowledgeBase
    gazetteer: Gazetteer
    lexicons: Lexicons
    matcher: KBMatcher


_RESOURCES: dict[tuple[int, str | None], Resources] = {}


def resources_for(nlp: Language, kb_path: str | None) -> Resources:
    """The shared resources of one pipeline (built on first use)."""
    key = (id(nlp.vocab), kb_path)
    if key not in _RESOURCES:
        kb = load_kb(kb_path)
        _RESOURCES[key] = Resources(kb, load_gazetteer(), load_lexicons(), KBMatcher(nlp, kb))
    return _RESOURCES[key]


def facts(doc: Doc) -> DocFacts:
    if doc._.parley is None:
        doc._.parley = DocFacts()
    return doc._.parley


def day_of(doc: Doc) -> str | None:
    return doc.user_data.get("parley_published")


def _plover_of(lex: Lexicons):
    return lambda cue: (lex.reporting_verbs.get(cue) or lex.reporting_nouns.get(cue) or _NOCUE).plover


def _step_mentions(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.mentions = find_mentions(doc, r.kb, r.gazetteer, r.matcher, day=day_of(doc), nominals=r.lexicons.nominals)


def _step_actors(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.table = resolve_actors(doc, f.mentions, r.kb, r.lexicons, day=day_of(doc))


def _step_statements(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.statements = find_statements(doc, f.table, r.lexicons)


def _step_relations(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.relations = find_relations(doc, f.table, f.statements, r.lexicons)


def _step_demands(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.demands = find_demands(doc, f.table, f.statements, r.lexicons)


def _step_conditionals(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.conditionals = find_conditionals(doc, f.table, f.statements, r.lexicons)


def _step_places(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.places = find_places(doc, f.mentions)


def _step_events(doc: Doc, f: DocFacts, r: Resources) -> None:
    f.events = derive_events(f.relations, f.demands, f.conditionals, f.statements, _plover_of(r.lexicons))


# one component per extractor, in pipeline order; each only runs its pure function
_STEPS = dict(zip(COMPONENTS, (_step_mentions, _step_actors, _step_statements, _step_relations,
                               _step_demands, _step_conditionals, _step_places, _step_events)))


class ParleyComponent:
    """A thin spaCy component: runs one extractor and stores its result on ``doc._.parley``."""

    def __init__(self, nlp: Language, name: str, kb: str | None, step):
        self.nlp, self.name, self.kb_path, self.step = nlp, name, kb, step

    def __call__(self, doc: Doc) -> Doc:
        self.step(doc, facts(doc), resources_for(self.nlp, self.kb_path))
        return doc


def _register(name: str, step) -> None:
    requires = ["doc.ents", "token.dep"] if name == "parley_mentions" else ["doc._.parley"]

    def make(nlp, name, kb):
        return ParleyComponent(nlp, name, kb, step)

    Language.factory(name, default_config={"kb": None}, requires=requires, assigns=["doc._.parley"], func=make)


for _name, _step in _STEPS.items():
    _register(_name, _step)


class _NoCue:
    plover = None


_NOCUE = _NoCue()


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str, kb: str | None = None) -> Language:
    """The named spaCy pipeline with Parley's components added (cached per process).

    Raises:
        ModelError: the model is not installed.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: is it installed? "
                         f"({str(exc).splitlines()[0][:200]})") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"the spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"kb": kb})
    return nlp


def pipeline_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
