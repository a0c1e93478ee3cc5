from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(template_name="accounts/user_login.html"),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The organization's pages come last: ``<organization>/`` would match any fixed prefix
    # (``admin/``, ``accounts/``) put after it.
    path("<slug:organization_code>/sessions/", include("secretariat.meetings.urls")),
    path("<slug:organization_code>/documents/", include("secretariat.documents.urls")),
    path("", include("secretariat.organizations.urls")),
]
