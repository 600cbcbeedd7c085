"""`import SRC -o OUT.db` and `export FILE.db -o OUT`: convert by file suffix.

PDF, SVG and PNG exports take the chart/proposal options of
`orgdesigner.render.ExportOptions` (paper, orientation, fit, scale, ...).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OrgDesignerError
from ..formats import READERS, WRITERS, read_design, write_design
from ..scenarios import split_target
from .common import add_lang_option, check_output, design_source, note_if_busy

CHART_SUFFIXES = (".pdf", ".svg", ".png", ".pptx")
PAPER_CHOICES = ("A4", "A3", "A2", "A1", "A0", "Letter", "Legal", "Tabloid")


def register(sub) -> None:
    p = sub.add_parser(
        "import",
        help="import a file into a new design file",
        description="Read a design from another format into a new .db file. "
        f"Readable types: {', '.join(sorted(READERS))}. For spreadsheets the "
        "columns are detected from the header (id/ID/Post Unique Reference, "
        "parent/parentId/Reports to, name/Name ...); name them to override. "
        "Dirty rows are repaired and listed in the report, never dropped.",
    )
    p.add_argument("source", type=Path, metavar="FILE")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT.db[#SCENARIO]",
        help="the design file to write; OUT.db#NAME adds the import as scenario NAME "
        "to an existing file (or creates the file)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    _table_arguments(p)
    p.set_defaults(run=run_import)

    p = sub.add_parser(
        "export",
        help="export a design to another format",
        description="Write a design in the format its suffix names. "
        f"Writable types: {', '.join(sorted(WRITERS))}. "
        ".pdf writes a structure proposal; .svg and .png the chart.",
    )
    p.add_argument("file", type=design_source, metavar="FILE.db[#SCENARIO]|URL#NAME")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    g = p.add_argument_group("PDF, SVG and PNG options")
    g.add_argument(
        "--paper",
        type=_paper,
        default=None,
        metavar="SIZE",
        help=f"paper size: {', '.join(PAPER_CHOICES)} (default A4)",
    )
    g.add_argument(
        "--orientation",
        choices=("auto", "portrait", "landscape"),
        default=None,
        help="page orientation (default auto: whichever fits the chart better)",
    )
    g.add_argument(
        "--fit",
        choices=("auto", "page", "tiles", "book"),
        default=None,
        help="page: the chart on one page; tiles: over N x M pages with an overview; "
        "book: a chart book, one page per branch at a readable scale with "
        "continuation references and an index; "
        "auto (default): one page unless its text would be smaller than --min-font",
    )
    g.add_argument(
        "--scale",
        type=float,
        default=None,
        metavar="S",
        help="chart scale, 1 = 100%% (a box 180 pt wide); tiles default: readable minimum; "
        "one page: the largest allowed; SVG/PNG: image size (default 1)",
    )
    g.add_argument(
        "--sections",
        default=None,
        metavar="LIST",
        help="comma-separated PDF sections, in any order: cover,changes,chart,legend,"
        "owners,findings,departments (default: all; changes needs --compare)",
    )
    add_lang_option(g, "language of headings and labels (default: the design's)")
    g.add_argument(
        "--font",
        default=None,
        metavar="FONT",
        help="TrueType font file (FILE.ttc#N for a subfont) or STSong-Light "
        "(default: $ORGDESIGNER_FONT, else a CJK font found on this system)",
    )
    g.add_argument(
        "--margin",
        type=float,
        default=None,
        dest="margin_mm",
        metavar="MM",
        help="page margin in mm (default 12)",
    )
    g.add_argument(
        "--min-font",
        type=float,
        default=None,
        dest="min_font",
        metavar="PT",
        help="smallest readable chart text in pt (default 5)",
    )
    g.add_argument(
        "--overlap",
        type=float,
        default=None,
        dest="overlap_mm",
        metavar="MM",
        help="overlap of neighbouring tiles in mm (default 8)",
    )
    g.add_argument(
        "--auto-layout",
        action="store_true",
        default=None,
        dest="auto_layout",
        help="arrange the chart with the automatic tree layout instead of as saved",
    )
    g.add_argument(
        "--compare",
        type=Path,
        default=None,
        metavar="BASE[#SCENARIO]",
        help="a base design (e.g. FILE.db#现状): the PDF gains a 'changes' section and "
        "the chart colours what changed",
    )
    p.set_defaults(run=run_export)


def _paper(value: str) -> str:
    import argparse

    for name in PAPER_CHOICES:
        if name.lower() == value.lower():
            return name
    raise argparse.ArgumentTypeError(
        f"unknown paper {value!r}; use one of {', '.join(PAPER_CHOICES)}"
    )


def run_import(args) -> int:
    if split_target(str(args.output))[1] is None:
        check_output(args.output, args.force)
    if args.source.suffix.lower() in TABLE_SUFFIXES:
        return _import_table(args)
    _refuse_table_options(args)
    design = read_design(args.source)
    _write_import(design, args.output)
    count = len(design.departments)
    if design.language == "zh":
        print(f"已导入 {args.source} -> {args.output}（{count} 个部门）")
    else:
        print(f"imported {args.source} -> {args.output} ({count} departments)")
    return 0


def _write_import(design, output: Path) -> None:
    """Write a new design file, or add the design as a scenario: `OUT.db#NAME`."""
    file, scenario = split_target(str(output))
    if scenario is None:
        write_design(design, output)
        return
    from ..scenarios_io import add_scenario

    add_scenario(Path(file), design, scenario)


def run_export(args) -> int:
    check_output(args.output, args.force)
    extra = {}
    if args.compare is not None and args.output.suffix.lower() != ".pdf":
        raise OrgDesignerError(f"{args.output.name}: --compare only applies to a .pdf proposal")
    if args.output.suffix.lower() in CHART_SUFFIXES:
        from ..render.options import ExportOptions

        extra["options"] = ExportOptions.from_mapping(vars(args))  # bad values: one line, exit 2
    design = read_design(args.file)
    note_if_busy(
        Path(split_target(str(args.file))[0]) if isinstance(args.file, Path) else args.file,
        getattr(args, "lang", None) or design.language,
    )
    if args.compare is not None:
        from ..compare import compare

        from ..render.options import ExportOptions

        base = read_design(args.compare)
        language = extra["options"].lang or ("en" if design.language == "en" else "zh")
        extra["options"] = ExportOptions.from_mapping(
            vars(args)
            | {
                "comparison": compare(base, design, language=language),
                "base_label": str(args.compare),
                "target_label": str(args.file),
            }
        )
    result = write_design(design, args.output, **extra)
    language = getattr(args, "lang", None) or design.language
    zh = language == "zh"
    summary = ""
    if result is not None and hasattr(result, "summary"):
        summary = (
            f"（{result.summary(language)}）" if zh else f" ({result.summary(language)})"
        ) + "".join(f"\n{'注意' if zh else 'note'}: {w}" for w in result.warnings(language))
    print(f"{'已导出' if zh else 'exported'} {args.file} -> {args.output}{summary}")
    return 0


# ------------------------------------------------------------ spreadsheet import
# Spreadsheets go through `orgdesigner.importing`: the columns are auto-detected
# or named with --id/--parent/--name/--map, dirty rows are repaired, and the
# report is printed (in full with --report).

TABLE_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")


def _table_arguments(p) -> None:
    table = p.add_argument_group("spreadsheets (.csv, .tsv, .xlsx)")
    table.add_argument("--id", metavar="COL", help="column with the department id")
    table.add_argument("--parent", metavar="COL", help="column with the parent's id")
    table.add_argument("--name", metavar="COL", help="column with the department name")
    table.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COL",
        help="map any field (id, parent, name, kind, leader, headcount, budget, "
        "color, x, y, notes) to a column; FIELD= switches a field off",
    )
    table.add_argument("--sheet", metavar="NAME", help="workbook sheet to read (name or number)")
    table.add_argument("--encoding", metavar="E", help="text encoding (default: detected)")
    table.add_argument(
        "--delimiter",
        metavar="C",
        help="CSV delimiter: a character, or tab/comma/semicolon/pipe (default: detected)",
    )
    table.add_argument(
        "--header-row", type=int, metavar="N", help="row of the header (default: first non-blank)"
    )
    table.add_argument(
        "--fix-ids",
        action="store_true",
        help="attach rows whose parent id differs from an id only by leading zeros or spaces",
    )
    table.add_argument(
        "--no-extras", action="store_true", help="do not keep unmapped columns in the notes"
    )
    table.add_argument(
        "--junior",
        type=Path,
        metavar="FILE",
        help="a file of aggregated staff rows (parent id + FTE) to add to headcount",
    )
    table.add_argument(
        "--report", type=Path, metavar="REPORT.json", help="write the full import report as JSON"
    )
    add_lang_option(
        table, "language of the printed report (default: the imported design's)", dest="report_lang"
    )


def _refuse_table_options(args) -> None:
    from ..errors import OrgDesignerError

    names = (
        "id",
        "parent",
        "name",
        "map",
        "sheet",
        "encoding",
        "delimiter",
        "header_row",
        "junior",
        "report",
        "report_lang",
    )
    used = [f"--{n.replace('_', '-')}" for n in names if getattr(args, n, None) is not None]
    used += [
        flag for flag, on in (("--fix-ids", args.fix_ids), ("--no-extras", args.no_extras)) if on
    ]
    if used:
        raise OrgDesignerError(
            f"{args.source.name}: {', '.join(used)} only apply to spreadsheets (.csv, .tsv, .xlsx)"
        )


def _import_table(args) -> int:
    from ..importing import ImportOptions, import_table, parse_map_options

    mapping = parse_map_options(args.map)
    for field in ("id", "parent", "name"):
        if getattr(args, field) is not None:
            mapping[field] = getattr(args, field)
    if args.report is not None:
        check_output(args.report, args.force)
    options = ImportOptions(
        encoding=args.encoding,
        delimiter=args.delimiter,
        sheet=args.sheet,
        header_row=args.header_row,
        fix_ids=args.fix_ids,
        extras=not args.no_extras,
        junior=args.junior,
    )
    design, report = import_table(args.source, mapping, options)
    _write_import(design, args.output)
    if args.report is not None:
        report.write(args.report)
    language = args.report_lang or design.language
    print(report.summary(language=language))
    if language == "zh":
        print(
            f"已导入 {args.source} -> {args.output}（{len(design.departments)} 个部门）"
            + (f"；完整报告见 {args.report}" if args.report is not None else "")
        )
    else:
        print(
            f"imported {args.source} -> {args.output} ({len(design.departments)} departments)"
            + (f"; full report in {args.report}" if args.report is not None else "")
        )
    return 0
