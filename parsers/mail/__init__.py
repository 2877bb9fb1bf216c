"""Reading mail: bytes -> ParsedMessage (MIME, bodies, HTML, replies, forwards, signatures)."""
