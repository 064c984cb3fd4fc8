"""POST /api/v1/analyze answers what `parley analyze --format json` prints for the same text,
field for field, and its OpenAPI schema is the dataclasses' schema."""
from __future__ import annotations

import json

from click.testing import CliRunner

from .support import EXTRA_KB

TEXT = ('"We will not withdraw from Sirte," Turkish Defence Minister Hulusi Akar told reporters in Ankara. '
        "The Government of National Accord demanded the withdrawal of Haftar's forces from Sirte and Jufra "
        "as a condition for ceasefire talks. If the GNA advances on Sirte, Egypt will intervene militarily, "
        "President al-Sisi said. Turkey supports the Government of National Accord.")


def test_analyze_answers_what_the_cli_prints(client, tmp_path):
    from parley.cli import cli

    path = tmp_path / "sirte.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "json", "--date", "2020-06-18",
                                      "--kb", str(EXTRA_KB)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    article = printed["article"]
    response = client.post("/api/v1/analyze", json={"text": TEXT, "published": article["published"],
                                                    "title": article["title"], "source": article["source"]})
    assert response.status_code == 200, response.text
    answered = response.json()
    assert printed["demands"] and printed["demands"][0]["item_spans"], "the text should give a demand with spans"
    assert printed["conditionals"] and printed["relations"] and printed["statements"]
    for key in printed:
        assert answered[key] == printed[key], key
    assert answered == printed


def test_openapi_response_is_the_dataclass_schema(client):
    spec = client.get("/api/v1/openapi.json").json()
    response = spec["paths"]["/api/v1/analyze"]["post"]["responses"]["200"]["content"]["application/json"]
    assert response["schema"] == {"$ref": "#/components/schemas/Analysis"}
    schemas = spec["components"]["schemas"]
    assert "item_spans" in schemas["Demand"]["properties"] and "if" in schemas["Conditional"]["properties"]
    assert schemas["Analysis"]["properties"]["schema"]["const"] == "parley.analysis/1"
    assert schemas["Relation"]["properties"]["type"]["enum"][0] == "supports"
    assert schemas["Relation"]["properties"]["evidence"]["description"]
