from django.urls import path

from secretariat.signatures import views

app_name = "signatures"

urlpatterns = [
    path("", views.signature_list, name="signature-list"),
    path("signed-form.json", views.signed_form_json, name="signed-form"),
    path("sign/", views.signature_sign, name="signature-sign"),
    path("keys/", views.key_register, name="key-register"),
    path("<int:signature_id>/confirm/", views.signature_confirm, name="signature-confirm"),
]
