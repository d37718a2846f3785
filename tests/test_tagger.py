"""The tagger on an article it has never seen: new topic, new outlet, new speakers."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrib.corpus import load_corpus
from attrib.records import QUOTE_TYPES, STANCES
from attrib.model.tagger import Tagger

ROOT = Path(__file__).resolve().parents[1]

# Made up for these tests: no speaker, place or event here occurs in the seeds.
FLOOD = """Flood defences in the valley failed overnight.
Environment Minister Clara Duval said the breach was "a failure we saw coming".
"We warned about this wall for years.
"Nobody listened, and now families have lost their homes," she added.
Ms Duval and her deputy Tomas Reyes visited the town on Tuesday.
The pair condemned what they called "reckless neglect" by the builder.
The builder, Halvorsen Build, denied the claims.
Asked whether more walls could fail, Mr Reyes said it was "too early to say".
Residents were moved to a school hall."""


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger().fit(load_corpus(ROOT / "data" / "labels.jsonl", ROOT / "seeds"))


@pytest.fixture(scope="module")
def flood(tagger: Tagger) -> list:
    return tagger.tag(FLOOD, article="flood")


def test_every_sentence_gets_a_valid_record(flood: list) -> None:
    assert [r.index for r in flood] == list(range(9))
    for record in flood:
        assert record.article == "flood"
        assert FLOOD[record.start : record.end] == record.text
        assert record.quote in QUOTE_TYPES and record.stance in STANCES
        assert record.speaker is None or record.quote != "none"
        assert record.stance == "none" or record.quote != "none"
        assert 0.0 <= record.confidence <= 1.0


def test_a_speaker_never_seen_in_training_is_found(flood: list) -> None:
    assert flood[1].quote == "direct"
    assert flood[1].speaker == "Clara Duval"
    assert flood[1].cue == "said"


def test_continuation_paragraphs_and_pronouns_keep_the_speaker(flood: list) -> None:
    assert [r.speaker for r in flood[2:4]] == ["Clara Duval", "Clara Duval"]
    assert flood[2].mention is None
    assert flood[3].mention == "she"


def test_the_pair_is_the_joint_source_named_before(flood: list) -> None:
    assert flood[5].speaker == "Clara Duval and Tomas Reyes"
    assert flood[5].stance == "condemn"


def test_honorific_resolves_and_stances_follow_the_cues(flood: list) -> None:
    assert (flood[6].speaker, flood[6].stance) == ("Halvorsen Build", "deny")
    assert (flood[7].speaker, flood[7].stance) == ("Tomas Reyes", "hedge")


def test_narration_is_not_attributed(flood: list) -> None:
    assert [flood[i].quote for i in (0, 4, 8)] == ["none", "none", "none"]


def test_a_quote_attributed_in_its_last_sentence_gives_the_speaker_to_all(tagger: Tagger) -> None:
    text = '"The dam is safe. We checked it twice," a senior engineer said.\nRain fell all week.'
    records = tagger.tag(text)
    assert [r.speaker for r in records[:2]] == ["a senior engineer", "a senior engineer"]


def test_batch_equals_one_by_one_and_empty_text_gives_no_records(tagger: Tagger) -> None:
    other = "The council said it would reopen the bridge."
    batch = tagger.tag_many([("flood", FLOOD), ("empty", ""), ("bridge", other)])
    assert batch[0] == tagger.tag(FLOOD, "flood")
    assert batch[1] == []
    assert batch[2] == tagger.tag(other, "bridge")


def test_a_headline_ending_in_a_source_is_attributed_to_it(tagger: Tagger) -> None:
    records = tagger.tag("Ferry operator cancels winter sailings: harbour authority\nBoats stayed in port.")
    assert (records[0].quote, records[0].speaker, records[0].cue) == ("indirect", "harbour authority", None)
    assert records[1].quote == "none"


def test_a_role_noun_refers_back_to_the_source_it_was_introduced_as(tagger: Tagger) -> None:
    text = (
        "A spokesperson for the Lisbon mayor said the tram line would reopen.\n"
        '"We expect it by June," the spokesperson told reporters.'
    )
    records = tagger.tag(text)
    # An unnamed spokesperson speaks for whom they serve; "the spokesperson" then is the same source.
    assert records[0].speaker == "Lisbon mayor"
    assert records[1].speaker == "Lisbon mayor"


def test_every_sentence_of_an_attributed_quotation_is_a_direct_quote(tagger: Tagger) -> None:
    text = 'Mayor Ana Silva said: "The bridge is closed. These are things that happen. We reopen in May."\nTraffic was light.'
    records = tagger.tag(text)
    assert [(r.quote, r.speaker) for r in records[:3]] == [("direct", "Ana Silva")] * 3
    assert records[3].quote == "none"


def test_an_office_goes_on_with_a_named_person_not_an_unnamed_one(tagger: Tagger) -> None:
    text = (
        "Minister: 'We will not back down' on tax plan\n\n"
        "The Chancellor has insisted she will 'not back down' on plans to raise taxes.\n\n"
        "Rachel Reeves told the BBC: 'This is the right thing to do.'"
    )
    records = tagger.tag(text)
    # The headline's "Minister" names no one: "The Chancellor" is not that role.
    assert records[1].speaker != "Minister"
    assert records[2].speaker == "Rachel Reeves"


def test_it_is_the_body_that_opens_the_sentence_before_when_that_one_reports_no_one(tagger: Tagger) -> None:
    text = (
        "A U.S. State Department spokesperson said the sale was consistent with policy.\n\n"
        "Taiwan's defence ministry thanked Washington. In a statement, it said the weapons would help keep the peace."
    )
    records = tagger.tag(text)
    assert records[0].speaker == "U.S. State Department"
    assert records[2].speaker == "Taiwan's defence ministry"


def test_a_nationality_goes_on_with_the_person_just_quoted(tagger: Tagger) -> None:
    text = (
        'Liverpool manager Jurgen Klopp insisted on Friday that Salah was "not for sale". '
        '"Mo is a Liverpool player, full stop," the German told reporters.'
    )
    assert [r.speaker for r in tagger.tag(text)] == ["Jurgen Klopp", "Jurgen Klopp"]


def test_a_name_between_commas_before_said_is_a_person_that_he_can_refer_to(tagger: Tagger) -> None:
    text = (
        "Liverpool manager Jurgen Klopp said Salah was not for sale.\n\n"
        "Al-Ittihad's director of football, Ramon Planes, said the club would not give up. "
        '"We will keep trying," he told Spanish radio.'
    )
    assert tagger.tag(text)[2].speaker == "Ramon Planes"
