"""Conditionals: "in the event that X insisted on their terms, Moscow has no choice but to
continue to support Haftar" -> actor (Moscow), if (X insisted...), then (has no choice...).
Cues ("if", "unless", "as long as", "in the event that", "otherwise") live in a data file.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.models import Conditional
from parley.nlp.components import component, doc_attribute, on_claims
from parley.nlp.facts import Chunk
from parley.nlp.lexicon import Lexicons
from parley.nlp.statements import StatementInfo
from parley.nlp.syntax import claimed_by, subject_actors
from parley.nlp.table import ActorTable


@dataclass
class ConditionalInfo:
    actor: str | None
    if_: tuple[int, int]       # token ranges
    then: tuple[int, int]
    cue: str
    start: int                 # evidence: the sentence (chars)
    end: int
    claimed_by: str | None = None
    token: int = 0

    def to_model(self, chunk: Chunk) -> Conditional:
        """The contract's Conditional: the texts of both clauses, evidence at article offsets."""
        doc = chunk.doc
        if_, then = doc[self.if_[0]:self.if_[1]], doc[self.then[0]:self.then[1]]
        return Conditional(self.actor, chunk.text(if_.start_char, if_.end_char),
                           chunk.text(then.start_char, then.end_char),
                           chunk.text(self.start, self.end), *chunk.chars(self.start, self.end), self.cue,
                           self.claimed_by)


def _cue_at(doc: Doc, i: int, lex: Lexicons) -> str | None:
    for words in lex.conditional_first.get(doc[i].lower_, ()):   # longest cues first
        if tuple(t.lower_ for t in doc[i:i + len(words)]) == words:
            return " ".join(words)
    return None


def _clause_head(doc: Doc, i: int, n: int) -> Token | None:
    """The verb of the condition clause that starts after the cue words at i..i+n: the head of
    the subordinator, else the first verb that is not a modifier ("if the Turkish-backed GNA
    mounted ...": "mounted", not "backed")."""
    mark = doc[i + n - 1]
    if mark.dep_ == "mark" and mark.head.i > mark.i and mark.head.pos_ in {"VERB", "AUX"}:
        return mark.head
    for t in doc[i + n:min(len(doc), i + n + 30)]:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass", "amod", "compound", "npadvmod"}:
            return t
    return None


def find_conditionals(doc: Doc, table: ActorTable, statements: list[StatementInfo],
                      lex: Lexicons) -> list[ConditionalInfo]:
    """All conditionals in ``doc``.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        statements: its statements (whose claim a conditional is).
        lex: the lexicons (conditional cues).

    Returns:
        The conditionals in text order.
    """
    out = []
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            cue = _cue_at(doc, i, lex)
            if cue is None:
                i += 1
                continue
            n = len(cue.split())
            cond = _clause_head(doc, i, n)
            if cond is None or cond.i >= sent.end:
                break
            if cue == "otherwise":
                c = _otherwise(doc, i, sent, table, statements)
            else:
                c = _conditional(doc, i, cond, cue, sent, table, statements)
            if c is not None:
                out.append(c)
            i += n
    return out


def _conditional(doc: Doc, i: int, cond: Token, cue: str, sent, table: ActorTable,
                 statements) -> ConditionalInfo | None:
    # the condition clause: from the cue to the end of the condition verb's subtree
    if_start, if_end = i + len(cue.split()), cond.right_edge.i + 1
    main = cond.head
    while main.dep_ not in {"ROOT", "ccomp", "conj", "xcomp"} and main.head.i != main.i:
        if main.pos_ == "VERB" and main.i not in range(if_start, if_end):
            break
        main = main.head
    if main.i in range(i, if_end) or main.i == cond.i:
        return None
    if main.i < i and main.lemma_.lower() in table.lex.reporting_verbs:   # "stressed that in the event that X, Y"
        later = [c for c in main.children if c.i >= if_end and c.dep_ in {"ccomp", "conj", "xcomp", "advcl"}
                 and c.pos_ in {"VERB", "AUX"}]
        if later:
            main = later[0]
            then = (main.left_edge.i, main.right_edge.i + 1)
            return _finish(doc, main, (if_start, if_end), then, cue, sent, table, statements, cond)
    if main.i > if_end:
        then = (if_end, main.right_edge.i + 1)
    else:
        then = (main.left_edge.i, i)
        if then[0] >= then[1]:
            return None
    return _finish(doc, main, (if_start, if_end), then, cue, sent, table, statements, cond)


def _finish(doc: Doc, main: Token, cond_rng, then, cue, sent, table, statements, cond) -> ConditionalInfo:
    skipped = table.lex.words.then_words
    while then[0] < then[1] and (doc[then[0]].is_punct or doc[then[0]].lower_ in skipped):
        then = (then[0] + 1, then[1])
    while then[1] > then[0] and doc[then[1] - 1].is_punct:
        then = (then[0], then[1] - 1)
    actors = subject_actors(table, main)
    return ConditionalInfo(actors[0] if actors else None, cond_rng, then, cue,
                           sent.start_char, sent.end_char, claimed_by(cond, statements), cond.i)


def _otherwise(doc: Doc, i: int, sent, table: ActorTable, statements) -> ConditionalInfo | None:
    """ "X must withdraw, otherwise we will act": if = not(X must withdraw), then = we will act."""
    if i <= sent.start:
        return None
    then = (i + 1, sent.end - (1 if doc[sent.end - 1].is_punct else 0))
    head = next((t for t in doc[then[0]:then[1]] if t.dep_ in {"ROOT", "conj", "ccomp"}), None)
    actors = subject_actors(table, head)
    return ConditionalInfo(actors[0] if actors else None, (sent.start, i), then, "otherwise",
                           sent.start_char, sent.end_char, claimed_by(doc[i], statements), i)


# the spaCy component of find_conditionals(): what it reads from the Doc and where it stores its result
Language.factory("parley_conditionals", default_config={"kb": None},
                 requires=["doc._.parley_actors", "doc._.parley_statements", "doc.sents"],
                 assigns=[doc_attribute("parley_conditionals")],
                 func=component("parley_conditionals", on_claims(find_conditionals)))
