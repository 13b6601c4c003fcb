"""Small modules every layer uses: errors and exit codes, findings, dates, messages, resources."""
