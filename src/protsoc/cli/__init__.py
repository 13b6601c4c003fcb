"""The command-line layer: Typer code only; every command calls the library once.

Each command's summary, the line `protsoc --help` lists, is written once: in ``COMMANDS``
(cli/main.py), so that listing the commands imports none of them. The command's docstring (or,
for a group, its Typer app) holds only what its own ``--help`` says below that line.
"""
