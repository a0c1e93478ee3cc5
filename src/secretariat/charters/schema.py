"""The charter and record file formats, as pydantic models (no Django).

A *charter* describes one organization: its languages, members and their
participation over time, bodies with their composition, hierarchy, decision
rules per matter and chair rule, and the organization's chairmanship rule.
A *record* describes what happened: people and their offices, sessions with
their attendance and agendas, documents with their texts and relations.

The models check the shape of each value; :func:`check_charter` and
:func:`check_record` then check what refers to what (a body reporting to an
unknown body, overlapping periods, ...). Both return problems with the path of
the offending field so that the loader can point at its line in the file.
``docs/charters.md`` documents the format with a complete example.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from secretariat.rules.errors import RuleError
from secretariat.rules.participation import ParticipationStatus, Period, check_periods
from secretariat.rules.symbols import check_pattern

Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Translated = Annotated[dict[Language, Text], Field(min_length=1)]

Loc = tuple[str | int, ...]


class Strict(BaseModel):
    """Refuse unknown keys: a misspelt key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# ----------------------------------------------------------------------------- decision rules
# Rules are data, composed from a few primitives; secretariat.rules.decisions evaluates them
# (secretariat.charters.engine turns these models into the engine's rules).

Share = Annotated[str, StringConstraints(pattern=r"^\d+/\d+$")]
Base = Literal["members", "present-and-voting", "participating"]
Counting = Literal["in-favour", "against"]


def _proper_share(value: str | None) -> str | None:
    if value is not None:
        numerator, denominator = (int(part) for part in value.split("/"))
        if denominator == 0 or not 0 < Fraction(numerator, denominator) <= 1:
            raise ValueError("a share is a fraction above 0 and at most 1, such as 2/3")
    return value


class ConsensusRule(Strict):
    kind: Literal["consensus"]
    #: Whether an absent member blocks consensus or is simply not counted.
    absentees: Literal["ignored", "block"] = "ignored"


class UnanimityRule(Strict):
    kind: Literal["unanimity"]
    abstention_blocks: bool = False


class ThresholdRule(Strict):
    kind: Literal["threshold"]
    count: int | None = Field(default=None, ge=1)
    share: Share | None = None
    of: Base = "members"
    #: More than the share (a majority is more than 1/2), instead of at least the share.
    above: bool = False
    counting: Counting = "in-favour"

    _share_is_proper = field_validator("share")(_proper_share)

    @model_validator(mode="after")
    def _count_or_share(self) -> ThresholdRule:
        if self.count is None and self.share is None:
            raise ValueError("a threshold needs a count, a share, or both")
        return self


class VetoRule(Strict):
    kind: Literal["veto"]
    members: list[StateCode] = Field(min_length=1)
    abstention_is_veto: bool = False


class WeightedThresholdRule(Strict):
    kind: Literal["weighted-threshold"]
    share: Share
    weights: dict[StateCode, Annotated[float, Field(gt=0)]] = Field(min_length=1)
    #: What the weight is ("population"), as one text or per language.
    weight: Text | Translated
    reference_year: int | None = None
    of: Literal["members", "participating"] = "members"
    counting: Counting = "in-favour"

    _share_is_proper = field_validator("share")(_proper_share)


class BlockingMinorityRule(Strict):
    kind: Literal["blocking-minority"]
    count: int = Field(ge=1)


class AllOfRule(Strict):
    kind: Literal["all-of"]
    rules: list[DecisionRule] = Field(min_length=1)


class AnyOfRule(Strict):
    kind: Literal["any-of"]
    rules: list[DecisionRule] = Field(min_length=1)


class NoneOfRule(Strict):
    """Met when none of the rules is: "adopted unless a qualified majority is against"."""

    kind: Literal["none-of"]
    rules: list[DecisionRule] = Field(min_length=1)


DecisionRule = Annotated[
    ConsensusRule
    | UnanimityRule
    | ThresholdRule
    | VetoRule
    | WeightedThresholdRule
    | BlockingMinorityRule
    | AllOfRule
    | AnyOfRule
    | NoneOfRule,
    Field(discriminator="kind"),
]
AllOfRule.model_rebuild()
AnyOfRule.model_rebuild()
NoneOfRule.model_rebuild()

PositionWord = Literal[
    "yes", "no", "abstain", "absent", "not-participating", "reservation", "objection"
]
LocalTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class InSessionProcedure(Strict):
    kind: Literal["in-session"]


class WrittenProcedure(Strict):
    """Members answer in writing by a deadline; ``no_answer`` is what silence counts as."""

    kind: Literal["written"]
    days: int | None = Field(default=None, ge=0)
    #: Local time of day (the organization's time zone) at which the deadline falls.
    at: LocalTime | None = None
    no_answer: Literal["yes", "no", "abstain", "absent"] = "absent"


class SilenceProcedure(Strict):
    """Adopted at the deadline unless a member objects before it."""

    kind: Literal["silence"]
    days: int | None = Field(default=None, ge=0)
    at: LocalTime | None = None


def _procedure_from_word(value: object) -> object:
    """Accept ``written`` for ``{kind: written}``: most procedures need no settings."""
    return {"kind": value} if isinstance(value, str) else value


Procedure = Annotated[
    Annotated[
        InSessionProcedure | WrittenProcedure | SilenceProcedure, Field(discriminator="kind")
    ],
    BeforeValidator(_procedure_from_word),
]


def _in_session_only() -> list[InSessionProcedure | WrittenProcedure | SilenceProcedure]:
    return [InSessionProcedure(kind="in-session")]


class Matter(Strict):
    """How a body decides one kind of matter."""

    names: Translated | None = None
    rule: DecisionRule
    procedures: list[Procedure] = Field(default_factory=_in_session_only, min_length=1)
    source: Text | None = None


# ----------------------------------------------------------------------------- chair rules

Term = Literal["calendar-year", "month", "session-to-session", "fixed"]


class ChairingStateRule(Strict):
    """The representative of the state that chairs the organization chairs the body."""

    kind: Literal["chairing-state"]
    source: Text | None = None


class HostStateRule(Strict):
    """The head of the state hosting the regular session chairs until the next one."""

    kind: Literal["host-state"]
    until: Literal["next-regular-session"] = "next-regular-session"
    source: Text | None = None


class RotationRule(Strict):
    """States take turns, in the order of their names in one language."""

    kind: Literal["rotation"]
    order: Literal["alphabetical"] = "alphabetical"
    language: Language
    term: Term
    source: Text | None = None


class ElectedRule(Strict):
    kind: Literal["elected"]
    term_years: int = Field(ge=1)
    source: Text | None = None


ChairRule = Annotated[
    ChairingStateRule | HostStateRule | RotationRule | ElectedRule,
    Field(discriminator="kind"),
]


# ----------------------------------------------------------------------------- the charter


class PeriodSpec(Strict):
    status: ParticipationStatus
    start_on: date = Field(alias="from")
    end_on: date | None = Field(default=None, alias="to")
    source: Text | None = None

    def as_period(self) -> Period:
        return Period(self.status, self.start_on, self.end_on)


class MemberSpec(Strict):
    code: StateCode
    names: Translated
    short_names: Translated | None = None
    periods: list[PeriodSpec] = Field(min_length=1)


Level = Literal[
    "supreme", "ministerial", "senior-officials", "permanent", "parliamentary", "subsidiary"
]


DocumentKind = Literal[
    "statement",
    "joint-statement",
    "declaration",
    "decision",
    "protocol-decision",
    "resolution",
    "plan",
    "concept",
    "programme",
    "regulation",
    "agreement",
    "protocol",
    "report",
    "communique",
    "agenda",
    "other",
]


def _symbol_pattern(pattern: str) -> str:
    try:
        check_pattern(pattern)
    except RuleError as error:
        raise ValueError(str(error)) from None
    return pattern


class SymbolSeriesSpec(Strict):
    """Documents of some kinds numbered in sequence, per year, in an official symbol."""

    #: The series' code, unique within the body (``decisions``).
    code: Code
    kinds: list[DocumentKind] = Field(min_length=1)
    #: ``{year}`` and ``{number}`` filled in, e.g. ``CSTO/CSC/{year}/{number}``.
    pattern: Annotated[str, AfterValidator(_symbol_pattern), StringConstraints(max_length=60)]
    source: Text | None = None


class QuorumSpec(Strict):
    """How many member states must be present: a count, a share of the members, or both."""

    count: int | None = Field(default=None, ge=1)
    share: Share | None = None
    source: Text | None = None

    _share_is_proper = field_validator("share")(_proper_share)

    @model_validator(mode="after")
    def _count_or_share(self) -> QuorumSpec:
        if self.count is None and self.share is None:
            raise ValueError("a quorum needs a count, a share, or both")
        return self


class BodySpec(Strict):
    code: Code
    names: Translated
    acronyms: Translated | None = None
    level: Level
    reports_to: Code | None = None
    #: Whose representatives sit in the body (e.g. ``minister-of-foreign-affairs``).
    members: Code
    composition: Translated
    decisions: dict[Code, Matter] = Field(min_length=1)
    chair: ChairRule
    #: The series in which the body's documents get their official symbols.
    symbols: list[SymbolSeriesSpec] = Field(default_factory=list)
    quorum: QuorumSpec | None = None


class SkipSpec(Strict):
    """The state loses its turn in the term containing ``on``; the next one takes it."""

    kind: Literal["skip"]
    on: date
    state: StateCode
    reason: Translated
    source: Text | None = None


class SwapSpec(Strict):
    """``states[0]`` chairs the term containing ``on[0]``, ``states[1]`` that of ``on[1]``."""

    kind: Literal["swap"]
    on: tuple[date, date]
    states: tuple[StateCode, StateCode]
    reason: Translated
    source: Text | None = None


class AssignSpec(Strict):
    """The state chairs the term containing ``on`` out of order; the rotation goes on after it."""

    kind: Literal["assign"]
    on: date
    state: StateCode
    reason: Translated
    source: Text | None = None


OverrideSpec = Annotated[SkipSpec | SwapSpec | AssignSpec, Field(discriminator="kind")]


class ChairmanshipRuleSpec(Strict):
    kind: Literal["rotation", "host-state", "elected"]
    order: Literal["alphabetical"] | None = None
    language: Language | None = None
    term: Term
    description: Translated | None = None
    source: Text | None = None
    overrides: list[OverrideSpec] = Field(default_factory=list)


class ChairmanshipSpec(Strict):
    state: StateCode
    start_on: date = Field(alias="from")
    end_on: date | None = Field(default=None, alias="to")
    priorities: Translated | None = None
    source: Text | None = None


def _known_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{name}' is not an IANA time zone, such as Europe/Moscow") from None
    return name


class StatusAccessSpec(Strict):
    """What a state holding a looser status than membership (observer, partner) receives."""

    #: Whether the documents distributed to such a state reach its delegation. Left out or
    #: false, the delegation sees only what is public, like anybody else.
    receive_documents: StrictBool = False
    source: Text | None = None


class OrganizationSpec(Strict):
    code: Code
    names: Translated
    acronyms: Translated
    official_languages: list[Language] = Field(min_length=1)
    working_languages: list[Language] = Field(min_length=1)
    #: The languages in which the file gives every name; by default the official ones.
    names_in: list[Language] | None = None
    #: The IANA time zone of the seat, in which procedure deadlines fall.
    timezone: Annotated[str, AfterValidator(_known_zone)] = "UTC"
    #: How the organization words each position (display only; files use the fixed words).
    vocabulary: dict[PositionWord, Translated] = Field(default_factory=dict)
    #: What observer and partner states receive; by default only what is public.
    observers: StatusAccessSpec = Field(default_factory=StatusAccessSpec)
    partners: StatusAccessSpec = Field(default_factory=StatusAccessSpec)
    #: Whether the Secretary General signs adopted texts, besides the heads of delegation.
    secretary_general_signs: StrictBool = False
    chairmanship: ChairmanshipRuleSpec

    @property
    def name_languages(self) -> list[str]:
        return self.names_in or self.official_languages


class StateSpec(Strict):
    """A state the charter names without it being a member (a candidate, a party to a dispute)."""

    code: StateCode
    names: Translated
    short_names: Translated | None = None


# ----------------------------------------------------------------------------- sessions


class RegularSessionSpec(Strict):
    """Bodies that hold a regular session once in each chairmanship, in the chairing state."""

    bodies: list[Code] = Field(min_length=1)
    #: Where the session is held: in the state chairing the organization.
    host: Literal["chairing-state"] = "chairing-state"
    #: The months of the year it falls in, both included (September to December: 9 and 12).
    from_month: int = Field(ge=1, le=12)
    to_month: int = Field(ge=1, le=12)
    source: Text | None = None


class UrgentStepSpec(Strict):
    """One step of an urgent path: consultations, a decision without a session, the session."""

    code: Code
    kind: Literal["consultations", "decision", "session"]
    names: Translated
    #: How long the step may take from its start, where the charter sets a limit.
    within_hours: int | None = Field(default=None, ge=1)
    source: Text | None = None


class UrgentPathSpec(Strict):
    """The ordered steps that a request of one kind starts, ending with the session."""

    names: Translated
    #: The body that decides and meets on the request.
    body: Code
    steps: list[UrgentStepSpec] = Field(min_length=1)
    source: Text | None = None


RequestKind = Literal["extraordinary-session", "collective-assistance"]


class SessionsSpec(Strict):
    """How the organization's bodies meet: regular sessions, and urgent paths per request."""

    regular: list[RegularSessionSpec] = Field(default_factory=list)
    urgent_paths: dict[RequestKind, UrgentPathSpec] = Field(default_factory=dict)


class Charter(Strict):
    organization: OrganizationSpec
    members: list[MemberSpec] = Field(min_length=1)
    states: list[StateSpec] = Field(default_factory=list)

    @property
    def named_states(self) -> list[MemberSpec | StateSpec]:
        """Every state the charter names: its members, then the other states it lists."""
        return [*self.members, *self.states]

    bodies: list[BodySpec] = Field(min_length=1)
    chairmanships: list[ChairmanshipSpec] = Field(default_factory=list)
    #: Regular sessions and urgent paths; optional (docs/charters.md, "Sessions").
    sessions: SessionsSpec | None = None


# ----------------------------------------------------------------------------- the record


class OfficeSpec(Strict):
    role: Code
    titles: Translated
    state: StateCode | None = None
    #: Leave out when the sources do not say since when the office was held.
    start_on: date | None = Field(default=None, alias="from")
    end_on: date | None = Field(default=None, alias="to")


class PersonSpec(Strict):
    code: Code
    names: Translated
    state: StateCode | None = None
    offices: list[OfficeSpec] = Field(default_factory=list)


class DelegateSpec(Strict):
    person: Code
    role: Literal["alternate", "adviser"]


class AttendanceSpec(Strict):
    state: StateCode
    presence: Literal["in-person", "remote", "absent"]
    head: Code | None = None
    #: Alternates and advisers; the head is ``head``.
    delegation: list[DelegateSpec] = Field(default_factory=list)
    credentials: Literal["not-recorded", "received", "accepted", "provisional"] = "not-recorded"
    note: Translated | None = None


ItemResult = Literal[
    "pending",
    "adopted",
    "approved",
    "agreed",
    "noted",
    "discussed",
    "rejected",
    "deferred",
    "returned",
    "withdrawn",
]


class AgendaItemSpec(Strict):
    number: int = Field(ge=1)
    titles: Translated
    documents: list[Code] = Field(default_factory=list)
    result: ItemResult = "pending"
    result_note: Translated | None = None


class AgendaSpec(Strict):
    status: Literal["draft", "approved"]
    approved_at: Code | None = None
    approved_by: list[Code] = Field(default_factory=list)
    approved_on: date | None = None
    items: list[AgendaItemSpec] = Field(default_factory=list)


class SessionSpec(Strict):
    code: Code
    bodies: list[Code] = Field(min_length=1)
    titles: Translated
    number: int | None = Field(default=None, ge=1)
    kind: Literal["regular", "extraordinary"]
    mode: Literal["in-person", "videoconference", "hybrid"]
    venue: Translated | None = None
    host: StateCode | None = None
    start_on: date = Field(alias="from")
    end_on: date | None = Field(default=None, alias="to")
    status: Literal["planned", "convened", "open", "closed"]
    chair_state: StateCode | None = None
    chair_person: Code | None = None
    requested_by: list[StateCode] = Field(default_factory=list)
    officials: list[Code] = Field(default_factory=list)
    attendance: list[AttendanceSpec] = Field(default_factory=list)
    chairmanship_handover: StateCode | None = None
    summary: Translated | None = None
    agenda: AgendaSpec | None = None


class TextSpec(Strict):
    title: Text
    body: str = ""
    summary: bool = False
    translation: bool = False
    source: Text | None = None


class RelationSpec(Strict):
    kind: Literal["supersedes", "amends", "implements", "continues", "refers-to"]
    target: Code


class DocumentSpec(Strict):
    code: Code
    kind: DocumentKind
    issued_by: list[Code] = Field(min_length=1)
    authentic_languages: list[Language] = Field(min_length=1)
    classification: Literal["public", "restricted", "confidential", "secret"]
    #: ``all``: every state taking part in decisions on ``distributed_on`` (by default the
    #: adoption date, or the date of the session that adopted it).
    distributed_to: Literal["all"] | list[StateCode] = Field(default_factory=list)
    distributed_on: date | None = None
    status: Literal[
        "draft", "under-negotiation", "agreed", "adopted", "rejected", "withdrawn", "published"
    ]
    adopted_on: date | None = None
    adopted_at: Code | None = None
    adopted_under_item: int | None = Field(default=None, ge=1)
    published_on: date | None = None
    #: The day a classified document becomes public by itself (its derestriction).
    derestricted_on: date | None = None
    symbol: Annotated[str, StringConstraints(max_length=80)] = ""
    texts: dict[Language, TextSpec] = Field(min_length=1)
    relations: list[RelationSpec] = Field(default_factory=list)


class Record(Strict):
    organization: Code
    people: list[PersonSpec] = Field(default_factory=list)
    chairmanships: list[ChairmanshipSpec] = Field(default_factory=list)
    sessions: list[SessionSpec] = Field(default_factory=list)
    documents: list[DocumentSpec] = Field(default_factory=list)


# ----------------------------------------------------------------------------- cross-checks


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong at ``loc`` (a path of keys and indexes into the file)."""

    loc: Loc
    code: str
    message: str
    params: Mapping[str, object] | None = None


def _duplicates(loc: Loc, codes: Iterable[object], field: str = "code") -> Iterator[Problem]:
    """A problem for each entry of the list at ``loc`` whose ``field`` an earlier one has."""
    seen: set[object] = set()
    for index, code in enumerate(codes):
        if code in seen:
            yield Problem(
                (*loc, index, field), "duplicate", f"{code} is listed twice", {"code": code}
            )
        seen.add(code)


def _period_problems(loc: Loc, periods: Sequence[Period]) -> Iterator[Problem]:
    try:
        check_periods(periods)
    except RuleError as error:
        yield Problem((*loc, error.index or 0), error.code, str(error))


def _missing_languages(
    loc: Loc, texts: Mapping[str, str] | None, required: Iterable[str]
) -> Iterator[Problem]:
    for language in required:
        if texts is not None and language not in texts:
            yield Problem(
                loc,
                "missing-language",
                f"a name in every language of names_in (by default the official languages) is "
                f"expected; '{language}' is missing",
                {"language": language},
            )


def _unknown_state(loc: Loc, code: str) -> Problem:
    return Problem(loc, "unknown-state", f"{code} is not a member in this charter", {"code": code})


def _unknown(loc: Loc, what: str, code: str) -> Problem:
    return Problem(loc, f"unknown-{what}", f"no {what} has the code '{code}'", {"code": code})


def check_charter(charter: Charter) -> list[Problem]:
    """Return what refers to nothing, repeats, or overlaps in a charter."""
    problems: list[Problem] = []
    languages = charter.organization.name_languages
    problems += _missing_languages(("organization", "names"), charter.organization.names, languages)
    states = {member.code for member in charter.members}
    bodies = {body.code for body in charter.bodies}
    problems += _duplicates(("members",), (member.code for member in charter.members))
    problems += _duplicates(("bodies",), (body.code for body in charter.bodies))
    problems += _duplicates(("states",), (state.code for state in charter.states))
    problems += (
        Problem(
            ("states", index, "code"),
            "duplicate",
            f"{state.code} is listed twice",
            {"code": state.code},
        )
        for index, state in enumerate(charter.states)
        if state.code in states
    )
    for index, member in enumerate(charter.members):
        problems += _missing_languages(("members", index, "names"), member.names, languages)
        problems += _period_problems(
            ("members", index, "periods"), [period.as_period() for period in member.periods]
        )
    for index, body in enumerate(charter.bodies):
        problems += _missing_languages(("bodies", index, "names"), body.names, languages)
        problems += _duplicates(
            ("bodies", index, "symbols"), (series.code for series in body.symbols)
        )
        if body.reports_to is not None and body.reports_to not in bodies:
            problems.append(_unknown(("bodies", index, "reports_to"), "body", body.reports_to))
        for matter, spec in body.decisions.items():
            rule_loc: Loc = ("bodies", index, "decisions", matter, "rule")
            problems += (
                _unknown_state(loc, code)
                for loc, code in _states_in_rule(rule_loc, spec.rule)
                if code not in states
            )
    problems += _hierarchy_problems(charter.bodies)
    for index, state in enumerate(charter.states):
        problems += _missing_languages(("states", index, "names"), state.names, languages)
    problems += _override_problems(charter, states)
    problems += _session_problems(charter.sessions, bodies)
    problems += (
        _unknown_state(("chairmanships", index, "state"), chairmanship.state)
        for index, chairmanship in enumerate(charter.chairmanships)
        if chairmanship.state not in states
    )
    problems += _period_problems(
        ("chairmanships",),
        [
            Period(ParticipationStatus.MEMBER, chairmanship.start_on, chairmanship.end_on)
            for chairmanship in charter.chairmanships
        ],
    )
    return problems


def _session_problems(sessions: SessionsSpec | None, bodies: Collection[str]) -> Iterator[Problem]:
    """Unknown bodies, months out of order, and urgent paths not ending with one session."""
    if sessions is None:
        return
    for index, regular in enumerate(sessions.regular):
        loc: Loc = ("sessions", "regular", index)
        for position, code in enumerate(regular.bodies):
            if code not in bodies:
                yield _unknown((*loc, "bodies", position), "body", code)
        if regular.from_month > regular.to_month:
            yield Problem(
                (*loc, "to_month"),
                "months-out-of-order",
                "to_month comes before from_month",
                {"first": regular.from_month, "last": regular.to_month},
            )
    for kind, path in sessions.urgent_paths.items():
        loc = ("sessions", "urgent_paths", kind)
        if path.body not in bodies:
            yield _unknown((*loc, "body"), "body", path.body)
        yield from _duplicates((*loc, "steps"), (step.code for step in path.steps))
        kinds = [step.kind for step in path.steps]
        if kinds[-1] != "session" or kinds.count("session") != 1:
            yield Problem(
                (*loc, "steps"),
                "session-not-last",
                "the last step, and only it, is the session (kind: session)",
            )


def _override_problems(charter: Charter, members: Collection[str]) -> Iterator[Problem]:
    overrides = charter.organization.chairmanship.overrides
    for index, override in enumerate(overrides):
        loc: Loc = ("organization", "chairmanship", "overrides", index)
        codes = override.states if isinstance(override, SwapSpec) else (override.state,)
        for position, code in enumerate(codes):
            if code not in members:
                field = ("states", position) if isinstance(override, SwapSpec) else ("state",)
                yield _unknown_state((*loc, *field), code)
        if isinstance(override, SwapSpec) and override.on[0] >= override.on[1]:
            yield Problem(
                (*loc, "on"),
                "swap-out-of-order",
                "a swap gives its two terms in order, the earlier first",
            )


def _states_in_rule(loc: Loc, rule: DecisionRule) -> Iterator[tuple[Loc, str]]:
    if isinstance(rule, VetoRule):
        for index, code in enumerate(rule.members):
            yield (*loc, "members", index), code
    elif isinstance(rule, WeightedThresholdRule):
        for code in rule.weights:
            yield (*loc, "weights", code), code
    elif isinstance(rule, AllOfRule | AnyOfRule | NoneOfRule):
        for index, inner in enumerate(rule.rules):
            yield from _states_in_rule((*loc, "rules", index), inner)


def _hierarchy_problems(bodies: Sequence[BodySpec]) -> Iterator[Problem]:
    parent = {body.code: body.reports_to for body in bodies}
    for index, body in enumerate(bodies):
        seen = {body.code}
        current = parent.get(body.code)
        while current is not None:
            if current in seen:
                yield Problem(
                    ("bodies", index, "reports_to"),
                    "reporting-cycle",
                    f"body {body.code} ends up reporting to itself",
                    {"code": body.code},
                )
                break
            seen.add(current)
            current = parent.get(current)


def check_record(
    record: Record,
    *,
    states: Collection[str],
    bodies: Collection[str],
    known_people: Collection[str] = (),
    known_sessions: Collection[str] = (),
    known_documents: Collection[str] = (),
) -> list[Problem]:
    """Return what a record refers to that neither it nor the database holds, and repeats.

    ``states`` and ``bodies`` come from the organization's charter; the ``known_*``
    collections are what earlier records already loaded.
    """
    checker = _RecordChecker(
        states=set(states),
        bodies=set(bodies),
        people={*known_people, *(person.code for person in record.people)},
        sessions={*known_sessions, *(session.code for session in record.sessions)},
        documents={*known_documents, *(document.code for document in record.documents)},
    )
    checker.check(record)
    return checker.problems


@dataclass
class _RecordChecker:
    """Collects the problems of one record, knowing every code it may refer to."""

    states: set[str]
    bodies: set[str]
    people: set[str]
    sessions: set[str]
    documents: set[str]
    problems: list[Problem] = dataclasses.field(default_factory=list)
    #: The agenda item numbers of each session in the record.
    items: dict[str, set[int]] = dataclasses.field(default_factory=dict)

    def state(self, loc: Loc, code: str | None) -> None:
        if code is not None and code not in self.states:
            self.problems.append(_unknown_state(loc, code))

    def known(self, loc: Loc, what: str, code: str | None, among: Collection[str]) -> None:
        if code is not None and code not in among:
            self.problems.append(_unknown(loc, what, code))

    def report(self, loc: Loc, code: str, message: str, **params: object) -> None:
        self.problems.append(Problem(loc, code, message, params or None))

    def check(self, record: Record) -> None:
        self.problems += _duplicates(("people",), (person.code for person in record.people))
        self.problems += _duplicates(("sessions",), (session.code for session in record.sessions))
        self.problems += _duplicates(("documents",), (doc.code for doc in record.documents))
        for index, person in enumerate(record.people):
            self.state(("people", index, "state"), person.state)
            for office_index, office in enumerate(person.offices):
                self.state(("people", index, "offices", office_index, "state"), office.state)
        for index, chairmanship in enumerate(record.chairmanships):
            self.state(("chairmanships", index, "state"), chairmanship.state)
        for index, session in enumerate(record.sessions):
            self.check_session(("sessions", index), session)
        for index, document in enumerate(record.documents):
            self.check_document(("documents", index), document)

    def check_session(self, loc: Loc, session: SessionSpec) -> None:
        for body_index, body in enumerate(session.bodies):
            self.known((*loc, "bodies", body_index), "body", body, self.bodies)
        if session.end_on is not None and session.end_on < session.start_on:
            self.report(
                (*loc, "to"),
                "session-ends-before-start",
                f"the session closes on {session.end_on}, before it opens on {session.start_on}",
            )
        for field in ("host", "chair_state", "chairmanship_handover"):
            self.state((*loc, field), getattr(session, field))
        for state_index, code in enumerate(session.requested_by):
            self.state((*loc, "requested_by", state_index), code)
        self.known((*loc, "chair_person"), "person", session.chair_person, self.people)
        for person_index, code in enumerate(session.officials):
            self.known((*loc, "officials", person_index), "person", code, self.people)
        for index, attendance in enumerate(session.attendance):
            self.state((*loc, "attendance", index, "state"), attendance.state)
            self.known((*loc, "attendance", index, "head"), "person", attendance.head, self.people)
            seen = {attendance.head}
            for member_index, member in enumerate(attendance.delegation):
                member_loc: Loc = (*loc, "attendance", index, "delegation", member_index, "person")
                self.known(member_loc, "person", member.person, self.people)
                if member.person in seen:
                    self.problems.append(
                        Problem(
                            member_loc,
                            "duplicate",
                            f"{member.person} is listed twice",
                            {"code": member.person},
                        )
                    )
                seen.add(member.person)
        self.problems += _duplicates(
            (*loc, "attendance"), (attendance.state for attendance in session.attendance), "state"
        )
        if session.agenda is not None:
            self.check_agenda((*loc, "agenda"), session.agenda)
            self.items[session.code] = {item.number for item in session.agenda.items}

    def check_agenda(self, loc: Loc, agenda: AgendaSpec) -> None:
        self.known((*loc, "approved_at"), "session", agenda.approved_at, self.sessions)
        for body_index, body in enumerate(agenda.approved_by):
            self.known((*loc, "approved_by", body_index), "body", body, self.bodies)
        if agenda.status == "approved" and (
            agenda.approved_at is None or agenda.approved_on is None
        ):
            self.report(
                (*loc, "status"),
                "approval-incomplete",
                "an approved agenda says at which session (approved_at) and on which date "
                "(approved_on) it was approved",
            )
        self.problems += _duplicates(
            (*loc, "items"), (item.number for item in agenda.items), "number"
        )
        for item_index, item in enumerate(agenda.items):
            for document_index, code in enumerate(item.documents):
                item_loc: Loc = (*loc, "items", item_index, "documents", document_index)
                self.known(item_loc, "document", code, self.documents)

    def check_document(self, loc: Loc, document: DocumentSpec) -> None:
        for body_index, body in enumerate(document.issued_by):
            self.known((*loc, "issued_by", body_index), "body", body, self.bodies)
        if document.distributed_to != "all":
            for state_index, code in enumerate(document.distributed_to):
                self.state((*loc, "distributed_to", state_index), code)
        self.known((*loc, "adopted_at"), "session", document.adopted_at, self.sessions)
        number = document.adopted_under_item
        if number is not None:
            if document.adopted_at is None:
                self.report(
                    (*loc, "adopted_under_item"),
                    "item-without-session",
                    "an agenda item is given, but not the session it belongs to (adopted_at)",
                )
            elif number not in self.items.get(document.adopted_at, {number}):
                self.report(
                    (*loc, "adopted_under_item"),
                    "unknown-item",
                    f"session {document.adopted_at} has no agenda item {number}",
                    session=document.adopted_at,
                    number=number,
                )
        if document.derestricted_on is not None and document.classification == "public":
            self.report(
                (*loc, "derestricted_on"),
                "derestricting-public",
                "only a classified document can be derestricted; this one is public already",
            )
        if document.status == "published" and document.classification != "public":
            self.report(
                (*loc, "status"),
                "published-not-public",
                "only a public document can be published; classify it public first",
            )
        for relation_index, relation in enumerate(document.relations):
            relation_loc: Loc = (*loc, "relations", relation_index, "target")
            self.known(relation_loc, "document", relation.target, self.documents)
            if relation.target == document.code:
                self.report(relation_loc, "self-relation", "a document cannot relate to itself")
