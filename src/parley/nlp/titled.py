"""Title phrases that name a person given in the same phrase: "the Minister of Foreign
Resources of Jordan, Dr Omar Haddad," and "His Chief of Staff is General Nouri" make the
title phrase a mention of that person (taken from another person a title rule gave it to)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.merging import mention_at
from parley.nlp.namekeys import alias_words
from parley.nlp.table import ActorTable


def title_appositions(doc: Doc, table: ActorTable) -> None:
    """ "the Minister of Water Resources of Jordan, Dr Omar Haddad,", "His Chief of Staff is
    General Nouri": the title phrase right before a person's name, or the subject of "be" whose
    complement is that name, is that person's mention (taken from another person if a title
    rule gave it one)."""
    for actor in list(table.actors.values()):
        if actor.kind != "person" or actor.id.startswith(("title:", "pronoun:", "other:")):
            continue
        for s, e in list(actor.tokens):
            if not any(t.ent_type_ == "PERSON" for t in doc[s:e]):
                continue
            closed = e >= len(doc) or doc[e].text in {",", ".", ")", ";"}
            phrase = (_title_before(doc, s) if closed else None) or _title_subject(doc, doc[s:e])
            if phrase is None or any(t.ent_type_ == "PERSON" or t.text == "," for t in phrase):
                continue
            for i in range(phrase.start, phrase.end):
                hit = mention_at(table, i)
                if hit and hit[0].id != actor.id and hit[0].kind == "person" and phrase.start <= hit[1] \
                        and hit[2] <= phrase.end:
                    table.drop_mention(hit[0], hit[1], hit[2])
                    if not hit[0].tokens:
                        table.actors.pop(hit[0].id, None)
            table.add_mention(actor, phrase.start, phrase.end)


def _title_before(doc: Doc, s: int) -> Span | None:
    """The title phrase ending at a comma before the name at token ``s`` (honorifics such as
    "Dr" between them are skipped), when the name is followed by a comma or a full stop."""
    k = s - 1
    while k > 0 and s - k <= 3 and doc[k].text != "," and doc[k].pos_ == "PROPN" and not doc[k].ent_type_:
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    t = doc[k - 1]
    heads = alias_words().title_heads
    while t.lemma_.lower() not in heads and t.dep_ in {"pobj", "prep", "compound"} and t.head.i < k \
            and t.head.i != t.i:
        t = t.head
    return _title_phrase(doc, t, k)


def _title_subject(doc: Doc, name: Span) -> Span | None:
    root = name.root
    verb = root.head
    if root.dep_ != "attr" or verb.lemma_ != "be" or verb.i > name.start:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None if subj is None else _title_phrase(doc, subj, subj.right_edge.i + 1)


def _title_phrase(doc: Doc, head: Token, end: int) -> Span | None:
    if head.lemma_.lower() not in alias_words().title_heads or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    start = head.left_edge.i
    while start < head.i and (doc[start].lower_ in {"the", "a", "an"}):
        start += 1
    return doc[start:end] if start < end else None
