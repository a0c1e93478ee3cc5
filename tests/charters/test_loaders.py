"""Loading charters and records: one transaction, idempotent, nothing half-written."""

from datetime import date

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command

from secretariat.audit.models import AuditEvent, EventType
from secretariat.charters.files import InvalidFileError
from secretariat.charters.loaders import do_load_charter, do_load_record
from secretariat.documents.models import Document
from secretariat.meetings.models import Attendance, Session
from secretariat.organizations.models import Body, MemberState, Organization
from tests.charters.conftest import CSTO_CHARTER, DUSHANBE_RECORD

pytestmark = pytest.mark.django_db


def snapshot() -> str:
    """Every row of the domain, serialized, to compare two states of the database."""
    from django.apps import apps

    rows = []
    for label in ("organizations", "meetings", "documents"):
        for model in apps.get_app_config(label).get_models():
            rows.extend(model.objects.order_by("pk"))
    return serializers.serialize("json", rows)


def test_loading_the_charter_creates_the_organization():
    # when
    report = do_load_charter(CSTO_CHARTER)
    # then
    csto = report.organization
    assert csto.names["ru"] == "Организация Договора о коллективной безопасности"
    assert csto.acronyms == {"en": "CSTO", "ru": "ОДКБ"}
    assert csto.official_languages == ["ru"]
    assert csto.states.count() == 7
    cfm = csto.bodies.get(code="cfm")
    assert cfm.reports_to.code == "csc"
    assert cfm.member_role == "minister-of-foreign-affairs"
    assert cfm.decision_rules["default"]["rule"]["kind"] == "consensus"
    assert cfm.chair_rule["kind"] == "chairing-state"
    assert csto.chairmanship_rule["language"] == "ru"


def test_loading_the_same_files_twice_changes_nothing(csto):
    # given
    before = snapshot()
    events = AuditEvent.objects.count()
    # when
    charter_again = do_load_charter(CSTO_CHARTER)
    record_again = do_load_record(DUSHANBE_RECORD)
    # then
    assert charter_again.changes.total == 0
    assert record_again.changes.total == 0
    assert snapshot() == before
    assert AuditEvent.objects.count() == events


def test_loads_are_recorded_in_the_audit_log(csto):
    events = list(AuditEvent.objects.values_list("event_type", flat=True))
    assert events == [EventType.CHARTER_LOADED, EventType.RECORD_LOADED]


def test_a_changed_charter_updates_only_what_changed(csto, broken):
    # given: the charter now spells the CFM's English acronym differently
    path = broken(CSTO_CHARTER, "acronyms: {en: CFM, ru: СМИД}", "acronyms: {en: MFA, ru: СМИД}")
    # when
    report = do_load_charter(path)
    # then
    assert report.changes.as_data() == {
        "created": {},
        "updated": {"organizations.Body": 1},
        "deleted": {},
    }
    assert Body.objects.get(code="cfm").acronyms["en"] == "MFA"


def test_a_period_removed_from_the_charter_is_removed_from_the_database(csto, broken):
    # given: Uzbekistan's suspension is taken out and its membership left open
    path = broken(
        CSTO_CHARTER,
        '      - {status: member, from: 2006-06-23, to: 2012-12-19, source: "[S126][S127]"}\n'
        "      # Uzbekistan's note",
        '      - {status: member, from: 2006-06-23, source: "[S126][S127]"}\n'
        "      # Uzbekistan's note",
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            '      - {status: suspended, from: 2012-12-19, source: "[S9][S29][S135]"}\n', ""
        ),
        encoding="utf-8",
    )
    # when
    report = do_load_charter(path)
    # then
    assert report.changes.deleted == {"organizations.MembershipPeriod": 1}
    uzbekistan = MemberState.objects.get(code="UZB")
    assert list(uzbekistan.periods.values_list("status", "end_on")) == [("member", None)]


def test_a_refused_charter_writes_nothing(broken):
    # given: an error near the end of the file, after many valid rows
    path = broken(CSTO_CHARTER, "{state: RUS, from: 2026-01-01", "{state: FRA, from: 2026-01-01")
    # when
    with pytest.raises(InvalidFileError) as caught:
        do_load_charter(path)
    # then
    assert [problem.field for problem in caught.value.problems] == ["chairmanships[16].state"]
    assert not Organization.objects.exists()
    assert not AuditEvent.objects.exists()


def test_a_refused_record_writes_nothing(csto, broken):
    # given
    before = snapshot()
    path = broken(
        DUSHANBE_RECORD, "target: concept-joint-military-training-2020", "target: nothing"
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("organization: csto", "organization: csto", 1),
        encoding="utf-8",
    )
    # when
    with pytest.raises(InvalidFileError) as caught:
        do_load_record(path)
    # then
    (problem,) = caught.value.problems
    assert problem.code == "unknown-document"
    assert problem.field.endswith(".relations[0].target")
    assert snapshot() == before


def test_a_record_needs_its_organization_loaded_first(db):
    with pytest.raises(InvalidFileError) as caught:
        do_load_record(DUSHANBE_RECORD)
    (problem,) = caught.value.problems
    assert (problem.code, problem.field, problem.line) == (
        "unknown-organization",
        "organization",
        19,
    )


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("chair_person: sirojiddin-muhriddin", "chair_person: nobody", "unknown-person"),
        (
            "      approved_on: 2021-09-15\n      items:\n        - number: 1\n          titles:\n"
            "            en: On the agenda",
            "      items:\n        - number: 1\n          titles:\n            en: On the agenda",
            "approval-incomplete",
        ),
        ("adopted_under_item: 9", "adopted_under_item: 19", "unknown-item"),
        (
            "{state: KGZ, presence: in-person}",
            "{state: KGZ, presence: in-person}\n      - {state: KGZ, presence: absent}",
            "duplicate",
        ),
        (
            "classification: restricted",
            "classification: restricted\n    published_on: 2021-09-16",
            None,
        ),
        (
            "    distributed_on: 2021-09-15\n    status: agreed",
            "    distributed_on: 2021-09-15\n    status: published",
            "published-not-public",
        ),
        ("chairmanship_handover: ARM", "chairmanship_handover: UZB", "unknown-chairmanship"),
    ],
)
def test_record_errors_are_refused_with_their_field(csto, broken, old, new, code):
    path = broken(DUSHANBE_RECORD, old, new)
    if code is None:
        do_load_record(path)  # a well-formed variation loads
        return
    with pytest.raises(InvalidFileError) as caught:
        do_load_record(path)
    assert code in {problem.code for problem in caught.value.problems}
    assert all(problem.line > 1 for problem in caught.value.problems)


def test_participation_over_time(csto):
    # given
    states = MemberState.objects.filter(organization=csto)
    # then: the Dushanbe meetings had six participating members; Uzbekistan was suspended
    assert set(states.participating_on(date(2021, 9, 15)).values_list("code", flat=True)) == {
        "ARM",
        "BLR",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
    }
    # Uzbekistan took part between 2006 and 2012
    assert "UZB" in states.participating_on(date(2010, 1, 1)).values_list("code", flat=True)
    # Armenia froze its participation in 2024
    assert set(states.participating_on(date(2025, 1, 1)).values_list("code", flat=True)) == {
        "BLR",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
    }
    # the first day of a period counts, the last day of the previous one does not
    assert "ARM" in states.participating_on(date(2024, 2, 21)).values_list("code", flat=True)
    assert "ARM" not in states.participating_on(date(2024, 2, 22)).values_list("code", flat=True)
    statuses = dict(states.with_status_on(date(2025, 1, 1)).values_list("code", "status_on"))
    assert statuses["ARM"] == "participation-frozen"
    assert statuses["UZB"] == "suspended"
    assert (
        dict(states.with_status_on(date(2000, 1, 1)).values_list("code", "status_on"))["RUS"]
        is None
    )


def test_the_joint_meeting_is_one_session_of_three_bodies(csto):
    joint = Session.objects.get(code="cfm-cdm-cssc-2021-09-15")
    assert sorted(joint.bodies.values_list("code", flat=True)) == ["cdm", "cfm", "cssc"]
    assert joint.is_joint
    assert joint.chair_state.code == "TJK"
    assert joint.chair_person.names["en"] == "Sirojiddin Muhriddin"
    assert list(joint.officials.values_list("code", flat=True)) == ["stanislav-zas"]
    for body in ("cfm", "cdm", "cssc"):
        assert joint in Body.objects.get(code=body).sessions.all()


def test_the_joint_meeting_approved_the_councils_agenda_for_the_next_day(csto):
    csc = Session.objects.get(code="csc-2021-09-16")
    agenda = csc.agenda
    assert agenda.status == "approved"
    assert agenda.approved_at.code == "cfm-cdm-cssc-2021-09-15"
    assert agenda.approved_on == date(2021, 9, 15)
    assert sorted(agenda.approved_by.values_list("code", flat=True)) == ["cdm", "cfm", "cssc"]
    joint = Session.objects.get(code="cfm-cdm-cssc-2021-09-15")
    assert list(joint.agendas_approved.values_list("session__code", flat=True)) == [
        "cfm-cdm-cssc-2021-09-15",
        "csc-2021-09-16",
    ]


def test_the_five_statements_and_the_decisions_are_adopted_at_the_joint_meeting(csto):
    adopted = Document.objects.filter(adopted_at__code="cfm-cdm-cssc-2021-09-15")
    statements = adopted.filter(kind__in=["statement", "joint-statement"])
    assert statements.count() == 5
    assert all(item.number == 4 for item in (doc.adopted_at_item for doc in statements))
    decisions = adopted.filter(kind__in=["decision", "protocol-decision", "plan"])
    assert sorted(decisions.values_list("code", flat=True)) == [
        "decision-cdm-military-medical-academy-2021",
        "decision-cdm-working-group-2021",
        "decision-cssc-biosafety-council-2021",
        "plan-joint-military-training-2025",
        "protocol-decision-next-meetings-2022",
    ]
    afghanistan = Document.objects.get(code="statement-afghanistan-2021")
    english = afghanistan.texts.get(language="en")
    russian = afghanistan.texts.get(language="ru")
    assert (english.is_summary, english.is_translation) == (True, False)
    assert (russian.is_summary, russian.is_translation) == (True, True)
    assert set(afghanistan.distributed_to.values_list("code", flat=True)) == {
        "ARM",
        "BLR",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
    }


def test_the_plan_implements_the_concept(csto):
    plan = Document.objects.get(code="plan-joint-military-training-2025")
    (relation,) = plan.relations.all()
    assert (relation.kind, relation.target.code) == (
        "implements",
        "concept-joint-military-training-2020",
    )
    assert relation.target.inverse_relations.get().source == plan


def test_the_draft_declaration_is_restricted_and_only_agreed(csto):
    draft = Document.objects.get(code="declaration-csc-2021-draft")
    assert (draft.classification, draft.status) == ("restricted", "agreed")
    assert draft.distributed_to.count() == 6
    assert sorted(draft.agenda_items.values_list("agenda__session__code", flat=True)) == [
        "cfm-cdm-cssc-2021-09-15",
        "csc-2021-09-16",
    ]


def test_chairmanship_passes_from_tajikistan_to_armenia(csto):
    joint = Session.objects.get(code="cfm-cdm-cssc-2021-09-15")
    handover = joint.chairmanship_handover
    assert handover.state.code == "ARM"
    assert (handover.start_on, handover.end_on) == (date(2021, 9, 16), date(2022, 11, 23))
    assert "priorities" in handover.priorities["en"]
    previous = csto.chairmanships.get(end_on=handover.start_on)
    assert previous.state.code == "TJK"


def test_an_office_whose_start_is_unknown_is_held_on_the_session_day(csto, client):
    # given: the record does not say since when Sirojiddin Muhriddin was foreign minister
    joint = Session.objects.get(code="cfm-cdm-cssc-2021-09-15")
    # when
    page = client.get(joint.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    # then
    assert "Minister of Foreign Affairs of the Republic of Tajikistan" in page.content.decode()


def test_a_derestriction_date_is_loaded_for_a_classified_document(csto, broken):
    # given: the restricted draft declaration, to be derestricted in 2031
    path = broken(
        DUSHANBE_RECORD,
        "    classification: restricted\n",
        "    classification: restricted\n    derestricted_on: 2031-09-16\n",
    )

    # when
    do_load_record(path)

    # then
    draft = Document.objects.get(code="declaration-csc-2021-draft")
    assert draft.derestricted_on == date(2031, 9, 16)


def test_a_public_document_cannot_be_derestricted(csto, broken):
    # given
    path = broken(
        DUSHANBE_RECORD,
        "    classification: public\n",
        "    classification: public\n    derestricted_on: 2031-09-16\n",
    )

    # when
    with pytest.raises(InvalidFileError) as caught:
        do_load_record(path)

    # then
    (problem,) = caught.value.problems
    assert problem.code == "derestricting-public"
    assert problem.field.endswith(".derestricted_on")


def test_a_delegation_and_its_credentials_are_loaded(csto, broken):
    # given: Belarus's delegation to the joint meeting headed by its foreign minister, with the
    # Secretary General's office as an adviser (a made-up composition, for the test)
    path = broken(
        DUSHANBE_RECORD,
        "      - {state: BLR, presence: in-person, head: vladimir-makei}\n",
        "      - state: BLR\n        presence: in-person\n        head: vladimir-makei\n"
        "        credentials: accepted\n"
        "        delegation: [{person: stanislav-zas, role: adviser}]\n",
    )

    # when
    do_load_record(path)

    # then
    attendance = Attendance.objects.get(session__code="cfm-cdm-cssc-2021-09-15", state__code="BLR")
    assert attendance.credentials == "accepted"
    assert [(member.person.code, member.role) for member in attendance.members.all()] == [
        ("stanislav-zas", "adviser")
    ]


def test_the_head_listed_again_in_the_delegation_is_refused(csto, broken):
    # given
    path = broken(
        DUSHANBE_RECORD,
        "      - {state: BLR, presence: in-person, head: vladimir-makei}\n",
        "      - state: BLR\n        presence: in-person\n        head: vladimir-makei\n"
        "        delegation: [{person: vladimir-makei, role: alternate}]\n",
    )

    # when
    with pytest.raises(InvalidFileError) as caught:
        do_load_record(path)

    # then
    (problem,) = caught.value.problems
    assert (problem.code, problem.field) == (
        "duplicate",
        "sessions[1].attendance[1].delegation[0].person",
    )


def test_the_csto_charter_gives_observers_and_partners_only_what_is_public():
    # when
    csto = do_load_charter(CSTO_CHARTER).organization

    # then: the reference does not say what they receive; the restrictive default is kept
    assert (csto.is_distributed_to_observers, csto.is_distributed_to_partners) == (False, False)


def test_what_observers_and_partners_receive_is_loaded_from_the_charter(csto, broken):
    # given: the charter now lets observers receive documents
    path = broken(
        CSTO_CHARTER,
        "  observers:\n    receive_documents: false",
        "  observers:\n    receive_documents: true",
    )

    # when
    organization = do_load_charter(path).organization

    # then
    assert organization.is_distributed_to_observers is True
    assert organization.is_distributed_to_partners is False


@pytest.mark.parametrize(
    ("new", "problem"),
    [
        ("receive_documents: maybe", "organization.observers.receive_documents: expected true"),
        ("receive_documents: 1", "organization.observers.receive_documents: expected true"),
        ("see_everything: true", "organization.observers.see_everything: this key is not"),
    ],
)
def test_a_bad_observers_key_is_refused_at_its_line(broken, new, problem):
    # given
    old = "  observers:\n    receive_documents: false"
    path = broken(CSTO_CHARTER, old, f"  observers:\n    {new}")

    # when
    with pytest.raises(CommandError) as caught:
        call_command("charter", "load", str(path))

    # then: the line of the bad value, the key, what is expected; nothing written
    line = CSTO_CHARTER.read_text(encoding="utf-8").splitlines().index("  observers:") + 2
    assert f"csto.yaml:{line}: {problem}" in str(caught.value)
    assert not Organization.objects.exists()


def test_the_csto_charter_does_not_have_the_secretary_general_sign():
    # the reference makes the Secretary General the highest administrative official, and does
    # not say that the Secretary General signs the Council's decisions
    assert do_load_charter(CSTO_CHARTER).organization.secretary_general_signs is False


def test_the_secretary_general_signs_where_the_charter_says_so(csto, broken):
    path = broken(CSTO_CHARTER, "secretary_general_signs: false", "secretary_general_signs: true")
    assert do_load_charter(path).organization.secretary_general_signs is True


@pytest.mark.parametrize("new", ["maybe", "1", "yes please"])
def test_a_bad_secretary_general_signs_is_refused_at_its_line(broken, new):
    # given
    path = broken(CSTO_CHARTER, "secretary_general_signs: false", f"secretary_general_signs: {new}")

    # when
    with pytest.raises(CommandError) as caught:
        call_command("charter", "load", str(path))

    # then: the line, the key, what is expected; nothing written
    lines = CSTO_CHARTER.read_text(encoding="utf-8").splitlines()
    line = lines.index("  secretary_general_signs: false") + 1
    assert f"csto.yaml:{line}: organization.secretary_general_signs: expected true" in str(
        caught.value
    )
    assert not Organization.objects.exists()
