"""Co-sponsors: the secretariat opens and closes the list; a head of delegation signs on."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.documents.models import Document, DocumentStatus, Sponsor, Sponsorship
from secretariat.documents.services import SponsorshipError, do_set_sponsorship, do_sponsor

DRAFT = "2021-csc-declaration-draft"


@pytest.fixture
def open_list(dushanbe, draft) -> Document:
    do_set_sponsorship(dushanbe.users["secretariat_officer"], draft, Sponsorship.OPEN)
    return draft


def test_a_head_of_delegation_co_sponsors_once_and_may_withdraw(dushanbe, open_list):
    # given
    head, armenia = dushanbe.users["armenia_head"], dushanbe.states["ARM"]

    # when: joining twice (a double-submitted form), then withdrawing
    do_sponsor(head, open_list, armenia, joining=True)
    do_sponsor(head, open_list, armenia, joining=True)
    listed = list(open_list.sponsors.values_list("state__code", flat=True))
    do_sponsor(head, open_list, armenia, joining=False)

    # then
    assert listed == ["ARM"]
    assert not open_list.sponsors.exists()


def test_a_closed_list_takes_no_new_sponsor(dushanbe, open_list):
    # given
    do_set_sponsorship(dushanbe.users["secretariat_officer"], open_list, Sponsorship.CLOSED)

    # when / then
    with pytest.raises(SponsorshipError, match="not open"):
        do_sponsor(dushanbe.users["armenia_head"], open_list, dushanbe.states["ARM"], joining=True)


@pytest.mark.parametrize(
    ("persona", "state"),
    [
        ("armenia_delegate", "ARM"),  # a delegate is not the head: sponsoring is a position
        ("armenia_head", "RUS"),  # Armenia's head cannot sign on for Russia
        ("kazakhstan_delegate", "KAZ"),  # the draft did not go to Kazakhstan
        ("secretariat_officer", "ARM"),
    ],
)
def test_only_the_head_of_a_delegation_the_draft_went_to_signs_on(
    dushanbe, open_list, persona, state
):
    with pytest.raises(PermissionDenied):
        do_sponsor(dushanbe.users[persona], open_list, dushanbe.states[state], joining=True)
    assert not Sponsor.objects.exists()


def test_only_the_secretariat_opens_a_list_and_only_for_a_draft(dushanbe, draft):
    with pytest.raises(PermissionDenied):
        do_set_sponsorship(dushanbe.users["armenia_head"], draft, Sponsorship.OPEN)
    draft.status = DocumentStatus.ADOPTED
    with pytest.raises(SponsorshipError, match="Only a draft"):
        do_set_sponsorship(dushanbe.users["secretariat_officer"], draft, Sponsorship.OPEN)


def test_the_sponsors_are_printed_on_the_draft(client, dushanbe, open_list):
    # given: Armenia's head signs on through the page
    client.force_login(dushanbe.users["armenia_head"])
    page = client.get(f"/csto/documents/{DRAFT}/").content.decode()
    assert "Co-sponsor for Armenia" in page

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/sponsors/", {"action": "join", "state": "ARM"}, follow=True
    )

    # then: every reader of the draft sees Armenia among the sponsors
    assert "Withdraw Armenia from the sponsors" in response.content.decode()
    client.force_login(dushanbe.users["armenia_delegate"])
    page = client.get(f"/csto/documents/{DRAFT}/").content.decode()
    sponsors = page.split(">Sponsors</dt>", 1)[1].split("</dd>", 1)[0]
    assert sponsors.replace("<dd>", "").strip().startswith("Armenia")


def test_the_officer_opens_and_closes_the_list_on_the_page(client, dushanbe, draft):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])
    url = f"/csto/documents/{DRAFT}/sponsors/"

    # when / then
    client.post(url, {"action": "open"})
    assert Document.objects.get(code=DRAFT).sponsorship == Sponsorship.OPEN
    client.post(url, {"action": "close"})
    assert Document.objects.get(code=DRAFT).sponsorship == Sponsorship.CLOSED
    assert client.post(url, {"action": "dance"}).status_code == 404
