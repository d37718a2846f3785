"""`attrib explain`: signed contributions that add up to the models' log-odds, and the speaker candidates."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from attrib.model.features import SentenceInput, sentence_inputs
from attrib.analysis.structure import analyse
from attrib.model.tagger import LEXICON_PRIOR, Tagger
from attrib.views.explain import Decision, explain, explain_decision
from tests.conftest import SEEDS

SEED = SEEDS / "003_218fb273f3dd3233.txt"
HEDGE = (
    "Rescue teams reached the flooded valley on Sunday. "
    "The regional governor said she could not confirm reports that a dam had burst upstream."
)


def _adds_up(decision: Decision) -> None:
    total = decision.intercept + sum(c.contribution for c in decision.contributions)
    assert abs(total - decision.decision_value) < 1e-6
    for c in decision.contributions:
        assert abs(c.weight * c.value - c.contribution) < 1e-12


def test_contributions_add_up_to_the_models_log_odds(session_tagger: Tagger) -> None:
    text = SEED.read_text(encoding="utf-8")
    explanations = explain(session_tagger, text, SEED.stem)
    records = session_tagger.tag(text, SEED.stem)
    inputs = sentence_inputs(analyse(text))
    assert [e.record.index for e in explanations] == [r.index for r in records if r.quote != "none"]
    for e in explanations:
        item = inputs[e.record.index]
        for decision, model in ((e.quote, session_tagger.quote_model_), (e.stance, session_tagger.stance_model_)):
            assert decision is not None
            _adds_up(decision)
            labels = [str(label) for label in model.classes_]
            assert decision.decision_value == pytest.approx(model.decision_function([item])[0][labels.index(decision.label)], abs=1e-9)
        # The explained stance is the tagger's, with the same probability (lexicon prior included,
        # then the model's calibration, as for the record's confidence).
        assert e.stance.label == e.record.stance
        p_attributed = 1.0 if e.quote_note else 1.0 - e.quote.probabilities["none"]
        calibrated = session_tagger.calibration_.stance(p_attributed * e.stance.probability)
        assert calibrated == pytest.approx(e.record.confidence, abs=1e-9)
        assert e.stance.decision_value + e.stance.prior[e.stance.label] == max(
            score + e.stance.prior[label] for label, score in e.stance.scores.items()
        )


def test_feature_names_are_the_sentences_own(session_tagger: Tagger) -> None:
    """Names come from the fitted parts; the hashed part's names are recovered from the sentence's features."""
    text = SEED.read_text(encoding="utf-8")
    inputs = sentence_inputs(analyse(text))
    for e in explain(session_tagger, text, SEED.stem):
        lowered = e.record.text.lower()
        item = inputs[e.record.index]
        features = {**item.features, **item.stance_evidence}  # the stance model also reads the lexicons' evidence
        kinds = {c.kind for c in e.stance.contributions}
        assert {"word n-gram", "lexicon", "structure"} <= kinds
        for c in e.stance.contributions + e.quote.contributions:
            if c.kind == "word n-gram":
                assert all(word in lowered for word in c.feature.split())
            else:
                assert all(name in features for name in c.feature.split(" | ")), c.feature
                assert c.value == sum(features[name] for name in c.feature.split(" | "))


def test_could_not_confirm_is_explained_as_a_hedge(session_tagger: Tagger) -> None:
    [e] = explain(session_tagger, HEDGE, "flood", sentences=[1])
    assert e.record.stance == e.stance.label == "hedge"
    assert ("hedge", "could not confirm") in {(m.kind, m.words) for m in e.lexicon}
    lexicon_for = {c.feature for c in e.stance.contributions if c.kind == "lexicon" and c.contribution > 0}
    assert "lex:lex_hedge" in lexicon_for
    assert e.stance.prior["hedge"] > 0 and not any(e.stance.prior[label] for label in e.stance.prior if label != "hedge")
    _adds_up(e.stance)


def test_the_speaker_candidates_show_why_the_source_won(session_tagger: Tagger) -> None:
    [e] = explain(session_tagger, HEDGE, "flood", sentences=[1])
    speaker = e.speaker
    assert speaker is not None and speaker.speaker == e.record.speaker
    chosen = [c for c in speaker.candidates if c.chosen]
    assert len(chosen) == 1 and chosen[0].name == speaker.speaker and chosen[0].mention == e.record.mention
    assert chosen[0].score == max(c.score for c in speaker.candidates)
    assert chosen[0].probability == pytest.approx(e.record.speaker_confidence, abs=1e-9)
    for candidate in speaker.candidates:
        assert candidate.score == pytest.approx(sum(c.contribution for c in candidate.contributions), abs=1e-9)


def test_narration_is_explained_on_request_without_a_stance(session_tagger: Tagger) -> None:
    [e] = explain(session_tagger, HEDGE, "flood", sentences=[0])
    assert e.record.quote == "none" and e.stance is None and e.speaker is None
    _adds_up(e.quote)
    with pytest.raises(ValueError, match="no sentence 5"):
        explain(session_tagger, HEDGE, "flood", sentences=[5])


def test_any_linear_pipeline_is_explained_from_its_own_parts() -> None:
    """A pipeline with other parts (a CountVectorizer, a DictVectorizer) and two classes."""
    items = [
        SentenceInput("Officials denied the report.", {"has_cue": 1.0, "lex:lex_deny": 1.0}),
        SentenceInput("The minister rejected the claims.", {"has_cue": 1.0, "lex:lex_deny": 1.0}),
        SentenceInput("Police confirmed two arrests.", {"has_cue": 1.0, "lex:lex_confirm": 1.0}),
        SentenceInput("The company confirmed the sale.", {"has_cue": 1.0, "lex:lex_confirm": 1.0, "short": 1.0}),
    ]
    pipeline = Pipeline([
        ("union", FeatureUnion([
            ("tokens", Pipeline([("get", FunctionTransformer(lambda xs: [x.text for x in xs])), ("count", CountVectorizer())])),
            ("hand", Pipeline([("get", FunctionTransformer(lambda xs: [x.features for x in xs])), ("dict", DictVectorizer())])),
        ])),
        ("model", LogisticRegression(random_state=0)),
    ]).fit(items, ["deny", "deny", "confirm", "confirm"])
    item = SentenceInput("Police denied the claims.", {"has_cue": 1.0, "lex:lex_deny": 1.0})
    decision = explain_decision(pipeline, item)
    _adds_up(decision)
    assert decision.label == "deny" and decision.probability == pytest.approx(pipeline.predict_proba([item])[0][1])
    assert {c.part for c in decision.contributions} == {"tokens", "hand"}
    assert {"police", "denied", "claims", "the"} <= {c.feature for c in decision.contributions if c.part == "tokens"}
    assert {c.kind for c in decision.contributions if c.feature == "lex:lex_deny"} == {"lexicon"}
    # The binary model's other class has the same contributions, negated.
    assert decision.scores["confirm"] == pytest.approx(-decision.scores["deny"])
    prior = explain_decision(pipeline, item, prior=np.array([5.0, 0.0]))
    assert prior.label == "confirm" and prior.prior == {"confirm": 5.0, "deny": 0.0}
    _adds_up(prior)


def test_explain_command_table_and_json(cli) -> None:
    table = cli("explain", "-", "--sentence", "1", input=HEDGE)
    assert table.exit_code == 0, table.stderr
    assert "stance: hedge" in table.stdout and 'hedge "could not confirm"' in table.stdout
    assert f"lexicon prior: hedge +{LEXICON_PRIOR:.3f}" in table.stdout and "speaker: " in table.stdout
    result = cli("explain", SEED, "--json")
    assert result.exit_code == 0, result.stderr
    explanations = json.loads(result.stdout)
    assert explanations and all(e["record"]["quote"] != "none" for e in explanations)
    for e in explanations:
        for decision in (e["quote"], e["stance"]):
            total = decision["intercept"] + sum(c["contribution"] for c in decision["contributions"])
            assert abs(total - decision["decision_value"]) < 1e-6


def test_explain_refuses_a_missing_sentence_and_several_articles(cli, tmp_path) -> None:
    missing = cli("explain", SEED, "--sentence", "500")
    assert missing.exit_code == 2 and "no sentence 500" in missing.stderr and missing.stdout == ""
    several = tmp_path / "two.jsonl"
    several.write_text('{"id": "a", "text": "Ana said yes."}\n{"id": "b", "text": "Bo said no."}\n', encoding="utf-8")
    refused = cli("explain", several)
    assert refused.exit_code == 2 and "explain reads one" in refused.stderr


def test_only_the_command_line_imports_the_views() -> None:
    """The layers look down only: cli -> views -> tagger -> text analysis."""
    package = Path(__file__).resolve().parent.parent / "attrib"
    for module in package.glob("*.py"):
        if module.name != "cli.py":
            source = module.read_text(encoding="utf-8")
            assert "from attrib.views" not in source and "import attrib.views" not in source, module.name
