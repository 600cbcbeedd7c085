"""One module per CLI command; each has `register(subparsers)` setting `run`."""

from . import convert, info, new, repo_cmd, schema_cmd, templates_cmd, validate

COMMANDS = [new, info, convert, validate, templates_cmd, schema_cmd, repo_cmd]
