"""Idempotent writes: make the database say what a file says, counting what changed.

Loading the same file twice must change nothing; these helpers only write a row
when a value differs, and delete the children a file no longer lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models
from django.db.models import ProtectedError

Row = TypeVar("Row", bound=models.Model)


class StillReferencedError(Exception):
    """A row the file no longer lists cannot go: other rows still refer to it."""

    def __init__(self, rows: list[str], referenced_by: list[str]) -> None:
        super().__init__(f"{', '.join(rows)} still referenced by {', '.join(referenced_by)}")
        self.rows = rows
        self.referenced_by = referenced_by


@dataclass
class Changes:
    """What a load did, per model: ``created``, ``updated`` and ``deleted`` counts."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    #: Rows created by this load: filling them in afterwards is part of creating them.
    fresh: set[tuple[str, object]] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def as_data(self) -> dict[str, dict[str, int]]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "deleted": dict(self.deleted),
        }

    def upsert(self, model: type[Row], lookup: Mapping[str, Any], values: Mapping[str, Any]) -> Row:
        """Create the row found by ``lookup``, or update the fields of ``values`` that differ."""
        name = model._meta.label
        row = model._default_manager.filter(**lookup).first()
        if row is None:
            row = model._default_manager.create(**lookup, **values)
            self.created[name] += 1
            self.fresh.add((name, row.pk))
            return row
        changed = [key for key, value in values.items() if _differs(row, key, value)]
        if changed:
            for key in changed:
                setattr(row, key, values[key])
            row.save(update_fields=changed)
            if (name, row.pk) not in self.fresh:
                self.updated[name] += 1
        return row

    def set_related(
        self, row: models.Model, attribute: str, targets: Iterable[models.Model]
    ) -> None:
        """Make a many-to-many relation hold exactly ``targets``."""
        manager = getattr(row, attribute)
        wanted = {target.pk for target in targets}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            if (row._meta.label, row.pk) not in self.fresh:
                self.updated[f"{row._meta.label}.{attribute}"] += 1

    def prune(self, queryset: models.QuerySet[Row], keep: Iterable[Row]) -> None:
        """Delete the rows of ``queryset`` that the file no longer lists."""
        stale = queryset.exclude(pk__in=[row.pk for row in keep])
        count = stale.count()
        if count:
            try:
                stale.delete()
            except ProtectedError as error:
                raise StillReferencedError(
                    [str(row) for row in stale],
                    sorted({str(row._meta.verbose_name_plural) for row in error.protected_objects}),
                ) from error
            self.deleted[queryset.model._meta.label] += count


def _differs(row: models.Model, key: str, value: Any) -> bool:
    if isinstance(value, models.Model) or value is None:
        field_name = _column(row, key)
        if field_name != key:
            stored: Any = getattr(row, field_name)
            return bool(stored != (value.pk if value is not None else None))
    current: Any = getattr(row, key)
    return bool(current != value)


def _column(row: models.Model, key: str) -> str:
    """The attribute that stores ``key`` (``state_id`` for a foreign key ``state``)."""
    model_field = row._meta.get_field(key)
    if isinstance(model_field, models.ForeignKey):
        return model_field.attname
    return key
