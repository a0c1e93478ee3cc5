"""``secretariat outcome``: decide a matter from a charter file and a CSV of positions."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from secretariat.charters import engine, outcomes
from secretariat.charters.arguments import (
    add_membership_and_json,
    bad_input_refused,
    iso_date,
    state_list,
)
from secretariat.charters.loaders import check_charter_file
from secretariat.charters.messages import position_word
from secretariat.charters.tables import read_members
from secretariat.rules.explanations import explain
from secretariat.rules.positions import Position
from secretariat.rules.procedures import ProcedureKind


class Command(BaseCommand):
    help = (
        "Say whether a body adopts a decision, and why, from a charter file and a CSV table of "
        "positions (state,position[,note])."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("charter", type=Path, help="a charter file, e.g. charters/unsc.yaml")
        parser.add_argument("--body", required=True, help="the body's code, e.g. security-council")
        parser.add_argument("--matter", required=True, help="the matter's code, e.g. substantive")
        parser.add_argument(
            "--positions", required=True, type=Path, help="CSV: state,position[,note]"
        )
        parser.add_argument(
            "--at", type=iso_date, help="the day of the decision (YYYY-MM-DD); today by default"
        )
        parser.add_argument(
            "--procedure",
            choices=[kind.value for kind in ProcedureKind],
            help="how the positions were gathered; the matter's first procedure by default",
        )
        parser.add_argument(
            "--exclude",
            type=state_list,
            default=frozenset(),
            help="members excluded from this decision, e.g. a party to a dispute: RUS,UKR",
        )
        add_membership_and_json(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        on: date = options["at"] or timezone.localdate()
        with bad_input_refused():
            charter = check_charter_file(options["charter"])
            body, matter = outcomes.select(charter, options["body"], options["matter"])
            extra = read_members(options["members"]) if options["members"] else []
            language = get_language() or "en"
            decision = outcomes.Decision(
                charter=charter,
                matter=matter,
                on=on,
                procedure=outcomes.choose_procedure(matter, options["procedure"]),
                extra_members=extra,
                excluded=options["exclude"],
                language=language,
            )
            outcome = outcomes.decide(decision, options["positions"])
        decimal_mark = str(get_format("DECIMAL_SEPARATOR"))
        names = engine.state_names(charter, language)
        vocabulary = charter.organization.vocabulary

        def word(position: Position) -> str:
            texts = vocabulary.get(position.value)
            return (texts or {}).get(language) or position_word(position)

        if options["json"]:
            document = {
                "charter": charter.organization.code,
                "body": body.code,
                "matter": options["matter"],
                "at": on.isoformat(),
                "procedure": decision.procedure.kind.value,
                **outcomes.as_data(outcome, _, names, decimal_mark),
                "tally_text": outcomes.tally_line(outcome, word),
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        heading = _("%(body)s, %(matter)s, on %(date)s") % {
            "body": body.names.get(language) or next(iter(body.names.values())),
            "matter": options["matter"],
            "date": on.isoformat(),
        }
        self.stdout.write(heading)
        self.stdout.write("\n".join(explain(outcome, _, decimal_mark=decimal_mark)))
        self.stdout.write(outcomes.tally_line(outcome, word))
