from django.urls import path

from secretariat.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_default, name="organization-default"),
    path("<slug:organization_code>/", views.organization_detail, name="organization-detail"),
    path(
        "<slug:organization_code>/bodies/<slug:body_code>/",
        views.body_detail,
        name="body-detail",
    ),
]
