"""Saving and loading models, with a model card that guards every load.

A model is a directory holding `model.joblib` and its card `model.json`.
The card records the library versions, the training data's checksum and
the model file's sha256; a load checks the checksum and versions before
unpickling, so a truncated, foreign or stale file is refused with a
message instead of a traceback.  Model files are pickles: the checksum
catches damage and mix-ups, not tampering by someone who can also edit
the card, so load only models from a source you trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
import warnings
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import joblib

if TYPE_CHECKING:
    from attrib.tagger import Tagger

MODEL_FILE = "model.joblib"
CARD_FILE = "model.json"
# Bumped whenever the pickled classes change shape; older models are refused.
MODEL_FORMAT = 2


class ModelError(Exception):
    """A model that cannot be used; the message says which file and what to do."""


def versions() -> dict[str, str]:
    return {
        "attrib": metadata.version("attrib"),
        "python": platform.python_version(),
        "scikit-learn": metadata.version("scikit-learn"),
        "numpy": metadata.version("numpy"),
        "joblib": metadata.version("joblib"),
    }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_dir(path: Path) -> Path:
    """`--model` may name the directory or either file in it."""
    return path.parent if path.suffix in (".joblib", ".json") else path


def save_model(tagger: "Tagger", directory: Path, card: dict[str, Any]) -> dict[str, Any]:
    """Write model and card so that an interrupted save leaves the previous pair intact.

    Both are written to temporary files in the same directory first and
    renamed into place only when complete; if the card cannot be put in
    place after the model was, the previous model is put back.  A process
    killed outright (SIGKILL, power loss) between the two renames leaves a
    new model beside the old card, which a load refuses by checksum.
    """
    directory.mkdir(parents=True, exist_ok=True)
    model_path, card_path = directory / MODEL_FILE, directory / CARD_FILE
    temporaries: list[Path] = []
    try:
        for name in (MODEL_FILE, CARD_FILE, MODEL_FILE + ".previous"):
            temporaries.append(_temporary(directory, name))
        model_tmp, card_tmp, backup = temporaries
        joblib.dump(tagger, model_tmp)
        full_card = {
            **card,
            "format": MODEL_FORMAT,
            "versions": versions(),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "model_sha256": sha256_file(model_tmp),
        }
        card_tmp.write_text(json.dumps(full_card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for written in (model_tmp, card_tmp):
            _readable_as_usual(written)
        had_model = _keep_copy(model_path, backup)
        os.replace(model_tmp, model_path)
        try:
            os.replace(card_tmp, card_path)
        except BaseException:
            if had_model:
                os.replace(backup, model_path)
            else:
                model_path.unlink(missing_ok=True)
            raise
    finally:
        for leftover in temporaries:
            leftover.unlink(missing_ok=True)
    return full_card


def _temporary(directory: Path, name: str) -> Path:
    handle, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
    os.close(handle)
    return Path(path)


def _readable_as_usual(path: Path) -> None:
    """Give a temporary file the permissions of a normally created one (mkstemp makes it private)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def _keep_copy(path: Path, backup: Path) -> bool:
    """Hard-link (or copy) the current model to `backup` so a failed save can restore it."""
    if not path.is_file():
        return False
    backup.unlink()
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return True


def read_card(directory: Path) -> dict[str, Any]:
    card_path = directory / CARD_FILE
    if not card_path.is_file():
        raise ModelError(f"no model at {directory}: {card_path} not found; run `attrib train` to build one")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{card_path}: unreadable model card ({error}); run `attrib train` again") from None
    if not isinstance(card, dict):
        raise ModelError(f"{card_path}: not an attrib model card; run `attrib train` again")
    return card


def check_card(card: dict[str, Any], directory: Path) -> None:
    """Refuse a model whose card was written by an incompatible attrib or scikit-learn."""
    card_path = directory / CARD_FILE
    if card.get("format") != MODEL_FORMAT:
        raise ModelError(
            f"{card_path}: model format {card.get('format')!r}, this attrib reads format {MODEL_FORMAT}; "
            "run `attrib train` to rebuild it"
        )
    recorded = card.get("versions")
    saved = recorded.get("scikit-learn") if isinstance(recorded, dict) else None
    saved = saved if isinstance(saved, str) else ""
    current = metadata.version("scikit-learn")
    if _minor(saved) != _minor(current):
        raise ModelError(
            f"{card_path}: model saved with scikit-learn {saved or 'unknown'}, this is {current}; "
            "run `attrib train` to rebuild it with this version"
        )


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def load_model(path: Path) -> "Tagger":
    """Load after checking the card: versions first, then the model file's sha256."""
    from attrib.tagger import Tagger

    directory = model_dir(path)
    card = read_card(directory)
    check_card(card, directory)
    model_path = directory / MODEL_FILE
    if not model_path.is_file():
        raise ModelError(f"{model_path}: model file missing beside its card; run `attrib train` again")
    try:
        digest = sha256_file(model_path)
    except OSError as error:
        raise ModelError(
            f"{model_path}: cannot read the model ({error.strerror or error}); check that you may read it"
        ) from None
    if digest != card.get("model_sha256"):
        raise ModelError(
            f"{model_path}: checksum does not match {directory / CARD_FILE} "
            "(truncated, damaged or replaced); run `attrib train` again"
        )
    try:
        with warnings.catch_warnings():
            # The card's check above decides which scikit-learn versions may load
            # the model; scikit-learn's own warning about a patch release is noise.
            warnings.filterwarnings("ignore", message=".*Trying to unpickle estimator.*")
            tagger = joblib.load(model_path)
    except Exception as error:  # a checksum match makes this rare; any unpickling failure is the same problem
        raise ModelError(f"{model_path}: cannot load model ({type(error).__name__}); run `attrib train` again") from None
    if not isinstance(tagger, Tagger) or not all(
        hasattr(tagger, name) for name in ("quote_model_", "stance_model_", "speaker_model_")
    ):
        raise ModelError(f"{model_path}: not a trained attrib model; run `attrib train` again")
    return tagger
