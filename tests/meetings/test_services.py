"""Handover of the chairmanship, proposed sessions, requests and urgent paths, through services."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from secretariat.audit.models import AuditEvent, EventType
from secretariat.meetings.models import (
    RequestKind,
    Session,
    SessionKind,
    SessionMode,
    SessionStatus,
    UrgentStep,
)
from secretariat.meetings.services import (
    do_confirm_session,
    do_convene_session,
    do_hand_over_chairmanship,
    do_propose_next_sessions,
    do_record_urgent_step,
    do_request_assistance,
    do_request_session,
)
from secretariat.organizations.models import Chairmanship
from tests.factories import add_session, add_session_rules, en_ru

MOSCOW = ZoneInfo("Europe/Moscow")


def events(event_type):
    return list(AuditEvent.objects.filter(event_type=event_type))


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


@pytest.fixture
def yerevan(dushanbe):
    """The regular session of the Council in Yerevan, 23 November 2022, under Armenia's chair."""
    add_session_rules(dushanbe.organization)
    return add_session(
        dushanbe.organization,
        "2022-11-23-csc",
        en_ru("Session of the Collective Security Council", "Сессия СКБ"),
        [dushanbe.bodies["csc"]],
        start_on=date(2022, 11, 23),
        host_state=dushanbe.states["ARM"],
        chair_state=dushanbe.states["ARM"],
    )


# ----------------------------------------------------------------------------- handover


def test_the_rule_hands_over_from_armenia_to_belarus_at_yerevan(dushanbe, officer, yerevan):
    # when
    chairmanship = do_hand_over_chairmanship(officer, yerevan)

    # then: Belarus from 1 January 2023 until Russia's recorded chairmanship is not reached;
    # Armenia's ends the same day
    assert (chairmanship.state.code, chairmanship.start_on) == ("BLR", date(2023, 1, 1))
    assert chairmanship.end_on == date(2024, 1, 1)
    yerevan.refresh_from_db()
    assert yerevan.chairmanship_handover == chairmanship
    armenia = Chairmanship.objects.get(state__code="ARM")
    assert armenia.end_on == date(2023, 1, 1)
    [event] = events(EventType.CHAIRMANSHIP_HANDED_OVER)
    assert event.extra["outgoing"] == "ARM"
    assert event.extra["incoming"] == "BLR"
    assert event.extra["by_rule"] is True
    assert event.actor == officer


def test_a_recorded_decision_names_another_state(dushanbe, officer, yerevan):
    # when
    chairmanship = do_hand_over_chairmanship(
        officer, yerevan, state=dushanbe.states["KAZ"], decision="Protocol decision of the CSC"
    )

    # then
    assert chairmanship.state.code == "KAZ"
    assert chairmanship.source == "Protocol decision of the CSC"
    assert events(EventType.CHAIRMANSHIP_HANDED_OVER)[0].extra["by_rule"] is False


@pytest.mark.parametrize(
    ("state", "decision", "field"),
    [
        ("ARM", "A decision", "state"),  # the current chair
        ("UZB", "A decision", "state"),  # suspended since 2012
        ("KAZ", "", "decision"),  # a departure from the rule needs its decision
    ],
)
def test_a_handover_to_the_current_chair_a_non_member_or_without_decision_is_refused(
    dushanbe, officer, yerevan, state, decision, field
):
    with pytest.raises(ValidationError) as error:
        do_hand_over_chairmanship(officer, yerevan, state=dushanbe.states[state], decision=decision)
    assert field in error.value.message_dict
    assert not events(EventType.CHAIRMANSHIP_HANDED_OVER)
    assert not Chairmanship.objects.filter(state__code=state, start_on=date(2023, 1, 1)).exists()


def test_a_second_handover_at_the_same_session_is_refused(officer, yerevan):
    # given
    do_hand_over_chairmanship(officer, yerevan)

    # when / then
    with pytest.raises(ValidationError) as error:
        do_hand_over_chairmanship(officer, yerevan)
    assert "already handed over" in error.value.message_dict["session"][0]
    assert len(events(EventType.CHAIRMANSHIP_HANDED_OVER)) == 1


def test_a_session_not_yet_held_hands_nothing_over(dushanbe, officer, yerevan):
    Session.objects.filter(pk=yerevan.pk).update(status=SessionStatus.PLANNED)
    yerevan.refresh_from_db()
    with pytest.raises(ValidationError):
        do_hand_over_chairmanship(officer, yerevan)


@pytest.mark.parametrize("persona", ["armenia_head", "armenia_delegate", "no_role"])
def test_only_the_secretariat_hands_over(dushanbe, yerevan, persona):
    with pytest.raises(PermissionDenied):
        do_hand_over_chairmanship(dushanbe.users[persona], yerevan)


# ----------------------------------------------------------------------------- proposals


def test_belarus_gets_its_regular_sessions_proposed_and_a_second_call_adds_nothing(
    dushanbe, officer, yerevan
):
    # given
    belarus = do_hand_over_chairmanship(officer, yerevan)

    # when
    proposed = do_propose_next_sessions(officer, belarus)
    again = do_propose_next_sessions(officer, belarus)

    # then: the Council and the joint meeting, in Belarus, September to December 2023
    assert again == []
    assert sorted(session.code for session in proposed) == [
        "2023-cfm-cdm-cssc-regular",
        "2023-csc-regular",
    ]
    for session in proposed:
        assert session.is_proposed
        assert session.status == SessionStatus.PLANNED
        assert session.host_state.code == "BLR"
        assert (session.start_on, session.end_on) == (date(2023, 9, 1), date(2023, 12, 31))
    assert len(events(EventType.SESSION_PROPOSED)) == 2


def test_confirming_a_proposed_session_fixes_its_days_and_venue(dushanbe, officer, yerevan):
    # given
    belarus = do_hand_over_chairmanship(officer, yerevan)
    council = next(s for s in do_propose_next_sessions(officer, belarus) if "csc-" in s.code)

    # when: Minsk, 23 November 2023 (csto-facts §1.4)
    do_confirm_session(officer, council, start_on=date(2023, 11, 23), venue=en_ru("Minsk", "Минск"))

    # then
    council.refresh_from_db()
    assert (council.start_on, council.end_on) == (date(2023, 11, 23), date(2023, 11, 23))
    assert council.venue == {"en": "Minsk", "ru": "Минск"}
    assert not council.is_proposed
    assert council.status == SessionStatus.CONVENED
    assert len(events(EventType.SESSION_CONFIRMED)) == 1
    with pytest.raises(ValidationError):
        do_confirm_session(officer, council, start_on=date(2023, 11, 23))


def test_a_confirmation_outside_the_charters_period_is_refused(dushanbe, officer, yerevan):
    belarus = do_hand_over_chairmanship(officer, yerevan)
    council = do_propose_next_sessions(officer, belarus)[0]
    with pytest.raises(ValidationError) as error:
        do_confirm_session(officer, council, start_on=date(2024, 2, 1))
    assert "start_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        do_confirm_session(officer, council, start_on=date(2023, 11, 24), end_on=date(2023, 11, 23))
    assert "end_on" in error.value.message_dict


def test_only_the_secretariat_proposes_and_confirms(dushanbe, officer, yerevan):
    belarus = do_hand_over_chairmanship(officer, yerevan)
    head = dushanbe.users["armenia_head"]
    with pytest.raises(PermissionDenied):
        do_propose_next_sessions(head, belarus)
    council = do_propose_next_sessions(officer, belarus)[0]
    with pytest.raises(PermissionDenied):
        do_confirm_session(head, council, start_on=date(2023, 11, 23))


# ----------------------------------------------------------------------------- requests


def test_a_head_of_delegation_requests_an_extraordinary_session_for_its_state(dushanbe):
    # given
    head = dushanbe.users["armenia_head"]

    # when: Armenia, 13 September 2022 (csto-facts §5)
    request = do_request_session(
        head,
        dushanbe.organization,
        states=[dushanbe.states["ARM"]],
        requested_on=date(2022, 9, 13),
        reason="Aggression against Armenia",
        body=dushanbe.bodies["csc"],
    )

    # then: no urgent path for a plain request
    assert request.kind == RequestKind.EXTRAORDINARY_SESSION
    assert list(request.requested_by.values_list("code", flat=True)) == ["ARM"]
    assert not request.steps.exists()
    assert events(EventType.SESSION_REQUESTED)[0].extra["states"] == ["ARM"]


@pytest.mark.parametrize(
    ("persona", "state"),
    [("armenia_head", "KAZ"), ("armenia_delegate", "ARM"), ("no_role", "ARM")],
)
def test_others_cannot_request_for_a_state(dushanbe, persona, state):
    with pytest.raises(PermissionDenied):
        do_request_session(
            dushanbe.users[persona],
            dushanbe.organization,
            states=[dushanbe.states[state]],
            requested_on=date(2022, 9, 13),
            body=dushanbe.bodies["csc"],
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"states": []}, "states"),
        ({"states": ["UZB"]}, "states"),
        ({"requested_on": date(2099, 1, 1)}, "requested_on"),
        ({"kind": "summit"}, "kind"),
        ({"body": None}, "body"),
    ],
)
def test_a_request_is_validated_field_by_field(dushanbe, officer, changes, field):
    # given
    arguments = {
        "states": [dushanbe.states["ARM"]],
        "requested_on": date(2022, 9, 13),
        "body": dushanbe.bodies["csc"],
    }
    arguments |= changes
    if changes.get("states"):
        arguments["states"] = [dushanbe.states[code] for code in changes["states"]]

    # when / then
    with pytest.raises(ValidationError) as error:
        do_request_session(officer, dushanbe.organization, **arguments)
    assert field in error.value.message_dict
    assert not events(EventType.SESSION_REQUESTED)


def test_convening_a_plain_request_makes_the_extraordinary_session(dushanbe, officer):
    # given
    request = do_request_session(
        officer,
        dushanbe.organization,
        states=[dushanbe.states["ARM"]],
        requested_on=date(2022, 9, 13),
        body=dushanbe.bodies["csc"],
    )

    # when: the same day, online (csto-facts §5)
    session = do_convene_session(
        officer, request, start_on=date(2022, 9, 13), mode=SessionMode.VIDEOCONFERENCE
    )

    # then
    assert session.kind == SessionKind.EXTRAORDINARY
    assert session.chair_state.code == "ARM"
    assert list(session.requested_by.values_list("code", flat=True)) == ["ARM"]
    request.refresh_from_db()
    assert request.session == session
    with pytest.raises(ValidationError) as error:
        do_convene_session(officer, request, start_on=date(2022, 9, 14))
    assert "request" in error.value.message_dict


# ----------------------------------------------------------------------------- January 2022


def test_kazakhstan_january_2022_article_4_end_to_end(dushanbe, officer):
    """The first use of the CSTO's collective peacekeeping forces (csto-facts §5).

    5 January 2022, evening: Tokayev appeals to the CSTO; Pashinyan, as Chairman of the
    Council, begins consultations with the heads of every member state [S175]. Night of 5-6
    January: the Council decides, with no session, to send the Collective Peacekeeping
    Forces [S176][S177]. 10 January: extraordinary session by videoconference, chaired by
    Pashinyan [S53][S115]. The sources give the evening and the night, not the hours: the
    hours below are placed in them for the test.
    """
    # given: the charter's urgent path for a request for collective assistance
    add_session_rules(dushanbe.organization)
    kazakhstan = dushanbe.states["KAZ"]

    # when: the request, the consultations, the decision, the session
    request = do_request_assistance(
        officer,
        dushanbe.organization,
        states=[kazakhstan],
        requested_on=date(2022, 1, 5),
        reason="Appeal of the President of Kazakhstan under Article 4 of the Treaty",
    )
    assert [step.code for step in request.steps.all()] == ["consultations", "decision", "session"]
    with pytest.raises(ValidationError):  # the decision cannot come before the consultations
        do_record_urgent_step(
            officer, request, "decision", completed_at=datetime(2022, 1, 6, 1, tzinfo=MOSCOW)
        )
    with pytest.raises(ValidationError):  # nor the session before the decision
        do_convene_session(
            officer, request, start_on=date(2022, 1, 10), mode=SessionMode.VIDEOCONFERENCE
        )
    do_record_urgent_step(
        officer,
        request,
        "consultations",
        started_at=datetime(2022, 1, 5, 21, tzinfo=MOSCOW),
        completed_at=datetime(2022, 1, 5, 23, tzinfo=MOSCOW),
        note="The Chairman consulted the heads of every member state.",
    )
    do_record_urgent_step(
        officer,
        request,
        "decision",
        completed_at=datetime(2022, 1, 6, 1, tzinfo=MOSCOW),
        reference="Decision to send the CSTO Collective Peacekeeping Forces to Kazakhstan",
    )
    session = do_convene_session(
        officer, request, start_on=date(2022, 1, 10), mode=SessionMode.VIDEOCONFERENCE
    )

    # then: every step timestamped, in order; the session by videoconference, chaired by
    # Armenia, requested by Kazakhstan
    steps = list(UrgentStep.objects.filter(request=request).order_by("number"))
    assert [step.completed_at.astimezone(MOSCOW).date() for step in steps] == [
        date(2022, 1, 5),
        date(2022, 1, 6),
        date(2022, 1, 10),
    ]
    assert steps[1].started_at == steps[0].completed_at
    assert steps[2].session == session
    assert (session.kind, session.mode, session.start_on) == (
        SessionKind.EXTRAORDINARY,
        SessionMode.VIDEOCONFERENCE,
        date(2022, 1, 10),
    )
    assert session.chair_state.code == "ARM"
    assert session.host_state is None
    assert list(session.requested_by.values_list("code", flat=True)) == ["KAZ"]
    assert [event.extra["step"] for event in events(EventType.URGENT_STEP_RECORDED)] == [
        "consultations",
        "decision",
        "session",
    ]
    assert len(events(EventType.SESSION_REQUESTED)) == len(events(EventType.SESSION_CONVENED)) == 1
    with pytest.raises(ValidationError):  # recorded once
        do_record_urgent_step(
            officer, request, "consultations", completed_at=datetime(2022, 1, 7, tzinfo=MOSCOW)
        )


def test_without_an_urgent_path_in_the_charter_a_request_for_assistance_is_refused(
    dushanbe, officer
):
    with pytest.raises(ValidationError) as error:
        do_request_assistance(
            officer, dushanbe.organization, states=[dushanbe.states["KAZ"]],
            requested_on=date(2022, 1, 5),
        )  # fmt: skip
    assert "kind" in error.value.message_dict


def test_only_the_secretariat_records_urgent_steps(dushanbe, officer):
    add_session_rules(dushanbe.organization)
    request = do_request_assistance(
        officer, dushanbe.organization, states=[dushanbe.states["KAZ"]],
        requested_on=date(2022, 1, 5),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        do_record_urgent_step(
            dushanbe.users["kazakhstan_delegate"],
            request,
            "consultations",
            completed_at=datetime(2022, 1, 5, 23, tzinfo=MOSCOW),
        )
