"""The handover, proposed sessions and requests for sessions through HTTP: forms and errors."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat.meetings.models import Session, SessionRequest, SessionStatus
from secretariat.meetings.services import do_request_assistance
from tests.factories import add_session_rules

JOINT = "/csto/sessions/2021-09-15-joint/"


@pytest.fixture
def officer_client(client, dushanbe):
    client.force_login(dushanbe.users["secretariat_officer"])
    return client


def test_the_handover_form_hands_over_and_proposes_the_next_sessions(officer_client, dushanbe):
    # given
    add_session_rules(dushanbe.organization)

    # when: at the joint meeting of 15 September 2021, by the rule (the record: Armenia)
    response = officer_client.post(f"{JOINT}handover/", {"state": "", "decision": ""}, follow=True)

    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "The chairmanship passes to Armenia from Jan. 1, 2022." in html
    assert "Sessions proposed for confirmation: 2." in html
    assert "Chairmanship handed over" in html
    proposed = Session.objects.filter(is_proposed=True, host_state__code="ARM")
    assert proposed.count() == 2


def test_a_refused_handover_says_which_field_and_why(officer_client, dushanbe):
    # when: to Tajikistan, which chairs already
    response = officer_client.post(
        f"{JOINT}handover/", {"state": "TJK", "decision": "Protocol decision"}, follow=True
    )

    # then
    html = response.content.decode()
    assert "State: Tajikistan already chairs: the chairmanship passes to another state." in html
    dushanbe.joint_meeting.refresh_from_db()
    assert dushanbe.joint_meeting.chairmanship_handover is None


def test_a_departure_from_the_rule_without_its_decision_is_refused(officer_client):
    response = officer_client.post(f"{JOINT}handover/", {"state": "KAZ"}, follow=True)
    assert "Decision: Name the decision" in response.content.decode()


def test_proposed_sessions_are_listed_confirmed_and_marked_on_their_page(officer_client, dushanbe):
    # given
    add_session_rules(dushanbe.organization)
    officer_client.post("/csto/sessions/proposed/")
    session = Session.objects.get(code="2026-csc-regular")

    # when
    listing = officer_client.get("/csto/sessions/proposed/").content.decode()
    marked = officer_client.get(session.get_absolute_url()).content.decode()
    refused = officer_client.post(
        f"/csto/sessions/{session.code}/confirm/", {"start_on": "2027-03-01"}, follow=True
    )
    confirmed = officer_client.post(
        f"/csto/sessions/{session.code}/confirm/",
        {"start_on": "2026-11-20", "venue_en": "Moscow", "venue_ru": "Москва"},
        follow=True,
    )

    # then: Russia's chairmanship of 2026 on record, its sessions in the autumn
    assert "In Russia, between Sept. 1, 2026 and Dec. 31, 2026." in listing
    assert "proposed, awaiting confirmation" in marked
    assert "Opens on: Choose days from Sept. 1, 2026 to Dec. 31, 2026" in refused.content.decode()
    assert "Session confirmed." in confirmed.content.decode()
    session.refresh_from_db()
    assert (session.start_on, session.status, session.venue["ru"]) == (
        date(2026, 11, 20),
        SessionStatus.CONVENED,
        "Москва",
    )


def test_a_bad_date_on_confirmation_is_reported(officer_client, dushanbe):
    add_session_rules(dushanbe.organization)
    officer_client.post("/csto/sessions/proposed/")
    response = officer_client.post(
        "/csto/sessions/2026-csc-regular/confirm/", {"start_on": "soon"}, follow=True
    )
    assert "Opens on: Give a date written YYYY-MM-DD." in response.content.decode()


def test_a_head_of_delegation_requests_a_session_through_the_form(client, dushanbe):
    # given
    client.force_login(dushanbe.users["armenia_head"])

    # when
    response = client.post(
        "/csto/sessions/requests/",
        {
            "kind": "extraordinary-session",
            "states": ["ARM"],
            "body": "csc",
            "requested_on": "2022-09-13",
            "reason": "Aggression against the territory of Armenia",
        },
        follow=True,
    )

    # then
    html = response.content.decode()
    assert "The request is recorded." in html
    assert "Aggression against the territory of Armenia" in html
    assert SessionRequest.objects.get().requested_by.get().code == "ARM"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"states": [], "requested_on": "2022-09-13"}, "Requesting states: Name the state"),
        ({"states": ["ARM"], "requested_on": "2099-01-01"}, "Requested on: A request cannot"),
        ({"states": ["ARM"], "requested_on": "13/09/2022"}, "Requested on: Give a date"),
    ],
)
def test_a_refused_request_says_which_field_and_why(officer_client, data, message):
    response = officer_client.post(
        "/csto/sessions/requests/", {"body": "csc", "kind": "extraordinary-session", **data},
        follow=True,
    )  # fmt: skip
    assert message in response.content.decode()
    assert not SessionRequest.objects.exists()


def test_the_urgent_path_through_the_pages(officer_client, dushanbe):
    # given: Kazakhstan's request of 5 January 2022 (csto-facts §5)
    add_session_rules(dushanbe.organization)
    request = do_request_assistance(
        dushanbe.users["secretariat_officer"],
        dushanbe.organization,
        states=[dushanbe.states["KAZ"]],
        requested_on=date(2022, 1, 5),
    )
    url = f"/csto/sessions/requests/{request.pk}/"

    # when: the steps out of order, then in order, then the session
    early = officer_client.post(
        f"{url}convene/", {"start_on": "2022-01-10", "mode": "videoconference"}, follow=True
    )
    officer_client.post(
        f"{url}steps/",
        {
            "step": "consultations",
            "started_at": "2022-01-05T21:00",
            "completed_at": "2022-01-05T23:00",
        },
    )
    backwards = officer_client.post(
        f"{url}steps/",
        {"step": "decision", "started_at": "2022-01-05T22:00", "completed_at": "2022-01-06T01:00"},
        follow=True,
    )
    officer_client.post(f"{url}steps/", {"step": "decision", "completed_at": "2022-01-06T01:00"})
    done = officer_client.post(
        f"{url}convene/", {"start_on": "2022-01-10", "mode": "videoconference"}, follow=True
    )

    # then
    assert "Request: Record the step consultations first" in early.content.decode()
    assert "Step: A step cannot start before the previous step (consultations)" in (
        backwards.content.decode()
    )
    assert "Session convened." in done.content.decode()
    page = officer_client.get(url).content.decode()
    assert "Jan. 5, 2022, 11 p.m." in page
    assert "Jan. 6, 2022, 1 a.m." in page
    assert "2022-01-10-csc-extraordinary" in page
