"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin

from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MembershipPeriod,
    MemberState,
    Office,
    Organization,
    Person,
)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "__str__", "official_languages", "working_languages"]
    search_fields = ["code", "names", "acronyms"]


class MembershipPeriodInline(admin.TabularInline):  # type: ignore[type-arg]
    model = MembershipPeriod
    extra = 0


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "__str__", "organization"]
    list_filter = ["organization"]
    search_fields = ["code", "names", "short_names"]
    inlines = [MembershipPeriodInline]


@admin.register(MembershipPeriod)
class MembershipPeriodAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["state", "status", "start_on", "end_on"]
    list_filter = ["status", "state__organization"]
    list_select_related = ["state"]
    search_fields = ["state__code", "source"]
    date_hierarchy = "start_on"


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
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
class PersonAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "__str__", "organization", "state"]
    list_filter = ["organization", "state"]
    list_select_related = ["state"]
    search_fields = ["code", "names"]
    inlines = [OfficeInline]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["person", "role", "__str__", "state", "start_on", "end_on"]
    list_filter = ["role", "state"]
    list_select_related = ["person", "state"]
    search_fields = ["person__code", "person__names", "role", "titles"]
    date_hierarchy = "start_on"


@admin.register(Chairmanship)
class ChairmanshipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["organization", "state", "start_on", "end_on"]
    list_filter = ["organization"]
    list_select_related = ["organization", "state"]
    search_fields = ["state__code", "source"]
    date_hierarchy = "start_on"
