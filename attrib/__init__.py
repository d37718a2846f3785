"""attrib: who is speaking in each sentence of a news article, and what stance they take."""

from typing import TYPE_CHECKING, Any

from attrib.records import Record

if TYPE_CHECKING:
    from attrib.loading import load_tagger
    from attrib.model.tagger import Tagger

__all__ = ["Record", "Tagger", "__version__", "load_tagger"]


def __getattr__(name: str) -> Any:
    """`Tagger`, `load_tagger` and `__version__` on first use.

    `import attrib` (and `attrib --help`) loads no model code, and tagging
    does not pay for importlib.metadata (~50 ms).
    """
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("attrib")
        except metadata.PackageNotFoundError:  # run from a source tree that was never installed
            return "0+unknown"
    if name == "Tagger":
        from attrib.model.tagger import Tagger

        return Tagger
    if name == "load_tagger":
        from attrib.loading import load_tagger

        return load_tagger
    raise AttributeError(f"module 'attrib' has no attribute {name!r}")
