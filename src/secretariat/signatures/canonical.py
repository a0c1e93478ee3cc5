"""The signed form of an adopted document: canonical bytes, and their SHA-256 digest.

Pure Python (no Django), so that an outside party can rebuild the same bytes with the
standard library alone; ``docs/integrity.md`` ("The signed form") describes the format
field by field, and ``docs/verify_signature.py`` checks a signature with it.

The form is a JSON object::

    {"format": "secretariat-signed-document/1",
     "organization": "csto", "document": "<code>", "symbol": "<symbol or "">",
     "kind": "declaration", "adopted_on": "2021-09-16" (or null),
     "outcome": {"body": "csc", "matter": "default", "procedure": "in-session",
                 "adopted": true, "closed_at": "2021-09-16T10:00:00Z"},
     "texts": [{"language": "en", "title": "...", "body": "..."}, ...]}

written as UTF-8 with sorted keys, no insignificant white space (separators ``","`` and
``":"``) and non-ASCII characters as they are (``ensure_ascii=False``). The texts are the
authentic ones only, sorted by language; titles and bodies are in Unicode NFC with ``"\\n"``
line ends. The Ed25519 signature is made on the 32 bytes of the SHA-256 digest of those
bytes.

>>> form = signed_form(organization="csto", document="d", symbol="", kind="decision",
...     adopted_on=None, outcome=None, texts=[("ru", "Решение", "Текст\\r\\n")])
>>> canonical_bytes(form)[:50]
b'{"adopted_on":null,"document":"d","format":"secret'
>>> len(digest(form))
64
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Final

#: The name and version of the format, inside every signed form.
FORMAT: Final = "secretariat-signed-document/1"


def normalise(text: str) -> str:
    """Return the text in Unicode NFC with ``"\\n"`` line ends.

    >>> normalise("e\\u0301\\r\\nb\\rc")
    'é\\nb\\nc'
    """
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def instant(moment: datetime) -> str:
    """Return an aware moment in UTC to the second, as ISO 8601 with ``Z``.

    >>> from datetime import timedelta, timezone
    >>> instant(datetime(2021, 9, 16, 13, 0, 30, 5, tzinfo=timezone(timedelta(hours=3))))
    '2021-09-16T10:00:30Z'
    """
    if moment.tzinfo is None:
        raise ValueError("a naive moment has no place in the signed form")
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def outcome_data(
    *, body: str, matter: str, procedure: str, adopted: bool, closed_at: datetime | str
) -> dict[str, Any]:
    """Return the outcome part of the form: which body decided how, and when it closed."""
    return {
        "body": body,
        "matter": matter,
        "procedure": procedure,
        "adopted": adopted,
        "closed_at": instant(closed_at) if isinstance(closed_at, datetime) else closed_at,
    }


def signed_form(
    *,
    organization: str,
    document: str,
    symbol: str,
    kind: str,
    adopted_on: date | str | None,
    outcome: Mapping[str, Any] | None,
    texts: Iterable[tuple[str, str, str]],
) -> dict[str, Any]:
    """Return the signed form as plain data, from ``(language, title, body)`` texts."""
    return {
        "format": FORMAT,
        "organization": organization,
        "document": document,
        "symbol": symbol,
        "kind": kind,
        "adopted_on": adopted_on.isoformat() if isinstance(adopted_on, date) else adopted_on,
        "outcome": dict(outcome) if outcome is not None else None,
        "texts": [
            {"language": language, "title": title, "body": body} for language, title, body in texts
        ],
    }


def canonical_bytes(form: Mapping[str, Any]) -> bytes:
    """Return the canonical UTF-8 JSON of a signed form (as ``signed_form`` returns it).

    The texts are sorted by language and normalised here, so that neither the order of the
    keys nor the way the texts were stored changes the bytes.
    """
    data = dict(form)
    data["texts"] = sorted(
        (
            {
                "language": text["language"],
                "title": normalise(text["title"]),
                "body": normalise(text["body"]),
            }
            for text in form["texts"]
        ),
        key=lambda text: text["language"],
    )
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest(form: Mapping[str, Any]) -> str:
    """Return the SHA-256 digest of the canonical bytes, in hexadecimal (64 characters)."""
    return hashlib.sha256(canonical_bytes(form)).hexdigest()
