"""Stance constructions that carry no stance word of their own, or whose parties sit outside
the cue's own arguments: "positions against X" (the clause's subject opposes X), "Iran-backed
Houthis", "pro-Haftar forces", "with the support of X, Y ...", "support provided by X", a
relative or participle clause ("the regime, which is backed by Moscow", "troops fighting X"),
and "we" in a statement (the speaker's side).

Each function returns (source, target) actor pairs; relations.py turns them into relations.
"""
from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.syntax import CLAUSE_DEPS, claimed_by, phrase_actors, subject_actors, subject_of
from parley.nlp.table import ActorTable

_RELATIVE_TAGS = {"WDT", "WP"}


def named(table: ActorTable, tok: Token) -> str | None:
    """The actor a word names on its own: its mention, or, when the word is only a modifier
    inside another actor's mention ("Iran" of "Iran-backed Houthis"), the actor named by that
    word elsewhere in the text."""
    aid = table.actor_of(tok)
    if aid is None or tok.pos_ != "PROPN":
        return aid
    own = [(s, e) for s, e in table.actors[aid].tokens if s <= tok.i < e] if aid in table.actors else []
    if not own or own[0] == (tok.i, tok.i + 1):
        return aid
    return same_name(table, tok, aid)


def same_name(table: ActorTable, tok: Token, other_than: str | None = None) -> str | None:
    """The actor some other mention of the text names with exactly this word."""
    for actor in table:
        if actor.id != other_than and any(text == tok.text for _, _, text in actor.mentions):
            return actor.id
    return None


def clause_actors(table: ActorTable, tok: Token, verb: Token | None) -> list[str]:
    """Actors of a subject or object phrase; a relative pronoun stands for the noun its clause
    modifies ("the regime, which is backed by Moscow")."""
    if tok.tag_ in _RELATIVE_TAGS and verb is not None and verb.dep_ == "relcl":
        return phrase_actors(table, verb.head)
    return phrase_actors(table, tok)


def participle_pairs(verb: Token, table: ActorTable, targets: list[str]) -> tuple[list[str], list[str]]:
    """A participle modifying a noun: "troops fighting X" (the noun holds the stance), "forces
    backed by X" (the noun is its target). Returns extra (sources, targets)."""
    if verb.dep_ != "acl" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return [], []
    noun = phrase_actors(table, verb.head)
    if verb.tag_ == "VBN":
        return [], noun
    return (noun, []) if targets else ([], [])


def hyphen_holder(word: Token, table: ActorTable) -> str | None:
    """The actor before the hyphen of a participle modifier ("Iran" of "Iran-backed", "ISIL" of
    "ISIL-held")."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].text not in {"-", "\u2010", "\u2011"} or word.dep_ not in {"amod", "compound"}:
        return None
    return named(table, doc[word.i - 2])


def hyphen_pairs(word: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "Iran-backed Houthis": the actor before the hyphen backs the noun the participle modifies."""
    holder = hyphen_holder(word, table)
    head = word.head
    target = table.actor_of(head) or (phrase_actors(table, head)[:1] or [None])[0] if holder else None
    return [(holder, target)] if holder and target else []


def prefix_pairs(word: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "pro-Haftar forces" / "anti-Houthi tribes": the noun holds the stance toward the name
    after the hyphen."""
    doc = word.doc
    if word.i + 2 >= len(doc) or doc[word.i + 1].text not in {"-", "\u2010", "\u2011"}:
        return []
    target = named(table, doc[word.i + 2])
    noun = next((c for c in (word.head, doc[word.i + 2].head)
                 if c.i > word.i + 2 and c.pos_ in {"NOUN", "PROPN"}), None)
    holder = table.actor_of(noun) if noun is not None else None
    return [(holder, target)] if holder and target and holder != target else []


def against_pairs(prep: Token, table: ActorTable) -> tuple[Token | None, list[tuple[str, str]]]:
    """ "Iraqi forces maintained their positions against ISIL fighters": the subject of the
    clause (or the possessor or modifier of the noun the phrase hangs on) opposes the object.
    Returns the token that carries the stance (for negation and modality) and the pairs."""
    targets = [a for p in prep.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if not targets:
        return None, []
    node = elaborated(prep) or prep.head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and node.dep_ not in CLAUSE_DEPS:
        owners = [a for c in node.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                  for a in [named(table, c)] if a]
        if owners:
            return node, [(s, t) for s in owners for t in targets]
        if node.dep_ in {"nsubj", "nsubjpass"}:
            break
        node = node.head
    if node.pos_ not in {"VERB", "AUX"}:
        return None, []
    subj = subject_of(node, table.lex)
    undergoer = subj is not None and subj.dep_ == "nsubjpass" and (node.lemma_.lower(), "VERB") in table.lex.stance
    sources = clause_actors(table, subj, node) if subj is not None and not undergoer else []
    return node, [(s, t) for s in sources for t in targets if s != t]


def elaborated(prep: Token) -> Token | None:
    """ "their fight against terrorism, in particular against ISIL": a phrase that narrows an
    earlier one of the sentence hangs, in meaning, where that one does."""
    doc = prep.doc
    before = {t.lower_ for t in doc[max(prep.sent.start, prep.i - 3):prep.i]}
    if not before & {"particular", "especially", "notably", "particularly", "including"}:
        return None
    earlier = [t for t in doc[prep.sent.start:prep.i] if t.lower_ == prep.lower_ and t.dep_ == "prep"]
    return earlier[-1].head if earlier else None


def mutual_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """Both ways between the parties a mutual noun names: "the Iran-Iraq war", "cooperation
    between X and Y"."""
    doc = noun.doc
    parties: list[str] = []
    i = noun.i - 1
    while i >= noun.sent.start and (doc[i].dep_ in {"compound", "nmod", "amod", "punct"} and doc[i].head.i >= i):
        aid = named(table, doc[i]) if not doc[i].is_punct else None
        if aid and aid not in parties:
            parties.append(aid)
        i -= 1
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}:
            parties += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        return []
    return [(a, b) for a in parties for b in parties if a != b]


def means_agents(verb: Token, table: ActorTable) -> list[str]:
    """Who acted in a passive whose agent is an act: "killed in a raid by X", "struck by a
    coalition airstrike"."""
    lex = table.lex
    out: list[str] = []
    for c in verb.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "by"}:
            for act in (p for p in c.children if p.dep_ == "pobj"):
                if lex.stance.get((act.lemma_.lower(), "NOUN"), ("",))[0] != "opposes":
                    continue
                bys = [g for g in act.children if g.dep_ in {"prep", "agent"} and g.lower_ == "by"]
                bys += [g for v in act.children if v.dep_ == "acl" for g in v.children if g.dep_ == "agent"]
                out += [a for g in bys for p in g.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
                out += [a for m in act.children if m.dep_ in {"compound", "amod", "poss"}
                        for a in [named(table, m)] if a]
    return list(dict.fromkeys(out))


def given_support(noun: Token, table: ActorTable) -> list[tuple[str, str]] | None:
    """Support given by someone to the subject of the clause: "with the support of X, Y ...",
    "support provided by X", "support from X". None when the noun is not of that kind."""
    givers = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
              for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    for c in noun.children:   # "the support provided by X"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            givers += [a for g in c.children if g.dep_ == "agent"
                       for p in g.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if noun.dep_ == "pobj" and noun.head.lower_ in {"with", "under"} and not givers:
        givers = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if not givers:
        return None
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}:   # "the SDF, with the support of X,"
        receivers = phrase_actors(table, noun.head.head)
    else:
        verb = noun
        while verb.pos_ not in {"VERB", "AUX", "ADJ"} and verb.head.i != verb.i:
            if verb.dep_ in {"nsubj", "nsubjpass"}:
                return []
            verb = verb.head
        receivers = subject_actors(table, verb.head if verb.dep_ == "acomp" else verb)   # "we are grateful for"
    return [(g, r) for g in givers for r in receivers if g != r]


def first_person(table: ActorTable, statements) -> None:
    """Resolve "I", "me" and "my" in a statement to its speaker, and "we", "our" and "us": in a
    statement, the speaker's side (the organisation the speaker serves, else the speaker); outside any statement, the publisher's voice (the
    organisation that is the subject of the sentence before: "The Coalition complies with ...
    We will continue to ..."). The resolved actor takes the pronoun as a mention of its own, so
    that every later extractor and the analysis read whom it stands for."""
    _first_singular(table, statements)
    for i, aid in list(table.by_token.items()):
        if aid != "pronoun:we":
            continue
        tok = table.doc[i]
        claim = claimed_by(tok, statements)
        if claim is not None and claim.startswith("pronoun:"):
            continue
        if claim is None:
            side = _publisher(tok, table)
        else:
            speaker = table.actors.get(claim)
            side = speaker.affiliation if speaker is not None and speaker.affiliation in table.actors else claim
        if side and side in table.actors:
            actor = table.actors[side]
            table.add_mention(actor, i, i + 1)
            actor.tokens.sort()
            actor.mentions.sort()
            table.by_token[i] = side
            _drop_mention(table, "pronoun:we", i, statements)


def _first_singular(table: ActorTable, statements) -> None:
    """ "I", "me" and "my" in what a named speaker says are that speaker."""
    words = table.lex.words
    for tok in table.doc if statements else ():
        if tok.lower_ not in words.first_singular_pronouns or tok.pos_ != "PRON" or tok.i in table.by_token:
            continue
        inside = [st for st in statements if st.tokens[0] <= tok.i < st.tokens[1]]
        if not inside:
            continue
        speaker = min(inside, key=lambda st: st.tokens[1] - st.tokens[0]).speaker
        actor = table.actors.get(speaker)
        if actor is not None and not speaker.startswith(("pronoun:", "title:")):
            table.add_mention(actor, tok.i, tok.i + 1)
            actor.tokens.sort()
            actor.mentions.sort()


def _drop_mention(table: ActorTable, aid: str, i: int, statements) -> None:
    """The unresolved pronoun actor gives up a mention that now names someone; with none left
    and no statement of its own, it is no actor at all."""
    actor = table.actors.get(aid)
    if actor is None:
        return
    keep = [k for k, (s, _) in enumerate(actor.tokens) if s != i]
    actor.tokens = [actor.tokens[k] for k in keep]
    actor.mentions = [actor.mentions[k] for k in keep]
    if not actor.tokens and not any(st.speaker == aid for st in statements):
        del table.actors[aid]


def _publisher(tok: Token, table: ActorTable) -> str | None:
    sent = tok.sent
    root_subject = next((t for t in sent if t.i < tok.i and t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    own = table.actor_of(root_subject) if root_subject is not None else None
    if own and not own.startswith("pronoun:"):   # "X met Y to reaffirm our commitment": X's side
        return own
    if sent.start == 0:
        return None
    before = tok.doc[sent.start - 1].sent
    for t in before:
        aid = table.by_token.get(t.i) or (same_name(table, t) if t.pos_ == "PROPN" else None)
        # "The X complies": a verb misread as a noun leaves its subject a compound
        subject = t.dep_ == "nsubj" or t.dep_ == "compound" and t.head.pos_ == "NOUN"
        if subject and t.head.dep_ == "ROOT" and aid and not aid.startswith("pronoun:") \
                and table.actors[aid].kind not in {"person", "state"}:
            return aid
    return None


def patient_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "the killing of X by Y", "Y's capture of X": the agent opposes the one it was done to."""
    victims = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" for a in heads(table, p)]
    agents = [a for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
              for p in c.children if p.dep_ == "pobj" for a in heads(table, p)]
    agents += [a for c in noun.children if c.dep_ == "poss" for a in [table.actor_of(c)] if a]
    return [(a, v) for a in agents for v in victims if a != v]


def heads(table: ActorTable, head: Token) -> list[str]:
    """The actors a phrase's head and its conjuncts name, not its modifiers ("Jordanian pilot
    X" is X, "the Islamic State of Iraq" is not Iraq)."""
    out = [table.actor_of(head)] + [table.actor_of(c) for c in head.children if c.dep_ == "conj"]
    return [a for a in dict.fromkeys(out) if a]


def helpers(verb: Token, table: ActorTable) -> list[str]:
    """ "X is helping Y to destroy Z": who helps shares the aim, so X opposes Z too."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:   # "helping X to degrade and destroy Z"
        verb = verb.head
    head = verb.head
    if verb.dep_ not in {"xcomp", "ccomp"} or head.i == verb.i \
            or head.lemma_.lower() not in table.lex.words.helping_verbs:
        return []
    return subject_actors(table, head)
