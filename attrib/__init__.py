"""attrib: who is speaking in each sentence of a news article, and what stance they take."""

from attrib.records import Record
from attrib.tagger import Tagger

__all__ = ["Record", "Tagger"]
