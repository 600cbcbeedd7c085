"""The repository's content tables keep the file's columns (only the types of flags and the
order column differ), so a field added to the file format cannot be forgotten here."""

from orgdesigner import schema as file_schema
from orgdesigner.entities import Department, Function, Kpi, Link
from orgdesigner.repository import rows
from orgdesigner.repository import schema as repo_schema

REPOSITORY_ONLY = {"design_id", "scenario", "revision", "row_version", "position"}
FILE_ONLY = {"scenario_id", "sort_order"}
TIES_AS_JSON = {"kpis": {"shared", "functions"}}  # the file's kpi_departments/kpi_functions


def test_content_tables_have_the_file_columns():
    for name, table in repo_schema.CONTENT.items():
        file_columns = {c.name for c in file_schema.metadata.tables[name].columns} - FILE_ONLY
        repo_columns = {c.name for c in table.columns} - REPOSITORY_ONLY
        assert repo_columns - TIES_AS_JSON.get(name, set()) == file_columns, name


def test_rows_fill_every_value_column():
    made = {
        "departments": rows.department_row(Department(name="市场部")),
        "links": rows.link_row(Link(source="a", target="b")),
        "functions": rows.function_row(Function(name="品牌管理")),
        "kpis": rows.kpi_row(Kpi(name="指标")),
    }
    for name, row in made.items():
        columns = {c.name for c in repo_schema.CONTENT[name].columns} - REPOSITORY_ONLY
        assert set(row) == columns, name
