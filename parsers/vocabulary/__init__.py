"""Vocabularies of document layout: column headers, field labels, document kinds, phrases."""
