"""Bytes, files, URLs and feeds -> texts with metadata, and the one loop that analyses them."""
from parley.ingest.files import InputText, read_bytes, read_path
from parley.ingest.sources import Unit, expand_sources

__all__ = ["InputText", "Unit", "expand_sources", "read_bytes", "read_path"]
