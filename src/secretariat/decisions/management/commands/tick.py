"""``secretariat tick``: close the written and silence procedures whose deadline has come.

Run it every minute from cron (or a systemd timer) where no task worker runs; running it
twice does nothing more than once.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from secretariat.decisions.services import close_due_procedures


class Command(BaseCommand):
    help = "Close the written and silence procedures whose deadline has come."

    def handle(self, *args: Any, **options: Any) -> None:
        closed = close_due_procedures(timezone.now())
        for procedure in closed:
            verdict = _("adopted") if procedure.adopted else _("not adopted")
            self.stdout.write(f"{procedure.document.code}: {verdict}")
        self.stdout.write(_("%(count)s procedures closed.") % {"count": len(closed)})
