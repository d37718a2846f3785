"""Building models: `attrib train`, and the default model from the data bundled with attrib.

Loading them, and where the default model is cached, is attrib.loading's job.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from attrib.corpus import Corpus, Paths, load_corpus, text_sha256
from attrib.evaluation import cross_validate
from attrib.model.persistence import CARD_FILE, MODEL_FILE, save_model
from attrib.model.tagger import Tagger

BUNDLED = Path(__file__).parent / "bundled"
BUNDLED_LABELS = BUNDLED / "labels.jsonl"
BUNDLED_SEEDS = BUNDLED / "seeds"


def sources(labels: Sequence[Path], articles: Sequence[Path], with_bundled: bool = False) -> tuple[list[Path], list[Path]]:
    """The labels and article folders to use: those given, else the bundled seeds' (also added with `with_bundled`).

    The bundled labels and seeds ship inside the package, so training and
    evaluation work from any directory, not only inside a clone.
    """
    chosen_labels = list(labels) or [BUNDLED_LABELS]
    chosen_articles = list(articles) or [BUNDLED_SEEDS]
    if with_bundled:
        chosen_labels += [BUNDLED_LABELS] if BUNDLED_LABELS not in chosen_labels else []
        chosen_articles += [BUNDLED_SEEDS] if BUNDLED_SEEDS not in chosen_articles else []
    return chosen_labels, chosen_articles


def data_card(corpus: Corpus) -> dict[str, Any]:
    """What the model was trained on: checksums and label counts.

    `article_sha256` holds each article text's hash, so that scoring a
    model on the articles it was trained on can be recognised.
    """
    files = corpus.label_files
    articles = hashlib.sha256()
    for article in sorted(corpus.texts):
        articles.update(article.encode("utf-8") + b"\0" + corpus.texts[article].encode("utf-8") + b"\0")
    labels_digest = hashlib.sha256()
    for path in files:
        labels_digest.update(path.read_bytes())
    return {
        "training_data": {
            "labels": [str(path) for path in files] if len(files) != 1 else str(files[0]),
            "labels_sha256": labels_digest.hexdigest(),
            "articles_sha256": articles.hexdigest(),
            "article_sha256": {article: text_sha256(text) for article, text in sorted(corpus.texts.items())},
            "articles": len(corpus.texts),
            "sentences": len(corpus.records),
        },
        "label_counts": {
            "quote": dict(Counter(r.quote for r in corpus.records)),
            "stance": dict(Counter(r.stance for r in corpus.records)),
            "speakers": len({r.speaker for r in corpus.records if r.speaker}),
        },
    }


def trained_texts(card: dict[str, Any]) -> set[str]:
    """The hashes of the article texts a model card says the model was trained on (none for older cards)."""
    data = card.get("training_data")
    hashes = data.get("article_sha256") if isinstance(data, dict) else None
    return {value for value in hashes.values() if isinstance(value, str)} if isinstance(hashes, dict) else set()


def train(labels: Paths, articles: Paths, out: Path, evaluate: bool = True) -> dict[str, Any]:
    """Validate the data, fit, score leave-one-article-out, and save model and card to `out`.

    `labels` and `articles` may each be one path or several (see `load_corpus`).
    Leave-one-article-out needs two articles or more; with one, the card has no scores.

    Nothing is written when the data is invalid (`CorpusError` is raised first).
    """
    corpus = load_corpus(labels, articles)
    tagger = Tagger().fit(corpus)
    card = {**data_card(corpus), "calibration": tagger.calibration_.card()}
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


def build_default(directory: Path) -> Tagger:
    """The default model, fitted on the bundled data and saved to `directory` when it can be written."""
    corpus = load_corpus(BUNDLED_LABELS, BUNDLED_SEEDS)
    tagger = Tagger().fit(corpus)
    try:
        save_model(tagger, directory, data_card(corpus))
    except OSError:
        pass  # a read-only home still tags, it just trains again next time
    return tagger
