"""Organizations, their member states over time, bodies, people and chairmanships."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretariat.organizations.translated import pick
from secretariat.rules.participation import (
    MEMBERSHIP_STATUSES,
    PARTICIPATING_STATUSES,
    ParticipationStatus,
)

PARTICIPATION_LABELS = {
    ParticipationStatus.MEMBER: pgettext_lazy("participation status", "member"),
    ParticipationStatus.OBSERVER: pgettext_lazy("participation status", "observer"),
    ParticipationStatus.PARTNER: pgettext_lazy("participation status", "partner"),
    ParticipationStatus.SUSPENDED: pgettext_lazy("participation status", "suspended"),
    ParticipationStatus.FROZEN: pgettext_lazy("participation status", "participation frozen"),
    ParticipationStatus.WITHDRAWN: pgettext_lazy("participation status", "withdrawn"),
}


def in_force_on(on: date, *, prefix: str = "") -> Q:
    """Match rows whose ``start_on``/``end_on`` period covers the day (end excluded).

    An empty ``start_on`` means the start is not known (an office held "since" some time
    before the record begins): such a row counts as started.
    """
    return (Q(**{f"{prefix}start_on__isnull": True}) | Q(**{f"{prefix}start_on__lte": on})) & (
        Q(**{f"{prefix}end_on__isnull": True}) | Q(**{f"{prefix}end_on__gt": on})
    )


def receives_documents_on(on: date, *, prefix: str = "") -> Q:
    """Match states (through ``prefix``, e.g. ``state__``) to which documents go on the day.

    A member does, whether it takes part in decisions or not (suspended, participation
    frozen: it is still a member); an observer or a partner does where its organization's
    charter says so (``observers.receive_documents``, ``partners.receive_documents``); a
    state that withdrew, or holds no status on the day, does not. The period's conditions are
    one ``Q`` so that they hold of the same period row (one join).
    """
    periods, organization = f"{prefix}periods__", f"{prefix}organization__"
    return in_force_on(on, prefix=periods) & (
        Q(**{f"{periods}status__in": sorted(MEMBERSHIP_STATUSES)})
        | Q(
            **{
                f"{periods}status": ParticipationStatus.OBSERVER,
                f"{organization}is_distributed_to_observers": True,
            }
        )
        | Q(
            **{
                f"{periods}status": ParticipationStatus.PARTNER,
                f"{organization}is_distributed_to_partners": True,
            }
        )
    )


class Organization(models.Model):
    code = models.SlugField(_("code"), unique=True)
    names = models.JSONField(_("names"), default=dict)
    acronyms = models.JSONField(_("acronyms"), default=dict)
    official_languages = models.JSONField(_("official languages"), default=list)
    working_languages = models.JSONField(_("working languages"), default=list)
    chairmanship_rule = models.JSONField(_("chairmanship rule"), default=dict)
    #: The IANA time zone of the seat: procedure deadlines fall in it.
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    #: Whether a document distributed to an observer state reaches its delegation (the
    #: charter's ``observers.receive_documents``); if not, observers see only what is public.
    is_distributed_to_observers = models.BooleanField(
        _("documents distributed to observers reach them"), default=False
    )
    #: The same for partner states (``partners.receive_documents``).
    is_distributed_to_partners = models.BooleanField(
        _("documents distributed to partners reach them"), default=False
    )
    #: Whether the Secretary General signs the adopted texts too, besides the heads of
    #: delegation (the charter's ``secretary_general_signs``).
    secretary_general_signs = models.BooleanField(
        _("the Secretary General signs adopted texts"), default=False
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("organizations:organization-detail", args=[self.code])

    @property
    def name(self) -> str:
        return pick(self.names)

    @property
    def acronym(self) -> str:
        return pick(self.acronyms) or self.code.upper()


class MemberStateQuerySet(models.QuerySet["MemberState"]):
    def participating_on(self, on: date) -> MemberStateQuerySet:
        """States that take part in the organization's decisions on the day."""
        return self.filter(
            Exists(
                MembershipPeriod.objects.filter(
                    in_force_on(on),
                    state=OuterRef("pk"),
                    status__in=[str(status) for status in PARTICIPATING_STATUSES],
                )
            )
        )

    def receiving_documents_on(self, on: date) -> MemberStateQuerySet:
        """States to which documents may be distributed on the day (``receives_documents_on``)."""
        return self.filter(
            Exists(MemberState.objects.filter(receives_documents_on(on), pk=OuterRef("pk")))
        )

    def with_status_on(self, on: date) -> MemberStateQuerySet:
        """Annotate each state with ``status_on``: its participation status on the day."""
        return self.annotate(
            status_on=models.Subquery(
                MembershipPeriod.objects.filter(in_force_on(on), state=OuterRef("pk")).values(
                    "status"
                )[:1]
            )
        )


class MemberState(models.Model):
    """A state as one organization knows it: its code and the names the organization uses."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="states",
        verbose_name=_("organization"),
    )
    code = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3)
    names = models.JSONField(_("names"), default=dict)
    short_names = models.JSONField(_("short names"), default=dict)

    objects = MemberStateQuerySet.as_manager()

    class Meta:
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["organization", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="state_code_unique"),
        ]

    def __str__(self) -> str:
        return self.short_name

    @property
    def name(self) -> str:
        return pick(self.names)

    @property
    def short_name(self) -> str:
        return pick(self.short_names) or self.name

    @property
    def status_label(self) -> str:
        """The label of the ``status_on`` annotation (see ``with_status_on``)."""
        status: str | None = getattr(self, "status_on", None)
        if status is None:
            return str(_("not a member"))
        return str(PARTICIPATION_LABELS[ParticipationStatus(status)])


class MembershipPeriod(models.Model):
    """One participation status held by a state from ``start_on`` until ``end_on`` (excluded)."""

    state = models.ForeignKey(
        MemberState, on_delete=models.CASCADE, related_name="periods", verbose_name=_("state")
    )
    status = models.CharField(
        _("status"), max_length=32, choices=list(PARTICIPATION_LABELS.items())
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("membership period")
        verbose_name_plural = _("membership periods")
        ordering = ["state", "start_on"]
        constraints = [
            models.UniqueConstraint(fields=["state", "start_on"], name="period_start_unique"),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state.code} {self.status} {self.start_on}–{self.end_on or ''}"


class BodyLevel(models.TextChoices):
    SUPREME = "supreme", _("supreme body")
    MINISTERIAL = "ministerial", _("ministerial body")
    SENIOR_OFFICIALS = "senior-officials", _("body of senior officials")
    PERMANENT = "permanent", _("permanent body")
    PARLIAMENTARY = "parliamentary", _("parliamentary body")
    SUBSIDIARY = "subsidiary", _("subsidiary body")


class Body(models.Model):
    """A council, committee or assembly of the organization, as its charter describes it."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="bodies",
        verbose_name=_("organization"),
    )
    code = models.SlugField(_("code"))
    names = models.JSONField(_("names"), default=dict)
    acronyms = models.JSONField(_("acronyms"), default=dict)
    level = models.CharField(_("level"), max_length=32, choices=BodyLevel.choices)
    reports_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subordinates",
        verbose_name=_("reports to"),
    )
    #: Whose representatives sit in the body, e.g. ``minister-of-foreign-affairs``.
    member_role = models.SlugField(_("members' role"))
    composition = models.JSONField(_("composition"), default=dict)
    decision_rules = models.JSONField(_("decision rules"), default=dict)
    chair_rule = models.JSONField(_("chair rule"), default=dict)
    #: The series of official symbols: ``[{"code", "kinds", "pattern", "source"}]``.
    symbol_series = models.JSONField(_("symbol series"), default=list)
    #: ``{"count": n, "share": "2/3", "source": …}``; empty when the charter sets no quorum.
    quorum = models.JSONField(_("quorum"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["organization", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="body_code_unique"),
        ]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("organizations:body-detail", args=[self.organization.code, self.code])

    @property
    def name(self) -> str:
        return pick(self.names)

    @property
    def acronym(self) -> str:
        return pick(self.acronyms) or self.name


class Person(models.Model):
    """A representative of a state or an official of the organization."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="people",
        verbose_name=_("organization"),
    )
    code = models.SlugField(_("code"))
    names = models.JSONField(_("names"), default=dict)
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("state"),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["organization", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="person_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.names)


class Office(models.Model):
    """An office a person holds over a period: a minister of a state, the Secretary General."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="offices", verbose_name=_("person")
    )
    #: e.g. ``minister-of-foreign-affairs`` or ``secretary-general``; matches ``Body.member_role``.
    role = models.SlugField(_("role"))
    titles = models.JSONField(_("titles"), default=dict)
    #: The state the office belongs to; empty for an official of the organization itself.
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offices",
        verbose_name=_("state"),
    )
    #: Empty when the record does not say since when the person held the office.
    start_on = models.DateField(_("from"), null=True, blank=True)
    end_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["person", "start_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role", "start_on"], name="office_start_unique"
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="office_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.title}"

    @property
    def title(self) -> str:
        return pick(self.titles)


class Chairmanship(models.Model):
    """A state chairing the organization over a period, with the priorities it presented."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="chairmanships",
        verbose_name=_("organization"),
    )
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="chairmanships",
        verbose_name=_("state"),
    )
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)
    priorities = models.JSONField(_("priorities"), default=dict)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        ordering = ["organization", "start_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "start_on"], name="chairmanship_start_unique"
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gt=models.F("start_on")),
                name="chairmanship_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state} {self.start_on}–{self.end_on or ''}"
