"""Give the test run its own environment before Django's settings are read.

pytest-django imports the settings while pytest is still loading its initial
conftests, so ``tests/conftest.py`` runs too late to set variables the settings
read at import. This plugin is loaded earlier, by ``-p secretariat_env`` in
pyproject's ``addopts`` (``pythonpath`` puts this folder on ``sys.path``).

- ``SECRET_KEY`` gets a throwaway default; one set in the shell still wins.
- ``SECRETARIAT_HOME`` always points at an empty temporary folder, so a
  developer's ``.env`` (DEBUG, DATABASE_URL, ...) never leaks into a test run.
  ``DATABASE_URL`` from the shell is honoured: that is how CI picks PostgreSQL.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_HOME = tempfile.mkdtemp(prefix="secretariat-tests-")
# atexit rather than pytest_unconfigure: it also runs when Django fails to start.
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ["SECRETARIAT_HOME"] = _HOME


def pytest_report_header() -> str:
    """Say which database the run uses, so that a CI log shows SQLite or PostgreSQL."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database.get("HOST"):
        where = f"{database['HOST']}:{database.get('PORT') or 'default port'}/{database['NAME']}"
    else:
        where = str(database["NAME"])
    return f"database: {database['ENGINE']} {where}"
