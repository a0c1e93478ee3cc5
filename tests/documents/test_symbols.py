"""Official symbols: the next number of the body's series for the year, once and for good."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection, connections

from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Classification, Document, DocumentKind, DocumentStatus
from secretariat.documents.services import SymbolError, do_assign_symbol
from tests.factories import add_document, en_ru

SERIES = {"code": "decisions", "kinds": ["decision"], "pattern": "CSTO/CSC/{year}/{number}"}


@pytest.fixture
def numbered(dushanbe):
    """The Collective Security Council numbers its decisions; a helper adds one."""
    csc = dushanbe.bodies["csc"]
    csc.symbol_series = [SERIES]
    csc.save(update_fields=["symbol_series"])

    def decision(code: str, adopted_on: date | None = date(2021, 9, 16), **fields) -> Document:
        return add_document(
            dushanbe.organization,
            code,
            en_ru(f"Decision {code}", f"Решение {code}"),
            [csc],
            kind=DocumentKind.DECISION,
            classification=Classification.RESTRICTED,
            status=DocumentStatus.ADOPTED if adopted_on else DocumentStatus.DRAFT,
            adopted_on=adopted_on,
            **fields,
        )

    return decision


def test_decisions_are_numbered_in_sequence_within_the_year_of_adoption(dushanbe, numbered):
    # given
    officer = dushanbe.users["secretariat_officer"]
    first, second = numbered("first"), numbered("second")
    next_year = numbered("next-year", adopted_on=date(2022, 11, 23))

    # when
    symbols = [do_assign_symbol(officer, document) for document in (first, second, next_year)]

    # then
    assert symbols == ["CSTO/CSC/2021/1", "CSTO/CSC/2021/2", "CSTO/CSC/2022/1"]
    assert Document.objects.get(code="second").symbol == "CSTO/CSC/2021/2"


def test_a_number_a_record_already_gave_is_passed_over(dushanbe, numbered):
    # given: a decision loaded from a record with the symbol CSTO/CSC/2021/1
    numbered("from-the-record", symbol="CSTO/CSC/2021/1")
    new = numbered("new")

    # when
    symbol = do_assign_symbol(dushanbe.users["secretariat_officer"], new)

    # then
    assert symbol == "CSTO/CSC/2021/2"


def test_a_symbol_never_changes_once_assigned(dushanbe, numbered):
    # given
    officer = dushanbe.users["secretariat_officer"]
    decision = numbered("decision")
    do_assign_symbol(officer, decision)

    # when / then
    with pytest.raises(SymbolError, match="already has its symbol, CSTO/CSC/2021/1"):
        do_assign_symbol(officer, decision)
    assert Document.objects.get(code="decision").symbol == "CSTO/CSC/2021/1"


def test_a_kind_no_series_numbers_gets_no_symbol(dushanbe, numbered):
    # given: a declaration; the series numbers decisions only
    declaration = Document.objects.get(code="2021-csc-declaration-draft")

    # when / then
    with pytest.raises(SymbolError, match="no series of symbols"):
        do_assign_symbol(dushanbe.users["secretariat_officer"], declaration)


@pytest.mark.parametrize("persona", ["armenia_head", "armenia_delegate", "no_role"])
def test_only_the_secretariat_assigns_symbols(dushanbe, numbered, persona):
    # given
    decision = numbered("decision")

    # when / then
    with pytest.raises(PermissionDenied):
        do_assign_symbol(dushanbe.users[persona], decision)
    assert Document.objects.get(code="decision").symbol == ""


def test_an_assignment_is_in_the_audit_log(dushanbe, numbered):
    # when
    do_assign_symbol(dushanbe.users["secretariat_officer"], numbered("decision"))

    # then
    event = AuditEvent.objects.get(event_type=EventType.SYMBOL_ASSIGNED)
    assert event.actor == dushanbe.users["secretariat_officer"]
    assert event.target == "csto/documents/decision"
    assert event.extra == {"symbol": "CSTO/CSC/2021/1", "series": "decisions", "year": 2021}


# ------------------------------------------------------------------------ the page


def test_the_officer_assigns_a_symbol_from_the_document_page(client, dushanbe, numbered):
    # given
    numbered("decision")
    client.force_login(dushanbe.users["secretariat_officer"])
    page = client.get("/csto/documents/decision/").content.decode()
    assert "Assign the official symbol" in page

    # when
    response = client.post("/csto/documents/decision/symbol/", follow=True)

    # then: back on the page, which shows the symbol and offers no second one
    html = response.content.decode()
    assert response.redirect_chain == [("/csto/documents/decision/", 302)]
    assert "Symbol CSTO/CSC/2021/1 assigned." in html
    assert "Assign the official symbol" not in html


@pytest.mark.parametrize(
    ("persona", "status"),
    [("armenia_head", 403), ("kazakhstan_delegate", 404), (None, 302)],
)
def test_others_cannot_assign_a_symbol(client, dushanbe, numbered, persona, status):
    # given: a decision distributed to Armenia only
    numbered("decision").distributed_to.set([dushanbe.states["ARM"]])
    if persona is not None:
        client.force_login(dushanbe.users[persona])

    # when
    response = client.post("/csto/documents/decision/symbol/")
    page = client.get("/csto/documents/decision/").content.decode()

    # then: refused (a delegation it was not distributed to: not found; the public: log in)
    assert response.status_code == status
    assert "Assign the official symbol" not in page
    assert Document.objects.get(code="decision").symbol == ""


def test_the_symbol_address_takes_no_get(client, dushanbe, numbered):
    # given
    numbered("decision")
    client.force_login(dushanbe.users["secretariat_officer"])

    # then
    assert client.get("/csto/documents/decision/symbol/").status_code == 405


# ------------------------------------------------------------------------ at the same moment


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL; CI runs it there"
)
def test_two_officers_at_the_same_moment_get_two_numbers(dushanbe, numbered):
    # given: eight decisions and eight threads, each with its own connection
    officer = dushanbe.users["secretariat_officer"]
    decisions = [numbered(f"decision-{index}") for index in range(8)]
    barrier = threading.Barrier(len(decisions))
    errors: list[BaseException] = []

    def assign(document: Document) -> None:
        try:
            barrier.wait()
            do_assign_symbol(officer, document)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    # when
    threads = [threading.Thread(target=assign, args=(document,)) for document in decisions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then: eight different numbers, one to eight
    assert errors == []
    symbols = set(
        Document.objects.filter(code__startswith="decision-").values_list("symbol", flat=True)
    )
    assert symbols == {f"CSTO/CSC/2021/{number}" for number in range(1, 9)}
