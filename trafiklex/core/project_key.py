"""The key of this copy of the project: 32 random bytes in KEY_FILE (git-ignored, readable by its owner
only), made the first time something needs it and never published. The markers of the sites this copy
builds are signed with it (trafiklex.website.publish), and so are the entries of its build cache
(trafiklex.core.cache): a site or an entry that another copy, or someone else, wrote is not taken for
one of ours."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

KEY_FILE = ".trafiklex-key"


def build_key(root: Path) -> bytes:
    """The key in `root` (made if there is none: written whole to a file of its own, then linked into
    place, so that a process reading it at the same moment never reads half of one)."""
    path = root / KEY_FILE
    if not path.exists():
        temporary = root / f".tmp-{secrets.token_hex(8)}-{KEY_FILE}"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_hex(32) + "\n")
        try:
            os.link(temporary, path)  # (fails if another process made it first: theirs is kept)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(descriptor) as file:
        return file.read(200).strip().encode()
