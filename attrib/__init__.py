"""attrib: who is speaking in each sentence of a news article, and what stance they take."""

from importlib import metadata

from attrib.records import Record
from attrib.model.tagger import Tagger

try:
    __version__ = metadata.version("attrib")
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Record", "Tagger", "__version__"]
