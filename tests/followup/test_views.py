"""The follow-up pages: what they show, their forms, their errors, and their query counts."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from secretariat.audit.models import AuditEvent, EventType
from secretariat.followup.models import Instruction, InstructionStatus, Plan, Report
from tests.factories import PARAGRAPH_1, PARAGRAPH_2, PREAMBLE, add_instruction

OVERVIEW = "/csto/follow-up/"
DECISION = "/csto/follow-up/documents/2021-csc-border-decision/"
PLAN = "/csto/follow-up/plans/2021-plan-until-2025/"

# Organization; instructions (with decisions, states, bodies); the decisions' texts; plans with
# their counts; their texts; the states and the bodies of the filters.
OVERVIEW_QUERIES = 7
# A logged-in user adds the session, the user, and the user's roles shown in the header.
LOGGED_IN = 3


def detail(instruction: Instruction) -> str:
    return f"/csto/follow-up/instructions/{instruction.pk}/"


def test_the_overview_groups_by_addressee_with_overdue_ones_first(fetch, follow_up):
    # when
    html = fetch(OVERVIEW, "secretariat_officer").content.decode()

    # then: states, then bodies, then the secretariat; the counts in the lead; within a group
    # by due date, none last
    assert "6 instructions, 2 overdue." in html
    assert re.findall(r'<h2 id="group-\d+">([^<\n]+)', html) == [
        "Armenia",
        "Kazakhstan",
        "Russia",
        "Council of Defence Ministers",
        "The secretariat",
    ]
    assert html.index("The defence ministers prepare") < html.index("Plan measure carried out")
    assert "Plan of collective action until 2025" in html  # the plan, with its figures
    assert "1 of 2 instructions completed" in html


def test_the_overview_filters_by_state(fetch, follow_up):
    html = fetch(f"{OVERVIEW}?state=KAZ", "secretariat_officer").content.decode()
    assert "Kazakhstan informs the Secretariat" in html
    assert "Armenia reports" not in html
    assert "1 instruction, 0 overdue." in html


def test_the_nav_links_to_the_overview_and_the_decision_to_its_follow_up(fetch, follow_up):
    html = fetch("/csto/documents/2021-csc-crisis-decision/").content.decode()
    assert f'href="{OVERVIEW}"' in html
    assert 'href="/csto/follow-up/documents/2021-csc-crisis-decision/"' in html


@pytest.mark.parametrize(
    ("persona", "extra"),
    [(None, 0), ("secretariat_officer", LOGGED_IN), ("armenia_head", LOGGED_IN)],
)
def test_the_overview_runs_the_same_queries_whatever_the_number_of_instructions(
    client, dushanbe, follow_up, django_assert_num_queries, persona, extra
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])
    officer = dushanbe.users["secretariat_officer"]
    for size in ("small", "large"):
        if size == "large":
            for index in range(12):
                add_instruction(
                    [follow_up.decision, follow_up.public_decision][index % 2],
                    PARAGRAPH_1,
                    f"More {index}",
                    by=officer,
                    due_on=timezone.localdate() - timedelta(days=index),
                    state=list(dushanbe.states.values())[index % 6],
                    completed=index % 3 == 0,
                )
        # when / then
        with django_assert_num_queries(OVERVIEW_QUERIES + extra):
            response = client.get(OVERVIEW)
        assert response.status_code == 200


def test_the_secretariat_gives_an_instruction_through_the_form(client, dushanbe, follow_up):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])
    page = client.get(DECISION).content.decode()
    assert "Record an instruction" in page
    form = {
        "paragraph": PARAGRAPH_2,
        "addressee": "state:BLR",
        "action": "Belarus informs the Secretariat",
        "due_on": "2022-03-01",
    }

    # when: sent twice, as an impatient double click does
    first = client.post(DECISION, form)
    second = client.post(DECISION, form)

    # then: redirected to the page, one instruction
    assert first.status_code == second.status_code == 302
    assert first["Location"] == DECISION
    given = Instruction.objects.filter(action="Belarus informs the Secretariat")
    assert given.count() == 1
    assert given.get().paragraph_label == "2"
    assert "Belarus informs the Secretariat" in client.get(DECISION).content.decode()


def test_an_instruction_from_the_preamble_is_refused_with_the_field_named(
    client, dushanbe, follow_up
):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])

    # when: a forged paragraph (the form offers operative ones only) and a missing action
    forged = client.post(
        DECISION, {"paragraph": PREAMBLE, "addressee": "secretariat", "action": "x"}
    )
    empty = client.post(
        DECISION, {"paragraph": PARAGRAPH_1, "addressee": "secretariat", "action": ""}
    )

    # then: the page again, with the errors
    assert forged.status_code == empty.status_code == 200
    assert "is not one of the available choices" in forged.content.decode()
    assert "This field is required." in empty.content.decode()
    assert not Instruction.objects.filter(action="x").exists()


def test_a_deadline_before_the_adoption_is_shown_at_its_field(client, dushanbe, follow_up):
    client.force_login(dushanbe.users["secretariat_officer"])
    response = client.post(
        DECISION,
        {
            "paragraph": PARAGRAPH_1,
            "addressee": "body:cdm",
            "action": "Act",
            "due_on": "2020-01-01",
        },
    )
    assert response.status_code == 200
    assert "Due on: the deadline cannot fall before the decision was adopted" in (
        response.content.decode()
    )


@pytest.mark.parametrize("persona", ["armenia_head", "armenia_delegate"])
def test_a_delegation_sees_the_decisions_instructions_but_cannot_give_one(
    client, dushanbe, follow_up, persona
):
    client.force_login(dushanbe.users[persona])
    page = client.get(DECISION)
    assert page.status_code == 200
    assert "Armenia reports on the secret border measures" in page.content.decode()
    assert "Record an instruction" not in page.content.decode()
    response = client.post(
        DECISION, {"paragraph": PARAGRAPH_1, "addressee": "secretariat", "action": "Act"}
    )
    assert response.status_code == 403


def test_the_head_of_the_addressed_state_reports_through_the_form(client, dushanbe, follow_up):
    # given
    instruction = follow_up.instructions["secret-armenia"]
    client.force_login(dushanbe.users["armenia_head"])
    page = client.get(detail(instruction)).content.decode()
    assert "Record a report" in page
    assert "complete it" not in page  # completing is the secretariat's

    # when
    response = client.post(
        detail(instruction),
        {
            "sender": "state:ARM",
            "received_on": timezone.localdate().isoformat(),
            "summary": "Two posts reinforced.",
        },
    )

    # then
    assert response.status_code == 302
    assert Report.objects.get().summary == "Two posts reinforced."
    assert "Two posts reinforced." in client.get(detail(instruction)).content.decode()


def test_a_report_form_with_errors_is_shown_again(client, dushanbe, follow_up):
    client.force_login(dushanbe.users["secretariat_officer"])
    instruction = follow_up.instructions["public-secretariat"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        detail(instruction), {"sender": "secretariat", "received_on": tomorrow, "summary": "x"}
    )
    assert response.status_code == 200
    assert "Received on: a report cannot be received after today." in response.content.decode()
    assert not Report.objects.exists()


def test_the_secretariat_completes_an_instruction_and_reports_stop(client, dushanbe, follow_up):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])
    instruction = follow_up.instructions["public-secretariat"]

    # when
    completed = client.post(f"{detail(instruction)}complete/")
    again = client.post(f"{detail(instruction)}complete/", follow=True)
    late = client.post(
        detail(instruction), {"sender": "secretariat", "summary": "Late"}, follow=True
    )

    # then
    assert completed.status_code == 302
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.COMPLETED
    assert "it takes no more reports" in again.content.decode()
    assert "This instruction is completed." in late.content.decode()
    assert "Record a report" not in late.content.decode()
    assert not Report.objects.exists()


def test_the_plan_page_shows_its_progress(fetch, follow_up):
    html = fetch(PLAN).content.decode()
    assert "1 of 2 (50%)" in html
    assert 'class="progress-overdue">1<' in html
    assert "Plan measure late" in html
    assert "Plan measure carried out" in html


def test_a_document_that_is_no_plan_has_no_plan_page(fetch, follow_up):
    assert fetch("/csto/follow-up/plans/2021-csc-crisis-decision/").status_code == 404


def test_a_draft_has_a_follow_up_page_without_a_form(fetch, follow_up):
    html = fetch(
        "/csto/follow-up/documents/2021-csc-declaration-draft/", "secretariat_officer"
    ).content.decode()
    assert "once the decision is adopted" in html
    assert "Record an instruction" not in html


def test_the_public_is_asked_to_log_in_before_posting(client, follow_up):
    response = client.post(DECISION.replace("border", "crisis"), {"action": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# ------------------------------------------------------------------------ plans


def test_the_secretariat_makes_a_decision_a_plan_and_its_page_shows_the_horizon(
    client, dushanbe, follow_up
):
    # given: the restricted decision is not a plan yet
    client.force_login(dushanbe.users["secretariat_officer"])
    assert client.get("/csto/follow-up/plans/2021-csc-border-decision/").status_code == 404
    assert client.get(DECISION).content.decode().count('id="plan-heading"') == 1

    # when
    response = client.post(
        f"{DECISION}plan/", {"horizon_on": "2030-12-31"}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )

    # then: the plan page, with the horizon; the step is in the audit log
    assert response.redirect_chain[-1][0] == "/csto/follow-up/plans/2021-csc-border-decision/"
    assert "Dec. 31, 2030" in response.content.decode()
    assert AuditEvent.objects.filter(event_type=EventType.PLAN_SET).count() == 1


def test_a_horizon_before_the_start_is_refused_and_nothing_is_recorded(client, dushanbe, follow_up):
    client.force_login(dushanbe.users["secretariat_officer"])
    response = client.post(
        f"{DECISION}plan/",
        {"horizon_on": "2030-01-01", "start_on": "2031-01-01"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The horizon must come after the start of the plan" in response.content.decode()
    assert not Plan.objects.filter(document=follow_up.decision).exists()


def test_a_horizon_that_is_not_a_date_is_explained(client, dushanbe, follow_up):
    client.force_login(dushanbe.users["secretariat_officer"])
    response = client.post(
        f"{DECISION}plan/", {"horizon_on": "2030"}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "A plan until: Enter a valid date." in response.content.decode()
    assert not Plan.objects.filter(document=follow_up.decision).exists()


@pytest.mark.parametrize(
    "persona", ["armenia_head", "armenia_delegate", "kazakhstan_delegate", "no_role", None]
)
def test_only_the_secretariat_records_a_plan(client, dushanbe, follow_up, persona):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    page = client.get(DECISION)
    response = client.post(f"{DECISION}plan/", {"horizon_on": "2030-12-31"})

    # then: Armenia's delegation sees the decision but not the form; Kazakhstan, to which the
    # decision did not go, gets the ordinary 404, like the public
    assert "followup:document-plan" not in page.content.decode()
    assert 'name="horizon_on"' not in page.content.decode()
    if persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == (403 if persona.startswith("armenia") else 404)
    assert not Plan.objects.filter(document=follow_up.decision).exists()
