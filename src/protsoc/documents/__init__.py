"""Documents: the Jinja factory, Arabic wording, charts, rendering to Markdown, HTML and PDF."""
