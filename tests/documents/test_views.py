"""The document list and document pages, through HTTP, in both languages."""

from __future__ import annotations

import pytest

from secretariat.documents.models import DocumentText
from tests.factories import grow

LIST = "/csto/documents/"
STATEMENT = "/csto/documents/2021-afghanistan-statement/"
DRAFT = "/csto/documents/2021-csc-declaration-draft/"

# Organization, document (with the session and agenda item it was adopted at), texts,
# issuing bodies, states distributed to, sponsors, its history, the states that joined it
# later, its adoption procedures, relations from it and to it with the other documents' texts.
DOCUMENT_PAGE_QUERIES = 13
#: A logged-in user costs the check whether the user works for the secretariat, once.
SECRETARIAT_CHECK = 1
#: The secretariat's forms list the member states.
SECRETARIAT_FORMS = 1
# Organization, count for the pager, documents, their texts, their issuing bodies.
DOCUMENT_LIST_QUERIES = 5
# A logged-in user adds the session, the user, and the user's roles shown in the header.
LOGGED_IN = 3


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                '<html lang="en">',
                "<title>On the situation in Afghanistan",
                "joint statement",
                "Council of Foreign Ministers",
                "published",
                "public",
                "Republic of Kazakhstan",
                "Sept. 15, 2021",
                "Joint meeting of the CFM, CDM and CSSC",
                "agenda item 2: On the situation in Afghanistan",
                "The foreign ministers discussed the situation.<br>They agreed to act together.",
            ],
        ),
        (
            "ru",
            [
                '<html lang="ru">',
                "<title>О положении в Афганистане",
                "Совет министров иностранных дел",
                "Республика Казахстан",
                "15 сентября 2021",
                "Совместное заседание СМИД, СМО и КССБ",
                "Министры обсудили положение.<br>Они договорились действовать сообща.",
            ],
        ),
    ],
)
def test_document_page_speaks_the_visitors_language(fetch, language, expected):
    # when
    response = fetch(STATEMENT, language=language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_document_page_links_the_session_and_item_it_was_adopted_at(fetch):
    # when
    html = fetch(STATEMENT).content.decode()

    # then
    assert 'href="/csto/sessions/2021-09-15-joint/"' in html
    assert 'href="/csto/bodies/cfm/"' in html


def test_document_page_marks_translations_and_summaries(fetch, dushanbe):
    # given
    DocumentText.objects.create(
        document=dushanbe.statement,
        language="hy",
        title="Աֆղանստանում իրավիճակի մասին",
        body="A press summary.",
        is_summary=True,
        is_translation=True,
        source="https://example.org/press-release",
    )

    # when
    html = fetch(STATEMENT).content.decode()

    # then
    texts = html.split('id="texts-heading"', 1)[1]
    russian = texts.split('lang="ru"', 1)[1].split("</article>", 1)[0]
    english = texts.split('lang="en"', 1)[1].split("</article>", 1)[0]
    armenian = texts.split('lang="hy"', 1)[1].split("</article>", 1)[0]
    assert "Unofficial translation" not in russian
    assert "Summary, not the full text" not in russian
    assert "Unofficial translation" in english
    assert "Summary, not the full text" in armenian
    assert 'href="https://example.org/press-release"' in armenian


@pytest.mark.parametrize(
    ("url", "persona", "expected"),
    [
        (STATEMENT, "secretariat_officer", "This document refers to"),
        (DRAFT, "secretariat_officer", "This document is referred to by"),
        (DRAFT, "armenia_delegate", "On the situation in Afghanistan"),
    ],
)
def test_document_page_shows_relations_in_both_directions(fetch, url, persona, expected):
    # when
    html = fetch(url, persona).content.decode()

    # then
    relations = html.split('id="relations-heading"', 1)[1].split("</section>", 1)[0]
    assert expected in relations


def test_document_page_leaves_out_related_documents_the_user_may_not_see(fetch):
    # when
    html = fetch(STATEMENT).content.decode()

    # then
    assert "Collective Security Strategy for the period up to 2025" in html
    assert "Draft Declaration of the Collective Security Council" not in html
    assert DRAFT not in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["On the situation in Afghanistan", "joint statement", "published", "CFM"]),
        ("ru", ["О положении в Афганистане", "СМИД", "15 сентября 2021"]),
    ],
)
def test_document_list_shows_kind_status_and_issuing_bodies(fetch, language, expected):
    # when
    response = fetch(LIST, language=language)

    # then
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_document_list_pages_through_many_documents(fetch, dushanbe):
    # given
    grow(dushanbe, 30)

    # when
    first = fetch(LIST, "secretariat_officer").content.decode()
    second = fetch(f"{LIST}?page=2", "secretariat_officer").content.decode()

    # then
    assert "Page 1 of 2" in first
    assert 'rel="next"' in first
    assert "Page 2 of 2" in second


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, 0),
        ("secretariat_officer", LOGGED_IN + SECRETARIAT_CHECK + SECRETARIAT_FORMS),
        ("armenia_delegate", LOGGED_IN + SECRETARIAT_CHECK),
        ("kazakhstan_delegate", LOGGED_IN + SECRETARIAT_CHECK),
    ],
)
def test_document_page_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra):
    assert_constant_queries(STATEMENT, DOCUMENT_PAGE_QUERIES + extra, persona)


@pytest.mark.parametrize(
    ("persona", "extra"),
    [
        (None, 0),
        ("secretariat_officer", LOGGED_IN + SECRETARIAT_CHECK),
        ("armenia_delegate", LOGGED_IN + SECRETARIAT_CHECK),
    ],
)
def test_document_list_runs_a_fixed_number_of_queries(assert_constant_queries, persona, extra):
    assert_constant_queries(LIST, DOCUMENT_LIST_QUERIES + extra, persona)
