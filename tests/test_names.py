"""Mentions and the per-article name table: every way news refers to a source."""

from __future__ import annotations

from attrib.names import NameTable, find_mentions
from attrib.structure import analyse


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_mentions(text, 0, len(text), [])]


def table_for(text: str) -> tuple[NameTable, list]:
    view = analyse(text)
    return view.names, [m for s in view.sentences for m in s.mentions]


def resolve(text: str, phrase: str) -> str:
    names, found = table_for(text)
    mention = next(m for m in found if m.text == phrase)
    return names.canonical(mention)


def test_titled_names_split_into_title_and_name() -> None:
    found = find_mentions("Health Secretary Aoife Brennan spoke.", 0, 36, [])
    assert [(m.kind, m.name, m.title) for m in found] == [("name", "Aoife Brennan", "Health Secretary")]


def test_lowercase_titles_before_names_are_titles() -> None:
    text = "The shadow transport minister Tomasz Nowak said so."
    assert ("name", "shadow transport minister Tomasz Nowak") in mentions(text)


def test_role_nouns_pronouns_and_possessive_agencies() -> None:
    text = "A senior EU official said it. Brazil\u2019s weather agency warned. Officials in Lima agreed, she said."
    found = mentions(text)
    assert ("role", "A senior EU official") in found
    assert ("role", "Brazil\u2019s weather agency") in found
    assert ("role", "Officials in Lima") in found
    assert ("pronoun", "she") in found


def test_nationality_adjectives_are_not_names() -> None:
    assert mentions("Chilean miners walked out.") == []


def test_honorific_and_surname_resolve_to_the_full_name() -> None:
    text = "Finance Minister Lena Vogt spoke on Monday. Ms Vogt said the budget was tight."
    assert resolve(text, "Ms Vogt") == "Lena Vogt"


def test_role_resolves_to_the_person_introduced_with_it() -> None:
    text = "Finance Minister Lena Vogt spoke on Monday. The finance minister said more."
    assert resolve(text, "The finance minister") == "Lena Vogt"


def test_appositive_title_is_remembered() -> None:
    text = "Omar Haddad, the Jordanian Interior Minister, spoke. The Interior Minister later added more."
    assert resolve(text, "The Interior Minister") == "Omar Haddad"


def test_a_qualified_role_does_not_take_another_countrys_holder() -> None:
    text = "Omar Haddad, the Jordanian Interior Minister, spoke. The Egyptian interior minister disagreed."
    assert resolve(text, "The Egyptian interior minister") == "Egyptian interior minister"


def test_family_name_first_resolves_through_any_word_of_the_name() -> None:
    text = "Trade envoy Kim Min-jun arrived. Mr Kim said talks went well."
    assert resolve(text, "Mr Kim") == "Kim Min-jun"


def test_joint_sources_join_their_canonical_names() -> None:
    text = "Premier Sofia Marquez met her counterpart Jonas Berg. Ms Marquez and Mr Berg condemned the attack."
    assert resolve(text, "Ms Marquez and Mr Berg") == "Sofia Marquez and Jonas Berg"


def test_peers_keep_their_title() -> None:
    text = "Lord Ashby said it was wrong."
    assert resolve(text, "Lord Ashby") == "Lord Ashby"


def test_institutions_drop_the_article() -> None:
    text = "The Danish government said it would act."
    assert resolve(text, "The Danish government") == "Danish government"
