"""Every page that can show a document, for every persona: visible, 404, or left out.

Two documents from Dushanbe: the joint statement on Afghanistan (public, published) and the
draft declaration of the Collective Security Council (restricted, distributed to Armenia,
Belarus, Russia and Tajikistan, but not to Kazakhstan). A document the user may not see must
be indistinguishable from a missing one: its page is the ordinary 404, and no list, link or
title gives it away.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from secretariat.documents.models import Classification, DocumentStatus
from tests.factories import add_document, en_ru

STATEMENT = "2021-afghanistan-statement"
STATEMENT_TITLES = ("On the situation in Afghanistan", "О положении в Афганистане")
DRAFT = "2021-csc-declaration-draft"
DRAFT_TITLES = (
    "Draft Declaration of the Collective Security Council",
    "Проект Декларации Совета коллективной безопасности",
)

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
#: Who may see the restricted draft: the secretariat, and the delegations it went to.
SEES_DRAFT = {
    "secretariat_officer",
    "secretariat_administrator",
    "armenia_head",
    "armenia_delegate",
    "superuser",
}

#: Pages that list documents, and whether they list the statement at all.
LISTING_PAGES = {
    "document list": ("/csto/documents/", True),
    "session page": ("/csto/sessions/2021-09-15-joint/", True),
    "organization page": ("/csto/", False),
    "body page": ("/csto/bodies/csc/", False),
}


def shows(html: str, code: str, titles: tuple[str, ...]) -> bool:
    """Tell whether the page gives the document away: a link or a title in either language."""
    return f"/documents/{code}/" in html or any(title in html for title in titles)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_document_page_of_the_published_statement_is_open_to_all(fetch, persona, language):
    # when
    response = fetch(f"/csto/documents/{STATEMENT}/", persona, language)

    # then
    assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_document_page_of_the_restricted_draft_is_404_to_others(fetch, persona, language):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/", persona, language)

    # then
    assert response.status_code == (200 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - SEES_DRAFT, key=str))
def test_a_hidden_document_looks_exactly_like_a_missing_one(fetch, persona):
    # when
    hidden = fetch(f"/csto/documents/{DRAFT}/", persona)
    missing = fetch("/csto/documents/2021-no-such-document/", persona)

    # then
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", LISTING_PAGES)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_listing_pages_show_only_the_documents_the_user_may_see(fetch, persona, page, language):
    # given
    url, lists_documents = LISTING_PAGES[page]

    # when
    response = fetch(url, persona, language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    assert shows(html, STATEMENT, STATEMENT_TITLES) is lists_documents
    assert shows(html, DRAFT, DRAFT_TITLES) is (lists_documents and persona in SEES_DRAFT)


@pytest.mark.parametrize("persona", PERSONAS)
def test_session_page_lists_only_visible_documents_among_those_adopted(fetch, dushanbe, persona):
    # given: a restricted decision adopted at the Council, for Armenia only
    add_document(
        dushanbe.organization,
        "2021-restricted-decision",
        en_ru("Restricted decision", "Решение ограниченного доступа"),
        [dushanbe.bodies["csc"]],
        classification=Classification.RESTRICTED,
        status=DocumentStatus.ADOPTED,
        distributed_to=[dushanbe.states["ARM"]],
        adopted_at=dushanbe.council_session,
    )
    titles = ("Restricted decision", "Решение ограниченного доступа")

    # when
    html = fetch("/csto/sessions/2021-09-16-csc/", persona).content.decode()

    # then
    assert shows(html, "2021-restricted-decision", titles) is (persona in SEES_DRAFT)


@pytest.mark.parametrize("persona", PERSONAS)
def test_statement_page_hides_relations_to_documents_the_user_may_not_see(fetch, persona):
    # when
    html = fetch(f"/csto/documents/{STATEMENT}/", persona).content.decode()

    # then
    assert shows(html, DRAFT, DRAFT_TITLES) is (persona in SEES_DRAFT)


# ------------------------------------------------------------------------ derestriction

DERESTRICTED = "2019-restricted-report"
DERESTRICTED_TITLES = ("Report on collective security, 2019", "Доклад о коллективной безопасности")


@pytest.fixture
def restricted_report(dushanbe):
    """A restricted report distributed to no state, with a derestriction date set by each test."""

    def make(derestricted_on: date) -> None:
        add_document(
            dushanbe.organization,
            DERESTRICTED,
            en_ru(*DERESTRICTED_TITLES),
            [dushanbe.bodies["csc"]],
            kind="report",
            classification=Classification.RESTRICTED,
            status=DocumentStatus.ADOPTED,
            derestricted_on=derestricted_on,
        )

    return make


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_document_past_its_derestriction_date_is_public_everywhere(
    fetch, restricted_report, persona
):
    # given: derestricted yesterday
    restricted_report(timezone.localdate() - timedelta(days=1))

    # when
    page = fetch(f"/csto/documents/{DERESTRICTED}/", persona)
    listing = fetch("/csto/documents/", persona).content.decode()

    # then: its page and the list show it to everybody, no longer marked restricted
    assert page.status_code == 200
    assert "derestricted on" in page.content.decode()
    assert shows(listing, DERESTRICTED, DERESTRICTED_TITLES)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_document_before_its_derestriction_date_stays_restricted(
    fetch, restricted_report, persona
):
    # given: to be derestricted tomorrow; distributed to no state
    restricted_report(timezone.localdate() + timedelta(days=1))
    sees = persona in {"secretariat_officer", "secretariat_administrator", "superuser"}

    # when
    page = fetch(f"/csto/documents/{DERESTRICTED}/", persona)
    listing = fetch("/csto/documents/", persona).content.decode()

    # then: only the secretariat sees it, and the page says when it will be public
    assert page.status_code == (200 if sees else 404)
    assert shows(listing, DERESTRICTED, DERESTRICTED_TITLES) is sees
    if sees:
        assert "to be derestricted on" in page.content.decode()


# ------------------------------------------------------------------------ actions


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_may_ask_for_a_symbol_and_others_learn_nothing(
    client, dushanbe, persona
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when: asking for the restricted draft's symbol
    response = client.post(f"/csto/documents/{DRAFT}/symbol/")

    # then: the secretariat is answered (here: no series numbers declarations); a delegation
    # that sees the draft is refused; one that does not, or a user with no role, finds nothing;
    # the public is asked to log in
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert response.status_code == 302
        assert response["Location"] == f"/csto/documents/{DRAFT}/"
    elif persona in SEES_DRAFT:
        assert response.status_code == 403
    elif persona is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", ["texts/en/versions/", "texts/ru/versions/", "texts/en/edit/"])
def test_the_drafts_text_pages_are_404_to_those_who_may_not_see_it(fetch, persona, page):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/{page}", persona)

    # then: the versions are for whoever sees the draft; editing is the secretariat's
    if persona is None and page.endswith("edit/"):
        assert response.status_code == 302  # log in first
    elif persona not in SEES_DRAFT:
        assert response.status_code == 404
    elif page.endswith("edit/"):
        secretariat = {"secretariat_officer", "secretariat_administrator", "superuser"}
        assert response.status_code == (200 if persona in secretariat else 403)
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_drafts_amendments_are_404_to_those_who_may_not_see_it(fetch, persona):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/texts/en/amendments/", persona)

    # then
    assert response.status_code == (200 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_decides_amendments_and_others_learn_nothing(
    client, dushanbe, persona
):
    # given: an amendment by Armenia
    from secretariat.documents.models import Document
    from secretariat.documents.services import do_propose_amendment

    draft = Document.objects.get(code=DRAFT)
    draft.texts.filter(language="en").update(body="Members act until 2025.")
    amendment = do_propose_amendment(
        dushanbe.users["armenia_delegate"], draft, "en", dushanbe.states["ARM"],
        "replace", "until 2025", "until 2030", "Longer.",
    )  # fmt: skip
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/texts/en/amendments/{amendment.pk}/decision/",
        {"decision": "accept"},
    )

    # then
    amendment.refresh_from_db()
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert response.status_code == 302
        assert amendment.status == "accepted"
    else:
        assert amendment.status == "proposed"
        if persona is None:
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_opens_the_list_of_sponsors_and_others_learn_nothing(
    client, dushanbe, persona
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"/csto/documents/{DRAFT}/sponsors/", {"action": "open"})

    # then
    from secretariat.documents.models import Document

    opened = Document.objects.get(code=DRAFT).sponsorship == "open"
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert (response.status_code, opened) == (302, True)
    else:
        assert not opened
        if persona is None:
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("status/", {"status": "under-negotiation"}),
        ("distribution/", {"states": ["KAZ"]}),
        ("accessions/", {"state": "KAZ", "joined_on": "2022-01-01"}),
    ],
)
def test_only_the_secretariat_records_the_drafts_life_and_others_learn_nothing(
    client, dushanbe, persona, action, data
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"/csto/documents/{DRAFT}/{action}", data)

    # then: the secretariat is answered (a redirect to the page, with a message where the step
    # is refused); a delegation that sees the draft is refused; others find nothing
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert response.status_code == 302
    elif persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == (403 if persona in SEES_DRAFT else 404)


# ------------------------------------------------------------------------ adoption procedures


@pytest.fixture
def procedure(dushanbe):
    """The draft agreed and put to the Collective Security Council's consensus."""
    from secretariat.decisions.services import do_open_procedure
    from secretariat.documents.models import Document

    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {"default": {"rule": {"kind": "consensus"}}}
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status="agreed")
    draft = Document.objects.get(code=DRAFT)
    return do_open_procedure(dushanbe.users["secretariat_officer"], draft, csc, "default")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_drafts_procedure_is_404_to_those_who_may_not_see_it(fetch, procedure, persona):
    # when
    response = fetch(f"/csto/documents/{DRAFT}/procedures/{procedure.pk}/", persona)

    # then
    assert response.status_code == (200 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("action", "data", "heads_may"),
    [
        ("positions/", {"state": "ARM", "position": "yes"}, True),
        ("close/", {}, False),
    ],
)
def test_only_heads_and_the_secretariat_act_on_a_procedure_and_others_learn_nothing(
    client, dushanbe, procedure, persona, action, data, heads_may
):
    # given
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"/csto/documents/{DRAFT}/procedures/{procedure.pk}/{action}", data)

    # then: Armenia's head gives Armenia's position; the secretariat gives any and closes
    allowed = {"secretariat_officer", "secretariat_administrator", "superuser"}
    if heads_may:
        allowed.add("armenia_head")
    if persona in allowed:
        assert response.status_code == 302
    elif persona is None:
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_a_delegation_the_draft_went_to_proposes_amendments_and_others_learn_nothing(
    client, dushanbe, persona
):
    # given
    from secretariat.documents.models import Amendment, Document

    Document.objects.filter(code=DRAFT).update(status="under-negotiation")
    Document.objects.get(code=DRAFT).texts.filter(language="en").update(body="Act until 2025.")
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(
        f"/csto/documents/{DRAFT}/texts/en/amendments/",
        {
            "state": "ARM",
            "kind": "replace",
            "passage": "until 2025",
            "wording": "until 2030",
            "justification": "Longer.",
        },
    )

    # then: Armenia's delegation proposes; the secretariat has no form to post; others find
    # nothing (the public is asked to log in first only where a page needs it: not here)
    proposed = Amendment.objects.exists()
    if persona in {"armenia_head", "armenia_delegate"}:
        assert (response.status_code, proposed) == (302, True)
    else:
        assert not proposed
        assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_puts_a_draft_to_a_decision_and_others_learn_nothing(
    client, dushanbe, persona
):
    # given: the draft agreed, the Council's rule a consensus
    from secretariat.decisions.models import Procedure
    from secretariat.documents.models import Document

    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {"default": {"rule": {"kind": "consensus"}}}
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status="agreed")
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(f"/csto/documents/{DRAFT}/procedures/", {"rule": "csc:default"})

    # then
    opened = Procedure.objects.exists()
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert (response.status_code, opened) == (302, True)
    else:
        assert not opened
        if persona is None:
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == (403 if persona in SEES_DRAFT else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_secretariat_records_credentials(client, dushanbe, persona):
    # given: sessions are public, their credentials form is the secretariat's
    from secretariat.meetings.models import Attendance

    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post(
        "/csto/sessions/2021-09-15-joint/credentials/", {"state": "ARM", "credentials": "accepted"}
    )

    # then
    recorded = Attendance.objects.get(session__code="2021-09-15-joint", state__code="ARM")
    if persona in {"secretariat_officer", "secretariat_administrator", "superuser"}:
        assert (response.status_code, recorded.credentials) == (302, "accepted")
    else:
        assert recorded.credentials == "not-recorded"
        if persona is None:
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == 403
