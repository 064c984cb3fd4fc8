"""`parley analyze`: formats, folders, globs, JSONL, standard input, HTML, bad inputs and a 10 MB text."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.ingest.files import read_path
from parley.models import article_id
from parley.schema import load_schema

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "cli"
JSONL = Path(__file__).resolve().parent / "data" / "articles.jsonl"
EXAMPLE = ROOT / "examples" / "libya-ceasefire-conditions.txt"
PARLEY = Path(sys.executable).parent / "parley"

GOOD = "Russia said on Monday that it supports the ceasefire in Libya. Turkey rejected the proposal.\n"
FRENCH = ("Le président français Emmanuel Macron a déclaré à Genève que la Russie doit se retirer de Syrte. "
          "Russia said on Monday that it supports the ceasefire, according to the café owner in Benghazi.\n")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"
       + zlib.compress(bytes(range(256)) * 16))


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(load_schema())


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, ["analyze", *args], input=input, catch_exceptions=False)


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def assert_quotes(data: dict, text: str) -> None:
    """Mentions and evidence index ``text`` exactly."""
    for actor in data["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], m
    for section in ("relations", "demands", "conditionals", "events"):
        for fact in data[section]:
            assert text[fact["start"]:fact["end"]] == fact["evidence"]
    for st in data["statements"]:
        assert text[st["start"]:st["end"]] == st["content"]


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    """A working folder with a good text, and relative paths as a user would type them."""
    monkeypatch.chdir(tmp_path)
    Path("good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_text_report_names_the_actors():
    result = run(str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert "Parley report" in result.stdout
    for name in ("Russia", "Haftar"):
        assert name in result.stdout
    assert stderr_lines(result) == []


def test_json_is_one_contract_object(validator):
    result = run(str(EXAMPLE), "--format", "json", "--date", "2020-06-18")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # the whole output is one object
    validator.validate(data)
    assert data["article"]["source"] == str(EXAMPLE)
    assert data["article"]["published"] == "2020-06-18"
    assert "Russia" in {a["name"] for a in data["actors"]}
    assert_quotes(data, EXAMPLE.read_text(encoding="utf-8"))


def test_jsonl_one_object_a_line_with_sources_as_given(inputs, validator):
    Path("sub").mkdir()
    Path("sub/other.md").write_text("# Talks\n\nEgypt warned Turkey against an attack on Sirte.\n", encoding="utf-8")
    result = run("good.txt", "sub/other.md", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    objs = [json.loads(line) for line in lines]
    for obj in objs:
        validator.validate(obj)
    assert [o["article"]["source"] for o in objs] == ["good.txt", "sub/other.md"]


@pytest.mark.parametrize("args", [["a.txt", "b.txt"], ["folder"]])
def test_json_with_several_inputs_is_a_usage_error(args, inputs):
    Path("folder").mkdir()
    for name in ("a.txt", "b.txt", "folder/c.txt"):
        Path(name).write_text(GOOD, encoding="utf-8")
    result = run(*args, "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1 and "jsonl" in lines[0]


def test_folder_is_read_recursively(inputs, validator):
    Path("news/2020/june").mkdir(parents=True)
    Path("news/a.txt").write_text(GOOD, encoding="utf-8")
    Path("news/2020/b.md").write_text("Egypt warned Turkey against an attack on Sirte.\n", encoding="utf-8")
    Path("news/2020/june/c.html").write_bytes((DATA / "ankara-talks.html").read_bytes())
    Path("news/2020/june/ignored.json").write_text("{}", encoding="utf-8")
    Path("news/2020/picture.png").write_bytes(PNG)
    Path("news/.hidden.txt").write_text(GOOD, encoding="utf-8")
    result = run("news", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    objs = jsonl(result)
    for obj in objs:
        validator.validate(obj)
    sources = [o["article"]["source"] for o in objs]
    assert sorted(sources) == sorted(str(Path(p)) for p in ("news/a.txt", "news/2020/b.md", "news/2020/june/c.html"))


def test_jsonl_file_gives_one_analysis_per_record(validator):
    result = run(str(JSONL), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    objs = jsonl(result)
    records = [json.loads(line) for line in JSONL.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(objs) == len(records) == 2
    for obj in objs:
        validator.validate(obj)
    assert [o["article"]["title"] for o in objs] == ["Rome backs Tripoli", "Qatar and the GNA"]
    assert [o["article"]["published"] for o in objs] == ["2020-07-02", "2020-07-03"]
    assert objs[0]["article"]["length"] == len(records[0]["text"])
    assert_quotes(objs[0], records[0]["text"])


def test_json_with_a_jsonl_of_several_records_is_a_usage_error():
    result = run(str(JSONL), "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = stderr_lines(result)
    assert len(lines) == 1 and "jsonl" in lines[0] and "2 articles" in lines[0]


def test_json_with_a_jsonl_of_one_record(inputs, validator):
    Path("one.jsonl").write_text(json.dumps({"text": GOOD, "source": "wire"}) + "\n", encoding="utf-8")
    result = run("one.jsonl", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert data["article"]["source"] == "wire"
    assert_quotes(data, GOOD)


def test_glob_is_expanded_in_order(inputs):
    Path("news").mkdir()
    Path("news/b.txt").write_text("Egypt warned Turkey against an attack on Sirte.\n", encoding="utf-8")
    Path("news/a.txt").write_text(GOOD, encoding="utf-8")
    Path("news/c.md").write_text(GOOD, encoding="utf-8")
    result = run("news/*.txt", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [o["article"]["source"] for o in jsonl(result)] == [str(Path("news/a.txt")), str(Path("news/b.txt"))]
    nothing = run("nothing/*.txt", "good.txt", "--format", "jsonl")
    assert nothing.exit_code == 1
    assert stderr_lines(nothing) == ["skipped: nothing/*.txt: no file matches this pattern"]
    assert [o["article"]["source"] for o in jsonl(nothing)] == ["good.txt"]


def test_an_article_that_breaks_the_pipeline_is_skipped_alone(inputs, monkeypatch):
    """A failure inside a batch is isolated: the others of the batch are analysed all the same."""
    import parley.analyzer

    real = parley.analyzer.analyze_many

    def fragile(items, **options):
        items = list(items)
        if any("BOOM" in text for text, _ in items):
            raise ValueError("cannot parse this")
        return real(items, **options)

    monkeypatch.setattr(parley.analyzer, "analyze_many", fragile)
    Path("bad.txt").write_text("BOOM. " + GOOD, encoding="utf-8")
    result = run("good.txt", "bad.txt", "--format", "jsonl")
    assert result.exit_code == 1
    assert stderr_lines(result) == ["skipped: bad.txt: analysis failed: ValueError: cannot parse this"]
    assert [o["article"]["source"] for o in jsonl(result)] == ["good.txt"]


def test_standard_input(validator):
    result = run("-", "--format", "json", input=GOOD.encode("utf-8"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert data["article"]["source"] == "<stdin>"
    assert data["article"]["length"] == len(GOOD)
    assert "Russia" in {a["name"] for a in data["actors"]}
    assert_quotes(data, GOOD)


def test_html_title_date_and_offsets_into_the_extracted_text(validator):
    page = DATA / "ankara-talks.html"
    result = run(str(page), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    validator.validate(data)
    assert data["article"]["title"] == "Turkey and Russia hold talks on Libya ceasefire"
    assert data["article"]["published"] == "2020-06-14"
    text = read_path(str(page)).text
    assert "<p>" not in text and "Copyright" not in text
    assert data["article"]["length"] == len(text)
    assert "Russia" in {a["name"] for a in data["actors"]}
    assert_quotes(data, text)


def test_date_option_does_not_override_the_html_date():
    result = run(str(DATA / "ankara-talks.html"), "--format", "json", "--date", "2021-01-01")
    assert json.loads(result.stdout)["article"]["published"] == "2020-06-14"


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n\t \n", "empty"),
    "picture.txt": (PNG, "binary"),
    "missing.txt": (None, "no such file"),
    "zero-width.txt": ("\u200b\u200d\u2060\n".encode(), "empty"),
    "controls.txt": (b"\x01\x02\x03 ab\x04", "binary"),
    "header.txt": (b"\xff\xd8\xff\xe0", "empty"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_one_line_and_the_rest_is_analysed(name, inputs):
    data, why = BAD_INPUTS[name]
    if data is not None:
        Path(name).write_bytes(data)
    result = run(name, "good.txt", "--format", "jsonl")
    assert result.exit_code == 1
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert name in lines[0] and why in lines[0]
    assert "Traceback" not in result.stderr
    assert [o["article"]["source"] for o in jsonl(result)] == ["good.txt"]


@pytest.mark.parametrize("date", ["not-a-date", "2020-02-30", "garbage"])
def test_a_date_that_is_no_date_is_a_usage_error(date, inputs):
    result = run("good.txt", "--format", "jsonl", "--date", date)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--date" in result.stderr and "not a real date" in result.stderr


def test_hostile_jsonl_records_are_skipped_alone(inputs, validator):
    lines = [json.dumps({"text": GOOD, "title": "one"}).encode(), b"[" * 100_000,
             json.dumps({"text": "Turkey said \ud800 it rejects the proposal."}).encode(),
             json.dumps({"text": GOOD + " Egypt agreed.", "published": "2020-02-30"}).encode(),
             json.dumps({"text": GOOD + " Qatar agreed.", "title": {"a": 1}}).encode(),
             json.dumps({"text": GOOD + " Italy agreed.\u2028Malta agreed."}, ensure_ascii=False).encode(),
             json.dumps({"text": GOOD + " Sud\u00e9"}, ensure_ascii=False).encode().replace(b"\xc3\xa9", b"\xe9")]
    Path("in.jsonl").write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    result = run("in.jsonl", "good.txt", "--format", "jsonl")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert stderr_lines(result) == [
        "skipped: in.jsonl:2: not JSON (nested too deeply)",
        "skipped: in.jsonl:4: 'published' is not a real ISO date (YYYY-MM-DD): '2020-02-30'",
        "skipped: in.jsonl:5: 'title' must be a string, not an object",
        "note: in.jsonl:7: invalid UTF-8 at byte 109 replaced by U+FFFD"]
    objs = jsonl(result)
    for obj in objs:
        validator.validate(obj)
    assert [o["article"]["source"] for o in objs] == ["in.jsonl:1", "in.jsonl:3", "in.jsonl:6", "in.jsonl:7",
                                                       "good.txt"]
    assert objs[0]["article"]["title"] == "one"
    assert objs[1]["article"]["id"] == article_id("Turkey said \ufffd it rejects the proposal.")
    assert objs[2]["article"]["id"] == article_id(GOOD + " Italy agreed.\u2028Malta agreed.")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_non_utf8_text_is_decoded_with_a_note(encoding, inputs, validator):
    Path("french.txt").write_bytes(FRENCH.encode(encoding))
    result = run("french.txt", "good.txt", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    match = re.fullmatch(r"note: french\.txt: not UTF-8; decoded as (\S+)", lines[0])
    assert match, lines[0]
    objs = jsonl(result)
    assert [o["article"]["source"] for o in objs] == ["french.txt", "good.txt"]
    validator.validate(objs[0])
    assert FRENCH.encode(encoding).decode(match.group(1)) == FRENCH  # decoded right, accents and all
    assert_quotes(objs[0], FRENCH)
    assert "Russia" in {a["name"] for a in objs[0]["actors"]}


def test_the_installed_command_reports_bad_inputs_without_tracebacks(tmp_path):
    """The real executable: several bad inputs, one line each, exit code 1, the good one analysed."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(PNG)
    (tmp_path / "french.txt").write_bytes(FRENCH.encode("cp1252"))
    args = ["missing.txt", "empty.txt", "picture.txt", "french.txt", "good.txt"]
    proc = subprocess.run([str(PARLEY), "analyze", *args, "--format", "jsonl"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert "Traceback" not in proc.stderr
    assert len(lines) == 4, lines
    for name in ("missing.txt", "empty.txt", "picture.txt"):
        assert sum(name in line for line in lines) == 1
    assert sum(line.startswith("note: french.txt") for line in lines) == 1
    sources = [json.loads(line)["article"]["source"] for line in proc.stdout.splitlines()]
    assert sources == ["french.txt", "good.txt"]


def test_the_installed_command_refuses_json_for_two_inputs(tmp_path):
    proc = subprocess.run([str(PARLEY), "analyze", "a.txt", "b.txt", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


BIG_PARAGRAPHS = [
    "Russian Foreign Minister Sergey Lavrov said on Tuesday that Moscow supports an immediate ceasefire in "
    "Libya and called on all sides to return to talks in Geneva.",
    "Turkey rejected the proposal. \u201cWe will not accept any deal that leaves Haftar\u2019s forces in Sirte,\u201d "
    "Turkish Defence Minister Hulusi Akar told reporters in Ankara.",
    "The Government of National Accord demanded the withdrawal of foreign mercenaries from Jufra as a condition "
    "for any negotiations, a spokesman said.",
    "Egypt warned that if the GNA advanced on Sirte, Cairo would intervene to protect its western border. "
    "The United Nations urged restraint.",
]

# Runs `parley analyze` in a child process and reports the child's peak RSS (ru_maxrss, KiB on Linux).
MEASURE = """
import json, resource, subprocess, sys, time
parley, path, out = sys.argv[1:]
start = time.monotonic()
with open(out, "wb") as f:
    proc = subprocess.run([parley, "analyze", path, "--format", "jsonl"], stdout=f, stderr=subprocess.PIPE)
print(json.dumps({"rc": proc.returncode, "stderr": proc.stderr.decode("utf-8", "replace")[-2000:],
                  "seconds": time.monotonic() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def analyse_big_text(tmp_path: Path, size: int) -> tuple[str, dict, dict]:
    """A text of ``size`` characters from repeated paragraphs, its run (rc, seconds, peak_mb) and analysis."""
    parts, length, i = [], 0, 0
    while length < size:
        paragraph = BIG_PARAGRAPHS[i % len(BIG_PARAGRAPHS)]
        parts.append(paragraph)
        length += len(paragraph) + 2
        i += 1
    text = "\n\n".join(parts) + "\n"
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "big.jsonl"
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(PARLEY), str(path), str(out)],
                          capture_output=True, text=True, timeout=3 * 3600)
    run = json.loads(proc.stdout)
    lines = out.read_text(encoding="utf-8").splitlines() if run["rc"] == 0 else []
    assert len(lines) == (1 if run["rc"] == 0 else 0)
    return text, run, json.loads(lines[0]) if lines else {}


@pytest.mark.slow
def test_ten_megabyte_text_keeps_offsets_in_bounded_memory(tmp_path):
    """A 10 MB text is analysed in chunks; offsets index the whole text; memory stays bounded.

    Measured on a shared 2-core machine with default settings (chunks of 100,000 characters,
    batches of 16): 1,268 s wall, peak RSS 5,098 MB -- over the bound below; every offset was right.
    The peak comes from spaCy parsing up to 16 chunks of 100,000 characters in one batch (plain
    en_core_web_sm on ten such chunks in one batch peaks at 2.9 GB; one chunk at a time, 0.5 GB).
    """
    text, run, data = analyse_big_text(tmp_path, 10_000_000)
    assert run["rc"] == 0, run["stderr"]
    print(f"10 MB: {run['seconds']:.0f} s, peak RSS {run['peak_mb']:.0f} MB")
    assert data["article"]["length"] == len(text)
    assert "Russia" in {a["name"] for a in data["actors"]}
    mentions = [m for a in data["actors"] for m in a["mentions"]]
    high = [m for m in mentions if m["start"] > len(text) - 50_000]
    assert len(high) > 10, "no mentions near the end of the text"
    for m in mentions:
        assert text[m["start"]:m["end"]] == m["text"], m
    for section in ("relations", "demands", "conditionals", "events"):
        for fact in data[section][-50:]:
            assert text[fact["start"]:fact["end"]] == fact["evidence"]
    for st in data["statements"][-50:]:
        assert text[st["start"]:st["end"]] == st["content"]
    assert run["peak_mb"] < 2500, f"peak RSS {run['peak_mb']:.0f} MB"
