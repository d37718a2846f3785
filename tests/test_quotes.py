"""Quoted spans: direction-aware pairing, run-on paragraphs, odd marks."""

from __future__ import annotations

from hypothesis import given, settings

from attrib.analysis.quotes import find_quotes
from tests.strategies import hostile_text


def quoted(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_pair_by_direction() -> None:
    text = 'He said \u201cwe will act\u201d and "we mean it".'
    assert quoted(text) == ["we will act", "we mean it"]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "Putin\u2019s troops aren\u2019t there, the minister\u2019s aide said."
    assert find_quotes(text) == []


def test_single_quotes_in_a_headline() -> None:
    assert quoted("DPRK 'sends 1,500 troops to Russia'") == ["sends 1,500 troops to Russia"]
    assert quoted("A sign of Putin\u2019s \u2018desperation\u2019, says UK") == ["desperation"]


def test_nested_single_quotes_stay_inside_the_double_quote() -> None:
    text = "\u201cThey call it \u2018a mission\u2019 now,\u201d she said."
    assert quoted(text) == ["They call it \u2018a mission\u2019 now,"]


def test_quote_run_over_paragraphs_is_marked_continued() -> None:
    text = "He said: \u201cFirst paragraph.\n\u201cSecond paragraph.\n\u201cLast one.\u201d\nNarration."
    spans = find_quotes(text)
    assert [(q.closed, q.continued) for q in spans] == [(False, False), (False, True), (True, True)]
    assert quoted(text) == ["First paragraph.", "Second paragraph.", "Last one."]


def test_other_quote_styles() -> None:
    assert quoted("Er sagte \u201eja\u201c und ging.") == ["ja"]
    assert quoted("Il a dit \u00ab non \u00bb hier.") == [" non "]
    assert quoted("\u5f7c\u306f\u300c\u306f\u3044\u300d\u3068\u8a00\u3063\u305f") == ["\u306f\u3044"]


def test_unbalanced_marks_end_with_the_paragraph_and_keep_the_rest() -> None:
    text = "\u201cNever closed\nA \u201cproper\u201d quote."
    assert quoted(text) == ["Never closed", "proper"]
    stray = "\u201d\u201d\u201cA\u201c B"
    assert [(q.start, q.end, q.closed) for q in find_quotes(stray)] == [(2, len(stray), False)]


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_spans_are_ordered_and_disjoint_on_any_text(text: str) -> None:
    previous_end = 0
    for span in find_quotes(text):
        assert previous_end <= span.start <= span.inner_start <= span.inner_end <= span.end <= len(text)
        previous_end = span.end
