"""The whole record as a directory of files, and back: `secretariat export` and `import`.

The format, ``secretariat-export/1``, is described in ``docs/backup.md``. In short: one
JSON Lines file per model (``<app_label>.<model>.jsonl``, one row per line, ordered by
primary key, keys sorted, UTF-8) and a ``manifest.json`` listing every file with its row
count and SHA-256, written last.

Which models: every concrete model of the project's own apps (``secretariat.*``), the
tables of their many-to-many fields, and ``auth.Group``; so a new app or model is exported
without a change here. Django's sessions, admin log, content types and permissions are left
out: ``migrate`` re-creates the last two, and a user's permissions are written by natural
key (``codename``, app, model), which holds in any database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.core.serializers import python as python_serializer
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import ForeignKey, Model
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

FORMAT = "secretariat-export/1"
MANIFEST = "manifest.json"
SUFFIX = ".jsonl"
#: Models outside ``secretariat.*`` that belong to the record.
EXTRA_MODELS = ("auth.group",)


class BackupError(Exception):
    """An export or import refused; the message says why, naming the file and line."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One model's file as the manifest lists it."""

    file: str
    model: str
    rows: int
    sha256: str


# ----------------------------------------------------------------------------- the models


def exported_models() -> list[type[Model]]:
    """Return the models of the record, each table once, in dependency order.

    A model depends on the models its foreign keys point at; a cycle is broken by the
    models' labels, so the order is the same on every run.
    """
    chosen: dict[str, type[Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed:
            continue
        # A many-to-many table belongs to the record when the model declaring it does.
        # (Django stores that model in ``auto_created``, which the stubs call a bool.)
        declaring: object = getattr(meta, "auto_created", False)
        owner = declaring if isinstance(declaring, type) and issubclass(declaring, Model) else model
        app_name = owner._meta.app_config.name
        if app_name.startswith("secretariat.") or owner._meta.label_lower in EXTRA_MODELS:
            chosen[meta.label_lower] = model
    return _dependency_order(chosen)


def _dependency_order(models: dict[str, type[Model]]) -> list[type[Model]]:
    needs = {
        label: {
            field.related_model._meta.label_lower
            for field in model._meta.concrete_fields
            if field.is_relation
            and isinstance(field.related_model, type)
            and field.related_model._meta.label_lower in models
            and field.related_model._meta.label_lower != label
        }
        for label, model in models.items()
    }
    ordered: list[type[Model]] = []
    remaining = dict(needs)
    while remaining:
        ready = sorted(
            label for label, wanted in remaining.items() if not wanted & remaining.keys()
        )
        for label in ready or [min(remaining)]:
            ordered.append(models[label])
            del remaining[label]
    return ordered


def file_name(model: type[Model]) -> str:
    """Return the file of a model in an export, e.g. ``organizations.memberstate.jsonl``."""
    return model._meta.label_lower + SUFFIX


# ----------------------------------------------------------------------------- rows as text


class _RowSerializer(python_serializer.Serializer):
    """Django's Python serializer, with each many-to-many table left to its own file.

    Foreign keys to a model of the record keep their primary key; those to a model outside
    it (a permission) are written by natural key, which the deserializer reads back.
    """

    def __init__(self, record: set[str]) -> None:
        super().__init__()
        self.record = record

    def handle_fk_field(self, obj: Model, field: Any) -> None:
        self.use_natural_foreign_keys = (
            field.remote_field.model._meta.label_lower not in self.record
            and hasattr(field.remote_field.model, "natural_key")
        )
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj: Model, field: Any) -> None:
        return


def _plain(value: object) -> object:
    """Return a value JSON can hold, exactly: datetimes in UTC to the microsecond."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC)
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID | Promise):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    raise TypeError(f"{type(value).__name__} is not exported")


def _line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=_plain) + "\n"


def _rows(model: type[Model], record: set[str], using: str) -> Iterator[str]:
    serializer = _RowSerializer(record)
    queryset = model._base_manager.using(using).order_by("pk")
    for row in serializer.serialize(queryset.iterator(chunk_size=2000)):
        yield _line(row)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _schema(using: str) -> dict[str, str]:
    """Return the last migration applied per app: the schema the rows fit."""
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return {}
    latest: dict[str, str] = {}
    labels = {model._meta.app_label for model in exported_models()}
    for app_label, name in recorder.applied_migrations():
        if app_label in labels and name > latest.get(app_label, ""):
            latest[app_label] = name
    return dict(sorted(latest.items()))


def _secretariat_version() -> str:
    try:
        return version("secretariat")
    except PackageNotFoundError:  # a source tree run without installing
        return "unknown"


# ----------------------------------------------------------------------------- export


def export_record(directory: Path, *, using: str = DEFAULT_DB_ALIAS) -> list[FileEntry]:
    """Write the whole record into a new or empty directory; return the files written.

    The files are read in one transaction (on PostgreSQL a repeatable-read snapshot), so a
    site serving users exports one consistent moment. The manifest is written last: a
    directory without one is an export that did not finish.
    """
    if directory.exists() and not directory.is_dir():
        raise BackupError(_("%(dir)s: not a directory") % {"dir": directory})
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(
            _("%(dir)s: the directory is not empty; export into a new or empty directory")
            % {"dir": directory}
        )
    directory.mkdir(parents=True, exist_ok=True)
    models = exported_models()
    record = {model._meta.label_lower for model in models}
    connection = connections[using]
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    entries: list[FileEntry] = []
    with transaction.atomic(using=using):
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for model in sorted(models, key=file_name):
            path = directory / file_name(model)
            rows = 0
            with path.open("w", encoding="utf-8", newline="\n") as stream:
                for line in _rows(model, record, using):
                    stream.write(line)
                    rows += 1
            entries.append(FileEntry(path.name, model._meta.label_lower, rows, _digest(path)))
        schema = _schema(using)
    manifest = {
        "format": FORMAT,
        "created_at": _plain(timezone.now()),
        "secretariat_version": _secretariat_version(),
        "schema": schema,
        "files": [
            {"file": e.file, "model": e.model, "rows": e.rows, "sha256": e.sha256} for e in entries
        ],
    }
    (directory / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=2) + "\n",
        encoding="utf-8",
        newline="\n",
    )
    return entries


# ----------------------------------------------------------------------------- import


def read_manifest(directory: Path) -> list[FileEntry]:
    """Check an export before anything is written: its manifest, and every file against it.

    Raises ``BackupError`` for an unknown format, a file missing, unlisted, changed (its
    SHA-256) or cut short (its row count), or a model this version does not know.
    """
    path = directory / MANIFEST
    if not directory.is_dir():
        raise BackupError(_("%(dir)s: no such directory") % {"dir": directory})
    if not path.is_file():
        raise BackupError(_("%(file)s: missing; this is not a complete export") % {"file": path})
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(
            _("%(file)s: not a valid manifest: %(error)s") % {"file": path, "error": error}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(
            _("%(file)s: format %(found)s is not one this version reads (%(format)s)")
            % {"file": path, "found": json.dumps(found), "format": FORMAT}
        )
    entries = _entries(path, manifest.get("files"))
    listed = {entry.file for entry in entries}
    present = {child.name for child in directory.iterdir() if child.is_file()} - {MANIFEST}
    folders = sorted(child.name for child in directory.iterdir() if not child.is_file())
    if folders:
        raise BackupError(
            _("%(file)s: not listed in the manifest; an export holds only its listed files")
            % {"file": directory / folders[0]}
        )
    missing = sorted(listed - present)
    if missing:
        raise BackupError(
            _("%(file)s: listed in the manifest but missing") % {"file": directory / missing[0]}
        )
    unlisted = sorted(present - listed)
    if unlisted:
        raise BackupError(
            _("%(file)s: not listed in the manifest; an export holds only its listed files")
            % {"file": directory / unlisted[0]}
        )
    known = {model._meta.label_lower for model in exported_models()}
    for entry in entries:
        file = directory / entry.file
        if entry.model not in known or entry.file != entry.model + SUFFIX:
            raise BackupError(
                _("%(file)s: %(model)s is not a model of this version's record")
                % {"file": file, "model": entry.model}
            )
        if _digest(file) != entry.sha256:
            raise BackupError(
                _("%(file)s: its SHA-256 is not the manifest's; the file was changed or damaged")
                % {"file": file}
            )
        with file.open("rb") as stream:
            rows = sum(1 for _line in stream)
        if rows != entry.rows:
            raise BackupError(
                _("%(file)s: %(rows)d rows, the manifest says %(expected)d")
                % {"file": file, "rows": rows, "expected": entry.rows}
            )
    return entries


def _entries(path: Path, files: object) -> list[FileEntry]:
    if not isinstance(files, list):
        raise BackupError(_("%(file)s: no list of files") % {"file": path})
    entries: list[FileEntry] = []
    for index, item in enumerate(files):
        fields = (
            (item.get("file"), item.get("model"), item.get("rows"), item.get("sha256"))
            if isinstance(item, dict)
            else None
        )
        match fields:
            case (str(file), str(model), int(rows), str(sha256)) if "/" not in file:
                entries.append(FileEntry(file, model, rows, sha256))
            case _:
                raise BackupError(
                    _("%(file)s: files[%(index)d]: expected file, model, rows and sha256")
                    % {"file": path, "index": index}
                )
    return entries


def non_empty_tables(using: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Return the record's models that hold rows, with their counts."""
    counts = {
        model._meta.label_lower: model._base_manager.using(using).count()
        for model in exported_models()
    }
    return {label: count for label, count in sorted(counts.items()) if count}


def import_record(directory: Path, *, using: str = DEFAULT_DB_ALIAS) -> list[FileEntry]:
    """Restore an export into an empty database, all of it or nothing.

    The export is checked first (``read_manifest``), then the database must hold no row
    of the record. The rows are saved raw (as ``loaddata`` does: no ``auto_now``, primary
    keys kept) in one transaction, foreign keys are checked at its end, and the
    PostgreSQL sequences are moved past the ids loaded.
    """
    entries = read_manifest(directory)
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    schema = _schema(using)
    if manifest.get("schema", {}) != schema:
        raise BackupError(
            _(
                "%(file)s: exported from a database at other migrations (%(exported)s) than "
                "this one's (%(here)s); import with the Secretariat version that exported it"
            )
            % {
                "file": directory / MANIFEST,
                "exported": _migrations(manifest.get("schema")),
                "here": _migrations(schema),
            }
        )
    occupied = non_empty_tables(using)
    if occupied:
        raise BackupError(
            _(
                "the database is not empty (%(tables)s); import only into a new database "
                "prepared with `secretariat migrate`"
            )
            % {"tables": ", ".join(f"{label}: {count}" for label, count in occupied.items())}
        )
    by_model = {entry.model: entry for entry in entries}
    models = [model for model in exported_models() if model._meta.label_lower in by_model]
    connection = connections[using]
    with transaction.atomic(using=using), connection.constraint_checks_disabled():
        lines: dict[str, dict[object, int]] = {}
        for model in models:
            path = directory / by_model[model._meta.label_lower].file
            lines[model._meta.label_lower] = _load(path, model, using)
        for model in models:
            path = directory / by_model[model._meta.label_lower].file
            _check_references(path, model, lines[model._meta.label_lower], using)
        try:  # the database's own check, after ours
            connection.check_constraints(table_names=[model._meta.db_table for model in models])
        except Exception as error:
            raise BackupError(
                _("%(dir)s: a row refers to a row the export does not hold: %(error)s")
                % {"dir": directory, "error": error}
            ) from error
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    return entries


def _migrations(schema: object) -> str:
    if not isinstance(schema, dict) or not schema:
        return _("none")
    return ", ".join(f"{app}.{name}" for app, name in sorted(schema.items()))


def _load(path: Path, model: type[Model], using: str) -> dict[object, int]:
    """Save a file's rows raw; return the line of each primary key."""
    label = model._meta.label_lower
    lines: dict[object, int] = {}
    with path.open(encoding="utf-8") as stream:
        for number, text in enumerate(stream, 1):
            where = f"{path}:{number}"
            try:
                row = json.loads(text)
                if not isinstance(row, dict) or row.get("model") != label:
                    raise BackupError(_("a row of %(model)s was expected") % {"model": label})
                for obj in _deserialize([row], using):
                    obj.save(using=using)
                    lines[obj.object.pk] = number
            except BackupError as error:
                raise BackupError(f"{where}: {error}") from error
            except Exception as error:  # any failure is reported at its row, then rolled back
                raise BackupError(f"{where}: {error}") from error
    return lines


def _check_references(path: Path, model: type[Model], lines: dict[object, int], using: str) -> None:
    """Refuse a row whose foreign key points at no row, naming its file and line."""
    for field in model._meta.concrete_fields:
        if not isinstance(field, ForeignKey) or not isinstance(field.related_model, type):
            continue
        target = field.related_model
        known = target._base_manager.using(using).values(field.target_field.attname)
        dangling = (
            model._base_manager.using(using)
            .exclude(**{f"{field.attname}__isnull": True})
            .exclude(**{f"{field.attname}__in": known})
            .order_by("pk")
            .values_list("pk", field.attname)
            .first()
        )
        if dangling is not None:
            pk, value = dangling
            raise BackupError(
                _("%(where)s: %(field)s: %(value)s is not in %(target)s")
                % {
                    "where": f"{path}:{lines.get(pk, '?')}",
                    "field": field.name,
                    "value": value,
                    "target": target._meta.label_lower + SUFFIX,
                }
            )


def _deserialize(rows: Iterable[dict[str, Any]], using: str) -> Iterator[Any]:
    yield from python_serializer.Deserializer(rows, using=using)
