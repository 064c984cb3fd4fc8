"""Writing exports to a binary stream in each supported format."""
from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO

EDGE_COLUMNS = ["source", "target", "type", "negated", "modality", "claimed_by", "weight", "first", "last"]


def write_export(store, fmt: str, stream: BinaryIO, *, isolated: bool = False) -> None:
    """Write the store as ``fmt`` to ``stream``.

    Args:
        store: the store to read.
        fmt: jsonl (every stored analysis), csv (the stance edges), graphml or gexf (the actor
            network).
        stream: a binary stream.
        isolated: graphml and gexf: also the actors that no stance edge touches.
    """
    if fmt == "jsonl":
        for record in store.export_analyses():
            stream.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    elif fmt == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=EDGE_COLUMNS)
        writer.writeheader()
        writer.writerows({**e, "negated": str(bool(e["negated"])).lower()} for e in store.edges())
        stream.write(text.getvalue().encode("utf-8"))
    elif fmt == "graphml":
        import networkx as nx

        nx.write_graphml(store.network(isolated=isolated), stream, encoding="utf-8")
    elif fmt == "gexf":
        from parley.store.gexf import write_gexf

        write_gexf(store.network(isolated=isolated), stream)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    stream.flush()
