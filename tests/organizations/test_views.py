"""The organization and body pages, through HTTP, in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from secretariat.organizations.models import MembershipPeriod
from secretariat.rules.participation import ParticipationStatus
from tests.factories import add_state, en_ru

# Queries per page: organization, states, bodies, current chairmanship, sessions, their bodies;
# for the next chairmanships: the states with their periods, and the recorded chairmanships.
ORGANIZATION_PAGE_QUERIES = 9
# Organization, body (with whom it reports to), subordinates, sessions, their bodies.
BODY_PAGE_QUERIES = 5
# A logged-in user adds the session, the user, and the user's roles shown in the header.
LOGGED_IN = 3


def test_site_root_redirects_to_the_default_organization(client, settings):
    # given
    settings.SECRETARIAT_DEFAULT_ORGANIZATION = "csto"

    # when
    response = client.get("/")

    # then
    assert response.status_code == 302
    assert response["Location"] == "/csto/"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                '<html lang="en">',
                "Collective Security Treaty Organization",
                "Republic of Armenia",
                "Council of Foreign Ministers",
                "Heads of the member states",
                "Russian Federation",
                "Collective security in Eurasia",
                "Joint meeting of the CFM, CDM and CSSC",
                "Sept. 15, 2021",
            ],
        ),
        (
            "ru",
            [
                '<html lang="ru">',
                "Организация Договора о коллективной безопасности",
                "Республика Армения",
                "Совет министров иностранных дел",
                "Главы государств-членов",
                "Российская Федерация",
                "Коллективная безопасность в Евразии",
                "Совместное заседание СМИД, СМО и КССБ",
                "15 сентября 2021",
            ],
        ),
    ],
)
def test_organization_page_speaks_the_visitors_language(fetch, language, expected):
    # when
    response = fetch("/csto/", language=language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_organization_page_lists_every_state_with_its_status_today(fetch, dushanbe):
    # given
    csto = dushanbe.organization
    add_state(
        csto,
        "SRB",
        en_ru("Republic of Serbia", "Республика Сербия"),
        status=ParticipationStatus.OBSERVER,
    )
    add_state(csto, "AFG", en_ru("Afghanistan", "Афганистан"), status=ParticipationStatus.PARTNER)
    frozen = add_state(csto, "XFR", en_ru("Frozenland", "Замороженная"))
    MembershipPeriod.objects.filter(state=frozen).update(end_on=date(2024, 1, 1))
    MembershipPeriod.objects.create(
        state=frozen, status=ParticipationStatus.FROZEN, start_on=date(2024, 1, 1)
    )

    # when
    html = fetch("/csto/").content.decode()

    # then
    rows = {
        name: html.split(name, 1)[1].split("</tr>", 1)[0]
        for name in [
            "Republic of Armenia",
            "Republic of Uzbekistan",
            "Republic of Serbia",
            "Afghanistan",
            "Frozenland",
        ]
    }
    assert ">member<" in rows["Republic of Armenia"]
    assert ">suspended<" in rows["Republic of Uzbekistan"]
    assert ">observer<" in rows["Republic of Serbia"]
    assert ">partner<" in rows["Afghanistan"]
    assert ">participation frozen<" in rows["Frozenland"]


def test_organization_page_nests_bodies_under_the_body_they_report_to(fetch):
    # when
    html = fetch("/csto/").content.decode()

    # then: the councils sit in a list inside the Collective Security Council's item
    bodies = html.split('id="bodies-heading"', 1)[1].split("</section>", 1)[0]
    council = bodies.index("Collective Security Council")
    nested = bodies.index('<ul class="tree">', council)
    assert council < nested < bodies.index("Council of Foreign Ministers")
    assert bodies.index("Council of Foreign Ministers") < bodies.index("Permanent Council")
    assert "ministerial body" in bodies


def test_organization_page_shows_the_chairmanship_in_force_today(fetch, dushanbe):
    # when
    html = fetch("/csto/").content.decode()

    # then
    chairmanship = html.split('id="chairmanship-heading"', 1)[1].split("</section>", 1)[0]
    assert "Russian Federation" in chairmanship
    assert "Republic of Armenia" not in chairmanship


def test_organization_page_shows_the_next_chairmanships_by_the_rotation(fetch, dushanbe):
    # when
    html = fetch("/csto/").content.decode()

    # then: a list of the next chairs follows the chairmanship in force
    chairmanship = html.split('id="chairmanship-heading"', 1)[1].split("</section>", 1)[0]
    assert "Next chairmanships" in chairmanship
    assert chairmanship.count("<li>") == 3


def test_organization_page_links_recent_sessions(fetch):
    # when
    html = fetch("/csto/").content.decode()

    # then
    assert 'href="/csto/sessions/2021-09-15-joint/"' in html
    assert 'href="/csto/sessions/2021-09-16-csc/"' in html


def test_unknown_organization_is_not_found(fetch):
    # when
    response = fetch("/nato/")

    # then
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Collective Security Council",
                "supreme body",
                "Heads of the member states",
                "Council of Foreign Ministers",
                "Decisions",
                "consensus",
                "absent members",
                "block the decision",
                "in session, in writing",
                "Procedural questions",
                "any of the following",
                "2/3",
                "the head of the state hosting the regular session",
                "Session of the Collective Security Council",
            ],
        ),
        (
            "ru",
            [
                "Совет коллективной безопасности",
                "Главы государств-членов",
                "Совет министров иностранных дел",
                "Решения",
                "Процедурные вопросы",
                "Сессия Совета коллективной безопасности",
                "16 сентября 2021",
            ],
        ),
    ],
)
def test_body_page_shows_composition_rules_and_sessions(fetch, language, expected):
    # when
    response = fetch("/csto/bodies/csc/", language=language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_body_page_lists_joint_sessions_and_whom_the_body_reports_to(fetch):
    # when
    html = fetch("/csto/bodies/cfm/").content.decode()

    # then
    assert 'href="/csto/bodies/csc/"' in html
    assert 'href="/csto/sessions/2021-09-15-joint/"' in html
    assert "joint session:" in html
    assert 'href="/csto/sessions/2021-09-16-csc/"' not in html


@pytest.mark.parametrize("url", ["/csto/bodies/nato-council/", "/elsewhere/bodies/csc/"])
def test_unknown_body_is_not_found(fetch, url):
    # when
    response = fetch(url)

    # then
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "extra"),
    [(None, 0), ("armenia_delegate", LOGGED_IN), ("secretariat_officer", LOGGED_IN)],
)
def test_organization_page_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra):
    assert_constant_queries("/csto/", ORGANIZATION_PAGE_QUERIES + extra, persona)


@pytest.mark.parametrize(("persona", "extra"), [(None, 0), ("armenia_head", LOGGED_IN)])
@pytest.mark.parametrize("body", ["csc", "cfm"])
def test_body_page_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra, body):
    assert_constant_queries(f"/csto/bodies/{body}/", BODY_PAGE_QUERIES + extra, persona)
