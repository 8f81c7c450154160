"""``workers-env dev [PATH] [--port 8787] [--ip localhost] [--env NAME] [--persist-to DIR]``.

Loads the Python Worker named by ``main`` in the wrangler config and serves it over HTTP,
like ``wrangler dev``. State (vectors, KV) persists under ``--persist-to`` (default
``.wrangler/state`` beside the config, wrangler's default). Bindings you supply come from
``[tool.workers-env.bindings]`` in ``pyproject.toml`` (``NAME = "package.module:factory"``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from workers_env._errors import WorkersEnvError
from workers_env.config import find_config

__all__ = ["register", "run"]

DEFAULT_PORT = 8787


def register(subparsers: Any) -> None:
    """Add the ``dev`` subcommand to the ``workers-env`` parser."""
    parser = subparsers.add_parser(
        "dev",
        help="serve the Python Worker locally over HTTP, like wrangler dev",
        description="Load the worker named by `main` in the wrangler config and serve it on localhost.",
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help="config file, or a folder to search upward from (default: the current folder)",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--ip", default="localhost", help="address to listen on (default: localhost)")
    parser.add_argument(
        "--env", "-e", dest="env", default=None, metavar="NAME",
        help="environment to run, [env.NAME] (default: $CLOUDFLARE_ENV)",
    )
    parser.add_argument(
        "--persist-to", dest="persist_to", default=None, metavar="DIR",
        help="folder for local state (default: .wrangler/state beside the config)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Load the worker and serve it until interrupted; returns the exit code."""
    from workers_env._env import bindings_from_pyproject, load_env
    from workers_env.config import load_config
    from workers_env.runtime import load_worker
    from workers_env.runtime.server import serve
    from workers_env.vectorize.persistent import default_persist_to

    environment = args.env if args.env is not None else os.environ.get("CLOUDFLARE_ENV")
    environment = environment or None
    try:
        config_path = find_config(args.path)
        persist_to = Path(args.persist_to) if args.persist_to else default_persist_to(config_path)
        supplied = bindings_from_pyproject(load_config(config_path, environment=environment))
        env = load_env(config_path, environment=environment, persist_to=persist_to, bindings=supplied)
    except WorkersEnvError as exc:
        print(f"workers-env dev: {exc}", file=sys.stderr)
        return 1
    try:
        worker = load_worker(env=env)
        name = env.config.name or config_path.parent.name
        print(f"Loaded {name} from {worker.main_path}; state in {persist_to}", flush=True)
        print(f"Ready on http://{args.ip}:{args.port}", flush=True)
        serve(worker, host=args.ip, port=args.port)
    except WorkersEnvError as exc:
        print(f"workers-env dev: {exc}", file=sys.stderr)
        return 1
    finally:
        env.close()
    return 0
