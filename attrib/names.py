"""Mentions of possible sources, and the per-article table that names them.

A mention is any phrase that could be the source of a statement: a name
("Mr Healey", "Defence Secretary John Healey"), a pronoun ("he"), a role
noun ("the Defence Secretary", "a senior US official", "the pair"), a
place or institution used as a source ("the US", "South Korea's spy
agency"), or two of these joined by "and".  No list of known people is
involved: names are found by their shape and resolved within the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import chain

from attrib.lexicon import REPORTING_VERBS

_TOKEN = re.compile(r"\w+(?:[-\u2010\u2011'\u2019.]\w+)*|\S", re.UNICODE)

# Honorifics and job-title words that may precede a name ("Defence
# Secretary John Healey").  A capitalised run is split after its last one.
_TITLE_WORDS = frozenset(
    """mr mrs ms mx miss dr prof sir dame lord lady baroness baron earl duke
    king queen prince princess pope rev president vice prime minister
    secretary chancellor senator sen rep representative congressman
    congresswoman governor gov mayor general gen colonel col admiral adm
    commander major captain capt lieutenant lt sergeant sgt marshal chief
    spokesman spokeswoman spokesperson ambassador envoy deputy foreign
    defence defense home interior justice finance state press shadow
    former acting chairman chairwoman chair director judge justice
    attorney inspector commissioner speaker premier leader head counterpart
    maj brig cmdr supt insp det cpl pvt amb pres
    official spokesman minister""".split()
)
# Words after which a single capitalised word is a person, not a place.
_HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir dame lord lady baroness baron".split())
_PEERAGE = frozenset("lord lady baroness baron viscount earl".split())
_FEMALE = frozenset("mrs ms miss dame lady baroness queen princess".split())
_MALE = frozenset("mr sir lord baron king prince".split())
# Head nouns of institutions: a capitalised run containing one is not a person.
_INSTITUTION_WORDS = frozenset(
    """government office ministry service agency department council
    committee parliament commons house army navy forces force police court
    union nations party news group bank company corporation inc ltd
    university institute commission alliance administration assembly
    kremlin pentagon cabinet embassy senate congress network times post
    press agency tribune telegraph guardian economist zone association
    federation organisation organization foundation society board
    authority trust charity coalition league confederation chamber centre
    center club corp co plc llc fund programme program institution
    council unions commission airline airlines""".split()
)
# Role nouns that can stand for a source ("the pair", "officials").
_PERSON_ROLES = frozenset(
    """secretary minister official officials spokesman spokeswoman
    spokesperson diplomat diplomats president chief leader leaders pair
    crossbencher source sources officer officers commander ambassador
    envoy analyst analysts expert experts lawmaker lawmakers mp mps
    senator aide aides adviser advisers advisor advisors investigator
    investigators prosecutor prosecutors member members premier chancellor
    governor mayor general spokespeople representative representatives
    negotiator negotiators ministers counterpart witness witnesses resident
    residents engineer engineers doctor doctors nurse nurses scientist
    scientists researcher researchers economist economists lawyer lawyers
    teacher teachers worker workers employee employees executive
    executives manager managers founder owner farmer farmers firefighter
    firefighters soldier soldiers activist activists campaigner
    campaigners protester protesters organiser organizer organisers
    organizers observer observers survivor survivors relative relatives
    neighbour neighbour neighbors neighbours man woman men women
    chairman chairwoman director directors coach spokesmen
    officials""".split()
)
_INSTITUTION_ROLES = frozenset(
    """government agency office ministry administration authorities police
    military army service department kremlin pentagon embassy union
    unions association federation company firm council committee
    commission court regulator watchdog charity organisation
    organization group board agencies groups organisations organizations
    companies governments ministries charities authority""".split()
)
_JOINT_ROLES = frozenset("pair duo trio".split())
_ROLE_WORDS = _PERSON_ROLES | _INSTITUTION_ROLES
# Role nouns that are a source on their own, with no determiner or modifier.
_BARE_ROLES = frozenset("officials authorities sources diplomats investigators prosecutors".split())
# Lowercase words that may sit inside a title or role phrase.
_MODIFIERS = frozenset(
    """senior former top deputy acting intelligence military defence defense
    foreign security government police health state federal local western
    shadow spy press independent junior leading unnamed anonymous
    parliamentary transport education trade energy environment culture
    labour labor agriculture economy economic digital housing treasury
    communications industry science technology immigration climate
    finance health justice interior home cabinet opposition regional
    provincial city county municipal national international""".split()
)
_RUN_WORDS = _TITLE_WORDS | _ROLE_WORDS | _MODIFIERS
_DETERMINERS = frozenset("the a an".split())
_ADJECTIVE_ENDINGS = ("ean", "ian", "ese", "ish", "ican", "ern", "ch")
_ADJECTIVES = frozenset("german israeli iraqi thai greek saudi pakistani kuwaiti yemeni omani qatari".split())
_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s"}
# Capitalised words that start sentences or headlines but are not names.
_NOT_NAMES = frozenset(
    """the a an in on at to of for by from with as after before during
    when while but and or if it its this that these those there their his
    her he she they we i you our my your asked speaking read follow
    please keep install be credit comments however meanwhile also
    according last earlier later since despite although though until
    unlike like under over about into between among both either neither
    one two three some many most more much such what which who whom
    whose where why how all any each every no not yes so then than""".split()
)
# "Mr Lammy and his South Korean counterpart Cho Tae-yul"
_JOINER = re.compile(r",?\s+and\s+(?:(?:his|her|their)\s+(?:\w+\s+){0,4}?)?")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LINK_WORDS = frozenset("of de da van von bin al le la del der".split())


@dataclass(frozen=True)
class Mention:
    """A phrase that may name a source.

    `kind` is name, surname, pronoun, role, place or joint; `name` is the
    name part without titles ("John Healey"), `title` the title words
    before it ("Defence Secretary"); `parts` holds the members of a joint
    mention.
    """

    start: int
    end: int
    text: str
    kind: str
    name: str = ""
    title: str = ""
    gender: str = ""
    parts: tuple["Mention", ...] = ()


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower().rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() and any(c.isalpha() for c in self.text)


def find_mentions(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[Mention]:
    """Mentions in `text[start:end]`, skipping the `blocked` ranges (quotations)."""
    tokens: list[_Token] = []
    position = start
    for a, b in [*((a, b) for a, b in blocked if a < end and b > start), (end, end)]:
        # Quote marks are not word characters, so no token crosses a blocked range's edge.
        tokens.extend(_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, position, max(position, a)))
        position = max(position, b)
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found, i_next = _mention_at(text, tokens, i)
        if found is None:
            i += 1
            continue
        mentions.append(found)
        i = i_next
    return _join_pairs(text, tokens, _without_glosses(text, mentions))


def _without_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop an acronym glossing the mention before it: "the British Medical Association (BMA)"."""
    kept: list[Mention] = []
    for mention in mentions:
        prev = kept[-1] if kept else None
        if prev is not None and text[prev.end : mention.start].strip() == "(" and text[mention.end : mention.end + 1] == ")":
            continue
        kept.append(mention)
    return kept


def _mention_at(text: str, tokens: list[_Token], i: int) -> tuple[Mention | None, int]:
    tok = tokens[i]
    low = tok.lower
    if low in _PRONOUNS and (tok.text.islower() or i == 0 or not tokens[i - 1].text.isalnum()):
        return Mention(tok.start, tok.end, tok.text, "pronoun", gender=_PRONOUNS[low]), i + 1
    if low in _DETERMINERS:
        return _role_at(text, tokens, i) or (None, i + 1)
    if tok.capitalised or low in _RUN_WORDS:
        return _name_at(text, tokens, i)
    return None, i + 1


def _in_run(tokens: list[_Token], j: int, first: int) -> bool:
    tok = tokens[j]
    if tok.text == "." and j > first:
        # The stop of an abbreviation inside a name: "Maj. Gen. Pat Ryder", "U.S. officials", "John F. Kennedy".
        before = tokens[j - 1]
        abbreviated = before.lower in _TITLE_WORDS or "." in before.text or (len(before.text) == 1 and before.text.isupper())
        return abbreviated and tokens[j - 1].end == tok.start and j + 1 < len(tokens)
    if tok.capitalised:
        return j == first or tok.lower not in _NOT_NAMES
    if tok.lower in _LINK_WORDS:
        return j > first and j + 1 < len(tokens) and tokens[j + 1].capitalised
    return tok.lower in _RUN_WORDS


def _name_at(text: str, tokens: list[_Token], i: int) -> tuple[Mention | None, int]:
    """A run of capitalised and title words, split into title and name."""
    j = i
    while j < len(tokens) and _in_run(tokens, j, i):
        j += 1
    run = tokens[i:j]
    while run and run[0].lower in _NOT_NAMES:
        run = run[1:]
    while run and run[-1].lower in _LINK_WORDS:
        run = run[:-1]
    if not run:
        return None, max(j, i + 1)
    possessive = _possessive_role(text, tokens, j, run)
    if possessive is not None:
        return possessive
    words = [t.lower for t in run]
    last_title = max((k for k, w in enumerate(words) if w in _TITLE_WORDS or w in _PERSON_ROLES), default=-1)
    title_tokens, name_tokens = run[: last_title + 1], run[last_title + 1 :]
    while name_tokens and name_tokens[0].text == ".":  # "Dr. Jane Ode": the stop belongs to the title
        title_tokens, name_tokens = title_tokens + [name_tokens[0]], name_tokens[1:]
    if title_tokens and name_tokens and title_tokens[-1].lower in _PEERAGE:
        # Peers are known by their title: "Lord Stirrup", "Baroness Chapman of Darlington".
        title_tokens, name_tokens = title_tokens[:-1], [title_tokens[-1], *name_tokens]
    span_text = text[run[0].start : run[-1].end]
    gender = _gender(words)
    if not name_tokens:
        if words[-1] in _ROLE_WORDS and (len(run) > 1 or run[0].capitalised or words[-1] in _BARE_ROLES):
            return _with_place(text, tokens, j, Mention(run[0].start, run[-1].end, span_text, "role", title=span_text, gender=gender))
        return None, j
    if not all(t.capitalised or t.lower in _LINK_WORDS or t.text == "." for t in name_tokens):
        if words[-1] in _ROLE_WORDS:  # "South Korea's spy agency"
            return Mention(run[0].start, run[-1].end, span_text, "role", title=span_text, gender=gender), j
        return None, j
    name = _POSSESSIVE.sub("", text[name_tokens[0].start : name_tokens[-1].end])
    title = text[title_tokens[0].start : title_tokens[-1].end] if title_tokens else ""
    if _is_adjective(name_tokens, tokens, j) and not title_tokens:
        return None, j
    if any(t.lower in _INSTITUTION_WORDS for t in name_tokens) or (name.isupper() and not title_tokens):
        return Mention(run[0].start, run[-1].end, span_text, "place", name=span_text), j
    if len(name_tokens) == 1:
        kind = "surname" if title_tokens else "place"
        return Mention(run[0].start, run[-1].end, span_text, kind, name=name, title=title, gender=gender), j
    return Mention(run[0].start, run[-1].end, span_text, "name", name=name, title=title, gender=gender), j


def _is_adjective(name_tokens: list[_Token], tokens: list[_Token], j: int) -> bool:
    """ "North Korean troops": a nationality-shaped word before a common noun."""
    following = tokens[j] if j < len(tokens) else None
    last = name_tokens[-1].text
    shaped = last.endswith(_ADJECTIVE_ENDINGS) or last.lower() in _ADJECTIVES
    return shaped and following is not None and following.text.isalpha() and following.text.islower()


def _possessive_role(text: str, tokens: list[_Token], j: int, run: list[_Token]) -> tuple[Mention, int] | None:
    """ "South Korea's spy agency", "Ukraine's intelligence chief": a possessive place and a role."""
    last = run[-1].text
    if not (last.endswith("'s") or last.endswith("\u2019s")):
        return None
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].text.islower():
        if tokens[k].lower in _ROLE_WORDS:
            span = text[run[0].start : tokens[k].end]
            return Mention(run[0].start, tokens[k].end, span, "role", title=span), k + 1
        k += 1
    return None


def _role_at(text: str, tokens: list[_Token], i: int) -> tuple[Mention, int] | None:
    """A determiner and a noun phrase ending in a role noun: "the Defence Secretary", "a senior US official"."""
    for k in range(i + 1, min(i + 6, len(tokens))):
        word = tokens[k].lower
        if word in _ROLE_WORDS or word in _JOINT_ROLES:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.capitalised and nxt.lower not in _NOT_NAMES and word in _PERSON_ROLES:
                return None  # "the German defence minister Boris Pistorius": the name run takes it
            span = text[tokens[i].start : tokens[k].end]
            kind = "joint" if word in _JOINT_ROLES else "role"
            return _with_place(text, tokens, k + 1, Mention(tokens[i].start, tokens[k].end, span, kind, title=span))
        if not tokens[k].text.replace("-", "").isalpha() or word in _NOT_NAMES or word in REPORTING_VERBS:
            return None
    return None


def _with_place(text: str, tokens: list[_Token], j: int, role: Mention) -> tuple[Mention, int]:
    """ "Officials in Moscow", "a spokesperson for the UN Secretary-General": a role and whom it serves."""
    k = j + 1
    if k < len(tokens) and tokens[j].lower in ("in", "at", "for"):
        if tokens[k].lower == "the":
            k += 1
        end = k
        while end < len(tokens) and (
            tokens[end].capitalised or (end > k and (tokens[end].lower in _LINK_WORDS or tokens[end].lower in _RUN_WORDS))
        ):
            end += 1
        if end > k:
            span = text[role.start : tokens[end - 1].end]
            return Mention(role.start, tokens[end - 1].end, span, role.kind, title=span, gender=role.gender), end
    return role, j


def _join_pairs(text: str, tokens: list[_Token], mentions: list[Mention]) -> list[Mention]:
    """Merge "A and B" (and "A, B and C") into one joint mention."""
    out: list[Mention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if prev is not None and mention.kind != "pronoun" and prev.kind != "pronoun":
            between = text[prev.end : mention.start]
            joiner = _JOINER.fullmatch(between)
            if joiner and len(between) < 45:
                parts = (prev.parts or (prev,)) + (mention,)
                out[-1] = Mention(prev.start, mention.end, text[prev.start : mention.end], "joint", parts=parts)
                continue
        out.append(mention)
    return out


def _gender(words: list[str]) -> str:
    if any(w in _FEMALE for w in words):
        return "f"
    if any(w in _MALE for w in words):
        return "m"
    return ""


@dataclass
class NameTable:
    """Canonical names of one article.

    The guide names a person by the fullest form used anywhere in the
    article, so the table is built from every mention before any is
    resolved.  People are keyed by surname; titles are kept with their
    position so that "the Defence Secretary" finds the nearest person
    introduced with that role ("Defence Secretary John Healey",
    "John Healey, the UK Defence Secretary").
    """

    people: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    titles: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, mentions: list[Mention]) -> "NameTable":
        table = cls()
        flat = [p for m in mentions for p in (m.parts or (m,))]
        for mention in flat:
            if mention.kind == "name":
                table._add_person(mention)
        for mention in flat:
            key = _surname(mention.name)
            if mention.kind == "surname" and key not in table.aliases:
                table._add_person(mention)
        for left, right in zip(flat, flat[1:]):
            if _APPOSITION.fullmatch(text[left.end : right.start]):
                if left.kind in ("name", "surname") and right.kind == "role":
                    table._add_title(right.start, right.title, left)
                elif left.kind == "role" and right.kind in ("name", "surname"):
                    table._add_title(left.start, left.title, right)
        for holders in table.titles.values():
            holders.sort()
        return table

    def _add_person(self, mention: Mention) -> None:
        key = _surname(mention.name)
        if len(mention.name) > len(self.people.get(key, "")):
            self.people[key] = mention.name
        # Family name first ("Mr Cho" for Cho Tae-yul): earlier words of a full name find it too.
        for word in mention.name.split()[:-1]:
            if word[:1].isupper() and word.lower() not in _PEERAGE:
                self.aliases.setdefault(word.lower(), mention.name)
        if mention.gender:
            self.genders[key] = mention.gender
        if mention.title:
            self._add_title(mention.start, mention.title, mention)

    def _add_title(self, position: int, title: str, person: Mention) -> None:
        key = _role_key(title)
        if key[1]:
            qualifier, core = key
            self.titles.setdefault(core, []).append((position, qualifier, self.people.get(_surname(person.name), person.name)))

    def canonical(self, mention: Mention) -> str:
        """The name a mention stands for, when the mention alone decides it."""
        if mention.kind == "joint" and mention.parts:
            return " and ".join(self.canonical(p) for p in mention.parts)
        if mention.kind == "name":
            return mention.name
        if mention.kind in ("surname", "place"):
            key = _surname(mention.name)
            return self.people.get(key) or self.aliases.get(key) or mention.name
        if mention.kind == "role":
            return self.by_title(mention.title, mention.start) or strip_determiner(mention.text)
        return strip_determiner(mention.text)

    def by_title(self, title: str, position: int) -> str | None:
        """The person nearest before `position` (else the first after) holding this role."""
        qualifier, core = _role_key(title)
        holders = self.titles.get(core, [])
        start = bisect_left(holders, (position,))
        nearest_first = chain(range(start - 1, -1, -1), range(start, len(holders)))
        return next((holders[i][2] for i in nearest_first if qualifier in ("", holders[i][1])), None)

    def gender_of(self, canonical: str) -> str:
        return self.genders.get(_surname(canonical), "")

    def is_person(self, canonical: str) -> bool:
        return self.people.get(_surname(canonical)) == canonical


_APPOSITION = re.compile(r"\s*,\s*")


def _surname(name: str) -> str:
    words = name.split()
    return words[-1].lower() if words else ""


def _role_key(title: str) -> tuple[str, str]:
    """A role as (qualifier, core): "the UK Defence Secretary" is ("uk", "defence secretary").

    A role asked for without a qualifier matches any holder; with one
    ("the US defence secretary"), only a holder with the same qualifier.
    """
    words = [w.lower() for w in re.findall(r"[\w-]+", title)]
    core = [w for w in words if (w in _TITLE_WORDS or w in _ROLE_WORDS) and w not in _HONORIFICS]
    qualifier = [w for w in words if w not in _RUN_WORDS and w not in _DETERMINERS and w not in _NOT_NAMES]
    return " ".join(qualifier), " ".join(core)


def strip_determiner(text: str) -> str:
    """ "the UK government" is named "UK government"."""
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def is_person_role(mention: Mention) -> bool:
    """A role noun for a person ("the Defence Secretary"), not an institution."""
    words = re.findall(r"\w+", mention.text.lower())
    return bool(words) and words[-1] in _PERSON_ROLES
