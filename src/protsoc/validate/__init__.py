"""Validation: the pipeline, schemas, text hygiene, cross-record rules, positions, reporters,
changes since a revision."""
