"""``secretariat verify``: adopted texts are still the texts that were adopted.

An adoption logs the SHA-256 of each of the document's texts (``services.text_digests``); the
check compares the texts of every adopted or published document with the digests of its last
adoption. Documents adopted before their texts were logged (loaded from a record file) have no
digests to compare and are counted apart.
"""

from __future__ import annotations

from secretariat.audit.integrity import Problem, Report
from secretariat.audit.models import AuditEvent, EventType
from secretariat.documents.models import Document, DocumentStatus
from secretariat.documents.services import audit_target, text_digests


def check_adopted_texts() -> Report:
    adopted: dict[str, dict[str, str]] = {}
    for event in AuditEvent.objects.filter(event_type=EventType.STATUS_CHANGED).order_by(
        "sequence"
    ):
        if event.extra.get("to") == DocumentStatus.ADOPTED and "texts" in event.extra:
            adopted[event.target] = event.extra["texts"]
    checked = unlogged = 0
    documents = Document.objects.filter(
        status__in=[DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED]
    ).select_related("organization")
    for document in documents.order_by("pk"):
        logged = adopted.get(audit_target(document))
        if logged is None:
            unlogged += 1
            continue
        checked += 1
        now = text_digests(document)
        if now != logged:
            changed = sorted(
                language
                for language in set(now) | set(logged)
                if now.get(language) != logged.get(language)
            )
            return Report(
                "adopted texts",
                f"{checked - 1} adopted texts as adopted, then one changed",
                Problem(
                    f"document {document.code} ({audit_target(document)})",
                    f"its text in {', '.join(changed)} is not the text adopted",
                ),
            )
    return Report(
        "adopted texts",
        f"{checked} adopted texts as adopted ({unlogged} adopted before texts were logged)",
    )
