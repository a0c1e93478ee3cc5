"""The append-only log of every state change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventType(models.TextChoices):
    CHARTER_LOADED = "charter-loaded", _("charter loaded")
    RECORD_LOADED = "record-loaded", _("record loaded")
    DEMO_USERS_CREATED = "demo-users-created", _("demo users created")
    ADMIN_SAVED = "admin-saved", _("saved in the admin")
    ADMIN_DELETED = "admin-deleted", _("deleted in the admin")
    DRAFT_CREATED = "draft-created", _("draft created")
    SYMBOL_ASSIGNED = "symbol-assigned", _("official symbol assigned")
    TEXT_SAVED = "text-saved", _("text saved as a new version")
    AMENDMENT_PROPOSED = "amendment-proposed", _("amendment proposed")
    AMENDMENT_DECIDED = "amendment-decided", _("amendment accepted or rejected")
    SPONSORSHIP_CHANGED = "sponsorship-changed", _("list of sponsors changed")
    CREDENTIALS_RECORDED = "credentials-recorded", _("credentials recorded")
    STATUS_CHANGED = "status-changed", _("document status changed")
    DOCUMENT_DISTRIBUTED = "document-distributed", _("document distributed")
    ACCESSION_RECORDED = "accession-recorded", _("accession to a decision recorded")
    PROCEDURE_OPENED = "procedure-opened", _("adoption procedure opened")
    POSITION_GIVEN = "position-given", _("position given")
    PROCEDURE_CLOSED = "procedure-closed", _("adoption procedure closed")
    AGENDA_ITEM_ADDED = "agenda-item-added", _("item put on an agenda")
    AGENDA_APPROVED = "agenda-approved", _("agenda approved")
    CHAIRMANSHIP_HANDED_OVER = "chairmanship-handed-over", _("chairmanship handed over")
    SESSION_PROPOSED = "session-proposed", _("session proposed")
    SESSION_CONFIRMED = "session-confirmed", _("session confirmed")
    SESSION_REQUESTED = "session-requested", _("extraordinary session requested")
    SESSION_CONVENED = "session-convened", _("session convened")
    SESSION_STATUS_CHANGED = "session-status-changed", _("session opened or closed")
    URGENT_STEP_RECORDED = "urgent-step-recorded", _("step of an urgent procedure recorded")
    INSTRUCTION_GIVEN = "instruction-given", _("instruction given")
    INSTRUCTION_REPORTED = "instruction-reported", _("report on an instruction received")
    INSTRUCTION_COMPLETED = "instruction-completed", _("instruction completed")
    PLAN_SET = "plan-set", _("period of a plan set")
    KEY_REGISTERED = "key-registered", _("signing key registered")
    SIGNATURE_GIVEN = "signature-given", _("adopted text signed")
    SIGNATURE_CONFIRMED = "signature-confirmed", _("signature ad referendum confirmed")


class AuditEvent(models.Model):
    """One entry of the log, chained to the previous one by its hash (``audit/chain.py``).

    Rows are only ever inserted, by :func:`secretariat.audit.services.record_event`; on
    PostgreSQL a trigger refuses UPDATE and DELETE (see docs/integrity.md).
    """

    #: 1, 2, 3, ... without gaps, in the order the entries were appended.
    sequence = models.PositiveBigIntegerField(_("sequence number"), unique=True)
    #: Set by ``record_event`` before hashing (not ``auto_now_add``, which would set it later).
    occurred_at = models.DateTimeField(_("occurred at"), default=timezone.now, editable=False)
    event_type = models.CharField(_("event"), max_length=48, choices=EventType.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    #: Who acted when no user did, e.g. ``command line``.
    actor_label = models.CharField(_("acting through"), max_length=64, blank=True)
    target = models.CharField(_("target"), max_length=200)
    extra = models.JSONField(_("details"), default=dict)
    #: The hash of the entry before this one (``chain.GENESIS`` for the first).
    previous_hash = models.CharField(_("hash of the previous entry"), max_length=64)
    #: The hex SHA-256 of this entry's canonical form, which includes ``previous_hash``.
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.occurred_at:%Y-%m-%d %H:%M} {self.event_type} {self.target}"
