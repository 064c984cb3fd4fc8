"""Writing exports to a binary stream in each supported format."""
from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO

EDGE_COLUMNS = ["source", "target", "type", "weight", "first", "last"]


def write_export(store, fmt: str, stream: BinaryIO) -> None:
    """Write the store as ``fmt`` (jsonl, csv, graphml or gexf) to ``stream``."""
    if fmt == "jsonl":
        for record in store.export_analyses():
            stream.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    elif fmt == "csv":
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=EDGE_COLUMNS)
        writer.writeheader()
        writer.writerows(store.edges())
        stream.write(text.getvalue().encode("utf-8"))
    elif fmt == "graphml":
        import networkx as nx

        nx.write_graphml(store.network(), stream, encoding="utf-8")
    elif fmt == "gexf":
        import networkx as nx

        nx.write_gexf(store.network(), stream, encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    stream.flush()
