"""Fixtures shared by the whole suite.

The environment the settings need (a throwaway ``SECRET_KEY``, a temporary
``SECRETARIAT_HOME`` so no developer's ``.env`` is read) is set earlier than this
file can, by the ``secretariat_env`` plugin in ``tests/plugins/``: pytest-django
imports the settings before any conftest is loaded.
"""

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client
from django.utils import translation

from tests.factories import Dushanbe, FollowUp, build_dushanbe, build_follow_up, grow


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hash test passwords cheaply: the demo alone creates 16 accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language():
    """A test that switches the language (a page in Russian) must not leak it into the next."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _each_test_starts_with_an_empty_cache():
    """Failed logins are counted in the cache: one test's failures must not lock out the next."""
    yield
    cache.clear()


# ----------------------------------------------------------------------------- web pages

#: How many rows of each kind ``assert_constant_queries`` adds before its second count.
GROWTH = 6


@pytest.fixture
def dushanbe(db: None) -> Dushanbe:
    """The CSTO with its Dushanbe meetings of September 2021, documents and personas."""
    return build_dushanbe()


@pytest.fixture
def follow_up(dushanbe: Dushanbe) -> FollowUp:
    """Two decisions of the Council (one restricted, kept from Kazakhstan) and a plan until
    2025, with instructions to states, a body and the secretariat."""
    return build_follow_up(dushanbe)


@pytest.fixture
def fetch(client: Client, dushanbe: Dushanbe) -> Callable[..., HttpResponse]:
    """GET a page as a persona (``None``: the public) in a language."""

    def get(url: str, persona: str | None = None, language: str = "en") -> HttpResponse:
        client.logout()
        if persona is not None:
            client.force_login(dushanbe.users[persona])
        response: HttpResponse = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        return response

    return get


@pytest.fixture
def assert_constant_queries(
    client: Client, dushanbe: Dushanbe, django_assert_num_queries: Callable[..., object]
) -> Callable[..., None]:
    """Check a page runs exactly ``expected`` queries, before and after ``grow`` adds rows."""

    def check(url: str, expected: int, persona: str | None = None) -> None:
        client.logout()
        if persona is not None:
            client.force_login(dushanbe.users[persona])
        for size in ("small", "large"):
            if size == "large":
                grow(dushanbe, GROWTH)
            with django_assert_num_queries(expected):
                response = client.get(url)
            assert response.status_code == 200, f"{size}: {response.status_code}"

    return check
