"""The file format and the database speak the same vocabulary.

The schema is pure Python and cannot import the models' choices, so each list is written
twice; these tests keep the two in step.
"""

import typing

import pytest

from secretariat.charters import schema
from secretariat.documents.models import (
    Classification,
    DocumentKind,
    DocumentStatus,
    RelationKind,
)
from secretariat.meetings.models import (
    AgendaStatus,
    ItemResult,
    Presence,
    SessionKind,
    SessionMode,
    SessionStatus,
)
from secretariat.organizations.models import PARTICIPATION_LABELS, BodyLevel
from secretariat.rules.decisions import Base, Counting
from secretariat.rules.participation import ParticipationStatus
from secretariat.rules.positions import Position
from secretariat.rules.procedures import ProcedureKind
from secretariat.rules.rotation import TermLength

PROCEDURE_SPECS = (schema.InSessionProcedure, schema.WrittenProcedure, schema.SilenceProcedure)


def literal_values(annotation) -> set[str]:
    """The strings a ``Literal`` (or a union holding ``Literal``s) allows."""
    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    values: set[str] = set()
    for argument in typing.get_args(annotation):
        values |= literal_values(argument)
    return values


def field_values(model, name) -> set[str]:
    return literal_values(model.model_fields[name].annotation)


@pytest.mark.parametrize(
    ("in_files", "in_database"),
    [
        (literal_values(schema.DocumentKind), DocumentKind.values),
        (literal_values(schema.ItemResult), ItemResult.values),
        (literal_values(schema.Level), BodyLevel.values),
        (field_values(schema.DocumentSpec, "classification"), Classification.values),
        (field_values(schema.DocumentSpec, "status"), DocumentStatus.values),
        (field_values(schema.RelationSpec, "kind"), RelationKind.values),
        (field_values(schema.SessionSpec, "kind"), SessionKind.values),
        (field_values(schema.SessionSpec, "mode"), SessionMode.values),
        (field_values(schema.SessionSpec, "status"), SessionStatus.values),
        (field_values(schema.AgendaSpec, "status"), AgendaStatus.values),
        (field_values(schema.AttendanceSpec, "presence"), Presence.values),
    ],
    ids=lambda values: ",".join(sorted(values))[:40],
)
def test_files_and_database_accept_the_same_values(in_files, in_database):
    assert in_files == set(in_database)


def test_every_participation_status_has_a_label():
    assert set(PARTICIPATION_LABELS) == set(ParticipationStatus)


@pytest.mark.parametrize(
    ("in_files", "in_the_engine"),
    [
        (literal_values(schema.PositionWord), {position.value for position in Position}),
        (literal_values(schema.Base), {base.value for base in Base}),
        (literal_values(schema.Counting), {counting.value for counting in Counting}),
        (literal_values(schema.Term), {length.value for length in TermLength}),
        (
            {spec.model_fields["kind"].annotation.__args__[0] for spec in PROCEDURE_SPECS},
            {kind.value for kind in ProcedureKind},
        ),
    ],
    ids=["positions", "bases", "countings", "terms", "procedures"],
)
def test_files_and_the_rules_engine_share_their_words(in_files, in_the_engine):
    assert in_files == in_the_engine
