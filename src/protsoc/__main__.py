"""`python -m protsoc ...`: the same as the `protsoc` command."""

from protsoc.cli.main import main

if __name__ == "__main__":
    main()
