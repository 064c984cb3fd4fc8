"""Parley's web UI: server-rendered pages, templates and vendored static files."""
