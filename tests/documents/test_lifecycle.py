"""A document's life as the secretariat records it: steps, distribution, later accession."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import (
    LifecycleError,
    do_change_status,
    do_distribute,
    do_record_accession,
)

DRAFT = "2021-csc-declaration-draft"


def test_a_draft_returned_for_revision_goes_back_to_negotiation_with_its_history(draft, officer):
    # when: negotiated, agreed, returned for revision (Yerevan 2022), negotiated again
    do_change_status(officer, draft, DocumentStatus.UNDER_NEGOTIATION)
    do_change_status(officer, draft, DocumentStatus.AGREED)
    do_change_status(officer, draft, DocumentStatus.UNDER_NEGOTIATION, note="returned for revision")

    # then
    steps = [
        (change.from_status, change.to_status, change.note) for change in draft.status_changes.all()
    ]
    assert steps == [
        ("draft", "under-negotiation", ""),
        ("under-negotiation", "agreed", ""),
        ("agreed", "under-negotiation", "returned for revision"),
    ]
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.UNDER_NEGOTIATION


def test_a_withdrawal_names_the_state_that_asked_for_it(dushanbe, draft, officer):
    # when / then
    with pytest.raises(LifecycleError, match="which state asked"):
        do_change_status(officer, draft, DocumentStatus.WITHDRAWN)
    change = do_change_status(
        officer, draft, DocumentStatus.WITHDRAWN, requested_by=dushanbe.states["ARM"]
    )
    assert change.requested_by.code == "ARM"


def test_a_step_the_lifecycle_does_not_allow_is_refused(draft, officer):
    with pytest.raises(LifecycleError, match="cannot become"):
        do_change_status(officer, draft, DocumentStatus.PUBLISHED)
    assert Document.objects.get(code=DRAFT).status == DocumentStatus.DRAFT


def test_adoption_dates_the_document(draft, officer):
    # given
    for status in (DocumentStatus.UNDER_NEGOTIATION, DocumentStatus.AGREED):
        do_change_status(officer, draft, status)

    # when
    do_change_status(officer, draft, DocumentStatus.ADOPTED)

    # then
    assert Document.objects.get(code=DRAFT).adopted_on is not None


def test_a_later_accession_is_recorded_once_and_not_before_adoption(dushanbe, officer):
    # given: the Collective Security Strategy, adopted on 14 October 2016 and published
    decision = Document.objects.get(code="2016-collective-security-strategy")
    kazakhstan = dushanbe.states["KAZ"]

    # when
    accession = do_record_accession(
        officer, decision, kazakhstan, decision.adopted_on.replace(year=2022)
    )

    # then
    assert accession.state == kazakhstan
    with pytest.raises(LifecycleError, match="already joined"):
        do_record_accession(officer, decision, kazakhstan, date(2023, 1, 1))
    with pytest.raises(LifecycleError, match="after its adoption"):
        do_record_accession(officer, decision, dushanbe.states["BLR"], date(2000, 1, 1))


def test_distribution_adds_states_and_says_how_many(dushanbe, draft, officer):
    # given: the draft went to ARM, BLR, RUS and TJK
    states = [dushanbe.states["KAZ"], dushanbe.states["ARM"]]

    # when
    added = do_distribute(officer, draft, states)

    # then: Kazakhstan now receives it, and its delegation sees it
    assert added == 1
    assert draft.distributed_to.filter(code="KAZ").exists()


@pytest.mark.parametrize("persona", ["armenia_head", "armenia_delegate", "no_role"])
def test_only_the_secretariat_records_steps_distributions_and_accessions(dushanbe, draft, persona):
    user = dushanbe.users[persona]
    with pytest.raises(PermissionDenied):
        do_change_status(user, draft, DocumentStatus.UNDER_NEGOTIATION)
    with pytest.raises(PermissionDenied):
        do_distribute(user, draft, [dushanbe.states["KAZ"]])
    with pytest.raises(PermissionDenied):
        do_record_accession(user, draft, dushanbe.states["KAZ"], date(2022, 1, 1))


def test_the_officer_walks_the_draft_through_its_life_on_the_page(client, dushanbe, officer):
    # given
    client.force_login(officer)
    url = f"/csto/documents/{DRAFT}/"

    # when: a step, then a distribution to Kazakhstan
    client.post(f"{url}status/", {"status": "under-negotiation", "note": "opened"})
    response = client.post(f"{url}distribution/", {"states": ["KAZ"]}, follow=True)

    # then
    html = response.content.decode()
    assert "Distributed to 1 more states." in html
    assert "opened" in html  # the history
    client.force_login(dushanbe.users["kazakhstan_delegate"])
    assert client.get(url).status_code == 200


def test_the_secretariat_forms_are_not_shown_to_delegations(client, dushanbe):
    client.force_login(dushanbe.users["armenia_head"])
    assert "For the secretariat" not in client.get(f"/csto/documents/{DRAFT}/").content.decode()
