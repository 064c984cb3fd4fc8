"""Bytes, files, URLs and feeds -> Article."""
from parley.ingest.files import InputText, iter_inputs, read_bytes, read_path

__all__ = ["InputText", "iter_inputs", "read_bytes", "read_path"]
