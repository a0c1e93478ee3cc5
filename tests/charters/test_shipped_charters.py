"""The seven shipped charters: valid, loadable twice without change, with the fixed identifiers.

Scripts rely on the files', bodies' and matters' codes (issue 3 fixes them), so a
rename must fail here first.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from secretariat.charters.engine import decision_rule, procedure_deadline
from secretariat.charters.loaders import check_charter_file, do_load_charter
from secretariat.charters.schema import SilenceProcedure
from secretariat.organizations.models import MemberState
from tests.charters.conftest import ROOT

IDENTIFIERS = {
    "csto": {
        "csc": {"default"},
        "cfm": {"default"},
        "cdm": {"default"},
        "cssc": {"default"},
        "permanent-council": {"default"},
    },
    "unsc": {"security-council": {"procedural", "substantive"}},
    "unga": {"general-assembly": {"ordinary", "important"}},
    "eu-council": {
        "council": {"qmv", "reinforced-qmv", "simple-majority", "unanimity", "comitology"}
    },
    "osce": {"permanent-council": {"default"}},
    "asean": {"summit": {"default"}},
    "sco": {"heads-of-state": {"default"}},
}


@pytest.mark.parametrize("name", sorted(IDENTIFIERS))
def test_each_shipped_charter_is_valid_and_has_the_fixed_identifiers(name):
    # when
    charter = check_charter_file(ROOT / "charters" / f"{name}.yaml")

    # then: every fixed body and matter exists (a charter may add more)
    bodies = {body.code: set(body.decisions) for body in charter.bodies}
    for body, matters in IDENTIFIERS[name].items():
        assert matters <= bodies[body], f"{name}: {body}"
    # and every rule converts to the engine's
    for body in charter.bodies:
        for matter in body.decisions.values():
            decision_rule(matter.rule)


@pytest.mark.parametrize("name", sorted(IDENTIFIERS))
@pytest.mark.django_db
def test_each_shipped_charter_loads_and_a_second_load_changes_nothing(name):
    # given
    path = ROOT / "charters" / f"{name}.yaml"
    do_load_charter(path)

    # when
    again = do_load_charter(path)

    # then
    assert again.changes.total == 0
    assert MemberState.objects.filter(organization__code=name).exists()


def test_the_general_assembly_lists_all_193_members_in_english_and_russian():
    # when
    charter = check_charter_file(ROOT / "charters" / "unga.yaml")

    # then
    assert len(charter.members) == 193
    assert all({"en", "ru"} <= set(member.names) for member in charter.members)
    names = {member.code: member.names for member in charter.members}
    assert names["RUS"] == {"en": "Russian Federation", "ru": "Российская Федерация"}


def test_the_security_council_names_every_other_un_member_for_membership_files():
    # when
    council = check_charter_file(ROOT / "charters" / "unsc.yaml")
    assembly = check_charter_file(ROOT / "charters" / "unga.yaml")

    # then: a --members file may name any UN member, with the same names as the Assembly
    assembly_names = {member.code: member.names for member in assembly.members}
    council_names = {state.code: state.names for state in council.named_states}
    assert council_names == assembly_names


def test_an_osce_silence_procedure_expires_at_noon_vienna_time():
    # given: the Permanent Council's silence procedure (3 days, at 12:00) launched on a Friday
    # afternoon before the change to summer time
    osce = check_charter_file(ROOT / "charters" / "osce.yaml")
    (silence,) = [
        spec
        for spec in osce.bodies[0].decisions["default"].procedures
        if isinstance(spec, SilenceProcedure)
    ]
    launched = datetime(2024, 3, 29, 15, 0, tzinfo=UTC)

    # when
    closes = procedure_deadline(osce, silence, launched)

    # then: noon in Vienna on Monday, which is 10:00 UTC in summer time
    assert closes.isoformat() == "2024-04-01T12:00:00+02:00"
    assert closes.astimezone(UTC).hour == 10
