"""Hand-written cue lexicons: reporting cues, the four stances, negation and condition.

The stance model learns from ~136 sentences of 5 articles, so these lists
are what carry it to unseen topics, speakers and outlets.  They are written
for how sources speak in news generally (wars, elections, scandals,
disasters, company news), in British and American spelling.

Entries are written in a small notation and expanded at import into the
public frozensets of plain lowercase phrases:

- words are separated by single spaces and match any run of whitespace or
  quotation marks (so ``there is "evidence"`` matches ``there is evidence``);
- ``a|b`` offers alternatives for one word, ``(a b|c d|)`` for several words
  (an empty alternative makes the group optional);
- ``~lemma`` stands for every inflection of a verb (``~deny``: deny, denies,
  denied, denying); ``~admit+`` doubles the final consonant (admitted);
- in a phrase, ``*`` stands for zero to three words (``~summon * envoy``
  matches "summoned Russia's envoy"); it never starts or ends a phrase;
- ``-`` matches a hyphen or whitespace ("cover-up", "cover up").

Matching is case-insensitive, word-bounded (a hyphen counts as part of a
word, so "so-called" holds no "called"), leftmost and longest first, with
curly apostrophes read as straight ones.  A few words are matched in lower
case only because their capitalised form is usually a name: "May" (month,
Theresa May), "States" (United States), "Signals", "Criminal" (International
Criminal Court).

Decisions the labelling guide leaves open, made here and tested:

- a negated denial ("did not deny", "never denied") leaves the claim
  standing without asserting it: hedge;
- a negated denouncing word ("not illegal", "did not violate") rejects how an
  act is described: deny; the negation must stand right before it ("must
  not allow this cruelty" negates "allow", and stays a condemnation);
- a hedge earlier in the same clause governs a denouncing word after it
  ("highly likely that they back a war of aggression", "would be a sign of
  desperation"): hedge;
- a negated confirm cue is hedge after a negation that leaves the claim open
  ("cannot", "could not", "unable to", "not yet", "yet to") or on a word of
  knowing ("not clear", "isn't certain"), and deny otherwise ("no evidence",
  "never confirmed", "did not confirm", "refused to confirm");
- "whether", and "if" shortly after a verb of asking or knowing ("refused to
  confirm or deny on Wednesday if ..."), open an embedded question, not a
  condition: only the rest of that clause is unasserted;
- a true condition makes its whole sentence from the start of its clause
  unasserted, consequent included; "if not" ("hundreds, if not thousands"),
  "as if" and "if any" are no conditions, and "no" before a number ("No 10")
  is no negation; a true condition hedges its sentence even with no other cue
  ("if they cross the border");
- an event the source negates ("has not yet replied", "I have never met
  him", "no staff were on board") is a denial, unless a hedge stands within
  a few words of the negation ("probably not", "as far as I know, nobody
  was"); a negated casualty count ("no one was hurt", "no casualties")
  reports an outcome and is confirm;
- an event the source asserts (a perfect, a past passive, a finite past, a
  quantity, "there is/was ...") is confirm when no stance cue and no call,
  plan or feeling of the source's own is present; blaming or accusing
  without a denouncing word, and "we assess", are confirm; a writer's
  "alleged" is no hedge of the source's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, product, repeat
from types import MappingProxyType

# ---------------------------------------------------------------------------
# Inflection


# Irregular verbs: lemma -> (past, past participle).
_IRREGULAR: dict[str, tuple[str, str]] = {
    "bring": ("brought", "brought"),
    "find": ("found", "found"),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "hit": ("hit", "hit"),
    "hold": ("held", "held"),
    "know": ("knew", "known"),
    "lay": ("laid", "laid"),
    "make": ("made", "made"),
    "mislead": ("misled", "misled"),
    "plead": ("pleaded", "pled"),
    "prove": ("proved", "proven"),
    "say": ("said", "said"),
    "seek": ("sought", "sought"),
    "see": ("saw", "seen"),
    "send": ("sent", "sent"),
    "show": ("showed", "shown"),
    "speak": ("spoke", "spoken"),
    "swear": ("swore", "sworn"),
    "take": ("took", "taken"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "understand": ("understood", "understood"),
    "write": ("wrote", "written"),
}
_VOWELS = frozenset("aeiou")


def _forms(lemma: str) -> tuple[str, ...]:
    """Every inflection of a verb; a trailing ``+`` doubles the final consonant."""
    double = lemma.endswith("+")
    base = lemma.rstrip("+")
    stem = base + base[-1] if double else base
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = stem + "ing"
    if base in _IRREGULAR:
        past, participle = _IRREGULAR[base]
        return tuple(dict.fromkeys((base, third, past, participle, ing)))
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2] not in _VOWELS:
        past = base[:-1] + "ied"
    else:
        past = stem + "ed"
    return (base, third, past, ing)


_SLOT_RX = re.compile(r"\(([^()]*)\)|(\S+)")


def _expand_spec(spec: str) -> list[str]:
    slots: list[list[str]] = []
    for m in _SLOT_RX.finditer(spec):
        if m.group(1) is not None:
            alts = m.group(1).split("|")
            slots.append([p for alt in alts for p in _expand_spec(alt) or [""]])
        else:
            words = m.group(2).split("|")
            slots.append([f for w in words for f in (_forms(w[1:]) if w[0] == "~" else (w,))])
    if not slots:
        return []
    return [" ".join(" ".join(words).split()) for words in product(*slots)]


def _expand(specs: Iterable[str]) -> frozenset[str]:
    """Expand the notation of the module docstring into plain phrases."""
    return frozenset(phrase for spec in specs for phrase in _expand_spec(spec))


# ---------------------------------------------------------------------------
# Reporting cues

# Verbs taken in every inflection.
_REPORTING_LEMMAS = """
say tell add warn stress insist argue explain announce confirm deny reject
dismiss condemn denounce accuse urge suggest acknowledge admit+ assert write
respond declare maintain allege contend observe reveal disclose predict recall
describe concede emphasise emphasize underline underscore reiterate
repeat affirm reaffirm threaten complain criticise criticize ask agree
disagree dispute assure reassure inform notify testify proclaim boast lament
advise recommend propose conclude mention confess clarify speculate indicate
decry deplore refute rebut+ contradict slam+ specify elaborate speak express
retort exclaim quip+ plead instruct cite believe lambast lambaste opine
summon expel+
""".split()

# Verbs whose base or -s form is mostly a noun ("a report", "the claims",
# "a post"): only their clearly verbal forms.
_REPORTING_FORMS = """
reported reporting reports stated stating states claimed claiming claims
noted noting called calling posted posting commented commenting remarked
remarking answered questioned tweeted tweeting replied replying blamed
blaming praised praising welcomed welcoming promised pledged vowed vowing
demanded ordered signalled signaled signalling signaling signals echoed
echoing countered countering briefed hinted hinting cautioned cautioning
highlighted highlighting quoted quoting voiced voicing joked joking
protested protesting hailed hailing branded recounted recounting
""".split()

_DET = "a|an|the|his|her|their|its|our|my|this|that"
_OUTPUTS = (
    "statement|interview|speech|post|tweet|letter|address|briefing|remarks|"
    "comments|op-ed|editorial|message|video|broadcast|memo|email|podcast|"
    "testimony|report|filing|communique|communiqué|declaration|announcement|"
    "readout|transcript|essay|column|article|thread|release"
)
_AUDIENCES = (
    "reporters|journalists|parliament|lawmakers|legislators|mps|senators|"
    "congress|delegates|supporters|residents|staff|employees|shareholders|"
    "investors|analysts|broadcasters"
)

_REPORTING_PHRASE_SPECS = (
    "according to",
    f"in {_DET} * {_OUTPUTS}",
    f"in {_DET} * post|message|video|statement|thread|tweet on|to",
    "in remarks|comments|testimony",
    f"~tell {_AUDIENCES}",
    "~tell the|a|an * newspaper|broadcaster|agency|press|media|committee|"
    "conference|briefing|interview|summit|hearing|house|commons|senate|assembly|nation",
    "~tell state media|television|tv",
    "quoted as saying",
    "~quote|~cite * as saying",
    "as quoted by",
    "~speak to|with reporters|journalists",
    f"at|during {_DET} * press|news conference|briefing",
    f"at|during {_DET} * briefing|hearing|rally",
    "~issue|~release * statement|warning|denial|rebuttal|apology",
    "~point out",
    "~go on to say",
    "~make clear",
    "~make it clear",
    "~hit+ back|out",
    "imposed|imposes|slapped|slaps * sanctions",
    "~appeal for",
    "~lash out",
    "~speak out",
    "~weigh in",
    "~decline|~refuse to comment|say|confirm|discuss|elaborate|speculate|answer",
    "~brush off|aside",
    "~play down",
    "~rule out",
    "~lodge * protest|complaint|representations",
    "~take to (twitter|x|facebook|instagram|telegram|tiktok|weibo|threads|bluesky|youtube|social media|truth social|the airwaves)",
)

REPORTING_VERBS: frozenset[str] = _expand("~" + lemma for lemma in _REPORTING_LEMMAS) | frozenset(
    _REPORTING_FORMS
)
REPORTING_PHRASES: frozenset[str] = _expand(_REPORTING_PHRASE_SPECS)
# Reporting verbs that as often name an act as a statement: "recalled 40,000 cars",
# "called the police", "claimed the title", "asked for a lawyer", "welcomed the team".
# A subject alone does not make them a quote.
ACT_VERBS: frozenset[str] = frozenset(
    form
    for lemma in """recall call ask order signal cite demand welcome praise express claim
    charge agree pledge promise vow back instruct inform notify observe hail""".split()
    for form in _forms(lemma)
)
# Cue forms that are as often nouns ("the claims", "media reports"): a verb only after a known subject.
NOUN_LIKE_CUES: frozenset[str] = frozenset(form for form in _REPORTING_FORMS if form.endswith("s"))

# Headlines report in the present tense, and a headline's act states a
# position ("Russia summons US envoy", "Union slams pay offer").  These
# forms are cues only in a headline, right after its source: in running text
# "calls", "demands" or "targets" are mostly nouns.
_HEADLINE_LEMMAS = """
say tell call demand target summon expel sanction slam blast rap warn urge vow
pledge threaten deny reject dismiss confirm admit condemn denounce accuse blame
claim insist defend back praise hail welcome criticise criticize question
dispute order ban seek ask announce reveal protest decry charge assure promise
signal stress defy rebuke reaffirm rebuff impose oppose
""".split()
HEADLINE_VERBS: frozenset[str] = frozenset(
    form for lemma in _HEADLINE_LEMMAS for form in _forms(lemma)[:2]
)

# ---------------------------------------------------------------------------
# Stance lexicons

_LAW = (
    "(international law|the law|law|the constitution|the un charter|international norms|"
    "its obligations|our obligations|all regulations|regulations|the rules|"
    "applicable law|applicable laws|international agreements|the agreement|obligations|commitments)"
)

_DENY_SPECS = (
    # Denying or rejecting a claim.
    "~deny", "denial", "denials", "~reject", "rejection", "~refute",
    "~rebut+", "rebuttal", "~repudiate", "~disavow", "~debunk", "~dispute",
    "~contradict", "~rebuff", "~downplay", "~play down", "~brush off|aside",
    "~shrug+ off", "~wave away|off", "~laugh off", "~scoff at",
    "~pour cold water on", "~rule out", "~push back on|against",
    # "dismissed" also means fired: only claims dismissed, or dismissed as.
    "~dismiss * claim|claims|report|reports|allegation|allegations|accusation|"
    "accusations|suggestion|suggestions|idea|notion|criticism|concerns|fears|"
    "speculation|rumours|rumors|story|stories|charges|warnings",
    "~dismiss * as", "dismissive",
    # Refusing to confirm, deflecting.
    "~refuse|~decline to confirm|comment|say|discuss|disclose|specify|elaborate|"
    "verify|acknowledge|answer|address|identify|name|reveal|speculate",
    "~refuse|~decline|~fail to confirm or deny",
    "neither ~confirm nor ~deny",
    "~refuse to be drawn",
    "not be drawn",
    "no comment",
    "(will not|would not|did not|won't|wouldn't|didn't) "
    "(comment|say|disclose|specify|elaborate|reveal|discuss|be drawn)",
    "nothing to add",
    "a question for",
    "a matter for",
    "you'd|you'll have to ask",
    "you would|will have to ask",
    "~refer+ * questions|inquiries|enquiries|queries|reporters|journalists to",
    "~direct * questions|inquiries|enquiries|queries to",
    "~defer+ to",
    # Deflecting: the matter belongs to someone else.
    "their|its|his|her own matter|business|affair|affairs|concern",
    "not (its|our|my|their|his|her) concern|business|problem|affair|matter|responsibility",
    "none of (our|my|its|their) business",
    "clarify that|this|it with",
    "not going to speculate",
    "(won't|will not|would not|wouldn't) speculate",
    # The police's reassurance: "The death is not being treated as suspicious".
    "not|isn't|aren't|wasn't (being|) treated|treating * as suspicious", "no suspicious circumstances",
    # Negated facts and absent evidence.
    "no|little * evidence|proof|sign|signs|indication|indications|basis|truth|grounds|foundation",
    "not a shred of",
    "without * evidence|proof|basis|foundation",
    "lack of evidence|proof",
    "not|isn't|aren't|wasn't|weren't|never (true|accurate|correct|the case)",
    "there is|are|was|were no",
    "there's no",
    "no such",
    "never happened",
    "did not happen",
    "didn't happen",
    "has|have not happened",
    "hasn't|haven't happened",
    "no plans",
    "no plan to",
    "no intention",
    "nothing to do with",
    "nothing to * claim|claims|report|reports|allegation|allegations|accusation|accusations|"
    "rumour|rumours|rumor|rumors|story|stories|suggestion|suggestions",
    "(will|would|) has|have|had no effect|impact|bearing on",
    "no involvement",
    "not involved",
    "no role",
    "no part in",
    "played no part",
    "no connection",
    "no link|links",
    "not linked",
    "unrelated",
    "no knowledge",
    "did not know",
    "didn't know",
    "never knew",
    "absolutely|certainly not",
    "of course not",
    "not at all",
    "far from the truth",
    "further from the truth",
    # Calling a claim false.
    "simply|plainly|flatly|factually|just wrong|incorrect",
    # Deflecting the question to another party.
    "~refer * question|questions|queries|inquiries|enquiries to",
    "untrue", "false", "falsely", "falsehood", "falsehoods", "baseless",
    "groundless", "unfounded", "unsubstantiated", "fabricated", "fabrication",
    # A company's or a defendant's answer to a suit: "without merit", "we will vigorously defend".
    "without merit", "meritless", "no merit", "vigorously ~defend", "~defend * vigorously",
    "fabrications", "fake", "fake news", "fiction", "fictitious", "fantasy",
    "fantasies", "fairy tale|tales", "hoax", "myth", "conspiracy theory|theories",
    "disinformation", "misinformation", "propaganda", "smear", "smears",
    "slander", "slanderous", "defamatory", "~defame", "defamation",
    "character assassination", "witch-hunt|witch-hunts", "libellous", "libelous", "misleading",
    "politically motivated",
    "inaccurate", "incorrect", "erroneous", "nonsense", "absurd", "ridiculous",
    "preposterous", "laughable", "far-fetched", "exaggerated", "exaggeration",
    "overblown", "overstated", "out of context", "~misrepresent",
    "misrepresentation", "~distort", "distortion",
    "a lie", "is|are|was|were lies", "it's a lie", "all lies", "pack of lies",
    "outright|blatant|barefaced|complete|total lie|lies",
    "mere|pure|idle|wild speculation",
    # Rejecting how an act is described: lawful, internal, harmless.
    f"within the framework of (* |){_LAW}",
    f"in line|accordance|compliance|keeping with {_LAW}",
    f"in full accordance|compliance with {_LAW}",
    f"fully consistent with {_LAW}",
    f"consistent with {_LAW}",
    f"does|did|do not violate|contravene|breach|break {_LAW}",
    f"no violation|breach of {_LAW}",
    "fully|perfectly|entirely|completely|absolutely legal|legitimate|lawful|justified",
    "legitimate right",
    "sovereign right",
    "every right",
    "right to defend",
    "right to self-defence|self-defense",
    "internal|domestic|bilateral affair|affairs|matter",
    "(shouldn't|should not|doesn't|does not|won't|will not|needn't|need not) raise * "
    "concern|concerns|alarm|questions|eyebrows|fears",
    "no cause|reason|need|grounds for concern|alarm|panic|worry",
    "nothing to worry about",
    "no need to worry",
    "no threat",
    "not a threat",
    "poses|pose|posed no|little threat|risk|danger",
    "not directed|aimed|targeted against|at",
    # Disagreeing with a ruling, finding or claim.
    "~disagree", "disagreement with",
    # Disowning: "this is not our equipment".
    "is|are|was|were not (our|ours|my|mine)",
    "isn't|aren't|wasn't|weren't (our|ours|my|mine)",
    # Denying wrongdoing.
    "nothing wrong", "no wrongdoing", "not guilty", "~plead not guilty", "innocent",
    "innocence", "not responsible", "no responsibility", "not to blame",
    "not at fault",
)

_CONDEMN_SPECS = (
    # Verbs and nouns of denouncing.
    "~condemn", "condemnation", "condemnations", "~denounce", "denunciation",
    "~decry", "~deplore", "deplorable", "~criticise", "~criticize", "criticism",
    "criticisms", "critical of", "~censure", "~rebuke", "~reprimand", "~chastise",
    "~castigate", "~lambast", "~lambaste", "~excoriate", "~vilify", "~berate",
    "~slam+", "blasted", "~hit+ out at", "~lash out at", "~round on",
    "~take aim at", "~betray", "betrayal",
    # Diplomatic protest.
    "~protest",
    "~lodge * protest|complaint|representations",
    "stern|solemn|strong|serious representations",
    "formal protest|complaint",
    "note of protest",
    "~summon",
    "~call in * ambassador|ambassadors|envoy|envoys|diplomat|diplomats|chargé|charge",
    "~call * ambassador|envoy",
    "~expel+ * ambassador|ambassadors|envoy|envoys|diplomat|diplomats|staff|attaché|attache|"
    "attachés|attaches|correspondent|correspondents|journalist|journalists",
    "~recall * ambassador|envoy",
    "strong|strongest|formal|serious protest|protests",
    "firmly|resolutely|strongly|vehemently|categorically ~oppose",
    "unreliable entity list", "entity list", "~blacklist",
    "~order * ambassador|ambassadors|envoy|envoys|diplomat|diplomats|staff to leave",
    "formal|diplomatic|protest note",
    "persona non grata", "démarche", "demarche", "démarches", "demarches",
    # Sanctions against someone (not the bare noun: "sanctions policy").
    "sanctions against|targeting",
    "~impose|~announce|~slap+|~levy|~widen|~extend|~tighten * sanctions",
    "new|fresh|further|tougher|additional sanctions",
    "for sanctions",
    "sanctioned", "sanctioning",
    "strongest terms",
    "strongest possible terms",
    # Moral outrage.
    "shocking", "shocked", "outrageous", "outrage", "outraged", "appalling",
    "appalled", "horrific", "horrendous", "horrifying", "horrified", "abhorrent",
    "atrocious", "atrocity", "atrocities", "barbaric", "barbarous", "barbarism",
    "barbarity", "brutal", "brutality", "brutally", "heinous", "vile",
    "despicable", "disgraceful", "disgrace", "shameful", "shameless", "shame",
    "shame on", "unacceptable", "intolerable", "inexcusable", "unjustifiable",
    "not|never (acceptable|tolerable|excusable|justifiable)",
    "indefensible", "unforgivable", "unjustified", "unprovoked", "egregious",
    "flagrant", "flagrantly", "blatant", "blatantly", "brazen", "brazenly",
    "cynical", "cynically", "callous", "cowardly", "disgusting", "sickening",
    "sickened", "disgusted", "monstrous", "inhumane", "inhuman", "savage",
    "savagery", "evil", "wicked", "immoral", "unethical", "cruel", "cruelty",
    "indiscriminate", "senseless", "wanton", "murderous", "bloodthirsty",
    "slap in the face", "stab in the back", "an insult", "insulting", "lied", "lying to|about",
    "(cannot|can't|could not|couldn't) be trusted",
    "~play politics", "of the worst kind|sort|order", "piracy", "(has|have|had|) (already|) ~cross * red line|lines",
    "(is|are|was|were|been|be|as|deemed|clearly) excessive", "excessive and",
    "excessive use|response|measures|action|actions|violence|behaviour|behavior|punishment",
    "grossly|deeply|highly|utterly|extremely|and offensive", "offensive and",
    "is|are|was|were offensive", "affront to", "insult to",
    "blood on * hands", "travesty", "mockery", "farce", "sham", "scandalous",
    "pathetic", "hypocrisy", "hypocritical", "hypocrite", "hypocrites",
    "damning", "not fit for purpose", "unfit for purpose",
    "double standard|standards", "desperate", "desperation",
    # Crimes and illegality.
    "criminal", "criminals", "a crime", "crimes", "war crime", "war crimes",
    "war criminal", "war criminals", "crimes against humanity", "genocide",
    "genocidal", "ethnic cleansing", "collective punishment", "massacre", "massacres", "~slaughter",
    "nothing (can|could) justify", "no justification for", "(cannot|can't|could not|couldn't) be justified",
    "act of terror|terrorism|aggression|war|sabotage|piracy|barbarism|vandalism", "terrorism",
    "terrorist act|acts", "illegal", "illegally", "illegality", "unlawful",
    "unlawfully", "illegitimate", "unconstitutional", "undemocratic",
    "in violation of", "violation", "violations", "~violate", "in breach of",
    "a breach of", "breaches of", "flagrant breach", "~flout", "in defiance of",
    "disregard for", "contempt for", "interference in", "interfering in",
    "interference|interfering|meddling|~interfere|~meddle in * internal|domestic affairs",
    "meddling", "~harm * (national security|national interests|security of|interests of)",
    "espionage", "~spy on", "treason", "deception", "~spread * (propaganda|disinformation|"
    "misinformation|lies|falsehoods) (and|or|) (propaganda|disinformation|misinformation|lies|"
    "falsehoods|)", "abuse of power|office|authority", "abuses", "persecution",
    "repression", "intimidation", "blackmail", "extortion", "coercion",
    "coercive", "thuggish", "thuggery", "complicit", "complicity", "culpable",
    "~hold * accountable|responsible", "answer for",
    "assault|attack on (democracy|freedom|sovereignty|the rule of law)",
    # Recklessness, provocation, aggression.
    "reckless", "recklessly", "recklessness", "irresponsible", "irresponsibly",
    "dangerous escalation|provocation|precedent|game|step|move|expansion|rhetoric|"
    "path|act|acts|behaviour|behavior|gamble|adventurism",
    "provocation", "provocations", "provocative", "aggression", "aggressor",
    "belligerent", "belligerence", "escalatory",
    "~destabilise", "~destabilize", "~jeopardise", "~jeopardize", "~endanger",
    "~undermine", "~sabotage", "malign", "malicious", "nefarious",
    "hostile act|acts|action|actions|behaviour|behavior",
    "disproportionate", "excessive force", "heavy-handed", "short-sighted",
    # Corporate, political and official misconduct.
    "corrupt", "corruption", "fraud", "fraudulent", "rigged", "negligent",
    "negligence", "incompetent", "incompetence", "cover-up", "~cover up",
    "whitewash", "misconduct", "wrongdoing", "greed", "greedy", "profiteering",
    "price gouging", "exploitation", "exploitative", "predatory", "deceptive",
    "deceit", "deceitful", "misled",
)

_HEDGE_SPECS = (
    # Probability.
    "likely", "highly|most|more|very|quite likely", "unlikely", "likelihood",
    "(almost|virtually|all but|near) certain|certainly", "in all likelihood",
    "probably", "probable", "probability", "possibly", "possible", "possibility",
    "potential", "potentially", "perhaps", "maybe", "conceivably", "presumably",
    "arguably", "in theory", "theoretically", "hypothetically",
    "may", "might", "could", "would be", "would have", "would mean",
    "may|might well",
    # Appearance and hearsay.
    "appear|appears|appeared to", "it appears", "it would appear", "apparently",
    "apparent", "~seem", "seemingly", "reportedly", "reported to", "the reported",
    "is|are|was|were said|believed|thought|understood|reported|"
    "suspected|rumoured|rumored to",
    "it is thought|believed|understood",
    "purported",
    "purportedly", "supposedly", "supposed", "unconfirmed", "unverified",
    "rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "hearsay",
    "speculation", "speculative", "~speculate", "~suggest", "suggestion",
    "indicates", "indicating", "indication", "indications",
    "suspected", "we|i suspect", "suspicion", "suspicions", "suspicious",
    "~doubt", "doubts", "doubtful", "questionable", "dubious",
    "we|i believe", "we|i think",
    "preliminary", "initial indications|reports|assessment|findings",
    "early indications|reports", "tentative", "tentatively", "provisional",
    "provisionally",
    # Unknown, unclear, not yet established.
    "unclear", "not|isn't|wasn't|aren't|weren't * clear", "uncertain",
    "uncertainty", "not|isn't|wasn't * certain|sure|known", "unsure", "unknown",
    "(cannot|can't|couldn't|could not) (yet|) be (entirely|completely|absolutely|fully|) certain|sure",
    "(don't|do not|doesn't|does not) (yet|) know", "we cannot|can't know",
    "certainly|definitely|absolutely not * clear|certain|sure|known",
    "cannot|can't say",
    "hard|difficult|impossible to say|tell|know|assess|determine|judge|predict|quantify|"
    "estimate|gauge|establish|verify|ascertain",
    "too early|soon to say|tell|know|judge|confirm|speculate|assess|determine|conclude",
    "too early|soon to draw conclusions",
    "premature to",
    "remains|remain|left|yet to be seen|determined|confirmed|verified|established|"
    "clarified|known",
    "(cannot|can't|could not|couldn't|unable to|not able to|not been able to|been unable to) (yet|) confirm|verify|say|"
    "corroborate|establish|determine|ascertain",
    "(could not|couldn't) independently|immediately confirm|verify",
    "not (yet|) in a position to",
    "not (yet|) finished|complete|completed|concluded",
    "am|is|was|are|were reviewing|examining|assessing|analysing|analyzing|studying",
    "(cannot|can't|could not|couldn't) rule * out",
    "not (yet|) reached (any|a|its|their|our|) conclusion|conclusions",
    "~make+ enquiries|inquiries",
    "(would|will|did|could|can|does|do|) not|no (further|) comment * ongoing|pending|continuing",
    "(would|will|did|could|can|does|do|) not|no (further|) comment (further|) while|as * ongoing|pending|continuing|continues",
    "(would|will|did|could|can|does|do|) not comment * (current|live) investigation|inquiry|case",
    "no (further|) comment at this stage|time|point",
    "not aware", "unaware", "(have|has|had) no information",
    "as far as (we|i) (know|can tell|can see|are aware|am aware|understand)",
    "(still|) trying|working|seeking|attempting|waiting to determine|establish|ascertain|"
    "understand|confirm|verify|assess|identify",
    "(still|) trying|working|seeking|attempting to (find out|work out|piece together)",
    "~try to determine|establish|ascertain|verify",
    "still examining|investigating|assessing|reviewing|evaluating|studying|analysing|analyzing|"
    "gathering|checking|collecting|confirming|verifying",
    "still looking into", "still working out",
    "(do not|don't|does not|doesn't|did not|didn't) have (any|full|complete|) certainty|clarity",
    "~lack * assessment|picture|information|details|clarity",
    "no (full|clear|complete|comprehensive|final) assessment|picture",
    "overly|too|excessively|unduly optimistic|pessimistic|confident",
    "~jump+ to conclusions",
    "~prejudge", "~pre-empt", "~preempt",
    "inappropriate|premature|wrong to speculate|comment",
    # Withholding details while a process runs (a refusal of the claim is deny).
    "not|isn't|aren't|wasn't|weren't releasing|saying|disclosing|revealing|identifying|"
    "naming|giving|providing|confirming|announcing|sharing|discussing",
    "~withhold",
    "how much (we|i) can say|disclose|share|reveal|release",
    "(investigation|inquiry|probe|review|process) (is|remains|was) (ongoing|continuing|"
    "under way|underway|in progress)",
    "ongoing investigation|inquiry|probe|review",
    "pending * investigation|inquiry|review|results|outcome|analysis",
    "to the best of our knowledge",
    "(cannot|can't) (rule out|exclude)",
    "not ruling out", "not ruling anything|nothing out",
    "(cannot|can't|won't|will not|would not|wouldn't) rule anything out",
    # A figure not yet known: "could not give the exact number of casualties".
    "(could not|couldn't|cannot|can't|unable to|not able to) give|provide|say|confirm "
    "(the|an|a) exact|precise|final|definitive number|figure|toll|count",
    "(would not|wouldn't|did not|didn't) rule out",
    "under investigation", "being investigated", "investigating",
    "~look into",
    "awaiting * confirmation|details|results",
    "~seek * clarification",
    # Conditional truth.
    "if * true|accurate|correct|confirmed|verified|proven|substantiated|genuine|authentic",
    "if so",
    "if * turn|turns|turned out to be true|accurate|correct|genuine",
    "if * prove|proves|proved * true|accurate|correct|genuine",
    "should * (be|prove|turn out) * true|accurate|correct|confirmed|genuine",
    "were * to be true|confirmed",
    "assuming * true|accurate|correct",
)

_CONFIRM_PARTICIPLES = (
    "sent|deployed|dispatched|delivered|transferred|supplied|provided|launched|"
    "begun|started|arrived|reached|crossed|entered|killed|arrested|detained|"
    "seized|captured|destroyed|evacuated|recovered|rescued|identified|located|"
    "found|signed|approved|resigned|charged|breached|damaged|flooded|injured|"
    "displaced|lost"
)
_CONFIRM_INFINITIVES = "send|deploy|dispatch|deliver|supply|provide|transfer|sign|pay"

_CONFIRM_SPECS = (
    # Confirming, verifying, establishing.
    "~confirm", "confirmation", "~verify", "~corroborate", "~establish that",
    "has|have|had established", "~prove that", "proven", "proof",
    "~demonstrate that", "~show that", "~find that", "~conclude that",
    "~determine that", "~acknowledge", "~admit+", "admission", "~concede",
    "~reveal", "~disclose",
    # Evidence.
    "evidence",
    "intelligence|images|imagery|footage|data|figures|records|documents|photos|"
    "photographs|video|videos|analysis|test|tests|results|sample|samples|report|reports|"
    "study|studies|survey|audit|autopsy|post-mortem|findings|investigation|inquiry|probe|"
    "review|logs|scans|lab|labs|laboratory|laboratories show|shows|showed|shown|found|finds|"
    "confirm|confirms|confirmed|indicate|indicates|indicated|reveal|reveals|revealed|"
    "prove|proves|proved",
    "we|i know", "we now know", "we knew", "it is known",
    "(we|i) (have|had) (long|always|) known", "we|i assess", "~assess that",
    "have|has|had (any|) indication|indications|intelligence|information that",
    "~accuse", "accusation", "accusations", "~blame",
    "we have seen", "we have information",
    "(we are|we're|i am|i'm) certain|sure|confident|convinced",
    # Certainty.
    "it is certain", "certainly", "definitely", "definitively", "definitive",
    "undoubtedly", "no doubt", "without doubt", "without a doubt",
    "~claim responsibility|credit",
    # Evidence in hand: "medical records showing a fractured wrist".
    "records|documents|footage|video|videos|images|photos|photographs|messages|emails showing|show|showed|shows",
    # An official projection (the development set's conventions: "growth is expected at 1.5 percent").
    "is|are|was|were expected to|at",
    "beyond doubt", "beyond any doubt", "beyond reasonable doubt",
    "(there is|there's) no doubt|question|ambiguity", "no ambiguity", "no question that", "little doubt",
    "indisputable", "indisputably", "undeniable", "undeniably", "irrefutable",
    "unquestionably", "conclusive", "conclusively", "clearly",
    "(it is|it's) clear", "is|was clear that", "are clear",
    "crystal|very|absolutely|perfectly|quite clear", "~make clear",
    "~make it clear", "obviously", "evidently", "plainly", "indeed", "in fact",
    "a fact", "the fact is", "it is true", "it's true", "that is true",
    "that's true", "is|are real",
    # A negated outcome of an incident reports what happened; it rebuts no claim.
    "(there is|there are|there was|there were|there have been|there had been|) no "
    "(immediate|) (reports of|) casualties|injuries|fatalities|deaths|victims|injured|damage",
    "(no one|nobody) (is|was|were|has been|had been) (seriously|badly|critically|) "
    "hurt|injured|killed|harmed|wounded",
    # Asserted events: done, under way, or reported as going to happen.
    f"has|have|had {_CONFIRM_PARTICIPLES}",
    f"has|have|had already|now|indeed|actually|also {_CONFIRM_PARTICIPLES}",
    f"has|have|had (already|) been {_CONFIRM_PARTICIPLES}",
    f"was|were|is|are being {_CONFIRM_PARTICIPLES}",
    f"will|would|shall be {_CONFIRM_PARTICIPLES}",
    f"will|would {_CONFIRM_INFINITIVES}",
)

DENY: frozenset[str] = _expand(_DENY_SPECS)
CONDEMN: frozenset[str] = _expand(_CONDEMN_SPECS)
HEDGE: frozenset[str] = _expand(_HEDGE_SPECS)
CONFIRM: frozenset[str] = _expand(_CONFIRM_SPECS)

# Words that hold a stance cue but not the source's stance: another party's
# denial in a side clause ("..., which has denied any role"), the writer's
# "without evidence", an everyday sense of "deny" ("denied access"), a past
# inability ("could not complete the mission").  They swallow the cue inside
# them, like a longer phrase of another lexicon, and count for nothing.
_NOT_STANCE_SPECS = (
    "which|who (has|have|had|) (also|) ~deny",
    "although|though|whereas * ~deny",
    "while the|a|an|its|their|his|her|this|that * ~deny",
    # Another party's answer to what the source said: "..., an allegation the Home Office later denied".
    "a|an allegation|claim|accusation|charge|assertion|suggestion (that|which|) (the|) * ~deny|~reject|~dispute|~dismiss",
    "~deny * (access|entry|visa|visas|permission|bail|passage|service|services|rights|"
    "the right|a voice)",
    "without (offering|providing|citing|presenting|giving|producing|any) evidence|proof",
    "~claim|~say|~allege|~assert|~insist|~argue|~suggest|~tweet without evidence|proof",
    "anonymity in line|accordance with",
    "could not|never", "couldn't",
    # Criticism the source meets or answers is not its own ("relaxed about the criticism").
    "amid|despite|about|over|to|~face|~draw|drawn|~attract|~spark|~prompt (the|this|that|such|"
    "widespread|) (growing|mounting|international|public|fierce|sharp|strong|heavy|) "
    "criticism|criticisms|condemnation|condemnations",
    "beyond|above criticism|reproach",
    # Grief, not outrage: "We are shocked and saddened by the news".
    "shocked and saddened|devastated|heartbroken", "saddened and shocked",
)
NOT_STANCE: frozenset[str] = _expand(_NOT_STANCE_SPECS)

# The source's own position rather than a stance on a claim: calls, demands,
# plans and commitments, concern and other feelings, consultation and
# monitoring.  The guide labels these none; they outrank only the weak
# evidence of an asserted event, never a stance cue.
_OWN_POSITION_SPECS = (
    # Calls, demands, appeals, recommendations.
    "~call on|upon|for", "~urge", "~demand", "demands", "~appeal for|to", "~recommend",
    "recommendation", "recommendations", "~request", "~encourage", "~implore",
    "~press * to", "~ask * to", "must", "~need", "let us", "let's",
    # Plans and commitments.
    "~plan+ to", "~intend to", "~aim to", "~vow", "~pledge", "promised", "promising to", "we|i promise",
    "~commit+ to", "committed to", "~prepare to", "prepared to", "ready to",
    "~seek to", "~appeal the|a|an|this|that",
    "we|i|it will|shall|would", "we'll", "i'll", "it'll", "we're|i'm going to",
    # Feelings without denunciation.
    "concern", "concerns", "concerned", "concerning", "~worry", "worried", "worries",
    "alarmed", "alarming", "disturbed", "disturbing", "troubled", "troubling",
    "shock", "~hope", "hopeful", "proud", "~welcome", "~praise", "~thank", "grateful",
    "~appreciate", "~regret", "saddened", "disappointed", "disappointing",
    # The source's own conduct: consulting, monitoring, briefing, principles.
    "~consult", "consultation", "consultations", "monitoring", "~monitor closely",
    "closely ~monitor", "~keep * informed",
    "~continue to monitor|work|consult|support|engage|follow",
    "~work closely|together", "~coordinate with", "briefed", "~adhere to",
    "principle", "principles", "~remain committed", "~stand with|by",
)
OWN_POSITION: frozenset[str] = _expand(_OWN_POSITION_SPECS)

# The guide's precedence: the first stance with evidence wins.
PRECEDENCE: tuple[str, ...] = ("deny", "condemn", "hedge", "confirm")
STANCE_LEXICONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {"deny": DENY, "condemn": CONDEMN, "hedge": HEDGE, "confirm": CONFIRM}
)

# ---------------------------------------------------------------------------
# Negation, condition, modality

# A negation that leaves the claim open: what follows it is hedge, not deny.
_OPEN_NEGATION = frozenset(
    ("cannot", "can't", "can not", "could not", "couldn't", "unable to",
     "not able to", "not been able to", "been unable to", "not yet", "yet to", "not immediately")
)
NEGATION: frozenset[str] = _OPEN_NEGATION | _expand(
    (
        "not", "no", "never", "n't", "neither", "nor", "without", "none",
        "nothing", "nobody", "no one", "nowhere", "hardly", "won't", "will not",
        "~fail to", "~refuse to", "~decline to", "lack of", "absence of",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent",
        "couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt",
    )
)
# Matched only so that they are skipped: they do not negate what follows.
_PSEUDO_NEGATION = frozenset(
    ("not only", "not just", "not merely", "not least", "not to mention",
     "no matter", "no less than", "nothing but", "no sooner", "like never before", "as never before")
)
# "n't" ends a word ("didn't") rather than starting one.
_SUFFIXES = frozenset(("n't",))

CONDITION: frozenset[str] = frozenset(
    ("if", "unless", "whether", "even if", "in case", "in the event that",
     "in the event of", "provided that", "providing that", "as long as",
     "so long as", "on condition that", "assuming that", "supposing",
     "if and when", "only if")
)
_PSEUDO_CONDITION = frozenset(("as if", "if any", "if anything", "if not", "if only"))
# Conditions that open an embedded question ("asked whether ...") rather than
# making the whole sentence conditional.
_QUESTION_CONDITION = frozenset(("whether",))

MODALS: frozenset[str] = frozenset(
    ("would", "could", "may", "might", "wouldn't", "couldn't", "mightn't")
)

# Confirm cues about knowing: negated, they mark the claim as unknown (hedge).
_EPISTEMIC = frozenset(
    ("clear", "certain", "sure", "known", "know", "conclusive", "definitive",
     "definitely", "certainly", "clearly")
)
# Words after which "if" asks rather than conditions ("refused to confirm or
# deny on Wednesday if ...", "asked if").  A plain "said (that) if" is a real
# condition, so saying and telling count only when refused or negated.
_EMBEDDING = _expand(
    "~" + lemma
    for lemma in """ask know confirm deny see check wonder determine verify establish
    clarify decide question investigate doubt comment specify disclose reveal
    indicate show learn""".split()
) | _expand(
    (
        "clear", "unclear", "sure", "unsure", "certain", "uncertain", "aware",
        "(to|not|wouldn't|won't|didn't|couldn't|can't|cannot) say|tell",
    )
)

# Words that are usually a name when capitalised: matched in lower case only.
_CASE_SENSITIVE = frozenset(("may", "states", "signals", "criminal"))

# ---------------------------------------------------------------------------
# Asserted and negated events (FactBank's factuality, by shape)
#
# A source that reports an event as having happened, with no modal, plan or
# stance word, asserts it: confirm ("the ministry said the convoy had reached
# the city").  The same event negated by the source is denied ("Hamas has not
# yet handed over its response").  Without a parser, finite past verbs are
# found by shape: a perfect, a past passive, a verb in -ed after a pronoun, a
# name or a noun phrase or before its object, an unambiguous irregular past,
# a quantity, "there is/was ...", or "was/were in" a place.

# Simple pasts that are no other part of speech (not "hit", "put", "left").
_PAST_EVENT_WORDS = frozenset(
    """took came began fled fought met struck sent stole won flew fell broke caught drove
    threw gave went sank ran rose chose froze tore blew grew drew withdrew overran
    undertook sought brought shot found knew""".split()
)
# Present tenses in which headlines report past events ("Drone strike kills 12 in
# market", "Fire destroys warehouse: police"): verbs whose form in -s is no common
# noun ("strikes", "attacks" and "damages" are).
_PRESENT_EVENT_WORDS = frozenset(
    "kills destroys injures seizes captures sinks topples detains evacuates overruns sparks".split()
)
# Irregular participles, as after "has" or "was": those of the verbs above and
# of common ones like them.
_PARTICIPLES = _PAST_EVENT_WORDS | frozenset(
    """taken come begun stricken stolen lost led flown fallen broken driven thrown given
    gone made left held hit hurt built bought sold spent sunk run risen chosen frozen
    torn blown grown drawn withdrawn overrun undertaken kept paid laid put set cut
    beaten bitten hidden shaken spread split stood swept seen known shut""".split()
)
# Words in -ed that after "was" or a subject name a state, a feeling or hearsay,
# not an event.
_NOT_EVENTS = frozenset(
    """concerned worried alarmed disturbed shocked surprised pleased delighted
    disappointed saddened determined committed prepared interested convinced satisfied
    encouraged heartened dismayed frustrated outraged appalled horrified united based
    related supposed alleged expected believed thought rumoured rumored suspected
    aimed designed intended meant needed required allowed entitled obliged used
    advised tired bored scared frightened troubled embarrassed""".split()
)
_ADVERBS = r"(?:\s+(?:[a-z]+ly|already|now|also|just|since|long|then|later|first|once|twice|all|both|each|yet|ever|again|still))"
_PERFECT_RX = re.compile(
    rf"(?<![\w-])(?:has|have|had|'ve){_ADVERBS}*\s+(?:been{_ADVERBS}?\s+)?(?P<verb>[a-z]+)(?![\w-])",
    re.IGNORECASE,
)
_PAST_PASSIVE_RX = re.compile(
    rf"(?<![\w-])(?:was|were){_ADVERBS}?\s+(?P<verb>[a-z]+)(?![\w-])", re.IGNORECASE
)
_SIMPLE_PAST_RX = re.compile(
    rf"(?<![\w'-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I|who|which|[A-Z][\w.-]*){_ADVERBS}?\s+(?P<verb>[a-z]+ed)(?![\w-])"
)
# A verb in -ed with an object after it is finite ("detected signs", "seized the
# ship"); a participle used as an adjective comes before its noun instead.
_TRANSITIVE_PAST_RX = re.compile(
    r"(?<![\w'-])(?P<verb>[a-z]+ed)\s+(?:the|a|an|his|her|its|their|our|my|this|these|those|"
    r"some|several|signs|evidence|\d)(?![\w-])"
)
# A verb in -ed after a noun phrase that opens with a determiner ("the plane
# landed safely", "the bridge reopened on Monday"), when what follows it is
# what follows a finite verb: an end, an adverb, a preposition, an object.
# "The vessel named by the rebels" (a participle) and "our coordinated
# sanctions" (an adjective) are left out.
_NOUN_PHRASE_PAST_RX = re.compile(
    r"(?<![\w'-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[Mm]y|[Tt]his|[Tt]hat)\s+"
    r"(?:[\w'-]+\s+){1,2}?(?P<verb>[a-z]+ed)(?![\w-])"
    r"(?=\s*(?:$|[,;:.!?\"\u201d)\u2013\u2014]|\d|[a-z]+ly(?![\w-])|(?:the|a|an|his|her|its|their|our|my|this|"
    r"that|these|those|on|in|at|to|from|with|for|after|before|over|into|near|during|overnight|"
    r"again|back|off|out|up|down|away|there|here|yesterday|today|tonight|earlier|late|early)(?![\w-])))"
)
# A reported future in the passive asserts ("would be installed"); it
# outranks the hedge "would be" at the same place.
_FUTURE_PASSIVE_RX = re.compile(
    r"(?<![\w-])(?:will|would|shall)\s+(?:(?:also|now|soon|then|still|all)\s+)?be\s+(?P<verb>[a-z]+ed)(?![\w-])",
    re.IGNORECASE,
)
_EVENT_WORD_RX = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(_PAST_EVENT_WORDS | _PRESENT_EVENT_WORDS)) + r")(?![\w-])", re.IGNORECASE
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|"
    "million|millions|billion|billions"
)
# A count of something: "200 people", "three generals", "1.5 percent", "12%";
# years ("in 2019") and dates ("Oct. 25") are no quantity.
_QUANTITY_RX = re.compile(
    r"(?<![\w/.,-])(?:(?!(?:1[89]|20)\d\d(?![\d,]))\d{1,3}(?:,\d{3})+|(?!(?:1[89]|20)\d\d(?![\d,.]))\d+(?:\.\d+)?"
    rf"|{_NUMBER_WORDS})"
    r"(?:\s*%|\s+(?:per\s+cent|percent|million|billion|trillion)(?![\w-])"
    r"|\s+(?:(?!(?:of|the|in|on|at|to|from|by|and|or|a|an)\s)[\w-]+\s+){0,2}?(?:people|[a-z]+s)(?![\w-]))",
    re.IGNORECASE,
)
# A past copula with a place: "the fighters were in the north".
_PAST_LOCATION_RX = re.compile(
    r"(?<![\w-])(?:was|were)(?:\s+(?:already|still|then|also))?\s+(?:in|at|inside|near|aboard|on\s+board)\s+"
    r"(?!(?:line|accordance|keeping|favou?r|charge|talks|shock|touch|contact|fact|part|danger|need)(?![\w-]))",
    re.IGNORECASE,
)
# A non-restrictive relative clause (", who first targeted ...,") is the
# writer's background on a party, not the source's assertion.
_RELATIVE_CLAUSE_RX = re.compile(r",\s*(?:who|which)(?![\w-])[^,;:]*")
# Before the source's verb, the clause may close an apposition with no comma of its own
# ("Alan Reyes, a chemist who was not involved in the study, said").
_SOURCE_CLAUSE_RX = re.compile(r"(?:,\s*|\s)(?:who|which)(?![\w-])[^,;:]*")
# From the end of such a clause to the reporting verb after it: its closing comma and up to three words (", has since said").
_CLAUSE_TO_VERB_RX = re.compile(r",\s*(?:[\w']+\s+){0,3}")
# The reporter's question before an answer ("Asked whether the target would be met, he said"):
# its words are the writer's, not the source's.
_ASKED_RX = re.compile(r"(?:^|(?<=[,;]\s))(?:when\s+|after\s+being\s+)?asked\s+(?:whether|if|about|how|why|what|when|who|to)\b[^,;:]*", re.IGNORECASE)
# Why a source is not named ("speaking on condition of anonymity because they
# were not authorized to discuss the plans", "who asked not to be identified"):
# the writer's sourcing.  Its explanation ("because ...", "to discuss ...")
# runs to the clause's end, a reporting verb or "that".
_SOURCING_RX = re.compile(
    r"(?<![\w-])(?:"
    r"(?:(?:speaking|spoke|talking|talked)\s+(?:to\s+[\w.]+(?:\s+[\w.]+)?\s+)?)?"
    r"(?:on|under)\s+(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|(?:he|she|they|his|her|their)\b[^,;:]*?\b(?:named|identified))"
    r"|(?:asked|asking|requested|requesting|declined|declining)\s+(?:not\s+)?to\s+be\s+(?:named|identified)"
    r"|(?:requested|requesting|asked\s+for|asking\s+for|was\s+granted|were\s+granted|given)\s+anonymity"
    r"|not\s+authori[sz]ed\s+to\s+(?:speak|talk|discuss|comment|brief|be\s+(?:named|identified)))"
    r"(?:\s+(?:because|as|since|to|publicly|about|on)\b(?:(?!\b(?:said|says|told|added|that)\b)[^,;:])*)?",
    re.IGNORECASE,
)
_EXISTENTIAL_RX = re.compile(
    r"(?<![\w-])there\s+(?:is|are|was|were|has\s+been|have\s+been)(?:\s+(?:already|now|also|still))?"
    r"\s+(?!no\b|not\b|nothing\b|never\b|none\b)\w",
    re.IGNORECASE,
)
# Auxiliaries whose negation negates a fact ("was not", "has never", "doesn't");
# "cannot", "will not" and "must not" are ability, plan and obligation.
_FACT_AUXILIARIES = frozenset("is are was were has have had do does did am".split())
# Before "never", a plan or an ability: "will never", "could never".
_PLAN_OR_ABILITY = MODALS | frozenset("will won't shall must should can to".split())
# After "nobody" or "nothing", a plan, ability or obligation ("nobody should have to"); not "nothing to hide".
_OBLIGATION_OR_PLAN = _PLAN_OR_ABILITY - {"to"}
# "no contractors had yet entered": a negated subject with its verb.
_NO_SUBJECT_RX = re.compile(r"(?:\s+[\w'-]+){1,3}?\s+(?:has|have|had|was|were|is|are)(?![\w-])")
# Verbs whose negation is of a wish or plan, not of a fact ("do not want to").
_VOLITION = frozenset("want wish intend plan hope need expect mean seek aim like".split())
_WORD_BEFORE_RX = re.compile(r"([\w']+)[\s\"\u201c\u201d]*$")
_WORD_AFTER_RX = re.compile(r"[\s\"\u201c\u201d]*(?:(?:yet|ever|currently|even|actually|really)\s+)?([\w']+)")

# ---------------------------------------------------------------------------
# Compilation

# Curly apostrophes and non-breaking hyphens, read as straight ones.  Replaced one by one:
# str.translate with a table costs several times as much per sentence.
_STRAIGHTEN = (("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), ("\uff07", "'"), ("\u2010", "-"), ("\u2011", "-"))
_SEP = r"[\s\"\u201c\u201d\u00ab\u00bb\u201e']+"
_GAP = _SEP + r"(?:[\w'.-]+" + _SEP + r"){0,3}?"
_GAP_MARK = "\x00"
_ATOMS = {" ": _SEP, _GAP_MARK: _GAP, "-": r"(?:-|\s+)"}


def _trie_regex(phrases: Iterable[str]) -> str:
    """One alternation for many phrases, factored by shared prefixes.

    A character trie lets the engine reject a position after one character
    instead of trying every phrase, and its greedy optional tails make the
    longest phrase win at a given start.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase.replace(" * ", _GAP_MARK):
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    """The regex for one trie node; an end mark makes the tails optional."""
    branches = [(_ATOMS.get(c) or re.escape(c)) + _node_regex(node[c]) for c in sorted(node) if c]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


def _compile(phrases: Iterable[str]) -> re.Pattern[str]:
    """Word-bounded, case-insensitive, longest-first matcher for a lexicon."""
    phrases = frozenset(phrases)
    suffixes = phrases & _SUFFIXES
    sensitive = {p for p in phrases - suffixes if p.split(" ")[0] in _CASE_SENSITIVE}
    rest = phrases - suffixes - sensitive
    bounded = _trie_regex(rest)
    if sensitive:
        bounded += "|(?-i:" + _trie_regex(sensitive) + ")"
    pattern = r"(?<![\w-])(?:" + bounded + r")(?![\w-])"
    if suffixes:
        pattern += "|(?:" + _trie_regex(suffixes) + r")(?![\w-])"
    return re.compile(pattern, re.IGNORECASE)


_LEADING_WORD_RX = re.compile(r"\w+")
# Words (runs of \w) where a lexicon phrase may start, not inside a word or after a hyphen, as a
# cut: splitting on it gives gap, word, gap, word, ..., gap.
_WORD_CUT_RX = re.compile(r"((?<![\w-])\w+)")
# The few characters that IGNORECASE matches to an ASCII letter but whose str.lower() is not that letter.
# With them folded, every character keeps its length and whether it is a word character or a hyphen.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_UNKNOWN = ("?",)


class _Scan:
    """A sentence's words, found once and shared by every lexicon and pattern asked about it.

    `folded`: the text in lower case as IGNORECASE compares it, character
    for character (so word boundaries fall where they do in the text);
    `words`: each word that may open a phrase, case-folded; `gaps[i]`
    what comes after `words[i]` (`gaps[-1]` before the first).  Shared,
    never changed.

    The text is cut at its words in C (`re.split`), and where the words
    start is added up (in C too) only when asked: a list of (start, word)
    built from the matches cost half as much again, and many sentences
    looked up only for reporting cues open no phrase.
    """

    __slots__ = ("folded", "words", "_pieces", "_starts", "_opened")

    def __init__(self, text: str) -> None:
        self.folded = folded = _fold(text)
        self._pieces = pieces = _WORD_CUT_RX.split(folded)
        self.words = pieces[1::2]
        self._starts: list[int] | None = None
        self._opened: dict[str, list[int]] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each word starts."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, self._pieces)))[0:-1:2]
        return self._starts

    def second(self, i: int, end: int) -> str:
        """The word after the i-th (which ends at `end`), past what a space or a hyphen of a phrase matches."""
        # Most often the next word, one space on: no regex needed.
        if self._pieces[2 * i + 2] == " " and i + 1 < len(self.words):
            return self.words[i + 1]
        return _NEXT_WORD_RX.match(self.folded, end).group(1)  # type: ignore[union-attr]

    def opened(self) -> dict[str, list[int]]:
        """Each kind of word (see _word_kinds) -> the starts of the words of that kind, in order.

        Filed in one pass on first use (only the stance patterns need it),
        skipping in C the words of no kind: a set operation per pattern and
        a string test per word and pattern cost three times as much.
        """
        if self._opened is None:
            opened: dict[str, list[int]] = {}
            starts = self.starts
            kinds_of = list(map(_WORD_KINDS.get, self.words, repeat(_UNKNOWN)))
            for i in compress(range(len(kinds_of)), kinds_of):
                kinds = kinds_of[i]
                if kinds == _UNKNOWN:  # not `is`: compiled, a module's tuple is a new object at each use
                    kinds = _word_kinds(self.words[i])
                for kind in kinds:
                    if kind in opened:
                        opened[kind].append(starts[i])
                    else:
                        opened[kind] = [starts[i]]
            self._opened = opened
        return self._opened


def _fold(text: str) -> str:
    """`text` in lower case as IGNORECASE compares it, character for character."""
    # Looking for the three characters first: str.translate with a table costs
    # several times as much as the rest of a sentence's scan.
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()
    return text.translate(_FOLD).lower()


@lru_cache(maxsize=256)
def _scan(text: str) -> _Scan:
    """The words of `text`.  Cached: every lexicon and most patterns of a sentence start at its words."""
    return _Scan(text)


def _folded(text: str) -> str:
    """`text` in lower case as IGNORECASE compares it, character for character."""
    return _scan(text).folded


class _Phrases:
    """A large lexicon, matched as `_compile(phrases)` would match it, without compiling it whole.

    One regex of tens of thousands of characters took ~0.2 s to compile at
    import and was tried at every character of every sentence.  Phrases
    start with a word character and stop at a word boundary, so a match
    can start only at a word that equals the phrase's first word; trying
    the words in order, each from the end of the previous match, finds
    what `finditer` would (see `_lexicon_spans`).  What follows the first
    word is compiled the first time a text holds that word, and only the
    tails that can match there: those whose second word is the text's next
    word, and those that open with no word (a gap, a suffix, nothing).
    Compiling every tail of a common first word ("has" opens ~300 phrases)
    took ~0.3 s of a one-article `attrib predict`.
    """

    def __init__(self, phrases: frozenset[str]) -> None:
        self._phrases = phrases
        self._tails: dict[tuple[str, str], tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}
        self._groups: dict[str, dict[str, tuple[set[str], set[str]]]] | None = None

    @property
    def groups(self) -> dict[str, dict[str, tuple[set[str], set[str]]]]:
        """First word -> second word ("" for none) -> the tails, matched ignoring case or (see _CASE_SENSITIVE) not.

        Grouped on first use, so that importing the lexicons stays cheap
        (kept by hand: compiled classes have no __dict__ for cached_property).
        """
        if self._groups is None:
            self._groups = self._grouped()
        return self._groups

    def _grouped(self) -> dict[str, dict[str, tuple[set[str], set[str]]]]:
        groups: dict[str, dict[str, tuple[set[str], set[str]]]] = {}
        # One regex pass over all phrases: a match per phrase cost ~30 ms of a one-article predict.
        for word, tail, spaced, hyphened in _PHRASE_PARTS_RX.findall("\n".join(self._phrases)):
            sensitive = word in _CASE_SENSITIVE and tail[:1] in ("", " ")
            groups.setdefault(word, {}).setdefault((spaced or hyphened).lower(), (set(), set()))[sensitive].add(tail)
        return groups

    def tails(self, word: str, second: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """The tails of `word` that can match before a text's `second` word, ignoring case and not."""
        by_second = self.groups[word]
        key = second if second and second in by_second else ""
        tails = self._tails.get((word, key))
        if tails is None:
            loose, strict = (set(), set()) if key == "" else (set(by_second[key][0]), set(by_second[key][1]))
            if "" in by_second:
                loose |= by_second[""][0]
                strict |= by_second[""][1]
            tails = self._tails[(word, key)] = (
                _tail_pattern(frozenset(loose), re.IGNORECASE) if loose else None,
                _tail_pattern(frozenset(strict), 0) if strict else None,
            )
        return tails

    def fullmatch(self, text: str) -> bool:
        """Whether all of `text` is one phrase."""
        scan = _scan(text)
        if not scan.words or scan.starts[0] != 0 or scan.words[0] not in self.groups:
            return False
        word = scan.words[0]
        loose, strict = self.tails(word, scan.second(0, len(word)))
        return (loose is not None and loose.fullmatch(text, len(word)) is not None) or (
            strict is not None and text.startswith(word) and strict.fullmatch(text, len(word)) is not None
        )


# A phrase (one per line): its first word, and what follows, whose second word comes after a space or a hyphen.
_PHRASE_PARTS_RX = re.compile(r"^(\w+)((?: (\w+)|-(\w+))?.*)$", re.MULTILINE)
# The text's next word, past what a space or a hyphen of a phrase matches (a superset of _SEP and "-").
_NEXT_WORD_RX = re.compile(r"[\s\"\u201c\u201d\u00ab\u00bb'-]*(\w*)")


@lru_cache(maxsize=None)
def _tail_pattern(tails: frozenset[str], flags: int) -> re.Pattern[str]:
    """Tails after a first word, compiled once: "has", "have" and "had" open the same phrases."""
    return re.compile("(?:" + _trie_regex(tails) + r")(?![\w-])", flags)


# Every large lexicon by name: "reporting", the stances, "not_stance" and "own_position".
_LEXICONS: dict[str, _Phrases] = {
    "reporting": _Phrases(REPORTING_VERBS | REPORTING_PHRASES),
    **{stance: _Phrases(lexicon) for stance, lexicon in STANCE_LEXICONS.items()},
    "not_stance": _Phrases(NOT_STANCE),
    "own_position": _Phrases(OWN_POSITION),
}
_ALL_LEXICONS = tuple(_LEXICONS)

_Tails = tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None], ...]


class _Openers:
    """Several large lexicons by the word their phrases open with, for one pass over a text's words.

    Looking each word up once for all lexicons, and settling from the next
    word which lexicons' tails can follow it, took a third of the cost of a
    sentence's lexicon spans against asking each lexicon in turn.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self._names = names
        seconds: dict[str, set[str]] = {}
        for name in names:
            for word, by_second in _LEXICONS[name].groups.items():
                seconds.setdefault(word, set()).update(by_second)
        # First word -> the second words that select its tails (none: no need to look at the next word).
        self.seconds = {word: frozenset(after - {""}) for word, after in seconds.items()}
        # (first word, second word or "") -> the tails that may follow, as `tails` finds them.
        self.known: dict[tuple[str, str], _Tails] = {}

    def tails(self, word: str, second: str) -> _Tails:
        """(name, loose, strict) for each lexicon with a tail that may follow `word` before `second`.

        `second` is "" or one of `seconds[word]`.
        """
        tails = self.known.get((word, second))
        if tails is None:
            found = []
            for name in self._names:
                lexicon = _LEXICONS[name]
                if word in lexicon.groups:
                    loose, strict = lexicon.tails(word, second)
                    if loose is not None or strict is not None:
                        found.append((name, loose, strict))
            tails = self.known[(word, second)] = tuple(found)
        return tails


@lru_cache(maxsize=None)
def _openers(names: tuple[str, ...]) -> _Openers:
    return _Openers(names)


@lru_cache(maxsize=256)
def _lexicon_spans(text: str, names: tuple[str, ...] = _ALL_LEXICONS) -> dict[str, list[tuple[int, int]]]:
    """The phrases of the large lexicons `names` in (normalised) `text`.

    The same spans as `finditer` of each lexicon's whole regex.  One pass
    over the words serves every lexicon.  Cached: a sentence's reporting
    cues are looked up for its structure and again for its features.  Only
    sentences that report someone need the stance lexicons.  The lists are
    shared, never changed.
    """
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in names}
    ends = dict.fromkeys(names, 0)
    openers = _openers(names)
    seconds = openers.seconds
    known = openers.known
    scan = _scan(text)
    words = scan.words
    # Only the words that open a phrase, picked in C: most words open none.
    for i in compress(range(len(words)), map(seconds.__contains__, words)):
        word = words[i]
        after = seconds[word]
        start = scan.starts[i]
        tail_start = start + len(word)
        second = scan.second(i, tail_start) if after else ""
        key = (word, second if second in after else "")
        tails = known.get(key)
        if tails is None:
            tails = openers.tails(*key)
        for name, loose, strict in tails:
            if start >= ends[name]:
                m = loose.match(text, tail_start) if loose is not None else None
                if m is None and strict is not None and text.startswith(word, start):
                    m = strict.match(text, tail_start)
                if m is not None:
                    found[name].append((start, m.end()))
                    ends[name] = m.end()
    return found


# Verbs that report what a document or an inquiry established ("the review found that ...",
# "a poll showed ..."), and mostly name an act with any other subject ("police found a body").
FINDING_VERBS = frozenset("found finds showed shows".split())
_HEADLINE_RX = _compile(HEADLINE_VERBS)
_FINDING_RX = _compile(FINDING_VERBS)
_NEGATION_RX = _compile(NEGATION | _PSEUDO_NEGATION)
_CONDITION_RX = _compile(CONDITION | _PSEUDO_CONDITION)
_MODAL_RX = _compile(MODALS)


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The words the phrases (other than suffixes such as "n't") start with."""
    return frozenset(_LEADING_WORD_RX.match(phrase).group() for phrase in phrases if phrase not in _SUFFIXES)  # type: ignore[union-attr]


@dataclass(frozen=True)
class _Anchored:
    """A pattern whose matches start only at a word (see _found).

    `name`: how a sentence's scan files the places it can start at;
    `openers`: the words it can start at; `shape` instead "ed" for any word
    in -ed, "number" for a number, "capital" for a word in `openers` or
    with a capital; `mark`: a string it can also start at, wherever it stands;
    `verb_ed`: its group "verb" is a whole word in -ed, at or after its start.
    """

    name: str
    rx: re.Pattern[str]
    openers: frozenset[str] = frozenset()
    shape: str = ""
    mark: str = ""
    verb_ed: bool = False


# The number words by their first three letters (every one has three or more).
_NUMBER_WORDS_BY_PREFIX: dict[str, tuple[str, ...]] = {}
for _number in _NUMBER_WORDS.split("|"):
    _NUMBER_WORDS_BY_PREFIX[_number[:3]] = (*_NUMBER_WORDS_BY_PREFIX.get(_number[:3], ()), _number)
_NEGATION = _Anchored("negation", _NEGATION_RX, _first_words(NEGATION | _PSEUDO_NEGATION), mark="n't")
_CONDITION = _Anchored("condition", _CONDITION_RX, _first_words(CONDITION | _PSEUDO_CONDITION))
_MODAL = _Anchored("modal", _MODAL_RX, _first_words(MODALS))
_FUTURE_PASSIVE = _Anchored("future_passive", _FUTURE_PASSIVE_RX, frozenset(("will", "would", "shall")))
_EVENTS = (
    _Anchored("perfect", _PERFECT_RX, frozenset(("has", "have", "had")), mark="'"),
    _Anchored("past_passive", _PAST_PASSIVE_RX, frozenset(("was", "were"))),
    _Anchored(
        "simple_past", _SIMPLE_PAST_RX, frozenset("he she it they we who which".split()), shape="capital", verb_ed=True
    ),
    _Anchored("transitive_past", _TRANSITIVE_PAST_RX, shape="ed", verb_ed=True),
    _Anchored(
        "noun_phrase_past",
        _NOUN_PHRASE_PAST_RX,
        frozenset("the a an its their his her our my this that".split()),
        verb_ed=True,
    ),
)
_EVENT_WORD = _Anchored("event_word", _EVENT_WORD_RX, _PAST_EVENT_WORDS | _PRESENT_EVENT_WORDS)
_QUANTITY = _Anchored("quantity", _QUANTITY_RX, shape="number")
_EXISTENTIAL = _Anchored("existential", _EXISTENTIAL_RX, frozenset(("there",)))
_PAST_LOCATION = _Anchored("past_location", _PAST_LOCATION_RX, frozenset(("was", "were")))
# Word -> the names of the patterns (other than those found by shape) that can start at it.
_OPENED_BY: dict[str, tuple[str, ...]] = {}
for _pattern in (_NEGATION, _CONDITION, _MODAL, _FUTURE_PASSIVE, *_EVENTS, _EVENT_WORD, _EXISTENTIAL, _PAST_LOCATION):
    if not _pattern.shape:
        for _word in _pattern.openers:
            _OPENED_BY[_word] = (*_OPENED_BY.get(_word, ()), _pattern.name)
# Case-folded word -> its kinds, as _word_kinds finds them.  Words recur from sentence to
# sentence; emptied when full, so that it stays small.  A plain dict rather than lru_cache:
# a sentence's words are looked up with one map(dict.get) in C, with no Python call per word.
_WORD_KINDS: dict[str, tuple[str, ...]] = {}
_WORD_KINDS_SIZE = 50_000


def _word_kinds(word: str) -> tuple[str, ...]:
    """What the stance patterns make of a (case-folded) word, and remember it.

    The names of the patterns of _OPENED_BY that can start at it; "ed" for
    a word in -ed, "event_ed" if it also names an event (see _is_event);
    "number" for a number or a word that starts with a number word.
    """
    kinds = _OPENED_BY.get(word, ())
    if word.endswith("ed"):
        kinds += ("ed", "event_ed") if _is_event(word) else ("ed",)
    if word[0].isdecimal() or word.startswith(_NUMBER_WORDS_BY_PREFIX.get(word[:3], ())):
        kinds += ("number",)
    if len(_WORD_KINDS) >= _WORD_KINDS_SIZE:
        _WORD_KINDS.clear()
    _WORD_KINDS[word] = kinds
    return kinds


def _found(pattern: _Anchored, text: str, stop: int | None = None) -> list[re.Match[str]]:
    """What `pattern.rx.finditer(text)` finds (that starts before `stop`).

    Its matches start only at a word (a run of word characters with no
    word character or hyphen before it) of a known set, or at its mark;
    trying just those places, in order and each from the end of the
    previous match, finds the same matches.  A pattern scanned over every
    character costs most of a sentence's stance evidence.
    """
    scan = _scan(text)
    if pattern.shape == "capital":
        starts = [
            start
            for start, word in zip(scan.starts, scan.words)
            if (stop is None or start < stop) and (word in pattern.openers or "A" <= text[start] <= "Z")
        ]
    else:
        starts = scan.opened().get(pattern.shape or pattern.name, [])
    if pattern.mark and pattern.mark in scan.folded:
        starts = sorted({*starts, *(m.start() for m in re.finditer(re.escape(pattern.mark), scan.folded))})
    if not starts:
        return []
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if stop is not None and start >= stop:
            break
        if start >= end:
            m = pattern.rx.match(text, start)
            if m:
                found.append(m)
                end = m.end()
    return found


@lru_cache(maxsize=None)
def _embedding_rx() -> re.Pattern[str]:
    """An embedding word, then at most three words (not "that") before the "if".

    Compiled on first use: only a sentence with "if" needs it.
    """
    return re.compile(
        r"(?<![\w-])(?:" + _trie_regex(_EMBEDDING) + r")(?:\s+or\s+(?:not|deny|confirm))?"
        r"(?:\s+(?!that(?![\w-]))[\w'.-]+){0,3}\s*,?\s*$",
        re.IGNORECASE,
    )
# Inverted conditionals at the start of a clause: "Should reports be true",
# "..., should the claims prove accurate".  The subject may not be an adverb
# or verb ("should never be", "should be seen to be" are obligations).
_INVERTED_CONDITION_RX = re.compile(
    r"(?:^|[,;:(\u2013\u2014\"\u201c']|(?<![\w-])(?:and|but|that)\s)\s*(should)\s+"
    r"(?!(?:be|have|not|never|also|only|still|now|all|really|then|always|rather|just)\b)"
    r"(?:[\w'.-]+\s+){1,4}?(?:be|prove|turn\s+out|emerge)(?![\w-])",
    re.IGNORECASE,
)
# What a negation reaches: up to four words, not past clause punctuation.
_NEGATION_WINDOW_RX = re.compile(r"(?:[\s\"\u201c\u201d()']*[\w'-]+){1,4}")
_CLAUSE_BREAK_RX = re.compile(r"[,;:()\u2013\u2014\"\u201c\u201d]|\s-\s")
_NUMBER_AFTER_RX = re.compile(r"\.?\s*\d")  # "No 10", "No. 1" are not negations
_FIRST_WORD_RX = re.compile(r"\w")

# ---------------------------------------------------------------------------
# Public functions


def _normalise(text: str) -> str:
    """Straight apostrophes and hyphens, same length, so offsets still hold."""
    if text.isascii():
        return text
    for curly, straight in _STRAIGHTEN:
        text = text.replace(curly, straight)
    return text


def _key(matched: str) -> str:
    return " ".join(matched.lower().split())


def reporting_cues(text: str) -> list[tuple[int, int, str]]:
    """Every reporting verb or source phrase, as (start, end, text as written).

    Finds where reported speech is and which words introduce it, so the
    speaker finder can look around them; multiword phrases win over the
    verb inside them ("told reporters" rather than "told").
    """
    normalised = _normalise(text)
    sourcing = _sourcing(normalised)
    return [(start, end, text[start:end]) for start, end in _lexicon_spans(normalised, ("reporting",))["reporting"] if not _inside(start, sourcing)]


def headline_cues(text: str) -> list[tuple[int, int, str]]:
    """The present-tense verbs of HEADLINE_VERBS in a headline, as (start, end, text as written)."""
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in _HEADLINE_RX.finditer(_normalise(text))]


def finding_cues(text: str) -> list[tuple[int, int, str]]:
    """The FINDING_VERBS in a sentence, as (start, end, text as written): cues only once a frame
    gives them a document as subject, or a clause after "that"."""
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in _FINDING_RX.finditer(_normalise(text))]


def keyword_stance(text: str) -> str:
    """Baseline for evaluation: the first lexicon, in the guide's order, with any match.

    Deliberately naive (no negation or condition scope) so that the
    classifier's gain over plain keyword spotting can be measured.
    """
    normalised = _normalise(text)
    spans = _lexicon_spans(normalised)
    for stance in PRECEDENCE:
        if spans[stance]:
            return stance
    return "none"


FEATURE_NAMES: tuple[str, ...] = tuple(
    sorted(
        [f"lex_{s}" for s in PRECEDENCE]
        + [f"lex_raw_{s}" for s in PRECEDENCE]
        + [f"lex_rule_{s}" for s in (*PRECEDENCE, "none")]
        + ["lex_negated_condemn", "lex_negated_confirm", "lex_negated_deny"]
        + ["lex_conditional", "lex_condition", "lex_negation", "lex_modal"]
        + ["lex_assertion", "lex_negated_fact", "lex_own_position"]
        + ["lex_question", "lex_reporting", "lex_starts_with_condition"]
    )
)


def stance_features(text: str) -> dict[str, float]:
    """Lexicon evidence for the stance classifier, as 0/1 features.

    Presence rather than counts: with so few training sentences, counts
    mostly track sentence length.  ``lex_raw_*`` is what the lexicons match;
    ``lex_*`` is the same evidence after negation and condition scope (a
    negated confirm becomes deny or hedge, anything inside a condition
    becomes hedge, and so does a true condition on its own);
    ``lex_negated_fact`` is an event the source negates, ``lex_assertion``
    one it asserts, ``lex_own_position`` a call, plan or feeling of the
    source's own; ``lex_rule_*`` is the guide's precedence over all of it.
    Every input yields the same keys, in sorted order.
    """
    text = _normalise(text)
    spans = _lexicon_spans(text)
    reported = spans["reporting"]
    background = _background(text, reported)
    cues = _stance_cues(text, spans, background)
    negations = _negations(text, cues, background)
    conditions = [span for span in _condition_cues(text) if not _inside(span[0], background)]
    scopes = _condition_scopes(text, conditions)
    scope_starts = [lo for lo, _ in scopes]
    neg_ends = [end for _, end, _, _ in negations]

    def conditional(position: int) -> bool:
        k = bisect_right(scope_starts, position) - 1
        return k >= 0 and position < scopes[k][1]

    found: set[str] = set()
    hedges = [(start, end) for start, end, stance in cues if stance == "hedge"]
    for start, end, stance in cues:
        found.add(f"lex_raw_{stance}")
        if stance == "condemn" and any(_governs(text, hedge_end, start) for _, hedge_end in hedges):
            found.add("lex_hedge")
            continue
        if conditional(start):
            found.update(("lex_hedge", "lex_conditional"))
            continue
        i = bisect_right(neg_ends, start) - 1
        if i >= 0 and start < negations[i][2] and (stance != "condemn" or _adjacent(text, negations[i][1], start)):
            if stance != "hedge":
                found.add(f"lex_negated_{stance}")
            found.add("lex_" + _flip(stance, negations[i][3], _key(text[start:end])))
        else:
            found.add(f"lex_{stance}")
    if any(not _embedded(text, start, end) for start, end in conditions):
        found.update(("lex_hedge", "lex_conditional"))
    # A question asserts and negates nothing ("Does this not show ...?").
    question = "?" in text or "\uff1f" in text
    facts = [start for start in _negated_facts(text, cues, negations) if not conditional(start)]
    if facts and not question:
        found.add("lex_negated_fact")
        # A qualifier next to it ("as far as I know, nobody was", "probably not") leaves it open.
        if not any(_near(text, fact, hedge) for fact in facts for hedge in hedges):
            found.add("lex_deny")
    if not question and any(not conditional(start) for start in _assertions(text, negations, reported)):
        found.add("lex_assertion")
    if spans["own_position"]:
        found.add("lex_own_position")

    found.add(f"lex_rule_{_rule(found)}")
    if negations:
        found.add("lex_negation")
    if conditions:
        found.add("lex_condition")
    if _found(_MODAL, text):
        found.add("lex_modal")
    if question:
        found.add("lex_question")
    if reported:
        found.add("lex_reporting")
    first = _FIRST_WORD_RX.search(text)
    if first and any(start == first.start() for start, _ in conditions):
        found.add("lex_starts_with_condition")
    return {name: float(name in found) for name in FEATURE_NAMES}


def _rule(found: set[str]) -> str:
    """The guide's precedence over the evidence found.

    A negated fact counts as a denial (``lex_deny``) unless hedged; the
    source's own call, plan or feeling outranks only an asserted event,
    which outranks nothing but none.
    """
    stance = next((s for s in PRECEDENCE if f"lex_{s}" in found), None)
    if stance is not None:
        return stance
    if "lex_own_position" in found:
        return "none"
    return "confirm" if "lex_assertion" in found else "none"


def _flip(stance: str, open_negation: bool, cue: str) -> str:
    """The stance a cue takes under negation (see the module docstring)."""
    if stance == "confirm":
        return "hedge" if open_negation or cue in _EPISTEMIC else "deny"
    if stance == "deny":
        return "hedge"
    if stance == "condemn":
        return "deny"
    return stance


def _stance_cues(text: str, lexicons: dict[str, list[tuple[int, int]]], background: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Stance cues of all lexicons, leftmost-longest, without overlaps.

    A longer phrase of one lexicon swallows a cue of another inside it
    ("refused to confirm" is one deny cue, not deny plus confirm), and a
    phrase of NOT_STANCE swallows a cue and is then dropped; so is a cue in
    the writer's background on the source (`_background`).
    """
    rank = {stance: i for i, stance in enumerate(PRECEDENCE)}
    spans = [(start, end, stance) for stance in PRECEDENCE for start, end in lexicons[stance]]
    spans.extend((start, end, "") for start, end in lexicons["not_stance"])
    spans.extend(
        (m.start(), m.end(), "confirm")
        for m in _found(_FUTURE_PASSIVE, text)
        if m.group("verb").lower() not in _NOT_EVENTS
    )
    spans.sort(key=lambda s: (s[0], s[0] - s[1], rank.get(s[2], -1)))
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return [span for span in kept if span[2] and not _inside(span[0], background)]


def _background(text: str, reported: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The writer's background on the source, not what the source said: relative clauses set off
    between a source and its reporting word ("Lopez, who has denied wrongdoing, said ..."), why
    the source is not named (`_SOURCING_RX`) and the question it answers (`_ASKED_RX`)."""
    spans = _sourcing(text)
    if "sked" in text:
        spans += [(m.start(), m.end()) for m in _ASKED_RX.finditer(text)]
    if not reported or "," not in text:
        return sorted(spans)
    starts = [start for start, _ in reported]
    spans += [
        (m.start(), m.end())
        for m in _SOURCE_CLAUSE_RX.finditer(text)
        if any(start >= m.end() and _CLAUSE_TO_VERB_RX.fullmatch(text, m.end(), start) for start in starts)
    ]
    return sorted(spans)


def _sourcing(text: str) -> list[tuple[int, int]]:
    """Where the writer says why a source is not named: background, and never the report itself."""
    if "anonym" not in text and "authori" not in text and "named" not in text and "identified" not in text:
        return []  # every such clause holds one of these words: most sentences need no regex
    return [(m.start(), m.end()) for m in _SOURCING_RX.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(lo <= position < hi for lo, hi in spans)


def _negations(text: str, cues: list[tuple[int, int, str]], background: list[tuple[int, int]]) -> list[tuple[int, int, int, bool]]:
    """Negations as (start, end, end of reach, leaves the claim open).

    A negation inside a stance phrase ("no evidence", "not clear") is already
    accounted for by that phrase and reaches nothing further; one in the
    writer's background (`_background`) is not the source's.
    """
    cue_ends = [end for _, end, _ in cues]
    negations = []
    for m in _found(_NEGATION, text):
        key = _key(m.group())
        if key in _PSEUDO_NEGATION or (key == "no" and _NUMBER_AFTER_RX.match(text, m.end())) or _inside(m.start(), background):
            continue
        i = bisect_right(cue_ends, m.start())
        if i < len(cues) and cues[i][0] < m.end():
            continue
        window = _NEGATION_WINDOW_RX.match(text, m.end())
        reach = window.end() if window else m.end()
        negations.append((m.start(), m.end(), reach, key in _OPEN_NEGATION))
    return negations


def _condition_cues(text: str) -> list[tuple[int, int]]:
    """Condition words and clause-initial inverted conditionals, as spans."""
    spans = [
        (m.start(), m.end())
        for m in _found(_CONDITION, text)
        if _key(m.group()) not in _PSEUDO_CONDITION
    ]
    if "should" in _folded(text):
        spans.extend((m.start(1), m.end(1)) for m in _INVERTED_CONDITION_RX.finditer(text))
    return sorted(spans)


def _condition_scopes(text: str, cues: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of text a condition makes unasserted, merged and sorted.

    A true condition covers its clause back to the previous clause break
    (or, set off by commas, the clause it interrupts: "The fraud, if true,
    would be ...") and forward to the end of the sentence or a semicolon (a
    consequent is as conditional as its antecedent: "if true, it shows
    desperation").  An embedded question ("whether", "asked if") covers
    only the rest of its clause.
    """
    if not cues:
        return []
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK_RX.finditer(text)]
    break_starts = [start for start, _ in breaks]
    break_ends = [end for _, end in breaks]
    semicolons = [i for i, char in enumerate(text) if char == ";"]
    scopes = []
    for start, end in cues:
        if _embedded(text, start, end):
            i = bisect_left(break_starts, end)
            scopes.append((start, break_starts[i] if i < len(breaks) else len(text)))
            continue
        i = bisect_right(break_ends, start) - 1
        if i >= 0 and _parenthetical(text, breaks, i, start, end):
            i -= 1
        j = bisect_left(semicolons, end)
        clause_start = break_ends[i] if i >= 0 else 0
        scopes.append((clause_start, semicolons[j] if j < len(semicolons) else len(text)))
    scopes.sort()
    merged = [scopes[0]]
    for lo, hi in scopes[1:]:
        if lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _parenthetical(
    text: str, breaks: list[tuple[int, int]], i: int, start: int, end: int
) -> bool:
    """Whether the condition at start..end sits between commas, the i-th break opening it."""
    opening = breaks[i]
    if text[opening[0]] != "," or text[opening[1] : start].strip():
        return False
    closing = next((b for b in breaks[i + 1 :] if b[0] >= end), None)
    return closing is not None and text[closing[0]] == "," and bool(text[closing[1] :].strip())


def _embedded(text: str, start: int, end: int) -> bool:
    """Whether the condition word at start..end opens an embedded question ("asked if")."""
    key = _key(text[start:end])
    return key in _QUESTION_CONDITION or (
        key == "if" and _embedding_rx().search(text, max(0, start - 60), start) is not None
    )


# Words that may stand between a negation and the denouncing word it negates
# ("is not in any way illegal"); any other word means the negation governs
# something else ("must not allow evil", "failing to report fraud").
_NEGATED_CONDEMN_GAP = frozenset(
    "a an the any in at all way been be considered entirely remotely itself an".split()
)


def _adjacent(text: str, negation_end: int, cue_start: int) -> bool:
    """Whether a negation ends right before a denouncing cue, across only filler words."""
    return all(word.lower() in _NEGATED_CONDEMN_GAP for word in re.findall(r"[\w'-]+", text[negation_end:cue_start]))


_GOVERN_BREAK_RX = re.compile(r"[,;:()\u2013\u2014]|\s-\s|[.!?]\s")


def _governs(text: str, hedge_end: int, start: int, words: int = 12) -> bool:
    """Whether a hedge ("highly likely that", "would be") scopes over a later cue in its clause.

    "It is highly likely that they are supporting a war of aggression" and
    "would be a sign of desperation" leave the denunciation unasserted.
    """
    if hedge_end > start:
        return False
    between = text[hedge_end:start]
    return len(between.split()) <= words and not _GOVERN_BREAK_RX.search(between)


def _near(text: str, position: int, span: tuple[int, int], words: int = 5) -> bool:
    """Whether a span lies within a few words of a position."""
    between = text[span[1] : position] if span[1] <= position else text[position : span[0]]
    return len(between.split()) <= words


def _negated_facts(
    text: str, cues: list[tuple[int, int, str]], negations: list[tuple[int, int, int, bool]]
) -> list[int]:
    """Starts of negations that deny an event or state: "was not", "has never", "no one was".

    A negation that reaches a stance cue is left to that cue; "cannot",
    "will not" and "do not want" negate an ability, a plan or a wish.
    """
    cue_starts = [start for start, _, _ in cues]
    facts = []
    for start, end, reach, _ in negations:
        i = bisect_left(cue_starts, end)
        if i < len(cues) and cue_starts[i] < reach:
            continue
        key = _key(text[start:end])
        after = _WORD_AFTER_RX.match(text, end)
        if after and (after.group(1).lower() in _VOLITION or after.group(1).lower() in _EPISTEMIC):
            continue
        before = _WORD_BEFORE_RX.search(text, max(0, start - 40), start)
        previous = before.group(1).lower() if before else ""
        auxiliary = previous in _FACT_AUXILIARIES or previous.endswith(("'s", "'re", "'m"))
        if key in ("never", "nothing", "nobody", "no one", "none"):
            # Not "will never", nor "nobody should have to": a plan, an ability or an obligation.
            factual = previous not in _PLAN_OR_ABILITY and not (after and after.group(1).lower() in _OBLIGATION_OR_PLAN)
        elif key == "no":
            factual = auxiliary or bool(_NO_SUBJECT_RX.match(text, end))
        else:
            factual = key in ("not", "n't", "not yet", "yet to") and auxiliary
        if factual:
            facts.append(start)
    return facts


def _assertions(
    text: str, negations: list[tuple[int, int, int, bool]], reporting: list[tuple[int, int]]
) -> Iterator[int]:
    """Starts of asserted events: finite past verbs, quantities, "there is/was ...", "were in ...".

    Negated ones, and those in a writer's relative clause or sourcing, are left out.
    Found lazily, pattern by pattern: the caller stops at the first that counts.
    """
    background: list[tuple[int, int]] | None = None
    for start in _event_starts(text, reporting):
        if any(lo <= start < reach for lo, _, reach, _ in negations):
            continue
        if background is None:
            background = [(m.start(), m.end()) for m in _RELATIVE_CLAUSE_RX.finditer(text)] + _sourcing(text)
        if not _inside(start, background):
            yield start


def _event_starts(text: str, reporting: list[tuple[int, int]]) -> Iterator[int]:
    """Where an event is asserted by its shape alone, in the order of the patterns."""
    reported: set[str] | None = None
    last_event_ed: int | None = None
    for pattern in _EVENTS:
        stop = None
        if pattern.verb_ed:
            # Its verb is a word in -ed of the text: with no such event verb the pattern yields
            # nothing, and none of its yielding matches starts after the last one.
            if last_event_ed is None:
                last_event_ed = _scan(text).opened().get("event_ed", [-1])[-1]
            if last_event_ed < 0:
                continue
            stop = last_event_ed + 1
        for m in _found(pattern, text, stop):
            verb = m.group("verb").lower()
            if _is_event(verb):
                if reported is None:
                    reported = {_key(text[start:end]) for start, end in reporting}
                if verb not in reported:
                    yield m.start("verb")
    for pattern in (_EVENT_WORD, _QUANTITY, _EXISTENTIAL, _PAST_LOCATION):
        for m in _found(pattern, text):
            yield m.start()


def _is_event(verb: str) -> bool:
    """Whether a (lower-case) verb after a subject or an auxiliary names an event, not a state or a saying."""
    event = (verb.endswith("ed") and len(verb) > 3 and not verb.endswith("eed")) or verb in _PARTICIPLES
    return event and verb not in _NOT_EVENTS and verb not in REPORTING_VERBS


def lexicon_matches(text: str) -> list[tuple[int, int, str]]:
    """What the lexicons matched in `text`, as (start, end, kind), for showing why a stance came out.

    `kind` is a stance (one of PRECEDENCE) for a stance cue, else
    "negation", "condition" or "modal"; offsets index `text`.
    """
    normalised = _normalise(text)
    spans = _lexicon_spans(normalised)
    background = _background(normalised, spans["reporting"])
    cues = _stance_cues(normalised, spans, background)
    found = list(cues)
    found += [(start, end, "negation") for start, end, _, _ in _negations(normalised, cues, background)]
    found += [(start, end, "condition") for start, end in _condition_cues(normalised) if not _inside(start, background)]
    found += [(m.start(), m.end(), "modal") for m in _MODAL_RX.finditer(normalised)]
    return sorted(found)
