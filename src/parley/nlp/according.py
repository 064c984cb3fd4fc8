"""Two edges of attribution: "according to X" and verbs of telling with only an addressee.

"According to X" gives X the clause it is attached to ("A, according to X." / "According to X,
A."), unless a speech verb before it already has its own speaker ("Y said that A, according to
Reuters": the agency is only the channel). A verb of telling ("told", "assured", the
``addressee_verbs``) whose only content is its object names whom it was said to, not what.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.constructions import coordinated_after
from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import is_quote
from parley.nlp.speech import StatementInfo, make_statement as _make, speaker_for
from parley.nlp.table import ActorTable


def according_to(doc: Doc, tok: Token, table: ActorTable) -> StatementInfo | None:
    """The statement of "according to X" at ``tok`` ("according"): the clause after the phrase when
    it opens the sentence, else the clause before it (and the one coordinated after it)."""
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    sent = tok.sent
    verbs = table.lex.reporting_verbs
    if pobj is None or any(t.lemma_.lower() in verbs and verbs[t.lemma_.lower()].kind == "speech"
                           and any(c.dep_ == "ccomp" for c in t.children) for t in doc[sent.start:tok.i]):
        return None   # "X said that ..., according to Reuters": the agency is the channel, X the speaker;
    # not so "Most would see their taxes rise, according to X": what X says is the whole clause
    speaker, source = speaker_for(table, pobj)
    if speaker is None:
        return None
    phrase_end = max(pobj.right_edge.i, to.i) + 1
    if tok.i <= sent.start + 1 and all(t.is_punct or t.is_space for t in doc[phrase_end:sent.end]):
        # "According to X, the move reeks of fear.": a parse that hangs the clause on X ends at its comma
        phrase_end = next((t.i for t in doc[pobj.i + 1:sent.end] if t.text == ","), phrase_end)
    if tok.i <= sent.start + 1:
        start, end = phrase_end, sent.end
    else:   # "A, according to X, and B": the clause coordinated after the phrase goes on
        start, end = sent.start, tok.i
        after = coordinated_after(doc, tok.head, table.lex) if tok.head.i < tok.i else 0
        end = after if after > phrase_end else end
    while start < end and doc[start].is_punct:
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _make(doc, speaker, "according to", (start, end), False, source, (tok.i, tok.i + 2))


def addressee_only(verb: Token, content: Token, lex: Lexicons) -> bool:
    """Whether a verb of telling has only its addressee, a bare noun phrase, for content: no
    clause, infinitive or "-ing" phrase after it says what was told, and the object is no quote."""
    if content.dep_ != "dobj" or verb.lemma_.lower() not in lex.words.addressee_verbs:
        return False
    if any(is_quote(t) for t in content.subtree):
        return False
    return not any(c.dep_ in {"xcomp", "ccomp"} or c.dep_ == "prep" and any(p.dep_ == "pcomp" for p in c.children)
                   for c in verb.children)
