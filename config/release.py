"""A fingerprint of the code, templates and catalogues being served: part of every cache key.

Stored pages, page bodies and API answers of published data are kept for up to 30 days. Without
the fingerprint, an upgrade would keep serving the old release's HTML until then. Every host
serving the same release computes the same fingerprint (from file contents, not dates), so the
hosts of one deployment share their stored copies and their generations; a new release starts
from an empty cache of its own (the old keys expire). ``OGP_RELEASE`` in the environment names
the release instead (a git commit, a package version) and skips the hashing.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# what changes the bytes of a page, an e-mail or an API answer (tests do not)
_SERVED = {".py", ".html", ".txt", ".mo", ".json", ".toml"}


def release_fingerprint(base_dir: Path) -> str:
    named = os.environ.get("OGP_RELEASE", "").strip()
    if named:
        return named
    digest = hashlib.blake2b(digest_size=6)
    roots = [base_dir / name for name in ("ogp", "config", "templates", "locale")]
    files = [base_dir / "pyproject.toml"]
    for root in roots:
        if root.is_dir():
            files.extend(path for path in root.rglob("*") if path.suffix in _SERVED)
    for path in sorted(set(files)):
        if not path.is_file() or "tests" in path.parts or "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(base_dir)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
