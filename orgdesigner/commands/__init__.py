"""One module per CLI command; each has `register(subparsers)` setting `run`."""

from . import (
    compare_cmd,
    convert,
    info,
    new,
    repo_cmd,
    scenarios_cmd,
    schema_cmd,
    templates_cmd,
    validate,
)

COMMANDS = [
    new,
    info,
    convert,
    validate,
    scenarios_cmd,
    compare_cmd,
    templates_cmd,
    schema_cmd,
    repo_cmd,
]
