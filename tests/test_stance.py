"""Stance by factuality: asserted and negated events, the source's own positions, scope.

Every sentence and article here is made up for these tests, on topics the
seed articles do not cover (storms, sport, courts, companies, health).
"""

from __future__ import annotations

import numpy as np
import pytest

from attrib.corpus import load_corpus
from attrib.model.features import SentenceInput, text_classifier
from attrib.analysis.lexicon import FEATURE_NAMES, stance_features
from attrib.model.tagger import LEXICON_PRIOR, Tagger, _with_lexicon_prior
from tests.conftest import DATA, SEEDS


def rule(text: str) -> str:
    features = stance_features(text)
    (on,) = [name for name in FEATURE_NAMES if name.startswith("lex_rule_") and features[name]]
    return on.removeprefix("lex_rule_")


# ---------------------------------------------------------------------------
# Asserted events are confirm


@pytest.mark.parametrize(
    "text",
    [
        "The coastguard said the trawler had sunk about 20 miles off the coast.",  # perfect
        "The ministry said the convoy has reached the capital.",
        "Police said the two men were arrested at the scene.",  # past passive
        "The club said the striker was released from hospital on Sunday.",
        "Firefighters said 350 homes were evacuated overnight.",  # quantity
        "The central bank said inflation is expected at 3.2 percent next year.",
        "According to the organisers, 40,000 runners took part.",
        "The airline said the plane landed safely in Porto after the engine failure.",  # finite past
        "The league said its inspectors found traces of the banned drug.",
        "The mayor told reporters that the bridge reopened on Monday.",
        "Rescuers said there were still people trapped in the building.",  # existential
        "Officials said the new pumps would be installed by June.",  # reported future
        "The hospital said the patient died on Tuesday evening.",
        "The colonel said the hostages were in a farmhouse near the border.",  # a past place
    ],
)
def test_an_asserted_event_is_confirm(text: str) -> None:
    features = stance_features(text)
    assert features["lex_assertion"] == 1.0 or features["lex_confirm"] == 1.0
    assert rule(text) == "confirm"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said she was deeply concerned about the floods.",  # a feeling, not an event
        "The board said the plan was designed to cut costs.",
        "The senator said the bill was a step in the right direction.",
        "The union said the new rota is unfair on nurses.",
        "The coach said he expected a tough match in 2026.",  # a year is no quantity
        "The league said the reported transfer fee was wrong.",  # an adjective before its noun
        "The envoy said he was in favour of new talks.",  # "was in" with no place
        # The writer's background on a party, in a relative clause.
        "The rebels, who seized the port in 2019, said they would hold talks.",
    ],
)
def test_states_feelings_and_years_are_no_asserted_event(text: str) -> None:
    assert stance_features(text)["lex_assertion"] == 0.0


def test_a_question_asserts_and_negates_nothing() -> None:
    features = stance_features("“Has the board not seen the accounts the auditors sent?” she asked.")
    assert features["lex_assertion"] == 0.0
    assert features["lex_negated_fact"] == 0.0


# ---------------------------------------------------------------------------
# The source's own calls, plans and feelings outrank only an asserted event


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The ministry said it had warned residents and would keep them informed.", "none"),
        ("“We will rebuild the homes that were destroyed,” the governor said.", "none"),
        ("The federation urged clubs to report the 12 players who were injured.", "none"),
        ("The charity said it was proud of the 300 volunteers who helped.", "none"),
        ("The agency said it needed 40 million dollars for the winter.", "none"),
        # A stance cue still wins over an own position.
        ("The union condemned the closures and urged members to strike.", "condemn"),
        ("“We are concerned that the rebels have sent 500 fighters,” the minister said.", "confirm"),
        ("The firm denied the leak and said it would cooperate with regulators.", "deny"),
    ],
)
def test_own_positions_outrank_only_asserted_events(text: str, stance: str) -> None:
    assert stance_features(text)["lex_own_position"] == 1.0
    assert rule(text) == stance


# ---------------------------------------------------------------------------
# Negated events are deny; hedged ones stay open; casualty counts are outcomes


@pytest.mark.parametrize(
    "text",
    [
        "“I have never met him,” the senator said.",
        "The airline said no passengers had been on board when the fire started.",
        "The company said its talc has never contained asbestos.",
        "The rebels have not yet replied to the offer, the mediator said.",
        "The ministry said the troops are not moving towards the border.",
        "The regulator said it does not see a link between the drug and the deaths.",
        "The agency said it doesn't have any indications that the virus has spread.",
        "“We were not involved in the raid,” the militia said.",
        "The government does not believe the ship has left port, a spokesman said.",
    ],
)
def test_a_negated_event_is_deny(text: str) -> None:
    features = stance_features(text)
    assert features["lex_deny"] == 1.0
    assert rule(text) == "deny"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # Wishes, plans, abilities and knowledge are not facts denied.
        ("“We do not want to speculate,” the coroner said.", "hedge"),
        ("The club said it will not sell its captain.", "none"),
        ("We don't yet know whether the dam will hold, the governor said.", "hedge"),
        # A qualifier next to the negation leaves it open.
        ("“As far as I know, nobody was inside the warehouse,” he said.", "hedge"),
        ("The minister said the protesters were probably not local residents.", "hedge"),
        # A hedge in another clause does not.
        ("The firm has not yet paid the fine and is still studying the ruling, its lawyer said.", "deny"),
        # Casualty counts report an outcome.
        ("“Nobody was injured,” the fire chief said.", "confirm"),
        ("Police said there were no casualties in the blast.", "confirm"),
        ("The mayor said no one was seriously hurt.", "confirm"),
    ],
)
def test_what_a_negation_does_not_deny(text: str, stance: str) -> None:
    assert rule(text) == stance


# ---------------------------------------------------------------------------
# Scope: conditions, hedges over denunciations, negated denunciations


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # A true condition hedges with no other cue; an embedded question does not.
        ("“If they fire on our boats, we will respond,” the admiral said.", "hedge"),
        ("Asked whether the striker would play, the coach replied: “if he trains on Friday.”", "hedge"),
        ("The minister was asked if the bridge had reopened.", "none"),
        # A hedge earlier in the clause governs a later denunciation.
        ("It is highly likely that the militia is backing a war of aggression, the envoy said.", "hedge"),
        ("Any such attack would be a sign of desperation, the minister said.", "hedge"),
        # ... but not one outside its clause, nor one before it.
        ("The attack was barbaric, and more could follow, the minister said.", "condemn"),
        # A negation must stand right before the denouncing word it negates.
        ("“We must not allow this cruelty to continue,” she said.", "condemn"),
        ("The party accused the press of failing to report the fraud.", "condemn"),
        ("The regulator said the bank's conduct was not in any way illegal.", "deny"),
    ],
)
def test_scope(text: str, stance: str) -> None:
    assert rule(text) == stance


# ---------------------------------------------------------------------------
# The models


def test_stance_evidence_reaches_the_stance_model_only() -> None:
    # Whether a sentence reports someone does not turn on whether it denies.
    denial = SentenceInput("The club denied the report, a spokesman said.", {"has_cue": 1.0})
    plain = SentenceInput("The club met the press, a spokesman said.", {"has_cue": 1.0})

    def hashed(stance_evidence: bool, item: SentenceInput) -> np.ndarray:
        union = text_classifier(C=1.0, stance_evidence=stance_evidence).named_steps["union"]
        return dict(union.transformer_list)["features"].fit_transform([item]).toarray()

    assert np.array_equal(hashed(False, denial), hashed(False, plain))
    assert not np.array_equal(hashed(True, denial), hashed(True, plain))
    assert denial.stance_evidence["lex:lex_rule_deny"] == 1.0
    assert "lex:lex_rule_deny" not in denial.features


def test_lexicon_prior_tilts_towards_the_rule_label() -> None:
    labels = ["condemn", "confirm", "deny", "hedge", "none"]
    proba = np.full((1, 5), 0.2)
    item = SentenceInput("The firm denied the claims, its lawyer said.", {})
    tilted = _with_lexicon_prior(proba, labels, [item])
    assert tilted.sum() == pytest.approx(1.0)
    assert tilted[0, 2] / tilted[0, 1] == pytest.approx(np.exp(LEXICON_PRIOR))
    assert LEXICON_PRIOR > 0


# Made up for these tests: a storm, a court case and a football club.
STORM = """Storm Elin flattened sheds and power lines across the islands on Friday.
The harbour master said 40 boats had been moved to the inner dock before the storm hit.
"Nobody was injured," coastguard chief Ingrid Solberg said.
Solberg said the ferry company had not yet resumed sailings.
"It is too early to say how long the repairs will take," she added.
The ferry operator, Nordlink, said the storm damage was "hard to assess" from the shore.
Energy minister Paul Brandt said he had summoned the grid company's chief executive over the blackout.
Brandt called the company's preparations "reckless" and "unacceptable".
"We call on every household to check on their neighbours," Brandt said.
Nordlink said the claims that it had ignored the forecast were "baseless".
The harbour reopened on Sunday."""


@pytest.fixture(scope="module")
def storm(session_tagger: Tagger) -> list:
    return session_tagger.tag(STORM, article="storm")


@pytest.mark.parametrize(
    ("index", "stance"),
    [
        (1, "confirm"),  # an asserted event with a quantity
        (2, "confirm"),  # a casualty count
        (3, "deny"),  # a negated event
        (4, "hedge"),  # too early to say
        (5, "hedge"),  # hard to assess
        (6, "condemn"),  # a summons
        (7, "condemn"),  # reckless, unacceptable
        (8, "none"),  # a call to act
        (9, "deny"),  # baseless
    ],
)
def test_the_tagger_gives_each_kind_its_stance(storm: list, index: int, stance: str) -> None:
    record = storm[index]
    assert record.quote != "none", record.text
    assert record.stance == stance, record.text


def test_narration_takes_no_stance(storm: list) -> None:
    assert (storm[0].quote, storm[0].stance) == ("none", "none")
    assert (storm[10].quote, storm[10].stance) == ("none", "none")


def test_a_freshly_fitted_tagger_agrees(storm: list) -> None:
    fresh = Tagger().fit(load_corpus(DATA, SEEDS)).tag(STORM, article="storm")
    assert [r.stance for r in fresh] == [r.stance for r in storm]
