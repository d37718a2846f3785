"""Views of the tagger's output for people: a summary across articles, explanations, an HTML page.

These modules read records and fitted models; the tagger never imports them.
"""

from attrib.views.explain import SentenceExplanation, explain
from attrib.views.html import html_page
from attrib.views.summary import Summary, summarise

__all__ = ["SentenceExplanation", "Summary", "explain", "html_page", "summarise"]
