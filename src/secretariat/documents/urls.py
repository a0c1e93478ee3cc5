from django.urls import path

from secretariat.documents import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("new/", views.document_new, name="document-new"),
    path("<slug:document_code>/", views.document_detail, name="document-detail"),
    path("<slug:document_code>/symbol/", views.document_assign_symbol, name="assign-symbol"),
    path("<slug:document_code>/sponsors/", views.document_sponsors, name="sponsors"),
    path("<slug:document_code>/status/", views.document_status, name="status"),
    path("<slug:document_code>/distribution/", views.document_distribution, name="distribution"),
    path("<slug:document_code>/accessions/", views.document_accession, name="accessions"),
    path("<slug:document_code>/texts/<slug:language>/edit/", views.text_edit, name="text-edit"),
    path(
        "<slug:document_code>/texts/<slug:language>/amendments/",
        views.text_amendments,
        name="text-amendments",
    ),
    path(
        "<slug:document_code>/texts/<slug:language>/amendments/<int:amendment_id>/decision/",
        views.amendment_decision,
        name="amendment-decision",
    ),
    path(
        "<slug:document_code>/texts/<slug:language>/versions/",
        views.text_versions,
        name="text-versions",
    ),
]
