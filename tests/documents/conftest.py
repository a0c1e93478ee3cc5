"""Fixtures of the document tests: the restricted draft declaration and the officer."""

from __future__ import annotations

import pytest

from secretariat.documents.models import Document

DRAFT = "2021-csc-declaration-draft"


@pytest.fixture
def draft(dushanbe) -> Document:
    """The draft CSC declaration: restricted, distributed to ARM, BLR, RUS and TJK."""
    return Document.objects.get(code=DRAFT)


@pytest.fixture
def officer(dushanbe):
    return dushanbe.users["secretariat_officer"]
