"""The ``secretariat`` console script: Django's management commands under one name."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, e.g. ``secretariat charter check charters/csto.yaml``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["secretariat", *args])
