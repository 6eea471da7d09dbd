"""Writers of coded events: the JSONL contract, GDELT 2.0 event rows and a table.

One module per format; :func:`event_to_dict` is also what the evaluation scores, so
the metrics of ``eventwire eval`` are the metrics of the JSONL output.
"""

from eventwire.output.gdelt import GDELT_COLUMNS, gdelt_row, global_event_id, write_gdelt
from eventwire.output.jsonl import CONTRACT_KEYS, event_to_dict, write_jsonl
from eventwire.output.table import write_table

__all__ = [
    "CONTRACT_KEYS",
    "GDELT_COLUMNS",
    "event_to_dict",
    "gdelt_row",
    "global_event_id",
    "write_gdelt",
    "write_jsonl",
    "write_table",
]
