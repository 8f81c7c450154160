"""``python -m workers_env`` runs the command line."""

from workers_env.cli import run_process

run_process()
