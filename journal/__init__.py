"""aijournal: a private terminal journal of AI use, people contact and energy."""

__version__ = "0.1.0"
