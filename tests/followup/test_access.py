"""The overview's order (overdue first, then by due date) and a plan's figures, on a fixed day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from secretariat.followup.access import (
    access_plan_by_code,
    is_late,
    overview,
    plan_progress,
    visible_plans,
)
from tests.factories import PARAGRAPH_1, PARAGRAPH_2, add_instruction

TODAY = date(2024, 3, 1)


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]


def test_overdue_instructions_come_first_then_by_due_date_with_no_deadline_last(
    dushanbe, follow_up, officer
):
    # given: on a fixed day, instructions due before it, after it, on it, and with no date
    decision = follow_up.public_decision
    cases = {
        "later": TODAY + timedelta(days=60),
        "long overdue": TODAY - timedelta(days=90),
        "due today": TODAY,
        "no deadline": None,
        "overdue": TODAY - timedelta(days=1),
        "soon": TODAY + timedelta(days=1),
    }
    for action, due_on in cases.items():
        add_instruction(decision, PARAGRAPH_2, action, by=officer, due_on=due_on, body=None)
    add_instruction(
        decision, PARAGRAPH_1, "done long ago", by=officer, due_on=date(2022, 1, 1), completed=True
    )

    # when
    ordered = [
        (instruction.action, is_late(instruction))
        for instruction in overview(officer, dushanbe.organization, on=TODAY).filter(
            document=decision, body=None, state=None
        )
    ]

    # then: a completed instruction is never overdue, however old its date
    assert ordered == [
        ("long overdue", True),
        ("overdue", True),
        ("done long ago", False),
        ("due today", False),
        ("soon", False),
        ("later", False),
        ("no deadline", False),
        ("The Secretariat reports on crisis response", False),
    ]


def test_the_overview_can_be_narrowed_to_a_state_or_a_body(dushanbe, follow_up, officer):
    def actions(**narrow):
        return {
            instruction.action
            for instruction in overview(officer, dushanbe.organization, on=TODAY, **narrow)
        }

    assert actions(state="KAZ") == {"Kazakhstan informs the Secretariat of its crisis measures"}
    assert actions(body="cdm") == {
        "The defence ministers prepare the secret measures",
        "Plan measure carried out",
    }


def test_a_plan_counts_its_instructions_and_the_time_gone_by(dushanbe, follow_up, officer):
    # given: the plan runs from 1 January 2021 to 1 January 2026; one measure done, one late
    on = date(2023, 7, 2)

    # when
    plan = access_plan_by_code(officer, dushanbe.organization, "2021-plan-until-2025", on=on)
    progress = plan_progress(plan, on=on)

    # then: the late one was due yesterday by the real clock, so on 2 July 2023 it is not late
    assert (progress.total, progress.completed, progress.overdue) == (2, 1, 0)
    assert progress.completed_percent == 50
    assert progress.elapsed_percent == 50  # 912 days out of 1826

    # and today, it is
    today = plan_progress(
        access_plan_by_code(
            officer, dushanbe.organization, "2021-plan-until-2025", on=timezone.localdate()
        ),
        on=timezone.localdate(),
    )
    assert today.overdue == 1


def test_a_plan_with_no_instruction_has_no_progress_yet(dushanbe, follow_up, officer):
    # given
    follow_up.plan_document.instructions.all().delete()

    # when
    (plan,) = visible_plans(officer, dushanbe.organization, on=TODAY)

    # then
    progress = plan_progress(plan, on=TODAY)
    assert (progress.total, progress.completed_percent) == (0, 0)
