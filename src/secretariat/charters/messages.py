"""File problems in the user's language.

The schema speaks in codes with parameters; this module turns the codes we know
into translated sentences that say what is expected, and leaves pydantic's own
English sentence for the rare ones we do not.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from secretariat.charters.files import LocatedProblem
from secretariat.charters.sync import StillReferencedError
from secretariat.decisions.models import PositionChoice
from secretariat.rules.errors import RuleError
from secretariat.rules.positions import Position


def _messages() -> dict[str, str]:
    # Built on each call so that the active language applies.
    return {
        "missing": _("this field is required"),
        "extra_forbidden": _("this key is not part of the format; check its spelling"),
        "literal_error": _("expected one of %(expected)s"),
        "enum": _("expected one of %(expected)s"),
        "union_tag_invalid": _("expected a kind among %(expected_tags)s, not %(tag)s"),
        "union_tag_not_found": _("a 'kind' key is required here"),
        "string_pattern_mismatch": _("does not have the expected form (%(pattern)s)"),
        "string_too_short": _("must not be empty"),
        "string_type": _("expected text"),
        "too_short": _("expected more entries; the least accepted is %(min_length)s"),
        "date_from_datetime_parsing": _("expected a date written YYYY-MM-DD"),
        "date_parsing": _("expected a date written YYYY-MM-DD"),
        "date_type": _("expected a date written YYYY-MM-DD"),
        "int_parsing": _("expected a whole number"),
        "int_type": _("expected a whole number"),
        "bool_parsing": _("expected true or false"),
        "bool_type": _("expected true or false"),
        "dict_type": _("expected a mapping of keys to values"),
        "list_type": _("expected a list"),
        "model_type": _("expected a mapping of keys to values"),
        "model_attributes_type": _("expected a mapping of keys to values"),
        "greater_than_equal": _("expected a number of at least %(ge)s"),
        "greater_than": _("expected a number above %(gt)s"),
        "duplicate": _("%(code)s is listed twice"),
        "unknown-state": _("%(code)s is not a member state of this organization"),
        "unknown-body": _("no body has the code '%(code)s'"),
        "unknown-person": _("no person has the code '%(code)s'"),
        "unknown-session": _("no session has the code '%(code)s'"),
        "unknown-document": _("no document has the code '%(code)s'"),
        "unknown-organization": _(
            "no organization has the code '%(code)s'; load its charter first"
        ),
        "unknown-chairmanship": _(
            "no chairmanship of %(code)s begins on or after %(date)s; list it under chairmanships"
        ),
        "unknown-item": _("session %(session)s has no agenda item %(number)s"),
        "missing-language": _(
            "a name in every language of names_in (by default the official languages) is "
            "expected; '%(language)s' is missing"
        ),
        "reporting-cycle": _("body %(code)s ends up reporting to itself"),
        "yaml-syntax": _("is not valid YAML: %(reason)s"),
        "not-a-mapping": _("the file must be a YAML mapping of keys to values"),
        "period-ends-before-start": _("this period ends before it starts"),
        "periods-overlap": _("this period starts before the previous one ends"),
        "period-after-open-period": _("the previous period never ends, so no period may follow"),
        "session-ends-before-start": _("the session closes before it opens"),
        "approval-incomplete": _(
            "an approved agenda says at which session (approved_at) and on which date "
            "(approved_on) it was approved"
        ),
        "item-without-session": _(
            "an agenda item is given, but not the session it belongs to (adopted_at)"
        ),
        "published-not-public": _(
            "only a public document can be published; classify it public first"
        ),
        "self-relation": _("a document cannot relate to itself"),
        "derestricting-public": _(
            "only a classified document can be derestricted; this one is public already"
        ),
        "swap-out-of-order": _("a swap gives its two terms in order, the earlier first"),
        "months-out-of-order": _(
            "to_month (%(last)s) comes before from_month (%(first)s); give the months in order"
        ),
        "session-not-last": _(
            "an urgent path ends with its extraordinary session: the last step, and only it, "
            "has kind: session"
        ),
        # CSV tables (positions and members)
        "unreadable": _("cannot be read: %(reason)s"),
        "not-utf8": _("is not UTF-8 text"),
        "not-csv": _("is not CSV: %(reason)s"),
        "bad-header": _("the first line must be %(expected)s"),
        "bad-columns": _("expected %(expected)s columns (%(columns)s), found %(found)s"),
        "bad-state-code": _(
            "'%(code)s' is not an ISO 3166-1 alpha-3 code (three capital letters, such as RUS)"
        ),
        "bad-date": _("%(column)s: '%(text)s' is not a date written YYYY-MM-DD"),
        "state-twice": _("%(state)s is listed twice (first on line %(first)s)"),
        "unknown-position": _("'%(word)s' is not a position; use one of %(words)s"),
        "state-not-in-charter": _("%(state)s is not a state this charter knows"),
        "not-a-member": _(
            "%(state)s does not take part in decisions on %(on)s, so it cannot answer "
            "'%(position)s' (only absent or not-participating)"
        ),
        "missing-positions": _(
            "no position is given for %(states)s; this rule needs every member's (write absent "
            "for a member that is away)"
        ),
    }


def _rule_messages() -> dict[str, str]:
    return {
        "unknown-body": _("no body '%(body)s' in this charter; its bodies: %(bodies)s"),
        "unknown-matter": _("%(body)s has no matter '%(matter)s'; its matters: %(matters)s"),
        "procedure-not-allowed": _(
            "this matter is not decided by the %(kind)s procedure; it allows: %(allowed)s"
        ),
        "excluded-not-member": _("--exclude names %(states)s, not members on %(on)s"),
        "missing-weight": _("the rule gives no %(weight)s for %(states)s"),
        "unnamed-state": _("no name is known for %(states)s"),
        "unknown-state": _("%(state)s is not a state this charter knows"),
        "no-members": _("no member takes part in decisions on %(on)s"),
        "no-previous-chair": _(
            "the record does not say who chaired before %(on)s; name that chair with --after"
        ),
        "not-a-rotation": _(
            "no rule of rotation says who chairs after the record's last term (which ends on "
            "%(on)s)"
        ),
        "chair-elected": _("the chair of %(body)s is elected; no rotation says who it will be"),
    }


def describe_rule_error(error: RuleError) -> str:
    """The engine's refusal, in the active language."""
    template = _rule_messages().get(error.code)
    if template is None:
        return str(error)
    try:
        return template % {key: str(value) for key, value in error.params.items()}
    except (KeyError, ValueError):
        return str(error)


def position_word(position: Position) -> str:
    """The default word for a position where the charter's vocabulary has none."""
    return str(PositionChoice(position.value).label)


def describe(problem: LocatedProblem) -> str:
    """Return ``file:line: field: message`` with the message in the active language."""
    template = _messages().get(problem.code)
    message = problem.message
    if template is not None:
        try:
            message = template % {key: str(value) for key, value in problem.params.items()}
        except (KeyError, ValueError):
            message = problem.message
    where = f"{problem.path}:{problem.line}"
    return f"{where}: {problem.field}: {message}" if problem.field else f"{where}: {message}"


def still_referenced(path: object, error: StillReferencedError) -> str:
    """Say why a load could not remove what the file no longer lists."""
    return _(
        "%(file)s: %(rows)s can no longer be removed: %(referenced_by)s still refer to it. "
        "Nothing was loaded; change or remove those first."
    ) % {
        "file": path,
        "rows": ", ".join(error.rows),
        "referenced_by": ", ".join(error.referenced_by),
    }
