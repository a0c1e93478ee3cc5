"""The rules core is pure: it loads no Django, and every example in it holds.

Both checks walk every module of ``secretariat.rules`` (pkgutil), so a module
added later is covered without touching this file.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import subprocess
import sys
from types import ModuleType

import pytest

import secretariat.rules

RULES_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(secretariat.rules.__path__, f"{secretariat.rules.__name__}.")
)

# Run in a fresh interpreter: this one has Django loaded already (pytest-django).
IMPORT_EVERY_RULES_MODULE = """
import importlib, pkgutil, sys
import secretariat.rules as rules
for info in pkgutil.walk_packages(rules.__path__, rules.__name__ + "."):
    importlib.import_module(info.name)
top = {name.split(".")[0] for name in sys.modules}
apps = sorted(
    name for name in sys.modules
    if name.startswith("secretariat.") and not name.startswith("secretariat.rules")
)
assert "django" not in top, "django was imported"
assert not apps, f"imported from the apps: {apps}"
"""


def test_every_rules_module_is_found() -> None:
    assert "secretariat.rules.participation" in RULES_MODULES


def test_importing_the_rules_loads_neither_django_nor_the_apps() -> None:
    # when every module of the package is imported in a fresh interpreter
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_RULES_MODULE],
        capture_output=True,
        text=True,
        check=False,
    )

    # then
    assert result.returncode == 0, result.stderr


def _run_examples(module: ModuleType) -> doctest.TestResults:
    return doctest.testmod(module, verbose=False, report=False)


@pytest.mark.parametrize("name", RULES_MODULES)
def test_examples_hold(name: str) -> None:
    # when the module's doctests run
    results = _run_examples(importlib.import_module(name))

    # then (doctest prints each failure above this line)
    assert results.failed == 0, f"{results.failed} of {results.attempted} examples failed"


def test_the_rules_have_examples() -> None:
    attempted = sum(
        _run_examples(importlib.import_module(name)).attempted for name in RULES_MODULES
    )
    assert attempted > 0
