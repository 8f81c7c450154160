"""Reading a wrangler configuration as wrangler does: finding the file, TOML/JSON(C) parsing,
``[env.NAME]`` selection, wrangler's diagnostics, ``.dev.vars`` and the ``[tool.workers-env]``
table of ``pyproject.toml``. Knows no binding: each binding reads its own entries from a
:class:`WorkerConfig`.
"""

from workers_env.config.devvars import read_dev_vars
from workers_env.config.diagnostics import Diagnostic, Report
from workers_env.config.wrangler import (
    CONFIG_FILE_NAMES,
    VectorizeBindingConfig,
    WorkerConfig,
    check_config,
    find_config,
    load_config,
    merge_environment,
    read_config_file,
)

__all__ = [
    "CONFIG_FILE_NAMES",
    "Diagnostic",
    "Report",
    "VectorizeBindingConfig",
    "WorkerConfig",
    "check_config",
    "find_config",
    "load_config",
    "merge_environment",
    "read_config_file",
    "read_dev_vars",
]
