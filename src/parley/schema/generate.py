"""Generating the contract's JSON Schema from the models, through pydantic's ``TypeAdapter``."""
from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from parley.models import SCHEMA, Analysis

DESCRIPTION = ("One article analysed by Parley (`parley analyze PATH --format json`). Offsets are Python "
               "string indices into the article text as Parley stored it: text[start:end] equals the quoted "
               "span. Fields may be added in later versions of parley.analysis/1; none of the fields below is "
               "renamed or dropped without a new schema version.")


class ContractJsonSchema(GenerateJsonSchema):
    """Pydantic's generator with lower-case definition names (``#/$defs/relation``), and without
    the titles it makes up for fields or the constructors' defaults (to_dict() emits every field)."""

    def normalize_name(self, name: str) -> str:
        """The definition name of a model: its class name in lower case."""
        return super().normalize_name(name).lower()

    def field_title_should_be_set(self, schema: Any) -> bool:
        """Never: a field's name is its title."""
        return False

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        """The schema of the field's type, without its default."""
        return self.generate_inner(schema["schema"])


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Analysis.to_dict()``, generated from the models.

    Returns:
        The schema as plain data: the analysis object, with one ``$defs`` entry per model
        (``article``, ``actor``, ``statement``, ...).
    """
    body = TypeAdapter(Analysis).json_schema(mode="serialization", schema_generator=ContractJsonSchema)
    head = {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://parley.invalid/schema/analysis.schema.json",
            "title": SCHEMA, "description": DESCRIPTION}
    rest = sorted((k, v) for k, v in body.items() if k not in head)
    return {**head, **dict(sorted(rest, key=lambda kv: kv[0] == "$defs"))}  # the definitions last


def schema_text() -> str:
    """:func:`build_schema` as the shipped file holds it: indented JSON ending in a newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
