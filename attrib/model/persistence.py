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

from attrib.jsonio import JSONProblem, loads
from attrib.model.compiled import COMPILED_FORMAT

if TYPE_CHECKING:
    from attrib.model.tagger import Tagger

MODEL_FILE = "model.joblib"
CARD_FILE = "model.json"
# Bumped whenever the pickled classes change shape; older models are refused.
MODEL_FORMAT = 3


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
    """The model directory `--model` names: the directory itself, or the model.joblib or model.json in it.

    Any other file is refused rather than read as its directory: a
    mistyped `models/old.json` must not load `models/model.joblib`.
    """
    if path.name in (MODEL_FILE, CARD_FILE):
        if not path.is_file():
            raise ModelError(f"{path}: no such file; {_MODEL_PATHS}")
        return path.parent
    if path.suffix in (".joblib", ".json") or (path.exists() and not path.is_dir()):
        what = "no such file" if not path.exists() else "not a model directory, model.joblib or model.json"
        raise ModelError(f"{path}: {what}; {_MODEL_PATHS}")
    return path


_MODEL_PATHS = "pass the model directory written by `attrib train`, or the model.joblib or model.json in it"


def save_model(tagger: "Tagger", directory: Path, card: dict[str, Any]) -> dict[str, Any]:
    """Write model and card so that an interrupted save leaves the previous pair intact.

    Both are written to temporary files in the same directory first and
    renamed into place only when complete; if the card cannot be put in
    place after the model was, the previous model is put back.  A process
    killed outright (SIGKILL, power loss) between the two renames leaves a
    new model beside the old card, which a load refuses by checksum.
    Directories created for the model are removed again if the save fails.
    """
    created = _make_directories(directory)
    model_path, card_path = directory / MODEL_FILE, directory / CARD_FILE
    temporaries: list[Path] = []
    saved = False
    try:
        for name in (MODEL_FILE, CARD_FILE, MODEL_FILE + ".previous"):
            temporaries.append(_temporary(directory, name))
        model_tmp, card_tmp, backup = temporaries
        joblib.dump(tagger, model_tmp)
        full_card = {
            **card,
            "format": MODEL_FORMAT,
            "compiled_format": COMPILED_FORMAT,
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
        saved = True
    finally:
        for leftover in temporaries:
            leftover.unlink(missing_ok=True)
        if not saved:
            _remove_empty(created)
    return full_card


def _make_directories(directory: Path) -> list[Path]:
    """Create `directory` and its missing parents; returns those created, deepest first."""
    missing = [path for path in (directory, *directory.parents) if not path.exists()]
    directory.mkdir(parents=True, exist_ok=True)
    return missing


def _remove_empty(directories: list[Path]) -> None:
    for path in directories:
        try:
            path.rmdir()
        except OSError:
            return


class AtomicFile:
    """A file written under a temporary name beside `path` and renamed into place by `commit`.

    Readers never see a half-written file, and a run that fails or is
    interrupted (`discard`) leaves the previous file as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temporary = _temporary(path.parent, path.name)
        self.handle = self._temporary.open("w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.handle.close()
        _readable_as_usual(self._temporary)
        os.replace(self._temporary, self.path)

    def discard(self) -> None:
        self.handle.close()
        self._temporary.unlink(missing_ok=True)


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
        card = loads(card_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, JSONProblem) as error:
        raise ModelError(f"{card_path}: unreadable model card ({error}); run `attrib train` again") from None
    if not isinstance(card, dict):
        raise ModelError(f"{card_path}: not an attrib model card; run `attrib train` again")
    return card


def check_card(card: dict[str, Any], directory: Path) -> None:
    """Refuse a model whose card was written by an incompatible attrib or scikit-learn."""
    card_path = directory / CARD_FILE
    found = card.get("format")
    if not isinstance(found, int) or isinstance(found, bool):
        raise ModelError(
            f"{card_path}: model format is {_json_type(found)}, not a whole number "
            f"(this attrib reads format {MODEL_FORMAT}); run `attrib train` to rebuild it"
        )
    if found != MODEL_FORMAT:
        raise ModelError(
            f"{card_path}: model format {found}, this attrib reads format {MODEL_FORMAT}; "
            "run `attrib train` to rebuild it"
        )
    recorded = card.get("versions")
    saved = recorded.get("scikit-learn") if isinstance(recorded, dict) else None
    saved = saved if isinstance(saved, str) else ""
    current = metadata.version("scikit-learn")
    if _minor(saved) != _minor(current):
        raise ModelError(
            f"{card_path}: model saved with scikit-learn {saved[:40] or 'unknown'}, this is {current}; "
            "run `attrib train` to rebuild it with this version"
        )


def _json_type(value: Any) -> str:
    if value is None:
        return "missing or null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return f"the string {value[:20]!r}"
    if isinstance(value, float):
        return "a fraction"
    return "a list" if isinstance(value, list) else "an object"


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def load_model(path: Path) -> "Tagger":
    """Load after checking the card: versions first, then the model file's sha256."""
    from attrib.model.tagger import Tagger

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
        hasattr(tagger, name) for name in ("quote_model_", "stance_model_", "speaker_model_", "quote_scorer_", "stance_scorer_")
    ):
        raise ModelError(f"{model_path}: not a trained attrib model; run `attrib train` again")
    return tagger
