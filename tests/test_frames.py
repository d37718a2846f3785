"""Attribution frames on invented news sentences: which words report, and which report nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attrib.analysis.frames import Cue
from attrib.analysis.structure import SentenceView, analyse, words_between


def first(text: str) -> SentenceView:
    return analyse(text).sentences[0]


def source_of(text: str) -> str | None:
    main = first(text).main
    return main.source.text if main is not None and main.source is not None else None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # The reporting verb's own subject beats the clause subject and the object.
        ("Rebels took the town on Monday, the army said.", "the army"),
        ("Moreno said there were no concerns about the stadium incident.", "Moreno"),
        ("The ferry sank near the harbour, said the regional governor.", "the regional governor"),
        ("The regulator, founded in 1990 and based in Oslo, said prices rose.", "The regulator"),
        ("Mayor Ines Costa told reporters the bridge was safe.", "Mayor Ines Costa"),
        ("In a statement, the company said sales had fallen.", "the company"),
        # Auxiliaries, adverbs, dates and parentheses between subject and verb.
        ("The regulator on Friday (May 3) firmly insisted that the banks were sound.", "The regulator"),
        ("Police have since repeatedly denied that anyone was hurt.", "Police"),
        ("The Danish navy later denied that any boat had sunk.", "The Danish navy"),
        ("The harbour authority earlier said the pier was closed.", "The harbour authority"),
        ("Officials afterwards insisted the vote was fair.", "Officials"),
        # A subordinate clause's source yields to the main clause's.
        ("After Lisbon accused Madrid of hiding the report, Spain said on Tuesday it had nothing to hide.", "Spain"),
        ("When asked about the strike, Lind insisted the talks would go on.", "Lind"),
        ("Meanwhile, Mayor Ana Silva once again voiced concern about the bridge, saying it was unsafe.", "Mayor Ana Silva"),
        ("Although the fire started near Harbour Point Mall, Moreno said the mall was safe.", "Moreno"),
        ("The ministry condemned the raid, which it called reckless, and said it would respond.", "The ministry"),
        # ... unless the main clause reports nothing said.
        ("It comes a week after the regulator warned of shortages.", "the regulator"),
        ("Vega spoke after the election commission alleged that votes had been bought.", "the election commission"),
        # Appositions and parenthetical words between the subject and its verb.
        ("Blue Harbour, a fishing charity based in Oslo, claimed on Friday that stocks had collapsed.", "Blue Harbour"),
        ("The airline's chief executive, Mara Lind, told staff the routes would close.", "Mara Lind"),
        ("Farm leaders, however, have rejected the plan.", "Farm leaders"),
        ("Villagers, many of whom spent the night in shelters, said they felt abandoned.", "Villagers"),
        # An unnamed source and what it knows: the whole phrase is the source, never what it knows.
        ("Officials familiar with the matter said a deal was unlikely.", "Officials familiar with the matter"),
        ("Sources close to Prime Minister Ana Ruiz said she would resign.", "Sources close to Prime Minister Ana Ruiz"),
        ("A source close to the Kremlin told Reuters the plan was dead.", "A source close to the Kremlin"),
        ("Officials with knowledge of the plan said it was dropped.", "Officials with knowledge of the plan"),
        # Attribution phrases.
        ("Prices will rise next year, according to the central bank.", "the central bank"),
        ("Around 400 homes were flooded, according to Danish tallies.", "Danish tallies"),
        ("Portugal's foreign ministry summoned the Spanish ambassador, according to a report by Lusa.", "Portugal's foreign ministry"),
        # People where they are speak, not the place.
        ("Witnesses at the scene said the car was speeding.", "Witnesses at the scene"),
        ("Residents of the town said the water was brown.", "Residents of the town"),
        ("Protesters outside the embassy said they would stay.", "Protesters outside the embassy"),
        ("However, the members of the agency's advisory committee did recommend a new label.", "the members of the agency's advisory committee"),
        # What an unnamed source knows stays with it after "according to".
        ("Traces were found, according to two people familiar with the findings.", "two people familiar with the findings"),
        ("The deal is close, according to sources close to the talks.", "sources close to the talks"),
        # A document's issuer is its source.
        ("Talks have stalled, according to a report by Lusa.", "Lusa"),
        ("A coach will be named soon, according to a statement from the Football Association.", "Football Association"),
        ("Fares will rise, according to a statement issued by Nordic Rail.", "Nordic Rail"),
        # A name with its age or party set off by commas is one subject.
        ("Dean Walsh, 52, said he was disappointed.", "Dean Walsh, 52"),
        ("Sen. Ana Ruiz, D-Ore., said the bill would pass.", "Sen. Ana Ruiz, D-Ore."),
        ("The local paper quoted a witness as saying the road was closed.", "a witness"),
        ("The broadcaster reported the talks had stalled, quoting an unnamed official.", "an unnamed official"),
        ("The agency, citing two sources, reported that the deal was done.", "The agency"),
        ("Tomas Berg's remarks follow claims by the union that wages were cut.", "the union"),
        ("Berg's remarks follow claims by the dock workers' union, speaking on Monday, that wages were cut.", "the dock workers' union"),
        ("It comes a day after the ministry said prices would rise, and follows claims by the union.", "the ministry"),
        ("The army earlier in the day said the road was open.", "The army"),
        ("Farm leaders have been worried about the harvest for months, warning of shortages.", "Farm leaders"),
        # Headlines: present-tense verbs, Title Case, lists and colons.
        ("Police confirm two arrests after market brawl", "Police"),
        ("Union slams pay offer", "Union"),
        ("Norway summons Danish envoy over fishing row", "Norway"),
        ("Ministry Denies Report on Fuel Shortage", "Ministry"),
        ("Drought will worsen this year, Kenya says", "Kenya"),
        ("Chile, Peru, Bolivia condemn border closure", "Chile, Peru, Bolivia"),
        ("Norway: Danish boats entered its waters illegally", "Norway"),
        ("Ferry operator cancels winter sailings: harbour authority", "harbour authority"),
    ],
)
def test_the_frame_names_the_source(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not respond to a request for comment.",
        "The club has not commented on the transfer.",
        "Neither the club nor the league have confirmed the transfer.",
        "The army has never publicly confirmed the strike.",
        "It did not say when the talks would resume.",
        "The mayor's office did not immediately release a statement.",
        "The company has yet to respond.",
    ],
)
def test_negated_reporting_words_report_nothing(sentence: str) -> None:
    view = first(sentence)
    assert any(cue.negated for cue in view.cues)
    assert view.main is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The ministry would not say whether the deal was agreed.", "The ministry"),
        ("The regulator does not believe the drug is unsafe.", "The regulator"),
        ("Police not saying what caused the crash", "Police"),
    ],
)
def test_refusals_and_negated_judgements_are_statements(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


def test_a_passive_subject_is_the_audience_not_the_source() -> None:
    view = first("The ambassador was informed that two diplomats must leave within a week.")
    cue = view.cues[0]
    assert cue.passive and cue.source is None and cue.content and cue.reports
    assert view.main is None
    called = first("Police were called to a warehouse on Sunday.").cues[0]
    assert called.passive and not called.reports
    hearsay = first("The knife believed to be used was found nearby.").cues[0]
    assert hearsay.passive and not hearsay.reports


def test_a_verb_that_can_report_nothing_is_empty_without_content() -> None:
    assert first("The firm responded to the claims on Monday.").cues[0].empty
    assert not first("The firm responded that the claims were false.").cues[0].empty


def test_a_dateline_place_is_not_a_mention() -> None:
    for text in (
        "OSLO \u2014 The ministry said on Friday that the port would reopen.",
        "Lima, March 3 (AFP) Police said the road was clear.",
        "BERGEN: The council said the vote was fair.",
    ):
        view = first(text)
        assert all(m.text not in ("OSLO", "Lima", "BERGEN") for m in view.mentions)
        assert view.main is not None and view.main.source.text in ("The ministry", "Police", "The council")


@pytest.mark.parametrize(
    "line",
    ["(Reporting by Ana Ruiz; Editing by Tom Hale)", "Photo: Jan Berg", "By Lena Holm", "Additional reporting by Ola Nes"],
)
def test_credit_lines_are_recognised(line: str) -> None:
    assert first(line).credit


@pytest.mark.parametrize(
    "caption",
    ["Crowds gathered on Sunday. (Photo by Jane Doe/Agency)", "Crowds gathered. (FILE PHOTO: Jan Berg)", "Crowds gathered. (\u0130MAGE: Jan Berg)"],
)
def test_a_picture_credit_makes_its_paragraph_a_caption(caption: str) -> None:
    view = analyse(f"The mayor spoke.\n\n{caption}\n\nShe left.")
    assert len(view.sentences) > 2 and not view.sentences[0].credit and not view.sentences[-1].credit
    assert all(s.credit for s in view.sentences[1:-1])


def test_section_labels_and_ordinary_sentences_are_no_colon_sources() -> None:
    assert first("Analysis: the talks are stuck again").headline_source is False
    assert first("Read more: Ferry sinks off the coast").headline_source is False
    assert source_of("Analysis: the talks are stuck again") is None


def test_an_inverted_verb_takes_its_subject_only_when_nothing_follows_it() -> None:
    assert source_of("Prices will rise, said the central bank on Tuesday.") == "the central bank"
    assert source_of("The report, released by a think tank, said Germany was ready to act.") != "Germany"


def test_a_cue_that_is_as_often_a_noun_needs_its_own_subject() -> None:
    assert source_of("The agency is required to review the safety reports received each year.") is None


@pytest.mark.parametrize(
    ("sentence", "reports"),
    [
        ("Arias will present the report to member states next week.", False),
        ("The agency must review the adverse-event reports received in its first year.", False),
        # ... but a noun before a verb that opens what it reports is its subject.
        ("Ukraine video claims to show soldiers at a depot.", True),
    ],
)
def test_a_cue_form_after_a_noun_is_a_noun_unless_a_clause_follows(sentence: str, reports: bool) -> None:
    assert [cue.reports for cue in first(sentence).cues] == [reports]


def test_a_quote_ending_a_one_sentence_paragraph_is_no_headline() -> None:
    assert not first('The coach said the team was "ready."').headline
    assert first("Coach says team is ready").headline


def test_a_list_inside_a_sentence_is_not_a_joint_source() -> None:
    assert source_of("Ships were held by the navy, the coast guard and customs, officials said.") == "officials"


def test_cues_keep_their_offsets() -> None:
    text = "Rebels took the town, the army said."
    cue = first(text).main
    assert isinstance(cue, Cue)
    assert text[cue.start : cue.end] == cue.text == "said"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.one_of(st.characters(max_codepoint=127), st.sampled_from("\u00e9\u00a0\u2019_")), max_size=40),
    st.integers(-3, 45),
    st.integers(-3, 45),
)
def test_words_between_counts_runs_of_word_characters(text: str, start: int, end: int) -> None:
    expected = len(re.findall(r"\w+", text[max(start, 0) : max(end, 0)])) if start <= end else 99
    assert words_between(text, start, end) == expected


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A verb that as often names an act yields to "according to" and to a verb of saying.
        ("Chelsea have agreed a fee for the winger, according to people familiar with the deal.", "people familiar with the deal"),
        ("Rebels called for calm, the governor said.", "the governor"),
        # A finding verb yields too.
        ("The investigation found no evidence of wrongdoing, the ministry said.", "the ministry"),
    ],
)
def test_a_verb_of_saying_outranks_an_act_or_a_finding(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The review found that staff had been overworked.", "The review"),
        ("Three patients died after delays in treatment, an inquiry has found.", "an inquiry"),
        ("A report by the National Audit Office found that the regulator had failed to act.", "National Audit Office"),
        ("The study shows a sharp fall in deaths.", "The study"),
    ],
)
def test_a_document_or_inquiry_reports_what_it_found(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    ["Police found a body in the river on Sunday.", "The minister showed visitors around the plant.", "Divers found the wreck."],
)
def test_finding_a_thing_reports_nothing(sentence: str) -> None:
    view = first(sentence)
    assert view.main is None and not view.reporting_word


def test_hailing_something_reports_the_one_who_hails_it() -> None:
    assert source_of('French President Emmanuel Macron hailed the agreement as "a European solution".') == "French President Emmanuel Macron"


def test_branding_something_reports_the_one_who_brands_it() -> None:
    assert source_of("Shadow chancellor Jeremy Hunt branded the plan 'an attack on aspiration'.") == "Shadow chancellor Jeremy Hunt"


@pytest.mark.parametrize(
    "sentence",
    ["Trump took to Twitter on Sunday to claim he had won.", "The minister took to social media to defend the plan."],
)
def test_taking_to_a_platform_reports_its_subject(sentence: str) -> None:
    assert source_of(sentence) == sentence.split(" took")[0]


def test_taking_to_the_streets_reports_nothing() -> None:
    assert source_of("Thousands took to the streets on Sunday.") is None


def test_a_headline_verb_form_after_a_preposition_is_a_noun() -> None:
    assert source_of("Opposition leader arrested ahead of protests") is None


def test_an_opening_prepositional_phrase_is_no_subject() -> None:
    assert source_of('In a video posted on social media, he said: "I will not give up."') == "he"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A saying verb and its source closing the sentence report the whole of it.
        ("Nissan rejected the idea, they said.", "they"),
        ("The minister denied the report, a diplomat briefed on the talks said on Friday.", "a diplomat briefed on the talks"),
        # ... but not a verb that shares the subject, nor an act after a comma.
        ("During his visit, he criticised China and said Japan was vital.", "he"),
        ("Russia summons US ambassador, expels two diplomats on suspicion of espionage", "Russia"),
    ],
)
def test_a_closing_saying_verb_reports_the_sentence(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    ["Sudan's army accused of deadly strike on market", "Minister blamed for delays at border", "He was accused of fraud."],
)
def test_accused_of_and_blamed_for_with_no_object_are_passive(sentence: str) -> None:
    assert source_of(sentence) is None


def test_accusing_someone_of_something_is_active() -> None:
    assert source_of("Hamas accused Israel of stalling the talks.") == "Hamas"


def test_a_document_with_an_aside_before_its_verb_is_the_source() -> None:
    sentence = "The report, published by a Telegram channel with sources in the Kremlin, said Putin had undergone surgery."
    assert source_of(sentence) == "The report"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A participle after a document describes it: the source is the saying verb's subject.
        ("In a filing posted on the agency's website, the automaker said it knew of three injuries.", "the automaker"),
        # The stop of "Inc." stands between a company and its verb.
        ("SAN FRANCISCO - Acme Inc. said on Wednesday that hackers had accessed its data.", "Acme Inc"),
    ],
)
def test_the_saying_verb_outranks_a_participle_or_a_passive(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    [
        "Officers were called to Carlton Street after reports of a fight.",
        "Last year the company recalled 210,000 pickups over a faulty fuel pump.",
        "The carmaker is recalling about 84,000 vehicles.",
        "A jury on Tuesday ordered Meridale Chemicals to pay $340 million.",
        "The jury found that the plant had leaked.",
    ],
)
def test_recalls_rulings_and_nouns_after_prepositions_report_nothing(sentence: str) -> None:
    assert not any(cue.reports for cue in first(sentence).cues)


def test_a_recount_is_a_noun_and_was_first_reported_a_passive() -> None:
    assert [cue.text for cue in first("Rivals demanded a hand recount.").cues] == ["demanded"]
    cues = first("Acme said its data was stolen, days after the breach was first reported by a blog.").cues
    assert [cue.passive for cue in cues if cue.text == "reported"] == [True]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("She recalled that the plant had leaked for years.", "She"),
        ("The judge said the trial would resume on Monday.", "The judge"),
    ],
)
def test_remembering_and_a_judges_words_still_report(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("headline", "cue", "source"),
    [
        ("\u2018We will not back down\u2019: Reeves defends tax plan", "defends", "Reeves"),
        ("'We will not sell': Halvorsen Foods chief rebuffs takeover approach", "rebuffs", "Halvorsen Foods chief"),
        # ... while a source alone after the colon is still the source.
        ("Ukrainian drone sparks fire at Russian refinery: Governor", "", "Governor"),
    ],
)
def test_a_quote_then_a_colon_then_a_clause_is_the_clauses_statement(headline: str, cue: str, source: str) -> None:
    main = first(headline).main
    assert main is not None and main.source is not None
    assert (main.text, main.source.text) == (cue, source)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("US imposes sanctions on drone suppliers", "US"),
        ("The Treasury Department on Friday imposed sanctions on six companies.", "Treasury Department"),
    ],
)
def test_imposing_sanctions_reports_who_imposes_them(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    "sentence",
    ["NATO declined to comment.", "Corvane declined to comment on the ransom demand.", "It is pertinent to mention here that the bank raised rates."],
)
def test_declining_to_comment_and_the_writers_asides_report_nothing(sentence: str) -> None:
    assert not any(cue.reports for cue in first(sentence).cues)


def test_declining_to_comment_on_whether_a_claim_is_true_still_reports() -> None:
    assert source_of("The ministry declined to comment on whether troops had crossed.") == "The ministry"


def test_the_source_after_a_headlines_colon_outranks_its_verbs_subject() -> None:
    assert source_of("China firmly opposes U.S. sanctions on Chinese firms: FM spokesperson") == "FM spokesperson"


@pytest.mark.parametrize(
    "sentence",
    [
        "Relations have been strained since a 2019 dispute over fishing rights.",
        "Wang made the remarks at a regular press briefing.",
    ],
)
def test_a_dispute_after_a_year_and_where_remarks_were_made_report_nothing(sentence: str) -> None:
    assert not any(cue.reports for cue in first(sentence).cues)


def test_a_caption_ending_in_a_photographers_credit_is_a_caption() -> None:
    view = analyse("Vote count ends\n\nCaption: Election officials count ballots on Aug. 9. (AFP/Simon Maina)\n\nThe commission said the count was fair.")
    assert [s.credit for s in view.sentences] == [False, True, False]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # Where the source is, between it and its verb.
        ("Researchers at the Halvorsen Institute in London found that immunity waned.", "Researchers at the Halvorsen Institute"),
        # Researchers' findings report with or without "that"; a report's apposition before "found".
        ("The researchers found the birds fared worst on farmland.", "The researchers"),
        ("The report, compiled by 64 scientists from seven countries, found that ice loss had doubled.", "The report"),
        # A headline's source after its claim, with no article, in any case.
        ("Teens who scroll after midnight sleep less, study finds", "study"),
        ("Glaciers in the Andes Shrinking Faster Than Expected, Report Warns", "Report"),
    ],
)
def test_findings_of_researchers_and_studies_report(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


def test_police_finding_a_body_still_reports_nothing() -> None:
    assert source_of("Police in Leeds found a body in the river.") is None


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # An age is a person, not "a 2019 dispute".
        ("The 52-year-old told the Echo that chairman Gordon Pryce had promised him the job.", "The 52-year-old"),
        ("But another insider claimed Holloway had been blindsided.", "another insider"),
        # A participle after an object of a preposition shares the clause's subject.
        ("Maya Thornbury has filed a lawsuit against Halcyon Pictures, alleging the studio cut the scene.", "Maya Thornbury"),
        # The object of a verb in the past is not who made the statement.
        ("The FIA defended the decision in a statement on Sunday.", "FIA"),
    ],
)
def test_the_clause_subject_reports_not_its_object_or_age(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A capitalised "Without" inside a name negates nothing.
        ("Doctors Without Borders said the outbreak was spreading.", "Doctors Without Borders"),
        # "for" inside a body's name.
        ("The Office for National Statistics said inflation fell.", "Office for National Statistics"),
        ("The Federal Office for the Protection of the Constitution said it had seen sabotage.", "Federal Office for the Protection of the Constitution"),
        # The source of a relative clause's verb is the one before "who".
        ("A researcher who has reviewed samples of the stolen data told Reuters that passwords leaked.", "A researcher"),
        # Nouns before a bare plural belong to it.
        ("The blaze started in a kitchen, fire officials said.", "fire officials"),
    ],
)
def test_body_names_relative_clauses_and_modified_plurals(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


def test_a_vote_for_a_party_joins_no_name() -> None:
    assert [m.text for m in first("He voted for Labour and said so.").mentions] == ["He", "Labour"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The company has been working with advisers, said two people familiar with the matter.", "two people familiar with the matter"),
        ("The company has been working with advisers, said the people, who asked not to be identified.", "the people"),
    ],
)
def test_unnamed_people_after_an_inverted_verb(sentence: str, source: str) -> None:
    assert source_of(sentence) == source


def test_a_denial_in_a_clause_on_the_claim_is_not_the_sentences_source() -> None:
    sentence = "He also claimed that ministers had signed contracts, an allegation the Home Office later denied."
    assert source_of(sentence) == "He"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The European Farmers' Alliance rejected the study.", "European Farmers' Alliance"),
        ("The Workers' Party of Korea said it would respond.", "Workers' Party of Korea"),
        ("The Professional Footballers' Association said it would support him.", "Professional Footballers' Association"),
    ],
)
def test_a_plural_possessive_inside_a_bodys_name(sentence: str, source: str) -> None:
    assert source_of(sentence) == source
