"""Point Django at a throw-away database and migrate it."""

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup() -> None:
    home = Path(tempfile.mkdtemp(prefix="secretariat-bench-"))
    os.environ.setdefault("SECRET_KEY", "bench-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECRETARIAT_HOME", str(home))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{home / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secretariat.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
