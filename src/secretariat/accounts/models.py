"""Users and the roles they hold in an organization."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from secretariat.organizations.models import MemberState, Organization


class User(AbstractUser):
    """A person who logs in. What they may see and do comes from their roles."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("secretariat administrator")
    OFFICER = "officer", _("secretariat officer")
    HEAD_OF_DELEGATION = "head-of-delegation", _("head of delegation")
    DELEGATE = "delegate", _("delegation member")
    #: The organization's highest official; signs adopted texts where the charter says so.
    SECRETARY_GENERAL = "secretary-general", _("Secretary General")


#: Roles held on behalf of a member state; the others belong to the secretariat.
STATE_ROLES = frozenset({Role.HEAD_OF_DELEGATION, Role.DELEGATE})


class RoleAssignment(models.Model):
    """One role held by a user in an organization, for a state where the role needs one."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="roles", verbose_name=_("organization")
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    state = models.ForeignKey(
        MemberState,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("state"),
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user", "organization", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role", "state"], name="role_assignment_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(role__in=sorted(STATE_ROLES), state__isnull=False)
                    | (~Q(role__in=sorted(STATE_ROLES)) & Q(state__isnull=True))
                ),
                name="state_roles_name_a_state",
            ),
        ]

    def __str__(self) -> str:
        where = f" ({self.state.code})" if self.state is not None else ""
        return f"{self.user}: {self.get_role_display()}{where}"
