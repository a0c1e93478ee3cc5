"""Verify a published signature of an adopted text, with nothing but ``cryptography``.

    python verify_signature.py SIGNED_FORM.json SIGNATURE_BASE64 PUBLIC_KEY_HEX

SIGNED_FORM.json is a document's signed form, as its signature page offers it for download
(``.../signatures/signed-form.json``); the script rebuilds the canonical bytes from it
(docs/integrity.md, "The signed form"), so a re-indented copy verifies as well. It prints
the digest, then OK and exits 0, or FAILED and exits 1.
"""

import base64
import hashlib
import json
import sys
import unicodedata

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def canonical(form):
    def norm(text):
        return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

    form = dict(form)
    form["texts"] = sorted(
        (
            {"language": t["language"], "title": norm(t["title"]), "body": norm(t["body"])}
            for t in form["texts"]
        ),
        key=lambda t: t["language"],
    )
    return json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def main(path, signature_b64, public_key_hex):
    with open(path, encoding="utf-8") as file:
        digest = hashlib.sha256(canonical(json.load(file))).digest()
    print("digest", digest.hex())
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
    try:
        key.verify(base64.b64decode(signature_b64), digest)
    except InvalidSignature:
        print("FAILED")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
