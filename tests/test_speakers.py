"""Speaker choice and quote type on invented articles, through the whole tagger and the command line.

Every article here is made up: no speaker, place or wording comes from the
seeds or from any set the tagger is measured on.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from attrib.records import Record
from attrib.model.tagger import Tagger

MALL = """Harbour Point Mall reopens after weekend scare
Officer Dana Ruiz spoke to reporters outside Harbour Point Mall on Sunday.
"The area is safe and shoppers can return," she said.
Although the alarm went off near Harbour Point Mall, Ruiz said there was no danger to the public.
The mall's owner, Castell Holdings, did not respond to a request for comment.
The city council said on Monday it would review the alarm system. It added that a report was due in June.
"We take this seriously. Every shop will be checked," the city council said. "Nobody should worry.
"The checks start on Friday and will take a week.
(Reporting by Ana Ruiz; Editing by Tom Hale)"""

BORDER = """Norway summons Danish envoy over fishing row
OSLO \u2014 Fishing boats crossed into Norwegian waters on Monday, the coast guard said.
After Copenhagen accused Oslo of seizing a trawler, Norway said on Tuesday it had acted within the law.
Neither the Danish navy nor the fishing association have confirmed that the trawler was seized.
Foreign Minister Per Lund told parliament the envoy would be asked to explain.
"We expect an answer this week," Lund said. "Our waters are not open to all.
He later flew to Bergen, accusing Danish officials of "reckless" fishing.
The ministry did not say when the envoy would arrive."""

COURT = """Lindvik court jails former mayor for bribery
Judge Karen Holm said Erik Strand had "betrayed the trust of every resident".
"My client is innocent," lawyer Petra Lunde told reporters outside the courthouse.
The lawyer added that an appeal would be filed within a week.
When asked about the verdict, the current mayor said the town wanted to move on.
She said new rules on public contracts would be introduced next year.
Asked whether the council had reviewed its contracts, a spokeswoman declined to comment."""

HEADLINES = """Ministry Denies Report on Fuel Shortage
Police confirm two arrests after market brawl
Union slams pay offer
Drought will worsen this year, Kenya says
Chile, Peru, Bolivia condemn border closure
Crowds gathered in the square on Sunday evening"""


def by_index(records: list[Record]) -> dict[int, Record]:
    return {record.index: record for record in records}


@pytest.fixture(scope="module")
def mall(session_tagger: Tagger) -> dict[int, Record]:
    return by_index(session_tagger.tag(MALL, article="mall"))


@pytest.fixture(scope="module")
def border(session_tagger: Tagger) -> dict[int, Record]:
    return by_index(session_tagger.tag(BORDER, article="border"))


@pytest.fixture(scope="module")
def headlines(session_tagger: Tagger) -> dict[int, Record]:
    return by_index(session_tagger.tag(HEADLINES, article="headlines"))


def test_the_subject_of_the_reporting_verb_beats_the_clause_subject(border: dict[int, Record]) -> None:
    assert (border[1].speaker, border[1].mention, border[1].cue) == ("coast guard", "the coast guard", "said")


def test_the_main_clause_beats_a_subordinate_source(border: dict[int, Record], mall: dict[int, Record]) -> None:
    assert border[2].speaker == "Norway"
    assert (mall[3].speaker, mall[3].cue) == ("Dana Ruiz", "said")


def test_the_speaker_is_not_the_audience(border: dict[int, Record]) -> None:
    assert (border[4].speaker, border[4].cue) == ("Per Lund", "told parliament")


def test_a_pronoun_points_to_a_person_not_a_place(mall: dict[int, Record], border: dict[int, Record]) -> None:
    assert (mall[2].speaker, mall[2].mention) == ("Dana Ruiz", "she")
    assert (border[7].speaker, border[7].mention) == ("Per Lund", "He")


@pytest.fixture(scope="module")
def court(session_tagger: Tagger) -> dict[int, Record]:
    return by_index(session_tagger.tag(COURT, article="court"))


def test_a_bare_role_goes_on_with_the_person_just_quoted_but_a_new_holder_does_not(court: dict[int, Record]) -> None:
    assert (court[3].speaker, court[3].mention) == ("Petra Lunde", "The lawyer")
    assert (court[4].speaker, court[4].mention) == ("current mayor", "the current mayor")
    assert (court[5].speaker, court[5].mention) == ("current mayor", "She")


def test_an_office_is_not_a_person_known_by_another(session_tagger: Tagger) -> None:
    article = (
        "Opposition leader Rui Costa said the toll was higher.\n"
        "The mayor said it was too early to say whether the dam had failed.\n"
        "Opposition leader Rui Costa said the dam was old.\n"
        "The official added that repairs had been delayed."
    )
    records = session_tagger.tag(article, article="offices")
    assert records[1].speaker == "mayor"  # not the opposition leader just quoted
    assert records[3].speaker == "Rui Costa"  # "the official" is a description that fits him


def test_a_refusal_to_comment_is_attributed(court: dict[int, Record]) -> None:
    assert (court[6].quote, court[6].cue, court[6].stance) == ("indirect", "declined to comment", "deny")


def test_it_points_to_an_organisation(mall: dict[int, Record]) -> None:
    assert (mall[6].speaker, mall[6].mention) == ("city council", "It")


def test_sentences_of_one_quotation_share_its_speaker(mall: dict[int, Record], border: dict[int, Record]) -> None:
    # Attributed in its second sentence, continued after the attribution, and run on into an unclosed paragraph.
    assert [mall[i].speaker for i in (7, 8, 9, 10)] == ["city council"] * 4
    assert [mall[i].quote for i in (7, 8, 9, 10)] == ["direct"] * 4
    assert (mall[9].mention, mall[10].mention) == (None, None)
    assert border[6].speaker == "Per Lund"


def test_reporting_words_that_report_nothing_are_narration(mall: dict[int, Record], border: dict[int, Record]) -> None:
    for record in (mall[4], border[3], border[8]):
        assert (record.quote, record.speaker, record.stance) == ("none", None, "none")


def test_credit_lines_and_datelines_are_not_sources(mall: dict[int, Record], border: dict[int, Record]) -> None:
    assert mall[11].quote == "none"
    assert all(record.speaker != "OSLO" for record in border.values())


def test_headline_acts_and_statements_are_quotes_of_their_subject(headlines: dict[int, Record], border: dict[int, Record]) -> None:
    assert (border[0].quote, border[0].speaker, border[0].cue) == ("indirect", "Norway", "summons")
    assert (headlines[0].quote, headlines[0].speaker, headlines[0].cue) == ("indirect", "ministry", "Denies")
    assert (headlines[1].quote, headlines[1].speaker) == ("indirect", "Police")
    assert (headlines[2].quote, headlines[2].speaker) == ("indirect", "Union")
    assert headlines[3].speaker == "Kenya"
    assert headlines[4].speaker == "Chile, Peru and Bolivia"
    assert headlines[5].quote == "none"


def test_cli_reads_an_invented_article_from_stdin(cli: Callable) -> None:
    result = cli("predict", "-", "--format", "jsonl", input=BORDER.encode("utf-8"))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in records[:3]] == ["Norway", "coast guard", "Norway"]
    assert records[3]["quote"] == "none"
