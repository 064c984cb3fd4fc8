"""What a statement is while the extractors build it, and how its speaker is resolved.

``StatementInfo`` keeps the Doc's own offsets; ``to_model`` gives the contract's Statement.
The rules (``statements.py``), the model's linking (``linking.py``) and the lead-in and issuing-body
cases (``voices.py``) all build statements with :func:`make_statement` and resolve speakers with
:func:`speaker_for`.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.models import Statement
from parley.nlp.facts import Chunk
from parley.nlp.table import ActorTable


@dataclass
class StatementInfo:
    """A statement at the Doc's offsets: speaker, cue lemma, content and the spans naming them."""

    speaker: str
    cue: str
    start: int          # char offsets of the content
    end: int
    direct: bool
    source: tuple[int, int] | None
    cue_span: tuple[int, int] | None
    tokens: tuple[int, int]   # token range of the content
    cue_tokens: tuple[int, int] = (0, 0)
    negated: bool = False

    def to_model(self, chunk: Chunk) -> Statement:
        """The contract's Statement at article offsets, with the speaker's role in this chunk."""
        start, end = chunk.chars(self.start, self.end)
        return Statement(speaker=self.speaker, cue=self.cue, content=chunk.text(self.start, self.end),
                         start=start, end=end, direct=self.direct, source_span=chunk.span(self.source),
                         cue_span=chunk.span(self.cue_span), role=chunk.role_of(self.speaker))


def speaker_for(table: ActorTable, subj: Token) -> tuple[str | None, tuple[int, int]]:
    """The actor a subject phrase names and its span (``ActorTable.speaker``), looking through
    a speech noun to its owner ("confirmed by the statements of X": X); a channel ("Yemeni
    sources", "Israeli media") is a speaker of its own, never the country it names; a relative
    pronoun ("Lind, who said ...") names the phrase its clause modifies."""
    words = table.lex.words
    antecedent = subj.head.head if subj.dep_ in {"nsubj", "nsubjpass"} and subj.head.dep_ == "relcl" else None
    if antecedent is not None and subj.lemma_.lower() in words.relative_words and subj.i not in table.by_token \
            and antecedent.pos_ in {"NOUN", "PROPN"}:   # "Lind, who said that ...": Lind, named by "who"
        speaker, _ = speaker_for(table, antecedent)
        return speaker, (subj.idx, subj.idx + len(subj))
    named = table.actors.get(table.by_token.get(subj.i, ""))
    channel = {subj.lower_, subj.lemma_.lower()} & words.channel_nouns
    if channel and (named is None or named.kind == "state"):
        return table.speaker(subj, modifiers=False)
    if subj.lemma_.lower() in words.speech_nouns and subj.i not in table.by_token:
        for c in subj.children:
            if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in words.speaker_preps:
                inner = c if c.dep_ == "poss" else next((p for p in c.children if p.dep_ == "pobj"), None)
                if inner is not None:
                    return speaker_for(table, inner)
    return table.speaker(subj)


def make_statement(doc: Doc, speaker: str, cue: str, rng: tuple[int, int], direct: bool,
                   source: tuple[int, int] | None, cue_tokens: tuple[int, int]) -> StatementInfo | None:
    """A statement over tokens ``rng`` (None when empty), with its source and cue character spans."""
    s, e = rng
    if e <= s:
        return None
    span, cue_span = doc[s:e], doc[cue_tokens[0]:cue_tokens[1]]
    # a quote that goes on with the last speaker has no reporting words of its own: no cue span
    cue_chars = (cue_span.start_char, cue_span.end_char) if len(cue_span) else None
    return StatementInfo(speaker, cue, span.start_char, span.end_char, direct, source,
                         cue_chars, (s, e), cue_tokens)
