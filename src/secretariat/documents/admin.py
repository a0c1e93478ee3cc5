"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin

from secretariat.audit.admin import AuditedAdmin
from secretariat.documents.models import Document, DocumentRelation, DocumentText


class DocumentTextInline(admin.StackedInline):  # type: ignore[type-arg]
    model = DocumentText
    extra = 0


class DocumentRelationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    list_display = ["code", "symbol", "kind", "classification", "status", "adopted_on"]
    list_filter = ["organization", "kind", "classification", "status", "issuing_bodies"]
    search_fields = ["code", "symbol", "texts__title"]
    date_hierarchy = "adopted_on"
    filter_horizontal = ["issuing_bodies", "distributed_to"]
    raw_id_fields = ["adopted_at", "adopted_at_item"]
    inlines = [DocumentTextInline, DocumentRelationInline]


@admin.register(DocumentText)
class DocumentTextAdmin(AuditedAdmin):
    list_display = ["document", "language", "title", "is_summary", "is_translation"]
    list_filter = ["language", "is_summary", "is_translation"]
    list_select_related = ["document"]
    search_fields = ["document__code", "title", "body"]


@admin.register(DocumentRelation)
class DocumentRelationAdmin(AuditedAdmin):
    list_display = ["source", "kind", "target"]
    list_filter = ["kind"]
    list_select_related = ["source", "target"]
    search_fields = ["source__code", "target__code"]
