"""Fitted scikit-learn text classifiers as plain arrays, scored with numpy alone.

Training builds scikit-learn pipelines (attrib.model.features.text_classifier):
a FeatureUnion of TF-IDF vectorisers and a FeatureHasher, each behind a
FunctionTransformer that picks its input, into a logistic regression.
Importing scikit-learn (and scipy under it) costs most of a one-article
`attrib predict`, so `compile_pipeline` copies what a fitted pipeline
knows (tokenisation settings, vocabularies, idf weights, hash width,
coefficients) into a `CompiledClassifier` whose `predict_proba` gives the
same probabilities with numpy only.  Only compiling imports scikit-learn.

Settings the scorer does not reproduce are refused when compiling, with
the setting named, never approximated at prediction time.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Any

import numpy as np

from attrib.model.murmur import murmurhash3_32

# Bumped whenever the fields below change meaning; a model card records it.
# 2: word analyzers only (format 1 also scored char and char_wb parts).
COMPILED_FORMAT = 2
# Sentences scored at once: bounds the gram arrays of one batch (a few MB).
_BLOCK = 512
# Distinct words (feature names) whose ids (columns) a part keeps; past it the cache starts over,
# so memory stays flat however much text streams by.
_WORD_CACHE_SIZE = 50_000
_NAME_CACHE_SIZE = 1 << 16
# scikit-learn's default token pattern, the one the word cache is valid for.
DEFAULT_TOKEN_PATTERN = r"(?u)\b\w\w+\b"
_TOLERANCE = 1e-9


class CompileError(ValueError):
    """The pipeline uses something the compiled scorer does not reproduce; the message names it."""


@dataclass(frozen=True)
class Getter:
    """A FunctionTransformer step: `func(items, **kw_args)`, or the items themselves when func is None.

    The function is kept by reference (pickled by module and name), so it
    must be a module-level function.
    """

    func: Callable[..., Any] | None
    kw_args: tuple[tuple[str, Any], ...] = ()

    def __call__(self, items: Any) -> Any:
        return items if self.func is None else self.func(items, **dict(self.kw_args))


@dataclass
class _Entries:
    """Non-zero feature values of a batch: row (non-decreasing), column within the part, value."""

    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts in a sorted array."""
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return np.flatnonzero(first)


def _run_lengths(starts: np.ndarray, total: int) -> np.ndarray:
    """The length of each run, as floats, from where the runs start in an array of `total` items."""
    lengths = np.empty(len(starts))
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1])
    lengths[-1:] = total - starts[-1:]
    return lengths


class _PerWord(dict):
    """Word -> what `make` computes from it, computed on first sight and a dict lookup afterwards."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, word: str) -> Any:
        value = self[word] = self.make(word)
        return value


@dataclass
class TextPart:
    """A fitted CountVectorizer or TfidfVectorizer with the word analyzer: its settings, vocabulary, idf."""

    source: int
    offset: int
    weight: float
    ngram_range: tuple[int, int]
    lowercase: bool
    strip_accents: str | None
    token_pattern: str
    stop_words: frozenset[str] | None
    encoding: str
    decode_error: str
    vocabulary: dict[str, int] = field(repr=False)
    idf: np.ndarray | None = field(repr=False)
    sublinear_tf: bool
    binary: bool
    norm: str | None
    # The word vocabulary as token ids, for the default token pattern (None otherwise); built when compiling.
    table: _TokenTable | None = field(repr=False)
    _words: _PerWord | None = field(default=None, init=False, repr=False, compare=False)
    _tokens: Any = field(default=None, init=False, repr=False, compare=False)

    @property
    def width(self) -> int:
        return len(self.vocabulary)

    def __getstate__(self) -> dict[str, Any]:
        """The caches and the compiled regex are rebuilt after loading, not pickled."""
        return {**self.__dict__, "_words": None, "_tokens": None}

    def entries(self, docs: Sequence[Any]) -> _Entries:
        """TF-IDF values of `docs`, as scikit-learn's transform computes them.

        Gram ids of the whole batch go into one flat array; counting
        (a sort of row-major keys), sublinear tf, idf and the row norms
        are numpy operations over that array, not per-sentence Python.
        """
        texts = self._preprocessed(docs)
        rows, columns = self._grams(texts)
        known = columns >= 0
        if not known.all():  # no copies when every gram is in the vocabulary
            rows, columns = rows[known], columns[known]
        # Row-major keys; int32 sorts several times faster when they fit, and the
        # steps below take a half to a third of their int64 time (measured).
        key_type = np.int32 if len(docs) * self.width < 2**31 else np.int64
        width = key_type(self.width)
        keys = rows.astype(key_type)
        keys *= width
        keys += columns
        keys.sort()
        starts = _run_starts(keys)
        values = np.ones(len(starts)) if self.binary else _run_lengths(starts, len(keys))
        keys = keys[starts]
        rows = keys // width
        columns = keys - rows * width
        if self.sublinear_tf:
            np.log(values, out=values)
            values += 1.0
        if self.idf is not None:
            values *= self.idf[columns]
        if self.norm is not None:
            scale = values * values if self.norm == "l2" else np.abs(values)
            # (bincount returns integers when there is nothing to count)
            norms = np.bincount(rows, weights=scale, minlength=len(docs)).astype(np.float64, copy=False)
            if self.norm == "l2":
                np.sqrt(norms, out=norms)
            norms[norms == 0.0] = 1.0
            values /= norms[rows]
        return _Entries(rows, columns, values)

    def _preprocessed(self, docs: Sequence[Any]) -> list[str]:
        """Decoded, lowercased and accent-stripped as the vectoriser's settings say, in scikit-learn's order."""
        texts = [doc.decode(self.encoding, self.decode_error) if isinstance(doc, bytes) else doc for doc in docs]
        if self.lowercase:
            texts = [text.lower() for text in texts]
        if self.strip_accents == "ascii":
            texts = [unicodedata.normalize("NFKD", text).encode("ASCII", "ignore").decode("ASCII") for text in texts]
        elif self.strip_accents == "unicode":
            texts = [text if text.isascii() else _strip_combining(text) for text in texts]
        return texts

    def _grams(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Row and vocabulary column of every gram of `texts` (column -1 for grams outside the vocabulary)."""
        if self._tokens is None:
            self._tokens = re.compile(self.token_pattern).findall
        if self.table is not None:
            if self._words is None or len(self._words) > _WORD_CACHE_SIZE:
                self._words = _PerWord(self._token_word)
            return self._word_grams(texts, self.table)
        ids: list[int] = []
        ends = []
        for text in texts:
            self._word_ids(text, ids)
            ends.append(len(ids))
        counts: np.ndarray = np.diff(np.array(ends, dtype=np.int64), prepend=0)
        return np.repeat(np.arange(len(texts), dtype=np.int64), counts), np.array(ids, dtype=np.int64)

    def _from_words(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The ids the word cache holds (as int64 bytes) for each whitespace-separated word, and how many per text.

        The loop over a text's words runs in C (a bytes join over map over
        str.split into the cache); one more join per batch makes the array.
        """
        get = self._words.__getitem__  # type: ignore[union-attr]
        joined = [b"".join(map(get, text.split())) for text in texts]
        sizes = np.fromiter(map(len, joined), dtype=np.int64, count=len(joined)) // 8
        return np.frombuffer(b"".join(joined), dtype=np.int64), sizes

    def _word_ids(self, text: str, ids: list[int]) -> None:
        """scikit-learn's word analyzer for any token pattern: tokens, n-grams joined by one space, looked up."""
        tokens = self._tokens(text)
        if self.stop_words is not None:
            tokens = [token for token in tokens if token not in self.stop_words]
        get = self.vocabulary.get
        min_n, max_n = self.ngram_range
        if min_n == 1:
            ids += map(get, tokens, repeat(-1))
        for n in range(max(min_n, 2), min(max_n, len(tokens)) + 1):
            ids += map(get, map(" ".join, zip(*[tokens[i:] for i in range(n)])), repeat(-1))

    def _word_grams(self, texts: list[str], table: _TokenTable) -> tuple[np.ndarray, np.ndarray]:
        """Word n-grams for the default token pattern, looked up as integers for the whole batch at once.

        That pattern's tokens are runs of two or more word characters: they
        never hold whitespace and their boundaries fall where they would in
        the whole text, so each whitespace-separated word is tokenised once
        and cached as token ids.  An n-gram is then a number (its token ids
        in base table.base) found in the table's sorted keys, and an n-gram
        within one text is a window whose first and last token share a row.
        """
        tokens, counts = self._from_words(texts)
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
        min_n, max_n = self.ngram_range
        found_rows, found_columns = [], []
        if min_n == 1:
            found_rows.append(rows)
            found_columns.append(table.unigrams[tokens])
        for n in range(max(min_n, 2), max_n + 1):
            windows = len(tokens) - n + 1
            if windows <= 0 or not len(table.keys[n]):
                continue
            valid = rows[:windows] == rows[n - 1 :]
            key = np.zeros(windows, dtype=np.int64)
            for j in range(n):
                part = tokens[j : j + windows]
                valid &= part >= 0
                key = key * table.base + part
            key, at = key[valid], rows[:windows][valid]
            position = np.minimum(np.searchsorted(table.keys[n], key), len(table.keys[n]) - 1)
            hit = table.keys[n][position] == key
            found_rows.append(at[hit])
            found_columns.append(table.columns[n][position[hit]])
        if not found_rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_rows), np.concatenate(found_columns)

    def _token_word(self, word: str) -> bytes:
        """A word's token ids (stop words dropped, -1 for tokens in no vocabulary term), as int64 bytes."""
        tokens = self._tokens(word)
        if self.stop_words is not None:
            tokens = [token for token in tokens if token not in self.stop_words]
        ids = self.table.ids  # type: ignore[union-attr]
        return struct.pack(f"{len(tokens)}q", *[ids.get(token, -1) for token in tokens])


@dataclass
class _TokenTable:
    """A word vocabulary's terms as token ids: each token of any term gets an id below `base`.

    unigrams[id] is the column of that token's unigram term, and its last
    entry is -1, so the id -1 of an unknown token finds no column; keys[n]
    holds the n-gram terms as numbers (token ids in base `base`), sorted,
    and columns[n] their columns.
    """

    ids: dict[str, int]
    base: int
    unigrams: np.ndarray
    keys: dict[int, np.ndarray]
    columns: dict[int, np.ndarray]

    @classmethod
    def of(cls, vocabulary: dict[str, int], max_n: int) -> "_TokenTable | None":
        """The table, or None when n-grams of max_n tokens would not fit in an int64 (the general path is used)."""
        ids: dict[str, int] = {}
        for term in vocabulary:
            for token in term.split(" "):
                ids.setdefault(token, len(ids))
        base = max(len(ids), 1)
        if base**max_n >= 2**62:
            return None
        unigrams = np.full(base + 1, -1, dtype=np.int64)
        grams: dict[int, list[tuple[int, int]]] = {n: [] for n in range(2, max_n + 1)}
        for term, column in vocabulary.items():
            tokens = term.split(" ")
            if len(tokens) == 1:
                unigrams[ids[term]] = column
            elif len(tokens) in grams and all(tokens):
                key = 0
                for token in tokens:
                    key = key * base + ids[token]
                grams[len(tokens)].append((key, column))
        keys, columns = {}, {}
        for n, pairs in grams.items():
            pairs.sort()
            keys[n] = np.array([key for key, _ in pairs], dtype=np.int64)
            columns[n] = np.array([column for _, column in pairs], dtype=np.int64)
        return cls(ids, base, unigrams, keys, columns)


def _strip_combining(text: str) -> str:
    """scikit-learn's strip_accents_unicode for a non-ASCII text."""
    return "".join([c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)])


class _Buckets(dict):
    """Feature name -> FeatureHasher column as 8 int64 bytes, hashed on first sight; names repeat across sentences.

    With alternate_sign a name whose hash is negative is stored as
    -(column + 1), so one lookup gives both column and sign.  Bytes, so a
    batch's columns are one bytes join away from an array.
    """

    def __init__(self, n_features: int, alternate_sign: bool) -> None:
        super().__init__()
        self.n_features, self.alternate_sign = n_features, alternate_sign

    def __missing__(self, name: str | bytes) -> bytes:
        if not isinstance(name, (str, bytes)):
            raise TypeError("feature names must be strings")
        h = murmurhash3_32(name)
        # scikit-learn's rule, including its special case for abs(-2**31).
        column = (2147483647 - (self.n_features - 1)) % self.n_features if h == -2147483648 else abs(h) % self.n_features
        code = self[name] = struct.pack("q", -(column + 1) if self.alternate_sign and h < 0 else column)
        return code


@dataclass
class HashedPart:
    """A FeatureHasher: its width, sign rule and input type (it has nothing fitted)."""

    source: int
    offset: int
    weight: float
    n_features: int
    alternate_sign: bool
    input_type: str
    _buckets: _Buckets | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def width(self) -> int:
        return self.n_features

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_buckets": None}

    def entries(self, samples: Sequence[Any]) -> _Entries:
        """Hashed values of `samples`; duplicate columns are left to the dot product to add up.

        Names and values of the whole batch gather in two lists (C-level
        extends); struct packs the values into doubles in one call (and
        refuses a string, which sends the batch through the path that makes
        "name=value" features); only names with a non-zero value are looked
        up, as FeatureHasher drops zeros.
        """
        if self._buckets is None or len(self._buckets) > _NAME_CACHE_SIZE:
            self._buckets = _Buckets(self.n_features, self.alternate_sign)
        names: list[Any] = []
        values: list[Any] = []
        ends = []
        if self.input_type == "dict":  # what attrib's features are: kept free of per-sample calls
            for sample in samples:
                names += sample
                values += sample.values()
                ends.append(len(names))
        else:
            for sample in samples:
                found, numbers = self._names_and_values(sample)
                names += found
                values += numbers
                ends.append(len(names))
        try:
            weights = _doubles(values)
        except struct.error:
            names, values = _string_values(names, values)
            weights = _doubles(values)
        rows = np.repeat(np.arange(len(ends), dtype=np.int64), np.diff(np.array(ends, dtype=np.int64), prepend=0))
        keep = weights != 0
        codes = np.frombuffer(b"".join(map(self._buckets.__getitem__, compress(names, keep.tolist()))), dtype=np.int64)
        rows, weights = rows[keep], weights[keep]
        if self.alternate_sign:
            negative = codes < 0
            codes = np.where(negative, -codes - 1, codes)
            weights = np.where(negative, -weights, weights)
        return _Entries(rows, codes, weights)

    def _names_and_values(self, sample: Any) -> tuple[Any, Any]:
        if self.input_type == "string":
            names = list(sample)
            return names, [1.0] * len(names)
        pairs = list(sample)
        return [name for name, _ in pairs], [value for _, value in pairs]


def _doubles(values: list[Any]) -> np.ndarray:
    """Values as float64, converted the way FeatureHasher's Cython code converts them (struct.error for non-numbers)."""
    return np.frombuffer(struct.pack(f"{len(values)}d", *values), dtype=np.float64)


def _string_values(names: list[Any], values: list[Any]) -> tuple[list[Any], list[Any]]:
    """FeatureHasher turns a feature with a string value into the feature "name=value" with value 1."""
    pairs = [(f"{name}={value}", 1.0) if isinstance(value, str) else (name, value) for name, value in zip(names, values)]
    return [name for name, _ in pairs], [value for _, value in pairs]


@dataclass
class CompiledClassifier:
    """A fitted text-classification pipeline as arrays: same classes_, same predict_proba.

    `coef_t` is the model's coefficients transposed and dense, one row per
    feature column (one output column for a binary model, one per class
    otherwise): a sentence's logits are the sum of the rows its non-zero
    features pick, each times its value.  No sparse matrices, hence no
    scipy; about 8 bytes x outputs x columns of memory.
    """

    classes_: np.ndarray
    sources: list[tuple[Getter, ...]]
    parts: list[TextPart | HashedPart]
    coef_t: np.ndarray = field(repr=False)
    intercept: np.ndarray
    format: int = COMPILED_FORMAT

    @property
    def binary(self) -> bool:
        """Two classes: one logit through a sigmoid (scikit-learn's predict_proba); more: softmax."""
        return len(self.classes_) == 2

    def decision_function(self, inputs: Sequence[Any]) -> np.ndarray:
        """Logits, shape (n,) for a binary model and (n, classes) otherwise, in blocks of _BLOCK inputs."""
        items = inputs if isinstance(inputs, list) else list(inputs)
        blocks = [self._decision_block(items[i : i + _BLOCK]) for i in range(0, len(items), _BLOCK)]
        if not blocks:
            return np.zeros((0,) if self.binary else (0, len(self.classes_)))
        return np.concatenate(blocks)

    def predict_proba(self, inputs: Sequence[Any]) -> np.ndarray:
        """Class probabilities, columns in the order of classes_."""
        return _probabilities(self.decision_function(inputs), self.binary)

    def predict(self, inputs: Sequence[Any]) -> np.ndarray:
        return self.classes_[np.argmax(self.predict_proba(inputs), axis=1)]

    def _decision_block(self, items: list[Any]) -> np.ndarray:
        """Each part's entries pick coefficient rows (np.take), summed per sentence with one reduceat."""
        extracted: dict[int, list[Any]] = {}
        scores = np.zeros((len(items), self.coef_t.shape[1]))
        for part in self.parts:
            if part.source not in extracted:
                data: Any = items
                for getter in self.sources[part.source]:
                    data = getter(data)
                extracted[part.source] = list(data)
            entries = part.entries(extracted[part.source])
            if not len(entries.rows):
                continue
            values = entries.values * part.weight if part.weight != 1.0 else entries.values
            picked = np.take(self.coef_t[part.offset : part.offset + part.width], entries.columns, axis=0)
            picked *= values[:, None]
            starts = _run_starts(entries.rows)
            scores[entries.rows[starts]] += np.add.reduceat(picked, starts, axis=0)
        scores += self.intercept
        return scores[:, 0] if self.binary else scores


def _probabilities(decision: np.ndarray, binary: bool) -> np.ndarray:
    """scikit-learn's LogisticRegression.predict_proba from the logits."""
    if binary:
        with np.errstate(over="ignore"):
            positive = 1.0 / (1.0 + np.exp(-decision))
        return np.stack([1.0 - positive, positive], axis=1)
    exp = np.exp(decision - decision.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


# ---------------------------------------------------------------------------
# Compiling (imports scikit-learn)


def compile_pipeline(pipeline: Any) -> CompiledClassifier:
    """The fitted `pipeline` as a CompiledClassifier; CompileError names any setting it cannot reproduce.

    Accepted: a Pipeline whose last step is a LogisticRegression and whose
    earlier steps are FunctionTransformers and feature producers
    (FeatureUnion, CountVectorizer/TfidfVectorizer, FeatureHasher, nested
    Pipelines of these), read from the fitted objects, not from how
    attrib.model.features happens to build them today.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    if not isinstance(pipeline, Pipeline):
        raise CompileError(f"expected a fitted Pipeline, got {type(pipeline).__name__}")
    model = pipeline.steps[-1][1]
    if not isinstance(model, LogisticRegression):
        raise CompileError(f"the last step must be a LogisticRegression, got {type(model).__name__}")
    builder = _Builder()
    builder.add_steps([step for _, step in pipeline.steps[:-1]], (), 1.0)
    coef = np.asarray(model.coef_, dtype=np.float64)
    if coef.shape[1] != builder.width:
        raise CompileError(f"the features make {builder.width} columns but the model has {coef.shape[1]} coefficients")
    classes = np.asarray(model.classes_)
    if len(classes) > 2 and _one_vs_rest(model):
        raise CompileError("one-vs-rest probabilities (multi_class='ovr' or solver='liblinear') are not supported")
    coef_t = np.ascontiguousarray(coef.T)
    compiled = CompiledClassifier(classes, builder.sources, builder.parts, coef_t, np.array(model.intercept_, dtype=np.float64))
    _check_link(model, compiled)
    return compiled


def _one_vs_rest(model: Any) -> bool:
    """Older scikit-learn normalises one-vs-rest sigmoids instead of a softmax for these settings."""
    multi_class = getattr(model, "multi_class", "multinomial")
    return multi_class == "ovr" or (multi_class in ("auto", "warn", "deprecated") and model.solver == "liblinear")


def _check_link(model: Any, compiled: CompiledClassifier) -> None:
    """The model's own predict_proba on random dense rows must match ours: guards against a link we do not know."""
    rows = np.random.default_rng(0).normal(size=(4, compiled.coef_t.shape[0]))
    logits = rows @ compiled.coef_t + compiled.intercept
    ours = _probabilities(logits[:, 0] if compiled.binary else logits, compiled.binary)
    theirs = model.predict_proba(rows)
    if ours.shape != theirs.shape or np.max(np.abs(ours - theirs)) > _TOLERANCE:
        raise CompileError(f"{type(model).__name__}.predict_proba does not follow the sigmoid/softmax link the scorer uses")


class _Builder:
    """Walks the feature steps in column order, collecting parts and their input getters."""

    def __init__(self) -> None:
        self.sources: list[tuple[Getter, ...]] = []
        self.parts: list[TextPart | HashedPart] = []
        self.width = 0

    def add_steps(self, steps: list[Any], getters: tuple[Getter, ...], weight: float) -> None:
        """Steps of a Pipeline: FunctionTransformers that pick the input, then one feature step."""
        from sklearn.preprocessing import FunctionTransformer

        steps = [step for step in steps if step is not None and not (isinstance(step, str) and step == "passthrough")]
        if not steps:
            raise CompileError("a pipeline has no feature step")
        for inner in steps[:-1]:
            if not isinstance(inner, FunctionTransformer):
                raise CompileError(
                    f"{type(inner).__name__} before {type(steps[-1]).__name__}: a part must be FunctionTransformers, then one feature step"
                )
            getters = (*getters, _getter(inner))
        self.add(steps[-1], getters, weight)

    def add(self, step: Any, getters: tuple[Getter, ...], weight: float) -> None:
        """One feature step (a union's parts in order), its columns placed after those already added."""
        from sklearn.feature_extraction import FeatureHasher
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.pipeline import FeatureUnion, Pipeline

        if isinstance(step, Pipeline):
            self.add_steps([inner for _, inner in step.steps], getters, weight)
        elif isinstance(step, FeatureUnion):
            weights = step.transformer_weights or {}
            for name, inner in step.transformer_list:
                if isinstance(inner, str) and inner == "drop":
                    continue
                if isinstance(inner, str):
                    raise CompileError(f"FeatureUnion part {name!r} is 'passthrough'; only feature steps are supported")
                self.add(inner, getters, weight * float(weights.get(name, 1.0)))
        elif isinstance(step, CountVectorizer):
            self._append(_text_part(step, self._source(getters), self.width, weight))
        elif isinstance(step, FeatureHasher):
            self._append(_hashed_part(step, self._source(getters), self.width, weight))
        else:
            raise CompileError(f"unsupported feature step {type(step).__name__}")

    def _source(self, getters: tuple[Getter, ...]) -> int:
        """Parts reading the same input share one call of their getters."""
        if getters not in self.sources:
            self.sources.append(getters)
        return self.sources.index(getters)

    def _append(self, part: TextPart | HashedPart) -> None:
        self.parts.append(part)
        self.width += part.width


def _getter(step: Any) -> Getter:
    if step.validate:
        raise CompileError("FunctionTransformer(validate=True) is not supported")
    return Getter(step.func, tuple(sorted((step.kw_args or {}).items())))


def _text_part(vectorizer: Any, source: int, offset: int, weight: float) -> TextPart:
    from sklearn.feature_extraction.text import TfidfVectorizer

    settings = vectorizer.get_params()
    if settings["analyzer"] != "word":
        raise CompileError(f"analyzer={settings['analyzer']!r} is not supported (only 'word')")
    for name in ("preprocessor", "tokenizer"):
        if settings[name] is not None:
            raise CompileError(f"a custom {name} is not supported")
    if settings["input"] != "content":
        raise CompileError(f"input={settings['input']!r} is not supported (only 'content')")
    if settings["strip_accents"] not in (None, "ascii", "unicode"):
        raise CompileError(f"strip_accents={settings['strip_accents']!r} is not supported")
    tfidf = isinstance(vectorizer, TfidfVectorizer)
    # Counts are exact in 32- or 64-bit integers; any other type rounds differently.
    exact = (np.float64,) if tfidf else (np.float64, np.int64, np.int32)
    if np.dtype(settings["dtype"]) not in exact:
        raise CompileError(f"dtype={settings['dtype']!r} is not supported (only float64, or int32/int64 counts)")
    token_pattern = settings["token_pattern"]
    if re.compile(token_pattern).groups > 1:
        raise CompileError("a token_pattern with more than one group is not supported")
    words = vectorizer.get_stop_words()
    idf = np.array(vectorizer.idf_, dtype=np.float64) if tfidf and vectorizer.use_idf else None
    low, high = settings["ngram_range"]
    vocabulary = {str(term): int(index) for term, index in vectorizer.vocabulary_.items()}
    return TextPart(
        source=source,
        offset=offset,
        weight=weight,
        ngram_range=(int(low), int(high)),
        lowercase=bool(settings["lowercase"]),
        strip_accents=settings["strip_accents"],
        token_pattern=token_pattern,
        stop_words=None if words is None else frozenset(words),
        encoding=settings["encoding"],
        decode_error=settings["decode_error"],
        vocabulary=vocabulary,
        idf=idf,
        sublinear_tf=bool(tfidf and vectorizer.sublinear_tf),
        binary=bool(settings["binary"]),
        norm=vectorizer.norm if tfidf else None,
        table=_TokenTable.of(vocabulary, int(high)) if token_pattern == DEFAULT_TOKEN_PATTERN else None,
    )


def _hashed_part(hasher: Any, source: int, offset: int, weight: float) -> HashedPart:
    if np.dtype(hasher.dtype) != np.float64:
        raise CompileError(f"FeatureHasher dtype={hasher.dtype!r} is not supported (only float64)")
    if hasher.input_type not in ("dict", "pair", "string"):
        raise CompileError(f"FeatureHasher input_type={hasher.input_type!r} is not supported")
    return HashedPart(source, offset, weight, int(hasher.n_features), bool(hasher.alternate_sign), hasher.input_type)
