"""The admin site for this app: plans get their horizon here.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin

from secretariat.audit.admin import AuditedAdmin
from secretariat.followup.models import Instruction, Plan, Report


class ReportInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Report
    extra = 0
    raw_id_fields = ["state", "body", "recorded_by"]


@admin.register(Instruction)
class InstructionAdmin(AuditedAdmin):
    list_display = ["document", "paragraph_label", "state", "body", "due_on", "status"]
    list_filter = ["status", "state", "body"]
    list_select_related = ["document", "state", "body"]
    search_fields = ["document__code", "action"]
    date_hierarchy = "due_on"
    raw_id_fields = ["document", "state", "body", "created_by"]
    inlines = [ReportInline]


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["document", "start_on", "horizon_on"]
    list_select_related = ["document"]
    search_fields = ["document__code"]
    raw_id_fields = ["document"]
