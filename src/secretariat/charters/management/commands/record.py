from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.charters.files import InvalidFileError
from secretariat.charters.loaders import check_record_file, do_load_record
from secretariat.charters.management.commands.charter import summarize
from secretariat.charters.messages import describe, still_referenced
from secretariat.charters.sync import StillReferencedError


class Command(BaseCommand):
    help = (
        "Check a record file (sessions, people, documents) against its organization's charter, "
        "or load it into the database (idempotently)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["check", "load"])
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if options["action"] == "check":
                record, _organization = check_record_file(path)
                self.stdout.write(
                    _("%(file)s: a valid record; sessions: %(sessions)d, documents: %(documents)d")
                    % {
                        "file": path,
                        "sessions": len(record.sessions),
                        "documents": len(record.documents),
                    }
                )
                return
            report = do_load_record(path)
        except InvalidFileError as error:
            raise CommandError(
                "\n".join(describe(problem) for problem in error.problems)
            ) from error
        except StillReferencedError as error:
            raise CommandError(still_referenced(path, error)) from error
        self.stdout.write(summarize(path, report.changes.total, report.changes.as_data()))
