"""Actors: mentions grouped by rules (no coreference model ships offline).

Rules, in order: a knowledge-base id; a surname or transliterated variant of a person seen
in the document ("Fedorov" -> "Andrei Fedorov", "Al-Zawi" -> "Gabriel Al-Zoui"); a title-only
phrase ("the Turkish minister") -> the person holding that title here or in the KB's offices
(:mod:`parley.nlp.titles`); the other names the text gives an actor (short forms, "also known
as", appositions, spellings: :mod:`parley.nlp.coref`); roles and affiliations from appositions
and premodifiers.
Pronouns are resolved on demand by ``ActorTable.antecedent``; speakers no rule resolves
become actors of their own through ``ActorTable.speaker``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from parley.knowledge.kb import KnowledgeBase
from parley.knowledge.translit import same_name
from parley.nlp.anaphora import descriptions
from parley.nlp.coref import merge_aliases
from parley.nlp.components import Resources, component, day_of, doc_attribute
from parley.nlp.lexicon import Lexicons
from parley.nlp.mentions import MentionInfo
from parley.nlp.strikers import strikers
from parley.nlp.table import ActorBuild, ActorTable, slug
from parley.nlp.titled import title_appositions
from parley.nlp.titles import country_pronouns, titles


def resolve_actors(doc: Doc, mentions: list[MentionInfo], kb: KnowledgeBase, lex: Lexicons,
                   *, day: str | None = None) -> ActorTable:
    """Group mentions into actors and attach roles (see the module docstring).

    Args:
        doc: the parsed Doc.
        mentions: its mentions (:func:`parley.nlp.mentions.find_mentions`).
        kb: the knowledge base (offices and states).
        lex: the lexicons.
        day: the publication day (ISO), for who held an office then.

    Returns:
        The actor table of the Doc.
    """
    table = ActorTable(doc, lex)
    for m in mentions:
        if not m.agent:
            continue
        if m.kb is not None:
            a = m.kb
            actor = table.actors.setdefault(a.id, ActorBuild.of_kb(a))
            if a.kind == "state" and a.country:
                table.states.setdefault(a.country, a.id)
        elif m.label == "PERSON":
            actor = _person(table, m)
        elif (named := _named_person(table, m)) is not None:
            actor = named   # "Abu Ghadiya" mistyped as a group after the text named him
        elif m.label == "ORG":
            actor = _organization(table, m)
        elif m.label == "NOM_GROUP":
            actor = _group(table, m)
        else:
            continue
        table.add_mention(actor, m.start, m.end)
    _surnames(doc, table)
    merge_aliases(doc, table, kb)
    _state_for_kb_people(table, kb)
    titles(doc, table, kb, day)
    title_appositions(doc, table)
    country_pronouns(doc, table, kb)
    _pronouns(doc, table)
    strikers(doc, table)
    descriptions(doc, table)
    return table


def _pronouns(doc: Doc, table: ActorTable) -> None:
    """Third-person pronouns become mentions of the actor they resolve to (left to right, so a
    resolved pronoun can carry a chain); unresolved ones are left alone. A main-clause "it" is
    the organisation or state the sentence before is about, or nobody."""
    words = table.lex.words
    for tok in doc:
        if tok.lower_ in words.linked_pronouns and tok.pos_ == "PRON" and tok.i not in table.by_token:
            aid = table.antecedent(tok)
            if aid:
                table.add_mention(table.actors[aid], tok.i, tok.i + 1)
        elif _referential_it(tok) and tok.i not in table.by_token:
            aid = _subject_before(doc, table, tok)
            if aid:
                table.add_mention(table.actors[aid], tok.i, tok.i + 1)
        elif tok.lower_ in words.first_plural_pronouns and tok.pos_ == "PRON" and tok.i not in table.by_token:
            # "we" is the speaker or the publisher; statements re-attribute it when quoted
            table.add_mention(table.actor("pronoun:we", "we (unresolved)", "other"), tok.i, tok.i + 1)


def _referential_it(tok) -> bool:
    """ "It" as the subject of a main clause that says something of it ("It was founded in
    1989", "It operates two channels"), not the empty subject of a clause whose real subject
    comes later ("It is likely that ...", "It was reported that ...", "It is important to ...")
    or of the weather and time."""
    if tok.lower_ != "it" or tok.pos_ != "PRON" or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.head.dep_ != "ROOT":
        return False
    head = tok.head
    if any(c.dep_ in {"ccomp", "xcomp", "csubj", "acomp", "advcl"} and c.i > head.i for c in head.children):
        return False
    return head.lemma_ not in {"seem", "appear", "rain", "take", "matter", "happen"} and not any(
        c.ent_type_ in {"TIME", "DATE"} for c in head.children if c.dep_ == "attr")


def _subject_before(doc: Doc, table: ActorTable, tok) -> str | None:
    """The organisation or state that is the subject of the sentence before ``tok``'s: what a
    main-clause "it" continues to speak of ("The society is ... . It was founded ...")."""
    sent = tok.sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    aid = table.by_token.get(subj.i) if subj is not None else None
    actor = table.actors.get(aid or "")
    return aid if actor is not None and actor.kind not in {"person", "other"} else None


def _surnames(doc: Doc, table: ActorTable) -> None:
    """A capitalised word NER missed that is the surname of a person named earlier ("Fedorov")."""
    persons = [a for a in table.actors.values() if a.kind == "person" and len(a.name.split()) > 1]
    if not persons:
        return
    for tok in doc:
        if tok.i in table.by_token or tok.pos_ != "PROPN" or not tok.is_title or len(tok) < 3:
            continue
        for actor in persons:
            if actor.tokens and actor.tokens[0][0] < tok.i and same_name(actor.name, tok.text)[0]:
                table.add_mention(actor, tok.i, tok.i + 1)
                break


def _state_for_kb_people(table: ActorTable, kb: KnowledgeBase) -> None:
    for actor in list(table.actors.values()):
        country = actor.country
        if country and country not in table.states:
            for a in kb.actors.values():
                if a.kind == "state" and a.country == country:
                    table.states[country] = a.id
                    break


def _person(table: ActorTable, m: MentionInfo) -> ActorBuild:
    for actor in table.actors.values():
        if actor.kind == "person" and not actor.id.startswith("title:"):
            ok, _ = same_name(actor.name, m.text)
            if ok:
                if len(m.text.split()) > len(actor.name.split()) and actor.id.startswith("person:"):
                    actor.name = m.text
                return actor
    aid = "person:" + slug(m.text)
    return table.actor(aid, m.text, "person")


def _named_person(table: ActorTable, m: MentionInfo) -> ActorBuild | None:
    """The person named before whose full name (for a group, also whose surname) a capitalised
    organisation or group mention spells: within an article a person's name is that person."""
    if m.label not in {"ORG", "NOM_GROUP"} or m.rule == "nominal" or not all(w[:1].isupper() for w in m.text.split()):
        return None
    for actor in table.actors.values():
        if actor.kind != "person" or actor.id.startswith("title:") or len(actor.name.split()) < 2:
            continue
        if slug(actor.name) == slug(m.text) or m.label == "NOM_GROUP" and same_name(actor.name, m.text)[0]:
            return actor
    return None


def _organization(table: ActorTable, m: MentionInfo) -> ActorBuild:
    key = slug(m.text)
    for actor in table.actors.values():
        if actor.kind == "organization" and (slug(actor.name) == key or _acronym(actor.name) == m.text.replace("-", "")
                                             or _leading_part(actor.name) == m.text):
            return actor
    aid = "organization:" + key
    state = m.affiliated   # "Jordan Armed Forces": the body of the state its name opens with
    if state is None or state.kind != "state":
        return table.actor(aid, m.text, "organization")
    words = table.lex.words
    organ = (words.armed_nouns | words.state_body_words).intersection(m.text.lower().split())   # not "Libyan Center for ..."
    return table.actor(aid, m.text, "organization", country=state.country, affiliation=state.id if organ else None)


def _group(table: ActorTable, m: MentionInfo) -> ActorBuild:
    """A nominal group ("coalition forces", "Turkish troops"): one actor per phrase in a text."""
    words = [w for w in m.text.lower().split() if w not in table.lex.words.group_determiners]
    aid = "group:" + slug(" ".join(words))
    state = m.affiliated
    kind = "armed_group" if table.lex.words.armed_nouns.intersection(words) else "other"
    actor = table.actor(aid, m.text, kind, country=state.country if state else None,
                        affiliation=state.id if state else None)
    if state is not None and state.kind == "state" and state.country:
        table.states.setdefault(state.country, state.id)
    return actor


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _leading_part(name: str) -> str | None:
    """The first part of a name in parts ("3rd Battalion" of "3rd Battalion, 6th Marines",
    "Joint Task Force" of "Joint Task Force - Operation X"), which stands for the whole."""
    for mark in (", ", " - ", " – ", " — "):
        if mark in name:
            head = name.split(mark, 1)[0]
            return head if len(head.split()) >= 2 else None
    return None


def _run(doc: Doc, r: Resources) -> ActorTable:
    return resolve_actors(doc, doc._.parley_mentions, r.kb, r.lexicons, day=day_of(doc))


# the spaCy component of resolve_actors(): what it reads from the Doc and where it stores its result
Language.factory("parley_actors", default_config={"kb": None},
                 requires=["doc._.parley_mentions"],
                 assigns=[doc_attribute("parley_actors")],
                 func=component("parley_actors", _run))
