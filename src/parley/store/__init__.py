"""The Parley store: SQLAlchemy tables, migrations and the ``Store`` query interface."""
from parley.store.engine import StoreError
from parley.store.store import Store, open_store

__all__ = ["Store", "StoreError", "open_store"]
