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
