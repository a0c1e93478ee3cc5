"""``secretariat keys``: make a signing key and sign on the signer's own machine.

``generate`` writes a private key (PEM, readable by its owner only) and prints the public
key to register; ``sign`` prints the base64 signature of a digest shown on a document's
signature page. Neither needs the database: the private key never leaves the machine.
``register`` records a public key for a head of delegation (an administrator's shortcut).
"""

from __future__ import annotations

import os
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404
from django.utils.translation import gettext as _

from secretariat.organizations.access import access_organization_by_code, states_by_code
from secretariat.signatures import keys
from secretariat.signatures.services import SignatureError, do_register_key


class Command(BaseCommand):
    help = "Make a signing key, sign a digest with it, or register a public key."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        generate = actions.add_parser(
            "generate", help="write a new private key, print its public key"
        )
        generate.add_argument("--out", type=Path, required=True)
        sign = actions.add_parser("sign", help="print the base64 signature of a digest")
        sign.add_argument("--key", type=Path, required=True)
        sign.add_argument("--digest", required=True)
        register = actions.add_parser("register", help="register a head of delegation's public key")
        register.add_argument("username")
        register.add_argument("public_key")
        register.add_argument("--organization", default="csto")
        register.add_argument("--state", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "generate":
            self.generate(options["out"])
        elif action == "sign":
            self.sign(options["key"], options["digest"])
        else:
            self.register(options)

    def generate(self, out: Path) -> None:
        if out.exists():
            raise CommandError(
                _("%(file)s: exists already; keys are never overwritten") % {"file": out}
            )
        key = keys.generate()
        # Created with the owner's permissions only (0600), never readable by others first.
        descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(keys.private_pem(key))
        self.stdout.write(
            _("%(file)s: private key written; keep it. Register this public key:") % {"file": out}
        )
        self.stdout.write(keys.public_hex(key))

    def sign(self, path: Path, digest: str) -> None:
        try:
            key = keys.load_private_pem(path.read_bytes())
            self.stdout.write(keys.sign(key, digest))
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        except keys.BadKeyError as error:
            raise CommandError(f"{path}: {error}") from error

    def register(self, options: dict[str, Any]) -> None:
        try:
            organization = access_organization_by_code(options["organization"])
        except Http404:
            raise CommandError(
                _("no organization %(code)s") % {"code": options["organization"]}
            ) from None
        user_model = get_user_model()
        try:
            user = user_model.objects.get(username=options["username"])
        except user_model.DoesNotExist:
            raise CommandError(_("no user %(name)s") % {"name": options["username"]}) from None
        states = states_by_code(organization, [options["state"]]) if options["state"] else []
        try:
            key = do_register_key(
                user, organization, options["public_key"], state=states[0] if states else None
            )
        except SignatureError as error:
            raise CommandError(str(error)) from error
        except PermissionDenied:
            raise CommandError(
                _("%(name)s is not the head of a delegation") % {"name": options["username"]}
            ) from None
        self.stdout.write(
            _("registered, fingerprint %(fingerprint)s") % {"fingerprint": key.fingerprint}
        )
