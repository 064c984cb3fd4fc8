"""Domain exceptions; the CLI and API translate them into one-line messages."""


class ParleyError(Exception):
    """Base class of every error Parley reports to a user."""


class InputError(ParleyError):
    """An input could not be read or is not text."""


class ModelError(ParleyError):
    """The spaCy pipeline named by --model / PARLEY_MODEL cannot be loaded."""


class KnowledgeBaseError(ParleyError):
    """A knowledge-base file is missing or malformed."""


class LexiconError(ParleyError):
    """A word list or other data file of the NLP pipeline is missing or malformed."""
