"""Ed25519 keys and signatures, with nothing but ``cryptography`` (no Django).

Public keys are written as the 64 hexadecimal characters of their 32 raw bytes; a key's
fingerprint is the SHA-256 of those bytes, in hexadecimal. A signature is made on the 32
bytes of a signed form's digest (``canonical.digest``) and written in base64.

The demo fallback keeps a private key on the server, encrypted with a key derived from the
signer's password (scrypt, then Fernet): see "Keys held on the server" in docs/integrity.md
for why that is a fallback only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

#: scrypt's cost for the demo keys: 2**15 (32 MiB, a few tens of milliseconds).
SCRYPT_N: Final = 2**15
#: How an encrypted private key is written: ``scrypt$<n>$<salt, base64>$<Fernet token>``.
SCHEME: Final = "scrypt"


class BadKeyError(ValueError):
    """A key, digest or signature that is not well formed, or a password that does not fit."""


def generate() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public_hex(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """Return the 32 raw bytes of the (public) key in hexadecimal."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def parse_public(text: str) -> Ed25519PublicKey:
    """Read a public key given as 64 hexadecimal characters (or 44 of base64)."""
    text = text.strip()
    try:
        raw = bytes.fromhex(text) if len(text) == 64 else base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        raise BadKeyError("not a public key") from None
    if len(raw) != 32:
        raise BadKeyError("not a public key")
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(public_key_hex: str) -> str:
    """Return the SHA-256 of the key's raw bytes, in hexadecimal."""
    return hashlib.sha256(bytes.fromhex(public_key_hex)).hexdigest()


def parse_digest(text: str) -> bytes:
    """Read a SHA-256 digest given as 64 hexadecimal characters."""
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raise BadKeyError("not a digest") from None
    if len(raw) != 32:
        raise BadKeyError("not a digest")
    return raw


def sign(key: Ed25519PrivateKey, digest_hex: str) -> str:
    """Sign the digest's 32 bytes; return the signature in base64."""
    return base64.b64encode(key.sign(parse_digest(digest_hex))).decode()


def verifies(public_key_hex: str, digest_hex: str, signature_b64: str) -> bool:
    """Tell whether the signature is the key's on the digest."""
    try:
        signature = base64.b64decode(signature_b64.strip(), validate=True)
        parse_public(public_key_hex).verify(signature, parse_digest(digest_hex))
    except (InvalidSignature, BadKeyError, ValueError, binascii.Error):
        return False
    return True


def private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load_private_pem(data: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise BadKeyError("not a PEM private key without a password") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise BadKeyError("not an Ed25519 private key")
    return key


def _fernet(password: str, salt: bytes, n: int) -> Fernet:
    derived = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(password.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def encrypt_private(key: Ed25519PrivateKey, password: str, *, n: int = SCRYPT_N) -> str:
    """Encrypt the private key with a key derived from the password (demo fallback)."""
    salt = os.urandom(16)
    raw = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    token = _fernet(password, salt, n).encrypt(raw).decode()
    return f"{SCHEME}${n}${base64.b64encode(salt).decode()}${token}"


def decrypt_private(stored: str, password: str) -> Ed25519PrivateKey:
    """Decrypt a private key that ``encrypt_private`` wrote; a wrong password raises."""
    try:
        scheme, n, salt, token = stored.split("$")
        if scheme != SCHEME:
            raise ValueError(scheme)
        raw = _fernet(password, base64.b64decode(salt), int(n)).decrypt(token.encode())
    except (InvalidToken, ValueError, binascii.Error):
        raise BadKeyError("the password does not unlock the key") from None
    return Ed25519PrivateKey.from_private_bytes(raw)
