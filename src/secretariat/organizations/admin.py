"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin

from secretariat.audit.admin import AuditedAdmin, ReadOnlyAdminMixin
from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MembershipPeriod,
    MemberState,
    Office,
    Organization,
    Person,
)


class CharterDataAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    """What a charter file says is shown here, never changed here.

    The charter file is the source: an edit in the admin would be undone by the next
    ``secretariat charter load``. Change the file and load it.
    """


class CharterDataInline(ReadOnlyAdminMixin, admin.TabularInline):  # type: ignore[type-arg]
    """An inline of charter data: shown, never changed (see ``CharterDataAdmin``)."""

    extra = 0


@admin.register(Organization)
class OrganizationAdmin(CharterDataAdmin):
    list_display = ["code", "__str__", "official_languages", "working_languages"]
    search_fields = ["code", "names", "acronyms"]


class MembershipPeriodInline(CharterDataInline):
    model = MembershipPeriod


@admin.register(MemberState)
class MemberStateAdmin(CharterDataAdmin):
    list_display = ["code", "__str__", "organization"]
    list_filter = ["organization"]
    search_fields = ["code", "names", "short_names"]
    inlines = [MembershipPeriodInline]


@admin.register(MembershipPeriod)
class MembershipPeriodAdmin(CharterDataAdmin):
    list_display = ["state", "status", "start_on", "end_on"]
    list_filter = ["status", "state__organization"]
    list_select_related = ["state"]
    search_fields = ["state__code", "source"]
    date_hierarchy = "start_on"


@admin.register(Body)
class BodyAdmin(CharterDataAdmin):
    list_display = ["code", "__str__", "organization", "level", "reports_to", "position"]
    list_filter = ["organization", "level"]
    list_select_related = ["organization", "reports_to"]
    search_fields = ["code", "names", "acronyms"]
    ordering = ["organization", "position", "code"]


class OfficeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Office
    extra = 0
    fk_name = "person"


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["code", "__str__", "organization", "state"]
    list_filter = ["organization", "state"]
    list_select_related = ["state"]
    search_fields = ["code", "names"]
    inlines = [OfficeInline]


@admin.register(Office)
class OfficeAdmin(AuditedAdmin):
    list_display = ["person", "role", "__str__", "state", "start_on", "end_on"]
    list_filter = ["role", "state"]
    list_select_related = ["person", "state"]
    search_fields = ["person__code", "person__names", "role", "titles"]
    date_hierarchy = "start_on"


@admin.register(Chairmanship)
class ChairmanshipAdmin(CharterDataAdmin):
    list_display = ["organization", "state", "start_on", "end_on"]
    list_filter = ["organization"]
    list_select_related = ["organization", "state"]
    search_fields = ["state__code", "source"]
    date_hierarchy = "start_on"
