"""The reflection engine: pure detectors that turn journal records into insights with evidence.

Nothing here touches SQL, the terminal or widgets: journal.insights loads the records and calls
`engine.run(records, as_of)`.
"""

from journal.reflect.engine import Action, Coverage, Evidence, Insight, Records, run

__all__ = ["Action", "Coverage", "Evidence", "Insight", "Records", "run"]
