"""Every member state's head of delegation answers at the same moment, over real HTTP.

The live server is Django's threaded test server on the test database; each head logs in
with a session of their own, reads the procedure page for its CSRF token like a browser,
and then submits the form twice at once (a double click), all states together. PostgreSQL
only: SQLite serialises writers by locking the whole file, which is no test of our locks.
"""

from __future__ import annotations

import re
import threading
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from secretariat.accounts.models import Role
from secretariat.decisions.models import Position, PositionChange
from secretariat.decisions.services import do_open_procedure
from secretariat.documents.models import Document, DocumentStatus
from tests.factories import add_user

DRAFT = "2021-csc-declaration-draft"
MEMBERS = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL; CI runs it"
)


class Browser:
    """One logged-in user's cookies and CSRF token, as a browser keeps them."""

    def __init__(self, base_url: str, user) -> None:
        self.base_url = base_url
        client = Client()
        client.force_login(user)
        self.cookies = {
            settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value
        }
        self.token = ""

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        with urllib.request.urlopen(request) as response:  # noqa: S310 - the live server
            for header in response.headers.get_all("Set-Cookie") or []:
                morsel = SimpleCookie(header)
                self.cookies.update({name: value.value for name, value in morsel.items()})
            return int(response.status), response.read().decode()

    def get(self, path: str) -> str:
        _status, html = self._open(urllib.request.Request(self.base_url + path))  # noqa: S310
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return html

    def post(self, path: str, data: dict[str, str]) -> int:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token}).encode()
        request = urllib.request.Request(  # noqa: S310 - http to the live server
            self.base_url + path, data=body, headers={"Referer": self.base_url + path}
        )
        status, _html = self._open(request)
        return status


@pytest.mark.django_db(transaction=True)
def test_all_heads_answering_at_once_and_twice_each_leave_one_position_per_state(
    live_server, dushanbe
):
    # given: an open vote on the agreed draft; a head of delegation for every member state
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = {"default": {"rule": {"kind": "consensus"}}}
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    Document.objects.get(code=DRAFT).distributed_to.set([dushanbe.states[code] for code in MEMBERS])
    vote = do_open_procedure(
        dushanbe.users["secretariat_officer"], Document.objects.get(code=DRAFT), csc, "default"
    )
    heads = {
        code: dushanbe.users["armenia_head"]
        if code == "ARM"
        else add_user(f"{code.lower()}-head", dushanbe.organization, Role.HEAD_OF_DELEGATION,
                      state=dushanbe.states[code])
        for code in MEMBERS
    }  # fmt: skip
    path = f"/csto/documents/{DRAFT}/procedures/{vote.pk}/"
    browsers = {code: Browser(live_server.url, user) for code, user in heads.items()}
    for browser in browsers.values():
        browser.get(path)
    submissions = [(code, browser) for code, browser in browsers.items() for _twice in (1, 2)]
    barrier = threading.Barrier(len(submissions))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def submit(code: str, browser: Browser) -> None:
        try:
            barrier.wait()
            statuses.append(browser.post(f"{path}positions/", {"state": code, "position": "yes"}))
        except BaseException as error:
            errors.append(error)

    # when: twelve form submissions at the same moment
    threads = [threading.Thread(target=submit, args=submission) for submission in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then: every request answered (the redirect was followed to the page), one current
    # position per state, and the double submission recorded once
    assert errors == []
    assert statuses == [200] * len(submissions)
    assert (
        sorted(Position.objects.filter(procedure=vote).values_list("state__code", flat=True))
        == MEMBERS
    )
    assert PositionChange.objects.filter(procedure=vote).count() == len(MEMBERS)
