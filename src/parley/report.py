"""The terminal report of one analysis (rich), grouped by actor."""
from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from parley.models import RELATION_TYPES, Analysis

# How the report words each relation type: its name in words, except where English wants more.
RELATION_WORDS = {kind: kind.replace("_", " ") for kind in RELATION_TYPES} | {"mediates": "mediates between"}


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def render(analysis: Analysis, console: Console) -> None:
    """Print the report: a header, one panel per active actor, then places and conditionals."""
    art = analysis.article
    head = Text.assemble(("Parley report", "bold"), f"  {art.source or '-'}",
                         f"  ({len(art.text):,} characters, published {art.published or 'unknown'})")
    console.print(head)
    names = {a.id: a.name for a in analysis.actors}
    name = lambda aid: names.get(aid, aid or "?")  # noqa: E731
    order = sorted(analysis.actors, key=lambda a: -_activity(analysis, a.id))
    for actor in order:
        if _activity(analysis, actor.id) == 0 and len(actor.mentions) < 2:
            continue
        lines: list = []
        aliases = sorted({m.text for m in actor.mentions} - {actor.name})
        meta = [actor.kind]
        if actor.role:
            meta.append(f"role: {actor.role}")
        if actor.country:
            meta.append(actor.country)
        if actor.affiliation:
            meta.append(f"for {name(actor.affiliation)}")
        lines.append(Text(" \u00b7 ".join(meta), style="dim"))
        if aliases:
            lines.append(Text("also: " + ", ".join(aliases[:12]), style="italic"))
        said = [s for s in analysis.statements if s.speaker == actor.id]
        for s in said:
            lines.append(Text.assemble(("said ", "cyan"), (f"({s.cue}) ", "dim"), _short(s.content)))
        for r in analysis.relations:
            if r.source == actor.id:
                verb = ("does not " if r.negated else "") + RELATION_WORDS.get(r.type, r.type)
                claim = f" (per {name(r.claimed_by)})" if r.claimed_by else ""
                mod = f" [{r.modality}]" if r.modality != "asserted" else ""
                style = "green" if r.type == "supports" and not r.negated else "red"
                lines.append(Text.assemble((verb, style), f" {name(r.target)}{mod}{claim}"))
        for d in analysis.demands:
            if actor.id in d.by:
                of = f" of {', '.join(name(x) for x in d.of)}" if d.of else ""
                cond = f" as a condition for {d.condition_for}" if d.condition_for else ""
                lines.append(Text.assemble(("demands", "magenta"), f"{of}{cond} [{d.status}]:"))
                for item in d.items:
                    lines.append(Text("  \u2022 " + _short(item, 140)))
        for c in analysis.conditionals:
            if c.actor == actor.id:
                lines.append(Text.assemble(("if ", "yellow"), _short(c.if_, 90), (" then ", "yellow"),
                                           _short(c.then, 90)))
        console.print(Panel(Group(*lines), title=escape(actor.name), title_align="left"))
    if analysis.places:
        table = Table(title="Places", show_lines=False)
        for col in ("place", "country", "lat", "lon", "mentions"):
            table.add_column(col)
        for p in analysis.places:
            table.add_row(escape(p.name), p.country or "-", f"{p.lat:.2f}" if p.lat is not None else "-",
                          f"{p.lon:.2f}" if p.lon is not None else "-", str(len(p.mentions)))
        console.print(table)
    counts = (f"{len(analysis.actors)} actors, {len(analysis.statements)} statements, "
              f"{len(analysis.relations)} relations, {len(analysis.demands)} demands, "
              f"{len(analysis.conditionals)} conditionals, {len(analysis.places)} places, "
              f"{len(analysis.events)} events")
    console.print(Text(counts, style="dim"))


def _activity(analysis: Analysis, actor_id: str) -> int:
    return (sum(s.speaker == actor_id for s in analysis.statements)
            + sum(r.source == actor_id for r in analysis.relations)
            + sum(actor_id in d.by for d in analysis.demands)
            + sum(c.actor == actor_id for c in analysis.conditionals))
