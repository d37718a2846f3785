"""Finding mentions of possible sources in a sentence.

A mention is any phrase that could be the source of a statement: a name
("Mr Healey", "Defence Secretary John Healey"), a pronoun ("he"), a role
noun ("the Defence Secretary", "a senior US official", "the pair"), a
country or institution used as a source ("the US", "South Korea's spy
agency"), or several of these joined by "and".  No list of known people is
involved.  Names are found by their shape, by what the article itself shows
(a capitalised word that the article also writes in lower case, and never
capitalises mid-sentence, is a common word: Mikheev's rule), and by closed
lists of countries, capitals, dates and descriptors (`attrib.analysis.gazetteer`).
Datelines, section labels, bylines and picture credits name no source and
are skipped; so are places where something happened ("the talks in Doha").

Each mention says what it names in `entity`:

- "person", "org" (an organisation), "country" (a country, or a capital
  standing for its government), "place" (any other location), "group"
  (several people or sources: "officials", "the pair", a joint mention),
  "document" ("the report", "a Reuters story");
- "" when the mention alone cannot tell (a lone capitalised word such as
  "Varga" or "Frelimo", a two-word name with no title); the article's
  `NameTable.entity_of` decides those.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from attrib.analysis import gazetteer as gz
from attrib.analysis.lexicon import FINDING_VERBS, REPORTING_VERBS
from attrib.analysis.prose import (
    AUXILIARIES,
    COUNTRY,
    DOCUMENT,
    GROUP,
    ORG,
    ORG_NOUNS,
    PERSON,
    PERSON_NOUNS,
    PERSONAL_TITLES,
    PLACE,
    Token,
    after_preamble,
    evidence,
    is_credit_line,
    name_entity,
    singular,
    sentence_tokens,
    unpossessive,
)

AGE = re.compile(r"\d+-year-old", re.IGNORECASE)
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s"}
_PRONOUN_ENTITIES = {"m": PERSON, "f": PERSON, "s": PERSON, "p": GROUP, "n": ORG}
_DETERMINERS = frozenset("the a an another".split())
_POSSESSIVE_DETERMINERS = frozenset("his her its their".split())
ROLE_WORDS = gz.PERSON_ROLES | gz.INSTITUTION_ROLES
RUN_WORDS = gz.TITLE_WORDS | ROLE_WORDS | gz.MODIFIERS
# The lower-case words at which `_Parser._at` can find anything but a bare plural (below); it skips every other lower-case word.
_OPENERS = frozenset(_PRONOUNS) | _DETERMINERS | _POSSESSIVE_DETERMINERS | RUN_WORDS


def _plural(noun: str) -> str:
    """The plural of a person noun ("analyst", "witness", "deputy", "spokesman"), for _BARE_PLURALS."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
        return noun[:-1] + "ies"
    return noun[:-3] + "men" if noun.endswith("man") else noun + "s"


# People named by a bare plural as the subject of a reporting verb ("..., and analysts said").
_BARE_PLURALS = frozenset(_plural(noun) for noun in PERSON_NOUNS)
# Small words that a name may hold capitalised: "Save Our Fields", "Save The Children".
_INNER_WORDS = frozenset("the our my your their its his her".split())
# Where `_Parser.mentions` tries `_at` besides capitalised words.
_STARTS = _OPENERS | _BARE_PLURALS | gz.NAME_PARTICLES | gz.DOCUMENT_NOUNS
# Abbreviations with a stop inside a name: "St. Mary's Hospital", "Mt. Sinai", "John Ode Jr."
_IN_NAME_ABBREVIATIONS = frozenset("st mt ft jr sr".split())
_ROLE_HEADS = ROLE_WORDS | gz.JOINT_ROLES | PERSON_NOUNS | ORG_NOUNS | gz.DOCUMENT_NOUNS | gz.COLLECTIVE_NOUNS | gz.CROWD_NOUNS
# Verbs that come before their speaker in news: "..., said Jane Ode".
_INVERTED_CUES = frozenset("said says added wrote noted explained according".split())
# A US lawmaker's party and state after the name: "Sen. Ana Ruiz, D-Ore.", "R-Texas", "D-N.Y.", "D-New Mexico", "R-NC".
_PARTY = r"[DRI]-(?:(?:New|North|South|West|Rhode)\s[A-Z][a-z]+|[A-Z]\.[A-Z][a-z]?\.?|[A-Z]{2}\b|[A-Z][a-z]*\.?)"
_PARTY_LABEL = re.compile(_PARTY)
# "Mr Lammy and his South Korean counterpart Cho Tae-yul", "The NTSB and the FAA", "Ana Ruiz, 45, and Tom Berg".
_JOINER = re.compile(rf",?(?:\s*(?:\d{{1,3}}|{_PARTY}),)?\s+and\s+(?:the\s+|(?:his|her|their)\s+(?:\w+\s+){{0,4}}?)?")
_LABEL_AFTER = re.compile(rf",\s*(\d{{1,3}}|{_PARTY}),")
_LIST_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")
_APOSTROPHES = ("'", "\u2019")
# Tokens that join a name's capitalised words: "Johnson & Johnson", "U.S.", "Office for National Statistics",
# "European Farmers' Alliance".
_NAME_JOINERS = frozenset(("&", "and", ".", "for", *_APOSTROPHES))
_COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve several".split())
# "Foreign Ministers and representatives of Australia, Canada and Japan".
_ROLE_OF = re.compile(r"(?:\s+and\s+[a-z]+)?\s+of\s+(?:the\s+)?")

# Words that open no role phrase even when capitalised ("The", "Meanwhile").
_NOT_ROLE_OPENERS = gz.FUNCTION_WORDS | gz.SENTENCE_WORDS
_PERSON_OR_ORG_NOUNS = PERSON_NOUNS | ORG_NOUNS
# Words before a run that make it the object of a preposition, not a subject.
_BEFORE_OBJECT = gz.LOCATIVE_WORDS | {"of", "for", "by", "with", "from"}

_NOUN_ENDINGS = ("tion", "tions", "ment", "ments", "ance", "ence", "ity", "ness", "ship", "ism")
_ENVOYS = frozenset("ambassador envoy representative delegate emissary attache".split())
# Words between a role and whom it serves: "officials in Moscow"; "to" only after an envoy ("Peru's ambassador to the UN").
_SERVES = frozenset("in at for to".split())
_HEAD_WORDS = re.compile(r"[\w-]+")
_END = attrgetter("end")


@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """A phrase that may name a source.

    `kind` is name (a multi-word name, not an organisation's or a place's),
    surname (one word after a title: "Mr Healey"), pronoun, role, place (any
    other named thing: a country, an organisation, a lone capitalised word)
    or joint; `name` is the name part without titles ("John Healey"),
    `title` the title or descriptor words before it ("Defence Secretary",
    "track star"); `parts` holds the members of a joint mention.  `entity`
    says what the mention names (see the module docstring), and
    `possessive` marks a name in the possessive ("Okafor's comments"): it
    mentions its owner, who is not thereby speaking.

    Not frozen: every sentence builds several, and a frozen dataclass is
    built in about four times the time (each field set through
    `object.__setattr__`).  Equality and hashing are a frozen one's; nothing
    assigns to a mention's fields, which must not change once it is built
    (mentions are dictionary keys).  Slots keep reading a field as quick as
    before.
    """

    start: int
    end: int
    text: str
    kind: str
    name: str = ""
    title: str = ""
    gender: str = ""
    parts: tuple["Mention", ...] = ()
    entity: str = ""
    possessive: bool = False


def find_mentions(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Mentions in `text[start:end]`, skipping the `blocked` ranges (quotations)."""
    start = after_preamble(text, start, end)
    if is_credit_line(text[start:end]):
        return []
    return _Parser(text, sentence_tokens(text, start, end, blocked)).mentions()


class _Parser:
    """Reads one sentence's tokens left to right, one mention at a time."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = tokens
        self.seen = evidence(text)

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        i = 0  # the first token not yet read
        for k in [k for k, tok in enumerate(self.tokens) if tok.capitalised or tok.lower in _STARTS]:
            if k >= i:
                mention, i = self._at(k)
                if mention is not None:
                    found.append(self._counted(k, mention))
        if len(found) < 2:  # nothing to join
            return [_with_label(self.text, m) for m in found if not self._narration_place(m)]
        joined = _join_lists(self.text, _without_glosses(self.text, found))
        return [_with_label(self.text, m) for m in joined if not self._narration_place(m)]

    def _counted(self, k: int, mention: Mention) -> Mention:
        """ "two Egyptian security sources", "Three officials": a count before a role found at tokens[k]
        is part of it, as the article words it."""
        if mention.kind != "role" or k == 0 or mention.start != self.tokens[k].start or self.tokens[k - 1].lower not in _COUNTS:
            return mention
        start = self.tokens[k - 1].start
        span = self.text[start : mention.end]
        return Mention(start, mention.end, span, "role", title=span, gender=mention.gender, entity=mention.entity)

    def _at(self, i: int) -> tuple[Mention | None, int]:
        tokens = self.tokens
        tok = tokens[i]
        low = tok.lower
        if low in _PRONOUNS and tok.text.lower() in _PRONOUNS and (tok.text.islower() or i == 0 or not tokens[i - 1].text.isalnum()):
            gender = _PRONOUNS[low]
            return Mention(tok.start, tok.end, tok.text, "pronoun", gender=gender, entity=_PRONOUN_ENTITIES[gender]), i + 1
        if low in _DETERMINERS or low in _POSSESSIVE_DETERMINERS:
            role = self._role(i, i + 1)
            if role is not None:
                return role
            if low == "the" and self._demonym(i):
                span = self.text[tok.start : tokens[i + 1].end]  # "the Spaniard said": a person named before
                return Mention(tok.start, tokens[i + 1].end, span, "role", title=span, entity=PERSON), i + 2
            if low in _DETERMINERS and i + 1 < len(tokens) and tokens[i + 1].proper:
                named, j = self._name(i + 1)
                if named is not None and named.kind == "role":  # "The Foreign Ministers", "A Kremlin spokesman" keep their article
                    span = self.text[tok.start : named.end]
                    return Mention(tok.start, named.end, span, "role", title=span, gender=named.gender, entity=named.entity), j
                return named, j
            return None, i + 1
        if tok.capitalised and not tok.proper and low not in _NOT_ROLE_OPENERS and i + 1 < len(tokens):
            if low in gz.TITLE_WORDS and tokens[i + 1].proper:
                return self._name(i)  # "President Ana Ruiz met aides": a title before a name, though "the president" is lower case elsewhere
            role = self._role(i, i + 1)  # "Election officials said": a common word opening a role phrase
            if role is not None:
                return role
        if low in gz.DOCUMENT_NOUNS and self._closing_document(i):
            return Mention(tok.start, tok.end, tok.text, "role", title=tok.text, entity=DOCUMENT), i + 1
        if not tok.capitalised and low in _BARE_PLURALS and self._subject_of_cue(i + 1, i):
            start = tokens[self._noun_modifiers_before(i)].start
            span = self.text[start : tok.end]
            return Mention(start, tok.end, span, "role", title=span, entity=_role_entity(low)), i + 1
        if tok.proper or low in RUN_WORDS or low in gz.NAME_PARTICLES and (i == 0 or not tokens[i - 1].proper):
            return self._name(i)
        return None, i + 1

    def _noun_modifiers_before(self, i: int) -> int:
        """ "..., fire officials said", "health officials said": up to two lower-case nouns before a bare
        plural that open its noun phrase (after punctuation, "and" or the start) belong to it."""
        tokens = self.tokens
        k = i
        while k > max(i - 2, 0) and _noun_modifier(tokens[k - 1].text):
            k -= 1
        if k == i or k > 0 and tokens[k - 1].text.isalnum() and tokens[k - 1].lower not in ("and", "but"):
            return i
        return k

    def _closing_document(self, i: int) -> bool:
        """ "Teens sleep less, study finds", "..., Report Warns": a headline's source after its claim, with no article."""
        tokens = self.tokens
        if i == 0 or tokens[i - 1].text != "," or i + 2 != len(tokens):
            return False
        verb = tokens[i + 1].lower
        return verb in REPORTING_VERBS or verb in FINDING_VERBS

    # -- capitalised runs ------------------------------------------------------

    def _in_run(self, j: int, first: int) -> bool:
        tokens = self.tokens
        tok = tokens[j]
        low = tok.lower
        if tok.proper and low != "and":
            return True  # the common cases first ("." and "&" are never proper)
        if low in _INNER_WORDS and tok.capitalised and j > first and tokens[j - 1].proper and j + 1 < len(tokens) and tokens[j + 1].proper:
            return True  # "Save Our Fields", "Save The Children": a capitalised small word inside a name
        if tok.text in _APOSTROPHES and j > first and _plural_possessive(tokens, j - 1) and tokens[j + 1].proper:
            return True  # "European Farmers' Alliance": a plural possessive inside a body's name
        if low == "for" and j > first and tokens[j - 1].proper and any(t.lower in gz.INSTITUTION_WORDS for t in tokens[first:j]):
            # "Office for National Statistics", "Centers for Disease Control", "Federal Office for the Protection of ...".
            following = tokens[j + 2] if j + 2 < len(tokens) and tokens[j + 1].lower == "the" else tokens[j + 1] if j + 1 < len(tokens) else None
            return following is not None and following.proper
        if low == "the" and j - 1 > first and tokens[j - 1].lower in ("of", "for") and j + 1 < len(tokens) and tokens[j + 1].proper:
            # "Friends of the Earth", "Armed Forces of the Philippines"; not an office's "President of the United States".
            return tokens[j - 2].proper and tokens[j - 2].lower not in gz.TITLE_WORDS
        if tok.text not in (".", "&") and low != "and" and low not in gz.LINK_WORDS:
            return low in RUN_WORDS
        before = tokens[j - 1] if j > first else None
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if tok.text == "." and before is not None:
            # The stop of an abbreviation inside a name: "Maj. Gen. Pat Ryder", "U.S. officials", "John F. Kennedy".
            abbreviated = before.lower in gz.TITLE_WORDS or before.lower in _IN_NAME_ABBREVIATIONS or "." in before.text or (len(before.text) == 1 and before.text.isupper())
            return abbreviated and before.end == tok.start and nxt is not None
        if tok.text == "&":
            return before is not None and nxt is not None and nxt.capitalised
        if tok.lower == "and":
            return before is not None and nxt is not None and self._and_inside_name(j, first)
        # "Ruud van der Berg": particles between a name's words, or opening a surname ("von der Leyen said").
        following = next((t for t in tokens[j + 1 : j + 3] if t.lower not in gz.LINK_WORDS and t.lower != "the"), None)
        if before is None:
            return low in gz.NAME_PARTICLES and following is not None and following.proper
        return (before.proper or before.lower in gz.LINK_WORDS) and following is not None and following.proper

    def _and_inside_name(self, j: int, first: int) -> bool:
        """ "Johnson and Johnson", "Food and Drug Administration", "Trinidad and Tobago"."""
        tokens = self.tokens
        before, after = tokens[j - 1], tokens[j + 1]
        if not (before.proper and after.proper):
            return False
        if before.lower == after.lower or f"{before.lower} and {after.lower}" in gz.COUNTRY_NAMES:
            return True
        k = j + 1
        while k < len(tokens) and (tokens[k].proper or tokens[k].lower in gz.LINK_WORDS):
            k += 1
        head = [t.lower for t in tokens[first:j]]
        tail = tokens[j + 1 : k]
        if j - first <= 2 and not any(w in gz.INSTITUTION_WORDS for w in head):
            return any(t.lower in gz.INSTITUTION_WORDS for t in tail)
        # "Ministry of Energy and Mines": the portfolio of a body named before "and".
        institution = next((n for n, w in enumerate(head) if w in gz.INSTITUTION_WORDS), None)
        if institution is None or "of" not in head[institution:]:
            return False
        named = " ".join(t.lower for t in tail)
        return len(tail) <= 2 and not any(t.possessive for t in tail) and named not in gz.COUNTRY_NAMES and named not in gz.CAPITALS

    def _name(self, i: int) -> tuple[Mention | None, int]:
        """A run of capitalised and title words, split into title and name."""
        tokens, text = self.tokens, self.text
        j = i
        while j < len(tokens) and self._in_run(j, i):
            j += 1
        first, last = i, j  # the run is tokens[first:last]
        while first < last and tokens[first].lower in gz.FUNCTION_WORDS and not tokens[first].proper:
            first += 1
        while first < last and (tokens[last - 1].lower in gz.LINK_WORDS or tokens[last - 1].text in ("&", "and")):
            last -= 1
        run = tokens[first:last]
        if run and run[-1].proper:
            common = [k for k, t in enumerate(run) if not t.capitalised and t.lower not in gz.LINK_WORDS and t.text not in _NAME_JOINERS and t.text != "the"]
            if common and PERSONAL_TITLES.isdisjoint([t.lower for t in run]):
                first += common[-1] + 1  # "Logistics firm Dalvik": the common noun describes the name after it
        if first < last and tokens[first].lower == "official" and sum(t.proper for t in tokens[first:last]) < 2:
            first += 1  # "no official Hamas response": an adjective, not a title
        if first == last:
            return None, j
        run = tokens[first:last]
        of = next((k for k, t in enumerate(run) if t.lower == "of"), 0)
        after_name = 0  # where words that follow a person's name and are no part of it end
        if of and self._person_of(first, run[:of]):
            after_name = run[-1].end  # "Priya Nair of Leigh Day said": a person, then where they work
            last = first + of
            run = run[:of]
        elif len(run) >= 3 and run[-1].text in gz.POST_NOMINALS and self._person_of(first, run[:-1]):
            after_name = run[-1].end  # "Simon Hale KC", "Jane Ode MP"
            last -= 1
            run = run[:-1]
        words = [t.lower for t in run]
        if run[-1].possessive:
            possessive = self._possessive_role(j, run)
            if possessive is not None:
                return possessive
        if self._modifies_next_name(j):
            return None, j
        if (len(run) == 1 and words[0] in gz.NATIONALITY_ADJECTIVES) or _PARTY_LABEL.fullmatch(text, run[0].start, run[-1].end):
            return None, j  # "Qatari and US mediation", "Sen. Ana Ruiz, D-Ore.": no one's name
        if gz.MODIFIERS.issuperset(words) and words[-1] not in ROLE_WORDS:
            # "Top elections officials": modifiers, then lowercase words and the role noun.
            modified = self._role(first, first + 1)
            if modified is not None:
                return modified
        split = len(run) - 1  # the last title word
        while split >= 0 and not _is_title(words[split], split, run):
            split -= 1
        if 0 <= split < len(run) - 1 and words[split] != singular(words[split]) and words[split + 1] in gz.BODY_LINKS:
            split = -1  # "Doctors Without Borders": a plural is no one's title, and the words name a body
        title_tokens, name_tokens = run[: split + 1], run[split + 1 :]
        while name_tokens and name_tokens[0].text == ".":  # "Dr. Jane Ode": the stop belongs to the title
            title_tokens, name_tokens = title_tokens + [name_tokens[0]], name_tokens[1:]
        if title_tokens and name_tokens and title_tokens[-1].lower in gz.PEERAGE:
            # Peers are known by their title: "Lord Stirrup", "Baroness Chapman of Darlington".
            title_tokens, name_tokens = title_tokens[:-1], [title_tokens[-1], *name_tokens]
        span_text = text[run[0].start : run[-1].end]
        kin = tokens[first - 1].lower if first > 0 else ""
        gender = _gender(words) or ("f" if kin in gz.FEMALE_KIN else "m" if kin in gz.MALE_KIN else "")
        if title_tokens and name_tokens and name_tokens[0].lower == "of":
            # "The Minister of Power, Engr. Dankano": an office and its portfolio, not a name "of Power".
            role = Mention(run[0].start, run[-1].end, span_text, "role", title=span_text, gender=gender, entity=PERSON)
            return role, j
        if not gz.INSTITUTION_WORDS.isdisjoint(words) and not (name_tokens and _personal_title(title_tokens, name_tokens)):
            if all(t.proper or t.lower in gz.LINK_WORDS or t.text in _NAME_JOINERS for t in run):
                return self._institution(run, words, first, span_text), j
        if not name_tokens:
            return self._role_from_run(run, words, j, gender)
        inner = range(1, len(name_tokens) - 1)
        if not all(t.proper or t.lower in gz.LINK_WORDS or t.text in _NAME_JOINERS or t.lower in _INNER_WORDS and k in inner for k, t in enumerate(name_tokens)):
            if words[-1] in ROLE_WORDS and not run[-1].possessive:  # "South Korea's spy agency"
                role = Mention(run[0].start, run[-1].end, span_text, "role", title=span_text, gender=gender, entity=_role_entity(words[-1]))
                return self._crowd_checked(role, j)
            return None, j
        if not title_tokens:
            if self._is_adjective(name_tokens, j):
                return None, j
            if len(name_tokens) >= 3:
                split_off = self._leading_name(name_tokens, first)
                if split_off is not None:
                    return split_off
        named = self._named(run, first, title_tokens, name_tokens, span_text, gender, j)
        if not after_name and named.entity == PERSON and named.kind in ("name", "surname"):
            k = self._workplace_end(j)
            if k > j:
                after_name, j = tokens[k - 1].end, k
        if after_name:
            span = text[named.start : after_name]
            return Mention(named.start, after_name, span, "name", name=named.name, title=named.title, gender=named.gender, entity=PERSON), j
        return named, j

    def _workplace_end(self, j: int) -> int:
        """ "Dr Sonya Babu-Narayan of the British Heart Foundation said": after a person's name at
        tokens[j], "of", "at" or "from the" and a body's name; the index after it, else j."""
        tokens = self.tokens
        if j + 2 >= len(tokens) or tokens[j].lower not in ("of", "at", "from") or tokens[j + 1].lower != "the" or not tokens[j + 2].proper:
            return j
        k = j + 2
        while k < len(tokens) and self._in_run(k, j + 2):
            k += 1
        while k > j + 3 and tokens[k - 1].lower in gz.LINK_WORDS:
            k -= 1
        return k if not gz.INSTITUTION_WORDS.isdisjoint(t.lower for t in tokens[j + 2 : k]) else j

    def _person_of(self, first: int, run: list[Token]) -> bool:
        """Is `run` (from tokens[first]), before an "of", a person's name ("Priya Nair", "Dr Jane Ode") rather than the
        first words of a body's or a peer's ("Bank", "Secretary", "Baroness Chapman", "the Joint Chiefs")?"""
        words = [t.lower for t in run]
        if not gz.PEERAGE.isdisjoint(words):
            return False  # "Baroness Chapman of Darlington": a peer is known by the whole title
        titled = 0  # "Rep. Lee Jae-won of the People Power Party": a title, then the name
        while titled < len(run) - 1 and (run[titled].text == "." or words[titled] in gz.TITLE_WORDS):
            titled += 1
        name = words[titled:]
        if titled and all(t.proper for t in run[titled:]) and len(name) <= 3 and gz.INSTITUTION_WORDS.isdisjoint(name) and not any(w in gz.TITLE_WORDS or w in ROLE_WORDS for w in name):
            return first == 0 or self.tokens[first - 1].lower not in _DETERMINERS
        if not 2 <= len(run) <= 4 or not all(t.proper for t in run):
            return False
        if not gz.INSTITUTION_WORDS.isdisjoint(words) or singular(words[-1]) in RUN_WORDS:
            return False
        if first > 0 and self.tokens[first - 1].lower in _DETERMINERS:
            return False  # a person's name takes no article
        return words[-1] in self.seen.surnames or words[0] in gz.HONORIFICS

    def _institution(self, run: list[Token], words: list[str], first: int, span_text: str) -> Mention:
        """ "Taiwanese Ministry of National Defence", "Russian Foreign Ministry": a body's name, title words and all."""
        name = unpossessive(span_text)
        entity = COUNTRY if name.lower() in gz.COUNTRY_NAMES else ORG  # "the Russian Federation"
        owners = [k for k, t in enumerate(run[:-1]) if t.possessive and not gz.INSTITUTION_WORDS.isdisjoint(words[: k + 1])]
        if owners:  # "Altria Group Inc.'s Philip Morris USA": a company's unit goes by its own name
            name = unpossessive(self.text[run[owners[-1] + 1].start : run[-1].end])
        title = self._descriptor_before(first)
        return Mention(run[0].start, run[-1].end, span_text, "place", name=name, title=title, entity=entity, possessive=run[-1].possessive)

    def _named(
        self, run: list[Token], first: int, title_tokens: list[Token], name_tokens: list[Token], span_text: str, gender: str, j: int
    ) -> Mention:
        """A name, with what it names: tokens[first:j] hold the run."""
        text = self.text
        owner = ""
        possessed = next((k for k, tok in enumerate(name_tokens[:-1]) if tok.possessive), None) if len(name_tokens) > 1 else None
        if possessed is not None and unpossessive(text[name_tokens[0].start : name_tokens[-1].end]).lower() not in gz.COUNTRY_NAMES:
            # "China's Xi Jinping" (the owner qualifies a person), "Russia's Kursk Oblast" (a place of the owner's).
            owner = text[name_tokens[0].start : name_tokens[possessed].end]
            title_tokens, name_tokens = title_tokens + name_tokens[: possessed + 1], name_tokens[possessed + 1 :]
        name = unpossessive(text[name_tokens[0].start : name_tokens[-1].end])
        title = text[title_tokens[0].start : title_tokens[-1].end] if title_tokens else ""
        descriptor = self._descriptor_before(first)
        entity = name_entity([t.lower for t in title_tokens], name, descriptor)
        owned = first > 0 and self.tokens[first - 1].possessive and not self.tokens[first - 1].capitalised
        if entity == "" and (owner or owned):
            entity = PLACE if len(name_tokens) > 1 else ""  # "Russia's Kursk Oblast", "last year's Commonwealth Games"
        elif entity == "" and len(name_tokens) > 1 and self._speaks(first, j) and gz.BODY_LINKS.isdisjoint(t.lower for t in name_tokens):
            entity = PERSON  # "Heather Webb said": two capitalised words speaking (not "Chambers of Commerce", "Doctors Without Borders")
        elif entity == "" and len(name_tokens) == 1 and not title_tokens and name.lower() in self.seen.surnames:
            entity = PERSON  # "Trump" where the article names "Donald Trump"
        possessive = run[-1].possessive
        if entity not in (PERSON, "") or owner and entity != PERSON:
            # "Russia's Kursk Oblast" keeps its owner; "salmon farmer Nordvik Seafood" drops the descriptor.
            described = bool(title_tokens) and not title_tokens[0].capitalised
            whole = name if described else unpossessive(span_text)
            return Mention(run[0].start, run[-1].end, span_text, "place", name=whole if entity in (ORG, PLACE) else name, title=descriptor, entity=entity, possessive=possessive)
        if len(name_tokens) == 1:
            titled = entity == PERSON or any(t.lower in PERSONAL_TITLES or t.lower.endswith(gz.DESCRIPTOR_SUFFIXES) for t in title_tokens)
            kind = "surname" if titled else "place"
            return Mention(run[0].start, run[-1].end, span_text, kind, name=name, title=title or descriptor, gender=gender, entity=entity, possessive=possessive)
        return Mention(run[0].start, run[-1].end, span_text, "name", name=name, title=title or descriptor, gender=gender, entity=entity, possessive=possessive)

    def _speaks(self, first: int, j: int) -> bool:
        """Is the run tokens[first:j] the subject of a reporting verb, itself or between commas ("Its
        director of football, Ramon Planes, said")?"""
        if self._subject_of_cue(j, first):
            return True
        tokens = self.tokens
        between_commas = first > 0 and tokens[first - 1].text == "," and j + 1 < len(tokens) and tokens[j].text == ","
        return between_commas and tokens[j + 1].lower in REPORTING_VERBS or self._described_then_speaks(j)

    def _described_then_speaks(self, j: int) -> bool:
        """ "Andrea Fitzpatrick-Bowen, chief of staff to Guyana's president, told": a person's description
        between commas after the run, then a reporting verb."""
        tokens = self.tokens
        if j + 1 >= len(tokens) or tokens[j].text != "," or tokens[j + 1].proper:
            return False
        close = next((k for k in range(j + 1, min(len(tokens), j + 14)) if tokens[k].text == ","), len(tokens))
        if close + 1 >= len(tokens) or tokens[close + 1].lower not in REPORTING_VERBS:
            return False
        return any(t.lower in PERSON_NOUNS or t.lower in gz.TITLE_WORDS for t in tokens[j + 1 : close])

    def _demonym(self, i: int) -> bool:
        """ "the Norwegian said", "said the Frenchman": a nationality standing for a person, after tokens[i]."""
        tokens = self.tokens
        nationality = tokens[i + 1] if i + 1 < len(tokens) else None
        if nationality is None or nationality.lower not in gz.DEMONYMS or not nationality.capitalised or nationality.possessive:
            return False
        after = tokens[i + 2].lower if i + 2 < len(tokens) else "."
        # Then a verb ("the Spaniard was booked") or the end of a clause ("..., said the Frenchman.").
        return after in AUXILIARIES or after in (".", ";") or self._subject_of_cue(i + 2, i)

    def _subject_of_cue(self, j: int, i: int | None = None) -> bool:
        """Does a reporting verb follow the run ending before `j` ("Heather Webb said"), or precede
        the one starting at `i` ("..., said Jane Ode")?"""
        tokens = self.tokens
        k = j
        while k < len(tokens) and k - j < 4 and tokens[k].lower in AUXILIARIES and tokens[k].text != ",":
            k += 1
        after = k < len(tokens) and tokens[k].lower in REPORTING_VERBS
        if i is not None and i > 0 and tokens[i - 1].lower in _BEFORE_OBJECT:
            return False  # "analysts at Fjord Markets said": the run is not the subject
        return after or i is not None and i > 0 and tokens[i - 1].lower in _INVERTED_CUES

    def _role_from_run(self, run: list[Token], words: list[str], j: int, gender: str) -> tuple[Mention | None, int]:
        """A run of title words only: "Foreign Ministers", "Police", "Governor"."""
        if words[-1] in ROLE_WORDS and not run[-1].possessive:
            span = self.text[run[0].start : run[-1].end]
            role = Mention(run[0].start, run[-1].end, span, "role", title=span, gender=gender, entity=_role_entity(words[-1]))
            placed, k = self._with_place(j, role)
            # A lone lowercase role noun is a source only when bare ("officials said") or placed ("analysts at Fjord Bank").
            if len(run) > 1 or run[0].capitalised or words[-1] in gz.BARE_ROLES or placed is not role:
                return self._crowd_checked(placed, k)
        return None, j

    def _leading_name(self, name_tokens: list[Token], i: int) -> tuple[Mention, int] | None:
        """ "the head of Frelimo Daniel Chapo": a word the article uses alone starts a run of three
        or more name words (no title) at tokens[i]."""
        first = name_tokens[0]
        if first.possessive or first.lower not in self.seen.alone or first.lower in gz.PLACE_PREFIXES:
            return None
        if not all(t.proper for t in name_tokens[1:]):
            return None
        entity = name_entity([], first.text, "")
        return Mention(first.start, first.end, first.text, "place", name=first.text, entity=entity), i + 1

    def _is_adjective(self, name_tokens: list[Token], j: int) -> bool:
        """ "North Korean troops", "Iran-backed rebels", "Ukraine troops": a nationality word before a common noun."""
        following = self.tokens[j] if j < len(self.tokens) else None
        if following is None or not (following.text.isalpha() and following.text.islower()):
            return False
        last = name_tokens[-1].lower
        if last in gz.NATIONALITY_ADJECTIVES or last.endswith(gz.DESCRIPTOR_SUFFIXES):
            return True
        # "Ukraine troops", "the Gaza war": a country's name used as an adjective.
        name = self.text[name_tokens[0].start : name_tokens[-1].end].lower()
        return name in gz.COUNTRY_NAMES and (following.lower in gz.CROWD_NOUNS or following.lower in gz.COMPOUND_HEADS)

    def _modifies_next_name(self, j: int) -> bool:
        """ "Kenyan marathon star Ruth Chebet": the run only qualifies the name after it."""
        tokens = self.tokens
        k = j
        for tok in tokens[j : j + 4]:
            if not (tok.text.isalpha() and tok.text.islower()):
                break
            word = tok.lower
            if word in gz.FUNCTION_WORDS or word in REPORTING_VERBS or word.endswith("ed"):
                return False  # "Premier Ana Ruiz met her counterpart Jonas Berg": a verb, not a noun phrase
            k += 1
        if k == j or k >= len(tokens) or not tokens[k].proper:
            return False
        noun = tokens[k - 1].lower
        return noun in PERSON_NOUNS or noun in ORG_NOUNS or noun in gz.TITLE_WORDS

    def _descriptor_before(self, i: int) -> str:
        """ "security firm Vantor", "journalist Lena Park": the common noun phrase just before the name at tokens[i]."""
        if i == 0 or self.tokens[i - 1].lower not in _PERSON_OR_ORG_NOUNS or self.tokens[i - 1].lower == "official":
            return ""  # "no official Hamas response": "official" is an adjective there
        k = i
        while k > 0 and i - k < 4 and self.tokens[k - 1].text.isalpha() and self.tokens[k - 1].text.islower():
            word = self.tokens[k - 1].lower
            if word in gz.FUNCTION_WORDS or word in REPORTING_VERBS:
                break
            k -= 1
        if k == i:
            return ""
        return self.text[self.tokens[k].start : self.tokens[i - 1].end]

    def _possessive_role(self, j: int, run: list[Token]) -> tuple[Mention | None, int] | None:
        """ "South Korea's spy agency", "Okafor's lawyer": a possessive name (`run` ends in one) and a role."""
        tokens = self.tokens
        k = j
        while k < len(tokens) and k - j < 3 and tokens[k].text.islower():
            word = tokens[k].lower
            if _is_role_head(word) and word not in gz.DOCUMENT_NOUNS:
                while k + 1 < len(tokens) and tokens[k + 1].text.islower() and _is_role_head(tokens[k + 1].lower):
                    k += 1  # "Israel's intelligence agency", "Ukraine's news agency"
                if k + 1 < len(tokens) and _modifier_after(tokens[k + 1]):
                    k += 1
                    continue  # "China's joint military drill"
                span = self.text[run[0].start : tokens[k].end]
                return self._crowd_checked(Mention(run[0].start, tokens[k].end, span, "role", title=span, entity=_role_entity(tokens[k].lower)), k + 1)
            k += 1
        return None

    # -- role phrases -----------------------------------------------------------

    def _role(self, i: int, first: int) -> tuple[Mention | None, int] | None:
        """A determiner and a noun phrase ending in a role noun: "the Defence Secretary", "a senior US official"."""
        tokens = self.tokens
        count = len(tokens)
        for k in range(first, min(first + 6, count)):
            tok = tokens[k]
            word = tok.lower
            if tok.possessive and k + 1 < count and tokens[k + 1].text[:1].isalpha():
                continue  # "the group's TV station", "the bank's chief"
            if _plural_possessive(tokens, k) or k > first and _plural_possessive(tokens, k - 1):
                continue  # "the teachers' union": the word and its apostrophe
            if tok.text == "," and k > first and tokens[k - 1].proper and k + 1 < count and tokens[k + 1].proper:
                continue  # "The New Brunswick, New Jersey company"
            if tok.text == "." and k > first and tokens[k - 1].end == tok.start and "." in tokens[k - 1].text:
                continue  # "a senior U.S. official": the stop of an abbreviation
            if k == first and word in _COUNTS:
                continue  # "The two agencies said"
            nxt = tokens[k + 1] if k + 1 < count else None
            if _is_role_head(word) and not (AGE.fullmatch(word) and nxt is not None and nxt.lower in PERSON_NOUNS):
                after = tokens[k + 2] if k + 2 < count else None
                while nxt is not None and nxt.text.islower() and _is_role_head(nxt.lower) and not tok.proper:
                    k, tok, word = k + 1, nxt, nxt.lower  # "non-profit organization", "news agency"
                    nxt = tokens[k + 1] if k + 1 < count else None
                    after = tokens[k + 2] if k + 2 < count else None
                if tok.proper and nxt is not None and (nxt.proper or nxt.lower in gz.LINK_WORDS and after is not None and after.proper):
                    return None  # "the United Nations Convention", "the propaganda Ministry of Foreign Affairs": a name
                # ("The European Farmers' Alliance": a plural possessive's apostrophe inside the name)
                if tok.proper and all(t.proper or t.lower in gz.LINK_WORDS or t.text in _APOSTROPHES for t in tokens[first : k + 1]):
                    if self._role_head_after(k + 1, first + 6):
                        continue  # "the United Nations human rights office": the name qualifies a role
                    return None  # "the Pentagon", "the Russian Ministry of Defence": a name
                if nxt is not None and nxt.proper and nxt.lower not in gz.FUNCTION_WORDS and word in _PERSON_OR_ORG_NOUNS:
                    return None  # "the German defence minister Boris Pistorius": the name run takes it
                if nxt is not None and _modifier_after(nxt):
                    continue  # "the executive order", "the military parade": the noun only modifies
                if word in gz.ORG_DESCRIPTORS and word not in gz.INSTITUTION_ROLES and nxt is not None and nxt.lower == "of":
                    return None  # "the movement of troops", "a group of protesters": not a body
                if singular(word) in gz.DOCUMENT_NOUNS and not self._document_source(i, k):
                    return None
                span = self.text[tokens[i].start : tok.end]
                kind = "joint" if word in gz.JOINT_ROLES else "role"
                role = Mention(tokens[i].start, tok.end, span, kind, title=span, entity=_role_entity(word))
                return self._crowd_checked(*self._with_place(k + 1, role))
            if word in gz.FUNCTION_WORDS or word in REPORTING_VERBS or not (tok.proper or _is_bare_word(tok.text)):
                return None
        return None

    def _role_head_after(self, k: int, end: int) -> bool:
        """Do lower-case words from tokens[k] (before `end`) lead to a lower-case role noun?"""
        for tok in self.tokens[k:end]:
            if not tok.text.islower() or tok.lower in gz.FUNCTION_WORDS or tok.lower in REPORTING_VERBS:
                return False
            if _is_role_head(tok.lower):
                return True
        return False

    def _document_source(self, i: int, k: int) -> bool:
        """Is the document phrase tokens[i..k] a source: "a Guardian article", "according to the report",
        "the report said"?  Not "its statement", "in the report", "the story was written"."""
        tokens = self.tokens
        if tokens[i].lower in _POSSESSIVE_DETERMINERS or tokens[k].lower in REPORTING_VERBS:
            return False
        if any(t.proper for t in tokens[i + 1 : k]):
            return True
        before = [t.lower for t in tokens[max(0, i - 2) : i]]
        if before[-2:] == ["according", "to"]:
            return True
        nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if nxt in REPORTING_VERBS or nxt.endswith("ed") and nxt not in AUXILIARIES:
            return True
        if nxt == ",":  # "The report, published by a Telegram channel, said", "The report, compiled by ..., found"
            close = next((m for m in range(k + 2, min(k + 20, len(tokens))) if tokens[m].text == ","), None)
            if close is not None and close + 1 < len(tokens) and (tokens[close + 1].lower in REPORTING_VERBS or tokens[close + 1].lower in FINDING_VERBS):
                return True
        verb = next((t.lower for t in tokens[k + 1 : k + 4] if t.lower not in AUXILIARIES), "")
        return verb in FINDING_VERBS  # "an inquiry has found", "the poll shows"

    def _with_place(self, j: int, role: Mention) -> tuple[Mention, int]:
        """ "Officials in Moscow", "a spokesperson for the UN Secretary-General", "Peru's ambassador to the UN",
        "the mayor of Riverton": a role and whom it serves."""
        tokens = self.tokens
        k = j + 1
        if k >= len(tokens):
            return role, j
        # "the governor of Texas", "the envoy from Sierra Leone"
        serves = tokens[j].lower in _SERVES or tokens[j].lower in ("of", "from") and role.entity == PERSON
        if serves and (tokens[j].lower != "to" or singular(role.text.split()[-1].lower()) in _ENVOYS):
            if tokens[k].lower == "the":
                k += 1
            end = k
            while end < len(tokens) and (
                tokens[end].proper
                or (end > k and (tokens[end].lower in gz.LINK_WORDS or tokens[end].lower in RUN_WORDS))
                or (end > k and tokens[end].lower == "the" and tokens[end - 1].lower == "of" and end + 1 < len(tokens) and tokens[end + 1].proper)
                # "the U.S. Treasury Department": the stop of an abbreviation inside the name
                or (end > k and tokens[end].text == "." and tokens[end - 1].end == tokens[end].start and end + 1 < len(tokens) and tokens[end + 1].proper)
            ):
                end += 1
            while end > k and tokens[end - 1].lower in gz.LINK_WORDS:
                end -= 1  # "for the Ministry of" ends before its "of"
            if end > k and (tokens[j].lower not in ("of", "from") or _place_or_body(tokens[k:end])):
                span = self.text[role.start : tokens[end - 1].end]
                return Mention(role.start, tokens[end - 1].end, span, role.kind, title=span, gender=role.gender, entity=role.entity), end
        return role, j

    def _crowd_checked(self, role: Mention, j: int) -> tuple[Mention | None, int]:
        """ "3,000 soldiers arrived" names no source; "soldiers said" does."""
        head = _HEAD_WORDS.findall(role.title.lower() or role.text.lower())[-1]
        if head not in gz.CROWD_NOUNS or self._subject_of_cue(j) or self._relative_then_cue(j):
            return role, j
        return None, j

    def _relative_then_cue(self, j: int) -> bool:
        """ "Residents who fled the fire said": a short relative clause that reports nothing, then a reporting verb."""
        tokens = self.tokens
        if j + 2 >= len(tokens) or tokens[j].lower not in ("who", "that") or tokens[j + 1].lower in REPORTING_VERBS:
            return False
        for k in range(j + 2, min(j + 7, len(tokens))):
            if tokens[k].lower in REPORTING_VERBS:
                return True
            if tokens[k].text in (",", ";", ":"):
                return False
        return False

    def _narration_place(self, mention: Mention) -> bool:
        """ "the talks in Doha", "a mall in Leeds": a place where something happened, not a source."""
        if mention.kind == "joint":
            if not all(p.entity in (COUNTRY, PLACE, "") and p.kind != "pronoun" for p in mention.parts) or not mention.parts:
                return False
        elif mention.kind in ("pronoun", "role") or mention.entity in (PERSON, ORG, GROUP):
            return False
        before = [t.lower for t in self.tokens[: bisect_right(self.tokens, mention.start, key=_END)][-3:]]  # the tokens end in order
        if before and before[-1] == "the":
            before = before[:-1]
        if not before or before[-1] not in gz.LOCATIVE_WORDS:
            return False
        return not (before[-1] == "to" and len(before) > 1 and before[-2] == "according")


def _with_label(text: str, mention: Mention) -> Mention:
    """ "Sen. Ana Ruiz, D-Ore.,", "Tom Berg, 45,": a person's party or age, set off by commas, goes with the name."""
    if mention.kind not in ("name", "surname", "joint"):
        return mention
    label = _LABEL_AFTER.match(text, mention.end)
    if label is None:
        return mention
    end = label.end(1)
    return Mention(mention.start, end, text[mention.start : end], mention.kind, mention.name, mention.title, mention.gender, mention.parts, mention.entity, mention.possessive)


def _place_or_body(run: list[Token]) -> bool:
    """Do these name words after "of" spell a place, a body or a titled person ("Texas", "Rio de Janeiro",
    "the World Health Organization", "President Vladimir Putin"), not a body and a person ("Hamas Ismail Haniyeh")?"""
    words = [t.lower for t in run]
    if any(_title_word(word) for word in words):
        return True  # "a close ally of Russian President Vladimir Putin"
    name = " ".join(words)
    return (
        len(run) == 1
        or name in gz.COUNTRY_NAMES
        or name in gz.CAPITALS
        or words[0] in gz.PLACE_PREFIXES
        or not gz.LINK_WORDS.isdisjoint(words)
        or not gz.INSTITUTION_WORDS.isdisjoint(words)
    )


def _modifier_after(token: Token) -> bool:
    """Is this lowercase word a noun that a role word before it only modifies ("executive order", "military drills")?"""
    word = token.lower
    if not (token.text.isalpha() and token.text.islower()) or word in REPORTING_VERBS:
        return False
    return word in gz.COMPOUND_HEADS or singular(word) in gz.COMPOUND_HEADS or word.endswith(_NOUN_ENDINGS)


def _plural_possessive(tokens: list[Token], k: int) -> bool:
    """Is tokens[k] a plural possessive ("teachers'"), its apostrophe the next token, a word after it?"""
    if k + 2 >= len(tokens) or not tokens[k].lower.endswith("s"):
        return False
    mark = tokens[k + 1]
    return mark.text in _APOSTROPHES and mark.start == tokens[k].end and tokens[k + 2].text[:1].isalpha()


def _personal_title(title_tokens: list[Token], name_tokens: list[Token]) -> bool:
    """ "Foreign Minister Ana Ruiz": a person's title before a name with no institution word in it."""
    return bool(title_tokens) and title_tokens[-1].lower in PERSONAL_TITLES and gz.INSTITUTION_WORDS.isdisjoint([t.lower for t in name_tokens])


def _is_title(word: str, k: int, run: list[Token]) -> bool:
    """Does this run word belong to the title before the name?"""
    if _title_word(word):
        return True
    # "Brazilian Ana Lima", "Somali Shabaab", "Republican Jane Doe": a nationality or party word before a name qualifies it.
    if word in gz.PARTY_ADJECTIVES and all(t.lower in gz.PARTY_ADJECTIVES for t in run[:k]):
        # "Liberal Democrat Tim Farron": a full name follows, not "Liberal Democrats"
        return len(run) > k + 2 and all(t.proper and t.lower not in gz.PARTY_ADJECTIVES for t in run[k + 1 : k + 3])
    if k != 0 or word not in gz.COUNTRY_ADJECTIVES or len(run) < 2 or not run[1].proper or run[1].lower in gz.NATIONALITY_ADJECTIVES:
        return False
    # "Saudi Arabia", "Czech Republic", "British Chambers of Commerce" are names whole.
    return " ".join(t.lower for t in run) not in gz.COUNTRY_NAMES and all(t.lower != "of" for t in run)


@lru_cache(maxsize=4096)
def _title_word(word: str) -> bool:
    """A title or descriptor word wherever it stands (cached: every word of every name run is asked)."""
    if word in gz.TITLE_WORDS or word in PERSON_NOUNS or word.endswith(gz.DESCRIPTOR_SUFFIXES):
        return True
    return "-" in word and any(part in gz.TITLE_WORDS for part in word.split("-"))  # "Director-General", "Secretary-General"


@lru_cache(maxsize=4096)
def _is_role_head(word: str) -> bool:
    """Cached: every word after a determiner is asked."""
    return word in _ROLE_HEADS or singular(word) in _ROLE_HEADS or bool(AGE.fullmatch(word))


@lru_cache(maxsize=4096)
def _noun_modifier(text: str) -> bool:
    """A lower-case word that may modify a noun after it ("fire", "health"): no verb, adverb or function word."""
    low = text.lower()
    return (
        text.isalpha()
        and text.islower()
        and low not in gz.FUNCTION_WORDS
        and low not in REPORTING_VERBS
        and not low.endswith(("ed", "ing", "ly"))
    )


def _is_bare_word(text: str) -> bool:
    """Letters and digits only, once hyphens and apostrophes are set aside (cached: every word after a determiner is asked)."""
    return text.replace("-", "").replace("\u2019", "").replace("'", "").isalnum()


def _role_entity(head: str) -> str:
    """What a role noun stands for: "officials" a group, "the ministry" an organisation."""
    single = singular(head)
    if head in gz.JOINT_ROLES or head in gz.COLLECTIVE_NOUNS or head in gz.CROWD_NOUNS:
        return GROUP
    if single in gz.DOCUMENT_NOUNS or head in gz.DOCUMENT_NOUNS:
        return DOCUMENT
    if head in ORG_NOUNS or single in ORG_NOUNS:
        return ORG
    if head in PERSON_NOUNS and single == head or AGE.fullmatch(head):
        return PERSON
    return GROUP


def _gender(words: list[str]) -> str:
    if not gz.FEMALE_WORDS.isdisjoint(words):
        return "f"
    if not gz.MALE_WORDS.isdisjoint(words):
        return "m"
    return ""


def _without_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop an acronym glossing the mention before it: "the British Medical Association (BMA)"."""
    kept: list[Mention] = []
    for mention in mentions:
        prev = kept[-1] if kept else None
        if prev is not None and text[prev.end : mention.start].strip() == "(" and text[mention.end : mention.end + 1] == ")":
            continue
        kept.append(mention)
    return kept


def _join_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge "A and B" and "A, B and C" into one joint mention, and "ministers of A, B and C" into the list."""
    out: list[Mention] = []
    chain_from: int | None = None  # where the current "A, B, ..." run of names starts in `out`
    for mention in mentions:
        prev = out[-1] if out else None
        if prev is None or "pronoun" in (prev.kind, mention.kind):
            out.append(mention)
            chain_from = None
            continue
        between = text[prev.end : mention.start]
        if _named_member(text, prev, mention):
            # "Lena Vogt and her German counterpart, Karl Weiss, said": the name stands for the role it follows.
            span = text[prev.start : mention.end]
            out[-1] = Mention(prev.start, mention.end, span, "joint", parts=(*prev.parts[:-1], mention), entity=GROUP)
            chain_from = None
            continue
        if prev.kind == "role" and mention.kind == "role" and _one_role(text, prev, mention):
            span = text[prev.start : mention.end]
            out[-1] = Mention(prev.start, mention.end, span, "role", title=span, entity=mention.entity)
            continue
        if len(between) < 45 and "and" in between and _JOINER.fullmatch(between):
            members = out[chain_from:] if chain_from is not None else [prev]
            del out[len(out) - len(members) :]
            parts = tuple(p for m in [*members, mention] for p in (m.parts or (m,)))
            start = members[0].start
            out.append(Mention(start, mention.end, text[start : mention.end], "joint", parts=parts, entity=GROUP))
            chain_from = None
            continue
        if prev.kind not in ("role", "joint") and mention.kind != "role" and "," in between and _LIST_COMMA.fullmatch(between):
            chain_from = len(out) - 1 if chain_from is None else chain_from
            out.append(mention)
            continue
        chain_from = None
        out.append(mention)
    return _roles_of_lists(text, out)


def _named_member(text: str, joint: Mention, name: Mention) -> bool:
    """Is `name` set off by commas right after a joint mention that ends in a role ("..., Karl Weiss,")?"""
    return (
        joint.kind == "joint"
        and bool(joint.parts)
        and joint.parts[-1].kind == "role"
        and name.kind == "name"
        and text[joint.end : name.start].strip() == ","
        and text[name.end : name.end + 1] == ","
    )


def _one_role(text: str, first: Mention, second: Mention) -> bool:
    """ "anonymous Ukrainian military and security sources": two modifiers sharing one noun."""
    words = second.text.split()
    return (
        re.fullmatch(r"\s+and\s+", text[first.end : second.start]) is not None
        and first.text.split()[-1].lower() in gz.MODIFIERS
        and len(words) == 2
        and words[0].lower() in gz.MODIFIERS
    )


def _roles_of_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "role"
            and mention.kind == "joint"
            and len(mention.parts) >= 2
            and _ROLE_OF.fullmatch(text[prev.end : mention.start])
        ):
            span = text[prev.start : mention.end]
            out[-1] = Mention(prev.start, mention.end, span, "joint", title=prev.text, parts=mention.parts, entity=GROUP)
            continue
        out.append(mention)
    return out
