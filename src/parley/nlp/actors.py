"""Actors: mentions grouped by rules (no coreference model ships offline).

Rules, in order: a knowledge-base id; a surname or transliterated variant of a person seen
in the document ("Fedorov" -> "Andrei Fedorov", "Al-Zawi" -> "Gabriel Al-Zoui"); a title-only
phrase ("the Turkish minister") -> the person holding that title here or in the KB's offices;
roles and affiliations from appositions and premodifiers. Pronouns are resolved on demand
by ``ActorTable.antecedent`` (used by the statement and relation extractors).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from parley.knowledge.kb import KnowledgeBase
from parley.knowledge.translit import same_name
from parley.nlp.lexicon import Lexicons
from parley.nlp.mentions import MentionInfo

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their"}


@dataclass
class ActorBuild:
    """An actor being assembled from its mentions."""

    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    mentions: list[tuple[int, int, str]] = field(default_factory=list)   # char spans
    tokens: list[tuple[int, int]] = field(default_factory=list)          # token spans


@dataclass
class ActorTable:
    """The actors of one Doc and a token -> actor index."""

    doc: Doc
    actors: dict[str, ActorBuild] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)   # country code -> state actor id

    def add_mention(self, actor: ActorBuild, start: int, end: int) -> None:
        span = self.doc[start:end]
        if any(s == start for s, _ in actor.tokens):
            return
        actor.tokens.append((start, end))
        actor.mentions.append((span.start_char, span.end_char, span.text))
        for i in range(start, end):
            self.by_token.setdefault(i, actor.id)

    def actor_of(self, token: Token | None) -> str | None:
        """The actor a token belongs to, through its own mention or a pronoun."""
        if token is None:
            return None
        if token.i in self.by_token:
            return self.by_token[token.i]
        if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self.antecedent(token)
        return None

    def actor_in(self, token: Token) -> str | None:
        """The actor named by the phrase headed by ``token`` (its own mention, else one inside)."""
        own = self.actor_of(token)
        if own:
            return own
        for t in token.subtree:
            if t.i in self.by_token and t.head.i == token.i and t.dep_ in {"compound", "amod", "poss", "nmod"}:
                return self.by_token[t.i]
        for t in token.children:
            if t.dep_ == "prep" and t.lower_ == "of":
                for p in t.children:
                    if p.dep_ == "pobj":
                        return self.actor_of(p) or None
        return None

    def antecedent(self, token: Token) -> str | None:
        """Most recent compatible actor before a pronoun, preferring subjects, within 3 sentences.

        A possessive inside a coordination points to the first conjunct ("the Al-Wefaq
        government and its ally Ankara": its = the Al-Wefaq government).
        """
        want_person = token.lower_ in PERSON_PRONOUNS
        if token.lower_ in {"they", "them", "their"}:
            group = self._coordinated_before(token)
            if group:
                return group
        owner = token.head
        if token.dep_ == "poss" and owner.dep_ == "conj" and owner.head.i < token.i:
            first = self.by_token.get(owner.head.i)
            if first and (self.actors[first].kind == "person") == want_person:
                return first
        sent = token.sent
        lower = sent.start
        for _ in range(5):
            if lower == 0:
                break
            lower = self.doc[lower - 1].sent.start
        best, best_score = None, -1.0
        for i in range(token.i - 1, lower - 1, -1):
            aid = self.by_token.get(i)
            if not aid or self.by_token.get(i + 1) == aid and i + 1 < token.i:
                continue   # score each mention once, at its last token
            actor = self.actors[aid]
            if (actor.kind == "person") != want_person or actor.kind == "other":
                continue
            score = _salience(self.doc[i]) + (2.0 if self.doc[i].sent.start == sent.start else 0)
            if score > best_score:
                best, best_score = aid, score
        return best
        return best

    def _coordinated_before(self, token: Token) -> str | None:
        """ "X and its ally Y, and they ...": a plural pronoun points to a coordination of actors
        (represented by its first member) in the same or the previous sentence."""
        start = self.doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
        for i in range(token.i - 1, start - 1, -1):
            tok = self.doc[i]
            first = self.by_token.get(tok.head.i)
            if tok.dep_ == "conj" and first and any(
                    self.by_token.get(t.i) not in (None, first) for t in tok.subtree):
                if self.actors[first].kind != "person":
                    return first
        return None

    def state_of(self, actor_id: str | None) -> str | None:
        """The state actor id of an actor's country, when that state is known."""
        actor = self.actors.get(actor_id or "")
        if actor is None:
            return None
        if actor.kind == "state":
            return actor.id
        return self.states.get(actor.country or "")


def _salience(tok: Token) -> float:
    """How likely a mention is to be picked up by a later pronoun: speakers of reporting
    verbs, then subjects of main clauses, then other subjects, then anything else."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return 1.0
    verb = tok.head
    if verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        return 3.0
    return 2.0


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolve_actors(doc: Doc, mentions: list[MentionInfo], kb: KnowledgeBase, lex: Lexicons,
                   *, day: str | None = None) -> ActorTable:
    """Group mentions into actors and attach roles (see the module docstring)."""
    table = ActorTable(doc)
    for m in mentions:
        if not m.agent:
            continue
        if m.kb is not None:
            a = m.kb
            actor = table.actors.setdefault(a.id, ActorBuild(a.id, a.name, a.kind, a.country, a.affiliation))
            if a.kind == "state" and a.country:
                table.states.setdefault(a.country, a.id)
        elif m.label == "PERSON":
            actor = _person(table, m)
        elif m.label == "ORG":
            actor = _organization(table, m)
        elif m.label == "NOM_GROUP":
            actor = _group(table, m)
        else:
            continue
        table.add_mention(actor, m.start, m.end)
    _surnames(doc, table)
    _acronyms(doc, table)
    _state_for_kb_people(table, kb)
    _titles(doc, table, kb, lex, day)
    _country_pronouns(doc, table, kb)
    _pronouns(doc, table)
    return table


_LINKED_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "its", "they", "them", "their"}
_FIRST_PLURAL = {"we", "us", "our", "ours"}


def _pronouns(doc: Doc, table: ActorTable) -> None:
    """Third-person pronouns become mentions of the actor they resolve to (left to right, so a
    resolved pronoun can carry a chain); unresolved ones are left alone."""
    for tok in doc:
        if tok.lower_ in _LINKED_PRONOUNS and tok.pos_ == "PRON" and tok.i not in table.by_token:
            aid = table.antecedent(tok)
            if aid:
                table.add_mention(table.actors[aid], tok.i, tok.i + 1)
        elif tok.lower_ in _FIRST_PLURAL and tok.pos_ == "PRON" and tok.i not in table.by_token:
            # "we" is the speaker or the publisher; statements re-attribute it when quoted
            actor = table.actors.setdefault("pronoun:we", ActorBuild("pronoun:we", "we (unresolved)", "other"))
            table.add_mention(actor, tok.i, tok.i + 1)


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


def _acronyms(doc: Doc, table: ActorTable) -> None:
    """ "U.S. Naval Forces Central Command (NAVCENT)": the acronym, here and later, is that actor."""
    defined: dict[str, ActorBuild] = {}
    for tok in doc:
        if tok.text == "(" and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")" and tok.i > 0:
            acro = doc[tok.i + 1]
            owner = table.by_token.get(tok.i - 1) or _name_before(doc, table, tok.i, acro.text)
            if owner and acro.text.isupper() and len(acro.text) >= 2:
                actor = table.actors[owner]
                if table.by_token.get(acro.i) not in (None, owner):
                    continue
                defined[acro.text] = actor
    for tok in doc:
        actor = defined.get(tok.text)
        if actor is not None and tok.i not in table.by_token:
            table.add_mention(actor, tok.i, tok.i + 1)
        elif actor is not None and table.by_token.get(tok.i) != actor.id:
            other = table.actors[table.by_token[tok.i]]
            if other.id.startswith("organization:") and other.name == tok.text:
                _absorb(table, other, actor)


def _name_before(doc: Doc, table: ActorTable, paren: int, acro: str) -> str | None:
    """ "U.S. Naval Forces Central Command (NAVCENT)": a capitalised name before an acronym
    becomes an organisation when no actor ends there."""
    start = paren
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper
                         or doc[start - 1].lower_ in {"of", "for", "and"}) and doc[start - 1].is_alpha | (
            doc[start - 1].text.endswith(".")):
        start -= 1
    while start < paren and doc[start].lower_ in {"of", "for", "and"}:
        start += 1
    if paren - start < 2 or not acro.isupper():
        return None
    span = doc[start:paren]
    aid = "organization:" + slug(span.text)
    actor = table.actors.setdefault(aid, ActorBuild(aid, span.text, "organization"))
    table.add_mention(actor, start, paren)
    return aid


def _absorb(table: ActorTable, old: ActorBuild, new: ActorBuild) -> None:
    """Move all of ``old``'s mentions to ``new`` and drop ``old``."""
    for start, end in old.tokens:
        for i in range(start, end):
            if table.by_token.get(i) == old.id:
                del table.by_token[i]
        table.add_mention(new, start, end)
    table.actors.pop(old.id, None)


def _state_for_kb_people(table: ActorTable, kb: KnowledgeBase) -> None:
    for actor in list(table.actors.values()):
        if actor.country and actor.country not in table.states:
            for a in kb.actors.values():
                if a.kind == "state" and a.country == actor.country:
                    table.states[actor.country] = a.id
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
    return table.actors.setdefault(aid, ActorBuild(aid, m.text, "person"))


def _organization(table: ActorTable, m: MentionInfo) -> ActorBuild:
    key = slug(m.text)
    for actor in table.actors.values():
        if actor.kind == "organization" and (slug(actor.name) == key or _acronym(actor.name) == m.text):
            return actor
    aid = "organization:" + key
    return table.actors.setdefault(aid, ActorBuild(aid, m.text, "organization"))


def _group(table: ActorTable, m: MentionInfo) -> ActorBuild:
    """A nominal group ("coalition forces", "Turkish troops"): one actor per phrase in a text."""
    words = [w for w in m.text.lower().split() if w not in {"the", "a", "an", "these", "those", "this", "that"}]
    aid = "group:" + slug(" ".join(words))
    state = m.affiliated
    actor = table.actors.setdefault(aid, ActorBuild(aid, m.text, "armed_group" if _armed(words) else "other",
                                                     state.country if state else None,
                                                     state.id if state else None))
    if state is not None and state.kind == "state" and state.country:
        table.states.setdefault(state.country, state.id)
    return actor


_ARMED = {"force", "forces", "troops", "troop", "soldiers", "army", "militia", "militias", "fighters", "militants",
          "rebels", "insurgents", "brigade", "brigades", "battalion", "navy", "units", "unit", "jihadists"}


def _armed(words: list[str]) -> bool:
    return bool(_ARMED.intersection(words))


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


# -- titles and roles ---------------------------------------------------------------------
def _title_at(doc: Doc, i: int, lex: Lexicons) -> tuple[int, str] | None:
    """The longest title phrase starting at token i: (end token, title)."""
    first = doc[i]
    if first.lower_ not in lex.title_first_words and first.lemma_.lower() not in lex.title_first_words:
        return None
    for n in range(min(lex.title_max_words, len(doc) - i), 0, -1):
        words = [t.lower_ for t in doc[i:i + n]]
        if any(not w.isalpha() and w not in {"-"} for w in words):
            continue
        phrase = " ".join(words).replace(" - ", "-")
        if phrase in lex.titles and lex.titles[phrase][0] == "person":
            return i + n, phrase
        lemma = " ".join([*words[:-1], doc[i + n - 1].lemma_.lower()])
        if lemma in lex.titles and lex.titles[lemma][0] == "person":
            return i + n, lemma
    return None


def _titles(doc: Doc, table: ActorTable, kb: KnowledgeBase, lex: Lexicons, day: str | None) -> None:
    """Roles from premodifiers and appositions; title-only phrases become (or join) persons."""
    i = 0
    while i < len(doc):
        hit = _title_at(doc, i, lex)
        if hit is None or table.by_token.get(i, "").startswith(("person:", "title:")):
            i += 1
            continue
        end, title = hit
        _apply_title(doc, table, kb, i, end, day)
        i = end
    for actor in list(table.actors.values()):
        if actor.kind != "person":
            continue
        for start, end in list(actor.tokens):
            _apposition(doc, table, actor, doc[start:end])


def _np_start(doc: Doc, i: int) -> int:
    """Start of the noun phrase a title at token i sits in (adjectives, determiners before it)."""
    j = i
    while j > 0 and doc[j - 1].dep_ in {"amod", "compound", "det", "poss", "nmod"} and doc[j - 1].head.i >= i:
        j -= 1
    return j


def _apply_title(doc: Doc, table: ActorTable, kb: KnowledgeBase, i: int, end: int, day: str | None) -> None:
    start = _np_start(doc, i)
    country_actor = next((table.by_token[k] for k in range(start, end) if k in table.by_token), None)
    role = doc[i:end].text
    # title + name: "Deputy Foreign Minister Andrei Fedorov", "the analyst Al-Zawi"
    after = table.by_token.get(end)
    if after and table.actors[after].kind == "person":
        person = table.actors[after]
        person.role = person.role or role
        _set_country(table, person, country_actor)
        table.add_mention(person, i, end)   # the title names the person too
        return
    head = doc[end - 1]
    if head.dep_ == "compound" and head.head.i >= end:
        return
    if head.dep_ == "appos" and table.actors.get(table.by_token.get(head.head.i, ""), None) is not None:
        person = table.actors[table.by_token[head.head.i]]
        if person.kind == "person":   # "Andrei Fedorov, Russian Deputy Foreign Minister,"
            person.role = person.role or role
            _set_country(table, person, country_actor)
            return
    for child in head.children:   # "the President of Syria, Bashar al-Assad"
        named = table.actors.get(table.by_token.get(child.i, ""))
        if child.dep_ == "appos" and named is not None and named.kind == "person":
            named.role = named.role or role
            _set_country(table, named, country_actor)
            table.add_mention(named, i, end)
            return
    if country_actor is None:   # "the President of Syria"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and table.actors.get(table.by_token.get(pobj.i, ""), None) is not None \
                and table.actors[table.by_token[pobj.i]].kind == "state":
            country_actor = table.by_token[pobj.i]
            end = pobj.i + 1
    has_det = any(doc[k].lower_ == "the" for k in range(start, i))
    if head.tag_ not in {"NN", "NNP"} or not (has_det or country_actor):
        return   # plural or bare ("mercenaries", "analysts say"): not one identifiable person
    state = table.state_of(country_actor)
    holder = None
    if state and not role.lower().split()[0] in _NOT_UNIQUE:
        office = _named_holder(table, kb, role, state) or kb.holder(role, state, day)
        holder = table.actors.get(office.id) if office else None
        if office and holder is None:
            holder = table.actors.setdefault(office.id, ActorBuild(office.id, office.name, "person",
                                                                  office.country, office.affiliation))
    if holder is None:
        holder = _earlier_title_holder(table, role, state)
    if holder is None:
        state_name = table.actors[state].name if state in table.actors else (kb.get(state).name if kb.get(state) else "")
        label = (state_name + " " if state_name else "") + role
        aid = "title:" + slug(label)
        holder = table.actors.setdefault(aid, ActorBuild(aid, _titlecase(label), "person"))
    holder.role = holder.role or role
    _set_country(table, holder, country_actor)
    table.add_mention(holder, start if doc[start].lower_ not in {"the", "a", "an"} else start + 1, end)


def _named_holder(table: ActorTable, kb: KnowledgeBase, role: str, state: str):
    """A holder of this title at any time who is also named in the text (undated articles)."""
    title = role.lower()
    for office in kb.offices:
        if office.of == state and office.title.lower() == title and office.holder in table.actors:
            return kb.actors.get(office.holder)
    return None


_NOT_UNIQUE = {"deputy", "vice", "assistant", "adviser", "advisor", "spokesman", "spokeswoman",
               "spokesperson", "ambassador", "envoy", "official", "senior", "former", "undersecretary"}


def _titlecase(text: str) -> str:
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in text.split())


def _earlier_title_holder(table: ActorTable, role: str, state: str | None) -> ActorBuild | None:
    """A person already seen with a title this one abbreviates ("the Turkish minister")."""
    words = set(role.lower().split())
    for actor in table.actors.values():
        if actor.kind != "person" or not actor.role:
            continue
        same_state = state is None or table.state_of(actor.id) == state
        if same_state and words <= set(actor.role.lower().split()):
            return actor
    return None


def _set_country(table: ActorTable, person: ActorBuild, country_actor: str | None) -> None:
    other = table.actors.get(country_actor or "")
    if other is None or other.id == person.id:
        return
    if other.kind == "state":
        person.country = person.country or other.country
        person.affiliation = person.affiliation or other.id
    elif other.kind in {"organization", "government", "international_org", "party", "armed_group"}:
        person.affiliation = person.affiliation or other.id
        person.country = person.country or other.country


def _apposition(doc: Doc, table: ActorTable, person: ActorBuild, span: Span) -> None:
    """ "Muhyiddin Ataman, Vice President of the Saba Research Center" gives role and affiliation."""
    for child in span.root.children:
        if child.dep_ != "appos":
            continue
        sub = doc[child.left_edge.i:child.right_edge.i + 1]
        if any(table.by_token.get(t.i) == person.id for t in sub):
            continue
        others = [table.by_token[t.i] for t in sub if t.i in table.by_token]
        if any(table.actors[o].kind == "person" for o in others):
            continue
        person.role = person.role or sub.text.strip(" ,")
        for other in others:
            _set_country(table, person, other)
        # the title words (not the organisation inside) are another name of the person
        start = child.i
        while start > sub.start and doc[start - 1].i not in table.by_token and doc[start - 1].pos_ in {
                "NOUN", "PROPN", "ADJ"}:
            start -= 1
        if child.i not in table.by_token:
            table.add_mention(person, start, child.i + 1)


def _country_pronouns(doc: Doc, table: ActorTable, kb: KnowledgeBase) -> None:
    """ "his country" -> the state of the person the pronoun points to."""
    for tok in doc:
        if tok.lemma_.lower() != "country" or tok.i in table.by_token:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"his", "her", "their"}]
        if not poss:
            continue
        person = table.antecedent(poss[0])
        state = table.state_of(person)
        if state and state not in table.actors and kb.get(state) is not None:
            a = kb.get(state)   # the state is known only through its people so far
            table.actors[state] = ActorBuild(a.id, a.name, a.kind, a.country, a.affiliation)
        if state in table.actors:
            table.add_mention(table.actors[state], poss[0].i, tok.i + 1)
