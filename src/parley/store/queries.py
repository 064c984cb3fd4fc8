"""The store's lists, one function per resource: each returns a ``Page`` of plain dicts, one
page of them (``limit``/``offset``, for the API and web UI) or, with ``limit=None``, every row
(for the CLI and exports)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Connection, Select, and_, case, distinct, func, null, or_, select, union

from parley.store import schema as t
from parley.store.fulltext import statement_match, terms
from parley.store.paging import Page, grouped_page, rows_of, table_page
from parley.store.voices import Voices, find_actor, resolve, via, voices  # noqa: F401 - find_actor: read from here

A, ART = t.actors, t.articles
UNRESOLVED = "pronoun:"  # the id prefix of a speaker no rule resolved (see parley.assembly)




# -- dates and order ------------------------------------------------------------------------
def date_clauses(column, since: str | None, until: str | None) -> list:
    """Clauses keeping rows whose date ``column`` (an article's ``published`` or a fact's
    ``sort_date``) falls on ``since`` or later and on ``until`` or earlier. The column is
    compared as an ISO string, with nothing around it, so that its index is used; undated rows
    ('' or NULL) fall outside any range."""
    out = []
    if since:
        out.append(column >= since[:10])
    if until:
        out += [column > "", column < _day_after(until[:10])]
    return out


def _day_after(day: str) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:  # not a date: every time on that "day" sorts before day + DEL
        return day + "\x7f"


def oldest(table) -> list:
    """Facts in reading order: by date, article and position (each dated table has this index)."""
    return [table.c.sort_date, table.c.article_id, table.c.start, table.c.id]


def newest(table) -> list:
    """The reverse of ``oldest`` (the same index read backwards)."""
    return [c.desc() for c in oldest(table)]


def _order(table, newest_first: bool) -> list:
    return newest(table) if newest_first else oldest(table)


# -- the lists ------------------------------------------------------------------------------
def articles(conn: Connection, *, since: str | None = None, until: str | None = None,
             limit: int | None = None, offset: int = 0) -> Page:
    """Articles without their text, newest first (undated last), with how many statements each has.

    Args:
        since, until: only articles published in this date range (YYYY-MM-DD).
        limit, offset: the page (``limit=None``: every row from ``offset``).
    """
    n = select(func.count()).where(t.statements.c.article_id == ART.c.id).scalar_subquery()
    q = select(ART.c.id, ART.c.title, ART.c.published, ART.c.source, ART.c.url, ART.c.language,
               func.length(ART.c.text).label("length"), n.label("statements"),
               func.substr(ART.c.text, 1, 200).label("opening"))
    undated_last = func.coalesce(ART.c.published, "")
    return table_page(conn, ART, q, date_clauses(ART.c.published, since, until), [undated_last.desc(), ART.c.id],
                      limit, offset)


def listed_actors(*, unnamed: bool = False) -> list[ColumnElement]:
    """The clauses keeping the actors a listing shows (see ``actors``)."""
    where = [~A.c.id.startswith(UNRESOLVED, autoescape=True), A.c.mention_count > 0]
    if not unnamed:
        where.append(or_(A.c.unnamed.is_(None), A.c.unnamed.is_(False)))
    return where


def actors(conn: Connection, *, kind: str | None = None, country: str | None = None, name: str | None = None,
           limit: int | None = None, offset: int = 0, unnamed: bool = False) -> Page:
    """Actors with mention and article counts (the counters every write keeps), most mentioned first.

    An actor no article mentions (a speaker no rule resolved, "we"; an affiliation known only
    from the knowledge base) is never listed, nor (unless ``unnamed``) a generic source no
    article names ("witnesses", "officials").

    Args:
        kind, country: only actors of this kind / country (ISO code, any case).
        name: only actors with this in their name or one of their aliases (any case).
        limit, offset: the page (``limit=None``: every row from ``offset``).
        unnamed: list the unnamed sources too.
    """
    where = listed_actors(unnamed=unnamed)
    if kind:
        where.append(A.c.kind == kind)
    if country:
        where.append(func.upper(A.c.country) == country.upper())
    if name:
        aliased = select(t.aliases.c.actor_id).where(t.aliases.c.alias.icontains(name, autoescape=True))
        where.append(or_(A.c.name.icontains(name, autoescape=True), A.c.id.in_(aliased)))
    rows = select(A.c.id, A.c.name, A.c.kind, A.c.country, A.c.affiliation, A.c.mention_count.label("mentions"),
                  A.c.article_count.label("articles"), A.c.first_seen, A.c.last_seen)
    return table_page(conn, A, rows, where, [A.c.mention_count.desc(), A.c.id], limit, offset)


def statement_rows() -> Select:
    """The columns of a statement row, with its date and speaker's name."""
    S = t.statements
    return (select(S.c.id, S.c.article_id, ART.c.published, S.c.speaker, A.c.name.label("speaker_name"),
                   S.c.role, S.c.cue, S.c.content, S.c.direct, S.c.start, S.c.end)
            .join(ART, ART.c.id == S.c.article_id).join(A, A.c.id == S.c.speaker))


def statements(conn: Connection, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
               search: str | None = None, limit: int | None = None, offset: int = 0,
               newest_first: bool = False, direct: bool = False) -> Page:
    """Who said what, oldest first; each row's ``via`` names the person through whom a
    statement counts for ``speaker`` (NULL for the speaker's own).

    Args:
        speaker: only this actor's statements (id, name or alias), with those of the persons
            who speak for it (see ``parley.store.voices``).
        since, until: only statements dated in this range (YYYY-MM-DD).
        search: only statements whose content has all these words (none when it has no word).
        limit, offset: the page (``limit=None``: every row from ``offset``).
        newest_first: newest first instead.
        direct: only the speaker's own statements.

    Raises:
        UnknownActorError: ``speaker`` names no stored actor.
    """
    S = t.statements
    where = date_clauses(S.c.sort_date, since, until)
    voice = voices(conn, resolve(conn, speaker), direct=direct) if speaker else None
    if voice:
        where.append(voice.where(S.c.speaker.in_, S.c.sort_date))
    if search:
        if not terms(search):
            return Page([], 0)
        where.append(statement_match(conn, search))
    rows = statement_rows().add_columns(via(S.c.speaker, voice))
    return table_page(conn, S, rows, where, _order(S, newest_first), limit, offset)


def relation_rows() -> Select:
    """The columns of a relation row, with its date and both ends' names."""
    R = t.relations
    src, dst = A.alias("src"), A.alias("dst")
    return (select(R.c.id, R.c.article_id, ART.c.published, R.c.source, src.c.name.label("source_name"), R.c.type,
                   R.c.target, dst.c.name.label("target_name"), R.c.claimed_by, R.c.negated, R.c.modality,
                   R.c.evidence, R.c.start, R.c.end)
            .join(ART, ART.c.id == R.c.article_id).join(src, src.c.id == R.c.source)
            .join(dst, dst.c.id == R.c.target))


def relations(conn: Connection, *, type: str | None = None, actor: str | None = None, source: str | None = None,
              target: str | None = None, negated: bool | None = None, since: str | None = None,
              until: str | None = None, limit: int | None = None, offset: int = 0,
              newest_first: bool = False, direct: bool = False) -> Page:
    """Who backs, opposes, rejects or accuses whom, with evidence, oldest first; each row's
    ``via`` names the person at the source end through whom a stance counts for ``actor``,
    NULL for the actor's own.

    Args:
        type: only relations of this type.
        actor: only relations with this actor (id, name or alias) at either end, or with a
            person who speaks for it at the source end (see ``parley.store.voices``).
        source, target: only relations with exactly this actor at that end (with ``type``:
            one edge of the stance graph).
        negated: only negated (True) or asserted (False) relations.
        since, until: only relations dated in this range (YYYY-MM-DD).
        limit, offset: the page (``limit=None``: every row from ``offset``).
        newest_first: newest first instead.
        direct: only the actor's own relations, none of those who speak for it.

    Raises:
        UnknownActorError: ``actor``, ``source`` or ``target`` names no stored actor.
    """
    R = t.relations
    where = date_clauses(R.c.sort_date, since, until)
    if type:
        where.append(R.c.type == type)
    for column, name in ((R.c.source, source), (R.c.target, target)):
        if name:
            where.append(column == resolve(conn, name))
    if negated is not None:
        where.append(R.c.negated == negated)
    rows = relation_rows().add_columns(null().label("via"))
    if actor:
        voice = voices(conn, resolve(conn, actor), direct=direct)
        rows = relation_rows().add_columns(_via_source(voice))
        ends = [voice.where(R.c.source.in_, R.c.sort_date), R.c.target == voice.actor]
        if limit is not None:
            return _either_end_page(conn, rows, ends, where, newest_first, limit, offset)
        where.append(or_(*ends))
    return table_page(conn, R, rows, where, _order(R, newest_first), limit, offset)


def _via_source(voice: Voices):
    """The ``via`` of a relation listed for ``voice``'s actor at either end: the source's name
    when neither end is the actor."""
    R = t.relations
    who = A.alias("via_actor")
    name = select(who.c.name).where(who.c.id == R.c.source).scalar_subquery()
    return case((and_(R.c.source != voice.actor, R.c.target != voice.actor), name), else_=null()).label("via")


def _either_end_page(conn: Connection, rows: Select, ends: list, where: list, newest_first: bool, limit: int,
                     offset: int) -> Page:
    """A page of the relations passing either clause of ``ends`` (the actor at the source
    end, at the target end): the two ends read apart, each from its own (end, date...) index
    and cut at the page, then merged (rather than one OR that sorts every relation of a
    frequent actor). A relation passing both is counted once."""
    R = t.relations
    keys = [R.c.sort_date, R.c.article_id, R.c.start, R.c.id]
    n_source, n_target, n_both = (conn.execute(select(func.count()).select_from(R).where(*where, *end)).scalar_one()
                                  for end in ([ends[0]], [ends[1]], ends))
    total = n_source + n_target - n_both
    order = _order(R, newest_first)
    branches = [select(*keys).where(*where, end).order_by(*order).limit(offset + limit).subquery() for end in ends]
    merged = union(*(select(b) for b in branches)).subquery()
    merged_order = [merged.c[k.name].desc() if newest_first else merged.c[k.name] for k in keys]
    ids = select(merged.c.id).order_by(*merged_order).limit(limit).offset(offset)
    return rows_of(conn, R, rows, ids, order, total, offset)


def demand_rows() -> Select:
    """The columns of a demand row, with its date (``demand_details`` adds parties and items)."""
    D = t.demands
    return (select(D.c.id, D.c.article_id, ART.c.published, D.c.status, D.c.condition_for, D.c.claimed_by,
                   D.c.evidence, D.c.start, D.c.end).join(ART, ART.c.id == D.c.article_id))


def demands(conn: Connection, *, by: str | None = None, of: str | None = None, status: str | None = None,
            since: str | None = None, until: str | None = None, limit: int | None = None, offset: int = 0,
            newest_first: bool = False, direct: bool = False) -> Page:
    """Who demands what of whom, oldest first, each with ``by``, ``of`` (actor ids), ``items``
    and ``via`` (the names of the persons through whom a demand counts for ``by``; NULL for
    its own).

    Args:
        by: only demands made by this actor (id, name or alias) or by a person who speaks for
            it (see ``parley.store.voices``; a demand with no maker counts for its claimant).
        of: only demands made of this actor.
        status: only demands with this status.
        since, until: only demands dated in this range (YYYY-MM-DD).
        limit, offset: the page (``limit=None``: every row from ``offset``).
        newest_first: newest first instead.
        direct: only the demands ``by`` makes itself.

    Raises:
        UnknownActorError: ``by`` or ``of`` names no stored actor.
    """
    D, P = t.demands, t.demand_parties
    where = date_clauses(D.c.sort_date, since, until)
    voice = voices(conn, resolve(conn, by), direct=direct) if by else None
    if voice:
        where.append(voice.where(_made_by, D.c.sort_date))
    if of:
        where.append(D.c.id.in_(select(P.c.demand_id).where(P.c.side == "of", P.c.actor_id == resolve(conn, of))))
    if status:
        where.append(D.c.status == status)
    found = table_page(conn, D, demand_rows(), where, _order(D, newest_first), limit, offset)
    items = demand_details(conn, found.items)
    _name_vias(conn, items, voice)
    return Page(items, found.total)


def _made_by(ids: list[str]):
    """The clause keeping demands made by one of ``ids`` (or, with no maker, claimed by one)."""
    D, P = t.demands, t.demand_parties
    makers = select(P.c.demand_id).where(P.c.side == "by")
    return or_(D.c.id.in_(makers.where(P.c.actor_id.in_(ids))),
               and_(D.c.claimed_by.in_(ids), D.c.id.not_in(makers)))


def _name_vias(conn: Connection, rows: list[dict], voice: Voices | None) -> None:
    """Set each demand row's ``via``: who of ``voice`` made it, when its actor did not."""
    if voice is None:
        for r in rows:
            r["via"] = None
        return
    ids = voice.ids - {voice.actor}
    makers = {r["id"]: [a for a in (r["by"] or [r["claimed_by"]]) if a in ids] for r in rows
              if voice.actor not in r["by"]}
    names = actor_names(conn, {a for found in makers.values() for a in found})
    for r in rows:
        r["via"] = ", ".join(names.get(a, a) for a in makers.get(r["id"], [])) or None


def actor_names(conn: Connection, ids) -> dict[str, str]:
    """Names of the actors with these ids (unknown ids are left out)."""
    ids = list(ids)
    return dict(conn.execute(select(A.c.id, A.c.name).where(A.c.id.in_(ids))).all()) if ids else {}


def demand_details(conn: Connection, rows: list[dict]) -> list[dict]:
    """Add ``by``, ``of`` (actor ids) and ``items`` to demand rows."""
    P = t.demand_parties
    ids = [r["id"] for r in rows]
    parties: dict[int, dict[str, list[str]]] = {i: {"by": [], "of": []} for i in ids}
    items: dict[int, list[str]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):  # a bounded number of parameters per query
        chunk = ids[i:i + 500]
        for did, side, aid in conn.execute(select(P.c.demand_id, P.c.side, P.c.actor_id)
                                           .where(P.c.demand_id.in_(chunk)).order_by(P.c.id)):
            parties[did][side].append(aid)
        for did, item in conn.execute(select(t.demand_items.c.demand_id, t.demand_items.c.item)
                                      .where(t.demand_items.c.demand_id.in_(chunk))
                                      .order_by(t.demand_items.c.demand_id, t.demand_items.c.position)):
            items[did].append(item)
    for r in rows:
        r.update(by=parties[r["id"]]["by"], of=parties[r["id"]]["of"], items=items[r["id"]])
    return rows


def conditionals(conn: Connection, *, actor: str | None = None, article: str | None = None,
                 limit: int | None = None, offset: int = 0, direct: bool = False) -> Page:
    """Conditionals (if X then Y), oldest first; each row's ``via`` names the person through
    whom a conditional counts for ``actor`` (NULL for its own).

    Args:
        actor: only this actor's conditionals (id, name or alias), with those of the persons who
            speak for it (see ``parley.store.voices``; one with no actor counts for its claimant).
        article: only those of this article.
        limit, offset: the page (``limit=None``: every row from ``offset``).
        direct: only the actor's own conditionals.

    Raises:
        UnknownActorError: ``actor`` names no stored actor.
    """
    C = t.conditionals
    voice = voices(conn, resolve(conn, actor), direct=direct) if actor else None
    owner = func.coalesce(C.c.actor, C.c.claimed_by)
    q = (select(C.c.id, C.c.article_id, ART.c.published, C.c.actor, A.c.name.label("actor_name"),
                C.c.if_text, C.c.then_text, C.c.cue, C.c.claimed_by, C.c.evidence, C.c.start, C.c.end,
                via(owner, voice))
         .join(ART, ART.c.id == C.c.article_id).outerjoin(A, A.c.id == C.c.actor))
    where = [voice.where(lambda ids: or_(C.c.actor.in_(ids), and_(C.c.actor.is_(None), C.c.claimed_by.in_(ids))),
                         C.c.sort_date)] if voice else []
    if article:
        where.append(C.c.article_id == article)
    return table_page(conn, C, q, where, oldest(C), limit, offset)


def events(conn: Connection, *, type: str | None = None, actor: str | None = None, since: str | None = None,
           until: str | None = None, article: str | None = None, limit: int | None = None, offset: int = 0,
           newest_first: bool = False) -> Page:
    """Events (PLOVER types), oldest first.

    Args:
        type: only events of this type (any case).
        actor: only events with this actor (id, name or alias) at either end.
        since, until: only events dated in this range (YYYY-MM-DD).
        article: only those of this article.
        limit, offset: the page (``limit=None``: every row from ``offset``).
        newest_first: newest first instead.
    """
    E = t.events
    src, dst = A.alias("src"), A.alias("dst")
    q = (select(E.c.id, E.c.article_id, ART.c.published, E.c.type, E.c.mode, E.c.source,
                src.c.name.label("source_name"), E.c.target, dst.c.name.label("target_name"), E.c.place,
                E.c.date, E.c.evidence, E.c.start, E.c.end)
         .join(ART, ART.c.id == E.c.article_id).outerjoin(src, src.c.id == E.c.source)
         .outerjoin(dst, dst.c.id == E.c.target))
    where = date_clauses(E.c.sort_date, since, until)
    if type:
        where.append(E.c.type == type.upper())
    if actor:
        actor_id = resolve(conn, actor)
        where.append(or_(E.c.source == actor_id, E.c.target == actor_id))
    if article:
        where.append(E.c.article_id == article)
    return table_page(conn, E, q, where, _order(E, newest_first), limit, offset)


def places(conn: Connection, *, country: str | None = None, limit: int | None = None, offset: int = 0) -> Page:
    """Places with how often and in how many articles they are mentioned, most mentioned first.

    Args:
        country: only places in this country (ISO code, any case).
        limit, offset: the page (``limit=None``: every row from ``offset``).
    """
    P, PM = t.places, t.place_mentions
    n = func.count(PM.c.id)
    q = (select(P.c.id, P.c.name, P.c.country, P.c.lat, P.c.lon, P.c.geonames_id, P.c.kind, P.c.feature,
                n.label("mentions"), func.count(distinct(PM.c.article_id)).label("articles"))
         .outerjoin(PM, PM.c.place_id == P.c.id).group_by(P.c.id))
    if country:
        q = q.where(func.upper(P.c.country) == country.upper())
    return grouped_page(conn, q, [n.desc(), P.c.name, P.c.id], limit, offset)
