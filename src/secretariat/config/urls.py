from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from secretariat.accounts.views import ThrottledLoginView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The organization's pages come last: ``<organization>/`` would match any fixed prefix
    # (``admin/``, ``accounts/``) put after it.
    path("<slug:organization_code>/sessions/", include("secretariat.meetings.urls")),
    path(
        "<slug:organization_code>/documents/<slug:document_code>/procedures/",
        include("secretariat.decisions.urls"),
    ),
    path(
        "<slug:organization_code>/documents/<slug:document_code>/signatures/",
        include("secretariat.signatures.urls"),
    ),
    path("<slug:organization_code>/documents/", include("secretariat.documents.urls")),
    path("<slug:organization_code>/follow-up/", include("secretariat.followup.urls")),
    path("", include("secretariat.organizations.urls")),
]
