from django.urls import path

from secretariat.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<slug:session_code>/", views.session_detail, name="session-detail"),
    path("<slug:session_code>/credentials/", views.session_credentials, name="credentials"),
    path("<slug:session_code>/agenda/", views.session_agenda, name="session-agenda"),
    path("<slug:session_code>/agenda/items/", views.agenda_item_add, name="agenda-item-add"),
    path("<slug:session_code>/agenda/approval/", views.agenda_approve, name="agenda-approve"),
]
