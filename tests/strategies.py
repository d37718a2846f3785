"""Generated text for property tests: what scraped news can throw at attrib."""

from __future__ import annotations

from hypothesis import strategies as st

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2039\u203a\u201a\uff02\u300c\u300d\u300e\u300f"
PIECES = [
    "Mr", "Dr", "U.S.", "No", "Oct.", "said", "told", "He", "she", "Officials", "the pair", "Healey",
    "denied", "likely", "condemned", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u4e2d\u6587",
    "\U0001f600", "\u200f", "\x00", "\x1b", "\ufeff",
]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(list(QUOTE_MARKS + ".!?\u2026\u3002 \n\r\t\u00a0\u2028")),
        st.sampled_from(PIECES),
        st.characters(),
    ),
    max_size=120,
).map("".join)
