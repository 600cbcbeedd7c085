"""The .db design file: round trips, format version, read-only opening."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from orgdesigner import jsonform, schema, storage
from orgdesigner.errors import FileProblem, NewerFormatError
from orgdesigner.migrations import MIGRATIONS

from .factories import sample_design


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_field_survives_db_and_json(tmp_path):
    design = sample_design()
    storage.save(design, tmp_path / "a.db")
    from_db = storage.load(tmp_path / "a.db")
    assert from_db.snapshot() == design.snapshot()
    text = jsonform.dumps(from_db)
    from_json = jsonform.loads(text)
    assert jsonform.dumps(from_json) == text
    assert from_json.snapshot()["departments"][0]["name"] == "总经理办公室"

    # The JSON path maps ids; compare the content with ids replaced by names.
    def by_name(d):
        snap = d.snapshot()
        names = {x["id"]: x["name"] for x in snap["departments"]}
        fnames = {x["id"]: x["name"] for x in snap["functions"]}
        return (
            [{**x, "id": None, "parent": names.get(x["parent"])} for x in snap["departments"]],
            [
                (names[l["source"]], names[l["target"]], l["kind"], l["label"], l["directed"])
                for l in snap["links"]
            ],
            [{**f, "id": None} for f in snap["functions"]],
            sorted((fnames[f], names[d], r) for f, d, r in snap["roles"]),
            snap["settings"],
            snap["name"],
            snap["description"],
            snap["author"],
            snap["language"],
        )

    assert by_name(from_json) == by_name(design)
    storage.save(from_json, tmp_path / "b.db")
    assert by_name(storage.load(tmp_path / "b.db")) == by_name(design)


def test_save_stamps_generation_and_id(tmp_path):
    design = sample_design()
    path = tmp_path / "plan.db"
    storage.save(design, path)
    first = storage.load(path).stamp
    storage.save(design, path)
    second = storage.load(path).stamp
    assert (first.save_generation, second.save_generation) == (1, 2)
    assert first.save_id != second.save_id and second.saved_by


def test_file_is_marked_in_the_header_and_readable_in_sqlite(tmp_path):
    path = tmp_path / "plan.db"
    storage.save(sample_design(), path)
    assert storage.read_header(path) == (schema.APPLICATION_ID, schema.FORMAT_VERSION)
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute("SELECT name FROM departments ORDER BY sort_order")]
    assert names[:2] == ["总经理办公室", "市场部"]
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()


def test_newer_format_is_refused_with_the_version_in_the_message(tmp_path):
    path = tmp_path / "design.db"
    storage.save(sample_design(), path)
    con = sqlite3.connect(path)
    newer = schema.FORMAT_VERSION + 1
    con.execute(f"PRAGMA user_version={newer}")
    con.close()
    before = digest(path)
    with pytest.raises(NewerFormatError) as info:
        storage.load(path)
    assert str(info.value) == (
        f"design.db was made by a newer Org Designer (format {newer}); "
        f"this version reads up to format {schema.FORMAT_VERSION}"
    )
    assert digest(path) == before


def test_loading_leaves_the_file_byte_identical(tmp_path):
    path = tmp_path / "plan.db"
    storage.save(sample_design(), path)
    before = digest(path)
    for _ in range(3):
        storage.load(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.db"]


def test_older_format_is_migrated_on_a_copy(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    storage.save(sample_design(), path)
    con = sqlite3.connect(path)
    previous = schema.FORMAT_VERSION - 1
    con.execute(f"PRAGMA user_version={previous}")
    con.execute("ALTER TABLE departments RENAME COLUMN leader TO head")
    con.close()
    before = digest(path)

    def fake_step(op, conn):  # the runner's job, whatever the real last step does
        with op.batch_alter_table("departments") as batch:
            batch.alter_column("head", new_column_name="leader")

    monkeypatch.setitem(MIGRATIONS, previous, fake_step)
    monkeypatch.setattr(storage, "read_header", lambda p: (schema.APPLICATION_ID, previous))
    design = storage.load(path)
    assert any(d.leader == "张伟" for d in design.departments.values())
    assert digest(path) == before


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"", "empty"),
        (b"hello, not a database" * 40, "not an Org Designer design file"),
        (None, "another program"),
    ],
)
def test_unusable_files_get_one_clear_line(tmp_path, content, problem):
    path = tmp_path / "x.db"
    if content is None:
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE t(a)")
        con.commit()
        con.close()
    else:
        path.write_bytes(content)
    before = digest(path)
    with pytest.raises(FileProblem) as info:
        storage.load(path)
    message = str(info.value)
    assert message.startswith("x.db") and problem in message and "\n" not in message
    assert digest(path) == before


def test_truncated_file_is_refused(tmp_path):
    path = tmp_path / "t.db"
    storage.save(sample_design(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 7])
    with pytest.raises(FileProblem, match="t.db"):
        storage.load(path)


def test_verification_catches_a_row_that_differs_from_the_design(tmp_path):
    design = sample_design()
    path = tmp_path / "v.db"
    storage.write_file(design, path)
    storage.verify_file(path, design)  # the written file holds exactly the design
    con = sqlite3.connect(path)
    con.execute("UPDATE departments SET headcount = headcount + 1 WHERE name = '市场部'")
    con.commit()
    con.close()
    with pytest.raises(FileProblem, match="verification failed"):
        storage.verify_file(path, design)
