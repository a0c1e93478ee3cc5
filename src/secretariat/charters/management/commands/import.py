from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.charters.backup import BackupError, import_record


class Command(BaseCommand):
    help = (
        "Restore an export (secretariat export) into an empty database: the export is checked "
        "first, then loaded in one transaction, all of it or nothing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        try:
            entries = import_record(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("%(dir)s: imported %(rows)d rows from %(files)d files")
            % {
                "dir": directory,
                "rows": sum(entry.rows for entry in entries),
                "files": len(entries),
            }
        )
