"""``secretariat verify``: every signature verifies, on the text as it is now.

A signature that does not verify with its key was forged or altered; one that verifies but
on a digest other than the document's current signed form means the signed text (or the
outcome, or the document's identity) changed after signing.
"""

from __future__ import annotations

from secretariat.audit.integrity import Problem, Report
from secretariat.signatures.access import Verdict, verdict
from secretariat.signatures.models import Signature
from secretariat.signatures.services import SignatureError, current_digest


def check_signatures() -> Report:
    signatures = Signature.objects.select_related("key", "state", "document__organization")
    digests: dict[int, str | None] = {}
    count = 0
    for signature in signatures.order_by("pk"):
        document = signature.document
        if document.pk not in digests:
            try:
                digests[document.pk] = current_digest(document)
            except SignatureError:  # no longer adopted: nothing it could have been signed on
                digests[document.pk] = None
        found = verdict(signature, digests[document.pk])
        if found != Verdict.VALID:
            who = signature.state.code if signature.state is not None else "the Secretary General"
            return Report(
                "signatures",
                f"{count} signatures verify, then one does not",
                Problem(
                    f"signature #{signature.pk} of {who} on {document.code}",
                    "the signature does not verify with its key"
                    if found == Verdict.INVALID
                    else "it was made on another text: the signed form changed after signing",
                ),
            )
        count += 1
    return Report("signatures", f"{count} signatures verify on the texts as they are")
