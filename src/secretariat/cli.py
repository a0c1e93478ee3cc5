"""The ``secretariat`` console script: Django's management commands under one name."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, e.g. ``secretariat charter check charters/csto.yaml``.

    Messages come in the language of the environment: ``SECRETARIAT_LANGUAGE``, or
    else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), when the site offers it.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    import django
    from django.conf import settings
    from django.core.management import execute_from_command_line
    from django.utils import translation

    django.setup()
    offered = {code for code, _name in settings.LANGUAGES}
    for variable in ("SECRETARIAT_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        language = os.environ.get(variable, "").split("_")[0].split(".")[0].lower()
        if language in offered:
            translation.activate(language)
            break
    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["secretariat", *args])
