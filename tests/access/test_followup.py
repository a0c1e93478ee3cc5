"""The follow-up pages for every persona: an instruction is seen exactly where its decision is.

Two decisions of the Collective Security Council with instructions: one restricted and
distributed to Armenia, Belarus, Russia and Tajikistan but not to Kazakhstan, one public and
published; and a public plan until 2025. Whoever may not see the restricted decision must not
learn that it gave instructions: not in the overview, not in its counts, not on a plan's page,
and its instructions' pages are the ordinary 404.
"""

from __future__ import annotations

import pytest

from secretariat.documents.models import Classification, Document, DocumentStatus

PERSONAS = [
    None,
    "no_role",
    "secretariat_officer",
    "secretariat_administrator",
    "armenia_head",
    "armenia_delegate",
    "kazakhstan_delegate",
    "superuser",
]
SECRETARIAT = {"secretariat_officer", "secretariat_administrator", "superuser"}
#: Who sees the restricted decision: the secretariat, and the delegations it went to.
SEES_DECISION = SECRETARIAT | {"armenia_head", "armenia_delegate"}

SECRET = ("Decision on the Tajik-Afghan border", "Решение о таджикско-афганской границе")
SECRET_ACTIONS = (
    "Armenia reports on the secret border measures",
    "The defence ministers prepare the secret measures",
)
PUBLIC_ACTIONS = (
    "Kazakhstan informs the Secretariat of its crisis measures",
    "The Secretariat reports on crisis response",
    "Plan measure carried out",
    "Plan measure late",
)


def shows_secret(html: str) -> bool:
    return "2021-csc-border-decision" in html or any(
        text in html for text in (*SECRET, *SECRET_ACTIONS)
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_overview_lists_only_instructions_of_decisions_the_user_sees(
    fetch, follow_up, persona, language
):
    # when
    response = fetch("/csto/follow-up/", persona, language)

    # then: the public ones for all; the restricted ones, and their count, for those who see them
    assert response.status_code == 200
    html = response.content.decode()
    assert all(action in html for action in PUBLIC_ACTIONS)
    assert shows_secret(html) is (persona in SEES_DECISION)
    if language == "en":
        sees = persona in SEES_DECISION
        counts = "6 instructions, 2 overdue." if sees else "4 instructions, 1 overdue."
        assert counts in html


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("query", ["?state=ARM", "?body=cdm"])
def test_a_filter_gives_nothing_away_either(fetch, follow_up, persona, query):
    html = fetch(f"/csto/follow-up/{query}", persona).content.decode()
    assert shows_secret(html) is (persona in SEES_DECISION)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["secret-armenia", "secret-cdm"])
def test_an_instruction_of_the_restricted_decision_is_404_to_others(
    fetch, follow_up, persona, name
):
    # when
    response = fetch(f"/csto/follow-up/instructions/{follow_up.instructions[name].pk}/", persona)

    # then
    assert response.status_code == (200 if persona in SEES_DECISION else 404)


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - SEES_DECISION, key=str))
def test_a_hidden_instruction_looks_exactly_like_a_missing_one(fetch, follow_up, persona):
    # when
    hidden = fetch(
        f"/csto/follow-up/instructions/{follow_up.instructions['secret-armenia'].pk}/", persona
    )
    missing = fetch("/csto/follow-up/instructions/999999/", persona)

    # then
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["public-kazakhstan", "public-secretariat", "plan-late"])
def test_an_instruction_of_a_public_decision_is_open_to_all(fetch, follow_up, persona, name):
    response = fetch(f"/csto/follow-up/instructions/{follow_up.instructions[name].pk}/", persona)
    assert response.status_code == 200
    assert not shows_secret(response.content.decode())


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_restricted_decisions_follow_up_page_is_404_to_others(fetch, follow_up, persona):
    response = fetch("/csto/follow-up/documents/2021-csc-border-decision/", persona)
    assert response.status_code == (200 if persona in SEES_DECISION else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_decisions_follow_up_page_shows_no_restricted_instruction(
    fetch, follow_up, persona
):
    response = fetch("/csto/follow-up/documents/2021-csc-crisis-decision/", persona)
    assert response.status_code == 200
    assert not shows_secret(response.content.decode())


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_plan_page_is_open_to_all(fetch, follow_up, persona):
    response = fetch("/csto/follow-up/plans/2021-plan-until-2025/", persona)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plan measure late" in html
    assert not shows_secret(html)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_restricted_plan_is_absent_from_the_overview_and_its_page_is_404(
    fetch, follow_up, persona
):
    # given: the plan is restricted, and distributed to Armenia only
    Document.objects.filter(pk=follow_up.plan_document.pk).update(
        classification=Classification.RESTRICTED, status=DocumentStatus.ADOPTED
    )
    follow_up.plan_document.distributed_to.set([follow_up.decision.distributed_to.get(code="ARM")])
    sees = persona in SEES_DECISION

    # when
    page = fetch("/csto/follow-up/plans/2021-plan-until-2025/", persona)
    overview = fetch("/csto/follow-up/", persona).content.decode()

    # then: neither the plan nor its instructions, nor their count, for the others
    assert page.status_code == (200 if sees else 404)
    assert ("Plan of collective action until 2025" in overview) is sees
    assert ("Plan measure late" in overview) is sees
    assert ("6 instructions, 2 overdue." if sees else "2 instructions, 0 overdue.") in overview


# ------------------------------------------------------------------------ actions


def post_as(client, dushanbe, persona):
    client.logout()
    if persona is not None:
        client.force_login(dushanbe.users[persona])
    return client.post


@pytest.mark.parametrize("persona", PERSONAS)
def test_giving_an_instruction_on_the_restricted_decision(client, dushanbe, follow_up, persona):
    # when
    response = post_as(client, dushanbe, persona)(
        "/csto/follow-up/documents/2021-csc-border-decision/",
        {"paragraph": 3, "addressee": "secretariat", "action": "Act"},
    )

    # then: the secretariat gives it; a delegation that sees the decision is refused; others
    # find nothing; the public is asked to log in
    if persona in SECRETARIAT:
        assert response.status_code == 302
    elif persona in SEES_DECISION:
        assert response.status_code == 403
    elif persona is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 404
    assert follow_up.decision.instructions.filter(action="Act").exists() is (persona in SECRETARIAT)


@pytest.mark.parametrize("persona", PERSONAS)
def test_reporting_on_an_instruction_to_armenia(client, dushanbe, follow_up, persona):
    # when
    instruction = follow_up.instructions["secret-armenia"]
    response = post_as(client, dushanbe, persona)(
        f"/csto/follow-up/instructions/{instruction.pk}/",
        {"sender": "state:ARM", "received_on": "2022-01-10", "summary": "Report"},
    )

    # then: the secretariat and Armenia's head report; Armenia's delegate may not; the others
    # find nothing
    if persona in SECRETARIAT | {"armenia_head"}:
        assert response.status_code == 302
    elif persona == "armenia_delegate":
        assert response.status_code == 403
    elif persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 404
    assert instruction.reports.exists() is (persona in SECRETARIAT | {"armenia_head"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_completing_an_instruction(client, dushanbe, follow_up, persona):
    # when
    instruction = follow_up.instructions["secret-cdm"]
    response = post_as(client, dushanbe, persona)(
        f"/csto/follow-up/instructions/{instruction.pk}/complete/"
    )

    # then
    if persona in SECRETARIAT:
        assert response.status_code == 302
    elif persona in SEES_DECISION:
        assert response.status_code == 403
    elif persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 404
    instruction.refresh_from_db()
    assert instruction.is_completed is (persona in SECRETARIAT)


@pytest.mark.parametrize("persona", ["kazakhstan_delegate", "no_role", None])
def test_the_kazakh_instruction_is_public_but_only_the_secretariat_reports_on_it(
    client, dushanbe, follow_up, persona
):
    # given: Kazakhstan's delegate is no head; the public and a user with no role are nobody
    instruction = follow_up.instructions["public-kazakhstan"]

    # when
    response = post_as(client, dushanbe, persona)(
        f"/csto/follow-up/instructions/{instruction.pk}/",
        {"sender": "state:KAZ", "received_on": "2022-01-10", "summary": "Report"},
    )

    # then
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
    assert not instruction.reports.exists()
