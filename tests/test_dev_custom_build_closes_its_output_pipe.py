"""The pipe ``workers-env dev`` reads a custom build's output from is closed once the build ends,
not left to the collector (``ResourceWarning: unclosed file`` on every build, and a file
descriptor held meanwhile); what the build printed and dev's answer stay as they were."""

from __future__ import annotations

import gc
import warnings

from dev_reload_helpers import free_port
from test_dev_custom_build import _project


def test_a_builds_output_pipe_is_closed_when_it_ends(tmp_path, capsys):
    from workers_env.cli import main

    project = _project(tmp_path, "echo built && exit 3")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        assert main(["dev", str(project), "--port", str(free_port())]) == 1
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert capsys.readouterr().out.splitlines() == ["[custom build] Running: echo built && exit 3",
                                                    "[custom build] built", "[custom build] ", ""]
