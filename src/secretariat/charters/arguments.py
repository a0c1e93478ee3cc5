"""What the ``outcome`` and ``rotation`` commands share: argument types and bad-input reports."""

from __future__ import annotations

from argparse import ArgumentParser, ArgumentTypeError
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from secretariat.charters.files import InvalidFileError
from secretariat.charters.messages import describe, describe_rule_error
from secretariat.rules.errors import RuleError


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = _("'%(text)s' is not a date written YYYY-MM-DD") % {"text": text}
        raise ArgumentTypeError(message) from None


def positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        message = _("'%(text)s' is not a whole number of at least 1") % {"text": text}
        raise ArgumentTypeError(message)
    return number


def state_list(text: str) -> frozenset[str]:
    return frozenset(code.strip().upper() for code in text.split(",") if code.strip())


def add_membership_and_json(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--members", type=Path, help="CSV: from,to,state; membership the charter leaves open"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


@contextmanager
def bad_input_refused() -> Iterator[None]:
    """Turn a bad file or a refusal of the engine into a CommandError (status 1), translated."""
    try:
        yield
    except InvalidFileError as error:
        raise CommandError("\n".join(describe(problem) for problem in error.problems)) from error
    except RuleError as error:
        raise CommandError(describe_rule_error(error)) from error
