"""Text analysis: sentences, quotations, lexicons, mentions and names, read from the text alone (no model).

setup.py compiles these modules with mypyc.  In a source checkout Python
would go on loading a module's compiled form after its source is edited,
running the old code without a word, so importing fails instead and says
how to rebuild.
"""

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path


def stale_compiled(folder: Path) -> list[Path]:
    """The sources in `folder` changed after their compiled modules were built (none outside a checkout)."""
    project = folder.parent.parent
    if not ((project / "setup.py").is_file() and (project / "pyproject.toml").is_file()):
        return []  # an installed package: its sources do not change under it
    stale = []
    for built in folder.iterdir():
        if built.name.endswith(tuple(EXTENSION_SUFFIXES)):
            source = folder / (built.name.split(".", 1)[0] + ".py")
            if source.is_file() and source.stat().st_mtime > built.stat().st_mtime:
                stale.append(source)
    return sorted(stale)


_STALE = stale_compiled(Path(__file__).parent)
if _STALE:
    raise ImportError(
        f"{_STALE[0]} changed after it was compiled: run `pip install -e .` again "
        "(or delete attrib/analysis/*.so to run the source as it is)"
    )
