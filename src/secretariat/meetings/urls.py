from django.urls import path

from secretariat.meetings import views

app_name = "meetings"

# Fixed prefixes first: ``<slug:session_code>/`` would match them.
urlpatterns = [
    path("proposed/", views.session_proposed, name="session-proposed"),
    path("requests/", views.request_list, name="request-list"),
    path("requests/<int:request_id>/", views.request_detail, name="request-detail"),
    path("requests/<int:request_id>/steps/", views.request_step, name="request-step"),
    path("requests/<int:request_id>/convene/", views.request_convene, name="request-convene"),
    path("<slug:session_code>/", views.session_detail, name="session-detail"),
    path("<slug:session_code>/credentials/", views.session_credentials, name="credentials"),
    path("<slug:session_code>/status/", views.session_status, name="session-status"),
    path("<slug:session_code>/handover/", views.session_handover, name="session-handover"),
    path("<slug:session_code>/confirm/", views.session_confirm, name="session-confirm"),
    path("<slug:session_code>/agenda/", views.session_agenda, name="session-agenda"),
    path("<slug:session_code>/agenda/items/", views.agenda_item_add, name="agenda-item-add"),
    path("<slug:session_code>/agenda/approval/", views.agenda_approve, name="agenda-approve"),
]
