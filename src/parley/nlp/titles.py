"""Titles and roles: "Deputy Foreign Minister Andrei Fedorov", "Muhyiddin Ataman, Vice President
of the Saba Research Center", and title-only phrases ("the Turkish minister") that name the
person holding the title here or in the knowledge base's offices."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.knowledge.kb import KBActor, KnowledgeBase
from parley.nlp.table import ActorBuild, ActorTable, slug

_AFFILIATING_KINDS = {"state", "organization", "government", "international_org", "party", "armed_group"}


def titles(doc: Doc, table: ActorTable, kb: KnowledgeBase, day: str | None) -> None:
    """Roles from premodifiers and appositions; title-only phrases become (or join) persons."""
    i = 0
    while i < len(doc):
        hit = _title_at(doc, i, table)
        if hit is None or table.by_token.get(i, "").startswith(("person:", "title:")):
            i += 1
            continue
        end, _ = hit
        _apply_title(doc, table, kb, i, end, day)
        i = end
    for actor in list(table.actors.values()):
        if actor.kind != "person":
            continue
        for start, end in list(actor.tokens):
            _apposition(doc, table, actor, doc[start:end])


def _title_at(doc: Doc, i: int, table: ActorTable) -> tuple[int, str] | None:
    """The longest title phrase starting at token i: (end token, title)."""
    lex = table.lex
    first = doc[i]
    if first.lower_ not in lex.title_first_words and first.lemma_.lower() not in lex.title_first_words:
        return None
    for n in range(min(lex.title_max_words, len(doc) - i), 0, -1):
        words = [t.lower_ for t in doc[i:i + n]]
        if any(not w.isalpha() and w != "-" for w in words):
            continue
        phrase = " ".join(words).replace(" - ", "-")
        if phrase in lex.titles and lex.titles[phrase][0] == "person":
            return i + n, phrase
        lemma = " ".join([*words[:-1], doc[i + n - 1].lemma_.lower()])
        if lemma in lex.titles and lex.titles[lemma][0] == "person":
            return i + n, lemma
    return None


def _np_start(doc: Doc, i: int) -> int:
    """Start of the noun phrase a title at token i sits in (adjectives, determiners before it)."""
    j = i
    while j > 0 and doc[j - 1].dep_ in {"amod", "compound", "det", "poss", "nmod"} and doc[j - 1].head.i >= i:
        j -= 1
    return j


def _apply_title(doc: Doc, table: ActorTable, kb: KnowledgeBase, i: int, end: int, day: str | None) -> None:
    """The title at tokens i..end: the role of the person it names, else a person of its own."""
    start = _np_start(doc, i)
    country_actor = next((table.by_token[k] for k in range(start, end) if k in table.by_token), None)
    role = doc[i:end].text
    after = table.by_token.get(end)
    if after and table.actors[after].kind == "person":   # "Deputy Foreign Minister Andrei Fedorov"
        _give_role(table, table.actors[after], role, country_actor, (i, end))   # the title names them too
        return
    portfolio = _portfolio_end(doc, end, table)
    after = table.by_token.get(portfolio) if portfolio else None
    if after and table.actors[after].kind == "person":   # "Minister for the Middle East Tobias Ellwood"
        _give_role(table, table.actors[after], doc[i:portfolio].text, country_actor, (i, portfolio))
        return
    head = doc[end - 1]
    if head.dep_ == "compound" and head.head.i >= end:
        return
    person, names = _apposed_person(table, head)
    if person is not None:
        _give_role(table, person, role, country_actor, (i, end) if names else None)
        return
    if country_actor is None:   # "the President of Syria"
        pobj = _state_of_phrase(table, head)
        if pobj is not None:
            country_actor, end = table.by_token[pobj.i], pobj.i + 1
    has_det = any(doc[k].lower_ == "the" for k in range(start, i))
    if head.tag_ not in {"NN", "NNP"} or not (has_det or country_actor):
        return   # plural or bare ("mercenaries", "analysts say"): not one identifiable person
    if any(doc[k].lower_ in {"a", "an"} for k in range(start, i)) or any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children):
        return   # indefinite ("the son of an Iraqi tribal sheikh"): no one the text names again
    holder = _holder(table, kb, role, table.state_of(country_actor), day)
    first = start if doc[start].lower_ not in table.lex.words.articles else start + 1
    _give_role(table, holder, role, country_actor, (first, end))


def _portfolio_end(doc: Doc, end: int, table: ActorTable) -> int | None:
    """The end of a title's portfolio right after it ("for the Middle East", "of State for
    Africa"): "for" or "of", maybe "the", then capitalised words up to a person's name; None if
    there is none."""
    k = end
    while k < len(doc) and doc[k].lower_ in {"for", "of"}:
        k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
        start = k
        while k < len(doc) and k - start < 5 and doc[k].is_title and doc[k].is_alpha \
                and table.actors.get(table.by_token.get(k, ""), None) is None:
            k += 1
        if k == start:
            return None
    return k if k > end else None


def _apposed_person(table: ActorTable, head: Token) -> tuple[ActorBuild | None, bool]:
    """A named person the title is in apposition with, and whether the title names them too:
    "Andrei Fedorov, Russian Deputy Foreign Minister," (no) / "the President of Syria, Bashar
    al-Assad" (yes)."""
    if head.dep_ == "appos" and table.actors.get(table.by_token.get(head.head.i, ""), None) is not None:
        person = table.actors[table.by_token[head.head.i]]
        if person.kind == "person":
            return person, False
    for child in head.children:
        named = table.actors.get(table.by_token.get(child.i, ""))
        if child.dep_ == "appos" and named is not None and named.kind == "person":
            return named, True
    if head.dep_ in {"oprd", "dobj"} and head.head.lemma_.lower() in table.lex.words.naming_verbs:
        for child in head.head.children:   # "appointed X the lead commander": X is the commander
            named = table.actors.get(table.by_token.get(child.i, ""))
            if child.dep_ == "dobj" and child.i < head.i and named is not None and named.kind == "person":
                return named, True
    return None, False


def _state_of_phrase(table: ActorTable, head: Token) -> Token | None:
    """The state named in the "of"-phrase of a title ("the President of Syria"), if any."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and table.actors.get(table.by_token.get(pobj.i, ""), None) is not None \
            and table.actors[table.by_token[pobj.i]].kind == "state":
        return pobj
    return None


def _give_role(table: ActorTable, person: ActorBuild, role: str, country_actor: str | None,
               mention: tuple[int, int] | None) -> None:
    """A person gets a role, the country of the actor named with it, and optionally a mention."""
    person.learn(role=role)
    _set_country(table, person, country_actor)
    if mention is not None:
        table.add_mention(person, *mention)


def _holder(table: ActorTable, kb: KnowledgeBase, role: str, state: str | None, day: str | None) -> ActorBuild:
    """The person a title-only phrase names: the office holder of that state (unless many hold
    the title at once), a person seen with a fuller title, else a person named by the title."""
    holder = None
    if state and not role.lower().split()[0] in table.lex.words.shared_titles:
        office = _named_holder(table, kb, role, state) or kb.holder(role, state, day)
        if office:
            holder = table.actor(office.id, office.name, "person", country=office.country,
                                 affiliation=office.affiliation)
    if holder is None:
        holder = _earlier_title_holder(table, role, state)
    if holder is None:
        known = table.actors.get(state or "") or kb.get(state)
        state_name = known.name if known else ""
        label = (state_name + " " if state_name else "") + role
        holder = table.actor("title:" + slug(label), _titlecase(label), "person")
    return holder


def _named_holder(table: ActorTable, kb: KnowledgeBase, role: str, state: str) -> KBActor | None:
    """A holder of this title at any time who is also named in the text (undated articles)."""
    title = role.lower()
    for office in kb.offices:
        if office.of == state and office.title.lower() == title and office.holder in table.actors:
            return kb.actors.get(office.holder)
    return None


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
    """A person named with a state or an organisation belongs to it (and to its country)."""
    other = table.actors.get(country_actor or "")
    if other is None or other.id == person.id or other.kind not in _AFFILIATING_KINDS:
        return
    person.learn(country=other.country, affiliation=other.id)


def _apposition(doc: Doc, table: ActorTable, person: ActorBuild, span: Span) -> None:
    """ "Muhyiddin Ataman, Vice President of the Saba Research Center" gives role and affiliation;
    so does the office a naming verb gives the person ("X appointed Y the lead commander")."""
    root = span.root
    named = [c for c in root.head.children if c.dep_ in {"oprd", "dobj"} and c.i > root.i] \
        if root.dep_ == "dobj" and root.head.lemma_.lower() in table.lex.words.naming_verbs else []
    for child in [c for c in root.children if c.dep_ == "appos"] + named:
        if child.pos_ not in {"NOUN", "PROPN"} or child.i + 1 < len(doc) and doc[child.i + 1].text == ":":
            continue   # "X (Arabic: ...)": a language label, not an office
        sub = doc[child.left_edge.i:child.right_edge.i + 1]
        if any(table.by_token.get(t.i) == person.id for t in sub):
            continue
        others = [table.by_token[t.i] for t in sub if t.i in table.by_token]
        if any(table.actors[o].kind == "person" for o in others):
            continue
        person.learn(role=sub.text.strip(" ,"))
        for other in others:
            _set_country(table, person, other)
        # the title words (not the organisation inside) are another name of the person
        start = child.i
        while start > sub.start and doc[start - 1].i not in table.by_token and doc[start - 1].pos_ in {
                "NOUN", "PROPN", "ADJ"}:
            start -= 1
        if child.i not in table.by_token:
            table.add_mention(person, start, child.i + 1)


def country_pronouns(doc: Doc, table: ActorTable, kb: KnowledgeBase) -> None:
    """ "his country" -> the state of the person the pronoun points to."""
    for tok in doc:
        if tok.lemma_.lower() != "country" or tok.i in table.by_token:
            continue
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in table.lex.words.possessive_pronouns]
        if not poss:
            continue
        person = table.antecedent(poss[0])
        state = table.state_of(person) or _state_around(tok, table)
        if state and state not in table.actors and kb.get(state) is not None:
            table.actors[state] = ActorBuild.of_kb(kb.get(state))   # known only through its people so far
        if state in table.actors:
            table.add_mention(table.actors[state], poss[0].i, tok.i + 1)


def _state_around(country: Token, table: ActorTable) -> str | None:
    """The state a sentence is about when the speaker's own is unknown ("Ataman stressed that his
    country would ..., but he cautioned that Turkey prefers ..."): the state named most often in
    the sentence, if one is named more often than any other."""
    counts: dict[str, int] = {}
    for actor in table:
        if actor.kind != "state":
            continue
        n = sum(1 for s, _ in actor.tokens if country.sent.start <= s < country.sent.end)
        if n:
            counts[actor.id] = n
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
