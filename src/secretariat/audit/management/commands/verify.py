"""``secretariat verify``: check the integrity of the record, starting with the audit chain.

Runs every check of ``secretariat.audit.integrity.CHECKS``; prints one line per check, and
the first problem each found on stderr. Exits 0 when none found a problem, 1 otherwise.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.audit.integrity import run_checks


class Command(BaseCommand):
    help = "Check the integrity of the record: the audit log's hash chain, and more."

    def handle(self, *args: Any, **options: Any) -> None:
        problems = []
        for report in run_checks():
            self.stdout.write(f"{report.check}: {report.summary}")
            if report.problem is not None:
                problems.append(f"{report.check}: {report.problem.where}: {report.problem.why}")
        if problems:
            raise CommandError("\n".join(problems), returncode=1)
        self.stdout.write(_("The record is intact."))
