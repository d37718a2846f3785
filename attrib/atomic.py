"""Files that readers see whole or not at all: written under a temporary name, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class AtomicFile:
    """A file written under a temporary name beside `path` and renamed into place by `commit`.

    Readers never see a half-written file, and a run that fails or is
    interrupted (`discard`) leaves the previous file as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temporary = temporary(path.parent, path.name)
        self.handle = self._temporary.open("w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.handle.close()
        readable_as_usual(self._temporary)
        os.replace(self._temporary, self.path)

    def discard(self) -> None:
        self.handle.close()
        self._temporary.unlink(missing_ok=True)


def temporary(directory: Path, name: str) -> Path:
    """A new empty file in `directory` named after `name`, hidden and marked temporary."""
    handle, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    return Path(path)


def readable_as_usual(path: Path) -> None:
    """Give a temporary file the permissions of a normally created one (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)
