"""Follow-up of adopted decisions: instructions from their operative paragraphs, the reports
received on them, and plans with a horizon."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.documents.models import Document
from secretariat.organizations.models import Body, MemberState


def _exactly_one(body: str, state: str, secretariat: str) -> Q:
    """Exactly one of a body, a state or the secretariat (three columns, one of them set)."""
    return (
        Q(**{f"{body}__isnull": False, f"{state}__isnull": True, secretariat: False})
        | Q(**{f"{body}__isnull": True, f"{state}__isnull": False, secretariat: False})
        | Q(**{f"{body}__isnull": True, f"{state}__isnull": True, secretariat: True})
    )


class InstructionStatus(models.TextChoices):
    OPEN = "open", _("open")
    COMPLETED = "completed", _("completed")


class Instruction(models.Model):
    """What an operative paragraph of an adopted decision tells a body, a state or the
    secretariat to do, and by when."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="instructions", verbose_name=_("decision")
    )
    #: The paragraph's place in the text, as ``rules.paragraphs.split`` numbers it.
    paragraph = models.PositiveIntegerField(_("paragraph"))
    #: The number the operative paragraph gives itself (``"3"``), as the page shows it.
    paragraph_label = models.CharField(_("paragraph number"), max_length=16)
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name=_("body"),
    )
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name=_("member state"),
    )
    is_for_secretariat = models.BooleanField(_("for the secretariat"), default=False)
    action = models.TextField(_("what must be done"))
    #: The last day to act; empty when the decision sets no deadline.
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InstructionStatus.choices,
        default=InstructionStatus.OPEN,
    )
    created_at = models.DateTimeField(_("given at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("given by"),
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering = ["document", "paragraph", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one("body", "state", "is_for_secretariat"),
                name="instruction_has_exactly_one_addressee",
            ),
            models.CheckConstraint(
                condition=Q(paragraph__gte=1), name="instruction_paragraph_counts_from_one"
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | Q(status="open", completed_at__isnull=True),
                name="instruction_completed_when_completed_at",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="instruction_status_due")]

    def __str__(self) -> str:
        return f"{self.document.code} §{self.paragraph_label}: {self.addressee}"

    def get_absolute_url(self) -> str:
        return reverse(
            "followup:instruction-detail", args=[self.document.organization.code, self.pk]
        )

    @property
    def addressee(self) -> str:
        """Who must act, as pages name it."""
        if self.state is not None:
            return self.state.short_name
        if self.body is not None:
            return self.body.name
        return str(_("the secretariat"))

    @property
    def is_completed(self) -> bool:
        return self.status == InstructionStatus.COMPLETED


class Report(models.Model):
    """A report received on an instruction: from whom, when, what it says."""

    instruction = models.ForeignKey(
        Instruction, on_delete=models.CASCADE, related_name="reports", verbose_name=_("instruction")
    )
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from the state"),
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from the body"),
    )
    is_from_secretariat = models.BooleanField(_("from the secretariat"), default=False)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    summary = models.TextField(_("summary"))
    #: The report says the instruction is carried out, and the secretariat closed it with it.
    is_final = models.BooleanField(_("completes the instruction"), default=False)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["instruction", "received_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one("body", "state", "is_from_secretariat"),
                name="report_has_exactly_one_sender",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instruction_id} {self.received_on}: {self.sender}"

    @property
    def sender(self) -> str:
        """Who reported, as pages name it."""
        if self.state is not None:
            return self.state.short_name
        if self.body is not None:
            return self.body.name
        return str(_("the secretariat"))


class Plan(models.Model):
    """A document with a horizon, such as the CSTO's plans "until 2025": its instructions'
    progress is measured against the time gone by."""

    document = models.OneToOneField(
        Document,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="plan",
        verbose_name=_("document"),
    )
    #: Where the period starts; empty: the day the document was adopted.
    start_on = models.DateField(_("starts on"), null=True, blank=True)
    horizon_on = models.DateField(_("horizon"))

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["horizon_on", "document"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_on__isnull=True) | Q(start_on__lt=models.F("horizon_on")),
                name="plan_starts_before_its_horizon",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.code} → {self.horizon_on}"

    def get_absolute_url(self) -> str:
        return reverse(
            "followup:plan-detail", args=[self.document.organization.code, self.document.code]
        )

    @property
    def period_start_on(self) -> date | None:
        """Where the period runs from: its own start, or the day the plan was adopted."""
        return self.start_on or self.document.adopted_on
