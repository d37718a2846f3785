"""Loading a tagger: a model directory written by `attrib train`, or the default model.

The default model is trained on first use from the labels and seeds
bundled inside the package and cached per digest of attrib's code and
data, so a fresh install tags at once and an upgrade of attrib rebuilds
instead of unpickling a model written by other code.  Tagging loads only
the compiled tagger, which needs neither scikit-learn nor scipy, so a
scikit-learn upgrade does not touch it; the pipelines `attrib explain`
reads are checked against the scikit-learn version, and rebuilt when it
changed.  (Versions are not in the cache key: reading them costs
importlib.metadata, ~60 ms of a one-article `attrib predict`.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from attrib.corpus import load_corpus
from attrib.model.persistence import ModelError, load_model, model_dir, read_card
from attrib.model.tagger import Tagger
from attrib.training import BUNDLED_LABELS, BUNDLED_SEEDS, build_default, data_card


def load_tagger(path: Path | str | None = None, pipelines: bool = False) -> Tagger:
    """The model at `path`, or the default model that ships with attrib.

    `pipelines` also loads the fitted scikit-learn pipelines, which
    `attrib explain` reads; tagging needs only the compiled tagger.
    """
    if path is not None:
        return load_model(Path(path), pipelines=pipelines)
    directory = cache_dir()
    try:
        return load_model(directory, pipelines=pipelines)
    except ModelError:
        return build_default(directory)


def model_card(model: Path | None) -> dict[str, Any]:
    """The card of the model at `model`, or of the default model (built from the bundled data)."""
    if model is not None:
        return read_card(model_dir(model))
    try:
        return read_card(cache_dir())
    except ModelError:  # the cache could not be written: the default model's data is the bundled data
        return data_card(load_corpus(BUNDLED_LABELS, BUNDLED_SEEDS))


def cache_dir() -> Path:
    """Where the default model is cached: $ATTRIB_CACHE_DIR, else the user's cache directory."""
    root = os.environ.get("ATTRIB_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "attrib"
    )
    return Path(root) / f"default-{_fingerprint()}"


def _fingerprint() -> str:
    """A digest of attrib's code and bundled data, so a changed tagger never loads a stale cached model."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), BUNDLED_LABELS, *BUNDLED_SEEDS.glob("*.txt")]):
        digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
