"""Order text: an email body -> ExtractedOrder (tables, list lines, sentences, header fields)."""
