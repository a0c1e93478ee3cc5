"""Logging in and out, the header that says who is logged in, and the language switch."""

from __future__ import annotations

import pytest

from secretariat.accounts.throttle import FAILURES_ALLOWED
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
    assert "Please enter a correct" in response.content.decode()


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


# ------------------------------------------------------------------------ login throttling


@pytest.fixture
def passwords(dushanbe):
    """Give the delegates and the administrator the password demo."""
    for persona in ("armenia_delegate", "kazakhstan_delegate", "secretariat_administrator"):
        user = dushanbe.users[persona]
        user.set_password("demo")
        user.save(update_fields=["password"])


def log_in(client, password: str, *, username: str = "arm-delegate", address: str = "10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_after_five_failures_even_the_right_password_is_refused_for_a_while(client, passwords):
    # given: five wrong passwords for one user name from one address
    for _ in range(FAILURES_ALLOWED):
        assert log_in(client, "wrong").status_code == 200

    # when: the right one
    response = log_in(client, "demo")

    # then: refused, with a clear message and 429, and not logged in
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_throttle_counts_per_user_name_and_per_address(client, passwords):
    # given: arm-delegate locked out from 10.0.0.1
    for _ in range(FAILURES_ALLOWED):
        log_in(client, "wrong")

    # when: another user from the same address, and the same user from another address
    other_user = log_in(client, "demo", username="kaz-delegate")
    client.logout()
    other_address = log_in(client, "demo", address="10.0.0.2")

    # then: both log in
    assert other_user.status_code == 302
    assert other_address.status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, passwords):
    # given: four failures, then a success
    for _ in range(FAILURES_ALLOWED - 1):
        log_in(client, "wrong")
    assert log_in(client, "demo").status_code == 302
    client.logout()

    # when: four more failures
    for _ in range(FAILURES_ALLOWED - 1):
        log_in(client, "wrong")

    # then: not locked out yet
    assert log_in(client, "demo").status_code == 302


def test_the_throttle_message_is_in_russian_for_a_russian_reader(client, passwords):
    # given
    for _ in range(FAILURES_ALLOWED):
        log_in(client, "wrong")

    # when
    response = client.post(
        "/accounts/login/",
        {"username": "arm-delegate", "password": "demo"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_ACCEPT_LANGUAGE="ru",
    )

    # then
    assert response.status_code == 429
    assert "Слишком много неудачных попыток" in response.content.decode()


def test_the_admin_login_is_throttled_too(client, passwords):
    # given
    for _ in range(FAILURES_ALLOWED):
        client.post(
            "/admin/login/", {"username": "admin", "password": "wrong"}, REMOTE_ADDR="10.0.0.9"
        )

    # when
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "demo"}, REMOTE_ADDR="10.0.0.9"
    )

    # then
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
