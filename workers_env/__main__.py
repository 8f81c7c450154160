"""``python -m workers_env`` runs the command line."""

import sys

from workers_env.cli import main

sys.exit(main())
