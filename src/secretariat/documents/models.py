"""Documents of the organization: kinds, texts per language, classification, relations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from secretariat.organizations.models import Body, MemberState, Organization
from secretariat.organizations.translated import pick


class DocumentKind(models.TextChoices):
    STATEMENT = "statement", _("statement")
    JOINT_STATEMENT = "joint-statement", _("joint statement")
    DECLARATION = "declaration", _("declaration")
    DECISION = "decision", _("decision")
    PROTOCOL_DECISION = "protocol-decision", _("protocol decision")
    RESOLUTION = "resolution", _("resolution")
    PLAN = "plan", _("plan")
    CONCEPT = "concept", _("concept")
    PROGRAMME = "programme", _("programme")
    REGULATION = "regulation", _("regulation")
    AGREEMENT = "agreement", _("agreement")
    PROTOCOL = "protocol", _("protocol")
    REPORT = "report", _("report")
    COMMUNIQUE = "communique", _("communiqué")
    AGENDA = "agenda", _("agenda")
    OTHER = "other", _("other document")


class Classification(models.TextChoices):
    PUBLIC = "public", _("public")
    RESTRICTED = "restricted", _("restricted")
    CONFIDENTIAL = "confidential", _("confidential")
    SECRET = "secret", _("secret")


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("document status", "draft")
    UNDER_NEGOTIATION = "under-negotiation", pgettext_lazy("document status", "under negotiation")
    AGREED = "agreed", pgettext_lazy("document status", "agreed")
    ADOPTED = "adopted", pgettext_lazy("document status", "adopted")
    REJECTED = "rejected", pgettext_lazy("document status", "rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("document status", "withdrawn")
    PUBLISHED = "published", pgettext_lazy("document status", "published")


class Sponsorship(models.TextChoices):
    NONE = "none", _("no list of sponsors")
    OPEN = "open", _("open to co-sponsors")
    CLOSED = "closed", _("closed")


class Document(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("organization"),
    )
    #: The record file's stable key for the document, independent of its official symbol.
    code = models.SlugField(_("code"), max_length=120)
    #: The official symbol, assigned from a series once and then stable; empty until then.
    symbol = models.CharField(_("symbol"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=DocumentKind.choices)
    issuing_bodies = models.ManyToManyField(
        Body, related_name="documents", verbose_name=_("issuing bodies")
    )
    authentic_languages = models.JSONField(_("authentic languages"), default=list)
    classification = models.CharField(
        _("classification"), max_length=16, choices=Classification.choices
    )
    distributed_to = models.ManyToManyField(
        MemberState, blank=True, related_name="documents_received", verbose_name=_("distributed to")
    )
    status = models.CharField(_("status"), max_length=24, choices=DocumentStatus.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # Referenced by name, not imported: meetings sits above documents (docs/architecture.md).
    adopted_at = models.ForeignKey(
        "meetings.Session",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_adopted",
        verbose_name=_("adopted at session"),
    )
    adopted_at_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents_adopted",
        verbose_name=_("adopted under agenda item"),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    #: From this day a restricted document is public by itself, and enters the public record.
    derestricted_on = models.DateField(_("derestricted on"), null=True, blank=True)
    sponsorship = models.CharField(
        _("list of sponsors"),
        max_length=8,
        choices=Sponsorship.choices,
        default=Sponsorship.NONE,
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["organization", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="document_code_unique"),
            models.UniqueConstraint(
                fields=["organization", "symbol"],
                condition=~models.Q(symbol=""),
                name="document_symbol_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(classification="public"),
                name="only_public_documents_are_published",
            ),
            models.CheckConstraint(
                condition=models.Q(derestricted_on__isnull=True)
                | ~models.Q(classification="public"),
                name="only_classified_documents_are_derestricted",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:document-detail", args=[self.organization.code, self.code])

    @property
    def is_derestricted(self) -> bool:
        """Whether the document's derestriction date has come: it is public by now."""
        return self.derestricted_on is not None and self.derestricted_on <= timezone.localdate()

    @property
    def shows_classification(self) -> bool:
        """Whether pages mark the document with its classification (restricted, ...)."""
        return self.classification != Classification.PUBLIC and not self.is_derestricted

    @property
    def title(self) -> str:
        """The title in the active language, from the prefetched texts when there are."""
        return pick({text.language: text.title for text in self.texts.all()}) or self.code


class DocumentText(models.Model):
    """The text of a document in one language."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="texts", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=8)
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    #: The body is a summary (e.g. from a press report), not the document's full text.
    is_summary = models.BooleanField(_("summary only"), default=False)
    #: A translation made by the secretariat for convenience, not an authentic text.
    is_translation = models.BooleanField(_("unofficial translation"), default=False)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        verbose_name = _("document text")
        verbose_name_plural = _("document texts")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="text_language_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.document.code} [{self.language}]"


class RelationKind(models.TextChoices):
    SUPERSEDES = "supersedes", _("supersedes")
    AMENDS = "amends", _("amends")
    IMPLEMENTS = "implements", _("implements")
    CONTINUES = "continues", _("continues")
    REFERS_TO = "refers-to", _("refers to")


class DocumentRelation(models.Model):
    """``source`` <kind> ``target``: e.g. the 2025 Plan implements the 2020 Concept."""

    source = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="relations", verbose_name=_("document")
    )
    kind = models.CharField(_("relation"), max_length=16, choices=RelationKind.choices)
    target = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="inverse_relations",
        verbose_name=_("related document"),
    )

    class Meta:
        verbose_name = _("document relation")
        verbose_name_plural = _("document relations")
        ordering = ["source", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="document_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="document_not_related_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source.code} {self.kind} {self.target.code}"


class SymbolCounter(models.Model):
    """The last number given in one series of official symbols, for one year."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="symbol_counters", verbose_name=_("body")
    )
    series = models.SlugField(_("series"), max_length=80)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("symbol counter")
        verbose_name_plural = _("symbol counters")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "series", "year"], name="one_counter_per_series_and_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body.code}/{self.series}/{self.year}: {self.last_number}"


class TextOrigin(models.TextChoices):
    EDITED = "edited", _("edited here")
    RECORDED = "recorded", _("as recorded (loaded from a record file)")
    AMENDMENT = "amendment", _("an accepted amendment")


class TextVersion(models.Model):
    """One saved state of a document's text in one language; the text holds the latest."""

    text = models.ForeignKey(
        DocumentText, on_delete=models.CASCADE, related_name="versions", verbose_name=_("text")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.TextField(_("title"))
    body = models.TextField(_("text"), blank=True)
    saved_at = models.DateTimeField(_("saved at"), default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )
    origin = models.CharField(
        _("origin"), max_length=16, choices=TextOrigin.choices, default=TextOrigin.EDITED
    )
    #: The amendment whose acceptance made this version.
    amendment = models.OneToOneField(
        "Amendment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="version",
        verbose_name=_("amendment"),
    )

    class Meta:
        verbose_name = _("text version")
        verbose_name_plural = _("text versions")
        ordering = ["text", "number"]
        constraints = [
            models.UniqueConstraint(fields=["text", "number"], name="one_version_number_per_text"),
        ]

    def __str__(self) -> str:
        return f"{self.text} v{self.number}"


class AmendmentKind(models.TextChoices):
    REPLACE = "replace", _("replace a passage")
    INSERT = "insert", _("insert after a passage")
    DELETE = "delete", _("delete a passage")


class AmendmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    MERGED = "merged", _("accepted in other words")
    REJECTED = "rejected", _("rejected")


class Amendment(models.Model):
    """A delegation's proposal to change a passage of a draft's text, and what became of it."""

    text = models.ForeignKey(
        DocumentText, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("text")
    )
    #: The state on whose behalf the amendment is proposed.
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="amendments", verbose_name=_("state")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=AmendmentKind.choices)
    #: The words replaced or deleted, or after which the new words go.
    passage = models.TextField(_("passage"))
    #: The new words (empty for a deletion).
    wording = models.TextField(_("new wording"), blank=True)
    justification = models.TextField(_("justification"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AmendmentStatus.choices,
        default=AmendmentStatus.PROPOSED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["text", "proposed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.text} {self.state.code} {self.kind}"


class Sponsor(models.Model):
    """A member state co-sponsoring a draft: it is printed on the draft as a sponsor."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="sponsors", verbose_name=_("document")
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="sponsored", verbose_name=_("state")
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("joined by"),
    )

    class Meta:
        verbose_name = _("sponsor")
        verbose_name_plural = _("sponsors")
        ordering = ["document", "joined_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "state"], name="one_sponsorship_per_state"),
        ]

    def __str__(self) -> str:
        return f"{self.document.code}: {self.state.code}"


class StatusChange(models.Model):
    """One step in a document's life: from which status to which, when, by whom and why."""

    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("document"),
    )
    from_status = models.CharField(_("from"), max_length=24, choices=DocumentStatus.choices)
    to_status = models.CharField(_("to"), max_length=24, choices=DocumentStatus.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    #: Empty when the system made the step (a procedure closed at its deadline).
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    #: The state at whose request the document was withdrawn, for instance.
    requested_by = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("at the request of"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["document", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.document.code}: {self.from_status} -> {self.to_status}"


class Accession(models.Model):
    """A state that joins an adopted decision later (CSTO practice in 2009, 2016 and 2023)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="accessions", verbose_name=_("document")
    )
    state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="accessions", verbose_name=_("state")
    )
    joined_on = models.DateField(_("joined on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("accession")
        verbose_name_plural = _("accessions")
        ordering = ["document", "joined_on", "state__code"]
        constraints = [
            models.UniqueConstraint(fields=["document", "state"], name="one_accession_per_state"),
        ]

    def __str__(self) -> str:
        return f"{self.document.code}: {self.state.code} {self.joined_on}"
