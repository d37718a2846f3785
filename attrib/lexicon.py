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
Theresa May), "States" (United States), "Signals".

Decisions the labelling guide leaves open, made here and tested:

- a negated denial ("did not deny", "never denied") leaves the claim
  standing without asserting it: hedge;
- a negated denouncing word ("not illegal", "did not violate") rejects how an
  act is described: deny;
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
  is no negation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from itertools import product
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
recount describe concede emphasise emphasize underline underscore reiterate
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
protested protesting
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
    "speaking on condition of anonymity",
    "on condition of anonymity",
    f"at|during {_DET} * press|news conference|briefing",
    f"at|during {_DET} * briefing|hearing|rally",
    "~issue|~release * statement|warning|denial|rebuttal|apology",
    "~point out",
    "~go on to say",
    "~make clear",
    "~make it clear",
    "~hit+ back|out",
    "~lash out",
    "~speak out",
    "~weigh in",
    "~decline|~refuse to comment|say|confirm|discuss|elaborate|speculate|answer",
    "~brush off|aside",
    "~play down",
    "~rule out",
    "~lodge * protest|complaint",
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
    charge agree pledge promise vow back instruct inform notify observe""".split()
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
signal stress defy rebuke reaffirm
""".split()
HEADLINE_VERBS: frozenset[str] = frozenset(
    form for lemma in _HEADLINE_LEMMAS for form in _forms(lemma)[:2]
)

# ---------------------------------------------------------------------------
# Stance lexicons

_LAW = (
    "(international law|the law|law|the constitution|the un charter|international norms|"
    "its obligations|our obligations|all regulations|regulations|the rules|"
    "applicable law|applicable laws|international agreements|the agreement)"
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
    "comment|say|disclose|specify|elaborate|reveal|discuss|be drawn",
    "nothing to add",
    "a question for",
    "a matter for",
    "you'd|you'll have to ask",
    "you would|will have to ask",
    "~refer+ * questions to",
    "direct * questions to",
    "clarify that|this|it with",
    "not going to speculate",
    "(won't|will not|would not|wouldn't) speculate",
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
    "untrue", "false", "falsely", "falsehood", "falsehoods", "baseless",
    "groundless", "unfounded", "unsubstantiated", "fabricated", "fabrication",
    "fabrications", "fake", "fake news", "fiction", "fictitious", "fantasy",
    "fantasies", "fairy tale|tales", "hoax", "myth", "conspiracy theory|theories",
    "disinformation", "misinformation", "propaganda", "smear", "smears",
    "slander", "slanderous", "defamatory", "libellous", "libelous", "misleading",
    "inaccurate", "incorrect", "erroneous", "nonsense", "absurd", "ridiculous",
    "preposterous", "laughable", "far-fetched", "exaggerated", "exaggeration",
    "overblown", "overstated", "out of context", "~misrepresent",
    "misrepresentation", "~distort", "distortion",
    "a lie", "is|are|was|were lies", "it's a lie", "all lies", "pack of lies",
    "outright|blatant|barefaced|complete|total lie|lies",
    "mere|pure|idle|wild speculation",
    # Rejecting how an act is described: lawful, internal, harmless.
    f"within the framework of {_LAW}",
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
    "~take aim at", "~accuse", "accusation", "accusations", "~blame",
    "~betray", "betrayal",
    # Diplomatic protest.
    "~protest",
    "~lodge * protest|complaint",
    "formal protest|complaint",
    "note of protest",
    "~summon * ambassador|ambassadors|envoy|envoys|diplomat|diplomats|chargé|charge",
    "~expel+ * ambassador|envoy|diplomat|diplomats",
    "~recall * ambassador|envoy",
    "strongest terms",
    "strongest possible terms",
    # Moral outrage.
    "shocking", "shocked", "outrageous", "outrage", "outraged", "appalling",
    "appalled", "horrific", "horrendous", "horrifying", "horrified", "abhorrent",
    "atrocious", "atrocity", "atrocities", "barbaric", "barbarous", "barbarism",
    "barbarity", "brutal", "brutality", "brutally", "heinous", "vile",
    "despicable", "disgraceful", "disgrace", "shameful", "shameless", "shame",
    "shame on", "unacceptable", "intolerable", "inexcusable", "unjustifiable",
    "indefensible", "unforgivable", "unjustified", "unprovoked", "egregious",
    "flagrant", "flagrantly", "blatant", "blatantly", "brazen", "brazenly",
    "cynical", "cynically", "callous", "cowardly", "disgusting", "sickening",
    "sickened", "disgusted", "monstrous", "inhumane", "inhuman", "savage",
    "savagery", "evil", "wicked", "immoral", "unethical", "cruel", "cruelty",
    "indiscriminate", "senseless", "wanton", "murderous", "bloodthirsty",
    "slap in the face", "stab in the back", "affront to", "insult to",
    "blood on * hands", "travesty", "mockery", "farce", "sham", "scandalous",
    "pathetic", "hypocrisy", "hypocritical", "hypocrite", "hypocrites",
    "double standard|standards", "desperate", "desperation",
    # Crimes and illegality.
    "criminal", "criminals", "a crime", "crimes", "war crime", "war crimes",
    "war criminal", "war criminals", "crimes against humanity", "genocide",
    "genocidal", "ethnic cleansing",
    "act of terror|terrorism|aggression|war|sabotage|piracy|barbarism|vandalism",
    "terrorist act|acts", "illegal", "illegally", "illegality", "unlawful",
    "unlawfully", "illegitimate", "unconstitutional", "undemocratic",
    "in violation of", "violation", "violations", "~violate", "in breach of",
    "a breach of", "breaches of", "flagrant breach", "~flout", "in defiance of",
    "disregard for", "contempt for", "interference in", "interfering in",
    "meddling", "abuse of power|office|authority", "abuses", "persecution",
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
    "probably", "probable", "probability", "possibly", "possible", "possibility",
    "potential", "potentially", "perhaps", "maybe", "conceivably", "presumably",
    "arguably", "in theory", "theoretically", "hypothetically",
    "may", "might", "could", "would be", "would have", "would mean",
    "may|might well",
    # Appearance and hearsay.
    "appear|appears|appeared to", "it appears", "it would appear", "apparently",
    "apparent", "~seem", "seemingly", "reportedly", "reported to", "the reported",
    "is|are|was|were said|believed|thought|understood|alleged|expected|reported|"
    "suspected|rumoured|rumored to",
    "it is thought|believed|understood",
    "~allege", "allegedly", "allegation", "allegations", "purported",
    "purportedly", "supposedly", "supposed", "unconfirmed", "unverified",
    "rumour", "rumours", "rumor", "rumors", "rumoured", "rumored", "hearsay",
    "speculation", "speculative", "~speculate", "~suggest", "suggestion",
    "indicates", "indicating", "indication", "indications",
    "suspected", "we|i suspect", "suspicion", "suspicions", "suspicious",
    "~doubt", "doubts", "doubtful", "questionable", "dubious",
    "we|i believe", "we|i think", "we assess", "~assess that",
    "preliminary", "initial indications|reports|assessment|findings",
    "early indications|reports", "tentative", "tentatively", "provisional",
    "provisionally",
    # Unknown, unclear, not yet established.
    "unclear", "not|isn't|wasn't|aren't|weren't * clear", "uncertain",
    "uncertainty", "not|isn't|wasn't * certain|sure|known", "unsure", "unknown",
    "(don't|do not|doesn't|does not) know", "we cannot|can't know",
    "cannot|can't say", "hard|difficult|impossible to say|tell|know",
    "too early|soon to say|tell|know|judge|confirm|speculate",
    "premature to",
    "remains|remain|left|yet to be seen|determined|confirmed|verified|established|"
    "clarified|known",
    "(cannot|can't|could not|couldn't|unable to|not able to) confirm|verify|say|corroborate",
    "(could not|couldn't) independently|immediately confirm|verify",
    "not in a position to",
    "not aware", "unaware", "(have|has|had) no information",
    "as far as we know",
    "to the best of our knowledge",
    "(cannot|can't) (rule out|exclude)",
    "not ruling out",
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
    "photographs|video|videos|analysis|tests|results show|shows|showed|shown|"
    "confirm|confirms|confirmed|indicate|indicates|indicated|reveal|reveals|revealed|"
    "prove|proves|proved",
    "we|i know", "we now know", "we knew", "it is known",
    "we have seen", "we have information",
    "(we are|we're|i am|i'm) certain|sure|confident|convinced",
    # Certainty.
    "it is certain", "certainly", "definitely", "definitively", "definitive",
    "undoubtedly", "no doubt", "without doubt", "without a doubt",
    "beyond doubt", "beyond any doubt", "beyond reasonable doubt",
    "(there is|there's) no doubt|question", "no question that", "little doubt",
    "indisputable", "indisputably", "undeniable", "undeniably", "irrefutable",
    "unquestionably", "conclusive", "conclusively", "clearly",
    "(it is|it's) clear", "is|was clear that", "are clear",
    "crystal|very|absolutely|perfectly|quite clear", "~make clear",
    "~make it clear", "obviously", "evidently", "plainly", "indeed", "in fact",
    "a fact", "the fact is", "it is true", "it's true", "that is true",
    "that's true", "is|are real",
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
     "not able to", "not yet", "yet to", "not immediately")
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
     "no matter", "no less than", "nothing but", "no sooner")
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
_CASE_SENSITIVE = frozenset(("may", "states", "signals"))

# ---------------------------------------------------------------------------
# Compilation

_STRAIGHTEN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'", "\u2010": "-", "\u2011": "-"}
)
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


_REPORTING_RX = _compile(REPORTING_VERBS | REPORTING_PHRASES)
_HEADLINE_RX = _compile(HEADLINE_VERBS)
_STANCE_RX: dict[str, re.Pattern[str]] = {
    stance: _compile(lexicon) for stance, lexicon in STANCE_LEXICONS.items()
}
_NEGATION_RX = _compile(NEGATION | _PSEUDO_NEGATION)
_CONDITION_RX = _compile(CONDITION | _PSEUDO_CONDITION)
_MODAL_RX = _compile(MODALS)
# An embedding word, then at most three words (not "that") before the "if".
_EMBEDDING_RX = re.compile(
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
    return text.translate(_STRAIGHTEN)


def _key(matched: str) -> str:
    return " ".join(matched.lower().split())


def reporting_cues(text: str) -> list[tuple[int, int, str]]:
    """Every reporting verb or source phrase, as (start, end, text as written).

    Finds where reported speech is and which words introduce it, so the
    speaker finder can look around them; multiword phrases win over the
    verb inside them ("told reporters" rather than "told").
    """
    return [
        (m.start(), m.end(), text[m.start() : m.end()])
        for m in _REPORTING_RX.finditer(_normalise(text))
    ]


def headline_cues(text: str) -> list[tuple[int, int, str]]:
    """The present-tense verbs of HEADLINE_VERBS in a headline, as (start, end, text as written)."""
    return [(m.start(), m.end(), text[m.start() : m.end()]) for m in _HEADLINE_RX.finditer(_normalise(text))]


def keyword_stance(text: str) -> str:
    """Baseline for evaluation: the first lexicon, in the guide's order, with any match.

    Deliberately naive (no negation or condition scope) so that the
    classifier's gain over plain keyword spotting can be measured.
    """
    normalised = _normalise(text)
    for stance in PRECEDENCE:
        if _STANCE_RX[stance].search(normalised):
            return stance
    return "none"


FEATURE_NAMES: tuple[str, ...] = tuple(
    sorted(
        [f"lex_{s}" for s in PRECEDENCE]
        + [f"lex_raw_{s}" for s in PRECEDENCE]
        + [f"lex_rule_{s}" for s in (*PRECEDENCE, "none")]
        + ["lex_negated_condemn", "lex_negated_confirm", "lex_negated_deny"]
        + ["lex_conditional", "lex_condition", "lex_negation", "lex_modal"]
        + ["lex_question", "lex_reporting", "lex_starts_with_condition"]
    )
)


def stance_features(text: str) -> dict[str, float]:
    """Lexicon evidence for the stance classifier, as 0/1 features.

    Presence rather than counts: with so few training sentences, counts
    mostly track sentence length.  ``lex_raw_*`` is what the lexicons match;
    ``lex_*`` is the same evidence after negation and condition scope (a
    negated confirm becomes deny or hedge, anything inside a condition
    becomes hedge); ``lex_rule_*`` is the guide's precedence over that
    evidence.  Every input yields the same keys, in sorted order.
    """
    text = _normalise(text)
    cues = _stance_cues(text)
    negations = _negations(text, cues)
    conditions = _condition_cues(text)
    scopes = _condition_scopes(text, conditions)
    scope_starts = [lo for lo, _ in scopes]
    neg_ends = [end for _, end, _, _ in negations]

    found: set[str] = set()
    for start, end, stance in cues:
        found.add(f"lex_raw_{stance}")
        k = bisect_right(scope_starts, start) - 1
        if k >= 0 and start < scopes[k][1]:
            found.update(("lex_hedge", "lex_conditional"))
            continue
        i = bisect_right(neg_ends, start) - 1
        if i >= 0 and start < negations[i][2]:
            if stance != "hedge":
                found.add(f"lex_negated_{stance}")
            found.add("lex_" + _flip(stance, negations[i][3], _key(text[start:end])))
        else:
            found.add(f"lex_{stance}")

    rule = next((s for s in PRECEDENCE if f"lex_{s}" in found), "none")
    found.add(f"lex_rule_{rule}")
    if negations:
        found.add("lex_negation")
    if conditions:
        found.add("lex_condition")
    if _MODAL_RX.search(text):
        found.add("lex_modal")
    if "?" in text or "\uff1f" in text:
        found.add("lex_question")
    if _REPORTING_RX.search(text):
        found.add("lex_reporting")
    first = _FIRST_WORD_RX.search(text)
    if first and any(start == first.start() for start, _ in conditions):
        found.add("lex_starts_with_condition")
    return {name: float(name in found) for name in FEATURE_NAMES}


def _flip(stance: str, open_negation: bool, cue: str) -> str:
    """The stance a cue takes under negation (see the module docstring)."""
    if stance == "confirm":
        return "hedge" if open_negation or cue in _EPISTEMIC else "deny"
    if stance == "deny":
        return "hedge"
    if stance == "condemn":
        return "deny"
    return stance


def _stance_cues(text: str) -> list[tuple[int, int, str]]:
    """Stance cues of all lexicons, leftmost-longest, without overlaps.

    A longer phrase of one lexicon swallows a cue of another inside it
    ("refused to confirm" is one deny cue, not deny plus confirm).
    """
    rank = {stance: i for i, stance in enumerate(PRECEDENCE)}
    spans = [
        (m.start(), m.end(), stance) for stance, rx in _STANCE_RX.items() for m in rx.finditer(text)
    ]
    spans.sort(key=lambda s: (s[0], s[0] - s[1], rank[s[2]]))
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _negations(text: str, cues: list[tuple[int, int, str]]) -> list[tuple[int, int, int, bool]]:
    """Negations as (start, end, end of reach, leaves the claim open).

    A negation inside a stance phrase ("no evidence", "not clear") is already
    accounted for by that phrase and reaches nothing further.
    """
    cue_ends = [end for _, end, _ in cues]
    negations = []
    for m in _NEGATION_RX.finditer(text):
        key = _key(m.group())
        if key in _PSEUDO_NEGATION or (key == "no" and _NUMBER_AFTER_RX.match(text, m.end())):
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
        for m in _CONDITION_RX.finditer(text)
        if _key(m.group()) not in _PSEUDO_CONDITION
    ]
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
        key = _key(text[start:end])
        embedded = key in _QUESTION_CONDITION or (
            key == "if" and _EMBEDDING_RX.search(text, max(0, start - 60), start)
        )
        if embedded:
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
