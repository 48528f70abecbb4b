"""``python -m translit`` runs the command line (the same as the ``translit`` script)."""

import sys

from translit.cli import main

sys.exit(main())
