"""Sessions of one or several bodies, who attended them, and their agendas; requests for
sessions and the urgent paths they start."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretariat.documents.models import Document
from secretariat.organizations.models import (
    Body,
    Chairmanship,
    MemberState,
    Organization,
    Person,
)
from secretariat.organizations.translated import pick


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("regular")
    EXTRAORDINARY = "extraordinary", _("extraordinary")


class SessionMode(models.TextChoices):
    IN_PERSON = "in-person", _("in person")
    VIDEOCONFERENCE = "videoconference", _("videoconference")
    HYBRID = "hybrid", _("hybrid")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("session status", "planned")
    CONVENED = "convened", pgettext_lazy("session status", "convened")
    OPEN = "open", pgettext_lazy("session status", "open")
    CLOSED = "closed", pgettext_lazy("session status", "closed")


class Session(models.Model):
    """A sitting of one body, or of several bodies jointly (a joint meeting)."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("organization"),
    )
    code = models.SlugField(_("code"), max_length=80)
    bodies = models.ManyToManyField(Body, related_name="sessions", verbose_name=_("bodies"))
    titles = models.JSONField(_("titles"), default=dict)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=SessionKind.choices)
    mode = models.CharField(_("mode"), max_length=16, choices=SessionMode.choices)
    venue = models.JSONField(_("venue"), default=dict)
    host_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_sessions",
        verbose_name=_("host state"),
    )
    start_on = models.DateField(_("opens on"))
    end_on = models.DateField(_("closes on"))
    chair_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_sessions",
        verbose_name=_("chair (state)"),
    )
    chair_person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_sessions",
        verbose_name=_("chair (person)"),
    )
    requested_by = models.ManyToManyField(
        MemberState,
        blank=True,
        related_name="requested_sessions",
        verbose_name=_("requested by"),
    )
    officials = models.ManyToManyField(
        Person,
        blank=True,
        related_name="sessions_attended",
        verbose_name=_("officials of the organization present"),
    )
    status = models.CharField(_("status"), max_length=16, choices=SessionStatus.choices)
    #: The handover of the organization's chairmanship announced at this session, if any.
    chairmanship_handover = models.ForeignKey(
        Chairmanship,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="announced_at",
        verbose_name=_("chairmanship handed over"),
    )
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    #: Proposed by Secretariat from the charter's regular sessions, awaiting the secretariat's
    #: confirmation; ``start_on``/``end_on`` are then the period it may fall in.
    is_proposed = models.BooleanField(_("proposed, awaiting confirmation"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["organization", "-start_on", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="session_code_unique"),
            models.CheckConstraint(
                condition=models.Q(end_on__gte=models.F("start_on")),
                name="session_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:session-detail", args=[self.organization.code, self.code])

    @property
    def title(self) -> str:
        return pick(self.titles) or self.code

    @property
    def venue_name(self) -> str:
        return pick(self.venue)

    @property
    def is_joint(self) -> bool:
        return len(self.bodies.all()) > 1


class Presence(models.TextChoices):
    IN_PERSON = "in-person", _("present")
    REMOTE = "remote", _("present by video link")
    ABSENT = "absent", _("absent")


class Credentials(models.TextChoices):
    NOT_RECORDED = "not-recorded", _("not recorded")
    RECEIVED = "received", _("full powers received")
    ACCEPTED = "accepted", _("full powers accepted")
    PROVISIONAL = "provisional", _("seated provisionally")


class Attendance(models.Model):
    """How one state's delegation attended a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("state")
    )
    presence = models.CharField(_("presence"), max_length=16, choices=Presence.choices)
    head = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations_headed",
        verbose_name=_("head of delegation"),
    )
    note = models.JSONField(_("note"), default=dict, blank=True)
    #: The delegation's full powers, as the secretariat recorded them.
    credentials = models.CharField(
        _("credentials"),
        max_length=16,
        choices=Credentials.choices,
        default=Credentials.NOT_RECORDED,
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "state__code"]
        constraints = [
            models.UniqueConstraint(fields=["session", "state"], name="attendance_state_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.state.code}: {self.get_presence_display()}"


class DelegateRole(models.TextChoices):
    ALTERNATE = "alternate", _("alternate")
    ADVISER = "adviser", _("adviser")


class DelegationMember(models.Model):
    """A member of a state's delegation to a session besides its head: an alternate or adviser."""

    attendance = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="members", verbose_name=_("delegation")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=16, choices=DelegateRole.choices)

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["attendance", "role", "person__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["attendance", "person"], name="one_place_per_person_in_a_delegation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attendance}: {self.person.code} ({self.role})"


class AgendaStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("agenda status", "draft")
    APPROVED = "approved", pgettext_lazy("agenda status", "approved")


class Agenda(models.Model):
    """The agenda of a session, possibly approved by another body at another session.

    In Dushanbe the joint meeting of 15 September 2021 approved the agenda of the
    Collective Security Council for the next day: ``approved_at`` is the joint
    meeting, ``approved_by`` its three bodies.
    """

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("session")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AgendaStatus.choices, default=AgendaStatus.DRAFT
    )
    approved_at = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendas_approved",
        verbose_name=_("approved at session"),
    )
    approved_by = models.ManyToManyField(
        Body, blank=True, related_name="agendas_approved", verbose_name=_("approved by")
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(approved_on__isnull=False, approved_at__isnull=False),
                name="approved_agenda_says_when_and_where",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Agenda of %(session)s") % {"session": self.session})


class ItemResult(models.TextChoices):
    PENDING = "pending", pgettext_lazy("agenda item result", "pending")
    ADOPTED = "adopted", pgettext_lazy("agenda item result", "adopted")
    APPROVED = "approved", pgettext_lazy("agenda item result", "approved")
    AGREED = "agreed", pgettext_lazy("agenda item result", "general agreement reached")
    NOTED = "noted", pgettext_lazy("agenda item result", "taken note of")
    DISCUSSED = "discussed", pgettext_lazy("agenda item result", "discussed")
    REJECTED = "rejected", pgettext_lazy("agenda item result", "rejected")
    DEFERRED = "deferred", pgettext_lazy("agenda item result", "deferred")
    RETURNED = "returned", pgettext_lazy("agenda item result", "returned for revision")
    WITHDRAWN = "withdrawn", pgettext_lazy("agenda item result", "withdrawn")


class AgendaItem(models.Model):
    agenda = models.ForeignKey(
        Agenda, on_delete=models.CASCADE, related_name="items", verbose_name=_("agenda")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    titles = models.JSONField(_("titles"), default=dict)
    documents = models.ManyToManyField(
        Document, blank=True, related_name="agenda_items", verbose_name=_("documents considered")
    )
    result = models.CharField(
        _("result"), max_length=16, choices=ItemResult.choices, default=ItemResult.PENDING
    )
    result_note = models.JSONField(_("result note"), default=dict, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["agenda", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="agenda_item_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return pick(self.titles)


class SessionRules(models.Model):
    """What an organization's charter says about its sessions, as ``charter load`` wrote it.

    ``regular`` lists the bodies that meet once in each chairmanship, in the chairing state,
    between two months of the year; ``urgent_paths`` gives, per kind of request, the ordered
    steps it starts (docs/charters.md, "Sessions").
    """

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="session_rules",
        verbose_name=_("organization"),
    )
    regular = models.JSONField(_("regular sessions"), default=list, blank=True)
    urgent_paths = models.JSONField(_("urgent paths"), default=dict, blank=True)

    class Meta:
        verbose_name = _("rules on sessions")
        verbose_name_plural = _("rules on sessions")

    def __str__(self) -> str:
        return str(_("Rules on sessions of %(organization)s") % {"organization": self.organization})


class RequestKind(models.TextChoices):
    EXTRAORDINARY_SESSION = "extraordinary-session", _("extraordinary session")
    COLLECTIVE_ASSISTANCE = "collective-assistance", _("collective assistance (Article 4)")


class SessionRequest(models.Model):
    """A member state's request for an extraordinary session, or for collective assistance."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="session_requests",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=RequestKind.choices)
    #: The body asked to meet (and, on an urgent path, to decide).
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="session_requests", verbose_name=_("body")
    )
    requested_by = models.ManyToManyField(
        MemberState, related_name="session_requests", verbose_name=_("requested by")
    )
    requested_on = models.DateField(_("requested on"))
    reason = models.TextField(_("reason"), blank=True)
    #: The extraordinary session convened on the request, once it is.
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("session convened"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("request for a session")
        verbose_name_plural = _("requests for sessions")
        ordering = ["organization", "-requested_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.requested_on})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:request-detail", args=[self.organization.code, self.pk])


class StepKind(models.TextChoices):
    CONSULTATIONS = "consultations", _("consultations")
    DECISION = "decision", _("decision without a session")
    SESSION = "session", _("extraordinary session")


class UrgentStep(models.Model):
    """One step of the urgent path a request started, copied from the charter when it did.

    A step is recorded with the moment it started and the moment it was completed; the
    last one, the extraordinary session, is recorded by convening the session.
    """

    request = models.ForeignKey(
        SessionRequest, on_delete=models.CASCADE, related_name="steps", verbose_name=_("request")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.SlugField(_("code"), max_length=80)
    kind = models.CharField(_("kind"), max_length=16, choices=StepKind.choices)
    names = models.JSONField(_("names"), default=dict)
    #: The charter's time limit for the step, from its start, if it sets one.
    within_hours = models.PositiveIntegerField(_("time limit (hours)"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    #: The decision or procedure the step produced, by symbol or address (decisions sit in a
    #: higher layer than meetings, so no foreign key points at them).
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("session"),
    )

    class Meta:
        verbose_name = _("step of an urgent path")
        verbose_name_plural = _("steps of an urgent path")
        ordering = ["request", "number"]
        constraints = [
            models.UniqueConstraint(fields=["request", "number"], name="urgent_step_number_unique"),
            models.UniqueConstraint(fields=["request", "code"], name="urgent_step_code_unique"),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True)
                | models.Q(started_at__isnull=False, completed_at__gte=models.F("started_at")),
                name="urgent_step_completed_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def name(self) -> str:
        return pick(self.names) or self.code

    @property
    def is_recorded(self) -> bool:
        return self.completed_at is not None

    @property
    def due_at(self) -> datetime | None:
        if self.within_hours is None or self.started_at is None:
            return None
        return self.started_at + timedelta(hours=self.within_hours)

    @property
    def is_late(self) -> bool:
        due = self.due_at
        return due is not None and self.completed_at is not None and self.completed_at > due
