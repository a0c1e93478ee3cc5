"""Logging in and out, the header that says who is logged in, and the language switch."""

from __future__ import annotations

import pytest

from tests.factories import PERSONAS


def test_login_page_warns_about_the_demo_accounts(client, dushanbe):
    # when
    response = client.get("/accounts/login/")

    # then
    assert response.status_code == 200
    html = response.content.decode()
    assert "Demo installations have accounts admin, officer" in html
    assert "never use them outside a demo" in html


def test_logging_in_with_a_password_shows_the_user_and_roles(client, dushanbe):
    # given
    user = dushanbe.users["armenia_delegate"]
    user.set_password("demo")
    user.save(update_fields=["password"])

    # when
    response = client.post(
        "/accounts/login/",
        {"username": "arm-delegate", "password": "demo", "next": "/csto/"},
        follow=True,
    )

    # then
    assert response.redirect_chain == [("/csto/", 302)]
    html = response.content.decode()
    assert "Logged in as <strong>arm-delegate</strong>" in html
    assert "delegation member (Armenia), CSTO" in html


def test_a_wrong_password_is_refused(client, dushanbe):
    # when
    response = client.post("/accounts/login/", {"username": "arm-delegate", "password": "x"})

    # then
    assert response.status_code == 200
    assert "did not match" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("secretariat_officer", "secretariat officer, CSTO"),
        ("secretariat_administrator", "secretariat administrator, CSTO"),
        ("armenia_head", "head of delegation (Armenia), CSTO"),
        ("kazakhstan_delegate", "delegation member (Kazakhstan), CSTO"),
    ],
)
def test_header_names_the_user_and_their_roles(fetch, persona, expected):
    # when
    html = fetch("/csto/", persona).content.decode()

    # then
    assert f"Logged in as <strong>{PERSONAS[persona][0]}</strong>" in html
    assert expected in html
    assert 'action="/accounts/logout/"' in html


def test_header_offers_the_public_to_log_in(fetch):
    # when
    html = fetch("/csto/bodies/csc/").content.decode()

    # then
    assert 'href="/accounts/login/?next=/csto/bodies/csc/"' in html
    assert "Logged in as" not in html


def test_logging_out_is_a_post(client, dushanbe):
    # given
    client.force_login(dushanbe.users["secretariat_officer"])

    # when
    response = client.post("/accounts/logout/")

    # then
    assert response.status_code == 302
    assert "Logged in as" not in client.get("/csto/").content.decode()


def test_the_language_switch_changes_the_language_of_the_pages(client, dushanbe):
    # given
    html = client.get("/csto/").content.decode()
    assert 'name="language" value="ru"' in html

    # when
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/csto/"}, follow=True)

    # then
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Организация Договора о коллективной безопасности" in html
