"""Delegations at a session: credentials recorded by the secretariat, quorum counted in states."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secretariat.audit.models import AuditEvent, EventType
from secretariat.meetings.models import Attendance, Presence
from secretariat.rules.quorum import quorum_needed

JOINT = "/csto/sessions/2021-09-15-joint/"


@given(st.integers(1, 200), st.fractions(min_value=Fraction(1, 100), max_value=1))
def test_a_share_quorum_is_never_more_than_the_members(members, share):
    needed = quorum_needed(members, share=share)
    assert 1 <= needed <= members
    assert needed >= share * members


def test_a_count_and_a_share_together_need_both():
    assert quorum_needed(6, count=5, share=Fraction(2, 3)) == 5


def test_the_session_page_counts_member_states_present_once(fetch, dushanbe):
    # when
    html = fetch(JOINT).content.decode()

    # then: six member states on the day (Uzbekistan is suspended), all present
    assert "Member states present: 6 of 6." in html


def test_the_quorum_of_a_body_is_shown_when_its_charter_sets_one(fetch, dushanbe):
    # given: the Council of Foreign Ministers requires all six, and one state is absent
    cfm = dushanbe.bodies["cfm"]
    cfm.quorum = {"count": 6}
    cfm.save(update_fields=["quorum"])
    Attendance.objects.filter(session__code="2021-09-15-joint", state__code="KGZ").update(
        presence=Presence.ABSENT
    )

    # when
    html = fetch(JOINT).content.decode()

    # then
    assert "Member states present: 5 of 6." in html
    assert "(6 states): not reached." in html


def test_the_officer_records_a_delegations_credentials(client, dushanbe):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])

    # when
    response = client.post(
        f"{JOINT}credentials/", {"state": "ARM", "credentials": "accepted"}, follow=True
    )

    # then
    attendance = Attendance.objects.get(session__code="2021-09-15-joint", state__code="ARM")
    assert attendance.credentials == "accepted"
    assert "full powers accepted" in response.content.decode()
    assert AuditEvent.objects.filter(event_type=EventType.CREDENTIALS_RECORDED).count() == 1


def test_an_unknown_state_of_credentials_is_refused_with_a_message(client, dushanbe):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])

    # when
    response = client.post(
        f"{JOINT}credentials/", {"state": "ARM", "credentials": "maybe"}, follow=True
    )

    # then
    assert "Unknown state of credentials." in response.content.decode()
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("armenia_head", 403), ("no_role", 403), (None, 302)],
)
def test_only_the_secretariat_records_credentials(client, dushanbe, persona, status):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"{JOINT}credentials/", {"state": "ARM", "credentials": "accepted"})

    # then
    assert response.status_code == status
    attendance = Attendance.objects.get(session__code="2021-09-15-joint", state__code="ARM")
    assert attendance.credentials == "not-recorded"


def test_the_credentials_form_is_shown_to_the_secretariat_only(client, dushanbe):
    for persona, shown in [("secretariat_officer", True), ("armenia_head", False)]:
        client.force_login(dushanbe.users[persona])
        assert (f"{JOINT}credentials/" in client.get(JOINT).content.decode()) is shown
