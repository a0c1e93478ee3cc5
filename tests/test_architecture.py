"""Architecture rules that a linter does not check, checked by reading the source.

These mirror Zulip's semgrep rules: each one names a habit from
``docs/architecture.md`` and fails with the file and line that break it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import secretariat

PACKAGE = Path(secretariat.__file__).resolve().parent
MANAGERS = {"objects", "_default_manager", "_base_manager"}


def python_files(*patterns: str) -> list[Path]:
    """Return the package's files matching any of the glob patterns, sorted."""
    return sorted({path for pattern in patterns for path in PACKAGE.glob(pattern)})


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{line}"


def manager_uses(tree: ast.AST) -> Iterator[ast.Attribute]:
    """Yield every ``<something>.objects`` (or another default manager) in the tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS:
            yield node


def test_views_and_endpoints_reach_objects_through_access_and_querysets() -> None:
    # Views and API endpoints stay thin: reads go through `access_*` functions and named
    # querysets, which is where visibility is decided and tested.
    offenders = [
        where(path, node.lineno)
        for path in python_files("*/views.py", "*/views/*.py", "*/api.py")
        for node in manager_uses(ast.parse(path.read_text(), str(path)))
    ]
    assert not offenders, f"use an access_* function or a queryset instead: {offenders}"


POLICY_FUNCTIONS = ("visible_documents", "access_document")


def _called_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def _is_document(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "Document") or (
        isinstance(node, ast.Attribute) and node.attr == "Document"
    )


def test_documents_are_read_through_the_visibility_policy() -> None:
    # Outside the documents app, a Document manager may only feed `visible_documents()` or an
    # `access_document_*` function, so that no page can list a document its user may not see.
    offenders = []
    for path in python_files("**/*.py"):
        if path.is_relative_to(PACKAGE / "documents") or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), str(path))
        allowed = {
            id(argument)
            for call in ast.walk(tree)
            if isinstance(call, ast.Call) and _called_name(call).startswith(POLICY_FUNCTIONS)
            for argument in ast.walk(call)
        }
        offenders += [
            where(path, node.lineno)
            for node in manager_uses(tree)
            if _is_document(node.value) and id(node) not in allowed
        ]
    assert not offenders, f"read documents through secretariat.documents.access: {offenders}"


MIGRATION_NAME = re.compile(r"(?P<number>\d{4})_(?P<name>[a-z][a-z0-9_]*)")


def test_migrations_have_descriptive_names() -> None:
    # `makemigrations <app> --name <what it does>`: never Django's `auto_<timestamp>`, and
    # `initial` only for the first one (a `0002_initial` is makemigrations splitting a cycle).
    migrations = python_files("*/migrations/[0-9]*.py")
    assert migrations, "no migration found: is the package layout still src/secretariat/<app>/?"
    offenders = []
    for path in migrations:
        match = MIGRATION_NAME.fullmatch(path.stem)
        if (
            match is None
            or "auto_" in match["name"]
            or (match["name"] == "initial" and match["number"] != "0001")
        ):
            offenders.append(str(path.relative_to(PACKAGE.parent)))
    assert not offenders, f"rename with `makemigrations <app> --name ...`: {offenders}"


DJANGO_IMPORT = re.compile(r"^\s*(import\s+django\b|from\s+django\b)")


def test_the_rules_core_imports_no_django() -> None:
    # The import-linter contract says the same; this also catches imports hidden in functions.
    modules = python_files("rules/**/*.py")
    assert modules
    offenders = [
        where(path, number)
        for path in modules
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if DJANGO_IMPORT.match(line)
    ]
    assert not offenders, f"secretariat.rules must stay pure Python: {offenders}"
