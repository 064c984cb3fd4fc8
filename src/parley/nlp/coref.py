"""In-text aliases: the names one article gives one actor, merged into that actor.

Rules, each over the whole Doc, after the mentions are grouped by knowledge-base ids and names
(:mod:`parley.nlp.actors`):

* a short form in parentheses after a multi-word name ("Gulf Maritime Patrol Command
  (GULFMARCOM)", "Tal Hamra West Airbase (TH-West)"), when its letters occur in the name in
  order and its first letter starts a word of it; later uses of the short form are that actor;
* a second name after an alias marker ("the Valley Brigade, also known as VB or the Lions";
  "X, officially Y"; data file ``aliases.tsv``);
* a quoted name in a parenthesis right after a name, its translation ("Jaish al-Nasr (Arabic:
  ..., “Army of Victory”)");
* an apposition of two organisation names ("its tribal wing, the Eastern Tribes Council,");
* an all-capitals short form used alone that spells the initials of one actor's name
  ("the KPF" after "Kurdish Police Forces"; "DoE" after "the Energy Department");
* two spellings of one organisation name: word order around "of" ("the Energy Department",
  "the Department of Energy"), case, "the", diacritics and apostrophes ("Da'esh", "Daesh").

Two actors merge only when both are persons or both are not, neither is a state, and at
most one comes from the knowledge base (that one is kept). :mod:`parley.nlp.titled` gives a
title phrase to the person named with it.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from parley.knowledge.kb import KnowledgeBase
from parley.nlp.components import text_of
from parley.nlp.merging import TEXT_PREFIXES, absorb, cap, is_kb, mention_at, merge, put
from parley.nlp.namekeys import abbreviation_like, alias_words, fold, initials, spells
from parley.nlp.spellings import kb_spellings, spellings
from parley.nlp.table import ActorBuild, ActorTable, slug

_QUOTES = {'"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "``", "''"}


def merge_aliases(doc: Doc, table: ActorTable, kb: KnowledgeBase | None = None) -> None:
    """Apply the alias rules of the module docstring to the actor table of ``doc``.

    Args:
        doc: the parsed Doc.
        table: its actor table, changed in place.
        kb: the knowledge base; with it, a knowledge-base name that the text continues into
            another spelling of one of its names is a mention of the whole (:func:`parley.nlp.spellings.kb_spellings`).
    """
    forms: dict[str, str] = {}
    if kb is not None:
        kb_spellings(doc, table, kb)
    _parenthesised(doc, table, forms)
    _marked(doc, table, forms)
    _glossed(doc, table)
    _appositions(doc, table)
    _later_uses(doc, table, forms)
    _initial_forms(doc, table, forms)
    spellings(table)


def _parenthesised(doc: Doc, table: ActorTable, forms: dict[str, str]) -> None:
    """ "the Gulf Maritime Patrol Command's (GULFMARCOM)": a short form defined after a name."""
    for tok in doc:
        if tok.text != "(" or tok.i == 0:
            continue
        close = next((t.i for t in doc[tok.i + 1:tok.i + 7] if t.text == ")"), None)
        if close is None or close == tok.i + 1:
            continue
        inner = doc[tok.i + 1:close]
        if any(t.whitespace_ for t in inner[:-1]) or not abbreviation_like(inner.text):
            continue
        end = tok.i
        while end > 0 and doc[end - 1].text in {"'s", "\u2019s", "'"}:
            end -= 1
        owner = _name_ending(doc, table, end, inner.text)
        if owner is None:
            continue
        actor, start = owner
        if not spells(inner.text, doc[start:end].text):
            continue
        hit = mention_at(table, inner.start)
        if hit and hit[0].id != actor.id and is_kb(hit[0]):
            continue
        if actor.id not in table.actors or not any(s0 == start for s0, _ in table.actors[actor.id].tokens):
            actor = table.actors.setdefault(actor.id, actor)
            table.add_mention(actor, start, end)
        put(table, actor, inner.start, inner.end)
        forms[inner.text] = actor.id


def _name_ending(doc: Doc, table: ActorTable, end: int, short: str) -> tuple[ActorBuild, int] | None:
    """The actor whose multi-word mention ends at token ``end`` (exclusive), or a new
    organisation for a capitalised name ending there that no actor owns."""
    hit = mention_at(table, end - 1)
    if hit and hit[2] == end and hit[0].kind != "state":
        words = [t for t in doc[hit[1]:end] if t.is_alpha]
        if len(words) >= 2:
            return hit[0], hit[1]
    links = alias_words().links
    start = end
    while start > 0:
        t = doc[start - 1]
        if (t.is_title or t.is_upper) and (t.is_alpha or t.text.endswith(".")):
            start -= 1
        elif (t.lower_ in links or t.text in {"-", "\u2013"}) and start < end and (
                doc[start].text[:1].isupper() or doc[start].text in {"-", "\u2013"}) and (
                t.lower_ != "the" or start >= 2 and doc[start - 2].lower_ in links):
            start -= 1
        else:
            break
    while start < end and (doc[start].lower_ in links and not (doc[start + 1].text == "-" and start + 1 < end)
                           or doc[start].text in {"-", "\u2013"}):
        start += 1
    if sum(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]) < 2:
        return None
    inside = mention_at(table, start)
    if inside and inside[1] == start and inside[2] == end:
        return (inside[0], start) if inside[0].kind != "state" else None
    name = doc[start:end].text
    return ActorBuild("organization:" + slug(name), name, "organization"), start


def _marked(doc: Doc, table: ActorTable, forms: dict[str, str]) -> None:
    """ "X, also known as Y or Z": Y and Z are X."""
    words = alias_words()
    lower = [t.lower_ for t in doc]
    firsts = {m[0] for m in words.markers}
    for tok in doc:
        if lower[tok.i] not in firsts:
            continue
        marker = next((m for m in words.markers if tuple(lower[tok.i:tok.i + len(m)]) == m), None)
        if marker is None:
            continue
        k = tok.i - 1
        while k >= 0 and doc[k].text in {",", "("} | _QUOTES:
            k -= 1
        gloss = k >= 0 and doc[k].text == ")"
        if gloss:   # "Omar Haddad (Arabic: ...), also known as": skip the parenthesis
            k = next((j for j in range(k - 1, max(k - 40, -1), -1) if "(" in doc[j].text), -1)
            k = k if k >= 0 and not doc[k].text.startswith("(") else k - 1
        left = mention_at(table, k) if k >= 0 else None
        if left is None or left[2] != k + 1 and not (gloss and left[1] <= k < left[2]) \
                or left[0].id.startswith(("pronoun:", "title:")):
            continue
        actor = left[0]
        r = tok.i + len(marker)
        while True:
            while r < len(doc) and (doc[r].text in _QUOTES or doc[r].lower_ == "the"):
                r += 1
            span = _name_at(doc, table, r)
            if span is None:
                break
            hit = mention_at(table, r)
            if hit and hit[1] == r:
                kept = merge(table, actor, hit[0])
                if kept is None:
                    break
                actor = kept
            elif not any(i in table.by_token for i in range(span.start, span.end)):
                table.add_mention(actor, span.start, span.end)
                forms[span.text] = actor.id
            else:
                break
            r = span.end
            while r < len(doc) and doc[r].text in _QUOTES | {","}:
                r += 1
            if r >= len(doc) or doc[r].lower_ not in words.joiners:
                break
            r += 1


def _glossed(doc: Doc, table: ActorTable) -> None:
    """ "Jaish al-Nasr (Arabic: ..., “Army of Victory”)": a quoted name in a parenthesis right
    after a name is its translation, the same actor. A name the parser took for a person's is
    the organisation its translation names."""
    if "(" not in text_of(doc):
        return
    for tok in doc:
        if tok.text != "(" or tok.i == 0:
            continue
        left = mention_at(table, tok.i - 1)
        if left is None or left[2] != tok.i or left[0].kind == "state" \
                or left[0].id.startswith(("pronoun:", "title:")):
            continue
        close = next((t.i for t in doc[tok.i + 1:tok.i + 60] if t.text == ")"), None)
        marks = [t.i for t in doc[tok.i + 1:close or tok.i + 1] if t.text in _QUOTES]
        start = next((i + 1 for i in marks if i + 1 not in marks), None)
        end = next((i for i in marks if start is not None and i > start), None)
        if end is None:
            continue
        q = doc[start:end]
        if sum(cap(t) for t in q) < 2 or not cap(q[0]):
            continue
        hit = mention_at(table, q.start)
        actor = left[0]
        if hit and (hit[1], hit[2]) == (q.start, q.end):
            if merge(table, actor, hit[0]) is None and actor.kind == "person" and hit[0].kind not in {"person", "state"} \
                    and not is_kb(actor):
                absorb(table, actor, hit[0])
        elif not any(i in table.by_token for i in range(q.start, q.end)):
            table.add_mention(actor, q.start, q.end)


def _name_at(doc: Doc, table: ActorTable, r: int) -> Span | None:
    """The name starting at token ``r``: its mention, else a run of capitalised words or a
    short form (inner hyphens and name connectors allowed)."""
    hit = mention_at(table, r)
    if hit and hit[1] == r:
        return doc[hit[1]:hit[2]]
    connectors = table.lex.words.name_connectors
    end = r
    while end < len(doc):
        t = doc[end]
        if (t.is_title or t.is_upper) and t.is_alpha or abbreviation_like(t.text):
            end += 1
        elif end > r and (t.text in {"-", "\u2013"} and not doc[end - 1].whitespace_
                          or t.lower_ in connectors) and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 1
        else:
            break
    if end == r or doc[r].is_sent_start and end == r + 1 and not abbreviation_like(doc[r].text):
        return None
    return doc[r:end]


def _appositions(doc: Doc, table: ActorTable) -> None:
    """ "its tribal wing, the Eastern Tribes Council,": an organisation name in apposition to
    a noun phrase is the actor that phrase names (by its head or a premodifier)."""
    for tok in doc:
        head = tok.head
        if tok.dep_ != "appos" or head.i >= tok.i or tok.pos_ != "PROPN":
            continue
        right = mention_at(table, tok.i)
        if right is None or not _organisation_like(right[0]):
            continue
        first = tok.left_edge.i
        if first < 2 or doc[first - 1].text != "," or right[2] != tok.i + 1:
            continue
        if any((h := mention_at(table, i)) and h[0].id != right[0].id and h[0].kind != "state"
               for i in range(first, right[1])):
            continue   # "the Y" only: no other name inside the appositive
        left = mention_at(table, head.i) or next(
            (h for c in head.children if c.dep_ in {"compound", "amod"} and (h := mention_at(table, c.i))),
            None)
        if left is None or left[0].kind == "person" or left[2] > first - 1:
            continue
        if _in_list(doc, table, left[1], first, tok.i + 1):
            continue
        if left[0].id.startswith(("pronoun:", "title:")) or not _subject_before(tok.sent, left[1]):
            continue
        kept = merge(table, left[0], right[0])
        if kept is not None and doc[left[1]].text[:1].isdigit() and doc[right[1]].text[:1].isdigit() \
                and right[1] == first:
            # "3rd Company, 12th Signal Regiment": a unit and the unit it belongs to name one unit
            table.drop_mention(kept, left[1], left[2])
            table.drop_mention(kept, right[1], right[2])
            table.add_mention(kept, left[1], right[2])


def _subject_before(sent: Span, i: int) -> bool:
    """Whether a sentence has its subject or main verb before token ``i``: else a name after a
    fronted phrase ("With the support of the X, the Y said") is the subject, not an apposition."""
    return sent.root.i < i or any(t.dep_ in {"nsubj", "nsubjpass"} and t.i < i for t in sent)


def _organisation_like(actor: ActorBuild) -> bool:
    """An organisation-like actor: a knowledge-base one that is not a person or a state, or a
    named organisation or armed group."""
    if actor.kind in {"person", "state"}:
        return False
    return is_kb(actor) or actor.id.startswith("organization:")


def _in_list(doc: Doc, table: ActorTable, start: int, appos: int, end: int) -> bool:
    """Whether the names of start..end (the appositive from ``appos``) look like items of a
    list ("X, Y, and Z"): a name listed before, "and" right after, a name just after, or a
    coordination inside the appositive."""
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].i in table.by_token:
        return True
    after = list(doc[end:end + 4])
    if after and after[0].lower_ in {"and", "or"}:
        return True
    return any(t.i in table.by_token for t in after) or any(t.dep_ == "conj" for t in doc[appos:end])


def _later_uses(doc: Doc, table: ActorTable, forms: dict[str, str]) -> None:
    """Every use of a defined short form is its actor."""
    for text in sorted(forms, key=len, reverse=True):
        actor = table.actors.get(forms[text])
        if actor is None:
            continue
        for m in re.finditer(r"(?<![\w\-])" + re.escape(text) + r"(?![\w\-])", text_of(doc)):
            span = doc.char_span(m.start(), m.end())
            if span is None:
                continue
            if all(table.by_token.get(i) in (None, actor.id) for i in range(span.start, span.end)):
                put(table, actor, span.start, span.end)
                continue
            hit = mention_at(table, span.start)
            if hit and (hit[1], hit[2]) == (span.start, span.end) and not is_kb(hit[0]):
                merge(table, actor, hit[0])
            elif all(not is_kb(h[0]) for i in range(span.start, span.end) if (h := mention_at(table, i))):
                put(table, actor, span.start, span.end)


def _initial_forms(doc: Doc, table: ActorTable, forms: dict[str, str]) -> None:
    """ "the KPF" after "Kurdish Police Forces": a short form that no rule defined and that
    spells the initials of exactly one actor's multi-word name."""
    by_initials: dict[str, set[str]] = {}
    for actor in table.actors.values():
        if actor.kind in {"person", "state"} or actor.id.startswith(("pronoun:", "title:")):
            continue
        for text in {actor.name, *(t for _, _, t in actor.mentions)}:
            for key in initials(text):
                if len(key) >= 3:
                    by_initials.setdefault(key, set()).add(actor.id)
    seen: set[str] = set()
    runs: dict[str, list[tuple[str, int, int]]] | None = None   # the text's capitalised runs, read once
    for tok in doc:
        if tok.i in table.by_token and not table.by_token[tok.i].startswith("organization:"):
            continue
        span = _short_form_at(doc, tok.i)
        if span is None or span.text in forms or span.text in seen:
            continue
        letters = "".join(c for c in fold(span.text) if c.isalnum())
        owners = by_initials.get(letters, set())
        if not owners:
            runs = _capital_runs(doc, table) if runs is None else runs
            owners = _spelt_run(doc, table, letters, runs)
        if len(owners) == 1:
            seen.add(span.text)
            forms[span.text] = next(iter(owners))
    _later_uses(doc, table, {t: forms[t] for t in seen})


def _capital_runs(doc: Doc, table: ActorTable) -> dict[str, list[tuple[str, int, int]]]:
    """Every run of capitalised words (three or more, with linking words and dashes between,
    owned by no actor made from the text) by each initials key it spells."""
    links = alias_words().links
    runs: dict[str, list[tuple[str, int, int]]] = {}
    for s in range(len(doc)):
        if not cap(doc[s]) or table.by_token.get(s, "").startswith(TEXT_PREFIXES):
            continue
        caps = 0
        for e in range(s + 1, min(s + 14, len(doc)) + 1):
            t = doc[e - 1]
            if not (cap(t) or t.lower_ in links or t.text in {"-", "\u2013"}) or \
                    table.by_token.get(e - 1, "").startswith(TEXT_PREFIXES):
                break
            caps += cap(t)
            if cap(t) and caps >= 3:
                text = doc[s:e].text
                for key in set(initials(text)):
                    runs.setdefault(key, []).append((text, s, e))
    return runs


def _spelt_run(doc: Doc, table: ActorTable, letters: str, runs: dict[str, list[tuple[str, int, int]]]) -> set[str]:
    """ "JBF-OCS" and an earlier "Joint Border Force - Operation Calm Shield" that
    the NER missed: the one capitalised name (of three words or more, owned by no actor but a
    state) whose initials the short form spells becomes an organisation; its id, or none.
    ``runs``: :func:`_capital_runs` of the text (a run an actor has taken since is skipped)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for text, s, e in runs.get(letters, ()):
        if not any(table.by_token.get(i, "").startswith(TEXT_PREFIXES) for i in range(s, e)):
            found.setdefault(text, []).append((s, e))
    if len(found) != 1:
        return set()
    (name, spans), = found.items()
    if name.split()[0].lower() in alias_words().event_words:
        return set()   # "Operation Calm Shield" names an operation, not an actor
    actor = table.actor("organization:" + slug(name), name, "organization")
    for s, e in spans:
        table.add_mention(actor, s, e)
    return {actor.id}


def _short_form_at(doc: Doc, i: int) -> Span | None:
    """A short form of three letters or more starting at token ``i`` ("KPF", "JBF-OCS")."""
    if i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].text in {"-", "\u2013"}:
        return None
    end = i + 1
    while end + 1 < len(doc) and doc[end].text in {"-", "\u2013"} and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_upper:
        end += 2
    span = doc[i:end]
    text = span.text
    if not abbreviation_like(text) or sum(c.isalpha() for c in text) < 3 or "." in text:
        return None
    if not (text.isupper() or len(span) == 1 and text[0].isupper() and text[-1].isupper()):
        return None
    return span
