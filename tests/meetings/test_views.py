"""The session page, through HTTP, in both languages."""

from __future__ import annotations

import pytest

JOINT = "/csto/sessions/2021-09-15-joint/"
COUNCIL = "/csto/sessions/2021-09-16-csc/"

# Organization, session (with its states, chair, handover and agenda), bodies, requesting
# states, officials and their offices, the chair's offices, attendance and the heads' offices,
# the agenda's approving bodies, items, their visible documents and those documents' texts,
# agendas approved at the session, documents adopted there and their texts; the delegations'
# members, and the member states on the day (for the quorum).
SESSION_PAGE_QUERIES = 18
#: A logged-in user also costs the check that shows the credentials form to the secretariat.
SECRETARIAT_CHECK = 1
# A logged-in user adds the session, the user, and the user's roles shown in the header.
LOGGED_IN = 3
#: The secretariat, on a session held where no chairmanship was handed over yet, also gets the
#: handover form, which lists the states taking part that day (one query).
HANDOVER_FORM = 1


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Joint meeting of the CFM, CDM and CSSC",
                "Joint session",
                "Council of Foreign Ministers",
                "Council of Defence Ministers",
                "Committee of Secretaries of Security Councils",
                "Dushanbe",
                "Republic of Tajikistan",
                "Sept. 15, 2021",
                "Sirojiddin Muhriddin",
                "Minister of Foreign Affairs of the Republic of Tajikistan",
                "Stanislav Zas",
                "Secretary General of the CSTO",
                "Ararat Mirzoyan",
                "Minister of Foreign Affairs of the Republic of Armenia",
                "The councils approved the agenda of the Collective Security Council.",
                "On the situation in Afghanistan",
                "General agreement on the draft declaration",
            ],
        ),
        (
            "ru",
            [
                "Совместное заседание СМИД, СМО и КССБ",
                "Совет министров иностранных дел",
                "Душанбе",
                "Республика Таджикистан",
                "15 сентября 2021",
                "Сироджиддин Мухриддин",
                "Станислав Зась",
                "Генеральный секретарь ОДКБ",
                "Арарат Мирзоян",
                "Советы утвердили повестку дня Совета коллективной безопасности.",
                "О положении в Афганистане",
                "Достигнуто общее согласие по проекту декларации",
            ],
        ),
    ],
)
def test_session_page_speaks_the_visitors_language(fetch, language, expected):
    # when
    response = fetch(JOINT, language=language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_session_page_gives_officials_the_office_they_held_on_the_day(fetch):
    # when
    html = fetch(JOINT).content.decode()

    # then: Zas was Secretary General in 2021, no longer State Secretary of Belarus
    assert "Secretary General of the CSTO" in html
    assert "State Secretary of the Security Council of Belarus" not in html


def test_session_page_shows_attendance_by_delegation(fetch):
    # when
    html = fetch(COUNCIL).content.decode()

    # then
    attendance = html.split('id="attendance-heading"', 1)[1].split("</section>", 1)[0]
    assert "Russian Federation" in attendance
    assert "present by video link" in attendance


def test_session_page_numbers_agenda_items_with_their_results(fetch):
    # when
    html = fetch(JOINT).content.decode()

    # then
    agenda = html.split('id="agenda-heading"', 1)[1].split("</section>", 1)[0]
    assert '<li value="1"' in agenda
    assert '<li value="2"' in agenda
    assert "general agreement reached" in agenda
    assert ">adopted<" in agenda
    assert 'href="/csto/documents/2021-afghanistan-statement/"' in agenda


def test_session_page_says_where_and_when_its_agenda_was_approved(fetch):
    # when
    html = fetch(COUNCIL).content.decode()

    # then
    agenda = html.split('id="agenda-heading"', 1)[1].split("</section>", 1)[0]
    assert "Approved by CFM, CDM, CSSC on Sept. 15, 2021" in agenda
    assert f'href="{JOINT}"' in agenda


def test_session_page_lists_the_agendas_approved_there_for_other_sessions(fetch):
    # when
    html = fetch(JOINT).content.decode()

    # then
    approved = html.split('id="approved-heading"', 1)[1].split("</section>", 1)[0]
    assert "Session of the Collective Security Council" in approved
    assert f'href="{COUNCIL}"' in approved
    assert f'href="{JOINT}"' not in approved


def test_session_page_announces_the_chairmanship_handed_over(fetch):
    # when
    html = fetch(COUNCIL).content.decode()

    # then
    assert "Chairmanship handed over" in html
    assert "Republic of Armenia" in html
    assert "from Jan. 1, 2022 until Jan. 1, 2023" in html
    assert "Strengthening the crisis response system" in html


def test_session_page_lists_documents_adopted_there(fetch):
    # when
    html = fetch(JOINT).content.decode()

    # then
    adopted = html.split('id="adopted-heading"', 1)[1].split("</section>", 1)[0]
    assert "On the situation in Afghanistan" in adopted
    assert "under item 2" in adopted


def test_a_session_of_one_body_is_not_called_joint(fetch):
    # when
    html = fetch(COUNCIL).content.decode()

    # then
    assert "Joint session" not in html


def test_unknown_session_is_not_found(fetch):
    # when
    response = fetch("/csto/sessions/2099-01-01-csc/")

    # then
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, 0),
        ("secretariat_officer", LOGGED_IN + SECRETARIAT_CHECK + HANDOVER_FORM),
        ("armenia_delegate", LOGGED_IN + SECRETARIAT_CHECK),
        ("kazakhstan_delegate", LOGGED_IN + SECRETARIAT_CHECK),
    ],
)
def test_session_page_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra):
    assert_constant_queries(JOINT, SESSION_PAGE_QUERIES + extra, persona)


#: The agenda page: the organization, the session (with what it selects), its items, their
#: documents and the documents' texts.
AGENDA_PAGE_QUERIES = 5
#: The secretariat's forms: the drafts it may put on the agenda (with their texts), the sessions
#: that may have approved it, and the organization's bodies.
AGENDA_FORMS = 4


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, 0),
        ("secretariat_officer", LOGGED_IN + SECRETARIAT_CHECK + AGENDA_FORMS),
        ("armenia_delegate", LOGGED_IN + SECRETARIAT_CHECK),
    ],
)
def test_agenda_page_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra):
    assert_constant_queries(
        "/csto/sessions/2021-09-16-csc/agenda/", AGENDA_PAGE_QUERIES + extra, persona
    )
