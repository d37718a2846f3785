"""The Python API as a newcomer calls it, mistakes included: each says what is wrong up front."""

from __future__ import annotations

from importlib import metadata

import pytest
from sklearn.exceptions import NotFittedError

import attrib
from attrib import Tagger


@pytest.mark.parametrize("text, kind", [(b"The mayor said so.", "bytes"), (None, "NoneType"), (5, "int")])
def test_tag_refuses_text_that_is_not_str(session_tagger: Tagger, text: object, kind: str) -> None:
    with pytest.raises(TypeError, match=f"^text must be str, got {kind}$"):
        session_tagger.tag(text)  # type: ignore[arg-type]


def test_tag_refuses_an_article_id_that_is_not_str(session_tagger: Tagger) -> None:
    with pytest.raises(TypeError, match="article id must be str, got NoneType"):
        session_tagger.tag("The mayor said so.", article=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("articles, words", [("ab", "not one string"), ([("a", "Text.", "extra")], "(id, text) pairs"), (["ab"], "(id, text) pairs")])
def test_tag_many_says_it_takes_pairs(session_tagger: Tagger, articles: object, words: str) -> None:
    with pytest.raises(TypeError, match=words.replace("(", r"\(").replace(")", r"\)")):
        session_tagger.tag_many(articles)  # type: ignore[arg-type]


def test_an_unfitted_tagger_says_so(session_tagger: Tagger) -> None:
    with pytest.raises(NotFittedError, match="not fitted"):
        Tagger().tag("The mayor said so.")
    assert issubclass(NotFittedError, AttributeError)  # code catching the old AttributeError still works


def test_version_comes_from_the_package_metadata() -> None:
    assert attrib.__version__ == metadata.version("attrib")
