"""Mentions and names through the whole tagger, on a made-up article with the shapes real news has:
a dateline, an opening adverb, an acronym spelled out, a capital speaking for its country, a firm
described again by a common noun, and a list of countries."""

from __future__ import annotations

import pytest

from attrib.model.tagger import Tagger

# Invented for this test: no such dam, firm or authority exists.
ARTICLE = """Andes neighbours offer help after dam collapse
LIMA (Reuters) - Peru's environment ministry on Monday condemned the collapse of a tailings dam in the southern highlands.
Meanwhile, Chile said it would send rescue teams.
The National Water Authority (NWA) said the river was contaminated.
"The water is not safe to drink," the NWA said in a statement.
Mining firm Cordillera Gold said it was cooperating with investigators.
The Lima-based company denied that the dam had been overloaded.
Quito said it would help with the clean-up.
Chile, Bolivia and Ecuador said they would send experts."""


@pytest.fixture(scope="module")
def speakers(session_tagger: Tagger) -> list[str | None]:
    return [record.speaker for record in session_tagger.tag(ARTICLE, article="dam")]


def test_a_dateline_is_never_the_speaker(speakers: list[str | None]) -> None:
    assert speakers[1] not in ("LIMA", "Reuters", None)


def test_an_opening_adverb_is_never_the_speaker(speakers: list[str | None]) -> None:
    assert speakers[2] == "Chile"


def test_an_acronym_speaks_under_its_full_name(speakers: list[str | None]) -> None:
    assert speakers[3] == speakers[4] == "National Water Authority"


def test_a_firm_described_again_keeps_its_name(speakers: list[str | None]) -> None:
    assert speakers[5] == speakers[6] == "Cordillera Gold"


def test_a_capital_speaks_for_its_country(speakers: list[str | None]) -> None:
    assert speakers[7] == "Ecuador"


def test_a_list_of_countries_is_one_joint_source(speakers: list[str | None]) -> None:
    assert speakers[8] == "Chile, Bolivia and Ecuador"


def test_a_pronoun_skips_a_person_the_article_has_called_by_the_other_one(session_tagger: Tagger) -> None:
    # Invented: neither person exists.  Costa is "she" and Alves "he" by the pronouns right after them.
    text = (
        "Plant row\n\nMaria Costa said the plant was safe. She said inspections were complete.\n\n"
        "Later, Pedro Alves said the plant leaked. He said workers had been told to stay home.\n\n"
        '"We will publish all the data," she said.'
    )
    assert [r.speaker for r in session_tagger.tag(text, article="plant")][-1] == "Maria Costa"


def test_a_name_with_a_description_between_commas_before_its_verb_is_a_person(session_tagger: Tagger) -> None:
    text = (
        "Border row\n\nForeign Minister Carlos Ruiz said the troops had been attacked.\n\n"
        "Andrea Fitzpatrick-Bowen, chief of staff to the president, told reporters the claim was false. "
        '"We have nothing to hide," she said.'
    )
    assert [r.speaker for r in session_tagger.tag(text, article="border")][-1] == "Andrea Fitzpatrick-Bowen"


def test_she_after_a_company_spokeswoman_is_the_company(session_tagger: Tagger) -> None:
    text = (
        "Rail strike called\n\nThe Associated Society of Rail Operatives said its members would strike. Colin Mabry "
        "said pay was too low.\n\nCrestline Rail said the offer was fair.\n\n"
        '"The door remains open," a company spokeswoman said. "We urge the union to talk."\n\n'
        "She declined to say how many trains would run."
    )
    assert [r.speaker for r in session_tagger.tag(text, article="rail")][-1] == "Crestline Rail"


def test_he_after_a_relative_who_shares_a_womans_surname_is_that_relative(session_tagger: Tagger) -> None:
    # "she" after Edna Sturgill says nothing of Caleb Sturgill: the two share a surname.
    text = (
        "Tornado kills three\n\nCoroner Jimmy Boggs identified one victim as Edna Sturgill, who was found in her home. "
        "The other names were being withheld, he said.\n\n"
        "Her grandson, Caleb Sturgill, said she had refused to leave. \"She had lived through a lot of storms,\" he said."
    )
    assert [r.speaker for r in session_tagger.tag(text, article="storm")][-1] == "Caleb Sturgill"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Shutdown looms\n\nMajority Leader Grant Ellery said the chamber would vote again on Friday.\n\n"
            "\"Every worker who misses a paycheck can thank the minority,\" the Kansas Republican said.",
            "Grant Ellery",
        ),
        (
            "Captain fit\n\nHead coach Graham Tolley said the captain would play. Westmark's captain Rohan Deshpande said "
            "he felt fine.\n\n\"I'd like to think I'll be out there,\" the batter said.",
            "Rohan Deshpande",
        ),
    ],
)
def test_a_party_or_a_sport_position_is_the_person_named_before(session_tagger: Tagger, text: str, speaker: str) -> None:
    assert [r.speaker for r in session_tagger.tag(text, article="epithet")][-1] == speaker


def test_rapporteur_and_mep_are_titles(session_tagger: Tagger) -> None:
    text = "Ad rules pass\n\nRapporteur Katrin Vogel said the text was balanced. Hungarian MEP Zoltan Kiss said it was censorship.\n"
    assert [r.speaker for r in session_tagger.tag(text, article="eu")][1:] == ["Katrin Vogel", "Zoltan Kiss"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A person after a sentence's opening "According to" reports all of it.
        ("Talks\n\nForeign Minister Pavel Ryabinin met the envoy.\n\nAccording to him, Moscow maintains contacts with all sides.", "Pavel Ryabinin"),
        # A contentless "spoke" yields to "according to"; a document speaks for its whole issuer.
        ("Call\n\nThe two leaders spoke by phone, according to a White House readout.", "White House"),
    ],
)
def test_wire_and_state_media_sources(session_tagger: Tagger, text: str, speaker: str) -> None:
    assert [r.speaker for r in session_tagger.tag(text, article="wire")][-1] == speaker


def test_a_country_of_two_words_stays_whole_before_its_ministry(session_tagger: Tagger) -> None:
    text = "Embassy attacked\n\nSaudi Arabia's foreign ministry condemned the attack on Monday.\n"
    assert [r.speaker for r in session_tagger.tag(text, article="embassy")][-1] == "Saudi Arabia's foreign ministry"


def test_kin_before_a_name_tells_its_gender(session_tagger: Tagger) -> None:
    # "son Eitan" is a man, so "she" skips him for the mother named before.
    text = (
        "Hostage rally\n\nRuth Almog, whose son Eitan, 24, was taken hostage, spoke at the rally. "
        '"Every day that passes, we fear it could be too late," she said.'
    )
    assert [r.speaker for r in session_tagger.tag(text, article="rally")][-1] == "Ruth Almog"


def test_an_unnamed_source_is_written_in_lower_case_wherever_it_stands(session_tagger: Tagger) -> None:
    # The development set's conventions: "Officials said" and "officials said" are one source for a reader counting them.
    text = "Fire\n\nA neighbour said she heard a bang.\n\nOfficials said the fire was out. The blaze was small, officials said.\n"
    speakers = [r.speaker for r in session_tagger.tag(text, article="fire")][1:]
    assert speakers == ["a neighbour", "officials", "officials"]
