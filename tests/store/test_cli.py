"""`parley ingest`, the query commands and export, through the click CLI."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.store import open_store

from .conftest import DATA

STORE_COMMANDS = ["ingest", "actors", "actor", "statements", "relations", "demands", "timeline", "search",
                  "stats", "export"]


def run(*args: str) -> "object":
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def ingested(store_url):
    result = run("ingest", str(DATA / "articles"), "--db", store_url, "--date", "2020-06-18")
    assert result.exit_code == 0, result.output
    return store_url, result


def test_ingest_folder_then_rerun_skips(ingested):
    url, first = ingested
    assert "ingested 4, skipped 0 as duplicates, failed 0" in first.stderr
    assert re.search(r"^ingesting: 4/4 articles, [\d.]+ art/s, .* 0 failed$", first.stderr, re.M), first.stderr
    again = run("ingest", str(DATA / "articles"), "--db", url)
    assert again.exit_code == 0
    assert "ingested 0, skipped 4 as duplicates, failed 0" in again.stderr
    stats = json.loads(run("stats", "--db", url, "--format", "json").stdout)
    assert set(stats) == {"articles", "actors", "statements", "relations", "demands", "conditionals", "places",
                          "events"}
    assert stats["articles"] == 4


def test_graphml_export_reads_back(ingested, tmp_path):
    url, _ = ingested
    out = tmp_path / "net.graphml"
    result = run("export", "--format", "graphml", "-o", str(out), "--db", url)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    store = open_store(url)
    edges = store.edges()
    store.close()
    assert {"russia", "turkey", "gna"} <= set(graph.nodes)
    assert graph.nodes["russia"]["label"] == "Russia" and graph.nodes["russia"]["kind"] == "state"
    assert graph.number_of_edges() == len(edges) > 0
    for e in edges:
        found = [d for d in graph.get_edge_data(e["source"], e["target"]).values()
                 if (d["relation"], d["negated"], d["modality"], d.get("claimed_by")) ==
                 (e["type"], e["negated"], e["modality"], e["claimed_by"])]
        assert len(found) == 1 and found[0]["weight"] == e["weight"] and found[0]["first"] == "2020-06-18"
    assert ("turkey", "gna") in {(e["source"], e["target"]) for e in edges if e["type"] == "supports"}
    gexf = run("export", "--format", "gexf", "--db", url)
    assert gexf.exit_code == 0 and "<gexf" in gexf.stdout
    csv_out = run("export", "--format", "csv", "--db", url).stdout.splitlines()
    assert csv_out[0] == "source,target,type,negated,modality,claimed_by,weight,first,last"
    assert len(csv_out) == len(edges) + 1


def test_queries_and_merge(ingested):
    url, _ = ingested
    listing = json.loads(run("actors", "--kind", "state", "--format", "json", "--db", url).stdout)
    assert "russia" in {a["id"] for a in listing}
    assert "Russia" in run("actor", "Russia", "--db", url).stdout
    for args in (["statements", "--speaker", "Turkey"], ["relations", "--actor", "Russia"], ["demands"],
                 ["timeline", "Russia"], ["search", "ceasefire"]):
        result = run(*args, "--db", url, "--format", "csv")
        assert result.exit_code == 0, (args, result.output)
        assert len(result.stdout.splitlines()) >= 2, args
    hits = json.loads(run("search", "ceasefire", "--db", url, "--format", "json").stdout)
    table = run("search", "ceasefire", "--db", url).stdout  # on a pipe: every cell whole, one line each
    assert all(" ".join(h["snippet"].split()) in table for h in hits) and max(map(len, table.splitlines())) > 80
    tsv = run("search", "ceasefire", "--db", url, "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == ["kind", "published", "speaker", "snippet", "article_id"]
    assert len(tsv) == len(hits) + 1 and all(line.count("\t") == 4 for line in tsv)
    merged = run("actors", "merge", "russia", "egypt", "--db", url)
    assert merged.exit_code == 0 and "merged egypt into russia" in merged.stdout
    assert run("actor", "Egypt", "--db", url, "--format", "json").exit_code == 0
    missing = run("actor", "Atlantis", "--db", url)
    assert missing.exit_code == 1 and "no actor 'Atlantis'" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["statements", "relations"])
def test_limit_and_newest(ingested, command):
    url, _ = ingested
    every = json.loads(run(command, "--format", "json", "--db", url).stdout)
    assert len(every) > 3
    first = run(command, "--limit", "2", "--format", "json", "--db", url)
    assert json.loads(first.stdout) == every[:2]
    assert f"2 of {len(every)} shown" in first.stderr
    newest = json.loads(run(command, "--newest", "--format", "json", "--db", url).stdout)
    assert [r["id"] for r in newest] == [r["id"] for r in reversed(every)]
    assert run(command, "--limit", "0", "--db", url).exit_code == 2


def test_jsonl_and_bad_source(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    result = run("ingest", str(DATA / "articles.jsonl"), str(tmp_path / "missing.txt"), "--db", url)
    assert result.exit_code == 1
    assert "ingested 2, skipped 0 as duplicates, failed 1" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    store = open_store(url)
    rows = list(store.export_analyses())
    store.close()
    assert {r["article"]["published"] for r in rows} == {"2020-07-02", "2020-07-03"}
    assert "Rome backs Tripoli" in {r["article"]["title"] for r in rows}


def test_ingest_takes_a_knowledge_base(tmp_path):
    """--kb reaches the analysis: the extra file's actor is found only with it."""
    api_data = DATA.parent / "api" / "data"
    article, kb = api_data / "html-looking.txt", api_data / "html-names-kb.yaml"
    with_kb, without = f"sqlite:///{tmp_path / 'kb.db'}", f"sqlite:///{tmp_path / 'plain.db'}"
    assert run("ingest", str(article), "--db", with_kb, "--kb", str(kb)).exit_code == 0
    assert run("ingest", str(article), "--db", without).exit_code == 0
    ids = {url: {a["id"] for a in json.loads(run("actors", "--format", "json", "--db", url).stdout)}
           for url in (with_kb, without)}
    assert "bold-brigade" in ids[with_kb] and "bold-brigade" not in ids[without]


def test_reprocess_reanalyses_old_pipeline(tmp_path, analyses):
    from dataclasses import replace

    url = f"sqlite:///{tmp_path / 'p.db'}"
    store = open_store(url)
    old = replace(analyses[0], article=replace(analyses[0].article, pipeline="parley 0.0.1 + old"))
    store.add_analysis(old)
    store.close()
    result = run("ingest", "--reprocess", "--db", url)
    assert result.exit_code == 0 and "re-analysed 1" in result.stderr
    store = open_store(url)
    assert list(store.stale_articles(analyses[0].article.pipeline)) == [] and store.stats()["articles"] == 1
    [record] = store.export_analyses()
    store.close()
    assert record["article"]["pipeline"] == analyses[0].article.pipeline


def test_errors_are_one_line(tmp_path):
    result = run("stats", "--db", "nonsense://x")
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    result = run("stats", "--db", f"sqlite:///{tmp_path}/no/such/folder/p.db")
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert run("ingest", "--db", f"sqlite:///{tmp_path / 'p.db'}").exit_code == 2


@pytest.mark.parametrize("command", STORE_COMMANDS + ["actors merge", "actors split"])
def test_every_command_has_help_with_example(command):
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "--db" in result.stdout
