"""The command-line layer: Typer code only; every command calls the library once."""
