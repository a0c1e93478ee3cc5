"""The database refuses rows that break a single-row invariant, on SQLite and PostgreSQL alike.

The loaders check files before writing, and the admin validates constraints in its forms;
these tests show the database itself is the last line.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from secretariat.documents.models import Document, DocumentRelation
from secretariat.meetings.models import Agenda, Session
from secretariat.organizations.models import Chairmanship, MembershipPeriod
from tests.factories import add_state, en_ru, make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def csto():
    return make_organization()


def refused(row) -> None:
    """The model's validation and the database both refuse the row."""
    with pytest.raises(ValidationError):
        row.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()


def test_a_membership_period_cannot_end_before_it_starts(csto):
    armenia = add_state(csto, "ARM", en_ru("Armenia", "Армения"))
    refused(
        MembershipPeriod(
            state=armenia, status="member", start_on=date(2024, 2, 22), end_on=date(2003, 9, 18)
        )
    )


def test_a_chairmanship_cannot_end_on_the_day_it_starts(csto):
    armenia = add_state(csto, "ARM", en_ru("Armenia", "Армения"))
    refused(
        Chairmanship(
            organization=csto, state=armenia, start_on=date(2021, 9, 16), end_on=date(2021, 9, 16)
        )
    )


def test_a_state_code_is_unique_within_an_organization(csto):
    add_state(csto, "ARM", en_ru("Armenia", "Армения"))
    with pytest.raises(IntegrityError), transaction.atomic():
        add_state(csto, "ARM", en_ru("Armenia", "Армения"))
    # the same code in another organization is another state
    add_state(make_organization("un"), "ARM", en_ru("Armenia", "Армения"))


def session(csto, **fields) -> Session:
    defaults = {
        "organization": csto,
        "code": "cfm-2021",
        "titles": en_ru("Meeting", "Заседание"),
        "kind": "regular",
        "mode": "in-person",
        "start_on": date(2021, 9, 15),
        "end_on": date(2021, 9, 15),
        "status": "closed",
    }
    return Session(**(defaults | fields))


def test_a_session_cannot_close_before_it_opens(csto):
    refused(session(csto, end_on=date(2021, 9, 14)))


def test_an_approved_agenda_says_where_and_when(csto):
    meeting = session(csto)
    meeting.save()
    refused(Agenda(session=meeting, status="approved"))
    Agenda(
        session=meeting, status="approved", approved_at=meeting, approved_on=date(2021, 9, 15)
    ).save()


def document(csto, **fields) -> Document:
    defaults = {
        "organization": csto,
        "code": "declaration-2021",
        "kind": "declaration",
        "classification": "public",
        "status": "draft",
        "authentic_languages": ["ru"],
    }
    return Document(**(defaults | fields))


def test_only_a_public_document_can_be_published(csto):
    refused(document(csto, classification="restricted", status="published"))


def test_a_symbol_once_given_is_unique_but_many_documents_have_none(csto):
    document(csto, code="a").save()
    document(csto, code="b").save()
    document(csto, code="c", symbol="CSTO/CSC/2021/1").save()
    refused(document(csto, code="d", symbol="CSTO/CSC/2021/1"))


def test_a_document_cannot_relate_to_itself(csto):
    plan = document(csto)
    plan.save()
    refused(DocumentRelation(source=plan, kind="implements", target=plan))
