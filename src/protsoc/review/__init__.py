"""Review of changes: the semantic diff and its renderers, a record's history, CODEOWNERS."""
