"""The draft declaration of the Council, adopted by consensus (Kazakhstan not taking part),
and Armenia's head of delegation with a signing key made on their own machine."""

from __future__ import annotations

import pytest

from secretariat.accounts.models import Role, RoleAssignment, User
from secretariat.decisions.services import do_close_procedure, do_give_position, do_open_procedure
from secretariat.documents.models import Document, DocumentStatus
from secretariat.signatures import keys
from secretariat.signatures.services import do_register_key

DRAFT = "2021-csc-declaration-draft"
CONSENSUS = {"default": {"rule": {"kind": "consensus"}, "procedures": [{"kind": "in-session"}]}}


@pytest.fixture
def adopted(dushanbe) -> Document:
    csc = dushanbe.bodies["csc"]
    csc.decision_rules = CONSENSUS
    csc.save(update_fields=["decision_rules"])
    Document.objects.filter(code=DRAFT).update(status=DocumentStatus.AGREED)
    document = Document.objects.get(code=DRAFT)
    officer = dushanbe.users["secretariat_officer"]
    procedure = do_open_procedure(officer, document, csc, "default")
    for code in ("ARM", "BLR", "KGZ", "RUS", "TJK"):
        do_give_position(officer, procedure, dushanbe.states[code], "yes")
    do_give_position(officer, procedure, dushanbe.states["KAZ"], "not-participating")
    do_close_procedure(officer, procedure)
    document.refresh_from_db()
    assert document.status == DocumentStatus.ADOPTED
    return document


@pytest.fixture
def armenia_key(dushanbe):
    """Armenia's head's private key, its public half registered."""
    private = keys.generate()
    do_register_key(dushanbe.users["armenia_head"], dushanbe.organization, keys.public_hex(private))
    return private


@pytest.fixture
def secretary_general(dushanbe):
    """The CSTO's charter now wants the Secretary General's signature; ``sg`` holds the role."""
    organization = dushanbe.organization
    organization.secretary_general_signs = True
    organization.save(update_fields=["secretary_general_signs"])
    user = User.objects.create_user(username="sg", first_name="Imangali", last_name="Tasmagambetov")
    RoleAssignment.objects.create(user=user, organization=organization, role=Role.SECRETARY_GENERAL)
    dushanbe.users["secretary_general"] = user  # a persona for fetch and the query counts
    return user
