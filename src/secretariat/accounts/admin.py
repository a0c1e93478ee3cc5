"""The admin site for this app.

The admin classes are generic only in django-stubs: subscripting them at run time needs
``django_stubs_ext.monkeypatch()`` in the settings, hence the ``type-arg`` ignores.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from secretariat.accounts.models import RoleAssignment, User
from secretariat.accounts.views import ThrottledAdminLogin
from secretariat.audit.admin import AuditedAdmin

# The admin site's login is throttled like the site's own (accounts.throttle).
admin.site.login_form = ThrottledAdminLogin


class RoleAssignmentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RoleAssignment
    extra = 0


@admin.register(User)
class SecretariatUserAdmin(AuditedAdmin, UserAdmin):  # type: ignore[type-arg]
    inlines = [RoleAssignmentInline]


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedAdmin):
    list_display = ["user", "role", "organization", "state"]
    list_filter = ["organization", "role"]
    list_select_related = ["user", "organization", "state"]
    search_fields = ["user__username", "state__code"]
