"""The ``parley positions`` command: demands, preconditions and threats tracked across articles."""
from __future__ import annotations

import click

from parley.cli.options import db_option, emit_json, emit_rows, format_option, open_db

KINDS = ["demand", "precondition", "threat"]


def _row(p: dict) -> dict:
    """A position as one table row: its history and flags in a few words."""
    return {**p, "history": [f"{h['date'] or '?'} {h['status']} {','.join(h['actors'])}" for h in p["history"]],
            "flags": [f"{f['type']} ({f['date'] or '?'}): {f['detail']}" for f in p["flags"]],
            "rejected_by": sorted({r["actor"] for r in p["rejected_by"]}),
            "accepted_by": sorted({r["actor"] for r in p["accepted_by"]})}


@click.command()
@click.argument("actor", required=False)
@click.option("--topic", default=None, help="Only positions about this word (any form), e.g. withdrawal.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only demands, preconditions or threats.")
@click.option("--since", default=None, help="Only positions with evidence from this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only positions with evidence up to this date (YYYY-MM-DD).")
@click.option("--shifts", is_flag=True, help="List the contradictions and shifts instead (stances that turned, "
                                               "answers reversed, conditions dropped, threats carried out).")
@db_option
@format_option(["table", "json", "csv", "tsv"], default="table",
               help="table: for reading; json: every position with its evidence; csv or tsv: for other programs.")
def positions(actor, topic, kind, since, until, shifts, db, fmt) -> None:
    """Positions across articles: the same demand, precondition or threat made in several
    articles, with its holders, first and last seen, status history and who rejected or
    accepted it. ACTOR (id, name or alias) keeps those it, or an official of it, holds, is
    asked or answered.

    \b
    Examples:
      parley positions
      parley positions "Northern Front" --topic withdrawal
      parley positions --kind threat --since 2023-03-01 --until 2023-04-30
      parley positions --shifts --format json
    """
    with open_db(db) as store:
        if shifts:
            rows = store.shifts(actor=actor, since=since, until=until)
            emit_rows(rows, fmt, ["date", "type", "actors", "target", "detail", "position"], "shifts")
            return
        rows = store.positions(actor=actor, topic=topic, kind=kind, since=since, until=until).items
    if fmt == "json":
        emit_json(rows)
    else:
        history = [] if fmt == "table" else ["history"]  # a table shows the flags, not every step
        emit_rows([_row(p) for p in rows], fmt, ["id", "kind", "holders", "summary", "condition", "status",
                                                 "first_seen", "last_seen", "rejected_by", "accepted_by",
                                                 *history, "flags"], "positions")

