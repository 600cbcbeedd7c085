"""Import departments from CSV and Excel files, repairing and reporting dirty data.

`sniff(path)` describes a file (encoding, delimiter, sheets, preview rows,
suggested column mapping); `import_table(path, mapping, options)` returns a
valid `Design` and an `ImportReport` listing every repair with its rows;
`import_ops(current, imported)` adds it to an open design as one undo step.
"""

from .api import ImportOptions, Sniffed, import_table, sniff
from .merge import import_ops
from .mapping import FIELDS, FIELD_HELP, parse_map_options, suggest_mapping
from .report import ImportReport, Problem, RowOutcome, title as problem_title

__all__ = [
    "FIELDS",
    "FIELD_HELP",
    "ImportOptions",
    "ImportReport",
    "Problem",
    "RowOutcome",
    "Sniffed",
    "import_ops",
    "import_table",
    "parse_map_options",
    "problem_title",
    "sniff",
    "suggest_mapping",
]
