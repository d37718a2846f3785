"""Views of the tagger's output for people: a summary across articles, explanations, an HTML page.

These modules read records and fitted models; the tagger never imports them.
The explanations (attrib.views.explain) read the scikit-learn pipelines, so
they are imported on their own, never from here: the HTML page and the
summary need no model code.
"""

from attrib.views.html import html_page
from attrib.views.summary import Summary, summarise

__all__ = ["Summary", "html_page", "summarise"]
