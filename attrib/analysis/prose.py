"""How news prose marks names: capitalisation, datelines, bylines, credits.

A capitalised word is a name only when the article does not show otherwise:
the first word of a sentence or of a Title Case headline is capitalised
whatever it is, so a word the article also writes in lower case (and never
capitalises mid-sentence) is a common word there (Mikheev's rule); so are
weekdays, months beside a date, and opening adverbials ("Separately,",
"Regarding the deaths,").  A dateline ("GENEVA (Reuters) -"), a section
label ("Context:"), a byline or a picture credit names no source.  Closed
lists come from `attrib.analysis.gazetteer`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from attrib.analysis import gazetteer as gz
from attrib.analysis.lexicon import REPORTING_VERBS

# What a name can stand for; "" when it cannot be told.
PERSON, ORG, COUNTRY, PLACE, GROUP, DOCUMENT = "person", "org", "country", "place", "group", "document"
PERSON_NOUNS = gz.PERSON_ROLES | gz.PERSON_DESCRIPTORS
ORG_NOUNS = gz.INSTITUTION_ROLES | gz.ORG_DESCRIPTORS
# Title words that are only people's: "Defence" may name a ministry, "Secretary" may not.
PERSONAL_TITLES = (gz.TITLE_WORDS | PERSON_NOUNS) - gz.MODIFIERS

_TOKEN = re.compile(r"\w+(?:[-\u2010\u2011'\u2019.&/]\w+)*(?:\.['\u2019]s\b)?|\S", re.UNICODE)
POSSESSIVE = re.compile(r"['\u2019]s?$")
_POSSESSIVE_ENDINGS = ("'", "\u2019", "'s", "\u2019s")
# Words that may stand between a subject and its verb: "protesters have also said".
AUXILIARIES = frozenset("has have had is are was were will would also later earlier then now been , could can".split())
# Marks that may close a sentence after its stop, and the stops: a line ending in none is a headline.
CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]"
STOPS = ".!?\u2026"
_BREAKS = frozenset(".!?:;\"\u201c\u201d\u2018\u2019\u00ab\u00bb([\u2022*-\u2013\u2014|")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?"
_PLACE = r"[A-Z][\w'.\u2019-]*(?:\s+[A-Z][\w'.\u2019-]*){0,3}(?:\s*\[[^\]\n]{1,30}\])?"
# "GENEVA (Reuters) -", "Kyiv, 3 March (AFP) -", "BEIJING:", "Taipei, April 1 (IANS) ..."
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:,\s*{_PLACE}){{0,2}})"
    rf"(?:,?\s+(?P<date>{_DATE}))?"
    r"(?:\s*(?P<credit>\([^()\n]{1,40}\)))?"
    r"(?:(?P<dash>\s*(?:--|[-\u2013\u2014:]))\s+|\s+(?=[A-Z\"\u201c]))"
)
_LABEL = re.compile(r"([A-Za-z][\w' ,\u2019]{0,30}?)\s*:\s+")
_BLANK = re.compile(r"\s*")
_CREDIT_LEAD = re.compile(
    r"\(?\s*(?:(?:additional\s+)?reporting|editing|writing|compiled|photos?|pictures?|images?|video)\s+(?:by|via|from)\b",
    re.IGNORECASE,
)
_BYLINE_WORDS = frozenset("by and of the in for with de van von bin al".split())
# Two or three capitalised words, as people's names are written: "Donald Trump", "Cho Tae-yul".
_PERSON_SHAPE = re.compile(r"(?<![\w.'\u2019-])[A-Z][a-z\u00c0-\u024f'\u2019-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z\u00c0-\u024f'\u2019-]+){1,2}(?![\w-])")
# Words that start a capitalised run without being anyone's first name.
_NOT_FIRST_NAMES = gz.FUNCTION_WORDS.union(gz.SENTENCE_WORDS, gz.NATIONALITY_ADJECTIVES, gz.CAPITALS, gz.COUNTRY_NAMES)


class Token(NamedTuple):
    """A word of the sentence.  `proper`: capitalised as a name is, not only as a sentence's
    first word; `lower`: the word in lower case without a possessive or a final stop ("Corp.'s"
    -> "corp").  A named tuple: every word of every sentence is one, and a tuple is built in a
    third of a frozen dataclass's time."""

    start: int
    end: int
    text: str
    proper: bool
    lower: str
    capitalised: bool
    possessive: bool


# An Arabic article or a particle fused to a capitalised name ("al-Tayeb", "el-Sisi", "bin-Salman").
_PREFIXED_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ud|bin|ibn)-[A-Z]")

# What a capitalised word's letters alone say of whether it is a name (`_Shape.name`).
_NAME, _NOT_NAME, _DATE_WORD, _BY_PLACE = range(4)


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a word's letters alone tell, worked out once per distinct word
    (slotted: its fields are read for every word of every sentence, and a
    slot is read in a third of a named tuple's time).

    `tail`: its Token's fields after the position when it is no name (text,
    proper, lower, capitalised, possessive); `capital`: it is capitalised;
    `casing` (0: no letter, 1: capitals only, 2: a lower-case letter) serves
    `all_capitals`; `vote` (0: not counted, 1: lower-case initial, 2: capital
    initial) serves `title_case`; `alnum`: it holds a letter or digit;
    `name`: _NAME (an acronym), _NOT_NAME (a function word, weekday or
    month), _DATE_WORD (a month only beside a date: "May", "Oct.") or
    _BY_PLACE (its place in the sentence and the article decide).
    """

    tail: tuple[str, bool, str, bool, bool]
    capital: bool
    casing: int
    vote: int
    alnum: bool
    name: int


@lru_cache(maxsize=8192)
def _shape(text: str) -> _Shape:
    """Cached: news repeats its words, and every word of every sentence is asked."""
    lower = text.lower().rstrip(".")
    if "'" in lower or "\u2019" in lower:
        lower = POSSESSIVE.sub("", lower).rstrip(".")
    possessive = text.endswith(("'s", "\u2019s", "s'", "s\u2019"))
    casing = 0 if not any(c.isalpha() for c in text) else 2 if any(c.islower() for c in text) else 1
    vote = (2 if text[0].isupper() else 1) if len(text) > 3 and text.isalpha() else 0
    alnum = any(c.isalnum() for c in text)
    capital = capitalised(text) or _PREFIXED_NAME.match(text) is not None
    return _Shape((text, False, lower, capital, possessive), capital, casing, vote, alnum, _name_by_letters(text))


def _name_by_letters(word: str) -> int:
    """The part of `_proper`'s answer that the word alone settles."""
    if word.isupper() and len(word) > 1:
        return _NAME  # "WHO", "US": an acronym, even one spelt like a word
    low = unpossessive(word.lower().rstrip("."))
    if low in gz.FUNCTION_WORDS or low in gz.WEEKDAYS:
        return _NOT_NAME
    month = unpossessive(word.lower())
    if month.rstrip(".") in gz.MONTH_ABBREVIATIONS or month in gz.AMBIGUOUS_MONTHS:
        return _DATE_WORD
    return _NOT_NAME if month in gz.MONTHS else _BY_PLACE


def unpossessive(word: str) -> str:
    """`POSSESSIVE.sub("", word)` for a word with no line break: most words end in no apostrophe, and the test is cheaper than the regex."""
    return POSSESSIVE.sub("", word) if word.endswith(_POSSESSIVE_ENDINGS) else word


def capitalised(word: str) -> bool:
    """Written with a capital, as names are (but also "The", "Meanwhile")."""
    return word[0].isupper() and any(c.isalpha() for c in word)


def singular(word: str) -> str:
    """A plural noun's singular, near enough to look it up in a word list ("agencies" -> "agency")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Evidence:
    """What the whole article shows about its words.

    `lower`: words it writes in lower case; `inner`: words it capitalises
    away from the start of a sentence; `alone`: capitalised words it uses
    with no capitalised neighbour ("Hamas" in "with Hamas insisting");
    `surnames`: last words of two- or three-word names shaped like a
    person's ("Trump" from "Donald Trump"); `shouted`: words it writes in
    capitals outside all-capitals lines ("WHO", "NATO"); `opening`:
    capitalised words it starts a sentence or clause with.
    """

    lower: frozenset[str]
    inner: frozenset[str]
    alone: frozenset[str]
    surnames: frozenset[str]
    shouted: frozenset[str]
    opening: frozenset[str]


@lru_cache(maxsize=16)
def evidence(text: str) -> Evidence:
    """Read the whole article once (cached: every sentence asks) for what its casing shows."""
    written_lower: set[str] = set()
    inner: set[str] = set()
    alone: set[str] = set()
    surnames: set[str] = set()
    shouted: set[str] = set()
    opening: set[str] = set()
    for run in _PERSON_SHAPE.finditer(text):
        words = run.group().split()
        first, last = words[0].lower(), POSSESSIVE.sub("", words[-1]).lower()
        if first not in _NOT_FIRST_NAMES and last not in gz.NATIONALITY_ADJECTIVES and name_entity([], run.group(), "") == "":
            surnames.add(last)
    for line in text.splitlines():
        words = _TOKEN.findall(line, after_preamble(line, 0, len(line)))
        if title_case(words) or all_capitals(words):
            continue
        written_lower.update([word for word in words if word.islower() and word[0].isalpha()])
        for n, word in enumerate(words):
            if not word[0].isupper():  # the lower-case words are in `written_lower` already
                continue
            if word.isupper() and len(word) > 1:
                shouted.add(word)
            elif n == 0 or words[n - 1] in _BREAKS:
                opening.add(unpossessive(word.lower()))
            else:
                low = unpossessive(word.lower())
                inner.add(low)
                after = words[n + 1] if n + 1 < len(words) else "."
                if not capitalised(words[n - 1]) and not capitalised(after):
                    alone.add(low)
    lower = {unpossessive(word.lower()) for word in written_lower}  # each distinct word once
    return Evidence(frozenset(lower), frozenset(inner), frozenset(alone), frozenset(surnames - lower), frozenset(shouted), frozenset(opening))


def title_case(words: list[str]) -> bool:
    """A headline in Title Case: nearly every longer word capitalised."""
    return _title_case([_shape(word).vote for word in words])


def _title_case(votes: list[int]) -> bool:
    counted = len(votes) - votes.count(0)
    return counted >= 3 and votes.count(2) >= 0.8 * counted


def all_capitals(words: list[str]) -> bool:
    """A headline in capitals: "MINISTER DENIES BUDGET CLAIMS"."""
    return _all_capitals(map(_shape, words))


def _all_capitals(shapes: Iterable[_Shape]) -> bool:
    letters = 0
    for shape in shapes:
        if shape.casing == 2:
            return False  # most sentences stop at their first or second word
        letters += shape.casing
    return letters >= 3


def after_preamble(text: str, start: int, end: int) -> int:
    """Skip a dateline at a paragraph's start and a section label ("Context:")."""
    line_start = text.rfind("\n", 0, start) + 1
    if _BLANK.fullmatch(text, line_start, start):
        dateline = _DATELINE.match(text, start, end)
        if dateline and _is_dateline(dateline):
            start = dateline.end()
    if text.find(":", start, end) < 0:
        return start  # no label (most sentences): no need to try the pattern
    label = _LABEL.match(text, start, end)
    if label and " ".join(label.group(1).lower().split()) in gz.SECTION_LABELS:
        start = label.end()
    return start


def _is_dateline(match: re.Match[str]) -> bool:
    place = match.group("place")
    shouting = sum(c.isupper() for c in place) >= 4 and not any(c.islower() for c in place.split(",")[0])
    if match.group("dash"):
        return shouting or bool(match.group("date") or match.group("credit"))
    return bool(match.group("date") and match.group("credit"))


@lru_cache(maxsize=1024)
def is_credit_line(sentence: str) -> bool:
    """Bylines and picture credits: "(Reporting by ...)", "Jane Doe/Getty Images", "(AP Photo)".

    Cached: the article's structure and its mention finder both ask of most sentences.
    """
    stripped = sentence.strip()
    if _CREDIT_LEAD.match(stripped):
        return True
    words = re.findall(r"[\w'\u2019.&-]+", stripped)
    if stripped.startswith("By ") and all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words):
        return True
    if len(words) > 10:
        return False
    lowered = {w.lower() for w in re.findall(r"[A-Za-z]+", stripped)}
    pairs = {" ".join(pair).lower() for pair in zip(words, words[1:])}
    agencies = bool((lowered | pairs) & gz.CREDIT_AGENCIES)
    if agencies and re.search(r"\w\s*/\s*\w", stripped):
        return True
    return agencies and all(capitalised(w) for w in words) and bool(lowered & gz.CREDIT_WORDS)


def sentence_tokens(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Token]:
    """The words of `text[start:end]` outside the `blocked` ranges, each marked proper or not."""
    matches: list[re.Match[str]] = []
    position = start
    for a, b in [*((a, b) for a, b in blocked if a < end and b > start), (end, end)]:
        # Quote marks are not word characters, so no token crosses a blocked range's edge.
        matches += _TOKEN.finditer(text, position, max(position, a))
        position = max(position, b)
    words = [m.group() for m in matches]
    shapes = list(map(_shape, words))
    seen = evidence(text)
    if _all_capitals(shapes):
        # Every word is in capitals: a name only where the article writes it so elsewhere too.
        names = [n for n, word in enumerate(words) if _shouted_name(word, seen)]
    else:
        headline = _title_case([shape.vote for shape in shapes])
        # A Title Case line with no final stop is a headline, whose every word is capitalised.
        unstopped = headline and text[start:end].rstrip(CLOSERS)[-1:] not in STOPS
        opening = next((n for n, shape in enumerate(shapes) if shape.alnum), len(words))
        names = [n for n, shape in enumerate(shapes) if shape.capital and _proper(words, n, shape.name, headline, seen, n <= opening, unstopped)]
        if "plc" in words:  # "Halvorsen Foods plc": a company's suffix, in lower case, ends its name
            names += [n for n, word in enumerate(words) if word == "plc" and n - 1 in names]
    # Built as plain tuples, each word's cached fields after its span: `Token(...)` costs a Python call per word.
    new = tuple.__new__
    tokens = [new(Token, m.span() + shape.tail) for m, shape in zip(matches, shapes)]
    for n in names:
        start, end, word, _, lower, _, possessive = tokens[n]
        tokens[n] = new(Token, (start, end, word, True, lower, True, possessive))
    return tokens


def _shouted_name(word: str, seen: Evidence) -> bool:
    low = unpossessive(word.lower())
    return word in seen.shouted or low in seen.inner or low in gz.COUNTRY_NAMES or low in gz.CAPITALS


def _proper(words: list[str], n: int, by_letters: int, headline: bool, seen: Evidence, initial: bool, unstopped: bool) -> bool:
    """Is capitalised words[n] a name?  `by_letters`: what the word alone says (`_Shape.name`);
    `initial`: no word before it holds a letter or digit; `unstopped`: the words are a Title Case headline."""
    if by_letters == _NAME:
        return True
    if by_letters == _NOT_NAME or by_letters == _DATE_WORD and _is_month(words, n):
        return False
    if not (initial or headline):
        return True
    low = unpossessive(words[n].lower().rstrip("."))
    if low in seen.lower and low not in seen.inner:
        return False
    if unstopped and seen.lower and low not in seen.inner and low not in seen.opening and low not in gz.COUNTRY_NAMES:
        return False  # a word of a Title Case headline that the text below it never writes is no name
    return not (initial and (low in gz.SENTENCE_WORDS or _adverbial(words, n, seen)))


def _is_month(words: list[str], n: int) -> bool:
    low = unpossessive(words[n].lower())
    if low.rstrip(".") in gz.MONTH_ABBREVIATIONS:
        after = words[n + 1] if n + 1 < len(words) else ""
        return _dated(words, n) or (after == "." and n + 2 < len(words) and words[n + 2][:1].isdigit())
    if low in gz.AMBIGUOUS_MONTHS:
        return _dated(words, n)
    return low in gz.MONTHS


def _dated(words: list[str], n: int) -> bool:
    """A number or a date word ("on", "since") beside words[n]."""
    before = words[n - 1].lower() if n > 0 else ""
    after = words[n + 1] if n + 1 < len(words) else ""
    return after[:1].isdigit() or before[:1].isdigit() or before in gz.DATE_LEADS


def _adverbial(words: list[str], n: int, seen: Evidence) -> bool:
    """ "Separately, ...", "Roughly two ...", "Regarding the deaths, ...": an opening adverbial."""
    low = words[n].lower()
    after = words[n + 1] if n + 1 < len(words) else ""
    if low in gz.CAPITALS or low in gz.COUNTRY_NAMES or low in seen.inner:
        return False
    if low.endswith("ly") and (after == "," or len(low) > 5 and (after[:1].isdigit() or after.islower())):
        return True
    verb_like = after.islower() and after not in REPORTING_VERBS and after not in AUXILIARIES
    return low.endswith(("ing", "ed")) and len(low) > 5 and verb_like


def name_entity(title_words: list[str], name: str, descriptor: str) -> str:
    """What a capitalised name stands for, from its words, its title and the noun before it."""
    low = POSSESSIVE.sub("", name).lower()
    words = low.split()
    head = descriptor.split()[-1].lower() if descriptor else ""
    if low in gz.COUNTRY_NAMES:
        return COUNTRY
    if "&" in name or " and " in low or not gz.INSTITUTION_WORDS.isdisjoint(words):
        return ORG
    if len(words) > 1 and words[-1] in gz.COMPANY_WORDS:
        return ORG  # "Nordvik Seafood", even after "salmon farmer"
    if head in PERSON_NOUNS or title_words and any(w in PERSONAL_TITLES or w.endswith(("-born", "-bred", "-raised")) for w in title_words):
        return PERSON
    if title_words and title_words[-1] in gz.TITLE_WORDS:
        return PERSON  # "Justice Mary Lane": a word that mostly modifies an office is one right before a name
    if head in ORG_NOUNS:
        return ORG
    if low in gz.CAPITALS:
        return COUNTRY
    letters = name.replace(".", "")
    first = name.split()[0]
    if letters.isupper() and len(letters) > 1 or len(words) > 1 and first.isalpha() and first.isupper() and len(first) > 1:
        return ORG  # "NFSA", "FC Porto"
    if len(words) > 1 and name.split()[-1].isupper() and words[-1] in gz.COUNTRY_NAMES:
        return ORG  # "Cancer Research UK": a country's initials end no person's name
    if singular(words[-1]) in gz.NATIONALITY_ADJECTIVES and words[-1] != singular(words[-1]):
        return GROUP  # "North Koreans"
    placed = words[-1] in gz.PLACE_WORDS or words[0] in gz.PLACE_PREFIXES or len(words) > 2 and words[0] in gz.PLACE_WORDS and words[1] == "of"
    return PLACE if len(words) >= 2 and placed else ""
