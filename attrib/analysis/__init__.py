"""Text analysis: sentences, quotations, lexicons, mentions and names, read from the text alone (no model)."""
