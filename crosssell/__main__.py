"""`python -m crosssell <command>`: the operators' commands (see crosssell.cli)."""

import sys

from crosssell.cli import main

if __name__ == "__main__":
    sys.exit(main())
