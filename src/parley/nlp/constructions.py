"""Cue shapes beyond a reporting verb and its clause: the entry of a phrasal verb, an aside
("Back home, Mr. Lind said, he ran"), a clause coordinated after the cue ("A, the agency said,
and B"), relative-pronoun subjects, a verb the tagger read as a noun ("Lind claims that ...")
and belief adjectives ("Many voters are afraid that ...").

:mod:`parley.nlp.statements` calls these while it walks the tokens.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import is_quote
from parley.nlp.speech import StatementInfo, make_statement, speaker_for
from parley.nlp.syntax import content_range, subject_of
from parley.nlp.table import ActorTable


def cue_key(verb: Token, lex: Lexicons) -> str | None:
    """The reporting-verb entry of a verb: its lemma, or its lemma and particle ("pointed out"
    is "point out"); None when it is no reporting verb."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ == "prt" and f"{lemma} {c.lower_}" in lex.reporting_verbs:
            return f"{lemma} {c.lower_}"
    return lemma if lemma in lex.reporting_verbs else None


def aside(tok: Token, lex: Lexicons) -> bool:
    """A reporting verb with a subject and no content of its own: the aside "Mr. Lind said" in
    "Back home, Mr. Lind said, he decided to run" is no content of "decided"."""
    words = [t for t in tok.subtree if not t.is_punct]
    return tok.dep_ == "parataxis" and tok.lemma_.lower() in lex.reporting_verbs and len(words) <= 8 \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) \
        and not any(c.dep_ in {"ccomp", "dobj", "xcomp", "parataxis", "advcl"} for c in tok.children)


def relative(subj: Token, table: ActorTable) -> bool:
    """Whether a subject is a relative pronoun no rule resolved ("Lind, who said ...")."""
    return subj.lemma_.lower() in table.lex.words.relative_words and subj.i not in table.by_token


def coordinated_after(doc: Doc, head: Token, lex: Lexicons) -> int:
    """The end of a clause with a subject of its own coordinated after ``head`` (0 when none);
    a reporting verb is a statement of its own, never such a clause."""
    for c in head.children:
        if c.dep_ == "conj" and c.i > head.i and c.pos_ in {"VERB", "AUX"} and doc[c.left_edge.i - 1].dep_ == "cc" \
                and c.lemma_.lower() not in lex.reporting_verbs \
                and any(k.dep_ in {"nsubj", "nsubjpass"} for k in c.children):
            end = c.right_edge.i + 1
            while end > c.i + 1 and doc[end - 1].is_punct and not is_quote(doc[end - 1]):
                end -= 1
            return end
    return 0


def verb_tagged_noun(tok: Token, lex: Lexicons) -> bool:
    """ "Trump claims that ...", "Lind charges that ...": a third-person verb the tagger read as
    a plural noun, with the name before it as a compound and a that-clause after it."""
    return tok.tag_ == "NNS" and tok.dep_ == "ROOT" and tok.lower_.endswith("s") \
        and tok.lemma_.lower() in lex.reporting_verbs \
        and any(c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ in {"PROPN", "NOUN"} for c in tok.children) \
        and any(c.i > tok.i and c.dep_ in {"acl", "ccomp", "relcl"} and any(
            m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.i + 1 for m in c.children) for c in tok.children)


def misread_verb(doc: Doc, tok: Token, table: ActorTable, lex: Lexicons) -> StatementInfo | None:
    """The statement of a verb tagged as a noun (:func:`verb_tagged_noun`)."""
    subj = doc[tok.i - 1]
    content = next(c for c in tok.children if c.i > tok.i and c.dep_ in {"acl", "ccomp", "relcl"})
    speaker, source = speaker_for(table, subj)
    if speaker is None:
        return None
    rng = content_range(doc, content, tok, lex)
    return make_statement(doc, speaker, tok.lemma_.lower(), rng, False, source, (tok.i, tok.i + 1))


def adjective_statement(doc: Doc, adj: Token, table: ActorTable, lex: Lexicons) -> StatementInfo | None:
    """ "Many voters are afraid that turnout will fall", "came away convinced that ...": the
    that-clause of a belief adjective (or participle) is what the subject of its verb believes."""
    content = next((c for c in adj.children if c.i > adj.i and c.dep_ in {"ccomp", "advcl"} and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if content is None:
        return None
    verb = adj.head if adj.dep_ in {"acomp", "oprd", "xcomp"} else adj
    subj = subject_of(verb, lex)
    if subj is None or relative(subj, table) or subj.lower_ in lex.words.speaker_pronouns:
        return None   # "We are confident that ...": the voice of a quote, whose speaker says it all
    speaker, source = speaker_for(table, subj)
    if speaker is None:
        return None
    rng = content_range(doc, content, adj, lex)
    return make_statement(doc, speaker, adj.lemma_.lower(), rng, False, source, (adj.i, adj.i + 1))
