from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.charters.files import InvalidFileError
from secretariat.charters.loaders import check_charter_file, do_load_charter
from secretariat.charters.messages import describe, still_referenced
from secretariat.charters.sync import StillReferencedError


class Command(BaseCommand):
    help = "Check a charter file, or load it into the database (idempotently)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["check", "load"])
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            if options["action"] == "check":
                charter = check_charter_file(path)
                self.stdout.write(
                    _(
                        "%(file)s: a valid charter of %(acronym)s; members: %(members)d, "
                        "bodies: %(bodies)d"
                    )
                    % {
                        "file": path,
                        "acronym": charter.organization.code,
                        "members": len(charter.members),
                        "bodies": len(charter.bodies),
                    }
                )
                return
            report = do_load_charter(path)
        except InvalidFileError as error:
            raise CommandError(
                "\n".join(describe(problem) for problem in error.problems)
            ) from error
        except StillReferencedError as error:
            raise CommandError(still_referenced(path, error)) from error
        self.stdout.write(summarize(path, report.changes.total, report.changes.as_data()))


def summarize(path: Path, total: int, changes: dict[str, dict[str, int]]) -> str:
    """One line per kind of change, or a line saying nothing changed."""
    if not total:
        return _("%(file)s: loaded; the database already held all of it, nothing changed") % {
            "file": path
        }
    lines = [_("%(file)s: loaded") % {"file": path}]
    labels = {"created": _("created"), "updated": _("updated"), "deleted": _("deleted")}
    for kind, counts in changes.items():
        lines += [f"  {labels[kind]}: {model} × {count}" for model, count in sorted(counts.items())]
    return "\n".join(lines)
