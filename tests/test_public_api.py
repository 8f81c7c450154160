"""The curated public surface: what `import workers_env` gives and what it leaves alone."""

from __future__ import annotations

import subprocess
import sys

import workers_env


def test_importing_workers_env_puts_no_runtime_stand_ins_on_sys_modules():
    code = (
        "import sys, workers_env\n"
        "from workers_env import load_env, load_worker, Worker, JsDict\n"
        "assert not {'workers', 'js', 'pyodide'} & set(sys.modules), sorted(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_public_name_resolves():
    for name in workers_env.__all__:
        assert getattr(workers_env, name) is not None
    assert set(workers_env.__all__) <= set(dir(workers_env))


def test_exceptions_subclass_the_fitting_builtins():
    assert issubclass(workers_env.ConfigError, ValueError)
    assert issubclass(workers_env.StateError, RuntimeError)
    for cls in (workers_env.ConfigError, workers_env.StateError, workers_env.VectorizeError):
        assert issubclass(cls, workers_env.WorkersEnvError)
    assert issubclass(workers_env.VectorizeError, workers_env.JsException)
