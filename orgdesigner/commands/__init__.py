"""One module per CLI command; each has `register(subparsers)` setting `run`."""

from . import convert, info, new, schema_cmd

COMMANDS = [new, info, convert, schema_cmd]
