"""The demo in a real headless Chromium: what the public and a delegation see, in two languages."""

import pytest

DRAFT_TITLE = (
    "Declaration of the Collective Security Council of the Collective Security Treaty Organization"
    " (draft)"
)
STATEMENT_TITLE = 'Joint statement of the CSTO member states "On the situation in Afghanistan"'


@pytest.mark.django_db(transaction=True)
def test_the_public_sees_published_statements_but_not_the_restricted_draft(demo_site, page):
    # when
    page.goto(f"{demo_site}/csto/documents/")
    # then
    body = page.locator("body").inner_text()
    assert STATEMENT_TITLE in body
    assert DRAFT_TITLE not in body
    response = page.goto(f"{demo_site}/csto/documents/declaration-csc-2021-draft/")
    assert response is not None
    assert response.status == 404


@pytest.mark.django_db(transaction=True)
def test_a_delegate_logs_in_sees_the_draft_and_reads_it_in_russian(demo_site, page):
    # given: Armenia's delegate logs in through the form
    page.goto(f"{demo_site}/accounts/login/")
    page.fill("input[name=username]", "arm-delegate")
    page.fill("input[name=password]", "demo")
    with page.expect_navigation():
        page.click("form.form [type=submit]")
    # when
    page.goto(f"{demo_site}/csto/documents/")
    # then
    assert DRAFT_TITLE in page.locator("body").inner_text()
    # when: the delegate switches the site to Russian
    with page.expect_navigation():
        page.click("button[name=language][value=ru]")
    page.goto(f"{demo_site}/csto/documents/declaration-csc-2021-draft/")
    # then
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Декларация Совета коллективной безопасности" in page.locator("h1").inner_text()


@pytest.mark.django_db(transaction=True)
def test_the_joint_meeting_page_shows_the_report_s_content(demo_site, page):
    # when
    page.goto(f"{demo_site}/csto/sessions/cfm-cdm-cssc-2021-09-15/")
    # then
    text = page.locator("body").inner_text()
    for expected in (
        "Council of Foreign Ministers",
        "Council of Defence Ministers",
        "Committee of Secretaries of Security Councils",
        "Sirojiddin Muhriddin",
        "Stanislav Zas",
        "Republic of Armenia",
        "On the agenda of the session of the Collective Security Council of 16 September 2021",
        STATEMENT_TITLE,
    ):
        assert expected in text, expected
    assert DRAFT_TITLE not in text
