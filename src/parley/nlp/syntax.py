"""Syntax helpers the extractors share: subjects, the actors of a phrase, content ranges,
negation, modality and whose claim a token is part of."""
from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import is_quote
from parley.nlp.table import ActorTable

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "parataxis"}


class Claim(Protocol):
    """What :func:`claimed_by` reads of a statement."""

    speaker: str
    tokens: tuple[int, int]
    cue_tokens: tuple[int, int]


# -- subjects ---------------------------------------------------------------------------------
def subject_of(verb: Token, lex: Lexicons, *, inherit: bool = False, depth: int = 0) -> Token | None:
    """The subject of a verb, inherited through conj / participle / xcomp links.

    Args:
        verb: the verb (or noun) whose subject is wanted.
        lex: the lexicons.
        inherit: a participle ("..., saying that") or a conjoined reporting verb without a
            subject takes the subject of the speech verb above it.
        depth: how many links have been followed (at most 4).

    Returns:
        The subject token, the object of a control verb ("called on Moscow to ..."), the agent
        of a passive, or None.
    """
    if verb.dep_ == "xcomp" and not any(c.dep_ in SUBJECTS for c in verb.children):
        controller = _controller(verb)
        if controller is not None:
            return controller
    if inherit:
        subj = _speaker_above(verb, lex)
        if subj is not None:
            return subj
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":   # "X was quoted (by Y) as saying ..."
        quoted = verb.head.head
        if quoted.lemma_.lower() in lex.words.quote_verbs:
            subj = next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                return subj
    for child in verb.children:   # a passive's agent is the one who speaks
        if child.dep_ == "agent":
            for p in child.children:
                if p.dep_ == "pobj":
                    return p
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:   # "The Latest: Trump urges ...": the subject nearest the verb
        return max((c for c in subjects if c.i < verb.i), key=lambda c: c.i, default=subjects[0])
    if depth < 4 and verb.dep_ in {"conj", "advcl", "xcomp", "acl"} and verb.head.i != verb.i:
        return subject_of(verb.head, lex, depth=depth + 1)
    return None


def _controller(verb: Token) -> Token | None:
    """Object control: "called on Moscow to ...", "urged X to ..."."""
    for c in verb.head.children:
        if c.dep_ == "dobj" and c.i < verb.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "on" and verb.head.i < c.i < verb.i:   # not "On Monday, X tried to"
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _speaker_above(verb: Token, lex: Lexicons) -> Token | None:
    """The subject of the speech verb above a subjectless participle or conjoined cue."""
    own_cue = verb.lemma_.lower() in lex.reporting_verbs
    if not (verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"} or own_cue and verb.dep_ == "conj") \
            or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    for anc in verb.ancestors:
        cue = lex.reporting_verbs.get(anc.lemma_.lower())
        if cue is not None and cue.kind == "speech" and anc.pos_ == "VERB":
            subj = subject_of(anc, lex)
            if subj is not None:
                return subj
    return None


# -- actors of a phrase -----------------------------------------------------------------------
def phrase_actors(table: ActorTable, head: Token, *, skip_clauses: bool = True) -> list[str]:
    """Actors named in the phrase headed by ``head`` (itself, conjuncts, "of"-phrases)."""
    out: list[str] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        aid = table.actor_of(tok)
        if aid and aid not in out:
            out.append(aid)
        for child in tok.children:
            if skip_clauses and child.dep_ in CLAUSE_DEPS - {"conj"}:
                continue
            if child.dep_ in {"det", "punct", "cc", "amod"} and child.i not in table.by_token:
                continue
            if child.dep_ == "npadvmod" and child.i < tok.i and child.is_sent_start:
                continue   # a dateline misparsed into the phrase ("BAGHDAD - X provided ...")
            if child.dep_ == "prep" and child.lower_ not in table.lex.words.party_preps:
                continue   # "the proposal for a truce in Yemen" does not name Yemen as a party
            stack.append(child)
    return out



def participle_agents(table: ActorTable, noun: Token) -> list[str]:
    """The agent of a past participle on a noun: "the support provided by X", "territory held
    by X"."""
    return [a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            for g in c.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
            for a in phrase_actors(table, p)]

def subject_actors(table: ActorTable, verb: Token | None) -> list[str]:
    """Actors named by the subject of ``verb`` (none without a verb or a subject)."""
    subj = subject_of(verb, table.lex) if verb is not None else None
    return phrase_actors(table, subj) if subj is not None else []


def list_actors(table: ActorTable, head: Token) -> list[str]:
    """Actors of a phrase and of an enumeration that continues it ("in Moscow, Cairo and Abu
    Dhabi"), read left to right so that a misattached list member is not lost."""
    out = phrase_actors(table, head)
    doc = head.doc
    i = head.right_edge.i + 1
    while i < head.sent.end:
        tok = doc[i]
        aid = table.by_token.get(i)
        if aid:
            if aid not in out:
                out.append(aid)
        elif tok.text not in table.lex.words.list_separators:
            break
        i += 1
    return out


# -- content ----------------------------------------------------------------------------------
def content_range(doc: Doc, head: Token, cue: Token, lex: Lexicons) -> tuple[int, int]:
    """Token range of a content phrase, cut before a following reporting verb of the same
    speaker ("stressed that X, and clarified that Y") and without a leading "that"."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    if head.dep_ == "ccomp":   # "stressed that in the event that X, Y": two clauses, one content
        end = _coordinated_content_end(head, cue, end, lex)
    while start < end and (doc[start].dep_ == "mark" and doc[start].lower_ in lex.words.content_marks
                           or doc[start].is_punct and not is_quote(doc[start])):
        start += 1
    for t in doc[start:end]:
        if t.i > start and t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() in lex.reporting_verbs \
                and not any(c.dep_ in SUBJECTS for c in t.children) and _says_a_clause(t, lex):
            cut = t.i
            while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                cut -= 1
            end = min(end, cut)
            break
    end = without_aside(doc, start, end, lex, cue)
    while end > start + 1 and (doc[end - 1].is_punct and not is_quote(doc[end - 1])
                               or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def without_aside(doc: Doc, start: int, end: int, lex: Lexicons, cue: Token | None = None) -> int:
    """The end of a content before a comma-set-off aside that closes it: a "which"/"who" clause,
    an appositive, a participle ("..., leaving X"; "..., arguing that B", a statement of its own,
but not "stressed A, stressing B") or an "although"/"when" clause (``aside_marks``)."""
    words = lex.words
    for k in range(start + 4, end - 2):
        if doc[k].text != "," or is_quote(doc[k - 1]):
            continue
        t = unit = doc[k + 1]
        while unit.head.i != unit.i and unit.head.left_edge.i > k:
            unit = unit.head
        if unit.left_edge.i != t.i or not start <= unit.head.i < k \
                or any(not x.is_punct for x in doc[unit.right_edge.i + 1:end]):
            continue
        if unit.dep_ in {"relcl", "advcl"} and t.lower_ in words.relative_words | {"whose"} and t.lower_ != "that" \
                or unit.dep_ == "appos" \
                or unit is t and t.tag_ == "VBG" and unit.dep_ in {"advcl", "acl", "xcomp"} \
                and (t.lemma_.lower() not in lex.reporting_verbs or _new_cue(t, cue)) \
                or unit.dep_ == "advcl" and t.dep_ in {"mark", "advmod"} and t.lower_ in words.aside_marks:
            return k
    return end


def _new_cue(part: Token, cue: Token | None) -> bool:
    """Whether a reporting participle after a content has a content of its own and is not the
    cue said again ("said A, adding that B" / "stressed A, stressing B")."""
    return cue is not None and part.lemma_.lower() != cue.lemma_.lower() \
        and any(c.dep_ in {"ccomp", "dobj"} for c in part.children)


def _says_a_clause(verb: Token, lex: Lexicons) -> bool:
    """Whether a conjoined speech verb opens a content of its own ("and clarified that B"), as
    opposed to a verb of the content ("didn't support or flatly contradicted half of it", "are not
    serious but only want to gain time")."""
    if lex.reporting_verbs[verb.lemma_.lower()].kind != "speech":
        return False
    return any(c.dep_ in {"ccomp", "parataxis"} or c.dep_ == "xcomp" and c.i > verb.i
               or any(m.dep_ == "mark" and m.lower_ in lex.words.content_marks for m in c.children)
               and c.i > verb.i and c.pos_ in {"VERB", "AUX"}
               or c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in lex.words.content_preps
               for c in verb.children)


def _coordinated_content_end(head: Token, cue: Token, end: int, lex: Lexicons) -> int:
    """The end of a that-clause content with the clauses coordinated with it ("..., and that B")."""
    for sib in cue.children:
        if sib.dep_ == "ccomp" and sib.i > head.i and sib.left_edge.i <= end + 1:
            end = max(end, sib.right_edge.i + 1)
        elif sib.dep_ == "conj" and sib.i > head.i and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in sib.children) \
                and sib.lemma_.lower() not in lex.reporting_verbs:
            end = max(end, sib.right_edge.i + 1)
    return end


# -- negation, modality, claims ---------------------------------------------------------------
def _negated_here(tok: Token, lex: Lexicons) -> bool:
    return any(c.dep_ in {"neg", "det", "advmod"} and c.lower_ in lex.negation for c in tok.children)


def negated(tok: Token, lex: Lexicons) -> bool:
    """Whether a cue is negated: "does not back", "no support", "stopped supporting",
    "abandon its support" — and "will never abandon its support" is support again."""
    own = _negated_here(tok, lex)
    head = tok.head
    if tok.dep_ in {"dobj", "xcomp", "pcomp"} and head.lemma_.lower() in lex.words.ending_verbs:
        return own != (not _negated_here(head, lex))
    return own or tok.dep_ in {"dobj", "pobj"} and _negated_here(head, lex)


def modality(tok: Token, lex: Lexicons) -> str:
    """asserted | hypothetical | conditional | future, from auxiliaries and "if"-clauses."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    marks = lex.words.condition_marks
    chain = [verb] + list(verb.ancestors)[:2]
    for v in chain:
        if any(c.dep_ in {"advcl"} and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in v.children):
            return "conditional"
        if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in v.children):
            return "hypothetical"
    for c in verb.children:
        if c.dep_ in {"aux", "advmod"} and c.lemma_.lower() in lex.modality:
            return lex.modality[c.lemma_.lower()]
    return "asserted"


def claimed_by(tok: Token, statements: list[Claim]) -> str | None:
    """The speaker of the innermost statement whose content holds the token, or of a statement
    whose cue the token's clause is coordinated with ("X stressed A, and it supports B")."""
    inside = [s for s in statements if s.tokens[0] <= tok.i < s.tokens[1]]
    if inside:
        return min(inside, key=lambda s: s.tokens[1] - s.tokens[0]).speaker
    cues = {s.cue_tokens[0]: s.speaker for s in statements if s.cue_tokens[1] > s.cue_tokens[0]}
    node = tok
    while node.head.i != node.i and node.dep_ not in {"relcl", "advcl", "ccomp"}:
        node = node.head
        if node.dep_ not in {"conj", "ROOT"} and node.pos_ in {"VERB", "AUX"}:
            continue
        if node.i in cues and node.i < tok.i:
            return cues[node.i]
    return None
