"""Quote type on invented sentences: what reports a source, what only mentions one, and quote marks as copy mixes them."""

from __future__ import annotations

import pytest

from attrib.analysis.quotes import find_quotes
from attrib.analysis.structure import analyse
from attrib.model.tagger import Tagger, _guide_quote


def test_mixed_straight_and_curly_marks_close_each_other() -> None:
    text = '"The port is closed,\u201d the harbour master said. \u201cIt reopens Monday," she added.'
    quotes = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in quotes] == ["The port is closed,", "It reopens Monday,"]


def test_a_possessive_after_an_abbreviation_opens_no_quote() -> None:
    assert find_quotes("Nordic Foods Inc.'s dairy unit also announced it will appeal.") == []


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Norway summons Danish envoy over fishing row", "indirect"),
        ("Lisbon port workers slam new shift rules", "indirect"),
        ("Orchestra cancels winter tour: city council", "indirect"),
        ("Weather service: 'worst storm in decades' on its way", "direct"),
        ("The ministry did not respond to a request for comment.", "none"),
        ("The harbour company has not commented on the closure.", "none"),
        ("It did not say when the ferries would run again.", "none"),
        ("(Reporting by Ana Ruiz; Editing by Tom Hale)", "none"),
        ("Additional reporting by Ola Nes", "none"),
        ("Two ministers resigned on Friday, as reported by the Nordic Times.", "none"),
        ("The profile was written by veteran sports reporter Ola Nes.", "none"),
        ("Firefighters were called to the warehouse shortly after midnight.", "none"),
        ("The harbour company responded to the claims on Monday.", "none"),
        ("The council agreed to the budget on Monday.", "none"),
        ("Lund is also quoted in the magazine's profile, responding to the criticism of his club.", "none"),
    ],
)
def test_guide_rules_set_the_quote_type(session_tagger: Tagger, sentence: str, quote: str) -> None:
    record = session_tagger.tag(sentence)[0]
    assert record.quote == quote
    assert (record.speaker is None) == (quote == "none")


def test_a_refusal_is_still_a_statement(session_tagger: Tagger) -> None:
    record = session_tagger.tag("The ministry would not say whether the ferry had been inspected.")[0]
    assert record.quote == "indirect"
    assert record.speaker == "ministry"


def test_a_picture_caption_is_narration(session_tagger: Tagger) -> None:
    text = (
        "Rescue crews search the river bank on Monday. Families who claim they were not warned gathered nearby. "
        "(Photo by Jan Berg/Nordic Pictures)\n"
        "The river authority said the water was falling."
    )
    records = session_tagger.tag(text)
    # The credit ends the caption's last sentence, and the caption is narration whatever its verbs.
    assert records[1].text.endswith("(Photo by Jan Berg/Nordic Pictures)")
    assert [r.quote for r in records[:2]] == ["none", "none"]
    assert records[2].speaker == "river authority"


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Rebels took the town on Monday, the army said.", "indirect"),
        ('The port will stay "closed until further notice", the harbour master said.', "direct"),
        ("After the union called a strike, the airline agreed to talks.", None),
        ("Crowds gathered in the square on Sunday evening.", None),
        # Verbs that as often name an act: a subject alone does not make them a quote.
        ("The striker claimed his first title on Sunday.", None),
        ("Neighbours called the fire brigade.", None),
        # ... and recalling a number of things is a product recall, which a rule says is narration.
        ("The carmaker recalled 40,000 vehicles last week.", "none"),
    ],
)
def test_a_main_clause_with_its_own_source_is_a_quote_whatever_the_classifier_says(sentence: str, quote: str | None) -> None:
    assert _guide_quote(analyse(sentence).sentences[0], "none") == quote


def test_a_sentence_a_guide_rule_reports_as_no_ones_is_as_sure_as_a_ruled_quote(session_tagger: Tagger) -> None:
    """A credit line is none by rule, so its confidence is the rule's (1, through the calibration), not the classifier's."""
    [said, credit] = session_tagger.tag("Police said the road was closed.\n(Reporting by Ana Lima; Editing by Tom Berg)\n", "x")
    assert said.quote == "indirect" and credit.quote == "none"
    assert credit.confidence == session_tagger.calibration_.stance(1.0)
