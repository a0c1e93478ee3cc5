"""``secretariat rotation``: who chairs an organization or a body, term after term."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import get_language

from secretariat.charters import engine
from secretariat.charters.arguments import (
    add_membership_and_json,
    bad_input_refused,
    iso_date,
    positive,
)
from secretariat.charters.loaders import check_charter_file
from secretariat.charters.tables import read_members


class Command(BaseCommand):
    help = (
        "List who chairs, term after term, by the charter's rotation rule, its recorded "
        "chairmanships and its overrides."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("charter", type=Path, help="a charter file, e.g. charters/asean.yaml")
        parser.add_argument(
            "--body", help="a body whose chair to list; the organization's by default"
        )
        parser.add_argument(
            "--from", dest="start", required=True, type=iso_date, help="list from this day"
        )
        parser.add_argument(
            "--after", type=str.upper, help="the chair of the term before --from (alpha-3 code)"
        )
        parser.add_argument("--count", required=True, type=positive, help="how many terms")
        add_membership_and_json(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        start: date = options["start"]
        with bad_input_refused():
            charter = check_charter_file(options["charter"])
            extra = (
                read_members(options["members"], engine.known_states(charter))
                if options["members"]
                else []
            )
            rotation = engine.rotation(charter, options["body"], extra, get_language() or "en")
            terms = rotation.terms(start, options["count"], after=options["after"])

        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        if options["json"]:
            document = [
                {
                    "start": day(term.start_on),
                    "end": day(term.end_on),
                    "chair": term.chair,
                    "recorded": term.recorded,
                    "reason": term.reason or None,
                }
                for term in terms
            ]
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        for term in terms:
            self.stdout.write(
                f"{day(term.start_on) or '?'}  {day(term.end_on) or '?'}  {term.chair}"
            )
