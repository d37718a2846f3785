"""Attribution frames: which words report with each reporting cue.

News attributes speech in a few frames: a subject before its verb ("the
army said", "China on Friday (Nov 1) insisted"), an inverted verb ("said
the army"), "according to X", "X quoted Y as saying", "X reported, quoting
Y", "claims by X" and the headline "X slams Y".  Word positions, closed
word lists and punctuation find them; no parser is needed.

A cue in a clause opened by "after", "although", "which" ... is
subordinate: its source speaks only when the main clause reports nothing.
A negated cue ("did not respond", "has yet to confirm") reports nothing
said, and the subject of a passive cue ("the ambassador was informed")
is its audience, not its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from attrib.analysis import gazetteer as gz
from attrib.analysis.lexicon import ACT_VERBS, FINDING_VERBS, HEADLINE_VERBS, NOUN_LIKE_CUES, REPORTING_VERBS
from attrib.analysis.names import Mention
from attrib.analysis.prose import DOCUMENT, GROUP, ORG, PERSON, PERSON_NOUNS, singular

# An abbreviation ("U.S."), a word (with inner hyphens, apostrophes, stops, "&" or "/"), or one other mark.
# Every token starts at a non-space and "(?:\w\.){2,}" is "\w\.\w\.(?:\w\.)*": written so, with the
# lookahead first, the same tokens are found in three quarters of the time (measured).
_TOKEN = re.compile(r"(?=\S)(?:\w\.\w\.(?:\w\.)*|\w+(?:[-'\u2019.&/]\w+)*|[^\w\s])")
_LETTERS = re.compile(r"[A-Za-z]+")
_QUOTE = "\x00"
_BOUNDARIES = frozenset(",;:()[]\u2014\u2013-!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb" + _QUOTE)
# Words between a subject and its verb: auxiliaries and adverbs ("The military later denied").
_AUXILIARIES = frozenset(
    """has have had is was were will would shall should can could may might
    must did does do been be being am are also further still already just
    again once first previously recently then now even too only never not
    reportedly all both each later earlier afterwards""".split()
)
_NEGATIONS = frozenset("not never no without neither nor yet failed fail fails".split())
_REFUSING = frozenset("will would won't wouldn't".split())
# Verbs of judging: "does not believe" states a view, it does not withhold one.
_JUDGING = frozenset("believe believes believed think thinks thought expect expects expected agree agrees agreed".split())
# A parenthetical word between commas: "Officials, however, have rebutted ...".
_PARENTHETICAL = frozenset("however though meanwhile moreover instead nonetheless nevertheless therefore too also".split())
# Time phrases between a subject and its verb: "on Friday (Nov 1)", "earlier in the day", "for the first time".
_TIME = (
    frozenset(
        """day days week weeks month months year years morning afternoon evening
        night tonight today yesterday time weekend hours minutes""".split()
    )
    | gz.WEEKDAYS
    | gz.MONTHS
    | gz.MONTH_ABBREVIATIONS
)
# Words that open a time phrase: skipped only once a time word after them was.
_TIME_LINKS = frozenset("on in at for during this last next past the a earlier later late early same local first".split())
_TIME_PHRASE = _TIME | _TIME_LINKS
_SUBORDINATORS = frozenset(
    """after before when whenever while although though as since because if
    unless whereas until which who whom whose where what how why
    whether""".split()
)
# Verbs that can report nothing: "The envoy spoke after Canada alleged ...".
_CONTENTLESS = frozenset(
    """speak speaks spoke spoken speaking comment commented commenting respond
    responds responded responding agree agrees agreed agreeing""".split()
)
# Words that open an apposition or a parenthetical clause after a subject.
_APPOSITION_OPENERS = frozenset(
    """a an the another his her its their who which whose citing speaking
    one both many some most several all none each""".split()
)
# A mention after one of these is its object, not a subject: "flew to New York hours later accusing".
_PREPOSITIONS = frozenset("to from in at of for with by on into onto over against about than via".split())
# Where people are: "witnesses at the scene", "residents of the town", "protesters outside the embassy".
_WHERE = frozenset("at in of from near outside inside on".split())
_BE = frozenset("is are was were be been being".split())
# What ties an unnamed source to what it knows: "people familiar with the matter", "a source close to the talks".
_KNOWING = frozenset(("familiar with", "close to", "briefed on", "knowledge of", "involved in", "privy to", "knowledgeable about"))
# "is said to have", "the weapon believed to be used": a participle before "to" reports no one.
_HEARSAY = frozenset("said believed thought reported alleged expected understood rumoured rumored".split())
# A statement's document speaks for whoever issued it; the mention finder resolves those.
_DOCUMENTS = frozenset("statement report article story email letter release filing memo document study".split())
_DETERMINERS = frozenset("the a an its his her their our this that these those".split())
# Words after which a cue form that is as often a noun is one: "after reports of a fight", "amid claims".
_NOUN_LEADS = frozenset("after amid amidst despite following".split())
_RECALL = frozenset("recall recalls recalled recalling".split())
_ROUGHLY = frozenset("about around nearly almost some roughly over more than up to".split())
# Who rules rather than says: a ruling is narrated, not quoted (the development set's conventions).
_ACTS_AND_FINDINGS = ACT_VERBS | FINDING_VERBS
_COURTS = frozenset("jury juror judge court tribunal magistrate justice".split())
# Adverbs with no "-ly" that stand between "was" and its participle: "was first reported", "were also told".
_BETWEEN_BE_AND_PARTICIPLE = frozenset("also not never later then first since already just now still once".split())
_FUNCTION_WORDS = (
    _AUXILIARIES
    | _SUBORDINATORS
    | _PREPOSITIONS
    | frozenset("and or but nor that there here it he she they we i you him them us me who".split())
)
# Words that end the noun phrase after "according to".
_PHRASE_ENDS = _SUBORDINATORS | {"that"}
# Words that open what a verb reports ("video claims to show", "says that", "warns the"): after them it is no noun.
_CLAUSE_OPENERS = _DETERMINERS | frozenset("that to it he she they we i".split())
_QUOTING = frozenset("quote quotes quoted quoting cite cites cited citing".split())
_IRREGULAR_PARTICIPLES = frozenset("told said written shown given spoken heard known seen taught".split())
# Verbs that take an object before their preposition: right after them the preposition makes the
# verb passive ("accused of", "blamed for", "criticised for").
_PASSIVE_PREPOSITIONS = {
    "accused": "of", "blamed": "for", "criticised": "for", "criticized": "for", "condemned": "for", "praised": "for", "slammed": "for",
}
# Words after a closing "..., they said" ("on Thursday", "in a statement"), and its verbs.
_CLOSING_WORDS = 6
_CLOSING_VERBS = frozenset("said says added told wrote noted".split())
# Nouns for what a source said, which a clause after a comma can describe ("..., a claim officials rejected").
_CLAIM_NOUNS = frozenset("allegation allegations claim claims accusation accusations charge charges assertion suggestion".split())
# The head of an unnamed source after an inverted verb: "said two people familiar with the matter".
_UNNAMED_PEOPLE = frozenset("people person persons source sources".split())
# Pronouns after "according to", with the gender a pronoun mention records.
_OBJECT_PRONOUNS = {"him": "m", "her": "f", "them": "p"}
_FRAME_RANK = {"quoting": 0, "subject": 1, "inverted": 1, "headline": 1, "according": 2, "by": 3, "opening": 4}


# Slots, not frozen: built as fast as a tuple (see segmentation.Span).
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """A reporting cue and, when a frame names it, the mention that reports with it.

    `frame` says how `source` was found (subject, inverted, headline,
    according, quoting, by, opening; "noun" for "the claims", which has
    none); `subordinate`, `negated` and `passive` describe the cue's
    clause, `content` that a "that" clause or a colon follows it, `closing`
    that it and its source close the sentence after a comma ("..., they said")
    or, for a person, open it before one ("According to him, ..."): either
    way the source reports the whole sentence.
    """

    start: int
    end: int
    text: str
    source: Mention | None = None
    frame: str = ""
    subordinate: bool = False
    negated: bool = False
    passive: bool = False
    content: bool = False
    closing: bool = False

    @property
    def verb(self) -> str:
        """The cue's first word in lower case ("told" of "told reporters"); empty for a headline colon."""
        return self.text.split()[0].lower() if self.text.strip() else ""

    @property
    def empty(self) -> bool:
        """A verb that can report nothing, with nothing after it: "responded to the claims", "spoke to reporters"."""
        return self.verb in _CONTENTLESS and not self.content

    @property
    def reports(self) -> bool:
        """A cue that reports something said: not negated, and not a passive with neither source nor content.

        "The envoy was informed that ..." reports a statement whose source the
        story gives elsewhere; "Police were called to the scene" and "the
        claims" report none.
        """
        heard = self.passive and self.source is None and not self.content
        return not self.negated and not heard and self.frame != "noun"


_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group


class _Sentence:
    """The words of a sentence outside quotations, with its mentions placed on them.

    Word `i` is `texts[i]` ("Said"), `words[i]` ("said") at `starts[i]`:`ends[i]`.
    Parallel lists filled by C-level maps over the regex matches: building
    them takes half the time of a tuple per word, and most of what is left
    is the regex itself.
    """

    def __init__(self, text: str, start: int, end: int, mentions: tuple[Mention, ...], blocked: list[tuple[int, int]]) -> None:
        self.text = text
        matches: list[re.Match[str]] = []
        quotes: list[tuple[int, int, int]] = []  # (token index, start, end) of each blocked range
        position = start
        inside = sorted((max(a, start), min(b, end)) for a, b in blocked if a < end and b > start) if blocked else []
        for a, b in inside:
            matches += _TOKEN.finditer(text, position, max(position, a))
            if b > a:
                quotes.append((len(matches) + len(quotes), a, b))
            position = max(position, b)
        matches += _TOKEN.finditer(text, position, end)
        self.starts = [*map(_START, matches)]
        self.ends = [*map(_END, matches)]
        self.texts = [*map(_GROUP, matches)]
        for i, a, b in quotes:
            self.starts.insert(i, a)
            self.ends.insert(i, b)
            self.texts.insert(i, _QUOTE)
        self.words = [*map(str.lower, self.texts)]
        self.size = len(self.words)
        self.mentions = mentions
        self.ending: dict[int, Mention] = {}
        self.starting: dict[int, Mention] = {}
        for mention in mentions:
            first, last = self.index(mention.start), self.index(mention.end) - 1
            if 0 <= first <= last:
                self.ending[last] = mention
                self.starting[first] = mention

    def index(self, offset: int) -> int:
        """The first token starting at or after `offset`."""
        return bisect_left(self.starts, offset)

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < self.size else ""

    def boundary(self, i: int) -> bool:
        return i < 0 or i >= self.size or self.texts[i] in _BOUNDARIES

    def mention_start(self, mention: Mention) -> int:
        return self.index(mention.start)


def annotate(
    text: str,
    start: int,
    end: int,
    raw: list[tuple[int, int, str]],
    mentions: tuple[Mention, ...],
    blocked: list[tuple[int, int]],
    headline: bool,
) -> tuple[Cue, ...]:
    """Cues of one sentence, in order, each with its frame; `raw` holds (start, end, text) in article offsets."""
    if not raw:
        return ()  # most sentences have no cue: their words need not be read again
    sentence = _Sentence(text, start, end, mentions, blocked)
    cues: list[Cue] = []
    for cue_start, cue_end, cue_text in raw:
        first, last = sentence.index(cue_start), sentence.index(cue_end) - 1
        cues.append(_frame(sentence, first, last, cue_start, cue_end, cue_text, cues, headline))
    return tuple(cues)


def main_cue(cues: tuple[Cue, ...]) -> Cue | None:
    """The cue whose source is the sentence's source, when a frame names one.

    The main clause wins over a subordinate one ("After Manila accused ...,
    China said"), except when its verb reports nothing ("X spoke after Y
    alleged that ..."); "quoting Y" names the one quoted; "according to"
    and "claims by" yield to a verb with its own subject (so a news agency
    that only relays a statement is not its source), a finite verb to a
    participle ("..., with Hamas insisting ..., while Israel says").  A verb
    that as often names an act, or a finding, yields to both ("Chelsea have
    agreed a fee, according to people familiar with the deal"; "X called for
    calm, Y said"; "The inquiry found no wrongdoing, the ministry said").
    """
    framed = [c for c in cues if c.source is not None and c.reports]
    if len(framed) < 2:
        return framed[0] if framed else None
    subordinate_content = any(c.subordinate and c.verb not in _CONTENTLESS for c in framed)
    # "The two leaders spoke by phone, according to a White House readout": "according to" reports what was said.
    sourced = any(c.frame == "according" for c in framed)

    def rank(cue: Cue) -> tuple[int, int, bool, int]:
        empty = cue.verb in _CONTENTLESS and (subordinate_content or sourced and not cue.content)
        # "... after the government said X, and follows claims by Ukraine": a noun's source ranks with a subordinate verb's.
        noun = cue.frame == "by" and not cue.passive
        clause = 2 if empty else int(cue.subordinate or noun)
        act = 2 if (cue.verb in ACT_VERBS or cue.verb in FINDING_VERBS) and cue.frame in ("subject", "inverted") else 0
        # "Nissan rejected the idea, they said": the closing source reports the whole sentence.
        clause = -1 if cue.closing and not cue.subordinate else clause
        # "China opposes sanctions: FM spokesperson": the source after a headline's colon reports all of it.
        frame = -1 if cue.frame == "headline" and not cue.verb else _FRAME_RANK[cue.frame]
        return (clause, frame + act, cue.verb.endswith("ing"), cue.start)

    return min(framed, key=rank)


def _frame(
    sentence: _Sentence, first: int, last: int, start: int, end: int, text: str, earlier: list[Cue], headline: bool
) -> Cue:
    words = text.lower().split()
    subordinate = _subordinate(sentence, first, earlier)
    negated = _negated(sentence, first)
    passive = _passive(sentence, first, words)
    source, frame = _source(sentence, first, last, words, earlier, passive, headline)
    if frame == "subject" and source is not None and words[0].endswith("ing") and sentence.index(source.end) == first:
        subordinate = True  # "a lawsuit claiming that ...": a participle right after its noun describes it
    content = sentence.word(last + 1) in ("that", ":")
    closing = source is not None and (_closes(sentence, first, last, source, frame) or _opens(sentence, first, source, frame))
    return Cue(start, end, text, source, frame, subordinate, negated, passive, content, closing)


def _opens(sentence: _Sentence, first: int, source: Mention, frame: str) -> bool:
    """ "According to him, Moscow maintains ...", "According to the minister, ...": a person named before the
    sentence's comma reports all of it; an outlet or a document there only relays (the conventions)."""
    k = 0
    while sentence.word(k) in ("but", "and"):
        k += 1
    return frame == "according" and first == k and source.entity == PERSON


def _closes(sentence: _Sentence, first: int, last: int, source: Mention, frame: str) -> bool:
    """ "Nissan rejected the idea, they said.", "..., said the army on Monday.": a source and its
    saying verb after a comma, with at most a few words after them."""
    if sentence.word(first) not in _CLOSING_VERBS:
        return False  # a plain verb of saying, not "..., expels two diplomats"
    if frame == "subject" and sentence.index(source.end) == first:
        opening, end = sentence.mention_start(source), last
    elif frame == "inverted":
        opening, end = first, sentence.index(source.end) - 1
    else:
        return False  # "he criticised China and said ...": a verb that shares its subject opens nothing
    if opening < 2 or sentence.word(opening - 1) != ",":
        return False
    return sum(1 for k in range(end + 1, sentence.size) if sentence.word(k)[:1].isalnum()) <= _CLOSING_WORDS


def _source(
    sentence: _Sentence, first: int, last: int, words: list[str], earlier: list[Cue], passive: bool, headline: bool
) -> tuple[Mention | None, str]:
    if words == ["according", "to"]:
        return _according(sentence, last + 1)
    if words[0] in _QUOTING and words[-2:] == ["as", "saying"] and len(words) > 3:  # "quoted a witness as saying"
        inside = next((m for i, m in sentence.starting.items() if first < i <= last), None)
        if inside is not None:
            return inside, "quoting"
    if words == ["quoting"]:
        after = sentence.starting.get(last + 1)
        return (after, "quoting") if after is not None else (None, "")
    if words == ["citing"]:
        return None, ""
    if sentence.word(last + 1) == "by":
        agent = sentence.starting.get(last + 2)
        if agent is None and sentence.word(last + 2) == "the":
            agent = sentence.starting.get(last + 3)  # "by the Nordic Times": the mention may leave out "the"
        if agent is not None:
            return agent, "by"
    if sentence.word(first - 1) in _DETERMINERS:
        return None, "noun"  # "the claims", "its statement": a thing said, with no one saying it here
    if words[0].endswith("ed") and len(words) == 1 and sentence.word(first - 1) in gz.DOCUMENT_NOUNS:
        return None, "noun"  # "In a filing posted on its website, ...": the participle describes the document
    if (
        sentence.word(first - 2) in _DETERMINERS
        and (sentence.word(first - 1).isdigit() or "-" in sentence.word(first - 1))
        and first - 1 not in sentence.ending
    ):
        return None, "noun"  # "since a 2019 dispute", "the long-running dispute"; not "The 52-year-old told"
    if words[0] in NOUN_LIKE_CUES and (sentence.word(first - 1) in _PREPOSITIONS or sentence.word(first - 1) in _NOUN_LEADS):
        return None, "noun"  # "after reports of a fight", "amid claims that ..."
    if words[-2:] == ["to", "comment"] and not (sentence.word(last + 1) in ("on", "about") and sentence.word(last + 2) in ("whether", "if")):
        return None, "noun"  # "NATO declined to comment.": what a source did not say is the writer's remark
    if sentence.word(first - 1) == "worth" or sentence.word(first - 2) == "pertinent":
        return None, "noun"  # "It is pertinent to mention here that ...", "it is worth noting": the writer's aside
    if words[0] in _RECALL and _counted(sentence, last + 1):
        return None, "noun"  # "the company recalled 210,000 pickups": a product recall, not a memory
    if words[0] in HEADLINE_VERBS and words[0] not in REPORTING_VERBS and sentence.word(first - 1) in _PREPOSITIONS:
        return None, "noun"  # "Leader arrested ahead of protests": a headline's verb form after a preposition is a noun
    before = sentence.texts[first - 1] if first > 0 else ""
    if words[0] in NOUN_LIKE_CUES and last == first and before.islower() and first - 1 not in sentence.ending and _nounish(before):
        if sentence.word(last + 1) not in _CLAUSE_OPENERS:
            return None, "noun"  # "member states next week", "adverse-event reports received": a noun after a noun
    if passive:
        return None, ""
    if words[0] in ("at", "during") and sentence.word(first - 1) in ("remarks", "comments", "statement"):
        return None, "noun"  # "Wang made the remarks at a press briefing": where, not what, was said
    subject = _subject_before(sentence, first, earlier)
    if subject is not None and words[0] in _ACTS_AND_FINDINGS and _court(subject):
        return None, "noun"  # "A jury ordered the firm to pay", "The judge found that ...": a ruling, a narrated act
    if subject is not None:
        subject = _listed(sentence, subject, headline)
        if headline and sentence.mention_start(subject) <= 1:
            return subject, "headline"
        return subject, "subject"
    if words[0].endswith("ing") and sentence.boundary(first - 1):
        # ", saying ...", ", adding ...": the participle shares the subject of the clause it follows,
        # or describes the source just before its comma ("claims by sources, speaking to CNN, that").
        shared = _coordinated(sentence, first, earlier) or _before_comma(sentence, first - 1)
        if shared is not None:
            return shared, "subject"
    elif (words[0] in REPORTING_VERBS or words[0] in HEADLINE_VERBS) and sentence.boundary(first - 1):
        after = sentence.starting.get(last + 1)
        if after is not None and after.kind != "pronoun" and _ends_clause(sentence, sentence.index(after.end)):
            return after, "inverted"
        if after is None and not _UNNAMED_PEOPLE.isdisjoint(sentence.words[last + 1 : last + 4]):
            # "..., said two people familiar with the matter", "..., said the people, who asked not to be
            # identified": unnamed people no mention covers, in the article's words.
            people, _ = _according(sentence, last + 1)
            if people is not None:
                return people, "inverted"
    opening = _opening(sentence) if words[0] not in NOUN_LIKE_CUES else None
    if opening is not None and sentence.mention_start(opening) < first and not _subordinate(sentence, first, earlier):
        return opening, "opening"
    return None, ""


def _ends_clause(sentence: _Sentence, i: int) -> bool:
    """ "..., said the governor." / "..., said the governor on Monday": nothing but the end, a date or a relative clause follows.

    "..., said Germany was ready" makes "Germany" the start of what was said, not its source.
    """
    word = sentence.word(i)
    return sentence.boundary(i) or word in _TIME_PHRASE or word in (".", "who", "which", "whose", "in", "at", "during", "after", "before")


def _before_comma(sentence: _Sentence, comma: int) -> Mention | None:
    """The source just before a comma, for a participle after it; a place there is an object ("in the region, warning"),
    and so is any mention after a preposition but "by" ("a lawsuit against Halcyon Pictures, alleging")."""
    mention = sentence.ending.get(comma - 1) if sentence.word(comma) == "," else None
    if mention is None or mention.entity == "place" or not _may_speak(mention):
        return None
    before = sentence.word(sentence.mention_start(mention) - 1)
    return None if before in _PREPOSITIONS and before != "by" else mention


def _opening(sentence: _Sentence) -> Mention | None:
    """The mention that opens the sentence ("And he ..."): the main clause's subject when no nearer one is found."""
    k = 0
    while sentence.word(k) in ("and", "but", "so", "meanwhile", "however", "also"):
        k += 1
    mention = sentence.starting.get(k)
    if mention is None and sentence.word(k) == "the":
        mention = sentence.starting.get(k + 1)  # "The FIA defended ...": the name's mention leaves out "the"
    # "It comes a day after ...": a sentence-initial "it" is seldom a source far from its verb.
    expletive = mention is not None and mention.kind == "pronoun" and mention.gender == "n"
    return mention if mention is not None and _may_speak(mention) and not expletive else None


def _listed(sentence: _Sentence, subject: Mention, headline: bool) -> Mention:
    """ "Britain, France, Germany condemn ...": a comma list of sources is one joint source.

    Three or more members, or two in a headline, opening the sentence, so that
    "In Moscow, Putin said" stays Putin.
    """
    members = [subject]
    k = sentence.mention_start(subject) - 1
    while sentence.word(k) == "," and k - 1 in sentence.ending and sentence.ending[k - 1].kind != "pronoun":
        members.insert(0, sentence.ending[k - 1])
        k = sentence.mention_start(members[0]) - 1
    if k >= 0 or len(members) < (2 if headline else 3):
        return subject
    parts = tuple(p for m in members for p in (m.parts or (m,)))
    first, last = members[0], members[-1]
    return Mention(first.start, last.end, sentence.text[first.start : last.end], "joint", parts=parts)


def _according(sentence: _Sentence, i: int) -> tuple[Mention | None, str]:
    """The noun phrase after "according to": its first mention, or its own words when none is recognised
    or the phrase says what an unnamed source knows."""
    j = i
    while j < sentence.size and sentence.word(j)[:1].isalnum() and sentence.word(j) not in _PHRASE_ENDS:
        j += 1
    if j == i:
        return None, ""
    if j == i + 1 and sentence.word(i) in _OBJECT_PRONOUNS:
        # "According to him, Moscow maintains contacts": the person the pronoun points to.
        gender = _OBJECT_PRONOUNS[sentence.word(i)]
        return Mention(sentence.starts[i], sentence.ends[i], sentence.texts[i], "pronoun", gender=gender, entity=PERSON), "according"
    # "according to two people familiar with the findings": the whole phrase, as news words it.
    knowing = any(f"{sentence.word(k)} {sentence.word(k + 1)}" in _KNOWING for k in range(i, j - 1))
    inside = next((sentence.starting[k] for k in range(i, j) if k in sentence.starting), None)
    if inside is not None and not knowing:
        return _issuer(sentence, inside) or inside, "according"
    while j - 1 > i and (sentence.word(j - 1) in _TIME_PHRASE or sentence.word(j - 1).isdigit()):
        j -= 1
    first, last = sentence.starts[i], sentence.ends[j - 1]
    words = sentence.text[first:last]
    return Mention(first, last, words, "role", title=words), "according"


def _issuer(sentence: _Sentence, document: Mention) -> Mention | None:
    """ "a statement from the Football Association", "a report by Reuters": who issued a document."""
    if document.entity != DOCUMENT:
        return None
    k = sentence.index(document.end)
    if sentence.word(k) == "issued":
        k += 1
    if sentence.word(k) not in ("from", "by"):
        return None
    k += sentence.word(k + 1) == "the"
    issuer = sentence.starting.get(k + 1)
    return issuer if issuer is not None and issuer.entity in (ORG, PERSON, "") and _may_speak(issuer) else None


def _counted(sentence: _Sentence, k: int) -> bool:
    """Does a number follow, perhaps after "about" or "more than"?"""
    while sentence.word(k) in _ROUGHLY:
        k += 1
    return sentence.word(k)[:1].isdigit()


def _court(mention: Mention) -> bool:
    return mention.kind == "role" and singular(mention.text.split()[-1].lower()) in _COURTS


def _subject_before(sentence: _Sentence, i: int, earlier: list[Cue]) -> Mention | None:
    """The mention just before token `i`, across auxiliaries, adverbs, time phrases, parentheses and appositions."""
    j = i - 1
    dated = False
    while j >= 0:
        mention = sentence.ending.get(j)
        if mention is not None:
            who = _relative_antecedent(sentence, sentence.mention_start(mention))
            if who is not None:
                return who
            if _may_speak(mention):
                knowing = _knowing_source(sentence, sentence.mention_start(mention), j)  # "sources close to Ana Ruiz said"
                if knowing is not None:
                    return knowing
                there = _people_there(sentence, sentence.mention_start(mention), mention.end)  # "Protesters outside the embassy said"
                if there is not None:
                    return there
                # "flew to New York hours later accusing": past a time phrase, an object of a preposition is no subject.
                return None if dated and sentence.word(sentence.mention_start(mention) - 1) in _PREPOSITIONS else mention
            j = sentence.mention_start(mention) - 1
            dated = True
            continue
        word = sentence.word(j)
        if word in _AUXILIARIES or word.endswith("n't") or _is_adverb(sentence.texts[j]):
            j -= 1
        elif word == "." and j - 1 in sentence.ending:
            j -= 1  # "Corvane Technologies Inc. said": the stop of an abbreviation ending a name
        elif word in _TIME or word.isdigit():
            j -= 1
            dated = True
        elif word in _TIME_LINKS and dated:
            j -= 1
        elif word == "since" and _adverbial_since(sentence, j):
            j -= 1
        elif word == ")":
            j = _matching_open(sentence, j) - 1
        elif word == ",":
            return _apposition(sentence, j, earlier)
        elif word in ("and", "but"):
            return _coordinated(sentence, j, earlier)
        else:
            located = _located(sentence, j)
            if located is not None:
                return located
            return None if sentence.word(i) in NOUN_LIKE_CUES else _phrase_before(sentence, j)
    return None


def _relative_antecedent(sentence: _Sentence, start: int) -> Mention | None:
    """ "A researcher who has reviewed samples of the stolen data told": the mention before token
    `start` sits in a relative clause (no comma) of the source before "who"."""
    for k in range(start - 1, max(start - 12, 0), -1):
        if sentence.boundary(k):
            return None
        if sentence.word(k) == "who":
            source = sentence.ending.get(k - 1)
            return source if source is not None and source.kind != "pronoun" and _may_speak(source) else None
    return None


def _located(sentence: _Sentence, j: int) -> Mention | None:
    """ "Researchers at the Halvorsen Institute in London found": a source, then where it is (a
    preposition and up to three capitalised words ending at token `j`), then its verb."""
    k = j
    while k > max(j - 3, 0) and sentence.texts[k][:1].isupper() and sentence.ending.get(k) is None:
        k -= 1
    if k == j or sentence.word(k) not in _WHERE:
        return None
    source = sentence.ending.get(k - 1)
    return source if source is not None and source.kind != "pronoun" and _may_speak(source) else None


def _phrase_before(sentence: _Sentence, j: int) -> Mention | None:
    """A subject noun phrase no mention covers: "the coast guard said", "The Ministry of National Defence condemned".

    Reads back from token `j` over at most six nouns, adjectives and "of",
    to a determiner, a mention it extends, or the start of the clause; any
    other word (a verb, a preposition, a pronoun) means `j` is no subject.
    """
    if not _nounish(sentence.texts[j]) or sentence.word(j) in _DOCUMENTS:
        return None
    k = j
    while k > j - 6:
        k -= 1
        if k < 0 or sentence.boundary(k):
            start = k + 1
            break
        word = sentence.word(k)
        if k in sentence.ending:
            start = sentence.mention_start(sentence.ending[k])
            break
        if word in _DETERMINERS:
            start = k
            break
        if word != "of" and not _nounish(sentence.texts[k]):
            return None
    else:
        return None
    if j - start > 3 and sentence.word(start) not in _DETERMINERS and start not in sentence.starting:
        return None
    if start > 0 and sentence.word(start - 1) in _PREPOSITIONS and (start == 1 or sentence.boundary(start - 2)):
        return None  # "In a video posted online, he said": a clause's opening phrase is no subject
    if start > 0 and sentence.texts[start - 1].islower() and sentence.word(start - 1).endswith("ed"):
        return None  # "The FIA defended the decision in a statement": the object of a verb in the past
    knowing = _knowing_source(sentence, start, j)
    if knowing is not None:
        return knowing
    first, last = sentence.starts[start], sentence.ends[j]
    there = _people_there(sentence, start, last)
    if there is not None:
        return there
    words = sentence.text[first:last]
    phrase = Mention(first, last, words, "role", title=words)
    partner = sentence.ending.get(start - 2) if sentence.word(start - 1) == "and" else None
    if partner is None or partner.kind == "pronoun":
        return phrase
    # "A union official and the group's TV station said": one joint source.
    joint = sentence.text[partner.start : last]
    return Mention(partner.start, last, joint, "joint", parts=(*(partner.parts or (partner,)), phrase))


def _knowing_source(sentence: _Sentence, start: int, j: int) -> Mention | None:
    """ "Officials familiar with the matter said", "sources close to the talks said": the phrase at
    tokens[start..j] is what an unnamed source knows, not the source; the source is the noun phrase
    before it, and keeps all its words, as news writes it."""
    if sentence.word(start - 1) in _DETERMINERS:
        start -= 1  # "close to the Kremlin", where the mention is "Kremlin"
    k = start - 2  # the adjective or noun before the preposition
    if f"{sentence.word(k)} {sentence.word(k + 1)}" not in _KNOWING:
        return None
    if sentence.word(k) == "knowledge" and sentence.word(k - 1) == "with":
        k -= 1  # "officials with knowledge of the plan"
    if k < 1:
        return None
    source = sentence.ending.get(k - 1) or _phrase_before(sentence, k - 1)
    if source is None or source.kind == "pronoun":
        return None
    last = sentence.ends[j]
    words = sentence.text[source.start : last]
    entity = source.entity if source.kind in ("role", "joint") else ""  # a lone capitalised "People" is no place
    return Mention(source.start, last, words, "role", title=words, entity=entity)


def _people_there(sentence: _Sentence, start: int, last: int) -> Mention | None:
    """ "Witnesses at the scene said", "Residents of the town said": the phrase at tokens[start:] is where
    the people before it are, and they speak; the phrase runs to character `last`."""
    if sentence.word(start - 1) not in _WHERE:
        return None
    people = sentence.ending.get(start - 2)
    if people is not None:
        if people.kind != "role" or people.entity not in (PERSON, GROUP) or not _may_speak(people):
            return None
        first, entity = people.start, people.entity
    else:
        word = sentence.word(start - 2)
        if not (word.endswith("s") and singular(word) in PERSON_NOUNS and (start == 2 or sentence.boundary(start - 3))):
            return None
        first, entity = sentence.starts[start - 2], PERSON
    span = sentence.text[first:last]
    return Mention(first, last, span, "role", title=span, entity=entity)


def _nounish(word: str) -> bool:
    """A word that may sit in a noun phrase: not a verb form, function word or adverb."""
    low = word.lower()
    return (
        word.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()
        and low not in _FUNCTION_WORDS
        and low not in REPORTING_VERBS
        and not (word.islower() and low.endswith("ed"))
        and not _is_adverb(word)
    )


def _matching_open(sentence: _Sentence, j: int) -> int:
    depth = 0
    for k in range(j, -1, -1):
        if sentence.texts[k] == ")":
            depth += 1
        elif sentence.texts[k] == "(":
            depth -= 1
            if depth == 0:
                return k
    return -1


def _apposition(sentence: _Sentence, comma: int, earlier: list[Cue]) -> Mention | None:
    """ "Blue Ridge, a local charity, said": the subject before an apposition or a relative clause.

    When the apposition is itself a name ("Ukraine's intelligence chief,
    Kyrylo Budanov, told"), the name is the subject.  Words between the
    commas that hold a reporting verb of their own are a clause, not an
    apposition.
    """
    for k in range(comma - 1, max(comma - 30, -1), -1):
        if sentence.word(k) != ",":
            if sentence.boundary(k) or any(sentence.index(cue.start) == k for cue in earlier):
                return None
            continue
        if k + 2 == comma and (sentence.word(k + 1) in _PARENTHETICAL or _is_adverb(sentence.texts[k + 1])):
            return _subject_before(sentence, k, [])
        opener = sentence.starting.get(k + 1)
        inner = sentence.ending.get(comma - 1)
        if inner is not None and sentence.mention_start(inner) < k:
            return inner if _may_speak(inner) else None  # "Walsh, 52, said", "Sen. Ana Ruiz, D-Ore., said": one mention
        word = sentence.word(k + 1)
        participle = word.endswith(("ed", "ing")) and word.islower()
        if opener is None and word not in _APPOSITION_OPENERS and not word.isdigit() and not participle:
            return None
        before = sentence.ending.get(k - 1)
        if opener is not None and opener is inner and opener.kind in ("name", "surname"):
            return opener
        if before is None:
            return _phrase_before(sentence, k - 1) if k > 0 else None  # "Residents, many of whom ..., said"
        return before if _may_speak(before) else None
    return None


def _coordinated(sentence: _Sentence, j: int, earlier: list[Cue]) -> Mention | None:
    """ "agreed and added": the second verb shares the subject of the first reporting verb before it."""
    for cue in reversed(earlier):
        if cue.frame in ("subject", "opening") and not cue.subordinate and cue.start < sentence.starts[j]:
            return cue.source
    return None


def _subordinate(sentence: _Sentence, i: int, earlier: list[Cue]) -> bool:
    """A subordinator between the start of the cue's clause and the cue."""
    k = i - 1
    participle = sentence.word(i).endswith("ing")
    while k >= 0 and not sentence.boundary(k):
        word = sentence.word(k)
        opens = word in _SUBORDINATORS and not (word == "since" and _adverbial_since(sentence, k))
        if opens or (participle and word == "with"):
            return True
        if word == "that" and any(c.start < sentence.starts[k] for c in earlier):
            return True
        k -= 1
    # "..., an allegation the Home Office later denied": a clause on a noun for what was said.
    return k >= 0 and sentence.word(k) == "," and sentence.word(k + 1) in ("a", "an") and sentence.word(k + 2) in _CLAIM_NOUNS


def _adverbial_since(sentence: _Sentence, k: int) -> bool:
    """ "has since denied": "since" as an adverb, right before a verb or an adverb, opens no clause."""
    if k + 1 >= sentence.size:
        return False
    following = sentence.word(k + 1)
    return following in _AUXILIARIES or following in REPORTING_VERBS or following.endswith("ed") or _is_adverb(following)


def _negated(sentence: _Sentence, i: int) -> bool:
    """The cue reports that nothing was said: "did not respond", "has never publicly confirmed",
    "has yet to comment", "Neither A nor B have confirmed".

    A refusal ("would not comment", "won't say", "Police not saying") and a
    negated judgement ("does not believe") are statements of their own.
    """
    verb = sentence.word(i)
    if verb in _JUDGING or verb.endswith("ing"):
        return False
    for k in range(i - 1, max(i - 5, -1), -1):
        if sentence.boundary(k):
            break
        word = sentence.word(k)
        if word in _REFUSING:
            return False
        if word in _NEGATIONS and sentence.texts[k][:1].isupper() and k > 0 and not sentence.boundary(k - 1):
            continue  # "Doctors Without Borders said": a capitalised word inside a name negates nothing
        if word in _NEGATIONS or word.endswith("n't"):
            return sentence.word(k - 1) not in _REFUSING
    clause = i - 1
    while clause >= 0 and not sentence.boundary(clause):
        clause -= 1
    return sentence.word(clause + 1) == "neither"


def _passive(sentence: _Sentence, i: int, words: list[str]) -> bool:
    """ "was informed", "were told": the subject hears the statement; "the weapon believed to be used" is hearsay."""
    verb = words[0]
    if not (verb.endswith("ed") or verb in _IRREGULAR_PARTICIPLES) or words[-2:] == ["as", "saying"]:
        return False
    if verb in _HEARSAY and len(words) == 1 and sentence.word(i + 1) == "to":
        return True
    if len(words) == 1 and _PASSIVE_PREPOSITIONS.get(verb) == sentence.word(i + 1):
        return True  # "Army accused of deadly strike", "Minister blamed for delays": no object, so no agent
    k = i - 1
    while k >= 0 and (_is_adverb(sentence.texts[k]) or sentence.word(k) in _BETWEEN_BE_AND_PARTICIPLE):
        k -= 1
    return sentence.word(k) in _BE


def _is_adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4


def _may_speak(mention: Mention) -> bool:
    """Not a possessive ("Okafor's comments"), a date ("Oct. 12") nor an adverb opening the sentence ("Strongly")."""
    if mention.possessive or mention.text.endswith(("'s", "\u2019s")):
        return False
    if mention.entity == "person":
        return True
    words = _LETTERS.findall(mention.text.lower())
    adverb = len(words) == 1 and words[0].endswith("ly") and mention.kind != "name"
    return bool(words) and not all(w in _TIME for w in words) and not adverb
