"""`secretariat export` and `secretariat import`: the whole record, out and back, or nothing."""

from __future__ import annotations

import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from secretariat.accounts.models import User
from secretariat.audit.models import AuditEvent, EventType
from secretariat.audit.services import record_event
from secretariat.charters.backup import FORMAT, MANIFEST, exported_models, non_empty_tables
from secretariat.decisions.models import Procedure
from secretariat.decisions.services import do_close_procedure, do_give_position, do_open_procedure
from secretariat.documents.models import Amendment, Document, DocumentStatus, TextVersion
from secretariat.documents.services import (
    do_decide_amendment,
    do_propose_amendment,
    do_save_text,
)
from tests.charters.test_commands import run

DRAFT = "2021-csc-declaration-draft"
CONSENSUS = {"default": {"rule": {"kind": "consensus"}, "procedures": [{"kind": "in-session"}]}}


@pytest.fixture
def worked(dushanbe, follow_up):
    """Dushanbe after some work: a text edited, an amendment accepted, a vote closed."""
    officer = dushanbe.users["secretariat_officer"]
    draft = Document.objects.get(code=DRAFT)
    do_save_text(officer, draft, "en", "Declaration", "Members act together until 2025.")
    amendment = do_propose_amendment(
        dushanbe.users["armenia_delegate"], draft, "en", dushanbe.states["ARM"],
        "replace", "until 2025", "until 2030", "Longer.",
    )  # fmt: skip
    do_decide_amendment(officer, amendment, accept=True)
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = CONSENSUS
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    procedure = do_open_procedure(officer, Document.objects.get(code=DRAFT), csc, "default")
    for code in ("BLR", "KGZ", "RUS", "TJK", "KAZ"):
        do_give_position(officer, procedure, dushanbe.states[code], "yes")
    do_give_position(
        dushanbe.users["armenia_head"], procedure, dushanbe.states["ARM"], "reservation", "P. 3."
    )
    do_close_procedure(officer, procedure)
    # permissions are written by natural key, since migrate numbers them anew
    clerks = Group.objects.create(name="clerks")
    clerks.permissions.add(Permission.objects.get(codename="view_document"))
    officer.groups.add(clerks)
    officer.user_permissions.add(Permission.objects.get(codename="change_document"))
    return dushanbe


def wipe() -> None:
    """Delete every row of the record and restart the ids, as in a newly migrated database."""
    tables = [model._meta.db_table for model in exported_models()]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=True
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # TRUNCATE wants no foreign key check pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def files(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def manifest(directory: Path) -> dict:
    return json.loads((directory / MANIFEST).read_text(encoding="utf-8"))


def write_manifest(directory: Path, data: dict) -> None:
    (directory / MANIFEST).write_text(json.dumps(data, indent=2), encoding="utf-8")


@pytest.fixture
def exported(worked, tmp_path) -> Path:
    directory = tmp_path / "export"
    call_command("export", str(directory))
    return directory


def test_export_import_export_gives_identical_files_but_the_manifests_date(
    worked, exported, tmp_path
):
    # given: the record with texts, an amendment, a closed vote, follow-up, users, audit log
    assert Procedure.objects.filter(adopted=True).exists()
    assert Amendment.objects.filter(status="accepted").exists()
    assert TextVersion.objects.count() >= 3
    audit = list(AuditEvent.objects.order_by("pk").values_list("pk", "occurred_at", "event_type"))
    wipe()
    assert non_empty_tables() == {}

    # when
    call_command("import", str(exported))
    again = tmp_path / "again"
    call_command("export", str(again))

    # then: every file is byte for byte the same, and only the manifest's created_at differs
    first, second = files(exported), files(again)
    assert first.keys() == second.keys()
    for name in first.keys() - {MANIFEST}:
        assert first[name] == second[name], name
    first_manifest, second_manifest = manifest(exported), manifest(again)
    del first_manifest["created_at"], second_manifest["created_at"]
    assert first_manifest == second_manifest
    # timestamps are kept to the microsecond, and the audit log in its order
    restored = list(
        AuditEvent.objects.order_by("pk").values_list("pk", "occurred_at", "event_type")
    )
    assert restored == audit
    # the restored record verifies: its audit chain, positions, outcomes and adopted texts
    call_command("verify", stdout=StringIO())
    # and a user's groups and permissions, by natural key
    officer = User.objects.get(pk=worked.users["secretariat_officer"].pk)
    assert not officer.is_superuser
    assert officer.has_perm("documents.change_document")
    assert officer.has_perm("documents.view_document")


def test_the_export_is_readable_and_lists_every_model_with_rows_and_digests(exported):
    # when
    data = manifest(exported)

    # then: one file per table of the project's apps, many-to-many tables included
    assert data["format"] == FORMAT
    listed = {entry["model"] for entry in data["files"]}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_config.name.startswith("secretariat."):
            assert model._meta.label_lower in listed
    assert {"documents.document_distributed_to", "accounts.user", "auth.group"} <= listed
    assert not listed & {"sessions.session", "admin.logentry", "contenttypes.contenttype"}
    assert not listed & {"auth.permission", "django_tasks_db.dbtaskresult"}
    rows = {entry["model"]: entry["rows"] for entry in data["files"]}
    assert rows["decisions.position"] == 6
    assert rows["organizations.memberstate"] == 7
    granted = (exported / "accounts.user_user_permissions.jsonl").read_text(encoding="utf-8")
    assert '"permission": ["change_document", "documents", "document"]' in granted
    lines = (exported / "organizations.memberstate.jsonl").read_text(encoding="utf-8").splitlines()
    pks = [json.loads(line)["pk"] for line in lines]
    assert pks == sorted(pks)
    assert "Кыргызская Республика" in (exported / "organizations.memberstate.jsonl").read_text(
        encoding="utf-8"
    )


def test_new_rows_after_an_import_get_fresh_ids(exported):
    # given
    last = AuditEvent.objects.order_by("pk").last().pk
    wipe()
    call_command("import", str(exported))

    # when
    record_event(EventType.DEMO_USERS_CREATED, target="test")

    # then
    assert AuditEvent.objects.order_by("pk").last().pk > last


def test_export_refuses_a_directory_that_is_not_empty(worked, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="the directory is not empty"):
        call_command("export", str(tmp_path))
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_import_refuses_a_database_that_is_not_empty(exported):
    with pytest.raises(CommandError, match=r"the database is not empty \(.*audit.auditevent: "):
        call_command("import", str(exported))


def damage(directory: Path) -> str:
    path = directory / "documents.textversion.jsonl"
    data = bytearray(path.read_bytes())
    data[data.index(b"2030")] = ord("3")
    path.write_bytes(bytes(data))
    return f"{path}: its SHA-256 is not the manifest's"


def remove(directory: Path) -> str:
    (directory / "decisions.position.jsonl").unlink()
    return f"{directory / 'decisions.position.jsonl'}: listed in the manifest but missing"


def add(directory: Path) -> str:
    (directory / "decisions.extra.jsonl").write_text("")
    return f"{directory / 'decisions.extra.jsonl'}: not listed in the manifest"


def unknown_format(directory: Path) -> str:
    write_manifest(directory, {**manifest(directory), "format": "secretariat-export/2"})
    return '"secretariat-export/2" is not one this version reads'


def fewer_rows(directory: Path) -> str:
    # the last line cut off, and the digest made to match: the row count still tells
    data = manifest(directory)
    path = directory / "decisions.position.jsonl"
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(True)[:-1]))
    for entry in data["files"]:
        if entry["file"] == path.name:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    write_manifest(directory, data)
    return f"{path}: 5 rows, the manifest says 6"


def no_manifest(directory: Path) -> str:
    (directory / MANIFEST).unlink()
    return "missing; this is not a complete export"


@pytest.mark.parametrize(
    "spoil",
    [damage, remove, add, unknown_format, fewer_rows, no_manifest],
    ids=lambda f: f.__name__,
)
def test_a_damaged_or_partial_export_is_refused_and_nothing_is_imported(exported, spoil):
    # given
    expected = spoil(exported)
    wipe()

    # when
    with pytest.raises(CommandError) as caught:
        call_command("import", str(exported))

    # then
    assert expected in str(caught.value)
    assert non_empty_tables() == {}


def test_a_row_that_cannot_be_loaded_is_named_by_file_and_line_and_all_is_rolled_back(exported):
    # given: a position for a state the export does not hold, with a consistent manifest
    path = exported / "decisions.position.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines(True)
    row = json.loads(lines[1])
    row["fields"]["state"] = 9999
    lines[1] = json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    data = manifest(exported)
    for entry in data["files"]:
        if entry["file"] == path.name:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    write_manifest(exported, data)
    wipe()

    # when
    with pytest.raises(CommandError) as caught:
        call_command("import", str(exported))

    # then
    assert f"{path}:2: state: 9999 is not in organizations.memberstate.jsonl" in str(caught.value)
    assert non_empty_tables() == {}


def test_the_console_script_exits_1_for_an_export_that_is_not_there(tmp_path):
    # when
    result = run("import", str(tmp_path / "nowhere"))
    # then
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere'}: no such directory" in result.stderr
