"""The life of a draft in a real browser, from the secretariat's first text to follow-up.

After adoption, Armenia signs the adopted text, and at the end the whole record exports and
`secretariat verify` finds it intact (issue 5 on the lifecycle's cycle).

Every step is a click or a form in headless Chromium, by the persona who takes it in real
life (the secretariat officer, Armenia's delegate and head, Kazakhstan's head); the database
is only read to check what happened, except where time has to pass: a silence procedure's
deadline is moved into the past and `secretariat tick` is run, as cron would run it.

The session is the Collective Security Council in Yerevan on 23 November 2022, chaired by
Armenia, where in reality two drafts were returned for revision and the chairmanship passed
to Belarus; the secretariat records its votes after the sitting, so the decision is dated
that day. (The silence procedure runs today, among today's members: Armenia's participation
has been frozen since 2024.) The CSTO's charter knows no silence procedure; this test lets
the Council's default matter take one (a day, as the OSCE's), as a charter could.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from secretariat.decisions.models import Procedure
from secretariat.documents.models import Document, DocumentStatus
from secretariat.followup.models import Instruction
from secretariat.meetings.models import Session, SessionKind, SessionMode, SessionStatus
from secretariat.organizations.models import Body, MemberState, Organization

TITLE_RU = "Декларация Совета коллективной безопасности ОДКБ"
TITLE_EN = "Declaration of the CSTO Collective Security Council"
BODY_RU = (
    "Совет коллективной безопасности,\n\n"
    "1. Подтверждает приверженность Договору.\n\n"
    "2. Поручает Секретариату представить доклад."
)
BODY_EN = (
    "The Collective Security Council,\n\n"
    "1. Reaffirms its commitment to the Treaty.\n\n"
    "2. Instructs the Secretariat to present a report."
)


@pytest.fixture
def site(demo_site):
    """The demo (CSTO, Dushanbe record, demo users) and the Yerevan session to come."""
    csto = Organization.objects.get(code="csto")
    csc = Body.objects.get(organization=csto, code="csc")
    csc.decision_rules["default"]["procedures"].append({"kind": "silence", "days": 1})
    csc.save(update_fields=["decision_rules"])
    yerevan = Session.objects.create(
        organization=csto,
        code="csc-2022-11-23",
        titles={"en": "Session of the Collective Security Council", "ru": "Сессия СКБ"},
        kind=SessionKind.REGULAR,
        mode=SessionMode.IN_PERSON,
        venue={"en": "Yerevan", "ru": "Ереван"},
        host_state=MemberState.objects.get(organization=csto, code="ARM"),
        chair_state=MemberState.objects.get(organization=csto, code="ARM"),
        start_on=date(2022, 11, 23),
        end_on=date(2022, 11, 23),
        status=SessionStatus.CONVENED,
    )
    yerevan.bodies.set([csc])
    return demo_site


@pytest.fixture
def login(site, chromium):
    """Open a browser window logged in as a demo user (password ``demo``)."""

    contexts = []

    def open_as(username: str):
        contexts.append(chromium.new_context(locale="en-GB"))
        page = contexts[-1].new_page()
        page.goto(f"{site}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "demo")
        with page.expect_navigation():
            page.click("form.form [type=submit]")
        return page

    yield open_as
    for context in contexts:
        context.close()


def submit(page, form_selector: str) -> None:
    with page.expect_navigation():
        page.locator(form_selector).locator("[type=submit]").first.click()


def record_step(page, status: str, note: str = "") -> None:
    page.select_option("#next-status", status)
    if note:
        page.fill("#status-note", note)
    submit(page, "form:has(#next-status)")


@pytest.mark.django_db(transaction=True)
def test_a_draft_goes_from_the_first_text_to_an_instruction_followed_up(site, login, tmp_path):
    officer = login("officer")

    # 1. The officer starts the draft in Russian, then adds the English text.
    officer.goto(f"{site}/csto/documents/new/")
    officer.select_option("#id_kind", "declaration")
    officer.select_option("#id_bodies", ["csc"])
    officer.select_option("#id_classification", "restricted")
    officer.select_option("#id_language", "ru")
    officer.fill("#id_title", TITLE_RU)
    officer.fill("#id_body", BODY_RU)
    submit(officer, "form:has(#id_title)")
    assert "The draft is created." in officer.content()
    draft_url = officer.url
    code = re.search(r"/documents/([^/]+)/$", draft_url).group(1)
    with officer.expect_navigation():
        officer.click("text=Add the text in English")
    officer.fill("#id_title", TITLE_EN)
    officer.fill("#id_body", BODY_EN)
    submit(officer, "form:has(#id_title)")
    assert "Version 1 saved." in officer.content()

    # 2. It goes to Armenia for negotiation; Armenia's delegate proposes an amendment.
    officer.goto(draft_url)
    officer.check("input[name=states][value=ARM]")
    submit(officer, "form:has(input[name=states])")
    record_step(officer, "under-negotiation")
    delegate = login("arm-delegate")
    delegate.goto(f"{site}/csto/documents/{code}/texts/en/amendments/")
    delegate.select_option("#id_kind", "replace")
    delegate.fill("#id_passage", "Reaffirms its commitment to the Treaty.")
    delegate.fill("#id_wording", "Reaffirms its firm commitment to the Treaty.")
    delegate.fill("#id_justification", "The commitment is firm.")
    submit(delegate, "form:has(#id_passage)")
    assert "The amendment is proposed." in delegate.content()

    # 3. The officer accepts it: a new version that records where it came from.
    officer.goto(f"{site}/csto/documents/{code}/texts/en/amendments/")
    with officer.expect_navigation():
        officer.click("button[name=decision][value=accept]")
    text = Document.objects.get(code=code).texts.get(language="en")
    assert "1. Reaffirms its firm commitment to the Treaty." in text.body
    assert text.versions.get(number=2).amendment is not None

    # 4. Distributed to every member state, and put on the Yerevan agenda.
    officer.goto(draft_url)
    for state in ("BLR", "KAZ", "KGZ", "RUS", "TJK"):
        officer.check(f"input[name=states][value={state}]")
    submit(officer, "form:has(input[name=states])")
    assert Document.objects.get(code=code).distributed_to.count() == 6
    officer.goto(f"{site}/csto/sessions/csc-2022-11-23/agenda/")
    officer.select_option("#agenda-document", code)
    officer.fill("#agenda-title-en", "Declaration of the Council")
    officer.fill("#agenda-title-ru", "О Декларации Совета")
    submit(officer, "form:has(#agenda-document)")
    assert "Item 1 is on the agenda." in officer.content()

    # 5. Agreed, and put to a silence procedure, which Kazakhstan breaks.
    officer.goto(draft_url)
    record_step(officer, "agreed")
    officer.select_option("#decision-kind", "silence")
    submit(officer, "form:has(#decision-kind)")
    silence = Procedure.objects.get(document__code=code)
    kazakhstan = login("kaz-head")
    kazakhstan.goto(f"{site}/csto/documents/{code}/procedures/{silence.pk}/")
    kazakhstan.select_option("#position-KAZ", "objection")
    kazakhstan.fill("#note-KAZ", "Paragraph 2 needs consultations at home.")
    submit(kazakhstan, "form:has(#position-KAZ)")
    Procedure.objects.filter(pk=silence.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    with open(os.devnull, "w") as quiet:
        call_command("tick", stdout=quiet)
    silence.refresh_from_db()
    assert silence.adopted is False
    assert Document.objects.get(code=code).status == DocumentStatus.REJECTED

    # 6. Back to negotiation, agreed again, and decided in session by consensus: Armenia
    #    agrees with a reservation on paragraph 3, Kazakhstan does not take part.
    officer.goto(draft_url)
    record_step(officer, "under-negotiation", "Silence broken by Kazakhstan")
    record_step(officer, "agreed")
    officer.select_option("#decision-kind", "in-session")
    submit(officer, "form:has(#decision-kind)")
    vote = Procedure.objects.filter(document__code=code).latest("pk")
    assert vote.session.code == "csc-2022-11-23"
    vote_url = f"{site}/csto/documents/{code}/procedures/{vote.pk}/"
    for state in ("BLR", "KGZ", "RUS", "TJK"):
        officer.goto(vote_url)
        officer.select_option(f"#position-{state}", "yes")
        submit(officer, f"form:has(#position-{state})")
    kazakhstan.goto(vote_url)
    kazakhstan.select_option("#position-KAZ", "not-participating")
    kazakhstan.fill("#note-KAZ", "")
    submit(kazakhstan, "form:has(#position-KAZ)")
    armenia = login("arm-head")
    armenia.goto(vote_url)
    armenia.select_option("#position-ARM", "reservation")
    armenia.fill("#note-ARM", "Armenia reads paragraph 3 as applying to the Secretariat alone.")
    armenia.fill("#paragraph-ARM", "3")
    submit(armenia, "form:has(#position-ARM)")

    # 7. Armenia's head, in the chair, closes the vote: adopted, the reservation printed.
    armenia.goto(vote_url)
    submit(armenia, "form:has(button:text('Close and decide'))")
    assert "Adopted." in armenia.content()
    assert Document.objects.get(code=code).status == DocumentStatus.ADOPTED
    with armenia.expect_navigation():
        armenia.click("text=The text as adopted, with reservations")
    adopted_text = armenia.locator("body").inner_text()
    assert "Annex: reservations and interpretative statements" in adopted_text
    assert "applying to the Secretariat alone" in adopted_text

    # 7b. Armenia's head signs the adopted text with a (demo) key held on the server; the
    #     signature verifies, and so does the whole record.
    armenia.goto(f"{site}/csto/documents/{code}/signatures/")
    armenia.fill("#new-password-ARM", "a long signing password")
    submit(armenia, "form:has(#new-password-ARM)")
    armenia.fill("#password-ARM", "a long signing password")
    submit(armenia, "form:has(#password-ARM)")
    assert armenia.locator(".verdict--valid").count() == 1
    with open(os.devnull, "w") as quiet:
        call_command("verify", stdout=quiet)

    # 8. The session closes; the chairmanship passes from Armenia to Belarus, next by the
    #    rotation; Belarus's regular sessions are proposed, and the officer confirms the
    #    Council's in Minsk.
    officer.goto(f"{site}/csto/sessions/csc-2022-11-23/")
    submit(officer, "form:has(button:text('Open the session'))")
    submit(officer, "form:has(button:text('Close the session'))")
    submit(officer, "form:has(#handover-state)")
    page = officer.locator("body").inner_text()
    assert "The chairmanship passes to Belarus from Nov. 23, 2022." in page
    assert Session.objects.get(code="csc-2022-11-23").chairmanship_handover.state.code == "BLR"
    with officer.expect_navigation():
        officer.click("a:has-text('Sessions proposed for confirmation')")
    proposed = Session.objects.filter(is_proposed=True, bodies__code="csc").get()
    assert proposed.host_state.code == "BLR"
    officer.fill(f"#start-{proposed.code}", "2023-11-23")
    officer.fill(f"#venue-en-{proposed.code}", "Minsk")
    officer.fill(f"#venue-ru-{proposed.code}", "Минск")
    submit(officer, f"form:has(#start-{proposed.code})")
    proposed.refresh_from_db()
    assert (proposed.status, proposed.start_on, proposed.is_proposed) == (
        SessionStatus.CONVENED,
        date(2023, 11, 23),
        False,
    )

    # 9. The operative paragraph 2 becomes an instruction to the Secretariat, followed up
    #    until the report that completes it.
    officer.goto(draft_url)
    with officer.expect_navigation():
        officer.click("text=Follow-up: the instructions from this decision")
    officer.select_option("#id_paragraph", "3")
    officer.select_option("#id_addressee", "secretariat")
    officer.fill("#id_action", "Present a report on the commitment to the Treaty.")
    officer.fill("#id_due_on", "2023-06-01")
    submit(officer, "form:has(#id_action)")
    instruction = Instruction.objects.get(document__code=code)
    officer.goto(f"{site}/csto/follow-up/")
    assert "Present a report on the commitment to the Treaty." in officer.content()
    officer.goto(f"{site}/csto/follow-up/instructions/{instruction.pk}/")
    officer.select_option("#id_sender", "secretariat")
    officer.fill("#id_received_on", "2023-05-25")
    officer.fill("#id_summary", "The Secretary General presented the report.")
    officer.check("#id_completes")
    submit(officer, "form:has(#id_summary)")
    instruction.refresh_from_db()
    assert instruction.status == "completed"
    assert instruction.reports.get().summary == "The Secretary General presented the report."

    # 10. The whole record exports, and still verifies.
    with open(os.devnull, "w") as quiet:
        call_command("export", str(tmp_path / "export"), stdout=quiet)
        call_command("verify", stdout=quiet)
    assert (tmp_path / "export" / "manifest.json").exists()
