"""Model files as users have them: missing, half-copied, foreign, stale, or overwritten mid-save.

`attrib predict` reads the compiled tagger (tagger.pickle), `attrib explain`
the full one with its scikit-learn pipelines (model.joblib); each file is
damaged in turn and must be refused by the command that reads it.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from functools import partial
from pathlib import Path

import joblib
import pytest

from attrib import training
from attrib.loading import cache_dir
from attrib.model import persistence
from attrib.model.compiled import COMPILED_FORMAT
from attrib.model.persistence import CARD_FILE, MODEL_FILE, SERVING_FILE, ModelError, load_model, save_model, sha256_file
from attrib.model.tagger import Tagger
from attrib.training import train
from tests.conftest import DATA, SEEDS, USER_ARTICLE, write_user_labels

SEED = SEEDS / "003_218fb273f3dd3233.txt"
# Each model file, the command that reads it, and the card key holding its checksum.
READERS = [(SERVING_FILE, "predict", "serving_sha256"), (MODEL_FILE, "explain", "model_sha256")]
FILES = pytest.mark.parametrize(("name", "command", "key"), READERS, ids=["tagger.pickle", "model.joblib"])


@pytest.fixture
def model_copy(trained_model: Path, tmp_path: Path) -> Path:
    """A private copy of the session model, free to damage."""
    return Path(shutil.copytree(trained_model, tmp_path / "model"))


def card_of(model: Path) -> dict:
    return json.loads((model / CARD_FILE).read_text(encoding="utf-8"))


def write_card(model: Path, card: dict) -> None:
    (model / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")


def reseal(model: Path) -> None:
    """Make the card's checksums match whatever the model files now hold."""
    write_card(model, {**card_of(model), **{key: sha256_file(model / name) for name, _, key in READERS}})


def snapshot(model: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(model.iterdir())}


def run(cli, command: str, model: Path | str):
    if command == "predict":
        return cli("predict", SEED, "--format", "jsonl", "--model", model)
    return cli("explain", SEED, "--json", "--model", model)


def refused(cli, model: Path | str, *words: str, command: str = "predict") -> str:
    """Run `command` with `model`: exit 2, nothing on stdout, one clear message holding `words`."""
    result = run(cli, command, model)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "attrib train" in result.stderr
    for word in words:
        assert word in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    return result.stderr


def test_missing_model_says_where_it_looked(cli, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent"
    refused(cli, missing, str(missing / CARD_FILE))


@FILES
def test_model_file_missing_beside_its_card(cli, model_copy: Path, name: str, command: str, key: str) -> None:
    (model_copy / name).unlink()
    refused(cli, model_copy, str(model_copy / name), "missing", command=command)


@FILES
def test_truncated_model_is_refused_by_checksum(cli, model_copy: Path, name: str, command: str, key: str) -> None:
    data = (model_copy / name).read_bytes()
    (model_copy / name).write_bytes(data[: len(data) // 2])
    refused(cli, model_copy, str(model_copy / name), "checksum", command=command)


@FILES
@pytest.mark.parametrize("sealed", [False, True], ids=["checksum-stale", "checksum-matching"])
def test_random_bytes_are_refused(cli, model_copy: Path, sealed: bool, name: str, command: str, key: str) -> None:
    (model_copy / name).write_bytes(os.urandom(4096))
    if sealed:
        reseal(model_copy)
    refused(cli, model_copy, str(model_copy / name), "cannot load model" if sealed else "checksum", command=command)


@FILES
def test_truncated_pickle_with_matching_checksum_is_refused(cli, model_copy: Path, name: str, command: str, key: str) -> None:
    """A half-copied file whose card was regenerated: unpickling fails, the user gets one line."""
    data = (model_copy / name).read_bytes()
    (model_copy / name).write_bytes(data[: len(data) // 2])
    reseal(model_copy)
    refused(cli, model_copy, str(model_copy / name), "cannot load model", command=command)


def test_damage_to_one_file_leaves_the_other_command_working(cli, model_copy: Path) -> None:
    """predict never reads model.joblib, so its loss does not stop tagging; explain needs it."""
    (model_copy / MODEL_FILE).unlink()
    assert run(cli, "predict", model_copy).exit_code == 0
    refused(cli, model_copy, str(model_copy / MODEL_FILE), command="explain")


@FILES
@pytest.mark.parametrize("foreign", [{"quote_model_": 1}, Tagger()], ids=["dict", "unfitted-tagger"])
def test_foreign_pickle_with_correct_checksum_is_refused(cli, model_copy: Path, foreign: object, name: str, command: str, key: str) -> None:
    if name == MODEL_FILE:
        joblib.dump(foreign, model_copy / name)
    else:
        (model_copy / name).write_bytes(pickle.dumps(foreign))
    reseal(model_copy)
    refused(cli, model_copy, str(model_copy / name), "not a trained attrib model", command=command)
    with pytest.raises(ModelError, match="not a trained attrib model"):
        load_model(model_copy, pipelines=name == MODEL_FILE)


def test_compiled_tagger_that_refers_to_scikit_learn_is_refused(cli, model_copy: Path, session_tagger: Tagger) -> None:
    """The full tagger pickled as tagger.pickle: refused before anything outside attrib and numpy is imported."""
    (model_copy / SERVING_FILE).write_bytes(pickle.dumps(session_tagger))
    reseal(model_copy)
    refused(cli, model_copy, str(model_copy / SERVING_FILE), "cannot load model")


def test_card_from_another_scikit_learn(cli, model_copy: Path) -> None:
    """The pipelines are refused; the compiled tagger needs no scikit-learn, so predict still works."""
    card = card_of(model_copy)
    card["versions"]["scikit-learn"] = "0.24.2"
    write_card(model_copy, card)
    message = refused(cli, model_copy, str(model_copy / CARD_FILE), "scikit-learn 0.24.2", command="explain")
    assert f"this is {persistence.versions()['scikit-learn']}" in message
    assert run(cli, "predict", model_copy).exit_code == 0


@pytest.mark.parametrize("command", ["predict", "explain"])
def test_card_from_another_model_format(cli, model_copy: Path, command: str) -> None:
    write_card(model_copy, {**card_of(model_copy), "format": 99})
    refused(cli, model_copy, str(model_copy / CARD_FILE), "format 99", f"format {persistence.MODEL_FORMAT}", command=command)


def test_model_of_the_previous_format_is_refused(cli, model_copy: Path) -> None:
    """A format-3 model (model.joblib and card only) asks for a retrain instead of failing on the missing file."""
    (model_copy / SERVING_FILE).unlink()
    write_card(model_copy, {**card_of(model_copy), "format": 3})
    refused(cli, model_copy, str(model_copy / CARD_FILE), "model format 3", f"reads model format {persistence.MODEL_FORMAT}")


@pytest.mark.parametrize("command", ["predict", "explain"])
def test_model_of_the_previous_compiled_format_is_refused(cli, model_copy: Path, command: str) -> None:
    """Compiled format 1 could hold character n-gram parts, which the scorer no longer reads: a retrain is asked for."""
    write_card(model_copy, {**card_of(model_copy), "compiled_format": 1})
    refused(cli, model_copy, str(model_copy / CARD_FILE), "compiled format 1", f"reads compiled format {COMPILED_FORMAT}", command=command)


@pytest.mark.parametrize("value", [99, None, "1"], ids=["other", "missing", "string"])
def test_card_from_another_compiled_format(cli, model_copy: Path, value: object) -> None:
    card = {**card_of(model_copy), "compiled_format": value}
    if value is None:
        del card["compiled_format"]
    write_card(model_copy, card)
    refused(cli, model_copy, str(model_copy / CARD_FILE), "compiled format")


@pytest.mark.parametrize(
    "card_text",
    ["{not json", "[1, 2]", '{"format": 1, "versions": "1.5"}', '{"format": 1}', "\udcff"],
    ids=["invalid-json", "list", "versions-not-object", "no-versions", "not-utf8"],
)
def test_broken_cards_are_refused(cli, model_copy: Path, card_text: str) -> None:
    (model_copy / CARD_FILE).write_bytes(card_text.encode("utf-8", "surrogateescape"))
    refused(cli, model_copy, str(model_copy / CARD_FILE))


@pytest.mark.parametrize(
    "value",
    ['"\\ud800"', "9" * 5000, "[" * 100_000 + "]" * 100_000],
    ids=["lone-surrogate", "long-number", "deep-nesting"],
)
def test_card_with_json_that_parses_but_cannot_be_used_is_refused(cli, model_copy: Path, value: str) -> None:
    text = (model_copy / CARD_FILE).read_text(encoding="utf-8")
    (model_copy / CARD_FILE).write_text(text.replace('"created":', f'"note": {value}, "created":', 1), encoding="utf-8")
    refused(cli, model_copy, str(model_copy / CARD_FILE), "unreadable model card")
    with pytest.raises(ModelError):
        load_model(model_copy)


def test_card_whose_format_is_a_string_says_it_is_the_wrong_type(cli, model_copy: Path) -> None:
    write_card(model_copy, {**card_of(model_copy), "format": str(persistence.MODEL_FORMAT)})
    refused(cli, model_copy, str(model_copy / CARD_FILE), f"the string '{persistence.MODEL_FORMAT}'", "not a whole number")


@pytest.mark.parametrize("name", ["absent.joblib", "model.json.bak", "old.json", "notes.txt"])
def test_model_path_naming_no_model_is_refused_not_swapped_for_its_directory(cli, model_copy: Path, name: str) -> None:
    """`--model models/old.json` must not quietly load models/model.joblib."""
    if name != "absent.joblib":
        (model_copy / name).write_text((model_copy / CARD_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    refused(cli, model_copy / name, str(model_copy / name))


def test_model_json_or_joblib_that_does_not_exist_is_refused(cli, tmp_path: Path) -> None:
    refused(cli, tmp_path / MODEL_FILE, str(tmp_path / MODEL_FILE), "no such file")


@FILES
def test_card_without_checksum_is_refused(cli, model_copy: Path, name: str, command: str, key: str) -> None:
    card = card_of(model_copy)
    del card[key]
    write_card(model_copy, card)
    refused(cli, model_copy, "checksum", str(model_copy / name), command=command)


def test_model_may_be_named_by_either_file(cli, trained_model: Path) -> None:
    outputs = {cli("predict", SEED, "--format", "jsonl", "--model", trained_model / name).stdout for name in (MODEL_FILE, SERVING_FILE, CARD_FILE, "")}
    assert len(outputs) == 1 and outputs.pop().count("\n") > 10


@FILES
def test_unreadable_model_file(cli, model_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: str, key: str) -> None:
    """Permissions are simulated: the tests may run as root, who reads any file."""

    def denied(path: Path) -> str:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(persistence, "sha256_file", denied)
    result = run(cli, command, model_copy)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(model_copy / name) in result.stderr and "Permission denied" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------ interrupted saves ---


def no_temporaries(model: Path) -> bool:
    return sorted(path.name for path in model.iterdir()) == sorted([MODEL_FILE, SERVING_FILE, CARD_FILE])


def save_only(tagger: Tagger):
    """`train` minus the fitting, for tests about writing the model."""
    return lambda data, seeds, out: save_model(tagger, out, {})


def test_failed_dump_leaves_the_previous_model(
    cli, model_copy: Path, session_tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the CLI: the disk fills up while the new model is written."""
    before = snapshot(model_copy)

    def full_disk(value: object, path: object, *args: object, **kwargs: object) -> None:
        Path(str(path)).write_bytes(b"half a model")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(joblib, "dump", full_disk)
    monkeypatch.setattr(training, "train", save_only(session_tagger))
    result = cli("train", "--data", DATA, "--seeds", SEEDS, "--out", model_copy)
    assert result.exit_code == 2
    assert str(model_copy) in result.stderr and "No space left on device" in result.stderr
    assert snapshot(model_copy) == before and no_temporaries(model_copy)


@pytest.mark.parametrize("failing_call", [1, 2, 3], ids=["model-rename", "tagger-rename", "card-rename"])
def test_failed_rename_leaves_the_previous_files(
    model_copy: Path, session_tagger: Tagger, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    """A failure at any rename restores the old model files and card; they still load."""
    before = snapshot(model_copy)
    real_replace = os.replace
    calls = []

    def replace(source: object, target: object) -> None:
        calls.append(target)
        if len(calls) == failing_call:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(persistence.os, "replace", replace)
    with pytest.raises(PermissionError):
        save_model(session_tagger, model_copy, {"note": "new"})
    monkeypatch.undo()
    assert snapshot(model_copy) == before and no_temporaries(model_copy)
    assert isinstance(load_model(model_copy), Tagger)
    assert isinstance(load_model(model_copy, pipelines=True), Tagger)


def test_train_into_new_directories_on_a_full_disk_leaves_none_behind(
    cli, session_tagger: Tagger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(joblib, "dump", lambda *args, **kwargs: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    monkeypatch.setattr(training, "train", save_only(session_tagger))
    result = cli("train", "--out", tmp_path / "new" / "models")
    assert result.exit_code == 2 and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_saved_files_are_not_private(trained_model: Path) -> None:
    """Temporary files are created 0600; the saved model must be readable like any file the user writes."""
    umask = os.umask(0)
    os.umask(umask)
    for name in (MODEL_FILE, SERVING_FILE, CARD_FILE):
        assert (trained_model / name).stat().st_mode & 0o777 == 0o666 & ~umask


_SLOW_SAVE = """
import sys, time
import joblib
from attrib import training
from attrib.model import persistence

def dump(value, path, *args, **kwargs):
    with open(path, "wb") as handle:
        handle.write(b"half a model")
        handle.flush()
    print("writing", flush=True)
    time.sleep(60)

from attrib import cli
from attrib.loading import load_tagger
tagger = load_tagger(sys.argv[1], pipelines=True)
joblib.dump = dump
training.train = lambda data, seeds, out: persistence.save_model(tagger, out, {})
sys.argv = ["attrib", "train", "--out", sys.argv[2]]
cli.main()
"""


def test_terminated_train_leaves_the_previous_model(model_copy: Path, trained_model: Path) -> None:
    """`kill` (SIGTERM) while the model is being written: old files intact, no temporary files."""
    before = snapshot(model_copy)
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_SAVE, str(trained_model), str(model_copy)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"
        assert not no_temporaries(model_copy)  # caught mid-write
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in stderr
    assert snapshot(model_copy) == before and no_temporaries(model_copy)


# ------------------------------------------------------------------- training ---


def test_train_reports_every_bad_label_line(cli, tmp_path: Path) -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    bad = {
        3: "{not json",
        10: json.dumps({**json.loads(lines[9]), "stance": "angry"}),
        50: json.dumps({**json.loads(lines[49]), "start": -1}),
        100: json.dumps({k: v for k, v in json.loads(lines[99]).items() if k != "quote"}),
    }
    for number, line in bad.items():
        lines[number - 1] = line
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("train", "--data", labels, "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 2
    for number in bad:
        assert f"{labels}:{number}:" in result.stderr
    assert "'angry'" in result.stderr and "nothing was written" in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_train_names_the_labels_file_and_line_of_json_that_cannot_be_used(cli, tmp_path: Path) -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace('"text": "', '"text": "\\ud800', 1)
    lines[7] = '{"article": ' + "1" * 5000 + "}"
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli("train", "--data", labels, "--seeds", SEEDS, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert f"{labels}:5: " in result.stderr and "lone surrogate" in result.stderr
    assert f"{labels}:8: " in result.stderr and "digits" in result.stderr
    gold = cli("evaluate", "--gold", labels, "--articles", SEEDS)
    assert gold.exit_code == 2 and f"{labels}:5: " in gold.stderr and f"{labels}:8: " in gold.stderr


def _by_article(tmp_path: Path) -> list[Path]:
    """The seed labels split into two files: the first two articles, and the rest."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    first = {json.loads(line)["article"] for line in lines[:60]}
    files = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    files[0].write_text("".join(line + "\n" for line in lines if json.loads(line)["article"] in sorted(first)[:2]), encoding="utf-8")
    files[1].write_text("".join(line + "\n" for line in lines if json.loads(line)["article"] not in sorted(first)[:2]), encoding="utf-8")
    return files


def test_train_on_several_label_files_uses_all_of_them(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--data A --data B` trains on both, not on B only (leave-one-out skipped to keep the test short)."""
    monkeypatch.setattr(training, "train", partial(train, evaluate=False))
    first, second = _by_article(tmp_path)
    out = tmp_path / "out"
    result = cli("train", "--data", first, "--data", second, "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert card_of(out)["training_data"]["sentences"] == len(DATA.read_text(encoding="utf-8").splitlines())
    assert card_of(out)["training_data"]["labels"] == [str(first), str(second)]
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(first.read_bytes())
    twice = cli("train", "--data", first, "--data", copy, "--seeds", SEEDS, "--out", tmp_path / "twice")
    assert twice.exit_code == 2 and f"{copy}:1: duplicate sentence" in twice.stderr and f"already on {first}:1" in twice.stderr
    assert not (tmp_path / "twice").exists()


def test_train_adds_a_users_labelled_article_to_the_bundled_seeds(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One command, from outside the clone; a direct quote whose source is not given has speaker null."""
    monkeypatch.setattr(training, "train", partial(train, evaluate=False))
    monkeypatch.chdir(tmp_path)
    articles = tmp_path / "mine"
    articles.mkdir()
    (articles / "ferry.txt").write_text(USER_ARTICLE, encoding="utf-8")
    labels = write_user_labels(tmp_path / "mine.jsonl")
    result = cli("train", "--data", labels, "--seeds", articles, "--with-seeds", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    data = card_of(tmp_path / "out")["training_data"]
    assert data["articles"] == 6 and data["sentences"] == len(DATA.read_text(encoding="utf-8").splitlines()) + 3


def test_train_on_one_article_fits_but_has_no_cross_validation(cli, tmp_path: Path) -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    labels = tmp_path / "one.jsonl"
    labels.write_text("".join(line + "\n" for line in lines if '"000_032264bec5c4f73f"' in line), encoding="utf-8")
    out = tmp_path / "out"
    result = cli("train", "--data", labels, "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 0, result.stderr
    card = json.loads((out / CARD_FILE).read_text(encoding="utf-8"))
    assert card["training_data"]["articles"] == 1 and "leave_one_article_out" not in card


def test_train_on_too_little_data_is_a_clear_error(cli, tmp_path: Path) -> None:
    """Valid labels that say no sentence reports anyone: nothing to learn quote types from."""
    labels = tmp_path / "silent.jsonl"
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["article"] == "000_032264bec5c4f73f":
            record.update(quote="none", speaker=None, mention=None, cue=None, stance="none")
            rows.append(json.dumps(record, ensure_ascii=False) + "\n")
    labels.write_text("".join(rows), encoding="utf-8")
    out = tmp_path / "out"
    result = cli("train", "--data", labels, "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 2
    assert str(labels) in result.stderr and "cannot train on these labels" in result.stderr
    assert "nothing was written" in result.stderr and result.stdout == ""
    assert not out.exists()


def test_train_into_a_file_is_a_clear_error(
    cli, tmp_path: Path, session_tagger: Tagger, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "model"
    out.write_text("not a directory", encoding="utf-8")
    monkeypatch.setattr(training, "train", save_only(session_tagger))
    result = cli("train", "--data", DATA, "--seeds", SEEDS, "--out", out)
    assert result.exit_code == 2
    assert str(out) in result.stderr
    assert out.read_text(encoding="utf-8") == "not a directory"


# ------------------------------------------------------- the default model cache ---


@pytest.mark.parametrize(
    ("damaged", "command"),
    [(SERVING_FILE, "predict"), (MODEL_FILE, "explain"), (CARD_FILE, "predict")],
    ids=["tagger-garbage", "model-garbage", "card-garbage"],
)
def test_corrupted_default_model_is_rebuilt_silently(cli, damaged: str, command: str) -> None:
    args = ("predict", SEED, "--format", "jsonl") if command == "predict" else ("explain", SEED, "--json")
    expected = cli(*args)  # builds the cache if needed
    assert expected.exit_code == 0 and expected.stderr == ""
    directory = cache_dir()
    (directory / damaged).write_bytes(b"\x80\x04garbage")
    result = cli(*args)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == expected.stdout
    # and the rebuilt cache is whole again
    assert isinstance(load_model(directory), Tagger) and isinstance(load_model(directory, pipelines=True), Tagger)
    assert no_temporaries(directory)


def test_the_default_model_cache_changes_with_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the package stands in for it; one changed line of the tagger moves the cache."""
    from attrib import loading

    package = tmp_path / "attrib"
    shutil.copytree(Path(loading.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(loading, "__file__", str(package / "loading.py"))
    monkeypatch.setattr(loading, "BUNDLED_LABELS", package / "bundled" / "labels.jsonl")
    monkeypatch.setattr(loading, "BUNDLED_SEEDS", package / "bundled" / "seeds")
    before = loading.cache_dir()
    assert loading.cache_dir() == before
    tagger = package / "model" / "tagger.py"
    tagger.write_text(tagger.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert loading.cache_dir() != before
