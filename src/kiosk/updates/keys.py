"""The publisher's Ed25519 key pair: made once by the coordinator, trusted by every kiosk."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.errors import KnownError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )


FINGERPRINT = re.compile(r"[0-9a-f]{4}( [0-9a-f]{4}){4}")
_PEM_BLOCK = re.compile(r"-----BEGIN PUBLIC KEY-----.*?-----END PUBLIC KEY-----", re.DOTALL)
MAX_TRUSTED = 8


def public_path(private: Path) -> Path:
    """`KEY.pem` -> `KEY.pub.pem`, beside it."""
    name = private.name[:-4] if private.name.endswith(".pem") else private.name
    return private.with_name(f"{name}.pub.pem")


def generate(out: Path) -> tuple[Path, Path]:
    """Write a new private key to `out` (readable by its owner only) and its public key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pub = public_path(out)
    for path in (out, pub):
        if path.exists():
            raise KnownError(f"{path} already exists; a key is never overwritten (kiosks "
                             "that trust it would refuse every later update).")
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    pub.write_bytes(public_pem(key.public_key()).encode("ascii"))
    return out, pub


def public_pem(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def raw_public(key: Ed25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw: bytes) -> str:
    """A short name for a public key that people can compare by eye: `3f2a 91c0 ...`."""
    digest = hashlib.sha256(raw).hexdigest()[:20]
    return " ".join(digest[i:i + 4] for i in range(0, 20, 4))


def load_private(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise KnownError(f"{path}: there is no key file here.") from None
    except (ValueError, TypeError):
        raise KnownError(f"{path}: this is not a private key made by 'kiosk bundle keygen'."
                         ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KnownError(f"{path}: this is not an Ed25519 private key.")
    return key


def load_public(pem: str, where: str = "the trusted key") -> Ed25519PublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem.encode("ascii", "replace"))
    except (ValueError, TypeError):
        raise KnownError(f"{where}: this is not a public key (a KEY.pub.pem file made by "
                         "'kiosk bundle keygen').") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KnownError(f"{where}: this is not an Ed25519 public key.")
    return key


def load_trusted(text: str) -> list[Ed25519PublicKey]:
    """Every key a kiosk trusts: its setting holds one PEM block per key (at most
    `MAX_TRUSTED`), so that a new key can be trusted before the old one is retired."""
    blocks = _PEM_BLOCK.findall(text or "")
    if not blocks and (text or "").strip():
        raise KnownError("The trusted key setting holds no public key; trust one again with "
                         "'kiosk bundle trust KEY.pub.pem'.")
    return [load_public(block) for block in blocks[:MAX_TRUSTED]]


def trusted_text(found: list[Ed25519PublicKey]) -> str:
    """The setting's text for these keys, each once, in the order given."""
    seen: list[bytes] = []
    out = []
    for key in found:
        raw = raw_public(key)
        if raw not in seen:
            seen.append(raw)
            out.append(public_pem(key).strip())
    return "\n".join(out) + ("\n" if out else "")


def fingerprints(text: str) -> list[str]:
    return [fingerprint(raw_public(key)) for key in load_trusted(text)]
