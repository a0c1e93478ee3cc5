from django.urls import path

from secretariat.followup import views

app_name = "followup"

urlpatterns = [
    path("", views.instruction_list, name="instruction-list"),
    path("instructions/<int:pk>/", views.instruction_detail, name="instruction-detail"),
    path(
        "instructions/<int:pk>/complete/",
        views.instruction_complete,
        name="instruction-complete",
    ),
    path(
        "documents/<slug:document_code>/",
        views.document_instructions,
        name="document-instructions",
    ),
    path("documents/<slug:document_code>/plan/", views.document_plan, name="document-plan"),
    path("plans/<slug:document_code>/", views.plan_detail, name="plan-detail"),
]
