"""``python -m sphinxext_casestudies``: the command line (:mod:`.cli.main`)."""

from __future__ import annotations

import sys

from sphinxext_casestudies.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
