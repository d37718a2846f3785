"""Which predicted record answers which gold record, and whether two names name one source.

Evaluation (attrib.metrics) and the calibration fitted inside the tagger
(attrib.model.calibration) both compare predictions with labels; the
comparison lives here, below both, so that the tagger never imports the
metrics.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from attrib.records import Record

Pair = tuple[Record, Record | None]

Outcomes = list[tuple[float, bool]]


def record_key(record: Record) -> tuple[str, int, int]:
    return (record.article, record.start, record.end)


def align(gold: Sequence[Record], pred: Sequence[Record]) -> list[Pair]:
    """Pair each gold sentence, in gold order, with its predicted sentence.

    The partner is the predicted sentence with the same (article, start,
    end); otherwise the one of the same article that shares the most
    characters with it (ties go to the one that starts first); otherwise
    None, which the label metrics read as quote none, stance none, no
    speaker.
    """
    exact = {record_key(record): record for record in reversed(pred)}
    by_article: dict[str, list[Record]] = defaultdict(list)
    for record in sorted(pred, key=lambda r: (r.start, r.end)):
        by_article[record.article].append(record)

    pairs: list[Pair] = []
    for record in gold:
        partner = exact.get(record_key(record))
        if partner is None:
            best = 0
            for candidate in by_article.get(record.article, ()):
                overlap = min(record.end, candidate.end) - max(record.start, candidate.start)
                if overlap > best:
                    best, partner = overlap, candidate
        pairs.append((record, partner))
    return pairs


# --- speakers ----------------------------------------------------------------
#
# Speaker names are compared by the rules of the scorer the team reports
# development-set figures with (score.py, kept beside the dev set's source),
# so that `attrib evaluate --dev` and those figures agree sentence for sentence.

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})
# Words a name may carry or drop without naming someone else: honorifics,
# titles and offices, articles and "of", the possessive "s".
_NAME_FILLER = frozenset(
    """
    mr mrs ms miss dr sir dame lord lady baron baroness
    president prime minister secretary senator ambassador envoy general chief deputy former
    spokesman spokeswoman spokesperson press foreign defence defense shadow head
    the a an of s
    """.split()
)
# Separators between joint sources: "A and B", "A, B and C", "A & B".
_MEMBERS = re.compile(r",\s*|\s+and\s+|\s*&\s*")
_NAME_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=4096)
def normalise_speaker(name: str) -> str:
    """Case-folded, whitespace collapsed, curly apostrophes made straight."""
    return " ".join(name.translate(_APOSTROPHES).casefold().split())


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a source: accents, case, hyphens, a possessive 's
    and filler words (titles, "the", "of") removed; all words if only filler is left.

    "the Defence Secretary John Healey" -> (john, healey); "Cho Tae-yul" ->
    (cho, taeyul); "Ministry of Health" -> (ministry, health).
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
    words = _NAME_WORD.findall(plain.replace("\u2019", "'").replace("'s ", " ").replace("-", ""))
    return tuple(w for w in words if w not in _NAME_FILLER) or tuple(words)


def _members(name: str) -> list[str]:
    """The joint sources a name lists ("A, B and C" -> A, B, C)."""
    return [member for member in _MEMBERS.split(name) if member.strip()]


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the other plus at most two letters ("rebel"/"rebels"),
    the shorter having four letters or more."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2


def _same_source(gold: str, pred: str) -> bool:
    """One source named two ways: the same words, the same last word
    (surname, head noun), or every word of the shorter name in the longer."""
    gold_words, pred_words = name_words(gold), name_words(pred)
    if not gold_words or not pred_words:
        return False
    if gold_words == pred_words or _same_word(gold_words[-1], pred_words[-1]):
        return True
    small, big = sorted((gold_words, pred_words), key=len)
    return all(any(_same_word(s, b) for b in big) for s in small)


@lru_cache(maxsize=8192)  # the bootstrap asks about the same pairs a thousand times
def speaker_exact(gold: str | None, pred: str | None) -> bool:
    """The same sources with the same identifying words (see `name_words`), in
    any order: "President Joe Biden" is "Joe Biden", "Acme Inc." is "Acme Inc".
    A missing name never matches."""
    if not gold or not pred:
        return False
    return sorted(" ".join(name_words(m)) for m in _members(gold)) == sorted(" ".join(name_words(m)) for m in _members(pred))


@lru_cache(maxsize=8192)
def speaker_lenient(gold: str | None, pred: str | None) -> bool:
    """As many sources on each side, each matching one on the other (see
    `_same_source`): "Healey" matches "John Healey", "government" matches
    "UK government", "Rebels" matches "rebel movement"; "David Lammy" does
    not match "David Lammy and Cho Tae-yul", nor "Lloyd Austin" "John Healey".
    A missing name never matches."""
    if not gold or not pred:
        return False
    gold_members, pred_members = _members(gold), _members(pred)
    if len(gold_members) != len(pred_members):
        return False
    return all(any(_same_source(g, p) for p in pred_members) for g in gold_members) and all(
        any(_same_source(g, p) for g in gold_members) for p in pred_members
    )


def confidence_outcomes(pairs: Sequence[Pair]) -> tuple[Outcomes, Outcomes]:
    """(confidence, right) pairs: for the stance, every gold sentence with a
    prediction that has a confidence (stance right or not); for the speaker,
    the sentences attributed in gold and prediction (`speaker_confidence`,
    lenient speaker match)."""
    stance = [(p.confidence, p.stance == g.stance) for g, p in pairs if p is not None and p.confidence is not None]
    speaker = [
        (p.speaker_confidence, speaker_lenient(g.speaker, p.speaker))
        for g, p in pairs
        if p is not None and g.quote != "none" and p.quote != "none" and p.speaker_confidence is not None
    ]
    return stance, speaker
