"""Who said what: reporting verbs, reporting nouns, "according to" and direct quotes.

Each statement keeps its speaker (an actor id), the cue lemma, the content span, and the
spans of the words naming the speaker and of the cue. Verbs joined by "and" share their
subject; participles ("..., saying that") inherit the subject of the verb they hang on.
Speakers are looked up in the actor table (``ActorTable.speaker``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from parley.nlp.according import according_to, addressee_only
from parley.nlp.attribution import mode_of
from parley.nlp.components import Resources, component, doc_attribute, text_of
from parley.nlp.lexicon import Lexicons
from parley.nlp.constructions import (adjective_statement, aside, coordinated_after, cue_key, misread_verb,
                                      relative, verb_tagged_noun)
from parley.nlp.extent import continued_end, merge_interrupted, predicate_end
from parley.nlp.linking import combine
from parley.nlp.quotes import CLOSE_QUOTES, OPEN_QUOTES, is_quote, named_after, quote_spans
from parley.nlp.speech import StatementInfo, speaker_for  # noqa: F401 (StatementInfo: re-exported)
from parley.nlp.speech import make_statement as _make
from parley.nlp.syntax import content_range, subject_of, without_aside
from parley.nlp.table import ActorTable
from parley.nlp.voices import refine



def find_statements(doc: Doc, table: ActorTable, lex: Lexicons) -> list[StatementInfo]:
    """All statements in ``doc`` (see the module docstring).

    Args:
        doc: the parsed Doc.
        table: its actor table (speakers no rule resolved are added to it).
        lex: the lexicons.

    Returns:
        The statements in text order, direct ones marked.
    """
    found: list[StatementInfo] = []
    for sent in doc.sents:
        for tok in sent:
            st = None
            if tok.pos_ in {"VERB", "AUX"} and cue_key(tok, lex):
                st = _verb_statement(doc, tok, table, lex)
            elif (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and tok.lower_ in lex.words.belief_adjectives:
                st = adjective_statement(doc, tok, table, lex)
            elif verb_tagged_noun(tok, lex):
                st = misread_verb(doc, tok, table, lex)
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in lex.reporting_nouns:
                st = _noun_statement(doc, tok, table)
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                st = according_to(doc, tok, table)
            if st is not None:
                found.append(st)
    found = _drop_embedded(found)
    found.extend(_colon_statements(doc, table, found))
    found.extend(_quotes(doc, table, lex, found))
    return _mark_direct(doc, merge_interrupted(doc, _dedupe(found)))


def _mark_direct(doc: Doc, items: list[StatementInfo]) -> list[StatementInfo]:
    """A content that is a quotation is direct speech; its quotation marks are not content."""
    quotes = quote_spans(text_of(doc))
    text = text_of(doc)
    for st in items:
        a, b = st.start, st.end
        while a < b and text[a] in OPEN_QUOTES + CLOSE_QUOTES + "'`":
            a += 1
        while b > a and text[b - 1] in OPEN_QUOTES + CLOSE_QUOTES + "',":
            b -= 1
        if any(qa - 1 <= a and b <= qb + 1 for qa, qb in quotes):
            st.direct = True
            st.start, st.end = a, b
    return items


def _colon_statements(doc: Doc, table: ActorTable, found: list[StatementInfo]) -> list[StatementInfo]:
    """ "PENCE: Well, the question ..." / "Poll: voters ...": a name and a colon open a paragraph."""
    out = []
    text = text_of(doc)
    for sent in doc.sents:
        first = sent[0]
        if first.i > 0 and "\n" not in doc[first.i - 1].text_with_ws and not doc[first.i - 1].is_space:
            continue
        colon = next((t for t in sent[:6] if t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i + 1 >= len(doc):
            continue
        lead = sent.start
        while lead < colon.i and is_quote(doc[lead]):   # a transcript quoted whole: "WALLACE: ...
            lead += 1
        name = doc[lead:colon.i]
        if len(name) == 1 and name[0].lower_ in table.lex.words.notice_words:
            continue   # "Correction: An earlier version of this article ...": the editor's notice
        if not name or not all(t.pos_ in {"PROPN", "NOUN"} or t.is_title or t.is_upper or t.is_space for t in name):
            continue
        para_end = text.find("\n", colon.idx)
        end_char = para_end if para_end != -1 else len(text)
        content = doc.char_span(colon.idx + 1, end_char, alignment_mode="expand")
        if content is None or len(content) < 3 or any(st.start <= content.start_char < st.end for st in found):
            continue
        speaker, source = speaker_for(table, name.root)
        if speaker is None:
            continue
        start = content.start
        while start < content.end and (doc[start].is_space or doc[start].is_punct and not is_quote(doc[start])):
            start += 1
        st = _make(doc, speaker, ":", (start, content.end), True, source, (colon.i, colon.i + 1))
        if st:
            out.append(st)
    return out


def _drop_embedded(items: list[StatementInfo]) -> list[StatementInfo]:
    """Drop a statement whose cue sits inside another statement's content ("Lavrov said that
    Moscow wants ..."): the inner one is part of what the outer speaker said."""
    out = []
    for st in items:
        cue = st.cue_tokens[0]
        if not any(o is not st and o.tokens[0] <= cue < o.tokens[1] and not _holds(st, o) for o in items):
            out.append(st)
    return out


def _holds(st: StatementInfo, other: StatementInfo) -> bool:
    """Whether each content holds the other's cue and ``st``'s is the longer: a parenthetical
    "A, X said, B" keeps its whole sentence."""
    (a, b), (c, d) = st.tokens, other.tokens
    return c <= st.cue_tokens[0] < d and a <= other.cue_tokens[0] < b and b - a > d - c


# -- reporting verbs, nouns and "according to" -------------------------------------------------
def _content_child(verb: Token, lex: Lexicons) -> Token | None:
    frame = lex.reporting_verbs[cue_key(verb, lex)].frame
    kids = list(verb.children)
    for dep in ("ccomp", "parataxis"):
        for c in kids:
            if c.dep_ == dep and c.i > verb.i and not aside(c, lex):
                return c
    for c in kids:   # content first: "“We will win,” she said." / "X is wrong, officials said."
        if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i and not aside(c, lex):
            return c
    if frame in {"object", "any", "infinitive"}:
        for c in kids:
            if c.dep_ in {"dobj", "xcomp"} and c.i > verb.i or c.dep_ == "oprd" and c.i > verb.i \
                    and c.ent_type_ not in {"DATE", "TIME"} and any(k.dep_ == "nsubj" for k in kids):
                return c   # "called Oz a quack"; not the naming in "an airfield, also called Q-West"
    for c in kids:  # "called for X", "insisted on X", "called Friday for X", "is calling for X to be named"
        first = c if c.dep_ == "prep" else c.left_edge if c.dep_ == "advcl" else None
        if first is not None and first.lower_ in lex.words.content_preps and verb.i < first.i <= c.i \
                and (first is c or first.dep_ == "mark") \
                and all(t.ent_type_ in {"DATE", "TIME"} or t.pos_ == "ADV" for t in verb.doc[verb.i + 1:first.i]):
            return c
    if any(c.dep_ == "agent" for c in kids):   # "summarized by X with three conditions: ..."
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in lex.words.frame_preps and c.i > verb.i:
                return c
    return None


def _parenthetical(doc: Doc, verb: Token, lex: Lexicons) -> tuple[int, int] | None:
    """ "The museum, Mr. Bush said, celebrated ...": the clause around a parenthetical cue."""
    if verb.dep_ not in {"parataxis", "advcl", "ccomp"} or verb.head.i == verb.i:
        return None
    if any(c.dep_ in {"ccomp", "xcomp"} or c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children):
        return None   # "The plan, she told me, is ...": an addressee is no content
    head = verb.head
    while head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"nsubj", "nsubjpass"}:
        head = head.head   # hung on the subject: the clause is the subject's
    left = min(t.i for t in verb.subtree if not t.is_punct)
    if not (doc[left - 1].text in lex.words.parenthetical_marks if left > 0 else False):
        return None
    # a cue at the end ("..., officials said." / "... (the governor said).") ends the content before it
    start, end = head.left_edge.i, left - 1 if verb.right_edge.i >= head.right_edge.i - 1 else head.right_edge.i + 1
    if not start < left:
        return None
    end = without_aside(doc, start, end, lex, verb) if end > left else end   # "..., although it may take days"
    while end > start + 1 and doc[end - 1].is_punct and not is_quote(doc[end - 1]):
        end -= 1
    return start, end


def _verb_statement(doc: Doc, verb: Token, table: ActorTable, lex: Lexicons) -> StatementInfo | None:
    if any(c.dep_ == "prep" and c.lower_ == "as" and any(p.dep_ == "pcomp" and p.lemma_.lower() in lex.reporting_verbs
                                                         for p in c.children) for c in verb.children):
        return None   # "quoted by the agency as saying": the statement is the saying's, not the quoting's
    content = _content_child(verb, lex)
    if content is not None and addressee_only(verb, content, lex):
        content = None   # "told his supporters": whom it was said to; "The plan, she told me, is ...": an aside
    rng = _parenthetical(doc, verb, lex) if content is None else _content_of(doc, verb, content, lex)
    subj = subject_of(verb, lex, inherit=True) if rng else None
    if subj is None or relative(subj, table) and (content is None or content.dep_ not in {"ccomp", "parataxis"}):
        return None   # "who pledged to ban X", "which published the paper": a description, not a statement
    if content is not None and content.dep_ in {"dobj", "xcomp"} \
            and lex.reporting_verbs[cue_key(verb, lex)].kind != "speech" \
            and (rng[1] - rng[0] < 3 or _only_actor(doc, table, rng)):
        return None   # "backs Haftar": a stance, not something said
    if content is not None and content.dep_ in {"prep", "advcl"} and _only_time(doc, rng):
        return None   # "spoke for about five minutes": how long, not what
    speaker, source = speaker_for(table, subj)
    if speaker is None:
        return None
    st = _make(doc, speaker, cue_key(verb, lex), rng, False, source, _cue_tokens(verb))
    if st is not None and content is not None:
        st.negated = any(c.dep_ == "neg" for c in verb.children)
    return st


def _content_of(doc: Doc, verb: Token, content: Token, lex: Lexicons) -> tuple[int, int]:
    """The token range of a reporting verb's content phrase."""
    rng = content_range(doc, content, verb, lex)
    if content.dep_ in {"dobj", "oprd"}:   # "called him a genius": the object and what it is called
        ends = [c.right_edge.i + 1 for c in verb.children if c.dep_ == "oprd" and c.i > content.i]
        end = max(ends, default=0)
        while end > rng[1] and doc[end - 1].is_punct and not is_quote(doc[end - 1]):
            end -= 1
        rng = rng[0], max(rng[1], end, predicate_end(doc, verb, content, rng))
    if content.i > verb.i:   # "wants to raise X, expand Y and cut Z"
        rng = rng[0], continued_end(doc, verb, content, rng, lex)
    if content.dep_ == "advcl":   # "is calling for X to be named": the clause after "for"
        return content.left_edge.i + 1, rng[1]
    if content.dep_ == "prep" and content.lower_ not in lex.words.frame_preps:
        return content.i + 1, rng[1]
    if content.dep_ == "prep":   # "summarized by X with three conditions: A, B and C"
        return content.i, max(rng[1], verb.right_edge.i + (0 if doc[verb.right_edge.i].is_punct else 1))
    if content.i < verb.i and not any(is_quote(t) for t in doc[max(rng[0] - 1, 0):rng[1] + 2]):
        return rng[0], max(rng[1], coordinated_after(doc, verb, lex))   # "A, the agency said, and B"
    return rng


def _only_actor(doc: Doc, table: ActorTable, rng: tuple[int, int]) -> bool:
    ids = {table.by_token.get(i) for i in range(*rng) if not doc[i].is_punct and doc[i].pos_ != "DET"}
    return len(ids) == 1 and None not in ids


def _only_time(doc: Doc, rng: tuple[int, int]) -> bool:
    """Whether a phrase is only a date or a time ("on Saturday", "for about five minutes")."""
    words = [t for t in doc[rng[0]:rng[1]] if not t.is_punct]
    return bool(words) and all(t.ent_type_ in {"DATE", "TIME"} for t in words)


def _cue_tokens(verb: Token) -> tuple[int, int]:
    start = verb.i
    for c in verb.children:
        if c.dep_ in {"aux", "auxpass", "neg", "prt"} and c.i < verb.i:
            start = min(start, c.i)
    end = verb.i + 1
    for c in verb.children:
        if c.dep_ == "prt" and c.i == end:
            end += 1
    return start, end


def _noun_statement(doc: Doc, noun: Token, table: ActorTable) -> StatementInfo | None:
    """ "the statements of X that ...", "X's call for ..."."""
    words = table.lex.words
    speaker_tok = None
    for c in noun.children:
        if c.dep_ == "poss":
            speaker_tok = c
        elif c.dep_ == "prep" and c.lower_ in words.speaker_preps:
            speaker_tok = next((p for p in c.children if p.dep_ == "pobj"), None)
    if speaker_tok is None:
        return None
    content = None
    owners = {noun.i, speaker_tok.i} | {x.i for x in speaker_tok.subtree}
    for t in doc[noun.i + 1:noun.sent.end]:
        if t.dep_ in {"acl", "ccomp", "relcl"} and t.head.i in owners:
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) or t.dep_ in {"acl", "ccomp"}:
                content = t
                break
        if t.dep_ == "prep" and t.head.i == noun.i and t.lower_ in words.noun_content_preps:
            content = t
            break
    if content is None:
        return None
    speaker, source = speaker_for(table, speaker_tok)
    if speaker is None:
        return None
    start, end = content.left_edge.i, content.right_edge.i + 1
    if content.dep_ == "prep":
        start = content.i + 1
        if _only_actor(doc, table, (start, end)) or _only_time(doc, (start, end)):
            return None   # "her statement to the FBI", "his remarks on Saturday": to whom or when, not what
    # "statements of X that A, and that B": take coordinated that-clauses too
    tail = [t for t in doc[end:noun.sent.end] if t.dep_ == "conj" and t.head.i == content.i]
    if tail:
        end = tail[-1].right_edge.i + 1
    while start < end and (doc[start].lower_ == "that" or doc[start].is_punct):
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return _make(doc, speaker, noun.lemma_.lower(), (start, end), False, source, (noun.i, noun.i + 1))


# -- direct quotes ----------------------------------------------------------------------------
def _quotes(doc: Doc, table: ActorTable, lex: Lexicons, found: list[StatementInfo]) -> list[StatementInfo]:
    out = []
    for a, b in quote_spans(text_of(doc)):
        if any(st.start <= a and b <= st.end + 2 for st in found):
            continue   # a quoted fragment inside an indirect statement: already covered
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        speaker, source, cue = _quote_speaker(doc, span, table, lex, found)
        if speaker is None:
            continue
        st = _make(doc, speaker, cue[0], (span.start, span.end), True, source, cue[1])
        if st:
            out.append(st)
    return out


def _quote_speaker(doc: Doc, span: Span, table: ActorTable, lex: Lexicons, found: list[StatementInfo]):
    """A reporting verb outside the quote in the same sentence(s), else the last speaker (a
    quote that goes on with the last speaker has no words naming its speaker: no source span)."""
    sents = {span[0].sent.start, span[-1].sent.start}
    window = [t for t in doc[min(sents):max(span[-1].sent.end, span.end)] if not span.start <= t.i < span.end]
    window += [t for t in doc[span.end:min(len(doc), span.end + 8)] if t not in window]
    # "Asked about X, she said: “...”": the question put to the speaker is not the quote's cue
    window.sort(key=lambda t: t.tag_ == "VBN" and t.dep_ == "advcl")
    for tok in window:
        if tok.pos_ in {"VERB", "AUX"} and tok.lemma_.lower() in lex.reporting_verbs:
            subj = subject_of(tok, lex)
            if subj is None or span.start <= subj.i < span.end:
                subj = named_after(doc, span, tok)
            if subj is not None and not span.start <= subj.i < span.end:
                speaker, source = speaker_for(table, subj)
                if speaker:
                    return speaker, source, (tok.lemma_.lower(), _cue_tokens(tok))
    before = [st for st in found if st.tokens[1] <= span.start and span.start - st.tokens[1] < 60]
    if before:
        last = before[-1]
        return last.speaker, None, (last.cue, (span.start, span.start))   # no words name it here
    return None, None, ("", (span.start, span.start))


def _dedupe(items: list[StatementInfo]) -> list[StatementInfo]:
    items.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[StatementInfo] = []
    for st in items:
        if any(o.start == st.start and o.end == st.end for o in out):
            continue
        out.append(st)
    return out


def _run(doc: Doc, r: Resources) -> list[StatementInfo]:
    """The rules' statements, the model's or both (the Doc's attribution mode), then refine()'s."""
    table, spans, lex = doc._.parley_actors, doc._.parley_attribution or [], r.lexicons
    found = find_statements(doc, table, lex) if mode_of(doc) != "model" else []
    found = combine(doc, table, lex, found, spans) if spans else found
    return refine(doc, table, lex, found)


# the spaCy component of find_statements(): what it reads from the Doc and where it stores its result
Language.factory("parley_statements", default_config={"kb": None},
                 requires=["doc._.parley_actors", "doc._.parley_attribution", "doc.sents"],
                 assigns=[doc_attribute("parley_statements")],
                 func=component("parley_statements", _run))
