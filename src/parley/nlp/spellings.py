"""Spellings of one name within an article: organisation names with one order-free key
("the Energy Department", "the Department of Energy"; "Da'esh", "Daesh") are one actor, and
a knowledge-base name the text continues into another spelling of one of its names is one
mention of the whole (see :mod:`parley.nlp.coref` for the other alias rules)."""
from __future__ import annotations

from spacy.tokens import Doc

from parley.knowledge.kb import KnowledgeBase
from parley.nlp.merging import TEXT_PREFIXES, cap, is_kb, mention_at, merge
from parley.nlp.namekeys import alias_words, name_key
from parley.nlp.table import ActorBuild, ActorTable


def kb_spellings(doc: Doc, table: ActorTable, kb: KnowledgeBase) -> None:
    """ "the National Front of Syria and Levant" where the knowledge base spells the name
    "National Front of Syria and the Levant" and the matcher found only "National Front": the
    mention grows to the whole name (the state mentions inside it are dropped)."""
    links = alias_words().links
    for actor in list(table.actors.values()):
        entry = kb.get(actor.id)
        if entry is None or actor.kind in {"person", "state"}:
            continue
        keys = {name_key(f) for f in (entry.name, *entry.aliases) if len(name_key(f)) >= 3}
        for s, e in list(actor.tokens):
            best = None
            for end in range(e + 1, min(e + 8, len(doc)) + 1):
                t = doc[end - 1]
                owner = table.by_token.get(end - 1, "")
                if not (cap(t) or t.lower_ in links) or owner.startswith(TEXT_PREFIXES):
                    break
                if cap(t) and name_key(doc[s:end].text) in keys:
                    best = end
            if best is not None:
                for i in range(e, best):
                    hit = mention_at(table, i)
                    if hit and hit[0].id != actor.id and e <= hit[1] and hit[2] <= best:
                        table.drop_mention(*hit)
                table.drop_mention(actor, s, e)
                table.add_mention(actor, s, best)


def spellings(table: ActorTable) -> None:
    """Organisation names with one :func:`name_key` are one actor; a one-word key only joins
    names spelt differently ("Da'esh", "Daesh"), not two uses of one word."""
    by_key: dict[tuple[str, ...], tuple[ActorBuild, set[str]]] = {}
    order = sorted(table.actors.values(),
                   key=lambda a: (not is_kb(a), min((s for s, _ in a.tokens), default=0)))
    for actor in order:
        if actor.id not in table.actors or actor.kind in {"person", "state"} \
                or actor.id.startswith(("pronoun:", "title:", "other:")):
            continue
        texts = {t for t in {actor.name, *(t for _, _, t in actor.mentions)}
                 if sum(c.isalpha() for c in t) >= 4 and t[:1].isupper()}
        for text in texts:
            key = name_key(text)
            if not key:
                continue
            seen = by_key.get(key)
            if seen is not None and seen[0].id in table.actors and seen[0].id != actor.id and (
                    len(key) >= 2 or text.lower() not in seen[1]):
                kept = merge(table, seen[0], actor)
                if kept is not None:
                    actor = kept
            if seen is not None and seen[0].id == actor.id:
                seen[1].add(text.lower())
            else:
                by_key[key] = (actor, {text.lower()})
