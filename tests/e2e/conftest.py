"""Browser tests drive Debian's Chromium (``/usr/bin/chromium``) through Playwright.

`.ci/run` installs it; on a developer machine without it these tests are skipped, never in CI.
Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are
# still made synchronously, between browser steps, never from the loop.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if os.path.exists(CHROMIUM) or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (CI installs it)")
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(skip)


@pytest.fixture
def demo_site(live_server: Any, settings: Any) -> str:
    """The demo database behind a live server reached over plain http on loopback."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    with open(os.devnull, "w") as quiet:
        call_command("demo", "--no-serve", stdout=quiet)
    return str(live_server.url)


@pytest.fixture
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Any:
    return chromium.new_context(locale="en-GB").new_page()
