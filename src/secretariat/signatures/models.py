"""Signing keys of the heads of delegation, and their states' signatures of adopted texts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from secretariat.documents.models import Document
from secretariat.organizations.models import MemberState, Organization


class SigningKey(models.Model):
    """A signer's Ed25519 public key, visible to all members; the private key stays with them.

    ``encrypted_private_key`` is empty, except for the demo fallback: a key made and held on
    the server, encrypted with the signer's password (docs/integrity.md).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="signing_keys",
        verbose_name=_("signer"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="signing_keys",
        verbose_name=_("organization"),
    )
    #: The state the signer signs for; empty for an official of the organization.
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signing_keys",
        verbose_name=_("state"),
    )
    #: The 32 raw bytes of the public key, in hexadecimal.
    public_key = models.CharField(_("public key"), max_length=64)
    #: SHA-256 of the raw public key, in hexadecimal: what people compare.
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    encrypted_private_key = models.TextField(_("private key held on the server"), blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["organization", "registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "state"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_active_key_per_signer",
            ),
            models.UniqueConstraint(fields=["fingerprint"], name="signing_key_registered_once"),
        ]

    def __str__(self) -> str:
        return f"{self.fingerprint[:16]} ({self.user})"

    @property
    def is_held_on_server(self) -> bool:
        return bool(self.encrypted_private_key)


class Signature(models.Model):
    """A state's signature of one adopted text: of its signed form's digest at the time."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("document")
    )
    #: The state signing; empty for an official of the organization.
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("state"),
    )
    key = models.ForeignKey(
        SigningKey, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("key")
    )
    #: SHA-256 of the signed form when signed, in hexadecimal.
    digest = models.CharField(_("signed digest"), max_length=64)
    #: The Ed25519 signature of the digest's 32 bytes, in base64.
    signature = models.CharField(_("signature"), max_length=100)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    is_ad_referendum = models.BooleanField(_("ad referendum"), default=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    reservation = models.TextField(_("reservation"), blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["document", "signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "state", "digest"], name="one_signature_per_state_per_text"
            ),
            models.UniqueConstraint(
                fields=["document", "signed_by", "digest"],
                condition=models.Q(state__isnull=True),
                name="one_official_signature_per_text",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.code}: {self.state.code if self.state else self.signed_by}"
