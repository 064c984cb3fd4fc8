"""Actor and place knowledge: data files and their loaders."""
from parley.knowledge.kb import KBActor, KnowledgeBase, Office, load_kb

__all__ = ["KBActor", "KnowledgeBase", "Office", "load_kb"]
