from django.urls import path

from secretariat.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.procedure_open, name="procedure-open"),
    path("<int:procedure_id>/", views.procedure_detail, name="procedure-detail"),
    path("<int:procedure_id>/positions/", views.procedure_position, name="procedure-position"),
    path("<int:procedure_id>/close/", views.procedure_close, name="procedure-close"),
    path("<int:procedure_id>/adopted-text/", views.adopted_text, name="adopted-text"),
]
