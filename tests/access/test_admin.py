"""The Django admin: for the secretariat only, and every registered model's pages work."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

OUR_APPS = {"organizations", "meetings", "documents", "accounts", "audit", "followup"}


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", stdout=None)


def our_models():
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label in OUR_APPS),
        key=lambda model: model._meta.label,
    )


@pytest.mark.parametrize("model", our_models(), ids=lambda model: model._meta.label)
def test_every_admin_page_of_ours_renders_for_the_administrator(client, demo, model):
    # given
    client.login(username="admin", password="demo")
    opts = model._meta
    # when
    listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    first = model._default_manager.order_by("pk").first()
    # then
    assert listing.status_code == 200
    if first is not None:
        change = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        )
        assert change.status_code == 200


@pytest.mark.parametrize("username", [None, "arm-head", "rus-delegate"])
def test_the_public_and_delegations_are_sent_to_the_admin_login(client, demo, username):
    if username:
        client.login(username=username, password="demo")
    response = client.get(reverse("admin:documents_document_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_officer_keeps_documents_but_not_users(client, demo):
    client.login(username="officer", password="demo")
    assert client.get(reverse("admin:documents_document_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


def test_charter_data_is_shown_but_not_changed_in_the_admin(client, demo):
    # given
    client.login(username="admin", password="demo")
    from secretariat.organizations.models import MemberState

    armenia = MemberState.objects.get(code="ARM")
    url = reverse("admin:organizations_memberstate_change", args=[armenia.pk])
    # when
    page = client.get(url)
    posted = client.post(url, {"code": "XXX"})
    # then
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert posted.status_code == 403
    armenia.refresh_from_db()
    assert armenia.code == "ARM"


def test_a_change_in_the_admin_is_appended_to_the_audit_log(client, demo):
    # given
    from secretariat.audit.models import AuditEvent, EventType
    from secretariat.organizations.models import Person

    client.login(username="officer", password="demo")
    zas = Person.objects.get(code="stanislav-zas")
    url = reverse("admin:organizations_person_change", args=[zas.pk])
    # when
    response = client.post(
        url,
        {
            "organization": zas.organization_id,
            "code": "stanislav-zas",
            "names": '{"en": "Stanislav Zas", "ru": "Станислав Зась", "be": "Станіслаў Зась"}',
            "state": zas.state_id,
            "offices-TOTAL_FORMS": "0",
            "offices-INITIAL_FORMS": "0",
        },
    )
    # then
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(event_type=EventType.ADMIN_SAVED)
    assert event.actor.username == "officer"
    assert event.target == f"organizations.person:{zas.pk}"
    assert event.extra == {"created": False, "fields": ["names"]}


def test_the_audit_log_cannot_be_edited_even_by_the_administrator(client, demo):
    from secretariat.audit.models import AuditEvent

    client.login(username="admin", password="demo")
    event = AuditEvent.objects.order_by("pk").first()
    url = reverse("admin:audit_auditevent_change", args=[event.pk])
    assert client.post(url, {"target": "forged"}).status_code == 403
    assert client.post(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
    event.refresh_from_db()
    assert event.target != "forged"
