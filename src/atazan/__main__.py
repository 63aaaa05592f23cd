"""`python -m atazan …`: the same as the `atazan` command."""

from atazan.cli import main

main()
