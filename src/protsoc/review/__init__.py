"""Review of changes: the semantic diff (``diff``) and its forms (``reporters``), a record's
history (``history``), CODEOWNERS (``codeowners``)."""
