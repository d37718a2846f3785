"""Saving and loading models, with a model card that guards every load.

A model is a directory of three files: `tagger.pickle`, the compiled
tagger that tags (numpy arrays and attrib's own classes); `model.joblib`,
the full tagger with its scikit-learn pipelines, which `attrib explain`
reads; and their card `model.json`.  The card records the model and
compiled formats, the library versions, the training data's checksum and
each file's sha256; a load checks the card before unpickling, so a
truncated, foreign or stale file is refused with a message instead of a
traceback.  Model files are pickles: the checksum catches damage and
mix-ups, not tampering by someone who can also edit the card, so load
only models from a source you trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import shutil
import warnings
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from attrib.atomic import readable_as_usual, temporary
from attrib.jsonio import JSONProblem, loads
from attrib.model.calibration import Calibration
from attrib.model.compiled import COMPILED_FORMAT, CompiledClassifier
from attrib.model.speakers import SpeakerRanker
from attrib.model.tagger import Tagger

MODEL_FILE = "model.joblib"
SERVING_FILE = "tagger.pickle"
CARD_FILE = "model.json"
# Bumped whenever the saved files or pickled classes change shape; older models are refused.
MODEL_FORMAT = 4
# The packages whose classes and functions the compiled tagger's pickle may name; anything else is not a file attrib wrote.
_SERVING_PACKAGES = frozenset(("attrib", "numpy"))


class ModelError(Exception):
    """A model that cannot be used; the message says which file and what to do."""


def versions() -> dict[str, str]:
    from importlib import metadata  # only saving and the pipelines' check need it (~50 ms to import)

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
    """The model directory `--model` names: the directory itself, or one of its files.

    Any other file is refused rather than read as its directory: a
    mistyped `models/old.json` must not load `models/model.joblib`.
    """
    if path.name in (MODEL_FILE, SERVING_FILE, CARD_FILE):
        if not path.is_file():
            raise ModelError(f"{path}: no such file; {_MODEL_PATHS}")
        return path.parent
    if path.suffix in (".joblib", ".pickle", ".json") or (path.exists() and not path.is_dir()):
        what = "no such file" if not path.exists() else "not a model directory or a file of one"
        raise ModelError(f"{path}: {what}; {_MODEL_PATHS}")
    return path


_MODEL_PATHS = "pass the model directory written by `attrib train`, or its model.json, model.joblib or tagger.pickle"


def save_model(tagger: Tagger, directory: Path, card: dict[str, Any]) -> dict[str, Any]:
    """Write the model files and card so that an interrupted save leaves the previous ones intact.

    All are written to temporary files in the same directory first and
    renamed into place only when complete, the card last; if a rename
    fails, the model files already replaced are put back.  A process
    killed outright (SIGKILL, power loss) between the renames leaves new
    files beside the old card, which a load refuses by checksum.
    Directories created for the model are removed again if the save fails.
    """
    import joblib  # only saving and `load_model(pipelines=True)` need it: 0.1-0.2 s of a one-article predict

    created = _make_directories(directory)
    card_path = directory / CARD_FILE
    files = (MODEL_FILE, SERVING_FILE)
    temporaries: list[Path] = []
    saved = False
    try:
        for name in (*files, CARD_FILE, *(name + ".previous" for name in files)):
            temporaries.append(temporary(directory, name))
        written = dict(zip(files, temporaries))
        card_tmp = temporaries[len(files)]
        backups = dict(zip(files, temporaries[len(files) + 1 :]))
        joblib.dump(tagger, written[MODEL_FILE])
        with written[SERVING_FILE].open("wb") as handle:
            pickle.dump(tagger.compiled(), handle, protocol=pickle.HIGHEST_PROTOCOL)
        full_card = {
            **card,
            "format": MODEL_FORMAT,
            "compiled_format": COMPILED_FORMAT,
            "versions": versions(),
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "model_sha256": sha256_file(written[MODEL_FILE]),
            "serving_sha256": sha256_file(written[SERVING_FILE]),
        }
        card_tmp.write_text(json.dumps(full_card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for path in (*written.values(), card_tmp):
            readable_as_usual(path)
        had = {name: _keep_copy(directory / name, backups[name]) for name in files}
        replaced: list[str] = []
        try:
            for name in files:
                os.replace(written[name], directory / name)
                replaced.append(name)
            os.replace(card_tmp, card_path)
        except BaseException:
            for name in replaced:
                if had[name]:
                    os.replace(backups[name], directory / name)
                else:
                    (directory / name).unlink(missing_ok=True)
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


def _keep_copy(path: Path, backup: Path) -> bool:
    """Hard-link (or copy) the current file to `backup` so a failed save can restore it."""
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
    """Refuse a model whose card was written by an incompatible attrib."""
    card_path = directory / CARD_FILE
    for key, expected in (("format", MODEL_FORMAT), ("compiled_format", COMPILED_FORMAT)):
        what = "model format" if key == "format" else "compiled format"
        found = card.get(key)
        if not isinstance(found, int) or isinstance(found, bool):
            raise ModelError(
                f"{card_path}: {what} is {_json_type(found)}, not a whole number "
                f"(this attrib reads {what} {expected}); run `attrib train` to rebuild it"
            )
        if found != expected:
            raise ModelError(
                f"{card_path}: {what} {found}, this attrib reads {what} {expected}; run `attrib train` to rebuild it"
            )


def check_scikit_learn(card: dict[str, Any], directory: Path) -> None:
    """Refuse scikit-learn pipelines pickled by another scikit-learn minor version (the compiled tagger needs none)."""
    recorded = card.get("versions")
    saved = recorded.get("scikit-learn") if isinstance(recorded, dict) else None
    saved = saved if isinstance(saved, str) else ""
    from importlib import metadata

    current = metadata.version("scikit-learn")
    if _minor(saved) != _minor(current):
        raise ModelError(
            f"{directory / CARD_FILE}: model saved with scikit-learn {saved[:40] or 'unknown'}, this is {current}; "
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


def load_model(path: Path, pipelines: bool = False) -> Tagger:
    """The tagger at `path`, after checking its card: formats and versions first, then the file's sha256.

    By default the compiled tagger (tagger.pickle), which tags without
    scikit-learn; with `pipelines`, the full tagger (model.joblib), whose
    scikit-learn pipelines `attrib explain` reads.
    """
    directory = model_dir(path)
    card = read_card(directory)
    check_card(card, directory)
    if pipelines:
        check_scikit_learn(card, directory)
        name, tagger = MODEL_FILE, _unpickle(directory, MODEL_FILE, card.get("model_sha256"), _joblib_load)
    else:
        name, tagger = SERVING_FILE, _unpickle(directory, SERVING_FILE, card.get("serving_sha256"), _serving_load)
    fitted = ("quote_model_", "stance_model_") if pipelines else ()
    if not _is_compiled_tagger(tagger) or not all(hasattr(tagger, attribute) for attribute in fitted):
        raise ModelError(f"{directory / name}: not a trained attrib model; run `attrib train` again")
    return tagger


def _unpickle(directory: Path, name: str, expected: object, load: Callable[[Path], Any]) -> Any:
    """The object in `directory / name`, once its sha256 matches the card's."""
    path = directory / name
    if not path.is_file():
        raise ModelError(f"{path}: model file missing beside its card; run `attrib train` again")
    try:
        digest = sha256_file(path)
    except OSError as error:
        raise ModelError(f"{path}: cannot read the model ({error.strerror or error}); check that you may read it") from None
    if digest != expected:
        raise ModelError(
            f"{path}: checksum does not match {directory / CARD_FILE} (truncated, damaged or replaced); run `attrib train` again"
        )
    try:
        return load(path)
    except Exception as error:  # a checksum match makes this rare; any unpickling failure is the same problem
        raise ModelError(f"{path}: cannot load model ({type(error).__name__}); run `attrib train` again") from None


def _joblib_load(path: Path) -> Any:
    import joblib

    with warnings.catch_warnings():
        # The card's check decides which scikit-learn versions may load the
        # pipelines; scikit-learn's own warning about a patch release is noise.
        warnings.filterwarnings("ignore", message=".*Trying to unpickle estimator.*")
        return joblib.load(path)


class _ServingUnpickler(pickle.Unpickler):
    """Finds only attrib's and numpy's classes and functions, all that the compiled tagger holds,
    so loading it never imports scikit-learn or scipy, whatever the file names."""

    def find_class(self, module: str, name: str) -> Any:
        if module.split(".")[0] not in _SERVING_PACKAGES:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a compiled tagger")
        return super().find_class(module, name)


def _serving_load(path: Path) -> Any:
    with path.open("rb") as handle:
        return _ServingUnpickler(handle).load()


def _is_compiled_tagger(tagger: Any) -> bool:
    """What tagging reads, of the types it expects."""
    return (
        isinstance(tagger, Tagger)
        and isinstance(getattr(tagger, "quote_scorer_", None), CompiledClassifier)
        and isinstance(getattr(tagger, "stance_scorer_", None), CompiledClassifier)
        and isinstance(getattr(tagger, "speaker_model_", None), SpeakerRanker)
        and isinstance(getattr(tagger.speaker_model_, "weights_", None), dict)
        and isinstance(getattr(tagger, "calibration_", None), Calibration)
    )
