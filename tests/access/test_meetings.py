"""Handovers, proposed sessions and requests for sessions, for every persona.

The rule (``secretariat.meetings.access``): the secretariat and the delegations of the member
states see every request for a session and its urgent path; the public and users with no
role see a request only once the session convened from it is public. Only the secretariat
hands over the chairmanship, confirms proposed sessions, records urgent steps and convenes
sessions; a head of delegation requests a session for its own state.
"""

from __future__ import annotations

from datetime import date

import pytest

from secretariat.meetings.models import SessionMode, SessionRequest
from secretariat.meetings.services import (
    do_convene_session,
    do_hand_over_chairmanship,
    do_propose_next_sessions,
    do_request_assistance,
)
from secretariat.organizations.models import Chairmanship
from tests.access.test_documents import PERSONAS
from tests.factories import add_session_rules

SECRETARIAT = {"secretariat_officer", "secretariat_administrator", "superuser"}
DELEGATIONS = {"armenia_head", "armenia_delegate", "kazakhstan_delegate"}
#: Who sees requests whose session is not convened (or not public) yet.
SEES_REQUESTS = SECRETARIAT | DELEGATIONS
JOINT = "/csto/sessions/2021-09-15-joint/"
REASON = "Appeal under Article 4 of the Treaty"


@pytest.fixture
def assistance(dushanbe):
    """Kazakhstan's request for collective assistance of 5 January 2022, steps not recorded."""
    add_session_rules(dushanbe.organization)
    return do_request_assistance(
        dushanbe.users["secretariat_officer"],
        dushanbe.organization,
        states=[dushanbe.states["KAZ"]],
        requested_on=date(2022, 1, 5),
        reason=REASON,
    )


@pytest.fixture
def proposed(dushanbe):
    """Armenia's regular sessions of 2022, proposed and awaiting confirmation."""
    add_session_rules(dushanbe.organization)
    armenia = Chairmanship.objects.get(state__code="ARM")
    return do_propose_next_sessions(dushanbe.users["secretariat_officer"], armenia)


def login(client, dushanbe, persona):
    client.logout()
    if persona is not None:
        client.force_login(dushanbe.users[persona])


def asked_to_log_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# ----------------------------------------------------------------------------- requests


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_pending_request_is_seen_by_the_secretariat_and_the_delegations_only(
    fetch, assistance, persona
):
    # when
    listing = fetch("/csto/sessions/requests/", persona)
    page = fetch(f"/csto/sessions/requests/{assistance.pk}/", persona)

    # then: the list is open to all, but lists the request to those who may see it
    assert listing.status_code == 200
    sees = persona in SEES_REQUESTS
    assert (f"/csto/sessions/requests/{assistance.pk}/" in listing.content.decode()) is sees
    assert page.status_code == (200 if sees else 404)
    if sees:
        html = page.content.decode()
        assert REASON in html
        assert "Consultations of the Chairman with the heads of every member state" in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_hidden_request_looks_exactly_like_a_missing_one(fetch, assistance, persona):
    if persona in SEES_REQUESTS:
        return
    hidden = fetch(f"/csto/sessions/requests/{assistance.pk}/", persona)
    missing = fetch(f"/csto/sessions/requests/{assistance.pk + 1000}/", persona)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_request_is_public_once_its_session_is_convened(fetch, dushanbe, persona):
    # given: Armenia's request of 13 September 2022, and the session held online that day
    officer = dushanbe.users["secretariat_officer"]
    from secretariat.meetings.services import do_request_session

    request = do_request_session(
        officer,
        dushanbe.organization,
        states=[dushanbe.states["ARM"]],
        requested_on=date(2022, 9, 13),
        reason=REASON,
        body=dushanbe.bodies["csc"],
    )
    do_convene_session(
        officer, request, start_on=date(2022, 9, 13), mode=SessionMode.VIDEOCONFERENCE
    )

    # when
    page = fetch(f"/csto/sessions/requests/{request.pk}/", persona)

    # then
    assert page.status_code == 200
    assert "videoconference" in page.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_request_form_is_for_the_secretariat_and_heads_of_delegation(fetch, persona):
    # when
    html = fetch("/csto/sessions/requests/", persona).content.decode()

    # then
    shown = persona in SECRETARIAT | {"armenia_head"}
    assert ('name="requested_on"' in html) is shown


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_or_the_states_head_submits_a_request(client, dushanbe, persona):
    # given
    login(client, dushanbe, persona)

    # when: a request in Armenia's name
    response = client.post(
        "/csto/sessions/requests/",
        {
            "states": ["ARM"],
            "requested_on": "2022-09-13",
            "body": "csc",
            "kind": "extraordinary-session",
        },
    )

    # then
    created = SessionRequest.objects.exists()
    if persona in SECRETARIAT | {"armenia_head"}:
        assert response.status_code == 302
        assert created
    else:
        assert not created
        assert asked_to_log_in(response) if persona is None else response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("steps/", {"step": "consultations", "completed_at": "2022-01-05T23:00"}),
        ("convene/", {"start_on": "2022-01-10", "mode": "videoconference"}),
    ],
)
def test_only_the_secretariat_acts_on_a_request_and_others_learn_nothing(
    client, dushanbe, assistance, persona, action, data
):
    # given
    login(client, dushanbe, persona)

    # when
    response = client.post(f"/csto/sessions/requests/{assistance.pk}/{action}", data)

    # then: the secretariat is answered (a redirect, with a message where the step is
    # refused); a delegation that sees the request is refused; others find nothing
    assistance.refresh_from_db()
    recorded = assistance.steps.filter(completed_at__isnull=False).exists()
    if persona in SECRETARIAT:
        assert response.status_code == 302
        assert recorded is (action == "steps/")
    else:
        assert not recorded
        assert assistance.session is None
        if persona is None:
            assert asked_to_log_in(response)
        else:
            assert response.status_code == (403 if persona in DELEGATIONS else 404)


# ----------------------------------------------------------------------------- handover


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_sees_and_uses_the_handover_form(client, dushanbe, persona):
    # given
    login(client, dushanbe, persona)

    # when
    html = client.get(JOINT).content.decode()
    response = client.post(f"{JOINT}handover/", {})

    # then
    dushanbe.joint_meeting.refresh_from_db()
    handed_over = dushanbe.joint_meeting.chairmanship_handover is not None
    assert ("/handover/" in html) is (persona in SECRETARIAT)
    if persona in SECRETARIAT:
        assert response.status_code == 302
        assert handed_over
    else:
        assert not handed_over
        assert asked_to_log_in(response) if persona is None else response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_handover_is_shown_to_everyone_who_sees_the_session(fetch, dushanbe, persona):
    # given: the handover to Armenia recorded at Dushanbe
    do_hand_over_chairmanship(dushanbe.users["secretariat_officer"], dushanbe.joint_meeting)

    # when
    html = fetch(JOINT, persona).content.decode()

    # then
    assert "Chairmanship handed over" in html
    assert "Republic of Armenia" in html


# ----------------------------------------------------------------------------- proposed sessions


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_proposed_sessions_page_is_the_secretariats(fetch, proposed, persona):
    # when
    response = fetch("/csto/sessions/proposed/", persona)

    # then
    if persona in SECRETARIAT:
        assert response.status_code == 200
        assert f"/csto/sessions/{proposed[0].code}/confirm/" in response.content.decode()
    elif persona is None:
        assert asked_to_log_in(response)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_confirms_a_proposed_session(client, dushanbe, proposed, persona):
    # given
    login(client, dushanbe, persona)
    session = proposed[0]

    # when
    response = client.post(
        f"/csto/sessions/{session.code}/confirm/", {"start_on": "2022-11-23", "venue_en": "Yerevan"}
    )

    # then
    session.refresh_from_db()
    if persona in SECRETARIAT:
        assert response.status_code == 302
        assert not session.is_proposed
    else:
        assert session.is_proposed
        assert asked_to_log_in(response) if persona is None else response.status_code == 403
