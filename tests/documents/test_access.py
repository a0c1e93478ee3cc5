"""The visibility policy for documents, ``secretariat.documents.access``."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from secretariat.accounts.models import Role, RoleAssignment
from secretariat.documents.access import access_document_by_code, visible_documents
from secretariat.documents.models import Classification, Document, DocumentKind, DocumentStatus
from tests.factories import add_document, add_state, add_user, en_ru, make_organization

PUBLISHED = {
    "2021-afghanistan-statement",
    "2016-collective-security-strategy",
    "2021-tajik-afghan-border-programme",
}
DRAFT = "2021-csc-declaration-draft"
EVERYTHING = {*PUBLISHED, DRAFT, "unpublished-public", "confidential-to-armenia", "secret"}


@pytest.fixture
def documents(dushanbe):
    """Three more documents: a public draft, a confidential one for Armenia, a secret one."""
    csto, csc = dushanbe.organization, dushanbe.bodies["csc"]
    add_document(
        csto,
        "unpublished-public",
        en_ru("Public draft", "Открытый проект"),
        [csc],
        status=DocumentStatus.DRAFT,
    )
    add_document(
        csto,
        "confidential-to-armenia",
        en_ru("Confidential", "Конфиденциально"),
        [csc],
        classification=Classification.CONFIDENTIAL,
        status=DocumentStatus.ADOPTED,
        distributed_to=[dushanbe.states["ARM"]],
    )
    add_document(
        csto,
        "secret",
        en_ru("Secret", "Секретно"),
        [csc],
        classification=Classification.SECRET,
        status=DocumentStatus.ADOPTED,
    )
    return dushanbe


def visible_codes(user) -> set[str]:
    return set(visible_documents(user).values_list("code", flat=True))


def test_the_public_sees_only_public_published_documents(documents):
    # when
    codes = visible_codes(AnonymousUser())

    # then
    assert codes == PUBLISHED


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("no_role", PUBLISHED),
        ("secretariat_officer", EVERYTHING),
        ("secretariat_administrator", EVERYTHING),
        ("superuser", EVERYTHING),
        ("armenia_head", {*PUBLISHED, DRAFT, "confidential-to-armenia"}),
        ("armenia_delegate", {*PUBLISHED, DRAFT, "confidential-to-armenia"}),
        ("kazakhstan_delegate", PUBLISHED),
    ],
)
def test_each_persona_sees_what_its_role_and_distribution_allow(documents, persona, expected):
    # when
    codes = visible_codes(documents.users[persona])

    # then
    assert codes == expected


def test_a_document_distributed_to_several_of_the_users_states_appears_once(documents):
    # given: one user in the delegations of Armenia and Belarus, who both received the draft
    user = documents.users["armenia_delegate"]
    RoleAssignment.objects.create(
        user=user,
        organization=documents.organization,
        role=Role.DELEGATE,
        state=documents.states["BLR"],
    )

    # when
    drafts = list(visible_documents(user).filter(code=DRAFT))

    # then
    assert len(drafts) == 1


def test_a_secretariat_role_in_another_organization_sees_only_public_documents(documents):
    # given
    other = make_organization("other")
    officer = add_user("other-officer", other, Role.OFFICER)

    # when
    codes = visible_codes(officer)

    # then
    assert codes == PUBLISHED


def test_a_delegate_sees_no_document_of_another_organization_for_the_same_country(documents):
    # given: Armenia in another organization received a restricted paper
    other = make_organization("other")
    other_armenia = add_state(other, "ARM", en_ru("Armenia", "Армения"))
    add_document(
        other,
        "other-paper",
        en_ru("Paper", "Документ"),
        [],
        classification=Classification.RESTRICTED,
        status=DocumentStatus.DRAFT,
        distributed_to=[other_armenia],
        kind=DocumentKind.REPORT,
    )

    # when
    codes = visible_codes(documents.users["armenia_delegate"])

    # then
    assert "other-paper" not in codes


def test_the_policy_narrows_the_queryset_it_is_given(documents):
    # when
    codes = set(
        visible_documents(
            documents.users["armenia_delegate"],
            Document.objects.filter(kind=DocumentKind.DECLARATION),
        ).values_list("code", flat=True)
    )

    # then
    assert codes == {DRAFT}


@pytest.mark.parametrize("persona", ["no_role", "secretariat_officer", "armenia_delegate"])
def test_the_policy_adds_no_query_of_its_own(documents, django_assert_num_queries, persona):
    # given
    user = documents.users[persona]

    # when / then
    with django_assert_num_queries(1):
        list(visible_documents(user))


def test_access_by_code_returns_a_visible_document(documents):
    # when
    document = access_document_by_code(
        documents.users["armenia_head"], documents.organization, DRAFT
    )

    # then
    assert document == documents.draft_declaration


@pytest.mark.parametrize(
    ("persona", "code"),
    [
        ("kazakhstan_delegate", DRAFT),
        ("armenia_delegate", "secret"),
        ("secretariat_officer", "no-such-document"),
    ],
)
def test_access_by_code_treats_a_hidden_document_as_missing(documents, persona, code):
    # when / then
    with pytest.raises(Http404):
        access_document_by_code(documents.users[persona], documents.organization, code)


def test_access_by_code_looks_only_in_the_given_organization(documents):
    # given
    other = make_organization("other")

    # when / then
    with pytest.raises(Http404):
        access_document_by_code(documents.users["superuser"], other, DRAFT)
