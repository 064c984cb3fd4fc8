"""The model's content spans made statements, and the policy that combines them with the rules.

The policy (``attribution = both``): every statement the rules find is kept as it is — direct
quotes, quote pairing, pronoun speakers and speakers resolved through the actor table are what
the rules do best. A CONTENT span of the model becomes a statement of its own only where no rule
statement overlaps it, and only when its speaker can be linked with the rules' own resolution:

1. the subject of the verb of the model's CUE span nearest to it in its sentences, through
   :func:`speaker_for` (a relative pronoun through the noun it hangs on) — but never the
   addressee of a verb of saying ("told reporters");
2. else, when the model's cue beside it is a reporting word of the lexicon, the model's SOURCE
   span nearest to it in the same sentences (one after a dash that follows the content first:
   "“...” ― Name"), through :func:`speaker_for`;
3. else no statement: a content without a speaker is left out rather than guessed;
4. and a content that is neither a clause nor a quote (a bare noun phrase: "welcomed the
   decision") is a stance, not a statement: it is left out too, as are a quoted name, a
   relative or time clause, and what the rules leave out on purpose (a description, "an
   activist who pledged to ..."; a first-person belief, "We are confident that ...").

With ``attribution = model`` the model's content spans are the only statements, linked the
same way.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from parley.nlp.attribution import ModelSpan
from parley.nlp.components import text_of
from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import is_quote, quote_spans
from parley.nlp.speech import StatementInfo, make_statement, speaker_for
from parley.nlp.syntax import subject_of
from parley.nlp.table import ActorTable

MIN_CONTENT_TOKENS = 3   # shorter model contents ("it", "that") are never statements of their own


def combine(doc: Doc, table: ActorTable, lex: Lexicons, rules: list[StatementInfo],
            spans: list[ModelSpan]) -> list[StatementInfo]:
    """The rule statements, plus the model's content spans that no rule statement overlaps.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        lex: the lexicons.
        rules: the rules' statements, kept as they are.
        spans: the model's spans on the Doc.

    Returns:
        The statements in text order.
    """
    cues = [s for s in spans if s.label == "CUE"]
    sources = [s for s in spans if s.label == "SOURCE"]
    out = list(rules)
    closing = {b for _, b in quote_spans(text_of(doc))}
    for content in (s for s in spans if s.label == "CONTENT"):
        rng = _trimmed(doc, lex, content.start, content.end, closing)
        if rng is None or any(st.tokens[0] < rng[1] and rng[0] < st.tokens[1] for st in out):
            continue
        linked = link(doc, table, lex, rng, cues, sources)
        if linked is None:
            continue
        speaker, source, cue, cue_tokens = linked
        if not _said(doc, lex, rng):
            continue
        st = make_statement(doc, speaker, cue, rng, False, source, cue_tokens)
        if st is not None:
            out.append(st)
    out.sort(key=lambda st: (st.start, -(st.end - st.start)))
    return out


def link(doc: Doc, table: ActorTable, lex: Lexicons, rng: tuple[int, int], cues: list[ModelSpan],
         sources: list[ModelSpan]):
    """(speaker, source chars, cue lemma, cue tokens) of a content span, or None (see module doc)."""
    window = _window(doc, rng)
    outside = [c for c in cues if _beside(c, rng, window)]
    return by_cue(doc, table, lex, rng, outside) or by_source(
        doc, table, lex, rng, outside, [s for s in sources if _beside(s, rng, window)])


def by_cue(doc: Doc, table: ActorTable, lex: Lexicons, rng: tuple[int, int], cues: list[ModelSpan]):
    """The speaker through the subject of the nearest model cue verb outside the content."""
    verbs = [_head(doc[c.start:c.end]) for c in sorted(cues, key=lambda c: _gap(c, rng))]
    root = doc[rng[0]:rng[1]].root
    for verb in verbs:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        cue = lex.reporting_verbs.get(verb.lemma_.lower())
        if cue is not None and root.head.i == verb.i and root.dep_ in {"dobj", "dative"} and cue.frame == "clause":
            continue   # the addressee of a verb of saying ("told reporters") is not what was said
        subj = subject_of(verb, lex, inherit=True)
        if subj is not None and _described(lex, verb, subj, root):
            continue
        if subj is not None and _outside(subj.i, rng):
            speaker, source = _relative_speaker(table, lex, subj) or speaker_for(table, subj)
            if speaker is not None:
                return speaker, source, verb.lemma_.lower(), _cue_of(doc, verb, cues)
    return None


def by_source(doc: Doc, table: ActorTable, lex: Lexicons, rng: tuple[int, int], cues: list[ModelSpan],
              sources: list[ModelSpan]):
    """The speaker through the model's nearest SOURCE span beside the content, when the model's
    nearest cue is a reporting word of the lexicon."""
    cue = min(cues, key=lambda c: _gap(c, rng), default=None)
    lemma = _head(doc[cue.start:cue.end]).lemma_.lower() if cue else ""
    if lemma not in lex.reporting_verbs and lemma not in lex.reporting_nouns:
        return None   # no reporting word beside the content: no statement
    verb = _head(doc[cue.start:cue.end])
    subj = subject_of(verb, lex, inherit=True) if verb.pos_ in {"VERB", "AUX"} else None
    if subj is not None and _described(lex, verb, subj, doc[rng[0]:rng[1]].root):
        return None
    dashes = lex.words.dash_marks
    # "“...” ― Name": a source after a dash that follows the content comes first
    for src in sorted(sources, key=lambda s: (not (s.start > rng[1] and any(
            t.text in dashes for t in doc[rng[1]:s.start])), _gap(s, rng))):
        speaker, source = speaker_for(table, _head(doc[src.start:src.end]))
        if speaker is not None:
            return speaker, source, lemma, (cue.start, cue.end)
    return None


def _described(lex: Lexicons, verb: Token, subj: Token, root: Token) -> bool:
    """What the rules leave out: "an activist who pledged to ban rallies" describes (a relative
    subject without a clause of saying); "We are confident that ..." is the voice of a quote."""
    words = lex.words
    if (verb.dep_ == "relcl" or subj.lemma_.lower() in words.relative_words) and root.dep_ not in {"ccomp", "parataxis"}:
        return True
    return root.head.lower_ in words.belief_adjectives and subj.lower_ in words.speaker_pronouns


def _relative_speaker(table: ActorTable, lex: Lexicons, subj: Token) -> tuple[str, tuple[int, int]] | None:
    """ "the police, which reported ...": the noun the relative clause hangs on speaks, and the
    relative pronoun is the word naming it in this statement."""
    if subj.lower_ not in lex.words.relative_words or subj.head.dep_ != "relcl" or subj.head.head.i > subj.i:
        return None
    speaker, _ = speaker_for(table, subj.head.head)
    return (speaker, (subj.idx, subj.idx + len(subj))) if speaker is not None else None


def _beside(span: ModelSpan, rng: tuple[int, int], window: Span) -> bool:
    """Whether a model span lies in the content's sentences and outside the content."""
    return window.start <= span.start and span.end <= window.end and (span.end <= rng[0] or span.start >= rng[1])


def _said(doc: Doc, lex: Lexicons, rng: tuple[int, int]) -> bool:
    """Whether a content reads as something said: a clause or a quote. A bare noun phrase
    ("welcomed the decision", "supports the force") is a stance, which the relations take; a
    relative or adverbial clause ("that he had", "when it was confirmed") is no content."""
    root, first = doc[rng[0]:rng[1]].root, doc[rng[0]]
    if root.dep_ == "relcl" and first.dep_ != "mark" and first.lower_ in lex.words.relative_words:
        return False   # "the same script that he had": a relative clause describes, it says nothing
    if root.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ not in lex.words.content_marks
                                    or c.dep_ == "advmod" and c.i < root.i and c.lower_ in lex.words.aside_marks
                                    for c in root.children):
        return False   # "When the diagnosis was confirmed, she ...": a time or a reason, not what was said
    if root.pos_ in {"VERB", "AUX"}:
        return True
    # a quote is said, but not a quoted name ("also called “Q-West” in the north")
    close = next((t.i for t in doc[rng[0] + 1:rng[1]] if is_quote(t)), rng[1])
    return is_quote(first) and sum(1 for t in doc[rng[0] + 1:close] if not t.is_punct) >= MIN_CONTENT_TOKENS


def _trimmed(doc: Doc, lex: Lexicons, start: int, end: int, closing: set[int]) -> tuple[int, int] | None:
    """A content's tokens without edge spaces and punctuation (quotation marks stay, unless one
    closes the quote before the content: its offset is in ``closing``) or a leading "that", or
    None when fewer than :data:`MIN_CONTENT_TOKENS` words remain."""
    while start < end and (doc[start].is_space or doc[start].is_punct and not is_quote(doc[start])
                           or is_quote(doc[start]) and doc[start].idx in closing
                           or doc[start].dep_ == "mark" and doc[start].lower_ in lex.words.content_marks):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and not is_quote(doc[end - 1])):
        end -= 1
    words = sum(1 for t in doc[start:end] if not t.is_punct and not t.is_space)
    return (start, end) if words >= MIN_CONTENT_TOKENS else None


def _window(doc: Doc, rng: tuple[int, int]) -> Span:
    """The sentences a content touches."""
    first, last = doc[rng[0]].sent, doc[rng[1] - 1].sent
    return doc[first.start:last.end]


def _head(span: Span) -> Token:
    """The syntactic head of a span (its root; for a multi-word cue, the verb among its tokens)."""
    verbs = [t for t in span if t.pos_ in {"VERB"}]
    return verbs[0] if verbs and span.root.pos_ not in {"VERB", "PROPN", "NOUN", "PRON"} else span.root


def _cue_of(doc: Doc, verb: Token, cues: list[ModelSpan]) -> tuple[int, int]:
    own = next((c for c in cues if c.start <= verb.i < c.end), None)
    return (own.start, own.end) if own else (verb.i, verb.i + 1)


def _outside(i: int, rng: tuple[int, int]) -> bool:
    return not rng[0] <= i < rng[1]


def _gap(span: ModelSpan, rng: tuple[int, int]) -> int:
    return rng[0] - span.end if span.end <= rng[0] else span.start - rng[1]


def _gap_tok(i: int, rng: tuple[int, int]) -> int:
    return rng[0] - i if i < rng[0] else i - rng[1]
