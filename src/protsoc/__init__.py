"""protsoc: the governance registry of Morocco's social-protection reform, as YAML in git."""

__version__ = "0.1.0"
