"""The one policy deciding who may see which document.

- The public (anonymous users, and users with no role) sees documents that are public *and*
  published, and classified documents from their derestriction date: they become public by
  themselves, with nobody having to publish them.
- An administrator or officer of the organization's secretariat sees all of its documents.
- The head or a member of a state's delegation also sees every document distributed to that
  state, whatever its classification: distribution is what decides. But only while documents
  go to the state, on the day the user looks (``organizations.models.receives_documents_on``):
  while it is a member (suspended or with its participation frozen included), or an observer
  or partner of an organization whose charter lets that status receive documents
  (``observers``/``partners: {receive_documents: true}``). Otherwise, by default for
  observers and partners, the delegation sees only what is public. A state whose membership
  ended (withdrawn, or no status any more) no longer sees the restricted documents it was
  given while a member: the safer rule, as a delegation's access follows the state's status
  today, not the day of distribution.
- A superuser sees everything.

A document the user may not see is indistinguishable from one that does not exist: the
fetch raises ``Http404`` and lists leave it out. The checks are ``Exists`` subqueries in the
document query itself, so they cost no query of their own and never duplicate rows.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from secretariat.accounts.access import AnyUser, holds_secretariat_role, is_secretariat
from secretariat.accounts.models import STATE_ROLES, Role, RoleAssignment
from secretariat.documents.models import Classification, Document, DocumentStatus
from secretariat.organizations.models import Organization, receives_documents_on


def public_on(on: date) -> Q:
    """The documents anybody may see on the day."""
    return Q(classification=Classification.PUBLIC, status=DocumentStatus.PUBLISHED) | Q(
        derestricted_on__lte=on
    )


def visible_documents(
    user: AnyUser, queryset: QuerySet[Document] | None = None
) -> QuerySet[Document]:
    """Narrow ``queryset`` (default: all documents) to those the user may see."""
    documents = Document.objects.all() if queryset is None else queryset
    today = timezone.localdate()
    public = public_on(today)
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return documents.filter(public)
    if getattr(user, "is_superuser", False):
        return documents
    distributed_to_own_state = Exists(
        RoleAssignment.objects.filter(
            receives_documents_on(today, prefix="state__"),
            user_id=user.pk,
            organization=OuterRef("organization"),
            role__in=sorted(STATE_ROLES),
            state__documents_received=OuterRef("pk"),
        )
    )
    return documents.filter(
        public | holds_secretariat_role(user, OuterRef("organization")) | distributed_to_own_state
    )


def access_document_by_code(
    user: AnyUser,
    organization: Organization,
    code: str,
    *,
    queryset: QuerySet[Document] | None = None,
) -> Document:
    """Return the organization's document with that code, or raise ``Http404``.

    ``queryset`` lets a page add its ``select_related``/``prefetch_related``.
    """
    try:
        return visible_documents(user, queryset).get(organization=organization, code=code)
    except Document.DoesNotExist:
        raise Http404 from None


def chairs_a_session_on(user: AnyUser, document: Document) -> bool:
    """Whether the user chairs a session that has the document on its agenda.

    The chair of a session is the head of delegation of the state chairing it; until the
    session closes, the chair decides on amendments to the drafts before it, as the
    secretariat does. (The lookup follows the agenda, which the meetings app defines on
    top of documents.)
    """
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return RoleAssignment.objects.filter(
        user_id=user.pk,
        organization_id=document.organization_id,
        role=Role.HEAD_OF_DELEGATION,
        state__chaired_sessions__agenda__items__documents=document,
        state__chaired_sessions__status__in=["planned", "convened", "open"],
    ).exists()


def may_decide_amendments(user: AnyUser, document: Document) -> bool:
    """The secretariat, or the chair of a session the draft is before."""
    return is_secretariat(user, document.organization) or chairs_a_session_on(user, document)
