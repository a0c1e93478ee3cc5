"""Who chaired, and who will: `secretariat rotation` on the shipped charters against history.

Each expected list cites its source in a comment; "rules-facts §N" and "csto-facts [Sn]" are
sections and sources of shared/reference/rules-facts.md and csto-facts.md. Terms are compared
as (start, end, chair) with dates written YYYY-MM-DD, None where unknown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]
CHARTERS = ROOT / "charters"


def rotation(charter: str | Path, *args: str) -> list[dict]:
    """Run `rotation CHARTER ARGS --json` and return the list of terms."""
    path = charter if isinstance(charter, Path) else CHARTERS / f"{charter}.yaml"
    out = StringIO()
    call_command("rotation", str(path), *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def chairs(terms: list[dict]) -> list[str]:
    return [term["chair"] for term in terms]


def spans(terms: list[dict]) -> list[tuple[str | None, str | None, str]]:
    return [(term["start"], term["end"], term["chair"]) for term in terms]


def months(year: int, chairs_: str) -> list[tuple[str, str, str]]:
    """Monthly terms of a year, one chair per month (codes separated by spaces)."""
    codes = chairs_.split()
    assert len(codes) == 12
    starts = [f"{year}-{month:02}-01" for month in range(1, 13)] + [f"{year + 1}-01-01"]
    return [(starts[index], starts[index + 1], code) for index, code in enumerate(codes)]


def years(first: int, chairs_: str) -> list[tuple[str, str, str]]:
    """Calendar-year terms from ``first``, one chair a year."""
    return [
        (f"{first + index}-01-01", f"{first + index + 1}-01-01", code)
        for index, code in enumerate(chairs_.split())
    ]


# ------------------------------------------------------------------------ CSTO


def test_csto_recorded_chairmanships_from_2020():
    # given: Tajikistan "since December 2020" [S96]; Armenia from the session of 16 September
    # 2021 [S73][S166][S167]; Belarus from Yerevan, 23 November 2022 [S118][S90]; then calendar
    # years: Kazakhstan 2024 [S145], Kyrgyzstan 2025 [S146], Russia 2026 [S79][S80][S81]
    # when
    terms = rotation("csto", "--from", "2020-12-02", "--count", "6")

    # then
    assert spans(terms) == [
        ("2020-12-02", "2021-09-16", "TJK"),
        ("2021-09-16", "2022-11-23", "ARM"),
        ("2022-11-23", "2024-01-01", "BLR"),
        ("2024-01-01", "2025-01-01", "KAZ"),
        ("2025-01-01", "2026-01-01", "KGZ"),
        ("2026-01-01", "2027-01-01", "RUS"),
    ]
    assert all(term["recorded"] for term in terms)


def test_csto_projection_after_russia_skips_suspended_uzbekistan_and_frozen_armenia():
    # given: Russia chairs in 2026 [S79]; in the Russian alphabet Таджикистан, then Узбекистан
    # (suspended since 2012 [S135]), then Армения (participation frozen since February 2024
    # [S150][S151][S152]), then Беларусь
    # when
    terms = rotation("csto", "--from", "2026-01-01", "--count", "3")

    # then
    assert spans(terms) == [
        ("2026-01-01", "2027-01-01", "RUS"),
        ("2027-01-01", "2028-01-01", "TJK"),
        ("2028-01-01", "2029-01-01", "BLR"),
    ]
    assert [term["recorded"] for term in terms] == [True, False, False]


def test_csto_projection_from_a_named_chair_beyond_the_record():
    # given: the chair of 2026 named on the command line, listing from 2027
    # when
    terms = rotation("csto", "--from", "2027-01-01", "--after", "RUS", "--count", "3")

    # then
    assert chairs(terms) == ["TJK", "BLR", "KAZ"]


def test_csto_a_recorded_term_in_force_wins_over_after():
    # given: the record says Tajikistan chaired on 1 January 2021 [S96]; --after says otherwise
    # when
    terms = rotation("csto", "--from", "2021-01-01", "--after", "KGZ", "--count", "2")

    # then
    assert spans(terms) == [
        ("2020-12-02", "2021-09-16", "TJK"),
        ("2021-09-16", "2022-11-23", "ARM"),
    ]


def test_csto_a_member_rejoining_takes_its_turn_again(tmp_path):
    # given: a hypothetical return of Uzbekistan to full participation in 2027
    members = tmp_path / "members.csv"
    members.write_text("from,to,state\n2027-01-01,,UZB\n", encoding="utf-8")

    # when
    terms = rotation("csto", "--from", "2026-01-01", "--count", "3", "--members", str(members))

    # then: Узбекистан follows Таджикистан
    assert chairs(terms) == ["RUS", "TJK", "UZB"]


# ------------------------------------------------------------------------ ASEAN

# Chairs 2001-2027: the Cambodian MFA calendar-year list to 2016 and news reports for
# 2017-2025 (charter asean.yaml), the deviations of rules-facts §4 (Myanmar gives up 2006,
# Indonesia-Brunei swap 2011/2013, Myanmar-Lao PDR swap 2014/2016, Thailand for 2008 and 2009,
# Myanmar skips 2026), and Singapore in 2027 (Singapore MFA, 24 September 2025, rules-facts §4).
ASEAN_2001_2027 = years(
    2001,
    "BRN KHM IDN LAO MYS PHL SGP THA THA VNM IDN KHM BRN MMR MYS LAO PHL SGP THA VNM BRN KHM "
    "IDN LAO MYS PHL SGP",
)


def merged_thailand(terms: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The record keeps Thailand's 2008 and 2009 as one term, 2008-01-01 to 2010-01-01."""
    index = terms.index(("2008-01-01", "2009-01-01", "THA"))
    assert terms[index + 1] == ("2009-01-01", "2010-01-01", "THA")
    return [*terms[:index], ("2008-01-01", "2010-01-01", "THA"), *terms[index + 2 :]]


def test_asean_projection_after_singapore_2000_gives_the_real_chairs_2001_to_2027():
    # when: the brief's command
    terms = rotation("asean", "--from", "2001-01-01", "--after", "SGP", "--count", "27")

    # then: 26 terms for 2001-2027 (2008-2009 is one term), then Thailand in 2028 by the order
    assert spans(terms[:26]) == merged_thailand(ASEAN_2001_2027)
    assert spans(terms[26:]) == [("2028-01-01", "2029-01-01", "THA")]
    # the record wins through 2026; Singapore 2027 and Thailand 2028 are projections
    assert [term["recorded"] for term in terms] == [True] * 25 + [False, False]


def test_asean_rule_and_overrides_alone_reproduce_the_real_chairs(tmp_path):
    # given: the charter without its recorded chairmanships, so that only Art. 31's
    # alphabetical order and the overrides say who chairs (the hand check in asean.yaml)
    text = (CHARTERS / "asean.yaml").read_text(encoding="utf-8")
    bare = tmp_path / "asean.yaml"
    bare.write_text(text[: text.index("\nchairmanships:")] + "\n", encoding="utf-8")

    # when
    terms = rotation(bare, "--from", "2001-01-01", "--after", "SGP", "--count", "27")

    # then: every year 2001-2027 as it happened, with the reason of each deviation
    assert spans(terms) == ASEAN_2001_2027
    assert not any(term["recorded"] for term in terms)
    reasons = {term["start"][:4]: term["reason"] for term in terms if term["reason"]}
    assert sorted(reasons) == ["2001", "2006", "2009", "2011", "2013", "2014", "2016", "2026"]
    assert "Myanmar gave up its turn" in reasons["2006"]
    assert "43rd ASEAN Summit" in reasons["2026"]


def test_asean_without_after_continues_from_the_record():
    # given: Lao PDR 2024, Malaysia 2025, the Philippines 2026 in the record (rules-facts §4)
    # when
    terms = rotation("asean", "--from", "2024-06-01", "--count", "4")

    # then: the term containing --from first; Singapore 2027, then Thailand by the order
    assert spans(terms) == years(2024, "LAO MYS PHL SGP")
    assert [term["recorded"] for term in terms] == [True, True, True, False]


def test_asean_text_output_is_one_line_per_term():
    # when
    out = StringIO()
    call_command(
        "rotation", str(CHARTERS / "asean.yaml"), "--from", "2026-01-01", "--count", "2", stdout=out
    )

    # then
    assert out.getvalue().splitlines() == [
        "2026-01-01  2027-01-01  PHL",
        "2027-01-01  2028-01-01  SGP",
    ]


# ------------------------------------------------------------------------ SCO


def test_sco_recorded_chairmanships_summit_to_summit():
    # given: India from Samarkand, 16 September 2022; Kazakhstan from New Delhi, 4 July 2023;
    # China from Astana, 4 July 2024; Kyrgyzstan from Tianjin, 1 September 2025 (rules-facts
    # §5; sco.yaml)
    # when
    terms = rotation("sco", "--from", "2022-09-16", "--count", "4")

    # then: the last term's end is the next summit, not known yet
    assert spans(terms) == [
        ("2022-09-16", "2023-07-04", "IND"),
        ("2023-07-04", "2024-07-04", "KAZ"),
        ("2024-07-04", "2025-09-01", "CHN"),
        ("2025-09-01", None, "KGZ"),
    ]


def test_sco_projection_follows_the_russian_alphabet_with_unknown_dates():
    # given: after Кыргызстан comes Пакистан (sco.yaml: "The next turn by the order, after
    # Kyrgyzstan, would be Pakistan"), then Россия, Таджикистан, Узбекистан, Беларусь, Индия,
    # Иран, Казахстан, Китай (rules-facts §5)
    # when
    terms = rotation("sco", "--from", "2025-09-01", "--count", "11")

    # then
    assert chairs(terms) == [
        "KGZ", "PAK", "RUS", "TJK", "UZB", "BLR", "IND", "IRN", "KAZ", "CHN", "KGZ",
    ]  # fmt: skip
    assert all(term["start"] is None and term["end"] is None for term in terms[1:])


def test_sco_undated_text_output_shows_question_marks():
    # when
    out = StringIO()
    call_command(
        "rotation", str(CHARTERS / "sco.yaml"), "--from", "2025-09-01", "--count", "2", stdout=out
    )

    # then
    assert out.getvalue().splitlines() == ["2025-09-01  ?  KGZ", "?  ?  PAK"]


def test_sco_projection_does_not_depend_on_the_day_the_list_starts():
    # when: the same future terms, listed from 2022 and from 2025
    from_2022 = rotation("sco", "--from", "2022-09-16", "--count", "11")
    from_2025 = rotation("sco", "--from", "2025-09-01", "--count", "8")

    # then
    assert chairs(from_2022)[3:] == chairs(from_2025)


# ------------------------------------------------------------------------ UN Security Council


def test_unsc_presidencies_of_2021():
    # given: Dec 2020 South Africa, Jan 2021 Tunisia, Dec 2021 Niger (rules-facts §1.2); the
    # months between follow rule 18 (UN SC presidency page, un.org/en/sc/presidency)
    # when
    terms = rotation("unsc", "--from", "2021-01-01", "--count", "12")

    # then
    assert spans(terms) == months(2021, "TUN GBR USA VNM CHN EST FRA IND IRL KEN MEX NER")
    assert [term["recorded"] for term in terms] == [True] + [False] * 10 + [True]


def test_unsc_december_2023_ecuador_then_january_2024_france_passing_over_algeria():
    # given: rules-facts §1.2 and §1.3: Algeria, a 2024 member, was passed over
    # when
    terms = rotation("unsc", "--from", "2023-12-01", "--count", "2")

    # then
    assert spans(terms) == [
        ("2023-12-01", "2024-01-01", "ECU"),
        ("2024-01-01", "2024-02-01", "FRA"),
    ]


def test_unsc_the_rule_alone_passes_over_algeria_in_january_2024(tmp_path):
    # given: the charter without its recorded presidencies, Ecuador named as December 2023's
    # (rules-facts §1.2: "the list goes on from the next name in alphabetical order among the
    # new membership")
    text = (CHARTERS / "unsc.yaml").read_text(encoding="utf-8")
    bare = tmp_path / "unsc.yaml"
    bare.write_text(text[: text.index("\nchairmanships:")] + "\n", encoding="utf-8")

    # when
    terms = rotation(bare, "--from", "2024-01-01", "--after", "ECU", "--count", "13")

    # then: France in January, no Algeria in 2024, Algeria in January 2025
    assert chairs(terms) == [
        "FRA", "GUY", "JPN", "MLT", "MOZ", "KOR", "RUS", "SLE", "SVN", "CHE", "GBR", "USA", "DZA",
    ]  # fmt: skip


def test_unsc_december_2024_united_states_then_january_2025_algeria():
    # given: rules-facts §1.2
    # when
    terms = rotation("unsc", "--from", "2024-12-01", "--count", "2")

    # then
    assert spans(terms) == [
        ("2024-12-01", "2025-01-01", "USA"),
        ("2025-01-01", "2025-02-01", "DZA"),
    ]


def test_unsc_presidencies_of_2024_and_2025():
    # given: France January 2024 ... United States December 2024, Algeria January 2025 ...
    # Slovenia December 2025 (rules-facts §1.2 for the four recorded months; the others by
    # rule 18, as on the UN SC presidency page, un.org/en/sc/presidency)
    # when
    terms = rotation("unsc", "--from", "2024-01-01", "--count", "24")

    # then
    assert spans(terms) == months(2024, "FRA GUY JPN MLT MOZ KOR RUS SLE SVN CHE GBR USA") + months(
        2025, "DZA CHN DNK FRA GRC GUY PAK PAN KOR RUS SLE SVN"
    )


def test_unsc_a_hypothetical_membership_from_a_members_file(tmp_path):
    # given: the elected members of 2026 as they are, then a hypothetical 2027-2028 intake (not
    # a prediction): Austria, Germany, Kyrgyzstan, Lithuania, Zimbabwe. Over the days the file
    # covers it gives the whole elected membership; Liberia presides in December 2026.
    seats = {
        ("2026-01-01", "2027-01-01"): ("DNK", "GRC", "PAK", "PAN", "SOM"),
        ("2026-01-01", "2028-01-01"): ("BHR", "COL", "COD", "LVA", "LBR"),
        ("2027-01-01", "2029-01-01"): ("AUT", "DEU", "KGZ", "LTU", "ZWE"),
    }
    members = tmp_path / "members.csv"
    members.write_text(
        "from,to,state\n"
        + "".join(
            f"{start},{end},{state}\n" for (start, end), states in seats.items() for state in states
        ),
        encoding="utf-8",
    )

    # when
    terms = rotation("unsc", "--from", "2026-12-01", "--count", "13", "--members", str(members))

    # then: Lithuania comes right after Liberia in January; Austria waits for the wrap to A
    assert chairs(terms) == [
        "LBR", "LTU", "RUS", "GBR", "USA", "ZWE", "AUT", "BHR", "CHN", "COL", "COD", "FRA", "DEU",
    ]  # fmt: skip
    assert "KGZ" not in chairs(terms)


# ------------------------------------------------------------------------ EU and OSCE


def test_eu_presidencies_from_the_record():
    # given: Decision (EU) 2016/1316 as read in eu-council.yaml [E4]; Croatia from 1 January
    # 2020 and Cyprus from 1 January 2026 in news [E9]
    # when
    terms = rotation("eu-council", "--from", "2020-01-01", "--count", "14")

    # then
    order = ("HRV", "DEU", "PRT", "SVN", "FRA", "CZE", "SWE", "ESP", "BEL", "HUN", "POL", "DNK")
    order += ("CYP", "IRL")
    halves = [f"{2020 + index // 2}-{'01' if index % 2 == 0 else '07'}-01" for index in range(15)]
    assert spans(terms) == [
        (halves[index], halves[index + 1], state) for index, state in enumerate(order)
    ]
    assert all(term["recorded"] for term in terms)


def test_eu_order_beyond_the_record_is_not_guessed():
    # given: the order is fixed by a Council decision, not by the alphabet [E4]
    # when / then
    with pytest.raises(CommandError, match="no rule of rotation says who chairs"):
        rotation("eu-council", "--from", "2027-01-01", "--count", "1")


def test_osce_chairmanships_from_the_record():
    # given: Albania 2020 ... Switzerland 2026 (osce.yaml [O13])
    # when
    terms = rotation("osce", "--from", "2020-01-01", "--count", "7")

    # then
    assert spans(terms) == years(2020, "ALB SWE POL MKD MLT FIN CHE")


def test_osce_beyond_the_record_fails_with_a_clear_message():
    # given: the Chairmanship is elected each year; the record ends with Switzerland, 2026
    # when / then
    with pytest.raises(CommandError) as caught:
        rotation("osce", "--from", "2020-01-01", "--count", "8")
    assert str(caught.value) == (
        "no rule of rotation says who chairs after the record's last term (which ends on "
        "2027-01-01)"
    )


def test_osce_beyond_the_record_exits_1_from_the_console_script():
    # when
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "secretariat"),
            "rotation",
            str(CHARTERS / "osce.yaml"),
            "--from",
            "2027-01-01",
            "--count",
            "1",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "SECRET_KEY": "tests-only"},
        check=False,
        timeout=120,
    )

    # then
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "which ends on 2027-01-01" in result.stderr
