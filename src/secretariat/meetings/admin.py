"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin

from secretariat.audit.admin import AuditedAdmin
from secretariat.meetings.models import Agenda, AgendaItem, Attendance, Session


class AttendanceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Attendance
    extra = 0
    autocomplete_fields = ["state", "head"]


@admin.register(Session)
class SessionAdmin(AuditedAdmin):
    list_display = ["code", "__str__", "organization", "kind", "mode", "start_on", "status"]
    list_filter = ["organization", "kind", "mode", "status", "bodies"]
    list_select_related = ["organization"]
    search_fields = ["code", "titles"]
    date_hierarchy = "start_on"
    filter_horizontal = ["bodies", "requested_by", "officials"]
    autocomplete_fields = ["host_state", "chair_state", "chair_person"]
    inlines = [AttendanceInline]


@admin.register(Attendance)
class AttendanceAdmin(AuditedAdmin):
    list_display = ["session", "state", "presence", "head"]
    list_filter = ["presence", "state"]
    list_select_related = ["session", "state", "head"]
    search_fields = ["session__code", "state__code"]


class AgendaItemInline(admin.StackedInline):  # type: ignore[type-arg]
    model = AgendaItem
    extra = 0
    filter_horizontal = ["documents"]


@admin.register(Agenda)
class AgendaAdmin(AuditedAdmin):
    list_display = ["__str__", "status", "approved_at", "approved_on"]
    list_filter = ["status", "session__organization"]
    list_select_related = ["session", "approved_at"]
    search_fields = ["session__code", "session__titles"]
    filter_horizontal = ["approved_by"]
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(AuditedAdmin):
    list_display = ["agenda", "number", "__str__", "result"]
    list_filter = ["result"]
    list_select_related = ["agenda__session"]
    search_fields = ["titles", "agenda__session__code"]
    filter_horizontal = ["documents"]
