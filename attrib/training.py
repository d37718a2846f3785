"""Building models: `attrib train`, and the default model that ships with attrib.

The default model is trained on first use from the labels and seeds
bundled inside the package and cached per attrib and scikit-learn version
and per digest of attrib's code and data, so a fresh install tags at once
and an upgrade rebuilds instead of unpickling a model written by another
version.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Any

from attrib.corpus import Corpus, load_corpus
from attrib.evaluation import cross_validate
from attrib.persistence import CARD_FILE, MODEL_FILE, ModelError, load_model, save_model, versions
from attrib.tagger import Tagger

BUNDLED = Path(__file__).parent / "bundled"


def data_card(corpus: Corpus, labels: Path) -> dict[str, Any]:
    """What the model was trained on: checksums and label counts."""
    articles = hashlib.sha256()
    for article in sorted(corpus.texts):
        articles.update(article.encode("utf-8") + b"\0" + corpus.texts[article].encode("utf-8") + b"\0")
    return {
        "training_data": {
            "labels": str(labels),
            "labels_sha256": hashlib.sha256(labels.read_bytes()).hexdigest(),
            "articles_sha256": articles.hexdigest(),
            "articles": len(corpus.texts),
            "sentences": len(corpus.records),
        },
        "label_counts": {
            "quote": dict(Counter(r.quote for r in corpus.records)),
            "stance": dict(Counter(r.stance for r in corpus.records)),
            "speakers": len({r.speaker for r in corpus.records if r.speaker}),
        },
    }


def train(labels: Path, articles: Path, out: Path, evaluate: bool = True) -> dict[str, Any]:
    """Validate the data, fit, score leave-one-article-out, and save model and card to `out`.

    Leave-one-article-out needs two articles or more; with one, the card has no scores.

    Nothing is written when the data is invalid (`CorpusError` is raised first).
    """
    corpus = load_corpus(labels, articles)
    tagger = Tagger().fit(corpus)
    card = {**data_card(corpus, labels), "calibration": tagger.calibration_.card()}
    if evaluate and len(corpus.articles) > 1:
        scores = cross_validate(corpus, bootstrap=0)
        card["leave_one_article_out"] = {
            name: {
                "stance_macro_f1_4": scores[name]["stance"]["macro_f1_4"],
                "stance_macro_f1_5": scores[name]["stance"]["macro_f1_5"],
                "quote_macro_f1": scores[name]["quote"]["macro_f1"],
                "quote_accuracy": scores[name]["quote"]["accuracy"],
                "speaker_exact": scores[name]["speaker"]["exact"],
                "speaker_lenient": scores[name]["speaker"]["lenient"],
            }
            for name in ("model", "majority", "keywords")
        }
    saved = save_model(tagger, out, card)
    return {"model": str(out / MODEL_FILE), "card": str(out / CARD_FILE), **saved}


def cache_dir() -> Path:
    """Where the default model is cached: $ATTRIB_CACHE_DIR, else the user's cache directory."""
    root = os.environ.get("ATTRIB_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "attrib"
    )
    v = versions()
    return Path(root) / f"default-{v['attrib']}-sklearn{v['scikit-learn']}-{_fingerprint()}"


def _fingerprint() -> str:
    """A digest of attrib's code and bundled data, so a changed tagger never loads a stale cached model."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), BUNDLED / "labels.jsonl", *(BUNDLED / "seeds").glob("*.txt")]):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def load_default() -> Tagger:
    """The cached default model, built from the bundled data when absent or unusable."""
    directory = cache_dir()
    try:
        return load_model(directory)
    except ModelError:
        pass
    labels = BUNDLED / "labels.jsonl"
    corpus = load_corpus(labels, BUNDLED / "seeds")
    tagger = Tagger().fit(corpus)
    try:
        save_model(tagger, directory, data_card(corpus, labels))
    except OSError:
        pass  # a read-only home still tags, it just trains again next time
    return tagger
