"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms import BaseModelForm
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from secretariat.audit.models import AuditEvent, EventType
from secretariat.audit.services import record_event


def _target(row: models.Model) -> str:
    return f"{row._meta.label_lower}:{row.pk}"


class ReadOnlyAdminMixin:
    """Shown in the admin, never added, changed or deleted there."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """An admin whose every save and delete is appended to the audit log.

    The admin is the one place where staff change rows without a ``do_*`` service; this
    keeps the audit log complete all the same. Django's admin already writes each change
    form in one transaction, so the event commits or rolls back with the change.
    """

    def save_model(
        self, request: HttpRequest, obj: Any, form: BaseModelForm[Any], change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        record_event(
            EventType.ADMIN_SAVED,
            target=_target(obj),
            actor=request.user,
            extra={"created": not change, "fields": sorted(form.changed_data)},
        )

    def save_formset(
        self,
        request: HttpRequest,
        form: Any,
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        super().save_formset(request, form, formset, change)
        for row in [*formset.new_objects, *(row for row, _fields in formset.changed_objects)]:
            record_event(EventType.ADMIN_SAVED, target=_target(row), actor=request.user)
        for row in formset.deleted_objects:
            record_event(EventType.ADMIN_DELETED, target=_target(row), actor=request.user)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        target = _target(obj)
        super().delete_model(request, obj)
        record_event(EventType.ADMIN_DELETED, target=target, actor=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet[Any]) -> None:
        targets = [_target(row) for row in queryset]
        super().delete_queryset(request, queryset)
        for target in targets:
            record_event(EventType.ADMIN_DELETED, target=target, actor=request.user)


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """The audit log is append-only: the admin shows it and changes nothing."""

    list_display = ["sequence", "occurred_at", "event_type", "actor", "actor_label", "target"]
    list_filter = ["event_type"]
    list_select_related = ["actor"]
    search_fields = ["target", "actor__username", "actor_label"]
    date_hierarchy = "occurred_at"
