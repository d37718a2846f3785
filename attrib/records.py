"""The sentence record shared by labels and predictions (see the labelling guide)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

QUOTE_TYPES: tuple[str, ...] = ("direct", "indirect", "none")
STANCES: tuple[str, ...] = ("condemn", "hedge", "confirm", "deny", "none")
FOUR_STANCES: tuple[str, ...] = STANCES[:4]

LABEL_FIELDS: tuple[str, ...] = (
    "article",
    "index",
    "start",
    "end",
    "text",
    "quote",
    "speaker",
    "mention",
    "cue",
    "stance",
)
PREDICTION_FIELDS: tuple[str, ...] = LABEL_FIELDS + ("confidence", "speaker_confidence")


@dataclass
class Record:
    """One sentence of one article, labelled or predicted.

    `confidence` (probability of the stance) and `speaker_confidence` are
    only set on predictions; labels leave them None.
    """

    article: str
    index: int
    start: int
    end: int
    text: str
    quote: str = "none"
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    stance: str = "none"
    confidence: float | None = None
    speaker_confidence: float | None = None

    def label_dict(self) -> dict[str, Any]:
        """The labelling guide's fields only, in the guide's order."""
        data = asdict(self)
        return {name: data[name] for name in LABEL_FIELDS}

    def prediction_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {name: data[name] for name in PREDICTION_FIELDS}
