"""``python -m parley.schema``: print the contract's JSON Schema, generated from the models."""
import sys

from parley.schema.generate import schema_text

sys.stdout.write(schema_text())
