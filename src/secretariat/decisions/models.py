"""Adoption procedures: a draft put to a body under one of its rules, the states' positions,
and the outcome the rules engine computed when the procedure closed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretariat.documents.models import Document
from secretariat.meetings.models import Session
from secretariat.organizations.models import Body, MemberState
from secretariat.rules.positions import Position as PositionWord


class ProcedureKind(models.TextChoices):
    IN_SESSION = "in-session", _("in session")
    WRITTEN = "written", _("in writing")
    SILENCE = "silence", _("silence procedure")


class PositionChoice(models.TextChoices):
    """The positions of ``rules.positions.Position``, with the words pages and tallies use."""

    YES = PositionWord.YES, _("in favour")
    NO = PositionWord.NO, _("against")
    ABSTAIN = PositionWord.ABSTAIN, _("abstaining")
    ABSENT = PositionWord.ABSENT, pgettext_lazy("position", "absent")
    NOT_PARTICIPATING = PositionWord.NOT_PARTICIPATING, _("not taking part")
    RESERVATION = PositionWord.RESERVATION, _("in favour with a reservation")
    OBJECTION = PositionWord.OBJECTION, _("objecting")


class Procedure(models.Model):
    """A draft put to a body's decision under one of its matters' rules."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="procedures", verbose_name=_("document")
    )
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="procedures", verbose_name=_("body")
    )
    #: The matter of the body's decision rules (``default``, ``substantive``...).
    matter = models.SlugField(_("matter"), max_length=80)
    kind = models.CharField(_("procedure"), max_length=16, choices=ProcedureKind.choices)
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="procedures",
        verbose_name=_("session"),
    )
    #: The day the members are counted on.
    decided_on = models.DateField(_("day of the decision"), default=timezone.localdate)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    #: The deadline of a written or silence procedure: answers count until then, not after.
    closes_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    adopted = models.BooleanField(_("adopted"), null=True, blank=True)
    #: The engine's explanation, line by line, in each language of the site.
    explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    vetoed_by = models.JSONField(_("vetoed by"), default=list, blank=True)

    class Meta:
        verbose_name = _("adoption procedure")
        verbose_name_plural = _("adoption procedures")
        ordering = ["document", "opened_at", "pk"]

    def __str__(self) -> str:
        return f"{self.document.code}: {self.body.code}/{self.matter} ({self.kind})"

    def get_absolute_url(self) -> str:
        return reverse(
            "decisions:procedure-detail",
            args=[self.document.organization.code, self.document.code, self.pk],
        )

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class GivenPosition(models.Model):
    """What a state said, and who said it for the state when."""

    position = models.CharField(_("position"), max_length=24, choices=PositionChoice.choices)
    note = models.TextField(_("reservation or statement"), blank=True)
    #: The paragraph of the text the note concerns (``rules.paragraphs`` numbering); empty
    #: when it concerns the text as a whole.
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("given by"),
    )

    class Meta:
        abstract = True


class Position(GivenPosition):
    """A state's current position in a procedure: one per state, however many delegates it has."""

    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, related_name="positions", verbose_name=_("procedure")
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="positions", verbose_name=_("state")
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["procedure", "state__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "state"], name="one_position_per_state_per_procedure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state.code}: {self.position}"


class PositionChange(GivenPosition):
    """Every position given, kept: a state may change its position until the procedure closes."""

    procedure = models.ForeignKey(
        Procedure,
        on_delete=models.CASCADE,
        related_name="position_changes",
        verbose_name=_("procedure"),
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="+", verbose_name=_("state")
    )

    class Meta:
        verbose_name = _("change of position")
        verbose_name_plural = _("changes of position")
        ordering = ["procedure", "given_at", "pk"]

    def __str__(self) -> str:
        return f"{self.procedure_id} {self.state.code}: {self.position}"
