"""Parley's HTTP API and web UI: ``create_app(store_url=..., max_body=...)`` builds the app."""
from parley.api.app import create_app

__all__ = ["create_app"]
