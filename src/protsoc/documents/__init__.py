"""Documents: the Jinja factory, Arabic wording, charts, rendering to Markdown, HTML and PDF."""

# WeasyPrint and matplotlib are the `documents` extra (pyproject.toml): the core install validates
# and renders Markdown and chart-free HTML; every message about them names this exact command.
DOCUMENTS_INSTALL = "python -m pip install 'protsoc[documents]'"
