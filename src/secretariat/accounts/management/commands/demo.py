from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from secretariat.accounts.services import DEMO_PASSWORD, do_create_demo_users

DEMO_CHARTER = Path("charters") / "csto.yaml"
DEMO_RECORD = Path("records") / "csto-2021-dushanbe.yaml"


class Command(BaseCommand):
    help = (
        "Prepare the demo database (migrate, load the CSTO charter and the Dushanbe 2021 record, "
        "create one demo account per role) and serve it on 127.0.0.1."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="port to serve on")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        port: int = options["port"]
        if not 0 < port < 65536:
            raise CommandError(_("--port: expected a port number between 1 and 65535"))
        data_dir = Path(settings.SECRETARIAT_DATA_DIR)
        database = settings.DATABASES["default"]
        if database["ENGINE"].endswith("sqlite3"):
            Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("charter", "load", str(data_dir / DEMO_CHARTER), stdout=self.stdout)
        call_command("record", "load", str(data_dir / DEMO_RECORD), stdout=self.stdout)
        from secretariat.organizations.models import Organization

        organization = Organization.objects.get(code=settings.SECRETARIAT_DEFAULT_ORGANIZATION)
        accounts = do_create_demo_users(organization)
        self.stdout.write(self.banner([account.username for account in accounts], port))
        if not options["no_serve"]:
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)

    def banner(self, usernames: list[str], port: int) -> str:
        rule = "!" * 78
        lines = [
            rule,
            _("DEMO ACCOUNTS: anyone who reads this can log in with them."),
            _("Never create them, or keep them, on a server that holds real data."),
            _("Password for every account: %(password)s") % {"password": DEMO_PASSWORD},
            "",
            _("  admin            secretariat administrator"),
            _("  officer          secretariat officer"),
            _("  <code>-head      head of delegation of the state, e.g. arm-head"),
            _("  <code>-delegate  delegation member of the state, e.g. rus-delegate"),
            "",
            _("Accounts: %(usernames)s") % {"usernames": ", ".join(usernames)},
            _("Site: http://127.0.0.1:%(port)d/") % {"port": port},
            rule,
        ]
        return self.style.WARNING("\n".join(lines))
