"""The fixed vocabularies as plain tuples: the quick-add path checks values without importing enum.

models.py builds its enums over the same values (a unit test keeps the two in step).
"""

PURPOSES = ("learn", "augment", "automate", "companion", "unclassified")
KINDS = ("mentoring", "feedback", "collaboration", "help", "social", "meeting")
CHANNELS = ("in_person", "call", "video", "chat", "email")
RELATIONS = (
    "teammate",
    "manager",
    "mentor",
    "report",
    "client",
    "peer",
    "friend",
    "family",
    "other",
)
