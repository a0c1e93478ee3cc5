"""Decision and chair rules, as stored from the charter, made readable for a page.

The charter stores rules as data (``{"kind": "threshold", "share": "2/3", "of": "members"}``);
this turns them into labelled rows in the active language. Unknown kinds and parameters are
shown by their code rather than hidden, so that a newer charter still displays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from secretariat.organizations.translated import pick

RULE_KINDS: Mapping[str, Promise] = {
    "consensus": _("consensus"),
    "unanimity": _("unanimity"),
    "threshold": _("threshold"),
    "veto": _("veto"),
    "weighted-threshold": _("weighted threshold"),
    "blocking-minority": _("blocking minority"),
    "all-of": _("all of the following"),
    "any-of": _("any of the following"),
    "none-of": _("none of the following"),
    # Chair and chairmanship rules.
    "chairing-state": _("the representative of the state chairing the organization"),
    "host-state": _("the head of the state hosting the regular session"),
    "rotation": _("rotation among the member states"),
    "elected": _("election"),
}

PARAMETERS: Mapping[str, Promise] = {
    "absentees": _("absent members"),
    "abstention_blocks": _("an abstention blocks the decision"),
    "count": pgettext_lazy("rule parameter", "number"),
    "share": _("share"),
    "of": _("counted among"),
    "above": _("more than the share"),
    "counting": _("votes counted"),
    "members": _("members"),
    "abstention_is_veto": _("an abstention counts as a veto"),
    "weights": _("weights"),
    "weight": _("weighted by"),
    "reference_year": _("reference year"),
    "until": pgettext_lazy("rule parameter", "until"),
    "order": _("order"),
    "language": _("language"),
    "term": _("term"),
    "term_years": _("term in years"),
    "procedures": _("procedures"),
}

VALUES: Mapping[str, Promise] = {
    "ignored": _("not counted"),
    "block": _("block the decision"),
    "members": _("all members"),
    "present-and-voting": _("members present and voting"),
    "participating": _("participating members"),
    "next-regular-session": _("the next regular session"),
    "alphabetical": _("alphabetical"),
    "calendar-year": _("a calendar year"),
    "month": _("a month"),
    "session-to-session": _("from one session to the next"),
    "fixed": _("a fixed term"),
    "in-favour": _("votes in favour"),
    "against": _("votes against"),
    "in-session": _("in session"),
    "written": _("in writing"),
    "silence": _("silence procedure"),
}

#: What a member that does not answer in a written procedure counts as.
NO_ANSWER: Mapping[str, Promise] = {
    "yes": _("in favour"),
    "no": _("against"),
    "abstain": _("abstaining"),
    "absent": pgettext_lazy("position", "absent"),
}

#: Keys shown elsewhere than among the parameters.
NOT_PARAMETERS = frozenset({"kind", "rules", "names", "rule", "source", "description", "overrides"})


@dataclass(frozen=True, slots=True)
class Parameter:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class RuleDisplay:
    """One rule: its kind, its parameters, and the rules it combines (``all-of``/``any-of``)."""

    kind: str
    parameters: tuple[Parameter, ...]
    rules: tuple[RuleDisplay, ...]
    source: str
    description: str


@dataclass(frozen=True, slots=True)
class MatterDisplay:
    """How a body decides one matter."""

    code: str
    name: str
    rule: RuleDisplay
    procedures: str
    source: str


def language_name(code: str) -> str:
    """Return the name of a language in the active language, or its code if unknown."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _procedure(value: Any) -> str:
    """A procedure as stored: its kind's name, with its deadline and meaning of no answer."""
    if not isinstance(value, Mapping):
        return _value("procedure", value)
    details = []
    if value.get("days") is not None:
        details.append(str(_("%(days)s days") % {"days": value["days"]}))
    if value.get("at"):
        details.append(str(_("at %(time)s") % {"time": value["at"]}))
    if value.get("no_answer"):
        position = NO_ANSWER.get(value["no_answer"], value["no_answer"])
        details.append(str(_("no answer counts as: %(position)s") % {"position": position}))
    name = _value("procedure", value.get("kind", ""))
    return f"{name} ({', '.join(details)})" if details else name


def _value(key: str, value: Any) -> str:
    if key == "procedures" and isinstance(value, Sequence) and not isinstance(value, str):
        return ", ".join(_procedure(item) for item in value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if key == "weight" and isinstance(value, Mapping):
        return pick(value)
    if key == "language" and isinstance(value, str):
        return language_name(value)
    if isinstance(value, str):
        return str(VALUES.get(value, value))
    if isinstance(value, Mapping):
        return ", ".join(f"{name}: {_value(key, item)}" for name, item in value.items())
    if isinstance(value, Sequence):
        return ", ".join(_value(key, item) for item in value)
    return str(value)


def rule_display(rule: Mapping[str, Any]) -> RuleDisplay:
    """Describe one rule, nested rules included."""
    kind = str(rule.get("kind", ""))
    description = rule.get("description")
    return RuleDisplay(
        kind=str(RULE_KINDS.get(kind, kind)),
        parameters=tuple(
            Parameter(str(PARAMETERS.get(key, key)), _value(key, value))
            for key, value in rule.items()
            if key not in NOT_PARAMETERS and value is not None
        ),
        rules=tuple(
            rule_display(inner) for inner in rule.get("rules") or () if isinstance(inner, Mapping)
        ),
        source=str(rule.get("source") or ""),
        description=pick(description) if isinstance(description, Mapping) else "",
    )


def matters_display(decision_rules: Mapping[str, Any]) -> list[MatterDisplay]:
    """Describe a body's decision rules, one row per matter, in the order of the matters' codes.

    Each matter is stored as the charter loader writes it:
    ``{"names": …, "rule": …, "procedures": …, "source": …}``, ``names`` being optional.
    """
    matters = []
    for code in sorted(decision_rules):
        matter = decision_rules[code]
        names = matter.get("names")
        matters.append(
            MatterDisplay(
                code=code,
                name=pick(names) if names else _matter_name(code),
                rule=rule_display(matter["rule"]),
                procedures=_value("procedures", matter.get("procedures") or []),
                source=str(matter.get("source") or ""),
            )
        )
    return matters


def _matter_name(code: str) -> str:
    """A charter leaves ``default`` unnamed when a body decides every matter alike."""
    return str(_("all matters")) if code == "default" else code
