"""From charter files to the engine: membership given by a --members file."""

from __future__ import annotations

from datetime import date

from secretariat.charters.engine import MemberPeriod, members_on, membership
from secretariat.charters.loaders import check_charter_file
from tests.charters.conftest import ROOT

UNSC = ROOT / "charters" / "unsc.yaml"


def test_a_members_file_replaces_the_elected_seats_over_the_days_it_covers():
    # given: a hypothetical Council for 2024 with five elected members only
    charter = check_charter_file(UNSC)
    hypothetical = [
        MemberPeriod(state, date(2024, 1, 1), date(2025, 1, 1))
        for state in ("AUT", "BRA", "IND", "NGA", "ZAF")
    ]

    # when
    history = membership(charter, hypothetical)

    # then: in 2024 the permanent members and the file's states; the charter's own elected
    # members of 2024 are set aside, and come back where the file says nothing
    assert sorted(members_on(history, date(2024, 6, 1))) == [
        "AUT", "BRA", "CHN", "FRA", "GBR", "IND", "NGA", "RUS", "USA", "ZAF",
    ]  # fmt: skip
    assert "DZA" in members_on(history, date(2025, 6, 1))
    assert "ECU" in members_on(history, date(2023, 6, 1))


def test_without_a_members_file_the_charter_says_who_sits():
    # when
    council = members_on(membership(check_charter_file(UNSC)), date(2024, 6, 1))

    # then
    assert len(council) == 15
    assert {"DZA", "ECU", "CHN"} <= set(council)
