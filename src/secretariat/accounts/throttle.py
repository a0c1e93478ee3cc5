"""Login throttling: after repeated failures for one user name from one address, wait.

Failures are counted in Django's cache, per user name and address, for a window that
starts with the first failure. The default cache lives in one process; a deployment with
several processes points ``CACHE_URL`` at a shared cache (Redis) so that they count together.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest

#: Failed attempts allowed in a window; the next attempt, even a right one, is refused.
FAILURES_ALLOWED = 5
#: How long the failures are remembered, in seconds.
WINDOW = 15 * 60


def _key(request: HttpRequest | None, username: str) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    digest = hashlib.sha256(f"{username.casefold()}\n{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def is_throttled(request: HttpRequest | None, username: str) -> bool:
    """Tell whether this user name may not try to log in from this address for now."""
    return int(cache.get(_key(request, username), 0)) >= FAILURES_ALLOWED


def note_failure(request: HttpRequest | None, username: str) -> None:
    key = _key(request, username)
    # add, then incr: two processes failing at once both count (atomic in a shared cache).
    cache.add(key, 0, WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, WINDOW)


def forget_failures(request: HttpRequest | None, username: str) -> None:
    cache.delete(_key(request, username))
