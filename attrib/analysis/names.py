"""The per-article table that names sources, and the mentions it is built from.

Mentions are found in `attrib.analysis.mentions` (re-exported here).  The table turns
a mention into the canonical name the labelling guide asks for: the fullest
form in the article, without honorifics or titles.  It also answers what a
description points back to ("the 28-year-old", "the company", "the
report"), for the speaker ranker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from attrib.analysis import gazetteer as gz
from attrib.analysis.lexicon import REPORTING_VERBS
from attrib.analysis.mentions import AGE, ROLE_WORDS, RUN_WORDS, Mention, find_mentions
from attrib.analysis.prose import (
    COUNTRY,
    DOCUMENT,
    GROUP,
    ORG,
    ORG_NOUNS,
    PERSON,
    PERSON_NOUNS,
    PLACE,
    POSSESSIVE,
    capitalised,
    evidence,
    singular,
)

__all__ = ["COUNTRY", "DOCUMENT", "GROUP", "ORG", "PERSON", "PLACE", "Mention", "NameTable", "find_mentions", "is_person_role", "strip_determiner"]

_APPOSITION = re.compile(r"\s*,\s*")
_DEFINITE = frozenset("the this that these those his her its their both".split())
# Documents that someone issues: with no named issuer, the latest source named issued it.
_ISSUED = frozenset("statement release communique communiqué readout letter email e-mail post tweet filing memo".split())
# Small words that open an unnamed source: "A neighbour", "Two officials", "Some economists".
_OPENING_WORDS = frozenset("a an one two three four five six seven eight nine ten several some many other another".split())
# How many named sources a description may look back over.
_REACH = 60
# How far (characters) a "he" or "she" may stand from the one person named before it and still tell their gender.
_GENDER_REACH = 250
# Bodies news names without an article: "police said" means the force the article names.
_BARE_BODIES = frozenset({"police"})
_SERVES = frozenset("in at for to".split())
_SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman representative".split())
_ROLE_KEY_NOUNS = gz.TITLE_WORDS | ROLE_WORDS | gz.PERSON_DESCRIPTORS | gz.ORG_DESCRIPTORS


class _Entry(NamedTuple):
    """A source named in the article, in order: what later descriptions can point back to.

    `named` is false for descriptions ("a senior official"), which are
    never an antecedent themselves.  A tuple: one is made per mention, and
    that is several times cheaper than a frozen dataclass.
    """

    position: int
    name: str
    entity: str
    named: bool
    joint: bool


@dataclass
class NameTable:
    """Canonical names of one article.

    The guide names a source by the fullest form used anywhere in the
    article, so the table is built from every mention before any is
    resolved.  People are keyed by surname; titles and descriptors are
    kept with their position so that "the Defence Secretary" or "the
    company" finds the nearest source introduced with that role
    ("Defence Secretary John Healey", "pharmaceutical company Acme").
    Acronyms are spelled out where the article spells them out, a capital
    standing for its government is its country, and a shorter name of an
    organisation is its fullest ("Treasury" -> "Treasury Department").
    """

    people: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    titles: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)
    expansions: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)
    # One-word names of no known kind that the article writes as a business's ("Tesla shares", "Nordair's chief executive").
    companies: frozenset[str] = frozenset()
    entities: dict[str, str] = field(default_factory=dict)
    timeline: list[_Entry] = field(default_factory=list)
    _positions: list[int] = field(default_factory=list, repr=False)
    _fullest: dict[str, str] = field(default_factory=dict, repr=False)
    # Each mention's canonical name once the table is complete (None while it is built, when answers
    # still change): the speaker ranker asks of the same mentions for every candidate and sentence.
    # Keyed by id(): hashing a mention costs as much as resolving a plain name; the entry holds the
    # mention, so its id cannot be reused while the entry lives.
    _resolved: dict[int, tuple[Mention, str]] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, text: str, mentions: list[Mention]) -> "NameTable":
        table = cls(expansions=_acronym_expansions(text), countries=_country_forms(text))
        flat = [p for m in mentions for p in (m.parts or (m,))]
        lone = {_surname(m.name) for m in flat if m.kind in ("surname", "place") and len(m.name.split()) == 1}
        seen = evidence(text)
        pairs = [(a, b) for a, b in zip(flat, flat[1:]) if _APPOSITION.fullmatch(text, a.end, b.start)]
        described = {id(name) for a, b in pairs for role, name in ((a, b), (b, a)) if role.kind == "role" and role.entity == PERSON}
        for mention in flat:
            # A two-word name is a person's when it has a title, speaks, is described as one, or its
            # last word stands alone elsewhere ("Heather Webb" ... "Webb").
            last = _surname(mention.name)
            # Not "Shares of Microsoft", nor a picture credit ("Jordan Mills/The Riverton Record").
            alone = (last in lone or last in seen.alone) and " of " not in mention.name and "/" not in mention.name
            if mention.kind == "name" and (mention.entity == PERSON or id(mention) in described or alone):
                table._add_person(mention)
        for mention in flat:
            if mention.kind == "surname" and _surname(mention.name) not in table.aliases:
                table._add_person(mention)
                table._named_in_quotes(text, mention.name)
        table._learn_genders(flat)
        table.organisations = list(dict.fromkeys(org for org in map(_organisation, flat) if org))
        table.companies = frozenset(m.name for m in flat if _company_like(text, m)) | frozenset(_SHARES_OF.findall(text))
        for left, right in pairs:
            table._apposition(text, left, right)
        for mention in chain(flat, mentions):
            if mention.title and (mention.kind == "place" or mention.kind == "joint" and mention.parts):
                table._add_title(mention.start, mention.title, mention)
        for holders in table.titles.values():
            holders.sort()
        pending: list[Mention] = []  # spokespeople for a body the table cannot find yet
        for mention in flat:
            core = _role_key(mention.title)[1]
            known = table.by_title(mention.title, mention.start) if core and _introduces(mention) else ""
            if known is None or known and table._names_another_principal(mention, known):
                # "A union official said ... the union official added", "Election officials ...
                # Top election officials": with no one named in that role, the first description names it.
                spoken_for = table._spokesperson_named_after(mention, flat) or table._spoken_for(mention)
                table._add_title(mention.start, mention.title, mention, spoken_for or _role_name(mention.text))
                table.titles[core].sort()
                if spoken_for is None and not _SPOKESPEOPLE.isdisjoint(singular(w) for w in mention.text.lower().split()):
                    pending.append(mention)
        # Names, surnames and places resolve now as they will once the table is complete (people, acronyms
        # and organisations are all known), so their answers are kept; a description may point at a
        # source named later, and is resolved again when asked.
        resolved: dict[int, tuple[Mention, str]] = {}
        for mention in mentions:
            for part in (mention, *mention.parts) if mention.kind != "pronoun" else ():
                name = table.canonical(part)
                if part.kind in ("name", "surname", "place") and not _bare_noun(part.text):
                    resolved[id(part)] = (part, name)
                entity = part.entity or table._entity_named(name)
                named = part.kind in ("name", "surname", "place") or bool(part.parts) or entity == DOCUMENT and name[:1].isupper()
                table.timeline.append(_Entry(part.start, name, entity, named, len(part.parts) > 1))
                table._positions.append(part.start)
                table.entities.setdefault(name, entity)
        for mention in pending:
            table._speaking_for_body(mention)
        table._resolved = resolved
        return table

    def _speaking_for_body(self, spokesperson: Mention) -> None:
        """ "A company spokeswoman said": the body a common noun names is found only once the timeline
        holds the bodies named before, so the role's entries are named again then."""
        body = self._spoken_for(spokesperson)
        if body is None:
            return
        core, described = _role_key(spokesperson.title)[1], _role_name(spokesperson.text)
        self.titles[core] = [(p, q, body if p == spokesperson.start and n == described else n) for p, q, n in self.titles[core]]
        at = bisect_left(self._positions, spokesperson.start)
        while at < len(self.timeline) and self.timeline[at].position == spokesperson.start:
            entry = self.timeline[at]
            if entry.name == described:
                self.timeline[at] = entry._replace(name=body, entity=self.entities.get(body, ORG))
            at += 1

    def _add_person(self, mention: Mention) -> None:
        key = _surname(mention.name)
        if len(mention.name) > len(self.people.get(key, "")):
            self.people[key] = mention.name
        # Family name first ("Mr Cho" for Cho Tae-yul): earlier words of a full name find it too.
        for word in mention.name.split()[:-1]:
            if word[:1].isupper() and word.lower() not in gz.PEERAGE:
                self.aliases.setdefault(word.lower(), mention.name)
        if mention.gender:
            self.genders[key] = mention.gender
        if mention.title:
            self._add_title(mention.start, mention.title, mention)

    def _named_in_quotes(self, text: str, surname: str) -> None:
        """ "'General Abdelrahim Kuku gave the order,' an official said. Kuku rejected it": a surname the
        article gives in full only inside a quotation is named in full (the guide's fullest form)."""
        key = _surname(surname)
        if " " in self.people.get(key, " ") or " " in surname:
            return
        for m in re.finditer(rf"((?:{_CAP_WORD}\s+){{1,3}}){re.escape(surname)}\b", text):
            words = m.group(1).split()
            while words and (words[0].lower().rstrip(".") in gz.TITLE_WORDS or words[0].lower() in gz.FUNCTION_WORDS):
                words = words[1:]
            if words and all(w[:1].isupper() and _given_name(w) for w in words):
                self.people[key] = " ".join([*words, surname])
                return

    def _learn_genders(self, flat: list[Mention]) -> None:
        """ "Carlos Rangel Montiel accused Guyana ... He described": the one person named just before a
        "he" or "she", with no other person or person's role between, is a man or a woman.  A person
        the article gives both is left open, and so is one whose title already says, and a surname two
        people named in full share ("Edna Sturgill" ... "her grandson, Caleb Sturgill")."""
        full_names: dict[str, set[str]] = {}
        for mention in flat:
            if mention.kind == "name" and " " in mention.name:
                full_names.setdefault(_surname(mention.name), set()).add(mention.name)
        votes: dict[str, set[str]] = {}
        since: list[str] = []  # the people (by surname; "" for a role) named since the last "he" or "she"
        last_end = 0
        for mention in flat:
            if mention.kind == "pronoun" and mention.text.lower() in ("he", "she"):
                if since and len(set(since)) == 1 and since[0] and mention.start - last_end < _GENDER_REACH:
                    votes.setdefault(since[0], set()).add(mention.gender)
                since = []
            elif mention.kind in ("name", "surname") and _surname(mention.name) in self.people:
                since.append(_surname(mention.name))
                last_end = mention.end
            elif mention.kind == "role" and mention.entity == PERSON:
                since.append("")
        for key, found in votes.items():
            if len(found) == 1 and key not in self.genders and len(full_names.get(key, ())) < 2:
                self.genders[key] = found.pop()

    def _apposition(self, text: str, left: Mention, right: Mention) -> None:
        """ "John Healey, the UK Defence Secretary", "Seawatch, a Dutch rescue charity"."""
        if right.kind == "role" and left.kind in ("name", "surname", "place"):
            role, holder = right, left
        elif left.kind == "role" and right.kind in ("name", "surname", "place"):
            role, holder = left, right
        else:
            return
        follower = re.match(r"\s*(\w+)", text[role.end : role.end + 30])
        if follower and follower.group(1).lower() in REPORTING_VERBS:
            return  # "..., a spokesperson said": a new subject, not an apposition
        if holder.entity in ("", PERSON if role.entity == PERSON else ORG):
            self._add_title(role.start, role.title, holder)

    def _spokesperson_named_after(self, role: Mention, flat: list[Mention]) -> str | None:
        """ "A spokesperson for the city police said ... 'No one was hurt,' Jane Ode said.": the
        spokesperson is the person named right after with no title of their own."""
        if singular(role.text.split()[1].lower()) not in _SPOKESPEOPLE or len(role.text.split()) < 4:
            return None
        at = bisect_left([m.start for m in flat], role.end)
        first = next((m for m in flat[at : at + 8] if m.kind in ("name", "surname", "role")), None)
        if first is not None and first.start > role.end + 300:
            return None
        if first is None or first.kind != "name" or first.title or not self.is_person(first.name):
            return None
        return first.name

    def _spoken_for(self, role: Mention) -> str | None:
        """ "A Meridian spokeswoman", "a spokesperson for the Oslo police", "a company spokesman": an unnamed
        spokesperson speaks for the body named with them (the guide's convention)."""
        words = role.text.split()
        head = _spokesperson_word(words)
        if head is None:
            return None
        principal = self._principal_named(words, head)
        if principal:
            return principal
        common = [singular(w.lower()) for w in words[1:head] if singular(w.lower()) in ORG_NOUNS]
        return self._organisation_before(role.start, common[-1], []) if common else None

    def _principal_named(self, words: list[str], head: int) -> str:
        """The body a spokesperson's own words name ("for Oxfam", "Oxfam's", "a Meridian spokeswoman"), or ""."""
        served = " ".join(words[head + 2 :]) if head + 1 < len(words) and words[head + 1] in ("for", "of") else ""
        lead = 1 if words[0].lower() in _DEFINITE or words[0].lower() in ("a", "an") else 0  # "Ode's spokesperson" has none
        owner = [POSSESSIVE.sub("", w) for w in words[lead:head] if capitalised(w)]
        return self._named(served or " ".join(owner), "") if served or owner else ""

    def _names_another_principal(self, role: Mention, known: str) -> bool:
        """ "A spokesman for Oxfam" after a spokesman for Age UK: a new spokesperson, for the body it names."""
        words = role.text.split()
        head = _spokesperson_word(words)
        return head is not None and self._principal_named(words, head) not in ("", known)

    def _add_title(self, position: int, title: str, holder: Mention, name: str = "") -> None:
        qualifier, core = _role_key(title)
        if core:
            self.titles.setdefault(core, []).append((position, qualifier, name or self.canonical(holder)))

    def canonical(self, mention: Mention) -> str:
        """The name a mention stands for, when the mention alone decides it."""
        resolved = self._resolved
        if resolved is None:
            return self._canonical(mention)
        known = resolved.get(id(mention))
        if known is None or known[0] is not mention:
            known = resolved[id(mention)] = (mention, self._canonical(mention))
        return known[1]

    def _canonical(self, mention: Mention) -> str:
        if mention.kind == "joint" and mention.parts:
            return _list_name([self.canonical(p) for p in mention.parts])
        if mention.kind == "name" and mention.entity in (PERSON, ""):
            return self._full_name(mention.name)
        if mention.kind in ("surname", "place", "name"):
            return self._bare_body(mention) or self._named(mention.name or mention.text, mention.entity)
        if mention.kind == "role":
            return self.by_title(mention.title, mention.start) or self.antecedent(mention) or _role_name(mention.text)
        return strip_determiner(mention.text)

    def _full_name(self, name: str) -> str:
        """ "von der Leyen", "Rangel Montiel": the end of a fuller name of a person is that person."""
        full = self.people.get(_surname(name), name)
        return full if full.lower().endswith(" " + name.lower()) else name

    def _named(self, name: str, entity: str) -> str:
        plain, acronym, single, lower = _name_forms(name)
        if acronym in self.expansions:
            return self.expansions[acronym]
        if plain in self.expansions:
            return self.expansions[plain]  # "BfV", spelled out as "known as the BfV"
        if single and entity in (PERSON, ""):
            person = self.people.get(single) or self.aliases.get(single)
            if person:
                return person
        if lower in gz.COUNTRY_NAMES:
            return plain
        capital = gz.CAPITALS.get(lower)
        if capital:
            return self.countries.get(capital, capital)  # "Moscow has denied" -> Russia
        return self._fullest_organisation(plain)

    def _fullest_organisation(self, name: str) -> str:
        """ "Treasury" -> "Treasury Department", "Rebels" -> "rebel movement": the fullest form of a body."""
        if name not in self._fullest:
            words = _org_words(name)
            best = name
            if words - gz.GENERIC_NAME_WORDS:
                for other in self.organisations:
                    more = _org_words(other)
                    if words <= more and more - words <= gz.GENERIC_NAME_WORDS and len(other) > len(best):
                        best = other
            if best == name and " " not in name:
                # "Meridian" for "Meridian Systems Inc": the one company name the word begins.
                longer = [o for o in self.organisations if o.split()[0] == name and all(capitalised(w) for w in o.split())]
                if len(longer) == 1 and any(w.lower().rstrip(".") in gz.INSTITUTION_WORDS or w.lower() in gz.COMPANY_WORDS for w in longer[0].split()[1:]):
                    best = longer[0]
            self._fullest[name] = best
        return self._fullest[name]

    def entity_of(self, mention: Mention) -> str:
        """What a mention names: "person", "org", "country", "place", "group", "document", or "" when unknown.

        A lone word is a person when the article names a person with it
        ("Varga" after "Anna Varga"), a country or capital by the gazetteer,
        an organisation when the article spells it out as one.
        """
        return mention.entity or self._entity_named(self.canonical(mention))

    def _entity_named(self, name: str) -> str:
        if self.is_person(name):
            return PERSON
        if name.lower() in gz.COUNTRY_NAMES:
            return COUNTRY
        if name in self.organisations or name in self.expansions.values():
            return ORG
        return self.entities.get(name, "")

    def by_title(self, title: str, position: int) -> str | None:
        """The source nearest before `position` (else, in the lead, the first after) holding this role."""
        qualifier, core = _role_key(title)
        holders = self.titles.get(core)
        if not holders and core in PERSON_NOUNS and (qualifier or title.split()[0].lower() == "the"):
            # "OpenAI chief" is the "OpenAI chief executive" of the same body, "the consultant" the "consultant
            # radiologist" and "the detective" the "Det. Insp.": a longer title with that word.
            holders = sorted(h for key, found in self.titles.items() if core in key.split() for h in found if _qualifies(qualifier, h[1]))
        if not holders:
            return None
        start = bisect_left(holders, (position,))
        if start < len(holders) and holders[start][0] == position and _qualifies(qualifier, holders[start][1]):
            return holders[start][2]  # the role's own holder ("A spokesman for Oxfam" is Oxfam's)
        if not qualifier:  # any holder will do: the nearest before, else the first after
            if start:
                return holders[start - 1][2]
            named = holders[0][2]
            if holders[0][0] == position or _role_key(named)[1] != core:
                return named  # the role introduces itself ("A spokesperson for the WHO said"), or a person's name
            # A description only where no one is named yet: a headline's "Former mayor" is the lead's "former
            # mayor of Riverton", but "His family" after "Liam Carter died" is not "A family of four" later,
            # and "officials said" in a lead is not the "Polish officials" of a later paragraph.
            bare_plural = " " not in title.strip() and title.lower().endswith("s")
            return None if bare_plural or any(e.named for e in self._before(position)) else named
        for i in chain(range(start - 1, -1, -1), range(start, len(holders))):
            if _qualifies(qualifier, holders[i][1]):
                return holders[i][2]
        return None

    def antecedent(self, mention: Mention) -> str | None:
        """The source a description points back to, or None.

        "the 28-year-old", "the Kenyan-born runner" -> the nearest person
        named before; "Russia's ambassador" in an article's lead, before
        anyone is named -> the first person named after; "the company", "the
        defence ministry", "the New Jersey company" -> the organisation
        introduced with that noun or holding those words; "a Reuters story"
        -> Reuters; "the article" -> whoever wrote the latest one named;
        "the statement" -> whoever issued it, else the latest source named;
        "the countries" -> the latest joint source.  An indefinite
        description ("a company") introduces a new source, and a body with
        a name of its own ("the rebel movement", "the group's TV station",
        "the Ukrainian military") points back to nothing.
        """
        description = _description(mention.text)
        if description is None:
            return None
        words, lowered, head, possessed, qualified = description
        if head in gz.DOCUMENT_NOUNS:
            return self._document_source(mention, words, head)
        if lowered[0] not in _DEFINITE and not possessed:
            return self._bare_body(mention)
        if lowered[-1] in gz.COLLECTIVE_NOUNS or mention.kind == "joint":
            if lowered[0] in ("his", "her", "its", "their"):
                return None
            return next((e.name for e in self._before(mention.start) if e.joint), None)
        described = bool(AGE.fullmatch(lowered[-1])) or _nationality_person(lowered) or lowered[-1] in gz.PERSON_DESCRIPTORS and lowered[-1] not in gz.PERSON_ROLES
        if described and not possessed:  # "Dunne's wife" is not Dunne
            return self._nearest(mention.start, (PERSON,))  # "the 28-year-old", "the Accra-born runner", "the Spaniard"
        if possessed and head in _SPOKESPEOPLE:
            return self._spoken_for(mention)  # "Ode's spokesperson" speaks for Ode
        if lowered[-1] in PERSON_NOUNS:
            # An office: "the prime minister" is not whoever was named last.  Only in an article's
            # lead, before anyone is named, does it point to the first person named after.
            nobody_yet = self._nearest(mention.start, (PERSON,)) is None
            return self._first_after(mention.start, PERSON) if nobody_yet and (qualified or possessed) else None
        if lowered[0] in ("his", "her", "its", "their"):
            return None  # "his organisation": whose it is was said elsewhere
        if lowered[-1] in ORG_NOUNS and not possessed and _only_places(words[1:-1]):
            modifiers = [w for w in lowered[1:-1] if w not in gz.GENERIC_MODIFIERS and w not in gz.FUNCTION_WORDS and w != ","]
            return self._organisation_before(mention.start, head, modifiers)
        return None

    def _document_source(self, mention: Mention, words: tuple[str, ...], head: str) -> str | None:
        # A nationality owns nothing: "Israeli tallies" names no source, so it stays as the article words it.
        owner = [k for k, w in enumerate(words[:-1]) if capitalised(w) and w.lower() not in gz.FUNCTION_WORDS and w.lower() not in gz.NATIONALITY_ADJECTIVES]
        if owner:
            first = owner[-1]
            while first - 1 in owner:
                first -= 1
            # "a Reuters story", "the Guardian article", "a White House readout"
            return self._named(POSSESSIVE.sub("", " ".join(words[first : owner[-1] + 1])), "")
        if words[0].lower() not in _DEFINITE:
            body = words[1:-1] if words[0].lower() in ("a", "an") else words[:-1]
            # "an Israeli military statement", "a police report": the body that issued it.
            return " ".join(body) if body and body[-1].lower() in ORG_NOUNS else None
        documents = [e for e in self._before(mention.start) if e.entity == DOCUMENT and e.named]
        same = [e for e in documents if head in e.name.lower()]
        if documents:
            return (same or documents)[0].name
        return self._nearest(mention.start, (PERSON, ORG, COUNTRY)) if head in _ISSUED else None

    def _bare_body(self, mention: Mention) -> str | None:
        """ "police said", a headline's "Firm denies ...": a body's noun without an article means the body
        the article names; a headline's, before anyone is named, means the one its lead names."""
        head = _bare_noun(mention.text)
        if not head:
            return None
        if head in _BARE_BODIES or capitalised(mention.text) and self._nearest(mention.start, (PERSON, ORG)) is None:
            return self._body_meant(mention.start, head)
        return None

    def _body_meant(self, position: int, head: str) -> str | None:
        """The body a bare noun stands for: the first named with that noun before it, else the first
        after (a headline comes before the lead that names the body); a business noun takes a company's name."""

        def fits(entry: _Entry) -> bool:
            if entry.entity != ORG or entry.joint or entry.name.lower() == head:
                return False
            return _holds(entry.name, [head]) or entry.named and head in gz.BUSINESS_NOUNS and _of_kind(entry.name, head)

        before = [e.name for e in self._before(position) if fits(e)]
        if before:
            return before[-1]
        start = bisect_left(self._positions, position + 1)
        return next((e.name for e in self.timeline[start : start + _REACH] if e.position <= position + 400 and fits(e)), None)

    def _organisation_before(self, position: int, head: str, modifiers: list[str]) -> str | None:
        organisations = [e for e in self._before(position) if e.entity == ORG and e.named]
        for entry in organisations:
            if _holds(entry.name, [head, *modifiers]):
                return entry.name  # "the defence ministry" -> "Ministry of National Defence"
        holders = self.titles.get(head, [])
        earlier = bisect_left(holders, (position,))
        if earlier:
            return holders[earlier - 1][2]  # "the company" -> "pharmaceutical company Acme"
        if modifiers and head in gz.PUBLIC_BODIES or any(w.endswith(("s'", "s\u2019")) for w in modifiers):
            return None  # "the Ukrainian military", "the pilots' union": a body of its own
        if head not in gz.ORG_DESCRIPTORS:
            return None  # "the embassy" describes no organisation but one named as such
        # "The interior ministry said ... The ministry insisted": the fuller description before it.
        described = (
            e
            for e in self._before(position)
            if e.entity == ORG and not e.named and not e.joint and e.name.lower() != head and singular(e.name.lower().split()[-1]) == head
        )
        description = next(described, None)
        since = self.body_named_since(description.position, position, head) if description else None
        fuller = since or (description.name if description else None)
        if fuller or head in gz.PUBLIC_BODIES:
            return fuller  # "the government" is no body but one named so: not the police named last
        if head in gz.BUSINESS_NOUNS:
            # "the Chinese firm" after "China's BYD"; else "The US tech giant" after "The EU fined Google ...
            # Google's parent": a business before any body.
            national = [w for w in modifiers if w in gz.COUNTRY_ADJECTIVES or w in gz.COUNTRY_NAMES]
            placed = (e.name for e in organisations if national and _holds(e.name, national))
            firms = (e.name for e in self._before(position) if e.named and _is_firm(e.name, self.companies))
            firm = next(placed, None) or next(firms, None)
            if firm is not None:
                return firm
        fitting = [e for e in organisations if _of_kind(e.name, head)]
        if head in gz.PUBLIC_BODY_ENDS:
            # "the agency" is the Aviation Administration named before, not the "MAX" of "737 MAX 9" named since.
            fitting = [e for e in fitting if e.name.lower().split()[-1] in gz.PUBLIC_BODY_ENDS] or fitting
        if fitting:
            return fitting[0].name
        # "according to the Kenya Red Cross ... The aid group said": a name of no known kind;
        # "Tesla shares fell ... the carmaker said": one written as a business's.
        business = head in gz.BUSINESS_NOUNS
        unknown = [e for e in self._before(position) if e.entity == "" and e.named and (len(e.name.split()) > 1 or business and e.name in self.companies)]
        return unknown[0].name if unknown else None

    def body_named_since(self, start: int, end: int, head: str) -> str | None:
        """ "South Korea's spy agency says ... The National Intelligence Service said ... The agency said":
        the latest body named between `start` and `end` that "the <head>" may be, which the description
        before it is not."""
        return next((e.name for e in self._before(end) if e.position > start and e.named and e.entity == ORG and _same_kind(e.name, head)), None)

    def _before(self, position: int) -> list[_Entry]:
        """Sources named before `position`, latest first, at most _REACH of them: a long article stays linear."""
        end = bisect_left(self._positions, position)
        return self.timeline[max(0, end - _REACH) : end][::-1]

    def _nearest(self, position: int, entities: tuple[str, ...]) -> str | None:
        return next((e.name for e in self._before(position) if e.entity in entities and e.named and not e.joint), None)

    def _first_after(self, position: int, entity: str, reach: int = 400) -> str | None:
        start = bisect_left(self._positions, position + 1)
        following = self.timeline[start : start + _REACH]
        return next((e.name for e in following if e.position <= position + reach and e.entity == entity and e.named and not e.joint), None)

    def nearest(self, position: int, entity: str) -> str | None:
        """The latest source of this entity ("person", "org", ...) named before `position`."""
        return self._nearest(position, (entity,))

    def gender_of(self, canonical: str) -> str:
        return self.genders.get(_surname(canonical), "")

    def holds_other_office(self, canonical: str, title: str) -> bool:
        """Is this person known only by offices other than this one ("the mayor" is not the opposition leader)?

        Only an office counts ("mayor", "minister"): a description such as "the official" fits anyone.
        """
        core = _role_key(title)[1]
        office = core.split()[-1] if core else ""
        if office not in gz.TITLE_WORDS or office in gz.PERSON_DESCRIPTORS:
            return False
        held = {role.split()[-1] for role, holders in self.titles.items() if any(holder[2] == canonical for holder in holders)}
        return bool(held) and office not in held

    def is_person(self, canonical: str) -> bool:
        return self.people.get(_surname(canonical)) == canonical


def _spokesperson_word(words: list[str]) -> int | None:
    """Where "spokesperson" (or "spokesman", "representative") stands in a role's words."""
    return next((k for k, w in enumerate(words) if singular(w.lower()) in _SPOKESPEOPLE), None)


def _given_name(word: str) -> bool:
    """Could this capitalised word before a surname be a given name (not "Meanwhile", "Tuesday", "Sudanese")?"""
    low = word.lower()
    return not (
        low in gz.FUNCTION_WORDS or low in gz.SENTENCE_WORDS or low in gz.WEEKDAYS or low in gz.MONTHS
        or low in gz.NATIONALITY_ADJECTIVES or low in gz.COUNTRY_NAMES or low.endswith("ly")
    )


def _introduces(mention: Mention) -> bool:
    """Does this role introduce an unnamed source: "a senior official", "Election officials"?"""
    if mention.kind != "role":
        return False
    first = mention.text.split()[0].lower()
    if mention.entity == PERSON:
        return first in ("a", "an", "another")
    return mention.entity == GROUP and first not in _DEFINITE and len(mention.text.split()) > 1


# The endings of a company's legal name.
_COMPANY_SUFFIXES = frozenset("inc co corp corporation ltd limited plc llc ag sa se nv gmbh group".split())
# A company's name after its shares: "shares of Microsoft", "Shares in SAS".
_SHARES_OF = re.compile(r"\b(?:[Ss]hares|[Ss]tock) (?:of|in) ([A-Z][\w&-]*)\b")
# The lower-case word right after a mention.
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_WORD_BEFORE = re.compile(r"\b(\w+)\s+$")
_DETERMINERS = _DEFINITE | frozenset(("a", "an", "our"))


class _Description(NamedTuple):
    """The words of a description up to a preposition ("Peru's ambassador" of "Peru's ambassador to the UN"),
    in lower case too, its head noun singular, whether one is possessive and whether a word other
    than the first and last is capitalised or possessive ("the New Jersey company", "Russia's ambassador")."""

    words: tuple[str, ...]
    lowered: tuple[str, ...]
    head: str
    possessed: bool
    qualified: bool


@lru_cache(maxsize=4096)
def _description(text: str) -> _Description | None:
    """`text` read as a description, or None when it has no words (cached: the same descriptions recur)."""
    words = tuple(_before_preposition(re.findall(r"[\w'\u2019-]+", text)))
    if not words:
        return None
    lowered = tuple(w.lower() for w in words)
    possessed = any(w.endswith(("'s", "\u2019s")) for w in lowered)
    return _Description(words, lowered, singular(lowered[-1]), possessed, any(capitalised(w) for w in words[1:-1]) or possessed)


def _is_firm(name: str, companies: frozenset[str]) -> bool:
    """A name the article writes as a business's, or that says it is one ("Nordvik Seafood", "Acme Inc")."""
    words = name.lower().replace(".", "").split()
    return name in companies or len(words) > 1 and (words[-1] in gz.COMPANY_WORDS or words[-1] in _COMPANY_SUFFIXES)


def _company_like(text: str, mention: Mention) -> bool:
    """A one-word name of no known kind followed by a word of a business's ("Tesla shares", "Nordair's staff")."""
    if mention.entity or mention.kind not in ("place", "surname") or " " in mention.name:
        return False
    after = _NEXT_WORD.match(text, mention.end)
    if after is None or after.group(1) not in gz.COMPANY_CONTEXT:
        return False
    before = _WORD_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    return after.group(1) not in gz.COMPANY_SITES or before is None or before.group(1).lower() not in _DETERMINERS


def _bare_noun(text: str) -> str:
    """The body noun `text` is by itself ("Police", "ministry"), else ""."""
    head = singular(text.lower())
    return head if head in ORG_NOUNS else ""


def _only_places(words: tuple[str, ...]) -> bool:
    """Are the capitalised words among these all places ("New Brunswick, New Jersey", "Swiss")?"""
    groups: list[list[str]] = []
    for word, prev in zip(words, ["", *words]):
        if capitalised(word):
            if prev and capitalised(prev):
                groups[-1].append(word)
            else:
                groups.append([word])
    for group in groups:
        name = " ".join(group).lower()
        if name.endswith(("-based", "-headquartered")):
            continue  # "Bergen-based": where a body is based is a place
        known = name in gz.COUNTRY_NAMES or name in gz.CAPITALS or name in gz.NATIONALITY_ADJECTIVES
        if not (known or len(group) > 1 and group[0].lower() in gz.PLACE_PREFIXES):
            return False
    return True


def _of_kind(name: str, head: str) -> bool:
    """May `head` describe the body of this name?  "the company" is not the "Auto Safety Center"."""
    return head not in gz.BUSINESS_NOUNS or _head_word(name) not in gz.PUBLIC_BODY_ENDS


def _same_kind(name: str, head: str) -> bool:
    """May "the <head>" be this named body: "the agency" the "National Intelligence Service"?"""
    word = singular(_head_word(name))
    return word == head or head in gz.PUBLIC_BODY_ENDS and (word in gz.PUBLIC_BODY_ENDS or word in ("service", "bureau"))


def _head_word(name: str) -> str:
    """The noun a body's name is built on: its last word, or the last before "of" ("Society of Rail Operatives")."""
    words = name.lower().split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _holds(name: str, words: list[str]) -> bool:
    """Does an organisation's name hold these words ("defence ministry" in "Ministry of National Defence")?"""
    own = {singular(w) for w in re.findall(r"[\w-]+", name.lower())}
    countries = {gz.COUNTRY_ADJECTIVES.get(w, "").lower() for w in own} - {""}
    return all(singular(w) in own or gz.COUNTRY_ADJECTIVES.get(w, "-").lower() in own | countries for w in words)


def _organisation(mention: Mention) -> str:
    """The name of an organisation a mention spells out, or ""."""
    if mention.entity != ORG:
        return ""
    if mention.kind == "role":
        words = mention.text.split()
        return _role_name(mention.text) if any(capitalised(w) for w in words[1:]) else ""
    return strip_determiner(mention.name or mention.text)


@lru_cache(maxsize=4096)
def _org_words(name: str) -> frozenset[str]:
    """The words of an organisation's name, singular (cached: every lookup compares it with each organisation)."""
    words = re.findall(r"[\w&-]+", name.lower().replace("\u2019s", "").replace("'s", ""))
    return frozenset(singular(w) for w in words if w != "the")


@lru_cache(maxsize=8192)
def _name_forms(name: str) -> tuple[str, str, str, str]:
    """A name without determiner or possessive; its acronym key ("" unless in capitals); its only word in
    lower case ("" unless one word); and its lower case.  Cached: articles name the same sources again and again."""
    plain = POSSESSIVE.sub("", strip_determiner(name))
    compact = plain.replace(".", "").replace("&", "")
    words = plain.split()
    return plain, compact if compact.isupper() else "", words[0].lower() if len(words) == 1 else "", plain.lower()


def _list_name(names: list[str]) -> str:
    """ "A and B"; three or more as "A, B and C"; a member named twice ("its chairwoman, Winnie Odhiambo") once."""
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@lru_cache(maxsize=4096)
def _role_name(text: str) -> str:
    """A role as the article words it, without its article; "the Somali rebel movement" -> "rebel movement" (cached: roles recur)."""
    words = strip_determiner(text).split()
    if (
        len(words) > 2
        and words[0].lower() in gz.NATIONALITY_ADJECTIVES
        and capitalised(words[1])
        and words[1].lower() not in gz.INSTITUTION_WORDS
        and POSSESSIVE.sub("", f"{words[0]} {words[1]}").lower() not in gz.COUNTRY_NAMES  # "Saudi Arabia's foreign ministry"
    ):
        words = words[1:]
    if words and _common_opening(words[0]):
        words[0] = words[0].lower()  # "Officials said", "A neighbour said": the conventions' lower case, as mid-sentence
    return " ".join(words)


def _common_opening(word: str) -> bool:
    """A capitalised common word that opens an unnamed source only because it opens the sentence."""
    low = word.lower()
    return (
        word[:1].isupper()
        and (len(word) == 1 or word[1:].islower())
        and (singular(low) in PERSON_NOUNS or low in ORG_NOUNS or low in gz.MODIFIERS or low in _OPENING_WORDS)
    )


@lru_cache(maxsize=8192)
def _surname(name: str) -> str:
    """The last word in lower case (cached: every candidate speaker is asked whether it is a person)."""
    words = name.split()
    return words[-1].lower() if words else ""


def _before_preposition(words: list[str]) -> list[str]:
    """A role without whom it serves: "Peru's ambassador to the UN" -> "Peru's ambassador"."""
    cut = next((k for k, w in enumerate(words) if k > 0 and w.lower() in _SERVES), len(words))
    return words[:cut]


def _qualifies(asked: str, held: str) -> bool:
    """ "the medical director" is "the trust's medical director"; "the US envoy" is not the UK's."""
    return asked == held or set(asked.split()) <= set(held.split())


@lru_cache(maxsize=4096)
def _role_key(title: str) -> tuple[str, str]:
    """A role as (qualifier, core): "the UK Defence Secretary" is ("uk", "defence secretary").

    A role asked for without a qualifier matches any holder; with one
    ("the US defence secretary"), only a holder with the same qualifier.
    """
    words = _before_preposition([gz.TITLE_ABBREVIATIONS.get(w, w) for w in (w.lower() for w in re.findall(r"[\w-]+", title))])
    core = [w if w in _ROLE_KEY_NOUNS else singular(w) for w in words if (w in _ROLE_KEY_NOUNS or singular(w) in _ROLE_KEY_NOUNS) and w not in gz.HONORIFICS]
    qualifier = [
        w for w in words
        if w not in RUN_WORDS and w not in _ROLE_KEY_NOUNS and singular(w) not in _ROLE_KEY_NOUNS and w not in gz.FUNCTION_WORDS
    ]
    return " ".join(qualifier), " ".join(core)


_CAP_WORD = r"[A-Z][\w'\u2019-]*"
_CAP_RUN = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|and|the|for|on|de|&)\s+)*{_CAP_WORD})*")
_ACRONYM = re.compile(r"(?<![\w&])(?:[A-Z]\.){2,}|(?<![\w&.])[A-Z][A-Z&]{1,7}(?![\w&])")
# Where an acronym can start: a capital before a capital, "&" or ".".
_ACRONYM_START = re.compile(r"[A-Z](?=[A-Z.&])")
# The runs of two or more words: the runs `_CAP_RUN` finds, less the single words, which spell out nothing.
_CAP_RUNS_OF_WORDS = re.compile(rf"{_CAP_WORD}(?:\s+(?:(?:of|and|the|for|on|de|&)\s+)*{_CAP_WORD})+")
_GLOSS = re.compile(rf"({_CAP_RUN.pattern})\s*\(\s*((?:[A-Z]\.){{2,}}|[A-Z][A-Z&]{{1,7}})\s*\)")
# What every gloss ends with: `_glosses` tries the costly pattern only on the words before one.
_KNOWN_AS = re.compile(rf"((?:The )?{_CAP_RUN.pattern}),?\s+(?:also |commonly |widely )?known as (?:the )?([A-Z][A-Za-z]{{1,7}})\b")
_GLOSS_END = re.compile(r"\(\s*(?:(?:[A-Z]\.){2,}|[A-Z][A-Z&]{1,7})\s*\)")
_INNER_WORDS = frozenset("of and the for on de &".split())
# Up to the last character that cannot be part of a gloss's words (letters, digits, apostrophes, hyphens, spaces, "&").
_BEFORE_RUN = re.compile(r"(?s).*[^\w'\u2019\s&-]")


def _glosses(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_GLOSS.finditer(text)`, the costly pattern tried only on the words before each "(ACRONYM)".

    Capitalised words hold no "(", so a gloss ends at the first "(ACRONYM)"
    after its start, and starts after the last character no run can hold: on
    an article with a gloss, ten times less work than scanning all of it.
    """
    at = 0
    while (tail := _GLOSS_END.search(text, at)) is not None:
        before = _BEFORE_RUN.match(text, at, tail.start())
        gloss = _GLOSS.search(text, before.end() if before else at, tail.end())
        if gloss is None:
            at = tail.start() + 1
        else:
            yield gloss
            at = gloss.end()


@lru_cache(maxsize=8192)
def _spelled(word: str) -> bool:
    """Capitalised and not all capitals (cached: news repeats its words)."""
    return word[:1].isupper() and any(c.islower() for c in word)


def _acronyms(text: str) -> set[str]:
    """The acronyms of `text`: what `_ACRONYM.finditer` finds, tried only where one can start (several times faster)."""
    found: set[str] = set()
    end = 0
    for start in _ACRONYM_START.finditer(text):
        if start.start() >= end:
            m = _ACRONYM.match(text, start.start())
            if m:
                found.add(m.group())
                end = m.end()
    return found


def _acronym_expansions(text: str) -> dict[str, str]:
    """Acronyms the article spells out: "NTSB" -> "National Transportation Safety Board" (initials of the capitalised words)."""
    acronyms = sorted(_acronyms(text))
    # Only initials that begin an acronym of the article can grow into one: the rest are not followed.
    prefixes = {acronym.replace(".", "").replace("&", "")[:n] for acronym in acronyms for n in range(1, len(acronym) + 1)}
    candidates: dict[str, list[str]] = {}
    for run in _CAP_RUNS_OF_WORDS.finditer(text) if acronyms else ():
        words = run.group().split()
        for a, first in enumerate(words):
            if first[0] not in prefixes or not _spelled(first) or first in ("The", "A", "An"):  # cheapest test first
                continue
            initials = first[0]
            for b in range(a + 1, min(len(words), a + 8)):
                word = words[b]
                if word[:1].isupper():
                    if not _spelled(word):
                        break
                    initials += word[0]
                    if initials not in prefixes:
                        break
                if word in _INNER_WORDS:
                    continue
                candidates.setdefault(initials, []).append(POSSESSIVE.sub("", " ".join(words[a : b + 1])))
    glosses: dict[str, str] = {}
    for gloss in _glosses(text) if candidates else ():
        acronym = gloss.group(2).replace(".", "").replace("&", "")
        for option in candidates.get(acronym, []):
            if gloss.group(1).endswith(option):
                glosses.setdefault(acronym, option)  # "Food and Drug Administration (FDA)"
    expansions: dict[str, str] = {}
    for found in acronyms:
        acronym = found.replace(".", "").replace("&", "")
        if acronym in candidates and acronym not in expansions:
            options = Counter(candidates[acronym])
            expansions[acronym] = glosses.get(acronym) or max(options, key=lambda o: (options[o], len(o), o))
    if "known as" in text:  # "The Federal Office for the Protection of the Constitution, known as the BfV"
        for known in _KNOWN_AS.finditer(text):
            expansions.setdefault(known.group(2), strip_determiner(known.group(1)))
    return expansions


def _literal_trie(words: list[str]) -> str:
    """A regex for any of `words` that prefers the longest at a given start, as a character trie.

    Same matches as the alternation sorted longest first, but the engine
    rejects a position after one character instead of trying every word:
    a few times faster per article.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def regex(node: dict) -> str:
        branches = [re.escape(char) + regex(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return regex(trie)


# Without a lookbehind at its start the pattern lets the engine skip to the letters a form can start
# with; `_country_matches` checks the character before in Python (about twice as fast an article).
_COUNTRY_FORM_RX = re.compile(r"(?:" + _literal_trie([f for forms in gz.COUNTRY_FORMS.values() for f in forms]) + r")(?!\w)")


def _country_matches(text: str) -> Iterator[str]:
    """The country forms of `text` not preceded by a word character or a full stop: the matches of
    `(?<![\\w.])` followed by `_COUNTRY_FORM_RX`."""
    at = 0
    while (match := _COUNTRY_FORM_RX.search(text, at)) is not None:
        start = match.start()
        before = text[start - 1] if start else " "
        if before == "." or before == "_" or before.isalnum():  # what \w matches, or a full stop
            at = start + 1
        else:
            yield match.group()
            at = match.end()


def _country_forms(text: str) -> dict[str, str]:
    """Each country the article names -> the name to give it: its usual name if the article uses it, else the most used."""
    counts: dict[str, dict[str, int]] = {}
    for form in _country_matches(text):
        country = gz.COUNTRY_NAMES[form.lower()]
        forms = counts.setdefault(country, {})
        forms[form] = forms.get(form, 0) + 1
    return {
        country: country if country in forms else max(forms, key=lambda f: (forms[f], len(f), f))
        for country, forms in counts.items()
    }


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_HYPHENATED_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=8192)
def strip_determiner(text: str) -> str:
    """ "the UK government" is named "UK government" (cached: sources are named again and again)."""
    return _LEADING_THE.sub("", text.strip())


def is_person_role(mention: Mention) -> bool:
    """A role noun for a person ("the Defence Secretary", "the 28-year-old", "the German"), not an institution."""
    words = _HYPHENATED_WORD.findall(mention.text.lower())
    return bool(words) and (words[-1] in PERSON_NOUNS or bool(AGE.fullmatch(words[-1])) or _nationality_person(words))


def _nationality_person(words: Sequence[str]) -> bool:
    """ "the Spaniard", "the Norwegian" (lower-cased words): a nationality standing for one person."""
    return len(words) == 2 and words[0] == "the" and words[1] in gz.DEMONYMS
