from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.charters.backup import BackupError, export_record


class Command(BaseCommand):
    help = (
        "Write the whole record (charters, sessions, documents with every version, procedures, "
        "positions, follow-up, users and roles, the audit log) into a new or empty directory, "
        "in the secretariat-export/1 format (docs/backup.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        try:
            entries = export_record(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("%(dir)s: exported %(rows)d rows in %(files)d files")
            % {
                "dir": directory,
                "rows": sum(entry.rows for entry in entries),
                "files": len(entries),
            }
        )
