"""The actor table of one Doc: actors being assembled, a token -> actor index, pronoun
antecedents, and the speakers no rule resolved (kept here as actors of their own; the
assembly keeps them only on their statements, see :mod:`parley.assembly`)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc, Token

from parley.knowledge.kb import KBActor
from parley.models import Actor, Mention
from parley.nlp.facts import Chunk
from parley.nlp.lexicon import Lexicons


# id prefixes of actors made from the text alone (not the knowledge base): groups and speakers
GENERIC_PREFIXES = ("group:", "other:")


def slug(text: str) -> str:
    """The id part of a name: lowercase words without diacritics or apostrophes, joined by
    hyphens ("Recep Tayyip Erdoğan" -> "recep-tayyip-erdogan", "Da'esh" -> "daesh")."""
    text = unicodedata.normalize("NFKD", text.replace("\u0131", "i").replace("\u0130", "I"))
    text = re.sub(r"['\u2019\u02bc`]", "", "".join(ch for ch in text if not unicodedata.combining(ch)))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class ActorBuild:
    """An actor being assembled from its mentions."""

    id: str
    name: str
    kind: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)   # char spans
    tokens: list[tuple[int, int]] = field(default_factory=list)          # token spans
    # what the text says of the actor: the first value found wins (see learn)
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None

    @classmethod
    def of_kb(cls, actor: KBActor) -> ActorBuild:
        """A knowledge-base actor, with its country and affiliation."""
        return cls(actor.id, actor.name, actor.kind, country=actor.country, affiliation=actor.affiliation)

    def learn(self, *, country: str | None = None, affiliation: str | None = None,
              role: str | None = None) -> None:
        """Fill in the facts not known yet."""
        self.country = self.country or country
        self.affiliation = self.affiliation or affiliation
        self.role = self.role or role

    def to_model(self, chunk: Chunk) -> Actor:
        """The contract's Actor, with its mentions at article offsets."""
        mentions = tuple(Mention(chunk.text(s, e), *chunk.chars(s, e)) for s, e, _ in self.mentions)
        return Actor(self.id, self.name, self.kind, self.country, self.affiliation, self.role, mentions,
                     unnamed_source=self.unnamed(chunk.doc))

    def unnamed(self, doc: Doc) -> bool:
        """Whether the actor is a generic group the text does not name ("witnesses", "U.S.
        officials", "the troops"): one the knowledge base does not know, each of whose
        mentions is a common noun phrase (its head neither a proper noun nor a named entity)."""
        if not self.id.startswith(GENERIC_PREFIXES) or self.kind == "person":
            return False
        heads = [span.root for s, e, _ in self.mentions
                 if (span := doc.char_span(s, e, alignment_mode="expand")) is not None and span.root.pos_ != "PRON"]
        return bool(heads) and not any(h.pos_ == "PROPN" or h.ent_type_ for h in heads)


@dataclass
class ActorTable:
    """The actors of one Doc and a token -> actor index."""

    doc: Doc
    lex: Lexicons
    actors: dict[str, ActorBuild] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)   # country code -> state actor id

    def __iter__(self) -> Iterator[ActorBuild]:
        return iter(self.actors.values())

    def actor(self, aid: str, name: str, kind: str, *, country: str | None = None,
              affiliation: str | None = None) -> ActorBuild:
        """The actor ``aid``, added with this name, kind, country and affiliation if it is not
        in the table (get or create)."""
        if aid not in self.actors:
            self.actors[aid] = ActorBuild(aid, name, kind, country=country, affiliation=affiliation)
        return self.actors[aid]

    def add_mention(self, actor: ActorBuild, start: int, end: int) -> None:
        """Tokens start..end name ``actor`` (a second mention starting at the same token is ignored)."""
        span = self.doc[start:end]
        if any(s == start for s, _ in actor.tokens):
            return
        actor.tokens.append((start, end))
        actor.mentions.append((span.start_char, span.end_char, span.text))
        for i in range(start, end):
            self.by_token.setdefault(i, actor.id)

    def drop_mention(self, actor: ActorBuild, start: int, end: int) -> None:
        """Tokens start..end no longer name ``actor``."""
        for k, (s, e) in enumerate(actor.tokens):
            if (s, e) == (start, end):
                del actor.tokens[k]
                del actor.mentions[k]
                break
        for i in range(start, end):
            if self.by_token.get(i) == actor.id:
                del self.by_token[i]

    def actor_of(self, token: Token | None) -> str | None:
        """The actor a token belongs to, through its own mention or a pronoun."""
        if token is None:
            return None
        if token.i in self.by_token:
            return self.by_token[token.i]
        words = self.lex.words
        if token.lower_ in words.person_pronouns or token.lower_ in words.group_pronouns:
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
        want_person = token.lower_ in self.lex.words.person_pronouns
        if token.lower_ in self.lex.words.plural_pronouns:
            group = self._coordinated_before(token)
            if group:
                return group
        owner = token.head
        if token.dep_ == "poss" and owner.dep_ == "conj" and owner.head.i < token.i:
            first = self.by_token.get(owner.head.i)
            if first and (self.actors[first].kind == "person") == want_person:
                return first
        return self._recent(token, want_person)

    def _recent(self, token: Token, want_person: bool) -> str | None:
        """The most salient person (or non-person) mentioned in the few sentences before ``token``."""
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

    def speaker(self, subj: Token, *, modifiers: bool = True) -> tuple[str | None, tuple[int, int]]:
        """The actor a speaker phrase names and the character span naming it. A pronoun or a
        noun phrase that names no actor ("officials") becomes an actor of its own; with
        ``modifiers`` False, so does any noun phrase, even one naming an actor ("Yemeni sources")."""
        doc, words = subj.doc, self.lex.words
        aid = self.actor_of(subj) or self.actor_in(subj) if modifiers else None
        if aid:
            spans = [(s, e) for s, e in self.actors[aid].tokens if s <= subj.i < e]
            s, e = spans[0] if spans else (subj.i, subj.i + 1)
            return aid, (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        if subj.pos_ == "PRON" and subj.lower_ in words.speaker_pronouns:
            aid = "pronoun:" + subj.lower_   # a speaker the rules could not resolve; kept, not guessed
            self.add_mention(self.actor(aid, f"{subj.lower_} (unresolved)", "other"), subj.i, subj.i + 1)
            return aid, (subj.idx, subj.idx + len(subj))
        issuer = self._issuer(subj) if subj.lemma_.lower() in words.speech_nouns | words.document_nouns else None
        if issuer:   # "the release said": the body whose release the text named before
            start = subj.left_edge.i if subj.left_edge.i < subj.i else subj.i
            return issuer, (doc[start].idx, subj.idx + len(subj))
        if subj.pos_ in {"NOUN", "PROPN"} and subj.lemma_.lower() not in words.relative_words:
            start = subj.left_edge.i
            while start < subj.i and doc[start].lower_ in words.articles:
                start += 1
            phrase = doc[start:subj.i + 1]
            aid = "other:" + slug(phrase.text)
            self.add_mention(self.actor(aid, phrase.text, "other"), phrase.start, phrase.end)
            return aid, (phrase.start_char, phrase.end_char)
        return None, (subj.idx, subj.idx + len(subj))

    def _issuer(self, noun: Token) -> str | None:
        """Who issued the document a speech noun names ("the release said"): the actor named with
        the nearest earlier use of that noun that names one ("a Defense Department news release", "a statement
        by X", "X said in a statement")."""
        lemma = noun.lemma_.lower()
        for tok in reversed(self.doc[:noun.left_edge.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            owners = [self.by_token.get(c.i) for c in tok.subtree if c.i < tok.i and c.dep_ in {"compound", "poss", "nmod"}]
            owners += [self.by_token.get(p.i) for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}
                       for p in c.children if p.dep_ == "pobj"]
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
                owners += [self.by_token.get(c.i) for c in tok.head.head.children if c.dep_ == "nsubj"]
            found = [a for a in owners if a and a in self.actors and not a.startswith(("pronoun:", "other:"))]
            if found:
                return found[0]
        return None


def _salience(tok: Token) -> float:
    """How likely a mention is to be picked up by a later pronoun: speakers of reporting
    verbs, then subjects of main clauses, then other subjects, then anything else."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return 1.0
    verb = tok.head
    if verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        return 3.0
    return 2.0
