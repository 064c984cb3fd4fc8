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
    """Print the report: a header, one panel per active actor (with what the persons who speak
    for it said, demanded or threatened, marked "via" them), then places and conditionals."""
    art = analysis.article
    head = Text.assemble(("Parley report", "bold"), f"  {art.source or '-'}",
                         f"  ({len(art.text):,} characters, published {art.published or 'unknown'})")
    console.print(head)
    names = {a.id: a.name for a in analysis.actors}
    name = lambda aid: names.get(aid, aid or "?")  # noqa: E731
    voices = speakers_for(analysis)
    activity = {a.id: sum(_activity(analysis, v) for v in (a.id, *voices.get(a.id, ()))) for a in analysis.actors}
    for actor in sorted(analysis.actors, key=lambda a: -activity[a.id]):
        if activity[actor.id] == 0 and len(actor.mentions) < 2:
            continue
        lines = _about(actor, name)
        lines += _facts(analysis, actor.id, name)
        for person in voices.get(actor.id, ()):
            lines += _facts(analysis, person, name, via=name(person))
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


def speakers_for(analysis: Analysis) -> dict[str, list[str]]:
    """For each actor, the persons of the analysis who speak for it (their ``affiliation``)."""
    out: dict[str, list[str]] = {}
    for a in analysis.actors:
        if a.kind == "person" and a.affiliation and a.affiliation != a.id:
            out.setdefault(a.affiliation, []).append(a.id)
    return out


def _about(actor, name) -> list:
    """An actor panel's first lines: kind, role, country, affiliation and other names."""
    meta = [actor.kind]
    if actor.role:
        meta.append(f"role: {actor.role}")
    if actor.country:
        meta.append(actor.country)
    if actor.affiliation:
        meta.append(f"for {name(actor.affiliation)}")
    lines: list = [Text(" \u00b7 ".join(meta), style="dim")]
    aliases = sorted({m.text for m in actor.mentions} - {actor.name})
    if aliases:
        lines.append(Text("also: " + ", ".join(aliases[:12]), style="italic"))
    return lines


def _facts(analysis: Analysis, actor_id: str, name, *, via: str | None = None) -> list:
    """What ``actor_id`` said, stood for, demanded and made conditional, each line marked
    "via" the person when it is listed for the actor that person speaks for."""
    mark = (f" (via {via})", "dim") if via else ""
    lines: list = []
    for s in analysis.statements:
        if s.speaker == actor_id:
            lines.append(Text.assemble(("said ", "cyan"), (f"({s.cue}) ", "dim"), _short(s.content), mark))
    for r in analysis.relations:
        if r.source == actor_id:
            verb = ("does not " if r.negated else "") + RELATION_WORDS.get(r.type, r.type)
            claim = f" (per {name(r.claimed_by)})" if r.claimed_by and not via else ""
            mod = f" [{r.modality}]" if r.modality != "asserted" else ""
            style = "green" if r.type == "supports" and not r.negated else "red"
            lines.append(Text.assemble((verb, style), f" {name(r.target)}{mod}{claim}", mark))
    for d in analysis.demands:
        if actor_id in d.by:
            of = f" of {', '.join(name(x) for x in d.of)}" if d.of else ""
            cond = f" as a condition for {d.condition_for}" if d.condition_for else ""
            lines.append(Text.assemble(("demands", "magenta"), f"{of}{cond} [{d.status}]:", mark))
            for item in d.items:
                lines.append(Text("  \u2022 " + _short(item, 140)))
    for c in analysis.conditionals:
        if c.actor == actor_id:
            lines.append(Text.assemble(("if ", "yellow"), _short(c.if_, 90), (" then ", "yellow"),
                                       _short(c.then, 90), mark))
    return lines


def _activity(analysis: Analysis, actor_id: str) -> int:
    return (sum(s.speaker == actor_id for s in analysis.statements)
            + sum(r.source == actor_id for r in analysis.relations)
            + sum(actor_id in d.by for d in analysis.demands)
            + sum(c.actor == actor_id for c in analysis.conditionals))
