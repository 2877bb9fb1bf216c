"""Offline training of the shipped models (NER, textcat): never imported by the pipeline."""
