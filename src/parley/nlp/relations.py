"""Stances between actors: supports, opposes, rejects, accuses, mediates, threatens,
negotiates_with, calls_on — from verbs ("supports Haftar"), nouns ("in support of the
reconciliation government", "his supporters in Moscow", "its ally Ankara", "at the hands of
the Accord"), and the constructions of stances.py ("positions against X", "Iran-backed",
"pro-Haftar", "with the support of X"), with negation, modality and whose claim it is.

Before reading stances, "we" and "our" are resolved to the speaker's or the publisher's side
(stances.first_person), and the actor table keeps those mentions for the later extractors.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.models import Relation
from parley.nlp.attitudes import adjective_pairs
from parley.nlp.components import component, doc_attribute, on_claims
from parley.nlp.facts import Chunk, unique
from parley.nlp.lexicon import Lexicons
from parley.nlp.statements import StatementInfo
from parley.nlp.stances import (against_pairs, clause_actors, elaborated, first_person, given_support, heads,
                                helpers, hyphen_holder, hyphen_pairs, means_agents, mutual_pairs, participle_pairs,
                                patient_pairs, prefix_pairs)
from parley.nlp.syntax import (claimed_by, list_actors, modality, negated, participle_agents, phrase_actors,
                               subject_actors, subject_of)
from parley.nlp.table import ActorTable



@dataclass
class RelationInfo:
    source: str
    type: str
    target: str
    cue: str
    token: int
    negated: bool
    modality: str
    claimed_by: str | None
    start: int      # evidence: the sentence
    end: int

    def to_model(self, chunk: Chunk) -> Relation:
        """The contract's Relation, with its evidence sentence at article offsets."""
        return Relation(self.source, self.type, self.target, chunk.text(self.start, self.end),
                        *chunk.chars(self.start, self.end), self.claimed_by, self.negated, self.modality, self.cue)


def find_relations(doc: Doc, table: ActorTable, statements: list[StatementInfo], lex: Lexicons) -> list[RelationInfo]:
    """All stance relations in ``doc``.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        statements: its statements (whose claim a relation is).
        lex: the lexicons (stance cues, negation, modality).

    Returns:
        The relations in token order, each (source, type, target, cue token) once.
    """
    first_person(table, statements)
    out: list[RelationInfo] = []
    for tok in doc:
        out.extend(_construction(doc, tok, table, statements, lex))
        if tok.pos_ == "ADJ" and (tok.lemma_.lower(), "ADJ") in lex.stance:
            rel, preps = lex.stance[(tok.lemma_.lower(), "ADJ")]
            out.extend(_emit(tok, adjective_pairs(tok, table, preps), rel, table, statements))
            continue
        pos = _pos(tok, lex)
        key = (tok.lemma_.lower(), pos)
        if pos is None:
            continue
        if key == ("accept", "VERB") and negated(tok, lex):
            pairs = _verb_pairs(tok, table)
            out.extend(_emit(tok, pairs, "rejects", table, statements, negate=False))
            continue
        if pos == "VERB" and tok.lemma_.lower() in lex.words.opposed_when_negated and negated(tok, lex):
            pairs = _verb_pairs(tok, table) or [   # "we will not allow ISIL to ...", ISIL parsed as the clause's subject
                (s, t) for s in subject_actors(table, tok) for c in tok.children if c.dep_ in {"ccomp", "xcomp"}
                for x in c.children if x.dep_ == "nsubj" for t in phrase_actors(table, x)]
            out.extend(_emit(tok, pairs, "opposes", table, statements, negate=False))
            continue
        if key not in lex.stance:
            continue
        rel, direction = lex.stance[key]
        if direction == "negating":
            continue
        if pos == "VERB":
            pairs = _verb_pairs(tok, table, rel, direction)
        elif direction == "hands":
            pairs = _hands_pairs(tok, table)
        elif direction == "obj->subj":
            pairs = _agent_noun_pairs(tok, table)
        elif direction == "patient":
            pairs = patient_pairs(tok, table)
        else:
            pairs = (mutual_pairs(tok, table) if direction == "mutual" else []) or _noun_pairs(tok, table)
        if rel == "calls_on" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) \
                and tok.lemma_ == "call":
            continue
        out.extend(_emit(tok, pairs, rel, table, statements))
    return unique(out, key=lambda r: (r.source, r.type, r.target, r.token))


def _pos(tok: Token, lex: Lexicons) -> str | None:
    """VERB or NOUN; a stance noun the tagger took for a verb ("a series of U.S. airstrikes":
    a plural noun in an argument slot) is a noun."""
    if tok.pos_ in {"VERB", "AUX"}:
        if tok.tag_ == "VBZ" and tok.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"} \
                and (tok.lemma_.lower(), "NOUN") in lex.stance:
            return "NOUN"
        return "VERB"
    return "NOUN" if tok.pos_ in {"NOUN", "PROPN"} else None


def _construction(doc: Doc, tok: Token, table: ActorTable, statements, lex: Lexicons):
    """Stances that no cue word's own arguments give: "positions against X", "pro-X forces"."""
    cue_head = (tok.head.lemma_.lower(), "NOUN") in lex.stance or (tok.head.lemma_.lower(), "VERB") in lex.stance
    if tok.lower_ == "against" and tok.dep_ == "prep" and (not cue_head or elaborated(tok)):
        carrier, pairs = against_pairs(tok, table)
        if carrier is not None:
            yield from _emit(carrier, pairs, "opposes", table, statements, cue="against")
    prefix = lex.stance.get((tok.lower_, "PREFIX"))
    if prefix is not None:
        yield from _emit(tok, prefix_pairs(tok, table), prefix[0], table, statements)


def _emit(tok: Token, pairs, rel: str, table: ActorTable, statements, negate: bool | None = None,
          cue: str | None = None):
    lex = table.lex
    sent = tok.sent
    neg = negated(tok, lex) if negate is None else negate
    mod = modality(tok, lex)
    claim = claimed_by(tok, statements)
    for src, tgt in pairs:
        if src is None or tgt is None or tgt.startswith("pronoun:"):
            continue   # a stance toward a pronoun no rule resolved says nothing of whom
        if src and tgt and src != tgt:
            yield RelationInfo(src, rel, tgt, cue or tok.lemma_.lower(), tok.i, neg, mod, claim,
                               sent.start_char, sent.end_char)


def _verb_pairs(verb: Token, table: ActorTable, rel: str = "", direction: str = "") -> list[tuple[str, str]]:
    """ "X backs Y", "Y is backed by X", "the regime, which X backs", "troops fighting X",
    "Iran-backed Houthis", "the campaign to defeat X" (the campaign's owner), "seized Z from X"."""
    hyphen = hyphen_pairs(verb, table)
    if hyphen:
        return hyphen
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(p.lemma_.lower() in table.lex.words.part_nouns
                                                         for p in c.children) for c in verb.children):
        return []   # "recognised Karabakh as part of Azerbaijan" backs Azerbaijan's claim, not Karabakh
    subj = subject_of(verb, table.lex)
    sources = clause_actors(table, subj, verb) if subj is not None and subj.dep_ != "nsubjpass" else []
    if not sources:   # a misparse with two subjects ("Near Rawah, two strikes engaged ..."): the one naming an actor
        sources = next((a for c in verb.children if c.dep_ == "nsubj" and c is not subj
                        for a in [phrase_actors(table, c)] if a), [])
    if not sources and verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.pos_ == "NOUN":
        sources = _noun_owner(verb.head, table) or (phrase_actors(table, verb.head.head)
                                                    if verb.head.dep_ == "appos" else [])
    if not sources and verb.dep_ == "pcomp" and verb.head.head.pos_ == "NOUN":   # "our commitment to combating X"
        sources = _noun_owner(verb.head.head, table)
    if not sources and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":   # "X is ready to fight Y"
        sources = _predicate_holders(verb.head.head, table)
    target_preps = table.lex.words.target_preps | ({"from"} if rel == "opposes" else set())
    if rel == "supports":   # "backed X against Y": Y is who X is backed against, not backed
        target_preps -= {"against"}
    # "was captured by X with the aid of Y", "supported X with air strikes": "with" is a means
    means = any(c.dep_ in {"agent", "nsubjpass", "auxpass", "dobj", "dative"} for c in verb.children)
    passive = any(c.dep_ in {"agent", "nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children))
    targets: list[str] = []
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"}:
            targets += _object_targets(c, table, direction)
        elif c.dep_ == "prep" and c.lower_ in target_preps and not (c.lower_ == "with" and means) \
                and not (direction == "recipient" and c.lower_ not in {"to", "for"}):
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += phrase_actors(table, p)
        elif c.dep_ == "ccomp" and c.tag_ == "VBG" and direction not in {"from", "recipient"} \
                and not any(x.dep_ in {"aux", "mark"} for x in c.children):
            # "welcomed soldiers visiting from X", parsed as a clause: its subject is the object
            targets += [a for x in c.children if x.dep_ == "nsubj" for a in phrase_actors(table, x)]
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    sources = phrase_actors(table, p)
        elif c.dep_ == "nsubjpass":
            targets += clause_actors(table, c, verb)
    if passive and not any(c.dep_ == "agent" for c in verb.children):   # no "by X" of its own: not the head's
        sources = means_agents(verb, table)   # "was killed in a raid (conducted) by X"
    if passive and not targets and verb.dep_ == "conj":   # "he was bombed and killed by X"
        targets = [a for c in verb.head.children if c.dep_ == "nsubjpass" for a in clause_actors(table, c, verb.head)]
    sources += helpers(verb, table)
    extra_sources, extra_targets = participle_pairs(verb, table, targets)
    sources, targets = sources + extra_sources, targets + extra_targets
    return [(s, t) for s in sources for t in targets]


def _object_targets(obj: Token, table: ActorTable, direction: str) -> list[str]:
    """The targets an object names: itself ("backed X"), the recipient ("provided masks to X",
    parsed as a dative; "provided X with Y"), or whose the object is ("condemned X's attack",
    "retook villages held by X")."""
    if obj.dep_ == "dative" and obj.pos_ == "ADP":
        return [a for p in obj.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if direction == "recipient":   # not "an overview of Z"
        return heads(table, obj)
    if direction == "from":   # who held it
        return _object_owner(obj, table, holders_only=True)
    return phrase_actors(table, obj) or _object_owner(obj, table)


def _predicate_holders(copula: Token, table: ActorTable) -> list[str]:
    """Who "is ready / determined / critical to" do something: the copula's subject, or the
    parties of a mutual subject ("a strong U.S.-Iraq partnership is critical to finish X")."""
    subj = subject_of(copula, table.lex)
    if subj is None:
        return []
    parties = [a for a, _ in mutual_pairs(subj, table)]
    return list(dict.fromkeys(parties)) or clause_actors(table, subj, copula)


def _object_owner(obj: Token, table: ActorTable, holders_only: bool = False) -> list[str]:
    """Whose act or holding the object is: "condemned the attack by X", "destroyed X-held
    buildings", "retook areas held by X" (and its conjuncts: "destroyed two bridges and an
    X-held depot")."""
    out: list[str] = []
    nouns = [obj] + [c for c in obj.children if c.dep_ == "conj"]
    nouns += [p for n in list(nouns) for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]   # "square kilometres of territory held by X"
    for noun in nouns:
        if not holders_only:
            out += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
        out += [a for c in noun.children if c.tag_ == "VBN" for a in [hyphen_holder(c, table)] if a]
        out += participle_agents(table, noun)   # "retook territory (previously) held by X": who is fought
    return list(dict.fromkeys(out))


def _noun_owner(noun: Token, table: ActorTable) -> list[str]:
    """Who holds a nominal stance: a possessor or adjective ("Turkish support"), or the owner
    of the noun it qualifies ("the Turkish position in support of")."""
    for tok in (noun, noun.head.head if noun.head.dep_ == "prep" else None):
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and table.actor_of(c):
                return [table.actor_of(c)]
    for anc in noun.ancestors:   # the subject of the clause the noun sits in
        if anc.dep_ == "relcl":
            break
        if anc.pos_ in {"VERB", "AUX"}:
            subj = subject_of(anc, table.lex)
            if subj is not None:
                return clause_actors(table, subj, anc)
            if anc.dep_ not in {"acl", "advcl", "xcomp", "conj", "pcomp"}:
                break
        if anc.dep_ == "ccomp":
            break
    return []


def _noun_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "X's support for Y"; with a light verb, "X conducted strikes ... against Y"."""
    words = table.lex.words
    if table.lex.stance.get((noun.lemma_.lower(), "NOUN"), ("",))[0] == "supports":
        given = given_support(noun, table)
        if given is not None:
            return given
    sources = _noun_owner(noun, table)
    holders = [noun]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.light_verbs:
        holders.append(noun.head)
    targets: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in words.target_preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += phrase_actors(table, p)
    if not targets and len(holders) > 1:   # "deliver ISIL a defeat", "against ISIL" anywhere in the clause
        targets = [a for c in holders[-1].children if c.dep_ == "dative" for a in phrase_actors(table, c)]
        targets = targets or [a for p in _clause_preps(holders[-1], "against") for a in phrase_actors(table, p)]
    return [(s, t) for s in sources for t in dict.fromkeys(targets)]


def _clause_preps(verb: Token, word: str) -> list[Token]:
    """Objects of the preposition ``word`` anywhere in a clause, not inside nested clauses."""
    out, stack = [], list(verb.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in {"relcl", "ccomp"} or tok.dep_ == "advcl" and tok.tag_ != "VBG":
            continue
        if tok.dep_ == "prep" and tok.lower_ == word:
            out += [p for p in tok.children if p.dep_ == "pobj"]
        stack.extend(tok.children)
    return out


def _agent_noun_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "his supporters in Moscow" / "its ally Ankara": the named ones support the possessor."""
    supported = [table.actor_of(c) for c in noun.children if c.dep_ == "poss" and table.actor_of(c)]
    holders: list[str] = []
    for c in noun.children:
        if c.dep_ in {"appos", "compound"} or (c.dep_ == "prep" and c.lower_ in table.lex.words.holder_preps):
            for t in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]):
                holders += list_actors(table, t)
        if c.dep_ == "prep" and c.lower_ == "of":
            supported += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if noun.dep_ == "appos":
        holders += phrase_actors(table, noun.head)
    if noun.head.dep_ == "appos" or noun.dep_ == "compound":
        holders += [a for a in [table.actor_of(noun.head)] if a]
    return [(h, s) for h in holders for s in supported]


def _hands_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "losses that Haftar suffered at the hands of the Accord": the Accord opposes Haftar."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return []
    agents = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    verb = noun.head.head
    victims = subject_actors(table, verb if verb.pos_ in {"VERB", "AUX"} else None)
    return [(a, v) for a in agents for v in victims]


# the spaCy component of find_relations(): what it reads from the Doc and where it stores its result
Language.factory("parley_relations", default_config={"kb": None},
                 requires=["doc._.parley_actors", "doc._.parley_statements"],
                 assigns=[doc_attribute("parley_relations")],
                 func=component("parley_relations", on_claims(find_relations)))
