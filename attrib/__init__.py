"""attrib: who is speaking in each sentence of a news article, and what stance they take."""

from importlib import metadata
from typing import TYPE_CHECKING, Any

from attrib.records import Record

if TYPE_CHECKING:
    from attrib.loading import load_tagger
    from attrib.model.tagger import Tagger

try:
    __version__ = metadata.version("attrib")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Record", "Tagger", "__version__", "load_tagger"]


def __getattr__(name: str) -> Any:
    """`Tagger` and `load_tagger` on first use: `import attrib` (and `attrib --help`) loads no model code."""
    if name == "Tagger":
        from attrib.model.tagger import Tagger

        return Tagger
    if name == "load_tagger":
        from attrib.loading import load_tagger

        return load_tagger
    raise AttributeError(f"module 'attrib' has no attribute {name!r}")
