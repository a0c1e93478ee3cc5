from django.urls import path

from secretariat.meetings import views

app_name = "meetings"

urlpatterns = [
    path("<slug:session_code>/", views.session_detail, name="session-detail"),
    path("<slug:session_code>/credentials/", views.session_credentials, name="credentials"),
]
