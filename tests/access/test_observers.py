"""Observers and partners: what the charter lets them see, and no part in decisions.

Serbia is an observer and Iran a partner of the CSTO here (both since the 3rd Protocol came
into force on 19 January 2021); the restricted draft declaration has been distributed to
both. Whether their delegations see it is the organization's choice, one per status
(``observers``/``partners: {receive_documents: ...}`` in the charter); by default they see
only what is public. Either way they give no position, sponsor nothing, and count in no
quorum. A state whose membership ended no longer sees what was distributed to it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from secretariat.accounts.models import Role
from secretariat.decisions.models import Procedure
from secretariat.decisions.services import do_give_position, do_open_procedure, members_of
from secretariat.documents.access import visible_documents
from secretariat.documents.models import Document, DocumentStatus, Sponsorship
from secretariat.documents.services import DistributionError, do_distribute, do_sponsor
from secretariat.meetings.models import Attendance, Presence
from secretariat.meetings.querysets import session_page
from secretariat.meetings.services import do_request_assistance
from secretariat.organizations.models import MembershipPeriod, Organization
from secretariat.rules.participation import ParticipationStatus
from tests.factories import add_session_rules, add_state, add_user, en_ru

DRAFT = "2021-csc-declaration-draft"
DRAFT_TITLES = (
    "Draft Declaration of the Collective Security Council",
    "Проект Декларации Совета коллективной безопасности",
)
THIRD_PROTOCOL_IN_FORCE = date(2021, 1, 19)
#: Status -> (state code, names, the charter's switch for that status).
OUTSIDERS = {
    ParticipationStatus.OBSERVER: (
        "SRB",
        en_ru("Serbia", "Сербия"),
        "is_distributed_to_observers",
    ),
    ParticipationStatus.PARTNER: ("IRN", en_ru("Iran", "Иран"), "is_distributed_to_partners"),
}
STATUSES = sorted(OUTSIDERS)
LISTING_PAGES = ["/csto/documents/", "/csto/sessions/2021-09-15-joint/"]


@pytest.fixture
def outsiders(dushanbe):
    """An observer and a partner, each with a head of delegation, the draft distributed to both."""
    heads = {}
    for status, (code, names, _switch) in OUTSIDERS.items():
        state = add_state(
            dushanbe.organization, code, names, status=status, since=THIRD_PROTOCOL_IN_FORCE
        )
        dushanbe.states[code] = state
        heads[status] = add_user(
            f"{code.lower()}-head", dushanbe.organization, Role.HEAD_OF_DELEGATION, state=state
        )
        dushanbe.draft_declaration.distributed_to.add(state)
    return heads


def charter_says(organization: Organization, status: str, *, receive: bool) -> None:
    setattr(organization, OUTSIDERS[status][2], receive)
    organization.save()


def page(client: Client, user, url: str):
    client.force_login(user)
    return client.get(url)


def shows(html: str) -> bool:
    return f"/documents/{DRAFT}/" in html or any(title in html for title in DRAFT_TITLES)


# ------------------------------------------------------------------------------ seeing


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("receive", [True, False])
def test_the_draft_page_is_open_to_an_outsider_only_where_the_charter_says_so(
    client, dushanbe, outsiders, status, receive
):
    # given
    charter_says(dushanbe.organization, status, receive=receive)

    # when
    response = page(client, outsiders[status], f"/csto/documents/{DRAFT}/")

    # then
    assert response.status_code == (200 if receive else 404)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("receive", [True, False])
@pytest.mark.parametrize("url", LISTING_PAGES)
def test_lists_show_the_draft_to_an_outsider_only_where_the_charter_says_so(
    client, dushanbe, outsiders, status, receive, url
):
    # given
    charter_says(dushanbe.organization, status, receive=receive)

    # when
    response = page(client, outsiders[status], url)

    # then
    assert response.status_code == 200
    assert shows(response.content.decode()) is receive


@pytest.mark.parametrize("status", STATUSES)
def test_the_charter_decides_for_each_status_apart(dushanbe, outsiders, status):
    # given: the charter lets only this status receive documents
    charter_says(dushanbe.organization, status, receive=True)
    other = next(other for other in STATUSES if other != status)

    # then
    assert visible_documents(outsiders[status]).filter(code=DRAFT).exists()
    assert not visible_documents(outsiders[other]).filter(code=DRAFT).exists()


@pytest.mark.parametrize("status", STATUSES)
def test_an_outsider_sees_public_documents_as_anybody_does(client, dushanbe, outsiders, status):
    # when
    response = page(client, outsiders[status], "/csto/documents/2021-afghanistan-statement/")

    # then
    assert response.status_code == 200


def end_armenias_membership(dushanbe, status: ParticipationStatus | None) -> None:
    """Armenia was a member until yesterday; since yesterday it holds ``status`` (or none)."""
    yesterday = timezone.localdate() - timedelta(days=1)
    MembershipPeriod.objects.filter(state=dushanbe.states["ARM"]).update(end_on=yesterday)
    if status is not None:
        MembershipPeriod.objects.create(
            state=dushanbe.states["ARM"], status=status, start_on=yesterday
        )


@pytest.mark.parametrize(
    ("status", "sees"),
    [
        (ParticipationStatus.WITHDRAWN, False),
        (None, False),
        (ParticipationStatus.OBSERVER, False),
        (ParticipationStatus.SUSPENDED, True),
        (ParticipationStatus.FROZEN, True),
    ],
)
def test_a_delegation_sees_what_was_distributed_only_while_its_state_receives_documents(
    client, dushanbe, status, sees
):
    # given: the draft went to Armenia while it was a member; then its membership changed
    end_armenias_membership(dushanbe, status)

    # when
    response = page(client, dushanbe.users["armenia_delegate"], f"/csto/documents/{DRAFT}/")
    listing = page(client, dushanbe.users["armenia_delegate"], "/csto/documents/")

    # then: a state still a member (not taking part) keeps seeing it; one that left does not
    assert response.status_code == (200 if sees else 404)
    assert shows(listing.content.decode()) is sees


# ------------------------------------------------------------------------- distributing


@pytest.mark.parametrize("status", STATUSES)
def test_distributing_to_an_outsider_the_charter_keeps_out_is_refused(dushanbe, outsiders, status):
    # given: a new restricted document, and a charter that gives this status nothing
    charter_says(dushanbe.organization, status, receive=False)
    document = Document.objects.get(code=DRAFT)
    document.distributed_to.clear()
    state = dushanbe.states[OUTSIDERS[status][0]]

    # when
    with pytest.raises(DistributionError, match=state.short_name):
        do_distribute(
            dushanbe.users["secretariat_officer"], document, [dushanbe.states["KAZ"], state]
        )

    # then: nothing was distributed, not even to Kazakhstan
    assert not document.distributed_to.exists()


@pytest.mark.parametrize("status", STATUSES)
def test_distributing_to_an_outsider_the_charter_lets_in_is_done(dushanbe, outsiders, status):
    # given
    charter_says(dushanbe.organization, status, receive=True)
    document = Document.objects.get(code=DRAFT)
    document.distributed_to.clear()

    # when
    count = do_distribute(
        dushanbe.users["secretariat_officer"], document, [dushanbe.states[OUTSIDERS[status][0]]]
    )

    # then
    assert count == 1


def test_distributing_to_a_state_that_withdrew_is_refused(dushanbe):
    # given
    end_armenias_membership(dushanbe, ParticipationStatus.WITHDRAWN)
    document = Document.objects.get(code=DRAFT)
    document.distributed_to.clear()

    # then
    with pytest.raises(DistributionError, match="Armenia"):
        do_distribute(dushanbe.users["secretariat_officer"], document, [dushanbe.states["ARM"]])


def test_the_document_page_offers_to_distribute_only_to_states_that_receive_documents(
    client, dushanbe, outsiders
):
    # given: observers receive documents, partners do not; nothing distributed yet
    charter_says(dushanbe.organization, ParticipationStatus.OBSERVER, receive=True)
    Document.objects.get(code=DRAFT).distributed_to.clear()

    # when
    html = page(client, dushanbe.users["secretariat_officer"], f"/csto/documents/{DRAFT}/")
    html = html.content.decode()

    # then
    assert 'name="states" value="SRB"' in html
    assert 'name="states" value="IRN"' not in html
    assert 'name="states" value="KAZ"' in html


# ---------------------------------------------------------------- no part in decisions


@pytest.fixture
def written_procedure(dushanbe) -> Procedure:
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {
        "default": {
            "rule": {"kind": "consensus"},
            "procedures": [{"kind": "written", "days": 2, "no_answer": "absent"}],
        }
    }
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    return do_open_procedure(
        dushanbe.users["secretariat_officer"],
        Document.objects.get(code=DRAFT),
        csc,
        "default",
        kind="written",
    )


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("receive", [True, False])
def test_an_outsider_gives_no_position_and_is_not_in_the_ballot(
    dushanbe, outsiders, written_procedure, status, receive
):
    # given
    charter_says(dushanbe.organization, status, receive=receive)
    state = dushanbe.states[OUTSIDERS[status][0]]

    # when / then
    with pytest.raises(PermissionDenied):
        do_give_position(outsiders[status], written_procedure, state, "yes")
    with pytest.raises(PermissionDenied):  # nor may the secretariat answer for it
        do_give_position(dushanbe.users["secretariat_officer"], written_procedure, state, "yes")
    assert state not in members_of(written_procedure)
    assert not written_procedure.positions.exists()


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("receive", [True, False])
def test_an_outsider_does_not_sponsor_even_a_draft_it_received(
    dushanbe, outsiders, status, receive
):
    # given: the list of sponsors is open, and the draft went to the state
    charter_says(dushanbe.organization, status, receive=receive)
    Document.objects.filter(code=DRAFT).update(sponsorship=Sponsorship.OPEN)
    document = Document.objects.get(code=DRAFT)

    # then
    with pytest.raises(PermissionDenied):
        do_sponsor(outsiders[status], document, dushanbe.states[OUTSIDERS[status][0]], joining=True)
    assert not document.sponsors.exists()


def test_outsiders_present_at_a_session_do_not_count_towards_its_quorum(dushanbe, outsiders):
    # given: a council that needs every member present; the observer and the partner attend
    csc = dushanbe.bodies["csc"]
    csc.quorum = {"share": "1/1"}
    csc.save(update_fields=["quorum"])
    session = dushanbe.council_session
    for code in ("SRB", "IRN"):
        Attendance.objects.create(
            session=session, state=dushanbe.states[code], presence=Presence.IN_PERSON
        )

    # when
    summary = session_page(dushanbe.users["secretariat_officer"], session)

    # then: six members (Uzbekistan suspended), only Russia present of them
    assert (summary.members, summary.present) == (6, 1)
    assert (summary.quorums[0].needed, summary.quorums[0].met) == (6, False)


def test_the_distribution_form_says_why_an_outsider_is_refused(client, dushanbe, outsiders):
    # given: the charter's default, observers receive nothing
    Document.objects.get(code=DRAFT).distributed_to.clear()
    client.force_login(dushanbe.users["secretariat_officer"])

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/distribution/", {"states": ["SRB"]}, follow=True
    )

    # then: back on the page, with the reason, and nothing distributed
    assert response.status_code == 200
    assert "Serbia cannot receive documents" in response.content.decode()
    assert not Document.objects.get(code=DRAFT).distributed_to.exists()


@pytest.mark.parametrize("status", STATUSES)
def test_an_observer_or_partner_does_not_see_a_pending_request_for_assistance(
    client, dushanbe, outsiders, status
):
    # given: Kazakhstan's request of January 2022, no session convened from it yet
    add_session_rules(dushanbe.organization)
    request = do_request_assistance(
        dushanbe.users["secretariat_officer"],
        dushanbe.organization,
        states=[dushanbe.states["KAZ"]],
        requested_on=date(2022, 1, 5),
        reason="Request for assistance.",
    )

    # when
    response = page(client, outsiders[status], f"/csto/sessions/requests/{request.pk}/")

    # then: as for the public, a pending request is absent
    assert response.status_code == 404
